"""Answers of the email platform's contacts API (``/v3/contacts``) as typed values.

Shapes from its reference: creating a folder, list or contact answers ``{"id": 5}`` (a contact
that already existed and was updated: 204 without a body); an import ``{"processId": 78}``;
the lists of a folder ``{"lists": [...], "count": 1}``; one list its fields (``folderId``,
``createdAt``, ``campaignStats`` …); contacts ``{"contacts": [...], "count": 17655}``; a bad
request 400 ``{"code": "method_not_allowed", "message": "…"}``. The reference documents 404
("Folder ID not found", "List ID not found") without a body. Fields a value does not name are
kept in its ``extra``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final, Literal, NoReturn, TypeAlias

from nrscompose._base.errors import ApiError, MalformedResponseError
from nrscompose._base.http import HttpRequest, HttpResponse, JsonValue
from nrscompose.providers._answers import (
    EMPTY,
    JsonObject,
    Shape,
    check_status,
    json_object,
    json_or_none,
    parse_json,
    rest,
    shown,
    text_of,
)

__all__ = [
    "Contact",
    "ContactList",
    "Contacts",
    "Created",
    "EmailContactsApiError",
    "EmailContactsMalformedResponseError",
    "Empty",
    "ImportProcess",
    "Lists",
    "MalformedResponseError",
    "parse_response",
    "read",
]

Kind = Literal["id", "process", "lists", "list", "contacts", "none"]


class EmailContactsApiError(ApiError):
    """An error answer: ``error_code`` is the API's text code (``"method_not_allowed"``),
    ``description`` its ``message``; ``raw`` the body as text."""

    def __init__(self, status: int, error_code: str | None, description: str, raw: str) -> None:
        super().__init__(status, None, description if error_code is None else
                         f"{error_code}: {description}")  # fmt: skip
        self.error_code = error_code
        self.description = description
        self.raw = raw


class EmailContactsMalformedResponseError(EmailContactsApiError, MalformedResponseError):
    """A body that is not the documented JSON shape."""

    def __init__(self, status: int, reason: str, raw: str) -> None:
        super().__init__(status, None, f"malformed response ({reason}): {shown(raw)!r}", raw)


@dataclass(frozen=True, slots=True)
class Created:
    """``{"id": …}``: the folder, list or contact created."""

    id: int


@dataclass(frozen=True, slots=True)
class ImportProcess:
    """``{"processId": …}``: the background import; its ``notifyUrl`` is called at the end."""

    process_id: int


@dataclass(frozen=True, slots=True)
class ContactList:
    """A list (``GET …/lists/{listId}``, or an entry of a folder's lists)."""

    id: int
    name: str
    total_subscribers: int | None = None
    total_blacklisted: int | None = None
    unique_subscribers: int | None = None
    folder_id: int | None = None
    created_at: datetime | None = None
    dynamic_list: bool | None = None
    campaign_stats: tuple[JsonObject, ...] = ()
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Lists:
    """``{"lists": [...], "count": n}``."""

    lists: tuple[ContactList, ...]
    count: int | None


@dataclass(frozen=True, slots=True)
class Contact:
    """An entry of ``{"contacts": [...]}``."""

    id: int
    email: str | None
    email_blacklisted: bool | None = None
    sms_blacklisted: bool | None = None
    created_at: datetime | None = None
    modified_at: datetime | None = None
    list_ids: tuple[int, ...] = ()
    list_unsubscribed: tuple[int, ...] = ()
    attributes: JsonObject = field(default_factory=lambda: EMPTY)
    extra: JsonObject = field(default_factory=lambda: EMPTY)


@dataclass(frozen=True, slots=True)
class Contacts:
    """``{"contacts": [...], "count": n}``; ``count`` is the total, not this page's size."""

    contacts: tuple[Contact, ...]
    count: int | None


@dataclass(frozen=True, slots=True)
class Empty:
    """A success without a body (204 "Contact updated")."""

    status: int


Response: TypeAlias = Created | ImportProcess | ContactList | Lists | Contacts | Empty


def _int(value: JsonValue, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Shape(f"{what} is not an integer")
    return value


def _optional_int(value: JsonValue) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _optional_bool(value: JsonValue) -> bool | None:
    return value if isinstance(value, bool) else None


def _ints(value: JsonValue) -> tuple[int, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise Shape("a list of ids is not a list")
    return tuple(_int(item, "a list id") for item in value)


def _moment(value: JsonValue) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


_LIST_FIELDS: Final = ("id", "name", "totalSubscribers", "totalBlacklisted",
                       "uniqueSubscribers", "folderId", "createdAt", "dynamicList",
                       "campaignStats")  # fmt: skip
_CONTACT_FIELDS: Final = ("id", "email", "emailBlacklisted", "smsBlacklisted", "createdAt",
                          "modifiedAt", "listIds", "listUnsubscribed", "attributes")  # fmt: skip


def _contact_list(value: JsonValue) -> ContactList:
    obj = json_object(value, "a list")
    name = obj.get("name")
    if not isinstance(name, str):
        raise Shape("a list has no 'name'")
    stats = obj.get("campaignStats")
    return ContactList(
        id=_int(obj.get("id"), "a list's 'id'"),
        name=name,
        total_subscribers=_optional_int(obj.get("totalSubscribers")),
        total_blacklisted=_optional_int(obj.get("totalBlacklisted")),
        unique_subscribers=_optional_int(obj.get("uniqueSubscribers")),
        folder_id=_optional_int(obj.get("folderId")),
        created_at=_moment(obj.get("createdAt")),
        dynamic_list=_optional_bool(obj.get("dynamicList")),
        campaign_stats=tuple(
            MappingProxyType(json_object(s, "a campaign's stats"))
            for s in (stats if isinstance(stats, list) else [])
        ),
        extra=rest(obj, _LIST_FIELDS),
    )


def _contact(value: JsonValue) -> Contact:
    obj = json_object(value, "a contact")
    email = obj.get("email")
    attributes = obj.get("attributes")
    return Contact(
        id=_int(obj.get("id"), "a contact's 'id'"),
        email=email if isinstance(email, str) else None,
        email_blacklisted=_optional_bool(obj.get("emailBlacklisted")),
        sms_blacklisted=_optional_bool(obj.get("smsBlacklisted")),
        created_at=_moment(obj.get("createdAt")),
        modified_at=_moment(obj.get("modifiedAt")),
        list_ids=_ints(obj.get("listIds")),
        list_unsubscribed=_ints(obj.get("listUnsubscribed")),
        attributes=MappingProxyType(attributes) if isinstance(attributes, dict) else EMPTY,
        extra=rest(obj, _CONTACT_FIELDS),
    )


def _entries(obj: JsonObject, name: str) -> list[JsonValue]:
    entries = obj.get(name)
    if not isinstance(entries, list):
        raise Shape(f"'{name}' is not a list")
    return entries


_PARSERS: Final[Mapping[str, Callable[[JsonObject], Response]]] = {
    "id": lambda obj: Created(_int(obj.get("id"), "'id'")),
    "process": lambda obj: ImportProcess(_int(obj.get("processId"), "'processId'")),
    "list": lambda obj: _contact_list(dict(obj)),
    "lists": lambda obj: Lists(
        tuple(_contact_list(e) for e in _entries(obj, "lists")), _optional_int(obj.get("count"))
    ),
    "contacts": lambda obj: Contacts(
        tuple(_contact(e) for e in _entries(obj, "contacts")), _optional_int(obj.get("count"))
    ),
}


def _raise_error(status: int, raw: str) -> NoReturn:
    body = json_or_none(raw)
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        code = body.get("code")
        raise EmailContactsApiError(
            status, code if isinstance(code, str) else None, str(body["message"]), raw
        )
    raise EmailContactsApiError(status, None, raw.strip() or f"HTTP {status}", raw)


def parse_response(status: int, body: bytes | str, kind: str) -> Response:
    """The typed value of an answer; ``kind`` is a request's ``expects`` (see :func:`read`).

    Error statuses raise :class:`EmailContactsApiError`; a body of another shape raises
    :class:`MalformedResponseError`.
    """
    raw = text_of(body)
    check_status(status, raw, _raise_error, EmailContactsMalformedResponseError)
    if status == 204 or kind == "none" or not raw.strip():
        return Empty(status)
    parser = _PARSERS.get(kind)
    if parser is None:
        raise EmailContactsMalformedResponseError(status, f"unknown kind {kind!r}", raw)
    return parse_json(
        status,
        raw,
        lambda data: parser(json_object(data, "the body")),
        EmailContactsMalformedResponseError,
    )


def read(request: HttpRequest, response: HttpResponse) -> Response:
    """:func:`parse_response` for a request built by this provider's builders."""
    return parse_response(response.status, response.body, request.expects)
