"""Retry policy shared by the transports: only idempotent methods, with exponential backoff.

A ``POST`` that timed out may have been delivered — resending it could send an SMS twice and
bill it twice — so it is never retried here. ``GET``, ``PUT``, ``DELETE``, ``HEAD`` and
``OPTIONS`` are idempotent (RFC 9110 9.2.2) and are retried on connection failures and on the
statuses that say "try again later" (429, 502, 503, 504).
"""

from __future__ import annotations

import math
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from nrscompose.errors import TransportError
from nrscompose.http import HttpRequest, HttpResponse

__all__ = ["RetryPolicy", "check_timeout", "send_async_with_retries", "send_with_retries"]


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``retries`` extra attempts for idempotent requests; the n-th waits
    ``backoff * 2**n`` seconds (at most ``max_backoff``), or the server's ``Retry-After``
    seconds when it sends one within that bound."""

    retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 30.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})

    def __post_init__(self) -> None:
        if self.retries < 0 or self.backoff < 0 or self.max_backoff < 0:
            raise ValueError("retries and backoff must not be negative")

    def attempts(self, request: HttpRequest) -> int:
        return self.retries + 1 if request.idempotent else 1

    def delay(self, attempt: int, response: HttpResponse | None) -> float:
        if response is not None:
            after = response.headers.get("retry-after", "")
            if after.isdigit() and int(after) <= self.max_backoff:
                return float(after)
        return float(min(self.backoff * 2**attempt, self.max_backoff))


def check_timeout(timeout: float) -> float:
    """Timeouts are required: a transport without one can hang a worker forever."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise TypeError("timeout must be a number of seconds")
    if not math.isfinite(timeout) or timeout <= 0:
        raise ValueError("timeout must be a positive, finite number of seconds")
    return float(timeout)


def send_with_retries(
    send_once: Callable[[HttpRequest], HttpResponse],
    request: HttpRequest,
    policy: RetryPolicy,
    sleep: Callable[[float], None],
) -> HttpResponse:
    attempts = policy.attempts(request)
    for attempt in range(attempts):
        last = attempt + 1 == attempts
        try:
            response = send_once(request)
        except TransportError:
            if last:
                raise
            sleep(policy.delay(attempt, None))
            continue
        if response.status in policy.statuses and not last:
            sleep(policy.delay(attempt, response))
            continue
        return response
    raise AssertionError("unreachable")  # pragma: no cover


async def send_async_with_retries(
    send_once: Callable[[HttpRequest], Awaitable[HttpResponse]],
    request: HttpRequest,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]],
) -> HttpResponse:
    attempts = policy.attempts(request)
    for attempt in range(attempts):
        last = attempt + 1 == attempts
        try:
            response = await send_once(request)
        except TransportError:
            if last:
                raise
            await sleep(policy.delay(attempt, None))
            continue
        if response.status in policy.statuses and not last:
            await sleep(policy.delay(attempt, response))
            continue
        return response
    raise AssertionError("unreachable")  # pragma: no cover
