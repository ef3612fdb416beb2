"""Session-wide fixtures: the repository's folders, the seed corpus, and ../shared when present."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return ROOT / "seeds"


@pytest.fixture(scope="session")
def shared() -> Path:
    """../shared beside the repository; tests that need it skip on a clone without it."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present on this machine")
    return SHARED


@pytest.fixture(scope="session")
def seed_documents(seeds_dir):
    from analytics.documents import read_paths

    result = read_paths([seeds_dir])
    assert not result.problems
    return result.documents
