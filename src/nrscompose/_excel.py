"""Excel recipients (``.xlsx``/``.xlsm``), read with python-calamine (the ``excel`` extra).

Cells become the text a person sees in the sheet: a whole number stored as a float
(``34612345678.0``, how Excel keeps phone numbers typed as numbers) is written without the
``.0``, dates as ISO 8601, empty cells as empty text. Rows are numbered as the sheet numbers
them (the header is row 1); fully empty rows are skipped and counted as blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from nrscompose.errors import ArgumentError, ValidationError

__all__ = ["open_sheet", "sheet_chunks"]


def _calamine() -> Any:
    try:
        import python_calamine
    except ImportError:
        raise ArgumentError(
            "reading Excel files needs the excel extra: pip install 'nrscompose[excel]' "
            "(or save the sheet as CSV)"
        ) from None
    return python_calamine


def _refused(kind: str, path: Path, **params: object) -> ValidationError:
    return ValidationError.single(kind, "file", None, {"file": str(path), **params})


def _sheet(path: Path, name: str | None) -> tuple[Any, str]:
    calamine = _calamine()
    _inspected(path, name)
    try:
        workbook = calamine.CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own types for a damaged or foreign file
        raise _refused("workbook.unreadable", path, detail=str(error)) from None
    names = list(workbook.sheet_names)
    if name is None:
        if not names:
            raise _refused("workbook.no_sheet", path)
        name = names[0]
    elif name not in names:
        raise _refused("workbook.unknown_sheet", path, sheet=repr(name),
                       sheets=", ".join(map(repr, names)))  # fmt: skip
    try:
        return workbook.get_sheet_by_name(name), name
    except Exception as error:  # a damaged sheet the inspection could not see
        raise _refused("workbook.unreadable", path, detail=str(error)) from None


# Workbooks already inspected, by path, size, modification time and sheet: the header and the
# records are read by two calls, and each reads the whole sheet's XML once more.
_INSPECTED: dict[tuple[str, int, int, str | None], None] = {}


def _inspected(path: Path, name: str | None) -> None:
    """Refuse a workbook whose sheet would not fit in memory (see nrscompose._workbook_bounds)."""
    from nrscompose._workbook_bounds import inspect_workbook

    status = path.stat()
    key = (str(path.resolve()), status.st_size, status.st_mtime_ns, name)
    if key in _INSPECTED:
        return
    inspect_workbook(path, name)
    if len(_INSPECTED) > 64:
        _INSPECTED.clear()
    _INSPECTED[key] = None


def cell_text(value: Any) -> str:
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


def _rows(path: Path, name: str | None) -> Iterator[list[str]]:
    sheet, _ = _sheet(path, name)
    for values in sheet.iter_rows():
        yield [cell_text(value) for value in values]


def open_sheet(path: Path, name: str | None) -> tuple[list[str], str]:
    """The header (first row) of the sheet ``name`` (default: the first) and the sheet's name."""
    sheet, found = _sheet(path, name)
    for values in sheet.iter_rows():
        return [cell_text(value) for value in values], found
    raise _refused("workbook.empty_sheet", path, sheet=repr(found))


def sheet_chunks(
    path: Path, name: str | None, size: int
) -> Iterator[tuple[list[list[str]], list[int], int]]:
    """Records after the header, numbered by sheet row; empty rows counted as blank lines.

    Yields (rows, their lines, blank lines) as :class:`~nrscompose.recipient_files.Chunk` holds
    them: the file reader wraps them, so this module does not import it back."""
    rows: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    for number, values in enumerate(_rows(path, name), 1):
        if number == 1:
            continue
        if not any(values):
            blank += 1
            continue
        if len(rows) >= size:
            yield rows, lines, blank
            rows, lines, blank = [], [], 0
        rows.append(values)
        lines.append(number)
    yield rows, lines, blank
