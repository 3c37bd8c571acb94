# The public path of nrscompose._counting.user_data: written by tools/write_fronts.py
from nrscompose._counting import user_data as _implementation
from nrscompose._counting.user_data import (
    encode_parts,
)

__doc__ = _implementation.__doc__
__all__ = [
    "encode_parts",
]
