"""The plan of a campaign and the estimate of each row.

:class:`CampaignPlan` is what every recipient shares: a plain frozen value that pickles as it
is, so it can be shipped to workers. :class:`RowEstimator` is what one run remembers from row
to row (the row renderer, the analysis of each distinct text, the window decision of each
place); :func:`per_row_estimate` turns a row into a :class:`RecipientEstimate`, and
:func:`estimate_batch` does it for a batch of plain rows, unchanged inside any engine.
:class:`Repeats` finds the rows whose number an earlier row has.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Final, NamedTuple

from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import Problem, refusal
from nrscompose._base.vocabularies import CATEGORIES, require
from nrscompose._composition.template import Template
from nrscompose._counting.analysis import Analysis, analyze
from nrscompose._counting.profiles import Profile, get_profile
from nrscompose._rules.destinations import (
    Destination,
    destination,
    known_region,
    unknown_country,
)
from nrscompose._rules.message_rules import naive_datetime_problem
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign.recipient_files import Row, choose_phone_field

if TYPE_CHECKING:  # the content rules load when a plan first meets a country
    from nrscompose._rules.content import CountryRules

__all__ = [
    "DROPPED",
    "CampaignPlan",
    "RecipientEstimate",
    "RepeatOf",
    "Repeats",
    "RowEstimator",
    "estimate_batch",
    "part_cap",
    "per_row_estimate",
    "repeated_rows",
]

_ANALYSIS_CACHE_SIZE: Final = 8_192  # repeated texts hit it; unique ones must not fill memory
# A repeated row that ``dedupe`` leaves out: neither valid nor invalid, not sent.
DROPPED: Final = "duplicate"
# Where an earlier row had the same number: (its line, its file), or None.
RepeatOf = Callable[[str, int], "tuple[int, str] | None"]


class RecipientEstimate(NamedTuple):  # a tuple: one per row, cheap to build and to pickle
    """One recipient's estimate. ``row`` is the line of the file where the recipient's record
    starts (the header is line 1; the sheet row for Excel), or the position from 1 for rows
    given in Python; ``source`` names the file when several are read. ``send_at`` is set when
    a send window holds the message (the UTC moment it may go)."""

    row: int
    number: str
    country: str | None
    valid: bool
    # why it is invalid: the number's problem (``recipient.*``), its text's (``template.*``,
    # ``text.too_long`` with the API's code), as kinds and params rendered in any locale
    problems: tuple[Problem, ...] = ()
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
    # why it is invalid, a stable key to group by: the kind of its first problem
    # ("recipient.too_short", "template.missing_value"…), or "duplicate" for a row left out
    reason: str | None = None
    completed: bool = False  # a national number, its country code added (default_country)
    repeats: int = 0  # the line of the earlier row with the same number (0: the first)
    repeats_source: str = ""  # that row's file, when a campaign spans several
    # the kinds of the country content rules its text breaks (nrscompose._rules.content)
    content: tuple[str, ...] = ()

    @property
    def problem(self) -> str | None:
        """Why it is invalid, in English (:meth:`problem_text` for another locale)."""
        return self.problem_text()

    def problem_text(self, locale: str = "en") -> str | None:
        """The sentences of ``problems`` in ``locale``, or ``None`` when there is none."""
        if not self.problems:
            return None
        return "; ".join(refusal(p, locale) for p in self.problems)


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
    (one process, or one chunk of rows in a worker), what repeats from row to row: the row
    renderer, the analysis of each distinct text and the window decision of each place. The
    plan stays a plain value; each process builds its own estimator."""

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
        self._binding: dict[str | None, CountryRules | None] = {}  # country → its rules, if any
        self._found: dict[tuple[str, str], tuple[str, ...]] = {}

    def kinds(self, country: str | None, text: str) -> tuple[str, ...]:
        if country in self._binding:
            binding = self._binding[country]
        else:
            binding = self._binding[country] = self._rules_of(country)
        if binding is None:
            return ()
        if not binding.reads_text:
            return binding.constant_kinds
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

    def _rules_of(self, country: str | None) -> CountryRules | None:
        from nrscompose._rules import content

        if not (country and len(country) == 2 and country.isalpha()):
            return None
        rules = content.CountryRules(country, self.plan.category)  # type: ignore[arg-type]
        return rules if rules else None


def _with_content(
    estimate_row: Callable[[int, Row], RecipientEstimate], run: RowEstimator
) -> Callable[[int, Row], RecipientEstimate]:
    """``estimate_row`` with the content rules each valid row's text breaks."""
    kinds_of = run._content.kinds
    make = tuple.__new__  # _replace costs more than the check of most rows

    def estimate_row_with_content(row_number: int, row: Row) -> RecipientEstimate:
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


