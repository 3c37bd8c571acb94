"""The event loop under ``nrscompose demo``: it reads each request whole, then a thread answers.

One asyncio loop holds every connection. A connection waiting for bytes costs a coroutine and
a small buffer, not a thread, so clients that are slow, silent or stalled cannot keep honest
ones waiting (with 300 sockets sending a header byte every 3 s, the former 32-thread server
answered 0 of 38 honest requests; with 1,000 stalled connections, 0 of 200).

Per connection the loop enforces ``read_timeout`` (seconds of silence, between requests too),
``head_deadline`` (the request line and headers, however they trickle) and
``request_deadline`` (head and body). It reads the head (at most :data:`MAX_HEAD` bytes and
:data:`MAX_FIELDS` fields) and the body its ``Content-Length`` announces (at most
``max_body``); only then does a worker thread (at most ``workers``) get the request, as bytes,
and answer it from memory. Past ``max_connections``, the connection that has waited longest
for its head is dropped to make room: an honest client sends its head at once.

What the loop refuses itself (JSON bodies from ``error_body``, then the connection closed):
a head that does not arrive in time (408) or is too large (431), ``Transfer-Encoding``
(411: bodies come with a ``Content-Length``) and conflicting ``Content-Length`` values (400).
A body that does not arrive in time is handed over short, for the handler to answer 408.
"""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import io
import socket
import sys
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from typing import Final

__all__ = ["MAX_FIELDS", "MAX_HEAD", "Answer", "EventLoopServer", "Limits"]

MAX_HEAD: Final = 64 * 1024  # bytes of request line and headers (http.server: 64 KiB a line)
MAX_FIELDS: Final = 100  # header fields (http.client refuses more)
_CLOSE_GRACE: Final = 1.0  # seconds to flush a last answer before the connection is cut

# The raw request (head and body) and the client's address -> the raw answer, and whether
# the connection must be closed after it.
Answer = Callable[[bytes, tuple[str, int]], tuple[bytes, bool]]
ErrorBody = Callable[[HTTPStatus, str], bytes]


@dataclass(frozen=True, slots=True)
class Limits:
    """What one connection may take (seconds, bytes) and what the server holds at once."""

    read_timeout: float
    head_deadline: float
    request_deadline: float
    max_body: int
    workers: int
    max_connections: int


