"""Fixtures of the records write-path tests (test_atomic_append, test_group_append): a
sealer with a key of its own, and an embedded store holding the example's people. A module
that defines its own ``store`` or ``sealer`` uses its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.falkordb_store import FalkorDBStore
from ingest.seals import ChainSealer
from tests.graph.chain_fixtures import PEOPLE_GRAPH, people_store, seal_key


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    """A sealer with a key of its own under tmp_path."""
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    """An embedded store holding the example's people, as PEOPLE_GRAPH under tmp_path/fdb."""
    with people_store(tmp_path, PEOPLE_GRAPH, sealer) as opened:
        yield opened
