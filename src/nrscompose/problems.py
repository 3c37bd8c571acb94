# The public path of nrscompose._base.problems: written by tools/write_fronts.py
from nrscompose._base import problems as _implementation
from nrscompose._base.problems import (
    KINDS,
    PLURAL_KINDS,
    SEVERITIES,
    VARIANT_KINDS,
    Problem,
    refusal,
    render,
    required_one_of,
    severity,
)

__doc__ = _implementation.__doc__
__all__ = [
    "KINDS",
    "PLURAL_KINDS",
    "SEVERITIES",
    "VARIANT_KINDS",
    "Problem",
    "refusal",
    "render",
    "required_one_of",
    "severity",
]
