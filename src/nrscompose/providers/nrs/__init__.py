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

# ruff: noqa: I001  (the re-exports are grouped by module, one "import (a as a, …)" each)
from __future__ import annotations

# Each name is imported from its module on first use, so that importing one submodule (the code
# table a form needs) does not load every builder and parser. Annotations only: importing typing
# costs import time.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from nrscompose._base.errors import (
        MalformedResponseError as MalformedResponseError,
    )
    from nrscompose._base.http import (
        HttpRequest as HttpRequest,
        HttpResponse as HttpResponse,
    )
    from nrscompose.providers.nrs.catalogue import (
        CATALOGUE as CATALOGUE,
        ErrorEntry as ErrorEntry,
        INPUT_INVALID as INPUT_INVALID,
        lookup as lookup,
    )
    from nrscompose.providers.nrs.codes import (
        CODES as CODES,
        code_for as code_for,
        with_codes as with_codes,
    )
    from nrscompose.providers.nrs._base import (
        Credentials as Credentials,
        DEFAULT_BASE_URL as DEFAULT_BASE_URL,
    )
    from nrscompose.providers.nrs.responses import (
        Empty as Empty,
        ErrorDetail as ErrorDetail,
        Event as Event,
        FileBody as FileBody,
        GeneratedImage as GeneratedImage,
        Images as Images,
        Item as Item,
        MalformedEventError as MalformedEventError,
        NrsApiError as NrsApiError,
        NrsMalformedResponseError as NrsMalformedResponseError,
        OTP_REASONS as OTP_REASONS,
        Otp as Otp,
        OtpCheck as OtpCheck,
        Page as Page,
        RecipientResult as RecipientResult,
        Response as Response,
        ScheduledResult as ScheduledResult,
        SendResult as SendResult,
        ShortUrl as ShortUrl,
        Shortened as Shortened,
        TextBody as TextBody,
        UpdateResult as UpdateResult,
        parse_event as parse_event,
        parse_response as parse_response,
        read as read,
    )
    from nrscompose.providers.nrs.reports import (
        EVENT_COLUMNS as EVENT_COLUMNS,
        EmailValidationResult as EmailValidationResult,
        EmailValidationRow as EmailValidationRow,
        EventRow as EventRow,
        EventsReport as EventsReport,
        KEYSTROKE_COLUMNS as KEYSTROKE_COLUMNS,
        KeystrokeReport as KeystrokeReport,
        KeystrokeRow as KeystrokeRow,
        VALIDATION_COLUMNS as VALIDATION_COLUMNS,
        parse_report as parse_report,
    )
    from nrscompose.providers.nrs.mail import (
        MAIL_LINK_STAND_INS as MAIL_LINK_STAND_INS,
        MailLink as MailLink,
        mail_links as mail_links,
        mail_problems as mail_problems,
        preview_mail as preview_mail,
    )
    from nrscompose.providers.nrs.delivery import (
        DeliveryNotification as DeliveryNotification,
        DeliveryNotificationUrl as DeliveryNotificationUrl,
        ESCAPES as ESCAPES,
    )
    from nrscompose.providers.nrs.requests_channels import (
        Attachment as Attachment,
        Location as Location,
        VOICE_FEMALE_ONLY as VOICE_FEMALE_ONLY,
        VOICE_LANGUAGES as VOICE_LANGUAGES,
        WhatsAppMessage as WhatsAppMessage,
        mailing as mailing,
        otp_check as otp_check,
        otp_generate as otp_generate,
        voice as voice,
        voice_audio as voice_audio,
        whatsapp as whatsapp,
    )
    from nrscompose.providers.nrs.requests_resources import (
        ENDPOINTS as ENDPOINTS,
        Endpoint as Endpoint,
        account as account,
        campaigns as campaigns,
        coverage as coverage,
        endpoint as endpoint,
        events_report as events_report,
        follow as follow,
        generate_images as generate_images,
        keystroke_report as keystroke_report,
        scheduled_delete as scheduled_delete,
        scheduled_list as scheduled_list,
        scheduled_update as scheduled_update,
        shorten_urls as shorten_urls,
        sms_info as sms_info,
    )
    from nrscompose.providers.nrs.requests_sms import (
        landing_sms as landing_sms,
        sms as sms,
    )
    from nrscompose.providers.nrs._validate import (
        validate as validate,
    )

# module -> the names this package exports from it; the cheap modules first (the code tables,
# credentials and parsers import a handful of modules; a builder some twenty).
_EXPORTS: dict[str, tuple[str, ...]] = {
    "nrscompose._base.errors": ("MalformedResponseError",),
    "nrscompose._base.http": (
        "HttpRequest",
        "HttpResponse",
    ),
    "nrscompose.providers.nrs.catalogue": (
        "CATALOGUE",
        "ErrorEntry",
        "INPUT_INVALID",
        "lookup",
    ),
    "nrscompose.providers.nrs.codes": (
        "CODES",
        "code_for",
        "with_codes",
    ),
    "nrscompose.providers.nrs._base": (
        "Credentials",
        "DEFAULT_BASE_URL",
    ),
    "nrscompose.providers.nrs.responses": (
        "Empty",
        "ErrorDetail",
        "Event",
        "FileBody",
        "GeneratedImage",
        "Images",
        "Item",
        "MalformedEventError",
        "NrsApiError",
        "NrsMalformedResponseError",
        "OTP_REASONS",
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
        "parse_event",
        "parse_response",
        "read",
    ),
    "nrscompose.providers.nrs.reports": (
        "EVENT_COLUMNS",
        "EmailValidationResult",
        "EmailValidationRow",
        "EventRow",
        "EventsReport",
        "KEYSTROKE_COLUMNS",
        "KeystrokeReport",
        "KeystrokeRow",
        "VALIDATION_COLUMNS",
        "parse_report",
    ),
    "nrscompose.providers.nrs.mail": (
        "MAIL_LINK_STAND_INS",
        "MailLink",
        "mail_links",
        "mail_problems",
        "preview_mail",
    ),
    "nrscompose.providers.nrs.delivery": (
        "DeliveryNotification",
        "DeliveryNotificationUrl",
        "ESCAPES",
    ),
    "nrscompose.providers.nrs.requests_channels": (
        "Attachment",
        "Location",
        "VOICE_FEMALE_ONLY",
        "VOICE_LANGUAGES",
        "WhatsAppMessage",
        "mailing",
        "otp_check",
        "otp_generate",
        "voice",
        "voice_audio",
        "whatsapp",
    ),
    "nrscompose.providers.nrs.requests_resources": (
        "ENDPOINTS",
        "Endpoint",
        "account",
        "campaigns",
        "coverage",
        "endpoint",
        "events_report",
        "follow",
        "generate_images",
        "keystroke_report",
        "scheduled_delete",
        "scheduled_list",
        "scheduled_update",
        "shorten_urls",
        "sms_info",
    ),
    "nrscompose.providers.nrs.requests_sms": (
        "landing_sms",
        "sms",
    ),
    "nrscompose.providers.nrs._validate": ("validate",),
}
_HOME: dict[str, str] = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_HOME)


def __getattr__(name: str) -> object:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
