"""What every provider's response parser does the same way: the status checks, reading the JSON
body, and turning a body of another shape into the provider's ``MalformedResponseError``.

Each provider keeps what differs: its error body (``_raise_error``), its answers' shapes and its
exception types.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final, NoReturn, TypeAlias, TypeVar

from nrscompose._base.http import JsonValue, load_json

__all__ = [
    "EMPTY",
    "JsonObject",
    "Shape",
    "api_moment",
    "ascii_integer",
    "check_status",
    "json_object",
    "json_or_none",
    "parse_json",
    "rest",
    "shown",
    "text_of",
]

JsonObject: TypeAlias = Mapping[str, JsonValue]
EMPTY: Final[JsonObject] = MappingProxyType({})
_R = TypeVar("_R")
# (status, reason, raw body) -> the provider's MalformedResponseError
Malformed: TypeAlias = Callable[[int, str, str], Exception]


# An API identifier or count has far fewer digits; more would only cost time to convert.
_MAX_DIGITS: Final = 30


def ascii_integer(text: str) -> int | None:
    """The integer written in ASCII digits, or ``None`` (``'²'.isdigit()`` is true too)."""
    digits = text.strip()
    if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DIGITS:
        return int(digits)
    return None


def api_moment(value: JsonValue) -> datetime | None:
    """An API date (ISO 8601, ``YYYY-mm-dd HH:ii:ss`` or ``YYYYmmddHHiiss``) in UTC."""
    if not isinstance(value, str) or not value:
        return None
    try:
        if value.isdigit() and len(value) == 14:
            return datetime.strptime(value, "%Y%m%d%H%M%S").replace(tzinfo=UTC)
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    # The API documents its dates as UTC; a date without an offset is read as UTC.
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


class Shape(Exception):
    """Raised inside the parsers when the JSON is not of the documented shape."""


def text_of(body: bytes | str) -> str:
    """The body as text; bytes that are not UTF-8 are replaced, never an error."""
    return body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body


def shown(raw: str) -> str:
    """A body as an error message quotes it: the first 500 characters."""
    return raw if len(raw) <= 500 else raw[:500] + "…"


def check_status(
    status: int, raw: str, raise_error: Callable[[int, str], NoReturn], malformed: Malformed
) -> None:
    """Raise the provider's error for 4xx/5xx, and ``malformed`` for any other non-2xx."""
    if status >= 400:
        raise_error(status, raw)
    if not 200 <= status < 300:
        raise malformed(status, f"unexpected HTTP status {status}", raw)


def parse_json(
    status: int,
    raw: str,
    parse: Callable[[JsonValue], _R],
    malformed: Malformed,
    shape_reason: Callable[[str], str] = str,
) -> _R:
    """``parse`` of the JSON body; text that is not JSON, or of another shape, raises
    ``malformed`` (``shape_reason`` words a :class:`Shape`'s message)."""
    try:
        return parse(load_json(raw))
    except ValueError as error:
        raise malformed(status, f"not JSON: {error}", raw) from None
    except Shape as error:
        raise malformed(status, shape_reason(str(error)), raw) from None


def json_or_none(raw: str) -> JsonValue:
    """An error body's JSON, or ``None`` when it is empty or not JSON (the status still says
    what happened)."""
    try:
        return load_json(raw) if raw.strip() else None
    except ValueError:
        return None


def json_object(value: JsonValue, what: str) -> JsonObject:
    if not isinstance(value, dict):
        raise Shape(f"{what} is not an object")
    return value


def rest(obj: JsonObject, known: Sequence[str]) -> JsonObject:
    """The fields of ``obj`` a value does not name (its ``extra``), read-only."""
    extra = {k: v for k, v in obj.items() if k not in known}
    return MappingProxyType(extra) if extra else EMPTY
