"""``POST /api/rest/sms`` and ``POST /api/rest/landingsms``: text counted by the core.

The API defaults ``encoding`` to ``gsm`` and ``parts`` to 1 (API reference, "Send SMS Message"), so
a request that omits them fails (105) or garbles text outside GSM. The builders therefore set
both from :func:`nrscompose.analyze`: the encoding that carries every recipient's text, and
the parts the worst recipient needs. A caller's ``encoding``/``parts`` are honoured and checked.
``trans=True`` is sent as ``trans=1`` *and* counted on the transliterated text, so the estimate
is the bill.

Reserved placeholders are counted at their sent length: ``{OTP_CODE}`` as
``otpConfig.length`` characters (default 4), ``{LAND_URL}`` as a short URL of the shortener's
fixed length (``https://nrs.so/xxxxxx``, 21 characters; 360nrs API reference, filter ``shorten``).
Without ``sub`` other placeholders are counted as written: their values live in the contacts'
custom fields, which the request does not know.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Final

from nrscompose._base.errors import ValidationError
from nrscompose._base.http import HttpRequest
from nrscompose._base.problems import Problem, required_one_of
from nrscompose._base.vocabularies import (
    ENCODING_CHOICES,
    ENCODINGS,
    EncodingChoice,
    MessageChannel,
)
from nrscompose._composition.template import OtpConfig, Template, split_count
from nrscompose._counting.analysis import Analysis, analyze
from nrscompose._counting.profiles import get_profile
from nrscompose._counting.transliterate import source_index
from nrscompose._rules.message_rules import (
    required_placeholders,
    server_filled_texts,
    text_required,
    too_long,
)
from nrscompose.providers.nrs._base import Credentials, payload_of, post_checked
from nrscompose.providers.nrs._checks import Checker

__all__ = ["landing_sms", "sms"]

Channel = MessageChannel

_SIMPLE_PLACEHOLDER: Final = re.compile(r"\{([A-Za-z_][\w.-]*)\}")
_PROFILE: Final = get_profile("360nrs")


@dataclass(frozen=True, slots=True)
class TextPlan:
    """What the builder decided for a text message: ``encoding`` and ``parts`` sent, and the
    parts the worst recipient needs (``needed``) with its index in ``to`` (``worst``)."""

    encoding: str
    parts: int
    needed: int
    worst: int


def _plain_render(message: str, values: Mapping[str, str]) -> str:
    return _SIMPLE_PLACEHOLDER.sub(lambda m: values.get(m[1], m[0]), message)


@dataclass(slots=True)
class _Texts:
    """The texts to count (one per recipient with ``sub``), the values they were rendered
    with, the compiled template, and whether indices in ``texts[0]`` are message indices."""

    texts: list[str]
    values: list[dict[str, str]]
    compiled: Template | None
    positional: bool


def _texts(
    ch: Checker,
    message: str,
    sub: object,
    recipients: int,
    otp: tuple[int, bool],
    channel: Channel,
) -> _Texts:
    reserved = server_filled_texts(*otp)
    compiled: Template | None = None
    try:
        compiled = Template(message)
    except ValidationError as error:
        ch.extend(error.problems)
    else:
        # A missing required placeholder is reported by the builder from the text itself.
        ch.extend(
            [
                p
                for p in compiled.channel_problems(channel)
                if p.kind != "template.placeholder_required"
            ]
        )
    if sub is None:
        text = message
        for name, value in reserved.items():
            text = text.replace("{" + name + "}", value)
        return _Texts([text], [{}], compiled, text == message)
    ch.per_recipient(sub, recipients, "sub")
    if not isinstance(sub, list):
        return _Texts([message], [{}], compiled, True)
    texts: list[str] = []
    values_used: list[dict[str, str]] = []
    for index, values in enumerate(sub):
        if not isinstance(values, Mapping) or not all(isinstance(k, str) for k in values):
            ch.add("value.not_object", f"sub[{index}]")
            continue
        values = {k: str(v) for k, v in values.items()}
        try:
            if compiled is not None:
                otp_config = OtpConfig(otp[0], otp[1])
                text = compiled.preview(values, otp=otp_config, recipient=index)
            else:
                text = _plain_render(message, {**values, **reserved})
        except ValidationError as error:
            ch.extend(error.problems)
            continue
        texts.append(text)
        values_used.append(values)
    if not texts:
        return _Texts([message], [{}], compiled, True)
    return _Texts(texts, values_used, compiled, False)


def _analyze_all(
    ch: Checker,
    texts: list[str],
    choice: str,
    candidates: Sequence[str] | None,
    trans: bool,
    channel: Channel,
    positional: bool,
) -> list[Analysis] | None:
    if choice in ENCODINGS:
        order: Sequence[str] = (choice,)
    elif choice == "cheapest":
        order = _cheapest_order(texts, candidates, trans, channel)
    else:
        order = tuple(candidates) if candidates else ENCODINGS
    found = _common_encoding(texts, tuple(order), trans, channel)
    if found is not None:
        return found
    first_error: ValidationError | None = None
    for encoding in order:  # none carries every text: report why the preferred one cannot
        try:
            for text in texts:
                analyze(text, encoding=encoding, trans=trans, channel=channel)
        except ValidationError as error:
            first_error = first_error or error
    if first_error is not None:
        for problem in first_error.problems:
            if positional:
                ch.extend([problem])
            else:  # the span is in a recipient's rendered text, not in the message
                ch.extend([Problem(problem.kind, "message", None, problem.params)])
    return None


def _common_encoding(
    texts: list[str], order: tuple[str, ...], trans: bool, channel: Channel
) -> list[Analysis] | None:
    """Analyses of every text in the first of ``order`` that carries them all (one request
    has one ``encoding``). Each text's own choice is found in one pass; forcing the others
    only happens when the texts disagree."""
    if not texts:
        return []
    try:
        own = [analyze(t, candidates=order, trans=trans, channel=channel) for t in texts]
    except ValidationError:
        return None
    for encoding in order[max(order.index(a.encoding) for a in own) :]:
        try:
            return [
                a
                if a.encoding == encoding
                else analyze(t, encoding=encoding, trans=trans, channel=channel)
                for t, a in zip(texts, own, strict=True)
            ]
        except ValidationError:
            continue
    return None


def _cheapest_order(
    texts: list[str], candidates: Sequence[str] | None, trans: bool, channel: Channel
) -> list[str]:
    """Candidates sorted by the worst recipient's parts (stable: ties keep their order)."""
    order = list(candidates) if candidates else list(ENCODINGS)
    cost: dict[str, int] = {}
    for encoding in order:
        try:
            cost[encoding] = max(
                analyze(t, encoding=encoding, trans=trans, channel=channel).parts for t in texts
            )
        except ValidationError:
            cost[encoding] = 1 << 30
    return sorted(order, key=cost.__getitem__)


