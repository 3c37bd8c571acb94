"""`nrscompose estimate` as a user runs it: files refused or explained before any work, every
row accounted for, exit codes 0/1/2, and no traceback for any mistake."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from nrscompose.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def run(*argv: str) -> tuple[int, str, str]:
    """The real entry point in this process: status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stderr
    sys.stderr = err
    try:
        status = main(list(argv), out=out)
    except SystemExit as exit_:  # argparse's own usage errors
        status = int(exit_.code or 0)
    finally:
        sys.stderr = saved
    return status, out.getvalue(), err.getvalue()


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


@pytest.fixture
def people(tmp_path: Path) -> str:
    return write(tmp_path / "people.csv", "phone,name\n34612345678,Ana\n33612345678,Zoë\n")


# -- the README quickstart ---------------------------------------------------------------------


def test_the_readme_quickstart_prints_what_the_readme_shows():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = re.search(r"&& (nrscompose estimate [^\n]+)", readme)
    assert command is not None
    shown = readme.split("The first command prints:\n\n```\n", 1)[1].split("```", 1)[0]
    status, out, _ = run(*command.group(1).split()[1:])
    assert status == 0
    assert out == shown


def test_the_module_runs_as_a_program(people):
    result = subprocess.run(
        [sys.executable, "-m", "nrscompose", "estimate", people, "--template", "Hi {nme}"],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "did you mean {name}?" in result.stderr


# -- files that used to give a plausible wrong answer --------------------------------------------


def test_no_phone_column_is_an_error_listing_the_columns(tmp_path):
    path = write(tmp_path / "c.csv", "name,city\nAna,Madrid\n")
    status, out, err = run("estimate", path, "--template", "Hi {name}")
    assert (status, out) == (2, "")
    assert "'name', 'city'" in err
    assert "--phone-field" in err


def test_the_phone_column_is_recognised_and_named(tmp_path):
    path = write(tmp_path / "c.csv", "Nombre,Teléfono Móvil\nAna,34612345678\n")
    status, out, _ = run("estimate", path, "--template", "Hola {Nombre}")
    assert status == 0
    assert "phone numbers from column 'Teléfono Móvil'" in out
    assert "1 row read: 1 valid, 0 invalid" in out


def test_two_phone_columns_are_refused_until_one_is_chosen(tmp_path):
    path = write(tmp_path / "c.csv", "phone,mobile\n34612345678,33612345678\n")
    status, _, err = run("estimate", path, "--template", "Hi")
    assert status == 2
    assert "'phone' and 'mobile'" in err
    status, out, _ = run("estimate", path, "--template", "Hi", "--phone-field", "mobile")
    assert status == 0
    assert "FR" in out


def test_semicolon_and_tab_files_are_detected_and_said(tmp_path):
    semi = write(tmp_path / "s.csv", "phone;name\n34612345678;Ana\n34612345679;Luis\n")
    status, out, _ = run("estimate", semi, "--template", "Hi {name}")
    assert status == 0
    assert "semicolon-separated" in out
    assert "2 rows read: 2 valid, 0 invalid" in out
    tab = write(tmp_path / "t.tsv", "phone\tname\n34612345678\tAna\n")
    assert "tab-separated" in run("estimate", tab, "--template", "Hi {name}")[1]


def test_a_forced_delimiter(tmp_path):
    path = write(tmp_path / "c.csv", "phone|name\n34612345678|Ana\n")
    status, out, _ = run("estimate", path, "--template", "Hi {name}", "--delimiter", "|")
    assert status == 0
    assert "vertical bar-separated" in out
    assert run("estimate", path, "--template", "Hi", "--delimiter", ";;")[0] == 2
    tab = write(tmp_path / "t.csv", "phone\tname;x\n34612345678\tAna;1\n")
    status, out, _ = run("estimate", tab, "--template", "Hi", "--delimiter", "tab")
    assert (status, "tab-separated" in out) == (0, True)


def test_a_cp1252_file_names_file_line_and_the_encoding_option(tmp_path):
    path = write(tmp_path / "excel.csv", "phone,name\n34612345678,Ana\n34612345679,Mía\n", "cp1252")
    status, out, err = run("estimate", path, "--template", "Hola {name}")
    assert (status, out) == (2, "")
    assert "excel.csv, line 3" in err
    assert "--encoding cp1252" in err
    assert err.count("\n") == 1
    status, out, _ = run("estimate", path, "--template", "Hola {name}", "--encoding", "cp1252")
    assert status == 0
    assert "excel.csv: cp1252, comma-separated" in out
    assert run("estimate", path, "--template", "x", "--encoding", "klingon")[0] == 2


def test_a_placeholder_without_column_is_refused_before_any_row(tmp_path, people):
    status, out, err = run("estimate", people, "--template", "Hi {nme}")
    assert (status, out) == (2, "")
    assert "{nme} at 3" in err
    assert "did you mean {name}?" in err
    assert "sub[" not in err
    assert run("estimate", people, "--template", "Code {OTP_CODE} {name}")[0] == 0


def test_an_empty_file_is_an_error_and_a_header_only_file_reports_nothing(tmp_path):
    empty = write(tmp_path / "empty.csv", "")
    status, _, err = run("estimate", empty, "--template", "Hi")
    assert status == 2
    assert "empty" in err
    header = write(tmp_path / "header.csv", "phone,name\n")
    status, out, _ = run("estimate", header, "--template", "Hi {name}")
    assert status == 0
    assert "0 rows read: 0 valid, 0 invalid" in out


def test_rows_are_accounted_for_with_file_line_numbers(tmp_path):
    path = write(
        tmp_path / "c.csv",
        'phone,name\n34612345678,"Ana\nMaría"\n\nn/a,Luis\n\n34612345679,Eva\n',
    )
    status, out, _ = run("estimate", path, "--template", "Hi {name}")
    assert status == 0
    assert "3 rows read: 2 valid, 1 invalid; 2 blank lines skipped" in out
    assert "e.g. line 5: 'n/a'" in out
    status, out, _ = run("estimate", path, "--template", "Hi {name}", "--json")
    data = json.loads(out)
    assert data["totals"]["rows_read"] == 3
    assert data["totals"]["blank_lines_skipped"] == 2
    assert data["invalid_sample"][0]["row"] == 5


def test_the_estimate_sample_lists_what_kept_the_text_out_of_each_encoding():
    status, out, _ = run(
        "estimate", str(EXAMPLES / "campaign.csv"), "--template",
        f"@{EXAMPLES / 'templates' / 'order_es.txt'}", "--prices", str(EXAMPLES / "prices.json"),
    )  # fmt: skip
    assert status == 0
    line = next(x for x in out.splitlines() if x.startswith("  line 16:"))
    assert "out of gsm: ë á; out of gsm-pt: ë ¡" in line
    assert "not GSM" not in out


# -- pipelines: --max-invalid and exit codes -------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "status"), [("1", 1), ("2", 0), ("40%", 1), ("50%", 0), ("0", 1)]
)
def test_max_invalid_makes_a_verdict_exit_1(tmp_path, limit, status):
    path = write(tmp_path / "c.csv", "phone\n34612345678\nn/a\n1\n34612345679\n")
    found, out, err = run("estimate", path, "--template", "Hi", "--max-invalid", limit)
    assert found == status
    assert "4 rows read: 2 valid, 2 invalid" in out  # the report is printed either way
    if status == 1:
        assert f"more than --max-invalid {limit}" in err


