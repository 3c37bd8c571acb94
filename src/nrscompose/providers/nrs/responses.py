"""360nrs answers as typed values, and the event notification a customer's server receives.

Shapes (360nrs API reference): sending endpoints answer 202 (every recipient accepted) or 207 (some
rejected, each with ``error.code``), errors ``{"error": {"code", "description"}}`` with 400,
401, 402, 404, 422 or 500; listings ``{"data": [...], "meta": {"pagination": {..., "links":
{"next": url}}}}``; OTP check ``{"data": {"valid", "reason", "otp": {"data": {...}}}}``.

Fields this module does not know are kept in each value's ``extra``, never dropped, so a new
server field is visible without a release. Error answers raise :class:`NrsApiError` (an
:class:`~nrscompose.errors.ApiError`) with the catalogue entry; a body that is not the
documented JSON raises :class:`MalformedResponseError` carrying the status and the raw text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Final, Literal, NoReturn, TypeAlias, overload
from urllib.parse import parse_qsl, unquote

from nrscompose._base.errors import ApiError, MalformedResponseError, NrsComposeError
from nrscompose._base.http import HttpRequest, HttpResponse, JsonValue, load_json
from nrscompose.providers._answers import (
    EMPTY,
    JsonObject,
    Shape,
    check_status,
    json_object,
    parse_json,
    rest,
    shown,
    text_of,
)
from nrscompose.providers._answers import api_moment as when
from nrscompose.providers._answers import ascii_integer as _decimal
from nrscompose.providers.nrs.catalogue import ErrorEntry, lookup
from nrscompose.providers.nrs.reports import (
    REPORT_KINDS,
    EmailValidationResult,
    EventsReport,
    KeystrokeReport,
    ReportShapeError,
    parse_report,
)

__all__ = [
    "OTP_REASONS",
    "Empty",
    "ErrorDetail",
    "Event",
    "FileBody",
    "GeneratedImage",
    "Images",
    "Item",
    "MalformedEventError",
    "MalformedResponseError",
    "NrsApiError",
    "NrsMalformedResponseError",
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
]

_NO_FIELDS: Final[Mapping[str, str]] = MappingProxyType({})
OtpReason = Literal["Valid", "Invalid code", "Maximum attempts reached", "Expired"]
# 360nrs API reference, OTP "Check code", table "Responses".
OTP_REASONS: Final[tuple[str, ...]] = ("Valid", "Invalid code", "Maximum attempts reached",
                                       "Expired")  # fmt: skip


class NrsApiError(ApiError):
    """The API answered with an error. ``entry`` is the catalogue row for ``code`` (``None``
    for codes the table does not list, such as 404); ``raw`` the body as text."""

    def __init__(self, status: int, code: int | None, description: str, raw: str = "") -> None:
        super().__init__(status, code, description)
        self.entry: ErrorEntry | None = lookup(code)
        self.raw = raw


class NrsMalformedResponseError(NrsApiError, MalformedResponseError):
    """The body is not what the API documents (not JSON, or JSON of another shape)."""

    def __init__(self, status: int, reason: str, raw: str) -> None:
        super().__init__(status, None, f"malformed response ({reason}): {shown(raw)!r}", raw)


class MalformedEventError(NrsComposeError, ValueError):
    """An event notification without the fields every notification has."""


@dataclass(frozen=True, slots=True)
class ErrorDetail:
    """An error as the server wrote it; ``entry`` is the catalogue row for its code."""

    code: int | None
    description: str

    @property
    def entry(self) -> ErrorEntry | None:
        return lookup(self.code)


@dataclass(frozen=True, slots=True)
class RecipientResult:
    """One item of ``result``: accepted with an ``id``, or rejected with an ``error``."""

    to: str
    accepted: bool
    id: str | None = None
    parts: int | None = None
    scheduled_at: datetime | None = None
    expires_at: datetime | None = None
    error: ErrorDetail | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class SendResult:
    """The answer of a sending endpoint (202 or 207)."""

    status: int
    campaign_id: int | None
    sending_id: int | None
    results: tuple[RecipientResult, ...]
    extra: JsonObject = field(default_factory=lambda: EMPTY)

    @property
    def accepted(self) -> tuple[RecipientResult, ...]:
        return tuple(r for r in self.results if r.accepted)

    @property
    def rejected(self) -> tuple[RecipientResult, ...]:
        return tuple(r for r in self.results if not r.accepted)

    @property
    def parts(self) -> int:
        """Parts billed over the accepted recipients (when the API reports them)."""
        return sum(r.parts or 0 for r in self.accepted)


@dataclass(frozen=True, slots=True)
class Otp:
    """An OTP code's state (``POST /otp/generate``, and inside an OTP check)."""

    recipient: str
    code: str | None
    attempts: int | None
    max_attempts: int | None
    max_seconds_validity: int | None
    app_id: str
    created_at: datetime | None
    updated_at: datetime | None
    expires_at: datetime | None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class OtpCheck:
    """``POST /otp/check``: ``valid`` and the documented ``reason``."""

    valid: bool
    reason: str
    otp: Otp | None
    extra: JsonObject = field(default_factory=lambda: EMPTY)

    @property
    def expired(self) -> bool:
        return self.reason == "Expired"

    @property
    def attempts_exhausted(self) -> bool:
        return self.reason == "Maximum attempts reached"


