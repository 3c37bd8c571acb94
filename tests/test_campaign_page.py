"""The campaign page (``/campaign`` of ``nrscompose demo``) reads uploads as the command line does.

The page sends the file's bytes; the server reads them with ``nrscompose estimate``'s reader,
so a cp1252 or Excel file gives the command's parts and cost, its problems name the page's
fields and the upload (never a temporary path), and the page states the one real limit. The
browser tests reuse the Chromium fixtures of ``test_demo_browser``; screenshots at 1280 and
390 px are copied to ``/tmp/nrscompose-campaign-upload-<width>.png``.
"""

from __future__ import annotations

import base64
import io
import json
import re
import shutil
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrscompose._base.problems import render
from nrscompose.cli import main
from nrscompose.demo import campaign_page
from nrscompose.demo.server import MAX_BODY, DemoServer
from test_demo_browser import (  # the fixtures and helpers of the demo page's browser test
    _post,
    _screenshot,
    _wait,
    axe_violations,
    browser,  # noqa: F401
    overflowing,
    server,  # noqa: F401
)

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
PRICES = json.loads((EXAMPLES / "prices.json").read_text(encoding="utf-8"))
# About 100 GSM characters once filled: one part in GSM, two in UTF-16 (a "�" would do that).
TEMPLATE = "Hola {name}, su pedido ya esta listo para recoger en la tienda de siempre. Gracias!!"
NAMES = ("José", "Peña", "Müller", "Søren", "Åsa")


def _cp1252_campaign(folder: Path, rows: int = 100) -> Path:
    """Spanish customers whose names are GSM once decoded: 1 part each, 2 when garbled."""
    lines = ["telefono;nombre;name"] + [
        f"346123{40000 + i};{NAMES[i % 5]};{NAMES[i % 5]}" for i in range(rows)
    ]
    path = folder / "clientes.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


def _cli_json(path: Path, *options: str) -> dict[str, Any]:
    prices = Path(tempfile.mkdtemp()) / "prices.json"
    prices.write_text(json.dumps(PRICES), encoding="utf-8")
    out = io.StringIO()
    argv = ["estimate", str(path), "--template", TEMPLATE, "--prices", str(prices), "--json"]
    assert main([*argv, *options], out) == 0
    answer: dict[str, Any] = json.loads(out.getvalue())
    return answer


def _upload(path: Path, **fields: Any) -> dict[str, Any]:
    return {
        "file": base64.b64encode(path.read_bytes()).decode("ascii"),
        "file_name": path.name,
        "template": TEMPLATE,
        "prices": PRICES,
        **fields,
    }


def _without_page_extras(report: dict[str, Any]) -> dict[str, Any]:
    """The report as ``Report.as_json()`` has it: the page's additions removed."""
    copy = json.loads(json.dumps(report))
    for row in copy["invalid_sample"]:
        del row["reason_text"]
    for row in copy["most_expensive"]:
        del row["costly"]
    return copy


# ------------------------------------------------------------------- the reader, by API


def test_a_cp1252_upload_gives_the_command_lines_parts_and_cost(tmp_path: Path) -> None:
    path = _cp1252_campaign(tmp_path)
    answer = campaign_page.estimate_json(_upload(path))
    [problem] = answer["problems"]
    assert answer["report"] is None
    assert problem["label"] == "Recipients"
    assert problem["message"].startswith("clientes.csv, line 2: byte 0xe9 is not UTF-8")
    assert "cp1252 in the Encoding field" in problem["message"]
    assert "--" not in problem["message"]
    answer = campaign_page.estimate_json(_upload(path, encoding="cp1252"))
    cli = _cli_json(path, "--encoding", "cp1252")
    assert answer["report"]["totals"] == cli["totals"]
    assert cli["totals"]["parts"] == 100
    assert cli["totals"]["cost"] == {"EUR": "3.900"}
    cli["inputs"][0]["file"] = "clientes.csv"
    assert _without_page_extras(answer["report"]) == cli


