"""The demo page (``nrscompose demo``): its JSON endpoints, and the page in a real Chromium.

The browser tests drive Debian's ``chromium`` through its ``chromium-driver`` with selenium
(``apt-get install chromium chromium-driver``, ``pip install selenium``); they are skipped when
any of the three is missing. selenium-manager is never used: the driver path is given.
Screenshots are written under each test's ``tmp_path``; the last one is also copied to
``/tmp/nrscompose-demo.png`` for a look by eye.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import re
import shutil
import socket
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from nrscompose import analyze
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign import estimate
from nrscompose.cli import _demo
from nrscompose.demo import campaign_page
from nrscompose.demo.server import DemoServer
from nrscompose.forms import counter_script
from nrscompose.forms.check import check_message, normalize_newlines

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
SHOWN = Path("/tmp/nrscompose-demo.png")
WAIT = 10  # seconds: the page answers in milliseconds; this only bounds a failure


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    demo = DemoServer(0)
    thread = threading.Thread(target=demo.serve_forever, daemon=True)
    thread.start()
    yield demo
    demo.shutdown()
    demo.server_close()
    thread.join(WAIT)


# --------------------------------------------------------------------- JSON endpoints


def _request(
    server: DemoServer,
    path: str,
    body: bytes | None = None,
    content_type: str = "application/json",
    method: str | None = None,
) -> tuple[int, str, bytes]:
    headers = {"Content-Type": content_type} if body is not None else {}
    request = urllib.request.Request(
        server.url.rstrip("/") + path, data=body, headers=headers, method=method
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def _post(server: DemoServer, path: str, payload: object) -> tuple[int, Any]:
    status, _, body = _request(server, path, json.dumps(payload).encode())
    return status, json.loads(body)


def test_check_endpoint_answers_with_api_codes_and_spans(server: DemoServer) -> None:
    text = "Hello’ " + "x" * 80
    status, answer = _post(server, "/api/check", {"message": text, "max_parts": 1})
    assert status == 200
    expected = check_message(text, max_parts=1)
    assert answer["valid"] is False
    assert answer["codes"] == [105] == list(expected.codes)
    [problem] = answer["problems"]
    assert (problem["start"], problem["end"]) == (expected.problems[0].start, len(text))
    assert answer["analysis"]["encoding"] == "utf-16"
    assert answer["analysis"]["parts"] == analyze(text).parts == 2
    assert [w["start"] for w in answer["warnings"]] == [5]


def test_check_endpoint_reads_the_form_as_json_with_its_crlf(server: DemoServer) -> None:
    payload = {"message": "Hola {name}\r\nadiós", "max_parts": 2, "values": {"name": "Ana"},
               "sender": None}  # fmt: skip
    status, answer = _post(server, "/api/check", payload)
    assert status == 200
    assert answer["received"] == "Hola {name}\r\nadiós"
    assert answer["newlines_changed"] is False
    assert answer["valid"] is True
    assert answer["analysis"]["units"] == analyze("Hola Ana\r\nadiós").units


def test_check_endpoint_reports_sender_and_parts_codes(server: DemoServer) -> None:
    payload = {"message": "hi", "max_parts": 0, "sender": "A" * 12, "locale": "es"}
    status, answer = _post(server, "/api/check", payload)
    assert status == 200
    assert answer["codes"] == [107, 110]
    assert all(p["message"] for p in answer["problems"])


def test_bad_json_is_a_clean_400(server: DemoServer) -> None:
    status, content_type, body = _request(server, "/api/check", b"{not json")
    assert status == 400
    assert content_type == "application/json"
    error = json.loads(body)["error"]
    assert error["status"] == 400
    assert "not UTF-8 JSON" in error["message"]
    assert b"Traceback" not in body


@pytest.mark.parametrize(
    ("path", "body", "content_type", "status", "words"),
    [
        ("/api/check", b"[1, 2]", "application/json", 400, "JSON object"),
        ("/api/check", b"{}", "application/json", 400, "'message' is required"),
        ("/api/check", b'{"message": 5}', "application/json", 400, "must be a string"),
        ("/api/check", b'{"message": "a", "profile": "x"}', "application/json", 400, "profile"),
        ("/api/check", b'{"message": "a", "channel": "x"}', "application/json", 400, "channel"),
        ("/api/check", b'{"message": "a", "locale": "../x"}', "application/json", 400, "locale"),
        ("/api/check", b'{"message": "a", "trans": "yes"}', "application/json", 400, "trans"),
        ("/api/check", b'{"message": "a", "values": [1]}', "application/json", 400, "values"),
        ("/api/check", b"\xff\xfe", "application/json", 400, "UTF-8"),
        ("/api/check", b"message=a", "application/x-www-form-urlencoded", 415, "Content-Type"),
        ("/api/check", b"message=a", "text/plain", 415, "Content-Type"),
        ("/api/preview", b"text=a", "application/x-www-form-urlencoded", 415, "Content-Type"),
        ("/api/preview", b'{"text": "{a}", "values": {"a": null}}', "application/json", 400, "a"),
        ("/api/suggest", b'{"chars": ["ab"]}', "application/json", 400, "one character"),
        ("/api/suggest", b'{"chars": "a"}', "application/json", 400, "list"),
        ("/api/nothing", b"{}", "application/json", 404, "no such endpoint"),
    ],
)
def test_bad_requests_get_json_errors(
    server: DemoServer, path: str, body: bytes, content_type: str, status: int, words: str
) -> None:
    answered, answered_type, raw = _request(server, path, body, content_type)
    assert (answered, answered_type) == (status, "application/json")
    assert words in json.loads(raw)["error"]["message"]


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [("GET", "/api/check", 405), ("GET", "/static/../demo.py", 404), ("PUT", "/", 501)],
)
def test_wrong_method_or_path_is_a_json_error(
    server: DemoServer, method: str, path: str, status: int
) -> None:
    body = b"{}" if method == "PUT" else None
    answered, content_type, raw = _request(server, path, body, method=method)
    assert (answered, content_type) == (status, "application/json")
    assert json.loads(raw)["error"]["status"] == status


def test_malformed_request_line_is_a_json_400(server: DemoServer) -> None:
    host, port = server.server_address[:2]
    with socket.create_connection((str(host), int(port)), timeout=WAIT) as connection:
        connection.sendall(b"NOT A REQUEST AT ALL\r\n\r\n")
        raw = b""
        while chunk := connection.recv(4096):
            raw += chunk
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 400")
    assert json.loads(body)["error"]["status"] == 400


def test_oversized_body_is_refused(server: DemoServer) -> None:
    status, _, raw = _request(server, "/api/check", b"x" * (256 * 1024 + 1))
    assert status == 413
    assert "larger than" in json.loads(raw)["error"]["message"]


def test_preview_endpoint_fills_sample_values(server: DemoServer) -> None:
    status, answer = _post(
        server,
        "/api/preview",
        {"text": "Hola {name|upper}, {code}", "values": {"name": "Ana", "code": 7}},
    )
    assert status == 200
    assert answer == {"preview": "Hola ANA, 7", "names": ["name", "code"], "problems": []}
    status, answer = _post(server, "/api/preview", {"text": "Hola {name}", "values": {}})
    assert answer["preview"] == "Hola "
    assert [(p["start"], p["end"]) for p in answer["problems"]] == [(5, 11)]
    status, answer = _post(server, "/api/preview", {"text": "Hola {name|nope}"})
    assert answer["preview"] is None
    assert answer["problems"][0]["start"] == 11


def test_suggest_endpoint_names_characters_and_their_gsm_rewrite(server: DemoServer) -> None:
    status, answer = _post(server, "/api/suggest", {"chars": ["’", "😀", "…"]})
    assert status == 200
    found = answer["suggestions"]
    assert found["’"]["replacement"] == "'"
    assert found["’"]["name"] == "RIGHT SINGLE QUOTATION MARK"
    assert found["😀"]["replacement"] is None
    assert found["…"]["replacement"] == "..."


def test_page_and_static_files_come_from_this_server_only(server: DemoServer) -> None:
    status, content_type, page = _request(server, "/")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    html = page.decode()
    assert '<textarea id="message" name="message"' in html
    links = re.findall(r'(?:src|href|action)="([^"]*)"', html)
    assert links
    assert all(link.startswith(("/", "data:")) for link in links), links
    for name in ("nrscompose-counter.js", "demo.js", "demo.css"):
        status, _, body = _request(server, "/static/" + name)
        assert status == 200
        assert b"http://" not in body
        assert b"https://" not in body
    status, _, options = _request(server, "/api/options")
    assert json.loads(options)["profiles"][0] == "360nrs"


def test_cli_demo_prints_the_address_and_stops_cleanly_on_ctrl_c(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    served: list[DemoServer] = []

    def interrupted(self: DemoServer, poll_interval: float = 0.5) -> None:
        served.append(self)
        raise KeyboardInterrupt

    monkeypatch.setattr(DemoServer, "serve_forever", interrupted)
    parser = argparse.ArgumentParser(prog="nrscompose")
    _demo.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["demo", "--port", "0", "--no-browser"])
    out = io.StringIO()
    assert args.run(args, out) == 0
    url = served[0].url
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", url)
    assert out.getvalue().splitlines() == [
        f"nrscompose demo on {url} (Ctrl-C to stop)",
        "nrscompose demo stopped",
    ]
    assert served[0].socket.fileno() == -1  # closed
    with pytest.raises(SystemExit):
        parser.parse_args(["demo", "--port", "70000"])


# ------------------------------------------------------------------------- the browser


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.exists():
            pytest.skip(f"{path} is missing: apt-get install {package}")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,1000")
    options.add_argument(f"--user-data-dir={tmp_path / 'chromium-profile'}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # a list drawn again between finding an element and reading it: look again
    waiting = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    return waiting.until(condition)


def axe_violations(driver: Any) -> list[Any]:
    """axe-core's WCAG 2.1 A/AA violations on the page, as [rule, [targets]] (skips without
    axe-core, which `npm ci --prefix js` installs)."""
    if not AXE.exists():
        pytest.skip("axe-core is not installed: npm ci --prefix js")
    driver.execute_script(AXE.read_text(encoding="utf-8"))
    result: list[Any] = driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
        ".then(function (r) { done(r.violations.map(function (v) {"
        " return [v.id, v.nodes.map(function (n) { return n.target.join(' '); })]; })); });"
    )
    return result


def overflowing(driver: Any, *, except_scrolling_tables: bool = False) -> list[str]:
    """The elements that reach past the window's right edge (ids or tag names); with
    ``except_scrolling_tables``, not those inside a table that scrolls on its own."""
    inside = " && !e.closest('.table-wrap')" if except_scrolling_tables else ""
    found: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('body *')).filter(function (e) {"
        " var r = e.getBoundingClientRect(); return r.width && r.right > window.innerWidth + 1"
        + inside
        + "; }).map(function (e) { return e.id || e.tagName; });"
    )
    return found


def _open(driver: Any, server: DemoServer) -> Any:
    driver.get(server.url)
    _wait(driver, lambda d: d.execute_script("return !!window.NrsDemo"))
    textarea = driver.find_element("id", "message")
    textarea.clear()
    return textarea


def _counter(driver: Any) -> dict[str, str]:
    ids = {
        "encoding": "c-encoding",
        "parts": "c-parts",
        "units": "c-units",
        "remaining": "c-remaining",
        "per_part": "c-per-part",
    }
    return {
        field: driver.find_element("id", id_).get_attribute("data-value")
        for field, id_ in ids.items()
    }


def _expected_counter(value: str) -> dict[str, str]:
    submitted = normalize_newlines(value, "crlf")  # what the form sends (DESIGN 1.7)
    analysis = analyze(submitted)
    return {
        "encoding": analysis.encoding,
        "parts": str(analysis.parts),
        "units": str(analysis.units),
        "remaining": str(analysis.remaining),
        "per_part": str(analysis.per_part),
    }


def _marks(driver: Any, kind: str) -> list[str]:
    """The marked characters of the mirror, once the page has drawn its next frame."""
    driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "requestAnimationFrame(function () { requestAnimationFrame(done); });"
    )
    # One script: the mirror may be drawn again meanwhile (a template's values arriving).
    marks: list[str] = driver.execute_script(
        "return Array.from(document.querySelectorAll('#mirror mark.' + arguments[0]))"
        ".map(function (m) { return m.textContent; });",
        kind,
    )
    return marks


def _screenshot(driver: Any, path: Path) -> Path:
    """The whole page, not only the window (Chrome DevTools Protocol, captureBeyondViewport)."""
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def _type(textarea: Any, text: str) -> None:
    """Keystrokes; a character outside the BMP (an emoji) cannot be typed by chromedriver, so
    it is inserted at the caret as an input method would, firing the same input event."""
    for piece in re.split(r"([\U00010000-\U0010FFFF])", text):
        if not piece:
            continue
        if len(piece) == 1 and ord(piece) > 0xFFFF:
            textarea.parent.execute_script(
                "var t = arguments[0]; t.setRangeText(arguments[1], t.selectionStart,"
                " t.selectionEnd, 'end'); t.dispatchEvent(new Event('input', {bubbles: true}));",
                textarea,
                piece,
            )
        else:
            textarea.send_keys(piece)


def test_counter_and_highlights_match_analyze_of_the_submitted_text(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    textarea = _open(browser, server)
    _type(textarea, "It’s 10 € today 😀\nSee you soon")
    value = textarea.get_attribute("value")
    assert value == "It’s 10 € today 😀\nSee you soon"  # the textarea holds LF ...
    assert analyze(value).units != analyze(value.replace("\n", "\r\n")).units  # ... CRLF costs more
    assert _counter(browser) == _expected_counter(value)
    assert _counter(browser)["encoding"] == "utf-16"
    offending = analyze(normalize_newlines(value)).offending
    assert _marks(browser, "off") == [o.char for o in offending] == ["’", "😀"]
    note = browser.find_element("id", "counter-note").text
    assert "1 line break counted as CRLF" in note
    _screenshot(browser, tmp_path / "1-typed.png")


def test_one_click_suggestion_rewrites_the_text_and_the_count(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    textarea = _open(browser, server)
    text = "It’s all set.\n" + "See you at the office, bring the papers please. " * 2
    _type(textarea, text)
    before = _counter(browser)
    assert before == _expected_counter(text)
    assert (before["encoding"], before["parts"]) == ("utf-16", "2")
    fix = _wait(
        browser,
        lambda d: d.find_elements("css selector", "#characters button.fix[data-char='’']"),
    )[0]
    assert fix.text == "Replace with '"
    effect = fix.find_element("xpath", "following-sibling::span[@class='effect']")
    assert effect.text == "saves 1 part"
    _screenshot(browser, tmp_path / "2-suggestion.png")
    fix.click()
    fixed = text.replace("’", "'")
    assert textarea.get_attribute("value") == fixed
    after = _counter(browser)
    assert after == _expected_counter(fixed)
    assert (after["encoding"], after["parts"]) == ("gsm", "1")
    assert _marks(browser, "off") == []


def test_submit_shows_the_server_problems_and_highlights_their_spans(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    textarea = _open(browser, server)
    text = "Dear customer, your order is ready.\n" + "Pick it up at the counter today. " * 2
    _type(textarea, text + "Thanks’")
    value = textarea.get_attribute("value")
    assert _counter(browser) == _expected_counter(value)
    assert (_counter(browser)["encoding"], _counter(browser)["parts"]) == ("utf-16", "2")
    _set_max_parts(browser, "1")
    browser.find_element("id", "submit").click()
    item = _wait(
        browser,
        lambda d: d.find_elements("css selector", "#server-problems li[data-code='105']"),
    )[0]
    expected = check_message(value, max_parts=1)  # spans index the text as given (LF)
    [problem] = expected.problems
    assert problem.code == 105
    assert item.find_element("css selector", ".message").text == problem.message
    status = browser.find_element("id", "server-status").text
    assert status.startswith("✗ 1 problem")
    assert problem.start is not None
    assert "".join(_marks(browser, "problem")) == value[problem.start : problem.end]
    count = browser.find_element("id", "server-count")
    assert count.get_attribute("data-units") == _counter(browser)["units"]  # server == browser
    assert count.get_attribute("data-encoding") == _counter(browser)["encoding"]
    assert _marks(browser, "off") == ["’"]  # also inside the problem's span
    _wait(browser, lambda d: d.find_element("css selector", "#characters .effect").text)
    shot = _screenshot(browser, tmp_path / "3-server-problems.png")
    shutil.copyfile(shot, SHOWN)

    _set_max_parts(browser, "2")
    browser.find_element("id", "submit").click()
    _wait(
        browser, lambda d: d.find_element("id", "server-card").get_attribute("data-valid") == "true"
    )
    assert browser.find_elements("css selector", "#server-problems li") == []
    assert _marks(browser, "problem") == []


def test_template_preview_fills_the_sample_values(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    textarea = _open(browser, server)
    _type(textarea, "Hola {name|upper}, your code is {code}")
    # One row per placeholder of the text (the page's "date" row goes), values kept.
    _wait(browser, lambda d: len(d.find_elements("css selector", "#values tbody tr")) == 2)
    rows = browser.find_elements("css selector", "#values tbody tr")
    keys = [
        r.find_element("css selector", "input[name='key']").get_attribute("value") for r in rows
    ]
    assert keys == ["name", "code"]
    assert (
        rows[0].find_element("css selector", "input[name='value']").get_attribute("value") == "Ana"
    )
    rows[1].find_element("css selector", "input[name='value']").send_keys("4711")
    _wait(
        browser,
        lambda d: d.find_element("id", "preview").text == "Hola ANA, your code is 4711",
    )
    _screenshot(browser, tmp_path / "4-preview.png")


def test_counter_update_time_for_a_1000_character_message(
    browser: Any, server: DemoServer, tmp_path: Path, record_property: Any
) -> None:
    _open(browser, server)
    samples = {
        "gsm": ("Your appointment is confirmed for Monday. " * 30)[:1000],
        "utf-16 (emoji, CRLF)": ("Olá 😀 ação\nconfirmada, obrigado! " * 40)[:1000],
    }
    timings: dict[str, dict[str, float]] = {}
    for name, text in samples.items():
        measured = browser.execute_script(
            """
            var text = arguments[0], runs = 200, options = {newlines: "crlf"};
            function perRun(run, times) {
              for (var i = 0; i < 50; i++) run();  // warm up (JIT)
              var start = performance.now();
              for (i = 0; i < times; i++) run();
              return (performance.now() - start) / times;
            }
            document.getElementById("message").value = text;
            var r = NrsCounter.analyze(text, options);
            return {
              analyze_ms: perRun(function () { NrsCounter.analyze(text, options); }, runs),
              keystroke_ms: perRun(NrsDemo.update, runs),
              highlights_ms: perRun(NrsDemo.renderHighlights, 50),
              encoding: r.encoding, parts: r.parts, units: r.units, offending: r.offending.length
            };
            """,
            text,
        )
        python = analyze(normalize_newlines(text))
        assert (measured["encoding"], measured["parts"], measured["units"]) == (
            python.encoding,
            python.parts,
            python.units,
        )
        timings[name] = {
            key: measured[key] for key in ("analyze_ms", "keystroke_ms", "highlights_ms")
        }
        print(
            f"\nChromium, 1,000 characters, {name} ({measured['offending']} offending): "
            f"NrsCounter.analyze {timings[name]['analyze_ms'] * 1000:.0f} µs per update; "
            f"keystroke (count + counter) {timings[name]['keystroke_ms'] * 1000:.0f} µs; "
            f"highlights (mirror + characters, once per frame) "
            f"{timings[name]['highlights_ms'] * 1000:.0f} µs"
        )
    record_property("counter_update_ms", json.dumps(timings))
    (tmp_path / "counter-timing.json").write_text(json.dumps(timings, indent=2))


def test_counter_attaches_itself_to_a_form_textarea_with_data_attributes(
    browser: Any, tmp_path: Path
) -> None:
    """What the Django widget renders: a textarea with data-nrs-* options, an <output>, and
    the script; the script finds them by itself and counts as the form will submit."""
    script = tmp_path / "nrscompose-counter.js"  # what the wheel ships, built from js/
    script.write_bytes(counter_script.counter_script())
    page = tmp_path / "form.html"
    page.write_text(
        '<!doctype html><meta charset="utf-8"><textarea id="id_message" data-nrs-counter'
        ' data-nrs-max-parts="1" data-nrs-newlines="crlf"></textarea>'
        '<output data-nrs-counter-for="id_message"></output>'
        f'<script src="{script.as_uri()}"></script>',
        encoding="utf-8",
    )
    browser.get(page.as_uri())
    _wait(browser, lambda d: d.execute_script("return !!window.NrsCounter"))
    textarea = browser.find_element("id", "id_message")
    output = browser.find_element("css selector", "output[data-nrs-counter-for]")
    _type(textarea, "Olá João\n")
    expected = analyze("Olá João\r\n")
    assert output.text == f"{expected.encoding} · 1 part · {expected.remaining} left"
    assert output.get_attribute("data-nrs-state") == "ok"
    _type(textarea, "x" * 160)
    _wait(browser, lambda d: output.get_attribute("data-nrs-state") == "over")
    assert output.text.startswith("gsm-pt · 2 parts")


def _set_max_parts(driver: Any, value: str) -> None:
    max_parts = driver.find_element("id", "max-parts")
    max_parts.clear()
    max_parts.send_keys(value)


def _set(driver: Any, text: str) -> Any:
    """Put ``text`` in the message as a paste would (one input event), for texts with
    characters chromedriver cannot type (ZWJ sequences, emoji)."""
    textarea = driver.find_element("id", "message")
    driver.execute_script(
        "var t = arguments[0]; t.value = arguments[1]; t.setSelectionRange(0, 0);"
        " t.dispatchEvent(new Event('input', {bubbles: true}));",
        textarea,
        text,
    )
    _marks(driver, "off")  # wait for the next frame: highlights, characters, parts
    return textarea


def _rows(driver: Any) -> list[Any]:
    return driver.find_elements("css selector", "#characters li.char-row")


FAMILY = "Family 👨‍👩‍👧‍👦 – it’s “great”…"


def test_fix_all_is_what_suggest_returns_and_never_breaks_a_cluster(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    """Regression: "Fix all" removed the zero-width joiners (four people instead of one
    family) and saved nothing, while nc.suggest() rightly changes nothing."""
    from nrscompose import suggest

    _open(browser, server)
    textarea = _set(browser, FAMILY)
    assert suggest(FAMILY).replacements == ()
    assert browser.find_element("id", "fix-all-row").is_displayed() is False
    assert browser.find_elements("css selector", "#characters button.fix") == []
    family = [r for r in _rows(browser) if "👨" in r.find_element("css selector", ".glyph").text]
    assert len(family) == 1  # one row for the whole cluster, not one per code point
    assert family[0].find_element("css selector", ".glyph").text == "👨‍👩‍👧‍👦"
    assert "11 units" in family[0].text
    assert textarea.get_attribute("value") == FAMILY
    _screenshot(browser, tmp_path / "family.png")

    text = "It’s “great” – see you… " + "ok " * 20
    expected = suggest(text)
    assert expected.parts_saved == 1
    _set(browser, text)
    fix_all = _wait(browser, lambda d: d.find_element("id", "fix-all"))
    assert browser.find_element("id", "fix-all-effect").text == "saves 1 part → gsm, 1 part"
    fix_all.click()
    assert textarea.get_attribute("value") == expected.text
    assert _counter(browser) == _expected_counter(expected.text)


def test_template_preview_follows_a_fix(browser: Any, server: DemoServer) -> None:
    """Regression: after a fix the counter showed gsm, 1 part while the preview still showed
    the old text and utf-16, 2 parts."""
    _open(browser, server)
    text = "Hola {name}, it’s ready: " + "see you soon " * 4
    _set(browser, text)
    preview = browser.find_element("id", "preview")
    _wait(browser, lambda d: preview.text.startswith("Hola Ana, it’s"))
    assert "utf-16, 2 parts" in browser.find_element("id", "preview-count").text
    browser.find_element("css selector", "#characters button.fix[data-char='’']").click()
    _wait(browser, lambda d: preview.text.startswith("Hola Ana, it's"))
    count = browser.find_element("id", "preview-count").text
    fixed = analyze("Hola Ana, it's ready: " + "see you soon " * 4)
    assert f"{fixed.encoding}, 1 part, {fixed.units} units" in count


def test_segment_view_shows_each_part_and_why_it_was_cut(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    _open(browser, server)
    text = "x" * 152 + "€" + "y" * 10
    _set(browser, text)
    a = analyze(text)
    segments = browser.find_elements("css selector", "#segments li.segment")
    assert len(segments) == a.parts == 2
    first = segments[0]
    assert "152 / 153 septets" in first.text
    assert "escape pair (2 septets), kept whole: 1 septet unused" in first.text
    assert first.find_element("css selector", ".segment-text").text == "x" * 152
    assert "€" in segments[1].find_element("css selector", ".segment-text").text
    assert _marks(browser, "double") == ["€"]
    double = [r for r in _rows(browser) if "double" in r.get_attribute("class")]
    assert len(double) == 1
    assert "2 septets" in double[0].text

    family = "x" * 60 + "👨‍👩‍👧‍👦" + "y" * 10
    _set(browser, family)
    segments = browser.find_elements("css selector", "#segments li.segment")
    assert len(segments) == analyze(family).parts == 2
    assert "The cluster 👨‍👩‍👧‍👦 is kept whole" in segments[0].text
    _screenshot(browser, tmp_path / "segments.png")


def test_defaults_follow_the_channel_and_the_placeholders(browser: Any, server: DemoServer) -> None:
    _open(browser, server)
    max_parts = browser.find_element("id", "max-parts")
    assert max_parts.get_attribute("value") == "15"
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "channel")).select_by_value("landing")
    assert max_parts.get_attribute("value") == "8"
    _set(browser, "Hola {city}")
    _wait(
        browser,
        lambda d: (
            [
                i.get_attribute("value")
                for i in d.find_elements("css selector", "#values tbody input[name='key']")
            ]
            == ["city"]
        ),
    )
    _set(browser, "no placeholders")
    _wait(browser, lambda d: not d.find_element("id", "values-block").is_displayed())


AXE = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("width", [1280, 390])
def test_page_is_accessible_and_fits_the_width(
    browser: Any, server: DemoServer, tmp_path: Path, width: int
) -> None:
    """axe-core (from npm: npm ci --prefix js) finds no WCAG 2 A/AA violation; nothing is
    wider than the window; one live region announces the count; screenshots for a look by eye."""
    browser.set_window_size(width, 1000)
    _open(browser, server)
    _set(browser, "It’s 10€ 👨‍👩‍👧‍👦 🇵🇹 " + "see you at the shop " * 6 + "{name}")
    # The counter changes on every keystroke; the live region speaks once per pause.
    assert browser.find_element("id", "counter").get_attribute("aria-live") is None
    assert browser.find_element("id", "announce").get_attribute("role") == "status"
    assert overflowing(browser) == []
    clipped = browser.execute_script(
        "return Array.from(document.querySelectorAll('.stat-label, .options label, h1, button'))"
        ".filter(function (e) { return e.scrollWidth > e.clientWidth + 1; })"
        ".map(function (e) { return e.textContent.trim(); });"
    )
    assert clipped == []
    shot = _screenshot(browser, tmp_path / f"page-{width}.png")
    shutil.copyfile(shot, Path(f"/tmp/nrscompose-demo-{width}.png"))
    assert axe_violations(browser) == []


def test_every_control_is_reachable_by_keyboard(browser: Any, server: DemoServer) -> None:
    from selenium.webdriver.common.keys import Keys

    _open(browser, server)
    _set(browser, "It’s ready " + "see you at the shop " * 4)
    browser.find_element("tag name", "body").click()
    reached = []
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        active = browser.switch_to.active_element
        reached.append(active.get_attribute("id") or active.get_attribute("class"))
    for control in ("message", "fix", "profile", "channel", "max-parts", "trans", "submit"):
        assert any(control in (name or "") for name in reached), (control, reached)
    fix = browser.find_element("css selector", "#characters button.fix")
    browser.execute_script("arguments[0].focus()", fix)
    outline = browser.execute_script(
        "var s = getComputedStyle(arguments[0]); return [s.outlineStyle, s.outlineWidth];", fix
    )
    assert outline[0] != "none"  # a visible focus ring
    assert outline[1] != "0px"
    fix.send_keys(Keys.ENTER)
    assert "’" not in browser.find_element("id", "message").get_attribute("value")


# ----------------------------------------------------------------- the campaign page
# /campaign: the estimate of a CSV, drawn; screenshots (1280 px, 390 px) are copied to
# /tmp/nrscompose-campaign-<width>.png for a look by eye.

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_bundled_example_is_the_repository_example() -> None:
    folder = Path(campaign_page.__file__).parent / "static" / "example"
    assert (folder / "campaign.csv").read_bytes() == (EXAMPLES / "campaign.csv").read_bytes()
    assert (folder / "prices.json").read_bytes() == (EXAMPLES / "prices.json").read_bytes()
    template = (EXAMPLES / "templates" / "order_es.txt").read_text(encoding="utf-8")
    assert (folder / "template.txt").read_text(encoding="utf-8") == template


def test_estimate_endpoint_answers_the_report_of_estimate(server: DemoServer) -> None:
    status, _, raw = _request(server, "/api/campaign/example")
    assert status == 200
    example = json.loads(raw)
    status, answer = _post(server, "/api/estimate", example)
    assert status == 200
    assert answer["problems"] == []
    assert answer["columns"] == ["phone", "name", "city", "amount"]
    expected = estimate(
        EXAMPLES / "campaign.csv",
        example["template"],
        prices=PriceList.load(EXAMPLES / "prices.json"),
        at=datetime.fromisoformat(example["at"]),
    ).as_json()
    expected["inputs"][0]["file"] = "recipients.csv"  # the posted text, not the example's path
    for row in answer["report"]["invalid_sample"]:  # what the page adds to show the rows
        del row["reason_text"]
    for row in answer["report"]["most_expensive"]:
        del row["costly"]
    assert answer["report"] == expected
    assert answer["report"]["totals"]["recipients"] == 300


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"template": "Hola {name|nope}"}, "message", "Unknown filter"),
        ({"at": "tomorrow"}, "at", "not an ISO 8601 time"),
        ({"at": "2026-11-29T14:00"}, "at", "UTC offset"),
        ({"prices": {"data": [{"x": 1}]}}, "prices", "countryIso"),
        ({"phone_field": "mobile"}, "phone_field", "no column 'mobile'"),
        ({"csv": "name,city\nAna,Lugo\n"}, "phone_field", "no column holds phone numbers"),
        ({"csv": ""}, "file", "empty"),
    ],
)
def test_estimate_problems_are_shown_not_raised(
    server: DemoServer, change: dict[str, Any], field: str, words: str
) -> None:
    payload = {"csv": "phone,name\n34612345678,Ana\n", "template": "Hola {name}", **change}
    status, answer = _post(server, "/api/estimate", payload)
    assert status == 200
    assert answer["report"] is None
    [problem] = answer["problems"]
    assert problem["field"] == field
    assert words in problem["message"]


@pytest.mark.parametrize(
    ("payload", "words"),
    [
        ({"csv": 5, "template": "x"}, "'csv' must be a string"),
        ({"csv": "", "template": "x", "profile": "nope"}, "unknown profile"),
        ({"csv": "", "template": "x", "trans": "yes"}, "'trans'"),
        ({"csv": "", "template": "x", "lenient": 1}, "'lenient'"),
        ({"file": "not base64!", "template": "x"}, "base64"),
        ({"csv": "", "template": "x", "encoding": "klingon"}, "unknown encoding"),
        ({"csv": "", "template": "x", "prices": "cheap"}, "'prices'"),
    ],
)
def test_bad_estimate_requests_are_json_400s(
    server: DemoServer, payload: dict[str, Any], words: str
) -> None:
    status, answer = _post(server, "/api/estimate", payload)
    assert status == 400
    assert words in answer["error"]["message"]


def _bars(driver: Any, figure: str) -> dict[str, str]:
    return {
        group.get_attribute("data-label"): group.find_element("css selector", ".bar-value").text
        for group in driver.find_elements("css selector", f"#{figure} g.bar")
    }


@pytest.mark.parametrize("width", [1280, 390])
def test_campaign_page_draws_the_example_report(
    browser: Any, server: DemoServer, tmp_path: Path, width: int
) -> None:
    browser.set_window_size(width, 1000)
    browser.get(server.url + "campaign")
    _wait(browser, lambda d: d.execute_script("return !!window.NrsCampaign"))
    browser.find_element("id", "use-example").click()
    _wait(browser, lambda d: d.find_element("id", "report").is_displayed())
    report = browser.execute_script("return NrsCampaign.state.report")
    totals = browser.find_elements("css selector", "#totals .stat-value")
    assert [t.get_attribute("data-value") for t in totals[:4]] == ["300", "288", "12", "576"]
    assert totals[4].text == "EUR 18.5382"  # as the command line prints it
    countries = _bars(browser, "by-country")
    assert set(countries) == set(report["by_country"])
    assert countries["ES"].startswith("EUR 5.772 · 148 parts · 74 recipients")
    assert countries["IN"] == "unpriced · 12 parts · 6 recipients"  # no price: no bar
    widths = browser.execute_script(
        "return Array.from(document.querySelectorAll('#by-country g.bar rect'))"
        ".map(function (r) { return Number(r.getAttribute('width')); });"
    )
    assert widths[0] == max(widths) > 0
    assert widths[-1] == 0
    assert browser.find_element("css selector", "#by-encoding svg").get_attribute("aria-label") == (
        "Encoding mix: utf-16 288 recipients"
    )
    held = _bars(browser, "held")
    assert held == {
        "at once": f"{288 - 50 - 34} recipients",
        "Mon 2026-11-30 07:00 UTC": "50 recipients held",
        "Mon 2026-11-30 12:00 UTC": "34 recipients held",
    }
    assert report["held"] == {"2026-11-30T07:00:00+00:00": 50, "2026-11-30T12:00:00+00:00": 34}
    invalid = browser.find_element("id", "invalid").text
    assert re.search(r"not a phone number in international format\s+4", invalid)
    expensive = browser.find_element("id", "expensive").text
    assert "saves 1 part (gsm)" in expensive
    assert overflowing(browser, except_scrolling_tables=True) == []
    shot = _screenshot(browser, tmp_path / f"campaign-{width}.png")
    shutil.copyfile(shot, Path(f"/tmp/nrscompose-campaign-{width}.png"))
    assert axe_violations(browser) == []
