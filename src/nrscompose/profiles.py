# The public path of nrscompose._counting.profiles: written by tools/write_fronts.py
from nrscompose._counting import profiles as _implementation
from nrscompose._counting.profiles import (
    ENCODINGS as ENCODINGS,
)
from nrscompose._counting.profiles import (
    PROFILES as PROFILES,
)
from nrscompose._counting.profiles import (
    Channel as Channel,
)
from nrscompose._counting.profiles import (
    Encoding as Encoding,
)
from nrscompose._counting.profiles import (
    Limits as Limits,
)
from nrscompose._counting.profiles import (
    Profile as Profile,
)
from nrscompose._counting.profiles import (
    get_profile as get_profile,
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
