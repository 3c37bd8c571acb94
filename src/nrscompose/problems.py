"""Problem kinds: the closed vocabulary every rule reports in, and the one :class:`Problem` type.

A rule says *what* is wrong with a ``kind`` (a dotted lowercase name such as
``"text.too_long"``), *where* with a ``field`` and a ``span`` of character indices, and the
numbers a sentence needs in ``params``. The sentence a person reads (:attr:`Problem.message`)
is rendered from the kind and its params through the gettext catalogue (English, Spanish,
Portuguese; :mod:`nrscompose.messages`), so rewording a sentence or adding a language changes
no rule and no consumer. A provider attaches its own error ``code`` from its kind → code table
(for 360nrs, :mod:`nrscompose.providers.nrs.codes`); the core never names a provider code.

Every kind is listed in :data:`KINDS` with its English sentence; ``docs/problems.md`` lists
them with their params and the 360nrs codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from types import MappingProxyType

from nrscompose._error_base import ArgumentError

# Annotations only: importing typing would double the package's import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Final

__all__ = ["KINDS", "PLURAL_KINDS", "VARIANT_KINDS", "Problem", "invalid", "render"]

_NO_PARAMS: Final[Mapping[str, object]] = MappingProxyType({})

# kind -> the English sentence (the gettext msgid), with %(name)s params.
KINDS: Final[Mapping[str, str]] = MappingProxyType(
    {
        # the message text
        "text.required": "The message is empty: write the text to send.",
        "text.unencodable": "%(char)s at %(index)d cannot be sent as %(encoding)s.",
        "text.not_encodable": "The text cannot be sent as %(encoding)s.",
        "text.too_many_characters": (
            "The text has %(length)d characters; at most %(limit)d are allowed."
        ),
        "text.lone_surrogate": "Lone surrogate %(codepoint)s at %(index)d is not a character.",
        # parts
        "parts.out_of_range": (
            "The number of parts must be a whole number from 1 to %(cap)d, not %(value)s."
        ),
        # sender ("from")
        "sender.required": "The sender is required.",
        "sender.invalid_character": (
            "%(char)s at %(index)d is not allowed in a sender: use letters and digits only."
        ),
        # placeholders
        "template.placeholder_required": (
            "A %(channel)s must contain the %(placeholder)s placeholder."
        ),
        "template.unknown_filter": (
            "Unknown filter '%(name)s' at %(index)d. Known filters: %(known)s."
        ),
        "template.unterminated": "The placeholder at %(index)d is not closed: add '}'.",
        "template.unexpected_character": (
            "%(char)s at %(index)d is not allowed in the placeholder that starts at %(start)d."
        ),
        "template.reserved_filter": (
            "%(placeholder)s at %(index)d is filled in by the server and takes no filters."
        ),
        "template.reserved_channel": (
            "%(placeholder)s at %(index)d is only filled in for %(channels)s messages."
        ),
        "template.missing_value": "No value for %(placeholder)s at %(index)d.",
        "template.filter_failed": "%(placeholder)s at %(index)d: %(detail)s",
        "template.split_placeholder": (
            "%(placeholder)s at %(index)d cannot be sent with split parts: its value does not fit "
            "in one SMS."
        ),
        "template.undeclared_length": "No maximum length declared for %(placeholder)s.",
        # recipients and addresses
        "recipient.required": "At least one recipient is required.",
        "recipient.invalid": (
            "%(value)s is not a phone number in international format with its country prefix "
            "(e.g. 34666555444)."
        ),
        "email.required": "At least one email address is required.",
        "email.invalid": "%(value)s is not an email address.",
        # dates
        "date.naive": "Naive datetime: give a timezone-aware datetime.",
        "date.format": "%(value)s is not a date in YYYYmmddHHiiss (UTC).",
        "date.invalid": "%(value)s is not a real date and time.",
        "date.past": "%(value)s is in the past.",
        "date.order": "The expiration date must be after the schedule date.",
        # availableTimes
        "available_times.not_array": "availableTimes must be an array of {day, from, to} objects.",
        "available_times.empty": "availableTimes is empty; omit it instead.",
        "available_times.not_object": "Each entry must be an object with from and to.",
        "available_times.missing_property": "Missing property '%(property)s'.",
        "available_times.day_not_integer": "The day must be an integer, not %(value)s.",
        "available_times.day_out_of_range": "The day must be 1-7 (Monday-Sunday), not %(value)s.",
        "available_times.hour_format": "%(value)s is not HH:MM (00:00-23:59).",
        "available_times.from_after_to": "From %(start)s is after to %(end)s.",
        "available_times.too_short": "%(start)s-%(end)s is shorter than %(minutes)d minutes.",
        "available_times.none_in_week": "The rules allow no time in the week of %(week)s.",
        # campaigns
        "campaign.name_empty": "The campaign name is empty.",
        "campaign.tags_need_name": "Tags require campaignName.",
        # field values
        "value.required": "This field is required.",
        "value.not_integer": "%(value)s is not an integer.",
        "value.out_of_range": "%(value)s is out of range; it must be between %(low)d and %(high)d.",
        "value.too_small": "%(value)s is out of range; it must be at least %(low)d.",
        "value.not_boolean": "%(value)s is not a boolean.",
        "value.not_text": "This field must be text.",
        "value.not_object": "This field must be an object.",
        "value.not_list": "This field must be a list.",
        "value.not_url": "%(value)s is not an http(s) URL.",
        "value.choice": "%(value)s is not one of %(choices)s.",
        "value.per_recipient": (
            "This field has %(count)d item(s) but there are %(recipients)d recipient(s); one is "
            "needed per recipient, in recipient order."
        ),
        "json.invalid": "Not valid JSON: %(detail)s",
        "json.not_object": "The JSON body must be an object.",
        # hostile input (issue 23): workbooks, input files, request --set, price files
        "workbook.too_sparse": (
            "%(file)s: the sheet's cells span %(extent)s, %(span)d cells for the %(cells)d it "
            "holds; at most %(limit)d are read: delete the stray cells or save the sheet as "
            "CSV."
        ),
        "workbook.beyond_last_cell": (
            "%(file)s: %(part)s names row %(row)d, column %(column)d, beyond Excel's last "
            "cell XFD1048576."
        ),
        "workbook.text_too_long": (
            "%(file)s: a text in %(part)s has more than %(limit)d characters, the most an "
            "Excel cell holds."
        ),
        "workbook.too_many_strings": (
            "%(file)s: the workbook holds more than %(limit)d shared strings for a sheet of "
            "%(cells)d text cells."
        ),
        "workbook.too_much_text": (
            "%(file)s: the workbook's shared strings hold more than %(limit)d characters: "
            "save the sheet as CSV."
        ),
        "workbook.declares_entities": (
            "%(file)s: %(part)s declares a DTD or entities, which no workbook needs; it is "
            "not read."
        ),
        "workbook.malformed": "%(file)s: %(part)s is not a well-formed workbook part (%(detail)s).",
        "workbook.missing_string": (
            "%(file)s: cell %(cell)s refers to shared string %(index)d, but the workbook has "
            "%(count)d."
        ),
        "workbook.part_too_large": (
            "%(file)s: %(part)s unpacks to %(size)d bytes; at most %(limit)d are read."
        ),
        "workbook.unreadable": "%(file)s: not a readable Excel workbook (%(detail)s).",
        "workbook.no_sheet": "%(file)s: the workbook has no sheet.",
        "workbook.unknown_sheet": "%(file)s: no sheet %(sheet)s (sheets: %(sheets)s).",
        "workbook.empty_sheet": "%(file)s: sheet %(sheet)s is empty; expected a header.",
        "input.too_large": "%(file)s is larger than %(limit)d bytes, the most read as %(what)s.",
        "request.set_shape": "--set %(name)s: expected %(expected)s, not %(value)s.",
        "prices.unknown_currency": (
            "Row %(row)d (%(country)s): %(value)s is not an ISO 4217 currency code."
        ),
        # a value the library refuses for a reason only its detail names (not translated)
        "value.invalid": "%(detail)s",
    }
)

# kinds whose sentence depends on a number: kind -> ((singular, plural), the param counted)
PLURAL_KINDS: Final[Mapping[str, tuple[tuple[str, str], str]]] = MappingProxyType(
    {
        "text.too_long": (
            (
                "The message needs %(needed)d parts but only %(limit)d part is allowed.",
                "The message needs %(needed)d parts but at most %(limit)d parts are allowed.",
            ),
            "limit",
        ),
    }
)

# kinds whose sentence depends on a flag: kind -> (the param, {its value: msgid})
VARIANT_KINDS: Final[Mapping[str, tuple[str, Mapping[object, str]]]] = MappingProxyType(
    {
        "sender.too_long": (
            "numeric",
            {
                True: "The sender has %(length)d digits; at most %(limit)d are allowed.",
                False: (
                    "The sender has %(length)d characters; at most %(limit)d letters and digits "
                    "are allowed."
                ),
            },
        ),
        # a campaign file: a placeholder filled from values that no column holds
        "template.no_column": (
            "suggested",
            {
                True: (
                    "%(placeholder)s at %(index)d has no column in the file (columns: "
                    "%(columns)s); did you mean %(suggestion)s?"
                ),
                False: (
                    "%(placeholder)s at %(index)d has no column in the file (columns: %(columns)s)."
                ),
            },
        ),
        # a warning, not an error: the character that chose a costlier encoding
        "text.not_gsm": (
            "portuguese",
            {
                True: (
                    "%(char)s at %(index)d is not in the GSM default alphabet, only in the "
                    "Portuguese GSM tables."
                ),
                False: (
                    "%(char)s at %(index)d is not a GSM character, so the whole message is "
                    "sent as UTF-16, which holds fewer characters per part."
                ),
            },
        ),
    }
)


def render(kind: str, params: Mapping[str, object], locale: str = "en") -> str:
    """The sentence for ``kind`` with ``params``, in ``locale`` (English when untranslated)."""
    from nrscompose.messages import translator

    translations = translator(locale)
    if kind in PLURAL_KINDS:
        (singular, plural), counted = PLURAL_KINDS[kind]
        count = params.get(counted, 1)
        template = translations.ngettext(singular, plural, count if isinstance(count, int) else 1)
    elif kind in VARIANT_KINDS:
        flag, variants = VARIANT_KINDS[kind]
        template = translations.gettext(variants[bool(params.get(flag))])
    else:
        template = translations.gettext(KINDS[kind])
    return template % params


def known_kind(kind: str) -> bool:
    return kind in KINDS or kind in PLURAL_KINDS or kind in VARIANT_KINDS


_PARAM_NAME = r"%\((\w+)\)"
_NEEDED: dict[str, frozenset[str]] = {}


def needed_params(kind: str) -> frozenset[str]:
    """The params every sentence of ``kind`` names (so rendering cannot fail on a missing one)."""
    needed = _NEEDED.get(kind)
    if needed is None:
        import re  # the stdlib module: only when a kind is first used

        if kind in PLURAL_KINDS:
            sentences: tuple[str, ...] = PLURAL_KINDS[kind][0]
        elif kind in VARIANT_KINDS:
            sentences = tuple(VARIANT_KINDS[kind][1].values())
        else:
            sentences = (KINDS[kind],)
        names = [frozenset(re.findall(_PARAM_NAME, sentence)) for sentence in sentences]
        needed = _NEEDED[kind] = frozenset.intersection(*names)
    return needed


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the caller's input.

    ``kind`` says what (one of :data:`KINDS`), ``field`` the request field (``"message"``,
    ``"to"``, ``"sub[2]"``…), ``span`` the ``(start, end)`` indices of the offending characters
    in the field's text when the problem is in text, ``params`` the values the sentence names.
    ``code`` is the provider's error code, attached by a provider from its kind → code table
    (``None`` from the provider-neutral core).
    """

    kind: str
    field: str
    span: tuple[int, int] | None = None
    params: Mapping[str, object] = dataclass_field(default_factory=lambda: _NO_PARAMS)
    code: int | None = dataclass_field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        if not known_kind(self.kind):
            raise ArgumentError(f"unknown problem kind {self.kind!r}")
        params = self.params if self.params is not None else _NO_PARAMS
        missing = needed_params(self.kind).difference(params)
        if missing:
            names = ", ".join(sorted(missing))
            raise ArgumentError(f"a {self.kind!r} problem needs the params: {names}")
        if not isinstance(params, MappingProxyType):
            params = MappingProxyType(dict(params))
        object.__setattr__(self, "params", params)

    def __hash__(self) -> int:
        return hash((self.kind, self.field, self.span, tuple(sorted(self.params)), self.code))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return (self.kind, self.field, self.span, dict(self.params), self.code) == (
            other.kind, other.field, other.span, dict(other.params), other.code
        )  # fmt: skip

    @property
    def message(self) -> str:
        """The sentence a person reads, in English (:meth:`render` for another locale)."""
        return render(self.kind, self.params)

    def render(self, locale: str = "en") -> str:
        return render(self.kind, self.params, locale)

    @property
    def start(self) -> int | None:
        return self.span[0] if self.span is not None else None

    @property
    def end(self) -> int | None:
        return self.span[1] if self.span is not None else None

    def with_code(self, code: int | None) -> Problem:
        """This problem with a provider's error ``code``."""
        return replace(self, code=code)

    def as_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "field": self.field,
            "code": self.code,
            "message": self.message,
            "start": self.start,
            "end": self.end,
        }

    def __str__(self) -> str:
        prefix = f"[{self.code}] " if self.code is not None else ""
        return f"{prefix}{self.field}: {self.message}"


def invalid(field: str, detail: str) -> Problem:
    """A ``value.invalid`` problem: a value refused for a reason only ``detail`` names."""
    return Problem("value.invalid", field, None, {"detail": detail})
