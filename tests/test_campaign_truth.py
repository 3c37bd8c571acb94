"""The whole truth about a real campaign file (issue 20): national numbers, repeated numbers,
the part cap, mis-decoded text, header rows, blank rows and price files, each through the
real entry points (`nrscompose.cli.main`, `nrscompose.estimate`, the bytes reader)."""

from __future__ import annotations

import json
import re
import socket
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nrscompose as nc
from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._base.text_encodings import detect_encoding
from nrscompose._rules.destinations import destination
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign import DuplicateRow
from nrscompose.campaign.recipient_files import open_recipient_bytes, open_recipients
from test_cli_estimate import run, write  # the CLI in this process, files written as given

ROOT = Path(__file__).resolve().parents[1]
WORKBOOKS = ROOT / "tests" / "fixtures" / "workbooks"


def estimate_json(*argv: str) -> dict:
    status, out, err = run("estimate", *argv, "--json")
    assert status == 0, err
    return json.loads(out)


# -- national numbers ------------------------------------------------------------------------

NATIONAL = "telefono,nombre\n612345678,Ana\n612 345 679,Luis\n"


def test_national_numbers_point_at_default_country_without_one(tmp_path):
    path = write(tmp_path / "crm.csv", NATIONAL)
    status, out, _ = run("estimate", path, "--template", "Hola {nombre}")
    assert status == 0
    assert "2 rows read: 0 valid, 2 invalid" in out
    assert "--default-country" in out  # the reason says what to do
    report = nc.estimate(path, "Hola {nombre}")
    assert report.invalid_reasons == {"recipient.national_number": 2}


def test_default_country_completes_national_numbers_and_says_how_many(tmp_path):
    path = write(tmp_path / "crm.csv", NATIONAL)
    status, out, _ = run("estimate", path, "--template", "Hola {nombre}", "--default-country", "es")
    assert status == 0
    assert "2 rows read: 2 valid, 0 invalid" in out
    assert "2 national numbers read as ES, country code added" in out
    found = estimate_json(path, "--template", "Hola {nombre}", "--default-country", "ES")
    assert found["totals"]["national_numbers_completed"] == 2
    assert list(found["by_country"]) == ["ES"]
    report = nc.estimate(path, "Hola {nombre}", default_country="ES")
    assert (report.valid, report.national_numbers) == (2, 2)


def test_a_country_column_reads_each_row_in_its_country(tmp_path):
    path = write(
        tmp_path / "crm.csv",
        "phone,pais,name\n612345678,ES,Ana\n0612345678,FR,Zoé\n912345678,,Rui\n+447400123456,,Al\n",
    )
    report = nc.estimate(path, "Hi {name}", country_field="pais", default_country="PT")
    assert report.invalid == 0
    assert {c: t.recipients for c, t in report.by_country.items()} == {
        "ES": 1, "FR": 1, "PT": 1, "GB": 1,
    }  # fmt: skip
    assert report.national_numbers == 3
    status, out, _ = run("estimate", path, "--template", "Hi {name}", "--country-field", "pais")
    assert (status, "4 rows read: 3 valid, 1 invalid" in out) == (0, True)


def test_a_country_column_with_a_name_instead_of_a_code_is_a_reason(tmp_path):
    path = write(tmp_path / "crm.csv", "phone,pais\n612345678,Spain\n")
    report = nc.estimate(path, "Hi", country_field="pais")
    assert report.invalid_reasons == {"recipient.unknown_country": 1}
    status, _, err = run("estimate", path, "--template", "Hi", "--country-field", "country")
    assert status == 2
    assert "No column 'country' for the countries" in err


def test_destination_takes_the_default_country():
    assert destination("612 345 678", default_country="ES").number == "34612345678"
    assert destination("612 345 678", default_country="ES").completed
    assert destination("+33 6 12 34 56 78", default_country="ES").region == "FR"
    assert destination("0612345678", default_country="FR").number == "33612345678"
    with pytest.raises(ArgumentError, match="not a country"):
        destination("612345678", default_country="Spain")


