"""Every other 360nrs endpoint as a row of data, and one function that builds any of them.

An :class:`Endpoint` says what the API reference (and its annex for the shortener, image
generator and
``showCustomFields``) documents: method, path, the query filters and body fields it accepts,
the body fields it requires, and the shape of its answer. :func:`endpoint` checks a call
against its row — unknown or missing fields, listing ``limit`` 1-1000, dates — and reports
every problem at once. The named helpers below are thin wrappers for the common calls.

Query filters are RFC 3986 encoded, as the reference asks ("The parameters must be correctly
encoded (urlencode) with respect to the RFC 3986 standard"); a ``datetime`` filter is written in
ISO 8601 UTC (``2019-01-01T00:00:00+00:00``), a body date in ``YYYYmmddHHiiss`` UTC.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Final, Literal, TypeAlias, cast
from urllib.parse import urlsplit, urlunsplit

from nrscompose._base.errors import ValidationError
from nrscompose._base.http import HttpRequest, QueryValue
from nrscompose._base.problems import Problem
from nrscompose._rules.message_rules import naive_datetime_problem
from nrscompose.providers._paths import (
    PathType,
    fill_path,
    inside,
    path_segment,
    placeholders,
    shown_value,
)
from nrscompose.providers.nrs._base import API_PREFIX, Credentials, make_request
from nrscompose.providers.nrs._checks import Checker, check_now
from nrscompose.providers.nrs._conditions import check_conditions
from nrscompose.providers.nrs._resource_checks import check_contact, check_form_fields
from nrscompose.providers.nrs.codes import with_codes
from nrscompose.providers.nrs.mail import mail_problems

__all__ = [
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
]

Expects = Literal[
    "json", "page", "item", "scheduled", "count", "shortened", "images", "csv", "html", "file",
    "none", "events-report", "keys-report", "validation-result",
]  # fmt: skip
LISTING_MAX: Final = 1000  # 360nrs API reference: "limit … Default value: 100. Maximum: 1000."


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One documented endpoint: ``path`` below ``/api/rest`` with ``{name}`` parameters."""

    method: str
    path: str
    expects: Expects = "json"
    query: frozenset[str] = frozenset()
    body: frozenset[str] = frozenset()
    required: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.required <= self.body:
            raise ValueError(f"{self.path}: required fields must be body fields")

    @property
    def path_params(self) -> tuple[str, ...]:
        return placeholders(self.path)


def _row(
    method: str,
    path: str,
    expects: Expects = "json",
    query: str = "",
    body: str = "",
    required: str = "",
) -> Endpoint:
    return Endpoint(
        method,
        path,
        expects,
        frozenset(query.split()),
        frozenset(body.split()),
        frozenset(required.split()),
    )


_LIST = "limit page"
_CONTACT = "email phone landline countryIso groupsIds groupsNames name surname customFields"
_FORM = "name editable rejectButton backgroundUrl logoUrl formFields"
_REPORT = "beforeDate afterDate"

