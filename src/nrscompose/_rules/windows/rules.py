"""Send-window rules as cited data: who they bind, when they allow sending, and why we believe it.

A :class:`Rule` knows nothing about how it is interpreted; :mod:`nrscompose.windows._engine`
reads any rule the same way. Adding a country is adding a :class:`Rule` to
:data:`DEFAULT_RULES` with its ``source`` and ``confidence`` and a test that cites it.

Confidence:

* ``"high"`` — the primary legal text, or 360nrs's own documentation (the provider enforces it).
* ``"medium"`` — a primary source is identified but its text (or its scope for SMS) was only
  seen through secondary reporting.
* ``"low"`` — only a third-party provider's guide states it.

Facts come from the 360nrs API reference ("Sending Restrictions by Country") and the public
regulations each rule cites (stored copies read 2026-11-23).
Countries where no statutory SMS hours were found (Mexico, Chile, Argentina, UK, Germany,
Singapore, Portugal) have no rule; Italy (a code of conduct binding signatories only, with
"pre-holiday" hours) and Espírito Santo (days unstated) are left out rather than guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, Literal

from nrscompose._base import vocabularies
from nrscompose._base.errors import Problem, ValidationError
from nrscompose._base.patterns import CLOCK
from nrscompose._base.vocabularies import Category, WindowChannel

__all__ = [
    "DEFAULT_RULES",
    "Category",
    "Channel",
    "Confidence",
    "Rule",
    "RuleSet",
    "Window",
]

Channel = WindowChannel  # sms or voice: what a send window governs
Confidence = Literal["high", "medium", "low"]

CATEGORIES: Final[frozenset[str]] = frozenset(vocabularies.CATEGORIES)
CHANNELS: Final[frozenset[str]] = frozenset(vocabularies.WINDOW_CHANNELS)
_CONFIDENCES: Final[frozenset[str]] = frozenset({"high", "medium", "low"})
_DAY_NAMES: Final = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_END_OF_DAY: Final = "24:00"  # a window may close at midnight
MINUTES_PER_DAY: Final = 24 * 60


def _parse_days(spec: str) -> frozenset[int]:
    """``"Mon-Fri"``, ``"Sat"``, ``"Mon,Wed"`` → ISO weekdays (1 = Monday … 7 = Sunday)."""
    days: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        try:
            start = _DAY_NAMES.index(first) + 1
            end = _DAY_NAMES.index(last or first) + 1
        except ValueError:
            raise ValidationError.single(
                "window.unknown_day",
                "days",
                None,
                {"value": repr(part.strip()), "known": _DAY_NAMES},
            ) from None
        if end < start:
            raise ValidationError.single(
                "window.days_backwards", "days", None, {"value": repr(part.strip())}
            )
        days.update(range(start, end + 1))
    return frozenset(days)


def _parse_clock(text: str, field: str) -> int:
    if not (CLOCK.fullmatch(text) or text == _END_OF_DAY):
        raise ValidationError.single("window.clock_format", field, None, {"value": repr(text)})
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True, slots=True)
class Window:
    """Sending allowed on ``days`` (ISO weekdays, 1 = Monday) from ``opens`` until ``closes``.

    Both are minutes after local midnight; ``opens`` is allowed, ``closes`` is not (a window
    08:00-22:00 allows 08:00:00 and 21:59:59, not 22:00:00). ``closes`` may be 1440 (24:00).
    Build one from readable text with :meth:`of`.
    """

    days: frozenset[int]
    opens: int
    closes: int

    def __post_init__(self) -> None:
        if not self.days or not self.days <= frozenset(range(1, 8)):
            raise ValidationError.single(
                "window.days_out_of_range", "days", None, {"days": self.days}
            )
        if not 0 <= self.opens < self.closes <= MINUTES_PER_DAY:
            raise ValidationError.single(
                "window.closes_before_opens",
                "window",
                None,
                {"opens": format_clock(self.opens), "closes": format_clock(self.closes)},
            )

    @classmethod
    def of(cls, days: str, opens: str, closes: str) -> Window:
        """``Window.of("Mon-Fri", "07:00", "19:00")``."""
        return cls(_parse_days(days), _parse_clock(opens, "opens"), _parse_clock(closes, "closes"))

    def __str__(self) -> str:
        days = ",".join(_DAY_NAMES[day - 1] for day in sorted(self.days))
        return f"{days} {format_clock(self.opens)}-{format_clock(self.closes)}"


@dataclass(frozen=True, slots=True)
class Rule:
    """When messages of some categories may reach recipients of one jurisdiction.

    ``name`` identifies the rule in a :class:`RuleSet` (adding a rule with the same name
    replaces it). ``country`` (ISO 3166-1 alpha-2) and ``subdivision`` (ISO 3166-2 suffix, as
    the ``holidays`` package spells it) say whom it binds; ``country=None`` binds every
    recipient (a company policy). ``windows`` are in the recipient's local time; outside them
    sending is not allowed. ``closed_on_holidays`` closes the whole local day on public holidays
    of the recipient's country (of ``subdivision`` when set; national holidays otherwise).
    ``categories`` and ``channels`` are what it binds: transactional messages are exempt unless a
    rule lists them.
    """

    name: str
    windows: tuple[Window, ...]
    source: str = field(repr=False)
    country: str | None = None
    subdivision: str | None = None
    categories: frozenset[Category] = frozenset({"marketing"})
    channels: frozenset[Channel] = frozenset({"sms"})
    closed_on_holidays: bool = False
    confidence: Confidence = "high"
    note: str = field(default="", repr=False)

    def __post_init__(self) -> None:
        problems = [
            Problem(kind, "rules", None, {"rule": repr(self.name), **params})
            for kind, params in self._definition_problems()
        ]
        if problems:
            raise ValidationError(problems)

    def _definition_problems(self) -> Iterator[tuple[str, dict[str, object]]]:
        """(kind, params) of each thing wrong with this rule's definition."""
        if not self.name:
            yield "rule.no_name", {}
        if not self.windows:
            yield "rule.no_windows", {}
        if not self.source:
            yield "rule.no_source", {}
        if self.country is not None and not re.fullmatch(r"[A-Z]{2}", self.country):
            yield "rule.country_format", {"value": repr(self.country)}
        if self.subdivision is not None and self.country is None:
            yield "rule.subdivision_without_country", {}
        if not self.categories or not self.categories <= CATEGORIES:
            yield "rule.unknown_categories", {"value": self.categories, "known": sorted(CATEGORIES)}
        if not self.channels or not self.channels <= CHANNELS:
            yield "rule.unknown_channels", {"value": self.channels, "known": sorted(CHANNELS)}
        if self.confidence not in _CONFIDENCES:
            confidence = repr(self.confidence)
            yield "rule.unknown_confidence", {"value": confidence, "known": sorted(_CONFIDENCES)}

    def minutes_open(self, weekday: int) -> tuple[tuple[int, int], ...]:
        """The merged ``[opens, closes)`` minute ranges of ISO ``weekday``, in order."""
        ranges = sorted((w.opens, w.closes) for w in self.windows if weekday in w.days)
        merged: list[tuple[int, int]] = []
        for opens, closes in ranges:
            if merged and opens <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], closes))
            else:
                merged.append((opens, closes))
        return tuple(merged)

    def binds(self, country: str | None, subdivision: str | None) -> bool:
        if self.country is None:
            return True
        return self.country == country and self.subdivision in (None, subdivision)


