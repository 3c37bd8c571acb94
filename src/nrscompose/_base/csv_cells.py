"""Cells of the CSV files the library writes, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula (OWASP, "CSV Injection"): a price file's
``currencyCode`` of ``=cmd|' /C calc'!A0`` reached ``estimate --csv`` as one. Such a cell is
written with a leading apostrophe, which the spreadsheet shows as text and hides; a plain
signed number (``-3``, ``+34666555444``) is no formula and stays as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, Protocol

__all__ = ["NeutralizingWriter", "neutralized"]

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER: Final = re.compile(r"[+-][0-9]+(?:\.[0-9]+)?")


def neutralized(cell: object) -> object:
    """``cell``, with an apostrophe before it when a spreadsheet would run it as a formula."""
    if not isinstance(cell, str) or not cell.startswith(FORMULA_STARTS):
        return cell
    return cell if _SIGNED_NUMBER.fullmatch(cell) else "'" + cell


class Writer(Protocol):
    """What :class:`NeutralizingWriter` writes through: a ``csv.writer``."""

    def writerow(self, row: Iterable[object], /) -> object: ...


class NeutralizingWriter:
    """A ``csv.writer`` whose every cell passes through :func:`neutralized`."""

    def __init__(self, writer: Writer) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[object]) -> object:
        return self._writer.writerow([neutralized(cell) for cell in row])