# The API reference section by section; its annex adds ``showCustomFields`` to the events report.
ENDPOINTS: Final[Mapping[str, Endpoint]] = MappingProxyType({
    "sms.info": _row("GET", "/sms/{ids}", "page"),
    "whatsapp.conversations": _row("GET", "/whatsapp/conversations", "page", f"{_LIST} from to"),
    "whatsapp.conversation": _row("GET", "/whatsapp/conversations/{from}/{to}", "item"),
    "whatsapp.messages": _row("GET", "/whatsapp/conversations/{from}/{to}/messages", "page",
                              _LIST),
    "whatsapp.reply": _row("POST", "/whatsapp/conversations/{from}/{to}/messages", "json",
                           body="content", required="content"),
    "scheduled.list": _row("GET", "/scheduled", "scheduled", "guid type sendingId"),
    "scheduled.update": _row("PUT", "/scheduled", "count", body="guid type scheduleDate",
                             required="scheduleDate"),
    "scheduled.delete": _row("DELETE", "/scheduled", "count", body="guid type"),
    "campaigns.list": _row("GET", "/campaigns", "page",
                           f"{_LIST} name channel beforeDate afterDate"),
    "contacts.list": _row("GET", "/contacts", "page",
                          f"{_LIST} include email phone landline countryIso externalId"),
    "contacts.show": _row("GET", "/contacts/{id}", "item", "include"),
    "contacts.create": _row("POST", "/contacts", "item", body=_CONTACT),
    "contacts.update": _row("PUT", "/contacts/{id}", "item", body=_CONTACT),
    "contacts.delete": _row("DELETE", "/contacts/{id}", "none"),
    "groups.list": _row("GET", "/groups", "page", _LIST),
    "groups.show": _row("GET", "/groups/{id}", "item"),
    "groups.create": _row("POST", "/groups", "item", body="name", required="name"),
    "groups.update": _row("PUT", "/groups/{id}", "item", body="name", required="name"),
    "groups.delete": _row("DELETE", "/groups/{id}", "none"),
    "validations.list": _row("GET", "/validation/emails", "page", _LIST),
    "validations.show": _row("GET", "/validation/emails/{id}", "item"),
    "validations.result": _row("GET", "/validation/emails/{id}/result",
                               "validation-result"),
    "validations.create": _row("POST", "/validation/emails", "item",
                               body="groupsIds emails force allowRisky notificationUrl"),
    "validations.delete": _row("DELETE", "/validation/emails/{id}", "none"),
    "blacklist.list": _row("GET", "/v2/blacklist/{type}", "page", f"{_LIST} recipient sendingId"),
    "blacklist.add": _row("PUT", "/v2/blacklist/{type}", "json", body="recipient",
                          required="recipient"),
    "blacklist.remove": _row("DELETE", "/v2/blacklist/{type}", "none", body="recipient",
                             required="recipient"),
    "templates.list": _row("GET", "/templates", "page", _LIST),
    "templates.show": _row("GET", "/templates/{id}", "item"),
    "templates.create": _row("POST", "/templates", "item", body="name html",
                             required="name html"),
    "templates.update": _row("PUT", "/templates/{id}", "item", body="name html",
                             required="name html"),
    "templates.delete": _row("DELETE", "/templates/{id}", "none"),
    "templates.preview": _row("GET", "/templates/{id}/preview", "html"),
    "templates_v2.list": _row("GET", "/v2/templates", "page", _LIST),
    "templates_v2.show": _row("GET", "/v2/templates/{id}", "item"),
    "templates_v2.create": _row("POST", "/v2/templates", "item", body="name html",
                                required="name html"),
    "templates_v2.update": _row("PUT", "/v2/templates/{id}", "item", body="name html",
                                required="name html"),
    "templates_v2.delete": _row("DELETE", "/v2/templates/{id}", "none"),
    "templates_v2.preview": _row("GET", "/v2/templates/{id}/preview", "html"),
    # The heading says ``POST …/form``; every example posts to ``…/forms``: follow the examples.
    "forms.create": _row("POST", "/forms", "item", body=_FORM, required="name formFields"),
    "forms.update": _row("PUT", "/forms/{id}", "item", body=_FORM, required="name formFields"),
    "forms.list": _row("GET", "/forms", "page", _LIST),
    "forms.show": _row("GET", "/forms/{id}", "item"),
    "forms.delete": _row("DELETE", "/forms/{id}", "none"),
    "forms.preview": _row("GET", "/forms/{id}/preview", "html"),
    # Both answer ``{"data": [...]}``, one entry per URL or image (the API reference).
    "shortener.shorten": _row("POST", "/shortener/shorten", "shortened", body="urls",
                              required="urls"),
    "images.generate": _row("POST", "/images/generate", "images", body="images",
                            required="images"),
    "certificates.sms": _row("GET", "/sms/certificates/{id}", "file"),
    "certificates.mailing": _row("GET", "/mailing/certificates/{id}", "file"),
    "reports.events": _row("GET", "/sendings/{sendingId}/reports/events", "events-report",
                           f"{_REPORT} showCustomFields"),
    "reports.keys": _row("GET", "/sendings/{sendingId}/reports/keys", "keys-report", _REPORT),
    "account": _row("GET", "/account", "item"),
    "coverage.networks": _row("GET", "/sms/coverage", "page"),
    "coverage.countries": _row("GET", "/sms/coverageByCountry", "page"),
})  # fmt: skip

