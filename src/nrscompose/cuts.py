"""Where a long message is cut into parts: the one cut planner behind ``analyze``, ``split``
and ``Analysis.part_bounds``.

A cut never separates the two septets of an escape pair, nor the two code units of a surrogate
pair (costs are counted per code point, so both are atomic here), nor the code points of a
grapheme cluster (CRLF, combining marks, ZWJ emoji, flags) — unless one cluster alone is longer
than a part, which is then cut between code points. Cuts are greedy: each part takes as much as
fits, which is what carriers and handsets do, so the count is what they bill.

The planner does O(parts) Python work; everything proportional to the text is a C-level scan.
A text whose code points cost two units is measured in units once — a septet text with a
mark before each escape character (``str.replace``), a UTF-16 text as its UTF-16-LE bytes —
so a cut is a unit offset, moved back one unit if it would split an escape or surrogate pair
and converted to characters by counting marks or decoding the part. Grapheme clusters are
examined only around each cut, from the last certain boundary (found by a backward C-level
search) and never before the part: a run of clusters as long as the text (64k flags,
combining marks, ZWJ chains, Hangul jamo) costs time in proportion to its length.
"""

from __future__ import annotations

from functools import cache

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Boundary = Callable[[str, int, int], int]

__all__ = ["SeptetUnits", "Utf16Units", "crlf_boundary", "grapheme_boundary", "plan_parts"]

# Grapheme_Cluster_Break values that take part in a rule forbidding a break (UAX #29 GB3–GB13;
# GB9c's linkers are Extend). Between two characters outside these classes there is always a
# boundary, whatever comes before or after.
_JOINING_CLASSES = [
    "CR", "LF", "Extend", "ZWJ", "Regional_Indicator", "SpacingMark", "Prepend",
    "L", "V", "T", "LV", "LVT",
]  # fmt: skip


@cache
def _regex() -> Any:
    import regex  # imported on first need: it is the heaviest import of the core

    return regex


@cache
def _joining_classes() -> str:
    return "".join(rf"\p{{Grapheme_Cluster_Break={name}}}" for name in _JOINING_CLASSES)


@cache
def _joining() -> Any:
    return _regex().compile(f"[{_joining_classes()}]")


@cache
def _last_certain_boundary() -> Any:
    # Searched backwards (regex's REVERSE flag): two neighbours that join nothing.
    alone = f"[^{_joining_classes()}]"
    return _regex().compile(f"(?r){alone}{alone}").search


@cache
def _last_not_flag() -> Any:
    return _regex().compile(r"(?r)\P{Grapheme_Cluster_Break=Regional_Indicator}").search


@cache
def _clusters() -> Any:
    return _regex().compile(r"\X").findall


_JOINS: dict[str, bool] = {}  # per character: its class never changes, and texts repeat them


def _joins(char: str) -> bool:
    """Whether ``char`` takes part in a rule that forbids a cluster break next to it."""
    found = _JOINS.get(char)
    if found is None:
        found = _JOINS[char] = _joining().match(char) is not None
    return found


def grapheme_boundary(text: str, start: int, end: int) -> int:
    """The last grapheme cluster boundary in ``(start, end]`` of ``text[start:]``, or ``end``
    when there is none (one cluster longer than the part). ``end < len(text)``.

    Finds the last certain boundary (two non-joining neighbours) before ``end`` with one
    backward C-level search that stops at ``start``, then segments only the slice from there
    to ``end``: the character at ``end`` decides whether ``end`` is a boundary, nothing after
    it does.
    """
    before, after = text[end - 1], text[end]
    joins_after, joins_before = _JOINS.get(after), _JOINS.get(before)  # inlined: once a cut
    if joins_after is None:
        joins_after = _joins(after)
    if joins_before is None:
        joins_before = _joins(before)
    if not joins_after and not joins_before:
        return end
    if "\U0001f1e6" <= before <= "\U0001f1ff" and "\U0001f1e6" <= after <= "\U0001f1ff":
        # Inside a run of regional indicators, flags pair up from the run's start (GB12,
        # GB13): a parity, not a segmentation (regex's \X counts back over the whole run).
        other = _last_not_flag()(text, start, end)
        run_start = other.end() if other is not None else start
        if end - 1 > run_start:
            return end if (end - run_start) % 2 == 0 else end - 1
    certain = _last_certain_boundary()(text, start, end)
    probe = certain.start() + 1 if certain is not None else start
    boundary = at = probe
    for cluster in _clusters()(text[probe : end + 1]):  # a slice: no look behind it
        at += len(cluster)
        if at > end:
            break
        boundary = at
    return boundary if boundary > start else end


