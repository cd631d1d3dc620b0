from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from ingest.library import RegulationLibrary
from ingest.models import Regulation
from ingest.records import RecordSet, load_records

# A store that stops answering (session 12's CI: the embedded FalkorDB deadlocked, the test
# waited on its socket for good) fails the one test that waited on it in minutes: the stores
# the suite opens through Settings (apps, `liuhen serve` in a subprocess) wait at most this
# long for one answer, and their supervisor kills a server silent for the ping limit. Stores
# opened directly (FalkorDBStore.embedded, EmbeddedFalkorDB) have the same bounds by default
# (graph/falkordb_process.py DATA_TIMEOUT_S, HANG_AFTER_S). Above the store's own 60 s limit
# on the suite's statements; a value set in the environment wins.
os.environ.setdefault("LIUHEN_STORE_TIMEOUT_S", "120")
os.environ.setdefault("LIUHEN_STORE_PING_TIMEOUT_S", "30")

SHARED = REPO_ROOT.parent / "shared"
SEED_FILE = SHARED / "seeds/000_bf43da359201c48c.txt"
LAWREFBOOK = SHARED / "corpus/lawrefbook"
EVAL_DIR = SHARED / "eval"
REGULATIONS_DIR = REPO_ROOT / "data/regulations"
EXAMPLE = REPO_ROOT / "data/example"

R1 = "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定"
R2 = "司法机关内部人员过问案件的记录和责任追究规定"
R3 = "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定"


def need(path: Path) -> Path:
    """Shared data lies beside the clone in CI and on developer machines; say so if not."""
    if not path.exists():
        pytest.fail(f"{path} is missing: liuhen's tests read the shared corpus and eval sets")
    return path


@pytest.fixture(scope="session")
def library() -> RegulationLibrary:
    return RegulationLibrary.from_directory(REGULATIONS_DIR)


@pytest.fixture(scope="session")
def r1(library: RegulationLibrary) -> Regulation:
    return library.find(R1)


@pytest.fixture(scope="session")
def r2(library: RegulationLibrary) -> Regulation:
    return library.find(R2)


@pytest.fixture(scope="session")
def r3(library: RegulationLibrary) -> Regulation:
    return library.find(R3)


@pytest.fixture(scope="session")
def seeds(library: RegulationLibrary) -> dict[str, Regulation]:
    return {alias: library.find(alias) for alias in ("R1", "R2", "R3")}


@pytest.fixture
def example() -> RecordSet:
    """The example records, read afresh for each test: a test may change its copy."""
    return load_records([EXAMPLE]).as_set()
