"""Read content rules: the problems one text has under the rules that bind it.

The engine knows no country: each rule names its ``check`` and carries its own data (topics,
domains, separator). Every check is linear in the text: links are found by scanning words,
then the host-like runs inside each word, each once (no backtracking regular expression that
could turn quadratic on a long word).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Final

from nrscompose.analysis import Analysis, analyze
from nrscompose.content.rules import LONGEST_SENDER, ContentRule
from nrscompose.problems import Problem
from nrscompose.profiles import Profile

__all__ = ["apply", "ends_with_opt_out", "findings", "shortener_links"]

# "STOP au 36173", "stop AU [STOP_CODE]", then only spaces or a final "." / "!".
_OPT_OUT: Final = re.compile(r"(?<![^\W_])stop[ \t]+au[ \t]+(?:\d+|\[stop_code\])[.!]?", re.I)
_TAIL: Final = 64  # the instruction and its spaces fit; the rest of the text is never scanned
_WORD: Final = re.compile(r"\S+")
_HOST_RUN: Final = re.compile(r"[A-Za-z0-9.-]+")
_TRAILING: Final = ".,;:!?)]}>'\""


def ends_with_opt_out(text: str) -> bool:
    """True when ``text`` ends with ``STOP au`` and a short code (or ``[STOP_CODE]``)."""
    tail = text.rstrip()[-_TAIL:]
    return any(match.end() == len(tail) for match in _OPT_OUT.finditer(tail))


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
    path included, trailing punctuation not)."""
    found = []
    for word in _WORD.finditer(text):
        for run in _HOST_RUN.finditer(word.group()):
            host = run.group().strip(".-").lower()
            listed = _listed(host, domains) if "." in host else None
            if listed is not None:
                link = word.group().rstrip(_TRAILING)
                host_end = run.start() + len(run.group().rstrip(".-"))
                found.append((word.start(), word.start() + max(len(link), host_end), listed))
                break
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
