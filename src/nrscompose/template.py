"""``{name|filter}`` templates: parse once, render per recipient, count before values exist.

Grammar (seed 001, "Substitution variables" and "Custom fields filters"): a placeholder is
``{`` + name + zero or more ``|filter`` + ``}``. A name starts with a Unicode letter, digit or
``_`` and continues with those, ``-`` or ``.`` (custom-field keys such as ``company``,
``form_name``, ``my_string_custom_field``). Any other brace is text, so JSON-looking text and
``{ spaced }`` braces pass through. Once ``{name|`` has been read the text is committed to be a
placeholder: an unknown filter, a bad character or a missing ``}`` is an error at parse time,
with its index. ``{name`` at the very end of the text is unterminated too.

Reserved placeholders are filled by the server, never from values: ``{OTP_CODE}`` (length from
``otpConfig``) and ``{LAND_URL}`` (Landing SMS only, where it is required). They are
modelled as data in :data:`SERVER_FILLED` (a declared length), so :meth:`Template.render`
leaves them in the text it sends and :meth:`Template.preview` puts a stand-in of that length
where the server will.

Rendering is a join over literals and slots built at parse time; no regex runs per recipient.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Final, Literal

from nrscompose.analysis import describe_char
from nrscompose.errors import ValidationError
from nrscompose.filters import (
    FILTERS,
    NUMBER_FILTERS,
    Filter,
    Shortener,
    make_shorten,
    value_text,
)
from nrscompose.message_rules import (
    CHANNEL_NAMES,
    SERVER_FILLED,
    ServerFilled,
    otp_length_problem,
    required_placeholders,
)
from nrscompose.problems import Problem, invalid

if TYPE_CHECKING:
    from nrscompose.analysis import Analysis

__all__ = [
    "SERVER_FILLED",
    "Alphabet",
    "Case",
    "OtpConfig",
    "Placeholder",
    "ServerFilled",
    "Template",
    "TemplateRange",
    "Value",
    "analyze_template",
    "render_all",
    "split_sms",
]

Value = str | int | float | Decimal
Alphabet = Literal["gsm", "unicode"]

_OPEN: Final = re.compile(r"\{(\w[\w.-]*)")
_FILTER_NAME: Final = re.compile(r"[^\W\d]\w*")
_MAX_PROBLEMS: Final = 100


@dataclass(frozen=True, slots=True)
class OtpConfig:
    """The ``otpConfig`` request object as far as it changes the text: code length and kind.

    Seed 001: ``length`` 3–10, default 4; ``alpha`` true for an alphanumeric code.
    """

    length: int = 4
    alpha: bool = False

    def __post_init__(self) -> None:
        problem = otp_length_problem(self.length)
        if problem is not None:
            raise ValidationError([problem])


@dataclass(frozen=True, slots=True)
class Placeholder:
    """One ``{name|filter…}`` occurrence: ``start``/``end`` index the template text."""

    name: str
    filters: tuple[str, ...]
    start: int
    end: int
    functions: tuple[Filter, ...] = field(default=(), repr=False, compare=False)

    @property
    def reserved(self) -> bool:
        return self.name in SERVER_FILLED

    def apply(self, value: str) -> str:
        for function in self.functions:
            value = function(value)
        return value

    @property
    def written(self) -> str:
        """The placeholder as written: ``{name|filter…}``."""
        return "{" + "|".join((self.name, *self.filters)) + "}"

    def describe(self) -> str:
        return f"{self.written} at {self.start}"


# A compiled template is a sequence of literals with one slot between each two of them.
# A slot is a Placeholder (filled from values) or a str (a fixed stand-in, for previews).
_Slot = Placeholder | str


@dataclass(frozen=True, slots=True)
class _Program:
    literals: tuple[str, ...]
    slots: tuple[_Slot, ...]


def _parse(text: str, shortener: Shortener | None) -> tuple[Placeholder, ...]:
    found: list[Placeholder] = []
    problems: list[Problem] = []
    shorten = make_shorten(shortener)
    position = 0
    while (match := _OPEN.search(text, position)) is not None:
        start, at = match.start(), match.end()
        name = match.group(1)
        if at == len(text):
            problems.append(_unterminated(start, len(text)))
            break
        if text[at] not in "|}":
            position = start + 1  # a brace that is not a placeholder: text
            continue
        filters: list[str] = []
        functions: list[Filter] = []
        while at < len(text) and text[at] == "|":
            word = _FILTER_NAME.match(text, at + 1)
            if word is None:
                break
            filter_name = word.group()
            if filter_name not in FILTERS:
                params = {"name": filter_name, "index": word.start(), "known": ", ".join(FILTERS)}
                span = (word.start(), word.end())
                problems.append(Problem("template.unknown_filter", "message", span, params))
            filters.append(filter_name)
            functions.append(shorten if filter_name == "shorten" else FILTERS.get(filter_name, str))
            at = word.end()
        if at < len(text) and text[at] == "}":
            placeholder = Placeholder(name, tuple(filters), start, at + 1, tuple(functions))
            if placeholder.reserved and filters:
                params = {"placeholder": text[start : at + 1], "index": start}
                span = (start, at + 1)
                problems.append(Problem("template.reserved_filter", "message", span, params))
            found.append(placeholder)
            position = at + 1
            continue
        if at >= len(text) or (text[at] == "|" and at + 1 == len(text)):
            problems.append(_unterminated(start, len(text)))
            break
        bad = at + 1 if text[at] == "|" else at
        params = {"char": describe_char(text[bad]), "index": bad, "start": start}
        problems.append(Problem("template.unexpected_character", "message", (bad, bad + 1), params))
        position = bad + 1
    if problems:
        raise ValidationError(problems)
    return tuple(found)


def _unterminated(start: int, end: int) -> Problem:
    return Problem("template.unterminated", "message", (start, end), {"index": start})


class Template:
    """A message with placeholders, parsed once; see the module docstring for the grammar.

    ``placeholders`` lists every occurrence in text order; ``names`` the distinct names filled
    from values; ``reserved`` the server-filled names used. ``shortener`` replaces the
    ``shorten`` stand-in with real links (it gets the checked URL, returns the short one).
    """

    __slots__ = ("_billed", "_sent", "names", "placeholders", "reserved", "text")

    def __init__(self, text: str, *, shortener: Shortener | None = None) -> None:
        if not isinstance(text, str):
            raise TypeError(f"template text must be str, not {type(text).__name__}")
        self.text: Final = text
        self.placeholders: Final = _parse(text, shortener)
        self.names: Final = tuple(
            dict.fromkeys(p.name for p in self.placeholders if not p.reserved)
        )
        self.reserved: Final = tuple(dict.fromkeys(p.name for p in self.placeholders if p.reserved))
        self._sent: Final = self._program(lambda p: text[p.start : p.end])
        self._billed: dict[tuple[tuple[str, int], ...], _Program] = {}

    def __repr__(self) -> str:
        return f"Template({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Template) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def _program(self, reserved: Callable[[Placeholder], str | None]) -> _Program:
        """Literals and slots; ``reserved`` gives a reserved placeholder's text (None: a slot)."""
        literals: list[str] = []
        slots: list[_Slot] = []
        pending = ""
        position = 0
        for placeholder in self.placeholders:
            pending += self.text[position : placeholder.start]
            position = placeholder.end
            fixed = reserved(placeholder) if placeholder.reserved else None
            if fixed is not None and not isinstance(fixed, _StandIn):
                pending += fixed
                continue
            literals.append(pending)
            pending = ""
            slots.append(placeholder if fixed is None else str(fixed))
        literals.append(pending + self.text[position:])
        return _Program(tuple(literals), tuple(slots))

    def _billed_program(
        self, otp: OtpConfig | None, server_lengths: Mapping[str, int] | None
    ) -> _Program:
        lengths = _server_lengths(self.reserved, otp, server_lengths)
        key = tuple(sorted(lengths.items()))
        program = self._billed.get(key)
        if program is None:
            otp_alpha = otp is not None and otp.alpha

            def stand_in(placeholder: Placeholder) -> str:
                entry = SERVER_FILLED[placeholder.name]
                text = entry.stand_in(lengths[placeholder.name])
                if placeholder.name == "OTP_CODE" and otp_alpha:
                    text = "A" * len(text)
                return _StandIn(text)

            program = self._billed[key] = self._program(stand_in)
        return program

    def render(
        self, values: Mapping[str, Value], *, lenient: bool = False, recipient: int | None = None
    ) -> str:
        """The message text sent for one recipient; reserved placeholders stay for the server.

        Strict (default): a missing value (absent or ``None``) is a :class:`ValidationError`
        naming the placeholder (and ``recipient``, the index in ``sub``, when given). Lenient:
        a missing value renders empty, without its filters.
        """
        return _render(self._sent, values, lenient, recipient)

    def preview(
        self,
        values: Mapping[str, Value],
        *,
        otp: OtpConfig | None = None,
        server_lengths: Mapping[str, int] | None = None,
        lenient: bool = False,
        recipient: int | None = None,
    ) -> str:
        """The text as the server bills it: reserved placeholders replaced by stand-ins.

        ``{OTP_CODE}`` becomes ``otp.length`` characters; other server-filled placeholders take
        their declared length, or ``server_lengths[name]``.
        """
        if not self.reserved:  # nothing server-filled: billed as sent (the common case)
            return _render(self._sent, values, lenient, recipient)
        return _render(self._billed_program(otp, server_lengths), values, lenient, recipient)

    def validate(self, channel: str = "sms") -> None:
        """Raise for reserved placeholders the ``channel`` requires but lacks or ignores."""
        problems = self.channel_problems(channel)
        if problems:
            raise ValidationError(problems)

    def channel_problems(self, channel: str = "sms") -> list[Problem]:
        """Reserved placeholders the ``channel`` requires but lacks
        (``template.placeholder_required``) or does not fill (``template.reserved_channel``)."""
        problems = required_placeholders(self.text, channel)
        for placeholder in self.placeholders:
            found = SERVER_FILLED.get(placeholder.name)
            if found is not None and found.channels and channel not in found.channels:
                params = {
                    "placeholder": self.text[placeholder.start : placeholder.end],
                    "index": placeholder.start,
                    "channels": ", ".join(CHANNEL_NAMES[c] for c in found.channels),
                }
                span = (placeholder.start, placeholder.end)
                problems.append(Problem("template.reserved_channel", "message", span, params))
        return problems


