"""suggest(): only rewrites that lower the cost, each justified by Unicode data."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import nrscompose as nc
from nrscompose.suggestions import suggest


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