@pytest.mark.parametrize("limit", ["x", "-1", "101%", "nan%", "1.5"])
def test_a_bad_max_invalid_is_a_usage_error(people, limit):
    assert run("estimate", people, "--template", "Hi", "--max-invalid", limit)[0] == 2


# -- smaller points ---------------------------------------------------------------------------


def test_version():
    status, out, _ = run("--version")
    assert status == 0
    assert re.fullmatch(r"nrscompose \S+\n", out) is not None or out == ""


@pytest.mark.parametrize("jobs", ["0", "-1", "x"])
def test_jobs_must_be_at_least_one(people, jobs):
    status, _, err = run("estimate", people, "--template", "Hi", "--jobs", jobs)
    assert status == 2
    assert "1 or more" in err or "invalid" in err


def test_an_unwritable_csv_output_is_refused_before_the_run(people):
    status, out, err = run(
        "estimate", people, "--template", "Hi", "--csv", "/nonexistent/dir/x.csv"
    )
    assert (status, out) == (2, "")
    assert "/nonexistent/dir" in err


def test_json_and_csv_both_happen(people, tmp_path):
    target = tmp_path / "summary.csv"
    status, out, _ = run("estimate", people, "--template", "Hi", "--json", "--csv", str(target))
    assert status == 0
    assert json.loads(out)["totals"]["recipients"] == 2
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0] == ["section", "key", "recipients", "parts", "cost"]
    assert ["encoding", "gsm", "2", "2", ""] in rows


def test_file_and_stdin_texts_lose_only_their_final_line_break(tmp_path, monkeypatch):
    one = write(tmp_path / "one.txt", "Hi\n")
    two = write(tmp_path / "two.txt", "Hi\n\n")
    assert "2 septets" in run("analyze", f"@{one}")[1]
    assert "3 septets" in run("analyze", f"@{two}")[1]
    monkeypatch.setattr("sys.stdin", io.StringIO("Hi\n"))
    assert "2 septets" in run("analyze", "-")[1]
    assert run("render", f"@{two}")[1].startswith("Hi\n\ngsm: 1 part, 3 units")


