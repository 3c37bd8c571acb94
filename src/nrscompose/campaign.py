"""Campaign cost estimation, streamed: one pass, memory independent of the number of rows.

Each recipient goes through number validation (:func:`nrscompose.destinations.destination`),
template rendering as the server bills it (:meth:`Template.preview`), analysis (encoding and
parts), price lookup and, when a send time is given, the send-window decision. The per-batch
function :func:`estimate_batch` takes and returns plain rows, so it runs unchanged inside a
distributed engine (Dask ``map_partitions``, Spark ``mapInPandas``); :class:`ReportBuilder`
aggregates results and merges partial reports, so batches may be summed in any order.
"""

from __future__ import annotations

import csv
import heapq
import io
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, NamedTuple

from nrscompose.analysis import Analysis, analyze
from nrscompose.destinations import destination
from nrscompose.errors import ValidationError
from nrscompose.message_rules import naive_datetime_problem
from nrscompose.pricing import PriceList
from nrscompose.profiles import Profile
from nrscompose.template import Template
from nrscompose.vocabularies import CATEGORIES, require

__all__ = [
    "CampaignPlan",
    "RecipientEstimate",
    "Report",
    "ReportBuilder",
    "estimate",
    "estimate_batch",
    "estimate_file",
    "read_csv",
]

SAMPLE_SIZE: Final = 20  # rows kept per list in a report (held, invalid, most expensive)
_ZERO: Final = Decimal(0)
_ANALYSIS_CACHE_SIZE: Final = 50_000


