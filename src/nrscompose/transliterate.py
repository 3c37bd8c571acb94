# The public path of nrscompose._counting.transliterate: written by tools/write_fronts.py
from nrscompose._counting import transliterate as _implementation
from nrscompose._counting.transliterate import (
    TRANS_TABLE,
    transliterate,
)

__doc__ = _implementation.__doc__
__all__ = [
    "TRANS_TABLE",
    "transliterate",
]
