"""Where cuts fall, compared with a slow reference that segments the whole text with \\X."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import nrscompose as nc


def reference_bounds(text: str, costs: list[int], single: int, size: int) -> list[int]:
    """Greedy over grapheme clusters segmented from each part's start; cut inside a cluster
    only when the cluster alone is longer than a part."""
    if not text:
        return [0]
    if sum(costs) <= single:
        return [0, len(text)]
    bounds, start = [0], 0
    while sum(costs[start:]) > size:
        end, used = start, 0
        for cluster in regex.findall(r"\X", text[start:]):
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
    return bounds


def unit_costs(analysis: nc.Analysis) -> list[int]:
    if analysis.encoding == "utf-16":
        return [2 if c > "\uffff" else 1 for c in analysis.text]
    return [nc.analyze(c, encoding=analysis.encoding).units for c in analysis.text]


pieces = st.sampled_from(
    [
        "a",
        "é",
        "e\u0301",
        "]",
        "€",
        "\r\n",
        "\n",
        "\r",
        "😀",
        "👍🏽",
        "👨‍👩‍👧",
        "🇵🇹",
        "🇪",
        "я",
        "\u200d",
        "\ufe0f",
        "각",
        "\u1100\u1161",
        "क्ष",
        "ก",
        "ำ",
        "\u0600",
        " ",
    ]
)
texts = st.lists(pieces, max_size=300).map("".join)


@given(text=texts)
def test_cuts_match_the_whole_text_reference(text):
    analysis = nc.analyze(text)
    costs = unit_costs(analysis)
    expected = reference_bounds(text, costs, analysis.limits.single, analysis.limits.concatenated)
    assert analysis.part_bounds == expected


def test_a_cluster_longer_than_a_part_is_cut_between_code_points():
    zalgo = "a" + "\u0301" * 100
    parts = nc.split(zalgo)
    assert "".join(parts) == zalgo
    assert [len(p) for p in parts] == [67, 34]


def test_regional_indicator_pairs_are_not_broken_at_a_cut():
    text = "x" + "🇵🇹" * 40  # 1 + 160 units: the cut must fall between flags
    for part in nc.split(text)[1:]:
        assert len(part) % 2 == 0


def test_crlf_at_the_cut_moves_to_the_next_part():
    parts = nc.split("a" * 152 + "\r\n" + "b" * 10)
    assert parts == ["a" * 152, "\r\n" + "b" * 10]
