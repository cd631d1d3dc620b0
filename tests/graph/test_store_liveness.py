"""A store that stops answering: the embedded FalkorDB's redis-server stopped with SIGSTOP
(it then takes connections and answers nothing, as when its main thread waits for good on a
lock, FalkorDB/FalkorDB#2129). A read fails within the store's timeout with a clear error;
a write fails without being sent again, so that it is stored at most once and the chain
still verifies; the supervisor kills the silent server and restarts it from its
append-only file.

Every stop is undone in a ``finally`` (SIGCONT, then the store closed), so no stopped process
outlives a test; every wait has a deadline of its own."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from core.errors import NoAnswerError
from core.processes import pid_alive
from graph import queries
from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.queries.base import Query, read_statement, write_statement
from graph.store import Row
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import CountingStore, load_people, new_incident, stored_ids

#: The data connections' timeout in these tests (the default is 180 s).
TIMEOUT = 2.0
#: Slack on top of it for a loaded CI machine: the failure must come after TIMEOUT and
#: well before a hang would be noticed.
SLACK = 8.0
TICK = write_statement("liveness_tick", "CREATE (:Tick {n: $n})", "n")
TICKS = read_statement("liveness_ticks", "MATCH (t:Tick) RETURN count(t) AS n")


@contextmanager
def stopped(store: FalkorDBStore) -> Iterator[int]:
    """The store's redis-server stopped (SIGSTOP) for the block, continued after it."""
    assert store.server is not None
    pid = store.server.pid
    assert pid is not None
    os.kill(pid, signal.SIGSTOP)
    try:
        yield pid
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


class StopsBeforeAppend(CountingStore):
    """The real store, its server stopped (SIGSTOP) just before an incident's append is
    sent: the recorder's reads are answered, its write is not."""

    def __init__(self, inner: FalkorDBStore) -> None:
        super().__init__(inner)
        self.stopped_pid: int | None = None

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        server = self.inner.server  # type: ignore[attr-defined]
        if query.name in ("record_group_append", "record_append_incident") \
                and self.stopped_pid is None:
            self.stopped_pid = server.pid
            os.kill(server.pid, signal.SIGSTOP)
        return super().write(query, params)

    def resume(self) -> None:
        if self.stopped_pid is not None:
            with suppress(ProcessLookupError):
                os.kill(self.stopped_pid, signal.SIGCONT)


@pytest.fixture
def quiet_store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    """A store whose data connections wait TIMEOUT s and whose supervisor never kills (a
    stopped server stays stopped for as long as the test keeps it so)."""
    opened = FalkorDBStore.embedded(tmp_path / "fdb", timeout=TIMEOUT, hang_after=3600)
    try:
        opened.ensure_schema()
        yield opened
    finally:
        opened.close()


def _timed(call: object) -> tuple[NoAnswerError, float]:
    started = time.monotonic()
    with pytest.raises(NoAnswerError) as raised:
        call()  # type: ignore[operator]
    return raised.value, time.monotonic() - started


def test_a_read_of_a_stopped_store_fails_within_the_timeout(
        quiet_store: FalkorDBStore) -> None:
    assert quiet_store.read(queries.PING) == [{"ok": 1}]
    with stopped(quiet_store):
        error, took = _timed(lambda: quiet_store.read(queries.PING))
    assert TIMEOUT - 0.1 <= took < TIMEOUT + SLACK, took
    assert error.status_code == 503 and error.code == "backend_unavailable"
    assert f"did not answer ping within {TIMEOUT:g} s" in error.message
    assert error.details["outcome"] == "nothing written"
    assert quiet_store.read(queries.PING) == [{"ok": 1}]  # continued: answers again


def test_a_write_to_a_stopped_store_is_sent_once_and_said_unknown(
        quiet_store: FalkorDBStore) -> None:
    with stopped(quiet_store):
        error, took = _timed(lambda: quiet_store.write(TICK, {"n": 1}))
    assert TIMEOUT - 0.1 <= took < TIMEOUT + SLACK, took
    assert "may or may not have landed" in error.message
    assert error.details["outcome"] == "unknown"
    # The write was in the stopped server's socket: it lands now, once. redis-py's default
    # Retry sent it again after each timeout (four copies).
    deadline = time.monotonic() + SLACK
    while quiet_store.read(TICKS) == [{"n": 0}] and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.2)
    assert quiet_store.read(TICKS) == [{"n": 1}]


