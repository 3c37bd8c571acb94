# The public path of nrscompose._counting.splitting: written by tools/write_fronts.py
from nrscompose._counting import splitting as _implementation
from nrscompose._counting.splitting import (
    parts_of as parts_of,
)
from nrscompose._counting.splitting import (
    split as split,
)

__doc__ = _implementation.__doc__
__all__ = [
    "parts_of",
    "split",
]
