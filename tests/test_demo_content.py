"""The demo page shows a destination country's content rules (``/api/check`` with ``country``),
in its JSON answer and in a real Chromium (skipped where chromium, its driver or selenium is
missing). The screenshot is copied to ``/tmp/nrscompose-demo-content.png`` for a look by eye."""

from __future__ import annotations

import base64
import json
import shutil
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nrscompose.forms.demo import DemoServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOWN = Path("/tmp/nrscompose-demo-content.png")
WAIT = 10


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    demo = DemoServer(0)
    thread = threading.Thread(target=demo.serve_forever, daemon=True)
    thread.start()
    yield demo
    demo.shutdown()
    demo.server_close()
    thread.join(WAIT)


def _post(server: DemoServer, fields: dict[str, object]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        server.url.rstrip("/") + "/api/check",
        data=json.dumps(fields).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=WAIT) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_the_check_answer_carries_the_countrys_content_rules(server: DemoServer) -> None:
    status, answer = _post(server, {"message": "Soldes -50%", "country": "FR"})
    assert status == 200
    assert not answer["valid"]
    assert [p["kind"] for p in answer["problems"]] == ["content.opt_out_missing"]
    assert [p["kind"] for p in answer["notices"]] == ["content.prohibited_topics"]
    status, answer = _post(
        server, {"message": "Soldes -50%", "country": "FR", "category": "transactional"}
    )
    assert (answer["valid"], answer["notices"]) == (True, [])
    status, answer = _post(server, {"message": "Soldes -50%"})
    assert (answer["valid"], answer["notices"]) == (True, [])


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"country": "FRA"}, "two-letter"),
        ({"country": 7}, "'country' must be a string"),
        ({"category": "spam"}, "unknown category"),
    ],
)
def test_a_bad_country_or_category_is_a_400_not_a_traceback(
    server: DemoServer, fields: dict[str, object], error: str
) -> None:
    status, answer = _post(server, {"message": "hi", **fields})
    assert status == 400
    assert error in answer["error"]["message"]


def test_the_options_list_the_countries_with_content_rules(server: DemoServer) -> None:
    with urllib.request.urlopen(server.url.rstrip("/") + "/api/options", timeout=WAIT) as answer:
        options = json.loads(answer.read())
    assert {"FR", "US", "IE", "CO"} <= set(options["countries"])


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    from selenium.webdriver.chrome.service import Service

    for path in (CHROMIUM, CHROMEDRIVER):
        if not path.exists():
            pytest.skip(f"{path} is missing")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--window-size=1280,1000",
                 f"--user-data-dir={tmp_path / 'profile'}"):  # fmt: skip
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _texts(driver: Any, selector: str) -> str:
    script = (
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(function (e) { return e.textContent; }).join(' | ');"
    )
    return str(driver.execute_script(script, selector))


def _wait(driver: Any, condition: Any) -> Any:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # a list drawn again between finding an element and reading it: look again
    waiting = WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    return waiting.until(condition)


def _screenshot(driver: Any, path: Path) -> Path:
    size = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    return path


def test_choosing_a_country_shows_its_content_rules(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    from selenium.webdriver.support.ui import Select

    browser.get(server.url)
    _wait(browser, lambda d: d.execute_script("return !!window.NrsDemo"))
    _wait(browser, lambda d: len(d.find_elements("css selector", "#country option")) > 1)
    textarea = browser.find_element("id", "message")
    textarea.clear()
    textarea.send_keys("Soldes -50% ce week-end sur https://bit.ly/soldes")
    Select(browser.find_element("id", "country")).select_by_value("FR")
    browser.find_element("id", "submit").click()
    # the lists are drawn again as answers arrive: read their text, not a kept element
    _wait(browser, lambda d: "STOP au" in _texts(d, "#server-problems li .message"))
    _wait(
        browser,
        lambda d: "politics, religion, gambling" in _texts(d, "#server-notices li.notice .message"),
    )

    Select(browser.find_element("id", "country")).select_by_value("US")
    browser.find_element("id", "submit").click()
    _wait(
        browser,
        lambda d: "public URL shortener" in _texts(d, "#server-problems li .message"),
    )
    assert (
        "".join(
            m.get_attribute("textContent")
            for m in browser.find_elements("css selector", "#mirror mark.problem")
        )
        == "https://bit.ly/soldes"
    )

    Select(browser.find_element("id", "country")).select_by_value("IE")
    browser.find_element("id", "submit").click()
    _wait(
        browser,
        lambda d: any(
            li.get_attribute("data-kind") == "content.opt_in_required"
            for li in d.find_elements("css selector", "#server-notices li")
        ),
    )
    Select(browser.find_element("id", "country")).select_by_value("FR")
    browser.find_element("id", "submit").click()
    _wait(browser, lambda d: "STOP au" in d.find_element("id", "server-card").text)
    shot = _screenshot(browser, tmp_path / "content-rules.png")
    shutil.copyfile(shot, SHOWN)
