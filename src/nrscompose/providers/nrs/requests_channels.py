"""Email, voice, WhatsApp and OTP requests (API reference: "Email", "Voice", "WhatsApp", "OTP").

Each builder gathers the payload under the API's field names, runs every check of
:mod:`._checks` (so all problems are reported together) and returns the request.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final, Literal

from nrscompose._base.errors import ArgumentError, ArgumentTypeError
from nrscompose._base.http import HttpRequest
from nrscompose._base.problems import required_one_of
from nrscompose.providers.nrs._base import Credentials, payload_of, post_checked
from nrscompose.providers.nrs._checks import Checker, normalize_phone
from nrscompose.providers.nrs.mail import mail_problems

__all__ = [
    "VOICE_FEMALE_ONLY",
    "VOICE_LANGUAGES",
    "Attachment",
    "Location",
    "WhatsAppMessage",
    "mailing",
    "otp_check",
    "otp_generate",
    "voice",
    "voice_audio",
    "whatsapp",
]

# API reference, "Send Voice message", parameter ``language``; "* Available only in female gender".
VOICE_LANGUAGES: Final[Mapping[str, str]] = {
    "en_GB": "English - United Kingdom",
    "en_US": "English - United States",
    "es_ES": "Spanish - España",
    "es_US": "Spanish - Latino",
    "pt_PT": "Portuguese - Portugal",
    "pt_BR": "Portuguese - Brazil",
    "cmn_CN": "Mandarin Chinese - China",
    "arb": "Arab",
    "de_DE": "German - Germany",
    "fr_FR": "French - France",
    "it_IT": "Italian - Italy",
    "hi_IN": "Indi - India",
}
VOICE_FEMALE_ONLY: Final = frozenset({"cmn_CN", "arb", "hi_IN"})
VOICE_MAX_CHARACTERS: Final = 500  # 360nrs API reference: "At most it can have 500 characters"
VOICE_MAX_RETRIES: Final = 5  # 360nrs API reference: "Maximum 5"
Language = Literal[
    "en_GB", "en_US", "es_ES", "es_US", "pt_PT", "pt_BR",
    "cmn_CN", "arb", "de_DE", "fr_FR", "it_IT", "hi_IN",
]  # fmt: skip
Gender = Literal["F", "M"]


def _list(value: str | Sequence[str] | None) -> list[str] | None:
    if value is None:
        return None
    return [value] if isinstance(value, str) else list(value)


def _common(ch: Checker, payload: dict[str, object], now: datetime | None) -> None:
    ch.schedule(payload, now)
    ch.campaign(payload)


# -- email ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Attachment:
    """An email attachment; ``content`` is the file's bytes, sent base64-encoded."""

    name: str
    content: bytes
    content_type: str = "application/octet-stream"

    def __post_init__(self) -> None:
        if not self.name or not isinstance(self.name, str):
            raise ArgumentError("an attachment needs a name")
        if not isinstance(self.content_type, str) or "/" not in self.content_type:
            raise ArgumentError(f"{self.content_type!r} is not a MIME type")
        if not isinstance(self.content, bytes):
            raise ArgumentTypeError("content must be bytes")

    def to_api(self) -> dict[str, str]:
        encoded = base64.b64encode(self.content).decode("ascii")
        return {"name": self.name, "content": encoded, "contentType": self.content_type}


def check_mailing(payload: dict[str, object], now: datetime | None = None) -> Checker:
    ch = Checker()
    ch.emails(payload.get("to"), "to")
    for name in ("cc", "bcc"):
        ch.emails(payload.get(name), name, required=False)
    sender = payload.get("fromEmail")
    if sender is None or sender == "":
        ch.add("value.required", "fromEmail")
    else:
        ch.emails(sender, "fromEmail")
    subject = payload.get("subject")
    if not isinstance(subject, str) or not subject.strip():
        ch.add("value.required", "subject")
    reply_to = payload.get("replyTo")
    if reply_to is None:
        ch.add("value.required", "replyTo")
    else:
        ch.emails(reply_to, "replyTo")
    if not any(payload.get(k) is not None for k in ("body", "templateId", "templateV2Id")):
        ch.extend([required_one_of("body", ("body", "templateId", "templateV2Id"))])
    ch.extend(mail_problems(payload.get("body"), "body"))  # its link patterns
    to = payload.get("to")
    ch.per_recipient(payload.get("sub"), len(to) if isinstance(to, list) else 1, "sub")
    attachments = payload.get("attachments")
    if attachments is not None:
        if not isinstance(attachments, list):
            ch.add("value.not_list", "attachments")
        else:
            for index, item in enumerate(attachments):
                if not isinstance(item, Mapping) or not {"name", "content"} <= item.keys():
                    ch.add("attachment.incomplete", f"attachments[{index}]", index=index)
                    continue
                try:
                    base64.b64decode(str(item["content"]), validate=True)
                except ValueError:
                    where = f"attachments[{index}].content"
                    ch.add("attachment.content_not_encoded", where, index=index)
    for name in ("certified", "trackOpens", "trackClicks"):
        ch.boolean(payload, name)
    ch.otp_config(payload.get("otpConfig"))
    _common(ch, payload, now)
    return ch


