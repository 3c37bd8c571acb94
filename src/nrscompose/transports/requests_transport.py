"""A transport over ``requests``; install the ``requests`` extra.

``requests`` is imported when the transport is created. Redirects are not followed, as in
:mod:`.urllib_transport` (``requests`` would otherwise resend credentials on same-host
redirects). Each attempt runs in a worker thread and reads the body as a stream, checking
the deadline between chunks, so that a slow server cannot hold the caller past the deadline;
the raw chunks go into a :class:`~nrscompose.transports._bodies.BoundedBody` (``max_body``,
decoded size included). urllib3's own errors on a reset or a short body (``ProtocolError``)
come out as :class:`~nrscompose.errors.TransportError` like the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from nrscompose._base.errors import TransportError
from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.transports._blocking import BlockingTransport
from nrscompose.transports._bodies import (
    CHUNK,
    DEFAULT_MAX_BODY,
    BoundedBody,
    accepted_encoding,
)
from nrscompose.transports._retry import (
    DEFAULT_DEADLINE,
    RetryPolicy,
    expired_error,
)

__all__ = ["RequestsTransport"]


def _requests() -> Any:
    try:
        import requests
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError(
            "RequestsTransport needs requests: pip install 'nrscompose[requests]'"
        ) from None
    return requests


def _read_until(answer: Any, body: BoundedBody, end: float) -> bytes | None:
    """The body, or ``None`` when the deadline passes first (checked after every read)."""
    # read1: at most one read from the socket, so a server sending a byte at a time is
    # checked against the deadline after every byte. Undecoded: BoundedBody inflates it.
    while chunk := answer.raw.read1(CHUNK, decode_content=False):
        body.feed(chunk)
        if time.monotonic() > end:
            return None
    return body.body()


class RequestsTransport(BlockingTransport):
    """Sends requests with a ``requests.Session`` (its own, or ``session`` if given).

    ``timeout`` is required and bounds each network operation; ``deadline`` (default
    :data:`~nrscompose.transports.DEFAULT_DEADLINE`) bounds the whole ``send``; ``max_body``
    (default :data:`~nrscompose.transports.DEFAULT_MAX_BODY`) an answer's body, decoded.
    ``session`` is typed loosely because ``requests`` ships no type information; pass a
    ``requests.Session``.
    """

    def __init__(
        self,
        timeout: float,
        *,
        deadline: float = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        session: object | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        requests = _requests()
        super().__init__(timeout, deadline, retry, max_body, sleep)
        self._owned = session is None
        self._session: Any = session
        if session is None:
            self._session = requests.Session()
            self._session.trust_env = trust_env

    def _send_once(self, request: HttpRequest, end: float) -> HttpResponse:
        requests = _requests()
        # urllib3 ships types from 2.0; 1.x has none (requests allows both)
        import urllib3  # type: ignore[import-untyped, import-not-found, unused-ignore]

        try:
            answer = self._session.request(
                request.method,
                request.url,
                headers=dict([*request.headers, *accepted_encoding(request)]),
                data=request.body or None,
                timeout=min(self.timeout, end - time.monotonic()),
                allow_redirects=False,
                stream=True,
            )
            with answer:
                headers = {str(k).lower(): str(v) for k, v in answer.headers.items()}
                bounded = BoundedBody(request, answer.status_code, headers, self.max_body)
                body = _read_until(answer, bounded, end)
        except (requests.RequestException, urllib3.exceptions.HTTPError) as error:
            # Only the class name: the exception holds the request, Authorization included,
            # and it is not chained (raised outside the handler).
            timeout = (requests.Timeout, urllib3.exceptions.TimeoutError)
            kind = "timed out" if isinstance(error, timeout) else "failed"
            failure = TransportError(
                f"{request.method} {request.url} {kind}: {type(error).__name__}"
            )
        else:
            if body is not None:
                return HttpResponse(int(answer.status_code), headers, body)
            failure = expired_error(request, self.deadline)
        raise failure

    def close(self) -> None:
        if self._owned:
            self._session.close()
