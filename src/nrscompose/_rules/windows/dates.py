"""The API's ``scheduleDate`` and ``expirationDate``: ``YYYYmmddHHiiss`` in UTC.

The 360nrs API reference (``POST /api/rest/sms`` parameters): "the date in the following
format YYYYmmddHHiiss (e.g. 20130215142000 would be 15 February 2013 at 14:20:00)", in UTC. A
bad value is ``date.format`` or ``date.invalid`` for its field; the provider attaches its code
("Invalid scheduled date", "Invalid expiration date").
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Literal

from nrscompose._base.errors import ValidationError
from nrscompose._base.patterns import API_DATETIME
from nrscompose._rules.windows._decision import require_aware

__all__ = ["DateField", "format_api_date", "parse_api_date"]

DateField = Literal["scheduleDate", "expirationDate"]


def format_api_date(moment: datetime) -> str:
    """``moment`` (aware) as ``YYYYmmddHHiiss`` in UTC; fractions of a second are dropped."""
    moment = require_aware(moment, "scheduleDate")
    return moment.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def parse_api_date(text: str, field: str = "scheduleDate") -> datetime:
    """``YYYYmmddHHiiss`` → an aware UTC datetime; a bad value raises ``date.format`` or
    ``date.invalid`` for ``field``."""
    if not isinstance(text, str) or not API_DATETIME.fullmatch(text):
        raise ValidationError.single("date.format", field, None, {"value": repr(text)})
    try:
        # Sliced, not strptime: strptime accepts one-digit fields and would misread "2013131…".
        month, day, hour, minute, second = (int(text[i : i + 2]) for i in range(4, 14, 2))
        return datetime(int(text[:4]), month, day, hour, minute, second, tzinfo=UTC)
    except ValueError:
        raise ValidationError.single("date.invalid", field, None, {"value": repr(text)}) from None
