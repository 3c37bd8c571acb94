"""Septet character sets (GSM 7-bit and its Portuguese national tables) and UCS-2.

A :class:`SeptetCharset` is one locking shift table (the characters that cost one septet) and
one single shift table (reached through ESC, two septets each). The API's ``gsm`` is the
default pair; its ``gsm-pt`` is the Portuguese pair. The 3GPP profile may also combine the
default locking table with the Portuguese single shift table and vice versa.

Lookups are derived once, at import, from the data in :mod:`nrscompose.charsets.tables`.
"""

from __future__ import annotations

from collections.abc import Mapping

from nrscompose.charsets.tables import (
    DEFAULT_ALPHABET,
    DEFAULT_EXTENSION,
    ESCAPE,
    PORTUGUESE_LANGUAGE_ID,
    PORTUGUESE_LOCKING,
    PORTUGUESE_SINGLE_SHIFT,
)

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    import re
    from typing import Final

__all__ = [
    "DEFAULT",
    "DEFAULT_LOCKING_PORTUGUESE_SHIFT",
    "PORTUGUESE",
    "PORTUGUESE_LOCKING_DEFAULT_SHIFT",
    "SeptetCharset",
    "for_tables",
]

DEFAULT_LANGUAGE_ID: Final = 0


_ASCII: Final = bytes(range(128))


