"""The fields of the 360nrs send requests, as data: for every keyword parameter of the builders
:func:`sms`, :func:`landing_sms`, :func:`mailing`, :func:`voice` and :func:`whatsapp`, the name
the API reference gives the field, the builder's name for it, the kind of value it takes and
whether it is required.

A tool that takes fields as text (``nrscompose request --set NAME=VALUE``) reads this table
instead of the builders' annotations. ``credentials`` and ``now`` are parameters but not fields
(the Authorization header, and the clock dates are checked against): they are not listed.
``tests/test_nrs_fields.py`` checks that each builder's row lists exactly its other keyword
parameters, in order, required exactly when they have no default, of the kind annotated.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

from nrscompose._base.vocabularies import ENCODING_CHOICES
from nrscompose.providers.nrs.requests_channels import VOICE_LANGUAGES

__all__ = [
    "DATE", "FIELDS", "NOT_FIELDS", "TEXT", "TRUE_FALSE", "WHOLE_NUMBER", "Field", "Kind",
    "choice", "find", "list_of", "object_of", "one_of", "python_object",
]  # fmt: skip

KindName = Literal[
    "text", "date", "choice", "whole_number", "true_false", "list", "object", "one_of",
    "python_object",
]  # fmt: skip

# The keyword parameters of every builder that are no field of the request.
NOT_FIELDS: Final = frozenset({"credentials", "now"})


@dataclass(frozen=True, slots=True)
class Kind:
    """What a field holds. ``name`` is one of:

    * ``text``; ``date`` (text as ``YYYYmmddHHiiss`` in UTC, or a ``datetime``); ``choice``,
      text among ``choices``;
    * ``whole_number``; ``true_false``;
    * ``list`` of items, or JSON ``object`` of values, of the one kind in ``of``;
    * ``one_of`` the kinds in ``of`` (in the order a sentence names them);
    * ``python_object``: an instance of the class named ``python_class``, which only Python
      can give (an :class:`Attachment`'s bytes, a :class:`WhatsAppMessage`).
    """

    name: KindName
    of: tuple[Kind, ...] = ()
    choices: tuple[str, ...] = ()
    python_class: str = ""

    @property
    def alternatives(self) -> tuple[Kind, ...]:
        """The kinds a value may be of: those of a ``one_of``, else this one."""
        return self.of if self.name == "one_of" else (self,)

    @property
    def textual(self) -> bool:
        """Whether a value of this kind is text as it is written (a date is sent as text)."""
        return self.name in ("text", "date", "choice")

    def admits(self, value: object) -> bool:
        """Whether the JSON ``value`` is of this kind; a JSON number passes where text is
        expected, as the API reads it."""
        if self.name == "one_of":
            return any(kind.admits(value) for kind in self.of)
        if self.name == "list":
            return isinstance(value, list) and all(self.of[0].admits(v) for v in value)
        if self.name == "object":
            return isinstance(value, dict) and all(self.of[0].admits(v) for v in value.values())
        if isinstance(value, bool):
            return self.name == "true_false"
        if isinstance(value, int | float) and self.name == "text":
            return True
        if isinstance(value, int):
            return self.name == "whole_number"
        return isinstance(value, str) and self.textual

    def describe(self) -> str:
        """The kind as a sentence names it: ``a list of (an object of (text))``."""
        if self.name == "one_of":
            return " or ".join(kind.describe() for kind in self.of)
        if self.name == "list":
            return f"a list of ({self.of[0].describe()})"
        if self.name == "object":
            return f"an object of ({self.of[0].describe()})"
        if self.name == "python_object":
            return self.python_class
        return _SCALAR_NAMES.get(self.name, "text")


_SCALAR_NAMES: Final = {"whole_number": "a whole number", "true_false": "true or false"}

TEXT: Final = Kind("text")
DATE: Final = Kind("date")
WHOLE_NUMBER: Final = Kind("whole_number")
TRUE_FALSE: Final = Kind("true_false")


def choice(values: Iterable[str]) -> Kind:
    return Kind("choice", choices=tuple(values))


def list_of(item: Kind) -> Kind:
    return Kind("list", (item,))


def object_of(value: Kind) -> Kind:
    return Kind("object", (value,))


def one_of(*kinds: Kind) -> Kind:
    return Kind("one_of", kinds)


def python_object(class_name: str) -> Kind:
    return Kind("python_object", python_class=class_name)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a request: ``api_name`` as the API reference (and the request body) spells
    it, ``python_name`` the builder's keyword argument, its ``kind`` and whether it is
    ``required`` (the builder has no default for it)."""

    api_name: str
    python_name: str
    kind: Kind
    required: bool = False


# One text or a list of them (several recipients, one notification URL per recipient).
_TEXTS: Final = one_of(list_of(TEXT), TEXT)

_TO: Final = Field("to", "to", _TEXTS, required=True)
_SENDER: Final = Field("from", "sender", TEXT, required=True)
_MESSAGE: Final = Field("message", "message", TEXT, required=True)
_TEMPLATE_ID: Final = Field("templateId", "template_id", WHOLE_NUMBER)
_TEMPLATE_V2_ID: Final = Field("templateV2Id", "template_v2_id", WHOLE_NUMBER)
_SCHEDULE_DATE: Final = Field("scheduleDate", "schedule_date", DATE)
_EXPIRATION_DATE: Final = Field("expirationDate", "expiration_date", DATE)
_CAMPAIGN_NAME: Final = Field("campaignName", "campaign_name", TEXT)
_TAGS: Final = Field("tags", "tags", list_of(TEXT))
_CERTIFIED: Final = Field("certified", "certified", TRUE_FALSE)
# one object of placeholder values per recipient (API reference: "sub")
_SUB: Final = Field("sub", "sub", list_of(object_of(TEXT)))
_OTP_CONFIG: Final = Field(
    "otpConfig", "otp_config", object_of(one_of(TRUE_FALSE, WHOLE_NUMBER, TEXT))
)

# What an SMS and a Landing SMS share after their own fields: the encoding and parts the
# builder would choose, and the text fields of the API reference's "Send SMS Message".
_TEXT_MESSAGE: Final = (
    Field("encoding", "encoding", choice(ENCODING_CHOICES)),
    Field("parts", "parts", WHOLE_NUMBER),
    Field("trans", "trans", TRUE_FALSE),
    _SCHEDULE_DATE,
    _EXPIRATION_DATE,
)
_TEXT_MESSAGE_TAIL: Final = (
    _CAMPAIGN_NAME,
    _TAGS,
    _CERTIFIED,
    _SUB,
    Field("splitParts", "split_parts", TRUE_FALSE),
    Field("flash", "flash", TRUE_FALSE),
)
# The builders' own option, not sent: the encodings "cheapest" may choose among.
_CANDIDATES: Final = Field("candidates", "candidates", list_of(TEXT))

# builder name → its fields, in the order of its keyword parameters.
FIELDS: Final[Mapping[str, tuple[Field, ...]]] = MappingProxyType({
    "sms": (
        _TO, _SENDER, _MESSAGE, *_TEXT_MESSAGE,
        Field("notificationUrl", "notification_url", _TEXTS),
        *_TEXT_MESSAGE_TAIL,
        Field("availableTimes", "available_times",
              list_of(object_of(one_of(WHOLE_NUMBER, TEXT)))),
        _OTP_CONFIG, _CANDIDATES,
    ),
    "landing_sms": (
        _TO, _SENDER, _MESSAGE, Field("templateBody", "template_body", TEXT),
        _TEMPLATE_ID, _TEMPLATE_V2_ID, *_TEXT_MESSAGE,
        Field("notificationUrl", "notification_url", TEXT),  # one URL, not one per recipient
        *_TEXT_MESSAGE_TAIL, _CANDIDATES,
    ),
    "mailing": (
        _TO,
        Field("fromEmail", "from_email", TEXT, required=True),
        Field("subject", "subject", TEXT, required=True),
        Field("replyTo", "reply_to", TEXT, required=True),
        Field("body", "body", TEXT), _TEMPLATE_ID, _TEMPLATE_V2_ID,
        Field("cc", "cc", _TEXTS), Field("bcc", "bcc", _TEXTS),
        Field("fromName", "from_name", TEXT), _SCHEDULE_DATE, _CAMPAIGN_NAME, _TAGS,
        _CERTIFIED, _SUB,
        Field("attachments", "attachments", list_of(python_object("Attachment"))),
        Field("trackOpens", "track_opens", TRUE_FALSE),
        Field("trackClicks", "track_clicks", TRUE_FALSE),
        _OTP_CONFIG,
    ),
    "voice": (
        _TO, _MESSAGE,
        Field("language", "language", choice(VOICE_LANGUAGES), required=True),
        Field("gender", "gender", choice(("F", "M")), required=True),
        Field("callers", "callers", object_of(TEXT)),  # country → caller number
        _SCHEDULE_DATE, Field("retries", "retries", WHOLE_NUMBER), _EXPIRATION_DATE,
        _CAMPAIGN_NAME, _TAGS, _SUB, Field("amd", "amd", TRUE_FALSE),
    ),
    "whatsapp": (
        Field("templateId", "template_id", WHOLE_NUMBER, required=True),
        _SENDER,
        Field("messages", "messages",
              list_of(one_of(python_object("WhatsAppMessage"), TEXT)), required=True),
        _CAMPAIGN_NAME, _TAGS,
    ),
})  # fmt: skip


def find(builder: str, name: str) -> Field | None:
    """The field of ``builder`` (a key of :data:`FIELDS`) named ``name``, by its API name
    (``scheduleDate``) or its Python name (``schedule_date``); ``None`` when it has none."""
    return next((f for f in FIELDS[builder] if name in (f.api_name, f.python_name)), None)
