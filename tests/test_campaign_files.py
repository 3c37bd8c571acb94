"""Campaign files: exact CSV rows at any chunk size, encodings, delimiters, columns, Excel."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._composition.template import Template
from nrscompose.campaign import CampaignPlan, InputFile, estimate, estimate_file, read_csv
from nrscompose.campaign.recipient_files import (
    check_template_columns,
    choose_phone_field,
    open_recipients,
    row_dict,
)

NUMBERS = ["34612345678", "33612345678", "351912345678", "12025550123"]


def dict_reader_rows(path: Path, encoding: str = "utf-8", delimiter: str = ",") -> list[dict]:
    with path.open(newline="", encoding=encoding) as source:
        return list(csv.DictReader(source, delimiter=delimiter))


def _blank(row: dict) -> bool:
    cells = [v for k, v in row.items() if k is not None] + list(row.get(None) or [])
    return not "".join(cell or "" for cell in cells).strip()


def our_rows(path: Path, size: int, delimiter: str | None = None) -> list[dict]:
    opened = open_recipients(path, delimiter=delimiter)
    return [
        row_dict(opened.header, values) for chunk in opened.chunks(size) for values in chunk.rows
    ]


# -- the reported corruption: a quote inside an unquoted field before a quoted line break ------


def test_a_stray_quote_does_not_make_a_phantom_row_at_a_chunk_boundary(tmp_path):
    path = tmp_path / "campaign.csv"
    lines = ["phone,name,n"]
    lines += [f"3461{i:07d},Ana,1" for i in range(19_999)]
    lines += ['34619999000,O"Brien,1', '34619999001,"Ana\nMaria",1']
    lines += [f"3462{i:07d},Luis,1" for i in range(50)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = dict_reader_rows(path)
    assert len(expected) == 20_051
    report = estimate(path, "Hola {name}")
    assert report.rows_read == 20_051
    numbers = {row.number for row in report.invalid_sample}
    assert 'Maria"' not in numbers
    assert our_rows(path, 20_000) == expected


# -- the property: the same rows as csv.DictReader for every file and chunk size ---------------

_PIECES = st.sampled_from(
    ["a", "1", "34612345678", " ", "é", '"', '""', ",", ";", "\n", "\r\n", "\r", "\t", "x y"]
)


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=st.lists(_PIECES, max_size=60).map("".join),
    size=st.integers(1, 6),
    delimiter=st.sampled_from([",", ";"]),
)
def test_rows_are_exactly_those_of_dict_reader_at_any_chunk_size(tmp_path, body, size, delimiter):
    """The rows csv.DictReader gives, but for blank ones (only delimiters or spaces), which
    are blank lines, as an empty row of a workbook is."""
    path = tmp_path / "random.csv"
    text = f"phone{delimiter}name\n" + body
    path.write_bytes(text.encode("utf-8"))
    expected = [row for row in dict_reader_rows(path, delimiter=delimiter) if not _blank(row)]
    # An unclosed quote swallows everything after it: a line added at the end disappears
    # into the last field instead of becoming a row of its own.
    probe = tmp_path / "probe.csv"
    probe.write_bytes((text + "\n\x01").encode("utf-8"))
    unclosed = dict_reader_rows(probe, delimiter=delimiter)[-1:] != [
        {"phone": "\x01", "name": None}
    ]
    if unclosed:
        with pytest.raises(ValidationError, match="never closed"):
            our_rows(path, size, delimiter)
    else:
        assert our_rows(path, size, delimiter) == expected


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    rows=st.lists(
        st.tuples(st.sampled_from([*NUMBERS, "", "bad"]), st.text(max_size=8)), max_size=25
    ),
    blank_every=st.integers(0, 4),
    crlf=st.booleans(),
)
def test_written_campaigns_estimate_as_dict_reader_rows(tmp_path, rows, blank_every, crlf):
    """Whatever csv.writer writes (quoted line breaks, quotes, CRLF) plus blank lines, the
    estimate reads the rows csv.DictReader reads, and counts the blank lines apart."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n" if crlf else "\n")
    writer.writerow(["phone", "name"])
    for index, row in enumerate(rows, 1):
        writer.writerow(row)
        if blank_every and index % blank_every == 0:
            buffer.write("\n")
    path = tmp_path / "written.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8"))
    expected = [row for row in dict_reader_rows(path) if not _blank(row)]
    report = estimate(path, "Hi {name}")
    assert report.rows_read == len(expected) == report.valid + report.invalid
    # an all-empty record (",", or an empty line) is a blank line, as an empty workbook row is;
    # csv.writer leaves a lone CR unquoted, so ("", "\r0") is read as "," and "0"
    with path.open(newline="", encoding="utf-8") as source:
        records = list(csv.reader(source))[1:]
    assert report.blank_lines == sum(1 for record in records if not "".join(record).strip())
    assert list(read_csv(path)) == expected


