"""A campaign's report: :class:`ReportBuilder` aggregates estimates in constant memory and
merges partial builders in any order; :class:`Report` is the finished estimate, with its typed
values (:class:`CountryTotals`, :class:`EncodingTotals`, :class:`RowSuggestion`,
:class:`DuplicateRow`, :class:`InputFile`) and its JSON form."""

from __future__ import annotations

import dataclasses
import heapq
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any, Final

from nrscompose._base.problems import Problem, known_kind, needed_params, render
from nrscompose.campaign.plan import DROPPED, CampaignPlan, RecipientEstimate, RowEstimator

__all__ = [
    "SAMPLE_SIZE",
    "CountryTotals",
    "DuplicateRow",
    "EncodingTotals",
    "InputFile",
    "Report",
    "ReportBuilder",
    "RowSuggestion",
]

# A JSON object of the report's documented format (docs/estimate.md): its readers index it by
# that shape.
Json = dict[str, Any]

SAMPLE_SIZE: Final = 20  # rows kept per list in a report (held, invalid, most expensive)
_ZERO: Final = Decimal(0)


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

    def as_json(self) -> Json:
        return {"recipients": self.recipients, "parts": self.parts, "cost": _money_json(self.cost)}


@dataclass(frozen=True, slots=True)
class EncodingTotals:
    """The valid recipients whose text is sent in one encoding, and their parts."""

    recipients: int
    parts: int

    def as_json(self) -> Json:
        return {"recipients": self.recipients, "parts": self.parts}


@dataclass(frozen=True, slots=True)
class RowSuggestion:
    """The rewrite that would make one row's text cheaper: the characters to replace (each
    by its replacement), the parts it saves and the encoding the text would then use."""

    replace: dict[str, str]
    parts_saved: int
    encoding: str

    def as_json(self) -> Json:
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

    def as_json(self) -> Json:
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
    warnings: tuple[Problem, ...] = ()  # such as file.encoding_doubt

    def as_json(self) -> Json:
        found: Json = {"file": self.file, "format": self.format}
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
    warnings: tuple[Problem, ...] = ()  # how the files were read, for a person to check

    def reason_label(self, reason: str, locale: str = "en") -> str:
        """A group of ``invalid_reasons`` (a problem kind) as a person reads it, in ``locale``:
        the kind's sentence when it names no param (a number's reason), else the sentences of
        the first sampled row with that kind."""
        if known_kind(reason) and not needed_params(reason):
            return render(reason, {}, locale)
        found = (r for r in self.invalid_sample if r.reason == reason and r.problems)
        row = next(found, None)
        return reason if row is None else str(row.problem_text(locale))

    def suggestion_for(self, estimate: RecipientEstimate) -> RowSuggestion | None:
        """The rewrite that would make ``estimate``'s text cheaper (most expensive only)."""
        return self.suggestions.get((estimate.source, estimate.row))

    @property
    def rows_read(self) -> int:
        """Records read: ``valid + invalid``, plus the repeated rows left out by ``dedupe``
        (blank lines are not records)."""
        return self.recipients + (self.duplicates if self.deduplicated else 0)

    def as_json(self, locale: str = "en") -> Json:
        """A JSON-ready dict; money as decimal strings, times as ISO 8601 (format v1); the
        sentences (problems, reasons, warnings) in ``locale``."""
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
            "warnings": [warning.describe(locale) for warning in self.warnings],
            "duplicate_sample": [row.as_json() for row in self.duplicate_samples],
            "unpriced_countries": self.unpriced,
            "by_country": {country: t.as_json() for country, t in self.by_country.items()},
            "by_encoding": {encoding: t.as_json() for encoding, t in self.by_encoding.items()},
            "held": self.held,
            "held_sample": [_row_json(r, locale) for r in self.held_sample],
            "invalid_reasons": {
                kind: {"rows": rows, "message": self.reason_label(kind, locale)}
                for kind, rows in self.invalid_reasons.items()
            },
            "invalid_sample": [_row_json(r, locale) for r in self.invalid_sample],
            "most_expensive": [
                {**_row_json(r, locale), "suggestion": _suggestion_json(self.suggestion_for(r))}
                for r in self.most_expensive
            ],
            "content_rules": _content_rules_json(self.content_rules),
        }


def _content_rules_json(counts: dict[str, dict[str, int]]) -> Json:
    from nrscompose._base.problems import severity

    return {
        country: {kind: {"rows": rows, "severity": severity(kind)} for kind, rows in kinds.items()}
        for country, kinds in counts.items()
    }


def _suggestion_json(suggestion: RowSuggestion | None) -> Json | None:
    return suggestion.as_json() if suggestion is not None else None


def _row_json(row: RecipientEstimate, locale: str) -> Json:
    return {
        "row": row.row,
        "file": row.source or None,
        "number": row.number,
        "country": row.country,
        "valid": row.valid,
        "reason": row.reason,
        "problem": row.problem_text(locale),
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
