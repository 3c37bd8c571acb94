"""How long a value's text would be, known before the text is made: the sandbox's pre-checks.

``str([[0] * 1000000] * 1000000)`` is 3 million million characters built from two lists of
8 MB; Python allocates it (or dies trying) before any check after the fact can run. The
functions here walk a value and add up the characters its ``str``, ``repr`` or JSON form would
have, stopping as soon as the sum passes a budget: every item adds at least one character, so a
walk costs at most ``budget`` steps, whatever the value shares or nests. The sizes are upper
bounds, exact for the common cases (text, numbers, lists and mappings of them).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from itertools import chain
from typing import Final, Literal

__all__ = ["Form", "text_size", "walk"]

Form = Literal["str", "repr", "ascii", "json"]

# Characters a string's repr or JSON escapes into more than one: a backslash, quotes, and (in
# Jinja's HTML-safe JSON) the characters HTML gives meaning to, written as \u003c.
_JSON_HTML: Final = "<>&'"
# The longest escape of one character: \U0001f600 in repr/ascii, \ud83d\ude00 in JSON.
_WIDEST_ESCAPE: Final = 12


def _string_size(text: str, form: Form) -> int:
    if form == "str":
        return len(text)
    plain = text.isascii() if form in ("ascii", "json") else True
    if plain and text.isprintable():
        extra = text.count("\\") + text.count('"') + text.count("'")
        if form == "json":
            extra += 5 * sum(text.count(char) for char in _JSON_HTML)
        return len(text) + 2 + extra
    return _WIDEST_ESCAPE * len(text) + 2


def _number_size(value: int | float | Decimal) -> int:
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return value.bit_length() * 30103 // 100000 + 2  # log10(2): the decimal digits
    if isinstance(value, float):
        return 24
    exponent = value.as_tuple().exponent
    spread = abs(exponent) if isinstance(exponent, int) else 3
    return len(value.as_tuple().digits) + spread + 8  # a Decimal in plain notation


class Walk:
    """What :func:`walk` found: characters (an upper bound), items, and the deepest nesting."""

    __slots__ = ("depth", "items", "size")

    def __init__(self) -> None:
        self.size = 0
        self.items = 0
        self.depth = 0


def walk(value: object, budget: int, form: Form = "str") -> Walk:
    """The size of ``value`` in ``form``, counted until it passes ``budget`` (then it is some
    number above ``budget``). Containers are written as Python (or JSON) writes them. The walk
    keeps one iterator per level of nesting, never a copy of a container's items."""
    found = Walk()
    stack: list[tuple[Iterator[object], Form, int]] = [(iter((value,)), form, 0)]
    while stack and found.size <= budget:
        members, shape, depth = stack[-1]
        item = next(members, _END)
        if item is _END:
            stack.pop()
            continue
        found.items += 1
        found.depth = max(found.depth, depth)
        size, children = _item_size(item, shape)
        found.size += size
        if children is not None:
            inner: Form = shape if shape in ("json", "ascii") else "repr"
            stack.append((children, inner, depth + 1))
    return found


_END: Final = object()


def _item_size(item: object, form: Form) -> tuple[int, Iterator[object] | None]:
    if isinstance(item, str):
        return _string_size(item, form), None
    if item is None:
        return 4, None
    if isinstance(item, int | float | Decimal):
        return _number_size(item), None
    if isinstance(item, Mapping):
        # braces, then ": " and ", " for each entry
        return 2 + 4 * len(item), chain.from_iterable(item.items())
    if isinstance(item, list | tuple | set | frozenset):
        # brackets (or "frozenset({" … "})"), then ", " between items
        return 12 + 2 * len(item), iter(item)
    return len(repr(item)) if form != "str" else len(str(item)), None  # the caller's objects


def text_size(value: object, budget: int, form: Form = "str") -> int:
    """The characters of ``value`` in ``form`` (above ``budget`` once it passes ``budget``)."""
    if isinstance(value, str):
        return len(value) if form == "str" else _string_size(value, form)
    size, children = _item_size(value, form)
    return size if children is None else walk(value, budget, form).size
