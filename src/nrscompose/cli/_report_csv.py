"""``nrscompose estimate --csv OUT``: the campaign report's totals as a CSV summary, one row
per country, encoding, send-window release time and reason for invalid recipients."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING

from nrscompose._base.csv_cells import NeutralizingWriter
from nrscompose.cli._wording import money

if TYPE_CHECKING:
    from nrscompose.campaign import Report

__all__ = ["write_csv_report"]


def write_csv_report(report: Report, path: str) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as target:
        writer = NeutralizingWriter(csv.writer(target))  # no cell a spreadsheet runs
        writer.writerow(["section", "key", "recipients", "parts", "cost"])
        for country, totals in report.by_country.items():
            writer.writerow(
                ["country", country, totals.recipients, totals.parts, money(totals.cost)]
            )
        for encoding, counted in report.by_encoding.items():
            writer.writerow(["encoding", encoding, counted.recipients, counted.parts, ""])
        for moment, count in report.held.items():
            writer.writerow(["held_until", moment, count, "", ""])
        for reason, count in report.invalid_reasons.items():
            writer.writerow(["invalid", reason, count, "", ""])
