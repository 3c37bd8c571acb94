"""The default transport: the standard library's ``urllib``, no dependency.

Redirects are not followed (the 3xx answer is returned): following one would resend the
``Authorization`` header to wherever the ``Location`` points. Each attempt runs in a worker
thread so the deadline holds; when it passes, the attempt's sockets are shut down, which ends
the worker too.
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

from nrscompose.errors import TransportError
from nrscompose.http import HttpRequest, HttpResponse
from nrscompose.transports._retry import (
    DEFAULT_DEADLINE,
    RetryPolicy,
    call_within,
    check_timeout,
    expired_error,
    send_with_retries,
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


class _Sockets(threading.local):
    """The sockets the current thread's attempt opened, to shut them down at the deadline."""

    def __init__(self) -> None:
        self.opened: list[socket.socket] = []


def _tracking_handlers(sockets: _Sockets, ssl_context: ssl.SSLContext | None) -> list[Any]:
    class Connection(http.client.HTTPConnection):
        def connect(self) -> None:
            super().connect()
            sockets.opened.append(self.sock)

    class SecureConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            super().connect()
            sockets.opened.append(self.sock)

    class Handler(urllib.request.HTTPHandler):
        def do_open(self, http_class: Any, req: Any, **options: Any) -> Any:
            return super().do_open(Connection, req, **options)

    class SecureHandler(urllib.request.HTTPSHandler):
        def do_open(self, http_class: Any, req: Any, **options: Any) -> Any:
            return super().do_open(SecureConnection, req, **options)

    return [Handler(), SecureHandler(context=ssl_context)]


def _shut_down(opened: list[socket.socket]) -> None:
    for sock in opened:
        with contextlib.suppress(OSError):  # already closed
            sock.shutdown(socket.SHUT_RDWR)  # wakes the worker blocked in recv()


class UrllibTransport:
    """Sends an :class:`~nrscompose.http.HttpRequest` with ``urllib.request``.

    ``timeout`` (seconds) is required and bounds each network operation; ``deadline``
    (seconds, default :data:`~nrscompose.transports.DEFAULT_DEADLINE`) bounds the whole
    ``send``, retries and their waits included. ``retry`` applies to idempotent methods only.
    ``trust_env=False`` ignores proxy environment variables. ``sleep`` is how backoff waits
    (replaceable in tests).
    """

    def __init__(
        self,
        timeout: float,
        *,
        deadline: float = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        trust_env: bool = True,
        ssl_context: ssl.SSLContext | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = check_timeout(timeout)
        self.deadline = check_timeout(deadline, "deadline")
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._sockets = _Sockets()
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if not trust_env:
            handlers.append(urllib.request.ProxyHandler({}))
        handlers.extend(_tracking_handlers(self._sockets, ssl_context))
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, request: HttpRequest) -> HttpResponse:
        return send_with_retries(self._attempt, request, self.retry, self._sleep, self.deadline)

    def _attempt(self, request: HttpRequest, seconds: float) -> HttpResponse:
        opened: list[socket.socket] = []

        def attempt() -> HttpResponse:
            self._sockets.opened = opened
            return self._send_once(request, min(self.timeout, seconds))

        try:
            return call_within(attempt, seconds, lambda: _shut_down(opened))
        except TimeoutError:
            pass
        raise expired_error(request, self.deadline)

    def _send_once(self, request: HttpRequest, timeout: float) -> HttpResponse:
        prepared = urllib.request.Request(
            request.url,
            data=request.body or None,
            headers=dict(request.headers),
            method=request.method,
        )
        try:
            with self._opener.open(prepared, timeout=timeout) as answer:
                return HttpResponse(answer.status, _headers(answer.headers), answer.read())
        except urllib.error.HTTPError as error:  # 4xx/5xx/3xx: an answer, not a failure
            with error:
                body = error.read()
            return HttpResponse(error.code, _headers(error.headers), body)
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            kind = "timed out" if isinstance(reason, socket.timeout | TimeoutError) else "failed"
            # The URL is safe to show (no secret in it); headers are not shown.
            failure = TransportError(f"{request.method} {request.url} {kind}: {reason}")
        # Raised outside the handler: the library's exception must not stay reachable.
        raise failure
