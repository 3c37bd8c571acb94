"""The API's ``availableTimes``: build it from local windows, and validate a caller's list.

The API reference (``POST /api/rest/sms``): ``[{"day": 1, "from": "09:00", "to": "21:00"}]``
— ``day``
1-7 is Monday-Sunday and optional ("if not specified, the range will apply to all days of the
week"); ``from`` and ``to`` are UTC, 24-hour ``HH:MM``. Each error of the reference's table
(not an array, empty, day not an integer or out of range, hour format, from after to, missing
property, range too short) is an ``available_times.*`` problem kind; the 360nrs provider
attaches its code.

Local windows become UTC ranges that depend on the date (daylight saving time moves them by
an hour) and may cross UTC midnight (Colombia's 07:00-19:00 is 12:00-00:00 UTC), so a list is
built for one week: the UTC week, Monday 00:00 to Monday 00:00, that contains ``week``.
Public holidays of that week are left out, so a list is right for the week it was built for.

Conventions for the written list: ``to`` is the first minute not allowed (like the rules'
``closes``) except at UTC midnight, written ``23:59`` because ``24:00`` is not an ``HH:MM``
time (one minute is given up rather than risk sending outside the window); ranges are rounded
inward to whole minutes; pieces shorter than ``min_minutes`` are dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Final

from nrscompose._base.errors import ValidationError
from nrscompose._base.patterns import CLOCK
from nrscompose._base.problems import Problem
from nrscompose._rules.windows import _engine
from nrscompose._rules.windows._decision import Context, context_for, zone_key_of
from nrscompose._rules.windows.rules import Category, Channel, Rule, RuleSet, Window, format_clock

__all__ = [
    "AvailableTime",
    "available_times",
    "validate_available_times",
    "windows_to_available_times",
]

_FIELD: Final = "availableTimes"
_DAY_SECONDS: Final = 86_400


def _minutes(hhmm: str) -> int:
    return int(hhmm[:2]) * 60 + int(hhmm[3:])


def _entry_problems(entry: object, index: int, min_minutes: int) -> list[Problem]:
    """Every problem of one ``{"day", "from", "to"}`` object."""
    where = f"{_FIELD}[{index}]"
    if not isinstance(entry, dict):
        return [Problem("available_times.not_object", where)]
    problems = [
        Problem("available_times.missing_property", f"{where}.{key}", None, {"property": key})
        for key in ("from", "to")
        if key not in entry
    ]
    day = entry.get("day")
    if "day" in entry and (isinstance(day, bool) or not isinstance(day, int)):
        problems.append(
            Problem("available_times.day_not_integer", f"{where}.day", None, {"value": repr(day)})
        )
    elif isinstance(day, int) and not 1 <= day <= 7:
        problems.append(
            Problem("available_times.day_out_of_range", f"{where}.day", None, {"value": day})
        )
    start, end = entry.get("from"), entry.get("to")
    for key, value in (("from", start), ("to", end)):
        if key in entry and not (isinstance(value, str) and CLOCK.fullmatch(value)):
            problems.append(
                Problem(
                    "available_times.hour_format", f"{where}.{key}", None, {"value": repr(value)}
                )
            )
    if problems or not isinstance(start, str) or not isinstance(end, str):
        return problems
    if _minutes(start) > _minutes(end):
        params: dict[str, object] = {"start": start, "end": end}
        return [Problem("available_times.from_after_to", where, None, params)]
    if _minutes(end) - _minutes(start) < min_minutes:
        params = {"start": start, "end": end, "minutes": min_minutes}
        return [Problem("available_times.too_short", where, None, params)]
    return []


def available_times_problems(value: object, *, min_minutes: int = 1) -> list[Problem]:
    """Every problem of a caller's ``availableTimes``, as the server would find them."""
    if not isinstance(value, list):
        return [Problem("available_times.not_array", _FIELD)]
    if not value:
        return [Problem("available_times.empty", _FIELD)]
    return [p for i, entry in enumerate(value) for p in _entry_problems(entry, i, min_minutes)]


