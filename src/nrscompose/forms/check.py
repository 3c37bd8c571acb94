"""``check_message``: what a form needs to say about a message text, with positions.

One call gives the count (an :class:`~nrscompose.Analysis`), the problems the 360nrs
API would answer with — each with its kind, its 360nrs error code, the field, a translated
sentence and the span to highlight — and, on demand, the characters that made the message
costlier and the rewrites that would make it cheaper.

The rules are the library's, not a copy: text, parts, sender and required placeholders come
from :mod:`nrscompose._rules.message_rules`, which the request builders call too; placeholders from
:class:`~nrscompose.template.Template`, the count from :func:`~nrscompose.analyze`.
``tests/test_forms_check.py`` holds the verdict equal to
:func:`nrscompose.providers.nrs.validate` over generated texts.

Newlines: a browser submits a textarea's line breaks as CRLF whatever the
``.value`` held (HTML, "converting to a list of name-value pairs"), and CRLF costs two units.
``newlines="crlf"`` (default) counts the text as a form submits it, so the live counter, which
normalizes the same way, and the server agree; ``"lf"`` counts (and, in the integrations,
returns) one LF per line break, which is cheaper; ``"keep"`` counts the text as given. The
result says which was applied (``newlines``) and whether the text changed
(``newlines_changed``). Every ``start``/``end`` indexes the text *as given*, before
normalization, so a caller can highlight the string it holds.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Final, Literal, NamedTuple, TypeVar, overload

from nrscompose._base.errors import ArgumentTypeError, ValidationError
from nrscompose._base.messages import translator
from nrscompose._base.problems import Problem
from nrscompose._base.vocabularies import (
    MESSAGE_CHANNELS,
    NEWLINE_MODES,
    Category,
    MessageChannel,
    NewlineMode,
    require,
)
from nrscompose._composition.template import Template, Value, split_count
from nrscompose._counting.analysis import (
    Analysis,
    Offending,
    OffendingChars,
    analyze,
    describe_char,
)
from nrscompose._counting.profiles import Profile, get_profile
from nrscompose._counting.suggestions import Replacement, apply, suggest
from nrscompose._counting.transliterate import source_index
from nrscompose._rules import message_rules
from nrscompose._rules.message_rules import required_placeholders, server_filled_texts, too_long
from nrscompose.forms import _messages as msg
from nrscompose.providers.nrs.codes import code_for

__all__ = [
    "Channel",
    "CheckOptions",
    "FormSuggestion",
    "MessageCheck",
    "NewlineMode",
    "ProblemKind",
    "Warnings",
    "check_message",
    "normalize_newlines",
    "problem_json",
]

_T = TypeVar("_T")
Channel = MessageChannel
Severity = Literal["error", "warning", "notice"]
# A problem kind of :data:`nrscompose.problems.KINDS` (``"text.too_long"``, ``"sender.required"``
# …), or ``"text.not_gsm"`` for a warning.
ProblemKind = str
_LINE_BREAK: Final = re.compile(r"\r\n|\r|\n")
_REPLACEMENT: Final[dict[NewlineMode, str]] = {"crlf": "\r\n", "lf": "\n"}


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
    # warnings and notices of the country content rules (their errors are in ``problems``)
    content: tuple[Problem, ...] = ()


@dataclass(frozen=True, slots=True)
class MessageCheck:
    """The verdict on one message text.

    ``text`` is the text counted before ``trans`` (the input after newline normalization);
    ``analysis`` its count, ``None`` only when the text cannot be sent at all (a lone
    surrogate); ``problems`` the errors, in field order, each with its API code where one
    exists; ``parts_needed`` the parts (or, with ``split_parts``, separate SMS) the server
    would bill and ``max_parts`` the limit they are held to; ``newlines``/``newlines_changed``
    what normalization was applied. ``warnings`` (characters that chose a costlier encoding)
    and ``suggestions`` (rewrites that save parts) are computed on first access. With a
    ``country``, its content rules add errors to ``problems``, warnings to ``warnings`` and
    ``notices`` (:mod:`nrscompose.content`).
    """

    text: str
    analysis: Analysis | None
    problems: tuple[Problem, ...]
    _options: _Context = dataclass_field(repr=False, compare=False)
    # what warnings and suggestions computed, on first access: a cache, invisible to == and repr
    _lazy: dict[str, object] = dataclass_field(default_factory=dict, repr=False, compare=False)

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

    def message_for(self, problem: Problem) -> str:
        """The sentence of ``problem`` in this check's ``locale`` (``problem.message`` is
        English)."""
        return problem.render(self.locale)

    @property
    def warnings(self) -> Warnings:
        """One ``"text.not_gsm"`` warning per character that kept the text out of GSM (or GSM-PT),
        made when read (:class:`Warnings`; ``warnings.grouped()`` gives one per character).

        Empty when the count is of a preview with template values (its indices are not the
        text's).
        """
        content = tuple(p for p in self._options.content if p.severity == "warning")
        return self._cached("warnings", self._find_warnings).followed_by(content)

    @property
    def notices(self) -> tuple[Problem, ...]:
        """The country content rules' notices: duties the text cannot show (opt-in, topics)."""
        return tuple(p for p in self._options.content if p.severity == "notice")

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
        chosen = [Replacement(s.char, s.replacement, s.indices, "", 0) for s in self.suggestions]
        return apply(self._options.source, chosen)

    def as_json(self) -> dict[str, object]:
        """The verdict as JSON values: validity, codes, problems, warnings, suggestions and the
        count (what the demo's ``/api/check`` answers)."""
        return {
            "valid": self.valid,
            "codes": list(self.codes),
            "problems": [problem_json(p, self.locale) for p in self.problems],
            "warnings": [problem_json(p, self.locale) for p in self.warnings],
            "notices": [problem_json(p, self.locale) for p in self.notices],
            "suggestions": [
                {
                    "char": s.char,
                    "replacement": s.replacement,
                    "indices": list(s.indices),
                    "parts_saved": s.parts_saved,
                    "message": s.message,
                }
                for s in self.suggestions
            ],
            "suggestions_message": self.suggestions_message,
            "parts_needed": self.parts_needed,
            "max_parts": self.max_parts,
            "newlines": self.newlines,
            "newlines_changed": self.newlines_changed,
            "analysis": None if self.analysis is None else self.analysis.as_json(),
        }

    def raise_if_invalid(self) -> None:
        """Raise :class:`~nrscompose.errors.ValidationError` listing every problem."""
        if self.problems:
            raise ValidationError(self.problems)

    def _cached(self, key: str, compute: Callable[[], _T]) -> _T:
        lazy = self._lazy
        if key not in lazy:
            lazy[key] = compute()
        return lazy[key]  # type: ignore[return-value]  # the cache holds what compute() gave

    def _spans(self) -> _Spans:
        options = self._options
        return self._cached("spans", lambda: _Spans(options.source, self.text, self.newlines))

    def _find_warnings(self) -> Warnings:
        analysis = self.analysis
        if analysis is None or not self._options.positional:
            return Warnings((), self._warning)
        return Warnings(analysis.offending, self._warning)

    def _warning(self, offending: Offending) -> Problem:
        at = offending.index
        params = {
            "char": describe_char(offending.char),
            "index": at,
            "portuguese": offending.excluded_from == ("gsm",),
        }
        problem = Problem("text.not_gsm", "message", (at, at + 1), params)
        return _form_problem(problem, self._spans())

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
                "char": _shown_source(item.char),
                "replacement": _shown(item.replacement),
                "count": len(indices),
            }
            text = gettext(msg.REPLACE if item.replacement else msg.REMOVE) % values
            suggestions.append(
                FormSuggestion(item.char, item.replacement, indices, item.parts_saved, text)
            )
        return tuple(suggestions), found.parts_saved