class SeptetCharset:
    """A locking shift table plus a single shift table, with their derived lookups.

    ``locking_language`` and ``shift_language`` are the national language identifiers
    (0 = the default alphabet) that a receiver needs in the user data header.
    """

    # A plain slots class, not a dataclass: importing dataclasses costs more than the rest of
    # ``import nrscompose``.
    __slots__ = (
        "_ascii_known",
        "_ascii_shifted",
        "_cost",
        "_patterns",
        "escaped",
        "locking",
        "locking_language",
        "name",
        "septets_of",
        "shift_language",
        "single_shift",
    )

    def __init__(
        self,
        name: str,
        locking: Mapping[int, str],
        single_shift: Mapping[int, str],
        locking_language: int,
        shift_language: int,
    ) -> None:
        self.name = name
        self.locking = locking
        self.single_shift = single_shift
        self.locking_language = locking_language
        self.shift_language = shift_language
        septets_of: dict[str, bytes] = {
            char: bytes((ESCAPE, code)) for code, char in single_shift.items()
        }
        # A character present in both tables is sent from the locking table: one septet.
        septets_of.update({char: bytes((code,)) for code, char in locking.items()})
        shifted = {char for char, septets in septets_of.items() if len(septets) == 2}
        self.septets_of: Mapping[str, bytes] = septets_of
        self._cost = dict.fromkeys(shifted, 2)
        self.escaped = "".join(sorted(shifted))  # the characters that cost two septets
        # ASCII text (most campaign traffic) is counted with bytes.translate, about 4x faster
        # than the character classes below on a 600-character message.
        ascii_chars = [chr(code) for code in range(128)]
        self._ascii_known = "".join(c for c in ascii_chars if c in septets_of).encode("ascii")
        self._ascii_shifted = "".join(c for c in ascii_chars if c in shifted).encode("ascii")
        self._patterns: tuple[re.Pattern[str], re.Pattern[str]] | None = None

    def __repr__(self) -> str:
        return (
            f"SeptetCharset(name={self.name!r}, locking_language={self.locking_language}, "
            f"shift_language={self.shift_language})"
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, SeptetCharset):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.name, self.locking_language, self.shift_language))

    def _key(self) -> tuple[object, ...]:
        return (
            self.name,
            dict(self.locking),
            dict(self.single_shift),
            self.locking_language,
            self.shift_language,
        )

    def _compile(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        # Character classes make the common question — is every character in the tables? —
        # a single C-level scan that stops at the first foreign character (measured 2–60x
        # faster than str.translate on 90-character texts). Compiled on first use, to keep
        # the import of the package cheap.
        import re  # on first need: the package imports without it

        everything = re.escape("".join(sorted(self.septets_of)))
        shifted = re.escape("".join(sorted(self._cost)))
        self._patterns = patterns = (re.compile(f"[^{everything}]"), re.compile(f"[{shifted}]"))
        return patterns

    @property
    def uses_national_tables(self) -> bool:
        return bool(self.locking_language or self.shift_language)

    def count(self, text: str) -> int | None:
        """Septets needed for ``text``, or ``None`` when a character is in neither table."""
        if text.isascii():
            octets = text.encode("ascii")
            if octets.translate(None, self._ascii_known):  # what is left is not in a table
                return None
            return 2 * len(octets) - len(octets.translate(None, self._ascii_shifted))
        foreign, shifted = self._patterns or self._compile()
        if foreign.search(text, 0, 40):  # Cyrillic, CJK, emoji…: decided at the first words
            return None
        # Mostly-ASCII text (accents, a euro sign): the ASCII characters with bytes.translate,
        # the others (what is left of the UTF-8 bytes once every ASCII byte is deleted) with
        # the character classes: all C-level, and the classes see only the few non-ASCII.
        octets = text.encode("ascii", "ignore")
        if octets.translate(None, self._ascii_known):
            return None
        others = text.encode("utf-8").translate(None, _ASCII).decode("utf-8")
        if foreign.search(others):
            return None
        ascii_escapes = len(octets) - len(octets.translate(None, self._ascii_shifted))
        return len(text) + ascii_escapes + len(shifted.findall(others))

    def represents(self, char: str) -> bool:
        return char in self.septets_of

    def costs(self, text: str) -> list[int]:
        """Septets of each character of ``text`` (which must be representable)."""
        cost = self._cost
        return [cost.get(char, 1) for char in text]

    def foreign_positions(self, text: str) -> list[int]:
        """Indices of the characters of ``text`` that neither table holds."""
        foreign, _ = self._patterns or self._compile()
        return [match.start() for match in foreign.finditer(text)]

    def encode(self, text: str) -> bytes:
        """One byte per septet (values 0–127), escape pairs included; raises ``KeyError``."""
        septets_of = self.septets_of
        return b"".join([septets_of[char] for char in text])

    def decode(self, septets: bytes) -> str:
        """Inverse of :meth:`encode`, following TS 23.038 6.2.1.1 for undefined escapes.

        An escape followed by a position the single shift table does not define shows the
        locking table's character at that position; ESC ESC (and a trailing ESC) is a space.
        """
        chars: list[str] = []
        escaped = False
        for septet in septets:
            if septet > 0x7F:
                raise ValueError(f"{septet:#04x} is not a septet")
            if escaped:
                escaped = False
                if septet == ESCAPE:
                    chars.append(" ")
                else:
                    chars.append(self.single_shift.get(septet) or self.locking[septet])
            elif septet == ESCAPE:
                escaped = True
            else:
                chars.append(self.locking[septet])
        if escaped:
            chars.append(" ")
        return "".join(chars)


DEFAULT: Final = SeptetCharset(
    "gsm", DEFAULT_ALPHABET, DEFAULT_EXTENSION, DEFAULT_LANGUAGE_ID, DEFAULT_LANGUAGE_ID
)
PORTUGUESE: Final = SeptetCharset(
    "gsm-pt",
    PORTUGUESE_LOCKING,
    PORTUGUESE_SINGLE_SHIFT,
    PORTUGUESE_LANGUAGE_ID,
    PORTUGUESE_LANGUAGE_ID,
)
DEFAULT_LOCKING_PORTUGUESE_SHIFT: Final = SeptetCharset(
    "gsm-pt",
    DEFAULT_ALPHABET,
    PORTUGUESE_SINGLE_SHIFT,
    DEFAULT_LANGUAGE_ID,
    PORTUGUESE_LANGUAGE_ID,
)
PORTUGUESE_LOCKING_DEFAULT_SHIFT: Final = SeptetCharset(
    "gsm-pt",
    PORTUGUESE_LOCKING,
    DEFAULT_EXTENSION,
    PORTUGUESE_LANGUAGE_ID,
    DEFAULT_LANGUAGE_ID,
)

_BY_TABLES: Final = {
    (charset.locking_language, charset.shift_language): charset
    for charset in (
        DEFAULT,
        PORTUGUESE,
        DEFAULT_LOCKING_PORTUGUESE_SHIFT,
        PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    )
}


def for_tables(tables: tuple[int, int]) -> SeptetCharset:
    """The charset of national language identifiers ``(locking, single shift)``."""
    try:
        return _BY_TABLES[tables]
    except KeyError:
        raise ValueError(f"no septet charset for national language tables {tables}") from None
