"""Text a user reads names the providers and their API references, never the project's internal
names for the documents they came from ("seed 003", "the seed's example")."""

from __future__ import annotations

import re
from pathlib import Path

import nrscompose

ROOT = Path(nrscompose.__file__).resolve().parents[2]
INTERNAL = re.compile(r"seed ?00[0-4]|\bseeds?\b(?! ?=)|\bseed's\b", re.IGNORECASE)


def user_text() -> list[Path]:
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return files + sorted(Path(nrscompose.__file__).parent.rglob("*.py"))


def test_no_internal_document_names_in_sources_docs_or_readme():
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in user_text()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if INTERNAL.search(line) and "random" not in line
    ]
    assert found == []
