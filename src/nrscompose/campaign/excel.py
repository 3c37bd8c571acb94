"""Workbook recipients (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, ``.xlsb``), read with
python-calamine (the ``excel`` extra), from a path or from bytes.

Cells become the text a person sees in the sheet: a whole number stored as a float
(``34612345678.0``, how Excel keeps phone numbers typed as numbers) is written without the
``.0``, dates as ISO 8601, empty cells as empty text. Rows are numbered as the sheet numbers
them; the header is row 1 unless that names no phone column and one of the next 20 rows does
(a title and notes above the table). Rows of empty or blank cells are skipped and counted as
blank lines. A workbook whose chosen sheet has no phone column while other sheets do is
refused naming those sheets.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from itertools import islice
from pathlib import Path
from typing import Any

from nrscompose._base.errors import ArgumentError, ValidationError

__all__ = ["open_sheet", "sheet_chunks"]

# python-calamine's workbooks and sheets: the excel extra ships no type information.
Calamine = Any

HEADER_SEARCH_ROWS = 20  # as for CSV files (recipient_files.HEADER_SEARCH_ROWS)


def _calamine() -> Calamine:
    try:
        import python_calamine
    except ImportError:
        raise ArgumentError(
            "reading Excel files needs the excel extra: pip install 'nrscompose[excel]' "
            "(or save the sheet as CSV)"
        ) from None
    return python_calamine


def _error(kind: str, path: Path, **params: object) -> ValidationError:
    return ValidationError.single(kind, "file", None, {"where": str(path), **params})


def _workbook(source: Path | bytes, path: Path) -> Calamine:
    calamine = _calamine()
    try:
        if isinstance(source, bytes):
            return calamine.CalamineWorkbook.from_filelike(io.BytesIO(source))
        return calamine.CalamineWorkbook.from_path(str(source))
    except Exception as error:  # calamine raises its own types for a damaged or foreign file
        raise _error("file.unreadable_workbook", path, detail=str(error)) from None


def _sheet(source: Path | bytes, path: Path, name: str | None) -> tuple[Calamine, str, Calamine]:
    workbook = _workbook(source, path)
    names = list(workbook.sheet_names)
    if name is None:
        if not names:
            raise _error("file.no_sheets", path)
        name = names[0]
    elif name not in names:
        raise ValidationError.single(
            "file.no_such_sheet", "sheet", None,
            {"where": str(path), "sheet": repr(name), "sheets": ", ".join(map(repr, names))},
        )  # fmt: skip
    _inspected(source, path, name)
    try:
        return workbook.get_sheet_by_name(name), name, workbook
    except Exception as error:  # a damaged sheet the inspection could not see
        raise _error("file.unreadable_workbook", path, detail=str(error)) from None


# Workbooks already inspected, by path, size, modification time and sheet: the header and the
# records are read by two calls, and each reads the whole sheet's XML once more.
_INSPECTED: dict[tuple[str, int, int, str | None], None] = {}


def _inspected(source: Path | bytes, path: Path, name: str | None) -> None:
    """Refuse a workbook whose sheet would not fit in memory (see workbook_bounds)."""
    from nrscompose.campaign.workbook_bounds import inspect_workbook

    if isinstance(source, bytes):  # an upload: small, read once
        inspect_workbook(path, name, io.BytesIO(source))
        return
    status = source.stat()
    key = (str(source.resolve()), status.st_size, status.st_mtime_ns, name)
    if key in _INSPECTED:
        return
    inspect_workbook(path, name, source)
    if len(_INSPECTED) > 64:
        _INSPECTED.clear()
    _INSPECTED[key] = None


def cell_text(value: object) -> str:
    """A cell as the text shown in the sheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    return str(value)


def _texts(sheet: Calamine) -> Iterator[list[str]]:
    for values in sheet.iter_rows():
        yield [cell_text(value) for value in values]


def _header_row(
    sheet: Calamine, header_row: int | None, holds_phone: Callable[[Sequence[str]], bool]
) -> tuple[list[str], int] | None:
    """The header and its row: ``header_row``, else row 1 unless a later row of the first
    :data:`HEADER_SEARCH_ROWS` names a phone column and row 1 does not; None if empty."""
    head = list(islice(_texts(sheet), max(HEADER_SEARCH_ROWS, header_row or 0)))
    if not head:
        return None
    if header_row is not None:
        return (head[header_row - 1], header_row) if header_row <= len(head) else None
    for number, values in enumerate(head, 1):
        if holds_phone(values):
            return values, number
    return head[0], 1


def _has_phone_column(sheet: Calamine, holds_phone: Callable[[Sequence[str]], bool]) -> bool:
    found = _header_row(sheet, None, holds_phone)
    return found is not None and holds_phone(found[0])


def open_sheet(
    source: Path | bytes,
    path: Path,
    name: str | None,
    header_row: int | None,
    holds_phone: Callable[[Sequence[str]], bool],
) -> tuple[list[str], str, int]:
    """The header of the sheet ``name`` (default: the first), the sheet's name and the
    header's row. Without ``name``, a first sheet with no phone column (an instructions
    sheet) is refused naming the sheets that have one."""
    sheet, found, workbook = _sheet(source, path, name)
    header = _header_row(sheet, header_row, holds_phone)
    if header is None:
        if header_row is not None:
            raise ValidationError.single(
                "file.no_header_row", "file", None, {"where": f"{path}, line {header_row}"}
            )
        raise _error("file.empty_sheet", path, sheet=repr(found))
    if name is None and header_row is None and not holds_phone(header[0]):
        others = [
            other
            for other in list(workbook.sheet_names)[1:]
            if _has_phone_column(workbook.get_sheet_by_name(other), holds_phone)
        ]
        if others:
            raise _error(
                "file.sheet_without_phone", path, sheet=repr(found), rows=HEADER_SEARCH_ROWS,
                sheets=", ".join(map(repr, others)),
            )  # fmt: skip
    return header[0], found, header[1]


def sheet_chunks(
    source: Path | bytes, name: str | None, size: int, header_line: int = 1
) -> Iterator[tuple[list[list[str]], list[int], int]]:
    """Records after the header (on row ``header_line``), numbered by sheet row; rows of
    empty or blank cells counted as blank lines.

    Yields (rows, their lines, blank lines) as :class:`~.recipient_files.Chunk` holds
    them: the file reader wraps them, so this module does not import it back."""
    rows: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    sheet, _, _ = _sheet(source, Path("workbook"), name)
    for number, values in enumerate(_texts(sheet), 1):
        if number <= header_line:
            continue
        if not "".join(values).strip():
            blank += 1
            continue
        if len(rows) >= size:
            yield rows, lines, blank
            rows, lines, blank = [], [], 0
        rows.append(values)
        lines.append(number)
    yield rows, lines, blank
