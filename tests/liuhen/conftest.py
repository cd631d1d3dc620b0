from __future__ import annotations

from pathlib import Path

import pytest

from ingest.models import Regulation
from ingest.records import RecordSet, load_records
from liuhen.library import RegulationLibrary
from liuhen.settings import REPO_ROOT

EXAMPLE = REPO_ROOT / "data/example"


@pytest.fixture(scope="session")
def example() -> RecordSet:
    return load_records([EXAMPLE]).as_set()


@pytest.fixture(scope="session")
def seeds(library: RegulationLibrary) -> dict[str, Regulation]:
    return {alias: library.find(alias) for alias in ("R1", "R2", "R3")}


def example_path() -> Path:
    return EXAMPLE
