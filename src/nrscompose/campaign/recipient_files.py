"""Campaign files as the estimate reads them: CSV (any usual delimiter and encoding) and Excel.

Everything that can be decided from the file's head is decided before any row is estimated: the
encoding (UTF-8 by default; a UTF-8 or UTF-16 byte-order mark is honoured; a file that is not
UTF-8 is refused naming the encoding it looks like, see
:mod:`~nrscompose._base.text_encodings`), the delimiter (``,``, ``;``, tab or ``|``, detected
from the header unless given; Excel's ``sep=;`` first line is honoured), the header line (line
1, else the first of the first 20 lines that names a phone column, unless ``header_row`` is
given), the column holding phone numbers (recognised by name, accents and case ignored, unless
given) and whether every template placeholder has a column. A file that cannot be read is
refused with its name and line; nothing is guessed per row, so the per-row path stays a
dictionary build. :func:`open_recipient_bytes` reads the same formats from bytes (an upload), by
the same rules.

Rows are exactly those :class:`csv.DictReader` gives for the same file, dialect and encoding,
at any chunk size: the standard parser finds record boundaries (a quote inside an unquoted
field, a quoted line break, CRLF), and blank lines are skipped and counted as such. An
unclosed quote, which ``csv`` silently runs to the end of the file, is reported with the line
where the quote opened. A line of only delimiters or spaces (``;;;;``) is a blank line too,
as an empty row of a workbook is. Line numbers are those of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain, islice
from pathlib import Path
from typing import IO, Any, Final, NamedTuple, Protocol

from nrscompose._base.errors import ArgumentError, Problem, ValidationError
from nrscompose._base.text_encodings import (
    codec_label,
    control_characters,
    describe_encoding,
    plausibility,
    rank_encodings,
    utf16_without_bom,
)
from nrscompose._base.text_encodings import detect_encoding as detect_encoding
from nrscompose._composition.template import Template

__all__ = [
    "DELIMITERS",
    "PHONE_COLUMN_NAMES",
    "Chunk",
    "Frame",
    "RecipientFile",
    "Row",
    "check_template_columns",
    "choose_phone_field",
    "detect_encoding",
    "holds_phone_column",
    "open_recipient_bytes",
    "open_recipients",
    "row_dict",
]

# A recipient row: column -> cell. A file's cells are text; a data frame's or the caller's own
# records' cells are whatever they hold, read as text by the estimate.
Row = Mapping[str, Any]
# A pandas, Arrow or Dask frame: optional libraries, imported only when given, without types.
Frame = Any


class CsvReader(Protocol):
    """What ``csv.reader`` returns: records, and the line the last one ended on."""

    line_num: int

    def __iter__(self) -> Iterator[list[str]]: ...

    def __next__(self) -> list[str]: ...


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
HEADER_SEARCH_ROWS: Final = 20  # a header below a title block is looked for this far down
_SEP_LINE: Final = re.compile(r'^"?sep=(.)"?[,;\t|]*\r?\n?$')  # Excel's delimiter line
# Workbook formats python-calamine reads, by name and by signature (a zip archive: .xlsx,
# .ods; an OLE2 compound file: .xls), so a workbook not named as one is read all the same.
_WORKBOOK_SUFFIXES: Final = {".xlsx": "xlsx", ".xlsm": "xlsx", ".xlsb": "xlsb", ".xls": "xls",
                             ".ods": "ods"}  # fmt: skip
_WORKBOOK_SIGNATURES: Final = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
# Codecs Python calls text encodings that are no file's encoding (they transform text).
_NOT_FILE_ENCODINGS: Final = frozenset(
    {"punycode", "idna", "unicode-escape", "raw-unicode-escape", "undefined"}
)
_SAMPLE_BYTES: Final = 1 << 16  # non-ASCII lines kept for encoding detection


class Chunk(NamedTuple):
    """Consecutive records: their values, the file line where each starts, blank lines seen."""

    rows: list[list[str]]
    lines: list[int]
    blank_lines: int


def row_dict(header: Sequence[str], values: list[str]) -> dict[Any, Any]:  # as DictReader's
    """The row as :class:`csv.DictReader` makes it: missing values ``None``, extra values in a
    list under the key ``None``."""
    row: dict[Any, Any] = dict(zip(header, values, strict=False))
    if len(values) > len(header):
        row[None] = values[len(header) :]
    else:
        for name in header[len(values) :]:
            row[name] = None
    return row


def _where(path: Path, line: int | None = None) -> str:
    return f"{path}" if line is None else f"{path}, line {line}"


def _file_error(
    kind: str, path: Path, line: int | None = None, **params: object
) -> ValidationError:
    """A problem with the file: ``kind`` (``file.*``), ``where`` its name and line."""
    return ValidationError.single(kind, "file", None, {"where": _where(path, line), **params})


def _open_raw(source: Path | bytes) -> IO[bytes]:
    return io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")


@dataclass(frozen=True, slots=True)
class RecipientFile:
    """A recipients file, its header read and its format settled; :meth:`chunks` reads rows.

    ``kind`` is ``"csv"`` or the workbook format (``"xlsx"``, ``"xls"``, ``"ods"``,
    ``"xlsb"``); ``header_line`` the file line (sheet row) of the header; ``warnings`` what a
    person should check about how it was read; ``data`` the file's bytes when it was given
    as bytes (an upload) rather than read from ``path``."""

    path: Path
    header: tuple[str, ...]
    kind: str = "csv"
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    header_line: int = 1
    warnings: tuple[Problem, ...] = ()
    data: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def source(self) -> Path | bytes:
        return self.data if self.data is not None else self.path

    def describe(self) -> dict[str, Any]:  # the keyword arguments of report.InputFile
        """How the file was read, for the report."""
        found: dict[str, Any] = {"file": str(self.path), "format": self.kind}
        if self.kind == "csv":
            found["encoding"] = _encoding_label(self.encoding or "utf-8")
            found["delimiter"] = self.delimiter
        else:
            found["sheet"] = self.sheet
        found["header_line"] = self.header_line
        found["warnings"] = self.warnings
        return found

    def chunks(self, size: int) -> Iterator[Chunk]:
        """Records in chunks of ``size`` (the last may be shorter), in file order."""
        if self.kind != "csv":
            from nrscompose.campaign.excel import sheet_chunks

            rows = sheet_chunks(self.source, self.sheet, size, self.header_line)
            yield from (Chunk(*chunk) for chunk in rows)
            return
        assert self.encoding is not None
        assert self.delimiter is not None
        with _open_raw(self.source) as raw:
            text = io.TextIOWrapper(raw, encoding=self.encoding, newline="")
            for _ in range(self.header_line - 1):  # the lines above the header
                text.readline()
            reader = csv.reader(chain(text, (_END_LINE,)), delimiter=self.delimiter)
            yield from _csv_chunks(self, reader, size)


def _is_blank(values: list[str]) -> bool:
    """A record of only delimiters or spaces (``;;;;``): a blank line, as in a workbook.
    Most records are decided by their first cell."""
    return not values or (not values[0].strip() and not "".join(values).strip())


def _csv_chunks(source: RecipientFile, reader: CsvReader, size: int) -> Iterator[Chunk]:
    rows: list[list[str]] = []
    lines: list[int] = []
    blank = 0
    above = source.header_line - 1
    last = 0
    try:
        next(reader)  # the header, already read by open_recipients
        last = reader.line_num
        for values in reader:
            start, last = last + 1, reader.line_num
            if _is_blank(values):
                blank += 1
                continue
            if len(rows) >= size:  # yielded only when a further record exists: see below
                yield Chunk(rows, lines, blank)
                rows, lines, blank = [], [], 0
            rows.append(values)
            lines.append(start + above)
    except UnicodeDecodeError as error:
        raise _decode_error(source.path, source.source, source.encoding or "", error) from None
    except csv.Error as error:
        raise _parse_error(source.path, last + 1 + above, error) from None
    # The last record is the end marker, unless a quote left open swallowed it (and every
    # line after the quote): the one record a plain reader would silently get wrong.
    if rows and rows[-1] == [_END]:
        rows.pop()
        lines.pop()
    elif rows:
        raise _file_error("file.unclosed_quote", source.path, lines[-1])
    yield Chunk(rows, lines, blank)


def _parse_error(path: Path, line: int, error: csv.Error) -> ValidationError:
    if "field limit" in str(error):
        return _file_error("file.field_too_long", path, line, limit=f"{_FIELD_LIMIT:,}")
    return _file_error("file.not_csv", path, line, detail=str(error))


def _encoding_label(encoding: str) -> str:
    name = codecs.lookup(encoding).name
    labels = {"utf-8-sig": "UTF-8 with BOM", "utf-8": "UTF-8", "utf-16": "UTF-16"}
    return labels.get(name) or codec_label(name)


def _detected(path: Path, source: Path | bytes) -> dict[str, str] | None:
    """The params naming the encoding the file's non-ASCII lines look like, or None."""
    ranked = rank_encodings(_non_ascii_lines(source))
    if not ranked:
        return None
    return {"detected": describe_encoding(ranked[0]), "codec": _codec_name(ranked[0])}


