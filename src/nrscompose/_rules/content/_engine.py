"""Read content rules: the problems one text has under the rules that bind it.

The engine knows no country: each rule names its ``check`` and carries its own data (topics,
domains, separator). Every check is linear in the text: the opt-out reads a bounded tail, and
links are found from their dots, each run of host characters read once (no backtracking
regular expression tried at every position, which turns quadratic on a long word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

from nrscompose._base.problems import Problem
from nrscompose._counting.analysis import Analysis, analyze
from nrscompose._counting.profiles import Profile
from nrscompose._rules.content.rules import LONGEST_SENDER, ContentRule

__all__ = ["apply", "ends_with_opt_out", "findings", "reads_text", "shortener_links"]

# "STOP au 36173", "stop AU [STOP_CODE]", then only spaces or a final "." / "!".
_OPT_OUT: Final = re.compile(r"stop[ \t]+au[ \t]+(?:\d+|\[stop_code\])[.!]?", re.I)
_TAIL: Final = 64  # the instruction and its spaces fit; the rest of the text is never scanned
_SPACE: Final = re.compile(r"\s")
_HOST_RUN: Final = re.compile(r"[A-Za-z0-9.-]+")
_HOST_CHARS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")
_TRAILING: Final = ".,;:!?)]}>'\""


def ends_with_opt_out(text: str) -> bool:
    """True when ``text`` ends with ``STOP au`` and a short code (or ``[STOP_CODE]``)."""
    # Lower-cased once and read only in that form: lower() may change the length ("İ").
    lower = text.rstrip()[-_TAIL:].lower()
    at = lower.rfind("stop")
    while at >= 0 and lower[at + 4 : at + 5] not in (" ", "\t"):  # not the one of [STOP_CODE]
        at = lower.rfind("stop", 0, at)
    if at < 0 or (at > 0 and (lower[at - 1].isalnum() or lower[at - 1] == "_")):
        return False  # none, or the end of another word ("NONSTOP")
    return _OPT_OUT.fullmatch(lower, at) is not None


def _listed(host: str, domains: frozenset[str]) -> str | None:
    """The domain of ``domains`` that ``host`` is, or is a subdomain of; else None.

    Only the last labels can match (as many as the longest listed domain has), so a host of
    thousands of labels costs no more than a short one.
    """
    deepest = _label_counts(domains)
    labels = host.rsplit(".", deepest)[1:] if host.count(".") >= deepest else host.split(".")
    for first in range(len(labels) - 1):
        candidate = ".".join(labels[first:])
        if candidate in domains:
            return candidate
    return None


@lru_cache(maxsize=16)
def _label_counts(domains: frozenset[str]) -> int:
    return max((domain.count(".") + 1 for domain in domains), default=0)


def shortener_links(text: str, domains: frozenset[str]) -> list[tuple[int, int, str]]:
    """``(start, end, domain)`` of every word of ``text`` holding a host on one of ``domains``
    (the listed domain it is, or is a subdomain of): the span covers the link (scheme and
    path included, trailing punctuation not).

    Hosts are found from their dots: each run of host characters around a dot is read once
    (the search goes on after it), the word around a listed host is found by scanning back
    to the previous space (never past the last link found) and on to the next; so every
    character is read a bounded number of times, and a text without a dot costs one search.
    """
    found: list[tuple[int, int, str]] = []
    word_end = 0  # the end of the last link's word: runs before it belong to that link
    dot = text.find(".")
    while dot >= 0:
        start = dot
        while start > word_end and text[start - 1] in _HOST_CHARS:
            start -= 1
        run = _HOST_RUN.match(text, start)
        assert run is not None  # the dot itself is a host character
        dot = text.find(".", run.end())
        trimmed = run.group().rstrip(".-")
        listed = _listed(trimmed.lstrip(".-").lower(), domains)
        if listed is None:
            continue
        start = run.start()
        while start > word_end and not text[start - 1].isspace():
            start -= 1
        space = _SPACE.search(text, run.end())
        word_end = space.start() if space is not None else len(text)
        link = text[start:word_end].rstrip(_TRAILING)
        found.append((start, max(start + len(link), run.start() + len(trimmed)), listed))
        if dot >= 0 and dot < word_end:
            dot = text.find(".", word_end)
    return found


# What a check finds: (kind, span, params). Problems are built from findings only when asked:
# an estimate needs the kinds, and validating a Problem per row would double its cost.
Finding = tuple[str, tuple[int, int] | None, dict[str, object]]
Checker = Callable[[ContentRule, str, "_Message"], list[Finding]]
_SAFE_PREFIX: Final = re.compile(r"[A-Za-z0-9 :]*")  # one unit each in every encoding


class _Message:
    """What the checks may need besides the text."""

    __slots__ = ("analysis", "channel", "country", "profile", "sender", "trans")

    def __init__(
        self,
        country: str,
        sender: str | None,
        trans: bool,
        profile: str | Profile,
        channel: str,
        analysis: Analysis | None,
    ) -> None:
        self.country = country
        self.sender = sender
        self.trans = trans
        self.profile = profile
        self.channel = channel
        self.analysis = analysis

    def count(self, text: str) -> Analysis:
        return analyze(text, trans=self.trans, profile=self.profile, channel=self.channel)


def _opt_out(rule: ContentRule, text: str, message: _Message) -> list[Finding]:
    if ends_with_opt_out(text):
        return []
    return [(rule.kind, None, {"country": message.country})]


def _public_shortener(rule: ContentRule, text: str, message: _Message) -> list[Finding]:
    if "." not in text:
        return []
    country = message.country
    return [
        (rule.kind, (start, end), {"domain": host, "index": start, "country": country})
        for start, end, host in shortener_links(text, rule.domains)
    ]


def _sender_name(rule: ContentRule, text: str, message: _Message) -> list[Finding]:
    """The units left once the platform puts the sender's name before the text, and a
    warning instead when that needs another part."""
    prefix = (message.sender or LONGEST_SENDER) + rule.separator
    alone = message.analysis or message.count(text)
    if (
        alone.parts == 1
        and alone.units + len(prefix) <= alone.per_part
        and _SAFE_PREFIX.fullmatch(prefix)
    ):
        # Letters, digits, ':' and space cost one unit in every encoding and change neither
        # the encoding chosen nor trans: a text that still fits one part needs no recount.
        named_units, named_parts = alone.units + len(prefix), 1
        remaining = alone.per_part - named_units
    else:
        named = message.count(prefix + text)
        named_units, named_parts, remaining = named.units, named.parts, named.remaining
    params: dict[str, object] = {
        "country": message.country,
        "prefix_units": named_units - alone.units,
        "remaining": remaining,
        "parts": alone.parts,
        "parts_with_name": named_parts,
    }
    kind = "content.sender_name_extra_part" if named_parts > alone.parts else rule.kind
    return [(kind, None, params)]


def _notice(rule: ContentRule, text: str, message: _Message) -> list[Finding]:
    return [(rule.kind, None, {"country": message.country, "topics": ", ".join(rule.topics)})]


_CHECKS: Final[dict[str, Checker]] = {
    "opt_out": _opt_out,
    "public_shortener": _public_shortener,
    "sender_name": _sender_name,
    "notice": _notice,
}


def reads_text(rule: ContentRule) -> bool:
    """False for a rule whose finding does not depend on the text (a notice)."""
    return rule.check != "notice"


def findings(
    rules: tuple[ContentRule, ...],
    text: str,
    country: str,
    *,
    sender: str | None,
    trans: bool,
    profile: str | Profile,
    channel: str,
    analysis: Analysis | None = None,
) -> list[Finding]:
    """What ``text`` breaks under ``rules`` (already chosen for its country and category), in
    the order of the rules; ``analysis`` is the text's own count, when the caller has it."""
    message = _Message(country, sender, trans, profile, channel, analysis)
    found: list[Finding] = []
    for rule in rules:
        found.extend(_CHECKS[rule.check](rule, text, message))
    return found


def apply(
    rules: tuple[ContentRule, ...],
    text: str,
    country: str,
    *,
    sender: str | None,
    trans: bool,
    profile: str | Profile,
    channel: str,
    analysis: Analysis | None = None,
) -> tuple[Problem, ...]:
    """The problems ``text`` has under ``rules`` (see :func:`findings`)."""
    return tuple(
        Problem(kind, "message", span, params)
        for kind, span, params in findings(
            rules, text, country, sender=sender, trans=trans, profile=profile, channel=channel,
            analysis=analysis,
        )
    )  # fmt: skip