def repeated_rows(
    plan: CampaignPlan,
    phone_field: str,
    rows: Iterable[tuple[int, Row]],
    first_of: RepeatOf,
) -> dict[int, tuple[int, str]]:
    """The rows (line, row) whose number an earlier row has, as line → that row (see
    :meth:`Repeats.finder`): found where the rows are read, so that rows estimated elsewhere,
    in any order, agree on which row came first."""
    found: dict[int, tuple[int, str]] = {}
    for line, row in rows:
        target = _row_target(row, phone_field, plan)
        if target.valid:
            first = first_of(target.number, line)
            if first is not None:
                found[line] = first
    return found


def _offending(analysis: Analysis) -> str:
    """The distinct characters that kept the text out of cheaper encodings, in text order."""
    if analysis.encoding == "gsm":
        return ""
    return "".join(dict.fromkeys(o.char for o in analysis.offending))


def _row_target(row: Row, phone_field: str, plan: CampaignPlan) -> Destination:
    """The row's number read as the plan says: with the row's country column, else the
    plan's default country, else as an international number."""
    raw = str(row.get(phone_field) or "")
    country = plan.default_country
    if plan.country_field is not None:
        cell = str(row.get(plan.country_field) or "").strip().upper()
        if cell:
            if not known_region(cell):
                return unknown_country(raw, cell)
            country = cell
    return destination(raw, country)


def part_cap(plan: CampaignPlan) -> int:
    """The most parts a row may need: the channel's cap in the profile, or ``max_parts``."""
    cap = get_profile(plan.profile).cap(plan.channel)
    return cap if plan.max_parts is None else min(cap, plan.max_parts)


def _over_cap(parts: int, limit: int) -> Problem:
    """A text that needs more parts than the cap: the API refuses such a message (360nrs:
    error 105, the code its catalogue gives the kind)."""
    from nrscompose.providers.nrs.codes import code_for

    problem = Problem("text.too_long", "message", None, {"needed": parts, "limit": limit})
    return problem.with_code(code_for(problem.kind, problem.field))


def per_row_estimate(
    run: RowEstimator,
    phone_field: str,
    explain: bool = True,
    repeat_of: RepeatOf | None = None,
) -> Callable[[int, Row], RecipientEstimate]:
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

    def estimate_row(row_number: int, row: Row) -> RecipientEstimate:
        if by_row:
            target = _row_target(row, phone_field, plan)
        else:
            target = destination(str(row.get(phone_field) or ""), default_country)
        if not target.valid:
            found = () if target.problem is None else (target.problem,)
            return RecipientEstimate(row_number, target.raw, target.region, False, found,
                                     reason=found[0].kind if found else None)  # fmt: skip
        number, region, completed = target.number, target.region, target.completed
        first = repeat_of(number, row_number) if repeat_of is not None else None
        repeats, repeats_source = first if first is not None else (0, "")
        if first is not None and dedupe:
            return RecipientEstimate(row_number, number, region, False, (), reason=DROPPED,
                                     completed=completed, repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        try:
            text = render(row)
            analysis = count(text)
            offending = _offending(analysis) if explain else ""
            held = send_at(number) if send_at is not None else None
        except ValidationError as error:  # the row is in the estimate: the messages suffice
            return RecipientEstimate(row_number, number, region, False, error.problems,
                                     reason=error.problems[0].kind, completed=completed,
                                     repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        if analysis.parts > cap:
            over = _over_cap(analysis.parts, cap)
            return RecipientEstimate(row_number, number, region, False, (over,),
                                     analysis.encoding, analysis.parts, reason=over.kind,
                                     completed=completed, repeats=repeats,
                                     repeats_source=repeats_source)  # fmt: skip
        parts = analysis.parts
        quote = (
            quote_for(region, row.get(mcc_field) or None, row.get(mnc_field) or None)
            if quote_for is not None
            else None
        )
        if quote is None:
            return RecipientEstimate(row_number, number, region, True, (), analysis.encoding,
                                     parts, analysis.units, None, None, None, held, offending,
                                     text, "", None, completed, repeats,
                                     repeats_source)  # fmt: skip
        return RecipientEstimate(row_number, number, region, True, (), analysis.encoding,
                                 parts, analysis.units, quote.cost(parts),
                                 quote.price.currency, quote.basis, held, offending,
                                 text, "", None, completed, repeats,
                                 repeats_source)  # fmt: skip

    return _with_content(estimate_row, run)


def estimate_batch(
    plan: CampaignPlan, rows: Iterable[Row], first_row: int = 1
) -> list[RecipientEstimate]:
    """Estimate every row of one batch; ``first_row`` numbers the batch's first row.

    Without ``plan.phone_field``, the phone column is chosen from the first row's keys."""
    batch = rows if isinstance(rows, list) else list(rows)
    if not batch:
        return []
    phone_field = choose_phone_field(batch[0].keys(), plan.phone_field)
    estimate_row = per_row_estimate(RowEstimator(plan), phone_field)
    return [estimate_row(n, row) for n, row in enumerate(batch, first_row)]