# Filters the reference documents as "multiple values separated by commas", with their values.
_COMMA_LISTS: Final[Mapping[str, frozenset[str]]] = MappingProxyType({
    "include": frozenset({"customFields", "groups"}),
})  # fmt: skip
_SCHEDULED: Final = frozenset({"scheduled.list", "scheduled.update", "scheduled.delete"})
_GUID_MAX: Final = 2**63 - 1  # a signed 64-bit id; longer digit strings are not converted
_CONTACT_BODIES: Final = frozenset({"contacts.create", "contacts.update"})
_FORM_BODIES: Final = frozenset({"forms.create", "forms.update"})
_TEMPLATE_BODIES: Final = frozenset({"templates.create", "templates.update",
                                     "templates_v2.create", "templates_v2.update"})  # fmt: skip
_BLACKLIST_TYPES: Final = frozenset({"sms", "mailing", "voice"})
_CAMPAIGN_CHANNELS: Final = frozenset({"sms", "mailing", "landing", "text2speech",
                                       "voice-interactive"})  # fmt: skip
_IMAGE_EXTENSIONS: Final = frozenset({"jpg", "png"})
# The type of each path parameter, by its name in :data:`ENDPOINTS`: the reference's examples
# write ids as numbers (``/contacts/1``, ``/sendings/1``), message ids as letters and digits
# (``"id": "XXXXXXXXXXXXX"``), WhatsApp's ``{from}``/``{to}`` as international numbers.
_PATH_TYPES: Final[Mapping[str, PathType]] = MappingProxyType({
    "id": "id", "sendingId": "id", "ids": "message_ids", "from": "phone", "to": "phone",
    "type": _BLACKLIST_TYPES,
})  # fmt: skip
# A certificate is asked for by the id of the certified message (``certificates/<ID>``).
_PATH_TYPE_OVERRIDES: Final[Mapping[str, Mapping[str, PathType]]] = MappingProxyType({
    "certificates.sms": {"id": "message_id"}, "certificates.mailing": {"id": "message_id"},
})  # fmt: skip
QueryInput: TypeAlias = QueryValue | datetime | None
_ACCEPT: Final = {"csv": "text/csv", "html": "text/html", "file": "*/*",
                  "events-report": "text/csv", "keys-report": "text/csv",
                  "validation-result": "text/csv"}  # fmt: skip
BodyInput = object


def _refused(kind: str, field: str, **params: object) -> ValidationError:
    """The error for one problem, with its 360nrs code."""
    return ValidationError(with_codes([Problem(kind, field, None, params)]))


def _iso8601(ch: Checker, value: datetime, field: str) -> str | None:
    naive = naive_datetime_problem(value, field)
    if naive is not None:
        ch.extend([naive])
        return None
    return value.astimezone(UTC).isoformat()


def _comma_list(ch: Checker, name: str, value: QueryInput) -> str | None:
    """``include=customFields,groups``: one filter, values joined by commas (API reference)."""
    values = [value] if isinstance(value, str) else value
    allowed = _COMMA_LISTS[name]
    if not isinstance(values, Sequence) or not values:
        ch.add("filter.no_values", name, choices=", ".join(sorted(allowed)), known=sorted(allowed))
        return None
    items = [part for item in values for part in str(item).split(",")]
    unknown = [item for item in items if item not in allowed]
    if unknown:
        shown = ", ".join(map(repr, unknown))
        choices = ", ".join(sorted(allowed))
        ch.add("filter.unknown_values", name, values=shown, choices=choices, unknown=unknown)
        return None
    return ",".join(dict.fromkeys(items))


def _guids(ch: Checker, value: object) -> int | list[int] | None:
    """``guid`` (120): an integer or a list of them; digit strings as the answers write them.

    The reference types ``guid`` as "integer, array" while its answers show ``"guid": "100"``.
    """
    values = value if isinstance(value, list | tuple) else [value]
    guids = [_guid_number(item) for item in values]
    if not values or None in guids:
        ch.add("guid.invalid", "guid", value=shown_value(value))
        return None
    numbers = [g for g in guids if g is not None]
    return numbers if isinstance(value, list | tuple) else numbers[0]


