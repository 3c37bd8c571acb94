"""Template grammar, rendering, reserved placeholders, sub, splitParts."""

from __future__ import annotations

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._composition.template import (
    OtpConfig,
    Placeholder,
    Template,
    render_all,
    split_count,
    split_sms,
)


def test_seed_substitution_example() -> None:
    # Seed 001, "Substitution variables".
    template = Template("Hello {name}")
    sub = [{"name": "first contact name"}, {"name": "second contact name"}]
    assert render_all(template, sub, ["34666555444", "34666555333"]) == [
        "Hello first contact name",
        "Hello second contact name",
    ]


def test_placeholders_record_name_filters_and_span() -> None:
    template = Template("Hola {name|lower|capitalize}!")
    assert template.placeholders == (Placeholder("name", ("lower", "capitalize"), 5, 28),)
    assert template.text[5:28] == "{name|lower|capitalize}"
    assert template.names == ("name",)
    assert template.render({"name": "ÉLISE"}) == "Hola Élise!"


@pytest.mark.parametrize(
    "text",
    [
        '{"a": 1, "b": [1, 2]}',
        "{ name }",
        "{}",
        "}{",
        "{-x}",
        "a { b } c",
        "{name }",
        "price {10%}",
        "{|lower}",
    ],
)
def test_braces_that_are_not_placeholders_stay_text(text: str) -> None:
    template = Template(text)
    assert template.placeholders == ()
    assert template.render({}) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("{name}", "name"),
        ("{form_name}", "form_name"),
        ("{my_string_custom_field}", "my_string_custom_field"),
        ("{año}", "año"),
        ("{campo-2}", "campo-2"),
        ("{a.b}", "a.b"),
        ("{1st}", "1st"),
    ],
)
def test_names_allowed(text: str, name: str) -> None:
    assert Template(text).names == (name,)


def test_double_braces_keep_the_outer_ones() -> None:
    assert Template("{{name}}").render({"name": "Ana"}) == "{Ana}"