class RecipientEstimate(NamedTuple):  # a tuple: one per row, cheap to build and to pickle
    """One recipient's estimate. ``row`` counts data rows from 1; ``send_at`` is set when a
    send window holds the message (the UTC moment it may go)."""

    row: int
    number: str
    country: str | None
    valid: bool
    problem: str | None = None
    encoding: str | None = None
    parts: int = 0
    units: int = 0
    cost: Decimal | None = None
    currency: str | None = None
    price_basis: str | None = None
    send_at: datetime | None = None
    offending: str = ""  # the distinct characters that kept the text out of cheaper encodings
    text: str = ""  # the billed text
    # why it is invalid, a stable key to group by: the number's (Destination.why: "not_valid",
    # "too_short"…) or the problem kind of its text ("template.missing_value"…)
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CampaignPlan:
    """What every recipient of a campaign shares.

    ``template`` is the message (``{name|filter}`` placeholders filled from each row);
    ``phone_field`` the column holding numbers; ``prices`` coverage prices (``None``: no cost);
    ``at`` the send time for window decisions (``None``: not checked); ``mcc_field`` and
    ``mnc_field`` optional columns with the recipient's network.
    """

    template: Template
    phone_field: str = "phone"
    prices: PriceList | None = None
    category: str = "marketing"
    at: datetime | None = None
    profile: str | Profile = "360nrs"
    trans: bool = False
    channel: str = "sms"
    lenient: bool = False
    mcc_field: str = "mcc"
    mnc_field: str = "mnc"
    _analyses: dict[str, tuple[Analysis, str]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _windows: dict[tuple[str, int], datetime | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _place_key: Callable[[str], tuple[str, int]] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        naive = naive_datetime_problem(self.at, "at") if self.at is not None else None
        if naive is not None:
            raise ValidationError([naive])
        require(self.category, CATEGORIES, "category")
        self.template.validate(self.channel)  # e.g. a Landing SMS without {LAND_URL}

    def __getstate__(self) -> dict[str, object]:  # caches stay behind when sent to workers
        return {name: getattr(self, name) for name in _PLAN_FIELDS}

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_analyses", {})
        object.__setattr__(self, "_windows", {})
        object.__setattr__(self, "_place_key", None)

    def analysis(self, text: str) -> tuple[Analysis, str]:
        """The analysis of a rendered text and its offending characters, memoised: campaign
        texts repeat a lot (same names, same amounts)."""
        found = self._analyses.get(text)
        if found is None:
            if len(self._analyses) >= _ANALYSIS_CACHE_SIZE:
                self._analyses.clear()
            analysis = analyze(text, trans=self.trans, profile=self.profile, channel=self.channel)
            offending = "".join(dict.fromkeys(o.char for o in analysis.offending))
            found = self._analyses[text] = (analysis, offending)
        return found

    def send_at(self, number: str) -> datetime | None:
        """When a window holds ``number``'s message, the UTC moment it may go; else None.

        Decided once per place (country code, leading digits, length: what settles country,
        subdivision and time zones), so the cost per recipient is a dictionary lookup.
        """
        if self.at is None:
            return None
        if self._place_key is None:
            from nrscompose.windows import place_keys

            object.__setattr__(self, "_place_key", place_keys())
        assert self._place_key is not None
        key = self._place_key(number)
        if key not in self._windows:
            from nrscompose import windows

            decision = windows.check(number, self.at, self.category)  # type: ignore[arg-type]
            self._windows[key] = None if decision.allowed else decision.next_allowed.astimezone(UTC)
        return self._windows[key]


_PLAN_FIELDS: Final = tuple(
    name for name in CampaignPlan.__dataclass_fields__ if not name.startswith("_")
)


def _estimator(plan: CampaignPlan) -> Callable[[int, Mapping[str, Any]], RecipientEstimate]:
    """The per-row estimate for ``plan``, with everything it looks up bound once: this runs
    once per recipient, where attribute lookups are a measurable share of the time."""
    phone_field, mcc_field, mnc_field = plan.phone_field, plan.mcc_field, plan.mnc_field
    preview, lenient, analysis_of = plan.template.preview, plan.lenient, plan.analysis
    quote_for = plan.prices.quote if plan.prices is not None else None
    send_at = plan.send_at if plan.at is not None else None

    def estimate_row(row_number: int, row: Mapping[str, Any]) -> RecipientEstimate:
        raw = str(row.get(phone_field) or "")
        target = destination(raw)
        if not target.valid:
            return RecipientEstimate(row_number, raw, target.region, False, target.reason,
                                     reason=target.why)  # fmt: skip
        number, region = target.number, target.region
        try:
            text = preview(row, lenient=lenient, recipient=row_number)
            analysis, offending = analysis_of(text)
            held = send_at(number) if send_at is not None else None
        except ValidationError as error:
            return RecipientEstimate(row_number, number, region, False, str(error),
                                     reason=error.problems[0].kind)  # fmt: skip
        parts = analysis.parts
        quote = (
            quote_for(region, row.get(mcc_field) or None, row.get(mnc_field) or None)
            if quote_for is not None
            else None
        )
        if quote is None:
            return RecipientEstimate(row_number, number, region, True, None, analysis.encoding,
                                     parts, analysis.units, None, None, None, held, offending,
                                     text)  # fmt: skip
        return RecipientEstimate(row_number, number, region, True, None, analysis.encoding,
                                 parts, analysis.units, quote.cost(parts),
                                 quote.price.currency, quote.basis, held, offending,
                                 text)  # fmt: skip

    return estimate_row


def estimate_batch(
    plan: CampaignPlan, rows: Iterable[Mapping[str, Any]], first_row: int = 1
) -> list[RecipientEstimate]:
    """Estimate every row of one batch; ``first_row`` numbers the batch's first row."""
    estimate_row = _estimator(plan)
    return [estimate_row(n, row) for n, row in enumerate(rows, first_row)]


def read_csv(path: str | Path) -> Iterator[dict[str, str]]:
    """Rows of a UTF-8 CSV file with a header line, streamed."""
    with Path(path).open(newline="", encoding="utf-8-sig") as source:
        yield from csv.DictReader(source)


@dataclass(frozen=True, slots=True)
class Report:
    """A campaign estimate, ready to print or serialise (see :meth:`as_json`)."""

    recipients: int
    valid: int
    invalid: int
    parts: int
    cost: dict[str, Decimal]
    unpriced: dict[str, int]
    by_country: dict[str, dict[str, Any]]
    by_encoding: dict[str, dict[str, int]]
    held: dict[str, int]
    held_sample: list[RecipientEstimate]
    invalid_reasons: dict[str, int]
    invalid_sample: list[RecipientEstimate]
    most_expensive: list[RecipientEstimate]
    at: datetime | None = None
    suggestions: dict[int, dict[str, Any]] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict; money as decimal strings, times as ISO 8601 (format v1)."""
        return {
            "format": "nrscompose.estimate/1",
            "at": self.at.isoformat() if self.at else None,
            "totals": {
                "recipients": self.recipients,
                "valid": self.valid,
                "invalid": self.invalid,
                "parts": self.parts,
                "cost": {currency: str(amount) for currency, amount in self.cost.items()},
                "unpriced_recipients": sum(self.unpriced.values()),
            },
            "unpriced_countries": self.unpriced,
            "by_country": {
                country: {
                    "recipients": entry["recipients"],
                    "parts": entry["parts"],
                    "cost": {c: str(a) for c, a in entry["cost"].items()},
                }
                for country, entry in self.by_country.items()
            },
            "by_encoding": self.by_encoding,
            "held": self.held,
            "held_sample": [_row_json(r) for r in self.held_sample],
            "invalid_reasons": self.invalid_reasons,
            "invalid_sample": [_row_json(r) for r in self.invalid_sample],
            "most_expensive": [
                {**_row_json(r), "suggestion": self.suggestions.get(r.row)}
                for r in self.most_expensive
            ],
        }


def _row_json(row: RecipientEstimate) -> dict[str, Any]:
    return {
        "row": row.row,
        "number": row.number,
        "country": row.country,
        "valid": row.valid,
        "problem": row.problem,
        "encoding": row.encoding,
        "parts": row.parts,
        "cost": str(row.cost) if row.cost is not None else None,
        "currency": row.currency,
        "send_at": row.send_at.isoformat() if row.send_at else None,
        "offending": row.offending,
    }


@dataclass(slots=True)
class ReportBuilder:
    """Accumulates estimates in constant memory; ``merge`` sums partial builders.

    Valid recipients are counted per (country, encoding, currency): one dictionary entry per
    group, so adding a recipient is a lookup and three additions; the breakdowns are derived
    when the report is made.
    """

    recipients: int = 0
    groups: dict[tuple[str, str, str], list[Any]] = field(default_factory=dict)
    unpriced: Counter[str] = field(default_factory=Counter)
    held: Counter[datetime] = field(default_factory=Counter)
    held_sample: list[RecipientEstimate] = field(default_factory=list)
    invalid_reasons: Counter[str] = field(default_factory=Counter)
    invalid_sample: list[RecipientEstimate] = field(default_factory=list)
    expensive: list[tuple[Decimal, int, int, RecipientEstimate]] = field(default_factory=list)

    def add(self, estimate: RecipientEstimate) -> None:
        self.recipients += 1
        if not estimate.valid:
            self.invalid_reasons[estimate.reason or "invalid"] += 1
            _keep(self.invalid_sample, estimate)
            return
        key = (estimate.country or "??", estimate.encoding or "?", estimate.currency or "")
        group = self.groups.get(key)
        if group is None:
            group = self.groups[key] = [0, 0, Decimal(0)]
        group[0] += 1
        group[1] += estimate.parts
        if estimate.cost is None:
            self.unpriced[key[0]] += 1
        else:
            group[2] += estimate.cost
        if estimate.send_at is not None:
            self.held[estimate.send_at] += 1
            _keep(self.held_sample, estimate)
        self._rank(estimate)

    def _rank(self, estimate: RecipientEstimate) -> None:
        weight = estimate.cost if estimate.cost is not None else _ZERO
        expensive = self.expensive
        if len(expensive) == SAMPLE_SIZE and weight < expensive[0][0]:
            return  # cheaper than every kept one: the common case, decided without a tuple
        item = (weight, estimate.parts, -estimate.row, estimate)
        if len(expensive) < SAMPLE_SIZE:
            heapq.heappush(expensive, item)
        elif item[:3] > expensive[0][:3]:
            heapq.heapreplace(expensive, item)

    def merge(self, other: ReportBuilder) -> ReportBuilder:
        self.recipients += other.recipients
        for key, (count, parts, cost) in other.groups.items():
            group = self.groups.setdefault(key, [0, 0, Decimal(0)])
            group[0] += count
            group[1] += parts
            group[2] += cost
        self.unpriced.update(other.unpriced)
        self.held.update(other.held)
        self.invalid_reasons.update(other.invalid_reasons)
        for sample, extra in (
            (self.held_sample, other.held_sample),
            (self.invalid_sample, other.invalid_sample),
        ):
            sample.extend(extra)
            sample.sort(key=lambda e: e.row)
            del sample[SAMPLE_SIZE:]
        for item in other.expensive:
            self._rank(item[3])
        return self

    def report(self, plan: CampaignPlan | None = None) -> Report:
        """The finished report; with ``plan``, suggestions for the most expensive texts."""
        ranked = [item[3] for item in sorted(self.expensive, key=lambda i: i[:3], reverse=True)]
        cost: dict[str, Decimal] = {}
        by_country: dict[str, dict[str, Any]] = {}
        by_encoding: dict[str, dict[str, int]] = {}
        for (country, encoding, currency), (count, parts, amount) in self.groups.items():
            entry = by_country.setdefault(country, {"recipients": 0, "parts": 0, "cost": {}})
            entry["recipients"] += count
            entry["parts"] += parts
            counts = by_encoding.setdefault(encoding, {"recipients": 0, "parts": 0})
            counts["recipients"] += count
            counts["parts"] += parts
            if currency:
                entry["cost"][currency] = entry["cost"].get(currency, Decimal(0)) + amount
                cost[currency] = cost.get(currency, Decimal(0)) + amount
        valid = sum(group[0] for group in self.groups.values())
        return Report(
            self.recipients,
            valid,
            self.recipients - valid,
            sum(group[1] for group in self.groups.values()),
            dict(sorted(cost.items())),
            dict(self.unpriced.most_common()),
            dict(sorted(by_country.items(), key=lambda kv: (-kv[1]["recipients"], kv[0]))),
            dict(sorted(by_encoding.items())),
            {moment.isoformat(): count for moment, count in sorted(self.held.items())},
            sorted(self.held_sample, key=lambda e: e.row),
            dict(self.invalid_reasons.most_common()),
            sorted(self.invalid_sample, key=lambda e: e.row),
            ranked,
            plan.at if plan else None,
            _suggestions(ranked, plan) if plan else {},
        )


def _suggestions(
    estimates: list[RecipientEstimate], plan: CampaignPlan
) -> dict[int, dict[str, Any]]:
    from nrscompose.suggestions import suggest

    found: dict[int, dict[str, Any]] = {}
    for estimate in estimates:
        if not estimate.text or estimate.encoding == "gsm":
            continue
        suggestion = suggest(estimate.text, trans=plan.trans, profile=plan.profile)
        if suggestion.replacements:
            found[estimate.row] = {
                "replace": {r.char: r.replacement for r in suggestion.replacements},
                "parts_saved": suggestion.parts_saved,
                "encoding": suggestion.after.encoding,
            }
    return found


def _keep(sample: list[RecipientEstimate], estimate: RecipientEstimate) -> None:
    if len(sample) < SAMPLE_SIZE:
        sample.append(estimate)


def estimate(
    recipients: Iterable[Mapping[str, Any]] | str | Path | Any,
    template: Template | str,
    *,
    prices: PriceList | None = None,
    at: datetime | None = None,
    category: str = "marketing",
    phone_field: str = "phone",
    profile: str | Profile = "360nrs",
    trans: bool = False,
    channel: str = "sms",
    lenient: bool = False,
) -> Report:
    """Estimate a whole campaign in one streamed pass.

    ``recipients`` is an iterable of mappings, a CSV path, or a pandas ``DataFrame`` /
    pyarrow ``Table``. Returns a :class:`Report`; memory does not grow with the row count.
    """
    plan = CampaignPlan(
        template if isinstance(template, Template) else Template(template),
        phone_field,
        prices,
        category,
        at,
        profile,
        trans,
        channel,
        lenient,
    )
    if isinstance(recipients, (str, Path)):
        return estimate_file(recipients, plan)
    builder = ReportBuilder()
    estimate_row = _estimator(plan)
    for row_number, row in enumerate(_rows(recipients), 1):
        builder.add(estimate_row(row_number, row))
    return builder.report(plan)


def _rows(recipients: Any) -> Iterable[Mapping[str, Any]]:
    kind = type(recipients).__module__.split(".", 1)[0]
    if kind == "pandas":
        return (row._asdict() for row in recipients.itertuples(index=False))
    if kind == "pyarrow":
        return (row for batch in recipients.to_batches() for row in batch.to_pylist())
    return recipients  # type: ignore[no-any-return]


# -- files, in one process or several ----------------------------------------------------------

_CHUNK_ROWS: Final = 20_000
_worker_plan: CampaignPlan | None = None


def _raw_chunks(path: Path, rows: int) -> Iterator[tuple[list[str], str, int]]:
    """(header, CSV text of about ``rows`` rows, number of its first row), streamed.

    A row ends at a line where the count of quote characters so far is even, so a quoted
    field that holds a line break stays in one chunk.
    """
    with path.open(newline="", encoding="utf-8-sig") as source:
        header = next(csv.reader([source.readline()]), [])
        lines: list[str] = []
        first = 1
        complete = 0
        quotes = 0
        for line in source:
            lines.append(line)
            quotes += line.count('"')
            if quotes % 2 == 0:
                complete += 1
                if complete >= rows:
                    yield header, "".join(lines), first
                    first += complete
                    lines, complete, quotes = [], 0, 0
        if lines:
            yield header, "".join(lines), first


def _estimate_chunk(plan: CampaignPlan, chunk: tuple[list[str], str, int]) -> ReportBuilder:
    header, text, first = chunk
    builder = ReportBuilder()
    add, estimate_row = builder.add, _estimator(plan)
    for number, values in enumerate(csv.reader(io.StringIO(text, newline="")), first):
        add(estimate_row(number, dict(zip(header, values, strict=False))))
    return builder


def _worker_chunk(chunk: tuple[list[str], str, int]) -> ReportBuilder:
    assert _worker_plan is not None, "worker started without a plan"
    return _estimate_chunk(_worker_plan, chunk)


def _init_worker(plan: CampaignPlan) -> None:
    global _worker_plan
    _worker_plan = plan


def estimate_file(
    path: str | Path,
    plan: CampaignPlan,
    *,
    jobs: int = 1,
    progress: Callable[[int], object] | None = None,
) -> Report:
    """Estimate a CSV file with ``jobs`` processes; ``progress(rows_done)`` after each chunk.

    Chunks of rows go to worker processes and partial reports come back to be merged; at
    most two chunks per worker are in flight, so memory stays bounded whatever the length.
    """
    source = Path(path)
    builder = ReportBuilder()
    if jobs <= 1:
        for chunk in _raw_chunks(source, _CHUNK_ROWS):
            builder.merge(_estimate_chunk(plan, chunk))
            if progress is not None:
                progress(builder.recipients)
        return builder.report(plan)
    from concurrent.futures import Future, ProcessPoolExecutor

    pending: deque[Future[ReportBuilder]] = deque()

    def collect() -> None:
        builder.merge(pending.popleft().result())
        if progress is not None:
            progress(builder.recipients)

    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(plan,)) as pool:
        for chunk in _raw_chunks(source, _CHUNK_ROWS):
            pending.append(pool.submit(_worker_chunk, chunk))
            if len(pending) >= 2 * jobs:
                collect()
        while pending:
            collect()
    return builder.report(plan)
