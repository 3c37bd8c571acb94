"""What the blocking transports share: the checked limits, ``send`` with retries, and each
attempt run where the deadline can abandon it. A transport says how it sends once."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Self

from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.transports._bodies import check_max_body, contained
from nrscompose.transports._retry import (
    RetryPolicy,
    call_within,
    check_timeout,
    expired_error,
    send_with_retries,
)

__all__ = ["BlockingTransport"]


class BlockingTransport:
    """A transport over a blocking HTTP client: subclasses send one attempt
    (:meth:`_send_once`, by ``end`` on the monotonic clock) and close their client."""

    def __init__(
        self,
        timeout: float,
        deadline: float,
        retry: RetryPolicy | None,
        max_body: int,
        sleep: Callable[[float], None],
    ) -> None:
        self.timeout = check_timeout(timeout)
        self.deadline = check_timeout(deadline, "deadline")
        self.retry = retry or RetryPolicy()
        self.max_body = check_max_body(max_body)
        self._sleep = sleep

    def send(self, request: HttpRequest) -> HttpResponse:
        return send_with_retries(self._attempt, request, self.retry, self._sleep, self.deadline)

    def _attempt(self, request: HttpRequest, seconds: float) -> HttpResponse:
        end = time.monotonic() + seconds
        try:
            return call_within(
                lambda: contained(request, lambda: self._send_once(request, end)),
                seconds,
                lambda: None,
            )
        except TimeoutError:
            pass
        raise expired_error(request, self.deadline)

    def _send_once(self, request: HttpRequest, end: float) -> HttpResponse:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