class _Refused(Exception):
    """The loop answers this request itself and closes the connection."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Gone(Exception):
    """The client closed the connection or stayed silent between requests: close quietly."""


class EventLoopServer:
    """Serves ``answer`` on ``host:port`` (``port=0``: any free port) within ``limits``.

    ``serve_forever()`` runs the loop in the calling thread until ``shutdown()`` (from another
    thread); ``server_close()`` closes the listening socket. ``quiet`` silences the log of
    failures in ``answer``.
    """

    def __init__(
        self,
        host: str,
        port: int,
        answer: Answer,
        error_body: ErrorBody,
        limits: Limits,
        *,
        backlog: int,
        quiet: bool = True,
    ) -> None:
        self.quiet = quiet
        self.limits = limits
        self._answer = answer
        self._error_body = error_body
        self.socket = socket.create_server((host, port), backlog=backlog)
        self.server_address: tuple[str, int] = self.socket.getsockname()[:2]
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._stop_asked = threading.Event()
        self._done = threading.Event()
        self._done.set()
        # Connections waiting for a head, oldest first: the first to drop when full.
        self._waiting: dict[asyncio.Task[None], asyncio.StreamWriter] = {}
        self._connections: set[asyncio.Task[None]] = set()

    # ---------------------------------------------------------------- lifetime

    def serve_forever(self, poll_interval: float = 0.5) -> None:
        """Serve until :meth:`shutdown`; ``poll_interval`` is accepted for the signature of
        :meth:`socketserver.BaseServer.serve_forever` and not needed."""
        self._done.clear()
        try:
            asyncio.run(self._serve())
        finally:
            self._stop_asked.clear()
            self._done.set()

    def shutdown(self) -> None:
        """Stop :meth:`serve_forever` (called from another thread) and wait until it has."""
        self._stop_asked.set()
        loop, stop = self._loop, self._stop
        if loop is not None and stop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has already ended
                loop.call_soon_threadsafe(stop.set)
        self._done.wait()

    def server_close(self) -> None:
        self.socket.close()

    def __enter__(self) -> EventLoopServer:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.server_close()

    async def _serve(self) -> None:
        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        if self._stop_asked.is_set():
            return
        workers = ThreadPoolExecutor(self.limits.workers, thread_name_prefix="demo-handler")
        server = await asyncio.start_server(
            lambda r, w: self._connection(r, w, workers), sock=self.socket, limit=MAX_HEAD
        )
        try:
            await self._stop.wait()
        finally:
            server.close()
            for task in list(self._connections):
                task.cancel()
            await asyncio.gather(*self._connections, return_exceptions=True)
            workers.shutdown(wait=False, cancel_futures=True)
            self._loop = self._stop = None

    # ---------------------------------------------------------------- one connection

    async def _connection(
        self,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        workers: ThreadPoolExecutor,
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._make_room()
        self._connections.add(task)
        peer = writer.get_extra_info("peername") or ("", 0)
        try:
            while True:
                self._waiting[task] = writer
                try:
                    raw, close = await self._read_request(reader, writer)
                finally:
                    self._waiting.pop(task, None)
                answer, closing = await self._answered(workers, raw, peer)
                writer.write(answer)
                await asyncio.wait_for(writer.drain(), self.limits.read_timeout)
                if close or closing:
                    break
        except _Refused as refused:
            writer.write(self._refusal(refused.status, str(refused)))
        except (_Gone, OSError, TimeoutError, asyncio.IncompleteReadError):
            pass  # a client gone, silent, or too slow to read its answer
        except asyncio.CancelledError:
            # The server is shutting down. Ended normally: Python 3.11's streams log an error
            # for a connection task that ends cancelled.
            pass
        finally:
            self._connections.discard(task)
            await _close(writer)

    def _make_room(self) -> None:
        if len(self._connections) < self.limits.max_connections:
            return
        oldest = next(iter(self._waiting), None)
        if oldest is not None:
            self._waiting.pop(oldest).transport.abort()

    async def _answered(
        self, workers: ThreadPoolExecutor, raw: bytes, peer: tuple[str, int]
    ) -> tuple[bytes, bool]:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(workers, self._answer, raw, peer)
        except Exception:  # a bug in the handler: logged, answered without the traceback
            if not self.quiet:
                traceback.print_exc(file=sys.stderr)
            status = HTTPStatus.INTERNAL_SERVER_ERROR
            return self._refusal(status, "internal error; see the server's log"), True

    def _refusal(self, status: HTTPStatus, message: str) -> bytes:
        body = self._error_body(status, message)
        head = (
            f"HTTP/1.1 {status.value} {status.phrase}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n"
        )
        return head.encode("ascii") + body

    # ---------------------------------------------------------------- reading a request

    async def _read_request(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> tuple[bytes, bool]:
        """The request's bytes and whether to close after answering it."""
        loop = asyncio.get_running_loop()
        request_end = loop.time() + self.limits.request_deadline
        head_end = min(request_end, loop.time() + self.limits.head_deadline)
        lines = await self._read_head(reader, head_end)
        head = b"".join(lines)
        if len(lines) == 1:  # an empty or unparsable request line: the handler answers it
            return head, True
        try:
            fields = http.client.parse_headers(io.BytesIO(b"".join(lines[1:])))
        except (http.client.HTTPException, ValueError):
            return head, True  # the handler parses it again and answers 400 or 431
        if fields.get_all("Transfer-Encoding"):
            raise _Refused(HTTPStatus.LENGTH_REQUIRED, "send the body with a Content-Length")
        lengths = {value.strip() for value in fields.get_all("Content-Length") or ()}
        if len(lengths) > 1:
            raise _Refused(HTTPStatus.BAD_REQUEST, "conflicting Content-Length headers")
        if not lengths:
            return head, False
        size = _body_size(lengths.pop(), self.limits.max_body)
        if size is None:  # the handler answers 411 or 413 and closes; the body stays unread
            return head, True
        if size and (fields.get("Expect") or "").strip().lower() == "100-continue":
            writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        body = await self._read_body(reader, size, request_end)
        return head + body, len(body) < size

    async def _read_head(self, reader: asyncio.StreamReader, end: float) -> list[bytes]:
        lines: list[bytes] = []
        size = 0
        while not lines or lines[-1] not in (b"\r\n", b"\n"):
            try:
                line = await self._read_line(reader, end)
            except asyncio.LimitOverrunError:
                raise _too_large() from None
            except asyncio.IncompleteReadError:
                raise _Gone from None
            except TimeoutError:
                # Silent or trickling: either way closed, with a 408 (RFC 9110 15.5.9).
                message = "the request did not arrive in time"
                raise _Refused(HTTPStatus.REQUEST_TIMEOUT, message) from None
            lines.append(line)
            size += len(line)
            if size > MAX_HEAD or len(lines) > MAX_FIELDS + 2:
                raise _too_large()
            if len(lines) == 1 and not line.strip():
                break  # no request line: nothing more to read
        return lines

    async def _read_line(self, reader: asyncio.StreamReader, end: float) -> bytes:
        seconds = min(self.limits.read_timeout, end - asyncio.get_running_loop().time())
        if seconds <= 0:
            raise TimeoutError
        return await asyncio.wait_for(reader.readuntil(b"\n"), seconds)

    async def _read_body(self, reader: asyncio.StreamReader, size: int, end: float) -> bytes:
        """Up to ``size`` bytes; fewer when the client goes silent, slow or away."""
        chunks: list[bytes] = []
        left = size
        loop = asyncio.get_running_loop()
        while left:
            seconds = min(self.limits.read_timeout, end - loop.time())
            try:
                if seconds <= 0:
                    break
                chunk = await asyncio.wait_for(reader.read(left), seconds)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)


def _too_large() -> _Refused:
    return _Refused(
        HTTPStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
        f"the request line and headers exceed {MAX_HEAD} bytes or {MAX_FIELDS} fields",
    )


def _body_size(length: str, max_body: int) -> int | None:
    """The announced body size, or ``None`` when it is not a number or over ``max_body``."""
    if not (length.isascii() and length.isdecimal()) or len(length) > len(str(max_body)):
        return None
    size = int(length)
    return size if size <= max_body else None


async def _close(writer: asyncio.StreamWriter) -> None:
    """Close after the last answer is flushed, or at once if the client does not read it."""
    writer.close()
    try:
        await asyncio.wait_for(writer.wait_closed(), _CLOSE_GRACE)
    except (OSError, TimeoutError, asyncio.CancelledError):
        writer.transport.abort()
