"""Parse ``{name|filter}`` placeholders once: the values, placeholders and compiled program."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Final, Literal

from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import Problem
from nrscompose._composition.filters import (
    FILTERS,
    Filter,
    Shortener,
    make_shorten,
)
from nrscompose._counting.analysis import describe_char
from nrscompose._rules.message_rules import (
    SERVER_FILLED,
    otp_length_problem,
)

if TYPE_CHECKING:
    pass


Value = str | int | float | Decimal
Alphabet = Literal["gsm", "unicode"]

_OPEN: Final = re.compile(r"\{(\w[\w.-]*)")
_FILTER_NAME: Final = re.compile(r"[^\W\d]\w*")
MAX_PROBLEMS: Final = 100


@dataclass(frozen=True, slots=True)
class OtpConfig:
    """The ``otpConfig`` request object as far as it changes the text: code length and kind.

    360nrs API reference: ``length`` 3–10, default 4; ``alpha`` true for an alphanumeric code.
    """

    length: int = 4
    alpha: bool = False

    def __post_init__(self) -> None:
        problem = otp_length_problem(self.length)
        if problem is not None:
            raise ValidationError([problem])


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One ``{name|filter…}`` occurrence: ``start``/``end`` index the template text."""

    name: str
    filters: tuple[str, ...]
    start: int
    end: int
    functions: tuple[Filter, ...] = field(default=(), repr=False, compare=False)

    @property
    def reserved(self) -> bool:
        return self.name in SERVER_FILLED

    def apply(self, value: str) -> str:
        for function in self.functions:
            value = function(value)
        return value

    @property
    def written(self) -> str:
        """The placeholder as written: ``{name|filter…}``."""
        return "{" + "|".join((self.name, *self.filters)) + "}"

    def describe(self) -> str:
        return f"{self.written} at {self.start}"


# A compiled template is a sequence of literals with one slot between each two of them.
# A slot is a Placeholder (filled from values) or a str (a fixed stand-in, for previews).
Slot = Placeholder | str


@dataclass(frozen=True, slots=True)
class Program:
    literals: tuple[str, ...]
    slots: tuple[Slot, ...]


def parse_placeholders(text: str, shortener: Shortener | None) -> tuple[Placeholder, ...]:
    found: list[Placeholder] = []
    problems: list[Problem] = []
    shorten = make_shorten(shortener)
    position = 0
    while (match := _OPEN.search(text, position)) is not None:
        start, at = match.start(), match.end()
        name = match.group(1)
        if at == len(text):
            problems.append(_unterminated(start, len(text)))
            break
        if text[at] not in "|}":
            position = start + 1  # a brace that is not a placeholder: text
            continue
        filters: list[str] = []
        functions: list[Filter] = []
        while at < len(text) and text[at] == "|":
            word = _FILTER_NAME.match(text, at + 1)
            if word is None:
                break
            filter_name = word.group()
            if filter_name not in FILTERS:
                params = _unknown_filter(filter_name, word.start())
                span = (word.start(), word.end())
                problems.append(Problem("template.unknown_filter", "message", span, params))
            filters.append(filter_name)
            functions.append(shorten if filter_name == "shorten" else FILTERS.get(filter_name, str))
            at = word.end()
        if at < len(text) and text[at] == "}":
            placeholder = Placeholder(name, tuple(filters), start, at + 1, tuple(functions))
            if placeholder.reserved and filters:
                params = {"placeholder": text[start : at + 1], "index": start}
                span = (start, at + 1)
                problems.append(Problem("template.reserved_filter", "message", span, params))
            found.append(placeholder)
            position = at + 1
            continue
        if at >= len(text) or (text[at] == "|" and at + 1 == len(text)):
            problems.append(_unterminated(start, len(text)))
            break
        bad = at + 1 if text[at] == "|" else at
        params = {"char": describe_char(text[bad]), "index": bad, "start": start}
        problems.append(Problem("template.unexpected_character", "message", (bad, bad + 1), params))
        position = bad + 1
    if problems:
        raise ValidationError(problems)
    return tuple(found)


def _unterminated(start: int, end: int) -> Problem:
    return Problem("template.unterminated", "message", (start, end), {"index": start})


def _unknown_filter(name: str, index: int) -> dict[str, object]:
    """The params of an unknown filter, with the known one it is closest to ("capitalise")."""
    from difflib import get_close_matches  # only on this error path: a slow import

    close = get_close_matches(name, list(FILTERS), n=1, cutoff=0.6)
    return {
        "name": name,
        "index": index,
        "known": ", ".join(FILTERS),
        "suggested": bool(close),
        "suggestion": close[0] if close else "",
    }
