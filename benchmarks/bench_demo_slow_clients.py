"""The demo server (``nrscompose demo``) under slow and stalled clients, on 127.0.0.1 only.

Starts ``python -m nrscompose demo --no-browser`` as a subprocess (``--src`` chooses the
source tree, to compare two versions), then, for each scenario, keeps attacker sockets open
(reopening any the server closes, as slowloris tools do) while an honest client posts
``/api/check`` and times each answer. Prints, per scenario: honest requests answered (at all
and within one second), their median and worst latency, the attacker connections opened, and
the server's resident memory (peak and now) and thread count.

Scenarios (issue 23's figures):

* ``slowloris`` — 300 sockets, each sending one header byte every 3 s; an honest request
  every second.
* ``stalled`` — 1,000 connections that send a request line and then nothing; 200 honest
  requests, 10 at a time.

    PYTHONPATH=src python benchmarks/bench_demo_slow_clients.py [--src DIR] [--seconds 40]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

HONEST_TIMEOUT = 5.0  # seconds an honest client waits for its answer
BODY = json.dumps({"message": "Hola, ¿qué tal?"}).encode()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failed: int = 0
    attackers_opened: int = 0

    def line(self, name: str, server: Server) -> str:
        total = len(self.latencies) + self.failed
        fast = sum(1 for s in self.latencies if s <= 1.0)
        median = statistics.median(self.latencies) if self.latencies else float("nan")
        worst = max(self.latencies, default=float("nan"))
        return (
            f"{name:9} answered {len(self.latencies)}/{total} (within 1 s: {fast}); "
            f"latency median {median * 1000:.0f} ms, worst {worst * 1000:.0f} ms; "
            f"attacker connections opened {self.attackers_opened}; "
            f"server RSS peak {server.memory('VmHWM')} MB, now {server.memory('VmRSS')} MB, "
            f"threads {server.threads()}"
        )


class Server:
    def __init__(self, src: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(src)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "nrscompose", "demo", "--no-browser"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if found is None:
            raise SystemExit(f"the demo did not start: {line!r}")
        self.port = int(found.group(1))

    def _status(self) -> str:
        return Path(f"/proc/{self.process.pid}/status").read_text()

    def memory(self, name: str) -> int:
        found = re.search(rf"{name}:\s+(\d+) kB", self._status())
        return int(found.group(1)) // 1024 if found else -1

    def threads(self) -> int:
        found = re.search(r"Threads:\s+(\d+)", self._status())
        return int(found.group(1)) if found else -1

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


async def honest(port: int, tally: Tally) -> None:
    start = time.monotonic()
    try:
        async with asyncio.timeout(HONEST_TIMEOUT):
            reader, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.write(
                b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
                b"Content-Type: application/json\r\nContent-Length: %d\r\n"
                b"Connection: close\r\n\r\n%s" % (port, len(BODY), BODY)
            )
            answer = await reader.read()
            writer.close()
        if not answer.startswith(b"HTTP/1.1 200"):
            raise ConnectionError(answer[:40])
        tally.latencies.append(time.monotonic() - start)
    except (OSError, TimeoutError, ConnectionError):
        tally.failed += 1


async def slow_attacker(port: int, every: float, first: bytes, tally: Tally,
                        stop: asyncio.Event) -> None:  # fmt: skip
    """Keeps one connection trickling: ``first``, then a byte every ``every`` seconds
    (``every=0``: nothing more); a connection the server closes is opened again."""
    while not stop.is_set():
        writer = None
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            tally.attackers_opened += 1
            writer.write(first)
            await writer.drain()
            while not stop.is_set():
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), every or 3600)
                if every:
                    writer.write(b"X")
                    await writer.drain()
        except OSError:
            await asyncio.sleep(0.05)
        finally:
            if writer is not None:
                writer.close()


async def scenario(port: int, name: str, seconds: float) -> Tally:
    tally, stop = Tally(), asyncio.Event()
    if name == "slowloris":
        first, every, attackers = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: b", 3.0, 300
    else:
        first, every, attackers = b"GET / HTTP/1.1\r\n", 0.0, 1000
    tasks = [asyncio.create_task(slow_attacker(port, every, first, tally, stop))
             for _ in range(attackers)]  # fmt: skip
    await asyncio.sleep(2.0)  # the attack is in place before the first honest request
    if name == "slowloris":  # an honest request a second
        honest_tasks = []
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            honest_tasks.append(asyncio.create_task(honest(port, tally)))
            await asyncio.sleep(1.0)
        await asyncio.gather(*honest_tasks)
    else:  # 200 honest requests, 10 at a time
        for _ in range(20):
            await asyncio.gather(*(honest(port, tally) for _ in range(10)))
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=Path(__file__).parents[1] / "src")
    parser.add_argument("--seconds", type=float, default=40.0, help="slowloris duration")
    parser.add_argument("--only", choices=["slowloris", "stalled"])
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))
    for name in [args.only] if args.only else ["slowloris", "stalled"]:
        server = Server(args.src)  # a fresh server per scenario: its peak memory is its own
        try:
            baseline = Tally()
            asyncio.run(honest(server.port, baseline))
            tally = asyncio.run(scenario(server.port, name, args.seconds))
            print(tally.line(name, server), flush=True)
        finally:
            server.stop()


if __name__ == "__main__":
    main()
