"""``splitParts``: the separate SMS the server sends, a placeholder's value never cut."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

from nrscompose._base.errors import ValidationError
from nrscompose._composition.template.parse import OtpConfig, Placeholder, Program, Value
from nrscompose._composition.template.render import Template, render_program

if TYPE_CHECKING:
    from nrscompose._base.problems import Problem
    from nrscompose._counting.profiles import Profile


def render_spans(
    program: Program, values: Mapping[str, Value], lenient: bool, trans: bool
) -> tuple[str, list[tuple[int, int, Placeholder | None]]]:
    """The billed text and the span of every slot in it (after ``trans``, which maps chars)."""
    from nrscompose._counting.transliterate import transliterate

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
            add(render_program(Program(("", ""), (slot,)), values, lenient, None))
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
    profile: str | Profile = "360nrs",
    otp: OtpConfig | None = None,
    server_lengths: Mapping[str, int] | None = None,
    lenient: bool = False,
) -> list[str]:
    """The separate SMS the server sends with ``splitParts=true`` for one recipient.

    API reference: with ``splitParts`` a long message goes as several single SMS instead of one
    concatenated SMS, so each holds the single-message limit (160 septets / 70 units). A
    cut never falls inside a placeholder's value (nor inside an escape pair, surrogate pair or
    grapheme cluster); when a value alone does not fit one SMS the API refuses it ("Can't split
    variable placeholders"), and this function raises ``template.split_placeholder``.
    """
    program = template._billed_program(otp, server_lengths)
    text, spans = render_spans(program, values, lenient, trans)
    return split_protected(text, spans, template, encoding, candidates, profile)


def split_count(
    template: Template,
    values: Mapping[str, Value] | None,
    on_problems: Callable[[Sequence[Problem]], object],
    *,
    encoding: str = "auto",
    trans: bool = False,
    profile: str | Profile = "360nrs",
    otp: OtpConfig | None = None,
) -> int:
    """How many SMS :func:`split_sms` sends one recipient, for checks that report every problem
    at once: without ``values`` the placeholders render empty (``lenient``); a problem
    (``template.split_placeholder`` …) goes to ``on_problems`` and counts 0."""
    try:
        pieces = split_sms(template, values or {}, encoding=encoding, trans=trans,
                           profile=profile, otp=otp, lenient=not values)  # fmt: skip
    except ValidationError as error:
        on_problems(error.problems)
        return 0
    return len(pieces)


def split_protected(
    text: str,
    spans: Sequence[tuple[int, int, Placeholder | None]],
    template: Template,
    encoding: str,
    candidates: Sequence[str] | None,
    profile: str | Profile,
) -> list[str]:
    from nrscompose._counting.analysis import analyze

    analysis = analyze(text, encoding=encoding, candidates=candidates, profile=profile)
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


def _costs(text: str, encoding: str, tables: tuple[int, int], profile: str | Profile) -> list[int]:
    """Units of each code point in ``encoding``: escape pairs 2 septets, astral 2 UTF-16 units."""
    from nrscompose._counting import charsets
    from nrscompose._counting.profiles import get_profile

    if get_profile(profile).flat_limit is not None:
        return [1] * len(text)
    if encoding == "utf-16":
        return [2 if char > "\uffff" else 1 for char in text]
    return charsets.for_tables(tables).costs(text)


def _cluster_starts(text: str) -> set[int]:
    import regex  # imported on first need, as nrscompose._counting.splitting does

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
