"""The bulk sms request builders (the package docstring says what the API is)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Literal

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.http import (
    HttpRequest,
    JsonValue,
    build_url,
    check_base_url,
    check_field_text,
    check_header_name,
    json_bytes,
)
from nrscompose._base.problems import Problem
from nrscompose._counting.analysis import analyze
from nrscompose._rules.destinations import normalize_phone
from nrscompose.providers._paths import fill_path, placeholders
from nrscompose.providers.bulk_sms.responses import multipart_file

__all__ = [
    "PROFILE",
    "ROUTES",
    "BulkSmsApi",
    "Route",
    "batch_contacts",
    "bulk_credits",
    "company",
    "contact",
    "contact_lists",
    "create_batch_contacts",
    "credits",
    "delete_contact",
    "delete_contact_list",
    "deployment_report",
    "deployment_stats",
    "deployments",
    "import_contact_lists",
    "import_deployments",
    "opt_outs",
    "overwrite_opt_out",
    "refresh_contact_lists",
    "save_contacts",
    "send_bulk",
    "send_sms",
    "update_company",
    "update_contact",
]

PROFILE: Final = "flat160"
# The operations the reference describes, each with the record its answer holds; each needs
# a configured route. "Retrieving updating and destroying of individual contacts" is three
# operations, "Listing and Creation of batch contacts" two, the stats four periods.
_ANSWERS: Final[Mapping[str, str]] = MappingProxyType({
    "send": "record", "send_bulk": "record",
    "contact_lists": "contact_list",
    "company": "record", "company_update": "record",
    "batch_contacts": "record", "batch_contacts_create": "record",
    "contact_lists_import": "record", "contact_lists_refresh": "record",
    "contact_list_delete": "record", "contact_list_save_contacts": "record",
    "contact": "record", "contact_update": "record", "contact_delete": "record",
    "deployments": "deployment", "deployments_import": "deployment",
    "deployment_report": "record",
    "stats_hourly": "stats", "stats_daily": "stats", "stats_monthly": "stats",
    "stats_yearly": "stats",
    "opt_outs": "opt_out", "opt_out_overwrite": "record",
})  # fmt: skip
ROUTES: Final = frozenset(_ANSWERS)
_STATS_PERIODS: Final = {"hour": "stats_hourly", "day": "stats_daily", "month": "stats_monthly",
                         "year": "stats_yearly"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Route:
    """An operation's ``method`` and ``path`` (``{id}`` is replaced where the path has it)."""

    method: str
    path: str

    def __post_init__(self) -> None:
        if self.method not in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            raise ArgumentError(f"unsupported method {self.method!r}")
        if not isinstance(self.path, str) or not self.path.startswith("/"):
            raise ArgumentError("a route path starts with '/'")


@dataclass(frozen=True, slots=True, repr=False)
class BulkSmsApi:
    """Where and how to reach the provider: ``base_url``, ``routes`` by operation name (see
    :data:`ROUTES`), and ``headers`` sent with every request (authentication: hidden in
    ``repr`` and in the ``repr`` of every request built)."""

    base_url: str
    routes: Mapping[str, Route]
    headers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        check_base_url(self.base_url)
        for name, value in self.headers.items():  # the account's secrets: never echoed
            check_header_name(name)
            check_field_text(value, f"the value of header {name!r}", secret=True)
        unknown = set(self.routes) - ROUTES
        if unknown:
            raise ArgumentError(f"unknown operations {sorted(unknown)}; known: {sorted(ROUTES)}")

    def __repr__(self) -> str:
        return f"BulkSmsApi(base_url={self.base_url!r}, routes={dict(self.routes)!r}, headers=***)"

    def request(
        self,
        operation: str,
        payload: JsonValue | None = None,
        *,
        ident: str | int | None = None,
        query: Mapping[str, str | None] | None = None,
        path_params: Mapping[str, str | int] | None = None,
        upload: tuple[bytes, str] | None = None,
    ) -> HttpRequest:
        """The request for ``operation``: ``payload`` as JSON or ``upload`` (body, content
        type) as it is; ``path_params`` fill the route's ``{name}`` placeholders (``ident``
        fills ``{id}``)."""
        route = self.routes.get(operation)
        if route is None:
            raise ValidationError.single(
                "route.not_configured",
                "routes",
                None,
                {"operation": repr(operation), "configured": sorted(self.routes)},
            )
        params: dict[str, object] = dict(path_params or {})
        if ident is not None:
            params.setdefault("id", ident)
        path = _fill(route.path, operation, params)
        headers = [*self.headers.items(), ("Accept", "application/json")]
        body = b""
        if upload is not None:
            body = upload[0]
            headers.append(("Content-Type", upload[1]))
        elif payload is not None:
            headers.append(("Content-Type", "application/json"))
            body = json_bytes(payload)
        url = build_url(self.base_url, path, query)
        # These headers are the account's authentication: hidden wherever the request shows.
        secret = frozenset(self.headers)
        return HttpRequest(route.method, url, tuple(headers), body, _ANSWERS[operation], secret)


