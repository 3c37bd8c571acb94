"""The demo server under bad clients: malformed input is a 400, slow clients are cut off,
threads are bounded, bursts wait in the queue, and answers stay small."""

from __future__ import annotations

import json
import socket
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

import pytest

from nrscompose.demo.server import MAX_LISTED, DemoServer

WAIT = 10  # seconds: only bounds a failure


@contextmanager
def running(**options: Any) -> Iterator[DemoServer]:
    demo = DemoServer(0, **options)
    thread = threading.Thread(target=demo.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield demo
    finally:
        demo.shutdown()
        demo.server_close()
        thread.join(WAIT)


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with running() as demo:
        yield demo


def _post(server: DemoServer, path: str, body: bytes,
          content_type: str = "application/json") -> tuple[int, bytes]:  # fmt: skip
    request = urllib.request.Request(server.url.rstrip("/") + path, data=body,
                                     headers={"Content-Type": content_type})  # fmt: skip
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _address(server: DemoServer) -> tuple[str, int]:
    host, port = server.server_address[:2]
    return str(host), int(port)


# --------------------------------------------------------------------- 400, not 500

AMOUNT_29_DIGITS = b'{"text": "{n|formatDotComma}", "values": {"n": 12345678901234567890123456789}}'


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/check", b'{"message": "a\\ud800b"}'),
        ("/api/check", b'{"message": "a", "sender": "\\udc00"}'),
        ("/api/suggest", b'{"chars": ["\\ud800"]}'),
        ("/api/preview", b'{"text": "{n}", "values": {"n": NaN}}'),
        ("/api/preview", b'{"text": "{n}", "values": {"n": Infinity}}'),
        ("/api/preview", AMOUNT_29_DIGITS),
        ("/api/check", b'{"message": "a", "max_parts": ' + b"9" * 5000 + b"}"),
        ("/api/check", b'{"message": "a", "values": ' + b'{"a":' * 1000 + b"1" + b"}" * 1001),
        ("/api/check", b"[" * 1000 + b"]" * 1000),
    ],
    ids=["surrogate-message", "surrogate-sender", "surrogate-suggest", "nan", "infinity",
         "29-digit-amount", "5000-digit-max-parts", "nested-1000", "nested-array"],
)  # fmt: skip
def test_malformed_input_is_a_400_not_a_500(server: DemoServer, path: str, body: bytes) -> None:
    status, raw = _post(server, path, body)
    assert status == 400
    assert json.loads(raw)["error"]["status"] == 400


def test_a_5000_digit_max_parts_as_text_is_problem_110(server: DemoServer) -> None:
    status, raw = _post(server, "/api/check", b'{"message": "a", "max_parts": "' + b"9" * 5000
                        + b'"}')  # fmt: skip
    assert status == 200
    assert json.loads(raw)["codes"] == [110]


# --------------------------------------------------------------------- slow clients


def _until_closed(connection: socket.socket) -> bytes:
    raw = b""
    while chunk := connection.recv(4096):
        raw += chunk
    return raw


def test_a_body_that_never_arrives_is_answered_408_and_the_connection_closed() -> None:
    with running(read_timeout=0.3) as demo:
        with socket.create_connection(_address(demo), timeout=WAIT) as connection:
            connection.sendall(b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Type: "
                               b"application/json\r\nContent-Length: 50\r\n\r\n{")  # fmt: skip
            raw = _until_closed(connection)  # before the fix: blocked until WAIT
        assert raw.startswith(b"HTTP/1.1 408")


def test_a_client_trickling_its_request_is_cut_off_at_the_deadline() -> None:
    with running(read_timeout=5, request_deadline=0.5) as demo:
        with socket.create_connection(_address(demo), timeout=WAIT) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\n")
            closed = False
            for _ in range(200):  # one header byte every 0.05 s: 10 s if never cut off
                try:
                    connection.sendall(b"X")
                    connection.settimeout(0.05)
                    closed = connection.recv(4096) == b""
                except TimeoutError:
                    continue
                except OSError:  # reset: closed as well
                    closed = True
                if closed:
                    break
        assert closed


def test_threads_are_bounded_and_freed_by_the_read_timeout() -> None:
    with running(max_threads=4, read_timeout=0.3) as demo:
        before = threading.active_count()
        idle = [socket.create_connection(_address(demo), timeout=WAIT) for _ in range(20)]
        try:
            time.sleep(0.2)  # lets the server accept what it will
            assert threading.active_count() - before <= 4
            # The silent clients time out; a real request is then served.
            status, _ = _post(demo, "/api/check", b'{"message": "hi"}')
            assert status == 200
        finally:
            for connection in idle:
                connection.close()


def test_a_burst_of_200_parallel_requests_is_served_not_reset(server: DemoServer) -> None:
    def one(_: int) -> int:
        return _post(server, "/api/check", b'{"message": "hola"}')[0]

    with ThreadPoolExecutor(200) as pool:
        statuses = list(pool.map(one, range(200)))
    assert statuses == [200] * 200


# --------------------------------------------------------------------- answer size


def test_80000_distinct_characters_get_a_small_grouped_answer(server: DemoServer) -> None:
    # Every 3-byte character of the BMP, then CJK extension B: 80,000 distinct characters in
    # a body just under the 256 KB limit.
    bmp = [chr(c) for c in range(0x800, 0x10000) if not 0xD800 <= c <= 0xDFFF]
    text = "".join(bmp) + "".join(chr(0x20000 + i) for i in range(80_000 - len(bmp)))
    body = json.dumps({"message": text, "max_parts": 15}, ensure_ascii=False).encode()
    assert len(body) > 250_000
    status, raw = _post(server, "/api/check", body)
    assert status == 200
    assert len(raw) < 3 * len(body)  # was 36 MB: one warning and one offending entry a character
    answer = json.loads(raw)
    assert len(answer["warnings"]) == MAX_LISTED
    assert answer["warnings_omitted"] > 70_000
    assert len(answer["analysis"]["offending"]) == MAX_LISTED
    assert answer["analysis"]["offending_omitted"] > 70_000


def test_a_repeated_character_is_one_entry_with_its_count(server: DemoServer) -> None:
    status, raw = _post(server, "/api/check", json.dumps({"message": "😀" * 500 + "é"}).encode())
    assert status == 200
    answer = json.loads(raw)
    [warning] = [w for w in answer["warnings"] if w["start"] == 0]
    assert warning["count"] == 500
    assert answer["warnings_omitted"] == 0
    [smiley] = [o for o in answer["analysis"]["offending"] if o["char"] == "😀"]
    assert smiley["count"] == 500
