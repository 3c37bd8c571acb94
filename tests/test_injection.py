"""What users open stays inert (issue 23, item 9): price files carry ISO 4217 currency codes,
the CSV files the library writes hold no formula, and what the command prints holds no
control character a terminal would obey."""

from __future__ import annotations

import csv
import datetime
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nrscompose._base.csv_cells import FORMULA_STARTS, NeutralizingWriter, neutralized
from nrscompose._base.currencies import ISO_4217
from nrscompose._base.errors import ValidationError
from nrscompose._rules.pricing import PriceList
from nrscompose.cli._terminal import terminal_safe

FORMULA = "=cmd|' /C calc'!A0+"
ATTACK = "\x1b]0;owned\x07\x1b[2J"


def run(*argv: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "nrscompose", *argv], capture_output=True,
                          timeout=120, check=False)  # fmt: skip


def coverage(currency: str) -> dict[str, object]:
    return {"data": [{"countryIso": "ES", "mcc": "214", "mnc": None, "cost": 0.05,
                      "currencyCode": currency}]}  # fmt: skip


# ------------------------------------------------------------------------- currency codes


def test_a_formula_as_currency_code_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as raised:
        PriceList.from_coverage(coverage(FORMULA))
    assert raised.value.kinds == ("prices.unknown_currency",)
    prices = tmp_path / "prices.json"
    prices.write_text(json.dumps(coverage(FORMULA)))
    recipients = tmp_path / "r.csv"
    recipients.write_text("phone\n34666555444\n")
    finished = run("estimate", str(recipients), "--template", "Hi", "--prices", str(prices),
                   "--csv", str(tmp_path / "out.csv"))  # fmt: skip
    assert finished.returncode == 2
    assert b"is not an ISO 4217 currency code" in finished.stderr
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("code", ["EUR", "USD", "BRL", "COP", "XAU"])
def test_iso_4217_codes_are_accepted(code: str) -> None:
    assert PriceList.from_coverage(coverage(code)).prices[0].currency == code


def test_the_currency_table_holds_every_legal_tender_cldr_knows() -> None:
    from babel.core import get_global
    from babel.numbers import get_territory_currencies

    today = datetime.date(2025, 1, 1)
    tender = {code for territory in get_global("territory_currencies")
              for code in get_territory_currencies(territory, today, tender=True)}  # fmt: skip
    assert tender <= ISO_4217
    assert all(len(code) == 3 and code.isascii() and code.isupper() for code in ISO_4217)


# ------------------------------------------------------------------------- CSV cells


@given(st.text())
def test_no_written_cell_starts_a_formula(cell: str) -> None:
    written = neutralized(cell)
    assert isinstance(written, str)
    if written.startswith(FORMULA_STARTS):
        assert written == cell
        assert float(cell) is not None
    assert written in (cell, "'" + cell)


def test_the_estimate_csv_writer_neutralizes_every_cell() -> None:
    target = io.StringIO()
    NeutralizingWriter(csv.writer(target)).writerow([FORMULA, "@SUM(A1)", "-3", "+34666555444",
                                                     "\tx", 5])  # fmt: skip
    row = next(csv.reader(io.StringIO(target.getvalue())))
    assert row == ["'" + FORMULA, "'@SUM(A1)", "-3", "+34666555444", "'\tx", "5"]


# ------------------------------------------------------------------------- the terminal


@given(st.text())
def test_terminal_safe_text_has_no_control_character_but_line_breaks_and_tabs(text: str) -> None:
    shown = terminal_safe(text).replace("\x1b[1;31m", "").replace("\x1b[0m", "")
    assert all(char in "\n\t" or not (char < " " or "\x7f" <= char <= "\x9f") for char in shown)


def test_a_header_name_in_an_error_is_printed_escaped(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text(f"ph{ATTACK}one,name\n34666555444,Ana\n", encoding="utf-8")
    finished = run("estimate", str(recipients), "--template", "Hi {nam}")
    assert finished.returncode == 2
    assert b"\x1b" not in finished.stderr
    assert b"\x07" not in finished.stderr
    assert b"\\u001b]0;owned\\u0007" in finished.stderr


def test_a_recipient_value_in_a_report_line_is_printed_escaped(tmp_path: Path) -> None:
    recipients = tmp_path / "r.csv"
    recipients.write_text(f"phone,name\n34x{ATTACK},Ana\n", encoding="utf-8")
    finished = run("estimate", str(recipients), "--template", "Hi {name}")
    assert b"\x1b" not in finished.stdout + finished.stderr


@pytest.mark.parametrize(
    "argv", [("analyze", f"a{ATTACK}b"), ("render", f"Hi {ATTACK}"), (f"analyze{ATTACK}",),
             ("request", "sms", "--to", f"1{ATTACK}", "--from", "T", "--message", "hi")],
)  # fmt: skip
def test_nothing_printed_holds_a_control_character(argv: tuple[str, ...]) -> None:
    finished = run(*argv)
    printed = finished.stdout + finished.stderr
    assert b"\x1b" not in printed
    assert b"\x07" not in printed
