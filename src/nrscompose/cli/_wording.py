"""How the commands write counts, money and characters for a person to read."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nrscompose.campaign import RecipientEstimate

__all__ = ["counted", "escaped", "money", "noun", "part_count", "row_place"]


def part_count(count: int) -> str:
    """ "1 part", "2 parts"."""
    return f"{count} part" if count == 1 else f"{count} parts"


def counted(number: int, thing: str) -> str:
    """ "1 recipient", "1,000 recipients": thousands separated as in the progress line."""
    return f"{number:,} {thing}" if number == 1 else f"{number:,} {thing}s"


def noun(number: int, thing: str) -> str:
    """``thing`` as a count of ``number`` names it, without the number."""
    return thing if number == 1 else thing + "s"


def money(amounts: Mapping[str, Decimal]) -> str:
    """ "EUR 1.25, USD 0.40"; "-" for none."""
    return ", ".join(f"{currency} {amount}" for currency, amount in amounts.items()) or "-"


def row_place(row: RecipientEstimate, lines: bool) -> str:
    """Where a recipient is: "line 5" of a file (its record's first line), "row 5" of rows given
    in Python, with the file's name when a campaign spans several."""
    place = f"line {row.row}" if lines else f"row {row.row}"
    return f"{row.source} {place}" if row.source else place


def escaped(text: str) -> str:
    """``text`` with control and invisible characters written as escapes (\\x00, \\u200d):
    printed raw, they would hide or garble what the line says."""
    return "".join(_escape(char) for char in text)


def _escape(char: str) -> str:
    if char.isprintable() and unicodedata.category(char) not in ("Cf", "Zl", "Zp"):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
