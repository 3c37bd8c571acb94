"""Opt-in rewrites that make a text cheaper: ``suggest`` proposes, the caller decides.

Replacements are derived from Unicode data, not from a hand-copied list, in this order:

1. the compatibility decomposition (NFKC): full-width forms, ``…`` → ``...``, NBSP → space,
   ligatures, superscript digits;
2. the general category: any space separator (Zs) → space, dash punctuation (Pd) → ``-``,
   initial/final quotation marks (Pi/Pf) → ``"`` or ``'``, invisible format characters (Cf,
   e.g. ZERO WIDTH SPACE, SOFT HYPHEN) → nothing;
3. the other letter case, where only that is in the alphabet (``ç`` → ``Ç``, as ``trans=1``);
4. the canonical decomposition without its combining marks (``ő`` → ``o``).

A replacement is kept only if the text needs fewer parts with it than without it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from nrscompose.analysis import Analysis, analyze
from nrscompose.charsets import DEFAULT
from nrscompose.profiles import Profile

__all__ = ["Replacement", "Suggestion", "candidate", "suggest"]


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace every ``char`` (at ``indices`` of the input) with ``replacement``.

    ``parts_saved`` is what this replacement alone contributes, the others being applied.
    """

    char: str
    replacement: str
    indices: tuple[int, ...]
    reason: str
    parts_saved: int

    def as_json(self) -> dict[str, object]:
        return {
            "char": self.char,
            "replacement": self.replacement,
            "indices": list(self.indices),
            "reason": self.reason,
            "parts_saved": self.parts_saved,
        }


@dataclass(frozen=True, slots=True)
class Suggestion:
    """The proposed ``text``, its ``replacements`` and the analyses ``before`` and ``after``."""

    text: str
    replacements: tuple[Replacement, ...]
    before: Analysis
    after: Analysis

    @property
    def parts_saved(self) -> int:
        return self.before.parts - self.after.parts

    def as_json(self) -> dict[str, object] | None:
        """A JSON-ready dict (``nrscompose analyze --json``); None when nothing is to replace."""
        if not self.replacements:
            return None
        return {
            "text": self.text,
            "parts_saved": self.parts_saved,
            "encoding": self.after.encoding,
            "replacements": [r.as_json() for r in self.replacements],
        }


def _gsm(text: str) -> bool:
    return DEFAULT.count(text) is not None


def candidate(char: str) -> tuple[str, str] | None:
    """A GSM rewrite of ``char`` and the Unicode fact it comes from, if there is one."""
    compatible = unicodedata.normalize("NFKC", char)
    if compatible != char and _gsm(compatible):
        return compatible, "compatibility form"
    category = unicodedata.category(char)
    if category == "Zs":
        return " ", "space separator"
    if category == "Pd":
        return "-", "dash"
    if category in ("Pi", "Pf"):
        double = "DOUBLE" in unicodedata.name(char, "") or char in "«»"
        return ('"' if double else "'"), "quotation mark"
    if category == "Cf":
        return "", "invisible format character"
    other_case = char.swapcase()
    if other_case != char and len(other_case) == 1 and _gsm(other_case):
        return other_case, "letter case"
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c)
    )
    if stripped != char and stripped and _gsm(stripped):
        return stripped, "accent removed"
    return None


def _rewrite(text: str, chosen: dict[str, str]) -> str:
    return text.translate({ord(char): replacement for char, replacement in chosen.items()})


def suggest(
    text: str,
    *,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    candidates: Sequence[str] | None = None,
) -> Suggestion:
    """Replacements that lower the number of parts of ``text``; the text is not changed.

    ``Suggestion.text`` is the rewritten text, to use if the caller accepts it. When nothing
    lowers the cost, ``replacements`` is empty and ``text`` is the input.
    """
    before = analyze(text, trans=trans, profile=profile, candidates=candidates)

    def parts_with(chosen: dict[str, str]) -> int:
        return analyze(
            _rewrite(text, chosen), trans=trans, profile=profile, candidates=candidates
        ).parts

    found: dict[str, tuple[str, str]] = {}
    for char in dict.fromkeys(text):
        if not _gsm(char):
            rewrite = candidate(char)
            if rewrite is not None:
                found[char] = rewrite
    chosen = {char: replacement for char, (replacement, _) in found.items()}
    best = parts_with(chosen)
    if best >= before.parts:
        return Suggestion(text, (), before, before)
    for char in list(chosen):  # drop what the saving does not need
        trial = {c: r for c, r in chosen.items() if c != char}
        if parts_with(trial) == best:
            chosen = trial
    replacements = tuple(
        Replacement(
            char,
            replacement,
            tuple(i for i, c in enumerate(text) if c == char),
            found[char][1],
            parts_with({c: r for c, r in chosen.items() if c != char}) - best,
        )
        for char, replacement in chosen.items()
    )
    rewritten = _rewrite(text, chosen)
    after = analyze(rewritten, trans=trans, profile=profile, candidates=candidates)
    return Suggestion(rewritten, replacements, before, after)