def _codec_name(encoding: str) -> str:
    """The name to type after --encoding (Python accepts any spelling; these are usual)."""
    return codec_label(encoding)


def _decode_error(
    path: Path, source: Path | bytes, encoding: str, error: UnicodeDecodeError
) -> ValidationError:
    """Which line holds the byte that is not ``encoding`` (found again from the raw bytes,
    since the text layer decodes ahead of the parser), and what the file looks like."""
    decoder = codecs.getincrementaldecoder(encoding)()
    line = None
    with _open_raw(source) as raw:
        for number, data in enumerate(raw, 1):
            try:
                decoder.decode(data)
            except UnicodeDecodeError:
                line = number
                break
    byte = "0x" + error.object[error.start : error.start + 1].hex()
    label = _encoding_label(encoding)
    found = _detected(path, source)
    if found is None:
        return _file_error("file.unknown_encoding", path, line, byte=byte, encoding=label)
    return _file_error("file.wrong_encoding", path, line, byte=byte, encoding=label, **found)


def _non_ascii_lines(source: Path | bytes, limit: int = _SAMPLE_BYTES) -> bytes:
    """The file's lines that are not ASCII, up to ``limit`` bytes: what tells encodings
    apart (the ASCII lines read the same in all of them)."""
    kept: list[bytes] = []
    size = 0
    with _open_raw(source) as raw:
        for line in raw:
            if line.isascii():
                continue
            kept.append(line)
            size += len(line)
            if size >= limit:
                break
    return b"".join(kept)


