"""Send windows, the bulk SMS builders, template ranges and the 360nrs conditional fields refuse
with specific kinds and params, never the free-text ``value.invalid``; the sentences the command
line prints are the ones it printed before they had kinds."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose import analyze_template
from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import KINDS
from nrscompose._rules.windows import DEFAULT_RULES, Rule, RuleSet, Window, check, schedule
from nrscompose.cli import main
from nrscompose.providers import bulk_sms, nrs

SRC = Path(__file__).parent.parent / "src" / "nrscompose"
CONVERTED = [
    *sorted((SRC / "_rules" / "windows").glob("*.py")),
    SRC / "providers" / "bulk_sms" / "requests.py",
    SRC / "_composition" / "template" / "ranges.py",
    SRC / "providers" / "nrs" / "_conditions.py",
]
FR = "+33612345678"
MONDAY = datetime(2026, 3, 2, 10, tzinfo=UTC)
ALL_WEEK = (Window.of("Mon-Sun", "08:00", "20:00"),)
CREDS = nrs.Credentials("username", "apiPassword")


def refusal(build: Callable[[], object]) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        build()
    assert "value.invalid" not in caught.value.kinds
    return caught.value


def single(build: Callable[[], object]) -> tuple[str, str, dict[str, object]]:
    """(kind, field, params) of the one problem ``build`` raises."""
    error = refusal(build)
    assert len(error.problems) == 1, error.problems
    problem = error.problems[0]
    return problem.kind, problem.field, dict(problem.params)


def test_the_converted_modules_name_no_free_text_refusal() -> None:
    """The class, not its instances: no ``value.invalid`` and no ``invalid(...)`` helper call."""
    for path in CONVERTED:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        strings = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)}
        assert "value.invalid" not in strings, path
        calls = [n.func for n in ast.walk(tree) if isinstance(n, ast.Call)]
        names = {getattr(f, "attr", getattr(f, "id", None)) for f in calls}
        assert "invalid" not in names, path


# -- send windows: times, zones, holidays ---------------------------------------------------------


def test_a_time_that_is_not_a_datetime() -> None:
    kind, field, params = single(lambda: check(FR, "2026-03-02T10:00Z"))  # type: ignore[arg-type]
    assert (kind, field, params) == ("date.not_datetime", "at", {"type": "str"})


def test_a_time_at_the_ends_of_the_calendar() -> None:
    moment = datetime(1, 1, 1, tzinfo=UTC)
    kind, field, params = single(lambda: schedule([FR], moment))
    assert (kind, field) == ("window.time_out_of_range", "at")
    assert params == {"value": moment.isoformat(), "first_year": 2, "last_year": 9996}


def test_a_zone_that_is_not_a_zone() -> None:
    kind, field, params = single(lambda: check(FR, MONDAY, zone=5))  # type: ignore[arg-type]
    assert (kind, field, params) == ("zone.not_a_zone", "zone", {"value": "5", "type": "int"})


def test_an_unknown_zone() -> None:
    kind, field, params = single(lambda: check(FR, MONDAY, zone="Mars/Base"))
    assert (kind, field, params) == ("zone.unknown", "zone", {"zone": "'Mars/Base'"})


def test_a_number_without_a_zone_under_a_rule() -> None:
    policy = Rule("policy", ALL_WEEK, source="company policy")
    kind, field, params = single(lambda: check("+80012345678", MONDAY, rules=[policy]))
    assert (kind, field, params) == ("zone.unknown_for_number", "zone", {"country": "001"})
    rejected = schedule(["+80012345678"], MONDAY, rules=[policy]).rejected
    assert [(to, p.kind) for to, p in rejected] == [("+80012345678", "zone.unknown_for_number")]


def test_a_subdivision_without_a_holiday_calendar() -> None:
    rule = Rule("FR-XX", ALL_WEEK, source="s", country="FR", subdivision="XX",
                closed_on_holidays=True)  # fmt: skip
    kind, field, params = single(lambda: check(FR, MONDAY, rules=[rule], subdivision="XX"))
    assert (kind, field) == ("holidays.no_calendar", "rules")
    assert params == {"country": "FR", "subdivision": "XX"}


def test_rules_that_never_open_together() -> None:
    mondays = Rule("mondays", (Window.of("Mon", "08:00", "20:00"),), source="s")
    tuesdays = Rule("tuesdays", (Window.of("Tue", "08:00", "20:00"),), source="s")
    kind, field, params = single(lambda: check(FR, MONDAY, rules=[mondays, tuesdays]))
    assert (kind, field) == ("window.never_open", "rules")
    assert params == {"days": 732, "after": MONDAY.isoformat()}


# -- send windows: windows and rules --------------------------------------------------------------


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: Window.of("Mo", "08:00", "20:00"),
         ("window.unknown_day", "days", {"value": "'Mo'",
                                         "known": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat",
                                                   "Sun")})),
        (lambda: Window.of("Fri-Mon", "08:00", "20:00"),
         ("window.days_backwards", "days", {"value": "'Fri-Mon'"})),
        (lambda: Window.of("Mon", "8:00", "20:00"),
         ("window.clock_format", "opens", {"value": "'8:00'"})),
        (lambda: Window.of("Mon", "08:00", "24:01"),
         ("window.clock_format", "closes", {"value": "'24:01'"})),
        (lambda: Window(frozenset({0}), 0, 60),
         ("window.days_out_of_range", "days", {"days": frozenset({0})})),
        (lambda: Window.of("Mon", "20:00", "08:00"),
         ("window.closes_before_opens", "window", {"opens": "20:00", "closes": "08:00"})),
        (lambda: DEFAULT_RULES.remove("nowhere", "FR"),
         ("rule.unknown_names", "rules", {"names": ["nowhere"]})),
        (lambda: RuleSet((DEFAULT_RULES["FR"], DEFAULT_RULES["FR"])),
         ("rule.duplicate_names", "rules", {"names": ["FR"]})),
    ],
)  # fmt: skip
def test_a_bad_window_or_rule_set(build: Callable[[], object], expected: tuple) -> None:
    assert single(build) == expected


def test_a_bad_rule_names_each_thing_wrong_with_it() -> None:
    error = refusal(
        lambda: Rule("", (), source="", country="fr", categories=frozenset({"spam"}),  # type: ignore[arg-type]
                     channels=frozenset(), confidence="sure")  # type: ignore[arg-type]
    )  # fmt: skip
    assert [(p.kind, p.field) for p in error.problems] == [
        ("rule.no_name", "rules"),
        ("rule.no_windows", "rules"),
        ("rule.no_source", "rules"),
        ("rule.country_format", "rules"),
        ("rule.unknown_categories", "rules"),
        ("rule.unknown_channels", "rules"),
        ("rule.unknown_confidence", "rules"),
    ]
    params = {p.kind: dict(p.params) for p in error.problems}
    assert all(p["rule"] == "''" for p in params.values())
    assert params["rule.country_format"]["value"] == "'fr'"
    assert params["rule.unknown_categories"] == {
        "rule": "''", "value": frozenset({"spam"}),
        "known": ["collection", "marketing", "transactional"],
    }  # fmt: skip
    assert params["rule.unknown_channels"]["known"] == ["sms", "voice"]
    assert params["rule.unknown_confidence"]["known"] == ["high", "low", "medium"]
    subdivision = single(lambda: Rule("x", ALL_WEEK, source="s", subdivision="CE"))
    assert subdivision == ("rule.subdivision_without_country", "rules", {"rule": "'x'"})


def test_one_thing_wrong_with_a_rule_reads_as_before() -> None:
    error = refusal(lambda: Rule("x", ALL_WEEK, source=""))
    assert str(error) == "rules: rule 'x': a rule needs a source"


_DAY_TEXT = st.text(alphabet="MonTuesWdhFrSa,- ", max_size=12)


def kinds_of(build: Callable[[], object]) -> set[str]:
    """The kinds ``build`` refuses with; none when it succeeds."""
    try:
        build()
    except ValidationError as error:
        return set(error.kinds)
    return set()


@given(_DAY_TEXT)
def test_any_day_text_is_read_or_refused_with_a_window_kind(days: str) -> None:
    kinds = kinds_of(lambda: Window.of(days, "08:00", "20:00"))
    assert kinds <= {"window.unknown_day", "window.days_backwards"}


_CLOCK_TEXT = st.from_regex(r"[0-9:]{0,6}", fullmatch=True)


@given(_CLOCK_TEXT, _CLOCK_TEXT)
def test_any_clock_text_is_read_or_refused_with_a_window_kind(opens: str, closes: str) -> None:
    kinds = kinds_of(lambda: Window.of("Mon", opens, closes))
    assert kinds <= {"window.clock_format", "window.closes_before_opens"}


# -- the bulk SMS provider ------------------------------------------------------------------------

API = bulk_sms.BulkSmsApi(
    "https://sms.example.com",
    {
        "send_bulk": bulk_sms.Route("POST", "/api/v1/bulk/"),
        "company_update": bulk_sms.Route("PATCH", "/api/v1/company/"),
        "batch_contacts": bulk_sms.Route("GET", "/api/v1/contactlists/{list_id}/batch/"),
        "batch_contacts_create": bulk_sms.Route("POST", "/api/v1/contactlists/{list_id}/batch/"),
        "contact_lists_import": bulk_sms.Route("POST", "/api/v1/contactlists/import/"),
        "opt_out_overwrite": bulk_sms.Route("PUT", "/api/v1/optouts/"),
        "stats_hourly": bulk_sms.Route("GET", "/api/v1/deployments/{deployment_id}/stats/"),
    },
    {"Authorization": "Token s3cret"},
)


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: bulk_sms.company(API),
         ("route.not_configured", "routes",
          {"operation": "'company'", "configured": sorted(API.routes)})),
        (lambda: bulk_sms.overwrite_opt_out(API, 7),
         ("route.missing_placeholder", "routes",
          {"operation": "'opt_out_overwrite'", "placeholder": "{id}"})),
        (lambda: bulk_sms.deployment_stats(API, "hour"),
         ("route.missing_value", "routes",
          {"operation": "'stats_hourly'", "placeholder": "{deployment_id}"})),
        (lambda: bulk_sms.send_bulk(API, []), ("messages.empty", "messages", {})),
        (lambda: bulk_sms.batch_contacts(API, 0),
         ("id.not_positive_integer", "list_id", {"value": "0"})),
        (lambda: bulk_sms.update_company(API, {}), ("changes.empty", "changes", {})),
        (lambda: bulk_sms.create_batch_contacts(API, 3, []), ("contacts.empty", "contacts", {})),
        (lambda: bulk_sms.import_contact_lists(API, b""), ("upload.no_csv", "file", {})),
    ],
)  # fmt: skip
def test_a_bulk_sms_builder_refusal(build: Callable[[], object], expected: tuple) -> None:
    assert single(build) == expected


def test_each_contact_that_is_not_a_mapping_is_named() -> None:
    error = refusal(lambda: bulk_sms.create_batch_contacts(API, 3, [{"a": 1}, "x", {}]))  # type: ignore[list-item]
    assert [(p.kind, p.field) for p in error.problems] == [
        ("contacts.not_mapping", "contacts[1]"),
        ("contacts.not_mapping", "contacts[2]"),
    ]


# -- template ranges ------------------------------------------------------------------------------


def test_an_unknown_alphabet() -> None:
    build = lambda: analyze_template("Hi {a}", max_lengths={"a": 5}, alphabets={"a": "latin"})  # type: ignore[dict-item]  # noqa: E731
    assert single(build) == (
        "template.unknown_alphabet",
        "alphabets",
        {"name": "'a'", "value": "'latin'", "known": ("gsm", "unicode")},
    )


def test_a_minimum_over_the_maximum() -> None:
    build = lambda: analyze_template("Hi {a}", max_lengths={"a": 5}, min_lengths={"a": 9})  # noqa: E731
    assert single(build) == (
        "template.min_length_range",
        "min_lengths",
        {"placeholder": "{a}", "minimum": 9, "maximum": 5},
    )


def test_a_maximum_over_a_million_characters() -> None:
    kind, field, params = single(lambda: analyze_template("Hi {a}", max_lengths={"a": 2_000_000}))
    assert (kind, field) == ("template.max_length_too_large", "max_lengths")
    assert params == {
        "placeholder": "{a}", "maximum": 2_000_000, "limit": 1_000_000, "limit_text": "1,000,000"
    }  # fmt: skip


# -- fields the 360nrs reference requires under a condition ---------------------------------------


def test_conditional_fields_have_kinds_params_and_the_422_of_the_reference() -> None:
    error = refusal(lambda: nrs.endpoint("contacts.create", CREDS, body={"phone": "34666555444"}))
    found = {p.field: (p.kind, dict(p.params), p.code) for p in error.problems}
    assert found == {
        "countryIso": (
            "value.required_when_either_given",
            {"first": "phone", "second": "landline", "fields": ("phone", "landline")},
            422,
        ),
        "groupsIds": (
            "value.required_when_not_given",
            {"other": "groupsNames", "fields": ("groupsNames",)},
            422,
        ),
    }
    error = refusal(lambda: nrs.endpoint("contacts.create", CREDS, body={"groupsIds": [1]}))
    (problem,) = error.problems
    assert (problem.kind, problem.field, problem.code) == (
        "value.required_when_neither_given", "email", 422
    )  # fmt: skip
    assert problem.message == "is required when neither phone nor landline is given"
    assert "ni phone ni landline" in problem.render("es")
    assert "nem phone nem landline" in problem.render("pt")


# -- what the command line prints -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["window", FR, "--zone", "Mars/Base"], "zone: unknown time zone 'Mars/Base'"),
        (
            ["window", FR, "--at", "0001-01-01T00:00+00:00"],
            "at: 0001-01-01T00:00:00+00:00 is too close to the ends of the calendar to decide a "
            "send window; give a time between years 2 and 9996",
        ),
        (
            ["render", "Hi {a}", "--range", "--max-length", "a=2000000"],
            "max_lengths: {a}: a maximum length of 2000000 is over 1,000,000 characters",
        ),
    ],
)
def test_the_command_line_prints_the_same_line_as_before(
    argv: list[str], line: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    assert capsys.readouterr().err == f"nrscompose: error: {line}\n"


@pytest.mark.parametrize("locale", ["es", "pt"])
def test_every_new_sentence_is_translated(locale: str) -> None:
    from nrscompose._base.messages import translator

    kinds = list(KINDS)
    first, last = kinds.index("date.not_datetime"), kinds.index("value.required_when_neither_given")
    for kind in kinds[first : last + 1]:
        assert translator(locale).gettext(KINDS[kind]) != KINDS[kind], kind
