"""verify reads many short chains per statement (graph/chain_audit.py): it must find exactly
what checking one organ at a time finds, also when a page overflows, when a chain lost its
head, and when a write moves a head while its page is being read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from graph import chain_audit
from graph.chain_audit import verify_store
from graph.chains import stream_chain
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.store import Row
from ingest.integrity import ProblemKind, canonical_json
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import (
    CountingStore,
    new_incident,
    people_store,
    seal_key,
    tamper,
)

ORGANS = ("bl-al-fy", "bl-fy", "bl-qx-fy", "ql-fy", "sl-fy")


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "verify_pages", sealer) as opened:
        recorder = IncidentRecorder(opened, sealer=sealer)
        for organ_number, organ in enumerate(ORGANS):
            for n in range(2 + organ_number):
                recorder.record(new_incident(f"{organ}-{n}", organ=organ))
        yield opened


def one_at_a_time(store: FalkorDBStore, sealer: ChainSealer) -> list[tuple[str, str]]:
    found = []
    for organ in ORGANS:
        found += [(p.kind.value, p.message) for p in
                  verify_store(store, sealer, organ=organ).problems]
    return sorted(found)


def alter_record(store: FalkorDBStore, organ: str, index: int) -> None:
    record = list(stream_chain(store, organ))[index]
    payload = record.payload | {"request": "改写后的请托内容"}
    tamper(store, "MATCH (i:Incident {id: $id}) SET i.payload = $payload",
           id=record.record_id, payload=canonical_json(payload))


@pytest.mark.parametrize("page", [3, 5, 100])
def test_pages_find_what_one_organ_at_a_time_finds(
        store: FalkorDBStore, sealer: ChainSealer, monkeypatch: pytest.MonkeyPatch,
        page: int) -> None:
    monkeypatch.setattr(chain_audit, "VERIFY_PAGE", page)
    clean = verify_store(store, sealer)
    assert clean.ok and clean.records == sum(2 + n for n in range(len(ORGANS)))
    alter_record(store, "bl-fy", 1)
    # a chain whose head was removed: found only by the scan of the incidents
    tamper(store, "MATCH (o:Organ {id: $organ}) REMOVE o.chain_length, o.chain_head, "
           "o.chain_seal", organ="ql-fy")
    # a head behind its records: more records than the head says (a page that overflows)
    tamper(store, "MATCH (o:Organ {id: $organ}) SET o.chain_length = 1", organ="sl-fy")
    report = verify_store(store, sealer)
    found = sorted((p.kind.value, p.message) for p in report.problems)
    assert found == one_at_a_time(store, sealer)
    organs_with_problems = {p.organ for p in report.problems}
    assert organs_with_problems == {"bl-fy", "ql-fy", "sl-fy"}
    assert ProblemKind.ALTERED in {p.kind for p in report.problems if p.organ == "bl-fy"}
    assert report.records == clean.records


class WriteWhileReading(CountingStore):
    """Records one more incident right after the first page of several chains is read, as a
    writer running beside verify would."""

    def __init__(self, inner: FalkorDBStore, recorder: IncidentRecorder) -> None:
        super().__init__(inner)
        self.recorder = recorder
        self.wrote = False

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        rows = super().read(query, params)
        if query.name.startswith("record_chains_page") and not self.wrote:
            self.wrote = True
            self.recorder.record(new_incident("late", organ="bl-qx-fy"))
        return rows


def test_a_head_that_moves_while_its_page_is_read_is_checked_again(
        store: FalkorDBStore, sealer: ChainSealer) -> None:
    racing = WriteWhileReading(store, IncidentRecorder(store, sealer=sealer))
    report = verify_store(racing, sealer)
    assert racing.wrote
    assert report.ok, report.problems
    assert report.records == sum(2 + n for n in range(len(ORGANS))) + 1
    # the moved organ was read again on its own, the others were not
    assert racing.statements.count("record_chain_page_joined") == 1
