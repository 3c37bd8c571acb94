"""Transports over ``httpx`` (sync and async); install the ``httpx`` extra.

``httpx`` is imported when a transport is created, so importing this module costs nothing.
Redirects are not followed, as in :mod:`.urllib_transport`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from nrscompose.errors import TransportError
from nrscompose.http import HttpRequest, HttpResponse
from nrscompose.transports._retry import (
    RetryPolicy,
    check_timeout,
    send_async_with_retries,
    send_with_retries,
)

if TYPE_CHECKING:  # the extra may be absent where mypy runs: then these names are untyped
    import httpx  # type: ignore[import-not-found, unused-ignore]

__all__ = ["AsyncHttpxTransport", "HttpxTransport"]


def _import_httpx() -> None:
    try:
        import httpx  # type: ignore[import-not-found, unused-ignore]  # noqa: F401
    except ImportError:  # pragma: no cover - depends on the environment
        raise ImportError("HttpxTransport needs httpx: pip install 'nrscompose[httpx]'") from None


def _response(answer: httpx.Response) -> HttpResponse:
    headers = {name.lower(): value for name, value in answer.headers.items()}
    return HttpResponse(answer.status_code, headers, answer.content)


def _failure(request: HttpRequest, error: Exception) -> TransportError:
    import httpx  # type: ignore[import-not-found, unused-ignore]

    kind = "timed out" if isinstance(error, httpx.TimeoutException) else "failed"
    return TransportError(f"{request.method} {request.url} {kind}: {type(error).__name__}")


class HttpxTransport:
    """Sends requests with an ``httpx.Client`` (its own, or ``client`` if given).

    ``timeout`` is required and applies to every request; a given client is not closed here.
    """

    def __init__(
        self,
        timeout: float,
        *,
        retry: RetryPolicy | None = None,
        client: httpx.Client | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        _import_httpx()
        import httpx  # type: ignore[import-not-found, unused-ignore]

        self.timeout = check_timeout(timeout)
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._owned = client is None
        self._client = client or httpx.Client(trust_env=trust_env, follow_redirects=False)

    def send(self, request: HttpRequest) -> HttpResponse:
        return send_with_retries(self._send_once, request, self.retry, self._sleep)

    def _send_once(self, request: HttpRequest) -> HttpResponse:
        import httpx  # type: ignore[import-not-found, unused-ignore]

        try:
            answer = self._client.request(
                request.method,
                request.url,
                headers=list(request.headers),
                content=request.body or None,
                timeout=self.timeout,
                follow_redirects=False,
            )
        except httpx.HTTPError as error:
            raise _failure(request, error) from None
        return _response(answer)

    def close(self) -> None:
        if self._owned:
            self._client.close()

    def __enter__(self) -> HttpxTransport:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class AsyncHttpxTransport:
    """The asynchronous twin of :class:`HttpxTransport` (``await transport.send(request)``)."""

    def __init__(
        self,
        timeout: float,
        *,
        retry: RetryPolicy | None = None,
        client: httpx.AsyncClient | None = None,
        trust_env: bool = True,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        _import_httpx()
        import httpx  # type: ignore[import-not-found, unused-ignore]

        self.timeout = check_timeout(timeout)
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._owned = client is None
        self._client = client or httpx.AsyncClient(trust_env=trust_env, follow_redirects=False)

    async def send(self, request: HttpRequest) -> HttpResponse:
        return await send_async_with_retries(self._send_once, request, self.retry, self._sleep)

    async def _send_once(self, request: HttpRequest) -> HttpResponse:
        import httpx  # type: ignore[import-not-found, unused-ignore]

        try:
            answer = await self._client.request(
                request.method,
                request.url,
                headers=list(request.headers),
                content=request.body or None,
                timeout=self.timeout,
                follow_redirects=False,
            )
        except httpx.HTTPError as error:
            raise _failure(request, error) from None
        return _response(answer)

    async def aclose(self) -> None:
        if self._owned:
            await self._client.aclose()

    async def __aenter__(self) -> AsyncHttpxTransport:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()
