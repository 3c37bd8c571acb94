"""What an ``.xlsx`` workbook declares, checked before the workbook reader sees it.

python-calamine keeps a sheet as a dense rectangle from its first to its last cell and loads
every shared string up front, so a 2 KB workbook can ask it for any amount of memory: one cell
at ``XFD1048576`` (or ``<row r="4294967295">``) made it allocate 512 GB and abort the process,
a cell at ``Z1048576`` cost 852 MB, 30 million empty shared strings 1.6 GB, one 300 MB string
1.17 GB. :func:`inspect_workbook` reads the parts the reader would load — the chosen sheet and
the shared strings — as a stream (a zip entry at a time, 64 KB at a time, through expat), keeps
only counts, and refuses with one :class:`~nrscompose.errors.ValidationError` a workbook that

* spans more cells than :func:`span_limit` allows for the cells it holds (the reader's memory
  then stays proportional to the cells that exist), or more than :data:`MAX_SPAN` in all;
* names a row or column beyond Excel's last cell, ``XFD1048576``;
* holds a text longer than :data:`MAX_CELL_TEXT` (Excel's own limit for a cell), shared strings
  totalling more than :data:`MAX_SHARED_TEXT` characters, or many more shared strings than the
  sheet has text cells;
* declares a DTD or an entity (Excel writes neither), is not well-formed XML, or refers to a
  shared string that does not exist;
* unpacks a part to more than :data:`MAX_PART_BYTES`.

A file that is not a zip archive is left to the reader, which names it as such.
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path
from typing import BinaryIO, Final
from xml.parsers import expat

from nrscompose._base.errors import ValidationError

__all__ = [
    "MAX_CELL_TEXT",
    "MAX_PART_BYTES",
    "MAX_SHARED_TEXT",
    "MAX_SPAN",
    "inspect_workbook",
    "span_limit",
]

# Excel's specifications and limits: 1,048,576 rows by 16,384 columns; 32,767 characters a cell.
MAX_ROWS: Final = 1_048_576
MAX_COLUMNS: Final = 16_384
MAX_CELL_TEXT: Final = 32_767
# The reader keeps about 32 bytes per cell of a sheet's rectangle, filled or not: a rectangle
# may be 4 times the cells it holds, or a million cells (32 MB) whatever it holds, and at most
# 20 million cells (640 MB) in all. A larger campaign is estimated from CSV, which streams.
SPAN_PER_CELL: Final = 4
SPAN_FLOOR: Final = 1_000_000
MAX_SPAN: Final = 20_000_000
# Shared strings: characters in all, and how many more strings than text cells the sheet has.
MAX_SHARED_TEXT: Final = 64_000_000
SHARED_STRINGS_FLOOR: Final = 100_000
# Bytes one part of the workbook (a sheet's XML, the shared strings) may unpack to.
MAX_PART_BYTES: Final = 1 << 30
_CHUNK: Final = 1 << 16

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_RELATIONSHIP_ID: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships id"
_SHARED_STRINGS_TYPE: Final = "/sharedStrings"


def span_limit(cells: int) -> int:
    """The most cells a sheet's rectangle may span when it holds ``cells`` cells."""
    return min(MAX_SPAN, max(SPAN_FLOOR, SPAN_PER_CELL * cells))


def _refuse(kind: str, path: Path, **params: object) -> ValidationError:
    return ValidationError.single(kind, "file", None, {"file": str(path), **params})


def inspect_workbook(path: Path, sheet: str | None, source: Path | BinaryIO | None = None) -> None:
    """Refuse ``path`` if reading its sheet ``sheet`` (default: the first) would not fit;
    ``source`` holds the bytes when they are not at ``path`` (an upload)."""
    try:
        archive = zipfile.ZipFile(path if source is None else source)
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # not a workbook: the reader says so
    with archive:
        parts = _Parts(archive, path)
        relationships = parts.relationships("xl/_rels/workbook.xml.rels")
        sheet_part = parts.sheet_part(sheet, relationships)
        if sheet_part is None:
            return  # no such sheet: the reader names the sheets there are
        counts = _SheetScan(path, sheet_part)
        parts.scan(sheet_part, counts)
        counts.check_span()
        shared = next(
            (
                target
                for kind, target in relationships.values()
                if kind.endswith(_SHARED_STRINGS_TYPE)
            ),
            "xl/sharedStrings.xml",
        )
        strings = _SharedStringScan(path, counts.text_cells)
        if parts.has(shared):
            parts.scan(shared, strings)
        if counts.highest_string >= strings.count:
            raise _refuse("workbook.missing_string", path, cell=counts.highest_string_cell,
                          index=counts.highest_string, count=strings.count)  # fmt: skip


