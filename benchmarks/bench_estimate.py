"""End-to-end campaign estimation against merely reading the same CSV, in one run.

Generates a CSV of ``--rows`` recipients (numbers from eight countries, names with accents and
some emoji, amounts), then measures in separate processes:

* the standard-library ``csv`` module reading every row (the yardstick),
* ``estimate_file`` with one process and with ``--jobs`` processes,
* peak memory (max RSS) of each estimate, at full size and at a quarter of it, to show that
  memory does not grow with rows.

    python benchmarks/bench_estimate.py [--rows 1000000] [--jobs 2] [--windows]
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
TEMPLATE = "Hola {name|capitalize}, tu pedido ya está en camino a {city}. Gracias!"

MEASURE = """
import json, resource, sys, time
from datetime import datetime
from zoneinfo import ZoneInfo
from nrscompose.campaign import CampaignPlan, estimate_file
from nrscompose.pricing import PriceList
from nrscompose.template import Template
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

READ = """
import csv, sys, time
start = time.perf_counter()
with open(sys.argv[1], newline="", encoding="utf-8") as source:
    rows = sum(1 for _ in csv.reader(source))
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
            writer.writerow(row)


def run(code: str, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def estimate(path: Path, jobs: int, windows: bool) -> dict[str, float]:
    prices = str(ROOT / "examples" / "prices.json")
    data: dict[str, float] = json.loads(
        run(MEASURE, str(path), str(jobs), "1" if windows else "0", TEMPLATE, prices)
    )
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--windows", action="store_true", help="also decide send windows")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        full, quarter = Path(folder) / "full.csv", Path(folder) / "quarter.csv"
        generate(full, args.rows)
        generate(quarter, args.rows // 4)
        read_seconds = float(run(READ, str(full)))
        read_rate = args.rows / read_seconds
        print(f"{args.rows:,} rows; csv module reads {read_rate:,.0f} rows/s")
        single = estimate(full, 1, args.windows)
        rate = single["rows"] / single["seconds"]
        print(
            f"estimate, 1 process:  {rate:,.0f} rows/s = 1/{read_rate / rate:.1f} of reading; "
            f"peak {single['peak_kib'] / 1024:.0f} MiB"
        )
        parallel = estimate(full, args.jobs, args.windows)
        prate = parallel["rows"] / parallel["seconds"]
        print(
            f"estimate, {args.jobs} processes: {prate:,.0f} rows/s "
            f"({prate / rate:.2f}x one process); peak {parallel['peak_kib'] / 1024:.0f} MiB"
        )
        small = estimate(quarter, 1, args.windows)
        print(
            f"peak memory at {args.rows // 4:,} rows: {small['peak_kib'] / 1024:.0f} MiB "
            f"(at {args.rows:,}: {single['peak_kib'] / 1024:.0f} MiB)"
        )
        assert parallel["parts"] == single["parts"], "parallel and single runs disagree"


if __name__ == "__main__":
    main()
