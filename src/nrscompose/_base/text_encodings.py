"""Which text encoding a campaign file is in, when it is not UTF-8: detected from its bytes.

Spreadsheets save CSV in the platform's legacy code page: Excel for Windows in cp1252, Excel
for Mac in Mac Roman, old DOS tools in cp850, Unix tools in ISO 8859-15 or Latin-1, and
"Unicode text" as UTF-16 (sometimes without a byte-order mark). Read in the wrong one, a file
still decodes — every byte is some character in these code pages — and "José" becomes "JosŽ":
a wrong text, a wrong encoding choice and a wrong cost, with no error. So a file that is not
UTF-8 is refused with the encoding it looks like, and a forced encoding is checked too.

Detection runs charset-normalizer (a maintained detector) over the candidate code pages above,
then weighs each candidate decoding by what Western European text looks like: accented
letters where letters are, in the case of their neighbours; no control characters; no "¤"
where a "€" is meant. Measured on 840 short files (2, 5 and 20 rows of Spanish, Portuguese
and French names in each of the seven encodings; ``benchmarks/bench_encoding_detection.py``),
the figures are in docs/estimate.md.

Nothing here reads files: :func:`detect_encoding` and :func:`check_decoded` take bytes and
text, so the CLI, the Python API and the campaign page share one rule.
"""

from __future__ import annotations

import codecs
import unicodedata
from collections.abc import Sequence
from typing import Final, NamedTuple

__all__ = [
    "CANDIDATES",
    "EncodingGuess",
    "codec_label",
    "control_characters",
    "describe_encoding",
    "detect_encoding",
    "plausibility",
]

# The code pages spreadsheets and CRMs save CSV in, in order of preference on a tie: a file
# whose accents are all in 0xE0–0xFF reads the same in cp1252, ISO 8859-15 and Latin-1.
CANDIDATES: Final = ("cp1252", "mac_roman", "cp850", "iso8859-15", "latin-1")
_WHO_SAVES: Final = {
    "cp1252": "Windows-1252, as Excel for Windows saves CSV",
    "mac_roman": "Mac Roman, as Excel for Mac saves CSV",
    "cp850": "DOS code page 850, as older DOS and terminal tools save text",
    "iso8859-15": "ISO 8859-15 (Latin-9), as some Unix tools save text",
    "latin-1": "ISO 8859-1 (Latin-1)",
    "utf-16-le": "UTF-16 (little-endian) without a byte-order mark",
    "utf-16-be": "UTF-16 (big-endian) without a byte-order mark",
}
# Symbols at home in campaign text next to letters and digits.
_USUAL_SYMBOLS: Final = frozenset("€£º ª¡¿«»°·ºª§©®™–—‘’“”…•½¼¾±×")
_CHARSET_NORMALIZER_NAMES: Final = {
    "cp1252": "cp1252",
    "mac_roman": "mac_roman",
    "cp850": "cp850",
    "iso8859-15": "iso8859_15",
    "latin-1": "latin_1",
}


class EncodingGuess(NamedTuple):
    """What a file's bytes look like: ``encoding`` (a Python codec name, ``None`` when no
    candidate is plausible) and ``description``, the name a person knows it by and which
    program saves files so."""

    encoding: str | None
    description: str


def describe_encoding(encoding: str) -> str:
    """The encoding as a person knows it ("Mac Roman, as Excel for Mac saves CSV")."""
    name = _canonical(encoding)
    return _WHO_SAVES.get(name, name)


