"""End-to-end campaign estimation against merely reading the same CSV, in one run.

Generates a CSV of ``--rows`` recipients (numbers from eight countries, the example names with
accents and some emoji, cities, and an amount drawn per row, so most rendered texts are
distinct), then measures in separate processes, for the README's quickstart template
(``examples/templates/order_es.txt``: ``{name|capitalizeAll}``, ``{amount|formatDotComma}``,
``{city}``) and for a plain one (``{name|capitalize}``, ``{city}``):

* the standard-library ``csv.reader`` and ``csv.DictReader`` reading every row (yardsticks),
* ``estimate_file`` with one process and with ``--jobs`` processes,
* peak memory (max RSS) of each estimate, at full size and at a quarter of it, to show that
  memory does not grow with rows.

    python benchmarks/bench_estimate.py [--rows 1000000] [--jobs 2] [--windows] [--repeat 2]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
QUICKSTART = (ROOT / "examples" / "templates" / "order_es.txt").read_text(encoding="utf-8").strip()
PLAIN = "Hola {name|capitalize}, tu pedido ya está en camino a {city}. Gracias!"
TEMPLATES = {"quickstart": QUICKSTART, "plain": PLAIN}

MEASURE = """
import json, resource, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from nrscompose.campaign import CampaignPlan, estimate_file
from nrscompose._rules.pricing import PriceList
from nrscompose._composition.template import Template
path, jobs, windows, template, prices = sys.argv[1:6]
at = datetime(2026, 11, 29, 14, tzinfo=ZoneInfo("Europe/Madrid")) if windows == "1" else None
plan = CampaignPlan(Template(template), prices=PriceList.load(prices), at=at)
start = time.perf_counter()
report = estimate_file(path, plan, jobs=int(jobs))
seconds = time.perf_counter() - start
peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
           resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"seconds": seconds, "rows": report.recipients, "peak_kib": peak,
                  "parts": report.parts}))
"""

# The least an exact estimate must do per row, with nothing kept but the total: read the row,
# validate the number (destination), render the billed text (filters once per distinct
# value), count (encoding, parts) with the minimal exact function of bench_core, price it.
LIMIT = """
import csv, json, sys, time
sys.path.insert(0, sys.argv[4])
from bench_core import minimal_parts
from nrscompose._base.errors import ValidationError
from nrscompose.numbers import destination
from nrscompose._rules.pricing import PriceList
from nrscompose._composition.template import Template
path, template, prices = sys.argv[1:4]
render, price_list = Template(template).row_renderer(), PriceList.load(prices)
start = time.perf_counter()
rows = parts_total = 0
with open(path, newline="", encoding="utf-8") as source:
    reader = csv.reader(source)
    header = next(reader)
    for rows, values in enumerate(reader, 1):
        row = dict(zip(header, values))
        target = destination(row["phone"])
        if not target.valid:
            continue
        try:
            text = render(row, rows)
        except ValidationError:
            continue
        encoding, parts = minimal_parts(text)
        quote = price_list.quote(target.region)
        parts_total += parts
print(json.dumps({"seconds": time.perf_counter() - start, "rows": rows, "parts": parts_total}))
"""

READ = """
import csv, sys, time
reader = csv.DictReader if sys.argv[2] == "dict" else csv.reader
start = time.perf_counter()
with open(sys.argv[1], newline="", encoding="utf-8") as source:
    rows = sum(1 for _ in reader(source))
print(time.perf_counter() - start)
"""


def generate(path: Path, rows: int, seed: int = 7) -> None:
    from nrscompose.campaign import read_csv

    examples = [row for row in read_csv(ROOT / "examples" / "campaign.csv") if row["phone"]]
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.DictWriter(target, fieldnames=["phone", "name", "city", "amount"])
        writer.writeheader()
        for _ in range(rows):
            row = dict(rng.choice(examples))
            if row["phone"].isdigit():
                row["phone"] = row["phone"][:-4] + f"{rng.randrange(10_000):04d}"
            row["amount"] = f"{rng.randrange(100, 10_000_000) / 100:.2f}"
            writer.writerow(row)


def run(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def estimate(path: Path, jobs: int, windows: bool, template: str) -> dict[str, float]:
    prices = str(ROOT / "examples" / "prices.json")
    data: dict[str, float] = json.loads(
        run(MEASURE, str(path), str(jobs), "1" if windows else "0", template, prices)
    )
    return data


def rate_range(rates: list[float]) -> str:
    return f"{min(rates):,.0f}–{max(rates):,.0f}" if len(rates) > 1 else f"{rates[0]:,.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each measurement")
    parser.add_argument("--windows", action="store_true", help="also decide send windows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        full, quarter = Path(folder) / "full.csv", Path(folder) / "quarter.csv"
        generate(full, args.rows)
        generate(quarter, args.rows // 4)
        print(f"{args.rows:,} rows; every figure is the best of {args.repeat} runs")
        prices = str(ROOT / "examples" / "prices.json")
        for name, template in TEMPLATES.items():
            reads = {
                kind: max(args.rows / float(run(READ, str(full), kind)) for _ in range(args.repeat))
                for kind in ("reader", "dict")
            }
            single = [estimate(full, 1, args.windows, template) for _ in range(args.repeat)]
            rate = max(r["rows"] / r["seconds"] for r in single)
            parallel = [
                estimate(full, args.jobs, args.windows, template) for _ in range(args.repeat)
            ]
            prate = max(r["rows"] / r["seconds"] for r in parallel)
            small = estimate(quarter, 1, args.windows, template)
            limit = max(
                (json.loads(run(LIMIT, str(full), template, prices, str(ROOT / "benchmarks")))
                 for _ in range(args.repeat)),
                key=lambda r: r["rows"] / r["seconds"],
            )  # fmt: skip
            limit_rate = limit["rows"] / limit["seconds"]
            print(f"\n{name} template: {template}")
            print(
                f"  csv.reader {reads['reader']:,.0f} rows/s, csv.DictReader "
                f"{reads['dict']:,.0f} rows/s"
            )
            print(
                f"  estimate, 1 process: {rate:,.0f} rows/s = 1/{reads['reader'] / rate:.1f} of "
                f"csv.reader, 1/{reads['dict'] / rate:.1f} of csv.DictReader "
                f"(runs: {rate_range([r['rows'] / r['seconds'] for r in single])})"
            )
            print(
                f"  limit (minimal exact loop, 1 process): {limit_rate:,.0f} rows/s = "
                f"1/{reads['reader'] / limit_rate:.1f} of csv.reader; estimate = "
                f"{rate / limit_rate:.2f}x the limit"
            )
            print(
                f"  estimate, {args.jobs} processes: {prate:,.0f} rows/s ({prate / rate:.2f}x one "
                f"process) = 1/{reads['reader'] / prate:.1f} of csv.reader"
            )
            peak = max(r["peak_kib"] for r in single) / 1024
            print(
                f"  peak memory: {small['peak_kib'] / 1024:.0f} MiB at {args.rows // 4:,} rows, "
                f"{peak:.0f} MiB at {args.rows:,}; "
                f"{max(r['peak_kib'] for r in parallel) / 1024:.0f}"
                f" MiB with {args.jobs} processes"
            )
            parts = {r["parts"] for r in single + parallel}
            assert len(parts) == 1, "parallel and single runs disagree"


if __name__ == "__main__":
    main()
