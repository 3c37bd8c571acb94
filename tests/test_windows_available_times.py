"""nrscompose._rules.windows.available_times: building the API's UTC list and validating a caller's.

Expected lists are worked out by hand from the local windows and the UTC offsets of the week
(e.g. Paris is UTC+1 until 2026-03-29 and UTC+2 after).
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ValidationError
from nrscompose._rules.windows import (
    AvailableTime,
    Window,
    available_times,
    validate_available_times,
    windows_to_available_times,
)
from nrscompose.providers.nrs.codes import with_codes

FR = "33612345678"
CO = "573001234567"
US_ID = "12085551234"


def as_json(entries: tuple[AvailableTime, ...]) -> list[dict[str, int | str]]:
    return [entry.as_json() for entry in entries]


def week(days: range, start: str, end: str) -> list[dict[str, int | str]]:
    return [{"day": day, "from": start, "to": end} for day in days]


def test_france_moves_an_hour_earlier_in_utc_after_the_spring_change() -> None:
    winter = available_times(FR, week=date(2026, 3, 25))  # week of Monday 23 March
    summer = available_times(FR, week=date(2026, 3, 30))
    assert as_json(winter) == week(range(1, 7), "07:00", "21:00")
    assert as_json(summer) == week(range(1, 7), "06:00", "20:00")


def test_the_change_week_itself_uses_each_days_own_offset() -> None:
    # America/New_York moves to UTC-4 on Sunday 2026-03-08; the US rule is every day 08-21.
    entries = available_times("12125551234", week=date(2026, 3, 2))
    evening = {"from": "00:00", "to": "02:00"}  # 19:00-21:00 EST of the day before
    day = {"from": "13:00", "to": "23:59"}  # 08:00-19:00 EST
    expected = [{"day": d, **part} for d in range(1, 7) for part in (evening, day)]
    # Sunday 8 March: Saturday's evening in EST, then 08:00 EDT = 12:00 UTC; its own
    # evening falls on the next UTC week.
    expected += [{"day": 7, **evening}, {"day": 7, "from": "12:00", "to": "23:59"}]
    assert as_json(entries) == expected


def test_colombian_windows_end_at_utc_midnight_and_skip_holidays() -> None:
    entries = available_times(CO, week=date(2026, 1, 12))  # Monday 12 January is a holiday
    saturday = {"day": 6, "from": "13:00", "to": "20:00"}
    assert as_json(entries) == [*week(range(2, 6), "12:00", "23:59"), saturday]


def test_a_range_crossing_utc_midnight_is_split() -> None:
    # Los Angeles 08:00-21:00 PDT is 15:00-04:00 UTC.
    entries = windows_to_available_times(
        [Window.of("Wed", "08:00", "21:00")], zone="America/Los_Angeles", week=date(2026, 6, 1)
    )
    assert as_json(entries) == [
        {"day": 3, "from": "15:00", "to": "23:59"},
        {"day": 4, "from": "00:00", "to": "04:00"},
    ]


def test_a_half_hour_zone_keeps_its_half_hours() -> None:
    # India 09:00-21:00 IST is 03:30-15:30 UTC.
    entries = available_times("919812345678", week=date(2026, 6, 1))
    assert as_json(entries) == week(range(1, 8), "03:30", "15:30")


def test_pieces_shorter_than_min_minutes_are_dropped() -> None:
    # Monday 05:00-06:00 IST is Sunday 23:30 - Monday 00:30 UTC: in the UTC week of 1 June it
    # leaves 00:00-00:30 on Monday (1 June) and 23:30-24:00 on Sunday (from 8 June).
    monday_dawn = [Window.of("Mon", "05:00", "06:00")]
    entries = windows_to_available_times(monday_dawn, zone="Asia/Kolkata", week=date(2026, 6, 1))
    assert as_json(entries) == [
        {"day": 1, "from": "00:00", "to": "00:30"},
        {"day": 7, "from": "23:30", "to": "23:59"},
    ]
    longer = windows_to_available_times(
        monday_dawn, zone="Asia/Kolkata", week=date(2026, 6, 1), min_minutes=30
    )
    assert as_json(longer) == [{"day": 1, "from": "00:00", "to": "00:30"}]


def test_several_zones_give_the_ranges_common_to_all() -> None:
    entries = available_times(US_ID, week=date(2026, 6, 1))
    # 08:00-21:00 in Boise (UTC-6) and in Los Angeles (UTC-7): 15:00-03:00 UTC.
    assert entries[:2] == (AvailableTime(1, "00:00", "03:00"), AvailableTime(1, "15:00", "23:59"))


def test_no_binding_rule_means_omit_the_parameter() -> None:
    assert available_times(FR, week=date(2026, 3, 2), category="transactional") == ()
    assert available_times("34612345678", week=date(2026, 3, 2)) == ()


def test_built_lists_pass_the_servers_validation() -> None:
    for number in (FR, CO, US_ID, "12125551234", "919812345678"):
        entries = available_times(number, week=date(2026, 11, 2))
        assert validate_available_times(as_json(entries)) == entries


# --- validation with the API's error codes ------------------------------------------------------


def test_a_valid_list_is_accepted_and_day_is_optional() -> None:
    value = [{"day": 1, "from": "09:00", "to": "21:00"}, {"from": "10:00", "to": "12:00"}]
    assert validate_available_times(value) == (
        AvailableTime(1, "09:00", "21:00"),
        AvailableTime(None, "10:00", "12:00"),
    )
    assert AvailableTime(None, "10:00", "12:00").as_json() == {"from": "10:00", "to": "12:00"}


@pytest.mark.parametrize(
    ("value", "codes"),
    [
        ({"day": 1, "from": "09:00", "to": "21:00"}, (183,)),
        ("09:00-21:00", (183,)),
        ([], (194,)),
        ([{"day": "1", "from": "09:00", "to": "21:00"}], (184,)),
        ([{"day": True, "from": "09:00", "to": "21:00"}], (184,)),
        ([{"day": 1.0, "from": "09:00", "to": "21:00"}], (184,)),
        ([{"day": 0, "from": "09:00", "to": "21:00"}], (185,)),
        ([{"day": 8, "from": "09:00", "to": "21:00"}], (185,)),
        ([{"day": 1, "from": "9:00", "to": "21:00"}], (186,)),
        ([{"day": 1, "from": "09:60", "to": "21:00"}], (186,)),
        ([{"day": 1, "from": "09:00", "to": "24:00"}], (187,)),
        ([{"day": 1, "from": "09:00", "to": 2100}], (187,)),
        ([{"day": 1, "from": "21:00", "to": "09:00"}], (188,)),
        ([{"day": 1, "from": "09:00"}], (189,)),
        ([{"day": 1}], (189,)),
        (["09:00-21:00"], (189,)),
        ([{"day": 1, "from": "09:00", "to": "09:00"}], (196,)),
        (
            [{"day": 9, "from": "9", "to": "21:00"}, {"day": 2, "from": "22:00", "to": "21:00"}],
            (185, 186, 188),
        ),
    ],
)
def test_invalid_lists_get_the_servers_codes(value: object, codes: tuple[int, ...]) -> None:
    with pytest.raises(ValidationError) as error:
        validate_available_times(value)
    assert _codes(error.value) == codes


def test_problems_name_the_entry_and_property() -> None:
    with pytest.raises(ValidationError) as error:
        validate_available_times([{"day": 1, "from": "09:00", "to": "21:00"}, {"day": 1}])
    assert [p.field for p in error.value.problems] == [
        "availableTimes[1].from",
        "availableTimes[1].to",
    ]


def test_the_too_short_threshold_is_configurable() -> None:
    value = [{"day": 1, "from": "09:00", "to": "09:30"}]
    assert validate_available_times(value)
    with pytest.raises(ValidationError) as error:
        validate_available_times(value, min_minutes=60)
    assert _codes(error.value) == (196,)
    assert error.value.problems[0].kind == "available_times.too_short"


def _codes(error: ValidationError) -> tuple[int | None, ...]:
    """The 360nrs codes of the problems: the provider attaches them from the kinds."""
    return tuple(dict.fromkeys(p.code for p in with_codes(error.problems)))


def test_an_invalid_entry_cannot_be_constructed() -> None:
    with pytest.raises(ValidationError):
        AvailableTime(8, "09:00", "10:00")


CLOCK = st.builds(lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.integers(0, 59))


@given(
    st.lists(
        st.fixed_dictionaries({"day": st.integers(1, 7), "from": CLOCK, "to": CLOCK}),
        min_size=1,
        max_size=5,
    )
)
def test_validation_accepts_exactly_the_ordered_ranges(value: list[dict[str, object]]) -> None:
    if all(str(entry["from"]) < str(entry["to"]) for entry in value):
        assert len(validate_available_times(value)) == len(value)
    else:
        with pytest.raises(ValidationError) as error:
            validate_available_times(value)
        assert set(error.value.codes) <= {188, 196}