def test_an_xlsx_upload_is_read_as_the_command_line_reads_it(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Clientes"
    sheet.append(["Móvil", "name"])
    for i in range(30):
        sheet.append([34612340000 + i, NAMES[i % 5] + " ’"])  # a number cell, and UTF-16 text
    sheet.append(["abc", "Ana"])
    path = tmp_path / "clientes.xlsx"
    book.save(path)
    answer = campaign_page.estimate_json(_upload(path))
    assert answer["problems"] == []
    assert answer["columns"] == ["Móvil", "name"]
    cli = _cli_json(path)
    cli["inputs"][0]["file"] = "clientes.xlsx"
    assert _without_page_extras(answer["report"]) == cli
    assert cli["totals"]["valid"] == 30
    answer = campaign_page.estimate_json(_upload(path, sheet="Hoja2"))
    [problem] = answer["problems"]
    assert problem["label"] == "Sheet"
    assert "Hoja2" in problem["message"]
    assert "/tmp" not in problem["message"]


def test_the_stated_limit_is_the_real_one(server: DemoServer) -> None:
    html = (Path(campaign_page.__file__).parent / "static" / "campaign.html").read_text("utf-8")
    stated = re.search(r'data-max-bytes="(\d+)"', html)
    assert stated is not None
    assert int(stated[1]) == campaign_page.MAX_FILE_BYTES
    assert f"<strong>{campaign_page._megabytes(campaign_page.MAX_FILE_BYTES)}</strong>" in html
    assert f"about {campaign_page.ROWS_AT_LIMIT:,} rows" in html
    assert f'data-rows-at-limit="{campaign_page.ROWS_AT_LIMIT:,}"' in html
    assert "nrscompose estimate" in html
    example = (EXAMPLES / "campaign.csv").read_bytes()
    per_row = len(example) / example.count(b"\n")
    assert abs(campaign_page.MAX_FILE_BYTES / per_row / campaign_page.ROWS_AT_LIMIT - 1) < 0.05
    # A file of exactly the limit, with the example's template and prices, is estimated...
    rows = example.splitlines(keepends=True)
    data = rows[0]
    while len(data) + len(rows[1]) <= campaign_page.MAX_FILE_BYTES:
        data += rows[1 + len(data) % 250]
    data += b"," * (campaign_page.MAX_FILE_BYTES - len(data))  # pad the last row's last cell
    assert len(data) == campaign_page.MAX_FILE_BYTES
    fields = {**campaign_page.example_json(), "file": base64.b64encode(data).decode()}
    fields["file_name"] = "big.csv"
    del fields["csv"]
    assert len(json.dumps(fields).encode()) <= MAX_BODY
    status, answer = _post(server, "/api/estimate", fields)
    assert status == 200, answer
    assert answer["problems"] == []
    assert answer["report"]["totals"]["rows_read"] > 3_900
    # ... and one byte more is refused in the page's words, pointing at the command line.
    fields["file"] = base64.b64encode(data + b"1").decode()
    status, answer = _post(server, "/api/estimate", fields)
    assert status == 200
    [problem] = answer["problems"]
    assert problem["kind"] == "upload.too_large"
    assert problem["message"].startswith("big.csv is 0.16 MB; the page takes files up to 0.15 MB")
    assert "nrscompose estimate" in problem["message"]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        (
            "try --encoding cp1252 (encoding='cp1252' in Python)",
            "try cp1252 in the Encoding field",
        ),
        (
            "choose one with --phone-field NAME (phone_field= in Python)",
            "choose one with the Phone column field",
        ),
        (
            "garbled (é as Ã©): leave out --encoding",
            "garbled (é as Ã©): leave the Encoding field on its default",
        ),
        (
            "try --encoding utf-16-le (encoding='utf-16-le' in Python)",
            "try utf-16-le in the Encoding field",
        ),
        ("try --default-country ES", "try nrscompose estimate --default-country ES"),
        ("/tmp/x/recipients.csv, line 3: bad", "clientes.csv, line 3: bad"),
    ],
)
def test_messages_name_the_pages_fields(message: str, expected: str) -> None:
    paths = ("/tmp/x/recipients.csv", "/tmp/x")
    assert campaign_page.for_the_page(message, "clientes.csv", paths) == expected


@settings(max_examples=60, deadline=None)
@given(
    data=st.one_of(
        st.binary(max_size=200),
        st.text(max_size=120).map(lambda t: ("phone;name\n" + t).encode("utf-8")),
        st.sampled_from([b"", b"\xff\xfe\x00", b"PK\x03\x04x", b"name\nAna\n", b'phone\n"3461']),
    ),
    name=st.sampled_from(["a.csv", "b.xlsx", "c.ods", "C:\\fakepath\\d.txt", "", "e"]),
    encoding=st.sampled_from(["", "cp1252", "utf-16-le"]),
)
def test_no_upload_shows_a_temporary_path_or_a_command_option(
    data: bytes, name: str, encoding: str
) -> None:
    """Whatever the bytes: an answer (never an exception) whose messages name the upload, not
    the server's temporary file, and the page's fields, not the command's options."""
    fields = {"file": base64.b64encode(data).decode(), "file_name": name, "encoding": encoding}
    answer = campaign_page.estimate_json({**fields, "template": "Hola {name}"})
    for problem in answer["problems"]:
        assert tempfile.gettempdir() not in problem["message"]
        assert "recipients." not in problem["message"] or name == ""
        assert not re.search(r"--(phone-field|encoding|sheet)\b", problem["message"])
    if answer["report"] is not None:
        assert answer["report"]["inputs"][0]["file"] == (name.split("\\")[-1] or "recipients.csv")


