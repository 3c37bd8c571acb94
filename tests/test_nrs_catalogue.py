"""The error catalogue is the seed's "Errors" table, row for row."""

from __future__ import annotations

import re

from nrscompose.providers.nrs import CATALOGUE, lookup
from nrscompose.providers.nrs.catalogue import INPUT_INVALID

_ROW = re.compile(r"^(\d+) (\d{3}) (.+)$")


def _seed_rows(seed: str) -> list[tuple[int, int, str]]:
    table = seed[seed.index("Error Code HTTP Code Description") :]
    table = table[: table.index("Annexes")]
    rows = []
    for line in table.splitlines()[1:]:
        match = _ROW.match(line.strip())
        if match:
            rows.append((int(match[1]), int(match[2]), match[3].strip()))
    return rows


def test_catalogue_matches_the_seed_errors_table(seed_001: str) -> None:
    rows = _seed_rows(seed_001)
    assert len(rows) == len(CATALOGUE) == 80
    for code, status, description in rows:
        entry = CATALOGUE[code]
        assert (entry.status, entry.description) == (status, description)


def test_lookup_unknown_code_is_none() -> None:
    assert lookup(404) is None
    assert lookup(None) is None
    assert lookup(102).description == "No valid recipients"  # type: ignore[union-attr]
    assert CATALOGUE[INPUT_INVALID].status == 422
