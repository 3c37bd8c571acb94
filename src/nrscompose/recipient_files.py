"""Campaign files as the estimate reads them: CSV (any usual delimiter and encoding) and Excel.

Everything that can be decided from the file's first line is decided before any row is
estimated: the encoding (UTF-8 by default; a UTF-8 or UTF-16 byte-order mark is honoured), the
delimiter (``,``, ``;``, tab or ``|``, detected from the header unless given), the column
holding phone numbers (recognised by name, accents and case ignored, unless given) and whether
every template placeholder has a column. A file that cannot be read is refused with its name and
line; nothing is guessed per row, so the per-row path stays a dictionary build.

Rows are exactly those :class:`csv.DictReader` gives for the same file, dialect and encoding,
at any chunk size: the standard parser finds record boundaries (a quote inside an unquoted
field, a quoted line break, CRLF), and blank lines are skipped and counted as such. An
unclosed quote, which ``csv`` silently runs to the end of the file, is reported with the line
where the quote opened. Line numbers are those of the file (the header is line 1).
"""

from __future__ import annotations

import codecs
import csv
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Final, NamedTuple

from nrscompose.errors import ArgumentError, Problem, ValidationError

__all__ = [
    "DELIMITERS",
    "PHONE_COLUMN_NAMES",
    "Chunk",
    "RecipientFile",
    "check_template_columns",
    "choose_phone_field",
    "open_recipients",
    "row_dict",
]

DELIMITERS: Final = (",", ";", "\t", "|")
_DELIMITER_NAMES: Final = {",": "comma", ";": "semicolon", "\t": "tab", "|": "vertical bar"}
# Column names that hold phone numbers, compared without accents, case, spaces or punctuation.
PHONE_COLUMN_NAMES: Final = (
    "phone", "phonenumber", "telephone", "tel", "mobile", "mobilenumber", "mobilephone",
    "msisdn", "number", "cell", "cellphone", "cellular", "telefono", "telefone", "movil",
    "celular", "telemovel", "portable", "handy", "gsm", "numero", "recipient", "to",
)  # fmt: skip
# Words that mark a longer column name ("Customer phone", "Teléfono móvil") as a phone column;
# "number" alone is too common ("order number") to count inside a longer name.
_PHONE_WORDS: Final = frozenset(PHONE_COLUMN_NAMES) - {"number", "numero", "to", "recipient"}
# A line no decoded file can hold (a lone surrogate), fed to the parser after the last line:
# it comes back as the record [_END] of its own; a quote left open swallows it, line break
# included, so the last field then holds more than _END.
_END: Final = "\udfff"
_END_LINE: Final = _END + "\n"
_FIELD_LIMIT: Final = csv.field_size_limit()


class Chunk(NamedTuple):
    """Consecutive records: their values, the file line where each starts, blank lines seen."""

    rows: list[list[str]]
    lines: list[int]
    blank_lines: int


def row_dict(header: Sequence[str], values: list[str]) -> dict[Any, Any]:
    """The row as :class:`csv.DictReader` makes it: missing values ``None``, extra values in a
    list under the key ``None``."""
    row: dict[Any, Any] = dict(zip(header, values, strict=False))
    if len(values) > len(header):
        row[None] = values[len(header) :]
    else:
        for name in header[len(values) :]:
            row[name] = None
    return row


