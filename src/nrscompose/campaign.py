"""Campaign cost estimation, streamed: one pass, memory independent of the number of rows.

Each recipient goes through number validation (:func:`nrscompose.destinations.destination`),
template rendering as the server bills it (:meth:`Template.preview`), analysis (encoding and
parts), price lookup and, when a send time is given, the send-window decision. The per-batch
function :func:`estimate_batch` takes and returns plain rows, so it runs unchanged inside a
distributed engine (Dask ``map_partitions``, Spark ``mapInPandas``); :class:`ReportBuilder`
aggregates results and merges partial reports, so batches may be summed in any order.
"""

from __future__ import annotations

import dataclasses
import heapq
import importlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, Final, NamedTuple

from nrscompose.analysis import Analysis, analyze
from nrscompose.destinations import WHY, destination
from nrscompose.errors import ArgumentError, ValidationError
from nrscompose.message_rules import naive_datetime_problem
from nrscompose.pricing import PriceList
from nrscompose.profiles import Profile, get_profile
from nrscompose.recipient_files import (
    Chunk,
    RecipientFile,
    check_template_columns,
    choose_phone_field,
    open_recipients,
    row_dict,
)
from nrscompose.rows import RowRenderer
from nrscompose.template import Template
from nrscompose.vocabularies import CATEGORIES, require

__all__ = [
    "CampaignPlan",
    "CountryTotals",
    "EncodingTotals",
    "InputFile",
    "RecipientEstimate",
    "Report",
    "ReportBuilder",
    "RowEstimator",
    "RowSuggestion",
    "estimate",
    "estimate_batch",
    "estimate_file",
    "estimate_files_on_dask",
    "read_csv",
]

SAMPLE_SIZE: Final = 20  # rows kept per list in a report (held, invalid, most expensive)
_ZERO: Final = Decimal(0)
_ANALYSIS_CACHE_SIZE: Final = 8_192  # repeated texts hit it; unique ones must not fill memory


class RecipientEstimate(NamedTuple):  # a tuple: one per row, cheap to build and to pickle
    """One recipient's estimate. ``row`` is the line of the file where the recipient's record
    starts (the header is line 1; the sheet row for Excel), or the position from 1 for rows
    given in Python; ``source`` names the file when several are read. ``send_at`` is set when
    a send window holds the message (the UTC moment it may go)."""

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
    source: str = ""  # the file, when a campaign spans several
    # why it is invalid, a stable key to group by: the number's (Destination.why: "not_valid",
    # "too_short"…) or the problem kind of its text ("template.missing_value"…)
    reason: str | None = None
    # the kinds of the country content rules its text breaks (nrscompose.content)
    content: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CampaignPlan:
    """What every recipient of a campaign shares.

    ``template`` is the message (``{name|filter}`` placeholders filled from each row);
    ``phone_field`` the column holding numbers (``None``: the one column named as such, see
    :func:`nrscompose.recipient_files.choose_phone_field`); ``prices`` coverage prices
    (``None``: no cost);
    ``at`` the send time for window decisions (``None``: not checked); ``mcc_field`` and
    ``mnc_field`` optional columns with the recipient's network.
    """

    template: Template
    phone_field: str | None = None
    prices: PriceList | None = None
    category: str = "marketing"
    at: datetime | None = None
    profile: str | Profile = "360nrs"
    trans: bool = False
    channel: str = "sms"
    lenient: bool = False
    mcc_field: str = "mcc"
    mnc_field: str = "mnc"

    def __post_init__(self) -> None:
        if self.at is not None:
            naive = naive_datetime_problem(self.at, "at")
            if naive is not None:
                raise ValidationError([naive])
            from nrscompose.windows import require_decidable

            require_decidable(self.at, "at")  # the same limits as every window decision
        require(self.category, CATEGORIES, "category")
        get_profile(self.profile)  # an unknown name is a mistake in the plan, not in each row
        self.template.validate(self.channel)  # e.g. a Landing SMS without {LAND_URL}


