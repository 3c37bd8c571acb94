"""Field checks shared by the 360nrs builders; each records problems instead of raising.

Every check appends :class:`~nrscompose.errors.Problem` items to a :class:`Checker`, so one
call reports everything wrong at once, each with the code the server would answer (seed 001,
"Errors"), or 422 where the API has no specific code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Final

from nrscompose.errors import Problem, ValidationError
from nrscompose.providers._phone import normalize_phone
from nrscompose.providers.nrs.catalogue import INPUT_INVALID
from nrscompose.windows.dates import format_api_date, parse_api_date

__all__ = ["Checker", "normalize_phone"]

_API_DATETIME: Final = re.compile(r"\d{14}")
# Seed 001, "from": "15 numbers or 11 alphanumeric characters".
SENDER_MAX_DIGITS: Final = 15
SENDER_MAX_ALPHANUMERIC: Final = 11
_URL: Final = re.compile(r"https?://[^\s/$.?#][^\s]*", re.IGNORECASE)
_EMAIL: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# Seed 001, otpConfig and POST /otp/generate: (minimum, maximum) of each bounded field.
OTP_BOUNDS: Final[Mapping[str, tuple[int, int]]] = {
    "length": (3, 10),
    "maxAttempts": (1, 10),
    "maxSecondsValidity": (30, 600),
}


class Checker:
    """Collects problems; ``raise_if_any`` turns them into one :class:`ValidationError`."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self,
        field: str,
        message: str,
        code: int | None = INPUT_INVALID,
        start: int | None = None,
        end: int | None = None,
    ) -> None:
        problem = Problem(field, message, code, start, end)
        if problem not in self.problems:
            self.problems.append(problem)

    def extend(self, problems: Sequence[Problem]) -> None:
        for problem in problems:
            if problem not in self.problems:
                self.problems.append(problem)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    # -- recipients -------------------------------------------------------------------------

    def phones(self, value: object, field: str = "to") -> list[str]:
        """Recipients in international format (seed 001: "Must include the prefix"); 102."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, Sequence) or not items:
            self.add(field, "at least one recipient is required", 102)
            return []
        normalized: list[str] = []
        for index, item in enumerate(items):
            number = normalize_phone(item) if isinstance(item, str) else None
            if number is None:
                self.add(
                    f"{field}[{index}]",
                    f"{item!r} is not a phone number in international format with its "
                    "country prefix (e.g. 34666555444)",
                    102,
                )
                normalized.append(str(item))
            else:
                normalized.append(number)
        return normalized

    def emails(self, value: object, field: str, code: int = 102, required: bool = True) -> None:
        items = [value] if isinstance(value, str) else value
        if items is None and not required:
            return
        if not isinstance(items, Sequence) or (required and not items):
            self.add(field, "at least one email address is required", code)
            return
        for index, item in enumerate(items):
            if not isinstance(item, str) or not _EMAIL.fullmatch(item):
                self.add(f"{field}[{index}]", f"{item!r} is not an email address", code)

    # -- sender -----------------------------------------------------------------------------

    def sender(self, value: object, field: str = "from") -> None:
        """Seed 001: at most 15 digits or 11 alphanumeric characters; 106 missing, 107 long."""
        if value is None or (isinstance(value, str) and not value.strip()):
            self.add(field, "the sender is required", 106)
            return
        if not isinstance(value, str):
            self.add(field, "the sender must be text", 106)
            return
        numeric = value.lstrip("+").isdigit()
        limit = SENDER_MAX_DIGITS if numeric else SENDER_MAX_ALPHANUMERIC
        if len(value) > limit:
            kind = "digits" if numeric else "alphanumeric characters"
            self.add(
                field,
                f"the sender has {len(value)} characters; at most {limit} {kind}",
                107,
                limit,
                len(value),
            )

    # -- dates ------------------------------------------------------------------------------

    def api_datetime(
        self, value: object, field: str, code: int, now: datetime | None = None
    ) -> str | None:
        """A timezone-aware ``datetime`` or a ``YYYYmmddHHiiss`` string, as the API wants."""
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                self.add(field, "naive datetime: give a timezone-aware datetime", code)
                return None
            moment = value.astimezone(UTC)
        elif isinstance(value, str) and _API_DATETIME.fullmatch(value):
            try:
                moment = parse_api_date(value, "expirationDate" if code == 119 else "scheduleDate")
            except ValidationError:
                self.add(field, f"{value!r} is not a real date", code)
                return None
        else:
            self.add(field, f"{value!r} is not a date in YYYYmmddHHiiss (UTC)", code)
            return None
        if now is not None and now.tzinfo is not None and moment < now:
            self.add(field, f"{format_api_date(moment)} is in the past", code)
        return format_api_date(moment)

    def schedule(self, payload: dict[str, object], now: datetime | None) -> None:
        """``scheduleDate`` (121) and ``expirationDate`` (119), the latter after the former."""
        scheduled = self.api_datetime(payload.get("scheduleDate"), "scheduleDate", 121, now)
        expires = self.api_datetime(payload.get("expirationDate"), "expirationDate", 119, now)
        for name, value in (("scheduleDate", scheduled), ("expirationDate", expires)):
            if value is not None:
                payload[name] = value
        if scheduled and expires and expires <= scheduled:
            self.add("expirationDate", "the expiration date must be after the schedule date", 119)

    # -- campaign ---------------------------------------------------------------------------

    def campaign(self, payload: Mapping[str, object]) -> None:
        """126 for an empty ``campaignName``; ``tags`` need a ``campaignName`` (seed 001)."""
        name = payload.get("campaignName")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            self.add("campaignName", "the campaign name is empty", 126)
        tags = payload.get("tags")
        if tags is not None:
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                self.add("tags", "tags must be a list of strings")
            elif name is None:
                self.add("tags", "tags require campaignName", 126)

    # -- per-recipient arrays ---------------------------------------------------------------

    def per_recipient(
        self, value: object, recipients: int, field: str, code: int = INPUT_INVALID
    ) -> None:
        if value is None or isinstance(value, str):
            return
        if not isinstance(value, list):
            self.add(field, "must be a list with one item per recipient", code)
        elif len(value) != recipients:
            self.add(
                field,
                f"has {len(value)} item(s) but there are {recipients} recipient(s); the API "
                "needs one per recipient, in recipient order",
                code,
            )

    def notification_url(self, value: object, recipients: int, per_recipient: bool) -> None:
        """109 for a URL that is not http(s); an array must match the recipients (seed 001)."""
        if value is None:
            return
        urls = value if isinstance(value, list) and per_recipient else [value]
        if per_recipient:
            self.per_recipient(value, recipients, "notificationUrl", 109)
        for index, url in enumerate(urls):
            if not isinstance(url, str) or not _URL.fullmatch(url):
                suffix = f"[{index}]" if isinstance(value, list) else ""
                self.add(f"notificationUrl{suffix}", f"{url!r} is not an http(s) URL", 109)

    def url(self, value: object, field: str, code: int = INPUT_INVALID) -> None:
        if not isinstance(value, str) or not _URL.fullmatch(value):
            self.add(field, f"{value!r} is not an http(s) URL", code)

    # -- scalars ----------------------------------------------------------------------------

    def boolean(self, payload: dict[str, object], name: str, as_int: bool = False) -> None:
        """A boolean field; ``as_int`` writes it as the API's 0/1 (``trans``)."""
        value = payload.get(name)
        if value is None:
            return
        if value not in (True, False, 0, 1):
            self.add(name, f"{value!r} is not a boolean")
            return
        payload[name] = int(bool(value)) if as_int else bool(value)

    def integer(
        self,
        value: object,
        field: str,
        low: int,
        high: int | None,
        code: int = INPUT_INVALID,
        type_code: int | None = None,
    ) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(field, f"{value!r} is not an integer", type_code or code)
            return None
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            self.add(field, f"{value!r} is not an integer", type_code or code)
            return None
        number = int(value)
        if number < low or (high is not None and number > high):
            bounds = f"between {low} and {high}" if high is not None else f"at least {low}"
            self.add(field, f"{number} is out of range; it must be {bounds}", code)
            return None
        return number

    def otp_config(self, value: object, field: str = "otpConfig") -> int:
        """Bounds of seed 001 (length 3-10, maxAttempts 1-10, maxSecondsValidity 30-600);
        returns the code length to count ``{OTP_CODE}`` with (default 4)."""
        if value is None:
            return 4
        if not isinstance(value, Mapping):
            self.add(field, "must be an object")
            return 4
        self.otp_fields(value, field + ".")
        length = value.get("length", 4)
        return length if isinstance(length, int) and 3 <= length <= 10 else 4

    def otp_fields(self, value: Mapping[str, object], prefix: str = "") -> None:
        for name, (low, high) in OTP_BOUNDS.items():
            if name in value:
                self.integer(value[name], prefix + name, low, high)
        for name in ("alpha", "rejectIfPendingCode", "caseSensitive"):
            if name in value and not isinstance(value[name], bool):
                self.add(prefix + name, f"{value[name]!r} is not a boolean")
        if "appId" in value and not isinstance(value["appId"], str):
            self.add(prefix + "appId", "must be text")

    def available_times(self, value: object) -> None:
        """``availableTimes`` (183-196) is checked by ``nrscompose.windows`` when present."""
        if value is None:
            return
        problems = _windows_problems(value)
        if problems is not None:
            self.extend(problems)
            return
        # Without the windows package only the shape is checked (seed 001, "Errors").
        if not isinstance(value, list):
            self.add("availableTimes", "must be an array of {day, from, to} objects", 183)
        elif not value:
            self.add("availableTimes", "is specified but empty", 194)


def _windows_problems(value: object) -> Sequence[Problem] | None:
    """Problems from ``nrscompose.windows``'s validator, or ``None`` when it is not there."""
    try:
        from nrscompose import windows
    except ImportError:
        return None
    for name in ("available_times_problems", "validate_available_times"):
        check = getattr(windows, name, None)
        if callable(check):
            try:
                result = check(value)
            except ValidationError as error:
                return error.problems
            if isinstance(result, Sequence) and all(isinstance(p, Problem) for p in result):
                return result
            return ()
    return None