def test_an_unknown_default_country_is_refused(tmp_path):
    path = write(tmp_path / "crm.csv", NATIONAL)
    status, out, err = run("estimate", path, "--template", "Hi", "--default-country", "XX")
    assert (status, out) == (2, "")
    assert "'XX' is not a country" in err
    with pytest.raises(ValidationError) as caught:
        nc.estimate(path, "Hi", default_country="Spain")
    assert caught.value.kinds == ("campaign.unknown_country",)


_SPANISH_MOBILES = (
    st.integers(600_000_000, 699_999_999).map(str).filter(lambda n: destination("+34" + n).valid)
)
_SEPARATORS = st.sampled_from(["", " ", "-", "."])


@settings(max_examples=150, deadline=None)
@given(national=_SPANISH_MOBILES, separator=_SEPARATORS)
def test_a_national_number_in_any_spelling_is_its_international_number(national, separator):
    spelled = separator.join([national[:3], national[3:6], national[6:]])
    found = destination(spelled, default_country="ES")
    assert (found.valid, found.number, found.completed) == (True, "34" + national, True)
    for international in ("+34" + spelled, "0034" + national, "+34 " + spelled):
        assert destination(international, default_country="ES").number == "34" + national
        assert not destination(international, default_country="ES").completed


def test_numbers_written_as_floats_or_in_scientific_notation(tmp_path):
    """pandas writes a number column with an empty cell as floats ("34612345678.0"); Excel
    writes long numbers in scientific notation, their last digits lost."""
    path = write(
        tmp_path / "floats.csv",
        "phone,name\n34612345678.0,Ana\n,Sin\n3.46123E+10,Eva\n612345679.0,Luis\n",
    )
    report = nc.estimate(path, "Hi {name}", default_country="ES")
    assert report.valid == 2
    assert report.invalid_reasons == {"recipient.unparsable": 1, "recipient.scientific_notation": 1}
    _, out, _ = run("estimate", path, "--template", "Hi {name}")
    assert "a number written in scientific notation (3,46123E+10)" in out
    assert destination("34612345678.0").number == "34612345678"


# -- repeated numbers ------------------------------------------------------------------------

FOUR_WAYS = (
    "phone,name\n+34612345678,Ana\n0034612345678,Ana\n34 612 34 56 78,Ana\n"
    "+34 612-345-678,Ana\n+34612345679,Luis\n+34612345679,Luis\n"
)


def test_one_number_written_four_ways_is_reported_and_counted_as_sent(tmp_path):
    path = write(tmp_path / "dups.csv", FOUR_WAYS)
    status, out, _ = run("estimate", path, "--template", "Hola {name}")
    assert status == 0
    assert "6 rows read: 6 valid, 0 invalid" in out
    assert "4 rows repeat an earlier number (counted as sent" in out
    assert "line 3 repeats line 2; line 4 repeats line 2; line 5 repeats line 2" in out
    found = estimate_json(path, "--template", "Hola {name}")
    assert found["totals"]["duplicates"] == 4
    assert found["totals"]["valid"] == 6
    assert found["duplicate_sample"][-1] == {
        "line": 7, "first_line": 6, "file": None, "first_file": None,
    }  # fmt: skip


def test_dedupe_keeps_the_first_row_of_each_number(tmp_path):
    path = write(tmp_path / "dups.csv", FOUR_WAYS)
    status, out, _ = run("estimate", path, "--template", "Hola {name}", "--dedupe")
    assert status == 0
    assert "6 rows read: 2 valid, 0 invalid" in out
    assert "4 rows repeat an earlier number (left out with --dedupe)" in out
    report = nc.estimate(path, "Hola {name}", dedupe=True)
    assert (report.rows_read, report.valid, report.duplicates, report.parts) == (6, 2, 4, 2)
    assert report.duplicate_samples[0] == DuplicateRow(3, 2)


