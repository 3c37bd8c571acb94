from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile("ci")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def seed_001() -> str:
    path = SHARED / "seeds" / "001_57ebb6ba6d3cd4f6.txt"
    if not path.exists():
        pytest.skip("../shared/seeds is not beside the checkout")
    return path.read_text(encoding="utf-8")
