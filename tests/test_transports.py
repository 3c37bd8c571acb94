"""Every transport against a real HTTP server on 127.0.0.1 replaying seed 001's answers."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from nrscompose._base.errors import TransportError
from nrscompose._base.http import HttpRequest, HttpResponse
from nrscompose.providers import nrs
from nrscompose.providers.nrs._base import make_request
from nrscompose.transports import RetryPolicy, Transport, UrllibTransport

GOOD = nrs.Credentials("username", "apiPassword")
ACCEPTED = {"campaignId": 100000, "sendingId": 100001,
            "result": [{"accepted": True, "to": "34666555444", "id": "XXXXXXXXXXXXX",
                        "parts": 1, "scheduledAt": None, "expiresAt": None}]}  # fmt: skip
GROUPS = {"data": [{"id": 1, "name": "My contact list"}],
          "meta": {"pagination": {"total": 2, "count": 1, "per_page": 1, "current_page": 1,
                                  "total_pages": 2, "links": {"next": "NEXT"}}}}  # fmt: skip


class Recorder:
    def __init__(self) -> None:
        self.requests: list[tuple[str, str, dict[str, str], bytes]] = []
        self.flaky_failures = 0
        self.release = threading.Event()


class Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: object) -> None:  # quiet test output
        pass

    def _reply(self, status: int, payload: object, headers: dict[str, str] | None = None) -> None:
        raw = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(raw)

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        recorder = self.server.recorder
        recorder.requests.append((self.command, self.path, dict(self.headers.items()), body))
        if self.headers.get("Authorization") != GOOD.authorization:
            error = {"code": 103, "description": "Username or password unknown"}
            self._reply(401, {"error": error})
        elif self.path == "/api/rest/sms" and self.command == "POST":
            sent = json.loads(body)
            if len(sent["to"]) > 1:
                multi = json.loads(json.dumps(ACCEPTED))
                error = {"code": 102, "description": "No valid recipients"}
                multi["result"].append({"accepted": False, "to": sent["to"][1], "error": error})
                self._reply(207, multi)
            else:
                self._reply(202, ACCEPTED)
        elif self.path.startswith("/api/rest/groups"):
            page = json.loads(json.dumps(GROUPS))
            next_url = f"{self.server.base}/api/rest/groups?page=2"
            page["meta"]["pagination"]["links"]["next"] = next_url
            self._reply(200, page)
        elif self.path == "/api/rest/scheduled" and self.command == "DELETE":
            self._reply(200, {"result": True, "deleted": len(json.loads(body)["guid"])})
        elif self.path.startswith("/api/rest/flaky"):
            if recorder.flaky_failures > 0:
                recorder.flaky_failures -= 1
                self._reply(503, b"busy", {"Retry-After": "1"})
            else:
                self._reply(200, {"data": {"ok": True}})
        elif self.path == "/api/rest/redirect":
            self._reply(302, b"", {"Location": "http://127.0.0.2:9/steal"})
        elif self.path == "/api/rest/slow":
            recorder.release.wait(10)
            self._reply(200, {"data": {}})
        else:
            self._reply(404, {"error": {"code": 404, "description": "Resource not found"}})

    do_GET = do_POST = do_PUT = do_DELETE = _handle


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    recorder: Recorder
    base: str


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), Handler)
    httpd.recorder = Recorder()
    httpd.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.recorder.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _creds(server: _Server, good: bool = True) -> nrs.Credentials:
    return nrs.Credentials("username", "apiPassword" if good else "wrong", base_url=server.base)


# Each factory takes (timeout, retry, sleep) and returns a Transport.
Factory = Callable[[float, RetryPolicy, Callable[[float], None]], Transport]


def _urllib(timeout: float, retry: RetryPolicy, sleep: Callable[[float], None]) -> Transport:
    return UrllibTransport(timeout, retry=retry, sleep=sleep, trust_env=False)


def _httpx(timeout: float, retry: RetryPolicy, sleep: Callable[[float], None]) -> Transport:
    pytest.importorskip("httpx")
    from nrscompose.transports import HttpxTransport

    return HttpxTransport(timeout, retry=retry, sleep=sleep, trust_env=False)


def _requests(timeout: float, retry: RetryPolicy, sleep: Callable[[float], None]) -> Transport:
    pytest.importorskip("requests")
    from nrscompose.transports import RequestsTransport

    return RequestsTransport(timeout, retry=retry, sleep=sleep, trust_env=False)


class _AsyncAsSync:
    """Runs the async httpx transport through asyncio, so one test body covers it too."""

    def __init__(self, timeout: float, retry: RetryPolicy, sleep: Callable[[float], None]) -> None:
        pytest.importorskip("httpx")
        self.args = (timeout, retry, sleep)

    def send(self, request: HttpRequest) -> HttpResponse:
        from nrscompose.transports import AsyncHttpxTransport

        timeout, retry, sleep = self.args

        async def fake_sleep(seconds: float) -> None:
            sleep(seconds)

        async def run() -> HttpResponse:
            async with AsyncHttpxTransport(timeout, retry=retry, sleep=fake_sleep,
                                           trust_env=False) as transport:  # fmt: skip
                return await transport.send(request)

        return asyncio.run(run())


FACTORIES = pytest.mark.parametrize(
    "factory", [_urllib, _httpx, _requests, _AsyncAsSync], ids=["urllib", "httpx", "requests",
                                                               "httpx-async"]
)  # fmt: skip


@FACTORIES
def test_send_sms_202_and_207(server: _Server, factory: Factory) -> None:
    transport = factory(5.0, RetryPolicy(), lambda s: None)
    request = nrs.sms(to=["34666555444"], sender="TEST", message="SMS text message",
                      credentials=_creds(server))  # fmt: skip
    result = nrs.read(request, transport.send(request))
    assert isinstance(result, nrs.SendResult)
    assert result.status == 202
    method, path, headers, body = server.recorder.requests[-1]
    assert (method, path) == ("POST", "/api/rest/sms")
    assert headers["Content-Type"] == "application/json"
    assert json.loads(body)["encoding"] == "gsm"
    request = nrs.sms(to=["34666555444", "34666555333"], sender="T", message="x",
                      credentials=_creds(server))  # fmt: skip
    status, _headers, raw = transport.send(request)
    multi = nrs.parse_response(status, raw, "send")
    assert status == 207
    assert multi.rejected[0].error.code == 102


@FACTORIES
def test_listing_delete_and_errors(server: _Server, factory: Factory) -> None:
    transport = factory(5.0, RetryPolicy(), lambda s: None)
    page = nrs.read(request := nrs.endpoint("groups.list", _creds(server)),
                    transport.send(request))  # fmt: skip
    assert isinstance(page, nrs.Page)
    assert page.next is not None
    follow = nrs.follow(page.next, _creds(server))
    assert transport.send(follow).status == 200
    assert server.recorder.requests[-1][1] == "/api/rest/groups?page=2"
    delete = nrs.scheduled_delete(_creds(server), guid=[100, 101])
    assert nrs.read(delete, transport.send(delete)) == nrs.UpdateResult(True, 2, "deleted")
    account = nrs.account(_creds(server, good=False))
    response = transport.send(account)
    assert response.status == 401
    with pytest.raises(nrs.NrsApiError) as error:
        nrs.read(account, response)
    assert error.value.code == 103
    assert error.value.entry is not None


@FACTORIES
def test_idempotent_requests_are_retried_with_backoff(server: _Server, factory: Factory) -> None:
    sleeps: list[float] = []
    transport = factory(5.0, RetryPolicy(retries=3, backoff=0.25), sleeps.append)
    server.recorder.flaky_failures = 2
    request = make_request(_creds(server), "GET", "/flaky")
    assert transport.send(request).status == 200
    assert sleeps == [1.0, 1.0]  # the server's Retry-After
    assert len(server.recorder.requests) == 3


@FACTORIES
def test_post_is_never_retried(server: _Server, factory: Factory) -> None:
    sleeps: list[float] = []
    transport = factory(5.0, RetryPolicy(retries=3), sleeps.append)
    server.recorder.flaky_failures = 5
    request = make_request(_creds(server), "POST", "/flaky", payload={})
    assert transport.send(request).status == 503
    assert sleeps == []
    assert len(server.recorder.requests) == 1


@FACTORIES
def test_redirects_are_not_followed(server: _Server, factory: Factory) -> None:
    transport = factory(5.0, RetryPolicy(), lambda s: None)
    request = make_request(_creds(server), "GET", "/redirect")
    response = transport.send(request)
    assert response.status == 302
    assert response.headers["location"].startswith("http://127.0.0.2")


@FACTORIES
def test_timeout_is_a_transport_error(server: _Server, factory: Factory) -> None:
    transport = factory(0.2, RetryPolicy(retries=0), lambda s: None)
    request = make_request(_creds(server), "GET", "/slow")
    with pytest.raises(TransportError) as error:
        transport.send(request)
    assert "apiPassword" not in str(error.value)
    assert GOOD.authorization.split()[1] not in str(error.value)


@FACTORIES
def test_connection_refused_is_retried_then_raised(factory: Factory) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    sleeps: list[float] = []
    transport = factory(2.0, RetryPolicy(retries=2, backoff=0.5), sleeps.append)
    creds = nrs.Credentials("username", "apiPassword", base_url=f"http://127.0.0.1:{port}")
    with pytest.raises(TransportError):
        transport.send(nrs.account(creds))
    assert sleeps == [0.5, 1.0]


def test_timeouts_are_required_and_checked() -> None:
    with pytest.raises(TypeError):
        UrllibTransport()  # type: ignore[call-arg]
    for bad in (0, -1, float("inf")):
        with pytest.raises(ValueError, match="positive"):
            UrllibTransport(bad)
