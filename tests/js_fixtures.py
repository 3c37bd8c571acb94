"""Python's answers as JSON for the npm package's own test suite (``js/test/fixtures.json``).

``node --test`` in ``js/`` compares the counter with these answers, so the package can be
tested without Python; ``test_js_package.py`` checks the file is current. Regenerate with
``python tests/js_fixtures.py`` after changing a count, a table or a suggestion.

The texts are fixed (no randomness from run to run): multilingual samples, texts at each part
limit (escapes at 153/160, surrogate pairs at 67/70, CRLF), ZWJ sequences, flags, keycaps, and
seeded pseudo-random mixes of the characters that exercise every branch.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

from nrscompose import PROFILES, ValidationError, analyze, split, suggest
from nrscompose._counting.analysis import NOT_IN
from tool_scripts import tool

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "js" / "test" / "fixtures.json"

ALPHABET = (
    "aZ09 @£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ!?¡¿ÄÖÑÜ§äöñüà^{}\\[~]|€\x0c"
    "êúíóçÔôÁáªÀ∞ÓÂâÊºÃÕÚãõ`ÍÈÌÒÙîûÎÛ\r\n"
    "😀👍🏽👨👩👧\u200d\u200c\u0301\u0308🇪🇸🇵🇹\U0001f3fb\ufe0f\u20e3"
    "\u0915\u094d\u0937\u093e\u0600\u1100\u1161\u11a8\uac00’“”…–—\u00a0中"
)
SAMPLES = [
    "Olá João, a sua encomenda nº 123 chegou.",
    "Hola, ¿qué tal? Tu código es 1234.",
    "Preço: 10€ [promo] {nome} ~50% | ok\\",
    "Family 👨‍👩‍👧‍👦 – it’s “great”…",
    "Família 👨‍👩‍👧‍👦 em Portugal 🇵🇹 e Espanha 🇪🇸! 👍🏽 1️⃣ #️⃣",
    "नमस्ते क्षत्रिय",
    "한국어 텍스트",
    "line one\r\nline two\nline three\r",
    "ça coûte – “cher” … ½ ﬁn",
    "Здравствуйте! Ваш код: 4711",
    "",
    # suggest: emoji sequences stay whole, decomposed accents are composed
    "Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹 नमस्ते\n" * 8,
    "Cafe\u0301 😀 cancio\u0301n " * 8,
    "😀\u200b\ufe0f" + "’" * 80,
    "👨\u200d\u200b👩 1️⃣ 🏴󠁧󠁢󠁥󠁮󠁧󠁿 \U000e0062" + "’" * 80,
    "pay\u200bment ™ ‼ " * 12,
]


def boundary_texts() -> list[str]:
    """Texts at, just below and just above each part limit."""
    texts = []
    for size in (67, 70, 71, 134, 153, 154, 160, 161):
        for fill in ("a", "€", "😀", "ê", "\r\n", "👨‍👩‍👧"):
            texts.append("x" * (size - 1) + fill + "y" * 5)
        texts.append("a" * (size - 1) + "€")
    texts += ["€" * 80, "😀" * 36, "🇪🇸" * 40, "1️⃣" * 30, "e" + "\u0301" * 200, "\r\n" * 81]
    texts += ["x" * 152 + "\r\n" + "y" * 20, "x" * 66 + "😀" + "é" * 10, "x" * 159 + "[]"]
    return texts


def mixed_texts(count: int) -> list[str]:
    rng = random.Random(16)
    texts = []
    for _ in range(count):
        pieces = []
        for _ in range(rng.randint(1, 6)):
            if rng.random() < 0.3:
                pieces.append(rng.choice(ALPHABET) * rng.randint(1, 90))
            else:
                pieces.append("".join(rng.choices(ALPHABET, k=rng.randint(0, 40))))
        texts.append("".join(pieces))
    return texts


def _counted(text: str, options: dict[str, Any]) -> dict[str, Any]:
    try:
        a = analyze(text, **options)
    except ValidationError:
        return {"error": True}
    return {
        "text": None if a.text == text else a.text,  # None: the text as given
        "encoding": a.encoding,
        "parts": a.parts,
        "units": a.units,
        "perPart": a.per_part,
        "remaining": a.remaining,
        "lastPartUnits": a.last_part_units,
        "tables": list(a.tables),
        "maxParts": a.max_parts,
        "partBounds": a.part_bounds,
        "offending": [[o.index, o.char, list(o.excluded_from)] for o in a.offending],
    }


def _suggested(text: str, options: dict[str, Any]) -> dict[str, Any]:
    s = suggest(text, **options)
    return {
        "text": s.text,
        "replacements": [
            [r.char, r.replacement, list(r.indices), r.reason, r.parts_saved]
            for r in s.replacements
        ],
        "partsSaved": s.parts_saved,
        "after": [s.after.encoding, s.after.parts],
    }


def fixtures() -> dict[str, Any]:
    texts = SAMPLES + boundary_texts() + mixed_texts(60)
    option_sets: list[dict[str, Any]] = [
        {"profile": name, "trans": trans} for name in PROFILES for trans in (False, True)
    ]
    option_sets += [
        {"encoding": "cheapest"},
        {"candidates": ["gsm-pt", "gsm", "utf-16"]},
        {"encoding": "gsm"},
        {"encoding": "utf-16", "channel": "landing"},
    ]
    cases = [
        [number, options, _counted(text, options)]
        for number, text in enumerate(texts)
        for options in option_sets
    ]
    splits = [
        [number, options, split(text, **options)]
        for number, text in enumerate(texts)
        for options in ({}, {"profile": "3gpp", "trans": True})
    ]
    suggestions = [
        [number, options, _suggested(text, options)]
        for number, text in enumerate(texts)
        for options in ({}, {"profile": "3gpp"}, {"trans": True})
    ]
    return {
        "texts": texts,
        "reasons": dict(NOT_IN),  # Offending.reason joins these with "; "
        "analyze": cases,
        "split": splits,
        "suggest": suggestions,
    }


def generator() -> ModuleType:
    """``tools/generate_counter_data.py``."""
    return tool("generate_counter_data")


def render() -> str:
    return json.dumps(fixtures(), ensure_ascii=False, separators=(",", ":")) + "\n"


if __name__ == "__main__":
    FIXTURES.write_text(render(), encoding="utf-8")
    print(f"{FIXTURES}: {FIXTURES.stat().st_size} bytes", file=sys.stderr)
