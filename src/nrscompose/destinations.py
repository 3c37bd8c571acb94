# The public path of nrscompose._rules.destinations: written by tools/write_fronts.py
from nrscompose._rules import destinations as _implementation
from nrscompose._rules.destinations import (
    WHY as WHY,
)
from nrscompose._rules.destinations import (
    Destination as Destination,
)
from nrscompose._rules.destinations import (
    destination as destination,
)
from nrscompose._rules.destinations import (
    known_region as known_region,
)
from nrscompose._rules.destinations import (
    normalize_phone as normalize_phone,
)

__doc__ = _implementation.__doc__
__all__ = [
    "WHY",
    "Destination",
    "destination",
    "known_region",
    "normalize_phone",
]
