"""Campaign estimation: per-recipient results, the report, parallel and distributed runs."""

from __future__ import annotations

import csv
import inspect
import json
import re
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import nrscompose as nc
from nrscompose._base.errors import ArgumentError, ValidationError
from nrscompose._composition.template import Template
from nrscompose._rules.pricing import PriceList
from nrscompose.campaign import (
    CampaignPlan,
    CountryTotals,
    EncodingTotals,
    ReportBuilder,
    RowSuggestion,
    estimate,
    estimate_batch,
    estimate_file,
)
from nrscompose.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
PRICES = PriceList.from_coverage(
    {
        "data": [
            {"countryIso": "ES", "mcc": "214", "mnc": None, "cost": "0.04", "currencyCode": "EUR"},
            {"countryIso": "ES", "mcc": "214", "mnc": "01", "cost": "0.05", "currencyCode": "EUR"},
            {"countryIso": "FR", "mcc": "208", "mnc": None, "cost": "0.06", "currencyCode": "EUR"},
        ]
    }
)
ROWS = [
    {"phone": "34612345678", "name": "lucía"},
    {"phone": "+34 612 345 679", "name": "Ana", "mcc": "214", "mnc": "01"},
    {"phone": "33612345678", "name": "Zoë 😀"},
    {"phone": "12025550123", "name": "John"},  # no US price
    {"phone": "612345", "name": "Bad"},
]


def test_each_recipient_gets_encoding_parts_price_and_problems():
    plan = CampaignPlan(Template("Hola {name|capitalize}"), prices=PRICES)
    results = estimate_batch(plan, ROWS)
    assert [(r.row, r.valid) for r in results] == [
        (1, True),
        (2, True),
        (3, True),
        (4, True),
        (5, False),
    ]
    assert (results[0].encoding, results[0].cost) == ("gsm-pt", Decimal("0.04"))
    assert (results[1].price_basis, results[1].cost) == ("network", Decimal("0.05"))
    assert (results[2].encoding, results[2].offending) == ("utf-16", "ë😀")
    assert results[3].cost is None
    assert results[4].reason == "recipient.no_region"  # "612345": +61 2345, a number of no region
    assert results[4].problems == (nc.destination("612345").problem,)


def test_report_totals_breakdowns_and_unpriced_destinations():
    report = estimate(ROWS, "Hola {name|capitalize}", prices=PRICES)
    assert (report.recipients, report.valid, report.invalid) == (5, 4, 1)
    assert report.cost == {"EUR": Decimal("0.15")}
    assert report.unpriced == {"US": 1}
    assert report.by_encoding["utf-16"] == EncodingTotals(recipients=1, parts=1)
    assert report.most_expensive[0].country == "FR"
    data = report.as_json()
    assert data["format"] == "nrscompose.estimate/1"
    assert data["totals"]["cost"] == {"EUR": "0.15"}
    json.dumps(data)  # serialisable as it is


def test_a_missing_value_is_reported_per_recipient_not_raised():
    report = estimate([{"phone": "34612345678"}], "Hola {name}")
    assert report.invalid == 1
    assert "name" in report.invalid_sample[0].problem


def test_held_recipients_are_grouped_by_when_they_may_go():
    sunday = datetime(2026, 3, 1, 14, tzinfo=ZoneInfo("Europe/Paris"))
    report = estimate(ROWS[:3], "Hi {name}", at=sunday)
    assert report.held == {"2026-03-02T07:00:00+00:00": 1}  # France, Monday 08:00 Paris
    assert report.held_sample[0].country == "FR"


def test_a_landing_campaign_needs_its_landing_placeholder():
    with pytest.raises(ValidationError) as caught:
        CampaignPlan(Template("Hola {name}"), channel="landing")
    assert caught.value.kinds == ("template.placeholder_required",)
    CampaignPlan(Template("Hola {name}: {LAND_URL}"), channel="landing")


def test_unknown_category_is_refused():
    with pytest.raises(ArgumentError, match="unknown category"):
        CampaignPlan(Template("x"), category="promo")


