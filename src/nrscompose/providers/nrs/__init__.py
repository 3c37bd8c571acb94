"""360nrs API requests and responses, with no networking code (seed 001, seed 000).

Builders return an :class:`~nrscompose.http.HttpRequest`; they check their input first and
raise one :class:`~nrscompose.errors.ValidationError` listing every problem, each with the
code the server would answer (the seed's "Errors" table, :data:`CATALOGUE`). The SMS and
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
