# The public path of nrscompose._counting.suggestions: written by tools/write_fronts.py
from nrscompose._counting import suggestions as _implementation
from nrscompose._counting.suggestions import (
    Replacement,
    Suggestion,
    apply,
    candidate,
    suggest,
)

__doc__ = _implementation.__doc__
__all__ = [
    "Replacement",
    "Suggestion",
    "apply",
    "candidate",
    "suggest",
]
