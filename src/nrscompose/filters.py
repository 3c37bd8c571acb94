# The public path of nrscompose._composition.filters: written by tools/write_fronts.py
from nrscompose._composition import filters as _implementation
from nrscompose._composition.filters import (
    FILTERS,
    SHORT_URL_LENGTH,
    SHORT_URL_STAND_IN,
    Filter,
    Shortener,
    capitalize,
    capitalize_all,
    format_comma_dot,
    format_dot_comma,
    lower,
    make_shorten,
    shorten,
    upper,
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