_CONTROL: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _check_decodes(path: Path, source: Path | bytes, encoding: str, forced: bool) -> None:
    """Decode the whole file once before any row is estimated (a C-speed pass, small next to
    the estimate), so a bad byte on the last line stops the run before it starts.

    A file given a one-byte encoding (cp1252, latin-1) that is also valid UTF-8 with accents
    is refused: read as cp1252, every "é" would silently become "Ã©". A forced encoding that
    yields control characters (a cp1252 "€" read as latin-1 is U+0080) is refused too."""
    decoder = codecs.getincrementaldecoder(encoding)()
    as_utf8: codecs.IncrementalDecoder | None = None
    if not encoding.startswith("utf"):
        as_utf8 = codecs.getincrementaldecoder("utf-8")()
    accented = controls = False
    with _open_raw(source) as raw:
        try:
            while block := raw.read(1 << 20):
                text = decoder.decode(block)
                controls = controls or (forced and _CONTROL.search(text) is not None)
                if as_utf8 is not None:
                    accented = accented or not block.isascii()
                    as_utf8 = _still_utf8(as_utf8, block)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError as error:
            raise _decode_error(path, source, encoding, error) from None
    if as_utf8 is not None and accented and _still_utf8(as_utf8, b"", final=True):
        raise _file_error("file.utf_read_as_legacy", path, encoding=codec_label(encoding))
    if controls:
        raise _control_error(path, source, encoding)


