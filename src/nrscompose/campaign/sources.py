"""Where a campaign's recipients come from, every kind behind one protocol.

A :class:`Source` is opened in one call: its header is read and checked against the plan (the
country column, a column for every placeholder), and its phone column chosen, before any row
is estimated. Then :meth:`Source.chunks` gives its records as :class:`Rows`: each record with
its line (the file line where it starts, or its position from 1). One adapter per kind:

* a CSV or workbook file (:class:`FileSource`, through :mod:`.recipient_files`);
* rows given in Python, and the rows of a pandas ``DataFrame`` or a pyarrow ``Table``
  (:class:`RecordSource`), a frame's empty cells left out;
* a Dask ``DataFrame`` (:class:`DaskFrameSource`), whose partitions may be read elsewhere.

A frame is recognised by its class in the libraries already imported (``sys.modules``): an
object cannot be a pandas frame unless pandas was imported, so nothing here imports it.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, chain, islice
from pathlib import Path
from typing import Any, Final, NamedTuple, Protocol, TypeGuard

from nrscompose._base.errors import ValidationError
from nrscompose.campaign.plan import CampaignPlan
from nrscompose.campaign.recipient_files import (
    Frame,
    RecipientFile,
    Row,
    check_template_columns,
    choose_phone_field,
    open_recipients,
    row_dict,
)

__all__ = [
    "CHUNK_ROWS",
    "DaskFrameSource",
    "FileRows",
    "FileSource",
    "RecordRows",
    "RecordSource",
    "Rows",
    "Source",
    "checked_phone_column",
    "frame_records",
    "is_path_list",
    "open_data",
    "open_files",
    "read_csv",
]

CHUNK_ROWS: Final = 20_000  # records read at once: what a worker gets, what a reader holds


class Rows(Protocol):
    """Consecutive records of one source, and the blank lines skipped among them."""

    @property
    def blank_lines(self) -> int: ...

    def numbered(self) -> Iterator[tuple[int, Row]]:
        """Each record with its line: the file line where it starts, or its position from 1."""
        ...


class Source(Protocol):
    """One input of a campaign, opened: its header checked and its phone column chosen.

    ``name`` is what the report's samples call it (the file's name when a campaign reads
    several, else empty) and ``ordinal`` its place among the campaign's inputs."""

    @property
    def phone_field(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def ordinal(self) -> int: ...

    def chunks(self, size: int) -> Iterator[Rows]:
        """The records in order, ``size`` at a time (the last chunk may be shorter; a Dask
        frame's chunks are its partitions)."""
        ...


def checked_phone_column(plan: CampaignPlan, columns: Sequence[str]) -> str:
    """The phone column of a header checked against ``plan``: the country column and a column
    for every placeholder must be there. Raises :class:`ValidationError` naming what is not."""
    if plan.country_field is not None and plan.country_field not in columns:
        raise ValidationError.single(
            "campaign.no_country_column",
            "country_field",
            None,
            {"column": repr(plan.country_field), "columns": ", ".join(map(repr, columns))},
        )
    check_template_columns(plan.template, columns)
    return choose_phone_field(columns, plan.phone_field)


# -- files -------------------------------------------------------------------------------------


class FileRows(NamedTuple):
    """Consecutive records of a file as its reader gives them (the values, the line where each
    starts, the blank lines skipped), with the header that names the values."""

    header: tuple[str, ...]
    rows: list[list[str]]
    lines: list[int]
    blank_lines: int

    def numbered(self) -> Iterator[tuple[int, dict[Any, Any]]]:
        header = self.header
        width = len(header)
        for line, values in zip(self.lines, self.rows, strict=True):
            if len(values) == width:  # most records: a dict without row_dict's padding
                yield line, dict(zip(header, values, strict=True))
            else:
                yield line, row_dict(header, values)


@dataclass(frozen=True, slots=True)
class FileSource:
    """A CSV or workbook file, opened (:func:`open_files`). Its chunks are read from the path
    (or an upload's bytes) when asked for, so a worker that sees the same file can read it."""

    file: RecipientFile
    phone_field: str
    name: str = ""
    ordinal: int = 0

    def chunks(self, size: int) -> Iterator[FileRows]:
        header = self.file.header
        for chunk in self.file.chunks(size):
            yield FileRows(header, *chunk)


def open_files(
    paths: Sequence[str | Path | RecipientFile],
    plan: CampaignPlan,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> list[FileSource]:
    """Every file opened and its header checked before any row is estimated; a
    :class:`RecipientFile` is already open. Files are named in samples when there are
    several."""
    sources = []
    for ordinal, path in enumerate(paths):
        opened = (
            path
            if isinstance(path, RecipientFile)
            else open_recipients(
                path,
                encoding=encoding,
                delimiter=delimiter,
                sheet=sheet,
                header_row=header_row,
                phone_field=plan.phone_field,
            )
        )
        phone_field = checked_phone_column(plan, opened.header)
        name = str(opened.path) if len(paths) > 1 else ""
        sources.append(FileSource(opened, phone_field, name, ordinal))
    return sources


def is_path_list(value: object) -> TypeGuard[Sequence[str | Path]]:
    """Whether ``value`` is a list (or tuple) of file paths: several files, one campaign."""
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(item, (str, Path)) for item in value)
    )


