"""Transports against a faulty server on 127.0.0.1 that sends exactly the bytes a test scripts:
slow bodies and headers, odd ``Retry-After`` values, and what an error keeps reachable."""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import pytest

from nrscompose._base.errors import ArgumentError, NrsComposeError, TransportError
from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.providers import nrs
from nrscompose.providers.bulk_sms import BulkSmsApi, Route
from nrscompose.transports import DEFAULT_DEADLINE, RetryPolicy, UrllibTransport
from nrscompose.transports._retry import retry_after

Script = Callable[[socket.socket, threading.Event], None]
OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok"


class RawServer:
    """Answers every connection with ``scripts[n]`` (the last one repeats) on 127.0.0.1."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.05)
        self.stop = threading.Event()
        self.scripts: list[Script] = []
        self.connections = 0
        self.base = f"http://127.0.0.1:{self.listener.getsockname()[1]}"
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.listener.accept()
            except TimeoutError:
                continue
            script = self.scripts[min(self.connections, len(self.scripts) - 1)]
            self.connections += 1
            threading.Thread(target=self._run, args=(script, conn), daemon=True).start()

    def _run(self, script: Script, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                _read_request(conn)
                script(conn, self.stop)
            except OSError:  # the client went away: that is what the deadline does
                pass


def _read_request(conn: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(4096)
        if not chunk:
            return
        data += chunk


def reply(raw: bytes) -> Script:
    return lambda conn, stop: conn.sendall(raw)


def dribble(head: bytes, tail: bytes, every: float = 0.05) -> Script:
    """``head`` at once, then ``tail`` one byte every ``every`` seconds."""

    def script(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(head)
        for byte in tail:
            if stop.wait(every):
                return
            conn.sendall(bytes([byte]))

    return script


@pytest.fixture
def raw_server() -> Iterator[RawServer]:
    server = RawServer()
    try:
        yield server
    finally:
        server.stop.set()
        server.thread.join()
        server.listener.close()


def _request(server: RawServer) -> HttpRequest:
    return nrs.account(nrs.Credentials("username", "apiPassword", base_url=server.base))


Send = Callable[[HttpRequest], HttpResponse]
Factory = Callable[..., Send]


def _urllib(**options: object) -> Send:
    return UrllibTransport(trust_env=False, **options).send  # type: ignore[arg-type]


def _httpx(**options: object) -> Send:
    pytest.importorskip("httpx")
    from nrscompose.transports import HttpxTransport

    return HttpxTransport(trust_env=False, **options).send  # type: ignore[arg-type]


def _requests(**options: object) -> Send:
    pytest.importorskip("requests")
    from nrscompose.transports import RequestsTransport

    return RequestsTransport(trust_env=False, **options).send  # type: ignore[arg-type]


def _async_httpx(**options: object) -> Send:
    pytest.importorskip("httpx")
    from nrscompose.transports import AsyncHttpxTransport

    sleep = options.pop("sleep", None)

    async def fake_sleep(seconds: float) -> None:
        assert callable(sleep)
        sleep(seconds)

    def send(request: HttpRequest) -> HttpResponse:
        async def run() -> HttpResponse:
            extra = {"sleep": fake_sleep} if sleep is not None else {}
            async with AsyncHttpxTransport(trust_env=False, **options, **extra) as transport:  # type: ignore[arg-type]
                return await transport.send(request)

        return asyncio.run(run())

    return send


TRANSPORTS = pytest.mark.parametrize(
    "factory", [_urllib, _httpx, _requests, _async_httpx],
    ids=["urllib", "httpx", "requests", "httpx-async"],
)  # fmt: skip


# ------------------------------------------------------------------------------ the deadline


SLOW_BODY = dribble(b"HTTP/1.1 200 OK\r\nContent-Length: 400\r\n\r\n", b"x" * 400)
SLOW_HEADERS = dribble(b"HTTP/1.1 200 OK\r\n", b"X-Slow: " + b"y" * 400)


@TRANSPORTS
@pytest.mark.parametrize("script", [SLOW_BODY, SLOW_HEADERS], ids=["body", "headers"])
def test_a_server_sending_a_byte_at_a_time_meets_the_deadline(
    raw_server: RawServer, factory: Factory, script: Script
) -> None:
    # Each byte comes well within the per-read timeout, so only a total deadline stops it
    # (400 bytes at 0.05 s would take 20 s).
    raw_server.scripts = [script]
    send = factory(timeout=1.0, deadline=0.5, retry=RetryPolicy(retries=2, backoff=0.01))
    with pytest.raises(TransportError, match=r"deadline of 0\.5 s"):
        send(_request(raw_server))


def test_the_deadline_is_finite_by_default_and_checked() -> None:
    assert 0 < DEFAULT_DEADLINE < float("inf")
    assert UrllibTransport(1.0).deadline == DEFAULT_DEADLINE
    for bad in (0, -1, float("inf"), float("nan")):
        with pytest.raises(ArgumentError, match="deadline"):
            UrllibTransport(1.0, deadline=bad)


def test_the_urllib_worker_ends_with_the_deadline(raw_server: RawServer) -> None:
    raw_server.scripts = [SLOW_BODY]
    before = {t for t in threading.enumerate() if t.name == "nrscompose-send"}
    with pytest.raises(TransportError):
        UrllibTransport(1.0, deadline=0.3, trust_env=False).send(_request(raw_server))
    leftover = {t for t in threading.enumerate() if t.name == "nrscompose-send"} - before
    for worker in leftover:  # its socket was shut down: it stops without the server's help
        worker.join(5)
        assert not worker.is_alive()


# ------------------------------------------------------------------------------ Retry-After


def _busy(value: bytes) -> bytes:
    return (b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: " + value
            + b"\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy")  # fmt: skip


@TRANSPORTS
@pytest.mark.parametrize("value", [b"\xb2", b"9" * 5000, b"soon", b"-1", b"1.5"],
                         ids=["latin1-superscript-two", "5000-digits", "word", "negative",
                              "fraction"])  # fmt: skip
def test_retry_after_that_is_not_rfc_9110_never_breaks_send(
    raw_server: RawServer, factory: Factory, value: bytes
) -> None:
    raw_server.scripts = [reply(_busy(value)), reply(OK)]
    sleeps: list[float] = []
    send = factory(timeout=2.0, retry=RetryPolicy(retries=1, backoff=0.25), sleep=sleeps.append)
    response = send(_request(raw_server))
    if value == b"9" * 5000:  # a valid but endless wait: not waited, the answer is final
        assert (response.status, sleeps) == (503, [])
    else:  # garbage is ignored: the policy's own backoff
        assert (response.status, sleeps) == (200, [0.25])


@TRANSPORTS
def test_retry_after_longer_than_the_deadline_returns_the_answer(
    raw_server: RawServer, factory: Factory
) -> None:
    raw_server.scripts = [reply(_busy(b"20")), reply(OK)]
    sleeps: list[float] = []
    send = factory(timeout=2.0, deadline=5.0, retry=RetryPolicy(retries=2, max_backoff=60),
                   sleep=sleeps.append)  # fmt: skip
    assert send(_request(raw_server)).status == 503
    assert sleeps == []


def test_retry_after_reads_delta_seconds_and_http_dates() -> None:
    now = datetime(2026, 11, 30, 12, 0, 0, tzinfo=UTC)
    assert retry_after("120", now) == 120.0
    assert retry_after(" 7 ", now) == 7.0
    assert retry_after("Mon, 30 Nov 2026 12:00:30 GMT", now) == 30.0
    assert retry_after("Monday, 30-Nov-26 12:00:30 GMT", now) == 30.0  # RFC 850, obsolete
    assert retry_after("Mon Nov 30 12:00:30 2026", now) is None  # asctime: no zone, refused
    assert retry_after("Sun, 29 Nov 2026 12:00:00 GMT", now) == 0.0  # in the past
    for garbage in ("²", "٣", "", "1e3", "0x10", "Mon, 99 Foo 2026 GMT", "\x00"):
        assert retry_after(garbage, now) is None, garbage
    assert retry_after("9" * 5000, now) == float("inf")


def test_retry_policy_arguments_are_library_errors() -> None:
    for bad in ({"retries": -1}, {"backoff": float("nan")}, {"max_backoff": -0.5}):
        with pytest.raises(ArgumentError):
            RetryPolicy(**bad)  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        RetryPolicy(retries="2")  # type: ignore[arg-type]
    with pytest.raises(NrsComposeError):
        UrllibTransport(-1)
    with pytest.raises(NrsComposeError):
        UrllibTransport("1")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ secrets


def test_credentials_in_a_base_url_are_refused() -> None:
    for url in ("https://u:pw@host", "https://u@host", "http://:pw@host/api"):
        with pytest.raises(ArgumentError, match="user or password") as error:
            nrs.Credentials("username", "apiPassword", base_url=url)
        assert "pw" not in str(error.value)
        with pytest.raises(ArgumentError):
            BulkSmsApi(url, {})
        with pytest.raises(ArgumentError):
            HttpRequest("GET", url)


def test_secret_headers_are_marked_by_the_builder_and_names_normalised() -> None:
    api = BulkSmsApi("https://api.example", {"send": Route("POST", "/send")},
                     headers={"X-Auth-Token": "s3cret-token"})  # fmt: skip
    request = api.request("send", {"a": 1})
    assert "s3cret-token" not in repr(request)
    assert "s3cret-token" not in str(request)
    assert request.header("X-Auth-Token") == "s3cret-token"  # still sent
    marked = HttpRequest(
        "GET", "https://h", (("X-Key", "k3y"),), secret_headers=frozenset({" x-KEY "})
    )
    assert "k3y" not in repr(marked)
    with pytest.raises(ArgumentError, match="header name"):
        HttpRequest("GET", "https://h", (("Authorization ", "Basic abc"),))
    account = nrs.account(nrs.Credentials("username", "apiPassword"))
    assert account.header("Authorization") is not None
    assert account.header("Authorization").split()[1] not in repr(account)  # type: ignore[union-attr]


def _reachable(error: BaseException) -> list[BaseException]:
    found, current = [], error
    seen = set()
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found.append(current)
        current = current.__cause__ or current.__context__
    return found


@TRANSPORTS
@pytest.mark.parametrize("script", [reply(b"garbage that is not HTTP\r\n\r\n"), SLOW_BODY],
                         ids=["broken-answer", "deadline"])  # fmt: skip
def test_errors_keep_no_library_exception_reachable(
    raw_server: RawServer, factory: Factory, script: Script
) -> None:
    raw_server.scripts = [script]
    request = _request(raw_server)
    token = request.header("Authorization")
    assert token is not None
    send = factory(timeout=1.0, deadline=0.5, retry=RetryPolicy(retries=0))
    with pytest.raises(TransportError) as caught:
        send(request)
    chain = _reachable(caught.value)
    assert chain == [caught.value]  # neither __cause__ nor __context__
    assert token.split()[1] not in str(caught.value)
    assert raw_server.base in str(caught.value)


def test_refused_connection_error_has_no_context() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    creds = nrs.Credentials("username", "apiPassword", base_url=f"http://127.0.0.1:{port}")
    for factory in (_urllib, _httpx, _requests, _async_httpx):
        send = factory(timeout=1.0, retry=RetryPolicy(retries=0))
        with pytest.raises(TransportError) as caught:
            send(nrs.account(creds))
        assert caught.value.__context__ is None
        assert caught.value.__cause__ is None
