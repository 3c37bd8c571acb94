"""The HTTP request and response as values: what a builder returns and a transport carries.

Builders (``nrscompose.providers``) produce an :class:`HttpRequest`; transports
(``nrscompose.transports``) turn it into an :class:`HttpResponse`. Nothing here opens a
socket. Header values that carry a secret (``Authorization``, ``api-key`` …) are shown as
``'***'`` in ``repr`` and ``str``, so a request can be logged or put in an exception safely.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple, TypeAlias
from urllib.parse import quote, urlsplit

__all__ = [
    "SECRET_HEADERS",
    "HttpRequest",
    "HttpResponse",
    "JsonValue",
    "QueryValue",
    "build_url",
    "encode_query",
    "header_pairs",
    "json_bytes",
]

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"
QueryValue: TypeAlias = str | int | float | bool | Sequence[str | int]

METHODS: Final = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
# RFC 9110 9.2.2: these may be repeated without changing the outcome, so may be retried.
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
SECRET_HEADERS: Final = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})
# RFC 3986 2.3: only unreserved characters stay as they are; 360nrs asks for RFC 3986 encoding
# of filters (seed 001, "Campaigns list": ``beforeDate=2019-01-01T00%3A00%3A00%2B00%3A00``).
_UNRESERVED: Final = "-._~"


def _redact(name: str, value: str) -> str:
    return "***" if name.lower() in SECRET_HEADERS else value


@dataclass(frozen=True, slots=True, repr=False)
class HttpRequest:
    """One HTTP request, ready to send with any client.

    ``method`` is upper-case; ``url`` absolute (``http`` or ``https``), query included;
    ``headers`` a tuple of ``(name, value)`` pairs in the order to send them; ``body`` the
    exact bytes (``b""`` for none). ``expects`` names the response shape the provider documents
    for this endpoint (``"send"``, ``"page"``, ``"csv"`` …), a hint for the response parser.
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    expects: str = "json"

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ValueError(f"unsupported HTTP method {self.method!r}")
        parts = urlsplit(self.url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError(f"not an absolute http(s) URL: {self.url!r}")
        if any(c in self.url for c in " \r\n\t"):
            raise ValueError("the URL contains whitespace; encode it")
        for name, value in self.headers:
            if not name or any(c in name + value for c in "\r\n\0") or ":" in name:
                raise ValueError(f"invalid header {name!r}")
        if not isinstance(self.body, bytes):
            raise TypeError("body must be bytes")

    @property
    def idempotent(self) -> bool:
        """Whether sending the request twice has the effect of sending it once (RFC 9110)."""
        return self.method in IDEMPOTENT_METHODS

    def header(self, name: str) -> str | None:
        """The value of the first header called ``name`` (case-insensitive), or ``None``."""
        wanted = name.lower()
        return next((v for n, v in self.headers if n.lower() == wanted), None)

    def json(self) -> JsonValue:
        """The body decoded as JSON (``None`` for an empty body)."""
        return json.loads(self.body) if self.body else None

    def __repr__(self) -> str:
        headers = tuple((n, _redact(n, v)) for n, v in self.headers)
        return (
            f"HttpRequest(method={self.method!r}, url={self.url!r}, headers={headers!r}, "
            f"body={self.body[:200]!r}{'…' if len(self.body) > 200 else ''})"
        )

    __str__ = __repr__


class HttpResponse(NamedTuple):
    """What a transport returns: ``status``, ``headers`` (lower-cased names), ``body`` bytes.

    A named tuple rather than a dataclass so that ``status, headers, body = response`` works
    with precise types.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")


def encode_query(query: Iterable[tuple[str, str]]) -> str:
    """``name=value&…`` with every reserved character percent-encoded (RFC 3986)."""
    return "&".join(
        f"{quote(name, safe=_UNRESERVED + '[]')}={quote(value, safe=_UNRESERVED)}"
        for name, value in query
    )


def _query_items(query: Mapping[str, QueryValue | None]) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for name, value in query.items():
        if value is None:
            continue
        if isinstance(value, bool):
            items.append((name, "1" if value else "0"))
        elif isinstance(value, str | int | float):
            items.append((name, str(value)))
        else:  # a sequence: PHP/Laravel reads ``name[]=a&name[]=b`` as an array
            items.extend((f"{name}[]", str(v)) for v in value)
    return items


def build_url(
    base_url: str, path: str, query: Mapping[str, QueryValue | None] | None = None
) -> str:
    """``base_url`` + ``path`` + the encoded ``query`` (``None`` values are left out)."""
    url = base_url.rstrip("/") + "/" + path.lstrip("/")
    encoded = encode_query(_query_items(query)) if query else ""
    return f"{url}?{encoded}" if encoded else url


def json_bytes(payload: JsonValue) -> bytes:
    """Compact UTF-8 JSON; ``NaN``/``Infinity`` are refused because JSON has no such values."""
    return json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def header_pairs(
    headers: Mapping[str, str] | Sequence[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    """Headers as the tuple of pairs :class:`HttpRequest` holds."""
    items = headers.items() if isinstance(headers, Mapping) else headers
    return tuple((str(n), str(v)) for n, v in items)