def mailing(
    *,
    credentials: Credentials,
    to: str | Sequence[str],
    from_email: str,
    subject: str,
    reply_to: str,
    body: str | None = None,
    template_id: int | None = None,
    template_v2_id: int | None = None,
    cc: str | Sequence[str] | None = None,
    bcc: str | Sequence[str] | None = None,
    from_name: str | None = None,
    schedule_date: datetime | str | None = None,
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
    certified: bool | None = None,
    sub: Sequence[Mapping[str, str]] | None = None,
    attachments: Sequence[Attachment] | None = None,
    track_opens: bool | None = None,
    track_clicks: bool | None = None,
    otp_config: Mapping[str, str | int | bool] | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """``POST /api/rest/mailing`` (API reference, "Send Email message"); attachments as base64."""
    payload = payload_of(
        to=_list(to),
        fromEmail=from_email,
        subject=subject,
        replyTo=reply_to,
        body=body,
        templateId=template_id,
        templateV2Id=template_v2_id,
        cc=_list(cc),
        bcc=_list(bcc),
        fromName=from_name,
        scheduleDate=schedule_date,
        campaignName=campaign_name,
        tags=_list(tags),
        certified=certified,
        sub=None if sub is None else [dict(v) for v in sub],
        attachments=None if attachments is None else [a.to_api() for a in attachments],
        trackOpens=track_opens,
        trackClicks=track_clicks,
        otpConfig=None if otp_config is None else dict(otp_config),
    )
    return post_checked(credentials, "/mailing", payload, check_mailing(payload, now))


# -- voice ----------------------------------------------------------------------------------


def _voice_common(ch: Checker, payload: dict[str, object], now: datetime | None) -> None:
    payload["to"] = ch.phones(payload.get("to"))
    callers = payload.get("callers")
    if callers is not None:
        if not isinstance(callers, Mapping):
            ch.add("callers.not_mapping", "callers")
        else:
            for country, number in callers.items():
                if not (isinstance(country, str) and len(country) == 2 and country.isalpha()):
                    ch.add("callers.not_country", f"callers.{country}", value=repr(country))
                if not (isinstance(number, str) and number.lstrip("+").isdigit()):
                    where, shown = f"callers.{country}", repr(number)
                    ch.add("callers.not_phone", where, value=shown, country=repr(country))
    retries = payload.get("retries")
    if retries is not None:
        ch.integer(retries, "retries", 0, VOICE_MAX_RETRIES)
    ch.boolean(payload, "amd")
    ch.schedule(payload, now)
    ch.campaign(payload)


def check_voice(payload: dict[str, object], now: datetime | None = None) -> Checker:
    ch = Checker()
    message = payload.get("message")
    if not isinstance(message, str) or not message:
        ch.add("text.required", "message")
    elif len(message) > VOICE_MAX_CHARACTERS:
        span = (VOICE_MAX_CHARACTERS, len(message))
        params = {"length": len(message), "limit": VOICE_MAX_CHARACTERS}
        ch.add("text.too_many_characters", "message", span, **params)
    language = payload.get("language")
    if not isinstance(language, str) or language not in VOICE_LANGUAGES:
        ch.add("value.choice", "language", value=repr(language), choices=", ".join(VOICE_LANGUAGES))
    gender = payload.get("gender")
    if gender not in ("F", "M"):
        ch.add("value.choice", "gender", value=repr(gender), choices="F, M")
    elif gender == "M" and isinstance(language, str) and language in VOICE_FEMALE_ONLY:
        ch.add("voice.female_only", "gender", language=language)
    _voice_common(ch, payload, now)
    to = payload.get("to")
    ch.per_recipient(payload.get("sub"), len(to) if isinstance(to, list) else 1, "sub")
    return ch


def voice(
    *,
    credentials: Credentials,
    to: str | Sequence[str],
    message: str,
    language: Language,
    gender: Gender,
    callers: Mapping[str, str] | None = None,
    schedule_date: datetime | str | None = None,
    retries: int | None = None,
    expiration_date: datetime | str | None = None,
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
    sub: Sequence[Mapping[str, str]] | None = None,
    amd: bool | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """``POST /api/rest/voice``: text-to-speech, 500 characters, retries ≤ 5 (API reference)."""
    payload = payload_of(
        to=_list(to),
        message=message,
        language=language,
        gender=gender,
        callers=None if callers is None else dict(callers),
        scheduleDate=schedule_date,
        retries=retries,
        expirationDate=expiration_date,
        campaignName=campaign_name,
        tags=_list(tags),
        sub=None if sub is None else [dict(v) for v in sub],
        amd=amd,
    )
    return post_checked(credentials, "/voice", payload, check_voice(payload, now))


def check_voice_audio(payload: dict[str, object], now: datetime | None = None) -> Checker:
    ch = Checker()
    ch.url(payload.get("audioUrl"), "audioUrl")
    _voice_common(ch, payload, now)
    return ch


def voice_audio(
    *,
    credentials: Credentials,
    to: str | Sequence[str],
    audio_url: str,
    callers: Mapping[str, str] | None = None,
    schedule_date: datetime | str | None = None,
    retries: int | None = None,
    expiration_date: datetime | str | None = None,
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
    amd: bool | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """``POST /api/rest/voiceAudio`` (API reference, "Send Voice message with an audio file")."""
    payload = payload_of(
        to=_list(to),
        audioUrl=audio_url,
        callers=None if callers is None else dict(callers),
        scheduleDate=schedule_date,
        retries=retries,
        expirationDate=expiration_date,
        campaignName=campaign_name,
        tags=_list(tags),
        amd=amd,
    )
    return post_checked(credentials, "/voiceAudio", payload, check_voice_audio(payload, now))


# -- WhatsApp -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Location:
    """``messages.*.location`` (API reference): latitude and longitude as the API's strings."""

    lat: str
    long: str
    name: str | None = None
    address: str | None = None

    def __post_init__(self) -> None:
        for label, value, bound in (("lat", self.lat, 90.0), ("long", self.long, 180.0)):
            try:
                number = float(value)
            except (TypeError, ValueError):
                raise ArgumentError(f"{label} {value!r} is not a number") from None
            if not -bound <= number <= bound:
                raise ArgumentError(f"{label} {value!r} is out of range")

    def to_api(self) -> dict[str, str]:
        fields = {"lat": self.lat, "long": self.long, "name": self.name, "address": self.address}
        return {k: v for k, v in fields.items() if v is not None}


@dataclass(frozen=True, slots=True)
class WhatsAppMessage:
    """One recipient of a WhatsApp template with its positional fields (360nrs API reference)."""

    to: str
    header_fields: tuple[str, ...] = ()
    body_fields: tuple[str, ...] = ()
    call_to_action_fields: tuple[str, ...] = ()
    default_answer: str | None = None
    button_answers: tuple[str, ...] = ()
    location: Location | None = None

    def to_api(self) -> dict[str, object]:
        fields: dict[str, object] = {"to": self.to}
        for name, values in (
            ("headerFields", self.header_fields),
            ("bodyFields", self.body_fields),
            ("callToActionFields", self.call_to_action_fields),
            ("buttonAnswers", self.button_answers),
        ):
            if values:
                fields[name] = list(values)
        if self.default_answer is not None:
            fields["defaultAnswer"] = self.default_answer
        if self.location is not None:
            fields["location"] = self.location.to_api()
        return fields


def check_whatsapp(payload: dict[str, object]) -> Checker:
    ch = Checker()
    template_id = payload.get("templateId")
    if template_id is None:
        ch.add("value.required", "templateId")
    else:
        ch.integer(template_id, "templateId", 1, None)
    sender = payload.get("from")
    if sender is None or sender == "":
        ch.add("sender.required", "from")
    elif not isinstance(sender, str) or normalize_phone(sender) is None:
        ch.add("recipient.invalid", "from", value=repr(sender))
    messages = payload.get("messages")
    if not isinstance(messages, list) or not messages:
        ch.add("value.required", "messages")
        messages = []
    for index, item in enumerate(messages):
        if not isinstance(item, dict):
            ch.add("value.not_object", f"messages[{index}]")
            continue
        to = item.get("to")
        number = normalize_phone(to) if isinstance(to, str) else None
        if number is None:
            ch.add("recipient.invalid", f"messages[{index}].to", value=repr(to))
        else:
            item["to"] = number
        for name in ("headerFields", "bodyFields", "callToActionFields", "buttonAnswers"):
            values = item.get(name)
            if values is not None and (
                not isinstance(values, list) or not all(isinstance(v, str) for v in values)
            ):
                ch.add("value.not_string_list", f"messages[{index}].{name}")
        location = item.get("location")
        if location is not None and (
            not isinstance(location, Mapping) or not {"lat", "long"} <= location.keys()
        ):
            ch.add("location.incomplete", f"messages[{index}].location")
    ch.campaign(payload)
    return ch


def whatsapp(
    *,
    credentials: Credentials,
    template_id: int,
    sender: str,
    messages: Sequence[WhatsAppMessage | str],
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
) -> HttpRequest:
    """``POST /api/rest/whatsapp`` (API reference, "Send WhatsApp template"); a plain string in
    ``messages`` is a recipient without fields."""
    payload = payload_of(
        templateId=template_id,
        messages=[(WhatsAppMessage(m) if isinstance(m, str) else m).to_api() for m in messages],
        campaignName=campaign_name,
        tags=_list(tags),
    )
    payload["from"] = sender
    return post_checked(credentials, "/whatsapp", payload, check_whatsapp(payload))


# -- OTP ------------------------------------------------------------------------------------


def _recipient(ch: Checker, payload: dict[str, object]) -> None:
    recipient = payload.get("recipient")
    if not isinstance(recipient, str) or not recipient:
        ch.add("value.required", "recipient")
        return
    if "@" in recipient:
        ch.emails(recipient, "recipient")
        return
    number = normalize_phone(recipient)
    if number is None:
        ch.add("recipient.not_phone_or_email", "recipient", value=repr(recipient))
    else:
        payload["recipient"] = number


def check_otp_generate(payload: dict[str, object]) -> Checker:
    ch = Checker()
    _recipient(ch, payload)
    ch.otp_fields(payload)
    return ch


def check_otp_check(payload: dict[str, object]) -> Checker:
    ch = Checker()
    _recipient(ch, payload)
    code = payload.get("code")
    if not isinstance(code, str) or not code:
        ch.add("value.required", "code")
    ch.otp_fields(payload)
    return ch


def otp_generate(
    *,
    credentials: Credentials,
    recipient: str,
    alpha: bool | None = None,
    length: int | None = None,
    max_attempts: int | None = None,
    max_seconds_validity: int | None = None,
    app_id: str | None = None,
    reject_if_pending_code: bool | None = None,
) -> HttpRequest:
    """``POST /api/rest/otp/generate``: length 3-10, attempts 1-10, validity 30-600 s."""
    payload = payload_of(
        recipient=recipient,
        alpha=alpha,
        length=length,
        maxAttempts=max_attempts,
        maxSecondsValidity=max_seconds_validity,
        appId=app_id,
        rejectIfPendingCode=reject_if_pending_code,
    )
    return post_checked(credentials, "/otp/generate", payload, check_otp_generate(payload), "otp")


def otp_check(
    *,
    credentials: Credentials,
    recipient: str,
    code: str,
    case_sensitive: bool | None = None,
    app_id: str | None = None,
) -> HttpRequest:
    """``POST /api/rest/otp/check``; parse the answer with ``parse_response`` (OtpCheck)."""
    payload = payload_of(recipient=recipient, code=code, caseSensitive=case_sensitive, appId=app_id)
    return post_checked(credentials, "/otp/check", payload, check_otp_check(payload), "otp-check")
