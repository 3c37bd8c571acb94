"""The demo page's message form as a person uses it (issue 22): fixes that say what they save
alone, templates counted with their sample values, a 50,000-character paste, a phone, and
the bytes of each part. Browser tests run Debian's Chromium like ``test_demo_browser.py``
(and are skipped like them); screenshots are copied to ``/tmp/nrscompose-page-*.png``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrscompose import analyze, split, suggest
from nrscompose._base.errors import ValidationError
from nrscompose._composition.template import Template
from nrscompose._counting.user_data import encode_parts
from nrscompose.demo.server import DemoServer
from nrscompose.forms.check import normalize_newlines
from test_demo_browser import (
    _counter,
    _expected_counter,
    _marks,
    _open,
    _post,
    _request,
    _rows,
    _screenshot,
    _set,
    _wait,
    axe_violations,
    browser,
    server,
)

__all__ = ["browser", "server"]  # fixtures, used by name

LINE = "Olá 😀 João – “hi” 👨‍👩‍👧 🇵🇹 नमस्ते, مرحبا.\n"  # 42 code points
PASTE = (LINE * 1200)[:50_000]  # the paste: 1,190 line breaks, 893 parts


def _pause(driver: Any) -> None:
    """Wait until what the page draws once the typing pauses has been drawn."""
    time.sleep(0.6)
    _marks(driver, "off")


def _shown(driver: Any, shot: Path, name: str) -> None:
    shutil.copyfile(_screenshot(driver, shot), Path(f"/tmp/nrscompose-page-{name}.png"))


# ------------------------------------------------------------ 1. what a fix saves alone


def test_each_fix_states_what_it_alone_saves(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    """Regression: with ’, “ and ” all needed for GSM, each button said "saves 1 part" and,
    clicked alone, saved nothing."""
    _open(browser, server)
    text = "It’s “great”, see you at the office tomorrow, bring the papers and the keys please ok"
    proposal = suggest(text)
    assert proposal.parts_saved == 1
    assert {r.char for r in proposal.replacements} == {"’", "“", "”"}
    _set(browser, text)
    before = analyze(text).parts
    buttons = browser.find_elements("css selector", "#characters button.fix")
    assert len(buttons) == 3
    for button in buttons:
        char, replacement = (
            button.get_attribute("data-char"),
            button.get_attribute("data-replacement"),
        )
        alone = before - analyze(text.replace(char, replacement)).parts
        assert alone == 0
        assert button.get_attribute("data-saves") == str(alone)
        effect = button.find_element("xpath", "following-sibling::span")
        assert effect.text == "saves no part alone: needs the other fixes (Fix all saves 1 part)"
        assert "saves no part alone" in button.get_attribute("aria-label")
    assert browser.find_element("id", "fix-all-effect").text == "saves 1 part → gsm, 1 part"
    _shown(browser, tmp_path / "fixes.png", "fixes")
    buttons[0].click()  # it does what it says: nothing saved
    assert _counter(browser)["parts"] == str(before)

    # One fix that saves on its own says so, and does it.
    single = "It’s all set.\n" + "See you at the office, bring the papers please. " * 2
    _set(browser, single)
    fix = browser.find_element("css selector", "#characters button.fix[data-char='’']")
    assert fix.get_attribute("data-saves") == "1"
    fix.click()
    fixed = analyze(normalize_newlines(single.replace("’", "'"))).parts
    assert (
        _counter(browser)["parts"]
        == str(fixed)
        == str(analyze(normalize_newlines(single)).parts - 1)
    )


# ----------------------------------------------------------- 2. templates, as billed

TEMPLATE = (
    "Hola {name|upper}, tu cita es el {date} a las 10:00. Responde SI para confirmar o NO "
    "para cancelar. Gracias" + " ok" * 16
)
VALUES = {"name": "Ana Maria Fernandes", "date": "12/03/2027"}


def _fill(driver: Any, values: dict[str, str]) -> None:
    for row in driver.find_elements("css selector", "#values tbody tr"):
        key = row.find_element("css selector", "input[name='key']").get_attribute("value")
        if key in values:
            field = row.find_element("css selector", "input[name='value']")
            field.clear()
            field.send_keys(values[key])


def test_template_headline_counts_the_sample_values_as_the_preview(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    """Regression: the headline counted the template as typed (gsm, 1 part, 160 units) while
    the preview and the server counted it with the values (2 parts, 166 units), and the
    placeholders' braces were listed as characters that cost two septets."""
    typed, billed = analyze(TEMPLATE), analyze(Template(TEMPLATE).preview(VALUES))
    assert (typed.parts, billed.parts) == (1, 2)
    _open(browser, server)
    _set(browser, TEMPLATE)
    _wait(browser, lambda d: len(d.find_elements("css selector", "#values tbody tr")) == 2)
    _fill(browser, VALUES)
    preview = Template(TEMPLATE).preview(VALUES)
    _wait(browser, lambda d: d.find_element("id", "preview").text == preview)
    _wait(browser, lambda d: _counter(d) == _expected_counter(preview))
    counting = browser.find_element("id", "counting")
    assert counting.get_attribute("data-counted") == "values"
    assert "with the sample values" in counting.text
    count = browser.find_element("id", "preview-count")
    assert count.get_attribute("data-parts") == _counter(browser)["parts"] == str(billed.parts)
    assert count.get_attribute("data-units") == _counter(browser)["units"] == str(billed.units)
    _pause(browser)
    glyphs = [r.find_element("css selector", ".glyph").text for r in _rows(browser)]
    assert "{" not in glyphs
    assert "}" not in glyphs
    assert _marks(browser, "double") == []
    segments = browser.find_elements("css selector", "#segments li.segment .segment-text")
    assert [s.text for s in segments] == split(preview)

    browser.find_element("id", "submit").click()
    server_count = _wait(
        browser,
        lambda d: (
            d.find_element("id", "server-count").get_attribute("data-units")
            and d.find_element("id", "server-count")
        ),
    )
    assert server_count.get_attribute("data-units") == _counter(browser)["units"]
    assert server_count.get_attribute("data-parts") == _counter(browser)["parts"]
    _shown(browser, tmp_path / "template.png", "template")

    # A costly character of a sample value is counted but not offered as a fix of the text.
    _fill(browser, {"name": "Zoë’s"})
    _wait(browser, lambda d: "Zoë’s".upper() in d.find_element("id", "preview").text)
    _pause(browser)
    assert browser.find_elements("css selector", "#characters button.fix") == []
    assert "sample values" in browser.find_element("id", "characters-note").text
    assert _counter(browser) == _expected_counter(
        Template(TEMPLATE).preview({**VALUES, "name": "Zoë’s"})
    )