@pytest.mark.parametrize(
    ("text", "start", "kind"),
    [
        ("Hi {name|nope}", 9, "template.unknown_filter"),
        ("Hi {name|Lower}", 9, "template.unknown_filter"),
        ("Hi {name|lower", 3, "template.unterminated"),
        ("Hi {name", 3, "template.unterminated"),
        ("Hi {name|", 3, "template.unterminated"),
        ("Hi {name|}", 9, "template.unexpected_character"),
        ("Hi {name|lower x}", 14, "template.unexpected_character"),
        ("{OTP_CODE|upper}", 0, "template.reserved_filter"),
    ],
)
def test_parse_errors_have_kinds_and_positions(text: str, start: int, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Template(text)
    problem = caught.value.problems[0]
    assert problem.start == start
    assert problem.kind == kind
    assert f"at {start}" in problem.message


def test_every_parse_error_is_reported() -> None:
    with pytest.raises(ValidationError) as caught:
        Template("{a|x} and {b|y}")
    assert [p.start for p in caught.value.problems] == [3, 13]


def test_missing_value_is_an_error_naming_recipient_and_placeholder() -> None:
    template = Template("Hi {name}, {city|upper}")
    with pytest.raises(ValidationError) as caught:
        template.render({"name": "Ana"}, recipient=4)
    (problem,) = caught.value.problems
    assert problem.field == "sub[4]"
    assert problem.kind == "template.missing_value"
    assert problem.params == {"placeholder": "{city|upper}", "index": 11}
    assert "{city|upper} at 11" in problem.message
    assert (problem.start, problem.end) == (11, 23)


def test_none_is_missing_and_lenient_renders_empty() -> None:
    template = Template("Hi {name|upper}!")
    with pytest.raises(ValidationError):
        template.render({"name": None})  # type: ignore[dict-item]
    assert template.render({"name": None}, lenient=True) == "Hi !"  # type: ignore[dict-item]
    assert template.render({}, lenient=True) == "Hi !"


def test_non_string_values() -> None:
    template = Template("{n} {n|formatDotComma}")
    assert template.render({"n": 1234567}) == "1234567 1.234.567"
    assert template.render({"n": 1234.5}) == "1234.5 1.234,5"


def test_not_a_number_error_names_the_placeholder() -> None:
    with pytest.raises(ValidationError, match=r"\{total\|formatCommaDot\} at 6.*not a number"):
        Template("Total {total|formatCommaDot}").render({"total": "12 EUR"})


def test_sub_length_must_match_recipients() -> None:
    template = Template("Hello {name}")
    with pytest.raises(ValidationError, match="1 item"):
        render_all(template, [{"name": "a"}], 2)


def test_render_all_reports_every_recipient() -> None:
    template = Template("Hello {name} {x}")
    with pytest.raises(ValidationError) as caught:
        render_all(template, [{"name": "a", "x": "1"}, {}, {"name": "c"}], 3)
    fields = [p.field for p in caught.value.problems]
    assert fields == ["sub[1]", "sub[1]", "sub[2]"]
    assert render_all(template, [{}, {"name": "b"}], 2, lenient=True) == ["Hello  ", "Hello b "]


def test_shortener_is_pluggable_per_template() -> None:
    template = Template("Go {url|shorten}", shortener=lambda url: "https://s.example/" + url[-1])
    assert template.render({"url": "https://example.com/page1"}) == "Go https://s.example/1"
    assert Template("Go {url|shorten}").render({"url": "https://example.com/x"}) == (
        "Go https://nrs.so/xxxxxx"
    )


# --- reserved placeholders ----------------------------------------------------------------


def test_otp_code_is_left_for_the_server_and_never_filled_from_values() -> None:
    template = Template("Your code: {OTP_CODE}")
    assert template.reserved == ("OTP_CODE",)
    assert template.names == ()
    assert template.render({"OTP_CODE": "1234"}) == "Your code: {OTP_CODE}"


@pytest.mark.parametrize(
    ("otp", "expected"),
    [
        (None, "0000"),
        (OtpConfig(), "0000"),
        (OtpConfig(10), "0" * 10),
        (OtpConfig(5, True), "AAAAA"),
    ],
)
def test_preview_bills_the_otp_length(otp: OtpConfig | None, expected: str) -> None:
    assert Template("Code {OTP_CODE}.").preview({}, otp=otp) == f"Code {expected}."


@pytest.mark.parametrize("length", [2, 11, 0])
def test_otp_length_is_3_to_10(length: int) -> None:
    with pytest.raises(ValidationError, match="between 3 and 10"):
        OtpConfig(length)


def test_land_url_required_in_landing_sms() -> None:
    # Seed 001: "TEST API LANDING {LAND_URL}"; error 141 "Missing landing placeholder".
    Template("TEST API LANDING {LAND_URL}").validate("landing")
    with pytest.raises(ValidationError) as caught:
        Template("TEST API LANDING").validate("landing")
    assert caught.value.kinds == ("template.placeholder_required",)
    with pytest.raises(ValidationError, match="only filled in for Landing SMS"):
        Template("{LAND_URL}").validate("sms")


def test_land_url_preview_has_its_declared_length() -> None:
    template = Template("Mira {LAND_URL}")
    assert template.preview({}) == "Mira https://nrs.so/xxxxxx"
    assert len(template.preview({}, server_lengths={"LAND_URL": 30})) == 5 + 30


# --- splitParts ---------------------------------------------------------------------------


def test_split_sms_short_message_is_one_sms() -> None:
    assert split_sms(Template("Hi {name}"), {"name": "Ana"}) == ["Hi Ana"]


def test_split_sms_never_cuts_a_placeholder() -> None:
    template = Template("A" * 155 + " {name} " + "B" * 100)
    sms = split_sms(template, {"name": "Juanito"})
    assert "".join(sms) == template.render({"name": "Juanito"})
    assert all(len(piece) <= 160 for piece in sms)
    assert any(piece.startswith("Juanito") for piece in sms)  # moved whole to the next SMS


def test_split_sms_counts_single_limits_per_encoding() -> None:
    text = "Ж" * 100  # utf-16: 70 units per separate SMS
    assert [len(p) for p in split_sms(Template(text), {})] == [70, 30]


def test_split_sms_keeps_otp_whole() -> None:
    template = Template("A" * 158 + "{OTP_CODE}")
    assert split_sms(template, {}) == ["A" * 158, "0000"]


def test_split_sms_placeholder_longer_than_an_sms_is_142() -> None:
    template = Template("Hi {name}")
    with pytest.raises(ValidationError) as caught:
        split_sms(template, {"name": "x" * 161})
    assert caught.value.kinds == ("template.split_placeholder",)
    assert caught.value.problems[0].start == 3


def test_split_count_collects_problems_and_renders_no_values_empty() -> None:
    template = Template("Hi {name} " + "x" * 155)
    found: list[object] = []
    assert split_count(template, {"name": "x" * 161}, found.extend) == 0
    assert [p.kind for p in found] == ["template.split_placeholder"]  # type: ignore[attr-defined]
    assert split_count(template, None, found.extend) == 1  # 159 characters with no name
    assert split_count(template, {"name": "Ann"}, found.extend) == 2
    assert len(found) == 1


def test_split_sms_with_trans() -> None:
    template = Template("á" * 150 + "{name}")
    sms = split_sms(template, {"name": "ó" * 20}, trans=True)
    assert sms == ["a" * 150, "o" * 20]