def _control_error(path: Path, source: Path | bytes, encoding: str) -> ValidationError:
    """Which control characters ``encoding`` made of the file, on which lines."""
    with _open_raw(source) as raw:
        text = io.TextIOWrapper(raw, encoding=encoding, newline="").read()
    found = control_characters(text)
    shown = ", ".join(f"U+{ord(char):04X} on line {line}" for line, char in found[:5])
    if len(found) > 5:
        shown += f" and {len(found) - 5} more"
    wide = utf16_without_bom(_head(source, 4096))
    if wide is not None:  # before the code pages: its NUL bytes read as controls in all
        detected: dict[str, str] | None = {"detected": describe_encoding(wide), "codec": wide}
    else:
        detected = _detected(path, source) if not encoding.startswith("utf") else None
    params: dict[str, object] = {
        "encoding": codec_label(encoding),
        "found": shown,
        "known": detected is not None,
    }
    params.update(detected or {"detected": "", "codec": ""})
    return ValidationError.single(
        "file.control_characters", "file", None, {"where": _where(path), **params}
    )


def _head(source: Path | bytes, size: int) -> bytes:
    with _open_raw(source) as raw:
        return raw.read(size)


def _encoding_doubt(path: Path, source: Path | bytes, encoding: str) -> Problem | None:
    """A warning when the file read as the forced ``encoding`` looks garbled while another
    candidate reads it plausibly (a Mac Roman file forced as cp1252: "JosŽ")."""
    if encoding.startswith(("utf", "utf_")):
        return None
    sample = _non_ascii_lines(source)
    if not sample:
        return None
    forced_text = sample.decode(encoding, "replace")
    ranked = rank_encodings(sample)
    if not ranked or plausibility(forced_text) >= 0:
        return None
    best = ranked[0]
    if plausibility(sample.decode(best)) <= plausibility(forced_text):
        return None
    word = _garbled_word(forced_text)
    return Problem(
        "file.encoding_doubt",
        "file",
        None,
        {
            "where": _where(path),
            "encoding": codec_label(encoding),
            "sample": word,
            "detected": describe_encoding(best),
            "codec": _codec_name(best),
        },
    )


def _garbled_word(text: str) -> str:
    """The first word of ``text`` holding a character the plausibility check counts against."""
    for word in re.findall(r"[^\s,;|\t]+", text):
        if not word.isascii() and plausibility(word) < 0:
            return repr(word[:30])
    return repr(text.split()[0][:30]) if text.split() else "''"


def _still_utf8(
    decoder: codecs.IncrementalDecoder, block: bytes, final: bool = False
) -> codecs.IncrementalDecoder | None:
    """The UTF-8 decoder if ``block`` continues valid UTF-8, else None."""
    try:
        decoder.decode(block, final)
    except UnicodeDecodeError:
        return None
    return decoder


def _checked_encoding(encoding: str) -> str:
    """The codec name of a text encoding a file may be in; refuses the others (rot13, zlib,
    base64, punycode…), which transform text rather than read a file."""
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise ValidationError.single(
            "file.unknown_encoding_name", "encoding", None, {"value": repr(encoding)}
        ) from None
    if not info._is_text_encoding or info.name in _NOT_FILE_ENCODINGS:
        raise ValidationError.single(
            "file.not_text_encoding", "encoding", None, {"value": repr(encoding)}
        )
    return info.name