class _Scan:
    """Expat handlers of one part; each part's scan keeps counts, never the text."""

    def start(self, name: str, attributes: dict[str, str]) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def text(self, data: str) -> None:
        pass

    def finish(self) -> None:
        pass


class _Parts:
    def __init__(self, archive: zipfile.ZipFile, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.names = {info.filename: info for info in archive.infolist()}

    def has(self, part: str) -> bool:
        return part in self.names

    def scan(self, part: str, scan: _Scan) -> None:
        info = self.names[part]
        if info.file_size > MAX_PART_BYTES:
            raise _refuse("workbook.part_too_large", self.path, part=part, size=info.file_size,
                          limit=MAX_PART_BYTES)  # fmt: skip
        parser = _parser(self.path, part)
        parser.StartElementHandler = scan.start
        if type(scan).end is not _Scan.end:
            parser.EndElementHandler = scan.end
        parser.CharacterDataHandler = scan.text
        parser.buffer_text = True
        try:
            with self.archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    parser.Parse(chunk, False)
            parser.Parse(b"", True)
            scan.finish()
        except ValidationError:
            raise  # a refusal from a handler, already worded
        except expat.ExpatError as error:
            detail = expat.errors.messages.get(error.code, str(error))
            raise _refuse("workbook.malformed", self.path, part=part,
                          detail=f"{detail} (line {error.lineno})") from None  # fmt: skip
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as error:  # a damaged entry
            raise _refuse("workbook.malformed", self.path, part=part, detail=str(error)) from None

    def read_small(self, part: str, scan: _Scan) -> bool:
        if part not in self.names:
            return False
        self.scan(part, scan)
        return True

    def relationships(self, part: str) -> dict[str, tuple[str, str]]:
        found = _Relationships(posixpath.dirname(posixpath.dirname(part)))
        self.read_small(part, found)
        return found.targets

    def sheet_part(
        self, sheet: str | None, relationships: dict[str, tuple[str, str]]
    ) -> str | None:
        sheets = _SheetNames()
        if not self.read_small("xl/workbook.xml", sheets):
            return None
        for name, identifier in sheets.found:
            if sheet is None or name == sheet:
                _, target = relationships.get(identifier, ("", ""))
                return target if target in self.names else None
        return None


def _parser(path: Path, part: str) -> expat.XMLParserType:
    parser = expat.ParserCreate(namespace_separator=" ")

    def refuse_declarations(*_: object) -> None:
        raise _refuse("workbook.declares_entities", path, part=part)

    parser.StartDoctypeDeclHandler = refuse_declarations
    parser.EntityDeclHandler = refuse_declarations
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    return parser


class _SheetNames(_Scan):
    def __init__(self) -> None:
        self.found: list[tuple[str, str]] = []

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == f"{_MAIN} sheet":
            self.found.append((attributes.get("name", ""), attributes.get(_RELATIONSHIP_ID, "")))


class _Relationships(_Scan):
    def __init__(self, base: str) -> None:
        self.base = base
        self.targets: dict[str, tuple[str, str]] = {}

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name.endswith(" Relationship"):
            target = attributes.get("Target", "")
            if target.startswith("/"):
                target = target[1:]
            else:
                target = posixpath.normpath(posixpath.join(self.base, target))
            self.targets[attributes.get("Id", "")] = (attributes.get("Type", ""), target)


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
        if number > MAX_COLUMNS:
            return MAX_COLUMNS + 1
    return number


def _split_reference(reference: str, columns: dict[str, int]) -> tuple[int, int] | None:
    """``"AB12"`` → (column 28, row 12); ``None`` if it is no cell reference. ``columns``
    caches the numbers of the column letters seen."""
    letters = reference.rstrip("0123456789")
    digits = reference[len(letters) :]
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 12:
        return None
    column = columns.get(letters)
    if column is None:
        upper = letters.upper()
        if not (upper.isascii() and upper.isalpha()) or len(columns) > MAX_COLUMNS:
            return None
        column = columns[letters] = _column_number(upper)
    return column, int(digits)


class _SheetScan(_Scan):
    """A sheet's cells: how many, the rectangle they span, the text lengths, string indices."""

    _ROW: Final = f"{_MAIN} row"
    _CELL: Final = f"{_MAIN} c"
    _VALUE: Final = f"{_MAIN} v"
    _TEXT: Final = f"{_MAIN} t"

    def __init__(self, path: Path, part: str) -> None:
        self.path, self.part = path, part
        self.cells = 0
        self.text_cells = 0
        self.row = 0
        self.column = 0
        self.top = self.left = MAX_ROWS + MAX_COLUMNS
        self.bottom = self.right = 0
        self.in_text = False
        self.in_shared_value = False
        self.index_text = ""
        self.text_length = 0
        self.shared_cell = False
        self.highest_string = -1
        self.highest_string_cell = ""
        self.columns: dict[str, int] = {}

    # The handlers run once per element of a sheet of millions: no end handler (a value ends
    # where the next cell or row starts), and column letters are looked up once each.
    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == self._CELL:
            self._end_value()
            self._cell(attributes)
        elif name == self._VALUE or name == self._TEXT:
            self.in_text = True
            self.text_length = 0
            self.in_shared_value = self.shared_cell and name == self._VALUE
        elif name == self._ROW:
            self._end_value()
            self._row(attributes.get("r"))

    def finish(self) -> None:
        self._end_value()

    def _end_value(self) -> None:
        self.in_text = False
        if self.in_shared_value:
            self.in_shared_value = False
            self._shared_index(self.index_text.strip())
            self.index_text = ""

    def text(self, data: str) -> None:
        if not self.in_text:
            return  # the layout between elements: the reader keeps none of it
        self.text_length += len(data)
        if self.text_length > MAX_CELL_TEXT:
            raise _refuse("workbook.text_too_long", self.path, part=self.part,
                          length=self.text_length, limit=MAX_CELL_TEXT)  # fmt: skip
        if self.in_shared_value:
            self.index_text += data

    def _row(self, number: str | None) -> None:
        if number is None:
            self.row += 1
        elif not (number.isascii() and number.isdigit() and len(number) <= 12):
            raise _refuse("workbook.malformed", self.path, part=self.part,
                          detail=f"row number {number[:20]!r}")  # fmt: skip
        else:
            self.row = int(number)
        self.column = 0
        self._check_place(self.row, 1)

    def _cell(self, attributes: dict[str, str]) -> None:
        reference = attributes.get("r")
        if reference is None:
            self.column += 1
        else:
            place = _split_reference(reference, self.columns)
            if place is None:
                raise _refuse("workbook.malformed", self.path, part=self.part,
                              detail=f"cell reference {reference[:20]!r}")  # fmt: skip
            self.column, self.row = place
        row, column = self.row, self.column
        if not (0 < row <= MAX_ROWS and 0 < column <= MAX_COLUMNS):
            self._check_place(row, column)
        self.cells += 1
        self.shared_cell = shared = attributes.get("t") == "s"
        self.text_cells += shared
        if row < self.top:
            self.top = row
        if row > self.bottom:
            self.bottom = row
        if column < self.left:
            self.left = column
        if column > self.right:
            self.right = column

    def _check_place(self, row: int, column: int) -> None:
        if not (1 <= row <= MAX_ROWS and 1 <= column <= MAX_COLUMNS):
            raise _refuse("workbook.beyond_last_cell", self.path, part=self.part,
                          row=row, column=column)  # fmt: skip

    def _shared_index(self, digits: str) -> None:
        if not (digits.isascii() and digits.isdigit() and len(digits) <= 12):
            raise _refuse("workbook.malformed", self.path, part=self.part,
                          detail=f"shared string index {digits[:20]!r}")  # fmt: skip
        index = int(digits)
        if index > self.highest_string:
            self.highest_string = index
            self.highest_string_cell = f"{_letters(self.column)}{self.row}"

    def check_span(self) -> None:
        if not self.cells:
            return
        span = (self.bottom - self.top + 1) * (self.right - self.left + 1)
        limit = span_limit(self.cells)
        if span > limit:
            extent = f"{_letters(self.left)}{self.top}:{_letters(self.right)}{self.bottom}"
            raise _refuse("workbook.too_sparse", self.path, extent=extent, span=span,
                          cells=self.cells, limit=limit)  # fmt: skip


def _letters(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class _SharedStringScan(_Scan):
    _ITEM: Final = f"{_MAIN} si"
    _TEXT: Final = f"{_MAIN} t"

    def __init__(self, path: Path, text_cells: int) -> None:
        self.path = path
        self.count = 0
        self.text_cells = text_cells
        self.limit = max(SHARED_STRINGS_FLOOR, 2 * text_cells)
        self.length = 0
        self.total = 0
        self.in_text = False

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if name == self._ITEM:
            self.count += 1
            self.length = 0
            if self.count > self.limit:
                raise _refuse("workbook.too_many_strings", self.path, limit=self.limit,
                              cells=self.text_cells)  # fmt: skip
        self.in_text = name == self._TEXT

    def end(self, name: str) -> None:
        self.in_text = False

    def text(self, data: str) -> None:
        if not self.in_text:
            return
        self.length += len(data)
        self.total += len(data)
        if self.length > MAX_CELL_TEXT:
            raise _refuse("workbook.text_too_long", self.path, part="xl/sharedStrings.xml",
                          length=self.length, limit=MAX_CELL_TEXT)  # fmt: skip
        if self.total > MAX_SHARED_TEXT:
            raise _refuse("workbook.too_much_text", self.path, limit=MAX_SHARED_TEXT)
