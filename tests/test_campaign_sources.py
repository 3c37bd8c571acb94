"""Every kind of recipients input behind one protocol: opened in one call (header checked,
phone column chosen), then read as the same numbered rows whatever the kind."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from nrscompose._base.errors import ValidationError
from nrscompose._composition.template import Template
from nrscompose.campaign import CampaignPlan
from nrscompose.campaign.sources import (
    DaskFrameSource,
    FileSource,
    RecordSource,
    Source,
    open_data,
    open_files,
)

ROWS = [
    {"Móvil": "+34612345678", "name": "Ana"},
    {"Móvil": "+34612345679", "name": "Zoë"},
    {"Móvil": "n/a", "name": "José Luis"},
    {"Móvil": "+33612345678", "name": "Łukasz 😀"},
    {"Móvil": "+34612345680", "name": "María"},
]
PLAN = CampaignPlan(Template("Hola {name}"))


def read(source: Source, size: int) -> list[tuple[int, dict[str, object]]]:
    return [(line, dict(row)) for rows in source.chunks(size) for line, row in rows.numbered()]


def numbered_from(first: int) -> list[tuple[int, dict[str, object]]]:
    return list(enumerate(ROWS, first))


def test_a_file_is_opened_with_its_phone_column_chosen(tmp_path):
    path = tmp_path / "campaign.csv"
    lines = ["Móvil,name", *(f"{row['Móvil']},{row['name']}" for row in ROWS)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    [source] = open_files([path], PLAN)
    assert isinstance(source, FileSource)
    assert (source.phone_field, source.name, source.ordinal) == ("Móvil", "", 0)
    assert read(source, 2) == numbered_from(2)  # file lines: the header is line 1


def test_several_files_are_named_and_ordered(tmp_path):
    paths = []
    for part in range(2):
        path = tmp_path / f"part-{part}.csv"
        path.write_text("phone,name\n+34612345678,Ana\n", encoding="utf-8")
        paths.append(path)
    sources = open_files(paths, PLAN)
    assert [(s.name, s.ordinal) for s in sources] == [(str(p), n) for n, p in enumerate(paths)]


def test_rows_given_in_python_choose_the_phone_column_from_the_first_row():
    source = open_data(iter(ROWS), PLAN)
    assert isinstance(source, RecordSource)
    assert source.phone_field == "Móvil"
    assert read(source, 2) == numbered_from(1)


def test_no_row_is_no_source_and_nothing_to_check():
    assert open_data([], CampaignPlan(Template("Hola {missing}"))) is None


def test_a_pandas_frame_and_an_arrow_table_read_as_the_rows_they_hold():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(ROWS)
    assert read(open_data(frame, PLAN), 3) == numbered_from(1)
    pyarrow = pytest.importorskip("pyarrow")
    assert read(open_data(pyarrow.Table.from_pandas(frame), PLAN), 3) == numbered_from(1)


def test_a_frame_leaves_its_empty_cells_out():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"phone": ["+34612345678", "+34612345679"], "name": ["Ana", None]})
    assert [row for _, row in read(open_data(frame, PLAN), 10)] == [
        {"phone": "+34612345678", "name": "Ana"},
        {"phone": "+34612345679"},
    ]


def test_a_dask_frame_numbers_its_rows_as_the_whole_frame():
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    frame = dd.from_pandas(pandas.DataFrame(ROWS), npartitions=2)
    source = open_data(frame, PLAN)
    assert isinstance(source, DaskFrameSource)
    assert [(first, end) for _, first, end in source.partitions()] == [(1, 4), (4, 6)]
    assert read(source, 1) == numbered_from(1)  # a chunk is a partition
    assert [row for _, row in source.numbers()] == [{"Móvil": row["Móvil"]} for row in ROWS]


@pytest.mark.parametrize("kind", ["pandas", "arrow", "dask"])
def test_a_table_missing_a_column_is_refused_before_any_row(kind):
    pandas = pytest.importorskip("pandas")
    table = pandas.DataFrame(ROWS)
    if kind == "arrow":
        table = pytest.importorskip("pyarrow").Table.from_pandas(table)
    elif kind == "dask":
        table = pytest.importorskip("dask.dataframe").from_pandas(table, npartitions=2)
    with pytest.raises(ValidationError, match="'country'"):
        open_data(table, CampaignPlan(Template("Hola"), country_field="country"))
    with pytest.raises(ValidationError, match=r"\{nombre\}"):
        open_data(table, CampaignPlan(Template("Hola {nombre}")))


def test_a_file_chunk_pickles_for_a_worker(tmp_path):
    path = tmp_path / "campaign.csv"
    path.write_text("phone,name\n+34612345678,Ana\n+34612345679\n", encoding="utf-8")
    [source] = open_files([path], PLAN)
    [rows] = source.chunks(10)
    again = pickle.loads(pickle.dumps(rows))
    assert list(again.numbered()) == list(rows.numbered())
    assert list(rows.numbered())[1] == (3, {"phone": "+34612345679", "name": None})
    assert pickle.loads(pickle.dumps(source)) == source


def test_recognising_a_frame_imports_no_frame_library():
    code = (
        "import sys; from nrscompose.campaign import estimate; "
        "estimate([{'phone': '+34612345678'}], 'Hola'); "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pandas', 'pyarrow', 'dask'}))"
    )
    source = str(Path(__file__).parents[1] / "src")
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": source},
    )
    assert run.stdout.strip() == "[]"
