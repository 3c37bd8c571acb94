"""The demo page on a 50,000-character mixed-script paste, in headless Chromium.

    python benchmarks/bench_demo_page.py [--chars 50000] [--keys 20] [--width 1280]

Starts the demo server (``nrscompose.demo.server``), opens the page in Debian's Chromium through
``chromium-driver`` with selenium, and puts a text of emoji, ZWJ sequences, flags, Devanagari,
Arabic and a line break every 42 characters (1,190 of them in 50,000 characters: 893 parts)
in the message as a paste does (one ``input`` event). Then it types ``--keys`` characters in
the middle of the text, one real key event at a time with a typist's pause between them, and
reports for each keystroke the time from its ``keydown`` to the end of the next frame the page
drew (``event.timeStamp`` to a task queued from the frame after the page's own frame
callbacks, all with ``performance.now()``), and every long task (over 50 ms) seen meanwhile.

The same keys typed into a bare ``<textarea>`` holding the same text give the browser's own
cost of editing such a text, which no page can go below. Timings depend on the machine and
its load; nothing here is a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from nrscompose import analyze
from nrscompose.demo.server import DemoServer
from nrscompose.forms.check import normalize_newlines

LINE = "Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹 नमस्ते, مرحبا.\n"  # 42 code points
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PAUSE = 0.1  # seconds between keystrokes: a quick typist (10 a second)

# Keystroke latency, measured in the page: keydown -> the frame after the page's own frame
# callbacks (registered later than the page's input listener, so its callbacks run after the
# page's) -> a task queued from that frame, which runs once the frame is painted.
PROBE = """
var textarea = arguments[0];
window.__keys = []; window.__long = [];
var pending = null;
textarea.addEventListener("keydown", function (e) { pending = e.timeStamp; }, true);
textarea.addEventListener("input", function () {
  if (pending === null) return;
  var start = pending; pending = null;
  requestAnimationFrame(function () {
    setTimeout(function () { window.__keys.push(performance.now() - start); }, 0);
  });
});
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (e) { window.__long.push(e.duration); });
}).observe({type: "longtask"});
"""

PASTE = """
var textarea = arguments[0], text = arguments[1], done = arguments[arguments.length - 1];
var start = performance.now();
textarea.value = text;
textarea.setSelectionRange(arguments[2], arguments[2]);
textarea.dispatchEvent(new Event("input", {bubbles: true}));
requestAnimationFrame(function () {
  setTimeout(function () { done(performance.now() - start); }, 0);
});
"""

BARE = (
    "data:text/html;charset=utf-8,<!doctype html><meta charset=utf-8>"
    "<textarea id=message rows=7 spellcheck=false style='width:700px;font:14px monospace'>"
    "</textarea>"
)


def mixed_text(chars: int) -> str:
    """The issue's paste: ``chars`` code points of :data:`LINE` repeated."""
    return (LINE * (chars // len(LINE) + 1))[:chars]


def browser(width: int) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", f"--window-size={width},1000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.set_script_timeout(120)
    return driver


def metric(driver: Any, name: str) -> float:
    metrics = driver.execute_cdp_cmd("Performance.getMetrics", {})["metrics"]
    return float(next(m["value"] for m in metrics if m["name"] == name))


def press(driver: Any, key: str) -> None:
    """One real key stroke (keydown with its text, keyup), as the keyboard sends it."""
    driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyDown", "text": key, "key": key})
    driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})


def measure(driver: Any, text: str, keys: int) -> dict[str, Any]:
    """Paste ``text``, wait for the page to settle, type ``keys`` characters in its middle at
    :data:`PAUSE` intervals; the main thread's CPU time is measured over the typing."""
    textarea = driver.find_element("id", "message")
    middle = len(text.encode("utf-16-le")) // 4  # a UTF-16 offset near the middle
    paste_ms = driver.execute_async_script(PASTE, textarea, text, middle)
    time.sleep(1.5)  # what runs when the typing pauses
    driver.execute_script(PROBE, textarea)
    driver.execute_script("arguments[0].focus()", textarea)
    driver.execute_cdp_cmd("Performance.enable", {})
    cpu = metric(driver, "ThreadTime")
    names = ("LayoutDuration", "RecalcStyleDuration", "ScriptDuration", "TaskDuration")
    before = {name: metric(driver, name) for name in names}
    due = time.monotonic()
    for index in range(keys):
        press(driver, "abcdefghij"[index % 10])
        due += PAUSE
        time.sleep(max(0.0, due - time.monotonic()))
    time.sleep(0.1)
    cpu = metric(driver, "ThreadTime") - cpu
    spent = {name: (metric(driver, name) - before[name]) * 1000 / keys for name in names}
    time.sleep(1.5)
    keystrokes = driver.execute_script("return window.__keys")
    long_tasks = driver.execute_script("return window.__long")
    return {
        "paste_ms": paste_ms,
        "keystrokes_ms": keystrokes,
        "long_tasks_ms": long_tasks,
        "cpu_ms_per_key": cpu * 1000 / keys,
        "ms_per_key": spent,
    }


def summary(name: str, found: dict[str, Any]) -> str:
    times = found["keystrokes_ms"]
    long_tasks = found["long_tasks_ms"]
    return (
        f"{name}: paste {found['paste_ms']:.0f} ms; keystroke median "
        f"{statistics.median(times):.1f} ms, max {max(times):.1f} ms ({len(times)} keys), "
        f"main thread {found['cpu_ms_per_key']:.1f} ms CPU a key; "
        f"long tasks while typing: {len(long_tasks)}"
        + (f" (longest {max(long_tasks):.0f} ms)" if long_tasks else "")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chars", type=int, default=50_000)
    parser.add_argument("--keys", type=int, default=20)
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--json", action="store_true", help="print the measures as JSON")
    args = parser.parse_args(argv)
    text = mixed_text(args.chars)
    counted = analyze(normalize_newlines(text))
    print(
        f"{len(text):,} characters, {text.count(chr(10)):,} line breaks: "
        f"{counted.encoding}, {counted.parts:,} parts"
    )
    server = DemoServer(0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    driver = browser(args.width)
    results = {}
    try:
        driver.get(BARE)
        results["bare textarea"] = measure(driver, text, args.keys)
        driver.get(server.url)
        driver.execute_script("return !!window.NrsDemo")
        time.sleep(0.5)
        results["demo page"] = measure(driver, text, args.keys)
        results["demo page"]["parts_drawn"] = driver.execute_script(
            "return document.querySelectorAll('#segments li.segment').length"
        )
    finally:
        driver.quit()
        server.shutdown()
        server.server_close()
    for name, found in results.items():
        print(summary(name, found))
    print(f"parts drawn: {results['demo page']['parts_drawn']} of {counted.parts}")
    if args.json:
        print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
