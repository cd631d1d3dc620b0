"""Group commit on the embedded FalkorDB: several writers' incidents appended in one
statement (graph/chains.append_incidents), all or nothing, each chained in order on its
organ's head; and the recorder that groups the writers waiting while an append is in flight
(liuhen/records/recorder.py), answering each of them as if it had written alone."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

import liuhen.records.recorder as recorder_module
from core.errors import BackendError, ConflictError, InputError
from graph.chain_audit import verify_store
from graph.chains import MAX_GROUP, append_incidents, current_heads
from graph.falkordb_store import FalkorDBStore
from graph.queries.base import Query
from graph.store import Row
from ingest.integrity import chain_incidents
from ingest.records import Incident
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from liuhen.records.views import Recorded
from tests.graph.chain_fixtures import (  # sealer and store: tests/graph/conftest.py
    PEOPLE_GRAPH,
    CountingStore,
    judicial_organs,
    new_incident,
    stored_ids,
)

ORGANS = judicial_organs(4)


def chained(store: FalkorDBStore, incidents: list[Incident]) -> list[tuple[Incident, object]]:
    heads = current_heads(store, (incident.organ for incident in incidents))
    records, _ = chain_incidents(incidents, heads)
    return list(zip(incidents, records, strict=True))


# ------------------------------------------------------------------ the statement


def test_a_group_on_two_organs_is_stored_in_order_with_its_heads_and_seals(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    incidents = [new_incident("g-1", organ=ORGANS[0]), new_incident("g-2", organ=ORGANS[1]),
                 new_incident("g-3", organ=ORGANS[0])]
    batch = chained(store, incidents)
    assert append_incidents(store, batch, sealer=sealer)  # type: ignore[arg-type]
    assert stored_ids(store) == Counter({"g-1": 1, "g-2": 1, "g-3": 1})
    heads = current_heads(store, ORGANS[:2])
    assert (heads[ORGANS[0]].length, heads[ORGANS[1]].length) == (2, 1)
    report = verify_store(store, sealer)
    assert report.ok, report.problems
    assert report.records == 3


def test_a_group_chained_on_a_moved_head_writes_nothing(store: FalkorDBStore,
                                                       sealer: ChainSealer) -> None:
    stale = chained(store, [new_incident("s-1", organ=ORGANS[0]),
                            new_incident("s-2", organ=ORGANS[1])])
    IncidentRecorder(store, sealer=sealer).record(new_incident("moved", organ=ORGANS[1]))
    assert append_incidents(store, stale, sealer=sealer) is False  # type: ignore[arg-type]
    # not even the incident of the organ whose head did not move
    assert stored_ids(store) == Counter({"moved": 1})
    assert ORGANS[0] not in current_heads(store, [ORGANS[0]])


def test_a_group_holding_a_stored_id_is_refused_whole(store: FalkorDBStore,
                                                     sealer: ChainSealer) -> None:
    IncidentRecorder(store, sealer=sealer).record(new_incident("taken", organ=ORGANS[1]))
    batch = chained(store, [new_incident("fresh", organ=ORGANS[0]),
                            new_incident("taken", organ=ORGANS[1])])
    with pytest.raises(BackendError):
        append_incidents(store, batch, sealer=sealer)  # type: ignore[arg-type]
    assert stored_ids(store) == Counter({"taken": 1})
    assert verify_store(store, sealer).ok


def test_a_group_naming_an_unknown_case_writes_nothing(store: FalkorDBStore,
                                                      sealer: ChainSealer) -> None:
    batch = chained(store, [new_incident("k-1"), new_incident("k-2", case="no-such-case")])
    assert append_incidents(store, batch, sealer=sealer) is False  # type: ignore[arg-type]
    assert stored_ids(store) == Counter()


def test_a_group_is_bounded_ordered_and_holds_no_correction(store: FalkorDBStore,
                                                           sealer: ChainSealer) -> None:
    with pytest.raises(InputError, match="1 to"):
        append_incidents(store, [], sealer=sealer)
    too_many = chained(store, [new_incident(f"m-{n}") for n in range(MAX_GROUP + 1)])
    with pytest.raises(InputError, match="1 to"):
        append_incidents(store, too_many, sealer=sealer)  # type: ignore[arg-type]
    swapped = chained(store, [new_incident("o-1"), new_incident("o-2")])[::-1]
    with pytest.raises(InputError, match="does not follow"):
        append_incidents(store, swapped, sealer=sealer)  # type: ignore[arg-type]
    correcting = chained(store, [new_incident("c-2", corrects="c-1")])
    with pytest.raises(InputError, match="alone"):
        append_incidents(store, correcting, sealer=sealer)  # type: ignore[arg-type]
    assert stored_ids(store) == Counter()


# ------------------------------------------------------------------ the recorder


@contextmanager
def turn_held(recorder: IncidentRecorder, writers: int) -> Iterator[None]:
    """Hold the recorder's turn as a writer leading an append does, until ``writers``
    writers wait in its queue; on leaving, one of them leads and appends them as one group."""
    with recorder._turn:
        recorder._leading = True
    try:
        yield
        deadline = time.monotonic() + 30
        while len(recorder._queue) < writers and time.monotonic() < deadline:
            time.sleep(0.005)
    finally:
        with recorder._turn:
            recorder._leading = False
            recorder._turn.notify_all()


def record_together(recorder: IncidentRecorder, incidents: list[Incident]
                    ) -> list[Recorded | Exception]:
    """Record ``incidents`` from a thread each, all waiting for the turn, so that they are
    appended as one group. The recorder has recorded before (its chain index is made once)."""
    results: list[Recorded | Exception | None] = [None] * len(incidents)

    def write(n: int) -> None:
        try:
            results[n] = recorder.record(incidents[n])
        except Exception as error:  # the answer under test
            results[n] = error

    threads = [threading.Thread(target=write, args=(n,)) for n in range(len(incidents))]
    with turn_held(recorder, len(incidents)):
        for thread in threads:
            thread.start()
    for thread in threads:
        thread.join()
    assert all(result is not None for result in results)
    return results  # type: ignore[return-value]


def test_waiting_writers_are_appended_in_one_statement_and_answered_each(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    counting = CountingStore(store)
    recorder = IncidentRecorder(counting, sealer=sealer)
    incidents = [new_incident(f"w-{n}", organ=ORGANS[n % 3]) for n in range(9)]
    recorder.record(new_incident("warm-up", organ=ORGANS[3]))
    counting.statements.clear()
    results = record_together(recorder, incidents)
    assert counting.statements.count("record_group_append") == 1
    assert "record_append_incident" not in counting.statements
    recorded = [result for result in results if isinstance(result, Recorded)]
    assert len(recorded) == 9 and all(result.created for result in recorded)
    positions = sorted((r.incident.organ, r.incident.chain.seq) for r in recorded  # type: ignore[union-attr]
                       if r.incident.chain is not None)
    assert positions == sorted((organ, seq) for organ in ORGANS[:3] for seq in (1, 2, 3))
    report = verify_store(store, sealer)
    assert report.ok, report.problems
    assert sealer.latest()[ORGANS[0]].length == 3  # anchored before answering


class ReadsAfter(CountingStore):
    """A real store whose reference read for incident ``held`` waits until the read of
    ``first`` has returned: that writer is still reading when the other one leads."""

    def __init__(self, inner: FalkorDBStore, first: str, held: str) -> None:
        super().__init__(inner)
        self.first, self.held = first, held
        self.first_read = threading.Event()
        self.held_reading = threading.Event()

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        incidents = (params or {}).get("incidents") if query.name == "record_references" else None
        if incidents == [self.held]:
            self.held_reading.set()
            assert self.first_read.wait(30)
        rows = super().read(query, params)
        if incidents == [self.first]:
            self.first_read.set()
        return rows


def test_a_leader_waits_for_a_writer_still_reading_and_appends_both_together(
    store: FalkorDBStore, sealer: ChainSealer, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(recorder_module, "GATHER_S", 5.0)  # a bound this test never reaches
    counting = ReadsAfter(store, first="leads", held="reads-late")
    recorder = IncidentRecorder(counting, sealer=sealer)
    started = time.monotonic()
    recorder.record(new_incident("alone", organ=ORGANS[3]))
    assert time.monotonic() - started < 5.0  # no other writer reading: no wait for one
    counting.statements.clear()
    results: dict[str, Recorded] = {}
    late = threading.Thread(target=lambda: results.update(
        late=recorder.record(new_incident("reads-late", organ=ORGANS[1]))))
    late.start()
    assert counting.held_reading.wait(30)  # it reads, and waits for the leader's read
    results["leads"] = recorder.record(new_incident("leads", organ=ORGANS[0]))
    late.join()
    # one group: the leader gathered the writer that was still reading
    assert counting.statements.count("record_group_append") == 1, counting.statements
    assert all(r.created and r.incident.chain is not None for r in results.values())
    assert verify_store(store, sealer).ok


class HeldReads(CountingStore):
    """A real store whose reference read for each incident of ``held`` waits until the test
    releases it (``reading`` tells that it began)."""

    def __init__(self, inner: FalkorDBStore, held: list[str]) -> None:
        super().__init__(inner)
        self.reading = {name: threading.Event() for name in held}
        self.release = {name: threading.Event() for name in held}

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        incidents = (params or {}).get("incidents") if query.name == "record_references" else None
        if incidents and incidents[0] in self.release:
            self.reading[incidents[0]].set()
            assert self.release[incidents[0]].wait(30)
        return super().read(query, params)


def test_a_leader_does_not_wait_for_a_writer_that_began_reading_after_it_gathered(
    store: FalkorDBStore, sealer: ChainSealer, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Under a steady stream of writers someone is always reading: a leader waiting until
    # nobody was waited the whole bound every time (eight HTTP clients, issue 13).
    monkeypatch.setattr(recorder_module, "GATHER_S", 5.0)  # a bound this test never reaches
    counting = HeldReads(store, held=["early", "late"])
    recorder = IncidentRecorder(counting, sealer=sealer)
    recorder.record(new_incident("warm-up", organ=ORGANS[3]))
    counting.statements.clear()
    results: dict[str, Recorded] = {}

    def write(name: str, organ: str) -> threading.Thread:
        thread = threading.Thread(target=lambda: results.update(
            {name: recorder.record(new_incident(name, organ=organ))}))
        thread.start()
        return thread

    early = write("early", ORGANS[0])
    assert counting.reading["early"].wait(30)
    leads = write("leads", ORGANS[1])  # reads, queues and gathers, awaiting "early"
    deadline = time.monotonic() + 30
    while not (recorder._leading and recorder._queue) and time.monotonic() < deadline:
        time.sleep(0.005)
    late = write("late", ORGANS[2])
    assert counting.reading["late"].wait(30)  # began reading while the leader gathered
    released = time.monotonic()
    counting.release["early"].set()
    leads.join(30)
    early.join(30)
    assert time.monotonic() - released < 2.5, "the leader waited for the late writer"
    assert set(results) == {"leads", "early"}  # one group, the late writer still reading
    assert counting.statements.count("record_group_append") == 1, counting.statements
    counting.release["late"].set()
    late.join(30)
    assert all(r.created and r.incident.chain is not None for r in results.values())
    assert verify_store(store, sealer).ok


def test_the_same_id_twice_in_a_group_is_one_record_and_two_answers(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    recorder.record(new_incident("warm-up", organ=ORGANS[3]))
    same = new_incident("twice", organ=ORGANS[0])
    other_content = new_incident("clash", organ=ORGANS[1])
    results = record_together(recorder, [
        same, same, new_incident("alongside", organ=ORGANS[0]), other_content,
        new_incident("clash", organ=ORGANS[1], request="另一内容")])
    twice = [r for r in results[:2] if isinstance(r, Recorded)]
    assert sorted(r.created for r in twice) == [False, True]
    assert twice[0].incident.chain == twice[1].incident.chain
    clash = results[3:]
    assert sum(isinstance(r, Recorded) for r in clash) == 1
    assert sum(isinstance(r, ConflictError) for r in clash) == 1
    assert stored_ids(store) == Counter({"warm-up": 1, "twice": 1, "alongside": 1, "clash": 1})
    assert verify_store(store, sealer).ok


def test_an_id_stored_by_another_process_meanwhile_leaves_the_rest_of_the_group(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    recorder.record(new_incident("warm", organ=ORGANS[2]))
    ahead = new_incident("ahead", organ=ORGANS[1])
    incidents = [new_incident("behind-1", organ=ORGANS[0]), ahead,
                 new_incident("behind-2", organ=ORGANS[1])]
    results: list[Recorded | None] = [None] * 3

    def write(n: int) -> None:
        results[n] = recorder.record(incidents[n])

    threads = [threading.Thread(target=write, args=(n,)) for n in range(3)]
    with turn_held(recorder, 3):
        for thread in threads:
            thread.start()
        while len(recorder._queue) < 3:
            time.sleep(0.005)
        # a second process (its own connection and recorder) stores one of the ids first
        other = FalkorDBStore.embedded(tmp_path / "fdb", graph_name=PEOPLE_GRAPH)
        IncidentRecorder(other, sealer=ChainSealer(sealer.key_file)).record(ahead)
        other.close()
    for thread in threads:
        thread.join()
    assert [r is not None and r.created for r in results] == [True, False, True]
    assert stored_ids(store) == Counter({"warm": 1, "behind-1": 1, "ahead": 1, "behind-2": 1})
    assert verify_store(store, sealer).ok


def test_a_correction_waiting_in_a_group_is_appended_alone_and_checked(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    recorder.record(new_incident("v1", organ=ORGANS[0]))
    results = record_together(recorder, [
        new_incident("v2", organ=ORGANS[0], corrects="v1"), new_incident("n1", organ=ORGANS[0]),
        new_incident("n2", organ=ORGANS[1])])
    assert all(isinstance(r, Recorded) and r.created for r in results)
    corrected = results[0]
    assert isinstance(corrected, Recorded) and corrected.incident.versions == ["v1", "v2"]
    assert verify_store(store, sealer).ok


def test_eight_writers_on_one_and_on_several_organs_lose_and_duplicate_nothing(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    recorder = IncidentRecorder(store, sealer=sealer)
    acknowledged: list[str] = []
    lock = threading.Lock()

    def write(writer: int) -> None:
        for n in range(30):
            organ = ORGANS[0] if writer < 4 else ORGANS[n % len(ORGANS)]
            incident = new_incident(f"e-{writer}-{n}", organ=organ)
            if recorder.record(incident).created:
                with lock:
                    acknowledged.append(incident.id)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(acknowledged) == 240
    assert stored_ids(store) == Counter(acknowledged)
    report = verify_store(store, sealer)
    assert report.ok, report.problems
    assert report.records == 240
    anchored = sealer.latest()
    heads = current_heads(store, ORGANS)
    assert {organ: anchor.length for organ, anchor in anchored.items() if organ in heads} == {
        organ: head.length for organ, head in heads.items()}
