"""The slow reference cut planner the cut tests hold the fast one to (shared by test modules)."""

from __future__ import annotations

import regex


def reference_bounds(text: str, costs: list[int], single: int, size: int, septets: bool):
    """Greedy over grapheme clusters segmented from each part's start (only CRLF for septet
    texts); inside a cluster only when the cluster alone is longer than a part."""
    if not text:
        return [0], 0
    if sum(costs) <= single:
        return [0, len(text)], sum(costs)
    bounds, start = [0], 0
    while sum(costs[start:]) > size:
        if septets:
            clusters = regex.findall(r"\r\n|.", text[start:], flags=regex.DOTALL)
        else:
            clusters = regex.findall(r"\X", text[start:])
        end, used = start, 0
        for cluster in clusters:
            cost = sum(costs[end : end + len(cluster)])
            if used + cost > size:
                break
            end, used = end + len(cluster), used + cost
        if end == start:  # one cluster longer than a part: cut between code points
            while used + costs[end] <= size:
                used += costs[end]
                end += 1
        bounds.append(end)
        start = end
    bounds.append(len(text))
    return bounds, sum(costs[start:])