def _guid_number(value: object) -> int | None:
    """A GUID: an integer the server's 64-bit columns hold, or its ASCII digits."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= _GUID_MAX:
        return value
    return None


def _check_query(
    ch: Checker, name: str, row: Endpoint, query: Mapping[str, QueryInput]
) -> dict[str, QueryValue | None]:
    encoded: dict[str, QueryValue | None] = {}
    for filter_name, value in query.items():
        if filter_name not in row.query:
            allowed = ", ".join(sorted(row.query)) or "none"
            shown = shown_value(filter_name)
            ch.add("value.unknown_field", filter_name, name=shown, allowed=allowed)
        elif filter_name == "limit":
            encoded[filter_name] = ch.integer(value, filter_name, 1, LISTING_MAX)
        elif filter_name in _COMMA_LISTS:
            encoded[filter_name] = _comma_list(ch, filter_name, value)
        elif filter_name == "guid" and name in _SCHEDULED and value is not None:
            encoded[filter_name] = _guids(ch, value)
        elif isinstance(value, datetime):
            encoded[filter_name] = _iso8601(ch, value, filter_name)
        else:
            encoded[filter_name] = value
    return encoded


def _check_body(
    ch: Checker, name: str, row: Endpoint, body: Mapping[str, BodyInput], now: datetime | None
) -> dict[str, object]:
    payload = dict(body)
    for field_name in payload:
        if field_name not in row.body:
            allowed = ", ".join(sorted(row.body)) or "none"
            ch.add("value.unknown_field", field_name, name=shown_value(field_name), allowed=allowed)
    for field_name in sorted(row.required - payload.keys()):
        ch.add("value.required", field_name)
    check_conditions(ch, name, payload)
    if "scheduleDate" in payload:
        ch.schedule(payload, now)
    if name in _SCHEDULED and payload.get("guid") is not None:
        payload["guid"] = _guids(ch, payload["guid"])
    if name in _CONTACT_BODIES:
        check_contact(ch, payload)
    if name in _FORM_BODIES and "formFields" in payload:
        check_form_fields(ch, payload["formFields"])
    if name in _TEMPLATE_BODIES:
        ch.extend(mail_problems(payload.get("html"), "html"))
    return payload


def _path(ch: Checker, name: str, row: Endpoint, params: Mapping[str, object]) -> str:
    """``row.path`` filled by :func:`~nrscompose.providers._paths.fill_path`: each value of
    its parameter's type, percent-encoded, so that no value leads out of the endpoint."""
    types = {**_PATH_TYPES, **_PATH_TYPE_OVERRIDES.get(name, {})}
    path, problems = fill_path(row.path, params, types)
    ch.extend(problems)
    allowed = ", ".join(row.path_params) or "none"
    for unknown in sorted(set(params) - set(row.path_params), key=str):
        ch.add("value.unknown_field", str(unknown), name=shown_value(unknown), allowed=allowed)
    return path


def endpoint(
    name: str,
    credentials: Credentials,
    *,
    path: Mapping[str, object] | None = None,
    query: Mapping[str, QueryInput] | None = None,
    body: Mapping[str, BodyInput] | None = None,
    now: datetime | None = None,
) -> HttpRequest:
    """The request for the endpoint called ``name`` in :data:`ENDPOINTS`; with ``now``
    (timezone-aware), a ``scheduleDate`` in the past is 121.

    >>> endpoint("groups.show", creds, path={"id": 1})           # doctest: +SKIP
    """
    try:
        row = ENDPOINTS[name]
    except KeyError:
        choices = {"value": shown_value(name), "choices": ", ".join(ENDPOINTS)}
        raise _refused("value.choice", "endpoint", **choices) from None
    check_now(now)
    ch = Checker()
    url_path = _path(ch, name, row, path or {})
    encoded = _check_query(ch, name, row, query or {})
    payload = _check_body(ch, name, row, body, now) if body is not None else None
    if payload is None:
        # No body is every required field missing: the reference answers a group without a
        # name with 422, "The name field is required." ("Create a contact list").
        _check_body(ch, name, row, {}, now)
    ch.raise_if_any()
    accept = _ACCEPT.get(row.expects, "application/json")
    return make_request(
        credentials,
        row.method,
        url_path,
        query=encoded,
        payload=payload,  # type: ignore[arg-type]  # make_request re-checks it is JSON (125)
        expects=row.expects,
        accept=accept,
    )


