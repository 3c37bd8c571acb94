# The public path of nrscompose._base.problems: written by tools/write_fronts.py
from nrscompose._base import problems as _implementation
from nrscompose._base.problems import (
    KINDS as KINDS,
)
from nrscompose._base.problems import (
    PLURAL_KINDS as PLURAL_KINDS,
)
from nrscompose._base.problems import (
    SEVERITIES as SEVERITIES,
)
from nrscompose._base.problems import (
    VARIANT_KINDS as VARIANT_KINDS,
)
from nrscompose._base.problems import (
    Problem as Problem,
)
from nrscompose._base.problems import (
    render as render,
)
from nrscompose._base.problems import (
    required_one_of as required_one_of,
)
from nrscompose._base.problems import (
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