def test_render_says_part_and_parts():
    out = run("render", "Hola {name}", "--var", "name=Ana")[1]
    assert "gsm: 1 part, " in out
    out = run("render", "Hola {name}", "--range", "--max-length", "name=400")[1]
    assert "part(s)" not in out
    assert re.search(r"worst case: utf-16, \d+ parts", out)


def test_profile_must_be_known(people):
    status, _, err = run("estimate", people, "--template", "Hi", "--profile", "nope")
    assert status == 2
    assert "nope" in err


# -- request --set ----------------------------------------------------------------------------


def test_request_set_values_take_the_type_of_the_api_field():
    status, out, err = run(
        "request", "sms", "--to", "34666555444", "--from", "SHOP", "--message", "Hi",
        "--set", "schedule_date=20261201120000", "--set", "campaignName=123",
        "--set", "tags=spring,sale", "--set", "flash=true", "--set", "parts=1",
    )  # fmt: skip
    assert status == 0, err
    body = json.loads(out)["body"]
    assert body["scheduleDate"] == "20261201120000"
    assert body["campaignName"] == "123"
    assert body["tags"] == ["spring", "sale"]
    assert body["flash"] is True


@pytest.mark.parametrize(
    ("kind", "builder"),
    [("sms", "sms"), ("landing", "landing_sms"), ("mail", "mailing"), ("voice", "voice"),
     ("whatsapp", "whatsapp")],
)  # fmt: skip
def test_request_set_takes_the_fields_of_the_field_table(kind, builder):
    from nrscompose.providers.nrs.fields import FIELDS

    status, _, err = run("request", kind, "--to", "1", "--message", "x", "--set", "nope=1")
    assert status == 2
    from_options = {"to", "sender", "message", "body", "messages"}  # --to, --from, --message
    settable = [f.api_name for f in FIELDS[builder] if f.python_name not in from_options]
    assert err.rstrip("\n").split("it takes: ")[1].split(", ") == settable


def test_request_mail_takes_from_and_names_what_it_still_needs():
    status, _, err = run("request", "mail", "--to", "a@b.es", "--from", "x@y.es", "--message", "Hi")
    assert status == 2
    assert "--set subject=" in err
    assert "--set replyTo=" in err
    assert "keyword" not in err
    assert "from_email" not in err
    status, out, _ = run(
        "request", "mail", "--to", "a@b.es", "--from", "x@y.es", "--message", "Hi",
        "--set", "subject=Hola", "--set", "replyTo=r@y.es",
    )  # fmt: skip
    assert status == 0
    assert json.loads(out)["body"]["fromEmail"] == "x@y.es"


def test_request_set_names_an_unknown_field_without_python_signatures():
    status, _, err = run(
        "request", "sms", "--to", "1", "--from", "S", "--message", "x", "--set", "nope=1"
    )
    assert status == 2
    assert "'nope' is not a field of this request" in err
    assert "scheduleDate" in err
    assert "()" not in err


# -- words users never see ----------------------------------------------------------------------


_INTERNAL = re.compile(r"seed \d|seeds? 0|DESIGN \d|sub\[\d|closing note", re.IGNORECASE)


def test_window_output_names_the_api_reference_not_internal_documents():
    status, out, _ = run("window", "33612345678", "--at", "2026-11-29T14:00+01:00")
    assert status == 0
    assert "360nrs API reference" in out
    assert _INTERNAL.search(out) is None
    status, out, _ = run("window", "573001234567", "--at", "2026-11-29T14:00-05:00", "--json")
    assert _INTERNAL.search(out) is None


@pytest.mark.parametrize(
    "document", ["README.md", *sorted(p.name for p in (ROOT / "docs").glob("*.md"))]
)
def test_documents_name_providers_not_internal_documents(document):
    path = ROOT / document if document == "README.md" else ROOT / "docs" / document
    text = path.read_text(encoding="utf-8").replace('field="sub[', "")  # the API's own field
    assert _INTERNAL.search(text) is None


def test_an_empty_value_is_one_reason_for_every_row_without_internal_field_names(tmp_path):
    path = write(tmp_path / "c.csv", "phone,name\n34612345678\n34612345679\n34612345670,Eva\n")
    status, out, _ = run("estimate", path, "--template", "Hi {name}")
    assert status == 0
    assert "       2 No value for {name} at 3.\n" in out
    assert "sub[" not in out
    assert "recipient 1" not in out


