# The public path of nrscompose._composition.filters: written by tools/write_fronts.py
from nrscompose._composition import filters as _implementation
from nrscompose._composition.filters import (
    FILTERS as FILTERS,
)
from nrscompose._composition.filters import (
    SHORT_URL_LENGTH as SHORT_URL_LENGTH,
)
from nrscompose._composition.filters import (
    SHORT_URL_STAND_IN as SHORT_URL_STAND_IN,
)
from nrscompose._composition.filters import (
    Filter as Filter,
)
from nrscompose._composition.filters import (
    Shortener as Shortener,
)
from nrscompose._composition.filters import (
    capitalize as capitalize,
)
from nrscompose._composition.filters import (
    capitalize_all as capitalize_all,
)
from nrscompose._composition.filters import (
    format_comma_dot as format_comma_dot,
)
from nrscompose._composition.filters import (
    format_dot_comma as format_dot_comma,
)
from nrscompose._composition.filters import (
    lower as lower,
)
from nrscompose._composition.filters import (
    make_shorten as make_shorten,
)
from nrscompose._composition.filters import (
    shorten as shorten,
)
from nrscompose._composition.filters import (
    upper as upper,
)

__doc__ = _implementation.__doc__
__all__ = [
    "FILTERS",
    "SHORT_URL_LENGTH",
    "SHORT_URL_STAND_IN",
    "Filter",
    "Shortener",
    "capitalize",
    "capitalize_all",
    "format_comma_dot",
    "format_dot_comma",
    "lower",
    "make_shorten",
    "shorten",
    "upper",
]