def test_repeats_agree_across_processes_and_files(tmp_path):
    first = write(tmp_path / "a.csv", FOUR_WAYS)
    second = write(tmp_path / "b.csv", "phone,name\n+34612345679,Luis\n+34699999999,Eva\n")
    one = estimate_json(first, second, "--template", "Hi {name}")
    two = estimate_json(first, second, "--template", "Hi {name}", "--jobs", "2")
    assert one["totals"] == two["totals"]
    assert one["duplicate_sample"] == two["duplicate_sample"]
    assert one["totals"]["duplicates"] == 5
    assert one["duplicate_sample"][-1]["first_file"] == first
    deduped = estimate_json(first, second, "--template", "Hi {name}", "--jobs", "2", "--dedupe")
    assert deduped["totals"]["valid"] == 3


def test_repeats_in_python_rows_and_frames():
    rows = [{"phone": "+34612345678"}, {"phone": "0034 612 345 678"}, {"phone": "+34612345679"}]
    assert nc.estimate(rows, "Hi").duplicates == 1
    assert nc.estimate(rows, "Hi", dedupe=True).valid == 2
    pandas = pytest.importorskip("pandas")
    assert nc.estimate(pandas.DataFrame(rows), "Hi", dedupe=True).valid == 2


_SPELLINGS = st.sampled_from(["+34{}", "0034{}", "34{}", "+34 {}", "34-{}"])


@settings(max_examples=60, deadline=None)
@given(
    picks=st.lists(st.tuples(st.integers(0, 4), _SPELLINGS), min_size=1, max_size=30),
)
def test_duplicates_are_rows_minus_distinct_numbers(picks):
    numbers = ["612345678", "612345679", "699111222", "655000111", "633444555"]
    rows = [{"phone": spelling.format(numbers[i])} for i, spelling in picks]
    report = nc.estimate(rows, "Hi")
    distinct = len({i for i, _ in picks})
    assert report.duplicates == len(rows) - distinct
    assert nc.estimate(rows, "Hi", dedupe=True).valid == distinct


def test_the_same_number_twice_in_a_request_is_refused():
    credentials = nc.nrs.Credentials("user", "apiPassword")
    with pytest.raises(ValidationError) as caught:
        nc.nrs.sms(
            credentials=credentials,
            to=["+34612345678", "34 612 34 56 78"],
            sender="SHOP",
            message="Hi",
        )
    assert caught.value.kinds == ("recipient.duplicate",)
    assert caught.value.problems[0].field == "to[1]"
    assert "to[0]" in str(caught.value)


# -- the part cap ----------------------------------------------------------------------------


def test_rows_over_the_part_cap_are_invalid_with_their_parts(tmp_path):
    path = write(
        tmp_path / "long.csv",
        f"phone,body\n+34612345678,{'a' * 153 * 20}\n+34612345679,{'b' * 153 * 19}\n"
        "+34612345670,short\n",
    )
    status, out, _ = run("estimate", path, "--template", "{body}")
    assert status == 0
    assert "3 rows read: 1 valid, 2 invalid" in out
    assert "at most 15 parts are allowed. The API would refuse it (error 105)." in out
    assert "e.g. line 2: '34612345678' (20 parts)" in out
    assert "e.g. line 3: '34612345679' (19 parts)" in out
    report = nc.estimate(path, "{body}")
    assert report.invalid_reasons == {"text.too_long": 2}
    assert report.parts == 1


def test_max_parts_lowers_the_cap(tmp_path):
    path = write(tmp_path / "c.csv", f"phone,body\n+34612345678,{'a' * 400}\n+34612345679,hi\n")
    status, out, _ = run("estimate", path, "--template", "{body}", "--max-parts", "2")
    assert status == 0
    assert "2 rows read: 1 valid, 1 invalid" in out
    assert "at most 2 parts are allowed" in out
    assert nc.estimate(path, "{body}", max_parts=3).valid == 2
    with pytest.raises(ValidationError, match="from 1 to 15"):
        nc.estimate(path, "{body}", max_parts=16)


# -- encodings -------------------------------------------------------------------------------