class Warnings:
    """:attr:`MessageCheck.warnings`: a read-only sequence of :class:`Problem`, one per
    offending character, each made (and its sentence rendered) when read.

    A text of 2 million combining marks used to hold 2 million warnings, about 1 KB each; this
    holds the analysis's compact positions. Index, slice, iterate, ``len()`` and compare it as
    the tuple it used to be; :meth:`grouped` gives one warning per distinct character, the
    first of its kind, with how many there are.
    """

    __slots__ = ("_extra", "_make", "_offending")

    def __init__(
        self,
        offending: OffendingChars | tuple[Offending, ...],
        make: Callable[[Offending], Problem],
        extra: tuple[Problem, ...] = (),
    ) -> None:
        self._offending = offending
        self._make = make
        self._extra = extra  # warnings of another rule (a country's content rules), after

    def followed_by(self, extra: tuple[Problem, ...]) -> Warnings:
        """These warnings, then ``extra``."""
        return self if not extra else Warnings(self._offending, self._make, self._extra + extra)

    def __len__(self) -> int:
        return len(self._offending) + len(self._extra)

    @overload
    def __getitem__(self, index: int) -> Problem: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[Problem, ...]: ...
    def __getitem__(self, index: int | slice) -> Problem | tuple[Problem, ...]:
        if isinstance(index, slice):
            if self._extra:  # a few content warnings after the characters' ones
                return tuple(self)[index]
            return tuple(map(self._make, self._offending[index]))
        characters = len(self._offending)
        position = index + len(self) if index < 0 else index
        if not 0 <= position < len(self):
            raise IndexError("warning index out of range")
        if position < characters:
            return self._make(self._offending[position])
        return self._extra[position - characters]

    def __iter__(self) -> Iterator[Problem]:
        yield from map(self._make, self._offending)
        yield from self._extra

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Warnings | tuple | list):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"Warnings({len(self)})"

    @property
    def distinct(self) -> int:
        """How many distinct characters the warnings are about."""
        offending = self._offending
        found = offending.distinct if isinstance(offending, OffendingChars) else 0
        return found + len(self._extra)

    def grouped(self, limit: int | None = None) -> tuple[tuple[Problem, int], ...]:
        """(the first warning, how many) for each distinct character, by first occurrence;
        the first ``limit`` of them (a sentence is rendered for each)."""
        offending = self._offending
        groups = offending.by_char(limit) if isinstance(offending, OffendingChars) else ()
        found = tuple(
            (self._make(Offending(group.indices[0], group.char, group.excluded_from)),
             group.count)
            for group in groups
        )  # fmt: skip
        extra = tuple((warning, 1) for warning in self._extra)
        return (found + extra)[:limit]


