# The public path of nrscompose._counting.charsets.codec: written by tools/write_fronts.py
from nrscompose._counting.charsets import codec as _implementation
from nrscompose._counting.charsets.codec import (
    register,
)

__doc__ = _implementation.__doc__
__all__ = [
    "register",
]
