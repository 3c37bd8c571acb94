"""Opt-in rewrites that make a text cheaper: ``suggest`` proposes, the caller decides.

Replacements are derived from Unicode data, not from a hand-copied list, in this order:

1. the compatibility decomposition (NFKC): full-width forms, ``…`` → ``...``, NBSP → space,
   ligatures, superscript digits;
2. the general category: any space separator (Zs) → space, dash punctuation (Pd) → ``-``,
   initial/final quotation marks (Pi/Pf) → ``"`` or ``'``, invisible format characters (Cf,
   e.g. ZERO WIDTH SPACE, SOFT HYPHEN) → nothing;
3. the other letter case, where only that is in the alphabet (``ç`` → ``Ç``, as ``trans=1``);
4. the canonical decomposition without its combining marks (``ő`` → ``o``);
5. canonical composition (NFC) of a decomposed grapheme cluster (``e`` + U+0301 → ``é``, as
   macOS and some keyboards type it): one code point instead of two, often a GSM one.

A replacement is kept only if the text needs fewer parts with it than without it.

A suggestion never changes an emoji sequence: rules 1–4 rewrite a character only where it is a
grapheme cluster by itself, so no zero-width joiner, variation selector, skin-tone modifier,
keycap mark or tag is removed and no cluster is split (a lone emoji component stays too; a lone
pictograph in its text form, ``™`` or ``‼``, is no sequence and may be rewritten); a character
is removed only where its neighbours stay the clusters they were and hold no emoji; rule 5
leaves clusters holding an emoji as they are. If only such a change would save a part,
nothing is offered.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from nrscompose._counting.analysis import Analysis, analyze
from nrscompose._counting.charsets import DEFAULT
from nrscompose._counting.profiles import Profile

TYPE_CHECKING = False  # annotations only: regex is imported on first need
if TYPE_CHECKING:
    import regex

__all__ = ["Replacement", "Suggestion", "apply", "candidate", "suggest"]

# What makes a grapheme cluster an emoji (sequence): its pictograph, a flag's regional
# indicators, the emoji variation selector, the keycap mark, a skin tone, a flag's tags.
# An emoji component alone (a lone tag, say) is kept too; a lone pictograph in its text form
# (™, ‼: not Emoji_Presentation) is not an emoji sequence and may be rewritten (™ → TM).
_EMOJI_COMPONENT = r"[\p{Regional_Indicator}\uFE0F\u20E3\U0001F3FB-\U0001F3FF\U000E0020-\U000E007F]"
_EMOJI_PART = _EMOJI_COMPONENT[:-1] + r"\p{Extended_Pictographic}]"
COMPOSITION = "canonical composition"


@dataclass(frozen=True, slots=True)
class Replacement:
    """Replace ``char`` with ``replacement`` at each of ``indices`` (code-point indices of the
    input where ``char`` starts; not necessarily every occurrence: never inside an emoji).

    ``char`` is one character, or a decomposed grapheme cluster for a canonical composition.
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


_COMPILED: dict[str, regex.Pattern[str]] = {}


def _compiled(pattern: str) -> regex.Pattern[str]:
    """``pattern`` compiled once; ``regex`` is imported on first need, as in ``cuts``
    (the core's heaviest import), and its own cache costs more than a match."""
    found = _COMPILED.get(pattern)
    if found is None:
        import regex

        found = _COMPILED[pattern] = regex.compile(pattern)
    return found


def _clusters(text: str) -> list[str]:
    found: list[str] = _compiled(r"\X").findall(text)
    return found


def _has_emoji(cluster: str) -> bool:
    return _compiled(_EMOJI_PART).search(cluster) is not None


def _is_component(char: str) -> bool:
    return _compiled(_EMOJI_COMPONENT).match(char) is not None


def _removable(before: str, after: str) -> bool:
    """Whether removing the cluster between ``before`` and ``after`` leaves both as they are."""
    if _has_emoji(before) or _has_emoji(after):
        return False
    return not before or not after or _clusters(before + after) == [before, after]


def _offers(text: str) -> dict[str, tuple[str, str, list[int]]]:
    """Each rewrite the text allows: ``char -> (replacement, reason, start indices)``, in the
    order of first occurrence."""
    offers: dict[str, tuple[str, str, list[int]]] = {}
    if text.isascii():
        return offers
    clusters = _clusters(text)
    at = 0
    for number, cluster in enumerate(clusters):
        rewrite: tuple[str, str] | None = None
        if len(cluster) == 1:
            rewrite = None if _gsm(cluster) else candidate(cluster)
            if rewrite is not None and _is_component(cluster):
                rewrite = None  # a lone tag, say: part of an emoji all the same
            if rewrite is not None and not rewrite[0]:
                before = clusters[number - 1] if number else ""
                after = clusters[number + 1] if number + 1 < len(clusters) else ""
                rewrite = rewrite if _removable(before, after) else None
        elif not _has_emoji(cluster):
            composed = unicodedata.normalize("NFC", cluster)
            rewrite = (composed, COMPOSITION) if composed != cluster else None
        if rewrite is not None:
            offers.setdefault(cluster, (*rewrite, []))[2].append(at)
        at += len(cluster)
    return offers


def apply(text: str, replacements: Sequence[Replacement]) -> str:
    """``text`` with each replacement made at its indices (what ``Suggestion.text`` is)."""
    return _rewrite(text, {r.char: (r.replacement, r.indices) for r in replacements})


def _rewrite(text: str, chosen: Mapping[str, tuple[str, Sequence[int]]]) -> str:
    at = {start: (char, new) for char, (new, starts) in chosen.items() for start in starts}
    pieces: list[str] = []
    done = 0
    for start in sorted(at):
        char, new = at[start]
        pieces += [text[done:start], new]
        done = start + len(char)
    pieces.append(text[done:])
    return "".join(pieces)


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
    offers = _offers(text)

    def parts_with(chosen: Mapping[str, tuple[str, Sequence[int]]]) -> int:
        return analyze(
            _rewrite(text, chosen), trans=trans, profile=profile, candidates=candidates
        ).parts

    chosen = {char: (new, starts) for char, (new, _, starts) in offers.items()}
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
            new,
            tuple(starts),
            offers[char][1],
            parts_with({c: r for c, r in chosen.items() if c != char}) - best,
        )
        for char, (new, starts) in chosen.items()
    )
    rewritten = _rewrite(text, chosen)
    after = analyze(rewritten, trans=trans, profile=profile, candidates=candidates)
    return Suggestion(rewritten, replacements, before, after)
