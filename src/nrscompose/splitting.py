# The public path of nrscompose._counting.splitting: written by tools/write_fronts.py
from nrscompose._counting import splitting as _implementation
from nrscompose._counting.splitting import (
    parts_of,
    split,
)

__doc__ = _implementation.__doc__
__all__ = [
    "parts_of",
    "split",
]
