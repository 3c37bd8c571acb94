"""The slow reference cut planner the cut tests hold the fast one to (shared by test modules)."""

from __future__ import annotations

import regex


def reference_bounds(text: str, costs: list[int], single: int, size: int, septets: bool):
    """Greedy cuts at the text's own grapheme cluster boundaries (only CRLF for septet
    texts): each part ends at the last boundary that fits, inside a cluster only when none
    does (a cluster alone longer than a part)."""
    if not text:
        return [0], 0
    if sum(costs) <= single:
        return [0, len(text)], sum(costs)
    if septets:
        clusters = regex.findall(r"\r\n|.", text, flags=regex.DOTALL)
    else:
        clusters = regex.findall(r"\X", text)
    boundaries, at = set(), 0
    for cluster in clusters:
        at += len(cluster)
        boundaries.add(at)
    bounds, start = [0], 0
    while sum(costs[start:]) > size:
        end, used = start, 0
        while used + costs[end] <= size:  # as many code points as fit
            used += costs[end]
            end += 1
        cut = next((c for c in range(end, start, -1) if c in boundaries), end)
        bounds.append(cut)
        start = cut
    bounds.append(len(text))
    return bounds, sum(costs[start:])
