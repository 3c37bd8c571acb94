"""destination() agrees with a full phonenumbers parse, number by number."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import PhoneNumberType

from nrscompose._base.problems import render
from nrscompose._rules.destinations import destination

TYPES = [
    PhoneNumberType.MOBILE,
    PhoneNumberType.FIXED_LINE,
    PhoneNumberType.TOLL_FREE,
    PhoneNumberType.VOIP,
]


def reference(raw: str) -> tuple[str | None, bool]:
    text = raw.strip()
    international = text if text.startswith("+") else "+" + text.removeprefix("00")
    try:
        number = phonenumbers.parse(international, None)
    except phonenumbers.NumberParseException:
        return None, False
    region = phonenumbers.region_code_for_number(number)
    return (None if region == "001" else region), phonenumbers.is_valid_number(number)


def example_numbers() -> list[str]:
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in TYPES:
            example = phonenumbers.example_number_for_type(region, kind)
            if example is not None:
                found.append(
                    phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164).lstrip(
                        "+"
                    )
                )
    return found


EXAMPLES = example_numbers()


def test_every_example_number_of_every_region_agrees_with_phonenumbers():
    assert len(EXAMPLES) > 600
    for number in EXAMPLES:
        ours = destination(number)
        assert (ours.region, ours.valid) == reference(number), number


@given(
    st.sampled_from(EXAMPLES),
    st.integers(0, 12),
    st.sampled_from("0123456789"),
    st.sampled_from(["replace", "drop", "add"]),
)
def test_mutated_numbers_agree_with_phonenumbers(number, position, digit, how):
    position = min(position, len(number) - 1)
    if how == "replace":
        mutated = number[:position] + digit + number[position + 1 :]
    elif how == "drop":
        mutated = number[:position] + number[position + 1 :]
    else:
        mutated = number[:position] + digit + number[position:]
    ours = destination(mutated)
    assert (ours.region, ours.valid) == reference(mutated)


@pytest.mark.parametrize(
    "raw",
    ["+34 666 555 444", "0034666555444", "34666555444", "+34-666-555-444", " +34 (666) 555.444 "],
)
def test_international_spellings_are_accepted(raw):
    found = destination(raw)
    assert (found.number, found.region, found.valid) == ("34666555444", "ES", True)


@pytest.mark.parametrize(
    ("raw", "kind", "params", "words"),
    [
        # read as +66: invalid, but valid in Spain and France once their code is added
        ("666555444", "recipient.national_number", {"regions": ("ES", "FR")}, "a national number"),
        ("hello", "recipient.unparsable", {}, "not a phone number"),
        ("12", "recipient.too_short", {}, "too short"),
        ("+999 1234567", "recipient.unknown_prefix", {}, "no country"),
        ("+34 912 34", "recipient.not_valid", {"region": "ES"}, "not a valid number"),
        ("3,46123E+10", "recipient.scientific_notation", {}, "scientific notation"),
    ],
)
def test_bad_numbers_are_invalid_with_a_kind_and_its_sentence(raw, kind, params, words):
    found = destination(raw)
    assert not found.valid
    assert found.problem is not None
    assert (found.problem.kind, dict(found.problem.params)) == (kind, params)
    assert words in found.problem.message
    assert found.problem.render("es") != found.problem.message


def test_a_reason_reads_in_every_locale():
    assert render("recipient.too_short", {}) == "too short for an international number"
    assert render("recipient.too_short", {}, "pt") == "demasiado curto para um número internacional"


def test_nanp_numbers_find_their_region():
    assert destination("14165550123").region == "CA"
    assert destination("12125550123").region == "US"


def test_non_str_is_a_type_error():
    with pytest.raises(TypeError):
        destination(34666555444)
