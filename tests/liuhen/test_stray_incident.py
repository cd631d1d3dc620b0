"""An incident node with edges and no properties (seen in session 26: one of 21,250 incidents
written by eight concurrent clients came out so in the embedded store's memory, whole again
after a restart): the time-key migration once read it again and again forever, so every list
of incidents hung; verify counted it nowhere. Now the migration ends, lists and an actor's
page answer without it, and verify names it."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from core.settings import Settings
from graph.record_windows import ensure_time_keys
from ingest.integrity import ProblemKind
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import tamper

# edges as a real incident has them, no property at all
STRAY = """
MATCH (o:Organ {id: $organ}), (a:Actor {id: $actor}), (c:Case {id: $case})
CREATE (a)-[:INTERVENED]->(i:Incident)-[:RECORDED_IN]->(o),
       (i)-[:ABOUT_CASE]->(c), (a)-[:RECORDED]->(i)
"""


@pytest.fixture
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened


def test_the_time_key_migration_ends_beside_a_stray_incident(service: RecordsService) -> None:
    first = service.list_incidents(limit=1).items[0]
    tamper(service.store, STRAY, organ=first.organ, actor=first.intervener, case=first.case)
    tamper(service.store, "MATCH (i:Incident {id: $id}) REMOVE i.recorded_key, i.occurred_key",
           id=first.id)
    keyed: list[int] = []
    # a thread, so that a migration that never ends fails this test instead of hanging it
    worker = threading.Thread(target=lambda: keyed.append(ensure_time_keys(service.store)),
                              daemon=True)
    worker.start()
    worker.join(30)
    assert not worker.is_alive(), "the time-key migration did not end"
    assert keyed == [1]  # the real incident keyed, the stray one left
    assert ensure_time_keys(service.store) == 0


def test_lists_and_pages_answer_without_a_stray_incident(service: RecordsService) -> None:
    before = service.list_incidents(limit=200)
    first = before.items[0]
    actor_before = service.actor_incidents(first.intervener)
    tamper(service.store, STRAY, organ=first.organ, actor=first.intervener, case=first.case)
    after = service.list_incidents(limit=200)
    assert [i.id for i in after.items] == [i.id for i in before.items]
    assert service.actor_incidents(first.intervener) == actor_before


def test_verify_names_a_stray_incident(service: RecordsService) -> None:
    assert service.verify().ok
    first = service.list_incidents(limit=1).items[0]
    tamper(service.store, STRAY, organ=first.organ, actor=first.intervener, case=first.case)
    report = service.verify()
    assert not report.ok
    [problem] = report.problems
    assert problem.kind is ProblemKind.UNREGISTERED
    assert problem.organ == first.organ and problem.record_id is None
    assert "names no organ" in problem.message and first.organ in problem.message
