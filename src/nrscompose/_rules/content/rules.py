"""Country content rules as cited data: what a message to a country must (not) contain.

A :class:`ContentRule` says which ``country`` it binds, which message ``categories``, the
problem ``kind`` it reports, which ``check`` of the engine (:mod:`nrscompose.content._engine`)
reads it, and why we believe it: ``source`` quotes the sentence, ``confidence`` grades it (as
the send windows do: ``"high"`` for 360nrs's own documentation or the primary legal text),
``note`` says what is assumed. Adding a country is adding rules to :data:`DEFAULT_CONTENT_RULES`
with a test that quotes the source; no code changes.

The checks:

* ``"opt_out"`` — the text must end with the opt-out instruction (France's ``STOP au``).
* ``"public_shortener"`` — no link on one of ``domains``.
* ``"sender_name"`` — the platform may put ``sender`` + ``separator`` before the text: how
  many units remain then, and a warning when that adds a part.
* ``"notice"`` — a duty the text cannot show (consent, topics): always reported, as a notice.

Every fact comes from the 360nrs API reference, "Sending Restrictions by Country"; it lists
France, Spain, the United Kingdom, the United States, Colombia and Ireland.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Final, Literal

from nrscompose._base import vocabularies
from nrscompose._base.errors import ArgumentError
from nrscompose._base.problems import known_kind
from nrscompose._base.vocabularies import Category
from nrscompose._rules.content.shorteners import PUBLIC_SHORTENERS
from nrscompose._rules.content.shorteners import SOURCE as SHORTENERS_SOURCE

__all__ = [
    "DEFAULT_CONTENT_RULES",
    "Check",
    "Confidence",
    "ContentRule",
    "ContentRuleSet",
]

Check = Literal["opt_out", "public_shortener", "sender_name", "notice"]
Confidence = Literal["high", "medium", "low"]

CHECKS: Final[frozenset[str]] = frozenset({"opt_out", "public_shortener", "sender_name", "notice"})
_CONFIDENCES: Final[frozenset[str]] = frozenset({"high", "medium", "low"})
_CATEGORIES: Final[frozenset[str]] = frozenset(vocabularies.CATEGORIES)
_MARKETING: Final[frozenset[Category]] = frozenset({"marketing"})
_EVERY_CATEGORY: Final[frozenset[Category]] = frozenset(vocabularies.CATEGORIES)
# The longest alphanumeric sender the API takes ("from": at most 11 letters and digits): the
# name assumed when the sender is not known.
LONGEST_SENDER: Final = "X" * 11


@dataclass(frozen=True, slots=True)
class ContentRule:
    """One content rule of one country (see the module for ``check``).

    ``topics`` are what a ``"notice"`` names (the reference's own words); ``domains`` the
    hosts ``"public_shortener"`` refuses (a host or any of its subdomains); ``separator``
    what ``"sender_name"`` puts between the sender's name and the text.
    """

    name: str
    country: str
    kind: str
    check: Check
    source: str = field(repr=False)
    categories: frozenset[Category] = _MARKETING
    confidence: Confidence = "high"
    note: str = field(default="", repr=False)
    topics: tuple[str, ...] = ()
    domains: frozenset[str] = frozenset()
    separator: str = ""

    def __post_init__(self) -> None:
        wrong = []
        if not self.name:
            wrong.append("a rule needs a name")
        if not re.fullmatch(r"[A-Z]{2}", self.country):
            wrong.append(f"country must be ISO 3166-1 alpha-2, got {self.country!r}")
        if not known_kind(self.kind):
            wrong.append(f"unknown problem kind {self.kind!r}")
        if self.check not in CHECKS:
            wrong.append(f"check must be one of {sorted(CHECKS)}")
        if not self.source:
            wrong.append("a rule needs a source")
        if not self.categories or not self.categories <= _CATEGORIES:
            wrong.append(f"categories must be among {sorted(_CATEGORIES)}")
        if self.confidence not in _CONFIDENCES:
            wrong.append(f"confidence must be one of {sorted(_CONFIDENCES)}")
        if self.check == "public_shortener" and not self.domains:
            wrong.append("a public_shortener rule needs domains")
        if wrong:
            raise ArgumentError(f"content rule {self.name!r}: " + "; ".join(wrong))


@dataclass(frozen=True, slots=True)
class ContentRuleSet:
    """Rules with unique names. ``add`` adds (or replaces, by name); ``remove`` drops."""

    rules: tuple[ContentRule, ...]

    def __post_init__(self) -> None:
        names = [rule.name for rule in self.rules]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ArgumentError(f"duplicate content rule names: {duplicates}")

    def __iter__(self) -> Iterator[ContentRule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def __getitem__(self, name: str) -> ContentRule:
        for rule in self.rules:
            if rule.name == name:
                return rule
        raise KeyError(name)

    def add(self, *rules: ContentRule) -> ContentRuleSet:
        replaced = {rule.name for rule in rules}
        return ContentRuleSet(tuple(r for r in self.rules if r.name not in replaced) + rules)

    def remove(self, *names: str) -> ContentRuleSet:
        unknown = sorted(set(names) - {rule.name for rule in self.rules})
        if unknown:
            raise ArgumentError(f"no content rules named {unknown}")
        return ContentRuleSet(tuple(r for r in self.rules if r.name not in names))

    def binding(self, country: str, category: str) -> tuple[ContentRule, ...]:
        """The rules that bind a message of ``category`` to a recipient in ``country``."""
        return tuple(r for r in self.rules if r.country == country and category in r.categories)

    def countries(self) -> tuple[str, ...]:
        """The countries with rules, in the order of the rules."""
        return tuple(dict.fromkeys(rule.country for rule in self.rules))


def as_content_rules(rules: ContentRuleSet | Iterable[ContentRule] | None) -> ContentRuleSet:
    if rules is None:
        return DEFAULT_CONTENT_RULES
    if isinstance(rules, ContentRuleSet):
        return rules
    return ContentRuleSet(tuple(rules))


_REFERENCE: Final = "360nrs API reference, 'Sending Restrictions by Country'"


def _quoted(country: str, sentence: str) -> str:
    return f'{_REFERENCE}, {country}: "{sentence}"'


def _topics(country: str, code: str, sentence: str, topics: tuple[str, ...]) -> ContentRule:
    return ContentRule(
        f"{code}-topics",
        code,
        "content.prohibited_topics",
        "notice",
        source=_quoted(country, sentence),
        topics=topics,
        note="a reminder: the library does not guess a message's topic from its words",
    )


_POLITICS_RELIGION_GAMBLING: Final = (
    "politics", "religion", "gambling", "unsolicited promotions"
)  # fmt: skip

_COUNTRY_RULES: Final = (
    # --- France -------------------------------------------------------------------------------
    ContentRule(
        "FR-opt-out",
        "FR",
        "content.opt_out_missing",
        "opt_out",
        source=_quoted(
            "France",
            "It is mandatory to add the STOP au [STOP_CODE] as an opt-out instruction at the end "
            "of your marketing SMS messages to France.",
        ),
        note="'Transactional messages, however, are not subject to these restrictions.' "
        "Accepted endings: STOP au followed by a short code of digits, or the literal "
        "[STOP_CODE], in any case, then only spaces or a final '.' or '!'.",
    ),
    _topics(
        "France",
        "FR",
        "Sending messages related to politics, religion, gambling, or unsolicited promotions is "
        "strictly prohibited.",
        _POLITICS_RELIGION_GAMBLING,
    ),
    # --- Spain --------------------------------------------------------------------------------
    _topics(
        "Spain",
        "ES",
        "Sending messages related to political or religious topics, gambling, or unsolicited "
        "promotions is strictly prohibited.",
        _POLITICS_RELIGION_GAMBLING,
    ),
    # --- United Kingdom -----------------------------------------------------------------------
    _topics(
        "United Kingdom",
        "GB",
        "Sending messages related to political or religious themes or unsolicited promotions is "
        "strictly prohibited.",
        ("politics", "religion", "unsolicited promotions"),
    ),
    ContentRule(
        "GB-age",
        "GB",
        "content.age_verification",
        "notice",
        source=_quoted(
            "United Kingdom",
            "If you send adult or gambling content, you must ensure that the recipient's age has "
            "been verified in compliance with PSA and Ofcom Guidelines.",
        ),
        topics=("adult", "gambling"),
    ),
    # --- United States ------------------------------------------------------------------------
    ContentRule(
        "US-shorteners",
        "US",
        "content.public_shortener",
        "public_shortener",
        source=_quoted(
            "United States",
            "The use of public URL shorteners, such as bit.ly or tinyurl, is not permitted. "
            "However, the use of custom domains within these services is permitted. Therefore, "
            "you may use 360nrs' own URL shortener.",
        )
        + f"; other public shorteners from {SHORTENERS_SOURCE}",
        domains=PUBLIC_SHORTENERS,
        note="'Transactional messages, however, are not subject to these restrictions.'",
    ),
    _topics(
        "United States",
        "US",
        "sending messages containing sexually explicit or pornographic content, abusive or "
        "harassing material, information related to firearms, including fireworks, or references "
        "to alcohol, tobacco, or illegal drugs is strictly prohibited. Sending messages about "
        "gambling, investment opportunities, [...] loans or loan forgiveness, credit repair "
        "services, debt collection, or tax-related matters is also prohibited. Likewise, content "
        "linked to cryptocurrency, [...] unsolicited real estate inquiries such as WeBuyHomes, or "
        "promotions associated with multi-level marketing is not permitted.",
        (
            "sexually explicit or pornographic content",
            "abusive or harassing material",
            "firearms and fireworks",
            "alcohol",
            "tobacco",
            "illegal drugs",
            "gambling",
            "investment opportunities",
            "one-time codes (OTP) on behalf of other providers",
            "high financial risk activities",
            "loans or loan forgiveness",
            "credit repair",
            "debt collection",
            "tax matters",
            "cryptocurrency",
            "unsolicited real estate inquiries",
            "multi-level marketing",
        ),
    ),
    # --- Colombia -----------------------------------------------------------------------------
    ContentRule(
        "CO-sender-name",
        "CO",
        "content.sender_name_room",
        "sender_name",
        source=_quoted(
            "Colombia",
            "the 360nrs platform may automatically add the sender's name to the beginning of the "
            "message or include a URL at the end, depending on the channel's or destination "
            "country's conditions.",
        ),
        categories=_EVERY_CATEGORY,
        confidence="medium",
        separator=": ",
        note="platform behaviour, so every category; the reference names no separator (': ' "
        "is assumed) and no length for the URL it may add at the end (not counted). Without a "
        "sender the longest alphanumeric one (11 characters) is assumed.",
    ),
    _topics(
        "Colombia",
        "CO",
        "Sending messages related to political or religious topics, gambling, or unsolicited "
        "promotions is strictly prohibited.",
        _POLITICS_RELIGION_GAMBLING,
    ),
    # --- Ireland ------------------------------------------------------------------------------
    ContentRule(
        "IE-opt-in",
        "IE",
        "content.opt_in_required",
        "notice",
        source=_quoted(
            "Ireland",
            "Before sending any marketing traffic, the express consent (opt-in) of mobile device "
            "users is required.",
        ),
    ),
    _topics(
        "Ireland",
        "IE",
        "Sending messages related to politics, religion, gambling, or unsolicited promotions is "
        "strictly prohibited.",
        _POLITICS_RELIGION_GAMBLING,
    ),
)

DEFAULT_CONTENT_RULES: Final = ContentRuleSet(_COUNTRY_RULES)
