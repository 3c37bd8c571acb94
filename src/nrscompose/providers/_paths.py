"""Path parameters: the one function every provider fills its path templates with.

A value placed in a path can move the request to another endpoint: ``{"id": ".."}`` in
``/groups/{id}`` is ``/groups/..``, which every client and server normalise to ``/`` (RFC 3986
5.2.4, "Remove Dot Segments"). So a value is first checked against the type of its parameter
— an id is a positive whole number, a message id letters and digits, a phone number an
international number, a closed set its members — and then every character outside RFC 3986's
unreserved set is percent-encoded. What is left can hold no ``/``, ``?``, ``#`` or dot segment.
:func:`normalised_path` is the same rule for a whole path received from outside (a listing's
next link): percent-encoded dots decoded, dot segments removed, as a server would.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Final, Literal, TypeAlias
from urllib.parse import quote

from nrscompose._base.problems import Problem
from nrscompose._rules.destinations import normalize_phone

__all__ = [
    "PathType",
    "fill_path",
    "inside",
    "normalised_path",
    "path_segment",
    "placeholders",
    "shown_value",
]

# The type of a path parameter: one of these names, or the closed set of its values.
PathType: TypeAlias = Literal["id", "message_id", "message_ids", "phone"] | frozenset[str]

_PLACEHOLDER: Final = re.compile(r"\{(\w+)\}")
# A database id: ASCII digits, at most 19 (a signed 64-bit integer), not zero.
_ID: Final = re.compile(r"[0-9]{1,19}")
# A message id as the 360nrs answers write it ("id": "XXXXXXXXXXXXX"): letters and digits.
_MESSAGE_ID: Final = re.compile(r"[A-Za-z0-9_-]{1,64}")
# E.164 numbers have at most 15 digits; with "+", "00" and separators a written one stays short.
_PHONE_MAX: Final = 32
_LARGEST: Final = 2**63 - 1  # no id nor phone number is larger
_REPR_BITS: Final = 256  # an integer shown by its size beyond (Python refuses 4,300 digits)
_ENCODED_DOT: Final = re.compile(r"%2e", re.IGNORECASE)
# Some servers (nginx among them) decode %2F before they resolve dot segments.
_ENCODED_SEPARATOR: Final = re.compile(r"%2f|%5c", re.IGNORECASE)


def path_segment(name: str, value: object, kind: PathType) -> tuple[str | None, Problem | None]:
    """``value`` encoded for the path parameter ``name`` of type ``kind``, or the problem."""
    if value is None or (isinstance(value, str) and not value):
        return None, Problem("path.required", name, None, {"name": name})
    shown = shown_value(value)
    if isinstance(kind, frozenset):
        if isinstance(value, str) and value in kind:
            return quote(value, safe=""), None
        return None, Problem(
            "value.choice", name, None, {"value": shown, "choices": ", ".join(sorted(kind))}
        )
    if kind == "id":
        text = _id_text(value)
        if text is None:
            return None, Problem("path.not_id", name, None, {"value": shown})
        return text, None
    if kind in ("message_id", "message_ids"):
        items = value.split(",") if isinstance(value, str) and kind == "message_ids" else [value]
        if all(isinstance(i, str) and _MESSAGE_ID.fullmatch(i) for i in items):
            return ",".join(map(str, items)), None  # ``sms/<ID>`` takes ids separated by commas
        return None, Problem("path.not_message_id", name, None, {"value": shown})
    text = value if isinstance(value, str) else _int_text(value) or ""
    number = normalize_phone(text) if 0 < len(text) <= _PHONE_MAX else None
    if number is None:
        return None, Problem("path.not_phone", name, None, {"value": shown})
    return number, None


def shown_value(value: object) -> str:
    """``value`` for a sentence: its ``repr``, cut (an integer of thousands of digits has no
    ``repr``: Python refuses to convert it)."""
    if isinstance(value, int) and value.bit_length() > _REPR_BITS:
        return f"an integer of {value.bit_length()} bits"
    return repr(value)[:80]


def _int_text(value: object) -> str | None:
    """The digits of a positive ``int`` no id or number exceeds (never of a ``bool``)."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= _LARGEST:
        return str(value)
    return None


def _id_text(value: object) -> str | None:
    text = value if isinstance(value, str) else _int_text(value)
    if text is None or not _ID.fullmatch(text) or int(text) < 1:
        return None
    return text


def fill_path(
    template: str, values: Mapping[str, object], types: Mapping[str, PathType]
) -> tuple[str, list[Problem]]:
    """``template`` with each ``{name}`` replaced by its value checked as ``types[name]``;
    the problems of the values refused (the placeholder is then left as it is)."""
    problems: list[Problem] = []

    def substitute(match: re.Match[str]) -> str:
        encoded, problem = path_segment(match[1], values.get(match[1]), types[match[1]])
        if problem is not None:
            problems.append(problem)
        return encoded if encoded is not None else match[0]

    path = _PLACEHOLDER.sub(substitute, template)
    if not problems and normalised_path(path) != path:  # pragma: no cover - by construction
        raise AssertionError(f"{path!r} is not a normal path")
    return path, problems


def placeholders(template: str) -> tuple[str, ...]:
    """The ``{name}`` parameters of a path template, in order."""
    return tuple(_PLACEHOLDER.findall(template))


def normalised_path(path: str) -> str:
    """``path`` as a server resolves it: ``%2E`` read as ``.`` (an unreserved character, RFC
    3986 6.2.2.2) and ``.``/``..`` segments removed (RFC 3986 5.2.4). A backslash, ``%2F`` and
    ``%5C`` count as a slash, as several servers read them: the strictest reading."""
    segments: list[str] = []
    decoded = _ENCODED_SEPARATOR.sub("/", _ENCODED_DOT.sub(".", path))
    parts = decoded.replace("\\", "/").split("/")
    for index, segment in enumerate(parts):
        last = index == len(parts) - 1
        if segment == "..":
            if len(segments) > 1:
                segments.pop()
            if last:
                segments.append("")
        elif segment == ".":
            if last:
                segments.append("")
        else:
            segments.append(segment)
    return "/".join(segments) if segments != [""] else "/"


def inside(path: str, base: str) -> bool:
    """Whether ``path`` normalises to ``base`` or below it (``base`` without a trailing slash)."""
    return normalised_path(path).startswith(base + "/")
