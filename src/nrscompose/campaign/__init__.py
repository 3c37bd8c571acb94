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

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.vocabularies import CATEGORIES, require
from nrscompose._composition.template import Template
from nrscompose._counting.analysis import Analysis, analyze
from nrscompose._counting.profiles import Profile, get_profile
from nrscompose._rules.destinations import WHY, Destination, destination, known_region
from nrscompose._rules.message_rules import naive_datetime_problem
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign.recipient_files import (
    Chunk,
    RecipientFile,
    check_template_columns,
    choose_phone_field,
    open_recipients,
    row_dict,
)

__all__ = [
    "CampaignPlan",
    "CountryTotals",
    "DuplicateRow",
    "EncodingTotals",
    "InputFile",
    "RecipientEstimate",
    "Repeats",
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
    completed: bool = False  # a national number, its country code added (default_country)
    repeats: int = 0  # the line of the earlier row with the same number (0: the first)
    repeats_source: str = ""  # that row's file, when a campaign spans several
    # the kinds of the country content rules its text breaks (nrscompose._rules.content)
    content: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CampaignPlan:
    """What every recipient of a campaign shares.

    ``template`` is the message (``{name|filter}`` placeholders filled from each row);
    ``phone_field`` the column holding numbers (``None``: the one column named as such, see
    :func:`nrscompose.campaign.recipient_files.choose_phone_field`); ``prices`` coverage prices
    (``None``: no cost);
    ``at`` the send time for window decisions (``None``: not checked); ``mcc_field`` and
    ``mnc_field`` optional columns with the recipient's network.

    ``default_country`` (ISO 3166 alpha-2) reads numbers without a country code as national
    numbers of that country; ``country_field`` names a column holding each row's country
    (an empty cell falls back to ``default_country``). ``dedupe`` keeps only the first row of
    each number (compared in international form); without it, repeated rows are counted as
    sent and reported. ``max_parts`` lowers the channel's part cap: a row needing more parts
    is invalid, as the API would refuse it.
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
    default_country: str | None = None
    country_field: str | None = None
    dedupe: bool = False
    max_parts: int | None = None

    def __post_init__(self) -> None:
        _check_numbers_plan(self)
        if self.at is not None:
            naive = naive_datetime_problem(self.at, "at")
            if naive is not None:
                raise ValidationError([naive])
            from nrscompose._rules.windows import require_decidable

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
        self.renderer = plan.template.row_renderer(lenient=plan.lenient)
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
            from nrscompose._rules.windows import place_keys

            self._place_key = place_keys()
        key = self._place_key(number)
        if key not in self._windows:
            from nrscompose._rules import windows

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
        from nrscompose._rules import content

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


def _check_numbers_plan(plan: CampaignPlan) -> None:
    """``default_country`` a region, ``max_parts`` a whole number within the channel's cap."""
    from nrscompose._rules.destinations import known_region

    country = plan.default_country
    if country is not None and not (isinstance(country, str) and known_region(country.upper())):
        raise ValidationError.single(
            "campaign.unknown_country", "default_country", None, {"value": repr(country)}
        )
    if country is not None and country != country.upper():
        object.__setattr__(plan, "default_country", country.upper())
    cap = get_profile(plan.profile).cap(plan.channel)
    limit = plan.max_parts
    if limit is not None and (isinstance(limit, bool) or not isinstance(limit, int)
                              or not 1 <= limit <= cap):  # fmt: skip
        raise ValidationError.single(
            "parts.out_of_range", "max_parts", None, {"cap": cap, "value": repr(limit)}
        )


class Repeats:
    """The first row of each number seen so far in a campaign (numbers in international
    form, as digits): ``first(number, line, source)`` is the earlier row's (line, file), or
    None for a number's first row. About 100 bytes per distinct number."""

    __slots__ = ("_names", "_seen")

    def __init__(self) -> None:
        self._seen: dict[int, int] = {}
        self._names: list[str] = []

    def first(self, number: str, line: int, source: str = "") -> tuple[int, str] | None:
        return self.finder(source)(number, line)

    def finder(self, source: str = "") -> RepeatOf:
        """``first`` for the rows of one file, with the file's tag bound once: this runs once
        per recipient."""
        if not self._names or self._names[-1] != source:
            self._names.append(source)
        tag = (len(self._names) - 1) << 40
        remember, names = self._seen.setdefault, self._names

        def first(number: str, line: int) -> tuple[int, str] | None:
            here = tag | line
            found = remember(int(number), here)
            if found == here:
                return None
            return found & 0xFF_FFFF_FFFF, names[found >> 40]

        return first


def _offending(analysis: Analysis) -> str:
    """The distinct characters that kept the text out of cheaper encodings, in text order."""
    if analysis.encoding == "gsm":
        return ""
    return "".join(dict.fromkeys(o.char for o in analysis.offending))


# A repeated row that ``dedupe`` leaves out: neither valid nor invalid, not sent.
DROPPED: Final = "duplicate"
# Where an earlier row had the same number: (its line, its file), or None.
RepeatOf = Callable[[str, int], "tuple[int, str] | None"]


def _row_target(row: Mapping[str, Any], phone_field: str, plan: CampaignPlan) -> Destination:
    """The row's number read as the plan says: with the row's country column, else the
    plan's default country, else as an international number."""
    raw = str(row.get(phone_field) or "")
    country = plan.default_country
    if plan.country_field is not None:
        cell = str(row.get(plan.country_field) or "").strip().upper()
        if cell:
            if not known_region(cell):
                reason = f"the country column holds {cell!r}, not an ISO 3166 code such as ES"
                return Destination(raw, "", 0, None, False, reason, "unknown_country")
            country = cell
    return destination(raw, country)


def part_cap(plan: CampaignPlan) -> int:
    """The most parts a row may need: the channel's cap in the profile, or ``max_parts``."""
    cap = get_profile(plan.profile).cap(plan.channel)
    return cap if plan.max_parts is None else min(cap, plan.max_parts)


def _over_cap(parts: int, limit: int) -> tuple[str, str]:
    """(problem, kind) of a text that needs more parts than the cap: the API refuses such a
    message (360nrs: error 105, the code its catalogue gives the kind)."""
    from nrscompose._base.problems import Problem
    from nrscompose.providers.nrs.codes import code_for

    problem = Problem("text.too_long", "message", None, {"needed": parts, "limit": limit})
    code = code_for(problem.kind, problem.field)
    return f"{problem.message} The API would refuse it (error {code}).", problem.kind


def _estimator(
    run: RowEstimator,
    phone_field: str,
    explain: bool = True,
    repeat_of: RepeatOf | None = None,
) -> Callable[[int, Mapping[str, Any]], RecipientEstimate]:
    """The per-row estimate of ``run``'s plan, with everything it looks up bound once: this
    runs once per recipient, where attribute lookups are a measurable share of the time.
    Without ``explain``, rows carry no offending characters: a report adds them to the rows it
    shows (:meth:`RowEstimator.explained`). ``repeat_of(number, line)`` says where an earlier
    row had the same number (see :class:`Repeats`)."""
    plan = run.plan
    mcc_field, mnc_field = plan.mcc_field, plan.mnc_field
    render, count = run.renderer, run.count
    quote_for = plan.prices.quote if plan.prices is not None else None
    send_at = run.send_at if plan.at is not None else None
    by_row = plan.country_field is not None
    default_country, dedupe = plan.default_country, plan.dedupe
    cap = part_cap(plan)

    def estimate_row(row_number: int, row: Mapping[str, Any]) -> RecipientEstimate:
        if by_row:
            target = _row_target(row, phone_field, plan)
        else:
            target = destination(str(row.get(phone_field) or ""), default_country)
        if not target.valid:
            return RecipientEstimate(row_number, target.raw, target.region, False,
                                     target.reason, reason=target.why)  # fmt: skip
        number, region, completed = target.number, target.region, target.completed
        first = repeat_of(number, row_number) if repeat_of is not None else None
        repeats, repeats_source = first if first is not None else (0, "")
        if first is not None and dedupe:
            return RecipientEstimate(row_number, number, region, False, None, reason=DROPPED,
                                     completed=completed, repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        try:
            text = render(row)
            analysis = count(text)
            offending = _offending(analysis) if explain else ""
            held = send_at(number) if send_at is not None else None
        except ValidationError as error:  # the row is in the estimate: the messages suffice
            problem = "; ".join(p.message for p in error.problems)
            return RecipientEstimate(row_number, number, region, False, problem,
                                     reason=error.problems[0].kind, completed=completed,
                                     repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        if analysis.parts > cap:
            over = _over_cap(analysis.parts, cap)
            return RecipientEstimate(row_number, number, region, False, over[0],
                                     analysis.encoding, analysis.parts, reason=over[1],
                                     completed=completed, repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        parts = analysis.parts
        quote = (
            quote_for(region, row.get(mcc_field) or None, row.get(mnc_field) or None)
            if quote_for is not None
            else None
        )
        if quote is None:
            return RecipientEstimate(row_number, number, region, True, None, analysis.encoding,
                                     parts, analysis.units, None, None, None, held, offending,
                                     text, "", None, completed, repeats,
                                     repeats_source)  # fmt: skip
        return RecipientEstimate(row_number, number, region, True, None, analysis.encoding,
                                 parts, analysis.units, quote.cost(parts),
                                 quote.price.currency, quote.basis, held, offending,
                                 text, "", None, completed, repeats,
                                 repeats_source)  # fmt: skip

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
    gives them; encoding and delimiter as :func:`~.recipient_files.open_recipients`
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
class DuplicateRow:
    """A row whose number (in international form) an earlier row already has: its ``line``
    and the earlier row's ``first_line`` (rows from 1 for rows given in Python); ``file`` and
    ``first_file`` name the files when a campaign spans several."""

    line: int
    first_line: int
    file: str = ""
    first_file: str = ""

    def describe(self) -> str:
        """ "line 5 repeats line 2" (with file names when they differ)."""
        here = f"{self.file} line {self.line}" if self.file else f"line {self.line}"
        there = f"line {self.first_line}"
        if self.first_file and self.first_file != self.file:
            there = f"{self.first_file} {there}"
        return f"{here} repeats {there}"

    def as_json(self) -> dict[str, Any]:
        return {
            "line": self.line,
            "first_line": self.first_line,
            "file": self.file or None,
            "first_file": self.first_file or None,
        }


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
    header_line: int = 1  # the file line (sheet row) of the header
    warnings: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        found: dict[str, Any] = {"file": self.file, "format": self.format}
        if self.format == "csv":
            found.update(encoding=self.encoding, delimiter=self.delimiter)
        else:
            found["sheet"] = self.sheet
        found["phone_field"] = self.phone_field
        found["header_line"] = self.header_line
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
    # country → content rule kind (nrscompose._rules.content) → valid rows that break it
    content_rules: dict[str, dict[str, int]] = field(default_factory=dict)
    # rows whose number (international form) an earlier row has; with ``deduplicated`` they
    # were left out, else counted as sent (the file is what would be sent)
    duplicates: int = 0
    duplicate_samples: tuple[DuplicateRow, ...] = ()
    deduplicated: bool = False
    national_numbers: int = 0  # numbers read as national and completed with a country code
    warnings: tuple[str, ...] = ()  # how the files were read, for a person to check

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
        """Records read: ``valid + invalid``, plus the repeated rows left out by ``dedupe``
        (blank lines are not records)."""
        return self.recipients + (self.duplicates if self.deduplicated else 0)

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
                "duplicates": self.duplicates,
                "duplicates_removed": self.duplicates if self.deduplicated else 0,
                "national_numbers_completed": self.national_numbers,
            },
            "warnings": list(self.warnings),
            "duplicate_sample": [row.as_json() for row in self.duplicate_samples],
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
    from nrscompose._base.problems import severity

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
    duplicates: int = 0
    dropped: int = 0  # repeated rows left out (dedupe)
    duplicate_sample: list[DuplicateRow] = field(default_factory=list)
    national_numbers: int = 0

    def add(self, estimate: RecipientEstimate) -> None:
        if estimate.completed:
            self.national_numbers += 1
        if estimate.repeats:
            self.duplicates += 1
            if len(self.duplicate_sample) < SAMPLE_SIZE:
                self.duplicate_sample.append(
                    DuplicateRow(
                        estimate.row, estimate.repeats, estimate.source, estimate.repeats_source
                    )
                )
            if estimate.reason == DROPPED:
                self.dropped += 1
                return
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
        self.duplicate_sample[:] = [
            dataclasses.replace(row, file=source) for row in self.duplicate_sample
        ]
        kept, self.expensive = self.expensive, []
        for item in kept:
            self._rank(item[4]._replace(source=source), ordinal)
        return self

    def merge(self, other: ReportBuilder) -> ReportBuilder:
        self.recipients += other.recipients
        self.blank_lines += other.blank_lines
        self.duplicates += other.duplicates
        self.dropped += other.dropped
        self.national_numbers += other.national_numbers
        self.duplicate_sample.extend(other.duplicate_sample)
        self.duplicate_sample.sort(key=lambda row: (row.file, row.line))
        del self.duplicate_sample[SAMPLE_SIZE:]
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
            duplicates=self.duplicates,
            duplicate_samples=tuple(sorted(self.duplicate_sample, key=lambda r: (r.file, r.line))),
            deduplicated=self.dropped > 0 or bool(run and run.plan.dedupe),
            national_numbers=self.national_numbers,
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
    from nrscompose._counting.suggestions import suggest

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
    if isinstance(recipients, (str, Path)) or _is_path_list(recipients):
        paths: str | Path | list[str | Path] = (
            recipients if isinstance(recipients, (str, Path)) else list(recipients)  # type: ignore[arg-type]
        )
        return estimate_file(
            paths, plan, encoding=encoding, delimiter=delimiter, sheet=sheet, header_row=header_row
        )
    if isinstance(recipients, RecipientFile):
        return estimate_file([recipients], plan)
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
        _check_country_column(plan, columns)
    estimate_row = _estimator(
        run, _phone_field(plan, columns or first.keys()), False, Repeats().finder()
    )
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


def _frame_builder(
    plan: CampaignPlan,
    phone_field: str,
    frame: Any,
    first: int,
    repeated: dict[int, tuple[int, str]],
) -> ReportBuilder:
    builder = ReportBuilder()
    estimate_row = _estimator(RowEstimator(plan), phone_field, False, _lookup(repeated))
    add = builder.add
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
    repeated = _frame_repeats(plan, phone_field, frame)
    ends = [*starts[1:], starts[-1] + int(list(lengths)[-1])]
    tasks = [
        dask.delayed(_frame_builder)(
            plan, phone_field, part, start,
            {line: first for line, first in repeated.items() if start <= line < end},
        )
        for part, start, end in zip(frame.to_delayed(), starts, ends, strict=True)
    ]  # fmt: skip
    builder = ReportBuilder()
    for partial in dask.compute(*tasks):
        builder.merge(partial)
    return builder.report(plan)


def _frame_repeats(plan: CampaignPlan, phone_field: str, frame: Any) -> dict[int, tuple[int, str]]:
    """The rows of a Dask frame whose number an earlier row has, from its number (and
    country) columns only, gathered here so that partitions agree on the first row."""
    names = [phone_field] + ([plan.country_field] if plan.country_field else [])
    numbers = frame[names].compute()
    first_of, found = Repeats().finder(), {}
    for line, row in enumerate(numbers.to_dict("records"), 1):
        target = _row_target(_frame_row(row), phone_field, plan)
        if target.valid:
            first = first_of(target.number, line)
            if first is not None:
                found[line] = first
    return found


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
    repeated: dict[int, tuple[int, str]] | None = None  # line → earlier row, found beforehand


def _estimate_chunk(
    run: RowEstimator, work: _Work, repeats: Repeats | None = None
) -> ReportBuilder:
    """One chunk's partial report. Repeated numbers are found with ``repeats`` (the run's, in
    one process) or were marked in the chunk by the process that read it."""
    header, chunk = work.header, work.chunk
    builder = ReportBuilder(blank_lines=chunk.blank_lines)
    repeat_of = repeats.finder(work.source) if repeats is not None else _lookup(work.repeated or {})
    estimate_row = _estimator(run, work.phone_field, False, repeat_of)
    add = builder.add
    width = len(header)
    for line, values in zip(chunk.lines, chunk.rows, strict=True):
        if len(values) == width:
            add(estimate_row(line, dict(zip(header, values, strict=True))))
        else:
            add(estimate_row(line, row_dict(header, values)))
    if work.source:
        builder.tag(work.source, work.ordinal)
    return builder


def _lookup(repeated: dict[int, tuple[int, str]]) -> RepeatOf:
    def repeat_of(number: str, line: int) -> tuple[int, str] | None:
        return repeated.get(line)

    return repeat_of


def _mark_repeats(plan: CampaignPlan, repeats: Repeats, work: _Work) -> dict[int, tuple[int, str]]:
    """The rows of ``work`` whose number an earlier row has (line → that row), found in the
    reading process so that chunks estimated by workers in any order agree."""
    found: dict[int, tuple[int, str]] = {}
    header, field_name = work.header, work.phone_field
    first_of = repeats.finder(work.source)
    for line, values in zip(work.chunk.lines, work.chunk.rows, strict=True):
        target = _row_target(row_dict(header, values), field_name, plan)
        if target.valid:
            first = first_of(target.number, line)
            if first is not None:
                found[line] = first
    return found


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
    paths: Sequence[str | Path | RecipientFile],
    plan: CampaignPlan,
    encoding: str | None,
    delimiter: str | None,
    sheet: str | None,
    header_row: int | None = None,
) -> list[_Source]:
    """Every file opened and its header checked (phone column, template placeholders)
    before any row is estimated; a :class:`RecipientFile` is already open."""
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
        _check_country_column(plan, opened.header)
        check_template_columns(plan.template, opened.header)
        phone_field = _phone_field(plan, opened.header)
        name = str(opened.path) if len(paths) > 1 else ""
        sources.append(_Source(opened, phone_field, name, ordinal))
    return sources


def _check_country_column(plan: CampaignPlan, columns: Sequence[str]) -> None:
    if plan.country_field is not None and plan.country_field not in columns:
        raise ValidationError.single(
            "campaign.no_country_column",
            "country_field",
            None,
            {"column": repr(plan.country_field), "columns": ", ".join(map(repr, columns))},
        )


def _work(sources: list[_Source]) -> Iterator[_Work]:
    for source in sources:
        for chunk in source.file.chunks(_CHUNK_ROWS):
            yield _Work(source.name, source.ordinal, source.phone_field, source.file.header, chunk)


def _inputs(sources: list[_Source]) -> list[InputFile]:
    return [InputFile(phone_field=s.phone_field, **s.file.describe()) for s in sources]


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
    sources = _open_sources(paths, plan, encoding, delimiter, sheet, header_row)
    builder, run, repeats = ReportBuilder(), RowEstimator(plan), Repeats()
    if jobs == 1:
        for work in _work(sources):
            builder.merge(_estimate_chunk(run, work, repeats))
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
            marked = work._replace(repeated=_mark_repeats(plan, repeats, work))
            pending.append(pool.submit(_worker_chunk, marked))
            if len(pending) >= 2 * jobs:
                collect()
        while pending:
            collect()
    return _with_inputs(builder.report(run), sources)


def _with_inputs(report: Report, sources: list[_Source]) -> Report:
    inputs = _inputs(sources)
    warnings = tuple(warning for found in inputs for warning in found.warnings)
    return dataclasses.replace(report, inputs=inputs, warnings=warnings)


def _file_builder(
    plan: CampaignPlan, source: _Source, repeated: dict[int, tuple[int, str]]
) -> ReportBuilder:
    builder, run = ReportBuilder(), RowEstimator(plan)
    for work in _work([source]):
        builder.merge(_estimate_chunk(run, work._replace(repeated=repeated)))
    return builder


def _file_repeats(plan: CampaignPlan, sources: list[_Source]) -> list[dict[int, tuple[int, str]]]:
    """Each file's rows whose number an earlier row has, read here once before the files go
    to the cluster, so that files estimated in any order agree on the first row."""
    repeats = Repeats()
    found: list[dict[int, tuple[int, str]]] = []
    for source in sources:
        marked: dict[int, tuple[int, str]] = {}
        for work in _work([source]):
            marked.update(_mark_repeats(plan, repeats, work))
        found.append(marked)
    return found


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
    sources = _open_sources(list(paths), plan, encoding, delimiter, sheet, header_row)
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
                client.submit(_file_builder, plan, source, marked, pure=False)
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