@dataclass(frozen=True, slots=True)
class Page:
    """A listing: ``items`` and pagination; ``next`` is ``links.next`` (``None`` on the last
    page). Pass it to :func:`~nrscompose.providers.nrs.follow` for the next request."""

    items: tuple[JsonObject, ...]
    next: str | None = None
    total: int | None = None
    count: int | None = None
    per_page: int | None = None
    current_page: int | None = None
    total_pages: int | None = None
    meta: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Item:
    """A single resource (``{"data": {...}}``)."""

    data: JsonObject
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class ScheduledResult:
    """``GET /scheduled``: the scheduled messages (content only for a single GUID)."""

    items: tuple[JsonObject, ...]
    total: int | None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class UpdateResult:
    """``PUT``/``DELETE /scheduled``: ``{"result": true, "updated"|"deleted": n}``."""

    result: bool
    count: int
    action: Literal["updated", "deleted"]
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class ShortUrl:
    """One entry of the shortener's answer; ``error`` is true (and ``short_url`` ``None``) for a
    URL the API could not shorten."""

    long_url: str
    short_url: str | None
    error: bool
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Shortened:
    """``POST /shortener/shorten``: ``{"data": [{"longUrl", "shortUrl", "error"}, ...]}``."""

    urls: tuple[ShortUrl, ...]

    @property
    def failed(self) -> tuple[ShortUrl, ...]:
        return tuple(url for url in self.urls if url.error)

    def short_url_of(self, long_url: str) -> str | None:
        """The short URL given for ``long_url`` (``None`` if it failed or was not sent)."""
        return next((u.short_url for u in self.urls if u.long_url == long_url), None)


@dataclass(frozen=True, slots=True)
class GeneratedImage:
    """One entry of the image generator's answer, named by the caller's ``externalId``."""

    external_id: str
    image_url: str | None
    error: bool
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Images:
    """``POST /images/generate``: ``{"data": [{"externalId", "imageUrl", "error"}, ...]}``."""

    images: tuple[GeneratedImage, ...]

    @property
    def failed(self) -> tuple[GeneratedImage, ...]:
        return tuple(image for image in self.images if image.error)


@dataclass(frozen=True, slots=True)
class TextBody:
    """A CSV report or an HTML preview."""

    text: str


@dataclass(frozen=True, slots=True)
class FileBody:
    """A downloaded file (certificates)."""

    content: bytes


@dataclass(frozen=True, slots=True)
class Empty:
    """A success without a body (204)."""

    status: int


Response: TypeAlias = (
    SendResult
    | OtpCheck
    | Otp
    | Page
    | Item
    | ScheduledResult
    | UpdateResult
    | Shortened
    | Images
    | TextBody
    | EventsReport
    | KeystrokeReport
    | EmailValidationResult
    | FileBody
    | Empty
)
Kind = Literal[
    "auto", "json", "send", "otp", "otp-check", "page", "item", "scheduled", "count",
    "shortened", "images", "csv", "html", "file", "none", "events-report", "keys-report",
    "validation-result",
]  # fmt: skip


# -- helpers ---------------------------------------------------------------------------------


def _int(value: JsonValue) -> int | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return _decimal(value) if isinstance(value, str) else None


def _str(value: JsonValue) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else json.dumps(value)


def _error(obj: JsonValue) -> ErrorDetail | None:
    if not isinstance(obj, dict):
        return None
    return ErrorDetail(_int(obj.get("code")), _str(obj.get("description")) or "")


# -- parsers per shape -----------------------------------------------------------------------

_RECIPIENT_FIELDS: Final = ("to", "accepted", "id", "parts", "scheduledAt", "expiresAt", "error")


