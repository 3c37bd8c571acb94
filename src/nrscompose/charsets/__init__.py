# The public path of nrscompose._counting.charsets: written by tools/write_fronts.py
from nrscompose._counting import charsets as _implementation
from nrscompose._counting.charsets import (
    DEFAULT as DEFAULT,
)
from nrscompose._counting.charsets import (
    DEFAULT_LOCKING_PORTUGUESE_SHIFT as DEFAULT_LOCKING_PORTUGUESE_SHIFT,
)
from nrscompose._counting.charsets import (
    PORTUGUESE as PORTUGUESE,
)
from nrscompose._counting.charsets import (
    PORTUGUESE_LOCKING_DEFAULT_SHIFT as PORTUGUESE_LOCKING_DEFAULT_SHIFT,
)
from nrscompose._counting.charsets import (
    TWO_UNITS as TWO_UNITS,
)
from nrscompose._counting.charsets import (
    SeptetCharset as SeptetCharset,
)
from nrscompose._counting.charsets import (
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