@dataclass(frozen=True, slots=True)
class CheckOptions:
    """The options of a message field, once: what :func:`check_message` checks with and what
    the live counter reads from the textarea's ``data-nrs-*`` attributes."""

    max_parts: int = 1
    channel: Channel = "sms"
    trans: bool = False
    profile: str = "360nrs"
    split_parts: bool = False
    newlines: NewlineMode = "crlf"

    def check(self, text: str, locale: str = "en") -> MessageCheck:
        return check_message(
            text,
            channel=self.channel,
            max_parts=self.max_parts,
            trans=self.trans,
            profile=self.profile,
            split_parts=self.split_parts,
            newlines=self.newlines,
            locale=locale,
        )

    def data_attributes(self) -> dict[str, str]:
        """The options as the counter script reads them from the textarea."""
        return {
            "data-nrs-counter": "",
            "data-nrs-channel": self.channel,
            "data-nrs-max-parts": str(self.max_parts),
            "data-nrs-trans": "1" if self.trans else "0",
            "data-nrs-profile": self.profile,
            "data-nrs-newlines": self.newlines,
            "data-nrs-split-parts": "1" if self.split_parts else "0",
        }


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
        self._starts: array[int] | None = None
        self._ends: array[int] = array("q")
        if source is normalized or mode == "keep":
            return
        written = len(_REPLACEMENT[mode])
        # 8 bytes a character: a list of ints cost 72 (the list's pointer and each int)
        starts: array[int] = array("q")
        ends: array[int] = array("q")
        position = 0
        for match in _LINE_BREAK.finditer(source):
            starts.extend(range(position, match.start()))
            ends.extend(range(position + 1, match.start() + 1))
            starts.extend((match.start(),) * written)  # each written char is the whole break
            ends.extend((match.end(),) * written)
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
    country: str | None = None,
    category: Category = "marketing",
) -> MessageCheck:
    """Check ``text`` as the 360nrs API would check a message sent with these options.

    ``max_parts`` is the request's ``parts`` (the API's default is 1); ``sender``, when not
    ``None``, is checked as ``from`` (106, 107); ``template_values`` fills placeholders for a
    preview count (without them placeholders are counted as written and server-filled ones at
    their sent length, as the request builders do); ``split_parts`` counts separate SMS
    (``splitParts``, 142). ``locale`` chooses the language of the messages. See the module
    docstring for ``newlines``. ``country`` (ISO 3166-1 alpha-2, e.g. ``"FR"``) adds the
    content rules that bind a ``category`` message to it (:func:`nrscompose.content.check`:
    France's opt-out, the United States' public shorteners …). Raises
    :class:`~nrscompose.errors.ArgumentError` (also a ``TypeError``/``ValueError``) only for a
    caller's bug
    (a ``text`` that is not ``str``, an unknown ``channel``, ``newlines``, ``profile`` or
    ``category``, a ``country`` that is not a two-letter code).
    """
    if not isinstance(text, str):
        raise ArgumentTypeError(f"text must be str, not {type(text).__name__}")
    require(newlines, NEWLINE_MODES, "newlines")
    require(channel, MESSAGE_CHANNELS, "channel")
    chosen = get_profile(profile)
    normalized = normalize_newlines(text, newlines)
    report = _Report(text, normalized, newlines)
    cap = chosen.cap(channel)
    parts_problem = message_rules.parts_problem(max_parts, cap)
    report.extend([parts_problem])
    limit = cap if parts_problem is not None else int(max_parts)
    if sender is not None:
        report.extend(message_rules.sender_problems(sender))
    if normalized:
        analysis, needed, positional = _text_problems(
            report, normalized, trans, chosen, channel, limit, template_values, split_parts
        )
    else:  # the builder stops at 104: nothing else about an empty text is checked
        report.extend([message_rules.text_required(normalized)])
        analysis = analyze("", trans=trans, profile=chosen, channel=channel)
        needed, positional = 0, True
    content: tuple[Problem, ...] = ()
    if country is not None:
        content = _content_problems(report, normalized, country, category, sender, trans, chosen,
                                    channel)  # fmt: skip
    report.problems.sort(key=_field_order)
    context = _Context(
        text, trans, chosen, channel, locale, positional, needed, limit, newlines, content
    )
    return MessageCheck(normalized, analysis, tuple(report.problems), context)