def _recipient(value: JsonValue) -> RecipientResult:
    obj = json_object(value, "a result item")
    if not isinstance(obj.get("accepted"), bool):
        raise Shape("a result item has no boolean 'accepted'")
    return RecipientResult(
        to=_str(obj.get("to")) or "",
        accepted=bool(obj["accepted"]),
        id=_str(obj.get("id")),
        parts=_int(obj.get("parts")),
        scheduled_at=when(obj.get("scheduledAt")),
        expires_at=when(obj.get("expiresAt")),
        error=_error(obj.get("error")),
        extra=rest(obj, _RECIPIENT_FIELDS),
    )


def _send(status: int, obj: JsonObject) -> SendResult:
    result = obj.get("result")
    if not isinstance(result, list):
        raise Shape("'result' is not a list")
    return SendResult(
        status,
        _int(obj.get("campaignId")),
        _int(obj.get("sendingId")),
        tuple(_recipient(item) for item in result),
        rest(obj, ("campaignId", "sendingId", "result")),
    )


_OTP_FIELDS: Final = ("recipient", "code", "attempts", "maxAttempts", "maxSecondsValidity",
                      "appId", "createdAt", "updatedAt", "expiresAt")  # fmt: skip


def _otp(value: JsonValue) -> Otp:
    obj = json_object(value, "'data'")
    if not isinstance(obj.get("recipient"), str):
        raise Shape("an OTP has no 'recipient'")
    return Otp(
        recipient=str(obj["recipient"]),
        code=_str(obj.get("code")),
        attempts=_int(obj.get("attempts")),
        max_attempts=_int(obj.get("maxAttempts")),
        max_seconds_validity=_int(obj.get("maxSecondsValidity")),
        app_id=_str(obj.get("appId")) or "",
        created_at=when(obj.get("createdAt")),
        updated_at=when(obj.get("updatedAt")),
        expires_at=when(obj.get("expiresAt")),
        extra=rest(obj, _OTP_FIELDS),
    )


def _otp_check(obj: JsonObject) -> OtpCheck:
    data = json_object(obj.get("data"), "'data'")
    if not isinstance(data.get("valid"), bool) or not isinstance(data.get("reason"), str):
        raise Shape("an OTP check needs boolean 'valid' and text 'reason'")
    wrapped = data.get("otp")
    otp = _otp(json_object(wrapped, "'otp'").get("data")) if wrapped is not None else None
    extra = rest(data, ("valid", "reason", "otp"))
    return OtpCheck(bool(data["valid"]), str(data["reason"]), otp, extra)


def _page(obj: JsonObject) -> Page:
    data = obj.get("data")
    if not isinstance(data, list):
        raise Shape("'data' is not a list")
    items = tuple(json_object(item, "a listing item") for item in data)
    meta = obj.get("meta")
    found = meta.get("pagination") if isinstance(meta, dict) else None
    pagination: JsonObject = found if isinstance(found, dict) else EMPTY
    links = pagination.get("links")
    # An empty list stands for "no links" on the last page (360nrs API reference, "List templates").
    next_url = links.get("next") if isinstance(links, dict) else None
    return Page(
        items,
        next_url if isinstance(next_url, str) and next_url else None,
        _int(pagination.get("total")),
        _int(pagination.get("count")),
        _int(pagination.get("per_page")),
        _int(pagination.get("current_page")),
        _int(pagination.get("total_pages")),
        MappingProxyType(dict(meta)) if isinstance(meta, dict) else EMPTY,
    )


def _scheduled(obj: JsonObject) -> ScheduledResult:
    result = obj.get("result")
    if isinstance(result, dict):
        items: tuple[JsonObject, ...] = (result,)
    elif isinstance(result, list):
        items = tuple(json_object(item, "a scheduled item") for item in result)
    else:
        raise Shape("'result' is neither an object nor a list")
    return ScheduledResult(items, _int(obj.get("total")), rest(obj, ("result", "total")))


def _update(obj: JsonObject) -> UpdateResult:
    action: Literal["updated", "deleted"] = "updated" if "updated" in obj else "deleted"
    count = _int(obj.get(action))
    if not isinstance(obj.get("result"), bool) or count is None:
        raise Shape("expected {'result': bool, 'updated'|'deleted': int}")
    return UpdateResult(bool(obj["result"]), count, action, rest(obj, ("result", action)))


def _entries(obj: JsonObject, what: str) -> tuple[JsonObject, ...]:
    data = obj.get("data")
    if not isinstance(data, list):
        raise Shape("'data' is not a list")
    return tuple(json_object(entry, what) for entry in data)


def _flag(entry: JsonObject, what: str) -> bool:
    error = entry.get("error")
    if not isinstance(error, bool):
        raise Shape(f"{what} has no boolean 'error'")
    return error


