from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")

DATA = Path(__file__).parent / "data"


def excerpts(name: str) -> list[str]:
    """The verbatim blocks of an excerpt file in ``tests/data`` (its header names the source)."""
    text = (DATA / name).read_text(encoding="utf-8")
    return text.split("\n=====\n")[1:]


@pytest.fixture(scope="session")
def seed_001() -> str:
    """The parts of the 360nrs API reference the tests read (kept in the repository, so every
    clone runs the checks against it)."""
    return "\n".join(excerpts("360nrs_api_reference_excerpts.txt"))
