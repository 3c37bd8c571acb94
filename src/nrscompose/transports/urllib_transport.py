"""The default transport: the standard library's ``urllib``, no dependency.

Redirects are not followed (the 3xx answer is returned): following one would resend the
``Authorization`` header to wherever the ``Location`` points.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from email.message import Message

from nrscompose.errors import TransportError
from nrscompose.http import HttpRequest, HttpResponse
from nrscompose.transports._retry import RetryPolicy, check_timeout, send_with_retries

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


class UrllibTransport:
    """Sends an :class:`~nrscompose.http.HttpRequest` with ``urllib.request``.

    ``timeout`` (seconds) is required. ``retry`` applies to idempotent methods only.
    ``trust_env=False`` ignores proxy environment variables. ``sleep`` is how backoff waits
    (replaceable in tests).
    """

    def __init__(
        self,
        timeout: float,
        *,
        retry: RetryPolicy | None = None,
        trust_env: bool = True,
        ssl_context: ssl.SSLContext | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.timeout = check_timeout(timeout)
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        handlers: list[urllib.request.BaseHandler] = [_NoRedirect()]
        if not trust_env:
            handlers.append(urllib.request.ProxyHandler({}))
        if ssl_context is not None:
            handlers.append(urllib.request.HTTPSHandler(context=ssl_context))
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, request: HttpRequest) -> HttpResponse:
        return send_with_retries(self._send_once, request, self.retry, self._sleep)

    def _send_once(self, request: HttpRequest) -> HttpResponse:
        prepared = urllib.request.Request(
            request.url,
            data=request.body or None,
            headers=dict(request.headers),
            method=request.method,
        )
        try:
            with self._opener.open(prepared, timeout=self.timeout) as answer:
                return HttpResponse(answer.status, _headers(answer.headers), answer.read())
        except urllib.error.HTTPError as error:  # 4xx/5xx/3xx: an answer, not a failure
            with error:
                body = error.read()
            return HttpResponse(error.code, _headers(error.headers), body)
        except (urllib.error.URLError, http.client.HTTPException, OSError) as error:
            reason = getattr(error, "reason", error)
            kind = "timed out" if isinstance(reason, socket.timeout | TimeoutError) else "failed"
            # The URL is safe to show (no secret in it); headers are not shown.
            raise TransportError(f"{request.method} {request.url} {kind}: {reason}") from None