def crlf_boundary(text: str, start: int, end: int) -> int:
    """The cluster rule for septet texts, whose tables hold no combining or joining
    characters: only a CRLF can be a cluster of two."""
    if text[end] == "\n" and text[end - 1] == "\r" and end - 1 > start:
        return end - 1
    return end


ESCAPE_MARK = "\uffff"  # a noncharacter: in no septet table, so never in a septet text


class SeptetUnits:
    """A septet text measured in septets: each escape character written after a mark, so a
    unit offset is a string offset and counting marks (C-level) converts it to characters."""

    __slots__ = ("_count", "_units")

    def __init__(self, text: str, escaped: str, count: Callable[[str], int | None]) -> None:
        units = text
        for char in escaped:
            if char in units:  # most texts hold one or two of them
                units = units.replace(char, ESCAPE_MARK + char)
        self._units = units
        self._count = count  # septets of a piece of the text

    def fit(self, start: int, start_unit: int, target: int) -> tuple[int, int]:
        """The furthest (character, unit) offset from ``start`` whose unit is ``<= target``."""
        units = self._units
        if units[target - 1] == ESCAPE_MARK:  # an escape pair would straddle the target
            target -= 1
        return start + (target - start_unit) - units.count(ESCAPE_MARK, start_unit, target), target

    def between(self, text: str, start: int, end: int) -> int:
        return self._count(text[start:end]) or 0


class Utf16Units:
    """A text measured in UTF-16 code units, through its UTF-16-LE bytes (C-level)."""

    __slots__ = ("_octets",)

    def __init__(self, text: str) -> None:
        self._octets = text.encode("utf-16-le")

    def fit(self, start: int, start_unit: int, target: int) -> tuple[int, int]:
        octets = self._octets
        if 0xD8 <= octets[2 * target - 1] <= 0xDB:  # a surrogate pair would straddle it
            target -= 1
        return start + len(octets[2 * start_unit : 2 * target].decode("utf-16-le")), target

    def between(self, text: str, start: int, end: int) -> int:
        return len(text[start:end].encode("utf-16-le")) // 2


def plan_parts(
    text: str,
    measure: SeptetUnits | Utf16Units | None,
    units: int,
    single: int,
    size: int,
    boundary: Boundary | None,
) -> tuple[list[int], int]:
    """Part bounds ``[0, cut1, …, len(text)]`` and the units of the last part.

    ``measure`` converts between characters and units when some code points cost two units
    (``None``: every code point costs one); ``units`` is the text's total; ``single`` and
    ``size`` the limits of a part sent alone and of a concatenated one; ``boundary`` moves a
    cut back to a cluster boundary (``None``: no cluster can span a cut). An empty text has
    no parts: ``[0]``.
    """
    length = len(text)
    if not length:
        return [0], 0
    if units <= single:
        return [0, length], units
    bounds = [0]
    start = used = 0
    while units - used > size:
        if measure is None:
            end = reached = used + size
        else:
            end, reached = measure.fit(start, used, used + size)
            if end <= start:  # a part holds at least one code point, whatever it costs
                end, reached = start + 1, used + measure.between(text, start, start + 1)
        if boundary is not None:
            cut = boundary(text, start, end)
            if cut != end:
                reached -= end - cut if measure is None else measure.between(text, cut, end)
                end = cut
        bounds.append(end)
        start, used = end, reached
    bounds.append(length)
    return bounds, units - used
