"""Where a long message is cut into parts: the one cut planner behind ``analyze``, ``split``
and ``Analysis.part_bounds``.

A cut never separates the two septets of an escape pair, nor the two code units of a surrogate
pair (costs are counted per code point, so both are atomic here), nor the code points of a
grapheme cluster (CRLF, combining marks, ZWJ emoji, flags) — unless one cluster alone is longer
than a part, which is then cut between code points. Cuts are greedy: each part takes as much as
fits, which is what carriers and handsets do, so the count is what they bill.

The planner does O(parts) Python work; everything proportional to the text is a C-level scan.
A text whose code points cost two units is measured in units once, as a *unit map* of one
byte per unit with a mark on the first unit of each pair — a septet text through the C
charmap encoder and ``bytes.translate``, a UTF-16 text from the high bytes of its UTF-16-LE
encoding — so a cut is a unit offset, moved back one unit if it would split an escape or
surrogate pair and converted to characters by counting the marks before it. A text of
one-unit code points whose cuts all fall between characters that join nothing is cut every
part size (two strided slices check the neighbours of every cut). Otherwise grapheme
clusters are examined only around each cut: most cuts are settled by the kinds of the two
characters beside them; the others are segmented from the last certain boundary (found by a
backward C-level search) and never before the part, so a run of clusters as long as the
text (64k flags, combining marks, ZWJ chains, Hangul jamo) costs time in proportion to its
length.
"""

from __future__ import annotations

from functools import cache

from nrscompose._counting.charsets import TWO_UNITS

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    Boundary = Callable[[str, int, int], int]
    # the regex module (imported on first use) ships no type information
    Regex = Any

__all__ = [
    "crlf_boundary",
    "grapheme_boundary",
    "no_cut_moves",
    "plan_parts",
    "utf16_unit_map",
    "utf16_units",
]

# Grapheme_Cluster_Break values that take part in a rule forbidding a break (UAX #29 GB3–GB13;
# GB9c's linkers are Extend). Between two characters outside these classes there is always a
# boundary, whatever comes before or after.
_JOINING_CLASSES = [
    "CR", "LF", "Extend", "ZWJ", "Regional_Indicator", "SpacingMark", "Prepend",
    "L", "V", "T", "LV", "LVT",
]  # fmt: skip


@cache
def _regex() -> Regex:
    import regex  # imported on first need: it is the heaviest import of the core

    return regex


@cache
def _joining_classes() -> str:
    return "".join(rf"\p{{Grapheme_Cluster_Break={name}}}" for name in _JOINING_CLASSES)


@cache
def _joining() -> Regex:
    return _regex().compile(f"[{_joining_classes()}]")


@cache
def _last_certain_boundary() -> Regex:
    # Searched backwards (regex's REVERSE flag): two neighbours that join nothing.
    alone = f"[^{_joining_classes()}]"
    return _regex().compile(f"(?r){alone}{alone}").search


@cache
def _last_not_flag() -> Regex:
    return _regex().compile(r"(?r)\P{Grapheme_Cluster_Break=Regional_Indicator}").search


@cache
def _clusters() -> Regex:
    return _regex().compile(r"\X").findall


@cache
def _kind_patterns() -> tuple[Regex, Regex, Regex]:
    regex = _regex()
    return (
        regex.compile(r"\p{Grapheme_Cluster_Break=Regional_Indicator}").match,
        regex.compile(r"\p{Grapheme_Cluster_Break=Extend}").match,
        regex.compile(r"\p{InCB=Consonant}").match,  # GB9c joins it to a linker before it
    )


# What a character can do at a cut, by the rules that forbid a break (learned once per
# character: its class never changes and texts repeat their characters):
_FREE = 0  # joins nothing
_FLAG = 1  # a regional indicator: joins only another one (GB12, GB13)
_EXTEND = 2  # binds to what precedes it (GB9); after it, only GB9c can forbid a break
_BINDS = 3  # anything else that joins: CR, LF, ZWJ, Prepend, SpacingMark, Hangul jamo
_CONSONANT = 4  # joins nothing itself, but GB9c may join it to the linker before it
# (before, after) pairs with a boundary between them whatever surrounds them.
_CERTAIN = frozenset(
    {
        (_FREE, _FREE), (_FREE, _CONSONANT), (_CONSONANT, _FREE), (_CONSONANT, _CONSONANT),
        (_FREE, _FLAG), (_CONSONANT, _FLAG), (_EXTEND, _FLAG),
        (_FLAG, _FREE), (_FLAG, _CONSONANT),
        (_EXTEND, _FREE),
    }
)  # fmt: skip
_KINDS: dict[str, int] = {}
_NEVER_JOINS: set[str] = set()  # the characters of kind _FREE or _CONSONANT


def _kind(char: str) -> int:
    kind = _KINDS.get(char)
    if kind is None:
        flag, extend, consonant = _kind_patterns()
        if _joining().match(char) is None:
            kind = _CONSONANT if consonant(char) else _FREE
            _NEVER_JOINS.add(char)
        elif flag(char):
            kind = _FLAG
        elif extend(char):
            kind = _EXTEND
        else:
            kind = _BINDS
        _KINDS[char] = kind
    return kind


def grapheme_boundary(text: str, start: int, end: int) -> int:
    """The last grapheme cluster boundary in ``(start, end]`` of ``text[start:]``, or ``end``
    when there is none (one cluster longer than the part). ``end < len(text)``; ``start`` is a
    cluster boundary (the text's start, or a cut moved to one)."""
    found = _last_boundary(text, start, end)
    return end if found is None else found