TEXT = "telefono;nombre\r\n+34612345678;José\r\n+34612345679;Begoña\r\n"


def test_a_mac_roman_file_is_named_and_the_advice_works(tmp_path):
    path = write(tmp_path / "mac.csv", TEXT, "mac_roman")
    status, out, err = run("estimate", path, "--template", "Hola {nombre}")
    assert (status, out) == (2, "")
    assert "looks like Mac Roman, as Excel for Mac saves CSV: try --encoding mac_roman" in err
    right = nc.estimate(write(tmp_path / "utf8.csv", TEXT), "Hola {nombre}")
    followed = nc.estimate(path, "Hola {nombre}", encoding="mac_roman")
    assert (followed.parts, followed.by_encoding) == (right.parts, right.by_encoding)
    assert followed.warnings == ()


def test_a_forced_encoding_that_garbles_the_text_is_warned_about(tmp_path):
    path = write(tmp_path / "mac.csv", TEXT, "mac_roman")
    status, _, err = run("estimate", path, "--template", "Hola {nombre}", "--encoding", "cp1252")
    assert status == 0
    assert "warning" in err
    assert "'JosŽ'" in err
    assert "try" not in err
    assert "--encoding mac_roman" in err
    found = estimate_json(path, "--template", "Hola {nombre}", "--encoding", "cp1252")
    assert len(found["warnings"]) == 1
    assert "Mac Roman" in found["warnings"][0]


def test_a_forced_encoding_that_makes_control_characters_is_refused(tmp_path):
    path = write(tmp_path / "win.csv", "phone,nota\n+34612345678,Oferta 10€\n", "cp1252")
    status, out, err = run("estimate", path, "--template", "{nota}", "--encoding", "latin-1")
    assert (status, out) == (2, "")
    assert "control characters" in err
    assert "U+0080 on line 2" in err
    assert "try --encoding cp1252" in err


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "phone;name;nota\n+34612345678;José Peña;Oferta 10€\n"),
        ("mac_roman", "phone;name\n+34612345678;Begoña\n+351912345678;João\n"),
        ("iso-8859-15", "phone;name;nota\n+34612345678;Zoë;10€ dto.\n"),
        ("latin-1", "phone;name\n+34612345678;Ramón\n+33612345678;Hélène\n"),
        ("cp850", "phone;name\n+34612345678;Iñaki Núñez\n"),
        ("utf-16-le", "phone;name\n+34612345678;José\n"),
        ("utf-16-be", "phone;name\n+34612345678;José\n"),
    ],
)
def test_the_encoding_named_reads_the_file_right(tmp_path, encoding, text):
    path = write(tmp_path / "f.csv", text, encoding)
    status, _, err = run("estimate", path, "--template", "Hi {name}")
    assert status == 2
    advised = err.split("--encoding ")[1].split()[0].rstrip(".;")
    assert Path(path).read_bytes().decode(advised) == text
    status, _, err = run("estimate", path, "--template", "Hi {name}", "--encoding", advised)
    assert (status, err) == (0, "")


def test_detection_takes_bytes():
    assert detect_encoding("José;Málaga\n".encode("mac_roman")).encoding == "mac_roman"
    assert detect_encoding("José;Málaga\n".encode()).encoding == "utf-8"
    assert detect_encoding("phone;José\n".encode("utf-16-le")).encoding == "utf-16-le"


@pytest.mark.parametrize(
    "name", ["rot13", "zlib", "base64", "hex", "uu", "quopri", "punycode", "bz2", "idna"]
)
def test_only_text_encodings_are_accepted(tmp_path, name):
    path = write(tmp_path / "c.csv", "phone\n+34612345678\n")
    status, out, err = run("estimate", path, "--template", "Hi", "--encoding", name)
    assert (status, out) == (2, "")
    assert "is not a text encoding" in err
    assert err.count("\n") == 1