@dataclass(frozen=True, slots=True)
class RuleSet:
    """An immutable set of rules with unique names; all binding rules apply together.

    ``DEFAULT_RULES.add(policy)`` adds a rule (or replaces the one with the same name);
    ``remove("FR-holidays")`` drops one. The time a message may be sent is the intersection of
    what every binding rule allows.
    """

    rules: tuple[Rule, ...]

    def __post_init__(self) -> None:
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValidationError.single(
                "rule.duplicate_names", "rules", None, {"names": duplicates}
            )

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, name: str) -> Rule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)

    def add(self, *rules: Rule) -> RuleSet:
        replaced = {rule.name for rule in rules}
        return RuleSet(tuple(r for r in self.rules if r.name not in replaced) + rules)

    def remove(self, *names: str) -> RuleSet:
        unknown = sorted(set(names) - {rule.name for rule in self.rules})
        if unknown:
            raise ValidationError.single("rule.unknown_names", "rules", None, {"names": unknown})
        return RuleSet(tuple(r for r in self.rules if r.name not in names))

    def binding(
        self, country: str | None, subdivision: str | None, category: str, channel: str
    ) -> tuple[Rule, ...]:
        """The rules that bind a recipient in ``country``/``subdivision`` for this message."""
        return tuple(
            rule
            for rule in self.rules
            if category in rule.categories
            and channel in rule.channels
            and rule.binds(country, subdivision)
        )

    def local_countries(self) -> frozenset[str]:
        """Countries where telling subdivisions apart can change a decision."""
        return frozenset(r.country for r in self.rules if r.country and r.subdivision)


