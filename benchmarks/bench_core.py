"""analyze() and split() against peers, measured in the same run on generated corpora.

Peers: ``smsutil.split`` (detect + split), ``gsm0338`` (encode only) and python-gammu's
``EncodeSMS`` (encode + split), each where installed (``pip install -e '.[bench,gammu]'``).
Prints, all measured in one run:

* the whole-corpus ratio on campaign traffic (``--messages`` texts in ten languages, 1–6
  sentences) and on a multilingual corpus with many multi-part texts (1–10 sentences);
* a per-category table: encoding × single/multi-part × with/without characters that cost two
  units (escape characters in GSM, characters outside the BMP in UTF-16), each category timed
  for ``analyze``, ``split``, ``smsutil.split`` and the *limit* — a minimal exact function
  that returns the same ``(encoding, parts)`` with the same C-level scans and no result
  object, which is as fast as pure Python gets;
* a growth table from 1 MB to 10 MB of escape-dense GSM, emoji and one run of regional
  indicators (linear means the time per MB stays flat), with ``smsutil.split`` at 1 MB;
* the cold-import cost of ``nrscompose``.

No thresholds: the figures go in docs/benchmarks.md.

    python benchmarks/bench_core.py [--messages 4000] [--repeat 5] [--max-mb 10]
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import nrscompose as nc
from nrscompose._counting import charsets
from nrscompose._counting.cuts import (
    crlf_boundary,
    grapheme_boundary,
    plan_parts,
    utf16_unit_map,
    utf16_units,
)

# Campaign traffic: each message is in one language; weights favour the Latin-script markets.
LANGUAGES: dict[str, tuple[int, list[str]]] = {
    "en": (
        5,
        [
            "Your order {n} has shipped and will arrive tomorrow between 9am and 1pm.",
            "Flash sale: 30% off everything today only! Use code {n} at checkout.",
            "Reminder: your appointment is on Monday at 10:00. Reply YES to confirm.",
        ],
    ),
    "es": (
        3,
        [
            "Hola {name}, tu cita es el lunes a las 10:00. Responde SI para confirmar.",
            "¡Oferta! 20% de descuento en toda la tienda hasta el domingo. Código {n}.",
        ],
    ),
    "pt": (
        3,
        [
            "Olá {name}! A sua encomenda nº {n} já saiu do armazém.",
            "Promoção válida até domingo: use o código {n} e poupe 15€ [loja online].",
        ],
    ),
    "fr": (
        2,
        [
            "Bonjour {name}, votre code est {n}. Il expire dans 10 minutes.",
            "Votre colis {n} sera livré demain entre 8h et 12h.",
        ],
    ),
    "de": (2, ["Hallo {name}, Ihr Paket {n} wird heute zugestellt. Grüße!"]),
    "ru": (1, ["Здравствуйте, {name}! Ваш код подтверждения: {n}."]),
    "el": (1, ["Γεια σας {name}, η παραγγελία σας {n} εστάλη."]),
    "ar": (1, ["مرحبا {name}، رمز التحقق الخاص بك هو {n}"]),
    "zh": (1, ["您好 {name}，您的验证码是 {n}，10分钟内有效。"]),
    "emoji": (
        2,
        [
            "Flash sale 🎉 {name}, 30% off everything today only! Use code {n} 🛍️",
            "It’s here – your “VIP” pass… code {n} 👍🏽",
        ],
    ),
}
NAMES = ["Ana", "João", "Élise", "Müller", "Ivan", "Sofia", "Ahmed", "Ming", "Zoë", "Lukas"]


def corpus(size: int, seed: int = 2026) -> list[str]:
    """Messages of 1–6 sentences of one language: OTPs to multi-part campaigns."""
    rng = random.Random(seed)
    languages = list(LANGUAGES.values())
    weights = [weight for weight, _ in languages]
    messages = []
    for _ in range(size):
        ((_, sentences),) = rng.choices(languages, weights)
        chosen = rng.choices(sentences, k=rng.choice([1, 1, 2, 2, 3, 4, 6]))
        name, number = rng.choice(NAMES), rng.randint(1000, 999_999)
        messages.append(" ".join(chosen).format(name=name, n=number))
    return messages


def multilingual(size: int, seed: int = 2076) -> list[str]:
    """Longer texts (1–10 sentences, averaging near 270 characters): many multi-part ones."""
    rng = random.Random(seed)
    languages = list(LANGUAGES.values())
    messages = []
    for _ in range(size):
        _, sentences = rng.choice(languages)
        chosen = rng.choices(sentences, k=rng.randint(1, 10))
        name, number = rng.choice(NAMES), rng.randint(1000, 999_999)
        messages.append(" ".join(chosen).format(name=name, n=number))
    return messages


# Per category: sentences of the encoding, and characters costing two units to sprinkle in.
_CATEGORY_TEXT = {
    "gsm": ("Your order {n} has shipped, see you soon. ", "[]{}€~^|\\"),
    "gsm-pt": ("A sua encomenda nº {n} já saiu, obrigado. ", "[]{}ΓΘΠΣΦΨΩ"),
    "utf-16": ("Ваш заказ {n} отправлен, спасибо. ", "😀🎉👍🛍️🇵🇹"),
}


def categories(per_category: int, seed: int = 11) -> dict[tuple[str, str, str], list[str]]:
    """Texts per (encoding, single/multi, with/without two-unit characters), each checked."""
    rng = random.Random(seed)
    found: dict[tuple[str, str, str], list[str]] = {}
    for encoding, (sentence, wide) in _CATEGORY_TEXT.items():
        for parts in ("single", "multi"):
            for two_units in ("without", "with"):
                texts: list[str] = []
                while len(texts) < per_category:
                    count = rng.randint(1, 2) if parts == "single" else rng.randint(4, 14)
                    words = list((sentence * count).format(n=rng.randint(1000, 99_999)))
                    if two_units == "with":
                        for _ in range(max(1, len(words) // rng.choice([4, 10, 30]))):
                            words.insert(rng.randrange(len(words) + 1), rng.choice(wide))
                    text = "".join(words)
                    analysis = nc.analyze(text)
                    if (
                        analysis.encoding == encoding
                        and (analysis.parts > 1) == (parts == "multi")
                        and (analysis.units != len(text)) == (two_units == "with")
                    ):
                        texts.append(text)
                found[encoding, parts, two_units] = texts
    return found


def minimal_parts(text: str) -> tuple[str, int]:
    """The limit: ``(encoding, parts)`` as ``analyze`` counts them, nothing else built.

    The same C-level scans (the first 40 characters against a character class, the C charmap
    encoder and a translate per septet charset, a UTF-16-LE encode, the unit map) and the
    same O(parts) planner at the cuts.
    """
    foreign = "" if text.isascii() else charsets.DEFAULT.foreign_near_start(text)
    for name, charset in (("gsm", charsets.DEFAULT), ("gsm-pt", charsets.PORTUGUESE)):
        if foreign and foreign not in charset.septets_of:
            continue
        measured = charset.measure(text)
        if measured is not None:
            units, unit_map = measured
            if units <= 160:
                return name, 1 if units else 0
            if unit_map is None and "\r\n" not in text:
                return name, -(-units // 153)
            boundary = crlf_boundary if "\r\n" in text else None
            bounds, _ = plan_parts(text, unit_map, charset.count, units, 160, 153, boundary)
            return name, len(bounds) - 1
    octets = text.encode("utf-16-le")
    units = len(octets) // 2
    if units <= 70:
        return "utf-16", 1
    unit_map = utf16_unit_map(octets) if units != len(text) else None
    bounds, _ = plan_parts(text, unit_map, utf16_units, units, 70, 67, grapheme_boundary)
    return "utf-16", len(bounds) - 1


def best_of(repeat: int, run: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


def best_of_each(repeat: int, runs: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best time of each run, taking turns: a burst of load from other work on the machine
    then falls on every contender alike instead of on whichever ran during it."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(repeat):
        for name, run in runs.items():
            start = time.perf_counter()
            run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def peers(messages: list[str]) -> dict[str, Callable[[], object]]:
    found: dict[str, Callable[[], object]] = {}
    try:
        import smsutil

        found["smsutil.split"] = lambda: [smsutil.split(m) for m in messages]
    except ImportError:
        pass
    try:
        import gsm0338  # noqa: F401  (registers the codec)

        def encode_gsm0338() -> None:
            for message in messages:
                message.encode("gsm03.38", errors="replace")

        found["gsm0338 encode"] = encode_gsm0338
    except ImportError:
        pass
    try:
        import gammu

        def gammu_encode() -> None:
            for message in messages:
                unicode = nc.analyze(message).encoding == "utf-16"
                gammu.EncodeSMS(
                    {
                        "Class": -1,
                        "Unicode": unicode,
                        "Entries": [{"ID": "ConcatenatedTextLong", "Buffer": message}],
                    }
                )

        found["gammu EncodeSMS"] = gammu_encode
    except ImportError:
        pass
    return found


def cold_import_ms(samples: int = 9) -> tuple[float, float, float]:
    """Median wall times: a bare interpreter, what ``import nrscompose; analyze('hi')`` adds to
    it, and the same import measured inside the fresh interpreter (no process start-up: the
    steadier figure on a loaded machine).

    The package is byte-compiled first, as an installed package is (pip compiles on install;
    an editable install under PYTHONDONTWRITEBYTECODE would otherwise compile on every run).
    """
    import compileall
    from pathlib import Path

    compileall.compile_dir(str(Path(nc.__file__).parent), quiet=1)

    def run(code: str) -> float:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        return time.perf_counter() - start

    def inside() -> float:
        code = (
            "import time; start = time.perf_counter(); import nrscompose; "
            "nrscompose.analyze('hi'); print(time.perf_counter() - start)"
        )
        found = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        return float(found.stdout)

    bare = statistics.median(run("pass") for _ in range(samples))
    loaded = statistics.median(
        run("import nrscompose; nrscompose.analyze('hi')") for _ in range(samples)
    )
    measured = statistics.median(inside() for _ in range(samples))
    return bare * 1000, (loaded - bare) * 1000, measured * 1000


def _ratio_line(name: str, seconds: float, count: int, base: float | None) -> str:
    ratio = f"{base / seconds:6.1f}x" if base else ""
    return f"  {name:24} {seconds / count * 1e6:9.2f} µs/message {ratio}"


def whole_corpus(title: str, messages: list[str], repeat: int) -> None:
    chars = sum(map(len, messages))
    multi = sum(nc.analyze(m).parts > 1 for m in messages)
    print(
        f"{title}: {len(messages)} messages, {chars / len(messages):.0f} characters on "
        f"average, {multi} multi-part"
    )
    assert all(minimal_parts(m) == (nc.analyze(m).encoding, nc.analyze(m).parts) for m in messages)
    ours = {
        "nrscompose.analyze": lambda: [nc.analyze(m) for m in messages],
        "nrscompose.split": lambda: [nc.split(m) for m in messages],
        "limit (minimal exact)": lambda: [minimal_parts(m) for m in messages],
    }
    results = best_of_each(repeat, {**ours, **peers(messages)})
    base = results.get("smsutil.split")
    for name, seconds in results.items():
        print(_ratio_line(name, seconds, len(messages), base))
    if "gammu EncodeSMS" in results:
        print(
            f"  split vs gammu EncodeSMS: "
            f"{results['gammu EncodeSMS'] / results['nrscompose.split']:.1f}x faster"
        )


def category_table(per_category: int, repeat: int) -> None:
    import smsutil

    print("\nper category (x = times faster than smsutil.split; limit = minimal exact function)")
    print(
        f"  {'encoding':8} {'parts':6} {'2-unit':7} {'chars':>5} {'smsutil µs':>10} "
        f"{'analyze':>13} {'split':>13} {'limit':>13}"
    )
    for (encoding, parts, two_units), texts in categories(per_category).items():
        runs = {
            "smsutil": lambda t=texts: [smsutil.split(m) for m in t],
            "analyze": lambda t=texts: [nc.analyze(m) for m in t],
            "split": lambda t=texts: [nc.split(m) for m in t],
            "limit": lambda t=texts: [minimal_parts(m) for m in t],
        }
        timed = {name: t / len(texts) * 1e6 for name, t in best_of_each(repeat, runs).items()}
        base = timed["smsutil"]
        cells = " ".join(f"{timed[n]:5.1f} {base / timed[n]:5.1f}x" for n in runs if n != "smsutil")
        average = sum(map(len, texts)) // len(texts)
        print(f"  {encoding:8} {parts:6} {two_units:7} {average:5} {base:10.1f} {cells}")


GROWTH_TEXTS = {
    "escape-dense GSM": "Sale [50%] {today} ~ €10 | ",
    "emoji UTF-16": "Olá 😀 🎉 mundo 👍🏽 ",
    "Cyrillic UTF-16": "Привет мир ",
    "regional indicators": "🇵🇹",
}


def growth_table(max_mb: int) -> None:
    import smsutil

    sizes = [mb for mb in (1, 2, 5, 10, 20) if mb <= max_mb]
    print("\ngrowth (ms per MB of text; flat = linear)")
    print(f"  {'text':20} {'smsutil 1 MB':>12} " + " ".join(f"{mb:>5} MB" for mb in sizes))
    for name, unit in GROWTH_TEXTS.items():
        cells = []
        first = 0.0
        for mb in sizes:
            text = (unit * (mb * 1_000_000 // len(unit) + 1))[: mb * 1_000_000]
            seconds = best_of(2, lambda text=text: nc.split(text))
            first = first or seconds
            cells.append(f"{seconds * 1000 / mb:8.0f}")
        one_mb = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
        peer = best_of(1, lambda one_mb=one_mb: smsutil.split(one_mb))
        print(
            f"  {name:20} {peer * 1000:9.0f} ms "
            + " ".join(cells)
            + f"   (1 MB split: {peer / first:.1f}x smsutil)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--per-category", type=int, default=300)
    parser.add_argument("--max-mb", type=int, default=10)
    args = parser.parse_args()
    whole_corpus("campaign corpus", corpus(args.messages), args.repeat)
    whole_corpus("multilingual corpus", multilingual(2076), args.repeat)
    category_table(args.per_category, args.repeat)
    growth_table(args.max_mb)
    bare, added, inside = cold_import_ms()
    print(
        f"\ncold start: bare interpreter {bare:.0f} ms, import + analyze('hi') adds {added:.0f} ms"
        f" ({inside:.1f} ms measured inside the interpreter)"
    )


if __name__ == "__main__":
    main()
