"""Answers of the credit-billed bulk SMS API as typed records, and its CSV upload body.

The reference prints each record as a schema of field → type (``"int"``, ``"string"``,
``"boolean"``, ``"datetime"``) and nothing else: no envelope, no status codes, no error body.
So a body may be one record, a list of them, or a page in the ``{"count", "next",
"previous", "results"}`` form its field names suggest (``date_created``, ``saved_query``:
Django REST framework); all three are read. A field may be ``null``; a value of another type
than the schema says is a :class:`MalformedResponseError`. Operations whose schema the
reference prints as ``{}`` answer a :class:`Record` of whatever fields came. Under "company
details" the reference prints the contact list schema again, so a company is read as a
:class:`Record` too rather than typed from what is probably a copying slip.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any, Final, Literal, NoReturn, TypeAlias

from nrscompose._base.errors import ApiError, MalformedResponseError
from nrscompose._base.http import HttpRequest, HttpResponse, JsonValue, check_field_text
from nrscompose.providers._answers import (
    EMPTY,
    JsonObject,
    Shape,
    check_status,
    json_or_none,
    parse_json,
    text_of,
)

__all__ = [
    "BulkSmsApiError",
    "BulkSmsMalformedResponseError",
    "ContactList",
    "Deployment",
    "DeploymentStats",
    "Empty",
    "Listing",
    "MalformedResponseError",
    "OptOut",
    "Record",
    "parse_response",
    "read",
]

RecordKind = Literal["contact_list", "deployment", "stats", "opt_out", "record"]


class BulkSmsApiError(ApiError):
    """An error answer. ``detail`` is the body's ``detail`` text when there is one, ``fields``
    its per-field messages (``{"title": ["This field is required."]}``), ``raw`` the text."""

    def __init__(self, status: int, description: str, raw: str, fields: JsonObject = EMPTY) -> None:
        super().__init__(status, None, description)
        self.raw = raw
        self.fields = fields


class BulkSmsMalformedResponseError(BulkSmsApiError, MalformedResponseError):
    """A body that is not JSON, or a field whose value is not of the schema's type."""


@dataclass(frozen=True, slots=True)
class ContactList:
    """ "Lists available contact lists for a company"."""

    id: int
    title: str | None = None
    company: int | None = None
    saved_query: int | None = None
    date_created: datetime | None = None
    date_updated: datetime | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Deployment:
    """A deployment (a send to a contact list), as listed and as a CSV import answers."""

    id: int
    title: str | None = None
    status: int | None = None
    company: int | None = None
    marketing: bool | None = None
    optout: bool | None = None
    dispatch: int | None = None
    total_credits: int | None = None
    total_contacts: int | None = None
    send_date: datetime | None = None
    linked_campaign: int | None = None
    error: str | None = None
    created_by: int | None = None
    updated_by: int | None = None
    approved_by: int | None = None
    date_created: datetime | None = None
    date_updated: datetime | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class DeploymentStats:
    """One period of a deployment's stats (hourly, daily, monthly or yearly)."""

    id: int
    deployment: int | None = None
    period_type: int | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    total: int | None = None
    sms_sent_count: int | None = None
    sms_unsent_count: int | None = None
    sms_optout_count: int | None = None
    email_sent_count: int | None = None
    email_unsent_count: int | None = None
    email_optout_count: int | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class OptOut:
    """An opt-out, filterable by ``originator``, and overwritable."""

    id: int
    originator: str | None = None
    reason: str | None = None
    company: int | None = None
    date_opted_out: datetime | None = None
    date_overwritten: datetime | None = None
    overwritten_by: int | None = None
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Record:
    """An answer the reference gives no schema for: its fields as received."""

    fields: JsonObject


TypedRecord: TypeAlias = ContactList | Deployment | DeploymentStats | OptOut | Record


@dataclass(frozen=True, slots=True)
class Listing:
    """Several records: a JSON list, or a page (``count`` total, ``next``/``previous`` URLs)."""

    items: tuple[TypedRecord, ...]
    count: int | None = None
    next: str | None = None
    previous: str | None = None


@dataclass(frozen=True, slots=True)
class Empty:
    """A success without a body (204)."""

    status: int


Response: TypeAlias = TypedRecord | Listing | Empty

# The reference's schemas, field by field.
_SCHEMAS: Final[Mapping[str, Mapping[str, str]]] = {
    "contact_list": {"saved_query": "int", "title": "string", "date_updated": "datetime",
                     "date_created": "datetime", "company": "int", "id": "int"},
    "deployment": {"status": "int", "updated_by": "int", "title": "string",
                   "date_updated": "datetime", "marketing": "boolean", "company": "int",
                   "optout": "boolean", "dispatch": "int", "total_credits": "int",
                   "total_contacts": "int", "send_date": "datetime", "created_by": "int",
                   "error": "string", "date_created": "datetime", "linked_campaign": "int",
                   "id": "int", "approved_by": "int"},
    "stats": {"email_sent_count": "int", "deployment": "int", "sms_optout_count": "int",
              "email_unsent_count": "int", "email_optout_count": "int", "period_type": "int",
              "period_end": "datetime", "period_start": "datetime", "total": "int", "id": "int",
              "sms_sent_count": "int", "sms_unsent_count": "int"},
    "opt_out": {"originator": "string", "date_opted_out": "datetime", "reason": "string",
                "date_overwritten": "datetime", "overwritten_by": "int", "company": "int",
                "id": "int"},
}  # fmt: skip
_CLASSES: Final[Mapping[str, type[ContactList | Deployment | DeploymentStats | OptOut]]] = {
    "contact_list": ContactList,
    "deployment": Deployment,
    "stats": DeploymentStats,
    "opt_out": OptOut,
}