def test_naive_send_time_is_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        CampaignPlan(Template("x"), at=datetime(2026, 3, 1, 14))


def write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=["phone", "name", "mcc", "mnc"])
        writer.writeheader()
        writer.writerows(rows)


def test_parallel_jobs_give_the_same_report_as_one_process(tmp_path, monkeypatch):
    monkeypatch.setattr("nrscompose.campaign.parallel.CHUNK_ROWS", 7)
    rows = [dict(row, name=f"{row['name']}\nline {i}") for i, row in enumerate(ROWS * 9)]
    path = tmp_path / "campaign.csv"
    write_csv(path, rows)
    plan = CampaignPlan(Template("Hola {name}"), prices=PRICES)
    single = estimate_file(path, plan, jobs=1)
    parallel = estimate_file(path, plan, jobs=2)
    assert parallel.as_json() == single.as_json()
    assert single.recipients == 45


def test_partial_reports_merge_in_any_order():
    plan = CampaignPlan(Template("Hola {name}"), prices=PRICES)
    results = estimate_batch(plan, ROWS * 3)
    whole, first, second = ReportBuilder(), ReportBuilder(), ReportBuilder()
    for index, result in enumerate(results):
        whole.add(result)
        (first if index % 2 else second).add(result)
    assert second.merge(first).report().as_json() == whole.report().as_json()


def test_pandas_and_arrow_batches_are_accepted():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame(ROWS[:3]).fillna("")
    assert estimate(frame, "Hi {name}").valid == 3
    pyarrow = pytest.importorskip("pyarrow")
    assert estimate(pyarrow.Table.from_pandas(frame), "Hi {name}").valid == 3


def test_a_frame_column_whose_name_is_not_an_identifier_keeps_its_values():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"Teléfono móvil": ["+34612345678"], "first-name": ["ana"]})
    report = estimate(frame, "Hola {first-name}")
    assert (report.valid, report.invalid) == (1, 0)


def test_an_empty_frame_cell_is_a_missing_value_not_the_text_nan():
    pandas = pytest.importorskip("pandas")
    frame = pandas.DataFrame({"phone": ["+34612345678", "+34612345679"], "name": ["ana", None]})
    report = estimate(frame, "Hola {name}")
    assert (report.valid, report.invalid) == (1, 1)
    [(kind, group)] = report.as_json()["invalid_reasons"].items()
    assert kind == "template.missing_value"
    assert "{name}" in group["message"]
    assert "nan" not in group["message"]
    pyarrow = pytest.importorskip("pyarrow")
    assert estimate(pyarrow.Table.from_pandas(frame), "Hola {name}").invalid == 1


def test_the_batch_function_runs_unchanged_in_dask_map_partitions():
    pandas = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    plan = CampaignPlan(Template("Hola {name}"), prices=PRICES)

    def partition(frame):  # the per-batch function, wrapped for pandas in and out
        results = estimate_batch(plan, frame.to_dict("records"))
        return pandas.DataFrame(
            {"parts": [r.parts for r in results], "valid": [r.valid for r in results]}
        )

    frame = pandas.DataFrame(ROWS * 20).fillna("")
    meta = pandas.DataFrame({"parts": pandas.Series(dtype=int), "valid": pandas.Series(dtype=bool)})
    with distributed.Client(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ):
        totals = dd.from_pandas(frame, npartitions=4).map_partitions(partition, meta=meta)
        computed = totals.sum().compute()
    assert int(computed["valid"]) == 80
    assert int(computed["parts"]) == estimate(ROWS * 20, "Hola {name}").parts


def test_cli_estimate_on_the_bundled_example(capsys):
    out_path = EXAMPLES / "campaign.csv"
    from io import StringIO

    out = StringIO()
    status = main(
        [
            "estimate",
            str(out_path),
            "--template",
            f"@{EXAMPLES / 'templates' / 'order_es.txt'}",
            "--prices",
            str(EXAMPLES / "prices.json"),
            "--json",
        ],
        out=out,
    )
    assert status == 0
    data = json.loads(out.getvalue())
    assert data["totals"]["recipients"] == 300
    assert data["unpriced_countries"] == {"IN": 6}


