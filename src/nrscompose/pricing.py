# The public path of nrscompose._rules.pricing: written by tools/write_fronts.py
from nrscompose._rules import pricing as _implementation
from nrscompose._rules.pricing import (
    Price,
    PriceList,
    Quote,
)

__doc__ = _implementation.__doc__
__all__ = [
    "Price",
    "PriceList",
    "Quote",
]
