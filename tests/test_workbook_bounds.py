"""Workbook bombs: what an ``.xlsx`` declares is checked before the reader sees it (issue 23,
item 2). Each bomb is built here, a few KB on disk; the CLI runs in a child process, so a bomb
that got through would kill the child (SIGABRT) and fail the test rather than the test run."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose.campaign import estimate
from nrscompose.campaign.workbook_bounds import MAX_CELL_TEXT, inspect_workbook, span_limit

pytest.importorskip("python_calamine")

_MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
HEADER = '<row r="1"><c r="A1" t="inlineStr"><is><t>phone</t></is></c></row>'


def workbook(
    path: Path, rows: str | Iterator[str], shared: Iterator[str] | None = None, prolog: str = ""
) -> Path:
    """A minimal workbook whose sheet's ``<sheetData>`` is ``rows`` (streamed into the zip, so a
    sheet of millions of cells costs the test little memory) and, if given, shared strings."""
    types = ('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
             'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats'
             '-officedocument.spreadsheetml.sheet.main+xml"/></Types>')  # fmt: skip
    relationships = (
        f'<Relationship Id="rId1" Type="{_TYPE}/worksheet" Target="worksheets/sheet1.xml"/>'
    )
    if shared is not None:
        relationships += (
            f'<Relationship Id="rId2" Type="{_TYPE}/sharedStrings" Target="sharedStrings.xml"/>'
        )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", types)
        archive.writestr("_rels/.rels", f'<Relationships {_RELS}><Relationship Id="rId1" '
                         f'Type="{_TYPE}/officeDocument" Target="xl/workbook.xml"/>'
                         "</Relationships>")  # fmt: skip
        archive.writestr("xl/workbook.xml", f'<workbook {_MAIN} xmlns:r="{_TYPE}"><sheets><sheet '
                         'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')  # fmt: skip
        archive.writestr("xl/_rels/workbook.xml.rels",
                         f"<Relationships {_RELS}>{relationships}</Relationships>")  # fmt: skip
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(f"{prolog}<worksheet {_MAIN}><sheetData>".encode())
            for piece in [rows] if isinstance(rows, str) else rows:
                sheet.write(piece.encode())
            sheet.write(b"</sheetData></worksheet>")
        if shared is not None:
            with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as strings:
                strings.write(f"<sst {_MAIN}>".encode())
                for piece in shared:
                    strings.write(piece.encode())
                strings.write(b"</sst>")
    return path


def run_cli(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "nrscompose", "estimate", str(path), "--template", "Hola"],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def assert_refused(path: Path, kind: str, words: str) -> None:
    finished = run_cli(path)
    assert finished.returncode == 2, finished.stderr[-2000:]
    lines = finished.stderr.strip().splitlines()
    assert len(lines) == 1, finished.stderr[-2000:]
    assert words in lines[0]
    with pytest.raises(ValidationError) as raised:
        estimate(path, "Hola", lenient=True)
    assert raised.value.kinds == (kind,)


def _repeat(piece: str, times: int, batch: int = 100_000) -> Iterator[str]:
    while times > 0:
        yield piece * min(times, batch)
        times -= batch


def test_a_cell_at_the_last_cell_of_excel_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "xfd.xlsx", HEADER + '<row r="1048576"><c r="XFD1048576"><v>1'
                    "</v></c></row>")  # fmt: skip
    assert_refused(path, "workbook.too_sparse", "A1:XFD1048576")


def test_a_row_beyond_excel_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "row.xlsx", HEADER + '<row r="4294967295"><c><v>1</v></c></row>')
    assert_refused(path, "workbook.beyond_last_cell", "row 4294967295")


def test_one_far_cell_is_refused_before_the_reader_fills_the_rectangle(tmp_path: Path) -> None:
    path = workbook(tmp_path / "z.xlsx", HEADER + '<row r="1048576"><c r="Z1048576"><v>1</v>'
                    "</c></row>")  # fmt: skip
    assert_refused(path, "workbook.too_sparse", "A1:Z1048576")


def test_thirty_million_shared_strings_are_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "strings.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                    shared=_repeat("<si><t/></si>", 30_000_000))  # fmt: skip
    assert path.stat().st_size < 2_000_000
    assert_refused(path, "workbook.too_many_strings", "shared strings")


def test_a_300_mb_shared_string_is_refused(tmp_path: Path) -> None:
    text = _repeat("a" * 1000, 300_000, batch=1000)
    path = workbook(tmp_path / "long.xlsx", '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
                    shared=iter(["<si><t>", *text, "</t></si>"]))  # fmt: skip
    assert path.stat().st_size < 1_000_000
    assert_refused(path, "workbook.text_too_long", f"more than {MAX_CELL_TEXT} characters")


def test_a_long_inline_string_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "inline.xlsx", HEADER + '<row r="2"><c r="A2" t="inlineStr"><is>'
                    f"<t>{'a' * (MAX_CELL_TEXT + 1)}</t></is></c></row>")  # fmt: skip
    assert_refused(path, "workbook.text_too_long", "an Excel cell holds")


def test_an_entity_in_the_sheet_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "entity.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>&x;'
                    "</t></is></c></row>",
                    prolog='<!DOCTYPE worksheet [<!ENTITY x "boom">]>')  # fmt: skip
    assert_refused(path, "workbook.declares_entities", "DTD or entities")


def test_an_undeclared_entity_is_malformed(tmp_path: Path) -> None:
    path = workbook(tmp_path / "undeclared.xlsx", '<row r="1"><c r="A1" t="inlineStr"><is><t>'
                    "&x;</t></is></c></row>")  # fmt: skip
    assert_refused(path, "workbook.malformed", "undefined entity")


def test_a_shared_string_index_out_of_range_is_refused(tmp_path: Path) -> None:
    path = workbook(tmp_path / "index.xlsx", '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
                    shared=iter(["<si><t>phone</t></si>"]))  # fmt: skip
    assert_refused(path, "workbook.missing_string", "cell A1 refers to shared string 7")


def test_a_dense_sheet_and_its_strings_are_read(tmp_path: Path) -> None:
    rows = "".join(
        f'<row r="{n}"><c r="A{n}"><v>3461234{n:04d}</v></c><c r="B{n}" t="s"><v>{n % 3}</v></c>'
        "</row>"
        for n in range(2, 3002)
    )
    header = ('<row r="1"><c r="A1" t="inlineStr"><is><t>phone</t></is></c><c r="B1" '
              't="inlineStr"><is><t>name</t></is></c></row>')  # fmt: skip
    names = iter(["<si><t>Ana</t></si><si><t>Luis</t></si>",
                  "<si><r><t>Zo</t></r><r><t>ë</t></r></si>"])  # fmt: skip
    path = workbook(tmp_path / "dense.xlsx", header + rows, shared=names)
    inspect_workbook(path, None)
    report = estimate(path, "Hola {name}")
    assert report.valid == 3000


def test_a_sparse_sheet_is_read_while_its_rectangle_stays_in_proportion(tmp_path: Path) -> None:
    far = '<row r="900"><c r="J900"><v>1</v></c></row>'
    path = workbook(tmp_path / "sparse.xlsx", HEADER + far)
    inspect_workbook(path, None)  # 9,000 cells: under the floor
    assert span_limit(10) == span_limit(0) < span_limit(10_000_000)
