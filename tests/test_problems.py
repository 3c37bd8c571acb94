"""The problem model: kinds from a closed vocabulary, sentences from the catalogue, codes from
the provider, and the provider-neutral message rules every consumer shares."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest

import nrscompose as nc
from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.problems import KINDS, PLURAL_KINDS, VARIANT_KINDS, Problem, needed_params
from nrscompose._rules import message_rules
from nrscompose.forms import check_message
from nrscompose.forms._messages import MESSAGES
from nrscompose.providers import nrs
from nrscompose.providers.nrs.codes import CODES, code_for

ALL_KINDS = sorted({*KINDS, *PLURAL_KINDS, *VARIANT_KINDS})
DOCS = Path(__file__).parent.parent / "docs" / "problems.md"


def test_a_problem_is_immutable_with_read_only_params() -> None:
    problem = Problem("text.too_long", "message", (3, 9), {"needed": 2, "limit": 1})
    with pytest.raises(AttributeError):
        problem.kind = "text.required"  # type: ignore[misc]
    with pytest.raises(TypeError):
        problem.params["limit"] = 5  # type: ignore[index]
    assert (problem.start, problem.end) == (3, 9)
    assert problem.code is None  # the core names no provider code


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(ArgumentError, match="unknown problem kind"):
        Problem("text.too-long", "message")


def test_a_problem_without_the_params_its_sentence_names_is_refused() -> None:
    with pytest.raises(ArgumentError, match="needs the params: needed"):
        Problem("text.too_long", "message", (0, 5), {"limit": 160})


def test_every_kind_renders_in_every_language_with_its_needed_params() -> None:
    for kind in ALL_KINDS:
        params = dict.fromkeys(needed_params(kind), 1)
        for locale in ("en", "es", "pt"):
            assert Problem(kind, "message", params=params).render(locale)


def test_kinds_are_dotted_lowercase_names() -> None:
    for kind in ALL_KINDS:
        assert re.fullmatch(r"[a-z_]+\.[a-z_]+", kind), kind


def test_every_kind_is_documented() -> None:
    documented = set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", DOCS.read_text(), re.M))
    assert documented == set(ALL_KINDS)


def test_every_kind_sentence_is_in_the_catalogue() -> None:
    for kind in KINDS:
        assert KINDS[kind] in MESSAGES


@pytest.mark.parametrize("locale", ["es", "pt"])
def test_a_sentence_is_rendered_from_kind_and_params_in_a_locale(locale: str) -> None:
    problem = Problem("sender.too_long", "from", (11, 14), {"length": 14, "limit": 11})
    assert problem.message.startswith("The sender has 14 characters")
    translated = problem.render(locale)
    assert "14" in translated
    assert "11" in translated
    assert translated != problem.message


@pytest.mark.parametrize("locale", ["en", "es", "pt"])
def test_an_error_is_described_in_a_locale_as_its_english_line_is_written(locale: str) -> None:
    problems = [Problem("recipient.required", "to", code=102),
                *(Problem("sender.required", "from") for _ in range(101))]  # fmt: skip
    error = ValidationError(problems)
    line = f"[102] to: {problems[0].render(locale)}; from: {problems[1].render(locale)}"
    assert error.describe(locale).startswith(line)
    assert error.describe(locale).endswith("; and 2 more problems")
    assert problems[0].describe(locale) == f"[102] to: {problems[0].render(locale)}"
    assert str(error) == error.describe()
    assert str(problems[1]) == problems[1].describe() == f"from: {problems[1].message}"


def test_provider_codes_come_from_the_kind_table() -> None:
    assert code_for("text.required", "message") == 104
    assert code_for("text.too_long", "message") == 105
    assert code_for("sender.required", "from") == 106
    assert code_for("sender.too_long", "from") == 107
    assert code_for("template.placeholder_required", "message") == 141
    assert code_for("template.split_placeholder", "message") == 142
    assert code_for("available_times.hour_format", "availableTimes[0].from") == 186
    assert code_for("available_times.hour_format", "availableTimes[0].to") == 187
    assert code_for("value.out_of_range", "otpConfig.length") == 422
    assert all(kind == "*" or kind in ALL_KINDS for kind, _ in CODES)


def test_builders_forms_and_validate_agree_on_kinds_and_codes() -> None:
    payload = {"to": ["34666555444"], "from": "", "message": "", "parts": 99}
    problems = nrs.validate("sms", payload)
    assert [(p.kind, p.code) for p in problems] == [
        ("sender.required", 106),
        ("parts.out_of_range", 110),
        ("text.required", 104),
    ]
    form = check_message("", sender="", max_parts=99)
    assert [(p.kind, p.code) for p in form.problems] == [
        ("sender.required", 106),
        ("parts.out_of_range", 110),
        ("text.required", 104),
    ]
    with pytest.raises(ValidationError) as caught:
        nrs.sms(to=["34666555444"], sender="", message="", credentials=nrs.Credentials("u", "p"))
    assert caught.value.codes == (106, 104)
    assert caught.value.kinds == ("sender.required", "text.required")


# -- the sender: "15 numbers or 11 alphanumeric characters" --------------------------------


@pytest.mark.parametrize(
    ("sender", "kinds"),
    [
        ("+" + "3" * 15, []),  # the "+" of an international number is not counted
        ("3" * 15, []),
        ("3" * 16, ["sender.too_long"]),
        ("+" + "3" * 16, ["sender.too_long"]),
        ("ACME2026SMS", []),
        ("ACME2026SMSX", ["sender.too_long"]),
        ("AB CD!?", ["sender.invalid_character"]),
        ("Café", ["sender.invalid_character"]),
        ("+ACME", ["sender.invalid_character"]),
        ("", ["sender.required"]),
        ("   ", ["sender.required"]),
    ],
)
def test_the_sender_rule(sender: str, kinds: list[str]) -> None:
    assert [p.kind for p in message_rules.sender_problems(sender)] == kinds
    assert [p.kind for p in check_message("Hi", sender=sender).problems] == kinds


def test_a_long_sender_spans_the_excess_and_names_its_limit() -> None:
    (problem,) = message_rules.sender_problems("+" + "3" * 17)
    assert problem.span == (16, 18)
    assert problem.params == {"length": 17, "limit": 15, "numeric": True}
    assert "17 digits" in problem.message


# -- one phone parser -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "number", ["+33 6 12 34 56 78", "0033612345678", "+33 (0)6-12-34-56-78", "33612345678"]
)
def test_windows_and_destinations_read_numbers_alike(number: str) -> None:
    found = nc.destination(number)
    at = datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    if found.valid:
        assert nc.windows.check(number, at).country == found.region
    else:
        with pytest.raises(ValidationError):
            nc.windows.check(number, at)


# -- one behaviour for a bad argument -------------------------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda: nc.analyze("hi", channel="bogus"),
        lambda: nc.analyze("hi", profile="bogus"),
        lambda: nc.analyze("hi", encoding="bogus"),
        lambda: check_message("hi", channel="bogus"),  # type: ignore[arg-type]
        lambda: check_message("hi", newlines="bogus"),  # type: ignore[arg-type]
        lambda: nrs.validate("bogus", {}),  # type: ignore[arg-type]
        lambda: nc.windows.check("+33612345678", datetime.now(UTC), category="bogus"),  # type: ignore[arg-type]
    ],
)
def test_an_unknown_vocabulary_value_is_an_argument_error(call: object) -> None:
    with pytest.raises(ArgumentError, match="unknown"):
        call()  # type: ignore[operator]


def test_estimate_forms_and_campaign_are_reachable_from_the_top() -> None:
    assert nc.estimate is nc.campaign.estimate
    assert nc.forms.check_message is check_message


def test_a_campaign_groups_invalid_recipients_by_kind_not_by_words() -> None:
    rows = [
        {"phone": "612345", "name": "A"},  # +61 2345: a number of no region
        {"phone": "33012345678", "name": "B"},  # +33 0…: not a French number
        {"phone": "12", "name": "C"},
        {"phone": "34612345678"},  # valid number, no value for {name}
    ]
    report = nc.estimate(rows, "Hola {name}")
    assert report.invalid_reasons == {
        "recipient.no_region": 1,
        "recipient.not_valid": 1,
        "recipient.too_short": 1,
        "template.missing_value": 1,
    }

    shown = report.as_json()["invalid_reasons"]
    assert {kind: group["rows"] for kind, group in shown.items()} == report.invalid_reasons
    assert shown["recipient.too_short"]["message"] == "too short for an international number"
    assert shown["template.missing_value"]["message"] == "No value for {name} at 5."
    in_spanish = report.as_json("es")["invalid_reasons"]
    assert in_spanish["recipient.too_short"]["message"] == (
        "demasiado corto para un número internacional"
    )
    sample = report.as_json("pt")["invalid_sample"]
    assert [row["reason"] for row in sample] == list(report.invalid_reasons)
    assert sample[0]["problem"] == "não é um número válido de nenhuma região"


def test_the_vocabulary_has_no_free_text_kind() -> None:
    """Every sentence has words of its own: no kind carries a whole sentence in a param (the
    former ``value.invalid`` with its English ``detail``), so each can be translated."""
    only_params = [kind for kind, sentence in KINDS.items()
                   if not re.sub(r"%\(\w+\)[sd]", "", sentence).strip(" .:;")]  # fmt: skip
    assert only_params == []
    with pytest.raises(ArgumentError):
        Problem("value.invalid", "field", None, {"detail": "free text"})


def test_a_problem_crosses_processes_as_it_was() -> None:
    """The estimate's worker processes send rows' problems back: a Problem pickles."""
    import pickle

    problem = Problem("text.too_long", "message", (0, 3), {"needed": 20, "limit": 15}, code=105)
    again = pickle.loads(pickle.dumps(problem))
    assert again == problem
    assert (again.code, again.render("es")) == (105, problem.render("es"))
