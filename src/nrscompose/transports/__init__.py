"""Transports: carry an :class:`~nrscompose.http.HttpRequest` and return an
:class:`~nrscompose.http.HttpResponse` ``(status, headers, body)``.

They are the only code in the package that touches the network, and they know nothing about
any provider. :class:`UrllibTransport` (standard library) is the default; ``HttpxTransport``,
``AsyncHttpxTransport`` (extra ``httpx``) and ``RequestsTransport`` (extra ``requests``) import
their library when created. All require a ``timeout`` (each network operation) and hold a
total ``deadline`` per ``send`` (default :data:`DEFAULT_DEADLINE` seconds: connecting, headers,
body, retries and their waits), bound an answer's body, decoded size included, at ``max_body``
bytes (default :data:`DEFAULT_MAX_BODY`, 64 MiB; a larger one, a gzip bomb or a declared
10 GB ``Content-Length`` is a ``TransportError`` before it costs memory), retry only
idempotent methods, with exponential backoff or the server's ``Retry-After`` (RFC 9110), and
never follow redirects (that would resend credentials). Their errors are
:class:`~nrscompose.errors.TransportError` with the method, the URL and the reason, and keep
no exception of the underlying library reachable (its request holds the ``Authorization``
header); no other exception comes out of ``send``.
"""

from __future__ import annotations

from typing import Protocol

from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.transports._bodies import DEFAULT_MAX_BODY
from nrscompose.transports._retry import DEFAULT_DEADLINE, RetryPolicy
from nrscompose.transports.httpx_transport import AsyncHttpxTransport, HttpxTransport
from nrscompose.transports.requests_transport import RequestsTransport
from nrscompose.transports.urllib_transport import UrllibTransport

__all__ = [
    "DEFAULT_DEADLINE",
    "DEFAULT_MAX_BODY",
    "AsyncHttpxTransport",
    "AsyncTransport",
    "HttpxTransport",
    "RequestsTransport",
    "RetryPolicy",
    "Transport",
    "UrllibTransport",
]


class Transport(Protocol):
    """Anything that sends a request and returns the response."""

    def send(self, request: HttpRequest) -> HttpResponse: ...


class AsyncTransport(Protocol):
    async def send(self, request: HttpRequest) -> HttpResponse: ...
