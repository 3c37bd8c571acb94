"""The HTTP request and response as values: what a builder returns and a transport carries.

Builders (``nrscompose.providers``) produce an :class:`HttpRequest`; transports
(``nrscompose.transports``) turn it into an :class:`HttpResponse`. Nothing here opens a
socket. Header values that carry a secret are shown as ``'***'`` in ``repr`` and ``str``, so
a request can be logged or put in an exception safely: the well-known ones (``Authorization``,
``api-key`` …) and every header the builder marks in ``secret_headers`` (the builder knows
which header carries the credential). URLs with a user and password in them are refused, so a
URL is safe to show too.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final, NamedTuple, TypeAlias
from urllib.parse import quote, urlsplit

from nrscompose._base.errors import ArgumentError, ArgumentTypeError

__all__ = [
    "MAX_JSON_DEPTH",
    "SECRET_HEADERS",
    "HttpRequest",
    "HttpResponse",
    "JsonValue",
    "QueryValue",
    "build_url",
    "check_base_url",
    "check_field_text",
    "check_header_name",
    "encode_query",
    "header_pairs",
    "json_bytes",
    "load_json",
    "secret_names",
]

JsonValue: TypeAlias = "bool | int | float | str | list[JsonValue] | dict[str, JsonValue] | None"
QueryValue: TypeAlias = str | int | float | bool | Sequence[str | int]

METHODS: Final = frozenset({"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"})
# RFC 9110 9.2.2: these may be repeated without changing the outcome, so may be retried.
IDEMPOTENT_METHODS: Final = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
SECRET_HEADERS: Final = frozenset({"authorization", "api-key", "x-api-key", "proxy-authorization"})
# RFC 9110 5.1: a field name is a token; "Authorization " with a space is not a name.
_TOKEN: Final = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz"
                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # fmt: skip
# What a header value (and a multipart parameter such as a filename) may hold: visible ASCII
# and the space. RFC 9110 5.5 forbids CR, LF and NUL; every other control character (HTAB,
# VT, FF, DEL, the C1 range with NEL) is refused too, as some servers and proxies split or
# cut lines at them. Non-ASCII is refused because transports encode header values as ASCII
# (httpx) or Latin-1 (http.client), so "€" could only fail later, inside the library, with an
# error holding the whole value — a secret, for an API key.
_FIELD_TEXT: Final = frozenset(map(chr, range(0x20, 0x7F)))
# C0 (HTAB, VT, FF, CR, LF, NUL …), DEL and C1 (NEL …).
_CONTROL: Final = frozenset(map(chr, [*range(0x20), *range(0x7F, 0xA0)]))
# Never in a URL as sent: the space and every control character (httpx refuses DEL with an
# error of its own).
_URL_REFUSED: Final = _CONTROL | {" "}
# Deeper JSON than this from outside is refused: Python's parser and every recursive walk of
# the value would otherwise hit the recursion limit (``"[" * 1000``).
MAX_JSON_DEPTH: Final = 100
# RFC 3986 2.3: only unreserved characters stay as they are; 360nrs asks for RFC 3986 encoding
# of filters (API reference, "Campaigns list": ``beforeDate=2019-01-01T00%3A00%3A00%2B00%3A00``).
_UNRESERVED: Final = "-._~"


def secret_names(names: Iterable[str]) -> frozenset[str]:
    """Header names normalised for comparison (trimmed, lower-cased)."""
    return frozenset(name.strip().lower() for name in names)


def check_base_url(url: str, what: str = "base_url") -> str:
    """``url`` if it is an absolute http(s) URL without a user or password in it.

    Credentials in a URL end up in logs, reprs and error messages; the providers take them as
    headers instead.
    """
    if not isinstance(url, str):
        raise ArgumentTypeError(f"{what} must be a string")
    try:
        parts = urlsplit(url)
        absolute = parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # an unbalanced IPv6 bracket
        absolute = False
    if not absolute:
        raise ArgumentError(f"{what} must be an absolute http(s) URL")
    if "@" in parts.netloc:
        raise ArgumentError(
            f"{what} must not contain a user or password; pass credentials to the provider"
        )
    return url


def check_field_text(value: str, what: str, *, secret: bool = False, ascii: bool = True) -> str:
    """``value`` if it can be sent as a header value: visible ASCII characters and spaces
    (with ``ascii=False``, as a multipart parameter such as a filename: any character but a
    control character); else :class:`ArgumentError` naming ``what`` and the first bad
    character — or only ``what`` when the value is a ``secret``, never echoed."""
    if not isinstance(value, str):
        raise ArgumentTypeError(f"{what} must be a string")
    if _FIELD_TEXT.issuperset(value) if ascii else _CONTROL.isdisjoint(value):
        return value  # the usual case, at C speed
    bad = next(i for i, c in enumerate(value) if _refused(c, ascii=ascii))
    rule = (
        "only visible ASCII characters and spaces can be sent"
        if ascii
        else "control characters cannot be sent"
    )
    if secret:
        raise ArgumentError(f"{what} holds a character that cannot be sent: {rule}")
    char = value[bad]
    kind = "a control character" if _refused(char, ascii=False) else "a non-ASCII character"
    raise ArgumentError(f"{what} holds {kind} (U+{ord(char):04X} at index {bad}): {rule}")


def check_header_name(name: str) -> str:
    """``name`` if it is a field name (RFC 9110 5.1: a token), else :class:`ArgumentError`."""
    if not isinstance(name, str) or not name or not set(name) <= _TOKEN:
        raise ArgumentError(f"invalid header name {name!r}")
    return name


def _refused(char: str, *, ascii: bool) -> bool:
    return char not in _FIELD_TEXT if ascii else char in _CONTROL


@dataclass(frozen=True, slots=True, repr=False)
class HttpRequest:
    """One HTTP request, ready to send with any client.

    ``method`` is upper-case; ``url`` absolute (``http`` or ``https``), query included;
    ``headers`` a tuple of ``(name, value)`` pairs in the order to send them; ``body`` the
    exact bytes (``b""`` for none). ``expects`` names the response shape the provider documents
    for this endpoint (``"send"``, ``"page"``, ``"csv"`` …), a hint for the response parser.
    ``secret_headers`` names the headers whose values are hidden in ``repr`` besides
    :data:`SECRET_HEADERS` (compared without case).
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes = b""
    expects: str = "json"
    secret_headers: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.method not in METHODS:
            raise ArgumentError(f"unsupported HTTP method {self.method!r}")
        if not isinstance(self.url, str) or not _URL_REFUSED.isdisjoint(self.url):
            raise ArgumentError("the URL contains whitespace or a control character; encode it")
        check_base_url(self.url, "the URL")
        object.__setattr__(self, "secret_headers", secret_names(self.secret_headers))
        for name, value in self.headers:
            check_header_name(name)
            if not (isinstance(value, str) and _FIELD_TEXT.issuperset(value)):  # the usual case
                what = f"the value of header {name!r}"
                check_field_text(value, what, secret=self.is_secret(name))
        if not isinstance(self.body, bytes):
            raise ArgumentTypeError("body must be bytes")

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

    def is_secret(self, name: str) -> bool:
        """Whether the value of header ``name`` is a secret, hidden when shown."""
        normalised = name.strip().lower()
        return normalised in SECRET_HEADERS or normalised in self.secret_headers

    def shown_headers(self, *, show_secrets: bool = False) -> tuple[tuple[str, str], ...]:
        """The headers as a person may see them: a secret's value is ``***``, after its
        authorization scheme when it has one (``Basic ***``)."""
        if show_secrets:
            return self.headers
        return tuple((n, _hidden(v) if self.is_secret(n) else v) for n, v in self.headers)

    def as_json(self, *, show_secrets: bool = False) -> dict[str, JsonValue]:
        """A JSON-ready dict: method, URL, headers (secrets hidden) and the body as JSON."""
        return {
            "method": self.method,
            "url": self.url,
            "headers": dict(self.shown_headers(show_secrets=show_secrets)),
            "body": self.json(),
        }

    def __repr__(self) -> str:
        headers = tuple((n, "***" if self.is_secret(n) else v) for n, v in self.headers)
        return (
            f"HttpRequest(method={self.method!r}, url={self.url!r}, headers={headers!r}, "
            f"body={self.body[:200]!r}{'…' if len(self.body) > 200 else ''})"
        )

    __str__ = __repr__


def _hidden(value: str) -> str:
    scheme, space, _ = value.partition(" ")
    return f"{scheme} ***" if space and scheme.isalpha() else "***"


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


def load_json(text: str | bytes) -> JsonValue:
    """JSON that came from outside: ``ValueError`` for text that is not JSON, an integer of
    more digits than Python converts, or nesting deeper than :data:`MAX_JSON_DEPTH` — never
    ``RecursionError``."""
    try:
        value: JsonValue = json.loads(text)
    except RecursionError:
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels") from None
    if _nested_deeper(value, MAX_JSON_DEPTH):
        raise ValueError(f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    return value


def _nested_deeper(value: JsonValue, limit: int) -> bool:
    # Iterative, so that measuring a deep value cannot itself hit the recursion limit.
    if not isinstance(value, dict | list):
        return False
    stack: list[tuple[dict[str, JsonValue] | list[JsonValue], int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


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