@dataclass(frozen=True, slots=True)
class AvailableTime:
    """One ``availableTimes`` entry: ``day`` 1-7 (Monday-Sunday, ``None`` for every day) and the
    UTC range ``start``-``end`` as ``HH:MM`` (the API's ``from`` and ``to``)."""

    day: int | None
    start: str
    end: str

    def __post_init__(self) -> None:
        problems = _entry_problems(self.as_json(), 0, 1)
        if problems:
            raise ValidationError(problems)

    def as_json(self) -> dict[str, int | str]:
        entry: dict[str, int | str] = {} if self.day is None else {"day": self.day}
        entry.update({"from": self.start, "to": self.end})
        return entry


def validate_available_times(value: object, *, min_minutes: int = 1) -> tuple[AvailableTime, ...]:
    """Check a caller's ``availableTimes`` as the server would; raise with every problem.

    The reference does not say how short is too short (196); ``min_minutes`` defaults to 1, so only
    an empty range (``from == to``) is refused. Raise it if the server proves stricter.
    """
    problems = available_times_problems(value, min_minutes=min_minutes)
    if problems:
        raise ValidationError(problems)
    assert isinstance(value, list)
    return tuple(AvailableTime(entry.get("day"), entry["from"], entry["to"]) for entry in value)


def available_times(
    to: str,
    *,
    week: date,
    category: Category = "marketing",
    zone: str | tzinfo | None = None,
    rules: RuleSet | Iterable[Rule] | None = None,
    channel: Channel = "sms",
    subdivision: str | None = None,
    min_minutes: int = 1,
) -> tuple[AvailableTime, ...]:
    """The ``availableTimes`` for ``to`` in the UTC week containing ``week``.

    The same rules, zones and holidays as :func:`~nrscompose.windows.check`; with several
    candidate zones the ranges hold in all of them. An empty tuple means no rule binds this
    message: omit the parameter (the API refuses an empty list).
    """
    context = context_for(to, zone, rules, category, channel, subdivision)
    return _build(context, week, min_minutes)


def windows_to_available_times(
    windows: Iterable[Window], *, zone: str | tzinfo, week: date, min_minutes: int = 1
) -> tuple[AvailableTime, ...]:
    """The ``availableTimes`` for local ``windows`` in ``zone`` during the UTC week of ``week``."""
    rule = Rule("windows", tuple(windows), source="caller", country=None)
    pairs = ((zone_key_of(zone), rule),)
    return _to_entries(_week_intervals(pairs, None, week), min_minutes)


def _build(context: Context, week: date, min_minutes: int) -> tuple[AvailableTime, ...]:
    if not context.pairs:
        return ()
    intervals = _week_intervals(context.pairs, context.recipient.country, week)
    return _to_entries(intervals, min_minutes)


def _week_intervals(
    pairs: tuple[_engine.Pair, ...], country: str | None, week: date
) -> list[_engine.Interval]:
    monday = week - timedelta(days=week.weekday())
    start = int(datetime(monday.year, monday.month, monday.day, tzinfo=UTC).timestamp())
    intervals = _engine.intervals_between(pairs, country, start, start + 7 * _DAY_SECONDS)
    if not intervals:
        raise ValidationError.single(
            "available_times.none_in_week", _FIELD, None, {"week": monday.isoformat()}
        )
    return intervals


def _to_entries(intervals: list[_engine.Interval], min_minutes: int) -> tuple[AvailableTime, ...]:
    entries: list[AvailableTime] = []
    for start, end in intervals:
        while start < end:
            midnight = (start // _DAY_SECONDS + 1) * _DAY_SECONDS
            piece_end = min(end, midnight)
            first = -(-(start % _DAY_SECONDS) // 60)  # round the opening up to a whole minute
            # Round the closing down; UTC midnight is written 23:59 (24:00 is no HH:MM time).
            last = min((piece_end - (midnight - _DAY_SECONDS)) // 60, 23 * 60 + 59)
            if last - first >= min_minutes:
                day = datetime.fromtimestamp(start, UTC).isoweekday()
                entries.append(AvailableTime(day, format_clock(first), format_clock(last)))
            start = piece_end
    return tuple(entries)
