"""nrscompose._rules.windows: check, schedule and the rules data.

Dates are fixed (2026-2027); nothing reads the clock. Expected holidays are written out from
the official calendars (France: Code du travail L3133-1; Colombia: Ley 51 de 1983 moves most
holidays to the following Monday), not taken from the ``holidays`` package under test.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import excerpts
from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._rules.windows import (
    DEFAULT_RULES,
    Decision,
    Rule,
    RuleSet,
    Window,
    check,
    schedule,
)
from nrscompose.providers.nrs.codes import with_codes

PARIS = ZoneInfo("Europe/Paris")
BOGOTA = ZoneInfo("America/Bogota")
NEW_YORK = ZoneInfo("America/New_York")
CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")
BOISE = ZoneInfo("America/Boise")

FR = "33612345678"
CO = "573001234567"
US_FL = "18502221234"  # Tallahassee area code: Florida, New York time
US_ID = "12085551234"  # Idaho: Boise (Mountain) and Los Angeles (Pacific) zones
US_OK = "14055551234"
US_TX = "12145551234"
US_NY = "12125551234"
ES = "34612345678"  # Spanish mobile: Madrid and Canary zones
IN = "919812345678"

NO_FR_HOLIDAYS = DEFAULT_RULES.remove("FR-holidays")


def at(zone: ZoneInfo, *parts: int) -> datetime:
    return datetime(*parts, tzinfo=zone)  # type: ignore[misc]


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def names(rules: tuple[Rule, ...]) -> list[str]:
    return [rule.name for rule in rules]


# --- the seeds' own examples --------------------------------------------------------------------


def test_seed_example_france_sunday_afternoon_waits_until_monday_eight() -> None:
    decision = check(FR, at(PARIS, 2026, 3, 1, 14, 0))  # a Sunday
    assert not decision.allowed
    assert decision.next_allowed == at(PARIS, 2026, 3, 2, 8, 0)
    assert decision.next_allowed.tzinfo == PARIS
    assert names(decision.blocked_by) == ["FR"]
    assert decision.zones == ("Europe/Paris",)
    assert not decision.several_zones


def test_colombia_sunday_waits_until_monday_seven_not_the_seeds_eight() -> None:
    # The seed's Colombian example repeats the French one ("Monday at 8:00 AM"), but its own
    # rule and Ley 2300 open weekdays at 07:00; the rule wins.
    decision = check(CO, at(BOGOTA, 2026, 3, 1, 14, 0))
    assert decision.next_allowed == at(BOGOTA, 2026, 3, 2, 7, 0)
    assert names(decision.blocked_by) == ["CO"]


def test_seed_rules_match_the_seed_text() -> None:
    text = "\n".join(excerpts("360nrs_country_restrictions_excerpts.txt"))
    assert "Monday through Saturday, between 8:00 AM and 10:00 PM" in text
    assert (
        "Monday through Friday, between 7:00 AM and 7:00 PM, and Saturdays from 8:00 AM to "
        "3:00 PM" in text
    )
    assert [str(w) for w in DEFAULT_RULES["FR"].windows] == ["Mon,Tue,Wed,Thu,Fri,Sat 08:00-22:00"]
    assert [str(w) for w in DEFAULT_RULES["CO"].windows] == [
        "Mon,Tue,Wed,Thu,Fri 07:00-19:00",
        "Sat 08:00-15:00",
    ]
    assert DEFAULT_RULES["CO"].closed_on_holidays


# --- window edges: the opening minute is allowed, the closing minute is not ----------------------


@pytest.mark.parametrize(
    ("moment", "allowed", "next_allowed"),
    [
        (at(PARIS, 2026, 3, 2, 8, 0), True, at(PARIS, 2026, 3, 2, 8, 0)),
        (at(PARIS, 2026, 3, 2, 7, 59, 59), False, at(PARIS, 2026, 3, 2, 8, 0)),
        (at(PARIS, 2026, 3, 2, 7, 59, 59, 999_999), False, at(PARIS, 2026, 3, 2, 8, 0)),
        (
            at(PARIS, 2026, 3, 2, 21, 59, 59, 999_999),
            True,
            at(PARIS, 2026, 3, 2, 21, 59, 59, 999_999),
        ),
        (at(PARIS, 2026, 3, 2, 22, 0), False, at(PARIS, 2026, 3, 3, 8, 0)),
        (at(PARIS, 2026, 3, 7, 22, 0), False, at(PARIS, 2026, 3, 9, 8, 0)),  # Sat night → Mon
        (at(PARIS, 2026, 3, 7, 21, 0), True, at(PARIS, 2026, 3, 7, 21, 0)),
    ],
)
def test_france_window_edges(moment: datetime, allowed: bool, next_allowed: datetime) -> None:
    decision = check(FR, moment)
    assert decision.allowed is allowed
    assert decision.next_allowed == next_allowed
    assert decision.wait == (next_allowed - moment).total_seconds()


@pytest.mark.parametrize(
    ("moment", "allowed", "next_allowed"),
    [
        (at(BOGOTA, 2026, 3, 6, 18, 59), True, at(BOGOTA, 2026, 3, 6, 18, 59)),
        (at(BOGOTA, 2026, 3, 6, 19, 0), False, at(BOGOTA, 2026, 3, 7, 8, 0)),  # Fri → Sat 08:00
        (at(BOGOTA, 2026, 3, 7, 7, 30), False, at(BOGOTA, 2026, 3, 7, 8, 0)),
        (at(BOGOTA, 2026, 3, 7, 14, 59), True, at(BOGOTA, 2026, 3, 7, 14, 59)),
        (at(BOGOTA, 2026, 3, 7, 15, 0), False, at(BOGOTA, 2026, 3, 9, 7, 0)),  # Sat → Mon 07:00
    ],
)
def test_colombia_window_edges(moment: datetime, allowed: bool, next_allowed: datetime) -> None:
    decision = check(CO, moment)
    assert (decision.allowed, decision.next_allowed) == (allowed, next_allowed)


def test_next_allowed_is_in_the_recipients_zone_whatever_the_zone_of_at() -> None:
    decision = check(FR, utc(2026, 3, 1, 13, 0))
    assert decision.next_allowed.tzinfo == PARIS
    assert decision.next_allowed == utc(2026, 3, 2, 7, 0)
    assert check(FR, utc(2026, 3, 2, 7, 0)).at.tzinfo == UTC


# --- public holidays 2026-2027 ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("moment", "next_allowed"),
    [
        # Epiphany observed on Monday 2026-01-12
        (at(BOGOTA, 2026, 1, 12, 10, 0), at(BOGOTA, 2026, 1, 13, 7, 0)),
        # Christmas 2026 is a Friday: Thursday evening → Saturday 08:00
        (at(BOGOTA, 2026, 12, 24, 19, 0), at(BOGOTA, 2026, 12, 26, 8, 0)),
        # Maundy Thursday and Good Friday 2027 (Easter on 28 March) → Saturday 08:00
        (at(BOGOTA, 2027, 3, 24, 19, 30), at(BOGOTA, 2027, 3, 27, 8, 0)),
        # Saint Joseph observed on Monday 2027-03-22
        (at(BOGOTA, 2027, 3, 20, 16, 0), at(BOGOTA, 2027, 3, 23, 7, 0)),
    ],
)
def test_colombian_holidays_close_the_day(moment: datetime, next_allowed: datetime) -> None:
    decision = check(CO, moment)
    assert not decision.allowed
    assert decision.next_allowed == next_allowed


@pytest.mark.parametrize(
    ("moment", "with_holidays", "without_holidays"),
    [
        # Easter Monday 2026-04-06
        (at(PARIS, 2026, 4, 5, 14, 0), at(PARIS, 2026, 4, 7, 8, 0), at(PARIS, 2026, 4, 6, 8, 0)),
        # Bastille Day, Wednesday 2027-07-14
        (
            at(PARIS, 2027, 7, 14, 10, 0),
            at(PARIS, 2027, 7, 15, 8, 0),
            at(PARIS, 2027, 7, 14, 10, 0),
        ),
        # Ascension, Thursday 2027-05-06
        (at(PARIS, 2027, 5, 5, 22, 0), at(PARIS, 2027, 5, 7, 8, 0), at(PARIS, 2027, 5, 6, 8, 0)),
    ],
)
def test_french_holidays_close_only_with_the_low_confidence_rule(
    moment: datetime, with_holidays: datetime, without_holidays: datetime
) -> None:
    assert check(FR, moment).next_allowed == with_holidays
    assert check(FR, moment, rules=NO_FR_HOLIDAYS).next_allowed == without_holidays


# --- daylight saving time -------------------------------------------------------------------


def test_france_opening_follows_local_time_across_spring_and_autumn_changes() -> None:
    # Europe: 2026-03-29 02:00→03:00 and 2026-10-25 03:00→02:00 (both Sundays, closed anyway).
    spring = check(FR, at(PARIS, 2026, 3, 28, 22, 30))
    assert spring.next_allowed == utc(2026, 3, 30, 6, 0)  # 08:00 CEST
    autumn = check(FR, at(PARIS, 2026, 10, 24, 22, 30))
    assert autumn.next_allowed == utc(2026, 10, 26, 7, 0)  # 08:00 CET


def test_us_opening_follows_local_time_on_the_change_days() -> None:
    # America/New_York: 2026-03-08 02:00→03:00, 2026-11-01 02:00→01:00.
    assert check(US_NY, at(NEW_YORK, 2026, 3, 7, 21, 30)).next_allowed == utc(2026, 3, 8, 12, 0)
    assert check(US_NY, at(NEW_YORK, 2026, 10, 31, 21, 30)).next_allowed == utc(2026, 11, 1, 13)


def _policy(opens: str, closes: str) -> RuleSet:
    return RuleSet((Rule("night", (Window.of("Mon-Sun", opens, closes),), source="test"),))


def test_a_window_opening_in_the_spring_gap_opens_at_the_transition() -> None:
    # 02:30 does not exist in Paris on 2026-03-29; the clock jumps 02:00 CET → 03:00 CEST at
    # 01:00 UTC, the first instant whose local time is 02:30 or later.
    rules = _policy("02:30", "04:00")
    before = check(FR, utc(2026, 3, 29, 0, 59), rules=rules)
    assert before.next_allowed == utc(2026, 3, 29, 1, 0)
    assert check(FR, utc(2026, 3, 29, 1, 0), rules=rules).allowed
    assert not check(FR, utc(2026, 3, 29, 2, 0), rules=rules).allowed  # 04:00 CEST


def test_a_window_closing_in_the_autumn_fold_closes_at_the_first_occurrence() -> None:
    # 02:00-03:00 happens twice in Paris on 2026-10-25 (00:00-01:00 UTC CEST, 01:00-02:00 UTC CET)
    rules = _policy("00:00", "02:30")
    assert check(FR, utc(2026, 10, 25, 0, 15), rules=rules).allowed  # first 02:15
    second = check(FR, utc(2026, 10, 25, 1, 15), rules=rules)  # second 02:15
    assert not second.allowed
    assert second.next_allowed == utc(2026, 10, 25, 23, 0)  # Monday 00:00 CET


def test_a_window_opening_in_the_autumn_fold_opens_at_the_first_occurrence() -> None:
    rules = _policy("02:30", "04:00")
    opening = check(FR, utc(2026, 10, 25, 0, 29), rules=rules).next_allowed
    # PEP 495: a time in a fold never compares equal across zones, so compare instants.
    assert opening.fold == 0
    assert opening.astimezone(UTC) == utc(2026, 10, 25, 0, 30)
    assert check(FR, utc(2026, 10, 25, 1, 45), rules=rules).allowed  # second 02:45, still open


def test_a_missing_local_midnight_starts_the_day_at_the_transition() -> None:
    # America/Santiago skips 2026-09-06 00:00-01:00 (transition at 04:00 UTC).
    rules = RuleSet((Rule("sun", (Window.of("Sun", "00:00", "06:00"),), source="test"),))
    decision = check(CO, utc(2026, 9, 6, 3, 0), zone="America/Santiago", rules=rules)
    assert decision.next_allowed == utc(2026, 9, 6, 4, 0)
    assert decision.next_allowed.utcoffset() == timedelta(hours=-3)


# --- zones ------------------------------------------------------------------------------------


def test_a_number_in_two_zones_must_be_allowed_in_both() -> None:
    moment = at(BOISE, 2026, 6, 3, 8, 30)  # 07:30 in Los Angeles
    decision = check(US_ID, moment)
    assert decision.zones == ("America/Boise", "America/Los_Angeles")
    assert decision.several_zones
    assert decision.zones_inferred
    assert not decision.allowed
    assert decision.next_allowed == at(LOS_ANGELES, 2026, 6, 3, 8, 0)
    assert decision.next_allowed.tzinfo == UTC  # no single recipient zone to express it in


def test_an_explicit_zone_replaces_the_numbers_zones() -> None:
    decision = check(US_ID, at(BOISE, 2026, 6, 3, 8, 30), zone="America/Boise")
    assert decision.allowed
    assert decision.zones == ("America/Boise",)
    assert not decision.zones_inferred
    assert check(US_ID, at(BOISE, 2026, 6, 3, 8, 30), zone=BOISE).allowed


def test_closing_in_two_zones_uses_the_earlier_close() -> None:
    decision = check(US_ID, at(LOS_ANGELES, 2026, 6, 3, 20, 30))  # 21:30 in Boise
    assert not decision.allowed
    assert decision.next_allowed == at(BOISE, 2026, 6, 4, 9, 0)  # 08:00 in Los Angeles


# --- rules: subdivisions, categories, channels, company policies --------------------------------


def test_florida_area_code_brings_the_state_rule() -> None:
    decision = check(US_FL, at(NEW_YORK, 2026, 3, 3, 20, 30))
    assert decision.subdivision == "FL"
    assert names(decision.rules) == ["US", "US-FL"]
    assert names(decision.blocked_by) == ["US-FL"]
    assert decision.next_allowed == at(NEW_YORK, 2026, 3, 4, 8, 0)


def test_state_rules_from_the_area_code() -> None:
    assert check(US_OK, at(CHICAGO, 2026, 3, 3, 20, 30)).blocked_by == (DEFAULT_RULES["US-OK"],)
    sunday = check(US_TX, at(CHICAGO, 2026, 3, 8, 11, 0))
    assert names(sunday.blocked_by) == ["US-TX"]
    assert sunday.next_allowed == at(CHICAGO, 2026, 3, 8, 12, 0)
    assert check(US_NY, at(NEW_YORK, 2026, 3, 3, 20, 30)).allowed


def test_an_explicit_subdivision_overrides_the_area_code() -> None:
    decision = check(US_NY, at(NEW_YORK, 2026, 3, 3, 20, 30), subdivision="FL")
    assert not decision.allowed
    assert decision.subdivision == "FL"


def test_transactional_messages_are_exempt() -> None:
    decision = check(FR, at(PARIS, 2026, 3, 1, 14, 0), category="transactional")
    assert decision.allowed
    assert decision.rules == ()
    assert decision.next_allowed == decision.at


def test_collection_is_bound_in_colombia_only() -> None:
    assert not check(CO, at(BOGOTA, 2026, 3, 1, 14, 0), category="collection").allowed
    assert check(FR, at(PARIS, 2026, 3, 1, 14, 0), category="collection").allowed


def test_call_rules_bind_voice_only() -> None:
    saturday = at(PARIS, 2026, 3, 7, 11, 0)
    assert check(FR, saturday).allowed
    voice = check(FR, saturday, channel="voice")
    assert names(voice.blocked_by) == ["FR-calls"]
    assert voice.next_allowed == at(PARIS, 2026, 3, 9, 10, 0)
    lunch = check(FR, at(PARIS, 2026, 3, 9, 13, 30), channel="voice")
    assert lunch.next_allowed == at(PARIS, 2026, 3, 9, 14, 0)


def test_a_company_policy_narrows_every_country() -> None:
    policy = Rule("policy", (Window.of("Mon-Sun", "09:00", "24:00"),), source="our policy")
    rules = DEFAULT_RULES.add(policy)
    decision = check(FR, at(PARIS, 2026, 3, 2, 8, 30), rules=rules)
    assert names(decision.blocked_by) == ["policy"]
    assert decision.next_allowed == at(PARIS, 2026, 3, 2, 9, 0)
    assert not check(ES, at(PARIS, 2026, 3, 2, 8, 30), rules=rules).allowed  # 07:30 Canary


def test_adding_a_rule_with_the_same_name_replaces_it() -> None:
    later = Rule("FR", (Window.of("Mon-Fri", "10:00", "18:00"),), source="test", country="FR")
    rules = DEFAULT_RULES.add(later)
    assert len(rules) == len(DEFAULT_RULES)
    assert check(FR, at(PARIS, 2026, 3, 2, 9, 0), rules=rules).next_allowed == at(
        PARIS, 2026, 3, 2, 10, 0
    )


def test_rules_that_never_open_together_are_an_error_not_a_hang() -> None:
    rules = RuleSet(
        (
            Rule("mondays", (Window.of("Mon", "09:00", "17:00"),), source="test"),
            Rule("tuesdays", (Window.of("Tue", "09:00", "17:00"),), source="test"),
        )
    )
    with pytest.raises(ValidationError, match="never allow sending together"):
        check(FR, at(PARIS, 2026, 3, 2, 8, 0), rules=rules)


def test_every_default_rule_is_cited_and_rated() -> None:
    for rule in DEFAULT_RULES:
        assert rule.source
        assert rule.confidence in {"high", "medium", "low"}
    assert DEFAULT_RULES["FR-holidays"].confidence == "low"
    assert "64.1200(c)(1)" in DEFAULT_RULES["US"].source
    assert "Ley 2300" in DEFAULT_RULES["CO"].source


# --- invalid input ------------------------------------------------------------------------------


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        check(FR, datetime(2026, 3, 1, 14, 0))
    assert error.value.kinds == ("date.naive",)
    assert error.value.problems[0].field == "at"


@pytest.mark.parametrize("number", ["abc", "", "+33", "3361234567890123456", "+1 555"])
def test_a_number_that_is_not_international_is_refused_with_code_102(number: str) -> None:
    with pytest.raises(ValidationError) as error:
        check(number, at(PARIS, 2026, 3, 1, 14, 0))
    assert error.value.problems[0].kind == "recipient.invalid"
    assert with_codes(error.value.problems)[0].code == 102


def test_an_invalid_number_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        check("33012345678", at(PARIS, 2026, 3, 1, 14, 0))
    assert error.value.problems[0].kind == "recipient.invalid"


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"zone": "Mars/Olympus"}, "zone"),
        ({"zone": "../etc"}, "zone"),
        ({"zone": UTC}, "zone"),
    ],
)
def test_bad_options_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as error:
        check(FR, at(PARIS, 2026, 3, 1, 14, 0), **kwargs)  # type: ignore[arg-type]
    assert error.value.problems[0].field == field


@pytest.mark.parametrize(
    ("kwargs", "name"), [({"category": "spam"}, "category"), ({"channel": "fax"}, "channel")]
)
def test_unknown_vocabulary_values_are_argument_errors(
    kwargs: dict[str, object], name: str
) -> None:
    with pytest.raises(ArgumentError, match=f"unknown {name}"):
        check(FR, at(PARIS, 2026, 3, 1, 14, 0), **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "message"),
    [
        (lambda: Window.of("Fri-Mon", "08:00", "20:00"), "backwards"),
        (lambda: Window.of("Mo", "08:00", "20:00"), "unknown day"),
        (lambda: Window.of("Mon", "8:00", "20:00"), "HH:MM"),
        (lambda: Window.of("Mon", "20:00", "08:00"), "open before it closes"),
        (lambda: Window(frozenset({0}), 0, 60), "ISO weekdays"),
        (lambda: Rule("x", (), source="s"), "at least one window"),
        (lambda: Rule("x", (Window.of("Mon", "08:00", "09:00"),), source=""), "source"),
        (
            lambda: Rule("x", (Window.of("Mon", "08:00", "09:00"),), source="s", country="fr"),
            "alpha-2",
        ),
        (lambda: DEFAULT_RULES.remove("nowhere"), "no rules named"),
        (lambda: RuleSet((DEFAULT_RULES["FR"], DEFAULT_RULES["FR"])), "duplicate"),
    ],
)
def test_invalid_rules_are_refused_at_construction(build: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        build()  # type: ignore[operator]


# --- batches ------------------------------------------------------------------------------------


def test_schedule_groups_by_next_allowed_time_and_agrees_with_check() -> None:
    moment = utc(2026, 3, 1, 13, 0)  # Sunday 14:00 in Paris, 08:00 in Bogotá
    numbers = [FR, CO, "+33612345679", US_ID, IN, "nonsense", CO]
    batch = schedule(numbers, moment)
    for send_at, group in batch.groups.items():
        for number in group:
            assert check(number, moment).next_allowed == send_at
    assert batch.groups[utc(2026, 3, 2, 7, 0)] == [FR, "+33612345679"]
    assert batch.groups[utc(2026, 3, 2, 12, 0)] == [CO, CO]
    assert list(batch.groups) == sorted(batch.groups)
    rejected = [(number, problem.kind) for number, problem in batch.rejected]
    assert rejected == [("nonsense", "recipient.invalid")]
    assert batch.recipients == 6


def test_schedule_puts_those_allowed_now_at_the_given_moment() -> None:
    moment = utc(2026, 3, 2, 10, 0)
    batch = schedule([FR, ES], moment)
    assert batch.groups == {moment: [FR, ES]}


def test_schedule_over_many_numbers_of_one_place_resolves_it_once() -> None:
    numbers = [f"+3361234{i:04d}" for i in range(5000)]
    batch = schedule(numbers, utc(2026, 3, 1, 13, 0))
    assert batch.groups == {utc(2026, 3, 2, 7, 0): numbers}


# --- invariants -----------------------------------------------------------------------------------

NUMBERS = st.sampled_from([FR, CO, US_FL, US_ID, US_TX, ES, IN, "5585987654321"])
MOMENTS = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
)
POLICY = DEFAULT_RULES.add(
    Rule("policy", (Window.of("Mon-Fri", "10:00", "16:30"),), source="test", country=None)
)


@given(NUMBERS, MOMENTS)
def test_next_allowed_is_allowed_and_not_before_at(number: str, moment: datetime) -> None:
    decision = check(number, moment)
    assert decision.next_allowed >= moment
    assert check(number, decision.next_allowed).allowed
    if not decision.allowed:
        assert decision.next_allowed > moment
        previous = decision.next_allowed - timedelta(seconds=1)
        assert previous < moment or not check(number, previous).allowed


@given(NUMBERS, MOMENTS)
def test_an_intersection_allows_a_subset_of_each_rule_set(number: str, moment: datetime) -> None:
    narrow = check(number, moment, rules=POLICY)
    wide = check(number, moment)
    if narrow.allowed:
        assert wide.allowed
    assert narrow.next_allowed >= wide.next_allowed
    assert check(number, narrow.next_allowed).allowed


@given(MOMENTS)
def test_several_zones_allow_a_subset_of_each_zone(moment: datetime) -> None:
    both = check(US_ID, moment)
    for zone in both.zones:
        alone = check(US_ID, moment, zone=zone)
        assert alone.allowed or not both.allowed
        assert both.next_allowed >= alone.next_allowed


def test_decision_invariants_are_enforced() -> None:
    decision = check(FR, at(PARIS, 2026, 3, 1, 14, 0))
    with pytest.raises(ValueError, match="exactly when"):
        Decision(
            allowed=True,
            at=decision.at,
            next_allowed=decision.next_allowed,
            rules=decision.rules,
            blocked_by=decision.blocked_by,
            zones=decision.zones,
            zones_inferred=True,
            country="FR",
            subdivision=None,
            category="marketing",
            channel="sms",
        )
