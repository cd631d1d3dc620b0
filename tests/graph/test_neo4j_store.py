"""The graph contract on Neo4j 5 when NEO4J_URI points at one (docker compose up -d neo4j,
see docs/neo4j.md); an unreachable Neo4j must be a BackendError naming the URI."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest
from pydantic import SecretStr

from core.errors import BackendError
from core.settings import Settings
from graph.connect import open_store
from graph.loader import write_regulations
from graph.neo4j_store import Neo4jStore
from tests.graph.contract import GraphStoreContract, seed_regulations

NEO4J_URI = os.environ.get("NEO4J_URI", "")
UNREACHABLE = "bolt://127.0.0.1:1"


def _connect() -> Neo4jStore:
    store = Neo4jStore(
        NEO4J_URI,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
    )
    store.ensure_schema()
    return store


@pytest.mark.neo4j
@pytest.mark.skipif(
    not NEO4J_URI,
    reason="NEO4J_URI is not set: start Neo4j 5 (docs/neo4j.md) and set NEO4J_URI, "
    "NEO4J_USER, NEO4J_PASSWORD to run the contract on it",
)
class TestNeo4j(GraphStoreContract):
    @pytest.fixture
    def store(self) -> Iterator[Neo4jStore]:
        store = _connect()
        store.clear()
        yield store
        store.clear()
        store.close()

    @pytest.fixture(scope="class")
    @classmethod
    def seeded(cls) -> Iterator[Neo4jStore]:
        store = _connect()
        store.clear()
        write_regulations(store, seed_regulations())
        yield store
        store.clear()
        store.close()


def test_unreachable_neo4j_is_a_backend_error_naming_the_uri() -> None:
    started = time.monotonic()
    with pytest.raises(BackendError, match=f"cannot reach Neo4j at {UNREACHABLE}") as caught:
        Neo4jStore(UNREACHABLE, user="neo4j", password="x")
    assert caught.value.details == {"uri": UNREACHABLE}
    assert time.monotonic() - started < 10


def test_settings_select_neo4j(tmp_path: os.PathLike[str]) -> None:
    settings = Settings(
        data_dir=tmp_path, graph_uri=UNREACHABLE, neo4j_password=SecretStr("secret")
    )
    with pytest.raises(BackendError, match=UNREACHABLE) as caught:
        open_store(settings)
    assert "secret" not in caught.value.message