def test_bytes_are_read_by_the_same_reader(tmp_path):
    data = TEXT.encode("mac_roman")
    with pytest.raises(ValidationError, match="try --encoding mac_roman"):
        open_recipient_bytes(data, "upload.csv")
    opened = open_recipient_bytes(data, "upload.csv", encoding="mac_roman")
    from_path = open_recipients(write(tmp_path / "upload.csv", TEXT, "mac_roman"),
                                encoding="mac_roman")  # fmt: skip
    assert opened.header == from_path.header
    assert [c.rows for c in opened.chunks(10)] == [c.rows for c in from_path.chunks(10)]
    assert nc.estimate(opened, "Hola {nombre}").valid == 2


# -- header rows -----------------------------------------------------------------------------


def test_excels_sep_line_is_honoured(tmp_path):
    path = write(tmp_path / "sep.csv", "sep=;\nphone;name\n+34612345678;Ana\n", "cp1252")
    status, out, _ = run("estimate", path, "--template", "Hi {name}")
    assert status == 0
    assert "semicolon-separated, header on line 2" in out
    assert "1 row read: 1 valid, 0 invalid" in out


def test_a_title_above_the_header_is_skipped_and_said(tmp_path):
    path = write(
        tmp_path / "t.csv",
        "Campaña Navidad;;\nExportado 2026-11-01;;\n;;\n"
        "Nombre;Móvil;Ciudad\nAna;+34612345678;Madrid\n",
    )
    status, out, _ = run("estimate", path, "--template", "Hi {Nombre}")
    assert status == 0
    assert "header on line 4; phone numbers from column 'Móvil'" in out
    assert "1 row read: 1 valid" in out
    found = estimate_json(path, "--template", "Hi {Nombre}")
    assert found["inputs"][0]["header_line"] == 4
    assert found["invalid_sample"] == []
    forced = estimate_json(path, "--template", "Hi", "--header-row", "4", "--phone-field", "Móvil")
    assert forced["totals"]["valid"] == 1


