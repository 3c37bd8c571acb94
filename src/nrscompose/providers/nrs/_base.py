"""Credentials and the one function every 360nrs builder ends with.

Auth (API reference, "Authentication"): ``Authorization: Basic base64(username:apiPassword)``.
Every example sends ``Content-Type: application/json``; the white-label copy of the reference
(the reference's annex) writes the host as ``{{DASHBOARD_HOST}}``, so the base URL is
configurable.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Final

from nrscompose._base.errors import ArgumentError, ArgumentTypeError, ValidationError
from nrscompose._base.http import (
    HttpRequest,
    JsonValue,
    QueryValue,
    build_url,
    check_base_url,
    check_field_text,
    json_bytes,
)
from nrscompose._base.problems import Problem
from nrscompose.providers.nrs.codes import with_codes

if TYPE_CHECKING:
    from nrscompose.providers.nrs._checks import Checker

__all__ = ["DEFAULT_BASE_URL", "Credentials"]

DEFAULT_BASE_URL: Final = "https://dashboard.360nrs.com"
API_PREFIX: Final = "/api/rest"


@dataclass(frozen=True, slots=True, repr=False)
class Credentials:
    """A 360nrs API user: ``username``, ``api_password`` and the ``base_url`` of the account's
    dashboard (default the documented host). The password never appears in ``repr``/``str``;
    a ``base_url`` with a user or password in it is refused (:class:`ArgumentError`), and so
    are a control character in the username and, in the password, anything but visible ASCII
    (an API password is a generated token; ``"é€"`` has no agreed Basic-auth encoding) —
    without echoing the password.
    """

    username: str
    api_password: str = field(compare=False)
    base_url: str = DEFAULT_BASE_URL

    def __post_init__(self) -> None:
        if not isinstance(self.username, str) or not isinstance(self.api_password, str):
            raise ArgumentTypeError("username and api_password must be strings")
        if not self.username or ":" in self.username:
            # RFC 7617 2: the user-id cannot contain a colon.
            raise ArgumentError("username must be non-empty and contain no ':'")
        if not self.api_password:
            raise ArgumentError("api_password must be non-empty")
        check_field_text(self.username, "username", ascii=False)
        check_field_text(self.api_password, "api_password", secret=True)
        check_base_url(self.base_url)

    @property
    def authorization(self) -> str:
        """The ``Authorization`` header value."""
        token = base64.b64encode(f"{self.username}:{self.api_password}".encode()).decode()
        return f"Basic {token}"

    def __repr__(self) -> str:
        return (
            f"Credentials(username={self.username!r}, api_password='***', "
            f"base_url={self.base_url!r})"
        )

    __str__ = __repr__


def make_request(
    credentials: Credentials,
    method: str,
    path: str,
    *,
    query: Mapping[str, QueryValue | None] | None = None,
    payload: JsonValue | None = None,
    expects: str = "json",
    accept: str = "application/json",
) -> HttpRequest:
    """The request for ``path`` (below ``/api/rest``) with auth, JSON body and query.

    A payload that is not JSON (``NaN``, a ``set``…) is the caller's ``json.invalid``.
    """
    if not isinstance(credentials, Credentials):
        raise ArgumentTypeError("credentials must be nrscompose.providers.nrs.Credentials")
    body = b""
    if payload is not None:
        try:
            body = json_bytes(payload)
        except (TypeError, ValueError) as error:
            problem = Problem("json.invalid", "body", None, {"detail": str(error)})
            raise ValidationError(with_codes([problem])) from None
    headers = [("Authorization", credentials.authorization), ("Accept", accept)]
    if body or method in ("POST", "PUT", "PATCH"):
        headers.append(("Content-Type", "application/json"))
    url = build_url(credentials.base_url, API_PREFIX + path, query)
    return HttpRequest(method, url, tuple(headers), body, expects, frozenset({"Authorization"}))


def payload_of(**fields: object) -> dict[str, object]:
    """A request body: the fields given, those left at ``None`` omitted (the API's defaults)."""
    return {name: value for name, value in fields.items() if value is not None}


def post_checked(
    credentials: Credentials,
    path: str,
    payload: Mapping[str, object],
    checks: Checker,
    expects: str = "send",
) -> HttpRequest:
    """``POST path`` with ``payload`` once ``checks`` found nothing wrong with it; else their
    :class:`~nrscompose.errors.ValidationError`."""
    checks.raise_if_any()
    body: Any = payload  # checked values are JSON; make_request verifies it (json.invalid)
    return make_request(credentials, "POST", path, payload=body, expects=expects)
