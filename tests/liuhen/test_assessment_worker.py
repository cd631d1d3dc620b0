"""Assessment off the request path (liuhen/records/assessor.py), on the real store and
engine: a write is answered before the engine ran, the incident reads ``pending`` (no
verdict shown or counted) until the worker stored the engine's assessment, and a worker
started later picks up what an earlier process left pending."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest

from core.errors import DamagedRecordError, InputError
from core.settings import Settings
from graph.queries import Query
from ingest.models import Regulation
from ingest.records import Incident
from liuhen.classify import IncidentEngine
from liuhen.records.assessor import AssessmentWorker
from liuhen.records.classifiers import bm25_classifier
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import new_incident

ORGAN = "bl-al-fy"


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("liuhen")
    with RecordsService.opened(Settings(data_dir=folder)) as opened:
        opened.ingest([opened.settings.example_dir])
    yield folder


def test_a_new_incident_is_pending_until_the_worker_stored_its_assessment(
        data_dir: Path) -> None:
    gate = threading.Event()

    def gated(regulations: Mapping[str, Regulation]) -> IncidentEngine:
        gate.wait(60)  # the engine is not there yet: the worker waits here
        return bm25_classifier(regulations)

    with RecordsService.opened(Settings(data_dir=data_dir), classifier=gated) as service:
        worker = service.start_worker()
        try:
            answer = service.record(new_incident("w-1", organ=ORGAN))
            assert answer.created
            assert answer.incident.assessment == "pending"
            assert answer.incident.verdict is None and not answer.incident.assessed
            read = service.incident("w-1")
            assert read.assessment == "pending" and read.verdict is None
            listed = {i.id: i for i in service.list_incidents(organ=ORGAN, limit=100).items}
            assert listed["w-1"].assessment == "pending"
            for verdict in ("violation", "lawful", "undetermined"):
                assert "w-1" not in {i.id for i in service.list_incidents(
                    verdict=verdict, limit=100).items}  # type: ignore[arg-type]
            gate.set()
            assert worker.wait_idle(120)
            stored = service.incident("w-1")
            assert stored.assessment == "stored" and stored.assessed
            assert stored.verdict == service.assess_incident("w-1").verdict
        finally:
            gate.set()
            service.stop_worker()


def no_engine(regulations: Mapping[str, Regulation]) -> IncidentEngine:
    raise InputError("no engine in this process", field="regulations")


def test_a_worker_started_later_picks_up_what_was_left_pending(data_dir: Path) -> None:
    with RecordsService.opened(Settings(data_dir=data_dir), classifier=no_engine) as first:
        worker = first.start_worker()
        first.record(new_incident("w-2", organ=ORGAN))
        assert worker.wait_idle(60)  # it tried, the engine failed: still pending
        assert first.incident("w-2").assessment == "pending"
        first.stop_worker()
    with RecordsService.opened(Settings(data_dir=data_dir)) as second:
        assert second.incident("w-2").assessment == "pending"
        worker = second.start_worker()  # a restart: the sweep finds it by its flag
        try:
            assert worker.wait_idle(120)
            found = second.incident("w-2")
            assert found.assessment == "stored"
            assert found.verdict == second.assess_incident("w-2").verdict
        finally:
            second.stop_worker()


def test_the_worker_builds_the_engine_at_its_start_not_at_the_first_write(
        data_dir: Path) -> None:
    built = threading.Event()

    def noted(regulations: Mapping[str, Regulation]) -> IncidentEngine:
        built.set()
        return bm25_classifier(regulations)

    with RecordsService.opened(Settings(data_dir=data_dir), classifier=noted) as service:
        worker = service.start_worker()
        try:
            assert built.wait(120)  # nothing recorded yet
            assert worker.wait_idle(120)
        finally:
            service.stop_worker()


def test_the_worker_outlives_a_sweep_that_fails_unexpectedly() -> None:
    """A failure no store error class covers (redis-py's ValueError on a connection closed
    under it) is logged; the thread goes on and assesses what is submitted next."""
    assessed: list[str] = []

    def failing_lookup(ids: Sequence[str]) -> dict[str, Incident]:
        raise ValueError("I/O operation on closed file.")

    worker = AssessmentWorker(lambda batch: assessed.extend(i.id for i in batch),
                              lambda limit: ["left-pending"], failing_lookup)
    worker.start()
    try:
        worker.submit(new_incident("after-the-failure", organ=ORGAN))
        assert worker.wait_idle(30)
        assert assessed == ["after-the-failure"]
    finally:
        worker.stop()


def test_the_worker_pauses_before_every_batch_and_still_assesses(data_dir: Path) -> None:
    """``pause`` (the assessment process holds back while writers are busy) runs before each
    batch; the incident is stored assessed once it returns."""
    may_go = threading.Event()
    paused = threading.Event()

    def pause() -> None:
        paused.set()
        may_go.wait(60)

    with RecordsService.opened(Settings(data_dir=data_dir)) as service:
        worker = service.start_worker(pause=pause)
        try:
            service.record(new_incident("w-3", organ=ORGAN))
            assert paused.wait(60)
            assert service.incident("w-3").assessment == "pending"  # held back
            may_go.set()
            assert worker.wait_idle(120)
            assert service.incident("w-3").assessment == "stored"
        finally:
            may_go.set()
            service.stop_worker()


BREAK = Query("test_break_pending_payload", "MATCH (i:Incident {id: $id}) SET i.payload = $payload",
              ("id", "payload"), readonly=False)


def test_a_damaged_pending_incident_holds_no_other_pending(tmp_path: Path) -> None:
    """One pending record edited behind the service's back (issue 12, finding 9) is left
    pending and named in the log; the sweep assesses the others. A data dir of its own: the
    damage stays."""
    data_dir = tmp_path / "liuhen"
    with RecordsService.opened(Settings(data_dir=data_dir)) as opened:
        opened.ingest([opened.settings.example_dir])
    with RecordsService.opened(Settings(data_dir=data_dir), classifier=no_engine) as first:
        worker = first.start_worker()
        for incident_id in ("w-d1", "w-d2"):
            first.record(new_incident(incident_id, organ=ORGAN))
        assert worker.wait_idle(60)  # the engine failed: both still pending
        first.stop_worker()
        first.store.write(BREAK, {"id": "w-d1", "payload": "not json {"})
    with RecordsService.opened(Settings(data_dir=data_dir)) as second:
        worker = second.start_worker()
        try:
            assert worker.wait_idle(120)
            assert second.incident("w-d2").assessment == "stored"
            with pytest.raises(DamagedRecordError):
                second.incident("w-d1")
        finally:
            second.stop_worker()