class RowEstimator:
    """Estimates the rows of one :class:`CampaignPlan` and remembers, for the length of a run
    (one process, one worker), what repeats from row to row: the row renderer, the analysis
    of each distinct text and the window decision of each place. The plan stays a plain
    value; each process builds its own estimator."""

    __slots__ = ("_analyses", "_content", "_place_key", "_windows", "plan", "renderer")

    def __init__(self, plan: CampaignPlan) -> None:
        self.plan = plan
        self.renderer = RowRenderer(plan.template, lenient=plan.lenient)
        self._analyses: dict[str, Analysis] = {}
        self._windows: dict[tuple[str, int], datetime | None] = {}
        self._place_key: Callable[[str], tuple[str, int]] | None = None
        self._content = _ContentRules(plan, self.count)

    def count(self, text: str) -> Analysis:
        """The analysis of a rendered text, memoised: campaign texts repeat a lot (same names,
        same amounts). Its explanations are left for the rows a report shows."""
        found = self._analyses.get(text)
        if found is None:
            if len(self._analyses) >= _ANALYSIS_CACHE_SIZE:
                self._analyses.clear()
            found = self._analyses[text] = self._analyze(text)
        return found

    def _analyze(self, text: str) -> Analysis:
        plan = self.plan
        if self.renderer.septets_excluded(plan.trans, plan.profile):
            # The template's own text is outside every septet table, so any row is UTF-16:
            # forcing it skips two scans and gives the same analysis as "auto" would.
            try:
                return analyze(
                    text,
                    encoding="utf-16",
                    trans=plan.trans,
                    profile=plan.profile,
                    channel=plan.channel,
                )
            except ValidationError:  # a lone surrogate: "auto" says so in its own words
                pass
        return analyze(text, trans=plan.trans, profile=plan.profile, channel=plan.channel)

    def explained(self, estimate: RecipientEstimate) -> RecipientEstimate:
        """``estimate`` with its offending characters, for a row a report shows."""
        if not estimate.valid or not estimate.text or estimate.offending:
            return estimate
        return estimate._replace(offending=_offending(self.count(estimate.text)))

    def send_at(self, number: str) -> datetime | None:
        """When a window holds ``number``'s message, the UTC moment it may go; else None.

        Decided once per place (country code, leading digits, length: what settles country,
        subdivision and time zones), so the cost per recipient is a dictionary lookup.
        """
        at = self.plan.at
        if at is None:
            return None
        if self._place_key is None:
            from nrscompose.windows import place_keys

            self._place_key = place_keys()
        key = self._place_key(number)
        if key not in self._windows:
            from nrscompose import windows

            decision = windows.check(number, at, self.plan.category)  # type: ignore[arg-type]
            self._windows[key] = None if decision.allowed else decision.next_allowed.astimezone(UTC)
        return self._windows[key]


class _ContentRules:
    """The country content rules a plan's rows break, as problem kinds: the rules binding each
    country are chosen once (:class:`nrscompose.content.CountryRules`), and the kinds of each
    (country, text) remembered while texts repeat."""

    __slots__ = ("_binding", "_count", "_found", "plan")

    def __init__(self, plan: CampaignPlan, count: Callable[[str], Analysis]) -> None:
        self.plan = plan
        self._count = count  # the run's memoised analysis: the row's text was just counted
        self._binding: dict[str | None, Any] = {}  # country → CountryRules, or None
        self._found: dict[tuple[str, str], tuple[str, ...]] = {}

    def kinds(self, country: str | None, text: str) -> tuple[str, ...]:
        if country in self._binding:
            binding = self._binding[country]
        else:
            binding = self._binding[country] = self._rules_of(country)
        if binding is None:
            return ()
        if not binding.reads_text:
            return binding.constant_kinds  # type: ignore[no-any-return]
        key = (binding.country, text)
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= _ANALYSIS_CACHE_SIZE:
                self._found.clear()
            plan = self.plan
            found = self._found[key] = binding.kinds(
                text, trans=plan.trans, profile=plan.profile, channel=plan.channel,
                analysis=self._count(text),
            )  # fmt: skip
        return found

    def _rules_of(self, country: str | None) -> Any:
        from nrscompose import content

        if not (country and len(country) == 2 and country.isalpha()):
            return None
        rules = content.CountryRules(country, self.plan.category)  # type: ignore[arg-type]
        return rules if rules else None


