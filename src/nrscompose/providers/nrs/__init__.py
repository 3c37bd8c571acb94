"""360nrs API requests and responses, with no networking code (360nrs API reference).

Builders return an :class:`~nrscompose.http.HttpRequest`; they check their input first and
raise one :class:`~nrscompose.errors.ValidationError` listing every problem, each with the
code the server would answer (the reference's "Errors" table, :data:`CATALOGUE`). The SMS and
Landing SMS builders set ``encoding`` and ``parts`` from :func:`nrscompose.analyze`.
:func:`parse_response` turns answers into typed values; :func:`parse_event` reads the event
notifications the API posts to a customer's server.

    >>> from nrscompose.providers import nrs
    >>> creds = nrs.Credentials("username", "apiPassword")
    >>> req = nrs.sms(to=["34666555444"], sender="TEST", message="Olá", credentials=creds)
    >>> req.method, req.url, req.json()["encoding"], req.json()["parts"]
    ('POST', 'https://dashboard.360nrs.com/api/rest/sms', 'gsm-pt', 1)
"""

from __future__ import annotations

# Imported on first use, so that importing one submodule (the code table a form needs) does not
# load every builder and parser. Annotations only: importing typing costs import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from nrscompose.http import HttpRequest, HttpResponse
    from nrscompose.providers.nrs._base import DEFAULT_BASE_URL, Credentials
    from nrscompose.providers.nrs._validate import validate
    from nrscompose.providers.nrs.catalogue import CATALOGUE, ErrorEntry, lookup
    from nrscompose.providers.nrs.delivery import DeliveryNotification, DeliveryNotificationUrl
    from nrscompose.providers.nrs.requests_channels import (
        VOICE_FEMALE_ONLY,
        VOICE_LANGUAGES,
        Attachment,
        Location,
        WhatsAppMessage,
        mailing,
        otp_check,
        otp_generate,
        voice,
        voice_audio,
        whatsapp,
    )
    from nrscompose.providers.nrs.requests_resources import (
        ENDPOINTS,
        Endpoint,
        account,
        campaigns,
        coverage,
        endpoint,
        events_report,
        follow,
        generate_images,
        keystroke_report,
        scheduled_delete,
        scheduled_list,
        scheduled_update,
        shorten,
        shorten_urls,
        sms_info,
    )
    from nrscompose.providers.nrs.requests_sms import landing_sms, sms
    from nrscompose.providers.nrs.responses import (
        OTP_REASONS,
        Empty,
        ErrorDetail,
        Event,
        FileBody,
        GeneratedImage,
        Images,
        Item,
        MalformedEventError,
        MalformedResponseError,
        NrsApiError,
        Otp,
        OtpCheck,
        Page,
        RecipientResult,
        Response,
        ScheduledResult,
        SendResult,
        Shortened,
        ShortUrl,
        TextBody,
        UpdateResult,
        parse_event,
        parse_response,
        read,
    )