def _canonical(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return _CANONICAL.get(name, name)


# Python's codec names, as the candidates above spell them
_CANONICAL: Final = {"iso8859-1": "latin-1", "latin_1": "latin-1", "iso8859_15": "iso8859-15",
                     "mac-roman": "mac_roman"}  # fmt: skip


def codec_label(encoding: str) -> str:
    """The name to give ``--encoding`` for ``encoding`` (any spelling Python accepts)."""
    name = _canonical(encoding)
    return {"iso8859-15": "iso-8859-15"}.get(name, name)


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"``/``"utf-16-be"`` when ``data`` is text of mostly Latin letters written
    as UTF-16 without a byte-order mark (every other byte NUL), else None."""
    sample = data[:4096]
    if len(sample) < 4 or len(sample) % 2:
        sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) > 0.6 * half and even.count(0) < 0.1 * half:
        return "utf-16-le"
    if even.count(0) > 0.6 * half and odd.count(0) < 0.1 * half:
        return "utf-16-be"
    return None


def plausibility(text: str) -> float:
    """How much ``text`` looks like Western European text rather than mojibake: each
    non-ASCII character scores +1 when it is a letter inside a word, in the case of its
    neighbours, +0.5 when it is a usual symbol, and loses points when it is a control
    character, a letter whose case breaks its word ("JosÈ", "MÁlaga"), a mark or a drawing
    character. Higher is likelier."""
    score = 0.0
    for index, char in enumerate(text):
        if char.isascii():
            if char < " " and char not in "\t\r\n":
                score -= 5
            continue
        score += _char_score(text, index, char)
    return score


def _char_score(text: str, index: int, char: str) -> float:
    category = unicodedata.category(char)
    if category[0] == "C":
        return -5.0  # C1 controls, unassigned bytes
    if category[0] == "L":
        before = text[index - 1] if index else " "
        if char.isupper() and before.isalpha() and before.islower():
            return -1.0  # "JosÈ": a capital inside a lower-case word
        after = text[index + 1] if index + 1 < len(text) else " "
        if char.isupper() and after.isalpha() and after.islower() and before.isalpha():
            return -1.0  # "MÁlaga" would be "Málaga"
        if ord(char) > 0x24F:  # beyond Latin Extended: Greek in mac_roman, not a name here
            return -1.0
        if not (before.isalpha() or after.isalpha()):
            return 0.0  # a letter alone ("10Ç" for "10€"): neither for nor against
        return 1.0
    if char in _USUAL_SYMBOLS:
        return 0.5
    if char == "¤":
        return -0.5  # the currency sign stands where ISO 8859-15 has "€"
    return -1.0  # box drawing, daggers, math symbols: bytes read in the wrong code page


def _charset_normalizer_pick(data: bytes) -> str | None:
    try:
        import charset_normalizer
    except ImportError:  # the campaign extra installs it; without it, the scores below decide
        return None
    best = charset_normalizer.from_bytes(
        data, cp_isolation=list(_CHARSET_NORMALIZER_NAMES.values())
    ).best()
    return _canonical(best.encoding) if best is not None else None


def _decodings(data: bytes, candidates: Sequence[str]) -> dict[str, str]:
    found = {}
    for encoding in candidates:
        try:
            found[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return found


def detect_encoding(data: bytes) -> EncodingGuess:
    """The encoding ``data`` (a file's bytes, or the lines of it that are not ASCII) looks
    like: a byte-order mark, UTF-8, UTF-16 without a mark, else the most plausible
    candidate code page, charset-normalizer's pick first among equals."""
    if data.startswith(codecs.BOM_UTF8):
        return EncodingGuess("utf-8-sig", "UTF-8 with a byte-order mark")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return EncodingGuess("utf-16", "UTF-16 with a byte-order mark")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return EncodingGuess("utf-8", "UTF-8")
    wide = utf16_without_bom(data)
    if wide is not None:
        return EncodingGuess(wide, describe_encoding(wide))
    ranked = rank_encodings(data)
    if not ranked:
        return EncodingGuess(None, "no known encoding")
    return EncodingGuess(ranked[0], describe_encoding(ranked[0]))


def rank_encodings(data: bytes) -> list[str]:
    """The candidate code pages that decode ``data`` plausibly, likeliest first."""
    decodings = _decodings(data, CANDIDATES)
    scores = {encoding: plausibility(text) for encoding, text in decodings.items()}
    picked = _charset_normalizer_pick(data)
    order = {encoding: i for i, encoding in enumerate(CANDIDATES)}

    def rank(encoding: str) -> tuple[float, int, int]:
        return (-scores[encoding], encoding != picked, order[encoding])

    return sorted((e for e, s in scores.items() if s >= 0), key=rank)


def control_characters(text: str) -> list[tuple[int, str]]:
    """The C0 (other than tab and line breaks) and C1 control characters of ``text``, with
    the line (from 1) each first appears on: text a forced encoding decoded from bytes that
    mean something else in the file's real encoding."""
    found: dict[str, int] = {}
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        elif (char < " " and char not in "\t\r") or "\x7f" <= char <= "\x9f":
            found.setdefault(char, line)
    return sorted(((line, char) for char, line in found.items()))
