"""The records write path on the embedded FalkorDB: one atomic statement per incident, so a
kill -9 of the store at any moment leaves every chain whole; idempotent retries; two
recorders (as two processes) on one organ; a constant number of statements per record."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from core.errors import BackendError, ConflictError, InputError
from graph.chain_audit import verify_store
from graph.chains import append_incident, read_references
from graph.falkordb_store import FalkorDBStore
from ingest.integrity import chain_incidents
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import (  # sealer and store: tests/graph/conftest.py
    PEOPLE_GRAPH,
    CountingStore,
    judicial_organs,
    new_incident,
    stored_ids,
)

ORGANS = judicial_organs(6)


def test_the_same_incident_again_is_the_stored_one(store: FalkorDBStore,
                                                    sealer: ChainSealer) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    first = recorder.record(new_incident("idem-1"))
    again = recorder.record(new_incident("idem-1"))
    assert first.created and not again.created
    assert again.incident == first.incident and first.incident.chain is not None
    assert first.incident.chain.seq == 1
    with pytest.raises(ConflictError) as conflict:
        recorder.record(new_incident("idem-1", request="另一内容"))
    assert conflict.value.details["field"] == "body.id"
    assert stored_ids(store) == Counter({"idem-1": 1})


def test_a_retry_after_a_lost_answer_gets_the_stored_record(store: FalkorDBStore,
                                                            sealer: ChainSealer) -> None:
    incident = new_incident("lost-1")
    # The write went through but its answer never reached the client:
    [record], _ = chain_incidents([incident])
    assert append_incident(store, incident, record, sealer=sealer)
    retried = IncidentRecorder(store, sealer=sealer).record(incident)
    assert not retried.created and retried.incident.chain is not None
    assert retried.incident.chain.hash == record.hash
    assert stored_ids(store) == Counter({"lost-1": 1})


def test_an_append_on_a_moved_head_writes_nothing(store: FalkorDBStore,
                                                  sealer: ChainSealer) -> None:
    first, second = new_incident("cas-1"), new_incident("cas-2")
    [stale], _ = chain_incidents([second])  # chained on the empty chain
    IncidentRecorder(store, sealer=sealer).record(first)
    assert append_incident(store, second, stale, sealer=sealer) is False
    assert stored_ids(store) == Counter({"cas-1": 1})
    assert read_references(store, second).head.length == 1  # type: ignore[union-attr]


def test_a_correction_names_its_versions_and_is_checked(store: FalkorDBStore,
                                                        sealer: ChainSealer) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    recorder.record(new_incident("v1"))
    v2 = recorder.record(new_incident("v2", corrects="v1"))
    assert v2.incident.versions == ["v1", "v2"]
    with pytest.raises(InputError, match="corrected more than once"):
        recorder.record(new_incident("v2-bis", corrects="v1"))
    with pytest.raises(InputError) as unknown:
        recorder.record(new_incident("v9", case="no-such-case"))
    assert unknown.value.field == "body.case"


def test_two_recorders_on_one_organ_lose_and_duplicate_nothing(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    # A second connection and recorder, as a second process would have.
    other = FalkorDBStore.embedded(tmp_path / "fdb", graph_name=PEOPLE_GRAPH)
    recorders = [IncidentRecorder(store, sealer=sealer),
                 IncidentRecorder(other, sealer=ChainSealer(sealer.key_file))]
    each = 25

    def write(writer: int) -> list[bool]:
        recorder = recorders[writer % 2]
        return [recorder.record(new_incident(f"two-{writer}-{n}", organ=ORGANS[0])).created
                for n in range(each)]

    threads_results: list[list[bool]] = []
    threads = [threading.Thread(target=lambda w=w: threads_results.append(write(w)))
               for w in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    other.close()
    assert sum(len(r) for r in threads_results) == 4 * each
    assert all(all(r) for r in threads_results)
    ids = stored_ids(store)
    assert len(ids) == 4 * each and set(ids.values()) == {1}
    report = verify_store(store, sealer)
    assert report.ok, report.problems
    assert report.records == 4 * each


def test_statements_per_record_do_not_grow_with_the_store(store: FalkorDBStore,
                                                          sealer: ChainSealer) -> None:
    counting = CountingStore(store)
    recorder = IncidentRecorder(counting, sealer=sealer)
    recorder.record(new_incident("rt-warm"))  # creates the chain index once
    counting.statements.clear()
    recorder.record(new_incident("rt-small"))
    few = list(counting.statements)
    plain = IncidentRecorder(store, sealer=sealer)
    for n in range(150):
        plain.record(new_incident(f"rt-fill-{n}", organ=ORGANS[n % len(ORGANS)]))
    counting.statements.clear()
    large = recorder.record(new_incident("rt-large"))
    assert counting.statements == few
    # references, the append (a group of one); a fresh incident correcting nothing is its
    # only version
    assert few == ["record_references", "record_group_append"], few
    assert (large.incident.versions, large.incident.superseded_by) == (["rt-large"], None)
    counting.statements.clear()
    fixed = recorder.record(new_incident("rt-large-2", corrects="rt-large"))
    # a correction is appended alone (checked against its target), then its versions read
    assert counting.statements == ["record_references", "record_append_incident",
                                   "record_incident_versions"]
    assert fixed.incident.versions == ["rt-large", "rt-large-2"]


def test_kill_9_of_the_store_during_eight_writers(tmp_path: Path, sealer: ChainSealer,
                                                  store: FalkorDBStore) -> None:
    server = store.server
    assert server is not None and server.pid is not None
    recorders = [IncidentRecorder(store, sealer=sealer) for _ in range(2)]
    acknowledged: set[str] = set()
    lock = threading.Lock()

    def write(writer: int) -> None:
        for n in range(2_000):
            incident = new_incident(f"k-{writer}-{n:04d}", organ=ORGANS[(writer + n) % 6])
            try:
                recorders[writer % 2].record(incident)
            except BackendError:
                return  # the store is gone
            with lock:
                acknowledged.add(incident.id)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 60
    while len(acknowledged) < 120 and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(server.pid, signal.SIGKILL)
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    store.close()
    with lock:
        answered = set(acknowledged)
    assert len(answered) >= 120
    restarted = FalkorDBStore.embedded(tmp_path / "fdb", graph_name=PEOPLE_GRAPH)
    try:
        ids = stored_ids(restarted)
        assert answered <= set(ids), sorted(answered - set(ids))[:5]
        assert set(ids.values()) == {1}
        report = verify_store(restarted, sealer)
        assert report.ok, report.problems[:5]
        # and writing goes on where the chains end
        after = IncidentRecorder(restarted, sealer=sealer).record(
            new_incident("after-restart", organ=ORGANS[0]))
        assert after.created
        assert verify_store(restarted, sealer).ok
    finally:
        restarted.close()