def _last_boundary(text: str, start: int, end: int) -> int | None:
    """The last cluster boundary in ``(start, end]``, ``start`` being one; ``None`` if none.

    Most cuts fall between two characters whose kinds alone guarantee a boundary. Otherwise
    finds the last certain boundary (two non-joining neighbours) before ``end`` with one
    backward C-level search that stops at ``start``, then segments only the slice from there
    to ``end``: the character at ``end`` decides whether ``end`` is a boundary, nothing after
    it does.
    """
    before, after = text[end - 1], text[end]
    if (_kind(before), _kind(after)) in _CERTAIN:
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
    return boundary if boundary > start else None


def grapheme_cut(text: str, start: int, end: int, inside: int | None) -> tuple[int, int | None]:
    """The cut of a part from ``start`` to at most ``end`` (``end < len(text)``), and where the
    cluster it falls in ends when the cut had to go inside one.

    A cut is the last cluster boundary in ``(start, end]``; a cluster longer than a part is cut
    where the part is full. ``inside`` is the end of the cluster that such a cut left
    ``start`` in (``None`` when ``start`` is a boundary): the boundaries of the text, not of
    the slice after the cut, decide the next cut (a zero width joiner after it would seem to
    end a cluster of its own). Each long cluster is measured once.
    """
    anchor = start if inside is None else inside
    if anchor >= end:
        return end, (anchor if anchor > end else None)
    found = _last_boundary(text, anchor, end)
    if found is not None:
        return found, None
    if anchor > start:  # the long cluster ends in this part
        return anchor, None
    return end, _cluster_at(text, start)


def _cluster_at(text: str, at: int) -> int:
    """Where the cluster that starts at the boundary ``at`` ends."""
    found = _cluster_match()(text, at)
    return int(found.end()) if found is not None else len(text)


@cache
def _cluster_match() -> Regex:
    return _regex().compile(r"\X").match


def crlf_boundary(text: str, start: int, end: int) -> int:
    """The cluster rule for septet texts, whose tables hold no combining or joining
    characters: only a CRLF can be a cluster of two."""
    if text[end] == "\n" and text[end - 1] == "\r" and end - 1 > start:
        return end - 1
    return end


_TWO_UNITS = TWO_UNITS[0]
# The high byte of a UTF-16 code unit: D8-DB starts a surrogate pair (a code point outside the
# BMP, two units); a lone surrogate never gets here (it cannot be encoded).
_HIGH_SURROGATE_CLASS = b"." * 0xD8 + TWO_UNITS * 4 + b"." * (256 - 0xDC)


def utf16_unit_map(octets: bytes) -> bytes:
    """The unit map of a text from its UTF-16-LE bytes: each code unit's high byte (a C-level
    slice with a step), classified by ``bytes.translate``."""
    return octets[1::2].translate(_HIGH_SURROGATE_CLASS)


def utf16_units(piece: str) -> int:
    return len(piece.encode("utf-16-le")) >> 1


def no_cut_moves(text: str, size: int, boundary: Boundary | None) -> bool:
    """Whether no cut of a text of one-unit code points, every ``size`` characters, needs
    moving: two C-level slices with a step hold the characters on either side of every cut."""
    if boundary is None:
        return True
    if boundary is crlf_boundary:
        return "\r" not in text[size - 1 :: size]
    if boundary is grapheme_boundary:
        return _NEVER_JOINS.issuperset(text[size - 1 :: size]) and _NEVER_JOINS.issuperset(
            text[size::size]
        )
    return False


def plan_parts(
    text: str,
    unit_map: bytes | None,
    units_of: Callable[[str], int | None],
    units: int,
    single: int,
    size: int,
    boundary: Boundary | None,
) -> tuple[list[int], int]:
    """Part bounds ``[0, cut1, …, len(text)]`` and the units of the last part.

    ``unit_map`` has one byte per unit of the text, ``TWO_UNITS`` on the first unit of each
    code point that costs two (``None``: every code point costs one): a unit offset is a byte
    offset, it is moved back one unit if it would split a pair, and counting the marks before
    it (C-level) converts it to a character offset. ``units_of`` measures a piece of the text
    (only when a cluster moves a cut); ``units`` is the text's total; ``single`` and ``size``
    the limits of a part sent alone and of a concatenated one; ``boundary`` moves a cut back
    to a cluster boundary (``None``: no cluster can span a cut). An empty text has no parts:
    ``[0]``.
    """
    length = len(text)
    if not length:
        return [0], 0
    if units <= single:
        return [0, length], units
    if unit_map is None and no_cut_moves(text, size, boundary):  # cuts every ``size``
        bounds = list(range(0, length, size))
        last = length - bounds[-1]
        bounds.append(length)
        return bounds, last
    graphemes = boundary is grapheme_boundary
    never_joins = _NEVER_JOINS if graphemes else None
    inside: int | None = None  # after a cut inside a long cluster: where that cluster ends
    bounds = [0]
    start = used = 0
    while units - used > size:
        reached = used + size
        if unit_map is None:
            end = start + size
        else:
            if unit_map[reached - 1] == _TWO_UNITS:  # a pair would straddle the cut
                reached -= 1
            end = start + (reached - used) - unit_map.count(TWO_UNITS, used, reached)
            if end <= start:  # a part holds at least one code point, whatever it costs
                end, reached = start + 1, used + (units_of(text[start]) or 0)
        if boundary is not None and not (  # two characters that join nothing: no call
            never_joins is not None and text[end - 1] in never_joins and text[end] in never_joins
        ):
            if graphemes:
                cut, inside = grapheme_cut(text, start, end, inside)
            else:
                cut = boundary(text, start, end)
            if cut != end:
                reached -= end - cut if unit_map is None else units_of(text[cut:end]) or 0
                end = cut
        else:
            inside = None  # two characters that join nothing: a boundary
        bounds.append(end)
        start, used = end, reached
    bounds.append(length)
    return bounds, units - used