def _typed(name: str, kind: str, value: JsonValue) -> object:
    if value is None:
        return None
    if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
        return value
    if kind == "boolean" and isinstance(value, bool):
        return value
    if kind == "string" and isinstance(value, str):
        return value
    if kind == "datetime" and isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise Shape(f"{name!r} is not an ISO 8601 date-time: {value!r}") from None
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment
    raise Shape(f"{name!r} should be {kind}, not {json.dumps(value)}")


def _record(kind: str, value: JsonValue) -> TypedRecord:
    if not isinstance(value, dict):
        raise Shape("a record is not an object")
    if kind == "record":
        return Record(MappingProxyType(value))
    schema = _SCHEMAS[kind]
    if value.get("id") is None:
        raise Shape("a record has no 'id'")
    values: dict[str, Any] = {  # each typed by its schema: the record class checks them
        name: _typed(name, type_, value.get(name)) for name, type_ in schema.items()
    }
    extra = {k: v for k, v in value.items() if k not in schema}
    return _CLASSES[kind](**values, extra=MappingProxyType(extra) if extra else EMPTY)


def _page_link(value: JsonValue) -> str | None:
    return value if isinstance(value, str) and value else None


def _parse(kind: str, body: JsonValue) -> Response:
    if isinstance(body, list):
        return Listing(tuple(_record(kind, item) for item in body))
    results = body.get("results") if isinstance(body, dict) else None
    if isinstance(body, dict) and isinstance(results, list) and "count" in body:
        count = body.get("count")
        return Listing(
            tuple(_record(kind, item) for item in results),
            count if isinstance(count, int) and not isinstance(count, bool) else None,
            _page_link(body.get("next")),
            _page_link(body.get("previous")),
        )
    return _record(kind, body)


def _raise_error(status: int, raw: str) -> NoReturn:
    body = json_or_none(raw)
    if isinstance(body, dict):
        detail = body.get("detail")
        if isinstance(detail, str):
            raise BulkSmsApiError(status, detail, raw)
        messages = "; ".join(f"{k}: {v if isinstance(v, str) else json.dumps(v)}"
                             for k, v in body.items())  # fmt: skip
        raise BulkSmsApiError(status, messages or f"HTTP {status}", raw, MappingProxyType(body))
    raise BulkSmsApiError(status, raw.strip()[:500] or f"HTTP {status}", raw)


def parse_response(status: int, body: bytes | str, kind: str = "record") -> Response:
    """The typed answer; ``kind`` is a request's ``expects`` (``contact_list``, ``deployment``,
    ``stats``, ``opt_out`` or ``record``). Errors raise :class:`BulkSmsApiError`."""
    raw = text_of(body)
    check_status(status, raw, _raise_error, BulkSmsMalformedResponseError)
    if status == 204 or not raw.strip():
        return Empty(status)
    if kind != "record" and kind not in _SCHEMAS:
        raise BulkSmsMalformedResponseError(status, f"unknown kind {kind!r}", raw)
    return parse_json(
        status,
        raw,
        lambda data: _parse(kind, data),
        BulkSmsMalformedResponseError,
        lambda reason: f"malformed response: {reason}",
    )


def read(request: HttpRequest, response: HttpResponse) -> Response:
    """:func:`parse_response` for a request built by this provider's builders."""
    return parse_response(response.status, response.body, request.expects)


def multipart_file(
    field_name: str, filename: str, content: bytes, content_type: str = "text/csv"
) -> tuple[bytes, str]:
    """A ``multipart/form-data`` body (RFC 7578) holding one file, and its Content-Type.

    The boundary is derived from the content, so the same upload gives the same bytes, and is
    lengthened until it does not occur in the content. A control character (NUL included) in
    the field name, the filename or the content type is refused
    (:class:`~nrscompose.errors.ArgumentError`): they are header text.
    """
    for what, text in (("field name", field_name), ("filename", filename),
                       ("content type", content_type)):  # fmt: skip
        check_field_text(text, f"the multipart {what}", ascii=False)
    boundary = "nrscompose-" + hashlib.sha256(content).hexdigest()[:32]
    while boundary.encode() in content:
        boundary += "x"
    quoted = filename.replace("\\", "\\\\").replace('"', '\\"')
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="{field_name}"; filename="{quoted}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode()
    body = head + content + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"
