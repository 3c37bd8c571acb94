"""The excerpts in ``tests/data`` are verbatim: each block is in the full reference it names.

The full references are not part of the repository; where they sit beside the checkout
(``../shared/seeds``), this checks the excerpts were copied without change. Every other test
reads the excerpts, so a clean clone runs the checks of the tables against the references.
"""

from __future__ import annotations

import pytest

from conftest import excerpts, full_reference_path

SOURCES = {
    "360nrs_api_reference_excerpts.txt": "001_57ebb6ba6d3cd4f6.txt",
    "360nrs_country_restrictions_excerpts.txt": "000_5c8e7630cf8290c8.txt",
    "360nrs_reference_gaps_excerpts.txt": "001_57ebb6ba6d3cd4f6.txt",
    "email_contacts_reference_excerpts.txt": "003_7618059f608e2ea7.txt",
}


@pytest.mark.parametrize(("excerpt", "source"), SOURCES.items())
def test_excerpts_are_verbatim(excerpt: str, source: str) -> None:
    path = full_reference_path(source)
    if path is None:
        pytest.skip("the full reference is not beside the checkout")
    full = path.read_text(encoding="utf-8")
    for block in excerpts(excerpt):
        for line in block.strip().splitlines():
            assert line in full


def test_excerpts_hold_the_facts_the_tests_read() -> None:
    text = "\n".join(excerpts("360nrs_api_reference_excerpts.txt"))
    for heading in ("translation table:", "Error Code HTTP Code Description", "Annexes",
                    "GSM-PT extended character set"):  # fmt: skip
        assert heading in text