def _fill(path: str, operation: str, params: Mapping[str, object]) -> str:
    """``path`` with each placeholder replaced by its id (every identifier of the reference's
    schemas is an ``int``); every identifier needs its placeholder."""
    wanted = set(placeholders(path))
    # ``{id}`` may stand for the one identifier an operation takes.
    if "id" in wanted and "id" not in params and len(params) == 1:
        params = {"id": next(iter(params.values()))}
    missing, unused = sorted(wanted - params.keys()), sorted(params.keys() - wanted)
    problems = [_route_problem("route.missing_value", operation, name) for name in missing]
    problems += [_route_problem("route.missing_placeholder", operation, name)
                 for name in unused]  # fmt: skip
    filled = path
    if not problems:
        filled, problems = fill_path(path, params, dict.fromkeys(wanted, "id"))
    if problems:
        raise ValidationError(problems)
    return filled


def _route_problem(kind: str, operation: str, name: str) -> Problem:
    return Problem(
        kind, "routes", None, {"operation": repr(operation), "placeholder": "{" + name + "}"}
    )


def credits(message: str) -> int:
    """Credits one message costs: one per started 160-character chunk (bulk-SMS API reference)."""
    return analyze(message, profile=PROFILE).parts


def _message(
    problems: list[Problem], prefix: str, destination: str, message: str
) -> dict[str, JsonValue]:
    number = normalize_phone(destination) if isinstance(destination, str) else None
    if number is None:
        problems.append(
            Problem("recipient.invalid", prefix + "destination", None, {"value": repr(destination)})
        )
    if not isinstance(message, str) or not message:
        problems.append(Problem("text.required", prefix + "message"))
    return {"destination": number or destination, "message": message}


def send_sms(
    api: BulkSmsApi, destination: str, message: str, *, campaign_pk: int | None = None
) -> HttpRequest:
    """An individual message: ``{"destination", "message", "campaign_pk"}``."""
    problems: list[Problem] = []
    payload = _message(problems, "", destination, message)
    if campaign_pk is not None:
        payload["campaign_pk"] = campaign_pk
    if problems:
        raise ValidationError(problems)
    return api.request("send", payload)


def send_bulk(
    api: BulkSmsApi,
    messages: Iterable[tuple[str, str]],
    *,
    campaign_pk: int | None = None,
) -> HttpRequest:
    """Bulk messages: ``[{"destination", "message"}, …]`` as the reference's example, each item
    with ``campaign_pk`` when given."""
    problems: list[Problem] = []
    items: list[JsonValue] = []
    for index, (destination, message) in enumerate(messages):
        item = _message(problems, f"[{index}].", destination, message)
        if campaign_pk is not None:
            item["campaign_pk"] = campaign_pk
        items.append(item)
    if not items:
        problems.append(Problem("messages.empty", "messages"))
    if problems:
        raise ValidationError(problems)
    return api.request("send_bulk", items)


def bulk_credits(messages: Sequence[tuple[str, str]]) -> int:
    """Credits of a bulk send: the sum of each message's chunks."""
    return sum(credits(message) for _destination, message in messages)


def contact_lists(api: BulkSmsApi) -> HttpRequest:
    """ "Lists available contact lists for a company"."""
    return api.request("contact_lists")


def deployments(api: BulkSmsApi) -> HttpRequest:
    return api.request("deployments")


def opt_outs(api: BulkSmsApi, *, originator: str | None = None) -> HttpRequest:
    """ "Allows for opt outs to be filtered by originator as a query string"."""
    return api.request("opt_outs", query={"originator": originator})


def overwrite_opt_out(
    api: BulkSmsApi, opt_out_id: int, *, reason: str | None = None
) -> HttpRequest:
    """ "Allows for an optout to be overwritten"; the route's path may hold ``{id}``."""
    payload: dict[str, JsonValue] = {"id": opt_out_id}
    if reason is not None:
        payload["reason"] = reason
    return api.request("opt_out_overwrite", payload, ident=opt_out_id)


# -- contact lists, contacts, deployments and stats -------------------------------------------