def plan_text(
    ch: Checker,
    payload: dict[str, object],
    channel: Channel,
    choice: str,
    candidates: Sequence[str] | None,
    recipients: int,
) -> TextPlan | None:
    """Check ``message``/``encoding``/``parts``/``trans`` and set ``encoding`` and ``parts``."""
    cap = _PROFILE.cap(channel)
    requested = payload.get("parts")
    parts = None if requested is None else ch.parts(requested, cap)
    if choice not in ENCODING_CHOICES:
        ch.add("value.choice", "encoding", value=repr(choice), choices=", ".join(ENCODING_CHOICES))
        choice = "auto"
    ch.boolean(payload, "trans", as_int=True)
    trans = payload.get("trans") == 1
    otp_length = ch.otp_config(payload.get("otpConfig"))
    otp_config = payload.get("otpConfig")
    otp = (otp_length, isinstance(otp_config, Mapping) and otp_config.get("alpha") is True)
    message = payload.get("message")
    if not isinstance(message, str) or not message:
        ch.extend([text_required(message)])
        return None
    found = _texts(ch, message, payload.get("sub"), recipients, otp, channel)
    positional = found.positional
    analyses = _analyze_all(ch, found.texts, choice, candidates, trans, channel, positional)
    if analyses is None:
        return None
    counts = [a.parts for a in analyses]
    if payload.get("splitParts") is True:
        counts = _split_counts(ch, found, analyses[0].encoding, trans, otp, counts)
    worst = max(range(len(counts)), key=counts.__getitem__)
    counted = analyses[worst]
    needed = counts[worst]
    limit = parts if parts is not None else cap
    if needed > limit:
        span = None
        if positional and needed == counted.parts:
            cut = counted.part_bounds[limit]
            span = (source_index(message, cut) if trans else cut, len(message))
        ch.extend([too_long(needed, limit, span)])
    sent_parts = parts if parts is not None else max(1, min(needed, cap))
    payload["encoding"] = counted.encoding
    payload["parts"] = sent_parts
    return TextPlan(counted.encoding, sent_parts, needed, worst)


def _split_counts(
    ch: Checker,
    found: _Texts,
    encoding: str,
    trans: bool,
    otp: tuple[int, bool],
    concatenated: list[int],
) -> list[int]:
    """SMS per recipient with ``splitParts``: separate single messages, a placeholder's value
    never cut (``nrscompose.template.split_sms``; 142 when a value alone does not fit)."""
    if found.compiled is None:
        return concatenated
    otp_config = OtpConfig(otp[0], otp[1])
    return [
        split_count(
            found.compiled, values, ch.extend, encoding=encoding, trans=trans, otp=otp_config
        )
        for values in found.values
    ]