def test_cli_estimate_refuses_a_naive_send_time(capsys):
    status = main(
        ["estimate", str(EXAMPLES / "campaign.csv"), "--template", "x", "--at", "2026-11-29T14:00"]
    )
    assert status == 2
    assert "no UTC offset" in capsys.readouterr().err


def test_a_report_explains_only_the_rows_it_shows(monkeypatch):
    from nrscompose import campaign
    from nrscompose.campaign import plan

    explained = []
    offending = plan._offending

    def counting(analysis):
        explained.append(analysis.text)
        return offending(analysis)

    monkeypatch.setattr(plan, "_offending", counting)
    rows = [{"phone": f"3461234{n:04d}", "name": f"Zoë {n}"} for n in range(500)]
    report = estimate(rows, "Hola {name}", prices=PRICES)
    assert report.valid == 500
    assert len(explained) == len(report.most_expensive) == campaign.SAMPLE_SIZE
    assert all(row.offending == "ë" for row in report.most_expensive)


def test_a_plan_is_a_plain_value_that_pickles_without_help():
    import dataclasses
    import pickle

    plan = CampaignPlan(Template("Hola {name}"), prices=PRICES)
    estimate_batch(plan, ROWS)  # a run leaves nothing behind in the plan
    names = [f.name for f in dataclasses.fields(CampaignPlan)]
    assert names == list(inspect.signature(CampaignPlan).parameters)  # no hidden cache fields
    assert CampaignPlan.__getstate__.__module__ == "dataclasses"  # nothing hand-written
    copy = pickle.loads(pickle.dumps(plan))
    assert copy == plan == CampaignPlan(Template("Hola {name}"), prices=PRICES)


LONG = "Hola {name} ë " + "x" * 60  # two UTF-16 parts; one part without the ë


def test_report_breakdowns_are_typed_values_that_know_their_json():
    import pickle

    report = estimate(ROWS[:2], LONG, prices=PRICES)
    spain = report.by_country["ES"]
    assert spain == CountryTotals(recipients=2, parts=4, cost={"EUR": Decimal("0.18")})
    assert report.by_encoding == {"utf-16": EncodingTotals(recipients=2, parts=4)}
    suggestion = report.suggestion_for(report.most_expensive[0])
    assert suggestion == RowSuggestion({"ë": "e"}, parts_saved=1, encoding="gsm")
    data = report.as_json()
    assert data["by_country"]["ES"] == spain.as_json()
    assert data["most_expensive"][0]["suggestion"] == suggestion.as_json()
    assert pickle.loads(pickle.dumps(report)).as_json() == data


def test_the_report_json_is_unchanged_by_the_typed_values():
    data = estimate(ROWS[:2], LONG, prices=PRICES).as_json()
    shown = [data["by_country"], data["by_encoding"], data["most_expensive"][0]["suggestion"]]
    assert json.dumps(shown, ensure_ascii=False) == (
        '[{"ES": {"recipients": 2, "parts": 4, "cost": {"EUR": "0.18"}}}, '
        '{"utf-16": {"recipients": 2, "parts": 4}}, '
        '{"replace": {"ë": "e"}, "parts_saved": 1, "encoding": "gsm"}]'
    )


def test_the_cli_prints_the_typed_breakdowns(tmp_path, capsys):
    path = tmp_path / "c.csv"
    write_csv(path, [dict(row, mcc="", mnc="") for row in ROWS[:2]])
    prices = EXAMPLES / "prices.json"
    code = main(["estimate", str(path), "--template", LONG, "--prices", str(prices)])
    shown = capsys.readouterr().out
    assert code == 0
    assert re.search(r"\n  ES +2 recipients +4 parts  EUR \d", shown)
    assert re.search(r"\n  utf-16 +2 recipients +4 parts\n", shown)
    assert "(replace ë→e: saves 1 part)" in shown
