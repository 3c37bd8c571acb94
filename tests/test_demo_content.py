"""The demo page shows a destination country's content rules (``/api/check`` with ``country``),
in its JSON answer and in a real Chromium (skipped where chromium, its driver or selenium is
missing). The screenshot is copied to ``/tmp/nrscompose-demo-content.png`` for a look by eye."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from nrscompose.demo.server import DemoServer
from test_demo_browser import (  # the fixtures and helpers of the demo page's browser test
    WAIT,
    _screenshot,
    _wait,
    browser,  # noqa: F401
    server,  # noqa: F401
)

SHOWN = Path("/tmp/nrscompose-demo-content.png")


def _post(demo: DemoServer, fields: dict[str, object]) -> tuple[int, dict[str, Any]]:
    request = urllib.request.Request(
        demo.url.rstrip("/") + "/api/check",
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
    server: DemoServer,
    fields: dict[str, object],
    error: str,
) -> None:
    status, answer = _post(server, {"message": "hi", **fields})
    assert status == 400
    assert error in answer["error"]["message"]


def test_the_options_list_the_countries_with_content_rules(server: DemoServer) -> None:
    with urllib.request.urlopen(server.url.rstrip("/") + "/api/options", timeout=WAIT) as answer:
        options = json.loads(answer.read())
    assert {"FR", "US", "IE", "CO"} <= set(options["countries"])


def _texts(driver: Any, selector: str) -> str:
    script = (
        "return Array.from(document.querySelectorAll(arguments[0]))"
        ".map(function (e) { return e.textContent; }).join(' | ');"
    )
    return str(driver.execute_script(script, selector))


def test_choosing_a_country_shows_its_content_rules(
    browser: Any,
    server: DemoServer,
    tmp_path: Path,
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
    # the mirror is drawn after the list: wait for its marks rather than read them at once
    _wait(
        browser,
        lambda d: _texts(d, "#mirror mark.problem").replace(" | ", "") == "https://bit.ly/soldes",
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
