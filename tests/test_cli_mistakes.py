"""Every subcommand against bad arguments and bad files: status 2, one line, no traceback.

Each case was a traceback (or a silent wrong answer) before; the library-level causes are
checked too, so that Python callers get a ValidationError instead of a stray exception.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._composition.template import Template
from nrscompose._rules import windows
from nrscompose._rules.pricing import PriceList
from nrscompose.cli import main

ROOT = Path(__file__).resolve().parents[1]
GOOD_CSV = "phone,name\n34612345678,Ana\n"
DEEP = "[" * 1000 + "]" * 1000


def _files(folder: Path) -> dict[str, str]:
    made = {
        "good.csv": GOOD_CSV,
        "empty.csv": "",
        "nophone.csv": "name,city\nAna,Madrid\n",
        "cp1252.csv": None,
        "huge_cell.csv": "phone,name\n34612345678," + "x" * 140_000 + "\n",
        "unclosed.csv": 'phone,name\n34612345678,"Ana\n34612345679,Luis\n',
        "bad.json": "{not json",
        "big_int.json": '{"name": ' + "9" * 5000 + "}",
        "deep.json": DEEP,
        "list.json": "[1, 2]",
        "negative.json": '{"data": [{"countryIso": "ES", "cost": -0.01, "currencyCode": "EUR"}]}',
        "nan.json": '{"data": [{"countryIso": "ES", "cost": NaN, "currencyCode": "EUR"}]}',
        "infinity.json": '{"data": [{"countryIso": "ES", "cost": "Infinity"}]}',
        "deep_prices.json": '{"data": ' + DEEP + "}",
        "rows.json": '{"data": [1, "x", null]}',
    }
    paths = {}
    for name, text in made.items():
        path = folder / name
        if text is None:
            path.write_bytes("phone,name\n34612345678,Mía\n".encode("cp1252"))
        else:
            path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    paths["missing"] = str(folder / "missing.csv")
    paths["folder"] = str(folder)
    return paths


# (subcommand arguments, with {name} replaced by the path of a made file)
MISTAKES = [
    # render
    ["render", "Hi {name}", "--range", "--max-length", "name=abc"],
    ["render", "Hi {name}", "--range", "--max-length", "name"],
    ["render", "Hi {name}", "--range", "--max-length", "name=1e3"],
    ["render", "Hi {name}", "--range", "--max-length", "name=" + "9" * 5000],
    ["render", "Hi {name}", "--range", "--default-max-length", "x"],
    ["render", "Hi {name}", "--range", "--max-length", "name=999999999"],  # memory, killed
    ["render", "Hi {name}", "--range", "--default-max-length", "99999999999"],  # MemoryError
    ["render", "Hi {name}", "--values", "{bad.json}"],
    ["render", "Hi {name}", "--values", "{big_int.json}"],
    ["render", "Hi {name}", "--values", "{deep.json}"],
    ["render", "Hi {name}", "--values", "{list.json}"],
    ["render", "Hi {name}", "--values", "{missing}"],
    ["render", "Hi {name}", "--var", "name"],
    ["render", "Hi {name}"],
    ["render", "{n|formatDotComma}", "--var", "n=" + "1" * 29],
    ["render", "{n|formatDotComma}", "--range", "--max-length", "n=40"],
    ["render", "Hi {name|shout}"],
    ["render", "@{missing}"],
    ["render", "Hi", "--profile", "nope"],
    # analyze and split
    ["analyze", "@{missing}"],
    ["analyze", "@{folder}"],
    ["analyze", "ç", "--encoding", "gsm"],
    ["analyze", "x", "--profile", "nope"],
    ["split", "@{cp1252.csv}"],
    # estimate
    ["estimate", "{empty.csv}", "--template", "Hi"],
    ["estimate", "{nophone.csv}", "--template", "Hi"],
    ["estimate", "{cp1252.csv}", "--template", "Hi"],
    ["estimate", "{huge_cell.csv}", "--template", "Hi"],
    ["estimate", "{unclosed.csv}", "--template", "Hi"],
    ["estimate", "{missing}", "--template", "Hi"],
    ["estimate", "{folder}", "--template", "Hi"],
    ["estimate", "{good.csv}", "--template", "Hi {nme}"],
    ["estimate", "{good.csv}", "--template", "Hi {name|shout}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--profile", "nope"],
    ["estimate", "{good.csv}", "--template", "Hi", "--jobs", "0"],
    ["estimate", "{good.csv}", "--template", "Hi", "--jobs", "-1"],
    ["estimate", "{good.csv}", "--template", "Hi", "--phone-field", "tel"],
    ["estimate", "{good.csv}", "--template", "Hi", "--delimiter", "ab"],
    ["estimate", "{good.csv}", "--template", "Hi", "--encoding", "klingon"],
    ["estimate", "{good.csv}", "--template", "Hi", "--sheet", "Hoja1"],
    ["estimate", "{good.csv}", "--template", "Hi", "--max-invalid", "many"],
    ["estimate", "{good.csv}", "--template", "Hi", "--at", "tomorrow"],
    ["estimate", "{good.csv}", "--template", "Hi", "--at", "9999-12-31T23:00+01:00"],
    ["estimate", "{good.csv}", "--template", "Hi", "--csv", "/nonexistent/dir/x.csv"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{bad.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{big_int.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{negative.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{nan.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{infinity.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{deep_prices.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{rows.json}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--prices", "{missing}"],
    ["estimate", "{good.csv}", "--template", "Hi", "--category", "spam"],
    ["estimate", "{good.csv}", "--template", "Hi", "--channel", "landing"],
    ["estimate", "no-such-*.csv", "--template", "Hi"],
    # window
    ["window", "33612345678", "--at", "9999-12-31T23:00+01:00"],
    ["window", "33612345678", "--at", "0001-01-01T00:00+01:00"],
    ["window", "33612345678", "--at", "2026-11-29T14:00"],
    ["window", "33612345678", "--at", "someday"],
    ["window", "33612345678", "--zone", "Mars/Olympus"],
    ["window", "nope", "--at", "2026-11-29T14:00+01:00"],
    # request
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "sub=" + DEEP],
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "sub=[[["],
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "nope=1"],
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "parts=two"],
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "flash=maybe"],
    ["request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "=1"],
    ["request", "sms", "--to", "1", "--from", "S"],
    ["request", "mail", "--to", "a@b.es", "--message", "Hi"],
    ["request", "voice", "--to", "34666555444", "--message", "Hi"],
    ["request", "whatsapp", "--to", "34666555444"],
    ["request", "fax"],
    # demo (argument errors only: a valid port would start the server)
    ["demo", "--port", "99999"],
    ["demo", "--port", "http"],
    # the program itself
    ["nonsense"],
    [],
]


def _argv(case: list[str], files: dict[str, str]) -> list[str]:
    argv = []
    for arg in case:
        for name, path in files.items():
            arg = arg.replace("{" + name + "}", path)
        argv.append(arg)
    return argv


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    return _files(tmp_path_factory.mktemp("mistakes"))


@pytest.mark.parametrize("case", MISTAKES, ids=lambda case: " ".join(case)[:60] or "no args")
def test_every_mistake_is_status_2_and_one_line_without_traceback(case, files, capsys):
    argv = _argv(case, files)
    try:
        status = main(argv, out=io.StringIO())
    except SystemExit as exit_:
        status = exit_.code
    err = capsys.readouterr().err
    assert status == 2, err
    assert "Traceback" not in err
    assert err.strip(), "a mistake must be explained"
    if argv and argv[0] != "nonsense":  # argparse's own errors come with the usage line
        assert err.count("\n") <= 2 or "usage:" in err


def test_the_installed_entry_point_shows_no_traceback_either(files):
    for case in (
        ["estimate", "{cp1252.csv}", "--template", "Hi"],
        ["window", "33612345678", "--at", "9999-12-31T23:00+01:00"],
    ):
        result = subprocess.run(
            [sys.executable, "-m", "nrscompose", *_argv(case, files)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        assert result.returncode == 2
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("nrscompose: error: ")


# -- the library under the same mistakes ----------------------------------------------------------


def test_a_29_digit_amount_is_a_validation_error_naming_the_placeholder():
    template = Template("Total {amount|formatDotComma} EUR")
    with pytest.raises(ValidationError) as caught:
        template.render({"amount": "1" * 29})
    assert "{amount|formatDotComma} at 6" in str(caught.value)
    assert template.render({"amount": "1" * 28}).startswith("Total 1.111.111")


@pytest.mark.parametrize(
    "cost", [-0.01, "-1", "NaN", "Infinity", "-Infinity", float("nan"), float("inf"), "abc"]
)
def test_prices_must_be_finite_and_not_negative(cost):
    with pytest.raises(ValidationError, match="prices"):
        PriceList.from_coverage({"data": [{"countryIso": "ES", "cost": cost, "currencyCode": "E"}]})


def test_price_files_refuse_deep_nesting_and_huge_integers(tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_text('{"data": ' + DEEP + "}")
    with pytest.raises(ValidationError, match="nested too deeply"):
        PriceList.load(deep)
    huge = tmp_path / "huge.json"
    huge.write_text(json.dumps({"x": 1})[:-1] + ', "y": ' + "9" * 5000 + "}")
    with pytest.raises(ValidationError, match="more digits than Python reads") as caught:
        PriceList.load(huge)
    assert "sys.set_int_max_str_digits" not in str(caught.value)


@pytest.mark.parametrize("moment", ["9999-12-31T23:00+01:00", "0001-01-01T00:00+01:00"])
def test_window_check_refuses_times_at_the_ends_of_the_calendar(moment):
    with pytest.raises(ValidationError, match="ends of the calendar"):
        windows.check("33612345678", datetime.fromisoformat(moment))
