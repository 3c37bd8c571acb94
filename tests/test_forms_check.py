"""``nrscompose.forms.check``: positioned, coded, translated problems for a form."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrscompose import analyze
from nrscompose._base.errors import ValidationError
from nrscompose.forms import _messages
from nrscompose.forms.check import check_message, normalize_newlines
from nrscompose.providers.nrs import validate


def kinds(result: object) -> list[str]:
    return [p.kind for p in result.problems]  # type: ignore[attr-defined]


# -- codes ---------------------------------------------------------------------------------


def test_valid_gsm_text_has_no_problems() -> None:
    result = check_message("Hola, tu pedido está listo")
    assert result.valid
    assert result.problems == ()
    assert result.analysis is not None
    assert result.analysis.encoding == "gsm-pt"
    assert result.parts_needed == 1


def test_empty_text_is_104() -> None:
    result = check_message("")
    assert result.codes == (104,)
    assert result.problems[0].field == "message"
    assert not result.valid


@pytest.mark.parametrize(("max_parts", "channel"), [(0, "sms"), (16, "sms"), (9, "landing")])
def test_parts_outside_the_channel_cap_is_110(max_parts: int, channel: str) -> None:
    text = "Hi {LAND_URL}" if channel == "landing" else "Hi"
    result = check_message(text, max_parts=max_parts, channel=channel)  # type: ignore[arg-type]
    assert result.codes == (110,)
    assert result.problems[0].field == "parts"


def test_parts_inside_the_cap_are_accepted() -> None:
    assert check_message("Hi", max_parts=15).valid
    assert check_message("Hi {LAND_URL}", max_parts=8, channel="landing").valid


def test_too_long_is_105_with_the_overflow_highlighted() -> None:
    result = check_message("a" * 200, max_parts=1)
    (problem,) = result.problems
    assert problem.code == 105
    assert (problem.start, problem.end) == (153, 200)
    assert result.parts_needed == 2
    assert check_message("a" * 200, max_parts=2).valid


def test_sender_missing_and_too_long() -> None:
    assert check_message("Hi", sender="").codes == (106,)
    long_name = check_message("Hi", sender="ABCDEFGHIJKL")
    assert long_name.codes == (107,)
    assert (long_name.problems[0].start, long_name.problems[0].end) == (11, 12)
    assert long_name.problems[0].field == "from"
    assert check_message("Hi", sender="1234567890123456").codes == (107,)
    assert check_message("Hi", sender="123456789012345").valid
    assert check_message("Hi", sender=None).valid  # not checked


def test_landing_without_its_placeholder_is_141() -> None:
    assert check_message("Visit us", channel="landing").codes == (141,)
    assert check_message("Visit {LAND_URL}", channel="landing").valid


def test_land_url_in_an_sms_is_reported_at_its_place() -> None:
    (problem,) = check_message("Visit {LAND_URL}").problems
    assert problem.kind == "template.reserved_channel"
    assert (problem.start, problem.end) == (6, 16)


def test_split_parts_placeholder_too_long_is_142() -> None:
    result = check_message(
        "Hola {name}", split_parts=True, max_parts=5, template_values={"name": "x" * 170}
    )
    assert 142 in result.codes
    problem = next(p for p in result.problems if p.code == 142)
    assert (problem.start, problem.end) == (5, 11)


# -- template problems, with spans ---------------------------------------------------------


def test_unknown_filter_spans_the_filter_name() -> None:
    (problem,) = check_message("Hola {name|shout}").problems
    assert problem.kind == "template.unknown_filter"
    assert (problem.start, problem.end) == (11, 16)
    assert "'shout' at 11" in problem.message


def test_unterminated_placeholder_spans_to_the_end() -> None:
    (problem,) = check_message("Hola {name").problems
    assert problem.kind == "template.unterminated"
    assert (problem.start, problem.end) == (5, 10)


def test_unexpected_character_in_a_placeholder() -> None:
    (problem,) = check_message("Hola {name|upper x}").problems
    assert problem.kind == "template.unexpected_character"
    assert (problem.start, problem.end) == (16, 17)
    assert "starts at 5" in problem.message


def test_reserved_placeholder_with_a_filter() -> None:
    (problem,) = check_message("Code {OTP_CODE|upper}").problems
    assert problem.kind == "template.reserved_filter"
    assert (problem.start, problem.end) == (5, 21)


def test_missing_template_value() -> None:
    result = check_message("Hola {name}, {city}", template_values={"name": "Ana"})
    (problem,) = result.problems
    assert problem.kind == "template.missing_value"
    assert (problem.start, problem.end) == (13, 19)


def test_template_values_are_counted_in_the_preview() -> None:
    result = check_message("Hola {name}", template_values={"name": "x" * 160})
    assert result.codes == (105,)
    assert result.problems[0].start is None  # the overflow is in a value, not in the text
    assert result.warnings == ()


def test_braces_that_are_not_placeholders_are_text() -> None:
    assert check_message('{"json": true} and { spaced }').valid


# -- warnings and suggestions --------------------------------------------------------------


def test_warnings_name_the_character_as_a_person_sees_it() -> None:
    result = check_message("It’s a deal")
    (warning,) = result.warnings
    assert warning.severity == "warning"
    assert (warning.start, warning.end) == (2, 3)
    assert warning.message.startswith('"’" (RIGHT SINGLE QUOTATION MARK) at 2 ')
    assert result.valid  # a warning is not a problem


def test_suggestions_say_what_saves_parts() -> None:
    text = "It’s “great” — " * 6
    result = check_message(text, max_parts=3)
    assert result.analysis is not None
    assert result.analysis.encoding == "utf-16"
    chars = {s.char for s in result.suggestions}
    assert chars <= {"’", "“", "”", "—"}
    assert analyze(result.suggested_text).parts < result.analysis.parts
    assert "save" in result.suggestions_message
    assert check_message("plain").suggestions == ()
    assert check_message("plain").suggestions_message == ""


# -- newlines (DESIGN 1.7) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "expected"),
    [("crlf", "a\r\nb\r\nc\r\nd"), ("lf", "a\nb\nc\nd"), ("keep", "a\nb\rc\r\nd")],
)
def test_normalize_newlines(mode: str, expected: str) -> None:
    assert normalize_newlines("a\nb\rc\r\nd", mode) == expected  # type: ignore[arg-type]


def test_crlf_is_counted_as_a_form_submits_it_and_said_so() -> None:
    result = check_message("a\nb")
    assert result.text == "a\r\nb"
    assert result.newlines == "crlf"
    assert result.newlines_changed
    assert result.analysis is not None
    assert result.analysis.units == 4
    kept = check_message("a\r\nb")
    assert not kept.newlines_changed
    assert check_message("a\r\nb", newlines="lf").analysis.units == 3  # type: ignore[union-attr]


def test_crlf_tips_the_parts_and_the_span_indexes_the_text_as_given() -> None:
    text = "a" * 150 + "\n" * 5 + "’"  # 156 characters as typed; 161 units with CRLF
    result = check_message(text, max_parts=1)
    (problem,) = result.problems
    assert problem.code == 105
    assert problem.end == len(text)
    assert text[problem.start :] == text[problem.start : problem.end]
    warning = result.warnings[-1]
    assert text[warning.start : warning.end] == "’"  # type: ignore[misc]
    assert f"at {len(text) - 1}" in warning.message
    assert check_message(text, max_parts=1, newlines="lf").parts_needed == 3  # UTF-16


def test_spans_after_newlines_map_back_to_the_input() -> None:
    text = "l1\nl2\n{name|shout}"
    (problem,) = check_message(text).problems
    assert text[problem.start : problem.end] == "shout"  # type: ignore[misc]


# -- the result ----------------------------------------------------------------------------


def test_result_is_immutable_and_raises_as_validation_error() -> None:
    result = check_message("", sender="")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
    with pytest.raises(ValidationError) as caught:
        result.raise_if_invalid()
    assert caught.value.codes == (106, 104)


def test_caller_bugs_raise() -> None:
    with pytest.raises(TypeError):
        check_message(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="newlines"):
        check_message("x", newlines="cr")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="channel"):
        check_message("x", channel="voice")  # type: ignore[arg-type]


def test_lone_surrogate_cannot_be_counted() -> None:
    result = check_message("ab\ud800")
    assert result.analysis is None
    assert result.problems[0].kind == "text.lone_surrogate"
    assert (result.problems[0].start, result.problems[0].end) == (2, 3)


# -- translations --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "fragment"),
    [("es", "en la posición 2"), ("pt", "na posição 2"), ("pt-BR", "na posição 2"),
     ("en", "at 2"), ("fr", "at 2")],
)  # fmt: skip
def test_messages_are_translated(locale: str, fragment: str) -> None:
    result = check_message("It’s", locale=locale)
    sentence = result.message_for(result.warnings[0])
    assert fragment in sentence
    assert "(RIGHT SINGLE QUOTATION MARK)" in sentence
    assert result.as_json()["warnings"][0]["message"] == sentence


def test_plural_forms() -> None:
    one = check_message("a" * 200, locale="es").problems[0].render("es")
    three = check_message("a" * 700, max_parts=3, locale="es").problems[0].render("es")
    assert "solo se permite 1 parte." in one
    assert "como máximo 3 partes." in three


@pytest.mark.parametrize("language", _messages.LANGUAGES)
def test_mo_files_are_up_to_date_with_the_po_files(language: str) -> None:
    """The committed .mo holds what babel compiles from the .po (the header aside, which
    names the babel version)."""
    path = _messages.mo_path(language)
    assert _entries(path.read_bytes()) == _entries(_messages.compiled(language)), (
        f"{path} is stale: run python -m nrscompose.forms._messages"
    )


def _entries(mo: bytes) -> dict[object, str]:
    import gettext
    import io

    catalog = gettext.GNUTranslations(io.BytesIO(mo))._catalog  # type: ignore[attr-defined]
    return {key: value for key, value in catalog.items() if key != ""}


@pytest.mark.parametrize("language", _messages.LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    from babel.messages.pofile import read_po

    with _messages.mo_path(language).with_suffix(".po").open("rb") as source:
        catalog = read_po(source)
    entries = {m.id: m.string for m in catalog if m.id}
    expected = set(_messages.MESSAGES) | set(_messages.PLURAL_MESSAGES)
    assert set(entries) == expected
    for msgid, translated in entries.items():
        assert translated, msgid
        assert all(translated), msgid
        singular = msgid[0] if isinstance(msgid, tuple) else msgid
        first = translated[0] if isinstance(translated, tuple) else translated
        assert sorted(_params(singular)) == sorted(_params(first)), msgid


def _params(text: str) -> list[str]:
    import re

    return re.findall(r"%\((\w+)\)", text)


# -- the same verdict as the request builders ----------------------------------------------

_PIECES = st.sampled_from(
    ["a", "é", "ç", "€", "’", "😀", "\n", "{name}", "{OTP_CODE}", "{LAND_URL}", "{x|shout}",
     "{", "}", " ", "x" * 40, "[", "ü"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=40),
    max_parts=st.integers(min_value=0, max_value=17),
    trans=st.booleans(),
    channel=st.sampled_from(["sms", "landing"]),
    sender=st.sampled_from([None, "", "ACME", "ABCDEFGHIJKLM", "1" * 16]),
    split_parts=st.booleans(),
)
def test_codes_agree_with_the_request_builders(
    pieces: list[str],
    max_parts: int,
    trans: bool,
    channel: str,
    sender: str | None,
    split_parts: bool,
) -> None:
    """``check_message`` restates 104/105/141 inline; ``nrs.validate`` is the authority."""
    text = "".join(pieces)
    ours = check_message(
        text,
        channel=channel,  # type: ignore[arg-type]
        max_parts=max_parts,
        trans=trans,
        sender=sender,
        split_parts=split_parts,
        newlines="keep",
    )
    payload: dict[str, object] = {
        "to": ["34666555444"],
        "message": text,
        "parts": max_parts,
        "trans": trans,
        "splitParts": split_parts,
        "templateBody": "<p>landing</p>",
    }
    if sender is not None:
        payload["from"] = sender
    theirs = [
        p
        for p in validate(channel, payload)  # type: ignore[arg-type]
        if p.field != "from" or sender is not None
    ]
    assert sorted(c for c in ours.codes) == sorted({p.code for p in theirs if p.code})
    spans = {(p.code, p.start, p.end) for p in theirs if p.code in (105, 107, 142)}
    assert spans == {(p.code, p.start, p.end) for p in ours.problems if p.code in (105, 107, 142)}
