"""analyze() and split() against peers, measured in the same run on one generated corpus.

Peers: ``smsutil.split`` (detect + split), ``gsm0338`` (encode only) and python-gammu's
``EncodeSMS`` (encode + split), each where installed (``pip install -e '.[bench,gammu]'``).
Prints per-message times and ratios; also the cold-import cost of ``nrscompose`` and a
1 MB analyze. No thresholds: the figures go in the closing notes.

    python benchmarks/bench_core.py [--messages 4000] [--repeat 5]
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


def best_of(repeat: int, run: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        timings.append(time.perf_counter() - start)
    return min(timings)


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


def cold_import_ms(samples: int = 9) -> tuple[float, float]:
    """Median wall time of a fresh interpreter, bare and importing nrscompose to analyze 'hi'.

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

    bare = statistics.median(run("pass") for _ in range(samples))
    loaded = statistics.median(
        run("import nrscompose; nrscompose.analyze('hi')") for _ in range(samples)
    )
    return bare * 1000, (loaded - bare) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    messages = corpus(args.messages)
    chars = sum(map(len, messages))
    print(
        f"corpus: {len(messages)} messages, {chars} characters, "
        f"{sum(nc.analyze(m).parts for m in messages)} parts"
    )

    ours = {
        "nrscompose.analyze": lambda: [nc.analyze(m) for m in messages],
        "nrscompose.split": lambda: [nc.split(m) for m in messages],
    }
    results = {name: best_of(args.repeat, run) for name, run in {**ours, **peers(messages)}.items()}
    for name, seconds in results.items():
        print(f"{name:24} {seconds / len(messages) * 1e6:9.2f} µs/message")
    if "smsutil.split" in results:
        base = results["smsutil.split"]
        print(f"analyze vs smsutil.split: {base / results['nrscompose.analyze']:.1f}x faster")
        print(f"split   vs smsutil.split: {base / results['nrscompose.split']:.1f}x faster")
    if "gammu EncodeSMS" in results:
        print(
            f"split   vs gammu EncodeSMS: "
            f"{results['gammu EncodeSMS'] / results['nrscompose.split']:.1f}x faster"
        )

    megabyte = ("Olá mundo [x] 😀 " * 70_000)[:1_000_000]
    seconds = best_of(3, lambda: nc.analyze(megabyte))
    print(f"analyze of a 1 MB mixed text: {seconds * 1000:.0f} ms")
    bare, added = cold_import_ms()
    print(f"cold start: bare interpreter {bare:.0f} ms, import + analyze('hi') adds {added:.0f} ms")


if __name__ == "__main__":
    main()