def _file_error(path: Path, message: str, line: int | None = None) -> ValidationError:
    where = f"{path}" if line is None else f"{path}, line {line}"
    return ValidationError.invalid("file", f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class RecipientFile:
    """A recipients file, its header read and its format settled; :meth:`chunks` reads rows."""

    path: Path
    header: tuple[str, ...]
    kind: str = "csv"  # or "xlsx"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    def describe(self) -> dict[str, Any]:
        """How the file was read, for the report."""
        found: dict[str, Any] = {"file": str(self.path), "format": self.kind}
        if self.kind == "csv":
            found["encoding"] = _encoding_label(self.encoding or "utf-8")
            found["delimiter"] = self.delimiter
        else:
            found["sheet"] = self.sheet
        return found

    def chunks(self, size: int) -> Iterator[Chunk]:
        """Records in chunks of ``size`` (the last may be shorter), in file order."""
        if self.kind == "xlsx":
            from nrscompose._excel import sheet_chunks

            yield from (Chunk(*chunk) for chunk in sheet_chunks(self.path, self.sheet, size))
            return
        assert self.encoding is not None
        assert self.delimiter is not None
        with self.path.open(newline="", encoding=self.encoding) as source:
            reader = csv.reader(chain(source, (_END_LINE,)), delimiter=self.delimiter)
            yield from _csv_chunks(self.path, self.encoding, reader, size)


def _csv_chunks(path: Path, encoding: str, reader: Any, size: int) -> Iterator[Chunk]:
    rows: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    last = 0
    try:
        next(reader)  # the header, already read by open_recipients
        last = reader.line_num
        for values in reader:
            start, last = last + 1, reader.line_num
            if not values:
                blank += 1
                continue
            if len(rows) >= size:  # yielded only when a further record exists: see below
                yield Chunk(rows, lines, blank)
                rows, lines, blank = [], [], 0
            rows.append(values)
            lines.append(start)
    except UnicodeDecodeError as error:
        raise _decode_error(path, encoding, error) from None
    except csv.Error as error:
        raise _parse_error(path, last + 1, error) from None
    # The last record is the end marker, unless a quote left open swallowed it (and every
    # line after the quote): the one record a plain reader would silently get wrong.
    if rows and rows[-1] == [_END]:
        rows.pop()
        lines.pop()
    elif rows:
        raise _file_error(
            path,
            "a quote opened here is never closed, so every following line would be part of "
            'one field; close it, or double a quote that is part of the value ("")',
            lines[-1],
        )
    yield Chunk(rows, lines, blank)


def _parse_error(path: Path, line: int, error: csv.Error) -> ValidationError:
    if "field limit" in str(error):
        return _file_error(
            path,
            f"a field is longer than {_FIELD_LIMIT:,} characters; a quote left open is the "
            "usual cause",
            line,
        )
    return _file_error(path, f"not readable as CSV ({error})", line)


def _encoding_label(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    return {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "utf-16": "UTF-16"}.get(name, name)


def _decode_error(path: Path, encoding: str, error: UnicodeDecodeError) -> ValidationError:
    """Which line holds the byte that is not ``encoding``: found again from the raw bytes,
    since the text layer decodes ahead of the parser."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = None
    with path.open("rb") as raw:
        for number, data in enumerate(raw, 1):
            try:
                decoder.decode(data)
            except UnicodeDecodeError:
                line = number
                break
    byte = error.object[error.start : error.start + 1]
    hint = (
        "; files saved by Excel on Windows are usually cp1252: try --encoding cp1252 "
        "(encoding='cp1252' in Python)"
        if codecs.lookup(encoding).name.startswith("utf-8")
        else "; give the file's encoding with --encoding"
    )
    label = _encoding_label(encoding)
    return _file_error(path, f"byte 0x{byte.hex()} is not {label}{hint}", line)


def _looks_like_utf16(head: bytes) -> bool:
    """An ASCII header written as UTF-16: every other byte of its start is NUL."""
    start = head[:8]
    return len(start) == 8 and b"\x00\x00\x00\x00" in (start[0::2], start[1::2])


def _check_decodes(path: Path, encoding: str) -> None:
    """Decode the whole file once before any row is estimated (a C-speed pass, small next to
    the estimate), so a bad byte on the last line stops the run before it starts.

    A file given a one-byte encoding (cp1252, latin-1) that is also valid UTF-8 with accents
    is refused: read as cp1252, every "é" would silently become "Ã©"."""
    decoder = codecs.getincrementaldecoder(encoding)()
    as_utf8 = None if encoding.startswith("utf") else codecs.getincrementaldecoder("utf-8")()
    accented = False
    with path.open("rb") as raw:
        try:
            while block := raw.read(1 << 20):
                decoder.decode(block)
                if as_utf8 is not None:
                    accented = accented or not block.isascii()
                    as_utf8 = _still_utf8(as_utf8, block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise _decode_error(path, encoding, error) from None
    if as_utf8 is not None and accented and _still_utf8(as_utf8, b"", final=True):
        raise _file_error(
            path,
            f"the file is UTF-8 with accented letters; read as {encoding} they would be "
            "garbled (é as Ã©): leave out --encoding",
        )


def _still_utf8(decoder: Any, block: bytes, final: bool = False) -> Any:
    """The UTF-8 decoder if ``block`` continues valid UTF-8, else None."""
    try:
        decoder.decode(block, final)
    except UnicodeDecodeError:
        return None
    return decoder


def _resolve_encoding(path: Path, encoding: str | None) -> str:
    if encoding is not None:
        try:
            name = codecs.lookup(encoding).name
        except LookupError:
            raise ArgumentError(f"unknown encoding {encoding!r}; e.g. utf-8, cp1252") from None
    else:
        name = "utf-8"
    with path.open("rb") as raw:
        head = raw.read(64)
    if head.startswith(codecs.BOM_UTF8) and name.startswith("utf-8"):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and (
        encoding is None or name.startswith("utf-16")
    ):
        return "utf-16"
    if _looks_like_utf16(head) and not name.startswith(("utf-16", "utf-32")):
        raise _file_error(
            path,
            "the file holds NUL bytes: it looks like UTF-16 without a byte-order mark; "
            "try --encoding utf-16-le (encoding='utf-16-le' in Python)",
            1,
        )
    return name


def _detect_delimiter(first_line: str) -> str:
    """The candidate that splits the header into the most columns (comma when none does)."""
    best, most = ",", 1
    for delimiter in DELIMITERS:
        count = len(next(csv.reader([first_line], delimiter=delimiter), []))
        if count > most:
            best, most = delimiter, count
    return best


def describe_delimiter(delimiter: str) -> str:
    return _DELIMITER_NAMES.get(delimiter, repr(delimiter))


def open_recipients(
    path: str | Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
) -> RecipientFile:
    """Open a recipients file and read its header: CSV, or Excel (``.xlsx``/``.xlsm``).

    Raises :class:`ValidationError` naming the file (and line) when it is empty, not in the
    encoding, or its header is unreadable; :class:`ArgumentError` for an unknown encoding or a
    delimiter that is not one character.
    """
    source = Path(path)
    if source.is_dir():
        raise _file_error(source, "is a folder, not a file")
    if source.exists() and not source.is_file():  # a pipe is read once; the header needs twice
        raise _file_error(source, "is not a regular file (a pipe?); save it to a file first")
    if source.suffix.lower() in (".xlsx", ".xlsm"):
        from nrscompose._excel import open_sheet

        header, found_sheet = open_sheet(source, sheet)
        return RecipientFile(source, _checked_header(source, header), "xlsx", sheet=found_sheet)
    if sheet is not None:
        raise ArgumentError(f"--sheet applies to Excel files, not to {source.name}")
    if delimiter is not None and len(delimiter) != 1:
        names = ", ".join(repr(d) for d in DELIMITERS)
        raise ArgumentError(f"a delimiter is one character (e.g. {names}), not {delimiter!r}")
    if source.stat().st_size == 0:
        raise _file_error(source, "the file is empty; expected a header line such as phone,name")
    _refuse_workbook_as_csv(source)
    resolved = _resolve_encoding(source, encoding)
    _check_decodes(source, resolved)
    with source.open(newline="", encoding=resolved) as text:
        try:
            first_line = text.readline()
            chosen = delimiter or _detect_delimiter(first_line)
            reader = csv.reader(chain([first_line], text, (_END_LINE,)), delimiter=chosen)
            header = next(reader)
        except UnicodeDecodeError as error:
            raise _decode_error(source, resolved, error) from None
        except csv.Error as error:
            raise _parse_error(source, 1, error) from None
    if header and _END in header[-1]:
        raise _file_error(source, "a quote in the header is never closed", 1)
    return RecipientFile(source, _checked_header(source, header), "csv", resolved, chosen)


# A zip archive (.xlsx, .ods) or an OLE2 compound file (.xls): no CSV starts like that.
_WORKBOOK_SIGNATURES: Final = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def _refuse_workbook_as_csv(source: Path) -> None:
    """A workbook not named .xlsx would be read as CSV and refused for its encoding, with
    the advice ``--encoding cp1252``, which cannot help."""
    with source.open("rb") as raw:
        head = raw.read(8)
    if head.startswith(_WORKBOOK_SIGNATURES):
        raise _file_error(
            source,
            "is a spreadsheet workbook (.xls, .ods or a renamed .xlsx), not CSV text; "
            "save it as .xlsx or as CSV",
        )


def _checked_header(source: Path, header: Sequence[str]) -> tuple[str, ...]:
    if not header or header == [_END] or not any(name.strip() for name in header):
        raise _file_error(source, "the first line is blank; expected a header such as phone,name")
    return tuple(header)


def _normal(name: str) -> str:
    stripped = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c if c.isalnum() else " " for c in stripped if not unicodedata.combining(c))


def choose_phone_field(columns: Iterable[str], given: str | None = None) -> str:
    """The column that holds phone numbers: ``given`` when it is a column, else the one column
    whose name says so. Refuses, listing the columns, when none or several do."""
    names = [str(c) for c in columns]
    listed = ", ".join(repr(n) for n in names) or "none"
    if given is not None:
        if given in names:
            return _named_once(names, given, "phone_field")
        from difflib import get_close_matches  # only on this error path: a slow import

        close = get_close_matches(given, names, n=1, cutoff=0.6)
        close += [n for n in names if _normal(n) == _normal(given)][:1]
        hint = f"; did you mean {close[-1]!r}?" if close else ""
        raise ValidationError.invalid(
            "phone_field", f"no column {given!r} in the file (columns: {listed}){hint}"
        )
    whole = [n for n in names if _normal(n).replace(" ", "") in PHONE_COLUMN_NAMES]
    found = whole or [n for n in names if _PHONE_WORDS.intersection(_normal(n).split())]
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        return _named_once(names, found[0], "phone_field")
    if found:
        tied = " and ".join(repr(n) for n in found)
        raise ValidationError.invalid(
            "phone_field",
            f"columns {tied} could both hold the phone numbers; choose one with "
            "--phone-field NAME (phone_field= in Python)",
        )
    raise ValidationError.invalid(
        "phone_field",
        f"no column holds phone numbers (columns: {listed}); name it with --phone-field NAME "
        "(phone_field= in Python), or call it phone, mobile, msisdn, teléfono, móvil, "
        "celular, telemóvel or portable",
    )


def _named_once(names: list[str], name: str, field: str) -> str:
    """``name``, refused when two columns bear it: ``csv.DictReader`` keeps the last one's
    values and the other column would be ignored without a word."""
    if names.count(name) > 1:
        raise ValidationError.invalid(
            field, f"two columns are named {name!r} in the header; rename one of them"
        )
    return name


def check_template_columns(template: Any, columns: Iterable[str]) -> None:
    """Every placeholder the template fills from values must be a column (server-filled ones
    such as ``{OTP_CODE}`` are not); checked once, before any row is read."""
    names = [str(c) for c in columns]
    present = set(names)
    problems = []
    for placeholder in template.placeholders:
        if placeholder.reserved:
            continue
        if placeholder.name in present:
            _named_once(names, placeholder.name, "template")
            continue
        from difflib import get_close_matches

        close = get_close_matches(placeholder.name, names, n=1, cutoff=0.6)
        params = {
            "placeholder": "{" + placeholder.name + "}",
            "index": placeholder.start,
            "columns": ", ".join(names),
            "suggested": bool(close),
            "suggestion": "{" + close[0] + "}" if close else "",
        }
        span = (placeholder.start, placeholder.end)
        problems.append(Problem("template.no_column", "template", span, params))
    if problems:
        raise ValidationError(problems)
