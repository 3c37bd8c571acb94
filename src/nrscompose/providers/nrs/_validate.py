"""``validate``: every problem of a payload written with the API's own field names.

This is the entry point for a web form or a proxy that holds the JSON a client is about to
send: it runs the same checks as the builders and returns the problems instead of raising.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Final, Literal

from nrscompose._base.errors import ArgumentError
from nrscompose._base.http import load_json
from nrscompose._base.problems import Problem
from nrscompose.providers.nrs._checks import Checker
from nrscompose.providers.nrs.codes import with_codes
from nrscompose.providers.nrs.requests_channels import (
    check_mailing,
    check_otp_check,
    check_otp_generate,
    check_voice,
    check_voice_audio,
    check_whatsapp,
)
from nrscompose.providers.nrs.requests_sms import Channel, check_text_message

__all__ = ["validate"]

Kind = Literal[
    "sms", "landing", "mailing", "voice", "voice-audio", "whatsapp", "otp-generate", "otp-check"
]


# 360nrs API reference, ``parts``: "This variable is set to 1 by default, so if it is not
# specified and a message over 160 characters for gsm encoding is sent, the message will fail"
# (105). The builders set ``parts``; a payload checked as it stands gets the server's default.
SERVER_DEFAULT_PARTS: Final = 1


def _text(channel: Channel, payload: dict[str, object], now: datetime | None) -> Checker:
    choice = payload.get("encoding", "auto")
    if payload.get("parts") is None:
        payload["parts"] = SERVER_DEFAULT_PARTS
    return check_text_message(payload, channel, choice=str(choice), now=now)[0]


def _sms(payload: dict[str, object], now: datetime | None) -> Checker:
    return _text("sms", payload, now)


def _landing(payload: dict[str, object], now: datetime | None) -> Checker:
    return _text("landing", payload, now)


_CHECKS: Final[Mapping[str, Callable[[dict[str, object], datetime | None], Checker]]] = {
    "sms": _sms,
    "landing": _landing,
    "mailing": check_mailing,
    "voice": check_voice,
    "voice-audio": check_voice_audio,
    "whatsapp": lambda payload, now: check_whatsapp(payload),
    "otp-generate": lambda payload, now: check_otp_generate(payload),
    "otp-check": lambda payload, now: check_otp_check(payload),
}


def validate(
    kind: Kind, payload: Mapping[str, object] | str | bytes, *, now: datetime | None = None
) -> tuple[Problem, ...]:
    """Every problem in ``payload`` for the endpoint ``kind``, each with its API error code.

    ``payload`` is a mapping of the API's field names (``to``, ``from``, ``message`` …) or the
    JSON text itself (125 when it is not JSON). A missing ``encoding`` is treated as the
    builders treat it — chosen from the text — rather than as the server's default ``gsm``; a
    missing ``parts`` as the server treats it, 1, so a text over one part is 105.
    """
    try:
        check = _CHECKS[kind]
    except KeyError:
        raise ArgumentError(f"unknown kind {kind!r}; use one of: {', '.join(_CHECKS)}") from None
    if isinstance(payload, str | bytes):
        try:
            decoded = load_json(payload)
        except ValueError as error:
            return with_codes([Problem("json.invalid", "body", None, {"detail": str(error)})])
        if not isinstance(decoded, dict):
            return with_codes([Problem("json.not_object", "body")])
        payload = decoded
    return tuple(check(dict(payload), now).problems)