class _StandIn(str):
    """A reserved placeholder's stand-in: kept as a slot so splitParts never cuts it."""

    __slots__ = ()


def _server_lengths(
    reserved: Iterable[str], otp: OtpConfig | None, overrides: Mapping[str, int] | None
) -> dict[str, int]:
    lengths = {}
    for name in reserved:
        if name == "OTP_CODE" and otp is not None:
            lengths[name] = otp.length
        elif overrides is not None and name in overrides:
            lengths[name] = overrides[name]
        else:
            lengths[name] = SERVER_FILLED[name].length
    return lengths


def _render(
    program: _Program, values: Mapping[str, Value], lenient: bool, recipient: int | None
) -> str:
    literals = program.literals
    out = [literals[0]]
    append = out.append
    for slot, literal in zip(program.slots, literals[1:], strict=True):
        if type(slot) is Placeholder:
            value = values.get(slot.name)
            if type(value) is not str:
                if value is None:
                    if not lenient:
                        raise _missing(program, values, recipient)
                    value = ""
                else:
                    value = _value_text(slot, value, recipient)
            if slot.functions and value:
                value = _apply(slot, value, recipient)
            append(value)
        else:
            append(slot)  # type: ignore[arg-type]
        append(literal)
    return "".join(out)


def _value_text(slot: Placeholder, value: object, recipient: int | None) -> str:
    try:
        return value_text(value)
    except (TypeError, ValueError) as error:
        raise _slot_error(slot, str(error), recipient) from None