def _resolve_encoding(path: Path, source: Path | bytes, encoding: str | None) -> str:
    name = _checked_encoding(encoding) if encoding is not None else "utf-8"
    head = _head(source, 4096)
    if head.startswith(codecs.BOM_UTF8) and name.startswith("utf-8"):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and (
        encoding is None or name.startswith("utf-16")
    ):
        return "utf-16"
    wide = utf16_without_bom(head)
    if encoding is None and wide is not None:
        raise _file_error(
            "file.no_byte_order_mark", path, 1, detected=describe_encoding(wide), codec=wide
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
    header_row: int | None = None,
    phone_field: str | None = None,
) -> RecipientFile:
    """Open a recipients file and read its header: CSV, or a workbook (``.xlsx``, ``.xlsm``,
    ``.xls``, ``.ods``, ``.xlsb``: read with python-calamine, whatever its name).

    ``header_row`` forces the line (sheet row) of the header; by default it is line 1 unless
    that names no phone column (``phone_field``, or one named as such) and one of the next
    lines does. Raises :class:`ValidationError` naming the file (and line) when it is empty,
    not in the encoding (naming the one it looks like), or its header is unreadable.
    """
    source = Path(path)
    if source.is_dir():
        raise _file_error("file.is_folder", source)
    if source.exists() and not source.is_file():  # a pipe is read once; the header needs twice
        raise _file_error("file.not_regular", source)
    if not source.exists():
        raise _file_error("file.not_found", source)
    return _open(source, None, encoding, delimiter, sheet, header_row, phone_field)


def open_recipient_bytes(
    data: bytes,
    name: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
    phone_field: str | None = None,
) -> RecipientFile:
    """:func:`open_recipients` for a file's bytes (an upload); ``name`` is the name the
    messages give it (its suffix says .xlsx, .ods… as a path's would)."""
    if not isinstance(data, bytes):
        raise ArgumentError(f"data must be bytes, not {type(data).__name__}")
    return _open(Path(name), data, encoding, delimiter, sheet, header_row, phone_field)


def _open(
    path: Path,
    data: bytes | None,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    header_row: int | None,
    phone_field: str | None,
) -> RecipientFile:
    source: Path | bytes = data if data is not None else path
    if header_row is not None and (isinstance(header_row, bool) or not isinstance(header_row, int)
                                   or header_row < 1):  # fmt: skip
        raise ArgumentError(f"header_row is a line number, 1 or more, not {header_row!r}")
    workbook = _workbook_kind(path, source)
    if workbook is not None:
        from nrscompose.campaign.excel import open_sheet

        def holds(names: Sequence[str]) -> bool:
            return holds_phone_column(names, phone_field)

        header, found_sheet, line = open_sheet(source, path, sheet, header_row, holds)
        return RecipientFile(
            path, _checked_header(path, header, line), workbook, sheet=found_sheet,
            header_line=line, data=data,
        )  # fmt: skip
    if sheet is not None:
        raise ArgumentError(f"--sheet applies to workbooks, not to {path.name}")
    if delimiter is not None and len(delimiter) != 1:
        names = ", ".join(repr(d) for d in DELIMITERS)
        raise ArgumentError(f"a delimiter is one character (e.g. {names}), not {delimiter!r}")
    if not _head(source, 1):
        raise _file_error("file.empty", path)
    resolved = _resolve_encoding(path, source, encoding)
    _check_decodes(path, source, resolved, forced=encoding is not None)
    doubt = _encoding_doubt(path, source, resolved) if encoding is not None else None
    with _open_raw(source) as raw:
        text = io.TextIOWrapper(raw, encoding=resolved, newline="")
        head = list(islice(text, max(HEADER_SEARCH_ROWS + 1, header_row or 0)))
        index, chosen = _header_index(path, head, delimiter, header_row, phone_field)
        try:
            reader = csv.reader(chain(head[index:], text, (_END_LINE,)), delimiter=chosen)
            header = next(reader)
        except UnicodeDecodeError as error:
            raise _decode_error(path, source, resolved, error) from None
        except csv.Error as error:
            raise _parse_error(path, index + 1, error) from None
    if header and _END in header[-1]:
        raise _file_error("file.header_unclosed_quote", path, index + 1)
    return RecipientFile(
        path, _checked_header(path, header, index + 1), "csv", resolved, chosen,
        header_line=index + 1, warnings=(doubt,) if doubt else (), data=data,
    )  # fmt: skip


