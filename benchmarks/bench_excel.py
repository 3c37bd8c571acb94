"""Reading an Excel campaign: python-calamine against openpyxl (read-only), in one run.

Writes a workbook of ``--rows`` recipients (phone as a number, name, city, amount), then reads
every row with each library in its own process, converting cells to text as the estimate
does, and reports rows per second and peak memory (max RSS).

    python benchmarks/bench_excel.py [--rows 100000]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

CALAMINE = """
import json, resource, sys, time
from python_calamine import CalamineWorkbook
from nrscompose.campaign.excel import cell_text
start = time.perf_counter()
sheet = CalamineWorkbook.from_path(sys.argv[1]).get_sheet_by_index(0)
rows = sum(1 for values in sheet.iter_rows() if [cell_text(v) for v in values])
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": rows, "seconds": seconds, "peak_kib": peak}))
"""

OPENPYXL = """
import json, resource, sys, time
import openpyxl
from nrscompose.campaign.excel import cell_text
start = time.perf_counter()
book = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
sheet = book.worksheets[0]
rows = sum(1 for values in sheet.iter_rows(values_only=True) if [cell_text(v) for v in values])
book.close()
seconds = time.perf_counter() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rows": rows, "seconds": seconds, "peak_kib": peak}))
"""


def generate(path: Path, rows: int, seed: int = 7) -> None:
    import openpyxl

    rng = random.Random(seed)
    names = ["Ana", "José Luis", "Zoë", "Łukasz", "María", "João", "Chloé", "Ñandú"]
    cities = ["Madrid", "Lisboa", "París", "Bogotá", "São Paulo"]
    book = openpyxl.Workbook(write_only=True)
    sheet = book.create_sheet("Clientes")
    sheet.append(["Móvil", "name", "city", "amount"])
    for _ in range(rows):
        sheet.append(
            [
                34600000000 + rng.randrange(10_000_000),
                rng.choice(names),
                rng.choice(cities),
                round(rng.uniform(1, 5000), 2),
            ]
        )
    book.save(path)


def measure(code: str, path: Path) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "campaign.xlsx"
        generate(path, args.rows)
        print(f"{args.rows:,} rows, {path.stat().st_size / 1e6:.1f} MB")
        results = {"python-calamine": measure(CALAMINE, path), "openpyxl": measure(OPENPYXL, path)}
        for name, found in results.items():
            print(
                f"{name:16} {found['rows'] / found['seconds']:>10,.0f} rows/s  "
                f"{found['seconds']:6.2f} s  peak {found['peak_kib'] / 1024:,.0f} MiB"
            )
        ratio = results["openpyxl"]["seconds"] / results["python-calamine"]["seconds"]
        print(f"python-calamine is {ratio:.1f}× as fast as openpyxl read-only")


if __name__ == "__main__":
    main()
