# The public path of nrscompose._base.errors: written by tools/write_fronts.py
from nrscompose._base import errors as _implementation
from nrscompose._base.errors import (
    ApiError as ApiError,
)
from nrscompose._base.errors import (
    ArgumentError as ArgumentError,
)
from nrscompose._base.errors import (
    ArgumentTypeError as ArgumentTypeError,
)
from nrscompose._base.errors import (
    MalformedResponseError as MalformedResponseError,
)
from nrscompose._base.errors import (
    MissingExtraError as MissingExtraError,
)
from nrscompose._base.errors import (
    NrsComposeError as NrsComposeError,
)
from nrscompose._base.errors import (
    Problem as Problem,
)
from nrscompose._base.errors import (
    TransportError as TransportError,
)
from nrscompose._base.errors import (
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
