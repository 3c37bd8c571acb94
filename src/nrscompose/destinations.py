# The public path of nrscompose._rules.destinations: written by tools/write_fronts.py
from nrscompose._rules import destinations as _implementation
from nrscompose._rules.destinations import (
    Destination,
    destination,
    known_region,
    normalize_phone,
    unknown_country,
)

__doc__ = _implementation.__doc__
__all__ = [
    "Destination",
    "destination",
    "known_region",
    "normalize_phone",
    "unknown_country",
]