def _shortened(obj: JsonObject) -> Shortened:
    urls = []
    for entry in _entries(obj, "a shortened URL"):
        long_url = entry.get("longUrl")
        if not isinstance(long_url, str):
            raise Shape("a shortened URL has no 'longUrl'")
        known = ("longUrl", "shortUrl", "error")
        short_url, error = _str(entry.get("shortUrl")), _flag(entry, "a URL")
        urls.append(ShortUrl(long_url, short_url, error, rest(entry, known)))
    return Shortened(tuple(urls))


def _images(obj: JsonObject) -> Images:
    images = []
    for entry in _entries(obj, "a generated image"):
        external_id = _str(entry.get("externalId"))
        if external_id is None:
            raise Shape("a generated image has no 'externalId'")
        known = ("externalId", "imageUrl", "error")
        image_url, error = _str(entry.get("imageUrl")), _flag(entry, "an image")
        images.append(GeneratedImage(external_id, image_url, error, rest(entry, known)))
    return Images(tuple(images))


def _item(obj: JsonObject) -> Item:
    return Item(json_object(obj.get("data"), "'data'"), rest(obj, ("data",)))


def _detect(obj: JsonObject) -> str:
    result, data = obj.get("result"), obj.get("data")
    if isinstance(result, list):
        first = result[0] if result else None
        return "scheduled" if isinstance(first, dict) and "guid" in first else "send"
    if isinstance(result, dict):
        return "scheduled"
    if isinstance(result, bool):
        return "count"
    if isinstance(data, list):
        first = data[0] if data else None
        if isinstance(first, dict) and "error" in first:
            if "shortUrl" in first:
                return "shortened"
            if "imageUrl" in first:
                return "images"
        return "page"
    if isinstance(data, dict):
        if "valid" in data and "reason" in data:
            return "otp-check"
        if "recipient" in data and "maxAttempts" in data:
            return "otp"
        return "item"
    raise Shape("neither 'result' nor 'data'")


_PARSERS: Final[Mapping[str, Callable[[JsonObject], Response]]] = {
    "page": _page,
    "item": _item,
    "scheduled": _scheduled,
    "count": _update,
    "shortened": _shortened,
    "images": _images,
    "otp-check": _otp_check,
    "otp": lambda obj: _otp(obj.get("data")),
}


def _raise_error(status: int, raw: str) -> NoReturn:
    try:
        body = load_json(raw)
    except ValueError:
        raise NrsMalformedResponseError(status, "an error without a JSON body", raw) from None
    error = body.get("error") if isinstance(body, dict) else None
    detail = _error(error)
    if detail is None:
        raise NrsMalformedResponseError(status, "an error without 'error'", raw)
    raise NrsApiError(status, detail.code, detail.description, raw)


# -- public -----------------------------------------------------------------------------------


@overload
def parse_response(status: int, body: bytes | str, kind: Literal["send"]) -> SendResult: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["page"]) -> Page: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["otp-check"]) -> OtpCheck: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["otp"]) -> Otp: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["item"]) -> Item: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["shortened"]) -> Shortened: ...
@overload
def parse_response(status: int, body: bytes | str, kind: Literal["images"]) -> Images: ...
@overload
def parse_response(
    status: int, body: bytes | str, kind: Literal["events-report"]
) -> EventsReport: ...
@overload
def parse_response(
    status: int, body: bytes | str, kind: Literal["keys-report"]
) -> KeystrokeReport: ...
@overload
def parse_response(
    status: int, body: bytes | str, kind: Literal["validation-result"]
) -> EmailValidationResult: ...
@overload
def parse_response(status: int, body: bytes | str, kind: str = "auto") -> Response: ...


def parse_response(status: int, body: bytes | str, kind: str = "auto") -> Response:
    """The typed value of an answer with HTTP ``status`` and ``body``.

    ``kind`` is the shape to expect (a request's ``expects``); ``"auto"``/``"json"`` detect
    it from the body. Raises :class:`NrsApiError` for error statuses and
    :class:`MalformedResponseError` for a body of another shape.
    """
    raw = text_of(body)
    check_status(status, raw, _raise_error, NrsMalformedResponseError)
    text_kinds = ("csv", "html", *REPORT_KINDS)
    if status == 204 or kind == "none" or (not raw.strip() and kind not in text_kinds):
        return Empty(status)
    if kind in REPORT_KINDS:
        try:
            return parse_report(raw, kind)  # type: ignore[arg-type]  # one of REPORT_KINDS
        except ReportShapeError as error:
            raise NrsMalformedResponseError(status, str(error), raw) from None
    if kind in ("csv", "html"):
        return TextBody(raw)
    if kind == "file":
        return FileBody(body if isinstance(body, bytes) else body.encode())
    malformed = NrsMalformedResponseError
    return parse_json(status, raw, lambda data: _typed(status, data, kind), malformed)