def test_a_byte_order_mark_is_not_part_of_a_file_text(tmp_path, monkeypatch):
    # Notepad saves UTF-8 with a byte-order mark: counting it made every message UTF-16.
    message = write(tmp_path / "message.txt", "\ufeffHola {name}\r\n")
    assert run("analyze", f"@{message}")[1].startswith("gsm: 1 part, 13 septets")
    assert run("render", f"@{message}", "--var", "name=Ana")[1].startswith("Hola Ana\ngsm:")
    people = write(tmp_path / "people.csv", "phone,name\n34612345678,Ana\n")
    status, out, _ = run("estimate", people, "--template", f"@{message}", "--json")
    assert status == 0
    assert json.loads(out)["by_encoding"] == {"gsm": {"recipients": 1, "parts": 1}}
    values = write(tmp_path / "values.json", '\ufeff{"name": "Ana"}')
    assert run("render", "Hi {name}", "--values", values)[1].startswith("Hi Ana\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("\ufeffHi\n"))
    assert run("split", "--json", "-")[1] == '{"encoding": "gsm", "parts": ["Hi"]}\n'


def test_a_text_file_not_in_utf8_is_one_clear_line(tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("cp1252"))
    status, _, err = run("analyze", f"@{latin}")
    assert status == 2
    assert err.count("\n") == 1
    assert "latin.txt" in err
    assert "UTF-8" in err


@pytest.mark.parametrize(
    ("header", "options"),
    [
        ("phone,name,phone", ()),
        ("phone,name,phone", ("--phone-field", "phone")),
        ("phone,name,name", ()),
    ],
)
def test_a_column_used_twice_in_the_header_is_refused(tmp_path, header, options):
    # csv.DictReader keeps the last of two equal names: the first column was silently ignored.
    path = write(tmp_path / "dup.csv", f"{header}\n34612345678,Ana,34612345679\n")
    status, out, err = run("estimate", path, "--template", "Hi {name}", *options)
    assert (status, out) == (2, "")
    assert "Two columns are named" in err
    assert "template:" not in err  # the header is at fault, not the template
    assert err.count("\n") == 1


def test_each_invalid_example_is_listed_under_its_own_reason(tmp_path):
    # The examples used to follow the last reason, which they did not all have.
    path = write(tmp_path / "c.csv", "phone,name\nn/a,Ana\n612345,Eva\n")
    out = run("estimate", path, "--template", "Hi {name}")[1]
    reasons = out.split("invalid recipients:\n", 1)[1].split("\n\n", 1)[0]
    assert reasons.splitlines() == [
        "         1 not a phone number in international format",
        "           e.g. line 2: 'n/a'",
        "         1 not a valid number of any region",
        "           e.g. line 3: '612345'",
    ]


def test_the_csv_summary_is_never_written_over_an_input(people, tmp_path):
    # --csv with the recipients' own file name replaced them with the summary, status 0.
    before = Path(people).read_bytes()
    for target in (people, str(tmp_path / "." / "people.csv")):
        status, out, err = run("estimate", people, "--template", "Hi", "--csv", target)
        assert (status, out) == (2, "")
        assert "is an input of this run" in err
    pattern = str(tmp_path / "peo*.csv")
    assert run("estimate", pattern, "--template", "Hi", "--csv", people)[0] == 2
    template = write(tmp_path / "message.txt", "Hi")
    assert run("estimate", people, "--template", f"@{template}", "--csv", template)[0] == 2
    assert Path(template).read_text(encoding="utf-8") == "Hi"
    assert Path(people).read_bytes() == before


def test_a_byte_that_is_not_utf8_on_the_command_line_is_named(people, monkeypatch):
    # Python hands such a byte over as a lone surrogate: estimate then reported every
    # recipient invalid with status 0, and analyze spoke of a "lone surrogate".
    latin = "caf\udce9"  # "café" typed in a Latin-1 terminal
    status, out, err = run("estimate", people, "--template", latin)
    assert (status, out) == (2, "")
    assert "byte 0xe9 at position 3 is not UTF-8" in err
    assert "byte 0xe9" in run("analyze", latin)[2]
    monkeypatch.setattr("sys.stdin", io.StringIO(latin))
    assert "stdin: byte 0xe9" in run("split", "-")[2]


def test_a_max_length_for_a_name_the_template_lacks_is_refused():
    # The typo left {name} at the default of 10: a worst case of 1 part, status 0.
    status, out, err = run(
        "render", "Hola {name}", "--range", "--max-length", "nme=300", "--default-max-length", "10"
    )
    assert (status, out) == (2, "")
    assert "'nme' is not a placeholder of the template; did you mean name?" in err


@pytest.mark.parametrize(
    "head", [b"PK\x03\x04\x14\x00\x06\x00", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]
)
def test_a_workbook_not_named_xlsx_is_named_a_workbook(tmp_path, head):
    # It was read as CSV and refused with the advice --encoding cp1252, which cannot help.
    path = tmp_path / "clientes.xls"
    path.write_bytes(head + bytes(range(256)) * 4)
    status, out, err = run("estimate", str(path), "--template", "Hi")
    assert (status, out) == (2, "")
    assert "not a readable workbook" in err  # read as one (python-calamine), not as CSV
    assert "cp1252" not in err
