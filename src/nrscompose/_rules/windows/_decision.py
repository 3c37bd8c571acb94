"""``check``: may this message go now, and if not, when; ``schedule``: the same for a batch."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Final

from nrscompose._base.errors import Problem, ValidationError
from nrscompose._base.vocabularies import CATEGORIES, WINDOW_CHANNELS, require
from nrscompose._rules.message_rules import naive_datetime_problem
from nrscompose._rules.windows import _engine
from nrscompose._rules.windows._recipient import Recipient, digits_of, place_keys, resolve
from nrscompose._rules.windows.rules import (
    Category,
    Channel,
    Rule,
    RuleSet,
    as_rule_set,
)

__all__ = ["Decision", "Schedule", "check", "schedule"]


def require_aware(value: object, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError.single(
            "date.not_datetime", field, None, {"type": type(value).__name__}
        )
    naive = naive_datetime_problem(value, field)
    if naive is not None:
        raise ValidationError([naive])
    return value


def require_decidable(value: object, field: str) -> datetime:
    """An aware time far enough from the ends of the calendar to search for a window."""
    moment = require_aware(value, field)
    _require_calendar_room(moment, field)
    return moment


# The search for the next allowed moment looks two years ahead and converts between zones a
# day either way: times this close to the ends of the calendar cannot be decided.
_EARLIEST: Final = datetime(2, 1, 1)
_LATEST: Final = datetime(9997, 1, 1)


def _require_calendar_room(value: datetime, field: str) -> None:
    offset = value.utcoffset()
    assert offset is not None
    try:
        utc = value.replace(tzinfo=None) - offset
    except OverflowError:
        utc = datetime.min if value.year < 5000 else datetime.max
    if not _EARLIEST <= utc < _LATEST:
        raise ValidationError.single(
            "window.time_out_of_range",
            field,
            None,
            {
                "value": value.isoformat(),
                "first_year": _EARLIEST.year,
                "last_year": _LATEST.year - 1,
            },
        )


def _seconds(moment: datetime) -> int:
    """Whole POSIX seconds, rounded down.

    Window bounds are whole seconds, so ``start <= t < end`` holds exactly when it holds for
    ``floor(t)``: 07:59:59.5 is refused by a window opening at 08:00, 21:59:59.5 is allowed by
    one closing at 22:00.
    """
    return math.floor(moment.timestamp())


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer for one recipient at one moment.

    ``allowed``: whether the message may be sent at ``at``. ``next_allowed``: the first moment
    at or after ``at`` when it may (``at`` itself when allowed), in the recipient's zone when
    there is one, else in UTC. ``rules``: the rules that bind this message to this recipient;
    ``blocked_by``: those among them that forbid ``at`` (empty when allowed). ``zones``: the
    zones the decision holds in; ``zones_inferred``: they came from the number, and when there
    are several (see :attr:`several_zones`) the decision holds in every one of them.
    """

    allowed: bool
    at: datetime
    next_allowed: datetime
    rules: tuple[Rule, ...]
    blocked_by: tuple[Rule, ...]
    zones: tuple[str, ...]
    zones_inferred: bool
    country: str
    subdivision: str | None
    category: Category
    channel: Channel

    def __post_init__(self) -> None:
        require_aware(self.at, "at")
        require_aware(self.next_allowed, "next_allowed")
        if self.next_allowed < self.at:
            raise ValueError("next_allowed is before at")
        if self.allowed == bool(self.blocked_by):
            raise ValueError("a decision is allowed exactly when no rule blocks it")

    def as_json(self) -> dict[str, object]:
        """The decision as JSON values (what ``nrscompose window --json`` prints)."""
        return {
            "allowed": self.allowed,
            "at": self.at.isoformat(),
            "next_allowed": self.next_allowed.isoformat(),
            "next_allowed_utc": self.next_allowed.astimezone(UTC).isoformat(),
            "zones": list(self.zones),
            "country": self.country,
            "rules": [
                {"name": r.name, "source": r.source, "confidence": r.confidence} for r in self.rules
            ],
            "blocked_by": [r.name for r in self.blocked_by],
        }

    @property
    def several_zones(self) -> bool:
        """The number may ring in several zones; the decision holds in all of them."""
        return len(self.zones) > 1

    @property
    def wait(self) -> float:
        """Seconds from ``at`` to ``next_allowed``."""
        return max(0.0, (self.next_allowed - self.at).total_seconds())


def _validate_kind(category: str, channel: str) -> None:
    require(category, CATEGORIES, "category")
    require(channel, WINDOW_CHANNELS, "channel")


def zone_key_of(zone: str | tzinfo) -> str:
    key = getattr(zone, "key", zone)
    if not isinstance(key, str):
        raise ValidationError.single(
            "zone.not_a_zone", "zone", None, {"value": repr(zone), "type": type(zone).__name__}
        )
    try:
        _engine.zone_info(key)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise ValidationError.single("zone.unknown", "zone", None, {"zone": repr(key)}) from None
    return key


@dataclass(frozen=True, slots=True)
class Context:
    """Everything a decision depends on except ``at`` (what the batch caches by)."""

    recipient: Recipient
    zones: tuple[str, ...]
    zones_inferred: bool
    rules: tuple[Rule, ...]
    pairs: tuple[_engine.Pair, ...]