def follow(next_url: str, credentials: Credentials) -> HttpRequest:
    """A ``GET`` of a listing's ``links.next`` with the same credentials.

    The credentials are only sent to the host they belong to, and only below its API: a path
    that normalises outside ``/api/rest/`` (``…/api/rest/../../admin``, ``%2e%2e``, ``%2F``
    alike, read as the strictest server would) is refused. Some documented next
    links join the page with ``&`` and no ``?`` (API reference, conversations:
    ``…/conversations&page=2``); that is repaired.
    """
    if "?" not in next_url and "&" in next_url:
        next_url = next_url.replace("&", "?", 1)
    target, own = urlsplit(next_url), urlsplit(credentials.base_url)
    if (target.scheme, target.netloc) != (own.scheme, own.netloc):
        raise _refused("next.other_host", "next", host=shown_value(target.netloc),
                       own=repr(own.netloc))  # fmt: skip
    base = own.path.rstrip("/") + API_PREFIX
    if not (target.path.startswith(base + "/") and inside(target.path, base)):
        raise _refused("next.outside_api", "next", path=shown_value(target.path), base=base)
    request = make_request(credentials, "GET", target.path[len(base) :], expects="page")
    url = urlunsplit((own.scheme, own.netloc, urlsplit(request.url).path, target.query, ""))
    return HttpRequest("GET", url, request.headers, b"", "page")


# -- named helpers --------------------------------------------------------------------------


def sms_info(ids: str | Sequence[str], credentials: Credentials) -> HttpRequest:
    """``GET /api/rest/sms/<ID>``; several ids are joined with commas (360nrs API reference).
    Each id is a message id (letters and digits), so none can hold the comma that joins them."""
    items = list(ids) if isinstance(ids, Sequence) and not isinstance(ids, str) else [ids]
    if not items:
        raise _refused("path.required", "ids", name="ids")
    for item in items:
        _segment, problem = path_segment("ids", item, "message_id")
        if problem is not None:
            raise ValidationError(with_codes([problem]))
    return endpoint("sms.info", credentials, path={"ids": ",".join(items)})


def _guid(value: object) -> object:
    """A list or tuple of GUIDs as a list; anything else as it is, for ``_guids`` to check
    (``list(b"12")`` would be ``[49, 50]``: other messages' GUIDs)."""
    return list(value) if isinstance(value, list | tuple) else value


def _scheduled_type(value: str | None) -> None:
    if value is not None and value not in ("SMS", "MAILING"):
        raise _refused("value.choice", "type", value=shown_value(value), choices="SMS, MAILING")


def scheduled_list(
    credentials: Credentials,
    *,
    guid: int | str | Sequence[int | str] | None = None,
    type: Literal["SMS", "MAILING"] | None = None,  # the API's name
    sending_id: int | None = None,
) -> HttpRequest:
    """``GET /api/rest/scheduled``; filters go in the query (``guid[]=…`` for several)."""
    _scheduled_type(type)
    query: dict[str, object] = {"type": type, "sendingId": sending_id, "guid": _guid(guid)}
    # ``endpoint`` checks every filter; a ``guid`` of another type is 120 there
    return endpoint("scheduled.list", credentials, query=cast("dict[str, QueryInput]", query))


def scheduled_update(
    credentials: Credentials,
    *,
    schedule_date: datetime | str,
    guid: int | str | Sequence[int | str] | None = None,
    type: Literal["SMS", "MAILING"] | None = None,  # the API's name
    now: datetime | None = None,
) -> HttpRequest:
    """``PUT /api/rest/scheduled``: move one, several or all scheduled messages (API reference).

    With ``now`` (timezone-aware; a naive one is an :class:`~nrscompose.errors.ArgumentError`),
    a ``schedule_date`` before it is 121, "Invalid scheduled date"."""
    _scheduled_type(type)
    body = {"guid": _guid(guid), "type": type, "scheduleDate": schedule_date}
    return endpoint(
        "scheduled.update",
        credentials,
        body={k: v for k, v in body.items() if v is not None},
        now=now,
    )


def scheduled_delete(
    credentials: Credentials,
    *,
    guid: int | str | Sequence[int | str] | None = None,
    type: Literal["SMS", "MAILING"] | None = None,  # the API's name
) -> HttpRequest:
    """``DELETE /api/rest/scheduled``; without ``guid`` every scheduled message is deleted."""
    _scheduled_type(type)
    body = {"guid": _guid(guid), "type": type}
    return endpoint(
        "scheduled.delete", credentials, body={k: v for k, v in body.items() if v is not None}
    )