@settings(max_examples=60, deadline=None)
@given(moment=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 1, 1)))
def test_send_time_advice_is_accepted_when_followed(moment: datetime) -> None:
    for typed in (moment.date().isoformat(), moment.isoformat(timespec="minutes")):
        answer = campaign_page.estimate_json(
            {"csv": "phone\n34612345678\n", "template": "Hola", "at": typed}
        )
        [problem] = answer["problems"]
        assert problem["kind"] == "send_time.no_offset"
        assert problem["label"] == "Send time"
        advised = re.search(r"e\.g\. (\S+)\.$", problem["message"])
        assert advised is not None
        followed = campaign_page.estimate_json(
            {"csv": "phone\n34612345678\n", "template": "Hola", "at": advised[1]}
        )
        assert followed["problems"] == []


def test_invalid_rows_carry_their_kind_and_its_sentence() -> None:
    csv = "phone,name\n<script>x</script>,Ana\n+999123456789,Eva\n612345,Leo\n34612345678,{x}\n"
    answer = campaign_page.estimate_json({"csv": csv, "template": "Hola {name}"})
    sample = answer["report"]["invalid_sample"]
    assert [row["reason"] for row in sample] == [
        "recipient.unparsable",
        "recipient.unknown_prefix",
        "recipient.no_region",
    ]
    assert [row["reason_text"] for row in sample] == [
        render("recipient.unparsable", {}),
        render("recipient.unknown_prefix", {}),
        render("recipient.no_region", {}),
    ]
    # the phone library's own English ("The string supplied did not seem to be...") stays out
    assert all("string supplied" not in row["reason_text"] for row in sample)


def test_costly_characters_are_whole_clusters() -> None:
    assert campaign_page.costly_clusters("Pulse 1️⃣ o 2️⃣ ya", "\ufe0f\u20e3") == ["1️⃣", "2️⃣"]
    assert campaign_page.costly_clusters("a 👨‍👩‍👧 b", "\u200d👨👩👧") == ["👨‍👩‍👧"]
    assert campaign_page.shown_cluster("\u200d") == "U+200D"
    assert campaign_page.shown_cluster("\ufe0f\u20e3") == "U+FE0F U+20E3"
    assert campaign_page.shown_cluster("1️⃣") == "1️⃣"
    csv = "phone,name\n34612345678,Pulse 1️⃣ para confirmar\n"
    answer = campaign_page.estimate_json({"csv": csv, "template": "{name}"})
    [row] = answer["report"]["most_expensive"]
    assert row["costly"] == ["1️⃣"]


# ------------------------------------------------------------------------- in Chromium


def _campaign(driver: Any, server: DemoServer, width: int) -> None:
    driver.set_window_size(width, 1000)
    driver.get(server.url + "campaign")
    _wait(driver, lambda d: d.execute_script("return !!window.NrsCampaign"))


def _estimate(driver: Any) -> dict[str, Any]:
    driver.execute_script("NrsCampaign.state.report = 'pending'")
    driver.find_element("id", "estimate").click()
    _wait(driver, lambda d: d.execute_script("return NrsCampaign.state.report !== 'pending'"))
    report: dict[str, Any] = driver.execute_script("return NrsCampaign.state.report")
    return report


def _fill(driver: Any, element_id: str, value: str) -> None:
    driver.execute_script(
        "var e = document.getElementById(arguments[0]); e.value = arguments[1];"
        "e.dispatchEvent(new Event('input', {bubbles: true}));",
        element_id,
        value,
    )


def _choose_file(driver: Any, path: Path) -> None:
    driver.find_element("id", "csv-file").send_keys(str(path))
    _wait(driver, lambda d: d.execute_script("return NrsCampaign.state.name") == path.name)


