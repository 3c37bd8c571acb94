"""``check_message``: what a form needs to say about a message text, with positions.

One call gives the count (an :class:`~nrscompose.analysis.Analysis`), the problems the 360nrs
API would answer with — each with its error code (seed 001, "Errors"), the field, a
translated sentence and the span to highlight — and, on demand, the characters that made the
message costlier and the rewrites that would make it cheaper.

The rules are the library's, not a copy: the part cap and the sender (110, 106, 107) are
checked by the request builders' :class:`~nrscompose.providers.nrs._checks.Checker`,
placeholders by :class:`~nrscompose.template.Template` (parse errors, 141, missing values,
142 with ``split_parts``), the count by :func:`~nrscompose.analyze`. Only the decisions the
builder takes inline (104 empty text, 105 more parts than allowed) are restated here, in
:func:`_text_problems`, and ``tests/test_forms_check.py`` holds them equal to
:func:`nrscompose.providers.nrs.validate` over generated texts.

Newlines (DESIGN 1.7): a browser submits a textarea's line breaks as CRLF whatever the
``.value`` held (HTML, "converting to a list of name-value pairs"), and CRLF costs two units.
``newlines="crlf"`` (default) counts the text as a form submits it, so the live counter, which
normalizes the same way, and the server agree; ``"lf"`` counts (and, in the integrations,
returns) one LF per line break, which is cheaper; ``"keep"`` counts the text as given. The
result says which was applied (``newlines``) and whether the text changed
(``newlines_changed``). Every ``start``/``end`` indexes the text *as given*, before
normalization, so a caller can highlight the string it holds.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Final, Literal, NamedTuple, TypeVar, get_args

from nrscompose.analysis import Analysis, analyze, describe_char
from nrscompose.errors import ArgumentError, ArgumentTypeError, Problem, ValidationError
from nrscompose.filters import FILTERS
from nrscompose.forms import _messages as msg
from nrscompose.forms._messages import translator
from nrscompose.profiles import Profile, get_profile
from nrscompose.providers.nrs._checks import SENDER_MAX_DIGITS, Checker
from nrscompose.suggestions import suggest
from nrscompose.template import SERVER_FILLED, Template, Value, split_sms
from nrscompose.transliterate import source_index

__all__ = [
    "Channel",
    "FormProblem",
    "FormSuggestion",
    "MessageCheck",
    "NewlineMode",
    "ProblemKind",
    "check_message",
    "normalize_newlines",
]

_T = TypeVar("_T")
NewlineMode = Literal["crlf", "lf", "keep"]
Channel = Literal["sms", "landing"]
Severity = Literal["error", "warning"]
ProblemKind = Literal[
    "empty",  # 104
    "too-long",  # 105
    "parts",  # 110
    "sender-missing",  # 106
    "sender-too-long",  # 107
    "landing-url",  # 141
    "split-placeholder",  # 142
    "unknown-filter",
    "unterminated",
    "unexpected-character",
    "reserved-filter",
    "reserved-channel",
    "missing-value",
    "invalid-character",
    "template",
    "not-gsm",  # a warning: the character that chose a costlier encoding
]
NEWLINE_MODES: Final[tuple[NewlineMode, ...]] = get_args(NewlineMode)
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_REPLACEMENT: Final[dict[NewlineMode, str]] = {"crlf": "\r\n", "lf": "\n"}
_FILTER_WORD: Final = re.compile(r"[^\W\d]\w*")


@dataclass(frozen=True, slots=True)
class FormProblem:
    """One thing to tell the person filling the form.

    ``code`` is the 360nrs API error code the server would answer with (``None`` where the API
    has none); ``field`` the API field (``"message"``, ``"parts"``, ``"from"``); ``message``
    a sentence in the requested locale; ``start``/``end`` the span to highlight in that
    field's text as given; ``kind`` a stable key for code that reacts to a problem;
    ``severity`` ``"error"`` (the server would reject) or ``"warning"`` (accepted, but costlier).
    """

    field: str
    message: str
    code: int | None
    start: int | None
    end: int | None
    kind: ProblemKind
    severity: Severity = "error"

    def as_problem(self) -> Problem:
        """The library-wide :class:`~nrscompose.errors.Problem` (for ``ValidationError``)."""
        return Problem(self.field, self.message, self.code, self.start, self.end)

    def __str__(self) -> str:
        return str(self.as_problem())


@dataclass(frozen=True, slots=True)
class FormSuggestion:
    """Replace ``char`` (at ``indices`` of the text as given) with ``replacement``."""

    char: str
    replacement: str
    indices: tuple[int, ...]
    parts_saved: int
    message: str


class _Context(NamedTuple):  # a tuple: built on every check, on the hot path
    source: str
    trans: bool
    profile: Profile
    channel: str
    locale: str
    positional: bool  # indices of the counted text are indices of the text
    parts_needed: int
    max_parts: int
    newlines: NewlineMode


@dataclass(frozen=True, slots=True)
class MessageCheck:
    """The verdict on one message text.

    ``text`` is the text counted before ``trans`` (the input after newline normalization);
    ``analysis`` its count, ``None`` only when the text cannot be sent at all (a lone
    surrogate); ``problems`` the errors, in field order, each with its API code where one
    exists; ``parts_needed`` the parts (or, with ``split_parts``, separate SMS) the server
    would bill and ``max_parts`` the limit they are held to; ``newlines``/``newlines_changed``
    what normalization was applied. ``warnings`` (characters that chose a costlier encoding)
    and ``suggestions`` (rewrites that save parts) are computed on first access.
    """

    text: str
    analysis: Analysis | None
    problems: tuple[FormProblem, ...]
    _options: _Context = field(repr=False, compare=False)
    _lazy: dict[str, object] | None = field(default=None, repr=False, compare=False)

    @property
    def parts_needed(self) -> int:
        """Parts the server would bill (separate SMS with ``split_parts``); 0 when empty."""
        return self._options.parts_needed

    @property
    def max_parts(self) -> int:
        """The limit ``parts_needed`` is held to: ``max_parts``, or the cap when invalid."""
        return self._options.max_parts

    @property
    def newlines(self) -> NewlineMode:
        """The newline normalization applied to the text before counting."""
        return self._options.newlines

    @property
    def newlines_changed(self) -> bool:
        """True when normalization changed the text (``text`` differs from the input)."""
        return self._options.source != self.text

    @property
    def valid(self) -> bool:
        """True when the server would accept the text (warnings do not count)."""
        return not self.problems

    @property
    def codes(self) -> tuple[int, ...]:
        """The API error codes of ``problems``, in order, without duplicates."""
        return tuple(dict.fromkeys(p.code for p in self.problems if p.code is not None))

    @property
    def locale(self) -> str:
        return self._options.locale

    @property
    def warnings(self) -> tuple[FormProblem, ...]:
        """One ``"not-gsm"`` warning per character that kept the text out of GSM (or GSM-PT).

        Empty when the count is of a preview with template values (its indices are not the
        text's).
        """
        return self._cached("warnings", self._find_warnings)

    @property
    def suggestions(self) -> tuple[FormSuggestion, ...]:
        """Rewrites (:func:`nrscompose.suggest`) that lower the parts; empty if none does."""
        return self._cached("suggest", self._find_suggestions)[0]

    @property
    def suggestions_message(self) -> str:
        """One translated sentence: the parts all ``suggestions`` save together ("" if none)."""
        saved = self._cached("suggest", self._find_suggestions)[1]
        if not saved:
            return ""
        return translator(self.locale).ngettext(*msg.SAVES, saved) % {"saved": saved}

    @property
    def suggested_text(self) -> str:
        """The text as given with every suggestion applied (the text itself if none)."""
        chosen = {ord(s.char): s.replacement for s in self.suggestions}
        source = self._options.source
        return source.translate(chosen) if chosen else source

    def raise_if_invalid(self) -> None:
        """Raise :class:`~nrscompose.errors.ValidationError` listing every problem."""
        if self.problems:
            raise ValidationError(p.as_problem() for p in self.problems)

    def _cached(self, key: str, compute: Callable[[], _T]) -> _T:
        lazy = self._lazy
        if lazy is None:
            lazy = {}
            object.__setattr__(self, "_lazy", lazy)  # a cache, invisible to == and repr
        if key not in lazy:
            lazy[key] = compute()
        return lazy[key]  # type: ignore[return-value]

    def _spans(self) -> _Spans:
        options = self._options
        return _Spans(options.source, self.text, self.newlines)

    def _find_warnings(self) -> tuple[FormProblem, ...]:
        analysis = self.analysis
        if analysis is None or not self._options.positional:
            return ()
        gettext = translator(self.locale).gettext
        spans = self._spans()
        found = []
        for offending in analysis.offending:
            start, end = spans.span(offending.index, offending.index + 1)
            template = msg.NOT_GSM_DEFAULT if offending.excluded_from == ("gsm",) else msg.NOT_GSM
            message = gettext(template) % {"char": describe_char(offending.char), "index": start}
            found.append(FormProblem("message", message, None, start, end, "not-gsm", "warning"))
        return tuple(found)

    def _find_suggestions(self) -> tuple[tuple[FormSuggestion, ...], int]:
        if self.analysis is None or not self.text:
            return (), 0
        options = self._options
        found = suggest(self.text, trans=options.trans, profile=options.profile)
        if not found.replacements:
            return (), 0
        gettext = translator(self.locale).gettext
        spans = self._spans()
        suggestions = []
        for item in found.replacements:
            indices = tuple(spans.span(i, i + 1)[0] for i in item.indices)
            values = {
                "char": describe_char(item.char),
                "replacement": _shown(item.replacement),
                "count": len(indices),
            }
            text = gettext(msg.REPLACE if item.replacement else msg.REMOVE) % values
            suggestions.append(
                FormSuggestion(item.char, item.replacement, indices, item.parts_saved, text)
            )
        return tuple(suggestions), found.parts_saved


def normalize_newlines(text: str, mode: NewlineMode = "crlf") -> str:
    """Every line break (CRLF, lone CR, lone LF) as ``mode`` writes it; ``"keep"``: unchanged.

    ``"crlf"`` is what an HTML form submits for a textarea (HTML, "converting to a list of
    name-value pairs": lone CR and lone LF become CRLF).
    """
    if mode == "keep" or ("\n" not in text and "\r" not in text):
        return text
    newline = _REPLACEMENT[mode]
    if mode == "crlf" and text.count("\r\n") == text.count("\n") == text.count("\r"):
        return text
    if mode == "lf" and "\r" not in text:
        return text
    return _LINE_BREAK.sub(newline, text)


class _Spans:
    """Maps spans in the normalized text back to the text as given (identity if unchanged)."""

    __slots__ = ("_ends", "_starts")

    def __init__(self, source: str, normalized: str, mode: NewlineMode) -> None:
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        if source is normalized or mode == "keep":
            return
        written = len(_REPLACEMENT[mode])
        starts: list[int] = []
        ends: list[int] = []
        position = 0
        for match in _LINE_BREAK.finditer(source):
            starts.extend(range(position, match.start()))
            ends.extend(range(position + 1, match.start() + 1))
            starts.extend([match.start()] * written)  # each written char is the whole break
            ends.extend([match.end()] * written)
            position = match.end()
        starts.extend(range(position, len(source) + 1))
        ends.extend(range(position + 1, len(source) + 2))
        self._starts, self._ends = starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        starts = self._starts
        if starts is None:
            return start, end
        if end <= start:
            return starts[start], starts[start]
        return starts[start], self._ends[end - 1]


def check_message(
    text: str,
    *,
    channel: Channel = "sms",
    max_parts: int = 1,
    trans: bool = False,
    profile: str | Profile = "360nrs",
    sender: str | None = None,
    template_values: Mapping[str, Value] | None = None,
    split_parts: bool = False,
    newlines: NewlineMode = "crlf",
    locale: str = "en",
) -> MessageCheck:
    """Check ``text`` as the 360nrs API would check a message sent with these options.

    ``max_parts`` is the request's ``parts`` (the API's default is 1); ``sender``, when not
    ``None``, is checked as ``from`` (106, 107); ``template_values`` fills placeholders for a
    preview count (without them placeholders are counted as written and server-filled ones at
    their sent length, as the request builders do); ``split_parts`` counts separate SMS
    (``splitParts``, 142). ``locale`` chooses the language of the messages. See the module
    docstring for ``newlines``. Raises :class:`~nrscompose.errors.ArgumentError` (also a
    ``TypeError``/``ValueError``) only for a caller's bug
    (a ``text`` that is not ``str``, an unknown ``channel``, ``newlines`` or ``profile``).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be str, not {type(text).__name__}")
    if newlines not in NEWLINE_MODES:
        raise ArgumentError(
            f"newlines must be one of {', '.join(NEWLINE_MODES)}, not {newlines!r}"
        )
    if channel not in ("sms", "landing"):
        raise ArgumentError(f"channel must be 'sms' or 'landing', not {channel!r}")
    chosen = get_profile(profile)
    normalized = normalize_newlines(text, newlines)
    report = _Report(translator(locale), text, normalized, newlines)
    limit = _parts_limit(report, max_parts, chosen.cap(channel))
    if sender is not None:
        _sender(report, sender)
    if normalized:
        analysis, needed, positional = _text_problems(
            report, normalized, trans, chosen, channel, limit, template_values, split_parts
        )
    else:  # the builder stops at 104: nothing else about an empty text is checked
        report.add("empty", msg.EMPTY, {}, code=104)
        analysis = analyze("", trans=trans, profile=chosen, channel=channel)
        needed, positional = 0, True
    report.problems.sort(key=_field_order)
    context = _Context(text, trans, chosen, channel, locale, positional, needed, limit, newlines)
    return MessageCheck(normalized, analysis, tuple(report.problems), context)


_FIELDS: Final = {"from": 0, "parts": 1, "message": 2}


def _field_order(problem: FormProblem) -> tuple[int, int]:
    return _FIELDS.get(problem.field, 3), -1 if problem.start is None else problem.start


class _Report:
    """Collects problems with translated messages and spans mapped to the text as given."""

    __slots__ = ("_spans", "newlines", "normalized", "problems", "source", "translations")

    def __init__(
        self,
        translations: gettext.NullTranslations,
        source: str,
        normalized: str,
        newlines: NewlineMode,
    ) -> None:
        self.translations = translations
        self.problems: list[FormProblem] = []
        self.source = source
        self.normalized = normalized
        self.newlines: NewlineMode = newlines
        self._spans: _Spans | None = None

    @property
    def spans(self) -> _Spans:
        if self._spans is None:  # built when a problem has a span, not on every check
            self._spans = _Spans(self.source, self.normalized, self.newlines)
        return self._spans

    def add(
        self,
        kind: ProblemKind,
        template: str | tuple[str, str],
        values: Mapping[str, object],
        *,
        code: int | None = None,
        field: str = "message",
        span: tuple[int, int] | None = None,
        count: int = 1,
    ) -> None:
        """Add a problem; a ``message`` ``span`` is in the normalized text, and ``index`` in
        ``values`` is replaced by the span's start in the text as given."""
        start = end = None
        values = dict(values)
        if span is not None:
            start, end = self.spans.span(*span) if field == "message" else span
            if "index" in values:
                values["index"] = start
        if isinstance(template, tuple):
            message = self.translations.ngettext(*template, count) % values
        else:
            message = self.translations.gettext(template) % values
        self.problems.append(FormProblem(field, message, code, start, end, kind))

    def add_raw(self, problem: Problem, kind: ProblemKind) -> None:
        """A problem whose sentence the library wrote (kept in English: no msgid for it)."""
        start, end = problem.start, problem.end
        if start is not None and end is not None:
            start, end = self.spans.span(start, end)
        self.problems.append(
            FormProblem(problem.field, problem.message, problem.code, start, end, kind)
        )


def _parts_limit(report: _Report, max_parts: object, cap: int) -> int:
    """The request's ``parts``, checked by the builders' rule (110: 1 to the channel's cap)."""
    checker = Checker()
    parts = checker.integer(max_parts, "parts", 1, cap, 110)
    if parts is not None:
        return parts
    report.add("parts", msg.PARTS, {"cap": cap, "value": repr(max_parts)}, code=110, field="parts")
    return cap


def _sender(report: _Report, sender: str) -> None:
    """``from``: the builders' check (106 missing, 107 too long), with translated messages."""
    checker = Checker()
    checker.sender(sender)
    for problem in checker.problems:
        if problem.code == 106:
            report.add("sender-missing", msg.SENDER_MISSING, {}, code=106, field="from")
        elif problem.code == 107 and problem.start is not None and problem.end is not None:
            limit, length = problem.start, problem.end
            template = msg.SENDER_DIGITS if limit == SENDER_MAX_DIGITS else msg.SENDER_CHARACTERS
            report.add(
                "sender-too-long",
                template,
                {"length": length, "limit": limit},
                code=107,
                field="from",
                span=(limit, length),
            )
        else:
            report.add_raw(problem, "sender-missing")


def _text_problems(
    report: _Report,
    text: str,
    trans: bool,
    profile: Profile,
    channel: str,
    limit: int,
    values: Mapping[str, Value] | None,
    split_parts: bool,
) -> tuple[Analysis | None, int, bool]:
    """Template, count, 105 and 141 for a non-empty text, as ``requests_sms.plan_text`` does.

    Returns the analysis, the parts needed and whether the counted text is the text.
    """
    if channel == "landing" and "{LAND_URL}" not in text:
        report.add("landing-url", msg.LANDING_URL, {}, code=141)
    template = None
    counted = text
    positional = True
    if "{" in text or split_parts:
        template = _template(report, text, channel)
        counted, positional = _counted_text(report, text, template, values)
    try:
        analysis = analyze(counted, trans=trans, profile=profile, channel=channel)
    except ValidationError as error:
        for problem in error.problems:
            char = counted[problem.start] if problem.start is not None else ""
            if positional and problem.start is not None and problem.end is not None:
                report.add(
                    "invalid-character",
                    msg.INVALID_CHAR,
                    {"char": describe_char(char), "index": problem.start},
                    span=(problem.start, problem.end),
                )
            else:
                report.add_raw(Problem("message", problem.message), "invalid-character")
        return None, 0, positional
    needed = analysis.parts
    if split_parts and template is not None:
        needed = _split(report, template, values, analysis.encoding, trans, profile)
    if needed > limit:
        span = None
        if positional and needed == analysis.parts:
            cut = analysis.part_bounds[limit]
            start = source_index(counted, cut) if trans else cut
            span = (start, len(counted))
        report.add(
            "too-long",
            msg.TOO_LONG,
            {"needed": needed, "limit": limit},
            code=105,
            span=span,
            count=limit,
        )
    return analysis, needed, positional


def _template(report: _Report, text: str, channel: str) -> Template | None:
    try:
        template = Template(text)
    except ValidationError as error:
        for problem in error.problems:
            _parse_problem(report, text, problem)
        return None
    try:
        template.validate(channel)
    except ValidationError as error:
        for problem in error.problems:
            if problem.code == 141:
                continue  # reported above from the text, as the builder does
            start, end = problem.start, problem.end
            if start is None or end is None:
                report.add_raw(problem, "template")
                continue
            name = text[start + 1 : end - 1]
            channels = ", ".join(SERVER_FILLED[name].channels) if name in SERVER_FILLED else ""
            report.add(
                "reserved-channel",
                msg.RESERVED_CHANNEL,
                {"placeholder": text[start:end], "index": start, "channels": channels},
                span=(start, end),
            )
    return template


def _parse_problem(report: _Report, text: str, problem: Problem) -> None:
    """Recognize which parse error the template found from its span, to translate it."""
    start, end = problem.start, problem.end
    if start is None or end is None:
        report.add_raw(problem, "template")
        return
    word = text[start:end]
    if (
        start > 0
        and text[start - 1] == "|"
        and _FILTER_WORD.fullmatch(word)
        and (word not in FILTERS)
    ):
        known = ", ".join(FILTERS)
        report.add(
            "unknown-filter",
            msg.UNKNOWN_FILTER,
            {"name": word, "index": start, "known": known},
            span=(start, end),
        )
    elif text[start] == "{" and text[end - 1] == "}" and end - start > 2:
        report.add(
            "reserved-filter",
            msg.RESERVED_FILTER,
            {"placeholder": word, "index": start},
            span=(start, end),
        )
    elif text[start] == "{" and end == len(text) and "}" not in word:
        report.add("unterminated", msg.UNTERMINATED, {"index": start}, span=(start, end))
    elif end == start + 1:
        opening = text.rfind("{", 0, start)
        values = {
            "char": describe_char(word),
            "index": start,
            "start": report.spans.span(opening, opening + 1)[0],
        }
        report.add("unexpected-character", msg.UNEXPECTED, values, span=(start, end))
    else:
        report.add_raw(problem, "template")


def _counted_text(
    report: _Report, text: str, template: Template | None, values: Mapping[str, Value] | None
) -> tuple[str, bool]:
    """The text the server bills, and whether its indices are the text's indices.

    Server-filled placeholders are counted at their sent length; others, without values, as
    written (the request builders' convention: their values live in contacts' fields).
    """
    if template is not None and template.names and values is not None:
        try:
            return template.preview(values), False
        except ValidationError as error:
            for problem in error.problems:
                if problem.start is None or problem.end is None:
                    report.add_raw(problem, "missing-value")
                    continue
                placeholder = text[problem.start : problem.end]
                report.add(
                    "missing-value",
                    msg.MISSING_VALUE,
                    {"placeholder": placeholder, "index": problem.start},
                    span=(problem.start, problem.end),
                )
    counted = text
    for name, entry in SERVER_FILLED.items():
        counted = counted.replace("{" + name + "}", entry.stand_in(entry.length))
    return counted, counted == text


def _split(
    report: _Report,
    template: Template,
    values: Mapping[str, Value] | None,
    encoding: str,
    trans: bool,
    profile: Profile,
) -> int:
    """Separate SMS with ``splitParts`` (``split_sms``); 142 when a value cannot fit one."""
    try:
        return len(
            split_sms(
                template,
                values or {},
                encoding=encoding,
                trans=trans,
                profile=profile,
                lenient=not values,
            )
        )
    except ValidationError as error:
        for problem in error.problems:
            if problem.code != 142 or problem.start is None or problem.end is None:
                report.add_raw(problem, "template")
                continue
            report.add(
                "split-placeholder",
                msg.SPLIT,
                {"placeholder": template.text[problem.start : problem.end], "index": problem.start},
                code=142,
                span=(problem.start, problem.end),
            )
        return 0


def _shown(replacement: str) -> str:
    return describe_char(replacement) if len(replacement) == 1 else repr(replacement)
