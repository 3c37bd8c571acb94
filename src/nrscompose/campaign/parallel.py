"""Running a campaign: its sources read in this process, their chunks estimated here or by a
pool of processes, or files and partitions estimated on Dask; the partial reports merged.

:func:`estimate` takes any kind of recipients (:mod:`.sources`), :func:`estimate_file` files
with ``jobs`` processes, :func:`estimate_files_on_dask` files on a Dask cluster. Wherever the
rows are estimated, the report is the one of the same rows in one process: repeated numbers
are found where the rows are read, before they go elsewhere, and a report's samples and
ranking do not depend on the order in which partial reports are merged.

A worker gets what it needs with each task (the plan, and one chunk of rows, one file or one
partition) and builds its own :class:`~.plan.RowEstimator`; nothing is kept in the module.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, NamedTuple

from nrscompose._base.errors import ArgumentError
from nrscompose._composition.template import Template
from nrscompose._counting.profiles import Profile
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign.plan import (
    CampaignPlan,
    RepeatOf,
    Repeats,
    RowEstimator,
    per_row_estimate,
    repeated_rows,
)
from nrscompose.campaign.recipient_files import Frame, RecipientFile, Row
from nrscompose.campaign.report import InputFile, Report, ReportBuilder
from nrscompose.campaign.sources import (
    CHUNK_ROWS,
    DaskFrameSource,
    FileSource,
    RecordRows,
    Rows,
    Source,
    frame_records,
    is_path_list,
    open_data,
    open_files,
)

__all__ = ["estimate", "estimate_file", "estimate_files_on_dask"]


def estimate(
    recipients: Iterable[Row] | str | Path | Sequence[str | Path] | Frame,
    template: Template | str,
    *,
    prices: PriceList | str | Path | None = None,
    at: datetime | None = None,
    category: str = "marketing",
    phone_field: str | None = None,
    profile: str | Profile = "360nrs",
    trans: bool = False,
    channel: str = "sms",
    lenient: bool = False,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    default_country: str | None = None,
    country_field: str | None = None,
    dedupe: bool = False,
    max_parts: int | None = None,
    header_row: int | None = None,
) -> Report:
    """Estimate a whole campaign in one streamed pass.

    ``recipients`` is an iterable of mappings, a file path (CSV or Excel; see
    :mod:`.recipient_files` for ``encoding``, ``delimiter`` and ``sheet``), a list
    of paths, or a pandas ``DataFrame`` / pyarrow ``Table`` / Dask ``DataFrame``. Without
    ``phone_field`` the column named as a phone column is used. ``prices`` is a
    :class:`PriceList` or the path of a coverage JSON file. ``default_country``,
    ``country_field``, ``dedupe`` and ``max_parts`` are :class:`CampaignPlan`'s;
    ``header_row`` forces the file line of the header (default: row 1, else the first of
    the first 20 rows that names a phone column). Returns a :class:`Report`; memory does not
    grow with the row count (but for one entry per distinct number, to find repeats).
    """
    plan = CampaignPlan(
        template if isinstance(template, Template) else Template(template),
        phone_field,
        PriceList.load(prices) if isinstance(prices, (str, Path)) else prices,
        category,
        at,
        profile,
        trans,
        channel,
        lenient,
        default_country=default_country,
        country_field=country_field,
        dedupe=dedupe,
        max_parts=max_parts,
    )
    if isinstance(recipients, (str, Path)) or is_path_list(recipients):
        paths: str | Path | list[str | Path] = (
            recipients if isinstance(recipients, (str, Path)) else list(recipients)
        )
        return estimate_file(
            paths, plan, encoding=encoding, delimiter=delimiter, sheet=sheet, header_row=header_row
        )
    if isinstance(recipients, RecipientFile):
        return estimate_file([recipients], plan)
    source = open_data(recipients, plan)
    if isinstance(source, DaskFrameSource):
        return _estimate_dask_frame(plan, source)
    run = RowEstimator(plan)
    return _in_one_process(run, [source] if source is not None else []).report(run)


# -- chunks, here or in a worker ---------------------------------------------------------------


class _Work(NamedTuple):
    """One chunk of one source, as estimated here or sent to a worker."""

    rows: Rows
    phone_field: str
    name: str  # the source's name in samples; empty for a single input
    ordinal: int
    repeated: dict[int, tuple[int, str]] | None = None  # line → earlier row, found beforehand


def _work(sources: Sequence[Source]) -> Iterator[_Work]:
    for source in sources:
        for rows in source.chunks(CHUNK_ROWS):
            yield _Work(rows, source.phone_field, source.name, source.ordinal)


def _estimate_chunk(
    run: RowEstimator, work: _Work, repeats: Repeats | None = None
) -> ReportBuilder:
    """One chunk's partial report. Repeated numbers are found with ``repeats`` (the run's, in
    one process) or were marked in the chunk by the process that read it."""
    builder = ReportBuilder(blank_lines=work.rows.blank_lines)
    repeat_of = repeats.finder(work.name) if repeats is not None else _lookup(work.repeated or {})
    estimate_row = per_row_estimate(run, work.phone_field, False, repeat_of)
    add = builder.add
    for line, row in work.rows.numbered():
        add(estimate_row(line, row))
    if work.name:
        builder.tag(work.name, work.ordinal)
    return builder


def _lookup(repeated: dict[int, tuple[int, str]]) -> RepeatOf:
    def repeat_of(number: str, line: int) -> tuple[int, str] | None:
        return repeated.get(line)

    return repeat_of


def _in_one_process(
    run: RowEstimator, sources: Sequence[Source], progress: Callable[[int], object] | None = None
) -> ReportBuilder:
    builder, repeats = ReportBuilder(), Repeats()
    for work in _work(sources):
        builder.merge(_estimate_chunk(run, work, repeats))
        if progress is not None:
            progress(builder.recipients)
    return builder


def _in_processes(
    plan: CampaignPlan,
    sources: Sequence[Source],
    jobs: int,
    progress: Callable[[int], object] | None,
) -> ReportBuilder:
    """Chunks estimated by ``jobs`` worker processes, at most two per worker in flight; their
    repeated rows are marked here, where the chunks are read in order."""
    from concurrent.futures import Future, ProcessPoolExecutor

    builder, repeats = ReportBuilder(), Repeats()
    pending: deque[Future[ReportBuilder]] = deque()

    def collect() -> None:
        builder.merge(pending.popleft().result())
        if progress is not None:
            progress(builder.recipients)

    with ProcessPoolExecutor(jobs) as pool:
        for work in _work(sources):
            first_of = repeats.finder(work.name)
            marked = repeated_rows(plan, work.phone_field, work.rows.numbered(), first_of)
            pending.append(pool.submit(_estimate_in_worker, plan, work._replace(repeated=marked)))
            if len(pending) >= 2 * jobs:
                collect()
        while pending:
            collect()
    return builder


def _estimate_in_worker(plan: CampaignPlan, work: _Work) -> ReportBuilder:
    # An estimator per chunk: what it remembers pays off within a chunk of CHUNK_ROWS rows,
    # and the plan comes with the chunk, so a worker process keeps no state between tasks.
    return _estimate_chunk(RowEstimator(plan), work)


# -- files -------------------------------------------------------------------------------------


def estimate_file(
    path: str | Path | Sequence[str | Path | RecipientFile],
    plan: CampaignPlan,
    *,
    jobs: int = 1,
    progress: Callable[[int], object] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Report:
    """Estimate a CSV or Excel file (or several, as one campaign) with ``jobs`` processes;
    ``progress(rows_done)`` after each chunk.

    Every file's header is checked first. Chunks of rows go to worker processes and partial
    reports come back to be merged; at most two chunks per worker are in flight, so memory
    stays bounded whatever the length.
    """
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ArgumentError(f"jobs must be a whole number of processes, 1 or more, not {jobs!r}")
    paths = [path] if isinstance(path, (str, Path)) else list(path)
    if not paths:
        raise ArgumentError("no file to estimate")
    sources = open_files(
        paths, plan, encoding=encoding, delimiter=delimiter, sheet=sheet, header_row=header_row
    )
    run = RowEstimator(plan)
    if jobs == 1:
        builder = _in_one_process(run, sources, progress)
    else:
        builder = _in_processes(plan, sources, jobs, progress)
    return _with_inputs(builder.report(run), sources)


def _with_inputs(report: Report, sources: list[FileSource]) -> Report:
    inputs = [InputFile(phone_field=s.phone_field, **s.file.describe()) for s in sources]
    warnings = tuple(warning for found in inputs for warning in found.warnings)
    return dataclasses.replace(report, inputs=inputs, warnings=warnings)


# -- Dask --------------------------------------------------------------------------------------


def estimate_files_on_dask(
    paths: Sequence[str | Path],
    plan: CampaignPlan,
    scheduler: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
    header_row: int | None = None,
) -> Report:
    """Estimate files as the partitions of one campaign on a Dask cluster: ``scheduler`` is
    its address (``tcp://host:8786``) or ``"local"`` for a local cluster of processes.

    Headers are checked here first; each worker reads its files by path (so the workers must
    see the same files), and the partial reports are merged in file order: the result is
    identical to :func:`estimate_file` on the same files in one process.
    """
    try:
        distributed: Any = importlib.import_module("distributed")  # an extra; untyped
    except ImportError:
        raise ArgumentError("--dask needs the dask extra: pip install 'nrscompose[dask]'") from None
    sources = open_files(
        list(paths), plan, encoding=encoding, delimiter=delimiter, sheet=sheet,
        header_row=header_row,
    )  # fmt: skip
    if not sources:
        raise ArgumentError("no file to estimate")
    cluster = (
        distributed.LocalCluster(processes=True, dashboard_address=":0")
        if scheduler == "local"
        else None
    )
    try:
        with distributed.Client(cluster if cluster is not None else scheduler) as client:
            futures = [
                client.submit(_estimate_file, plan, source, marked, pure=False)
                for source, marked in zip(sources, _file_repeats(plan, sources), strict=True)
            ]
            partials = client.gather(futures)
    except OSError as error:
        raise ArgumentError(f"cannot reach the Dask scheduler {scheduler!r} ({error})") from None
    finally:
        if cluster is not None:
            cluster.close()
    builder = ReportBuilder()
    for partial in partials:
        builder.merge(partial)
    return _with_inputs(builder.report(plan), sources)


def _estimate_file(
    plan: CampaignPlan, source: FileSource, repeated: dict[int, tuple[int, str]]
) -> ReportBuilder:
    builder, run = ReportBuilder(), RowEstimator(plan)
    for work in _work([source]):
        builder.merge(_estimate_chunk(run, work._replace(repeated=repeated)))
    return builder


def _file_repeats(
    plan: CampaignPlan, sources: list[FileSource]
) -> list[dict[int, tuple[int, str]]]:
    """Each file's rows whose number an earlier row has, read here once before the files go
    to the cluster, so that files estimated in any order agree on the first row."""
    repeats = Repeats()
    found = []
    for source in sources:
        first_of = repeats.finder(source.name)
        rows = (row for work in _work([source]) for row in work.rows.numbered())
        found.append(repeated_rows(plan, source.phone_field, rows, first_of))
    return found


def _estimate_dask_frame(plan: CampaignPlan, source: DaskFrameSource) -> Report:
    """A Dask DataFrame, partition by partition on the current scheduler; rows are numbered
    as in the whole frame, so the report equals the one of the same rows in one process."""
    dask: Any = importlib.import_module("dask")  # an extra; untyped

    partitions = source.partitions()
    # gathered here, from the number columns only, so that partitions agree on the first row
    repeated = repeated_rows(plan, source.phone_field, source.numbers(), Repeats().finder())
    tasks = [
        dask.delayed(_estimate_partition)(
            plan, source.phone_field, partition, first,
            {line: earlier for line, earlier in repeated.items() if first <= line < end},
        )
        for partition, first, end in partitions
    ]  # fmt: skip
    builder = ReportBuilder()
    for partial in dask.compute(*tasks):
        builder.merge(partial)
    return builder.report(plan)


def _estimate_partition(
    plan: CampaignPlan,
    phone_field: str,
    frame: Frame,  # a pandas DataFrame: the partition, computed
    first: int,
    repeated: dict[int, tuple[int, str]],
) -> ReportBuilder:
    work = _Work(RecordRows(first, frame_records(frame)), phone_field, "", 0, repeated)
    return _estimate_chunk(RowEstimator(plan), work)
