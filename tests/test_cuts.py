"""The fast counting paths held to slow references: parts, cuts, units, encoding, offending.

``analyze`` plans cuts from C-level scans and looks at grapheme clusters only around each cut;
the references below walk every character in Python and segment each part from its start, as
the 360nrs API reference and the standard describe the count. Long runs of clusters (flags,
combining marks, ZWJ chains, Hangul jamo) must cost work in proportion to their length.
"""

from __future__ import annotations

import ast
import inspect
import itertools
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nrscompose as nc
from cut_reference import reference_bounds
from nrscompose._counting import analysis as analysis_module
from nrscompose._counting import charsets, cuts
from nrscompose._counting.profiles import PROFILES

# -- slow references -------------------------------------------------------------------------

SEPTETS = {"gsm": (charsets.DEFAULT,), "gsm-pt": (charsets.PORTUGUESE,)}
CHEAPEST_PT = (
    charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
    charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    charsets.PORTUGUESE,
)


def tables_for(encoding: str, profile: nc.Profile) -> tuple[charsets.SeptetCharset, ...]:
    if encoding == "gsm-pt" and profile.cheapest_tables:
        return CHEAPEST_PT
    return SEPTETS[encoding]


def carries(encoding: str, char: str, profile: nc.Profile) -> bool:
    if encoding == "utf-16":
        return not "\ud800" <= char <= "\udfff"
    return any(char in charset.septets_of for charset in tables_for(encoding, profile))


def costs_of(text: str, charset: charsets.SeptetCharset | None, profile: nc.Profile) -> list[int]:
    if profile.flat_limit is not None:
        return [1] * len(text)
    if charset is None:
        return [2 if char > "\uffff" else 1 for char in text]
    return [len(charset.septets_of[char]) for char in text]


def reference_count(text: str, encoding: str, profile: nc.Profile):
    """(units, bounds, last units, charset) of ``text`` in ``encoding``, or None."""
    best = best_rank = None
    options = [None] if encoding == "utf-16" else list(tables_for(encoding, profile))
    for charset in options:
        if charset is None:
            if any("\ud800" <= char <= "\udfff" for char in text):
                continue
        elif any(char not in charset.septets_of for char in text):
            continue
        costs = costs_of(text, charset, profile)
        national = 0
        if charset is not None:
            national = (charset.locking_language != 0) + (charset.shift_language != 0)
        limits = profile.limits(encoding, national)
        bounds, last = reference_bounds(
            text, costs, limits.single, limits.concatenated, charset is not None
        )
        per_part = limits.single if len(bounds) <= 2 else limits.concatenated
        found = (sum(costs), bounds, last, charset)
        rank = (len(bounds), last - per_part)  # fewest parts, then most room left (a handset)
        if best is None or rank < best_rank:
            best, best_rank = found, rank
    return best


def reference_offending(text: str, cheaper: tuple[str, ...], profile: nc.Profile):
    found = []
    for index, char in enumerate(text):
        excluded = tuple(e for e in cheaper if not carries(e, char, profile))
        if excluded:
            found.append((index, char, excluded))
    return found


# -- texts -------------------------------------------------------------------------------------