# ------------------------------------------------------- 3. a 50,000-character paste


def test_a_50000_character_paste_draws_only_what_is_visible(
    browser: Any, server: DemoServer, tmp_path: Path, record_property: Any
) -> None:
    """Regression: the paste drew all 893 parts and the whole mirror; the page froze for
    seconds and each keystroke blocked for about a second."""
    counted = normalize_newlines(PASTE)
    expected = analyze(counted)
    assert (len(PASTE), PASTE.count("\n"), expected.parts) == (50_000, 1_190, 893)
    _open(browser, server)
    textarea = browser.find_element("id", "message")
    browser.set_script_timeout(60)
    pasted_ms = browser.execute_async_script(
        "var t = arguments[0], done = arguments[arguments.length - 1], start = performance.now();"
        "t.value = arguments[1]; t.setSelectionRange(30000, 30000);"
        "t.dispatchEvent(new Event('input', {bubbles: true}));"
        "requestAnimationFrame(function () { setTimeout(function () {"
        " done(performance.now() - start); }, 0); });",
        textarea,
        PASTE,
    )
    assert _counter(browser) == _expected_counter(PASTE)
    drawn = browser.find_elements("css selector", "#segments li.segment")
    assert 1 <= len(drawn) <= 40  # not 893
    assert {d.get_attribute("aria-setsize") for d in drawn} == {"893"}
    parts = split(counted)
    for item in drawn:
        k = int(item.get_attribute("aria-posinset"))
        shown = item.find_element("css selector", ".segment-text").get_attribute("textContent")
        assert shown == parts[k - 1].replace("\r\n", "↵\n")

    # The mirror shows the lines around the caret, with the parts that start there.
    mirror = browser.find_element("id", "mirror").get_attribute("textContent")
    assert len(mirror) < 1_500
    note = browser.find_element("id", "mirror-note").text
    assert note.startswith("Characters ")
    assert "of 50,000, around the caret" in note
    first = int(note.split()[1].split("–")[0].replace(",", "")) - 1
    cuts = _mirror_cuts(browser)
    assert cuts  # 1,000 characters hold several cuts of 67 units
    for at, part in cuts:
        # the mirror holds the textarea's text (LF); the parts count it with CR LF
        start = expected.part_bounds[part - 1]
        lf_index = _counted_to_typed(PASTE, start)
        assert lf_index == first + at, (part, at)

    # Scrolled to the middle of the list, the parts there are drawn, and only those.
    browser.execute_script(
        "var l = document.getElementById('segments'), r = l.getBoundingClientRect();"
        "window.scrollTo(0, window.scrollY + r.top + r.height / 2);"
    )
    _wait(
        browser,
        lambda d: any(
            250 < int(i.get_attribute("aria-posinset") or 0) < 650
            for i in d.find_elements("css selector", "#segments li.segment")
        ),
    )
    drawn = browser.find_elements("css selector", "#segments li.segment")
    assert len(drawn) <= 40
    for item in drawn:
        k = int(item.get_attribute("aria-posinset"))
        shown = item.find_element("css selector", ".segment-text").get_attribute("textContent")
        assert shown == parts[k - 1].replace("\r\n", "↵\n")
    visible = browser.execute_script(
        "return Array.from(document.querySelectorAll('#segments li.segment')).filter(function (e)"
        " { var r = e.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })"
        ".length"
    )
    assert visible >= 1
    _shown(browser, tmp_path / "paste.png", "paste-parts")
    browser.execute_script("window.scrollTo(0, 0)")

    # Keystrokes: keydown -> the end of the next frame the page drew.
    times = _keystrokes(browser, textarea, 12)
    assert _counter(browser) == _expected_counter(textarea.get_attribute("value"))
    median = statistics.median(times)
    print(
        f"\n50,000 characters: paste {pasted_ms:.0f} ms; keystroke median {median:.1f} ms, "
        f"max {max(times):.1f} ms"
    )
    record_property("keystroke_ms_50000", json.dumps({"paste": pasted_ms, "keys": times}))
    # Before: about 1,300–1,600 ms a keystroke. The goal is under 50 ms on a quiet machine
    # (benchmarks/bench_demo_page.py); this bound only catches drawing everything again.
    assert median < 500