def read_csv(
    path: str | Path, *, encoding: str | None = None, delimiter: str | None = None
) -> Iterator[dict[str, str]]:
    """Rows of a CSV file with a header line, streamed, exactly as :class:`csv.DictReader`
    gives them; encoding and delimiter as :func:`~.recipient_files.open_recipients`
    settles them. Blank lines are skipped."""
    source = open_recipients(path, encoding=encoding, delimiter=delimiter)
    for chunk in source.chunks(CHUNK_ROWS):
        for values in chunk.rows:
            yield row_dict(source.header, values)


# -- rows given in Python, tables --------------------------------------------------------------


class RecordRows(NamedTuple):
    """Consecutive records given as mappings, numbered from ``first``."""

    first: int
    records: Iterable[Row]
    blank_lines: int = 0

    def numbered(self) -> Iterator[tuple[int, Row]]:
        return enumerate(self.records, self.first)


@dataclass(frozen=True, slots=True)
class RecordSource:
    """Rows given in Python, or the rows of a pandas or pyarrow table, numbered from 1: read
    once, as they come (:func:`open_data`)."""

    records: Iterator[Row]
    phone_field: str
    name: str = ""
    ordinal: int = 0

    def chunks(self, size: int) -> Iterator[RecordRows]:
        first = 1
        while batch := list(islice(self.records, size)):
            yield RecordRows(first, batch)
            first += len(batch)


@dataclass(frozen=True, slots=True)
class DaskFrameSource:
    """A Dask DataFrame, its rows numbered as in the whole frame. :meth:`partitions` are Dask
    tasks for the cluster to compute; :meth:`chunks` computes them here, in turn."""

    frame: Frame  # a dask.dataframe.DataFrame: an extra, untyped
    phone_field: str
    number_columns: list[str]  # the phone column, and the country column if the plan has one
    name: str = ""
    ordinal: int = 0

    def partitions(self) -> list[tuple[Frame, int, int]]:
        """Each partition (a Dask task) with its first row and the first row after it."""
        lengths = [int(length) for length in self.frame.map_partitions(len).compute()]
        starts = list(accumulate(lengths[:-1], initial=1))
        ends = [start + length for start, length in zip(starts, lengths, strict=True)]
        return list(zip(self.frame.to_delayed(), starts, ends, strict=True))

    def chunks(self, size: int) -> Iterator[RecordRows]:
        """The partitions, computed here in turn: a chunk is a partition, whatever ``size``."""
        for partition, first, _ in self.partitions():
            yield RecordRows(first, frame_records(partition.compute()))

    def numbers(self) -> Iterator[tuple[int, Row]]:
        """The rows with their number columns only: what finding repeated numbers reads."""
        return enumerate(frame_records(self.frame[self.number_columns].compute()), 1)


def open_data(recipients: Frame, plan: CampaignPlan) -> RecordSource | DaskFrameSource | None:
    """Rows given in Python, a pandas DataFrame, a pyarrow Table or a Dask DataFrame, opened;
    ``None`` when there is no row (then nothing is checked, as nothing is estimated).

    A table's columns are checked against the plan; plain rows have no header, so their
    phone column is chosen from the first row's keys."""
    if _is_dask_collection(recipients):
        return _open_dask_frame(recipients, plan)
    records = iter(_records(recipients))
    first = next(records, None)
    if first is None:
        return None
    columns = _columns(recipients)
    if columns is None:  # plain rows: the first row's keys stand for a header
        phone_field = choose_phone_field(first.keys(), plan.phone_field)
    else:
        phone_field = checked_phone_column(plan, columns)
    return RecordSource(chain((first,), records), phone_field)


def _open_dask_frame(frame: Frame, plan: CampaignPlan) -> DaskFrameSource:
    phone_field = checked_phone_column(plan, [str(name) for name in frame.columns])
    number_columns = [phone_field] + ([plan.country_field] if plan.country_field else [])
    return DaskFrameSource(frame, phone_field, number_columns)


def _is_dask_collection(value: object) -> bool:
    dask = sys.modules.get("dask")
    return dask is not None and bool(dask.is_dask_collection(value))


def _records(recipients: Frame) -> Iterable[Row]:
    pandas = sys.modules.get("pandas")
    if pandas is not None and isinstance(recipients, pandas.DataFrame):
        # Plain tuples, not itertuples' namedtuples: those rename a column such as
        # "Teléfono móvil" to "_0", and the row would lose its phone number.
        columns = [str(name) for name in recipients.columns]
        return (
            _frame_row(dict(zip(columns, values, strict=True)))
            for values in recipients.itertuples(index=False, name=None)
        )
    pyarrow = sys.modules.get("pyarrow")
    if pyarrow is not None and isinstance(recipients, pyarrow.Table):
        return (_frame_row(row) for batch in recipients.to_batches() for row in batch.to_pylist())
    return recipients  # type: ignore[no-any-return]


def _columns(recipients: Frame) -> list[str] | None:
    """The column names of a table (pandas, pyarrow), or None for plain rows."""
    names = getattr(recipients, "column_names", None)  # pyarrow (its .columns are data)
    if names is None:
        names = getattr(recipients, "columns", None)
    return [str(name) for name in names] if names is not None else None


def frame_records(frame: Frame) -> Iterator[dict[str, Any]]:
    """The records of a pandas frame (a computed Dask partition), empty cells left out."""
    return (_frame_row(row) for row in frame.to_dict("records"))


def _frame_row(row: Row) -> dict[str, Any]:
    """A frame row with its empty cells left out, so a placeholder over one has no value."""
    return {name: value for name, value in row.items() if not _is_missing(value)}


def _is_missing(value: object) -> bool:
    """A frame's empty cell: None, NaN, pandas' NA or NaT (a missing value, not a text)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")
