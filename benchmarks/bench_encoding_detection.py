"""How often each detector names an encoding that reads a short campaign file right.

Files of 2, 5 and 20 rows (a Spanish header; names, cities and notes with accents, "€", "º",
"«»") are written in cp1252, mac_roman, iso-8859-15, latin-1, cp850 and UTF-16 without a
byte-order mark, 40 of each per size. A detection is right when decoding the file with the
encoding named gives the text written (so cp1252 for a latin-1 file without a byte in
0x80-0x9F is right: the texts are equal). Detectors: charset-normalizer over every code page,
charset-normalizer limited to the candidate code pages, chardet (if installed), and
:func:`nrscompose.campaign.recipient_files.detect_encoding`.

    PYTHONPATH=src python benchmarks/bench_encoding_detection.py
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

from nrscompose.campaign.recipient_files import detect_encoding

NAMES = ["José", "María", "Iñaki", "João", "Conceição", "François", "Müller", "Peña", "Zoë",
         "Ángel", "Sebastián", "Inês", "Gonçalo", "Hélène", "Jürgen", "Nuñez", "Begoña", "Léa",
         "Ramón", "Lucía"]  # fmt: skip
CITIES = ["Málaga", "Córdoba", "Cádiz", "São Paulo", "Logroño", "Genève", "Zürich", "León",
          "Évora", "Bogotá"]  # fmt: skip
NOTES = ["Oferta 10€", "Nº 5", "«Promo»", "50% dto.", "Año nuevo", "ñandú", "café", "¡Hola!",
         "¿Vienes?"]  # fmt: skip
ENCODINGS = ["cp1252", "mac_roman", "iso-8859-15", "latin-1", "cp850", "utf-16-le", "utf-16-be"]
WESTERN = ["cp1252", "mac_roman", "cp850", "iso8859_15", "latin_1", "utf_16_le", "utf_16_be"]
PER_ENCODING = 40


def campaign(rng: random.Random, rows: int) -> str:
    lines = ["telefono;nombre;ciudad;nota"]
    for _ in range(rows):
        note = rng.choice(NOTES) if rng.random() < 0.4 else ""
        lines.append(
            f"3461234{rng.randrange(1000, 9999)};{rng.choice(NAMES)};{rng.choice(CITIES)};{note}"
        )
    return "\r\n".join(lines) + "\r\n"


def detectors() -> dict[str, Callable[[bytes], str | None]]:
    import charset_normalizer

    def everything(data: bytes) -> str | None:
        best = charset_normalizer.from_bytes(data).best()
        return best.encoding if best else None

    def western(data: bytes) -> str | None:
        best = charset_normalizer.from_bytes(data, cp_isolation=WESTERN).best()
        return best.encoding if best else None

    found: dict[str, Callable[[bytes], str | None]] = {
        f"charset-normalizer {charset_normalizer.__version__}": everything,
        "charset-normalizer, candidate code pages only": western,
    }
    try:
        import chardet
    except ImportError:
        pass
    else:
        found[f"chardet {chardet.__version__}"] = lambda data: chardet.detect(data)["encoding"]
    found["nrscompose detect_encoding"] = lambda data: detect_encoding(data).encoding
    return found


def reads_right(data: bytes, encoding: str | None, text: str) -> bool:
    if encoding is None:
        return False
    try:
        return data.decode(encoding) == text
    except (UnicodeDecodeError, LookupError):
        return False


def main() -> None:
    for rows in (2, 5, 20):
        for name, detect in detectors().items():
            rng = random.Random(7)  # every detector sees the same files
            right = total = 0
            seconds = 0.0
            misses: dict[str, int] = {}
            for encoding in ENCODINGS:
                made = 0
                while made < PER_ENCODING:
                    text = campaign(rng, rows)
                    try:
                        data = text.encode(encoding)
                    except UnicodeEncodeError:
                        continue  # "€" has no byte in latin-1 or cp850
                    made += 1
                    start = time.perf_counter()
                    guess = detect(data)
                    seconds += time.perf_counter() - start
                    ok = reads_right(data, guess, text)
                    right += ok
                    total += 1
                    if not ok:
                        misses[encoding] = misses.get(encoding, 0) + 1
            print(
                f"{rows:3} rows  {name:48} {right:3}/{total} = {100 * right / total:5.1f}%  "
                f"{1000 * seconds / total:5.2f} ms/file  wrong: {misses or '-'}"
            )


if __name__ == "__main__":
    main()
