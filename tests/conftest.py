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


def full_reference_path(name: str) -> Path | None:
    """A full reference beside the checkout (``shared/seeds`` above it), if there is one."""
    for parent in Path(__file__).resolve().parents:
        path = parent / "shared" / "seeds" / name
        if path.exists():
            return path
    return None


@pytest.fixture(scope="session")
def full_seed_001() -> str:
    """The whole 360nrs API reference, for the checks that the repository's extracts are still
    what it says (skipped where it is not beside the checkout)."""
    path = full_reference_path("001_57ebb6ba6d3cd4f6.txt")
    if path is None:
        pytest.skip("the full reference is not beside the checkout")
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_001() -> str:
    """The parts of the 360nrs API reference the tests read (kept in the repository, so every
    clone runs the checks against it)."""
    return "\n".join(excerpts("360nrs_api_reference_excerpts.txt"))