def _typed(status: int, data: JsonValue, kind: str) -> Response:
    obj = json_object(data, "the body")
    chosen = _detect(obj) if kind in ("auto", "json") else kind
    if chosen == "send":
        return _send(status, obj)
    parser = _PARSERS.get(chosen)
    if parser is None:
        raise Shape(f"unknown kind {chosen!r}")
    return parser(obj)


def read(request: HttpRequest, response: HttpResponse) -> Response:
    """``parse_response`` for a request built here and the transport's answer to it."""
    return parse_response(response.status, response.body, request.expects)


# -- event notifications ----------------------------------------------------------------------

EventName = Literal[
    "delivered", "opened", "clicked", "unsubscribed", "hard_bounced", "complaint", "sent",
    "soft_bounced", "undelivered", "rejected", "expired", "unsubscribed_landing", "form_opened",
    "form_submitted", "form_rejected",
]  # fmt: skip
_EVENT_FIELDS: Final = ("id", "channel", "contactId", "campaignId", "campaignName", "formId",
                        "event", "extra", "smtpResponse", "eventDate")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Event:
    """An event notification (360nrs API reference, "Receiving new notification events").

    ``id`` is ``None`` for messages sent from the website; ``campaign_id`` is 0 and
    ``campaign_name`` empty for API sendings without ``campaignName``. ``extra`` is the
    decoded ``extra`` JSON (``extra_raw`` the text as received); ``other`` keeps fields the
    documentation does not list.
    """

    event: str
    channel: str
    id: str | None = None
    contact_id: int | None = None
    campaign_id: int | None = None
    campaign_name: str = ""
    form_id: int | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)
    extra_raw: str = ""
    smtp_response: str | None = None
    event_date: datetime | None = None
    event_date_raw: str = ""
    other: Mapping[str, str] = field(default_factory=lambda: _NO_FIELDS)

    @property
    def clicked_url(self) -> str | None:
        """The clicked URL, decoded (``clicked`` events carry it URL-encoded)."""
        url = self.extra.get("url")
        return unquote(url) if isinstance(url, str) else None

    @property
    def form_values(self) -> JsonObject:
        """What the person entered (``form_submitted`` events)."""
        values = self.extra.get("formValues")
        return values if isinstance(values, dict) else EMPTY


def _optional_int(fields: Mapping[str, str], name: str) -> int | None:
    value = fields.get(name, "").strip()
    if not value:
        return None
    number = _decimal(value.removeprefix("-"))
    if number is None:
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise MalformedEventError(f"{name} {shown!r} is not an integer")
    return -number if value.startswith("-") else number


def parse_event(body: bytes | str | Mapping[str, str]) -> Event:
    """The event in a notification POST (``application/x-www-form-urlencoded``).

    ``body`` is the raw request body or the form fields a web framework already decoded.
    A notification must at least name its ``event`` and ``channel``.
    """
    if isinstance(body, Mapping):
        fields = {str(k): str(v) for k, v in body.items()}
    else:
        text = body.decode("utf-8", errors="replace") if isinstance(body, bytes) else body
        fields = dict(parse_qsl(text, keep_blank_values=True))
    event, channel = fields.get("event", ""), fields.get("channel", "")
    if not event or not channel:
        raise MalformedEventError("an event notification needs 'event' and 'channel'")
    extra_raw = fields.get("extra", "")
    extra: JsonObject = EMPTY
    if extra_raw.strip():
        try:
            decoded = load_json(extra_raw)
        except ValueError:
            decoded = None  # kept in extra_raw: a notification is never dropped for its extra
        if isinstance(decoded, dict):
            extra = MappingProxyType(decoded)
    other = {k: v for k, v in fields.items() if k not in _EVENT_FIELDS}
    return Event(
        event=event,
        channel=channel,
        id=fields.get("id") or None,
        contact_id=_optional_int(fields, "contactId"),
        campaign_id=_optional_int(fields, "campaignId"),
        campaign_name=fields.get("campaignName", ""),
        form_id=_optional_int(fields, "formId"),
        extra=extra,
        extra_raw=extra_raw,
        smtp_response=fields.get("smtpResponse") or None,
        event_date=when(fields.get("eventDate")),
        event_date_raw=fields.get("eventDate", ""),
        other=MappingProxyType(other) if other else _NO_FIELDS,
    )