def campaigns(
    credentials: Credentials,
    *,
    name: str | None = None,
    channel: str | None = None,
    before: datetime | None = None,
    after: datetime | None = None,
    limit: int | None = None,
    page: int | None = None,
) -> HttpRequest:
    """``GET /api/rest/campaigns`` with its filters; ``name`` may use ``*`` as a wildcard."""
    if channel is not None and channel not in _CAMPAIGN_CHANNELS:
        known = sorted(_CAMPAIGN_CHANNELS)
        params = {"value": repr(channel), "choices": ", ".join(known), "known": known}
        raise _refused("campaigns.unknown_channel", "channel", **params)
    query: dict[str, QueryInput] = {
        "name": name, "channel": channel, "beforeDate": before, "afterDate": after,
        "limit": limit, "page": page,
    }  # fmt: skip
    return endpoint(
        "campaigns.list", credentials, query={k: v for k, v in query.items() if v is not None}
    )


def shorten_urls(urls: Sequence[str], credentials: Credentials) -> HttpRequest:
    """``POST /api/rest/shortener/shorten``: one short URL per long URL.

    Invalid URLs are not refused here: the API answers them one by one with ``"error": true``.
    """
    if isinstance(urls, str) or not urls:
        raise _refused("shortener.no_urls", "urls")
    return endpoint("shortener.shorten", credentials, body={"urls": [{"longUrl": u} for u in urls]})


def generate_images(
    images: Mapping[str, tuple[str, bytes]], credentials: Credentials
) -> HttpRequest:
    """``POST /api/rest/images/generate``: ``{externalId: (extension, image bytes)}``;
    extensions ``jpg`` or ``png`` (360nrs API reference)."""
    ch = Checker()
    items = []
    for external_id, (extension, content) in images.items():
        if extension not in _IMAGE_EXTENSIONS:
            where = f"images.{external_id}.extension"
            known = sorted(_IMAGE_EXTENSIONS)
            ch.add("image.unknown_extension", where, value=repr(extension), known=known)
        items.append(
            {
                "externalId": external_id,
                "extension": extension,
                "base64": base64.b64encode(content).decode("ascii"),
            }
        )
    if not items:
        ch.add("images.empty", "images")
    ch.raise_if_any()
    return endpoint("images.generate", credentials, body={"images": items})


def _report(
    name: str,
    sending_id: int,
    credentials: Credentials,
    before: datetime | None,
    after: datetime | None,
    extra: Mapping[str, QueryInput],
) -> HttpRequest:
    query: dict[str, QueryInput] = {"beforeDate": before, "afterDate": after, **extra}
    return endpoint(
        name,
        credentials,
        path={"sendingId": sending_id},
        query={k: v for k, v in query.items() if v is not None},
    )


def events_report(
    sending_id: int,
    credentials: Credentials,
    *,
    before: datetime | None = None,
    after: datetime | None = None,
    show_custom_fields: bool | None = None,
) -> HttpRequest:
    """``GET /api/rest/sendings/<id>/reports/events`` (CSV)."""
    extra: dict[str, QueryInput] = {"showCustomFields": show_custom_fields}
    return _report("reports.events", sending_id, credentials, before, after, extra)


def keystroke_report(
    sending_id: int,
    credentials: Credentials,
    *,
    before: datetime | None = None,
    after: datetime | None = None,
) -> HttpRequest:
    """``GET /api/rest/sendings/<id>/reports/keys`` (CSV: phonenumber, key, message)."""
    return _report("reports.keys", sending_id, credentials, before, after, {})


def account(credentials: Credentials) -> HttpRequest:
    """``GET /api/rest/account``."""
    return endpoint("account", credentials)


def coverage(
    credentials: Credentials, *, by: Literal["network", "country"] = "network"
) -> HttpRequest:
    """``GET /api/rest/sms/coverage`` or ``/sms/coverageByCountry``."""
    if by not in ("network", "country"):
        raise _refused("coverage.unknown_by", "by", value=repr(by), known=("network", "country"))
    return endpoint("coverage.networks" if by == "network" else "coverage.countries", credentials)