def _mirror_cuts(driver: Any) -> list[tuple[int, int]]:
    """(code point in the mirror's window, part) of each part-start bar in the mirror."""
    cuts: list[list[int]] = driver.execute_script(
        "var m = document.getElementById('mirror'), out = [], at = 0;"
        "var walk = document.createTreeWalker(m, NodeFilter.SHOW_ALL);"
        "while (walk.nextNode()) { var n = walk.currentNode;"
        " if (n.nodeType === 3) at += Array.from(n.data).length;"
        " else if (n.classList && n.classList.contains('cut')) out.push([at, +n.dataset.part]); }"
        "return out;"
    )
    return [(at, part) for at, part in cuts]


def _window_start(driver: Any) -> int:
    note = driver.find_element("id", "mirror-note").text
    return int(note.split()[1].split("–")[0].replace(",", "")) - 1 if note else 0


@pytest.mark.parametrize(
    "text",
    [
        ("Promo 10€ [x] ~ok^ " * 40 + "\n") * 7,  # escapes: 2 septets, cuts before pairs
        ("Olá João 😀 👨‍👩‍👧 ação\n" * 300),  # UTF-16: surrogate pairs and clusters
        ("x" * 151 + "\n") * 30,  # line breaks (CR LF) at the cuts
    ],
)
def test_the_window_of_a_long_text_shows_the_parts_where_they_start(
    browser: Any, server: DemoServer, text: str
) -> None:
    """The mirror of a long text finds the cuts in its window alone; they are Python's."""
    assert len(text) > 4_000
    _open(browser, server)
    expected = analyze(normalize_newlines(text))
    textarea = browser.find_element("id", "message")
    for caret in (0, len(text) // 3, len(text) - 1):
        browser.execute_script(
            "var t = arguments[0]; t.value = arguments[1];"
            "var at = Array.from(t.value).slice(0, arguments[2]).join('').length;"
            "t.setSelectionRange(at, at); t.dispatchEvent(new Event('input', {bubbles: true}));",
            textarea,
            text,
            caret,
        )
        _marks(browser, "off")
        start = _window_start(browser)
        shown = browser.find_element("id", "mirror").get_attribute("textContent")
        end = start + len(shown)
        starts = {
            _counted_to_typed(text, expected.part_bounds[k - 1]): k
            for k in range(2, expected.parts + 1)
        }
        assert _mirror_cuts(browser) == [
            (at - start, part) for at, part in sorted(starts.items()) if start <= at < end
        ], caret


def _counted_to_typed(text: str, counted_index: int) -> int:
    """The index in ``text`` (LF line breaks) of the code point at ``counted_index`` of its
    CRLF form."""
    counted = 0
    for index, char in enumerate(text):
        width = 2 if char == "\n" else 1
        if counted_index < counted + width:
            return index
        counted += width
    return len(text)


def _keystrokes(driver: Any, textarea: Any, keys: int) -> list[float]:
    driver.execute_script(
        "var t = arguments[0]; window.__keys = []; var pending = null;"
        "t.addEventListener('keydown', function (e) { pending = e.timeStamp; }, true);"
        "t.addEventListener('input', function () { if (pending === null) return;"
        " var start = pending; pending = null; requestAnimationFrame(function () {"
        " setTimeout(function () { window.__keys.push(performance.now() - start); }, 0); }); });"
        "t.focus(); t.setSelectionRange(30000, 30000);",
        textarea,
    )
    for index in range(keys):
        key = "abcdefghij"[index % 10]
        driver.execute_cdp_cmd(
            "Input.dispatchKeyEvent", {"type": "keyDown", "text": key, "key": key}
        )
        driver.execute_cdp_cmd("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})
        time.sleep(0.1)
    _wait(driver, lambda d: len(d.execute_script("return window.__keys")) == keys)
    times: list[float] = driver.execute_script("return window.__keys")
    return times


# ---------------------------------------------------------------- 4. on a phone


def test_on_a_phone_the_check_is_shown_and_said_and_typing_is_announced_once(
    browser: Any, server: DemoServer, tmp_path: Path
) -> None:
    browser.set_window_size(390, 844)
    textarea = _open(browser, server)
    assert browser.find_element("id", "counter").get_attribute("aria-live") is None
    browser.execute_script(
        "window.__said = []; new MutationObserver(function () {"
        " window.__said.push(document.getElementById('announce').textContent); })"
        ".observe(document.getElementById('announce'), {childList: true, characterData: true,"
        " subtree: true});"
    )
    textarea.send_keys("Dear customer, your order is ready. Pick it up today’")
    time.sleep(1.6)
    said = browser.execute_script("return window.__said")
    value = textarea.get_attribute("value")
    expected = analyze(normalize_newlines(value))
    assert said == [f"{expected.encoding}, 1 part, {expected.remaining} units left."]
    time.sleep(1.2)
    assert browser.execute_script("return window.__said") == said  # nothing new: no typing

    browser.execute_script("window.scrollTo(0, 0)")
    browser.find_element("id", "submit").click()
    status = _wait(
        browser,
        lambda d: (
            d.find_element("id", "submit-status").text.startswith("Checked")
            and d.find_element("id", "submit-status")
        ),
    )
    assert status.text == "Checked: the server would accept it."
    assert status.get_attribute("role") == "status"
    top = browser.execute_script(
        "return document.getElementById('server-card').getBoundingClientRect().top"
    )
    assert -1 <= top < 844 - 80  # brought into view
    assert browser.find_element("id", "server-status").text.startswith("✓")
    _shown(browser, tmp_path / "phone-check.png", "phone-check")

    _set(browser, "x" * 200)
    browser.execute_script("window.scrollTo(0, 0)")
    from selenium.webdriver.support.ui import Select

    max_parts = browser.find_element("id", "max-parts")
    max_parts.clear()
    max_parts.send_keys("1")
    Select(browser.find_element("id", "channel")).select_by_value("sms")
    browser.find_element("id", "submit").click()
    _wait(browser, lambda d: "problem" in d.find_element("id", "submit-status").text)
    assert browser.find_element("id", "submit-status").text == (
        "Checked: 1 problem, listed under Server check."
    )


# ------------------------------------------------------------- 5. bytes on the wire

BYTE_TEXTS = {
    "gsm with escapes": "Price: 10€ [promo] " * 10,
    "portuguese tables": "Olá João, a sua encomenda está pronta: ação às 10h, até já! " * 4,
    "ucs-2 emoji": "Olá 😀 João 👨‍👩‍👧 " * 8,
}


@pytest.mark.parametrize("wide", [False, True])
@pytest.mark.parametrize("name", list(BYTE_TEXTS))
def test_user_data_endpoint_packs_each_part_as_the_library(
    server: DemoServer, name: str, wide: bool
) -> None:
    text = BYTE_TEXTS[name]
    expected = encode_parts(text, wide_reference=wide, reference=7)
    status, answer = _post(
        server, "/api/user-data", {"text": text, "wide_reference": wide, "reference": 7}
    )
    assert status == 200
    assert answer["parts_total"] == len(expected) > 1
    assert answer["profile"] == ("3gpp-16bit" if wide else "3gpp")
    for part, data in zip(answer["parts"], expected, strict=True):
        assert part["header"] == data.header.hex(" ").upper()
        assert part["payload"] == data.payload.hex(" ").upper()
        assert part["length"] == data.length
        assert part["coding"] == data.coding
        assert part["elements"][0]["meaning"].startswith(
            f"concatenation, {16 if wide else 8}-bit reference 7: part {part['sequence']}"
        )
    joined = "".join(p["text"] for p in answer["parts"])
    assert joined == "".join(split(text, profile="3gpp-16bit" if wide else "3gpp"))
    if name == "portuguese tables":
        assert answer["encoding"] == "gsm-pt"
        assert any("Portuguese" in e["meaning"] for e in answer["parts"][0]["elements"])
    if name == "gsm with escapes":
        euro = next(c for c in answer["parts"][0]["characters"] if c["char"] == "€")
        assert euro["units"] == "1B 65"  # escape + e: two septets
    status, one = _post(server, "/api/user-data", {"text": text, "part": 2, "wide_reference": wide})
    assert [p["sequence"] for p in one["parts"]] == [2]


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(alphabet="ab €[ãçÁ😀\u200d👍🏽\r\nж", min_size=1, max_size=400),
    encoding=st.sampled_from(["auto", "cheapest", "gsm-pt", "utf-16"]),
    wide=st.booleans(),
)
def test_user_data_endpoint_is_encode_parts_and_decodes_back(
    server: DemoServer, text: str, encoding: str, wide: bool
) -> None:
    """Whatever the text: the parts are encode_parts()'s, and decode to the text counted."""
    from nrscompose._counting.charsets.pdu import UserData, decode_parts

    status, answer = _post(
        server, "/api/user-data", {"text": text, "encoding": encoding, "wide_reference": wide}
    )
    assert status == 200
    try:
        expected = encode_parts(text, encoding=encoding, wide_reference=wide)
    except ValidationError:
        assert answer["parts"] == []
        assert answer["problems"]
        return
    packed = [
        UserData(bytes.fromhex(p["header"]), bytes.fromhex(p["payload"]), p["coding"], p["length"])
        for p in answer["parts"]
    ]
    assert packed == expected
    assert decode_parts(packed) == "".join(p["text"] for p in answer["parts"]) == text
    for part in answer["parts"]:
        assert "".join(c["char"] for c in part["characters"]) == part["text"]
        units = sum(len(c["units"].split()) for c in part["characters"])
        if part["coding"] == "ucs2":
            assert units == len(part["payload"].split())  # octets
        else:
            header = len(part["header"].split())
            header_septets = (header * 8 + part["fill_bits"]) // 7 if header else 0
            assert units == part["length"] - header_septets  # septets


def test_user_data_endpoint_refuses_what_it_cannot_pack(server: DemoServer) -> None:
    status, answer = _post(server, "/api/user-data", {"text": "it’s", "encoding": "gsm"})
    assert status == 200
    assert answer["parts"] == []
    assert answer["problems"][0]["kind"] == "text.unencodable"
    status, answer = _post(server, "/api/user-data", {"text": "x" * 153 * 256})
    assert status == 400
    assert "at most 255" in answer["error"]["message"]
    for body in (
        {"text": 5},
        {"text": "a", "encoding": "latin-1"},
        {"text": "a", "part": -1},
        {"text": "a", "part": True},
        {"text": "a", "reference": 256},
        {"text": "a", "wide_reference": "yes"},
    ):
        status, answer = _post(server, "/api/user-data", body)
        assert status == 400, body
        assert "error" in answer
    status, _, _ = _request(server, "/api/user-data")
    assert status == 405


def test_byte_view_and_encoding_selector(browser: Any, server: DemoServer, tmp_path: Path) -> None:
    from selenium.webdriver.support.ui import Select

    browser.set_window_size(390, 1000)
    _open(browser, server)
    text = BYTE_TEXTS["portuguese tables"]
    _set(browser, text)
    expected = encode_parts(normalize_newlines(text))
    box = browser.find_element("id", "bytes")
    _wait(browser, lambda d: box.get_attribute("data-header"))
    assert box.get_attribute("data-header") == expected[0].header.hex(" ").upper()
    assert box.get_attribute("data-payload") == expected[0].payload.hex(" ").upper()
    assert "Portuguese locking shift table" in box.text
    cells = box.find_elements("css selector", ".units .unit")
    assert len(cells) == len(split(text, profile="3gpp")[0])
    part = browser.find_element("id", "bytes-part")
    part.clear()
    part.send_keys("2")
    _wait(
        browser, lambda d: box.get_attribute("data-header") == expected[1].header.hex(" ").upper()
    )
    browser.find_element("id", "bytes-wide").click()
    wide = encode_parts(normalize_newlines(text), wide_reference=True)
    _wait(browser, lambda d: box.get_attribute("data-header") == wide[1].header.hex(" ").upper())
    browser.execute_script("document.getElementById('bytes-card').scrollIntoView()")
    _shown(browser, tmp_path / "bytes-390.png", "bytes-390")
    assert axe_violations(browser) == []

    encoding = Select(browser.find_element("id", "encoding"))
    for choice in ("utf-16", "cheapest", "gsm-pt", "auto"):
        encoding.select_by_value(choice)
        counted = analyze(normalize_newlines(text), encoding=choice)
        assert _counter(browser)["encoding"] == counted.encoding, choice
        assert _counter(browser)["parts"] == str(counted.parts), choice
    encoding.select_by_value("utf-16")
    _wait(browser, lambda d: box.get_attribute("data-coding") == "ucs2")
    forced = encode_parts(normalize_newlines(text), encoding="utf-16", wide_reference=True)
    _wait(
        browser, lambda d: box.get_attribute("data-payload") == forced[1].payload.hex(" ").upper()
    )
    assert "encoding forced to utf-16" in browser.find_element("id", "counting").text

    encoding.select_by_value("gsm")  # cannot carry ã: said, not counted
    assert _counter(browser)["encoding"] == "–"
    assert "cannot be sent as gsm" in browser.find_element("id", "counter-note").text
    _wait(browser, lambda d: "cannot be sent as gsm" in box.text)
    browser.set_window_size(1280, 1000)
    encoding.select_by_value("auto")
    _pause(browser)
    _shown(browser, tmp_path / "bytes-1280.png", "bytes-1280")
    assert axe_violations(browser) == []