def test_a_cp1252_file_in_chromium_costs_what_the_command_line_says(
    browser: Any,
    server: DemoServer,
    tmp_path: Path,
) -> None:
    _campaign(browser, server, 1280)
    path = _cp1252_campaign(tmp_path)
    _choose_file(browser, path)
    _fill(browser, "template", TEMPLATE)
    _fill(browser, "prices", json.dumps(PRICES))
    assert _estimate(browser) is None
    problems = browser.find_element("id", "problems").text
    assert "byte 0xe9 is not UTF-8" in problems
    assert "cp1252 in the Encoding field" in problems
    assert "/tmp" not in problems
    from selenium.webdriver.support.ui import Select

    Select(browser.find_element("id", "encoding")).select_by_value("cp1252")
    report = _estimate(browser)
    cli = _cli_json(path, "--encoding", "cp1252")
    assert report["totals"] == cli["totals"]
    totals = browser.find_elements("css selector", "#totals .stat-value")
    assert [t.text for t in totals] == ["100", "100", "0", "100", "EUR 3.900"]


def test_a_file_over_the_limit_is_refused_before_sending(
    browser: Any,
    server: DemoServer,
    tmp_path: Path,
) -> None:
    _campaign(browser, server, 1280)
    path = tmp_path / "todos.csv"
    path.write_bytes(b"phone\n" + b"34612345678\n" * 20_000)
    browser.find_element("id", "csv-file").send_keys(str(path))
    status = browser.find_element("id", "csv-status")
    _wait(browser, lambda d: "0.15 MB" in status.text)
    server_says = campaign_page._too_large("todos.csv", path.stat().st_size)["message"]
    assert status.text == server_says  # the page's words are the server's
    assert server_says.startswith("todos.csv is 0.25 MB; the page takes files up to 0.15 MB")
    assert browser.execute_script("return NrsCampaign.state.file") == ""


@pytest.mark.parametrize("width", [1280, 390])
def test_campaign_display_on_a_phone_and_a_desktop(
    browser: Any,
    server: DemoServer,
    tmp_path: Path,
    width: int,
) -> None:
    """Keycaps keep their digit, invalid rows read the kinds' sentences, the fix column is on
    screen at 390 px, held times carry their date; axe-core finds no WCAG A/AA violation."""
    _campaign(browser, server, width)
    browser.find_element("id", "use-example").click()
    _wait(browser, lambda d: d.find_element("id", "report").is_displayed())
    path = tmp_path / "keycaps.csv"
    path.write_text(
        "phone,name\n34612345678,Pulse 1️⃣ o 2️⃣ para confirmar su cita de mañana en la tienda"
        " de siempre\n34612345679,Hola\nabc,Ana\n",
        encoding="utf-8",
    )
    _choose_file(browser, path)
    _fill(browser, "template", "{name}")
    _estimate(browser)
    expensive = browser.find_element("id", "expensive")
    cells = expensive.find_elements("css selector", "tbody tr:first-child td")
    assert cells[5].text.startswith("1️⃣ 2️⃣")  # whole keycaps, digit included
    fix = cells[6]
    right = browser.execute_script("return arguments[0].getBoundingClientRect().right", fix)
    assert fix.is_displayed()
    assert right <= browser.execute_script("return window.innerWidth")
    invalid = browser.find_element("id", "invalid").text
    assert render("recipient.unparsable", {}) in invalid
    assert "string supplied" not in invalid
    # the example again, for the held times
    browser.find_element("id", "use-example").click()
    _wait(browser, lambda d: "Mon 2026-11-30 07:00 UTC" in d.find_element("id", "held").text)
    assert browser.find_element("css selector", "#totals").text.count("EUR 18.5382") == 1
    assert overflowing(browser) == []
    shot = _screenshot(browser, tmp_path / f"campaign-upload-{width}.png")
    shutil.copyfile(shot, Path(f"/tmp/nrscompose-campaign-upload-{width}.png"))
    assert axe_violations(browser) == []


def test_a_readers_warnings_are_in_the_pages_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The reader may add warnings to the report (a doubtful encoding): the page words them
    as it words problems."""
    from nrscompose.campaign import Report

    original = Report.as_json

    def with_warning(self: Report) -> dict[str, Any]:
        found = original(self)
        found["warnings"] = [
            "looks like Mac Roman: try --encoding mac_roman (encoding='mac_roman' in Python)",
            {"kind": "x.y", "message": "choose with --phone-field NAME"},
        ]
        return found

    monkeypatch.setattr(Report, "as_json", with_warning)
    answer = campaign_page.estimate_json({"csv": "phone\n34612345678\n", "template": "Hola"})
    assert answer["report"]["warnings"] == [
        "looks like Mac Roman: try mac_roman in the Encoding field",
        {"kind": "x.y", "message": "choose with the Phone column field"},
    ]