def _apply(slot: Placeholder, value: str, recipient: int | None) -> str:
    try:
        return slot.apply(value)
    except ValueError as error:
        raise _slot_error(slot, str(error), recipient) from None


def _field(recipient: int | None) -> str:
    return "message" if recipient is None else f"sub[{recipient}]"


def _slot_error(slot: Placeholder, message: str, recipient: int | None) -> ValidationError:
    params = {"placeholder": slot.written, "index": slot.start, "detail": message}
    span = (slot.start, slot.end)
    return ValidationError.single("template.filter_failed", _field(recipient), span, params)


def _missing(
    program: _Program, values: Mapping[str, Value], recipient: int | None
) -> ValidationError:
    problems = [
        Problem(
            "template.missing_value",
            _field(recipient),
            (slot.start, slot.end),
            {"placeholder": slot.written, "index": slot.start},
        )
        for slot in program.slots
        if type(slot) is Placeholder and values.get(slot.name) is None
    ]
    return ValidationError(problems)


def render_all(
    template: Template,
    sub: Sequence[Mapping[str, Value]],
    recipients: int | Sequence[str],
    *,
    lenient: bool = False,
) -> list[str]:
    """One message per recipient from ``sub`` (one mapping per recipient, in order).

    As the API requires (seed 001, "Substitution variables"), ``sub`` has exactly as many
    mappings as there are recipients; ``recipients`` is that count or the ``to`` list. In
    strict mode every missing value of every recipient is reported (up to 100 problems).
    """
    count = recipients if isinstance(recipients, int) else len(recipients)
    if len(sub) != count:
        params = {"count": len(sub), "recipients": count}
        raise ValidationError.single("value.per_recipient", "sub", None, params)
    program = template._sent
    rendered: list[str] = []
    problems: list[Problem] = []
    for index, values in enumerate(sub):
        try:
            rendered.append(_render(program, values, lenient, index))
        except ValidationError as error:
            problems.extend(error.problems)
            if len(problems) >= _MAX_PROBLEMS:
                break
    if problems:
        raise ValidationError(problems[:_MAX_PROBLEMS])
    return rendered


