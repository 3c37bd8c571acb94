# The public path of nrscompose._counting.charsets: written by tools/write_fronts.py
from nrscompose._counting import charsets as _implementation
from nrscompose._counting.charsets import (
    DEFAULT as DEFAULT,
    DEFAULT_LOCKING_PORTUGUESE_SHIFT as DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    PORTUGUESE as PORTUGUESE,
    PORTUGUESE_LOCKING_DEFAULT_SHIFT as PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    TWO_UNITS as TWO_UNITS,
    SeptetCharset as SeptetCharset,
    for_tables as for_tables,
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