def test_blank_lines_are_skipped_counted_and_lines_are_file_lines(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        'phone,name\n34612345678,Ana\n\n"bad",x\n\n\n123,"two\nlines"\nnot,ok\n', encoding="utf-8"
    )
    report = estimate(path, "Hi {name}")
    assert (report.rows_read, report.valid, report.invalid) == (4, 1, 3)
    assert report.blank_lines == 3
    assert [row.row for row in report.invalid_sample] == [4, 7, 9]
    totals = report.as_json()["totals"]
    assert (totals["rows_read"], totals["blank_lines_skipped"]) == (4, 3)


def test_an_unclosed_quote_is_reported_with_its_line(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text('phone,name\n34612345678,Ana\n34612345679,"Luis\n34612345670,Eva\n')
    with pytest.raises(
        ValidationError, match=r"c.csv, line 3: a quote opened here is never closed"
    ):
        estimate(path, "Hi {name}")


def test_a_field_over_the_csv_limit_is_an_error_with_its_line(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("phone,name\n34612345678,Ana\n34612345679," + "x" * 140_000 + "\n")
    with pytest.raises(ValidationError, match=r"line 3: a field is longer than 131,072"):
        estimate(path, "Hi {name}")


# -- encodings -----------------------------------------------------------------------------


def test_a_cp1252_file_is_refused_with_file_line_and_the_way_out(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("phone,name\n34612345678,Ana\n34612345679,María\n".encode("cp1252"))
    with pytest.raises(ValidationError) as caught:
        estimate(path, "Hola {name}")
    message = str(caught.value)
    assert "excel.csv, line 3" in message
    assert "0xed" in message
    assert "--encoding cp1252" in message
    report = estimate(path, "Hola {name}", encoding="cp1252")
    assert report.valid == 2
    assert report.inputs[0].encoding == "cp1252"


@pytest.mark.parametrize(
    ("encoding", "label"), [("utf-8-sig", "UTF-8 with BOM"), ("utf-16", "UTF-16")]
)
def test_byte_order_marks_are_recognised(tmp_path, encoding, label):
    path = tmp_path / "bom.csv"
    path.write_bytes("phone,name\n34612345678,José\n".encode(encoding))
    opened = open_recipients(path)
    assert opened.header == ("phone", "name")
    assert opened.describe()["encoding"] == label
    assert list(read_csv(path)) == [{"phone": "34612345678", "name": "José"}]


def test_utf16_without_a_byte_order_mark_is_not_read_as_mojibake(tmp_path):
    path = tmp_path / "u16.csv"
    path.write_bytes("phone,name\n34612345678,José\n".encode("utf-16-le"))
    with pytest.raises(ValidationError, match="utf-16-le"):
        open_recipients(path)
    assert open_recipients(path, encoding="utf-16-le").header == ("phone", "name")


def test_an_unknown_encoding_is_refused_with_its_kind(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("phone\n1\n")
    with pytest.raises(ValidationError, match="'klingon' is not an encoding") as caught:
        open_recipients(path, encoding="klingon")
    assert caught.value.kinds == ("file.unknown_encoding_name",)


# -- delimiters ----------------------------------------------------------------------------


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_the_delimiter_is_detected_from_the_header(tmp_path, delimiter):
    path = tmp_path / "c.csv"
    path.write_text(f"phone{delimiter}name\n34612345678{delimiter}Ana\n")
    opened = open_recipients(path)
    assert opened.delimiter == delimiter
    assert estimate(path, "Hi {name}").valid == 1


def test_a_forced_delimiter_wins_and_must_be_one_character(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("phone;name;x,y\n34612345678;Ana;1,2\n")
    assert open_recipients(path).delimiter == ";"
    assert open_recipients(path, delimiter=",").header == ("phone;name;x", "y")
    with pytest.raises(ArgumentError, match="one character"):
        open_recipients(path, delimiter=";;")


# -- empty files -------------------------------------------------------------------------------


def test_an_empty_file_is_an_error_and_a_header_only_file_has_no_recipients(tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ValidationError, match="empty"):
        estimate(empty, "Hi")
    header_only = tmp_path / "header.csv"
    header_only.write_text("phone,name\n")
    report = estimate(header_only, "Hi {name}")
    assert (report.rows_read, report.valid, report.invalid) == (0, 0, 0)


# -- columns -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "column",
    ["phone", "Mobile", "MSISDN", "Teléfono", "TELEFONO", "Móvil", "celular", "Telemóvel",
     "Portable", "Phone number", "customer_phone", "Teléfono móvil"],
)  # fmt: skip
def test_phone_columns_are_recognised_by_name(column):
    assert choose_phone_field(["name", column, "city", "order number"]) == column


def test_no_phone_column_lists_the_columns_and_the_option():
    with pytest.raises(ValidationError) as caught:
        choose_phone_field(["name", "city"])
    message = str(caught.value)
    assert "'name', 'city'" in message
    assert "--phone-field" in message


def test_two_phone_columns_are_a_tie_to_be_resolved():
    with pytest.raises(ValidationError, match="'phone' and 'Móvil'"):
        choose_phone_field(["phone", "Móvil", "name"])
    assert choose_phone_field(["phone", "Móvil"], "Móvil") == "Móvil"


def test_a_named_phone_column_must_exist():
    with pytest.raises(ValidationError, match="did you mean 'Phone'"):
        choose_phone_field(["Phone", "name"], "phone")


def test_a_file_without_phone_column_is_refused_before_any_row(tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("name,city\nAna,Madrid\n")
    with pytest.raises(ValidationError, match="no column holds phone numbers"):
        estimate(path, "Hi {name}")


def test_template_placeholders_are_checked_against_the_header():
    template = Template("Hi {nme}, code {OTP_CODE}")
    with pytest.raises(ValidationError) as caught:
        check_template_columns(template, ["phone", "name"])
    (problem,) = caught.value.problems
    assert (problem.start, problem.end) == (3, 8)
    assert "{nme} at 3" in problem.message
    assert "did you mean {name}?" in problem.message
    check_template_columns(Template("Hi {name} {OTP_CODE}"), ["phone", "name"])


def test_a_data_frame_is_checked_against_its_columns():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame([{"móvil": "34612345678", "name": "Ana"}])
    assert estimate(frame, "Hi {name}").valid == 1
    with pytest.raises(ValidationError, match="did you mean"):
        estimate(frame, "Hi {nam}")


# -- several files, jobs ------------------------------------------------------------------------


def _part(path: Path, start: int, count: int, bad_every: int) -> None:
    lines = ["phone,name"]
    for index in range(start, start + count):
        number = "n/a" if index % bad_every == 0 else f"3461{index:07d}"
        lines.append(f"{number},Ana {index}")
    path.write_text("\n".join(lines) + "\n")


def test_several_files_are_one_campaign_with_file_names_in_samples(tmp_path, monkeypatch):
    monkeypatch.setattr("nrscompose.campaign.parallel.CHUNK_ROWS", 4)
    paths = []
    for part in range(3):
        path = tmp_path / f"part-{part}.csv"
        _part(path, part * 10, 10, 7)
        paths.append(path)
    plan = CampaignPlan(Template("Hola {name}"))
    report = estimate_file(paths, plan)
    assert report.rows_read == 30
    assert report.invalid == 5  # 0, 7, 14, 21, 28
    assert [(Path(r.source).name, r.row) for r in report.invalid_sample][:2] == [
        ("part-0.csv", 2),
        ("part-0.csv", 9),
    ]
    assert estimate_file(paths, plan, jobs=2).as_json() == report.as_json()
    assert [entry.file for entry in report.inputs] == [str(p) for p in paths]


@pytest.mark.parametrize("jobs", [0, -1, True, 1.5])
def test_jobs_must_be_a_positive_whole_number(tmp_path, jobs):
    path = tmp_path / "c.csv"
    path.write_text("phone\n34612345678\n")
    with pytest.raises(ArgumentError):
        estimate_file(path, CampaignPlan(Template("x")), jobs=jobs)


# -- Excel -------------------------------------------------------------------------------------


def _workbook(path: Path, rows: list[list[object]], sheet: str = "Clientes") -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.title = sheet
    for row in rows:
        book.active.append(row)
    book.create_sheet("Other").append(["x"])
    book.save(path)


def test_an_excel_sheet_is_read_with_the_same_checks_and_accounting(tmp_path):
    pytest.importorskip("python_calamine")
    path = tmp_path / "campaign.xlsx"
    _workbook(
        path,
        [["Móvil", "name", "amount"], [34612345678, "Ana", 12.5], [None, None, None],
         ["n/a", "Luis", 3], ["+33 6 12 34 56 78", "Zoë", 1234]],
    )  # fmt: skip
    report = estimate(path, "Hola {name}: {amount|formatDotComma}")
    assert (report.rows_read, report.valid, report.invalid, report.blank_lines) == (3, 2, 1, 1)
    assert [row.row for row in report.invalid_sample] == [4]
    assert report.inputs[0] == InputFile(str(path), "xlsx", "Móvil", sheet="Clientes")
    assert report.as_json()["inputs"][0] == {
        "file": str(path),
        "format": "xlsx",
        "sheet": "Clientes",
        "header_line": 1,
        "phone_field": "Móvil",
    }
    with pytest.raises(ValidationError, match="no sheet 'Nope'"):
        estimate(path, "Hola", sheet="Nope")
    with pytest.raises(ValidationError, match=r"did you mean \{name\}"):
        estimate(path, "Hola {nam}")


def test_a_bad_byte_on_the_last_line_stops_the_run_before_any_row(tmp_path, monkeypatch):
    path = tmp_path / "late.csv"
    good = "".join(f"3461{i:07d},Ana\n" for i in range(50))
    path.write_bytes(("phone,name\n" + good).encode() + b"34612345679,Mar\xeda\n")
    estimated = []
    monkeypatch.setattr(
        "nrscompose.campaign.parallel._estimate_chunk", lambda *args: estimated.append(args)
    )
    with pytest.raises(ValidationError, match="line 52"):
        estimate(path, "Hi {name}")
    assert estimated == []


def test_a_utf8_file_read_as_cp1252_is_refused_instead_of_garbled(tmp_path):
    path = tmp_path / "utf8.csv"
    path.write_text("phone,name\n34612345678,María\n", encoding="utf-8")
    with pytest.raises(ValidationError, match="garbled"):
        estimate(path, "Hola {name}", encoding="cp1252")
    ascii_only = tmp_path / "ascii.csv"
    ascii_only.write_text("phone,name\n34612345678,Maria\n", encoding="utf-8")
    assert estimate(ascii_only, "Hola {name}", encoding="cp1252").valid == 1