# --- splitParts ---------------------------------------------------------------------------


def _render_spans(
    program: _Program, values: Mapping[str, Value], lenient: bool, trans: bool
) -> tuple[str, list[tuple[int, int, Placeholder | None]]]:
    """The billed text and the span of every slot in it (after ``trans``, which maps chars)."""
    from nrscompose.transliterate import transliterate

    pieces: list[str] = []
    spans: list[tuple[int, int, Placeholder | None]] = []
    at = 0

    def add(piece: str) -> int:
        nonlocal at
        piece = transliterate(piece) if trans else piece
        pieces.append(piece)
        at += len(piece)
        return at

    add(program.literals[0])
    for slot, literal in zip(program.slots, program.literals[1:], strict=True):
        start = at
        if isinstance(slot, Placeholder):
            add(_render(_Program(("", ""), (slot,)), values, lenient, None))
            spans.append((start, at, slot))
        else:
            add(slot)
            spans.append((start, at, None))
        add(literal)
    return "".join(pieces), spans


def split_sms(
    template: Template,
    values: Mapping[str, Value],
    *,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: object = "360nrs",
    otp: OtpConfig | None = None,
    server_lengths: Mapping[str, int] | None = None,
    lenient: bool = False,
) -> list[str]:
    """The separate SMS the server sends with ``splitParts=true`` for one recipient.

    Seed 001: with ``splitParts`` a long message goes as several single SMS instead of one
    concatenated SMS, so each holds the single-message limit (160 septets / 70 units). A
    cut never falls inside a placeholder's value (nor inside an escape pair, surrogate pair or
    grapheme cluster); when a value alone does not fit one SMS the API refuses it ("Can't split
    variable placeholders"), and this function raises ``template.split_placeholder``.
    """
    program = template._billed_program(otp, server_lengths)
    text, spans = _render_spans(program, values, lenient, trans)
    return _split_protected(text, spans, template, encoding, candidates, profile)


