"""A transport over ``requests``; install the ``requests`` extra.

``requests`` is imported when the transport is created. Redirects are not followed, as in
:mod:`.urllib_transport` (``requests`` would otherwise resend credentials on same-host
redirects).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from nrscompose.errors import TransportError
from nrscompose.http import HttpRequest, HttpResponse
from nrscompose.transports._retry import RetryPolicy, check_timeout, send_with_retries

__all__ = ["RequestsTransport"]


def _requests() -> Any:
    try:
        import requests  # type: ignore[import-untyped, import-not-found, unused-ignore]
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "RequestsTransport needs requests: pip install 'nrscompose[requests]'"
        ) from None
    return requests


class RequestsTransport:
    """Sends requests with a ``requests.Session`` (its own, or ``session`` if given).

    ``timeout`` is required. ``session`` is typed loosely because ``requests`` ships no type
    information; pass a ``requests.Session``.
    """

    def __init__(
        self,
        timeout: float,
        *,
        retry: RetryPolicy | None = None,
        session: object | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        requests = _requests()
        self.timeout = check_timeout(timeout)
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._owned = session is None
        self._session: Any = session
        if session is None:
            self._session = requests.Session()
            self._session.trust_env = trust_env

    def send(self, request: HttpRequest) -> HttpResponse:
        return send_with_retries(self._send_once, request, self.retry, self._sleep)

    def _send_once(self, request: HttpRequest) -> HttpResponse:
        requests = _requests()
        try:
            answer = self._session.request(
                request.method,
                request.url,
                headers=dict(request.headers),
                data=request.body or None,
                timeout=self.timeout,
                allow_redirects=False,
            )
        except requests.RequestException as error:
            kind = "timed out" if isinstance(error, requests.Timeout) else "failed"
            raise TransportError(
                f"{request.method} {request.url} {kind}: {type(error).__name__}"
            ) from None
        headers = {str(k).lower(): str(v) for k, v in answer.headers.items()}
        return HttpResponse(int(answer.status_code), headers, bytes(answer.content))

    def close(self) -> None:
        if self._owned:
            self._session.close()

    def __enter__(self) -> RequestsTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