def _with_content(
    estimate_row: Callable[[int, Mapping[str, Any]], RecipientEstimate], run: RowEstimator
) -> Callable[[int, Mapping[str, Any]], RecipientEstimate]:
    """``estimate_row`` with the content rules each valid row's text breaks."""
    kinds_of = run._content.kinds
    make = tuple.__new__  # _replace costs more than the check of most rows

    def estimate_row_with_content(row_number: int, row: Mapping[str, Any]) -> RecipientEstimate:
        found = estimate_row(row_number, row)
        if found.valid:
            kinds = kinds_of(found.country, found.text)
            if kinds:
                return make(RecipientEstimate, (*found[:-1], kinds))
        return found

    return estimate_row_with_content


def _offending(analysis: Analysis) -> str:
    """The distinct characters that kept the text out of cheaper encodings, in text order."""
    if analysis.encoding == "gsm":
        return ""
    return "".join(dict.fromkeys(o.char for o in analysis.offending))


def _estimator(
    run: RowEstimator, phone_field: str, explain: bool = True
) -> Callable[[int, Mapping[str, Any]], RecipientEstimate]:
    """The per-row estimate of ``run``'s plan, with everything it looks up bound once: this
    runs once per recipient, where attribute lookups are a measurable share of the time.
    Without ``explain``, rows carry no offending characters: a report adds them to the rows it
    shows (:meth:`RowEstimator.explained`)."""
    plan = run.plan
    mcc_field, mnc_field = plan.mcc_field, plan.mnc_field
    render, count = run.renderer, run.count
    quote_for = plan.prices.quote if plan.prices is not None else None
    send_at = run.send_at if plan.at is not None else None

    def estimate_row(row_number: int, row: Mapping[str, Any]) -> RecipientEstimate:
        raw = str(row.get(phone_field) or "")
        target = destination(raw)
        if not target.valid:
            return RecipientEstimate(row_number, raw, target.region, False, target.reason,
                                     reason=target.why)  # fmt: skip
        number, region = target.number, target.region
        try:
            text = render(row)
            analysis = count(text)
            offending = _offending(analysis) if explain else ""
            held = send_at(number) if send_at is not None else None
        except ValidationError as error:  # the row is in the estimate: the messages suffice
            problem = "; ".join(p.message for p in error.problems)
            return RecipientEstimate(row_number, number, region, False, problem,
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

    return _with_content(estimate_row, run)


def estimate_batch(
    plan: CampaignPlan, rows: Iterable[Mapping[str, Any]], first_row: int = 1
) -> list[RecipientEstimate]:
    """Estimate every row of one batch; ``first_row`` numbers the batch's first row.

    Without ``plan.phone_field``, the phone column is chosen from the first row's keys."""
    batch = rows if isinstance(rows, list) else list(rows)
    if not batch:
        return []
    estimate_row = _estimator(RowEstimator(plan), _phone_field(plan, batch[0].keys()))
    return [estimate_row(n, row) for n, row in enumerate(batch, first_row)]


def _phone_field(plan: CampaignPlan, columns: Iterable[str]) -> str:
    return choose_phone_field(columns, plan.phone_field)


def read_csv(
    path: str | Path, *, encoding: str | None = None, delimiter: str | None = None
) -> Iterator[dict[str, str]]:
    """Rows of a CSV file with a header line, streamed, exactly as :class:`csv.DictReader`
    gives them; encoding and delimiter as :func:`~nrscompose.recipient_files.open_recipients`
    settles them. Blank lines are skipped."""
    source = open_recipients(path, encoding=encoding, delimiter=delimiter)
    for chunk in source.chunks(_CHUNK_ROWS):
        for values in chunk.rows:
            yield row_dict(source.header, values)


def _money_json(amounts: Mapping[str, Decimal]) -> dict[str, str]:
    """Amounts per currency as decimal strings (JSON numbers would lose cents)."""
    return {currency: str(amount) for currency, amount in amounts.items()}


@dataclass(frozen=True, slots=True)
class CountryTotals:
    """The valid recipients of one country: how many, their parts, and their cost per
    currency (empty when no price is known)."""

    recipients: int
    parts: int
    cost: dict[str, Decimal] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {"recipients": self.recipients, "parts": self.parts, "cost": _money_json(self.cost)}


@dataclass(frozen=True, slots=True)
class EncodingTotals:
    """The valid recipients whose text is sent in one encoding, and their parts."""

    recipients: int
    parts: int

    def as_json(self) -> dict[str, Any]:
        return {"recipients": self.recipients, "parts": self.parts}


@dataclass(frozen=True, slots=True)
class RowSuggestion:
    """The rewrite that would make one row's text cheaper: the characters to replace (each
    by its replacement), the parts it saves and the encoding the text would then use."""

    replace: dict[str, str]
    parts_saved: int
    encoding: str

    def as_json(self) -> dict[str, Any]:
        return {"replace": self.replace, "parts_saved": self.parts_saved, "encoding": self.encoding}


@dataclass(frozen=True, slots=True)
class InputFile:
    """How one recipients file was read: its ``format`` (``"csv"`` or ``"xlsx"``), the CSV's
    ``encoding`` and ``delimiter`` or the workbook's ``sheet``, and the phone column used."""

    file: str
    format: str
    phone_field: str
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"file": self.file, "format": self.format}
        if self.format == "csv":
            found.update(encoding=self.encoding, delimiter=self.delimiter)
        else:
            found["sheet"] = self.sheet
        found["phone_field"] = self.phone_field
        return found


