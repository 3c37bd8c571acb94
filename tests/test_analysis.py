"""analyze(): encodings, units, parts and explanations, as the provider bills them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import nrscompose as nc
from nrscompose._counting import charsets
from nrscompose._counting.charsets import DEFAULT, PORTUGUESE

GSM_CHARS = sorted(DEFAULT.septets_of)
PT_ONLY = sorted(set(PORTUGUESE.septets_of) - set(DEFAULT.septets_of))


@pytest.mark.parametrize(
    ("text", "encoding", "parts", "units", "remaining"),
    [
        ("", "gsm", 0, 0, 160),
        ("hi", "gsm", 1, 2, 158),
        ("a" * 160, "gsm", 1, 160, 0),
        ("a" * 161, "gsm", 2, 161, 145),
        ("a" * 306, "gsm", 2, 306, 0),
        ("[" * 80, "gsm", 1, 160, 0),
        ("Olá João", "gsm-pt", 1, 8, 152),
        ("ç", "gsm-pt", 1, 1, 159),
        ("Ç", "gsm", 1, 1, 159),
        ("Привет", "utf-16", 1, 6, 64),
        ("😀", "utf-16", 1, 2, 68),
        ("я" * 70, "utf-16", 1, 70, 0),
        ("я" * 71, "utf-16", 2, 71, 63),
    ],
)
def test_documented_counts(text, encoding, parts, units, remaining):
    analysis = nc.analyze(text)
    assert (analysis.encoding, analysis.parts, analysis.units, analysis.remaining) == (
        encoding,
        parts,
        units,
        remaining,
    )


def test_escape_pair_never_straddles_parts():
    # 153 × "]" is 306 septets: 76 pairs per part, so three parts, not two.
    analysis = nc.analyze("]" * 153)
    assert analysis.parts == 3
    assert [len(part) for part in nc.split("]" * 153)] == [76, 76, 1]


def test_surrogate_pair_never_straddles_parts():
    text = "a" * 66 + "😀" + "b" * 10
    parts = nc.split(text)
    assert parts[0] == "a" * 66
    assert parts[1].startswith("😀")


def test_zwj_emoji_and_flags_are_kept_whole():
    family = "👨‍👩‍👧"
    text = "x" * 60 + family + "🇵🇹" * 5
    for part in nc.split(text):
        assert "\u200d" not in (part[0], part[-1])
    assert "".join(nc.split(text)) == text
    flags_only = "🇵🇹" * 40
    assert all(len(part) % 2 == 0 for part in nc.split(flags_only))


def test_crlf_is_two_units_kept_in_one_part_and_noticed():
    text = "a" * 152 + "\r\n" + "b" * 10
    analysis = nc.analyze(text)
    assert analysis.units == 164
    assert nc.split(text)[0] == "a" * 152
    [notice] = analysis.notices
    assert (notice.kind, notice.severity, notice.params["indices"]) == (
        "text.crlf",
        "warning",
        (152,),
    )
    assert notice.message.startswith("1 CRLF line break: it counts as 2 units")
    assert notice.render("es").startswith("1 salto de línea CRLF")
    assert analysis.as_json()["notices"] == [
        {"kind": "text.crlf", "message": notice.message, "indices": [152]}
    ]


def test_nbsp_pushes_to_utf16_and_is_reported_invisible():
    analysis = nc.analyze("Hello\u00a0world")
    assert analysis.encoding == "utf-16"
    assert analysis.offending[0].index == 5
    assert any(n.kind == "text.invisible" and n.params["indices"] == (5,) for n in analysis.notices)


def test_euro_prefers_default_alphabet_but_hints_at_gsm_pt():
    analysis = nc.analyze("€" * 81)
    assert (analysis.encoding, analysis.parts) == ("gsm", 2)
    [notice] = [n for n in analysis.notices if n.kind == "text.cheaper_encoding"]
    assert notice.message == (
        "gsm-pt would need 1 part instead of 2; opt in with encoding='gsm-pt' or "
        "encoding='cheapest'"
    )
    cheapest = nc.analyze("€" * 81, encoding="cheapest")
    assert (cheapest.encoding, cheapest.parts) == ("gsm-pt", 1)
    ordered = nc.analyze("€" * 81, candidates=("gsm-pt", "gsm", "utf-16"))
    assert ordered.encoding == "gsm-pt"


def test_candidates_restrict_the_choice():
    assert nc.analyze("Olá", candidates=("gsm", "utf-16")).encoding == "utf-16"


def test_offending_lists_each_character_with_index_and_reason():
    analysis = nc.analyze("Olá 😀")
    found = [(o.index, o.char, o.excluded_from) for o in analysis.offending]
    assert found == [(2, "á", ("gsm",)), (4, "😀", ("gsm", "gsm-pt"))]
    assert "GSM 7-bit" in analysis.offending[0].reason


def test_forced_encoding_that_cannot_carry_the_text_names_characters():
    with pytest.raises(nc.ValidationError) as caught:
        nc.analyze("Olá 😀", encoding="gsm")
    spans = [(p.start, p.end) for p in caught.value.problems]
    assert spans == [(2, 3), (4, 5)]
    assert "LATIN SMALL LETTER A WITH ACUTE" in str(caught.value)


@pytest.mark.parametrize(
    ("options", "name"),
    [
        ({"encoding": "latin1"}, "encoding"),
        ({"candidates": ["latin1"]}, "encoding"),
        ({"profile": "nope"}, "profile"),
        ({"channel": "bogus"}, "channel"),
    ],
)
def test_unknown_vocabulary_values_are_argument_errors(options, name):
    """One behaviour for a bad value given as an argument: ArgumentError (a ValueError), not a
    silent default and not a payload problem."""
    with pytest.raises(nc.ArgumentError, match=f"unknown {name}") as caught:
        nc.analyze("hi", **options)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, nc.NrsComposeError)


def test_trans_counts_the_transliterated_text_and_maps_indices_back():
    analysis = nc.analyze("nº 1 Ação 😀", trans=True)
    assert analysis.text == "n 1 AÇao 😀"
    assert analysis.offending[-1].index == 10  # the emoji's index in the input


def test_trans_makes_portuguese_text_plain_gsm():
    assert nc.analyze("Informação útil", trans=True).encoding == "gsm"


@pytest.mark.parametrize(
    ("text", "tables", "units", "single", "concatenated"),
    [
        ("Olá", (3, 0), 3, 155, 149),  # Portuguese locking alone: one IE
        ("Ñú", (0, 3), 3, 155, 149),  # Ñ only in the default table, ú through the PT shift
        ("∞Φ", (3, 3), 3, 152, 146),  # ∞ only in the PT locking table, Φ only in its shift
    ],
)
def test_3gpp_profile_picks_cheapest_table_combination(text, tables, units, single, concatenated):
    analysis = nc.analyze(text, profile="3gpp")
    assert (analysis.encoding, analysis.tables, analysis.units) == ("gsm-pt", tables, units)
    assert (analysis.limits.single, analysis.limits.concatenated) == (single, concatenated)


# The example: Σ is in the default locking table and the Portuguese single shift
# table, ã only in the Portuguese tables. (3,3) needs 28 septets of 152; (0,3) 30 of 155.
PORTUGUESE_WITH_SIGMA = 'r~\n*B\'ãe\r:"2D\\)C:;sWpΣ"5SLw'


def test_3gpp_picks_fewest_parts_then_most_room_left_as_a_handset_does():
    analysis = nc.analyze(PORTUGUESE_WITH_SIGMA, profile="3gpp")
    assert (analysis.tables, analysis.units, analysis.per_part) == ((0, 3), 30, 155)
    assert analysis.remaining == 125
    assert nc.analyze(PORTUGUESE_WITH_SIGMA + "a" * 125, profile="3gpp").parts == 1
    assert nc.analyze(PORTUGUESE_WITH_SIGMA + "a" * 126, profile="3gpp").parts == 2


_SEPTET_TEXT = st.text(
    alphabet="aZ09 @£$èéΔ_ΦΓΛΩΠΨΣΘÆßÉ!?¡¿ÄÑÜ§äñü^{}\\[~]|€êúíóçÔôÁáªÀ∞ÓÂâÊºÃÕÚãõ`Í\r\n",
    min_size=1,
    max_size=400,
)


@settings(max_examples=300, deadline=None)
@given(_SEPTET_TEXT, st.sampled_from(["3gpp", "3gpp-16bit", "360nrs"]))
def test_remaining_more_letters_never_add_a_part_and_one_more_always_does(text, profile):
    analysis = nc.analyze(text, profile=profile)
    filled = nc.analyze(text + "a" * analysis.remaining, profile=profile)
    assert filled.parts == analysis.parts
    assert filled.remaining == 0
    assert nc.analyze(text + "a" * (analysis.remaining + 1), profile=profile).parts == (
        analysis.parts + 1
    )


def test_3gpp_limits_match_the_user_data_header_arithmetic():
    profile = nc.PROFILES["3gpp"]
    assert (profile.limits("gsm").single, profile.limits("gsm").concatenated) == (160, 153)
    assert profile.limits("gsm-pt", 1).single == 155
    assert profile.limits("gsm-pt", 2).concatenated == 146
    assert profile.limits("utf-16").concatenated == 67
    wide = nc.PROFILES["3gpp-16bit"]
    assert (wide.limits("gsm").concatenated, wide.limits("utf-16").concatenated) == (152, 66)


def test_360nrs_bills_gsm_pt_like_gsm():
    analysis = nc.analyze("ã" * 161)
    assert (analysis.encoding, analysis.parts, analysis.per_part) == ("gsm-pt", 2, 153)


def test_flat_profile_counts_characters_in_chunks_of_160():
    analysis = nc.analyze("[" * 161, profile="flat160")
    assert (analysis.units, analysis.parts) == (161, 2)
    assert nc.analyze("я" * 100, profile="flat160").parts == 1


def test_caps_are_reported_per_channel():
    text = "a" * 153 * 9
    assert not nc.analyze(text).exceeds_cap
    assert nc.analyze(text, channel="landing").exceeds_cap


@pytest.mark.parametrize("bad", [None, b"bytes", 42])
def test_non_str_input_is_a_type_error(bad):
    with pytest.raises(TypeError, match="text must be str"):
        nc.analyze(bad)


def test_lone_surrogate_is_a_validation_error_with_its_index():
    with pytest.raises(nc.ValidationError) as caught:
        nc.analyze("ab\ud800c")
    assert caught.value.problems[0].start == 2


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x07"])
def test_control_characters_get_a_defined_answer(char):
    analysis = nc.analyze(f"a{char}b")
    assert analysis.encoding == "utf-16"
    assert any(n.kind == "text.control" for n in analysis.notices)


def test_megabyte_text_is_counted():
    analysis = nc.analyze("Olá mundo " * 100_000)
    assert (analysis.encoding, analysis.units) == ("gsm-pt", 1_000_000)
    assert analysis.parts == math.ceil(analysis.units / 153)
    escaped = nc.analyze("Olá mundo [x] " * 75_000)
    assert escaped.parts > math.ceil(escaped.units / 153)  # escape pairs waste part ends


# -- properties -------------------------------------------------------------------------------

texts = st.one_of(
    st.text(alphabet=GSM_CHARS, max_size=700),
    st.text(alphabet=GSM_CHARS + PT_ONLY, max_size=700),
    st.text(max_size=400).filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)),
    st.lists(
        st.sampled_from(["a", "]", "€", "\r\n", "😀", "👨‍👩‍👧", "🇵🇹", "é́", "ã", "я"]), max_size=400
    ).map("".join),
)
profiles = st.sampled_from(sorted(nc.PROFILES))


@given(text=texts, profile=profiles, trans=st.booleans())
def test_split_joins_back_and_matches_the_part_count(text, profile, trans):
    analysis = nc.analyze(text, profile=profile, trans=trans)
    parts = nc.split(text, profile=profile, trans=trans)
    assert "".join(parts) == analysis.text
    assert len(parts) == analysis.parts
    # Each part measured without analyze: septets from the charset tables, UTF-16 code units.
    chosen = nc.get_profile(profile)
    if chosen.flat_limit is not None:  # billed per character, not per unit
        return
    units = [_units(part, analysis) for part in parts]
    assert sum(units) == analysis.units
    limits = chosen.limits(analysis.encoding)
    assert all(u <= limits.single for u in units)


def _units(part, analysis):
    if analysis.encoding == "utf-16":
        return len(part.encode("utf-16-le")) // 2
    return charsets.for_tables(analysis.tables).count(part)


@given(text=texts, profile=profiles)
def test_no_part_exceeds_its_limit(text, profile):
    analysis = nc.analyze(text, profile=profile)
    limit = analysis.per_part
    sizes = [
        nc.analyze(part, encoding=analysis.encoding, profile=profile).units
        for part in nc.split(text, profile=profile)
    ]
    if analysis.encoding != "gsm-pt" or analysis.tables == (3, 3):
        for size in sizes:
            assert size <= limit
    assert sum(sizes) == analysis.units
    if sizes:
        assert analysis.remaining == limit - sizes[-1]


@given(text=texts)
def test_auto_picks_the_first_encoding_that_carries_the_text(text):
    analysis = nc.analyze(text)
    order = ["gsm", "gsm-pt", "utf-16"]
    for cheaper in order[: order.index(analysis.encoding)]:
        with pytest.raises(nc.ValidationError):
            nc.analyze(text, encoding=cheaper)
    assert all(o.excluded_from for o in analysis.offending)


@given(text=texts)
def test_cheapest_is_never_more_parts_than_auto(text):
    assert nc.analyze(text, encoding="cheapest").parts <= nc.analyze(text).parts


def test_forced_encoding_errors_point_into_the_input_when_transliterating():
    with pytest.raises(nc.ValidationError) as caught:
        nc.analyze("º😀", encoding="gsm", trans=True)
    assert caught.value.problems[0].start == 1


def test_offending_with_trans_maps_every_index_back():
    text = "ºª" + "中" * 300 + "º"
    analysis = nc.analyze(text, trans=True)
    assert [o.index for o in analysis.offending] == list(range(2, 302))
