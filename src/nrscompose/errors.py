"""The exception hierarchy, named by who is at fault.

* :class:`ValidationError` — the caller asked for something invalid (bad text, an encoding
  that cannot carry the text, an unknown profile). It carries every :class:`Problem` found,
  each with the provider's error code where one exists, the field and the character index.
* :class:`ApiError` — the provider answered with an error.
* :class:`TransportError` — the request never got a usable answer.

All derive from :class:`NrsComposeError`; ``ValidationError`` is also a ``ValueError`` so that
code written against plain Python conventions keeps working.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

__all__ = [
    "ApiError",
    "ArgumentError",
    "ArgumentTypeError",
    "NrsComposeError",
    "Problem",
    "TransportError",
    "ValidationError",
]


class NrsComposeError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the caller's input.

    ``code`` is the 360nrs API error code the server would answer with (``None`` when the API
    has none), ``field`` the request field (``"message"``, ``"to"``…), ``message`` a sentence a
    person understands, and ``start``/``end`` the span of the offending characters in the
    field's text, when the problem is in text.
    """

    field: str
    message: str
    code: int | None = None
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        prefix = f"[{self.code}] " if self.code is not None else ""
        return f"{prefix}{self.field}: {self.message}"


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
        message = "; ".join(str(problem) for problem in self.problems)
        if self.omitted:
            message += f"; and {self.omitted} more problems"
        super().__init__(message)

    @classmethod
    def single(
        cls,
        field: str,
        message: str,
        *,
        code: int | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> ValidationError:
        return cls([Problem(field, message, code, start, end)])

    @property
    def codes(self) -> tuple[int, ...]:
        """The API error codes of the problems, in order, without duplicates."""
        return tuple(dict.fromkeys(p.code for p in self.problems if p.code is not None))


class ArgumentError(NrsComposeError, ValueError):
    """A bad value given as an argument: an unknown channel, profile or encoding name, a timeout
    that is not a positive number, a URL the library refuses.

    Payload validation (a provider's ``validate``) keeps returning problems instead; this is for
    the arguments of the library's own functions and constructors.
    """


class ArgumentTypeError(ArgumentError, TypeError):
    """An argument of the wrong type (bytes where text is expected, a string for a number)."""


class ApiError(NrsComposeError):
    """The provider answered with an error (``status`` HTTP status, ``code`` API error code)."""

    def __init__(self, status: int, code: int | None, description: str) -> None:
        self.status = status
        self.code = code
        self.description = description
        super().__init__(
            f"HTTP {status}" + (f" error {code}" if code is not None else "") + f": {description}"
        )


class TransportError(NrsComposeError):
    """The request could not be carried (connection refused, timeout, TLS failure…)."""
