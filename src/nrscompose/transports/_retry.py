"""What the transports share: the deadline of a ``send``, the retry policy, ``Retry-After``.

Every ``send`` has a total ``deadline`` (seconds): connecting, the headers, the body, every
retry and every wait between them fit in it, so a server that answers one byte at a time
cannot hold the caller. ``timeout`` still bounds each single network operation.

A ``POST`` that timed out may have been delivered — resending it could send an SMS twice and
bill it twice — so it is never retried here. ``GET``, ``PUT``, ``DELETE``, ``HEAD`` and
``OPTIONS`` are idempotent (RFC 9110 9.2.2) and are retried on connection failures and on the
statuses that say "try again later" (429, 502, 503, 504).
"""

from __future__ import annotations

import asyncio
import math
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Final, TypeVar

from nrscompose._base.errors import ArgumentError, ArgumentTypeError, TransportError
from nrscompose._base.http import HttpRequest, HttpResponse

__all__ = [
    "DEFAULT_DEADLINE",
    "RetryPolicy",
    "call_within",
    "check_timeout",
    "expired_error",
    "retry_after",
    "send_async_with_retries",
    "send_with_retries",
]

# Seconds one ``send`` may take in all, retries and their waits included, unless the
# transport is given another ``deadline``.
DEFAULT_DEADLINE: Final = 60.0
# delta-seconds longer than this many digits is a wait no deadline allows (RFC 9110 10.2.3
# puts no bound on it; converting 5,000 digits is refused by Python).
_MAX_DELAY_DIGITS: Final = 9

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """``retries`` extra attempts for idempotent requests; the n-th waits
    ``backoff * 2**n`` seconds (at most ``max_backoff``).

    When a retryable answer carries a valid ``Retry-After`` (RFC 9110 10.2.3: delta-seconds or
    an HTTP-date), that wait is used instead; a wait longer than ``max_backoff`` or than what
    is left of the deadline is not waited: the answer is returned as it is. A ``Retry-After``
    that is neither form is ignored.
    """

    retries: int = 2
    backoff: float = 0.5
    max_backoff: float = 30.0
    statuses: frozenset[int] = frozenset({429, 502, 503, 504})

    def __post_init__(self) -> None:
        for name in ("retries", "backoff", "max_backoff"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ArgumentTypeError(f"{name} must be a number")
            if not math.isfinite(value) or value < 0:
                raise ArgumentError(f"{name} must be a finite number, not negative")
        if not isinstance(self.retries, int):
            raise ArgumentTypeError("retries must be an integer")

    def attempts(self, request: HttpRequest) -> int:
        return self.retries + 1 if request.idempotent else 1

    def backoff_delay(self, attempt: int) -> float:
        return float(min(self.backoff * 2.0 ** min(attempt, 64), self.max_backoff))

    def delay(self, attempt: int, response: HttpResponse | None) -> float | None:
        """Seconds to wait before the next attempt; ``None``: the server asks for longer than
        this policy waits, so the answer is final."""
        if response is not None:
            asked = retry_after(response.headers.get("retry-after", ""))
            if asked is not None:
                return asked if asked <= self.max_backoff else None
        return self.backoff_delay(attempt)


def retry_after(value: str, now: datetime | None = None) -> float | None:
    """Seconds a ``Retry-After`` value asks to wait, or ``None`` when it is not one.

    RFC 9110 10.2.3: ``Retry-After = HTTP-date / delta-seconds``, delta-seconds being ASCII
    digits only (``'²'.isdigit()`` is true in Python, so ``isdigit`` alone is not enough).
    A date in the past means no wait; an overlong number means a wait longer than any deadline.
    """
    text = value.strip()
    if not text:
        return None
    if text.isascii() and text.isdigit():
        return float(text) if len(text) <= _MAX_DELAY_DIGITS else math.inf
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:  # an HTTP-date is always GMT; a date without a zone is not one
        return None
    seconds = (moment - (now or datetime.now(UTC))).total_seconds()
    return max(0.0, seconds)


def check_timeout(timeout: float, name: str = "timeout") -> float:
    """Timeouts are required: a transport without one can hang a worker forever."""
    if isinstance(timeout, bool) or not isinstance(timeout, int | float):
        raise ArgumentTypeError(f"{name} must be a number of seconds")
    if not math.isfinite(timeout) or timeout <= 0:
        raise ArgumentError(f"{name} must be a positive, finite number of seconds")
    return float(timeout)


def expired_error(request: HttpRequest, deadline: float) -> TransportError:
    """The error of a ``send`` stopped by its deadline."""
    return TransportError(
        f"{request.method} {request.url} timed out: no complete answer within the "
        f"deadline of {deadline:g} s"
    )


def call_within(function: Callable[[], _T], seconds: float, abandon: Callable[[], None]) -> _T:
    """``function()`` run in a worker thread, waited for at most ``seconds``.

    The libraries' own timeouts bound each read, not a whole answer sent a byte at a time; on
    expiry ``abandon()`` is called (it should close what the attempt opened) and
    :class:`TimeoutError` raised. The worker is a daemon thread, so an attempt that cannot be
    closed never keeps the program alive.
    """
    outcome: list[_T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(function())
        except BaseException as error:  # handed to the caller's thread
            failure.append(error)

    worker = threading.Thread(target=run, name="nrscompose-send", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        abandon()
        raise TimeoutError
    if failure:
        raise failure[0]
    return outcome[0]


def send_with_retries(
    send_once: Callable[[HttpRequest, float], HttpResponse],
    request: HttpRequest,
    policy: RetryPolicy,
    sleep: Callable[[float], None],
    deadline: float,
    clock: Callable[[], float] = time.monotonic,
) -> HttpResponse:
    """Attempts of ``send_once(request, seconds_left)`` until an answer, within ``deadline``."""
    end = clock() + deadline
    attempts = policy.attempts(request)
    for attempt in range(attempts):
        left = end - clock()
        if left <= 0:
            raise expired_error(request, deadline)
        try:
            response = send_once(request, left)
        except TransportError:
            wait = policy.backoff_delay(attempt)
            if attempt + 1 == attempts or wait >= end - clock():
                raise
        else:
            if response.status not in policy.statuses or attempt + 1 == attempts:
                return response
            asked = policy.delay(attempt, response)
            if asked is None or asked >= end - clock():
                return response
            wait = asked
        sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def send_async_with_retries(
    send_once: Callable[[HttpRequest, float], Awaitable[HttpResponse]],
    request: HttpRequest,
    policy: RetryPolicy,
    sleep: Callable[[float], Awaitable[None]],
    deadline: float,
    clock: Callable[[], float] = time.monotonic,
) -> HttpResponse:
    """The asynchronous twin of :func:`send_with_retries`; each attempt is cancelled when the
    deadline passes."""
    end = clock() + deadline
    attempts = policy.attempts(request)
    for attempt in range(attempts):
        left = end - clock()
        if left <= 0:
            raise expired_error(request, deadline)
        try:
            response = await _within(send_once(request, left), left, request, deadline)
        except TransportError:
            wait = policy.backoff_delay(attempt)
            if attempt + 1 == attempts or wait >= end - clock():
                raise
        else:
            if response.status not in policy.statuses or attempt + 1 == attempts:
                return response
            asked = policy.delay(attempt, response)
            if asked is None or asked >= end - clock():
                return response
            wait = asked
        await sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def _within(
    answer: Awaitable[HttpResponse], seconds: float, request: HttpRequest, deadline: float
) -> HttpResponse:
    try:
        return await asyncio.wait_for(answer, seconds)
    except TimeoutError:
        pass
    # Raised outside the handler, so that no library exception is reachable from it.
    raise expired_error(request, deadline)
