"""The root of the exception hierarchy and the bad-argument errors, below everything else.

Kept apart from :mod:`nrscompose.errors` (which re-exports them and adds the errors that carry
problems) so that :mod:`nrscompose.problems` can refuse a malformed problem without an import
cycle. The classes say they are ``nrscompose._base.errors``'s: that is where users import them from.
"""

from __future__ import annotations

__all__ = ["ArgumentError", "ArgumentTypeError", "NrsComposeError"]


class NrsComposeError(Exception):
    """Base class of every error this package raises on purpose."""

    __module__ = "nrscompose._base.errors"


class ArgumentError(NrsComposeError, ValueError):
    """A bad value given as an argument: an unknown channel, profile or encoding name, a timeout
    that is not a positive number, a URL the library refuses.

    Payload validation (a provider's ``validate``) keeps returning problems instead; this is for
    the arguments of the library's own functions and constructors.
    """

    __module__ = "nrscompose._base.errors"


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type (bytes where text is expected, a string for a number)."""

    __module__ = "nrscompose._base.errors"
