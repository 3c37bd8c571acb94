"""Where a long message is cut into parts.

A cut never separates the two septets of an escape pair, nor the two code units of a surrogate
pair (costs are counted per code point, so both are atomic here), nor the code points of a
grapheme cluster (CRLF, combining marks, ZWJ emoji, flags) — unless one cluster alone is longer
than a part, which is then cut between code points. Cuts are greedy: each part takes as much as
fits, which is what carriers and handsets do, so the count is what they bill.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cache
from itertools import accumulate, pairwise

from nrscompose.profiles import Limits

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from nrscompose.analysis import Analysis

__all__ = ["parts_of", "plan_parts", "split"]

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
def _joining() -> Any:
    classes = "".join(rf"\p{{Grapheme_Cluster_Break={name}}}" for name in _JOINING_CLASSES)
    return _regex().compile(f"[{classes}]")


@cache
def _cluster() -> Any:
    return _regex().compile(r"\X")


_JOINS: dict[str, bool] = {}  # per character: its class never changes, and texts repeat them


def _joins(char: str) -> bool:
    """Whether ``char`` takes part in a rule that forbids a cluster break next to it."""
    found = _JOINS.get(char)
    if found is None:
        found = _JOINS[char] = _joining().match(char) is not None
    return found


def _cluster_boundary(text: str, start: int, end: int) -> int:
    """The last grapheme cluster boundary in ``(start, end]``, or ``end`` if there is none.

    Walks back from ``end`` to a certain boundary (two non-joining neighbours), then forward
    cluster by cluster: the work is local to the cut, not proportional to the text.
    """
    probe = end
    while probe > start and (_joins(text[probe]) or _joins(text[probe - 1])):
        probe -= 1
    if probe == end:
        return end
    boundary = probe
    for cluster in _cluster().finditer(text, probe):
        if cluster.end() > end:
            break
        boundary = cluster.end()
    return boundary if boundary > start else end


def plan_parts(
    text: str, costs: Sequence[int] | None, units: int, limits: Limits, clusters: bool
) -> tuple[list[int], int]:
    """Part bounds ``[0, cut1, …, len(text)]`` and the units of the last part.

    ``costs`` holds each code point's units (``None`` when every code point costs one unit),
    ``units`` their sum, and ``clusters`` says whether grapheme clusters may span a cut.
    An empty text has no parts: ``[0]``.
    """
    length = len(text)
    if not length:
        return [0], 0
    if units <= limits.single:
        return [0, length], units
    prefix = list(accumulate(costs, initial=0)) if costs is not None else None
    size = limits.concatenated
    bounds = [0]
    start = used = 0
    while units - used > size:
        end = bisect_right(prefix, used + size, lo=start) - 1 if prefix else start + size
        end = max(end, start + 1)  # a part holds at least one code point, whatever it costs
        if clusters:
            end = _cluster_boundary(text, start, end)
        bounds.append(end)
        start = end
        used = prefix[end] if prefix else end
    bounds.append(length)
    return bounds, units - used


def split(
    text: str,
    *,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: Any = "360nrs",
) -> list[str]:
    """The texts of the parts ``text`` is sent as, consistent with :func:`analyze`.

    Takes the same arguments as :func:`nrscompose.analyze`; with ``trans=True`` the parts are
    of the transliterated text. ``"".join(split(text))`` is the counted text.
    """
    from nrscompose.analysis import analyze

    analysis = analyze(text, encoding=encoding, candidates=candidates, trans=trans, profile=profile)
    return parts_of(analysis)


def parts_of(analysis: Analysis) -> list[str]:
    """The part texts of an existing analysis."""
    text = analysis.text
    if analysis.parts <= 1:
        return [text] if text else []
    return [text[start:end] for start, end in pairwise(analysis.part_bounds)]