def _split_protected(
    text: str,
    spans: Sequence[tuple[int, int, Placeholder | None]],
    template: Template,
    encoding: str,
    candidates: Sequence[str] | None,
    profile: object,
) -> list[str]:
    from nrscompose.analysis import analyze

    analysis = analyze(text, encoding=encoding, candidates=candidates, profile=profile)  # type: ignore[arg-type]
    limit = analysis.limits.single
    if analysis.units <= limit:
        return [text] if text else []
    costs = _costs(text, analysis.encoding, analysis.tables, profile)
    allowed = _cluster_starts(text)
    reserved_index = 0
    reserved = [p for p in template.placeholders if p.reserved]
    protected: list[tuple[int, int, Placeholder]] = []
    for start, end, slot in spans:
        if slot is None:
            slot = reserved[reserved_index] if reserved_index < len(reserved) else None
            reserved_index += 1
        if slot is not None and end - start > 1:
            protected.append((start, end, slot))
    inside = [False] * (len(text) + 1)
    owner: dict[int, Placeholder] = {}
    for start, end, slot in protected:
        for index in range(start + 1, end):
            inside[index] = True
            owner[index] = slot
    pieces: list[str] = []
    start = 0
    while start < len(text):
        used = 0
        end = start
        while end < len(text) and used + costs[end] <= limit:
            used += costs[end]
            end += 1
        if end < len(text):
            cut = _last_cut(start, end, inside, allowed)
            if cut == start:  # one grapheme cluster longer than an SMS: cut between code points
                cut = _last_cut(start, end, inside, None)
            if cut == start:
                slot = owner[end]
                params = {"placeholder": slot.written, "index": slot.start}
                span = (slot.start, slot.end)
                raise ValidationError.single("template.split_placeholder", "message", span, params)
            end = cut
        pieces.append(text[start:end])
        start = end
    return pieces


def _costs(text: str, encoding: str, tables: tuple[int, int], profile: object) -> list[int]:
    """Units of each code point in ``encoding``: escape pairs 2 septets, astral 2 UTF-16 units."""
    from nrscompose import charsets
    from nrscompose.profiles import get_profile

    if get_profile(profile).flat_limit is not None:  # type: ignore[arg-type]
        return [1] * len(text)
    if encoding == "utf-16":
        return [2 if char > "\uffff" else 1 for char in text]
    return charsets.for_tables(tables).costs(text)


def _cluster_starts(text: str) -> set[int]:
    import regex  # imported on first need, as nrscompose.splitting does

    starts = {match.start() for match in regex.finditer(r"\X", text)}
    starts.add(len(text))
    return starts


def _last_cut(start: int, end: int, inside: Sequence[bool], allowed: set[int] | None) -> int:
    """The last index in ``(start, end]`` outside placeholders (and on a cluster boundary)."""
    cut = end
    while cut > start and (inside[cut] or (allowed is not None and cut not in allowed)):
        cut -= 1
    return cut


# --- length ranges ------------------------------------------------------------------------

# Characters tried as fillers for a value of unknown content. The GSM tables give every
# septet cost; the rest are the costliest cases Unicode offers: an astral character (two
# UTF-16 units), characters whose case mapping grows (ﬃ→FFI, ΐ→three code points, İ→i̇,
# ŉ→ʼN, ǆ→ǅ) and a plain BMP character outside every GSM table.
_UNICODE_EXTRAS: Final = "😀Жﬃΐİŉǆ’"
_CONTROLS: Final = frozenset("\n\r\x0c")


@cache
def _alphabet(kind: Alphabet) -> tuple[str, ...]:
    from nrscompose import charsets

    gsm = [c for c in charsets.DEFAULT.septets_of if c not in _CONTROLS]
    if kind == "gsm":
        return tuple(sorted(gsm))
    portuguese = [c for c in charsets.PORTUGUESE.septets_of if c not in _CONTROLS]
    return tuple(sorted({*gsm, *portuguese, *_UNICODE_EXTRAS}))