_LAZY: dict[str, str] = {
    "HttpRequest": "nrscompose.http",
    "HttpResponse": "nrscompose.http",
    "DEFAULT_BASE_URL": "nrscompose.providers.nrs._base",
    "Credentials": "nrscompose.providers.nrs._base",
    "validate": "nrscompose.providers.nrs._validate",
    "CATALOGUE": "nrscompose.providers.nrs.catalogue",
    "ErrorEntry": "nrscompose.providers.nrs.catalogue",
    "lookup": "nrscompose.providers.nrs.catalogue",
    "DeliveryNotification": "nrscompose.providers.nrs.delivery",
    "DeliveryNotificationUrl": "nrscompose.providers.nrs.delivery",
    "VOICE_FEMALE_ONLY": "nrscompose.providers.nrs.requests_channels",
    "VOICE_LANGUAGES": "nrscompose.providers.nrs.requests_channels",
    "Attachment": "nrscompose.providers.nrs.requests_channels",
    "Location": "nrscompose.providers.nrs.requests_channels",
    "WhatsAppMessage": "nrscompose.providers.nrs.requests_channels",
    "mailing": "nrscompose.providers.nrs.requests_channels",
    "otp_check": "nrscompose.providers.nrs.requests_channels",
    "otp_generate": "nrscompose.providers.nrs.requests_channels",
    "voice": "nrscompose.providers.nrs.requests_channels",
    "voice_audio": "nrscompose.providers.nrs.requests_channels",
    "whatsapp": "nrscompose.providers.nrs.requests_channels",
    "ENDPOINTS": "nrscompose.providers.nrs.requests_resources",
    "Endpoint": "nrscompose.providers.nrs.requests_resources",
    "account": "nrscompose.providers.nrs.requests_resources",
    "campaigns": "nrscompose.providers.nrs.requests_resources",
    "coverage": "nrscompose.providers.nrs.requests_resources",
    "endpoint": "nrscompose.providers.nrs.requests_resources",
    "events_report": "nrscompose.providers.nrs.requests_resources",
    "follow": "nrscompose.providers.nrs.requests_resources",
    "generate_images": "nrscompose.providers.nrs.requests_resources",
    "keystroke_report": "nrscompose.providers.nrs.requests_resources",
    "scheduled_delete": "nrscompose.providers.nrs.requests_resources",
    "scheduled_list": "nrscompose.providers.nrs.requests_resources",
    "scheduled_update": "nrscompose.providers.nrs.requests_resources",
    "shorten": "nrscompose.providers.nrs.requests_resources",
    "shorten_urls": "nrscompose.providers.nrs.requests_resources",
    "sms_info": "nrscompose.providers.nrs.requests_resources",
    "landing_sms": "nrscompose.providers.nrs.requests_sms",
    "sms": "nrscompose.providers.nrs.requests_sms",
    "OTP_REASONS": "nrscompose.providers.nrs.responses",
    "Empty": "nrscompose.providers.nrs.responses",
    "ErrorDetail": "nrscompose.providers.nrs.responses",
    "Event": "nrscompose.providers.nrs.responses",
    "FileBody": "nrscompose.providers.nrs.responses",
    "GeneratedImage": "nrscompose.providers.nrs.responses",
    "Images": "nrscompose.providers.nrs.responses",
    "Item": "nrscompose.providers.nrs.responses",
    "MalformedEventError": "nrscompose.providers.nrs.responses",
    "MalformedResponseError": "nrscompose.providers.nrs.responses",
    "NrsApiError": "nrscompose.providers.nrs.responses",
    "Otp": "nrscompose.providers.nrs.responses",
    "OtpCheck": "nrscompose.providers.nrs.responses",
    "Page": "nrscompose.providers.nrs.responses",
    "RecipientResult": "nrscompose.providers.nrs.responses",
    "Response": "nrscompose.providers.nrs.responses",
    "ScheduledResult": "nrscompose.providers.nrs.responses",
    "SendResult": "nrscompose.providers.nrs.responses",
    "Shortened": "nrscompose.providers.nrs.responses",
    "ShortUrl": "nrscompose.providers.nrs.responses",
    "TextBody": "nrscompose.providers.nrs.responses",
    "UpdateResult": "nrscompose.providers.nrs.responses",
    "parse_event": "nrscompose.providers.nrs.responses",
    "parse_response": "nrscompose.providers.nrs.responses",
    "read": "nrscompose.providers.nrs.responses",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "CATALOGUE",
    "DEFAULT_BASE_URL",
    "ENDPOINTS",
    "OTP_REASONS",
    "VOICE_FEMALE_ONLY",
    "VOICE_LANGUAGES",
    "Attachment",
    "Credentials",
    "DeliveryNotification",
    "DeliveryNotificationUrl",
    "Empty",
    "Endpoint",
    "ErrorDetail",
    "ErrorEntry",
    "Event",
    "FileBody",
    "GeneratedImage",
    "HttpRequest",
    "HttpResponse",
    "Images",
    "Item",
    "Location",
    "MalformedEventError",
    "MalformedResponseError",
    "NrsApiError",
    "Otp",
    "OtpCheck",
    "Page",
    "RecipientResult",
    "Response",
    "ScheduledResult",
    "SendResult",
    "ShortUrl",
    "Shortened",
    "TextBody",
    "UpdateResult",
    "WhatsAppMessage",
    "account",
    "campaigns",
    "coverage",
    "endpoint",
    "events_report",
    "follow",
    "generate_images",
    "keystroke_report",
    "landing_sms",
    "lookup",
    "mailing",
    "otp_check",
    "otp_generate",
    "parse_event",
    "parse_response",
    "read",
    "scheduled_delete",
    "scheduled_list",
    "scheduled_update",
    "shorten",
    "shorten_urls",
    "sms",
    "sms_info",
    "validate",
    "voice",
    "voice_audio",
    "whatsapp",
]
