"""Transports over ``httpx`` (sync and async); install the ``httpx`` extra.

``httpx`` is imported when a transport is created, so importing this module costs nothing.
Redirects are not followed, as in :mod:`.urllib_transport`. The body is read as a stream of
raw (undecoded) chunks into a :class:`~nrscompose.transports._bodies.BoundedBody`
(``max_body``, decoded size included) and the deadline checked between chunks; the sync
transport runs each attempt in a worker thread so that slow headers cannot hold the caller
past the deadline either (the abandoned worker stops at its next read or timeout), the async
one cancels the attempt. Any other exception (``httpx.InvalidURL`` is not an
``httpx.HTTPError``) comes out as :class:`~nrscompose.errors.TransportError` too.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from nrscompose._base.errors import TransportError
from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.transports._blocking import BlockingTransport
from nrscompose.transports._bodies import (
    DEFAULT_MAX_BODY,
    BoundedBody,
    accepted_encoding,
    check_max_body,
    contained_async,
)
from nrscompose.transports._retry import (
    DEFAULT_DEADLINE,
    RetryPolicy,
    check_timeout,
    expired_error,
    send_async_with_retries,
)

if TYPE_CHECKING:  # the extra may be absent where mypy runs: then these names are untyped
    import httpx

__all__ = ["AsyncHttpxTransport", "HttpxTransport"]


def _import_httpx() -> None:
    try:
        import httpx  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("HttpxTransport needs httpx: pip install 'nrscompose[httpx]'") from None


def _headers(answer: httpx.Response) -> dict[str, str]:
    return {name.lower(): value for name, value in answer.headers.items()}


def _request_headers(request: HttpRequest) -> list[tuple[str, str]]:
    return [*request.headers, *accepted_encoding(request)]


def _failure(request: HttpRequest, error: Exception) -> TransportError:
    # Only the class name of the library's error: its message and its ``request`` may carry
    # the headers, and it is not chained (the caller raises this outside the handler).
    import httpx

    kind = "timed out" if isinstance(error, httpx.TimeoutException) else "failed"
    return TransportError(f"{request.method} {request.url} {kind}: {type(error).__name__}")


class _Expired(Exception):
    """The deadline passed between two chunks of the body."""


class HttpxTransport(BlockingTransport):
    """Sends requests with an ``httpx.Client`` (its own, or ``client`` if given).

    ``timeout`` is required and bounds each network operation; ``deadline`` (default
    :data:`~nrscompose.transports.DEFAULT_DEADLINE`) bounds the whole ``send``; ``max_body``
    (default :data:`~nrscompose.transports.DEFAULT_MAX_BODY`) an answer's body, decoded. A
    given client is not closed here.
    """

    def __init__(
        self,
        timeout: float,
        *,
        deadline: float = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        client: httpx.Client | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        _import_httpx()
        import httpx

        super().__init__(timeout, deadline, retry, max_body, sleep)
        self._owned = client is None
        self._client = client or httpx.Client(trust_env=trust_env, follow_redirects=False)

    def _send_once(self, request: HttpRequest, end: float) -> HttpResponse:
        import httpx

        try:
            with self._client.stream(
                request.method,
                request.url,
                headers=_request_headers(request),
                content=request.body or None,
                timeout=min(self.timeout, end - time.monotonic()),
                follow_redirects=False,
            ) as answer:
                headers = _headers(answer)
                body = BoundedBody(request, answer.status_code, headers, self.max_body)
                for chunk in answer.iter_raw():
                    body.feed(chunk)
                    if time.monotonic() > end:
                        raise _Expired
                return HttpResponse(answer.status_code, headers, body.body())
        except httpx.HTTPError as error:
            failure = _failure(request, error)
        except _Expired:
            failure = expired_error(request, self.deadline)
        raise failure

    def close(self) -> None:
        if self._owned:
            self._client.close()


class AsyncHttpxTransport:
    """The asynchronous twin of :class:`HttpxTransport` (``await transport.send(request)``)."""

    def __init__(
        self,
        timeout: float,
        *,
        deadline: float = DEFAULT_DEADLINE,
        retry: RetryPolicy | None = None,
        max_body: int = DEFAULT_MAX_BODY,
        client: httpx.AsyncClient | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        _import_httpx()
        import httpx

        self.timeout = check_timeout(timeout)
        self.deadline = check_timeout(deadline, "deadline")
        self.retry = retry or RetryPolicy()
        self.max_body = check_max_body(max_body)
        self._sleep = sleep
        self._owned = client is None
        self._client = client or httpx.AsyncClient(trust_env=trust_env, follow_redirects=False)

    async def send(self, request: HttpRequest) -> HttpResponse:
        return await send_async_with_retries(
            self._attempt, request, self.retry, self._sleep, self.deadline
        )

    async def _attempt(self, request: HttpRequest, seconds: float) -> HttpResponse:
        return await contained_async(request, lambda: self._send_once(request, seconds))

    async def _send_once(self, request: HttpRequest, seconds: float) -> HttpResponse:
        import httpx

        try:
            async with self._client.stream(
                request.method,
                request.url,
                headers=_request_headers(request),
                content=request.body or None,
                timeout=min(self.timeout, seconds),
                follow_redirects=False,
            ) as answer:
                headers = _headers(answer)
                body = BoundedBody(request, answer.status_code, headers, self.max_body)
                async for chunk in answer.aiter_raw():
                    body.feed(chunk)
                return HttpResponse(answer.status_code, headers, body.body())
        except httpx.HTTPError as error:
            failure = _failure(request, error)
        raise failure

    async def aclose(self) -> None:
        if self._owned:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpxTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
