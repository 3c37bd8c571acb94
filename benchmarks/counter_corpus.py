"""The corpus of the live counter's benchmark, with Python's answers, as JSON on stdout.

    python benchmarks/counter_corpus.py > corpus.json      (bench_counter.js runs it itself)

Texts: the multilingual campaign corpus of ``bench_core.py`` plus texts that the usual
counters get wrong — escape characters (``€ [ ] { } ~ \\ ^ |``) near 153/160, emoji and ZWJ
families near 67/70, flags, keycaps, CRLF. ``truth`` is ``[encoding, parts]`` from
``analyze(text, profile="3gpp", candidates=["gsm", "utf-16"])`` — GSM 03.38 default alphabet
or UCS-2 with standard limits, which is what the other counters claim to count.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import nrscompose as nc

sys.path.insert(0, str(Path(__file__).parent))
from bench_core import corpus

HARD = ["€", "[", "]", "{", "}", "~", "\\", "^", "|", "😀", "👨‍👩‍👧‍👦", "🇵🇹", "1️⃣", "👍🏽", "\r\n"]


def hard_texts(count: int, seed: int = 16) -> list[str]:
    """Plain text with a few two-unit characters, its length around a part limit; every other
    one with the character straddling a cut, where a counter that divides gets it wrong."""
    rng = random.Random(seed)
    texts = []
    for number in range(count):
        hard = rng.choice(HARD)
        if number % 2:
            counted = nc.analyze(hard, profile="3gpp", candidates=["gsm", "utf-16"])
            size = 153 if counted.encoding == "gsm" else 67
            parts = rng.randint(2, 4)
            texts.append("x" * (size - 1) + hard + "y" * (parts * size - size + 1 - counted.units))
            continue
        length = rng.choice([60, 66, 67, 68, 70, 130, 134, 150, 153, 155, 160, 200, 306, 460])
        chars = list("Your code is ready, see you soon at the shop. " * 12)[:length]
        for _ in range(rng.randint(1, 4)):
            chars.insert(rng.randint(0, len(chars)), rng.choice(HARD))
        texts.append("".join(chars))
    return texts


def main() -> None:
    texts = corpus(2000) + hard_texts(500)
    truth = []
    for text in texts:
        a = nc.analyze(text, profile="3gpp", candidates=["gsm", "utf-16"])
        truth.append([a.encoding, a.parts])
    json.dump({"texts": texts, "truth": truth}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