PIECES = [
    "a", "é", "e\u0301", "]", "€", "{", "^", "\r\n", "\n", "\r", "😀", "👍🏽", "👨‍👩‍👧", "🇵🇹",
    "🇪", "я", "\u200d", "\ufe0f", "각", "\u1100\u1161", "क्ष", "ก", "ำ", "\u0600", " ", "ç",
    "Ç", "∞", "\u00a0", "’", "क", "्\ufe0f", "\u093e", "🏽", "\u200d🇵",
]  # fmt: skip
RUNS = [
    "🇵🇹", "🇪", "\u0301", "👨\u200d", "\u1100", "\u1161", "\u11a8", "€", "😀", "\r\n", "a",
    "क्\ufe0f",
]  # fmt: skip


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Mixed pieces, with long runs of one kind (a run longer than a part is the hard case)."""
    chunks = draw(
        st.lists(
            st.one_of(
                st.sampled_from(PIECES),
                st.tuples(st.sampled_from(RUNS), st.integers(1, 200)).map(lambda r: r[0] * r[1]),
            ),
            max_size=40,
        )
    )
    return "".join(chunks)


profiles = st.sampled_from(list(PROFILES))


@settings(max_examples=300, deadline=None)
@given(text=texts(), profile=profiles, encoding=st.sampled_from(["auto", "cheapest"]))
def test_counts_and_cuts_match_the_slow_reference(text, profile, encoding):
    chosen = PROFILES[profile]
    counted = {e: reference_count(text, e, chosen) for e in ("gsm", "gsm-pt", "utf-16")}
    options = [e for e in ("gsm", "gsm-pt", "utf-16") if counted[e] is not None]
    by_parts = sorted(options, key=lambda e: len(counted[e][1]))  # stable: ties keep order
    expected = options[0] if encoding == "auto" else by_parts[0]
    units, bounds, last, charset = counted[expected]

    result = nc.analyze(text, encoding=encoding, profile=profile)

    assert result.encoding == expected
    assert result.units == units
    assert result.parts == len(bounds) - 1
    assert result.part_bounds == bounds
    assert result.last_part_units == last
    assert result.tables == (
        (charset.locking_language, charset.shift_language) if charset else (0, 0)
    )
    assert nc.split(text, encoding=encoding, profile=profile) == [
        text[a:b] for a, b in itertools.pairwise(bounds)
    ]


@settings(max_examples=200, deadline=None)
@given(text=texts(), profile=profiles, forced=st.sampled_from(["gsm", "gsm-pt", "utf-16"]))
def test_forced_encodings_match_the_slow_reference(text, profile, forced):
    chosen = PROFILES[profile]
    expected = reference_count(text, forced, chosen)
    if expected is None:
        with pytest.raises(nc.ValidationError):
            nc.analyze(text, encoding=forced, profile=profile)
        return
    result = nc.analyze(text, encoding=forced, profile=profile)
    assert (result.units, result.part_bounds, result.last_part_units) == expected[:3]


@settings(max_examples=300, deadline=None)
@given(text=texts(), profile=profiles, trans=st.booleans())
def test_offending_matches_the_per_character_reference(text, profile, trans):
    result = nc.analyze(text, profile=profile, trans=trans)
    order = ("gsm", "gsm-pt", "utf-16")
    cheaper = order[: order.index(result.encoding)]
    expected = reference_offending(result.text, cheaper, PROFILES[profile])
    kept = [i for i, char in enumerate(text) if not trans or char not in "ºª"]
    assert [(o.index, o.char, o.excluded_from) for o in result.offending] == [
        (kept[i], char, excluded) for i, char, excluded in expected
    ]


# -- long runs of clusters: work in proportion to the length ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "🇵🇹" * 30_000,  # flags: regional indicators pair up from the start of the run
        "🇪" * 60_001,
        "a" + "\u0301" * 60_000,  # one cluster as long as the text
        "a\u0301\u0301\u0301" * 15_000,
        "👨\u200d" * 30_000,  # one ZWJ chain
        "\u1100" * 30_000 + "\u1161" * 30_000,  # Hangul jamo: one syllable block
        "\u1100\u1161\u11a8" * 20_000,
    ],
    ids=["flags", "odd-flags", "marks", "mark-clusters", "zwj", "jamo", "syllables"],
)
def test_a_long_run_of_clusters_is_segmented_once_per_cut(monkeypatch, text):
    segmented = []
    find_clusters = cuts._clusters()

    def counting(piece: str) -> list[str]:
        segmented.append(len(piece))
        return find_clusters(piece)

    monkeypatch.setattr(cuts, "_clusters", lambda: counting)
    result = nc.analyze(text)
    assert result.parts > 500
    # Each cut looks at most at its own part and the few characters after it.
    assert len(segmented) <= result.parts
    assert sum(segmented) <= 2 * len(text)
    assert "".join(nc.split(text)) == text


def test_sixty_four_thousand_flags_are_cut_between_flags():
    text = "🇵🇹" * 32_768  # 65,536 regional indicators
    result = nc.analyze(text)
    bounds = result.part_bounds
    assert all(cut % 2 == 0 for cut in bounds)
    assert result.parts == -(-len(text) // 32)  # 16 flags = 32 code points = 64 units a part


# -- lean results, the import graph ----------------------------------------------------------


def test_explanations_are_computed_on_first_access_only(monkeypatch):
    calls = []
    scan = analysis_module._excluded_chars

    def counting(*args):
        calls.append(args[1])
        return scan(*args)

    monkeypatch.setattr(analysis_module, "_excluded_chars", counting)
    result = nc.analyze("Привет, мир")
    assert calls == []
    first = result.offending
    assert calls == [("gsm", "gsm-pt")]
    assert result.offending is first
    assert calls == [("gsm", "gsm-pt")]


def test_an_analysis_is_a_slots_object_compared_by_its_counted_fields():
    one, other = nc.analyze("Olá João"), nc.analyze("Olá João")
    assert not hasattr(one, "__dict__")
    assert one == other
    assert hash(one) == hash(other)
    one.offending  # noqa: B018  (a computed explanation does not change equality)
    assert one == other
    assert one != nc.analyze("Ola Joao")
    assert "encoding='gsm-pt'" in repr(one)


def _modules_after(code: str) -> set[str]:
    run = subprocess.run(
        [sys.executable, "-c", f"import sys; {code}; print(' '.join(sys.modules))"],
        capture_output=True,
        text=True,
        check=True,
    )
    return set(run.stdout.split())


def _imports_of(module: object) -> set[str]:
    """Every nrscompose module ``module`` imports at run time, at the top or in a function."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", "") == "TYPE_CHECKING":
            node.body = []  # annotations only
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith("nrscompose")}


