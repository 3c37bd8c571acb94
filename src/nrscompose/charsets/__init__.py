# The public path of nrscompose._counting.charsets: written by tools/write_fronts.py
from nrscompose._counting import charsets as _implementation
from nrscompose._counting.charsets import (
    DEFAULT,
    DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    PORTUGUESE,
    PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    TWO_UNITS,
    SeptetCharset,
    for_tables,
)

__doc__ = _implementation.__doc__
__all__ = [
    "DEFAULT",
    "DEFAULT_LOCKING_PORTUGUESE_SHIFT",
    "PORTUGUESE",
    "PORTUGUESE_LOCKING_DEFAULT_SHIFT",
    "TWO_UNITS",
    "SeptetCharset",
    "for_tables",
]
