"""Country content rules: what a message to a country must contain, or must not.

The 360nrs API reference's "Sending Restrictions by Country" sets, beside the send windows
(:mod:`nrscompose.windows`), rules on the text itself: France wants every marketing SMS to end
with its opt-out instruction ``STOP au <short code>``; the United States refuses public URL
shorteners (bit.ly, tinyurl…) in marketing SMS; Ireland wants the recipient's opt-in; the
360nrs platform may put the sender's name before a message to Colombia; and every listed
country prohibits some topics. The rules are cited data (:mod:`nrscompose.content.rules`), read
by one engine that knows no country. Nothing here guesses a topic from words: a duty the text
cannot show is a *notice*.

    >>> from nrscompose import content
    >>> [p.kind for p in content.check("Soldes -50% ce week-end", "FR")][:1]
    ['content.opt_out_missing']
    >>> content.check("Soldes -50% ce week-end. STOP au 36173", "FR", "transactional")
    ()

Each problem has a ``severity`` (:func:`nrscompose.problems.severity`): ``"error"`` for what a
rule forbids (``content.opt_out_missing``, ``content.public_shortener``), ``"warning"`` when
the sender's name would add a part (``content.sender_name_extra_part``), ``"notice"`` for the
rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from nrscompose._base.errors import ArgumentError
from nrscompose._base.problems import Problem
from nrscompose._base.vocabularies import CATEGORIES, Category, require
from nrscompose._counting.analysis import Analysis
from nrscompose._counting.profiles import Profile
from nrscompose._rules.content._engine import (
    apply,
    ends_with_opt_out,
    findings,
    reads_text,
    shortener_links,
)
from nrscompose._rules.content.rules import (
    DEFAULT_CONTENT_RULES,
    ContentRule,
    ContentRuleSet,
    as_content_rules,
)
from nrscompose._rules.content.shorteners import PUBLIC_SHORTENERS

__all__ = [
    "DEFAULT_CONTENT_RULES",
    "PUBLIC_SHORTENERS",
    "ContentRule",
    "ContentRuleSet",
    "CountryRules",
    "check",
    "countries",
    "country_code",
    "ends_with_opt_out",
    "kinds",
    "rules_for",
    "shortener_links",
]


def country_code(country: str) -> str:
    """``country`` as an upper-case ISO 3166-1 alpha-2 code (``"fr"`` → ``"FR"``)."""
    if not isinstance(country, str) or not (
        len(country) == 2 and country.isascii() and country.isalpha()
    ):
        raise ArgumentError(f"country must be a two-letter ISO 3166-1 code, not {country!r}")
    return country.upper()


def rules_for(
    country: str,
    category: Category = "marketing",
    rules: ContentRuleSet | Iterable[ContentRule] | None = None,
) -> tuple[ContentRule, ...]:
    """The rules that bind a message of ``category`` to ``country``."""
    require(category, CATEGORIES, "category")
    return as_content_rules(rules).binding(country_code(country), category)


def check(
    text: str,
    country: str,
    category: Category = "marketing",
    *,
    sender: str | None = None,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    channel: str = "sms",
    rules: ContentRuleSet | Iterable[ContentRule] | None = None,
    analysis: Analysis | None = None,
) -> tuple[Problem, ...]:
    """The content problems of ``text`` sent as ``category`` to a recipient in ``country``.

    ``sender`` is the ``from`` the platform may put before the text (Colombia; the longest
    alphanumeric sender is assumed when ``None``); ``trans``, ``profile`` and ``channel`` count
    the text as :func:`nrscompose.analyze` does. ``rules``: ``None`` for
    :data:`DEFAULT_CONTENT_RULES`. ``analysis``: ``text``'s own count, when the caller has it
    (saves a recount; it must be of this ``text`` with these options). Placeholders are checked
    as written: check each recipient's rendered text for an exact answer (as ``estimate``
    does).
    """
    if not isinstance(text, str):
        raise ArgumentError(f"text must be str, not {type(text).__name__}")
    code = country_code(country)
    binding = rules_for(code, category, rules)
    if not binding:
        return ()
    return apply(
        binding, text, code, sender=sender, trans=trans, profile=profile, channel=channel,
        analysis=analysis,
    )  # fmt: skip


class CountryRules:
    """The rules that bind one ``country`` and ``category``, chosen once for many texts (a
    campaign's rows): :meth:`kinds` reads only the rules that depend on the text."""

    __slots__ = ("_constant", "_reading", "category", "country", "rules")

    def __init__(
        self,
        country: str,
        category: Category = "marketing",
        rules: ContentRuleSet | Iterable[ContentRule] | None = None,
    ) -> None:
        self.country = country_code(country)
        self.category = category
        self.rules = rules_for(self.country, category, rules)
        self._reading = tuple(rule for rule in self.rules if reads_text(rule))
        self._constant = tuple(dict.fromkeys(r.kind for r in self.rules if not reads_text(r)))

    def __bool__(self) -> bool:
        return bool(self.rules)

    @property
    def reads_text(self) -> bool:
        """False when every binding rule is a notice: :meth:`kinds` is then the same for any
        text (:attr:`constant_kinds`)."""
        return bool(self._reading)

    @property
    def constant_kinds(self) -> tuple[str, ...]:
        """The kinds every text has here (the notices)."""
        return self._constant

    def kinds(
        self,
        text: str,
        *,
        sender: str | None = None,
        trans: bool = False,
        profile: str | Profile = "360nrs",
        channel: str = "sms",
        analysis: Analysis | None = None,
    ) -> tuple[str, ...]:
        """The kinds of :func:`check`'s problems, each once, without building the problems;
        ``analysis`` is ``text``'s own count when known."""
        if not self._reading:
            return self._constant
        found = findings(
            self._reading, text, self.country, sender=sender, trans=trans, profile=profile,
            channel=channel, analysis=analysis,
        )  # fmt: skip
        return tuple(dict.fromkeys((*(kind for kind, _, _ in found), *self._constant)))


def kinds(
    text: str,
    country: str,
    category: Category = "marketing",
    *,
    sender: str | None = None,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    channel: str = "sms",
    analysis: Analysis | None = None,
    rules: ContentRuleSet | Iterable[ContentRule] | None = None,
) -> tuple[str, ...]:
    """The kinds of :func:`check`'s problems, each once (see :class:`CountryRules`)."""
    return CountryRules(country, category, rules).kinds(
        text, sender=sender, trans=trans, profile=profile, channel=channel, analysis=analysis
    )


def countries(rules: ContentRuleSet | Iterable[ContentRule] | None = None) -> tuple[str, ...]:
    """The countries some rule binds (what a form's country selector offers)."""
    return as_content_rules(rules).countries()
