"""kill -9 of the store at the worst moment of a group commit: the one statement that
appends several writers' incidents together has been stored (the append-only file fsynced),
and the store dies before any of them is answered, so the answer is lost with the
connection. The kill trials and soaks (bench/) kill at random moments and cannot say that
one landed there; this test puts it there. Every writer of the group must hear an error
(none may wait for ever on a leader that failed), its retry must be answered "already
stored" once the supervisor has restarted the store, and the chains must verify."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Mapping
from typing import Any

from core.errors import BackendError
from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.store import Row
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from liuhen.records.views import Recorded
from tests.graph.chain_fixtures import CountingStore, judicial_organs, new_incident, stored_ids

ORGANS = judicial_organs(4)
WRITERS = 8
PER_WRITER = 25
#: The group the kill follows holds at least this many writers' incidents.
GROUP = 3
#: Seconds a writer keeps retrying (the supervisor restarts the store in about a second).
RETRY_FOR = 60.0


class KillAfterGroup(CountingStore):
    """The real store; after the first group append of GROUP or more incidents has been
    stored, the store's process is killed with SIGKILL and the writer hears what a lost
    answer looks like (BackendError), as it would had the kill come before the reply."""

    def __init__(self, inner: FalkorDBStore) -> None:
        super().__init__(inner)
        self.server = inner.server
        self.group: list[str] = []
        self.killed = threading.Event()

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        rows = super().write(query, params)
        if (query.name == "record_group_append" and params is not None
                and params["row_count"] >= GROUP and not self.killed.is_set()):
            assert self.server is not None and self.server.pid is not None
            self.group = [row["id"] for row in params["rows"]]
            os.kill(self.server.pid, signal.SIGKILL)
            self.killed.set()
            raise BackendError("the store died before it answered the group append")
        return rows


def test_a_kill_after_a_group_is_stored_loses_no_writer_and_breaks_no_chain(
        store: FalkorDBStore, sealer: ChainSealer) -> None:
    killing = KillAfterGroup(store)
    recorder = IncidentRecorder(killing, sealer=sealer)
    answers: dict[str, list[Recorded]] = {}
    errors: dict[str, int] = {}
    lock = threading.Lock()

    def write(writer: int) -> None:
        for n in range(PER_WRITER):
            incident = new_incident(f"g-{writer}-{n:03d}", organ=ORGANS[(writer + n) % 4])
            deadline = time.monotonic() + RETRY_FOR
            while True:  # a client's retry of the same incident until it is answered
                try:
                    answer = recorder.record(incident)
                except BackendError:
                    with lock:
                        errors[incident.id] = errors.get(incident.id, 0) + 1
                    assert time.monotonic() < deadline, f"{incident.id}: no answer"
                    time.sleep(0.05)
                    continue
                with lock:
                    answers.setdefault(incident.id, []).append(answer)
                break

    threads = [threading.Thread(target=write, args=(w,)) for w in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=RETRY_FOR * 2)
    assert not any(thread.is_alive() for thread in threads), "a writer waits for ever"

    assert killing.killed.is_set(), f"no group of {GROUP} formed among {WRITERS} writers"
    assert len(killing.group) >= GROUP
    wanted = {f"g-{w}-{n:03d}" for w in range(WRITERS) for n in range(PER_WRITER)}
    assert set(answers) == wanted  # every writer was answered, each incident once
    assert all(len(given) == 1 for given in answers.values())
    for incident_id in killing.group:
        # its first answer was lost with the store; the retry finds it stored
        assert errors.get(incident_id, 0) >= 1, incident_id
        assert answers[incident_id][0].created is False, incident_id
    assert store.server is not None and store.server.supervision().restarts >= 1
    ids = stored_ids(store)
    assert set(ids) == wanted and set(ids.values()) == {1}
    report = verify_store(store, sealer)
    assert report.ok, report.problems[:5]
    assert report.records == len(wanted)
