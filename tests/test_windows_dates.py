"""nrscompose._rules.windows.dates: the API's YYYYmmddHHiiss UTC dates (seed 001)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.errors import ValidationError
from nrscompose._rules.windows import format_api_date, parse_api_date
from nrscompose.providers.nrs.codes import with_codes


def test_the_seeds_example() -> None:
    # "20130215142000 would be 15 February 2013 at 14:20:00"
    assert parse_api_date("20130215142000") == datetime(2013, 2, 15, 14, 20, tzinfo=UTC)
    assert format_api_date(datetime(2013, 2, 15, 14, 20, tzinfo=UTC)) == "20130215142000"


def test_formatting_converts_to_utc_and_drops_fractions() -> None:
    paris = datetime(2026, 3, 2, 8, 0, 0, 999_999, tzinfo=ZoneInfo("Europe/Paris"))
    assert format_api_date(paris) == "20260302070000"


def test_a_naive_datetime_is_refused() -> None:
    with pytest.raises(ValidationError) as error:
        format_api_date(datetime(2026, 3, 2, 8, 0))
    assert error.value.kinds == ("date.naive",)


@pytest.mark.parametrize(
    "text",
    [
        "2013021514200",
        "201302151420000",
        "2013-02-15 14:20",
        "20131315142000",
        "20130230142000",
        "20130215246000",
        "２０１３０２１５１４２０００",
        "",
    ],
)
def test_bad_dates_get_the_servers_codes(text: str) -> None:
    with pytest.raises(ValidationError) as schedule:
        parse_api_date(text)
    assert _codes(schedule.value) == (121,)
    with pytest.raises(ValidationError) as expiration:
        parse_api_date(text, "expirationDate")
    assert _codes(expiration.value) == (119,)


@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.just(UTC)))
def test_format_then_parse_keeps_the_second(moment: datetime) -> None:
    assert parse_api_date(format_api_date(moment)) == moment.replace(microsecond=0)


def _codes(error: ValidationError) -> tuple[int | None, ...]:
    """The 360nrs codes of the problems: the provider attaches them from the kinds."""
    return tuple(dict.fromkeys(p.code for p in with_codes(error.problems)))
