"""Send windows: may a message reach this recipient now, and if not, when.

Some countries only allow marketing messages in windows of the recipient's local time
(France: Monday-Saturday 08:00-22:00; Colombia: weekdays 07:00-19:00, Saturday 08:00-15:00,
never on Sundays or public holidays). The rules are data with a cited source and a confidence
(:mod:`nrscompose.windows.rules`); the code that reads them knows no country. Nothing here
sends, sleeps or reads the clock: every function takes the moment to decide for.

    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> from nrscompose import windows
    >>> d = windows.check("33612345678", datetime(2026, 3, 1, 14, tzinfo=ZoneInfo("Europe/Paris")))
    >>> d.allowed, d.next_allowed.isoformat()
    (False, '2026-03-02T08:00:00+01:00')

* :func:`check` — one recipient at one moment → :class:`Decision`.
* :func:`schedule` — a batch grouped by the moment each may be sent (campaign schedulers).
* :func:`available_times` — the API's UTC ``availableTimes`` for a week;
  :func:`validate_available_times` checks a caller's list with the API's error codes.
* :func:`format_api_date` / :func:`parse_api_date` — ``scheduleDate`` and ``expirationDate``.
"""

from __future__ import annotations

from nrscompose._rules.windows._decision import (
    Decision,
    Schedule,
    check,
    require_decidable,
    schedule,
)
from nrscompose._rules.windows._recipient import place_keys
from nrscompose._rules.windows.available_times import (
    AvailableTime,
    available_times,
    available_times_problems,
    validate_available_times,
    windows_to_available_times,
)
from nrscompose._rules.windows.dates import format_api_date, parse_api_date
from nrscompose._rules.windows.rules import (
    DEFAULT_RULES,
    Category,
    Channel,
    Confidence,
    Rule,
    RuleSet,
    Window,
)

__all__ = [
    "DEFAULT_RULES",
    "AvailableTime",
    "Category",
    "Channel",
    "Confidence",
    "Decision",
    "Rule",
    "RuleSet",
    "Schedule",
    "Window",
    "available_times",
    "available_times_problems",
    "check",
    "format_api_date",
    "parse_api_date",
    "place_keys",
    "require_decidable",
    "schedule",
    "validate_available_times",
    "windows_to_available_times",
]