def _identifier(problems: list[Problem], name: str, value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        problems.append(Problem("id.not_positive_integer", name, None, {"value": repr(value)}))


def _ids(**values: object) -> dict[str, str | int]:
    problems: list[Problem] = []
    for name, value in values.items():
        if value is not None:
            _identifier(problems, name, value)
    if problems:
        raise ValidationError(problems)
    return {name: value for name, value in values.items() if isinstance(value, int)}


def _changes(changes: Mapping[str, JsonValue], name: str = "changes") -> dict[str, JsonValue]:
    if not isinstance(changes, Mapping) or not changes:
        raise ValidationError.single("changes.empty", name)
    return dict(changes)


def company(api: BulkSmsApi) -> HttpRequest:
    """ "Allows the retrieval … of company details": the company's record."""
    return api.request("company")


def update_company(api: BulkSmsApi, changes: Mapping[str, JsonValue]) -> HttpRequest:
    """ "Allows the … updating of company details"; ``changes`` by the API's field names."""
    return api.request("company_update", _changes(changes))


def batch_contacts(api: BulkSmsApi, list_id: int) -> HttpRequest:
    """ "Listing … of batch contacts for a contact list"."""
    return api.request("batch_contacts", path_params=_ids(list_id=list_id))


def create_batch_contacts(
    api: BulkSmsApi, list_id: int, contacts: Sequence[Mapping[str, JsonValue]]
) -> HttpRequest:
    """ "… Creation of batch contacts for a contact list": a JSON list of contacts."""
    params = _ids(list_id=list_id)
    if isinstance(contacts, str | bytes) or not contacts:
        raise ValidationError.single("contacts.empty", "contacts")
    bad = [i for i, c in enumerate(contacts) if not isinstance(c, Mapping) or not c]
    if bad:
        raise ValidationError([Problem("contacts.not_mapping", f"contacts[{i}]") for i in bad])
    items: list[JsonValue] = [dict(contact) for contact in contacts]
    return api.request("batch_contacts_create", items, path_params=params)


def _csv_upload(content: bytes, filename: str) -> tuple[bytes, str]:
    if not isinstance(content, bytes) or not content:
        raise ValidationError.single("upload.no_csv", "file")
    if not filename or any(c in filename for c in '\r\n"'):
        raise ArgumentError(f"filename {filename!r} must be one line without quotes")
    return multipart_file("file", filename, content)


def import_contact_lists(
    api: BulkSmsApi, csv: bytes, *, filename: str = "contacts.csv"
) -> HttpRequest:
    """ "Imports contact lists from uploaded CSV files": ``csv`` in the ``file`` field."""
    return api.request("contact_lists_import", upload=_csv_upload(csv, filename))


def import_deployments(
    api: BulkSmsApi, csv: bytes, *, filename: str = "deployments.csv"
) -> HttpRequest:
    """ "Imports deployments from uploaded CSV files"; answers the deployment."""
    return api.request("deployments_import", upload=_csv_upload(csv, filename))


def refresh_contact_lists(api: BulkSmsApi, list_id: int | None = None) -> HttpRequest:
    """ "Refreshes and populates contact lists containing saved queries" (one, or all when
    the route has no ``{list_id}``)."""
    return api.request("contact_lists_refresh", path_params=_ids(list_id=list_id))


def delete_contact_list(api: BulkSmsApi, list_id: int) -> HttpRequest:
    """ "Provides the ability to delete contact lists"."""
    return api.request("contact_list_delete", path_params=_ids(list_id=list_id))


def save_contacts(
    api: BulkSmsApi, list_id: int, task: Mapping[str, JsonValue] | None = None
) -> HttpRequest:
    """ "… launch a task to save contacts to a contact list"; ``task`` any fields to send."""
    payload = None if task is None else _changes(task, "task")
    return api.request("contact_list_save_contacts", payload, path_params=_ids(list_id=list_id))


def contact(api: BulkSmsApi, list_id: int, contact_id: int) -> HttpRequest:
    """ "Retrieving … of individual contacts for a contact list"."""
    return api.request("contact", path_params=_ids(list_id=list_id, contact_id=contact_id))


def update_contact(
    api: BulkSmsApi, list_id: int, contact_id: int, changes: Mapping[str, JsonValue]
) -> HttpRequest:
    """ "… updating … of individual contacts"; ``changes`` by the API's field names."""
    params = _ids(list_id=list_id, contact_id=contact_id)
    return api.request("contact_update", _changes(changes), path_params=params)


def delete_contact(api: BulkSmsApi, list_id: int, contact_id: int) -> HttpRequest:
    """ "… destroying of individual contacts for a contact list"."""
    params = _ids(list_id=list_id, contact_id=contact_id)
    return api.request("contact_delete", path_params=params)


def deployment_report(api: BulkSmsApi, deployment_id: int) -> HttpRequest:
    """ "Allows for a deployment report to be generated and placed inside the company/user
    filebox"."""
    return api.request("deployment_report", path_params=_ids(deployment_id=deployment_id))


def deployment_stats(
    api: BulkSmsApi,
    period: Literal["hour", "day", "month", "year"],
    *,
    deployment_id: int | None = None,
) -> HttpRequest:
    """ "Provides stats for messages coming into a deployments by hour" (day, month, year):
    the operations ``stats_hourly`` … ``stats_yearly``."""
    operation = _STATS_PERIODS.get(period)
    if operation is None:
        raise ArgumentError(f"period {period!r} is not one of {', '.join(_STATS_PERIODS)}")
    return api.request(operation, path_params=_ids(deployment_id=deployment_id))
