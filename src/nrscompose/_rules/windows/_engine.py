"""Interpret rules: which instants each (zone, rule) pair allows, and the first allowed instant.

Instants are whole POSIX seconds (``int``) inside the engine: comparing and caching ints is
what makes grouping millions of recipients cheap. Conversions to and from ``datetime`` happen
only at the edges (:mod:`nrscompose.windows._decision`).

A window of local date *d* is the UTC interval ``[start, end)`` where ``start`` is the first
instant at which the local clock on *d* reads ``opens`` or later, and ``end`` the first instant
at which it reads ``closes`` or later. Consequences at daylight saving time changes:

* a wall time that does not exist (spring forward) is reached at the transition: a window
  opening at 02:30 on a day that jumps 02:00→03:00 opens at 03:00;
* a wall time that exists twice (fall back) means its first occurrence: a window closing at
  01:30 on a day that repeats 01:00-02:00 closes at the first 01:30, so a repeated hour is
  never allowed twice;
* otherwise a window lasts its wall-clock length, plus or minus the shift when a change falls
  inside it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Final
from zoneinfo import ZoneInfo

from nrscompose._base.errors import ValidationError
from nrscompose._base.extras import require
from nrscompose._rules.windows.rules import MINUTES_PER_DAY, Rule

__all__ = ["Interval", "Pair", "first_allowed", "intervals_between", "is_allowed"]

Interval = tuple[int, int]
Pair = tuple[str, Rule]  # (zone key, rule)

# How far ahead to look for an instant every pair allows. Any weekly rule opens within a week
# and holidays never close more than a few consecutive days, so two years is ample; a rule set
# that finds nothing within it never opens together (e.g. "Mondays only" and "Tuesdays only").
SEARCH_DAYS: Final = 2 * 366


@lru_cache(maxsize=512)
def zone_info(key: str) -> ZoneInfo:
    return ZoneInfo(key)


@lru_cache(maxsize=1024)
def holiday_dates(country: str, subdivision: str | None, year: int) -> frozenset[date]:
    """Public holidays from the ``holidays`` package (imported lazily: it is large)."""
    holidays = require("holidays")

    try:
        calendar = holidays.country_holidays(country, subdiv=subdivision, years=year)
    except NotImplementedError:
        raise ValidationError.single(
            "holidays.no_calendar",
            "rules",
            None,
            {"country": country, "subdivision": subdivision},
        ) from None
    return frozenset(calendar)


def _first_at_or_after(day: date, minute: int, zone: ZoneInfo) -> int:
    """First instant at which the clock in ``zone`` on ``day`` reads ``minute`` or later."""
    if minute == MINUTES_PER_DAY:
        day, minute = day + timedelta(days=1), 0
    wall = datetime.combine(day, time(minute // 60, minute % 60))
    earlier = int(wall.replace(tzinfo=zone, fold=0).timestamp())
    if datetime.fromtimestamp(earlier, zone).replace(tzinfo=None) == wall:
        return earlier  # the wall time exists; fold=0 is its first occurrence
    # In a gap, fold=1 reads the wall time with the new offset (an instant before the
    # transition) and fold=0 with the old one (after it); the transition lies between.
    low = int(wall.replace(tzinfo=zone, fold=1).timestamp())
    high = earlier
    while high - low > 1:
        middle = (low + high) // 2
        if datetime.fromtimestamp(middle, zone).replace(tzinfo=None) >= wall:
            high = middle
        else:
            low = middle
    return high


@lru_cache(maxsize=65_536)
def day_intervals(
    zone_key: str, rule: Rule, day: date, country: str | None
) -> tuple[Interval, ...]:
    """What ``rule`` allows on local ``day`` in ``zone_key``; ``country`` gives the holidays."""
    if rule.closed_on_holidays:
        calendar_country = rule.country or country
        if calendar_country and day in holiday_dates(calendar_country, rule.subdivision, day.year):
            return ()
    zone = zone_info(zone_key)
    return tuple(
        (_first_at_or_after(day, opens, zone), _first_at_or_after(day, closes, zone))
        for opens, closes in rule.minutes_open(day.isoweekday())
    )


def _local_date(instant: int, zone_key: str) -> date:
    return datetime.fromtimestamp(instant, zone_info(zone_key)).date()


def _next_open(pair: Pair, country: str | None, instant: int, horizon: int) -> int | None:
    """The first instant at or after ``instant`` (and before ``horizon``) that ``pair`` allows."""
    zone_key, rule = pair
    day = _local_date(instant, zone_key)
    while True:
        for start, end in day_intervals(zone_key, rule, day, country):
            if end > instant:
                found = max(start, instant)
                return found if found < horizon else None
        if _first_at_or_after(day, 0, zone_info(zone_key)) >= horizon:
            return None
        day += timedelta(days=1)


def is_allowed(pair: Pair, country: str | None, instant: int) -> bool:
    return _next_open(pair, country, instant, instant + 1) == instant


def first_allowed(pairs: tuple[Pair, ...], country: str | None, instant: int) -> int:
    """The first instant at or after ``instant`` that every pair allows.

    Leapfrog intersection: each pair in turn moves the candidate to its own next opening; when
    a full round moves nothing, every pair allows the candidate. Each move passes at least one
    interval boundary, so the loop ends; past the horizon the rules never open together.
    """
    horizon = instant + SEARCH_DAYS * 86_400
    candidate = instant
    settled = 0
    while settled < len(pairs):
        for pair in pairs:
            found = _next_open(pair, country, candidate, horizon)
            if found is None:
                raise ValidationError.single(
                    "window.never_open",
                    "rules",
                    None,
                    {
                        "days": SEARCH_DAYS,
                        "after": datetime.fromtimestamp(instant, UTC).isoformat(),
                    },
                )
            settled = settled + 1 if found == candidate else 1
            candidate = found
            if settled >= len(pairs):
                break
    return candidate


def intervals_between(
    pairs: tuple[Pair, ...], country: str | None, start: int, end: int
) -> list[Interval]:
    """The merged intervals within ``[start, end)`` that every pair allows."""
    allowed: list[Interval] = [(start, end)]
    for zone_key, rule in pairs:
        day = _local_date(start, zone_key) - timedelta(days=1)
        last = _local_date(end, zone_key)
        own: list[Interval] = []
        while day <= last:
            own.extend(day_intervals(zone_key, rule, day, country))
            day += timedelta(days=1)
        allowed = _intersect(allowed, own)
    return allowed


def _intersect(first: list[Interval], second: list[Interval]) -> list[Interval]:
    result: list[Interval] = []
    i = j = 0
    while i < len(first) and j < len(second):
        start = max(first[i][0], second[j][0])
        end = min(first[i][1], second[j][1])
        if start < end:
            if result and result[-1][1] == start:
                result[-1] = (result[-1][0], end)
            else:
                result.append((start, end))
        if first[i][1] < second[j][1]:
            i += 1
        else:
            j += 1
    return result