def test_a_workbook_title_with_merged_cells_above_the_header(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Campaña de Navidad"])
    sheet.merge_cells("A1:C1")
    sheet.append([])
    sheet.append(["Nombre", "Teléfono móvil", "Ciudad"])
    sheet.append(["Ana", 34612345678, "Madrid"])
    sheet.append(["   ", None, " "])  # blank, as a CSV line of spaces is
    sheet.append(["Luis", "+34612345679", "Vigo"])
    path = tmp_path / "t.xlsx"
    book.save(path)
    report = nc.estimate(path, "Hi {Nombre}")
    assert (report.valid, report.invalid, report.blank_lines) == (2, 0, 1)
    assert report.inputs[0].header_line == 3


def test_a_workbook_with_instructions_first_names_the_sheet_to_use():
    status, out, err = run("estimate", str(WORKBOOKS / "clientes.xls"), "--template", "Hi")
    assert (status, out) == (2, "")
    assert "sheet 'Instrucciones' has no phone column" in err
    assert "'Clientes'; choose one with --sheet" in err


def test_xls_and_ods_workbooks_are_read():
    pytest.importorskip("python_calamine")
    xls = nc.estimate(WORKBOOKS / "clientes.xls", "Hola {Nombre}", sheet="Clientes")
    assert (xls.valid, xls.inputs[0].header_line, xls.inputs[0].format) == (3, 3, "xls")
    ods = nc.estimate(WORKBOOKS / "clientes.ods", "Hola {name}")
    assert (ods.valid, ods.blank_lines, ods.inputs[0].format) == (2, 1, "ods")


# -- blank rows ------------------------------------------------------------------------------


def test_rows_of_delimiters_or_spaces_are_blank_lines_in_csv_as_in_a_workbook(tmp_path):
    path = write(tmp_path / "b.csv", "phone;name\n+34612345678;Ana\n;;;;\n   \n ; \n")
    status, out, _ = run("estimate", path, "--template", "Hi", "--max-invalid", "0")
    assert status == 0
    assert "1 row read: 1 valid, 0 invalid; 3 blank lines skipped" in out


# -- prices ----------------------------------------------------------------------------------


def test_a_cost_with_a_comma_names_the_row_and_value(tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text(
        '{"data": [{"countryIso": "FR", "cost": 0.058, "currencyCode": "EUR"},'
        ' {"countryIso": "ES", "cost": "0,039", "currencyCode": "EUR"}]}'
    )
    people = write(tmp_path / "p.csv", "phone\n+34612345678\n")
    status, _, err = run("estimate", people, "--template", "Hi", "--prices", str(prices))
    assert status == 2
    assert "Price row 2 (ES): the cost '0,039' is not a number" in err
    assert "Invalid" not in err
    assert "Conversion" not in err


def test_prices_may_be_a_path_in_python(tmp_path):
    prices = tmp_path / "prices.json"
    prices.write_text('{"data": [{"countryIso": "ES", "cost": 0.039, "currencyCode": "EUR"}]}')
    rows = [{"phone": "+34612345678"}]
    assert nc.estimate(rows, "Hi", prices=str(prices)).cost == {"EUR": Decimal("0.039")}
    assert nc.estimate(rows, "Hi", prices=prices).cost == {"EUR": Decimal("0.039")}


# -- the smaller points ----------------------------------------------------------------------


def test_a_missing_file_names_what_it_was_given_as(tmp_path):
    people = write(tmp_path / "p.csv", "phone\n+34612345678\n")
    status, _, err = run("estimate", str(tmp_path / "nope.csv"), "--template", "Hi")
    assert (status, "nope.csv: no such recipients file" in err) == (2, True)
    status, _, err = run("estimate", people, "--template", "Hi", "--prices", "nope.json")
    assert (status, "nope.json: no such file (given with --prices)" in err) == (2, True)
    assert "Errno" not in err


def test_invisible_characters_are_escaped_in_the_out_of_gsm_lists(tmp_path):
    path = write(tmp_path / "i.csv", "phone,body\n+34612345678,a\x00b\x85c\u200dd\n")
    status, out, _ = run("estimate", path, "--template", "{body}")
    assert status == 0
    listed = next(line for line in out.splitlines() if "out of gsm:" in line)
    assert "\\x00" in listed
    assert "\\x85" in listed
    assert "\\u200d" in listed
    assert not any(char in listed for char in "\x00\x85\u200d")


def test_one_recipient_is_singular_and_thousands_are_separated(tmp_path):
    rows = "".join(f"+346{i:08d},x\n" for i in range(1000))
    path = write(tmp_path / "k.csv", "phone,name\n" + rows + "+33612345678,y\n")
    status, out, _ = run("estimate", path, "--template", "Hi")
    assert status == 0
    assert "1,001 rows read:" in out
    assert re.search(r"FR +1 recipient +1 part ", out)
    assert not re.search(r"\b1 recipients", out)
    assert "1,001 recipients     1,001 parts" in out


def test_window_advice_for_a_date_alone_is_accepted_when_followed(capsys):
    status, _, err = run("window", "33612345678", "--at", "2026-11-29")
    assert status == 2
    advice = err.split("e.g. ")[1].split(" or ")[0]
    assert advice == "2026-11-29T00:00+01:00"
    assert run("window", "33612345678", "--at", advice)[0] == 0


def test_demo_on_a_port_in_use_is_one_line():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        status, out, err = run("demo", "--port", port, "--no-browser")
    assert (status, out) == (2, "")
    assert f"Port {port} on 127.0.0.1 is in use" in err
    assert err.count("\n") == 1


def test_render_suggests_the_placeholder_and_the_filter():
    status, _, err = run("render", "Hola {name}", "--var", "nme=Ana")
    assert status == 2
    assert "'nme' is not a placeholder of the template; did you mean {name}?" in err
    status, _, err = run("render", "Hola {name|capitalise}", "--var", "name=ana")
    assert status == 2
    assert "did you mean 'capitalize'?" in err


def test_profile_channel_and_encoding_have_help(capsys):
    assert run("estimate", "--help")[0] == 0
    shown = " ".join(capsys.readouterr().out.split())
    assert "counting rules: 360nrs" in shown
    assert "sms (at most 15 parts" in shown
    assert "mac_roman (Excel for Mac)" in shown


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=200))
def test_any_bytes_are_read_or_refused_with_a_kind(data):
    kinds: tuple[str, ...] = ()
    try:
        opened = open_recipient_bytes(b"phone,name\n" + data, "fuzz.csv")
        for _ in opened.chunks(5):
            pass
    except ValidationError as error:
        kinds = error.kinds
        assert kinds
    assert "value.invalid" not in kinds