def _header_index(
    path: Path,
    head: list[str],
    delimiter: str | None,
    header_row: int | None,
    phone_field: str | None,
) -> tuple[int, str]:
    """The index in ``head`` (the file's first lines) of the header, and the delimiter.

    Excel's ``sep=;`` line names the delimiter; then the header is line 1 (after ``sep=``)
    unless a later line of the first :data:`HEADER_SEARCH_ROWS` names a phone column and it
    does not (a title and notes above the table)."""
    start = 0
    sep = _SEP_LINE.match(head[0]) if head else None
    if sep is not None:
        delimiter = delimiter or sep.group(1)
        start = 1
    if header_row is not None:
        if header_row > len(head):
            raise _file_error("file.no_header_row", path, header_row)
        return header_row - 1, delimiter or _detect_delimiter(head[header_row - 1])
    for index in range(start, min(len(head), start + HEADER_SEARCH_ROWS)):
        chosen = delimiter or _detect_delimiter(head[index])
        names = next(csv.reader([head[index]], delimiter=chosen), [])
        if holds_phone_column(names, phone_field):
            return index, chosen
    index = min(start, max(len(head) - 1, 0))
    return index, delimiter or _detect_delimiter(head[index] if head else "")


def _workbook_kind(path: Path, source: Path | bytes) -> str | None:
    """The workbook format when the file is one (by name, or by its first bytes)."""
    kind = _WORKBOOK_SUFFIXES.get(path.suffix.lower())
    if kind is not None:
        return kind
    if isinstance(source, Path) and not source.exists():
        return None
    if _head(source, 8).startswith(_WORKBOOK_SIGNATURES):
        return "xls" if _head(source, 8).startswith(_WORKBOOK_SIGNATURES[1]) else "xlsx"
    return None


def _checked_header(source: Path, header: Sequence[str], line: int = 1) -> tuple[str, ...]:
    if not header or header == [_END] or not any(name.strip() for name in header):
        raise _file_error("file.blank_header", source, line)
    return tuple(header)


def holds_phone_column(names: Iterable[str], given: str | None = None) -> bool:
    """Whether a header names a phone column: ``given``, or one named as such."""
    columns = [str(n) for n in names]
    if given is not None:
        return given in columns
    return any(
        _normal(n).replace(" ", "") in PHONE_COLUMN_NAMES
        or _PHONE_WORDS.intersection(_normal(n).split())
        for n in columns
    )


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
        params = {
            "column": repr(given),
            "columns": listed,
            "suggested": bool(close),
            "suggestion": repr(close[-1]) if close else "",
        }
        raise ValidationError.single("file.no_such_phone_column", "phone_field", None, params)
    whole = [n for n in names if _normal(n).replace(" ", "") in PHONE_COLUMN_NAMES]
    found = whole or [n for n in names if _PHONE_WORDS.intersection(_normal(n).split())]
    found = list(dict.fromkeys(found))
    if len(found) == 1:
        return _named_once(names, found[0], "phone_field")
    if found:
        tied = " and ".join(repr(n) for n in found)
        raise ValidationError.single(
            "file.phone_columns_tied", "phone_field", None, {"columns": tied}
        )
    raise ValidationError.single("file.no_phone_column", "phone_field", None, {"columns": listed})


def _named_once(names: list[str], name: str, field: str) -> str:
    """``name``, refused when two columns bear it: ``csv.DictReader`` keeps the last one's
    values and the other column would be ignored without a word. The header is at fault,
    whichever option named the column."""
    if names.count(name) > 1:
        raise ValidationError.single("file.duplicate_column", "file", None, {"column": repr(name)})
    return name


def check_template_columns(template: Template, columns: Iterable[str]) -> None:
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