@cache
def _representatives(kind: Alphabet, chains: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """One character per distinct cost signature of its filtered output, in every charset."""
    from nrscompose import charsets

    tables = (
        charsets.DEFAULT,
        charsets.PORTUGUESE,
        charsets.DEFAULT_LOCKING_PORTUGUESE_SHIFT,
        charsets.PORTUGUESE_LOCKING_DEFAULT_SHIFT,
    )
    seen: dict[tuple[object, ...], str] = {}
    for char in _alphabet(kind):
        outputs = [_chain_output(chain, char) for chain in chains]
        signature = tuple(
            (len(out), len(out.encode("utf-16-le")), *(table.count(out) for table in tables))
            for out in outputs
        )
        seen.setdefault(signature, char)
    return tuple(seen.values())


def _chain_output(chain: tuple[str, ...], char: str) -> str:
    for name in chain:
        char = FILTERS[name](char)
    return char


@dataclass(frozen=True, slots=True)
class _NameModel:
    name: str
    kind: Alphabet | Literal["number", "url"]
    min_length: int
    max_length: int
    chains: tuple[tuple[str, ...], ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One end of a range: stand-in ``values``, the billed ``text`` and its ``analysis``.

    ``sms`` holds the separate messages when counted with ``split_parts``; ``parts`` is their
    number then, else the concatenated parts.
    """

    values: Mapping[str, str]
    text: str
    analysis: Analysis
    sms: tuple[str, ...] | None = None

    @property
    def parts(self) -> int:
        return len(self.sms) if self.sms is not None else self.analysis.parts

    @property
    def encoding(self) -> str:
        return self.analysis.encoding

    @property
    def units(self) -> int:
        return self.analysis.units

    def _key(self) -> tuple[int, int, int]:
        # Parts first; between equal parts, less room left in the last part is worse (units of
        # different encodings are not comparable, room is).
        return (self.parts, -self.analysis.remaining, self.units)


@dataclass(frozen=True, slots=True)
class TemplateRange:
    """The cheapest and the costliest message a template can become under the declarations."""

    best: Case
    worst: Case

    @property
    def parts(self) -> tuple[int, int]:
        return (self.best.parts, self.worst.parts)

    @property
    def encodings(self) -> tuple[str, str]:
        return (self.best.encoding, self.worst.encoding)

    @property
    def exact(self) -> bool:
        return self.best.parts == self.worst.parts and self.best.encoding == self.worst.encoding


def analyze_template(
    template: Template | str,
    *,
    max_lengths: Mapping[str, int] | None = None,
    min_lengths: Mapping[str, int] | None = None,
    alphabets: Mapping[str, Alphabet] | None = None,
    samples: Iterable[Mapping[str, Value]] | None = None,
    default_max_length: int | None = None,
    otp: OtpConfig | None = None,
    server_lengths: Mapping[str, int] | None = None,
    split_parts: bool = False,
    encoding: str = "auto",
    candidates: Sequence[str] | None = None,
    trans: bool = False,
    profile: object = "360nrs",
    channel: str = "sms",
) -> TemplateRange:
    """Best and worst case (encoding, parts) of ``template`` when values are not known yet.

    Per name: ``max_lengths``/``min_lengths`` bound the value's length in code points (before
    filters; default minimum 0); ``alphabets`` says whether values are ``"gsm"`` (default
    alphabet and extension table) or ``"unicode"``. Undeclared, both are inferred from
    ``samples`` (value mappings, like ``sub``): the longest sample, and ``"gsm"`` when every
    sample value is GSM; without samples, ``default_max_length`` and ``"unicode"``. Number
    filters bound the value to digits, ``shorten`` replaces it with a fixed-length link.

    Each end is a real stand-in rendering counted by :func:`~nrscompose.analyze`, so it is
    exact for that rendering; the worst is the maximum over fillers of every cost class (and
    the samples), the best the minimum over the shortest fillings and the single characters
    that switch encoding. ``split_parts`` counts separate SMS and raises
    ``template.split_placeholder`` when a placeholder could not fit one.
    """
    from nrscompose.analysis import analyze

    if not isinstance(template, Template):
        template = Template(template)
    if channel == "landing" or "LAND_URL" in template.reserved:
        template.validate(channel)
    sample_list = [dict(s) for s in samples] if samples is not None else []
    models = _models(template, max_lengths, min_lengths, alphabets, sample_list, default_max_length)
    program = template._billed_program(otp, server_lengths)

    def count(values: Mapping[str, Value], lenient: bool = False) -> Case:
        text = _render(program, values, lenient, None)
        analysis = analyze(
            text,
            encoding=encoding,
            candidates=candidates,
            trans=trans,
            profile=profile,  # type: ignore[arg-type]
        )
        sms = None
        if split_parts:
            spans_text, spans = _render_spans(program, values, lenient, trans)
            sms = tuple(
                _split_protected(spans_text, spans, template, encoding, candidates, profile)
            )
        return Case(MappingProxyType({k: str(v) for k, v in values.items()}), text, analysis, sms)

    worst_fills, best_fills = _fills(models)
    worst = max((count(values) for values in worst_fills), key=Case._key)
    best = min((count(values) for values in best_fills), key=Case._key)
    for values in sample_list:
        case = count(values, lenient=True)
        worst = max(worst, case, key=Case._key)
        best = min(best, case, key=Case._key)
    return TemplateRange(best, worst)


def _models(
    template: Template,
    max_lengths: Mapping[str, int] | None,
    min_lengths: Mapping[str, int] | None,
    alphabets: Mapping[str, Alphabet] | None,
    samples: Sequence[Mapping[str, Value]],
    default_max_length: int | None,
) -> list[_NameModel]:
    from nrscompose import charsets

    models = []
    problems = []
    for name in template.names:
        chains = tuple(dict.fromkeys(p.filters for p in template.placeholders if p.name == name))
        filters = {f for chain in chains for f in chain}
        seen = [value_text(s[name]) for s in samples if s.get(name) is not None]
        kind: Alphabet | Literal["number", "url"]
        if "shorten" in filters:
            kind = "url"
        elif filters & NUMBER_FILTERS:
            kind = "number"
        elif alphabets is not None and name in alphabets:
            kind = alphabets[name]
            if kind not in ("gsm", "unicode"):
                raise ValidationError.invalid(
                    "alphabets", f"alphabet of {name!r} must be 'gsm' or 'unicode', not {kind!r}"
                )
        elif seen and all(charsets.DEFAULT.count(v) is not None for v in seen):
            kind = "gsm"
        else:
            kind = "unicode"
        maximum = (max_lengths or {}).get(name)
        if maximum is None:
            maximum = max(map(len, seen)) if seen else default_max_length
        if maximum is None:
            problems.append(
                Problem(
                    "template.undeclared_length",
                    "max_lengths",
                    None,
                    {"placeholder": "{" + name + "}"},
                )
            )
            continue
        minimum = (min_lengths or {}).get(name, 0)
        if not 0 <= minimum <= maximum:
            problems.append(
                invalid("min_lengths", f"{{{name}}}: need 0 <= min {minimum} <= max {maximum}")
            )
            continue
        models.append(_NameModel(name, kind, minimum, maximum, chains))
    if problems:
        raise ValidationError(problems)
    return models


_URL_FILLER: Final = "https://example.com/"


def _fills(models: Sequence[_NameModel]) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Stand-in value sets whose counts bound the template: (worst candidates, best ones)."""
    fixed_worst: dict[str, str] = {}
    fixed_best: dict[str, str] = {}
    free: list[tuple[_NameModel, tuple[str, ...]]] = []
    for model in models:
        if model.kind == "url":
            fixed_worst[model.name] = fixed_best[model.name] = _URL_FILLER
        elif model.kind == "number":
            fixed_worst[model.name] = "9" * model.max_length
            fixed_best[model.name] = "0" * min(model.min_length, 1)
        else:
            free.append((model, _representatives(model.kind, model.chains)))
    kinds = sorted({model.kind for model, _ in free})
    per_kind = {
        kind: sorted({c for model, chars in free if model.kind == kind for c in chars})
        for kind in kinds
    }
    worst: list[dict[str, str]] = []
    choices: list[dict[str, str]] = [{}]
    for kind in kinds:
        choices = [{**choice, kind: char} for choice in choices for char in per_kind[kind]]
    for choice in choices:
        values = dict(fixed_worst)
        for model, _ in free:
            values[model.name] = choice[model.kind] * model.max_length
        worst.append(values)
    base = dict(fixed_best)
    for model, _ in free:
        base[model.name] = "a" * model.min_length
    best = [base]
    for model, chars in free:
        if model.max_length == 0:
            continue
        rest = "a" * max(model.min_length - 1, 0)
        best.extend({**base, model.name: char + rest} for char in chars)
    return worst, best