def test_a_header_row_past_the_end_is_refused(tmp_path):
    path = write(tmp_path / "h.csv", "phone\n+34612345678\n")
    status, out, err = run("estimate", path, "--template", "Hi", "--header-row", "9")
    assert (status, out) == (2, "")
    assert "h.csv, line 9: the file has no such line for the header" in err
    status, _, err = run("estimate", path, "--template", "Hi", "--header-row", "0")
    assert status == 2
    assert "1 or more" in err


def test_workbook_bytes_are_read_as_the_file_is():
    pytest.importorskip("python_calamine")
    data = (WORKBOOKS / "clientes.xls").read_bytes()
    opened = open_recipient_bytes(data, "upload.xls", sheet="Clientes")
    assert (opened.kind, opened.header_line) == ("xls", 3)
    assert nc.estimate(opened, "Hola {Nombre}").valid == 3
    with pytest.raises(ValidationError, match="'Clientes'; choose one with --sheet"):
        open_recipient_bytes(data, "upload.xls")


def test_utf16_forced_as_latin1_and_random_bytes_are_named_right(tmp_path):
    wide = write(tmp_path / "w.csv", "phone;name\n+34612345678;José\n", "utf-16-le")
    status, _, err = run("estimate", wide, "--template", "Hi", "--encoding", "latin-1")
    assert status == 2
    assert "U+0000 on line 1" in err
    assert "try --encoding utf-16-le" in err
    noise = tmp_path / "noise.csv"
    noise.write_bytes(b"phone\n\x81\x8d\x8f\x90\x9d\x00\x01\n")
    status, _, err = run("estimate", str(noise), "--template", "Hi")
    assert status == 2
    assert "no usual encoding reads the file plausibly" in err


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None)
@given(
    rows=st.lists(
        st.fixed_dictionaries(
            {},
            optional={
                "countryIso": _JSON_VALUES,
                "cost": _JSON_VALUES,
                "mcc": _JSON_VALUES,
                "mnc": _JSON_VALUES,
                "currencyCode": _JSON_VALUES,
            },
        )
        | _JSON_VALUES,
        max_size=4,
    )
)
def test_any_price_rows_are_prices_or_a_prices_kind(rows):
    """Whatever a coverage file holds, the price list is built or refused by a kind of its
    own, counting rows from 1 and naming no Python exception."""
    kinds: tuple[str, ...] = ()
    said = ""
    try:
        PriceList.from_coverage({"data": rows})
    except ValidationError as error:
        kinds, said = error.kinds, str(error)
    assert all(kind.startswith("prices.") for kind in kinds), kinds
    assert "Error" not in said
    assert "row 0" not in said


def test_repeats_across_dask_partitions_agree_with_one_process():
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    rows = [{"phone": p} for p in ("+34612345678", "+34612345679", "0034612345678",
                                   "+34612345680", "34 612 345 679", "+34612345681")]  # fmt: skip
    frame = dd.from_pandas(pandas.DataFrame(rows), npartitions=3)
    one, many = nc.estimate(rows, "Hi"), nc.estimate(frame, "Hi")
    assert (many.duplicates, many.duplicate_samples) == (one.duplicates, one.duplicate_samples)
    assert [(r.line, r.first_line) for r in many.duplicate_samples] == [(3, 1), (5, 2)]
    assert nc.estimate(frame, "Hi", dedupe=True).valid == 4
