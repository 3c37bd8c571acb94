# The public path of nrscompose._base.errors: written by tools/write_fronts.py
from nrscompose._base import errors as _implementation
from nrscompose._base.errors import (
    ApiError as ApiError,
    ArgumentError as ArgumentError,
    ArgumentTypeError as ArgumentTypeError,
    MalformedResponseError as MalformedResponseError,
    MissingExtraError as MissingExtraError,
    NrsComposeError as NrsComposeError,
    Problem as Problem,
    TransportError as TransportError,
    ValidationError as ValidationError,
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
