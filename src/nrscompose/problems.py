# The public path of nrscompose._base.problems: written by tools/write_fronts.py
from nrscompose._base import problems as _implementation
from nrscompose._base.problems import (
    KINDS as KINDS,
    PLURAL_KINDS as PLURAL_KINDS,
    SEVERITIES as SEVERITIES,
    VARIANT_KINDS as VARIANT_KINDS,
    Problem as Problem,
    render as render,
    required_one_of as required_one_of,
    severity as severity,
)

__doc__ = _implementation.__doc__
__all__ = [
    "KINDS",
    "PLURAL_KINDS",
    "SEVERITIES",
    "VARIANT_KINDS",
    "Problem",
    "render",
    "required_one_of",
    "severity",
]