def test_an_unanswered_append_is_stored_at_most_once_and_the_chain_holds(
        tmp_path: Path, sealer: ChainSealer) -> None:
    store = FalkorDBStore.embedded(tmp_path / "fdb", timeout=TIMEOUT, hang_after=3600)
    stopping = StopsBeforeAppend(store)
    try:
        store.ensure_schema()
        load_people(store, tmp_path / "people", sealer)
        assert IncidentRecorder(store, sealer=sealer).record(new_incident("t-1")).created
        recorder = IncidentRecorder(stopping, sealer=sealer)
        error, took = _timed(lambda: recorder.record(new_incident("t-2")))
        stopping.resume()
        assert stopping.stopped_pid is not None
        assert TIMEOUT - 0.1 <= took < TIMEOUT + SLACK, took
        assert "may or may not have landed" in error.message
        assert error.details["outcome"] == "unknown"
        # t-2 was in the stopped server's socket: it lands once the server goes on, once
        deadline = time.monotonic() + SLACK
        while stored_ids(store)["t-2"] == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        # The same recorder appends next on the head the store holds, not on one it assumed.
        third = recorder.record(new_incident("t-3"))
        assert third.created and third.incident.chain is not None
        counts = stored_ids(store)
        assert counts["t-2"] == 1 and counts["t-3"] == 1  # sent once, stored once
        assert third.incident.chain.seq == 3
        again = recorder.record(new_incident("t-2"))  # the writer asks again
        assert not again.created and stored_ids(store)["t-2"] == 1
        report = verify_store(store, sealer)
        assert report.ok, report.problems
        assert report.records == 3
    finally:
        stopping.resume()
        store.close()


def test_the_supervisor_restarts_a_store_that_answers_no_ping(tmp_path: Path) -> None:
    store = FalkorDBStore.embedded(tmp_path / "fdb", timeout=TIMEOUT, hang_after=2.0)
    server = store.server
    assert server is not None
    pid = server.pid
    assert pid is not None
    try:
        store.ensure_schema()
        store.write(TICK, {"n": 1})
        os.kill(pid, signal.SIGSTOP)
        deadline = time.monotonic() + 30.0
        while server.supervision().restarts == 0:
            assert time.monotonic() < deadline, server.supervision()
            time.sleep(0.05)
        seen = server.supervision()
        assert seen.last_restart_reason is not None
        assert seen.last_restart_reason.startswith("redis-server did not answer PING for")
        assert seen.last_restart_reason.endswith("killed by SIGKILL")
        assert not pid_alive(pid) and server.pid != pid
        while seen.state != "running":
            assert time.monotonic() < deadline, seen
            time.sleep(0.05)
            seen = server.supervision()
        assert store.read(TICKS) == [{"n": 1}]  # restarted from its append-only file
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
        store.close()
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)  # never leak the stopped server, whatever failed


INDEXED_LABELS = read_statement(
    "liveness_indexed_labels", "CALL db.indexes() YIELD label RETURN DISTINCT label")


def test_a_schema_statement_left_unanswered_by_a_hung_store_is_sent_again(
        tmp_path: Path) -> None:
    """As seen once in CI: a fresh server answers nothing to its first CREATE INDEX and is
    killed by its supervisor; an index statement is idempotent, so ensure_schema sends it
    once more to the restarted server instead of failing the store's opening."""
    store = FalkorDBStore.embedded(tmp_path / "fdb", timeout=60.0, hang_after=2.0)
    server = store.server
    assert server is not None
    pid = server.pid
    assert pid is not None
    try:
        os.kill(pid, signal.SIGSTOP)  # before the first CREATE INDEX is sent
        store.ensure_schema()
        seen = server.supervision()
        assert seen.restarts == 1 and seen.state == "running", seen
        assert not pid_alive(pid) and server.pid != pid
        labels = {row["label"] for row in store.read(INDEXED_LABELS)}
        assert {"Actor", "Incident", "Organ"} <= labels
    finally:
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)
        store.close()
        with suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
