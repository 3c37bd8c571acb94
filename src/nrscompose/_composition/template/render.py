"""The :class:`Template`: render per recipient, preview with server-filled stand-ins, validate
per channel; :func:`render_all` for a request's ``sub``; :class:`RowRenderer` for a campaign's
rows."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Final

from nrscompose._base.errors import ValidationError
from nrscompose._base.problems import Problem
from nrscompose._composition.filters import (
    Shortener,
    value_text,
)
from nrscompose._composition.template.parse import (
    MAX_PROBLEMS,
    OtpConfig,
    Placeholder,
    Program,
    Slot,
    Value,
    parse_placeholders,
)
from nrscompose._counting.analysis import analyze
from nrscompose._rules.message_rules import (
    CHANNEL_NAMES,
    SERVER_FILLED,
    required_placeholders,
)

if TYPE_CHECKING:
    from nrscompose._counting.profiles import Profile


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
        self.placeholders: Final = parse_placeholders(text, shortener)
        self.names: Final = tuple(
            dict.fromkeys(p.name for p in self.placeholders if not p.reserved)
        )
        self.reserved: Final = tuple(dict.fromkeys(p.name for p in self.placeholders if p.reserved))
        self._sent: Final = self._program(lambda p: text[p.start : p.end])
        self._billed: dict[tuple[tuple[str, int], ...], Program] = {}

    def __repr__(self) -> str:
        return f"Template({self.text!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Template) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def _program(self, reserved: Callable[[Placeholder], str | None]) -> Program:
        """Literals and slots; ``reserved`` gives a reserved placeholder's text (None: a slot)."""
        literals: list[str] = []
        slots: list[Slot] = []
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
        return Program(tuple(literals), tuple(slots))

    def _billed_program(
        self, otp: OtpConfig | None, server_lengths: Mapping[str, int] | None
    ) -> Program:
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
        return render_program(self._sent, values, lenient, recipient)

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
            return render_program(self._sent, values, lenient, recipient)
        return render_program(self._billed_program(otp, server_lengths), values, lenient, recipient)

    def row_renderer(self, *, lenient: bool = False) -> RowRenderer:
        """A renderer for many rows: ``renderer(row, recipient)`` is ``self.preview(row,
        lenient=lenient, recipient=recipient)``, with each filter's result remembered per value
        (see :class:`RowRenderer`)."""
        every_placeholder_a_slot = self._program(lambda placeholder: None)
        return RowRenderer(self, every_placeholder_a_slot.literals, lenient)

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


def render_program(
    program: Program, values: Mapping[str, Value], lenient: bool, recipient: int | None
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
            # a str: `type(slot) is` (cheaper per slot than isinstance) does not narrow the else
            append(slot)  # type: ignore[arg-type]  # see the line above
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
    program: Program, values: Mapping[str, Value], recipient: int | None
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

    As the API requires (API reference, "Substitution variables"), ``sub`` has exactly as many
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
            rendered.append(render_program(program, values, lenient, index))
        except ValidationError as error:
            problems.extend(error.problems)
            if len(problems) >= MAX_PROBLEMS:
                break
    if problems:
        raise ValidationError(problems[:MAX_PROBLEMS])
    return rendered


_MEMO_SIZE: Final = 8_192  # distinct values remembered per placeholder (then the memo restarts)
# A placeholder's name, its filters (None: none) and their result per value seen.
_MemoSlot = tuple[str, Callable[[str], str] | None, dict[str, str]]


class RowRenderer:
    """A template compiled for many recipients (:meth:`Template.row_renderer`):
    ``renderer(row, recipient)`` is ``template.preview(row, lenient=…, recipient=…)``.

    A campaign renders one template hundreds of thousands of times, and its values repeat:
    first names, cities, amounts. The renderer keeps, per placeholder, the filtered text of each
    value it has seen, so ``{name|capitalizeAll}`` runs once per distinct name. Anything but a
    plain string value (a missing value, a number, a filter error) and any server-filled
    placeholder goes through :meth:`Template.preview`, which raises or renders exactly as it
    always does.
    """

    __slots__ = ("_excluded", "_lenient", "_literals", "_slots", "_template")

    def __init__(self, template: Template, literals: tuple[str, ...], lenient: bool) -> None:
        self._template = template
        self._lenient = lenient
        self._literals = literals  # the text around every placeholder, server-filled ones too
        # Server-filled placeholders take stand-ins that depend on options: preview decides.
        self._slots: tuple[_MemoSlot, ...] | None = None
        if not template.reserved:
            self._slots = tuple(
                (p.name, p.apply if p.filters else None, {}) for p in template.placeholders
            )
        self._excluded: dict[tuple[bool, object], bool] = {}

    def septets_excluded(self, trans: bool, profile: str | Profile) -> bool:
        """Whether the template's literal text alone needs UTF-16 (no septet table of the
        profile holds it), which then holds for every row: a row's text contains it."""
        key = (trans, profile)
        found = self._excluded.get(key)
        if found is None:
            try:
                counted = analyze("".join(self._literals), trans=trans, profile=profile)
            except ValidationError:  # not even UTF-16: let every row be analysed in full
                found = False
            else:
                found = counted.encoding == "utf-16"
            self._excluded[key] = found
        return found

    def __call__(self, row: Mapping[str, object], recipient: int | None = None) -> str:
        slots = self._slots
        if slots is None:
            return self._preview(row, recipient)
        literals = self._literals
        out = [literals[0]]
        append = out.append
        index = 1
        for name, apply, memo in slots:
            value = row.get(name)
            if type(value) is not str:  # missing, or a number to write out: preview does it
                return self._preview(row, recipient)
            if apply is not None and value:
                filtered = memo.get(value)
                if filtered is None:
                    try:
                        filtered = apply(value)
                    except ValueError:  # preview raises it with the placeholder and row
                        return self._preview(row, recipient)
                    if len(memo) >= _MEMO_SIZE:
                        memo.clear()
                    memo[value] = filtered
                value = filtered
            append(value)
            append(literals[index])
            index += 1
        return "".join(out)

    def _preview(self, row: Mapping[str, object], recipient: int | None) -> str:
        # a row's cells are whatever the file or frame held: preview checks each value's type
        return self._template.preview(row, lenient=self._lenient, recipient=recipient)  # type: ignore[arg-type]


# --- splitParts ---------------------------------------------------------------------------
