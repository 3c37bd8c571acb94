"""``nrscompose estimate --html OUT``: one self-contained, escaped, accessible HTML report.

Screenshots of the report at 1280 and 390 px are copied to
``/tmp/nrscompose-report-<width>.png`` for a look by eye.
"""

from __future__ import annotations

import io
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nrscompose._base.problems import render
from nrscompose.campaign import estimate
from nrscompose.cli import main
from nrscompose.cli._report_html import report_html
from test_demo_browser import _screenshot, axe_violations, browser, overflowing  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
QUICKSTART = [
    "estimate",
    str(EXAMPLES / "campaign.csv"),
    "--template",
    f"@{EXAMPLES / 'templates' / 'order_es.txt'}",
    "--prices",
    str(EXAMPLES / "prices.json"),
    "--at",
    "2026-11-29T14:00+01:00",
]
# Every element the report may hold; anything else came from a value that was not escaped.
ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "p", "code", "section",
    "dl", "div", "dt", "dd", "ul", "li", "span", "figure", "figcaption", "svg", "rect", "table",
    "thead", "tbody", "tr", "th", "td",
}  # fmt: skip


class _Parsed(HTMLParser):
    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _run(tmp_path: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    status = main(list(argv), out)
    return status, out.getvalue()


def _write(tmp_path: Path) -> tuple[Path, str]:
    target = tmp_path / "report.html"
    status, _ = _run(tmp_path, *QUICKSTART, "--html", str(target))
    assert status == 0
    return target, target.read_text(encoding="utf-8")


def test_the_report_holds_every_section_with_the_text_reports_figures(tmp_path: Path) -> None:
    _, text = _write(tmp_path)
    _, printed = _run(tmp_path, *QUICKSTART)
    parsed = _Parsed(text)
    shown = " ".join(parsed.text)
    for title in (
        "Totals",
        "Cost and parts by country",
        "Encoding mix",
        "Held by send windows",
        "Invalid rows by reason",
        "Most expensive recipients",
        "Content rules by country",
    ):
        assert title in shown
    # the text report's figures, at its precision
    assert "parts: 576   cost: EUR 18.5382" in printed
    assert "EUR 18.5382" in shown
    assert "EUR 5.772 · 148 parts · 74 recipients" in shown
    assert "Mon 2026-11-30 07:00 UTC" in shown
    assert "50 recipients held" in shown
    assert render("recipient.unparsable", {}) in shown
    assert "string supplied" not in shown  # the phone library's own English stays out
    assert "ë → e, á → a: saves 1 part (gsm)" in shown
    assert "No price for: IN (6)" in shown
    assert "FR no opt-out 'STOP au <short code>' at the end error 50" in shown  # as printed


def test_the_report_is_self_contained(tmp_path: Path) -> None:
    _, text = _write(tmp_path)
    parsed = _Parsed(text)
    assert parsed.tags <= ALLOWED
    assert "script" not in parsed.tags
    assert not [a for a in parsed.attributes if a[0] in ("src", "href", "action", "srcset")]
    assert "url(" not in text
    assert "@import" not in text
    assert "http://" not in text.replace("http://www.w3.org", "")
    assert "https://" not in text


def test_values_from_the_file_cannot_inject_markup(tmp_path: Path) -> None:
    campaign = tmp_path / "<b>clientes<i>.csv"
    campaign.write_text(
        "phone,name\n"
        "<script>alert(1)</script>,Ana\n"
        '"34612345678","<img src=x onerror=alert(1)> ’"\n'
        "346\u202e12345679,Eva\n",
        encoding="utf-8",
    )
    target = tmp_path / "out.html"
    status, _ = _run(
        tmp_path, "estimate", str(campaign), "--template", "{name}", "--html", str(target)
    )
    assert status == 0
    text = target.read_text(encoding="utf-8")
    parsed = _Parsed(text)
    assert parsed.tags <= ALLOWED
    shown = " ".join(parsed.text)
    assert "<script>alert(1)</script>" in shown  # shown as text
    assert "<b>clientes<i>.csv" in shown
    assert "346U+202E12345679" in shown  # a bidi override cannot reorder the page
    assert "\u202e" not in text


@settings(max_examples=80, deadline=None)
@given(
    number=st.text(max_size=30),
    name=st.text(max_size=30),
)
def test_any_value_stays_text(number: str, name: str) -> None:
    report = estimate([{"phone": number, "name": name}], "Hola {name}", lenient=True)
    parsed = _Parsed(report_html(report))
    assert parsed.tags <= ALLOWED
    shown = "".join(parsed.text)
    assert not any(c in shown for c in "\x00\x1b\u202e\u2066")


def test_repeated_numbers_have_their_section(tmp_path: Path) -> None:
    recipients = tmp_path / "repeats.csv"
    recipients.write_text(
        "phone\n+34612345678\n0034612345678\n34 612 34 56 78\n+34 612-345-679\n",
        encoding="utf-8",
    )
    target = tmp_path / "r.html"
    status, _ = _run(tmp_path, "estimate", str(recipients), "--template", "Hola", "--html",
                     str(target))  # fmt: skip
    assert status == 0
    parsed = _Parsed(target.read_text(encoding="utf-8"))
    shown = " ".join(parsed.text)
    assert "Duplicate numbers" in shown
    assert "2 rows repeat an earlier number" in shown
    assert "line 3" in shown
    assert "repeats line 2" in shown
    assert parsed.tags <= ALLOWED


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("{tmp}", "is a folder; give a file name"),
        ("{tmp}/nowhere/r.html", "the folder"),
        ("{campaign}", "is an input of this run; give --html another file name"),
    ],
)
def test_an_output_that_cannot_be_written_is_refused_before_the_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], target: str, words: str
) -> None:
    campaign = tmp_path / "c.csv"
    campaign.write_text("phone\n34612345678\n", encoding="utf-8")
    path = target.format(tmp=tmp_path, campaign=campaign)
    status, _ = _run(tmp_path, "estimate", str(campaign), "--template", "Hola", "--html", path)
    assert status == 2
    error = capsys.readouterr().err
    assert words in error
    assert error.count("\n") == 1
    assert campaign.read_text(encoding="utf-8") == "phone\n34612345678\n"


@pytest.mark.parametrize("width", [1280, 390])
def test_the_report_in_chromium(
    browser: Any,
    tmp_path: Path,
    width: int,
) -> None:
    """Nothing wider than a phone, the expensive table's fix column on screen, no WCAG A/AA
    violation (axe-core), screenshots for a look by eye."""
    target, _ = _write(tmp_path)
    browser.set_window_size(width, 1000)
    browser.get(target.as_uri())
    assert overflowing(browser) == []
    fix = browser.find_element("css selector", "table.cards tbody tr td:last-child")
    assert fix.is_displayed()
    assert "saves 1 part" in fix.text
    shot = _screenshot(browser, tmp_path / f"report-{width}.png")
    shutil.copyfile(shot, Path(f"/tmp/nrscompose-report-{width}.png"))
    assert axe_violations(browser) == []
