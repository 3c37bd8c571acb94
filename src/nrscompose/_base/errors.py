"""The exception hierarchy, named by who is at fault.

* :class:`ValidationError` — the caller asked for something invalid (bad text, an encoding
  that cannot carry the text). It carries every :class:`~nrscompose.problems.Problem` found,
  each with its kind, the field, the character span and — from a provider — its error code.
* :class:`ApiError` — the provider answered with an error; :class:`MalformedResponseError`, one
  of its kinds, is an answer that is not of the shape the provider documents (each provider
  raises its own subclass, which is also that provider's API error).
* :class:`TransportError` — the request never got a usable answer.
* :class:`MissingExtraError` — a feature's optional library is not installed (the message
  names the extra that installs it).

All derive from :class:`NrsComposeError`; ``ValidationError`` is also a ``ValueError`` so that
code written against plain Python conventions keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from nrscompose._base.error_base import ArgumentError, ArgumentTypeError, NrsComposeError
from nrscompose._base.extras import MissingExtraError
from nrscompose._base.problems import Problem

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

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


# Hostile input can have a problem per character (an 800 KB template had 133,000): past this
# many, the error keeps the first ones and counts the rest, so its message stays readable.
MAX_PROBLEMS: Final = 100


class ValidationError(NrsComposeError, ValueError):
    """The caller's input is invalid; ``problems`` lists what was found, not only the first.

    At most :data:`MAX_PROBLEMS` problems are kept, in order; ``omitted`` counts the others.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = tuple(problems)
        self.problems: tuple[Problem, ...] = found[:MAX_PROBLEMS]
        self.omitted: int = len(found) - len(self.problems)
        if not self.problems:
            raise ValueError("ValidationError needs at least one problem")
        super().__init__(self.describe())

    def describe(self, locale: str = "en") -> str:
        """Every problem on one line, each as :meth:`Problem.describe` writes it in ``locale``
        (``str(error)`` is the English line)."""
        message = "; ".join(problem.describe(locale) for problem in self.problems)
        if self.omitted:
            message += f"; and {self.omitted} more problems"
        return message

    @classmethod
    def single(
        cls,
        kind: str,
        field: str,
        span: tuple[int, int] | None = None,
        params: Mapping[str, object] | None = None,
    ) -> ValidationError:
        return cls([Problem(kind, field, span, params or {})])

    @property
    def kinds(self) -> tuple[str, ...]:
        """The problem kinds, in order, without duplicates."""
        return tuple(dict.fromkeys(p.kind for p in self.problems))

    @property
    def codes(self) -> tuple[int, ...]:
        """The API error codes of the problems, in order, without duplicates."""
        return tuple(dict.fromkeys(p.code for p in self.problems if p.code is not None))


class ApiError(NrsComposeError):
    """The provider answered with an error (``status`` HTTP status, ``code`` API error code)."""

    def __init__(self, status: int, code: int | None, description: str) -> None:
        self.status = status
        self.code = code
        self.description = description
        super().__init__(
            f"HTTP {status}" + (f" error {code}" if code is not None else "") + f": {description}"
        )


class MalformedResponseError(ApiError):
    """The answer is not of the documented shape (not JSON, another shape, an unexpected
    status). ``raw`` holds the body as text. Catch this class for every provider at once; each
    provider raises a subclass that is also its own API error."""

    raw: str


class TransportError(NrsComposeError):
    """The request could not be carried (connection refused, timeout, TLS failure…)."""
