"""The bound on an answer's body, decoded size included, and the one wrapper every attempt
runs in, so that only :class:`~nrscompose.errors.TransportError` comes out of a transport.

Each transport reads the body as it arrives, undecoded, and feeds it here: a ``gzip`` or
``deflate`` body is inflated with a bound on each step's output, so a 10 MB gzip bomb that
inflates to 10 GiB costs at most ``max_body`` bytes, not the 3 GB at which the libraries'
own decoders hit ``MemoryError``. A ``Content-Length`` above ``max_body`` is refused before
a byte is read (``urllib`` would allocate it whole). Other codings (``br``, ``zstd``) are
not asked for (``Accept-Encoding: gzip, deflate``) and are refused if sent.
"""

from __future__ import annotations

import zlib
from collections.abc import Awaitable, Callable, Mapping
from typing import Final, TypeVar

from nrscompose._base.errors import (
    ArgumentError,
    ArgumentTypeError,
    NrsComposeError,
    TransportError,
)
from nrscompose._base.http import HttpRequest

__all__ = [
    "ACCEPT_ENCODING",
    "CHUNK",
    "DEFAULT_MAX_BODY",
    "BoundedBody",
    "accepted_encoding",
    "check_max_body",
    "contained",
    "contained_async",
]

# Bytes of an answer's body, once decoded, unless a transport is given another ``max_body``:
# far above any answer of the providers' APIs (a page of 1,000 records is under 1 MB).
DEFAULT_MAX_BODY: Final = 64 * 1024 * 1024
CHUNK: Final = 64 * 1024  # bytes asked of the socket at a time
_STEP: Final = 1024 * 1024  # bytes inflated at a time
# The codings BoundedBody inflates; a transport sends this unless the request names its own.
ACCEPT_ENCODING: Final = "gzip, deflate"
_WINDOW: Final = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS,
                  "deflate": zlib.MAX_WBITS}  # fmt: skip

_T = TypeVar("_T")


def accepted_encoding(request: HttpRequest) -> list[tuple[str, str]]:
    """The ``Accept-Encoding`` header to add: the codings :class:`BoundedBody` inflates, not
    whatever decoders the library finds installed (``br``, ``zstd``); none if the request
    names its own."""
    return [] if request.header("accept-encoding") else [("Accept-Encoding", ACCEPT_ENCODING)]


def check_max_body(max_body: int) -> int:
    if isinstance(max_body, bool) or not isinstance(max_body, int):
        raise ArgumentTypeError("max_body must be an integer number of bytes")
    if max_body <= 0:
        raise ArgumentError("max_body must be a positive number of bytes")
    return max_body


def _failure(request: HttpRequest, reason: str) -> TransportError:
    return TransportError(f"{request.method} {request.url} failed: {reason}")


class BoundedBody:
    """The body of one answer, fed as it arrives and decoded as its ``Content-Encoding``
    says; :class:`TransportError` as soon as it would pass ``max_body`` bytes."""

    def __init__(
        self, request: HttpRequest, status: int, headers: Mapping[str, str], max_body: int
    ) -> None:
        self._request = request
        self._max = max_body
        self._chunks: list[bytes] = []
        self._size = 0  # decoded
        self._received = 0  # as sent
        declared = (headers.get("content-length") or "").strip()
        self._declared: int | None = None
        if declared.isascii() and declared.isdecimal() and len(declared) < 20:
            if int(declared) > max_body:
                raise self._too_large(f"it announces {int(declared)} bytes")
            # RFC 9110 6.4.1: no body in these answers, whatever Content-Length says.
            bodiless = request.method == "HEAD" or status in (204, 304) or status < 200
            self._declared = None if bodiless else int(declared)
        elif declared.isascii() and declared.isdecimal():
            raise self._too_large(f"it announces a {len(declared)}-digit number of bytes")
        coding = (headers.get("content-encoding") or "identity").strip().lower()
        self._inflater: zlib._Decompress | None = None
        # RFC 9110 "deflate" is zlib-wrapped; some servers send it raw: tried on the first chunk.
        self._raw_deflate_possible = coding == "deflate"
        if coding in _WINDOW:
            self._inflater = zlib.decompressobj(_WINDOW[coding])
        elif coding != "identity":
            raise _failure(request, f"unsupported Content-Encoding {coding[:40]!r}")

    def _too_large(self, detail: str) -> TransportError:
        return _failure(self._request, f"the answer is larger than max_body ({self._max} bytes): "
                        f"{detail}")  # fmt: skip

    def feed(self, data: bytes) -> None:
        self._received += len(data)
        if self._inflater is None:
            self._add(data)
            return
        first, self._raw_deflate_possible = self._raw_deflate_possible, False
        if self._inflated(data):
            return
        if not first:
            raise self._corrupt()
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, from the start
        self._chunks, self._size = [], 0
        if not self._inflated(data):
            raise self._corrupt()

    def _corrupt(self) -> TransportError:
        return _failure(self._request, "the compressed body is corrupt")

    def _inflated(self, data: bytes) -> bool:
        """Whether ``data`` inflated; errors are raised by the caller, outside the handler,
        so that zlib's is not their context."""
        try:
            self._inflate(data)
        except zlib.error:
            return False
        return True

    def _inflate(self, data: bytes) -> None:
        assert self._inflater is not None
        # Each step inflates at most _STEP bytes, and never more than one byte past max_body:
        # memory stays bounded however much a small input expands.
        while data:
            step = min(_STEP, self._max - self._size + 1)
            self._add(self._inflater.decompress(data, step))
            data = self._inflater.unconsumed_tail

    def _add(self, data: bytes) -> None:
        self._size += len(data)
        if self._size > self._max:
            raise self._too_large("more arrived")
        if data:
            self._chunks.append(data)

    def body(self) -> bytes:
        """The whole body, decoded; :class:`TransportError` if it ended before its
        ``Content-Length`` (``urllib`` reading a chunk at a time does not say so itself)."""
        if self._declared is not None and self._received < self._declared:
            raise _failure(self._request, f"the body ended after {self._received} of "
                           f"{self._declared} bytes")  # fmt: skip
        if self._inflater is not None:
            try:
                rest = self._inflater.flush()
            except zlib.error:
                rest = None
            if rest is None:
                raise self._corrupt()
            self._add(rest)
            if self._received and not self._inflater.eof:  # cut short: the rest is missing
                raise _failure(self._request, "the compressed body ended before its end")
        return b"".join(self._chunks)


def _escaped(request: HttpRequest, error: Exception) -> TransportError:
    # Only the class name: the library's message or its request may hold the headers.
    return _failure(request, type(error).__name__)


def contained(request: HttpRequest, attempt: Callable[[], _T]) -> _T:
    """``attempt()``, with any exception but the library's own turned into a
    :class:`TransportError` that keeps nothing of it reachable (no cause, no context):
    a urllib3 ``ProtocolError``, an ``httpx.InvalidURL``, a ``UnicodeEncodeError`` holding a
    header, even ``MemoryError``."""
    try:
        return attempt()
    except NrsComposeError:
        raise
    except Exception as error:
        failure = _escaped(request, error)
    raise failure


async def contained_async(request: HttpRequest, attempt: Callable[[], Awaitable[_T]]) -> _T:
    """The asynchronous twin of :func:`contained`."""
    try:
        return await attempt()
    except NrsComposeError:
        raise
    except Exception as error:
        failure = _escaped(request, error)
    raise failure