def as_rule_set(rules: RuleSet | Iterable[Rule] | None) -> RuleSet:
    if rules is None:
        return DEFAULT_RULES
    if isinstance(rules, RuleSet):
        return rules
    return RuleSet(tuple(rules))


_ALL_WEEK = (Window.of("Mon-Sun", "00:00", "24:00"),)
_SMS_AND_VOICE: Final[frozenset[Channel]] = frozenset({"sms", "voice"})
_VOICE: Final[frozenset[Channel]] = frozenset({"voice"})
_REFERENCE = "360nrs API reference, 'Sending Restrictions by Country'"


def _every_day(opens: str, closes: str) -> tuple[Window, ...]:
    return (Window.of("Mon-Sun", opens, closes),)


_COUNTRY_RULES: Final = (
    # --- Europe -------------------------------------------------------------------------------
    Rule(
        "FR",
        (Window.of("Mon-Sat", "08:00", "22:00"),),
        source=f"{_REFERENCE}, France: marketing SMS Monday-Saturday 08:00-22:00; transactional "
        "exempt; a Sunday 14:00 message is held until Monday 08:00",
        country="FR",
    ),
    Rule(
        "FR-holidays",
        _ALL_WEEK,
        source="Klaviyo help centre, SMS quiet hours, France: no sending on public holidays "
        "(stored copy read 2026-11-23)",
        country="FR",
        closed_on_holidays=True,
        confidence="low",
        note="industry practice, not in the 360nrs API reference; the holidays are those of "
        "Code du travail L3133-1 (the 11 days of the holidays package). Remove it to follow "
        "360nrs alone.",
    ),
    Rule(
        "FR-calls",
        (Window.of("Mon-Fri", "10:00", "13:00"), Window.of("Mon-Fri", "14:00", "20:00")),
        source="Code de la consommation art. D223-9 (décret n° 2022-1313), in force 2023-03-01",
        country="FR",
        channels=_VOICE,
        closed_on_holidays=True,
        note="phone canvassing; the text does not cover SMS",
    ),
    Rule(
        "ES-calls",
        (Window.of("Mon-Fri", "09:00", "21:00"),),
        source="Real Decreto Legislativo 1/2007 (TRLGDCU) art. 96.2",
        country="ES",
        channels=_VOICE,
        closed_on_holidays=True,
        note="commercial calls; national holidays only",
    ),
    # --- Americas -----------------------------------------------------------------------------
    Rule(
        "CO",
        (Window.of("Mon-Fri", "07:00", "19:00"), Window.of("Sat", "08:00", "15:00")),
        source="Ley 2300 de 2023 (Colombia) art. 3; " + _REFERENCE + ", Colombia",
        country="CO",
        categories=frozenset({"marketing", "collection"}),
        channels=_SMS_AND_VOICE,
        closed_on_holidays=True,
        note="also limits contacts to one a day per channel (not modelled here)",
    ),
    Rule(
        "PE",
        (Window.of("Mon-Fri", "07:00", "20:00"),),
        source="Ley 29571 (Código de Protección y Defensa del Consumidor) art. 58, as amended "
        "in 2023",
        country="PE",
        channels=_SMS_AND_VOICE,
        closed_on_holidays=True,
        confidence="medium",
    ),
    Rule(
        "BR-CE",
        (Window.of("Mon-Fri", "08:00", "18:00"),),
        source="Lei estadual 16.836/2019 (Ceará), calls, SMS and WhatsApp",
        country="BR",
        subdivision="CE",
        channels=_SMS_AND_VOICE,
        confidence="medium",
        note="Brazil has no federal hours; state laws differ",
    ),
    Rule(
        "BR-RJ-calls",
        (Window.of("Mon-Fri", "08:00", "18:00"),),
        source="Lei estadual 7.853/2018 (Rio de Janeiro), telemarketing",
        country="BR",
        subdivision="RJ",
        channels=_VOICE,
        confidence="medium",
    ),
    Rule(
        "CA-calls",
        (Window.of("Mon-Fri", "09:00", "21:30"), Window.of("Sat-Sun", "10:00", "18:00")),
        source="CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules)",
        country="CA",
        channels=_VOICE,
        note="telemarketing calls; SMS falls under CASL, which sets no hours",
    ),
    Rule(
        "US",
        _every_day("08:00", "21:00"),
        source="47 CFR 64.1200(c)(1) (TCPA) and 16 CFR 310.4 (Telemarketing Sales Rule): "
        "08:00-21:00 local time at the called party's location",
        country="US",
        channels=_SMS_AND_VOICE,
        note="telephone solicitation; calls with consent or an established business "
        "relationship are excluded (64.1200(f)(15)) — applied to all marketing here",
    ),
    Rule(
        "US-FL",
        _every_day("08:00", "20:00"),
        source="Fla. Stat. 501.616(6)(a) as amended by CS/SB 1120, in force 2021-07-01",
        country="US",
        subdivision="FL",
        channels=_SMS_AND_VOICE,
        note="also 3 messages per 24 h on one subject; 501.059(8)(d): a Florida area code is "
        "presumed to be in Florida",
    ),
    Rule(
        "US-OK",
        _every_day("08:00", "20:00"),
        source="15 O.S. 775C.4 (Oklahoma Telephone Solicitation Act of 2022), in force 2022-11-01",
        country="US",
        subdivision="OK",
        channels=_SMS_AND_VOICE,
        confidence="medium",
    ),
    Rule(
        "US-MD",
        _every_day("08:00", "20:00"),
        source="Md. Code, Com. Law 14-4501 ff. (Stop the Spam Calls Act), in force 2024-01-01",
        country="US",
        subdivision="MD",
        channels=_SMS_AND_VOICE,
        confidence="medium",
    ),
    Rule(
        "US-WA",
        _every_day("08:00", "20:00"),
        source="RCW 19.158.040(2) (commercial telephone solicitation)",
        country="US",
        subdivision="WA",
        channels=_SMS_AND_VOICE,
        confidence="medium",
        note="the statute's hours are certain; whether it reaches texts is not",
    ),
    Rule(
        "US-TX",
        (Window.of("Mon-Sat", "09:00", "21:00"), Window.of("Sun", "12:00", "21:00")),
        source="Tex. Bus. & Com. Code 301.051; SB 140 extends it to texts from 2025-09-01",
        country="US",
        subdivision="TX",
        channels=_SMS_AND_VOICE,
        confidence="medium",
    ),
    Rule(
        "US-CT",
        _every_day("09:00", "20:00"),
        source="Conn. Gen. Stat. 42-288a as amended by P.A. 23-98 (hours as stated by vendor "
        "guides)",
        country="US",
        subdivision="CT",
        channels=_SMS_AND_VOICE,
        confidence="low",
    ),
    Rule(
        "US-MS",
        (Window.of("Mon-Sat", "08:00", "20:00"),),
        source="Miss. Code 77-3-723: 08:00-20:00 Central Standard Time, no Sundays",
        country="US",
        subdivision="MS",
        channels=_SMS_AND_VOICE,
        note="the statute says 'Central Standard Time'; read here as the recipient's local "
        "(Central) time, which observes daylight saving time",
    ),
    # --- Asia, Middle East, Oceania -----------------------------------------------------------
    Rule(
        "IN",
        _every_day("09:00", "21:00"),
        source="TRAI Telecom Commercial Communications Customer Preference Regulations, 2018 "
        "(TCCCPR): promotional communications 09:00-21:00",
        country="IN",
        channels=_SMS_AND_VOICE,
        confidence="medium",
    ),
    Rule(
        "AU-calls",
        (Window.of("Mon-Fri", "09:00", "20:00"), Window.of("Sat", "09:00", "17:00")),
        source="Telecommunications (Telemarketing and Research Calls) Industry Standard 2017",
        country="AU",
        channels=_VOICE,
        closed_on_holidays=True,
        note="voice only: the Spam Act 2003 sets no hours for SMS; national holidays",
    ),
    Rule(
        "AE",
        _every_day("07:00", "21:00"),
        source="provider guides (stored copies read 2026-11-23); no primary text found",
        country="AE",
        confidence="low",
    ),
    Rule(
        "SA",
        _every_day("09:00", "20:00"),
        source="provider guides (stored copies read 2026-11-23); no primary text found",
        country="SA",
        confidence="low",
    ),
    Rule(
        "TR",
        _every_day("08:00", "21:00"),
        source="provider guides (stored copies read 2026-11-23); no primary text found",
        country="TR",
        confidence="low",
    ),
    Rule(
        "ID",
        _every_day("08:00", "20:00"),
        source="provider guides (stored copies read 2026-11-23); no primary text found",
        country="ID",
        confidence="low",
    ),
)

DEFAULT_RULES: Final = RuleSet(_COUNTRY_RULES)