_FIELDS: Final = {"from": 0, "parts": 1, "message": 2}


def _content_problems(
    report: _Report,
    text: str,
    country: str,
    category: str,
    sender: str | None,
    trans: bool,
    profile: Profile,
    channel: str,
) -> tuple[Problem, ...]:
    """The country's content rules: errors go to the report; warnings and notices are
    returned."""
    from nrscompose._rules import content  # only when a country is given: forms stay light

    found = content.check(
        text, country, category,  # type: ignore[arg-type]  # checked by content.check
        sender=sender, trans=trans, profile=profile, channel=channel,
    )  # fmt: skip
    report.extend(p for p in found if p.severity == "error")
    return tuple(_form_problem(p, report.spans) for p in found if p.severity != "error")


def _field_order(problem: Problem) -> tuple[int, int]:
    return _FIELDS.get(problem.field, 3), -1 if problem.start is None else problem.start


class _Report:
    """Collects problems with translated messages and spans mapped to the text as given."""

    __slots__ = ("_spans", "newlines", "normalized", "problems", "source")

    def __init__(self, source: str, normalized: str, newlines: NewlineMode) -> None:
        self.problems: list[Problem] = []
        self.source = source
        self.normalized = normalized
        self.newlines: NewlineMode = newlines
        self._spans: _Spans | None = None

    @property
    def spans(self) -> _Spans:
        if self._spans is None:  # built when a problem has a span, not on every check
            self._spans = _Spans(self.source, self.normalized, self.newlines)
        return self._spans

    def extend(self, problems: Iterable[Problem | None]) -> None:
        for problem in problems:
            if problem is not None:
                self.problems.append(_form_problem(problem, self.spans))


