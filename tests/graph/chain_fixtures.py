"""Shared by the records write-path tests: a store holding the example's people, new
incidents, a statement-counting store, and hand edits of the store (as an attacker or an
older liuhen would make them)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.settings import REPO_ROOT
from graph.falkordb_store import FalkorDBStore
from graph.queries import Backend, Query
from graph.records import ingest_files
from graph.store import GraphStore, Row
from ingest.records import JUDICIAL_KINDS, Incident
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder

EXAMPLE = REPO_ROOT / "data/example"
PEOPLE = ("organs", "actors", "relations", "cases")


def load_people(store: GraphStore, folder: Path, sealer: ChainSealer | None = None) -> None:
    """The example's organs, actors, relations and cases, without its incidents."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in PEOPLE:
        (folder / f"{name}.jsonl").write_text((EXAMPLE / f"{name}.jsonl").read_text("utf-8"),
                                              encoding="utf-8")
    ingest_files(store, [folder], sealer=sealer)


def seal_key(tmp_path: Path) -> ChainSealer:
    """A sealer with a key of its own under ``tmp_path``."""
    return ChainSealer(tmp_path / "keys" / "seal.key")


@contextmanager
def people_store(tmp_path: Path, graph_name: str,
                 sealer: ChainSealer | None = None) -> Iterator[FalkorDBStore]:
    """An embedded store under ``tmp_path`` holding the example organs, actors and cases (no
    incidents), closed on leaving."""
    opened = FalkorDBStore.embedded(tmp_path / "fdb", graph_name=graph_name)
    try:
        opened.ensure_schema()
        load_people(opened, tmp_path / "people", sealer)
        yield opened
    finally:
        opened.close()


@contextmanager
def people_store_recorded(tmp_path: Path, graph_name: str, sealer: ChainSealer,
                          incident_id: str) -> Iterator[FalkorDBStore]:
    """``people_store`` with one incident recorded through the recorder, as the API records
    it (chained, sealed, its registry entries linked)."""
    with people_store(tmp_path, graph_name, sealer) as opened:
        IncidentRecorder(opened, sealer=sealer).record(new_incident(incident_id))
        yield opened


def new_incident(incident_id: str, organ: str = "bl-al-fy", **changes: Any) -> Incident:
    return Incident.model_validate({
        "id": incident_id, "organ": organ, "case": "c01", "stage": "审判",
        "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
        "request": f"请托 {incident_id}", "occurred_at": "2025-03-01T10:00:00",
        "recorded_by": "p-zhoumy", "recorded_at": "2025-03-01T11:00:00",
    } | changes)


def tamper(store: GraphStore, text: str, **params: object) -> list[Row]:
    """A hand edit in the store, outside liuhen's statements (as an attacker would)."""
    return store.write(Query("tamper", text, tuple(params), readonly=False), params)


class CountingStore:
    """A GraphStore that forwards to a real one and counts the statements it is given."""

    def __init__(self, inner: GraphStore) -> None:
        self.inner = inner
        self.statements: list[str] = []

    @property
    def backend(self) -> Backend:
        return self.inner.backend

    @property
    def uri(self) -> str:
        return self.inner.uri

    def ensure_schema(self) -> None:
        self.inner.ensure_schema()

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        self.statements.append(query.name)
        return self.inner.read(query, params)

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        self.statements.append(query.name)
        return self.inner.write(query, params)

    def read_only_query(self, text: str, params: Mapping[str, Any] | None = None, *,
                        timeout: float = 10.0) -> list[Row]:
        self.statements.append("read_only_query")
        return self.inner.read_only_query(text, params, timeout=timeout)

    def clear(self) -> None:
        self.inner.clear()

    def close(self) -> None:
        self.inner.close()


ALL_INCIDENT_IDS = Query("all_incident_ids", "MATCH (i:Incident) RETURN i.id AS id")


def stored_ids(store: GraphStore) -> Counter[str]:
    """How many times each incident id is stored."""
    return Counter(row["id"] for row in store.read(ALL_INCIDENT_IDS))


def judicial_organs(count: int) -> list[str]:
    """The first ``count`` judicial organs of the example (their chains are the tests')."""
    rows = map(json.loads, (EXAMPLE / "organs.jsonl").read_text("utf-8").splitlines())
    return [row["id"] for row in rows if row["kind"] in JUDICIAL_KINDS][:count]


#: The graph the records write-path tests' store holds (a second connection names it too).
PEOPLE_GRAPH = "people_test"
