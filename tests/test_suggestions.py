"""suggest(): only rewrites that lower the cost, each justified by Unicode data."""

from __future__ import annotations

import regex
from hypothesis import given
from hypothesis import strategies as st

import nrscompose as nc
from nrscompose._counting.suggestions import apply, suggest


def test_curly_quotes_dashes_and_ellipsis_bring_the_text_back_to_gsm():
    text = "It’s here – “today”… " * 4
    suggestion = suggest(text)
    assert suggestion.before.encoding == "utf-16"
    assert suggestion.after.encoding == "gsm"
    assert suggestion.text == 'It\'s here - "today"... ' * 4
    assert suggestion.parts_saved == suggestion.before.parts - suggestion.after.parts > 0
    reasons = {r.char: r.reason for r in suggestion.replacements}
    assert reasons == {
        "’": "quotation mark",
        "–": "dash",
        "“": "quotation mark",
        "”": "quotation mark",
        "…": "compatibility form",
    }


def test_nbsp_and_full_width_forms_come_from_compatibility_decomposition():
    text = "Ｈｅｌｌｏ\u00a0world, " * 6
    suggestion = suggest(text)
    assert suggestion.text == "Hello world, " * 6
    assert suggestion.replacements[0].indices == (0, 13, 26, 39, 52, 65)
    assert suggest("Ｈｅｌｌｏ\u00a0world").replacements == ()  # one part either way


def test_c_cedilla_small_becomes_capital_only_when_it_saves_parts():
    # A short Portuguese text fits one part as gsm-pt: nothing to suggest.
    assert suggest("Olá, ação").replacements == ()
    # With a curly quote the text is UCS-2; the quote alone brings it back to gsm-pt.
    suggestion = suggest("Olá, ação ’" + "x" * 70)
    assert [r.char for r in suggestion.replacements] == ["’"]
    assert suggestion.after.encoding == "gsm-pt"


def test_nothing_is_suggested_when_an_emoji_keeps_the_text_in_utf16():
    suggestion = suggest("It’s 😀")
    assert suggestion.replacements == ()
    assert suggestion.text == "It’s 😀"


def test_invisible_characters_are_removed():
    suggestion = suggest("pay\u200bment " * 12)
    assert suggestion.text == "payment " * 12
    assert suggestion.replacements[0].reason == "invisible format character"


@given(st.text(max_size=300).filter(lambda t: not any("\ud800" <= c <= "\udfff" for c in t)))
def test_a_suggestion_never_costs_more_and_every_replacement_is_needed(text):
    suggestion = suggest(text)
    assert suggestion.after.parts <= suggestion.before.parts
    if suggestion.replacements:
        assert suggestion.after.parts < suggestion.before.parts
        assert all(r.parts_saved > 0 for r in suggestion.replacements)
    assert nc.analyze(suggestion.text).parts == suggestion.after.parts


def test_a_suggestion_knows_its_json_form():
    data = suggest("Hola ë " + "x" * 70).as_json()
    assert data == {
        "text": "Hola e " + "x" * 70,
        "parts_saved": 1,
        "encoding": "gsm",
        "replacements": [
            {"char": "ë", "replacement": "e", "indices": [5], "reason": "accent removed",
             "parts_saved": 1}
        ],
    }  # fmt: skip
    assert suggest("plain text").as_json() is None  # nothing to replace


# ------------------------------------------------------------------ emoji and composition

EMOJI_PART = (
    r"[\p{Extended_Pictographic}\p{Regional_Indicator}\uFE0F\u20E3"
    r"\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
)


ALONE = (  # a single code point that is an emoji by itself (not ™ or ‼: text presentation)
    r"[\p{Emoji_Presentation}\p{Regional_Indicator}\uFE0F\u20E3"
    r"\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
)


def _emoji_clusters(text: str) -> list[str]:
    """Every grapheme cluster that is an emoji: a sequence holding an emoji part, or one
    code point that is an emoji by itself."""
    return [
        c
        for c in regex.findall(r"\X", text)
        if regex.search(EMOJI_PART, c) and (len(c) > 1 or regex.match(ALONE, c))
    ]


def test_an_emoji_sequence_is_never_changed_even_when_that_would_save_a_part():
    # The joiners of the family were removed (58 of them) to go from 18 parts to 17.
    text = ("Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹 नमस्ते\n" * 40)[:1000]
    suggestion = suggest(text)
    assert suggestion.replacements == ()
    assert suggestion.text == text
    assert suggestion.after.parts == suggestion.before.parts == 18


def test_decomposed_accents_are_composed_when_that_saves_a_part():
    text = "Cafe\u0301 😀 cancio\u0301n " * 8  # e + U+0301, as macOS types it
    suggestion = suggest(text)
    assert (suggestion.before.parts, suggestion.after.parts) == (3, 2)
    assert suggestion.text == "Café 😀 canción " * 8
    found = {r.char: (r.replacement, r.reason, len(r.indices)) for r in suggestion.replacements}
    assert found == {
        "e\u0301": ("é", "canonical composition", 8),
        "o\u0301": ("ó", "canonical composition", 8),
    }
    assert _emoji_clusters(suggestion.text) == _emoji_clusters(text)
    # Composed, a text without an emoji comes back to the GSM tables.
    plain = suggest("Cafe\u0301 para todos y una cancio\u0301n para ti. " * 4)
    assert (plain.before.encoding, plain.after.encoding) == ("utf-16", "gsm-pt")


def test_characters_inside_an_emoji_sequence_keep_their_place():
    # A dash outside and a keycap, a flag, a skin tone and an England flag (tags) inside.
    text = "1️⃣ 🇵🇹 👍🏽 🏴󠁧󠁢󠁥󠁮󠁧󠁿 ok – " + "x" * 40
    suggestion = suggest(text)
    assert [r.char for r in suggestion.replacements] in ([], ["–"])
    assert _emoji_clusters(suggestion.text) == _emoji_clusters(text)


def test_an_invisible_character_next_to_an_emoji_stays():
    # Removing the zero-width space would join the variation selector to the emoji, and the
    # joiner-ended man to the woman.
    for text in ("😀\u200b\ufe0f" + "’" * 80, "👨\u200d\u200b👩" + "’" * 80):
        suggestion = suggest(text)
        assert "\u200b" not in {r.char for r in suggestion.replacements}
        assert _emoji_clusters(suggestion.text) == _emoji_clusters(text)
    # Between two letters it goes.
    assert suggest("pay\u200bment " * 12).text == "payment " * 12


EMOJI_ALPHABET = (
    "a é’“–…\u00a0\u200b\u00ad\u200d\u200c\ufe0f\u20e3\u0301\u0308e1#"
    "😀👨👩👧👍\U0001f3fd🇵🇹🇪🇸🏴\U000e0067\U000e0062\U000e007f©™‼\u0600ﬁ"
)


@given(
    st.lists(
        st.one_of(
            st.text(alphabet=EMOJI_ALPHABET, max_size=12),
            st.sampled_from(["👨‍👩‍👧", "1️⃣", "🇵🇹", "👍🏽", "❤️", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "x" * 60, "’" * 70]),
        ),
        max_size=10,
    ).map("".join)
)
def test_applying_any_suggestion_leaves_every_emoji_cluster_unchanged(text):
    suggestion = suggest(text)
    emoji = _emoji_clusters(text)
    assert _emoji_clusters(suggestion.text) == emoji
    assert apply(text, suggestion.replacements) == suggestion.text
    for replacement in suggestion.replacements:  # each alone, too
        assert _emoji_clusters(apply(text, [replacement])) == emoji