@dataclass(frozen=True, slots=True)
class Report:
    """A campaign estimate, ready to print or serialise (see :meth:`as_json`)."""

    recipients: int
    valid: int
    invalid: int
    parts: int
    cost: dict[str, Decimal]
    unpriced: dict[str, int]
    by_country: dict[str, CountryTotals]
    by_encoding: dict[str, EncodingTotals]
    held: dict[str, int]
    held_sample: list[RecipientEstimate]
    invalid_reasons: dict[str, int]
    invalid_sample: list[RecipientEstimate]
    most_expensive: list[RecipientEstimate]
    at: datetime | None = None
    suggestions: dict[tuple[str, int], RowSuggestion] = field(default_factory=dict)
    blank_lines: int = 0
    inputs: list[InputFile] = field(default_factory=list)
    # country → content rule kind (nrscompose.content) → valid rows that break it
    content_rules: dict[str, dict[str, int]] = field(default_factory=dict)

    def reason_label(self, reason: str) -> str:
        """A group of ``invalid_reasons`` as a person reads it: what a number's ``why`` means
        (:data:`nrscompose.destinations.WHY`), or the sentence of the problem of the first
        sampled row with that kind."""
        if reason in WHY:
            return WHY[reason]
        found = (r.problem for r in self.invalid_sample if r.reason == reason and r.problem)
        return next(found, reason)

    def suggestion_for(self, estimate: RecipientEstimate) -> RowSuggestion | None:
        """The rewrite that would make ``estimate``'s text cheaper (most expensive only)."""
        return self.suggestions.get((estimate.source, estimate.row))

    @property
    def rows_read(self) -> int:
        """Records read: ``valid + invalid`` (blank lines are not records)."""
        return self.recipients

    def as_json(self) -> dict[str, Any]:
        """A JSON-ready dict; money as decimal strings, times as ISO 8601 (format v1)."""
        return {
            "format": "nrscompose.estimate/1",
            "at": self.at.isoformat() if self.at else None,
            "inputs": [found.as_json() for found in self.inputs],
            "totals": {
                "rows_read": self.rows_read,
                "blank_lines_skipped": self.blank_lines,
                "recipients": self.recipients,
                "valid": self.valid,
                "invalid": self.invalid,
                "parts": self.parts,
                "cost": _money_json(self.cost),
                "unpriced_recipients": sum(self.unpriced.values()),
            },
            "unpriced_countries": self.unpriced,
            "by_country": {country: t.as_json() for country, t in self.by_country.items()},
            "by_encoding": {encoding: t.as_json() for encoding, t in self.by_encoding.items()},
            "held": self.held,
            "held_sample": [_row_json(r) for r in self.held_sample],
            "invalid_reasons": {self.reason_label(k): n for k, n in self.invalid_reasons.items()},
            "invalid_reason_kinds": self.invalid_reasons,
            "invalid_sample": [_row_json(r) for r in self.invalid_sample],
            "most_expensive": [
                {**_row_json(r), "suggestion": _suggestion_json(self.suggestion_for(r))}
                for r in self.most_expensive
            ],
            "content_rules": _content_rules_json(self.content_rules),
        }


