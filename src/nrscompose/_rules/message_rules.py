"""The provider-neutral rules of a message, in one place: each returns problems, never raises.

Called by the request builders (:mod:`nrscompose.providers.nrs`), by
:func:`nrscompose.forms.check_message` and by campaigns, so a rule is written once:

* the text is required (``text.required``) and must fit the parts allowed
  (``text.too_long``);
* ``parts`` is a whole number from 1 to the channel's cap (``parts.out_of_range``);
* the sender: the 360nrs API reference says "15 numbers or 11 alphanumeric characters"
  (``sender.required``, ``sender.too_long``, ``sender.invalid_character``);
* placeholders the server fills (:data:`SERVER_FILLED`): where they are filled, which
  channel requires one (``template.placeholder_required``), and the stand-in text counted for
  them;
* the OTP configuration's bounds (:data:`OTP_BOUNDS`).

What the reference leaves open about the sender, and how it is read here: it does not say
whether the "+" of an international number counts, nor which characters are alphanumeric.
A leading "+" followed by digits is a number and is not counted (the API writes numbers
without it); anything other than ASCII letters and digits is refused, since neither "numbers"
nor "alphanumeric characters" include spaces or punctuation. A sender mixing letters and
digits is alphanumeric (11 at most).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Final

from nrscompose._base.problems import Problem
from nrscompose._counting.analysis import describe_char

__all__ = [
    "CHANNEL_NAMES",
    "OTP_BOUNDS",
    "OTP_DEFAULT_LENGTH",
    "SENDER_MAX_ALPHANUMERIC",
    "SENDER_MAX_DIGITS",
    "SERVER_FILLED",
    "SHORT_URL_STAND_IN",
    "ServerFilled",
    "naive_datetime_problem",
    "otp_length_problem",
    "parts_problem",
    "required_placeholders",
    "sender_problems",
    "server_filled_texts",
    "text_required",
    "too_long",
]

# The 360nrs API reference, "from": "15 numbers or 11 alphanumeric characters".
SENDER_MAX_DIGITS: Final = 15
SENDER_MAX_ALPHANUMERIC: Final = 11
# The reference, otpConfig and POST /otp/generate: (minimum, maximum) of each bounded field.
OTP_BOUNDS: Final[Mapping[str, tuple[int, int]]] = MappingProxyType({
    "length": (3, 10),
    "maxAttempts": (1, 10),
    "maxSecondsValidity": (30, 600),
})  # fmt: skip
OTP_DEFAULT_LENGTH: Final = 4
# The shortener's links (https://nrs.so/xxxxxx, 21 characters): what {LAND_URL} is counted as.
SHORT_URL_STAND_IN: Final = "https://nrs.so/xxxxxx"
# How the 360nrs API reference names each channel (a proper name: not translated).
CHANNEL_NAMES: Final[Mapping[str, str]] = MappingProxyType({"sms": "SMS", "landing": "Landing SMS"})
_ALPHANUMERIC: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass(frozen=True, slots=True)
class ServerFilled:
    """A placeholder the server replaces: its default ``length`` and where it may appear.

    ``channels`` lists where the server fills it (empty: everywhere); ``required_in`` where a
    message without it is rejected.
    """

    name: str
    length: int
    stand_in_char: str
    source: str
    channels: tuple[str, ...] = ()
    required_in: tuple[str, ...] = ()

    def stand_in(self, length: int) -> str:
        if self.name == "LAND_URL" and length == len(SHORT_URL_STAND_IN):
            return SHORT_URL_STAND_IN
        return self.stand_in_char * length


SERVER_FILLED: Final[Mapping[str, ServerFilled]] = MappingProxyType({
    "OTP_CODE": ServerFilled(
        "OTP_CODE",
        OTP_DEFAULT_LENGTH,
        "0",
        "the 360nrs API reference, otpConfig: length 3-10, default 4; alpha for alphanumeric",
    ),
    # The reference shows {LAND_URL} (Landing SMS) without its length. It is assumed to be a
    # short link of the shortener's shape (21 characters); override with
    # server_lengths={"LAND_URL": n} once measured.
    "LAND_URL": ServerFilled(
        "LAND_URL",
        len(SHORT_URL_STAND_IN),
        "x",
        "the 360nrs API reference, Landing SMS; error 'Missing landing placeholder'",
        channels=("landing",),
        required_in=("landing",),
    ),
})  # fmt: skip


def server_filled_texts(
    otp_length: int = OTP_DEFAULT_LENGTH, alpha: bool = False
) -> dict[str, str]:
    """What each server-filled placeholder is counted as: name → stand-in text."""
    texts = {name: entry.stand_in(entry.length) for name, entry in SERVER_FILLED.items()}
    texts["OTP_CODE"] = ("A" if alpha else "0") * otp_length
    return texts


def naive_datetime_problem(moment: datetime, field: str) -> Problem | None:
    """``date.naive`` for a datetime without a time zone: no instant can be sent from it."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return Problem("date.naive", field)
    return None


def text_required(text: object, field: str = "message") -> Problem | None:
    if isinstance(text, str) and text:
        return None
    return Problem("text.required", field)


def too_long(
    needed: int, limit: int, span: tuple[int, int] | None = None, field: str = "message"
) -> Problem | None:
    """``text.too_long`` when ``needed`` parts exceed ``limit``; ``span`` is what does not fit."""
    if needed <= limit:
        return None
    return Problem("text.too_long", field, span, {"needed": needed, "limit": limit})


def parts_problem(value: object, cap: int, field: str = "parts") -> Problem | None:
    """``parts`` must be a whole number from 1 to the channel's ``cap``."""
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= cap:
        return None
    if isinstance(value, float) and value.is_integer() and 1 <= value <= cap:
        return None
    return Problem("parts.out_of_range", field, None, {"cap": cap, "value": repr(value)})


def sender_problems(value: object, field: str = "from") -> list[Problem]:
    """The sender: 15 digits (a leading "+" not counted) or 11 letters and digits."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return [Problem("sender.required", field)]
    if not isinstance(value, str):
        return [Problem("value.not_text", field)]
    offset = 1 if value.startswith("+") and value[1:].isascii() and value[1:].isdigit() else 0
    counted = value[offset:]
    problems = [
        Problem(
            "sender.invalid_character",
            field,
            (at, at + 1),
            {"char": describe_char(char), "index": at},
        )
        for at, char in enumerate(counted, start=offset)
        if char not in _ALPHANUMERIC
    ][:1]
    numeric = counted.isascii() and counted.isdigit()
    limit = SENDER_MAX_DIGITS if numeric else SENDER_MAX_ALPHANUMERIC
    if len(counted) > limit:
        params = {"length": len(counted), "limit": limit, "numeric": numeric}
        span = (offset + limit, len(value))
        problems.append(Problem("sender.too_long", field, span, params))
    return problems


def required_placeholders(text: str, channel: str, field: str = "message") -> list[Problem]:
    """``template.placeholder_required`` for each server-filled placeholder ``channel`` needs."""
    return [
        Problem(
            "template.placeholder_required",
            field,
            None,
            {"channel": CHANNEL_NAMES[channel], "placeholder": "{" + entry.name + "}"},
        )
        for entry in SERVER_FILLED.values()
        if channel in entry.required_in and "{" + entry.name + "}" not in text
    ]


def otp_length_problem(length: object, field: str = "otpConfig.length") -> Problem | None:
    low, high = OTP_BOUNDS["length"]
    if isinstance(length, int) and not isinstance(length, bool) and low <= length <= high:
        return None
    return Problem(
        "value.out_of_range", field, None, {"value": repr(length), "low": low, "high": high}
    )
