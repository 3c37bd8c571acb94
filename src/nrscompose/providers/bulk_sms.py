"""A bulk SMS API described without paths (seed 004): payloads here, routes from the caller.

The seed documents individual and bulk sends (``destination``, ``message``, ``campaign_pk``),
contact lists, deployments and opt-outs, but no URL, method or authentication. So a
:class:`BulkSmsApi` holds the caller's routes (``{"send": Route("POST", "/sms/send/")}`` …)
and headers; a builder for a route that was not configured says so.

Billing (seed 004): "The message will be split into 160 character chunks with each chunk
costing 1 credit" — characters, not septets, and no concatenation header: the core's
``flat160`` profile. :func:`credits` counts with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final

from nrscompose.analysis import analyze
from nrscompose.destinations import normalize_phone
from nrscompose.errors import Problem, ValidationError
from nrscompose.http import HttpRequest, JsonValue, build_url, json_bytes
from nrscompose.problems import invalid

__all__ = [
    "PROFILE",
    "ROUTES",
    "BulkSmsApi",
    "Route",
    "bulk_credits",
    "contact_lists",
    "credits",
    "deployments",
    "opt_outs",
    "overwrite_opt_out",
    "send_bulk",
    "send_sms",
]

PROFILE: Final = "flat160"
# The operations the seed describes; each needs a configured route.
ROUTES: Final = frozenset(
    {"send", "send_bulk", "contact_lists", "deployments", "opt_outs", "opt_out_overwrite"}
)


@dataclass(frozen=True, slots=True)
class Route:
    """An operation's ``method`` and ``path`` (``{id}`` is replaced where the path has it)."""

    method: str
    path: str

    def __post_init__(self) -> None:
        if self.method not in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            raise ValueError(f"unsupported method {self.method!r}")
        if not self.path.startswith("/"):
            raise ValueError("a route path starts with '/'")


@dataclass(frozen=True, slots=True, repr=False)
class BulkSmsApi:
    """Where and how to reach the provider: ``base_url``, ``routes`` by operation name (see
    :data:`ROUTES`), and ``headers`` sent with every request (authentication; hidden in
    ``repr``)."""

    base_url: str
    routes: Mapping[str, Route]
    headers: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def __post_init__(self) -> None:
        if not self.base_url.startswith(("https://", "http://")):
            raise ValueError("base_url must be an http(s) URL")
        unknown = set(self.routes) - ROUTES
        if unknown:
            raise ValueError(f"unknown operations {sorted(unknown)}; known: {sorted(ROUTES)}")

    def __repr__(self) -> str:
        return f"BulkSmsApi(base_url={self.base_url!r}, routes={dict(self.routes)!r}, headers=***)"

    def request(
        self,
        operation: str,
        payload: JsonValue | None = None,
        *,
        ident: str | int | None = None,
        query: Mapping[str, str | None] | None = None,
    ) -> HttpRequest:
        route = self.routes.get(operation)
        if route is None:
            raise ValidationError.invalid(
                "routes", f"no route configured for {operation!r}: the API reference gives no paths"
            )
        path = route.path.replace("{id}", str(ident)) if ident is not None else route.path
        headers = [*self.headers.items(), ("Accept", "application/json")]
        body = b""
        if payload is not None:
            headers.append(("Content-Type", "application/json"))
            body = json_bytes(payload)
        return HttpRequest(
            route.method, build_url(self.base_url, path, query), tuple(headers), body
        )


def credits(message: str) -> int:
    """Credits one message costs: one per started 160-character chunk (seed 004)."""
    return analyze(message, profile=PROFILE).parts


def _message(
    problems: list[Problem], prefix: str, destination: str, message: str
) -> dict[str, JsonValue]:
    number = normalize_phone(destination) if isinstance(destination, str) else None
    if number is None:
        problems.append(
            invalid(
                prefix + "destination",
                f"{destination!r} is not in international format (e.g. 27815854565)",
            )
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
    """Bulk messages: ``[{"destination", "message"}, …]`` as the seed's example, each item
    with ``campaign_pk`` when given."""
    problems: list[Problem] = []
    items: list[JsonValue] = []
    for index, (destination, message) in enumerate(messages):
        item = _message(problems, f"[{index}].", destination, message)
        if campaign_pk is not None:
            item["campaign_pk"] = campaign_pk
        items.append(item)
    if not items:
        problems.append(invalid("messages", "give at least one message"))
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
