"""Field checks shared by the 360nrs builders; each records problems instead of raising.

Every check appends :class:`~nrscompose.problems.Problem` items to a :class:`Checker`, so one
call reports everything wrong at once; each gets the code the server would answer from the
provider's kind → code table (:mod:`nrscompose.providers.nrs.codes`). The rules of the
message itself (text, parts, sender, placeholders, OTP) are :mod:`nrscompose._rules.message_rules`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Final

from nrscompose._base.errors import ArgumentError, ArgumentTypeError, ValidationError
from nrscompose._base.patterns import API_DATETIME, EMAIL, HTTP_URL
from nrscompose._base.problems import Problem
from nrscompose._rules import message_rules
from nrscompose._rules.destinations import normalize_phone
from nrscompose._rules.windows import available_times_problems
from nrscompose._rules.windows.dates import format_api_date, parse_api_date
from nrscompose.providers._paths import shown_value
from nrscompose.providers.nrs.codes import code_for

__all__ = ["Checker", "normalize_phone"]

OTP_BOUNDS: Final = message_rules.OTP_BOUNDS


def check_now(now: object) -> None:
    """``now`` is ``None`` or a timezone-aware ``datetime``; else :class:`ArgumentError`."""
    if now is None:
        return
    if not isinstance(now, datetime):
        raise ArgumentTypeError(f"now must be a datetime, not {type(now).__name__}")
    if message_rules.naive_datetime_problem(now, "now") is not None:
        raise ArgumentError("now must be a timezone-aware datetime (e.g. datetime.now(UTC))")


class Checker:
    """Collects problems; ``raise_if_any`` turns them into one :class:`ValidationError`."""

    __slots__ = ("problems",)

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(
        self, kind: str, field: str, span: tuple[int, int] | None = None, **params: object
    ) -> None:
        self.extend([Problem(kind, field, span, params)])

    def extend(self, problems: Sequence[Problem | None]) -> None:
        for problem in problems:
            if problem is None:
                continue
            if problem.code is None:
                problem = problem.with_code(code_for(problem.kind, problem.field))
            # with_code(None) leaves a problem the reference names no code for as it is
            if problem not in self.problems:
                self.problems.append(problem)

    def raise_if_any(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)

    # -- recipients -------------------------------------------------------------------------

    def phones(self, value: object, field: str = "to") -> list[str]:
        """Recipients in international format (the reference: "Must include the prefix")."""
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, Sequence) or not items:
            self.add("recipient.required", field)
            return []
        normalized: list[str] = []
        first: dict[str, int] = {}  # a number in international form → where it first was
        for index, item in enumerate(items):
            number = normalize_phone(item) if isinstance(item, str) else None
            if number is None:
                self.add("recipient.invalid", f"{field}[{index}]", value=repr(item))
                normalized.append(str(item))
                continue
            # the same number in two spellings ("+34 612…", "0034612…") is sent, and billed,
            # twice
            seen = first.setdefault(number, index)
            if seen != index:
                where = f"{field}[{index}]"
                self.add("recipient.duplicate", where, value=repr(item), first=f"{field}[{seen}]")
            normalized.append(number)
        return normalized

    def emails(self, value: object, field: str, required: bool = True) -> None:
        items = [value] if isinstance(value, str) else value
        if items is None and not required:
            return
        if not isinstance(items, Sequence) or (required and not items):
            self.add("email.required", field)
            return
        for index, item in enumerate(items):
            if not isinstance(item, str) or not EMAIL.fullmatch(item):
                where = field if isinstance(value, str) else f"{field}[{index}]"
                self.add("email.invalid", where, value=repr(item))

    # -- sender -----------------------------------------------------------------------------

    def sender(self, value: object, field: str = "from") -> None:
        self.extend(message_rules.sender_problems(value, field))

    # -- dates ------------------------------------------------------------------------------

    def api_datetime(self, value: object, field: str, now: datetime | None = None) -> str | None:
        """A timezone-aware ``datetime`` or a ``YYYYmmddHHiiss`` string, as the API wants."""
        if value is None:
            return None
        if isinstance(value, datetime):
            naive = message_rules.naive_datetime_problem(value, field)
            if naive is not None:
                self.extend([naive])
                return None
            moment = value.astimezone(UTC)
        elif isinstance(value, str) and API_DATETIME.fullmatch(value):
            try:
                moment = parse_api_date(value, field)
            except ValidationError:
                self.add("date.invalid", field, value=repr(value))
                return None
        else:
            self.add("date.format", field, value=repr(value))
            return None
        if now is not None and moment < now:
            self.add("date.past", field, value=format_api_date(moment))
        return format_api_date(moment)

    def schedule(self, payload: dict[str, object], now: datetime | None) -> None:
        """``scheduleDate`` and ``expirationDate``, the latter after the former; with ``now``,
        neither in the past (a naive ``now`` is the caller's :class:`ArgumentError`: no instant
        to compare with, and a check skipped in silence would pass a past date)."""
        check_now(now)
        scheduled = self.api_datetime(payload.get("scheduleDate"), "scheduleDate", now)
        expires = self.api_datetime(payload.get("expirationDate"), "expirationDate", now)
        for name, value in (("scheduleDate", scheduled), ("expirationDate", expires)):
            if value is not None:
                payload[name] = value
        if scheduled and expires and expires <= scheduled:
            self.add("date.order", "expirationDate")

    # -- campaign ---------------------------------------------------------------------------

    def campaign(self, payload: Mapping[str, object]) -> None:
        """An empty ``campaignName``; ``tags`` need a ``campaignName`` (the reference)."""
        name = payload.get("campaignName")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            self.add("campaign.name_empty", "campaignName")
        tags = payload.get("tags")
        if tags is not None:
            if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
                self.add("value.not_list", "tags")
            elif name is None:
                self.add("campaign.tags_need_name", "tags")

    # -- per-recipient arrays ---------------------------------------------------------------

    def per_recipient(self, value: object, recipients: int, field: str) -> None:
        if value is None or isinstance(value, str):
            return
        if not isinstance(value, list):
            self.add("value.not_list", field)
        elif len(value) != recipients:
            self.add("value.per_recipient", field, count=len(value), recipients=recipients)

    def notification_url(self, value: object, recipients: int, per_recipient: bool) -> None:
        """An http(s) URL; an array must match the recipients (the reference)."""
        if value is None:
            return
        urls = value if isinstance(value, list) and per_recipient else [value]
        if per_recipient:
            self.per_recipient(value, recipients, "notificationUrl")
        for index, url in enumerate(urls):
            if not isinstance(url, str) or not HTTP_URL.fullmatch(url):
                suffix = f"[{index}]" if isinstance(value, list) else ""
                self.add("value.not_url", f"notificationUrl{suffix}", value=repr(url))

    def url(self, value: object, field: str) -> None:
        if not isinstance(value, str) or not HTTP_URL.fullmatch(value):
            self.add("value.not_url", field, value=repr(value))

    # -- scalars ----------------------------------------------------------------------------

    def boolean(self, payload: dict[str, object], name: str, as_int: bool = False) -> None:
        """A boolean field; ``as_int`` writes it as the API's 0/1 (``trans``)."""
        value = payload.get(name)
        if value is None:
            return
        if value not in (True, False, 0, 1):
            self.add("value.not_boolean", name, value=repr(value))
            return
        payload[name] = int(bool(value)) if as_int else bool(value)

    def integer(self, value: object, field: str, low: int, high: int | None) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add("value.not_integer", field, value=repr(value))
            return None
        if isinstance(value, float) and (not math.isfinite(value) or not value.is_integer()):
            self.add("value.not_integer", field, value=repr(value))
            return None
        number = int(value)
        if number < low or (high is not None and number > high):
            shown = shown_value(number)  # str() refuses an integer of 4,300 digits
            if high is None:
                self.add("value.too_small", field, value=shown, low=low)
            else:
                self.add("value.out_of_range", field, value=shown, low=low, high=high)
            return None
        return number

    def parts(self, value: object, cap: int) -> int | None:
        """``parts``: 1 to the channel's cap (see ``message_rules.parts_problem``)."""
        problem = message_rules.parts_problem(value, cap)
        if problem is not None:
            self.extend([problem])
            return None
        assert isinstance(value, int | float)  # checked by parts_problem
        return int(value)

    def otp_config(self, value: object, field: str = "otpConfig") -> int:
        """The reference's bounds (length 3-10, maxAttempts 1-10, maxSecondsValidity 30-600);
        returns the code length to count ``{OTP_CODE}`` with (default 4)."""
        default = message_rules.OTP_DEFAULT_LENGTH
        if value is None:
            return default
        if not isinstance(value, Mapping):
            self.add("value.not_object", field)
            return default
        self.otp_fields(value, field + ".")
        length = value.get("length", default)
        valid = isinstance(length, int) and message_rules.otp_length_problem(length) is None
        return length if valid and isinstance(length, int) else default

    def otp_fields(self, value: Mapping[str, object], prefix: str = "") -> None:
        for name, (low, high) in OTP_BOUNDS.items():
            if name in value:
                self.integer(value[name], prefix + name, low, high)
        for name in ("alpha", "rejectIfPendingCode", "caseSensitive"):
            if name in value and not isinstance(value[name], bool):
                self.add("value.not_boolean", prefix + name, value=repr(value[name]))
        if "appId" in value and not isinstance(value["appId"], str):
            self.add("value.not_text", prefix + "appId")

    def available_times(self, value: object) -> None:
        """``availableTimes``, checked by ``nrscompose._rules.windows`` when present."""
        if value is not None:
            self.extend(available_times_problems(value))
