"""The email contacts request builders (the package docstring says what the API is)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final, Literal

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.http import (
    HttpRequest,
    JsonValue,
    QueryValue,
    build_url,
    check_base_url,
    check_field_text,
    json_bytes,
)
from nrscompose._base.problems import Problem, required_one_of
from nrscompose._rules.message_rules import naive_datetime_problem
from nrscompose.providers._paths import fill_path

__all__ = [
    "ApiKey",
    "contacts",
    "create_contact",
    "create_folder",
    "create_list",
    "folder_lists",
    "import_contacts",
    "list_contacts",
    "list_info",
]

# Email-contacts API reference, "Import contact": "Maximum allowed file body size is 10MB".
MAX_IMPORT_BYTES: Final = 10 * 1024 * 1024
Sort = Literal["asc", "desc"]


@dataclass(frozen=True, slots=True, repr=False)
class ApiKey:
    """The ``api-key`` header value and the API's ``base_url`` (the reference's ``{{baseUrl}}``)."""

    key: str = field(compare=False)
    base_url: str

    def __post_init__(self) -> None:
        check_field_text(self.key, "the api key", secret=True)  # never echoed
        if not self.key:
            raise ArgumentError("api key must be non-empty")
        check_base_url(self.base_url)

    def __repr__(self) -> str:
        return f"ApiKey(key='***', base_url={self.base_url!r})"

    __str__ = __repr__


def _request(
    account: ApiKey,
    method: str,
    path: str,
    payload: Mapping[str, JsonValue] | None = None,
    query: Mapping[str, QueryValue | None] | None = None,
    *,
    expects: str,
) -> HttpRequest:
    headers = [("api-key", account.key), ("Accept", "application/json")]
    body = b""
    if payload is not None:
        headers.append(("Content-Type", "application/json"))
        body = json_bytes({k: v for k, v in payload.items() if v is not None})
    url = build_url(account.base_url, path, query)
    return HttpRequest(method, url, tuple(headers), body, expects, frozenset({"api-key"}))


def _positive(problems: list[Problem], name: str, value: int | None, low: int = 1) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < low):
        problems.append(Problem("value.too_small", name, None, {"value": repr(value), "low": low}))


def _listing(
    problems: list[Problem], limit: int | None, offset: int | None, sort: str | None
) -> dict[str, QueryValue | None]:
    _positive(problems, "limit", limit)
    _positive(problems, "offset", offset, 0)
    if sort is not None and sort not in ("asc", "desc"):
        problems.append(
            Problem("value.choice", "sort", None, {"value": repr(sort), "choices": "asc, desc"})
        )
    return {"limit": limit, "offset": offset, "sort": sort}


def _since(problems: list[Problem], name: str, value: datetime | None) -> str | None:
    """``YYYY-MM-DDTHH:mm:ss.SSSZ`` in UTC (email-contacts API reference, ``modifiedSince``)."""
    if value is None:
        return None
    naive = naive_datetime_problem(value, name)
    if naive is not None:
        problems.append(naive)
        return None
    moment = value.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def _raise(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)


def _only_with(name: str, other: str) -> Problem:
    """``name`` was given without ``other``, which it needs (the email-contacts reference)."""
    return Problem("value.only_with", name, None, {"other": other})


def _name(problems: list[Problem], value: str, label: str = "name") -> None:
    if not isinstance(value, str) or not value.strip():
        problems.append(Problem("value.required", label))


def create_folder(account: ApiKey, name: str) -> HttpRequest:
    """``POST /v3/contacts/folders`` → ``{"id": …}``."""
    problems: list[Problem] = []
    _name(problems, name)
    _raise(problems)
    return _request(account, "POST", "/v3/contacts/folders", {"name": name}, expects="id")


def create_list(account: ApiKey, name: str, folder_id: int) -> HttpRequest:
    """``POST /v3/contacts/lists`` in the folder ``folder_id``."""
    problems: list[Problem] = []
    _name(problems, name)
    _positive(problems, "folderId", folder_id)
    _raise(problems)
    payload: dict[str, JsonValue] = {"name": name, "folderId": folder_id}
    return _request(account, "POST", "/v3/contacts/lists", payload, expects="id")


def create_contact(
    account: ApiKey,
    email: str,
    *,
    ext_id: str | None = None,
    attributes: Mapping[str, str | int | float | bool] | None = None,
    email_blacklisted: bool | None = None,
    sms_blacklisted: bool | None = None,
    list_ids: Sequence[int] | None = None,
    update_enabled: bool | None = None,
    smtp_blacklist_sender: Sequence[str] | None = None,
) -> HttpRequest:
    """``POST /v3/contacts``. Attribute names must be upper-case and ``smtpBlacklistSender``
    needs ``updateEnabled`` (email-contacts API reference)."""
    problems: list[Problem] = []
    if not isinstance(email, str) or "@" not in email:
        problems.append(Problem("email.invalid", "email", None, {"value": repr(email)}))
    for key in attributes or {}:
        if key != key.upper():
            params = {"name": repr(key)}
            problems.append(Problem("attribute.not_upper_case", f"attributes.{key}", None, params))
    for index, list_id in enumerate(list_ids or ()):
        _positive(problems, f"listIds[{index}]", list_id)
    if smtp_blacklist_sender is not None and update_enabled is not True:
        problems.append(_only_with("smtpBlacklistSender", "updateEnabled"))
    _raise(problems)
    payload: dict[str, JsonValue] = {
        "email": email,
        "ext_id": ext_id,
        "attributes": None if attributes is None else dict(attributes),
        "emailBlacklisted": email_blacklisted,
        "smsBlacklisted": sms_blacklisted,
        "listIds": None if list_ids is None else list(list_ids),
        "updateEnabled": update_enabled,
        "smtpBlacklistSender": (
            None if smtp_blacklist_sender is None else list(smtp_blacklist_sender)
        ),
    }
    return _request(account, "POST", "/v3/contacts", payload, expects="id")


def import_contacts(
    account: ApiKey,
    *,
    file_url: str | None = None,
    file_body: str | None = None,
    json_body: Sequence[Mapping[str, JsonValue]] | None = None,
    list_ids: Sequence[int] | None = None,
    new_list: tuple[str, int | None] | None = None,
    notify_url: str | None = None,
    email_blacklist: bool | None = None,
    disable_notification: bool | None = None,
    sms_blacklist: bool | None = None,
    update_existing_contacts: bool | None = None,
    empty_contacts_attributes: bool | None = None,
) -> HttpRequest:
    """``POST /v3/contacts/import`` → ``{"processId": …}``. The body's keys are in the order
    of the reference's example (``notifyUrl`` before ``newList``), so that body is sent byte
    for byte as printed.

    At least one source (``file_url``, ``file_body`` CSV with ``;`` separators, or
    ``json_body``) — each is "Mandatory if" the other two are "not defined", and the
    reference's own example sends all three, so several are allowed — and ``list_ids`` or
    ``new_list=(list_name, folder_id)``.
    """
    problems: list[Problem] = []
    if file_url is None and file_body is None and json_body is None:
        problems.append(required_one_of("fileUrl", ("fileUrl", "fileBody", "jsonBody")))
    if file_url is not None and not file_url.startswith(("https://", "http://")):
        problems.append(Problem("import.not_http_url", "fileUrl", None, {"value": repr(file_url)}))
    for name, content in (("fileBody", file_body), ("jsonBody", json_body)):
        # a caller's body: json_bytes refuses what is not JSON
        if content is not None and len(json_bytes(content)) > MAX_IMPORT_BYTES:  # type: ignore[arg-type]
            limit = {"limit_mb": MAX_IMPORT_BYTES // 2**20, "limit": MAX_IMPORT_BYTES}
            problems.append(Problem("import.too_large", name, None, limit))
    if not list_ids and new_list is None:
        problems.append(required_one_of("listIds", ("listIds", "newList")))
    if empty_contacts_attributes is not None and update_existing_contacts is not True:
        problems.append(_only_with("emptyContactsAttributes", "updateExistingContacts"))
    _raise(problems)
    new: dict[str, JsonValue] | None = None
    if new_list is not None:
        new = {"listName": new_list[0]}
        if new_list[1] is not None:
            new["folderId"] = new_list[1]
    payload: dict[str, JsonValue] = {
        "fileUrl": file_url,
        "fileBody": file_body,
        "jsonBody": None if json_body is None else [dict(item) for item in json_body],
        "listIds": None if list_ids is None else list(list_ids),
        "notifyUrl": notify_url,
        "newList": new,
        "emailBlacklist": email_blacklist,
        "disableNotification": disable_notification,
        "smsBlacklist": sms_blacklist,
        "updateExistingContacts": update_existing_contacts,
        "emptyContactsAttributes": empty_contacts_attributes,
    }
    return _request(account, "POST", "/v3/contacts/import", payload, expects="process")


def folder_lists(
    account: ApiKey,
    folder_id: int,
    *,
    limit: int | None = None,
    offset: int | None = None,
    sort: Sort | None = None,
) -> HttpRequest:
    """``GET /v3/contacts/folders/{folderId}/lists``."""
    path, problems = fill_path("/v3/contacts/folders/{folderId}/lists", {"folderId": folder_id},
                               {"folderId": "id"})  # fmt: skip
    query = _listing(problems, limit, offset, sort)
    _raise(problems)
    return _request(account, "GET", path, query=query, expects="lists")


def list_info(account: ApiKey, list_id: int) -> HttpRequest:
    """``GET /v3/contacts/lists/{listId}``."""
    path, problems = fill_path("/v3/contacts/lists/{listId}", {"listId": list_id}, {"listId": "id"})
    _raise(problems)
    return _request(account, "GET", path, expects="list")


def contacts(
    account: ApiKey,
    *,
    limit: int | None = None,
    offset: int | None = None,
    modified_since: datetime | None = None,
    created_since: datetime | None = None,
    sort: Sort | None = None,
) -> HttpRequest:
    """``GET /v3/contacts`` with the reference's filters."""
    problems: list[Problem] = []
    query = _listing(problems, limit, offset, sort)
    query["modifiedSince"] = _since(problems, "modifiedSince", modified_since)
    query["createdSince"] = _since(problems, "createdSince", created_since)
    _raise(problems)
    return _request(account, "GET", "/v3/contacts", query=query, expects="contacts")


def list_contacts(
    account: ApiKey,
    list_id: int,
    *,
    modified_since: datetime | None = None,
    limit: int | None = None,
    offset: int | None = None,
    sort: Sort | None = None,
) -> HttpRequest:
    """``GET /v3/contacts/lists/{listId}/contacts``."""
    path, problems = fill_path("/v3/contacts/lists/{listId}/contacts", {"listId": list_id},
                               {"listId": "id"})  # fmt: skip
    query = _listing(problems, limit, offset, sort)
    query["modifiedSince"] = _since(problems, "modifiedSince", modified_since)
    _raise(problems)
    return _request(account, "GET", path, query=query, expects="contacts")