def check_text_message(
    payload: dict[str, object],
    channel: Channel,
    *,
    choice: str = "auto",
    candidates: Sequence[str] | None = None,
    now: datetime | None = None,
) -> tuple[Checker, TextPlan | None]:
    """Every check of an SMS or Landing SMS payload (API field names); fills the payload."""
    ch = Checker()
    recipients = ch.phones(payload.get("to"))
    payload["to"] = recipients
    ch.sender(payload.get("from"))
    ch.schedule(payload, now)
    ch.campaign(payload)
    per_recipient_urls = channel == "sms"  # Landing SMS documents a single string
    ch.notification_url(payload.get("notificationUrl"), len(recipients), per_recipient_urls)
    for name in ("certified", "splitParts", "flash"):
        ch.boolean(payload, name)
    if channel == "sms":
        ch.available_times(payload.get("availableTimes"))
    else:
        message = payload.get("message")
        if isinstance(message, str) and message:
            ch.extend(required_placeholders(message, channel))
        if all(payload.get(k) is None for k in ("templateBody", "templateId", "templateV2Id")):
            sources = ("templateBody", "templateId", "templateV2Id")
            ch.extend([required_one_of("templateBody", sources)])
    plan = plan_text(ch, payload, channel, choice, candidates, max(len(recipients), 1))
    return ch, plan


def _send(
    credentials: Credentials,
    path: str,
    payload: dict[str, object],
    channel: Channel,
    encoding: str,
    candidates: Sequence[str] | None,
    now: datetime | None,
) -> HttpRequest:
    if encoding in ENCODINGS:
        payload["encoding"] = encoding
    ch, _plan = check_text_message(
        payload, channel, choice=encoding, candidates=candidates, now=now
    )
    return post_checked(credentials, path, payload, ch)


def sms(
    *,
    credentials: Credentials,
    to: str | Sequence[str],
    sender: str,
    message: str,
    encoding: EncodingChoice = "auto",
    parts: int | None = None,
    trans: bool = False,
    schedule_date: datetime | str | None = None,
    expiration_date: datetime | str | None = None,
    notification_url: str | Sequence[str] | None = None,
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
    certified: bool | None = None,
    sub: Sequence[Mapping[str, str]] | None = None,
    split_parts: bool | None = None,
    flash: bool | None = None,
    available_times: Sequence[Mapping[str, str | int]] | None = None,
    otp_config: Mapping[str, str | int | bool] | None = None,
    candidates: Sequence[str] | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """``POST /api/rest/sms`` (360nrs API reference, "Send SMS Message").

    ``encoding``/``parts`` default to what the text needs (see the module docstring); ``now``,
    when given, makes dates in the past an error (121, "Invalid scheduled date"; 119 for
    ``expirationDate``). Raises
    :class:`~nrscompose.errors.ValidationError` listing every problem.
    """
    payload = _text_payload(
        to, sender, message, parts, trans, schedule_date, expiration_date, notification_url,
        campaign_name, tags, certified, sub, split_parts, flash,
    )  # fmt: skip
    payload.update(
        payload_of(
            availableTimes=None if available_times is None else [dict(t) for t in available_times],
            otpConfig=None if otp_config is None else dict(otp_config),
        )
    )
    return _send(credentials, "/sms", payload, "sms", encoding, candidates, now)


def landing_sms(
    *,
    credentials: Credentials,
    to: str | Sequence[str],
    sender: str,
    message: str,
    template_body: str | None = None,
    template_id: int | None = None,
    template_v2_id: int | None = None,
    encoding: EncodingChoice = "auto",
    parts: int | None = None,
    trans: bool = False,
    schedule_date: datetime | str | None = None,
    expiration_date: datetime | str | None = None,
    notification_url: str | None = None,
    campaign_name: str | None = None,
    tags: Sequence[str] | None = None,
    certified: bool | None = None,
    sub: Sequence[Mapping[str, str]] | None = None,
    split_parts: bool | None = None,
    flash: bool | None = None,
    candidates: Sequence[str] | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """``POST /api/rest/landingsms`` (API reference, "Send Landing SMS message"): at most 8 parts,
    ``{LAND_URL}`` required (141), a landing template required (140)."""
    payload = _text_payload(
        to, sender, message, parts, trans, schedule_date, expiration_date, notification_url,
        campaign_name, tags, certified, sub, split_parts, flash,
    )  # fmt: skip
    payload.update(
        payload_of(templateBody=template_body, templateId=template_id, templateV2Id=template_v2_id)
    )
    return _send(credentials, "/landingsms", payload, "landing", encoding, candidates, now)


def _text_payload(
    to: str | Sequence[str],
    sender: str,
    message: str,
    parts: int | None,
    trans: bool,
    schedule_date: datetime | str | None,
    expiration_date: datetime | str | None,
    notification_url: str | Sequence[str] | None,
    campaign_name: str | None,
    tags: Sequence[str] | None,
    certified: bool | None,
    sub: Sequence[Mapping[str, str]] | None,
    split_parts: bool | None,
    flash: bool | None,
) -> dict[str, object]:
    """The fields an SMS and a Landing SMS share, under the API's names."""
    payload = payload_of(
        to=[to] if isinstance(to, str) else list(to),
        message=message,
        parts=parts,
        trans=1 if trans else None,
        scheduleDate=schedule_date,
        expirationDate=expiration_date,
        notificationUrl=(
            notification_url
            if notification_url is None or isinstance(notification_url, str)
            else list(notification_url)
        ),
        campaignName=campaign_name,
        tags=None if tags is None else list(tags),
        certified=certified,
        sub=None if sub is None else [dict(values) for values in sub],
        splitParts=split_parts,
        flash=flash,
    )
    payload["from"] = sender
    return payload
