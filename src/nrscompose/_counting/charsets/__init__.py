"""Septet character sets (GSM 7-bit and its Portuguese national tables) and UCS-2.

A :class:`SeptetCharset` is one locking shift table (the characters that cost one septet) and
one single shift table (reached through ESC, two septets each). The API's ``gsm`` is the
default pair; its ``gsm-pt`` is the Portuguese pair. The 3GPP profile may also combine the
default locking table with the Portuguese single shift table and vice versa.

Lookups are derived once, at import, from the data in :mod:`nrscompose.charsets.tables`.
"""

from __future__ import annotations

from codecs import charmap_build, charmap_encode
from collections.abc import Mapping

from nrscompose._counting.charsets.tables import (
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
    from typing import Any, Final

__all__ = [
    "DEFAULT",
    "DEFAULT_LOCKING_PORTUGUESE_SHIFT",
    "PORTUGUESE",
    "PORTUGUESE_LOCKING_DEFAULT_SHIFT",
    "TWO_UNITS",
    "SeptetCharset",
    "for_tables",
]

DEFAULT_LANGUAGE_ID: Final = 0


# A unit map (see _counting.cuts) has one byte per unit and this mark on the first unit of
# each code point that costs two.
TWO_UNITS: Final = b"E"
# One byte per character from the C charmap encoder (``_encoder``): the characters that cost
# one septet are written as bytes 1-127, those that cost two (escape pairs) as bytes 128-255.
_UNIT_CLASS: Final = b"." * 128 + TWO_UNITS * 128


class SeptetCharset:
    """A locking shift table plus a single shift table, with their derived lookups.

    ``locking_language`` and ``shift_language`` are the national language identifiers
    (0 = the default alphabet) that a receiver needs in the user data header.
    """

    # A plain slots class, not a dataclass: importing dataclasses costs more than the rest of
    # ``import nrscompose``.
    __slots__ = (
        "_ascii_unit_class",
        "_cost",
        "_encoder",
        "_foreign",
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
        # ASCII text (most campaign traffic) is classified with one bytes.translate: about 4x
        # faster than a character class on a 600-character message.
        ascii_chars = [chr(code) for code in range(128)]
        self._ascii_unit_class = (
            b"".join(
                TWO_UNITS if c in shifted else b"." if c in septets_of else b"X"
                for c in ascii_chars
            )
            + b"X" * 128
        )
        self._foreign: re.Pattern[str] | None = None
        self._encoder: Any = None  # built on first use (a C codec table)

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

    def _compile(self) -> re.Pattern[str]:
        # A character class makes the question "is a character outside the tables near the
        # start?" a C-level scan that stops at the first foreign character. Compiled on first
        # use, to keep the import of the package cheap.
        import re  # on first need: the package imports without it

        everything = re.escape("".join(sorted(self.septets_of)))
        self._foreign = foreign = re.compile(f"[^{everything}]")
        return foreign

    def count(self, text: str) -> int | None:
        """Septets needed for ``text``, or ``None`` when a character is in neither table."""
        if not text.isascii() and self.foreign_near_start(text):  # Cyrillic, CJK, emoji…
            return None
        measured = self.measure(text)
        return None if measured is None else measured[0]

    def foreign_near_start(self, text: str) -> str:
        """The first of the first 40 characters of ``text`` that neither table holds, or
        ``""``: one C-level scan decides most texts in another script at once."""
        foreign = self._foreign or self._compile()
        found = foreign.search(text, 0, 40)
        return "" if found is None else found.group()

    def measure(self, text: str) -> tuple[int, bytes | None] | None:
        """Septets needed for ``text`` and its unit map (``None`` when no character costs two
        septets: see :mod:`nrscompose._counting.cuts`), or ``None`` when a character is in neither
        table. Each step is a C-level pass over the text; the unit map is what counting the
        escape pairs builds anyway, kept for the cuts."""
        if text.isascii():
            # Each ASCII byte classified by one translate: "." one septet, TWO_UNITS two,
            # "X" in no table.
            marks = text.encode("ascii").translate(self._ascii_unit_class)
            if b"X" in marks:
                return None
            if TWO_UNITS not in marks:
                return len(marks), None
        else:
            classes = self.septet_classes(text)
            if classes is None:
                return None
            if classes.isascii():  # no escape pair
                return len(classes), None
            marks = classes.translate(_UNIT_CLASS)
        unit_map = marks.replace(TWO_UNITS, TWO_UNITS + b".")
        return len(unit_map), unit_map

    def septet_classes(self, text: str) -> bytes | None:
        """One byte per character of ``text``, below 128 for a character that costs one
        septet and from 128 for one that costs two; ``None`` when a character is in neither
        table. One pass of the C charmap encoder (about 3 ns a character)."""
        encoder = self._encoder or self._build_encoder()
        try:
            octets: bytes = charmap_encode(text, "strict", encoder)[0]
        except UnicodeEncodeError:
            return None
        if b"\x00" in octets:  # U+0000: the encoder's table must start with it, no table has it
            return None
        return octets

    def unit_map(self, text: str) -> bytes | None:
        """The unit map of ``text`` (which must be representable): one byte per septet,
        ``TWO_UNITS`` on the first septet of each escape pair; ``None`` when there is none."""
        measured = self.measure(text)
        assert measured is not None, "unit_map of a text the charset cannot carry"
        return measured[1]

    def _build_encoder(self) -> Any:  # a codec encoding table: a dict, or the C charmap
        # The decoding table of a charmap codec: byte -> character, U+FFFE for none; the C
        # encoder inverts it. Position 0 must be U+0000 for the fast table.
        one = [char for char, septets in self.septets_of.items() if len(septets) == 1]
        two = [char for char, septets in self.septets_of.items() if len(septets) == 2]
        encoder: Any
        if len(one) > 127 or len(two) > 128 or "\x00" in self.septets_of:
            # A table the fast map cannot hold (more characters than bytes, or U+0000): a
            # dict, slower (a lookup per character) but exact; it never writes byte 0.
            encoder = {ord(char): 1 for char in one} | {ord(char): 128 for char in two}
        else:
            table = ["\x00"] + one + ["\ufffe"] * (127 - len(one)) + two
            table += ["\ufffe"] * (256 - len(table))
            encoder = charmap_build("".join(table))
        self._encoder = encoder
        return encoder

    def represents(self, char: str) -> bool:
        return char in self.septets_of

    def costs(self, text: str) -> list[int]:
        """Septets of each character of ``text`` (which must be representable)."""
        cost = self._cost
        return [cost.get(char, 1) for char in text]

    def foreign_positions(self, text: str) -> list[int]:
        """Indices of the characters of ``text`` that neither table holds."""
        foreign = self._foreign or self._compile()
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
