"""The default transport: the standard library's ``urllib``, no dependency.

Redirects are not followed (the 3xx answer is returned): following one would resend the
``Authorization`` header to wherever the ``Location`` points. Each attempt runs in a worker
thread so the deadline holds; when it passes, the attempt's sockets are shut down, which ends
the worker too. The body is read a chunk at a time into a
:class:`~nrscompose.transports._bodies.BoundedBody` (``max_body``).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message
from typing import Any

from nrscompose._base.errors import TransportError
from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.transports._blocking import BlockingTransport
from nrscompose.transports._bodies import (
    CHUNK,
    DEFAULT_MAX_BODY,
    BoundedBody,
    contained,
)
from nrscompose.transports._retry import (
    DEFAULT_DEADLINE,
    RetryPolicy,
    call_within,
    expired_error,
)

__all__ = ["UrllibTransport"]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: object,
        code: int,
        msg: str,
        headers: Message,
        newurl: str,
    ) -> None:
        return None


def _headers(message: Message) -> dict[str, str]:
    return {name.lower(): value for name, value in message.items()}


# What the opener returns: an http.client.HTTPResponse, or the HTTPError that carries a 4xx or
# 5xx answer; typeshed types the opener's result as Any and an HTTPError's status as optional.
Answer = Any


class _Sockets(threading.local):
    """The sockets the current thread's attempt opened, to shut them down at the deadline."""

    def __init__(self) -> None:
        self.opened: list[socket.socket] = []


def _tracking_handlers(
    sockets: _Sockets, ssl_context: ssl.SSLContext | None
) -> list[urllib.request.BaseHandler]:
    class Connection(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            sockets.opened.append(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sockets.opened.append(self.sock)

    class Handler(urllib.request.HTTPHandler):
        def do_open(
            self, http_class: object, req: urllib.request.Request, **options: object
        ) -> http.client.HTTPResponse:
            return super().do_open(Connection, req, **options)

    class SecureHandler(urllib.request.HTTPSHandler):
        def do_open(
            self, http_class: object, req: urllib.request.Request, **options: object
        ) -> http.client.HTTPResponse:
            return super().do_open(SecureConnection, req, **options)

    return [Handler(), SecureHandler(context=ssl_context)]


def _shut_down(opened: list[socket.socket]) -> None:
    for sock in opened:
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)  # wakes the worker blocked in recv()


class UrllibTransport(BlockingTransport):
    """Sends an :class:`~nrscompose.http.HttpRequest` with ``urllib.request``.

    ``timeout`` (seconds) is required and bounds each network operation; ``deadline``
    (seconds, default :data:`~nrscompose.transports.DEFAULT_DEADLINE`) bounds the whole
    ``send``, retries and their waits included. ``retry`` applies to idempotent methods only.
    ``max_body`` (bytes, default :data:`~nrscompose.transports.DEFAULT_MAX_BODY`) bounds an
    answer's body, decoded; a larger one is a :class:`~nrscompose.errors.TransportError`.
    ``trust_env=False`` ignores proxy environment variables. ``sleep`` is how backoff waits
    (replaceable in tests).
    """

    def __init__(
        self,
        timeout: float,
        *,
        deadline: float = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        trust_env: bool = True,
        ssl_context: ssl.SSLContext | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(timeout, deadline, retry, max_body, sleep)
        self._sockets = _Sockets()
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if not trust_env:
            handlers.append(urllib.request.ProxyHandler({}))
        handlers.extend(_tracking_handlers(self._sockets, ssl_context))
        self._opener = urllib.request.build_opener(*handlers)

    def _attempt(self, request: HttpRequest, seconds: float) -> HttpResponse:
        # urllib cannot be abandoned mid-read: the sockets it opened are shut at the deadline
        opened: list[socket.socket] = []

        def attempt() -> HttpResponse:
            self._sockets.opened = opened
            return contained(
                request, lambda: self._send_within(request, min(self.timeout, seconds))
            )

        try:
            return call_within(attempt, seconds, lambda: _shut_down(opened))
        except TimeoutError:
            pass
        raise expired_error(request, self.deadline)

    def close(self) -> None:
        """Nothing to close: each attempt opens and closes its own connection."""

    def _send_within(self, request: HttpRequest, timeout: float) -> HttpResponse:
        prepared = urllib.request.Request(
            request.url,
            data=request.body or None,
            headers=dict(request.headers),
            method=request.method,
        )
        try:
            with self._open(prepared, timeout) as answer:
                headers = _headers(answer.headers)
                return HttpResponse(answer.status, headers, self._body(request, headers, answer))
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            kind = "timed out" if isinstance(reason, socket.timeout | TimeoutError) else "failed"
            # The URL is safe to show (no secret in it); headers are not shown.
            failure = TransportError(f"{request.method} {request.url} {kind}: {reason}")
        # Raised outside the handler: the library's exception must not stay reachable.
        raise failure

    def _open(self, prepared: urllib.request.Request, timeout: float) -> Answer:
        try:
            return self._opener.open(prepared, timeout=timeout)
        except urllib.error.HTTPError as error:  # 4xx/5xx/3xx: an answer, not a failure
            return error  # read outside this handler, so that no error has it as context

    def _body(
        self,
        request: HttpRequest,
        headers: dict[str, str],
        answer: Answer,
    ) -> bytes:
        # A chunk at a time: ``read()`` would allocate a declared Content-Length whole.
        body = BoundedBody(request, answer.status, headers, self.max_body)
        while chunk := answer.read(CHUNK):
            body.feed(chunk)
        return body.body()
