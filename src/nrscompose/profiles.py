# The public path of nrscompose._counting.profiles: written by tools/write_fronts.py
from nrscompose._counting import profiles as _implementation
from nrscompose._counting.profiles import (
    ENCODINGS,
    PROFILES,
    Channel,
    Encoding,
    Limits,
    Profile,
    get_profile,
)

__doc__ = _implementation.__doc__
__all__ = [
    "ENCODINGS",
    "PROFILES",
    "Channel",
    "Encoding",
    "Limits",
    "Profile",
    "get_profile",
]
