"""The graph contract on the embedded FalkorDB (always runs), plus what only it has:
a server process to kill, and the unique constraints it keeps next to its indexes."""

from __future__ import annotations

import itertools
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import InputError
from graph import queries
from graph.falkordb_server import EmbeddedFalkorDB
from graph.falkordb_store import FalkorDBStore, unsafe_value
from graph.loader import write_regulations
from graph.schema import LABELS, Label
from tests.graph.contract import GraphStoreContract, counts, seed_regulations

_graph_names = itertools.count()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedFalkorDB]:
    """One real server per test module; every test gets its own graph in it."""
    with EmbeddedFalkorDB(tmp_path_factory.mktemp("falkordb")) as running:
        yield running


def _store(server: EmbeddedFalkorDB) -> FalkorDBStore:
    store = FalkorDBStore(
        server.client(), uri=f"falkordb+embedded://{server.data_dir}",
        graph_name=f"test{next(_graph_names)}",
    )
    store.ensure_schema()
    return store


class TestFalkorDB(GraphStoreContract):
    @pytest.fixture
    def store(self, server: EmbeddedFalkorDB) -> Iterator[FalkorDBStore]:
        store = _store(server)
        yield store
        store.clear()

    @pytest.fixture(scope="class")
    @classmethod
    def seeded(cls, server: EmbeddedFalkorDB) -> FalkorDBStore:
        store = _store(server)
        write_regulations(store, seed_regulations())
        return store


def test_every_label_has_a_unique_key(server: EmbeddedFalkorDB) -> None:
    store = _store(server)
    constraints = {
        c["label"] for c in store._graph.list_constraints()
        if c["type"] == "UNIQUE" and c["properties"] == ["id"]
    }
    assert constraints == set(LABELS)


def test_kill_9_after_ingest_loses_nothing(tmp_path: Path) -> None:
    store = FalkorDBStore.embedded(tmp_path / "falkordb")
    try:
        write_regulations(store, seed_regulations())
        before = counts(store)
        assert store.server is not None and store.server.pid is not None
        os.kill(store.server.pid, signal.SIGKILL)
    finally:
        store.close()
    restarted = FalkorDBStore.embedded(tmp_path / "falkordb")
    try:
        assert counts(restarted) == before
    finally:
        restarted.close()


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(value=TEXT, padded=st.sampled_from(["", " ", "\t", "\n", "\x00", "\x01"]))
def test_any_text_is_stored_exactly_or_refused(
    server: EmbeddedFalkorDB, value: str, padded: str
) -> None:
    """FalkorDB's client writes parameters into a CYPHER header it quotes itself, and the
    engine mishandles a few strings (see graph/falkordb_store.py): whatever the text, as an
    id and as a plain property, it comes back unchanged or is refused up front, and the
    server stays up."""
    store = FalkorDBStore(server.client(), uri="test", graph_name="hypothesis")
    store.ensure_schema()
    for text in (value, padded + value, value + padded):
        refused = unsafe_value(text, key=True) is not None
        try:
            store.write(queries.UPSERT_ROLES, {"rows": [{"id": text, "kind": "x"}]})
        except InputError:
            assert refused
        else:
            assert not refused
        found = store.read(queries.node(Label.ROLE), {"id": text})
        assert found == ([] if refused else [{"id": text, "caption": text}])
        as_property = {"id": "r", "props": {"caption": text, "title": text}}
        try:
            store.write(queries.UPSERT_REGULATIONS, {"rows": [as_property]})
        except InputError:
            assert unsafe_value(text) is not None
        else:
            assert store.read(queries.node(Label.REGULATION), {"id": "r"}) == [
                {"id": "r", "caption": text}
            ]
    assert store.read(queries.PING) == [{"ok": 1}]
    store.clear()


def test_replies_are_parsed_by_the_c_parser(server: EmbeddedFalkorDB) -> None:
    """The store's replies are parsed by hiredis (a dependency), not redis-py's Python parser:
    at one million incidents that took an actor's page from 17 to 12 ms at the median
    (docs/benchmarks.md, session 23). A missing wheel would slow every read silently."""
    pool = server.client().connection.connection_pool
    connection = pool.get_connection()
    try:
        assert type(connection._parser).__name__ == "_HiredisParser"
    finally:
        pool.release(connection)