def _form_problem(problem: Problem, spans: _Spans) -> Problem:
    """``problem`` as a form shows it: the 360nrs code (of an error), the span and the indices
    its sentence names in the text as given."""
    span, params = problem.span, problem.params
    if span is not None and problem.field == "message":
        span = spans.span(*span)
        moved = dict(params)
        for key in _INDEX_PARAMS:
            index = params.get(key)
            if isinstance(index, int):
                moved[key] = spans.span(index, index + 1)[0]
        params = moved
    code = code_for(problem.kind, problem.field) if problem.severity == "error" else None
    return Problem(problem.kind, problem.field, span, params, code=code)


def problem_json(problem: Problem, locale: str = "en") -> dict[str, object]:
    """A form's problem as JSON: its sentence in ``locale``, and its severity."""
    return {
        "code": problem.code,
        "field": problem.field,
        "message": problem.render(locale),
        "start": problem.start,
        "end": problem.end,
        "kind": problem.kind,
        "severity": problem.severity,
    }


_INDEX_PARAMS: Final = ("index", "start")


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
    """Template, count, too long and required placeholders for a non-empty text, as the
    request builders check them.

    Returns the analysis, the parts needed and whether the counted text is the text.
    """
    report.extend(required_placeholders(text, channel))
    template = None
    counted = text
    positional = True
    if "{" in text or split_parts:
        template = _template(report, text, channel)
        counted, positional = _counted_text(report, text, template, values)
    try:
        analysis = analyze(counted, trans=trans, profile=profile, channel=channel)
    except ValidationError as error:
        report.extend(p if positional else _unplaced(p) for p in error.problems)
        return None, 0, positional
    needed = analysis.parts
    if split_parts and template is not None:
        needed = _split(report, template, values, analysis.encoding, trans, profile)
    span = None
    if needed > limit and positional and needed == analysis.parts:
        cut = analysis.part_bounds[limit]
        span = (source_index(counted, cut) if trans else cut, len(counted))
    report.extend([too_long(needed, limit, span)])
    return analysis, needed, positional


def _unplaced(problem: Problem) -> Problem:
    """``problem`` without its span: it was found in a preview, whose indices are not the
    text's."""
    return Problem(problem.kind, problem.field, None, problem.params)


def _template(report: _Report, text: str, channel: str) -> Template | None:
    try:
        template = Template(text)
    except ValidationError as error:
        report.extend(error.problems)
        return None
    # a missing required placeholder is reported from the text, as the builders do
    report.extend(
        p for p in template.channel_problems(channel) if p.kind != "template.placeholder_required"
    )
    return template


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
            report.extend(error.problems)
    counted = text
    for name, stand_in in server_filled_texts().items():
        counted = counted.replace("{" + name + "}", stand_in)
    return counted, counted == text


def _split(
    report: _Report,
    template: Template,
    values: Mapping[str, Value] | None,
    encoding: str,
    trans: bool,
    profile: Profile,
) -> int:
    """Separate SMS with ``splitParts`` (``split_sms``): a value that cannot fit one SMS is
    ``template.split_placeholder``."""
    return split_count(
        template, values, report.extend, encoding=encoding, trans=trans, profile=profile
    )


def _shown(replacement: str) -> str:
    return describe_char(replacement) if len(replacement) == 1 else repr(replacement)


def _shown_source(char: str) -> str:
    """What a suggestion rewrites: one character, or a decomposed cluster (``e`` + U+0301)."""
    if len(char) == 1:
        return describe_char(char)
    return " + ".join(describe_char(c) for c in char)
