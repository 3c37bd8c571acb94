"""Every transport against answers without a size bound, on 127.0.0.1 only.

A server thread answers with one of three bodies: a declared ``Content-Length`` of 10 GB
(then zeros for as long as the client reads), endless 64 KiB chunks, and a gzip bomb of
10.4 MB that inflates to 10 GiB. Each (transport, body) pair runs in a fresh subprocess,
its address space capped (``--cap-gb``, default 4) so that a transport without a bound stops
at ``MemoryError`` instead of taking the machine; the script prints what came out, the time
and the child's peak resident memory.

    PYTHONPATH=src python benchmarks/bench_transport_bombs.py [--src DIR] [--cap-gb 4]
"""

from __future__ import annotations

import argparse
import os
import resource
import socket
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

MiB = 1024 * 1024
TRANSPORTS = ("UrllibTransport", "HttpxTransport", "AsyncHttpxTransport", "RequestsTransport")

CHILD = """
import asyncio, sys
import nrscompose.transports as t
from nrscompose._base.http import HttpRequest
name, url = sys.argv[1], sys.argv[2]
request = HttpRequest("GET", url)
transport = getattr(t, name)(10.0, deadline=120.0, retry=t.RetryPolicy(retries=0))
try:
    if name.startswith("Async"):
        answer = asyncio.run(transport.send(request))
    else:
        answer = transport.send(request)
    print(f"an answer of {len(answer.body)} bytes")
except BaseException as error:
    print(f"{type(error).__name__}: {str(error)[:90]}")
"""


def gzip_bomb(gibibytes: int) -> bytes:
    """As in tests/test_transports_bounds.py: about 1 MB per GiB of zeros, no trailer."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(MiB)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + again * (gibibytes * 1024 - 1)


def _serve(listener: socket.socket, body: str, bomb: bytes) -> None:
    while True:
        try:
            conn, _ = listener.accept()
        except OSError:
            return
        threading.Thread(target=_answer, args=(conn, body, bomb), daemon=True).start()


def _answer(conn: socket.socket, body: str, bomb: bytes) -> None:
    with conn:
        try:
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(4096)
            if body == "declared 10 GB":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10737418240\r\n\r\n")
                while True:
                    conn.sendall(bytes(0x10000))
            elif body == "endless chunks":
                conn.sendall(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
                chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
                while True:
                    conn.sendall(chunk)
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: "
                             b"%d\r\n\r\n" % len(bomb) + bomb)  # fmt: skip
        except OSError:
            return


def _run(src: Path, name: str, url: str, cap: int) -> tuple[str, float, int]:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, name, url], env={**os.environ, "PYTHONPATH": str(src)},
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, preexec_fn=limit,
    )  # fmt: skip
    assert child.stdout is not None
    output = child.stdout.read().strip().splitlines()
    _, _, usage = os.wait4(child.pid, 0)
    seconds = time.monotonic() - start
    return (output[-1] if output else "(nothing)"), seconds, usage.ru_maxrss // 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path(__file__).parents[1] / "src")
    parser.add_argument("--cap-gb", type=float, default=4.0)
    args = parser.parse_args()
    bomb = gzip_bomb(10)
    print(f"gzip bomb: {len(bomb) / 1e6:.1f} MB inflating to 10 GiB", flush=True)
    for body in ("declared 10 GB", "endless chunks", "gzip bomb"):
        listener = socket.create_server(("127.0.0.1", 0))
        threading.Thread(target=_serve, args=(listener, body, bomb), daemon=True).start()
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/api/rest/sms"
        for name in TRANSPORTS:
            outcome, seconds, peak = _run(args.src, name, url, int(args.cap_gb * 1024**3))
            print(f"{body:15} {name:20} {seconds:6.2f} s  peak {peak:5d} MB  {outcome}",
                  flush=True)  # fmt: skip
        listener.close()


if __name__ == "__main__":
    main()