def _context(
    recipient: Recipient, zone: str | None, rule_set: RuleSet, category: str, channel: str
) -> Context:
    rules = rule_set.binding(recipient.country, recipient.subdivision, category, channel)
    zones = (zone,) if zone is not None else recipient.zones
    if rules and not zones:
        raise ValidationError.single(
            "zone.unknown_for_number", "zone", None, {"country": recipient.country}
        )
    pairs = tuple((zone_key, rule) for rule in rules for zone_key in zones)
    return Context(recipient, zones, zone is None, rules, pairs)


def _decide(context: Context, at: datetime, category: Category, channel: Channel) -> Decision:
    instant = _seconds(at)
    country = context.recipient.country
    first = _engine.first_allowed(context.pairs, country, instant)
    blocked = tuple(
        dict.fromkeys(
            rule
            for zone_key, rule in context.pairs
            if not _engine.is_allowed((zone_key, rule), country, instant)
        )
    )
    zones = context.zones
    frame: tzinfo = _engine.zone_info(zones[0]) if len(zones) == 1 else UTC
    allowed = not blocked
    return Decision(
        allowed=allowed,
        at=at,
        next_allowed=at if allowed else datetime.fromtimestamp(first, frame),
        rules=context.rules,
        blocked_by=blocked,
        zones=zones,
        zones_inferred=context.zones_inferred,
        country=country,
        subdivision=context.recipient.subdivision,
        category=category,
        channel=channel,
    )


def check(
    to: str,
    at: datetime,
    category: Category = "marketing",
    zone: str | tzinfo | None = None,
    rules: RuleSet | Iterable[Rule] | None = None,
    *,
    channel: Channel = "sms",
    subdivision: str | None = None,
) -> Decision:
    """May a ``category`` message on ``channel`` reach ``to`` at ``at``, and if not, when?

    ``to`` is the number in international format; its country, time zone(s) and, where a rule
    is local, subdivision come from ``phonenumbers`` unless ``zone``/``subdivision`` are given.
    ``rules`` defaults to :data:`~nrscompose.windows.DEFAULT_RULES`; pass a ``RuleSet`` (e.g.
    ``DEFAULT_RULES.add(policy)``) or any rules to use exactly those. ``at`` must be aware.
    """
    at = require_decidable(at, "at")
    context = context_for(to, zone, rules, category, channel, subdivision)
    return _decide(context, at, category, channel)


def context_for(
    to: str,
    zone: str | tzinfo | None,
    rules: RuleSet | Iterable[Rule] | None,
    category: str,
    channel: str,
    subdivision: str | None,
) -> Context:
    """Recipient, zones, binding rules and (zone, rule) pairs for one number."""
    _validate_kind(category, channel)
    rule_set = as_rule_set(rules)
    zone_key = None if zone is None else zone_key_of(zone)
    digits = digits_of(to)
    recipient = resolve(digits, frozenset() if subdivision else rule_set.local_countries())
    if subdivision is not None:
        recipient = Recipient(recipient.country, subdivision, recipient.zones)
    return _context(recipient, zone_key, rule_set, category, channel)


@dataclass(frozen=True, slots=True)
class Schedule:
    """A batch grouped by send time, for a campaign scheduler.

    ``groups`` maps each send time (aware, UTC; ``at`` itself for those who may receive now)
    to the recipients, in input order, sorted by time. ``rejected`` lists the numbers that could
    not be placed, with the problem (invalid number, unknown zone).
    """

    groups: dict[datetime, list[str]]
    rejected: list[tuple[str, Problem]]

    @property
    def recipients(self) -> int:
        return sum(len(group) for group in self.groups.values())


def schedule(
    recipients: Iterable[str],
    at: datetime,
    category: Category = "marketing",
    rules: RuleSet | Iterable[Rule] | None = None,
    *,
    channel: Channel = "sms",
) -> Schedule:
    """Group ``recipients`` by the first moment at or after ``at`` each may be sent to.

    Decisions are computed once per place (see ``place_keys``: country code, first national
    digits, time-zone prefix and length), so the cost per number is a few dictionary lookups
    once its place has been seen. A place is resolved with its first valid number; numbers are
    not each checked for validity (the send API does that), but one that fails to resolve is
    rejected alone.
    """
    at = require_decidable(at, "at")
    _validate_kind(category, channel)
    rule_set = as_rule_set(rules)
    place_key = place_keys()
    send_times: dict[tuple[str, int], datetime] = {}
    groups: dict[datetime, list[str]] = {}
    rejected: list[tuple[str, Problem]] = []
    for to in recipients:
        try:
            digits = digits_of(to)
        except ValidationError as error:
            rejected.append((to, error.problems[0]))
            continue
        place = place_key(digits)
        send_at: datetime | Problem | None = send_times.get(place)
        if send_at is None:
            send_at = _send_time(digits, at, category, channel, rule_set)
            if isinstance(send_at, datetime):
                send_times[place] = send_at
        if isinstance(send_at, Problem):
            rejected.append((to, send_at))
        else:
            groups.setdefault(send_at, []).append(to)
    return Schedule(dict(sorted(groups.items())), rejected)


def _send_time(
    digits: str, at: datetime, category: Category, channel: Channel, rule_set: RuleSet
) -> datetime | Problem:
    try:
        recipient = resolve(digits, rule_set.local_countries())
        decision = _decide(
            _context(recipient, None, rule_set, category, channel), at, category, channel
        )
    except ValidationError as error:
        return error.problems[0]
    return decision.next_allowed.astimezone(UTC)