def _content_rules_json(counts: dict[str, dict[str, int]]) -> dict[str, Any]:
    from nrscompose.problems import severity

    return {
        country: {kind: {"rows": rows, "severity": severity(kind)} for kind, rows in kinds.items()}
        for country, kinds in counts.items()
    }


def _suggestion_json(suggestion: RowSuggestion | None) -> dict[str, Any] | None:
    return suggestion.as_json() if suggestion is not None else None


def _row_json(row: RecipientEstimate) -> dict[str, Any]:
    return {
        "row": row.row,
        "file": row.source or None,
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
    blank_lines: int = 0
    groups: dict[tuple[str, str, str], list[Any]] = field(default_factory=dict)
    unpriced: Counter[str] = field(default_factory=Counter)
    held: Counter[datetime] = field(default_factory=Counter)
    held_sample: list[RecipientEstimate] = field(default_factory=list)
    invalid_reasons: Counter[str] = field(default_factory=Counter)
    invalid_sample: list[RecipientEstimate] = field(default_factory=list)
    # (cost, parts, -file ordinal, -row, estimate): a total order, so the kept set does not
    # depend on the order in which partial reports are merged
    expensive: list[tuple[Decimal, int, int, int, RecipientEstimate]] = field(default_factory=list)
    content: Counter[tuple[str, str]] = field(default_factory=Counter)  # (country, kind) → rows

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
        for kind in estimate.content:
            self.content[key[0], kind] += 1
        self._rank(estimate)

    def _rank(self, estimate: RecipientEstimate, ordinal: int = 0) -> None:
        weight = estimate.cost if estimate.cost is not None else _ZERO
        expensive = self.expensive
        if len(expensive) == SAMPLE_SIZE and weight < expensive[0][0]:
            return  # cheaper than every kept one: the common case, decided without a tuple
        item = (weight, estimate.parts, -ordinal, -estimate.row, estimate)
        if len(expensive) < SAMPLE_SIZE:
            heapq.heappush(expensive, item)
        elif item[:4] > expensive[0][:4]:
            heapq.heapreplace(expensive, item)

    def tag(self, source: str, ordinal: int) -> ReportBuilder:
        """Name the file the kept samples come from (``ordinal``: its place in the campaign's
        list of files), before merging with other files' builders."""
        for sample in (self.held_sample, self.invalid_sample):
            sample[:] = [e._replace(source=source) for e in sample]
        kept, self.expensive = self.expensive, []
        for item in kept:
            self._rank(item[4]._replace(source=source), ordinal)
        return self

    def merge(self, other: ReportBuilder) -> ReportBuilder:
        self.recipients += other.recipients
        self.blank_lines += other.blank_lines
        for key, (count, parts, cost) in other.groups.items():
            group = self.groups.setdefault(key, [0, 0, Decimal(0)])
            group[0] += count
            group[1] += parts
            group[2] += cost
        self.unpriced.update(other.unpriced)
        self.held.update(other.held)
        self.invalid_reasons.update(other.invalid_reasons)
        self.content.update(other.content)
        for sample, extra in (
            (self.held_sample, other.held_sample),
            (self.invalid_sample, other.invalid_sample),
        ):
            sample.extend(extra)
            sample.sort(key=_sample_order)
            del sample[SAMPLE_SIZE:]
        for item in other.expensive:
            self._rank(item[4], -item[2])
        return self

    def report(self, plan: CampaignPlan | RowEstimator | None = None) -> Report:
        """The finished report; with ``plan`` (or the run's :class:`RowEstimator`, whose
        analyses it reuses), explanations and suggestions for the rows it shows."""
        run = RowEstimator(plan) if isinstance(plan, CampaignPlan) else plan
        ranked = [item[4] for item in sorted(self.expensive, key=lambda i: i[:4], reverse=True)]
        held_sample = sorted(self.held_sample, key=_sample_order)
        if run is not None:  # explanations for the rows shown, and only those
            ranked = [run.explained(estimate) for estimate in ranked]
            held_sample = [run.explained(estimate) for estimate in held_sample]
        cost: dict[str, Decimal] = {}
        countries: dict[str, tuple[int, int, dict[str, Decimal]]] = {}
        encodings: dict[str, tuple[int, int]] = {}
        for (country, encoding, currency), (count, parts, amount) in self.groups.items():
            recipients, country_parts, country_cost = countries.get(country, (0, 0, {}))
            countries[country] = (recipients + count, country_parts + parts, country_cost)
            recipients, encoding_parts = encodings.get(encoding, (0, 0))
            encodings[encoding] = (recipients + count, encoding_parts + parts)
            if currency:
                country_cost[currency] = country_cost.get(currency, _ZERO) + amount
                cost[currency] = cost.get(currency, _ZERO) + amount
        by_country = {
            country: CountryTotals(recipients, parts, country_cost)
            for country, (recipients, parts, country_cost) in sorted(
                countries.items(), key=lambda kv: (-kv[1][0], kv[0])
            )
        }
        valid = sum(group[0] for group in self.groups.values())
        return Report(
            self.recipients,
            valid,
            self.recipients - valid,
            sum(group[1] for group in self.groups.values()),
            dict(sorted(cost.items())),
            dict(self.unpriced.most_common()),
            by_country,
            {name: EncodingTotals(*totals) for name, totals in sorted(encodings.items())},
            {moment.isoformat(): count for moment, count in sorted(self.held.items())},
            held_sample,
            dict(self.invalid_reasons.most_common()),
            sorted(self.invalid_sample, key=_sample_order),
            ranked,
            run.plan.at if run else None,
            _suggestions(ranked, run.plan) if run else {},
            self.blank_lines,
            content_rules=_content_totals(self.content),
        )


def _content_totals(counts: Counter[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """Rows per country and content rule kind: countries by rows, kinds by rows."""
    totals: dict[str, dict[str, int]] = {}
    for (country, kind), rows in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        totals.setdefault(country, {})[kind] = rows
    return totals


def _sample_order(estimate: RecipientEstimate) -> tuple[str, int]:
    return estimate.source, estimate.row


def _suggestions(
    estimates: list[RecipientEstimate], plan: CampaignPlan
) -> dict[tuple[str, int], RowSuggestion]:
    from nrscompose.suggestions import suggest

    found: dict[tuple[str, int], RowSuggestion] = {}
    for estimate in estimates:
        if not estimate.text or estimate.encoding == "gsm":
            continue
        suggestion = suggest(estimate.text, trans=plan.trans, profile=plan.profile)
        if suggestion.replacements:
            found[estimate.source, estimate.row] = RowSuggestion(
                {r.char: r.replacement for r in suggestion.replacements},
                suggestion.parts_saved,
                suggestion.after.encoding,
            )
    return found


def _keep(sample: list[RecipientEstimate], estimate: RecipientEstimate) -> None:
    if len(sample) < SAMPLE_SIZE:
        sample.append(estimate)


def estimate(
    recipients: Iterable[Mapping[str, Any]] | str | Path | Sequence[str | Path] | Any,
    template: Template | str,
    *,
    prices: PriceList | None = None,
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
) -> Report:
    """Estimate a whole campaign in one streamed pass.

    ``recipients`` is an iterable of mappings, a file path (CSV or Excel; see
    :mod:`nrscompose.recipient_files` for ``encoding``, ``delimiter`` and ``sheet``), a list
    of paths, or a pandas ``DataFrame`` / pyarrow ``Table`` / Dask ``DataFrame``. Without
    ``phone_field`` the column named as a phone column is used. Returns a :class:`Report`;
    memory does not grow with the row count.
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
    if isinstance(recipients, (str, Path)) or _is_path_list(recipients):
        paths: str | Path | list[str | Path] = (
            recipients if isinstance(recipients, (str, Path)) else list(recipients)  # type: ignore[arg-type]
        )
        return estimate_file(paths, plan, encoding=encoding, delimiter=delimiter, sheet=sheet)
    kind = type(recipients).__module__.split(".", 1)[0]
    if kind == "dask":
        return _estimate_dask_frame(plan, recipients)
    builder, run = ReportBuilder(), RowEstimator(plan)
    rows = iter(_rows(recipients))
    first = next(rows, None)
    if first is None:
        return builder.report(run)
    columns = _columns(recipients)
    if columns is not None:
        check_template_columns(plan.template, columns)
    estimate_row = _estimator(run, _phone_field(plan, columns or first.keys()), explain=False)
    add = builder.add
    add(estimate_row(1, first))
    for row_number, row in enumerate(rows, 2):
        add(estimate_row(row_number, row))
    return builder.report(run)


def _is_path_list(value: Any) -> bool:
    return (
        isinstance(value, (list, tuple))
        and bool(value)
        and all(isinstance(item, (str, Path)) for item in value)
    )


def _columns(recipients: Any) -> list[str] | None:
    """The column names of a table (pandas, pyarrow), or None for plain rows."""
    names = getattr(recipients, "column_names", None)  # pyarrow (its .columns are data)
    if names is None:
        names = getattr(recipients, "columns", None)
    return [str(name) for name in names] if names is not None else None


def _is_missing(value: Any) -> bool:
    """A frame's empty cell: None, NaN, pandas' NA or NaT (a missing value, not a text)."""
    if value is None or (isinstance(value, float) and value != value):
        return True
    return type(value).__name__ in ("NAType", "NaTType")


def _frame_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A frame row with its empty cells left out, so a placeholder over one has no value."""
    return {name: value for name, value in row.items() if not _is_missing(value)}


def _rows(recipients: Any) -> Iterable[Mapping[str, Any]]:
    kind = type(recipients).__module__.split(".", 1)[0]
    if kind == "pandas":
        # Plain tuples, not itertuples' namedtuples: those rename a column such as
        # "Teléfono móvil" to "_0", and the row would lose its phone number.
        columns = [str(name) for name in recipients.columns]
        return (
            _frame_row(dict(zip(columns, values, strict=True)))
            for values in recipients.itertuples(index=False, name=None)
        )
    if kind == "pyarrow":
        return (_frame_row(row) for batch in recipients.to_batches() for row in batch.to_pylist())
    return recipients  # type: ignore[no-any-return]


def _frame_builder(plan: CampaignPlan, phone_field: str, frame: Any, first: int) -> ReportBuilder:
    builder = ReportBuilder()
    add, estimate_row = builder.add, _estimator(RowEstimator(plan), phone_field, explain=False)
    for number, row in enumerate(frame.to_dict("records"), first):
        add(estimate_row(number, _frame_row(row)))
    return builder


def _estimate_dask_frame(plan: CampaignPlan, frame: Any) -> Report:
    """A Dask DataFrame, partition by partition on the current scheduler; rows are numbered
    as in the whole frame, so the report equals the one of the same rows in one process."""
    dask: Any = importlib.import_module("dask")  # an extra; untyped

    columns = [str(name) for name in frame.columns]
    check_template_columns(plan.template, columns)
    phone_field = _phone_field(plan, columns)
    lengths = frame.map_partitions(len).compute()
    starts = [1]
    for length in list(lengths)[:-1]:
        starts.append(starts[-1] + int(length))
    tasks = [
        dask.delayed(_frame_builder)(plan, phone_field, part, start)
        for part, start in zip(frame.to_delayed(), starts, strict=True)
    ]
    builder = ReportBuilder()
    for partial in dask.compute(*tasks):
        builder.merge(partial)
    return builder.report(plan)


# -- files, in one process or several ----------------------------------------------------------

_CHUNK_ROWS: Final = 20_000
_worker_run: RowEstimator | None = None  # a worker process's estimator, kept across chunks


class _Work(NamedTuple):
    """One chunk of one file, as sent to a worker."""

    source: str  # the file's name in samples; empty for a single file
    ordinal: int
    phone_field: str
    header: tuple[str, ...]
    chunk: Chunk


def _estimate_chunk(run: RowEstimator, work: _Work) -> ReportBuilder:
    header, chunk = work.header, work.chunk
    builder = ReportBuilder(blank_lines=chunk.blank_lines)
    add, estimate_row = builder.add, _estimator(run, work.phone_field, explain=False)
    width = len(header)
    for line, values in zip(chunk.lines, chunk.rows, strict=True):
        if len(values) == width:
            add(estimate_row(line, dict(zip(header, values, strict=True))))
        else:
            add(estimate_row(line, row_dict(header, values)))
    if work.source:
        builder.tag(work.source, work.ordinal)
    return builder


def _worker_chunk(work: _Work) -> ReportBuilder:
    assert _worker_run is not None, "worker started without a plan"
    return _estimate_chunk(_worker_run, work)


def _init_worker(plan: CampaignPlan) -> None:
    global _worker_run
    _worker_run = RowEstimator(plan)


class _Source(NamedTuple):
    file: RecipientFile
    phone_field: str
    name: str
    ordinal: int


def _open_sources(
    paths: Sequence[str | Path],
    plan: CampaignPlan,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
) -> list[_Source]:
    """Every file opened and its header checked (phone column, template placeholders)
    before any row is estimated."""
    sources = []
    for ordinal, path in enumerate(paths):
        opened = open_recipients(path, encoding=encoding, delimiter=delimiter, sheet=sheet)
        check_template_columns(plan.template, opened.header)
        phone_field = _phone_field(plan, opened.header)
        name = str(path) if len(paths) > 1 else ""
        sources.append(_Source(opened, phone_field, name, ordinal))
    return sources


def _work(sources: list[_Source]) -> Iterator[_Work]:
    for source in sources:
        for chunk in source.file.chunks(_CHUNK_ROWS):
            yield _Work(source.name, source.ordinal, source.phone_field, source.file.header, chunk)


def _inputs(sources: list[_Source]) -> list[InputFile]:
    return [InputFile(phone_field=s.phone_field, **s.file.describe()) for s in sources]


def estimate_file(
    path: str | Path | Sequence[str | Path],
    plan: CampaignPlan,
    *,
    jobs: int = 1,
    progress: Callable[[int], object] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
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
    sources = _open_sources(paths, plan, encoding, delimiter, sheet)
    builder, run = ReportBuilder(), RowEstimator(plan)
    if jobs == 1:
        for work in _work(sources):
            builder.merge(_estimate_chunk(run, work))
            if progress is not None:
                progress(builder.recipients)
        return _with_inputs(builder.report(run), sources)
    from concurrent.futures import Future, ProcessPoolExecutor

    pending: deque[Future[ReportBuilder]] = deque()

    def collect() -> None:
        builder.merge(pending.popleft().result())
        if progress is not None:
            progress(builder.recipients)

    with ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(plan,)) as pool:
        for work in _work(sources):
            pending.append(pool.submit(_worker_chunk, work))
            if len(pending) >= 2 * jobs:
                collect()
        while pending:
            collect()
    return _with_inputs(builder.report(run), sources)


def _with_inputs(report: Report, sources: list[_Source]) -> Report:
    return dataclasses.replace(report, inputs=_inputs(sources))


def _file_builder(plan: CampaignPlan, source: _Source) -> ReportBuilder:
    builder, run = ReportBuilder(), RowEstimator(plan)
    for work in _work([source]):
        builder.merge(_estimate_chunk(run, work))
    return builder


def estimate_files_on_dask(
    paths: Sequence[str | Path],
    plan: CampaignPlan,
    scheduler: str,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    sheet: str | None = None,
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
    sources = _open_sources(list(paths), plan, encoding, delimiter, sheet)
    if not sources:
        raise ArgumentError("no file to estimate")
    cluster = (
        distributed.LocalCluster(processes=True, dashboard_address=":0")
        if scheduler == "local"
        else None
    )
    try:
        with distributed.Client(cluster if cluster is not None else scheduler) as client:
            futures = [client.submit(_file_builder, plan, source, pure=False) for source in sources]
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