def test_analysis_and_splitting_share_one_planner_without_a_cycle():
    from nrscompose._counting import splitting

    assert "nrscompose._counting.splitting" not in _imports_of(analysis_module)
    assert "nrscompose._counting.cuts" in _imports_of(analysis_module)
    assert "nrscompose._counting.analysis" in _imports_of(splitting)
    assert _imports_of(cuts) == {
        "nrscompose._counting.charsets",
        "nrscompose._counting.charsets.TWO_UNITS",
    }


def test_counting_a_short_text_imports_nothing_heavy():
    # What made `import nrscompose; analyze("hi")` cost 30-40 ms: dataclasses (with inspect),
    # typing, and the regex module.
    loaded = _modules_after("import nrscompose; nrscompose.analyze('hi')")
    assert not loaded & {
        "dataclasses",
        "typing",
        "inspect",
        "regex",
        "babel",
        "nrscompose._base.errors",
    }


def test_errors_still_load_when_named_or_raised():
    with pytest.raises(nc.ArgumentError):  # an unknown encoding is a bad argument
        nc.analyze("x", encoding="latin-1")
    with pytest.raises(nc.ValidationError):
        nc.analyze("😀", encoding="gsm")
    assert issubclass(nc.ArgumentError, nc.NrsComposeError)


@settings(max_examples=500, deadline=None)
@given(
    text=st.text(alphabet="aZ9 [~€^|\\{}\x0cΓΣΩéçãÇñ∞`ªя😀\u00a0\x00\ufffe", max_size=120),
    charset=st.sampled_from([charsets.DEFAULT, charsets.PORTUGUESE, *CHEAPEST_PT]),
)
def test_septet_counts_match_the_per_character_sum(text, charset):
    expected = None
    if all(char in charset.septets_of for char in text):
        expected = sum(len(charset.septets_of[char]) for char in text)
    assert charset.count(text) == expected
    assert charset.count("a" * 50 + text) == (None if expected is None else expected + 50)


def _reference_unit_map(costs: list[int]) -> bytes | None:
    """One byte per unit, the mark on the first unit of each two-unit code point."""
    if all(cost == 1 for cost in costs):
        return None
    return b"".join(charsets.TWO_UNITS + b"." if cost == 2 else b"." for cost in costs)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet="aZ9 [~€^|\\{}\x0cΓΣΩéçãÇñ∞`ªя😀\u00a0\x00\ufffe\r\n", max_size=200),
    charset=st.sampled_from([charsets.DEFAULT, charsets.PORTUGUESE, *CHEAPEST_PT]),
)
def test_septet_unit_maps_match_the_per_character_costs(text, charset):
    measured = charset.measure(text)
    if any(char not in charset.septets_of for char in text):
        assert measured is None
        return
    costs = [len(charset.septets_of[char]) for char in text]
    assert measured == (sum(costs), _reference_unit_map(costs))


@settings(max_examples=200, deadline=None)
@given(text=texts())
def test_utf16_unit_maps_mark_each_code_point_outside_the_bmp(text):
    costs = [2 if char > "\uffff" else 1 for char in text]
    expected = _reference_unit_map(costs) or b"." * len(text)
    assert cuts.utf16_unit_map(text.encode("utf-16-le")) == expected
    assert cuts.utf16_units(text) == sum(costs)


def test_a_table_too_large_for_one_byte_each_is_still_counted_exactly():
    # 127 one-septet characters, U+0000 among them, plus one more: the fast encoder map
    # cannot hold them; the count must not change.
    locking = {code: chr(code) for code in range(128)}  # U+0000 … U+007F, ESC's place too
    custom = charsets.SeptetCharset("custom", locking, {0x65: "€"}, 0, 0)
    text = "\x00abc€" * 40 + "\u00e9"
    assert custom.count(text[:-1]) == 4 * 40 + 2 * 40
    assert custom.measure(text[:-1]) == (240, b"....E." * 40)
    assert custom.count(text) is None
    assert custom.count("\x1b" * 3) == 3


@pytest.mark.parametrize("lead", range(1, 5))
def test_a_long_joined_chain_is_cut_by_the_texts_boundaries_not_the_slices(lead):
    """A cut inside a cluster longer than a part may fall just before a zero width joiner:
    segmented from the cut, the joiner would seem a cluster of its own, a part of one unit."""
    text = "x" * lead + "\u200d\U0001f44d\ufe0f" * 60 + " fin"
    analysis = nc.analyze(text)
    costs = [len(c.encode("utf-16-le")) // 2 for c in text]
    assert list(analysis.part_bounds) == reference_bounds(text, costs, 70, 67, False)[0]
    sizes = [b - a for a, b in itertools.pairwise(analysis.part_bounds)]
    assert min(sizes[:-1]) > 1
