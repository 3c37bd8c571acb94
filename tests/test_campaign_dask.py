"""Estimates on a Dask cluster (two worker processes) equal the estimate in one process."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from nrscompose._composition.template import Template
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign import CampaignPlan, estimate, estimate_file, estimate_files_on_dask
from nrscompose.cli import main

distributed = pytest.importorskip("distributed")
pandas = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")

PRICES = PriceList.from_coverage(
    {
        "data": [
            {"countryIso": "ES", "mcc": "214", "mnc": None, "cost": "0.04", "currencyCode": "EUR"},
            {"countryIso": "FR", "mcc": "208", "mnc": None, "cost": "0.06", "currencyCode": "EUR"},
        ]
    }
)
NAMES = ["Ana", "Zoë", "José Luis", "Łukasz 😀", "María\nJosé", 'O"Brien']


def _write_parts(folder: Path) -> list[Path]:
    """Four partitions with invalid rows in three of them, blank lines and quoted breaks."""
    paths = []
    for part in range(4):
        lines = ["phone,name"]
        for index in range(part * 25, part * 25 + 25):
            prefix = "346" if index % 3 else "336"
            number = f"{prefix}{index:08d}"
            if part != 2 and index % 9 == 0:
                number = "n/a"
            name = NAMES[index % len(NAMES)]
            quoted = '"' + name.replace('"', '""') + '"'
            lines.append(f"{number},{quoted}")
            if index % 11 == 0:
                lines.append("")
        path = folder / f"part-{part}.csv"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as local:
        yield local


@pytest.fixture
def parts(tmp_path: Path) -> list[Path]:
    return _write_parts(tmp_path)


def test_files_on_the_cluster_give_the_one_process_report(cluster, parts):
    plan = CampaignPlan(Template("Hola {name|capitalizeAll}, ¡ya está!"), prices=PRICES)
    single = estimate_file(parts, plan)
    assert single.invalid > 0
    assert len({Path(r.source).name for r in single.invalid_sample}) == 3
    assert single.blank_lines > 0
    on_dask = estimate_files_on_dask(parts, plan, cluster.scheduler_address)
    assert on_dask.as_json() == single.as_json()


def test_the_command_line_reads_a_pattern_as_partitions(cluster, parts, capsys):
    pattern = str(parts[0].parent / "part-*.csv")
    common = [pattern, "--template", "Hola {name}", "--json"]
    out_single, out_dask = io.StringIO(), io.StringIO()
    assert main(["estimate", *common], out=out_single) == 0
    assert main(["estimate", *common, "--dask", cluster.scheduler_address], out=out_dask) == 0
    single, on_dask = json.loads(out_single.getvalue()), json.loads(out_dask.getvalue())
    assert on_dask == single
    assert single["totals"]["rows_read"] == 100
    assert [Path(entry["file"]).name for entry in single["inputs"]] == [p.name for p in parts]


def test_a_dask_data_frame_is_estimated_partition_by_partition(cluster, parts):
    frame = pandas.concat(
        [pandas.read_csv(p, dtype=str, keep_default_na=False) for p in parts], ignore_index=True
    )
    expected = estimate(frame, "Hola {name}", prices=PRICES)
    with distributed.Client(cluster):
        found = estimate(dd.from_pandas(frame, npartitions=4), "Hola {name}", prices=PRICES)
    assert found.as_json() == expected.as_json()
    assert found.invalid > 0


def test_dask_local_starts_its_own_cluster(parts):
    plan = CampaignPlan(Template("Hi {name}"))
    assert estimate_files_on_dask(parts[:2], plan, "local").as_json() == (
        estimate_file(parts[:2], plan).as_json()
    )


def test_an_unreachable_scheduler_is_a_user_mistake(parts, capsys):
    dask = pytest.importorskip("dask")
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        status = main(
            ["estimate", str(parts[0]), "--template", "Hi", "--dask", "tcp://127.0.0.1:9"]
        )
    assert status == 2
    assert "cannot reach the Dask scheduler" in capsys.readouterr().err
