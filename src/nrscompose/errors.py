# The public path of nrscompose._base.errors: written by tools/write_fronts.py
from nrscompose._base import errors as _implementation
from nrscompose._base.errors import (
    ApiError,
    ArgumentError,
    ArgumentTypeError,
    MalformedResponseError,
    MissingExtraError,
    NrsComposeError,
    Problem,
    TransportError,
    ValidationError,
)

__doc__ = _implementation.__doc__
__all__ = [
    "ApiError",
    "ArgumentError",
    "ArgumentTypeError",
    "MalformedResponseError",
    "MissingExtraError",
    "NrsComposeError",
    "Problem",
    "TransportError",
    "ValidationError",
]
