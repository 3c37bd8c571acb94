"""Where cuts fall, compared with a slow reference that segments each part from its start."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import nrscompose as nc
from cut_reference import reference_bounds


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
    limits = analysis.limits
    septets = analysis.encoding != "utf-16"
    expected, _ = reference_bounds(text, costs, limits.single, limits.concatenated, septets)
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
