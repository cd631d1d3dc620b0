"""Stored assessments over time: incidents written when the engine cannot be built stay
unassessed (listed so, counted nowhere as lawful) until ``reassess``; a new engine version
makes the old rows stale; and no request of the records service reads the whole record set
(a store wrapper counts the statements each request sends)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import date

import pytest

from core.errors import InputError
from core.settings import Settings
from graph.record_reads import annotate_incidents
from ingest.models import Regulation
from liuhen.classify import IncidentEngine
from liuhen.records.annotations import assessment_row
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import CountingStore

TODAY = date(2027, 6, 1)
#: The statements that read every record of a kind (graph/records.read_record_set, read_chain).
WHOLE_SET = {"record_organs", "record_actors", "record_cases", "record_actor_relations",
             "record_party_relations", "record_incident_chain", "record_chain_heads"}


def no_engine(regulations: Mapping[str, Regulation]) -> IncidentEngine:
    raise InputError("no engine in this test", field="regulations")


@pytest.fixture(scope="module")
def unassessed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    """The example records ingested by a service whose engine cannot be built."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings, classifier=no_engine) as opened:
        opened.ingest([settings.example_dir])
        yield opened


def test_unassessed_incidents_are_never_lawful_and_reassess_fixes_them(
        unassessed: RecordsService):
    page = unassessed.list_incidents(limit=500)
    assert page.items and all(not i.assessed and i.verdict is None for i in page.items)
    for verdict in ("lawful", "violation", "undetermined"):
        assert unassessed.list_incidents(verdict=verdict).total == 0  # type: ignore[arg-type]
    assert unassessed.repeat_interveners(minimum=1) == []
    working = RecordsService(unassessed.settings, unassessed.store)
    summary = working.quarterly("2026Q3", today=TODAY)
    assert summary.count > 0 and summary.unassessed == summary.incidents
    assert all(not s.lawful and not s.violations and not s.undetermined
               for s in [*summary.sections, summary.r2])

    done = working.reassess(batch=20)
    assert done.assessed == len(working.list_incidents(limit=500,
                                                       include_superseded=True).items)
    assert working.reassess().assessed == 0  # nothing stale is left
    after = working.quarterly("2026Q3", today=TODAY)
    assert after.unassessed == [] and after.sections[0].violations
    assert all(i.assessed for i in working.list_incidents(limit=500).items)

    # Another engine's row is stale: reassess visits exactly it.
    stale = assessment_row("i001", working.assess_incident("i001"), "an-older-engine")
    annotate_incidents(working.store, [stale])
    assert working.reassess().assessed == 1


def test_no_request_reads_the_whole_record_set(tmp_path):
    settings = Settings(data_dir=tmp_path)
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        counting = CountingStore(opened.store)
        service = RecordsService(settings, counting)
        questions = [
            lambda: service.list_incidents(limit=5),
            lambda: service.list_incidents(verdict="violation", organ="bl-al-fy"),
            lambda: service.incident("i047-v2"),
            lambda: service.applicable_articles("i012"),
            lambda: service.reporting_route("i012"),
            lambda: service.list_actors(limit=5),
            lambda: service.actor("p-jiangym"),
            lambda: service.actor_incidents("p-jiangym"),
            lambda: service.actor_paths("p-qiangd", "p-zhoumy"),
            lambda: service.repeat_interveners(),
            lambda: service.list_organs(limit=5),
            lambda: service.organ("bl-al-fy"),
            lambda: service.organ_hierarchy("bl-al-fy"),
            lambda: service.quarterly("2026Q3", organ="bl-al-fy", today=TODAY),
            lambda: service.quarterly("2026Q3", organ="ql-dw", region=True, today=TODAY),
        ]
        for question in questions:
            counting.statements.clear()
            question()
            sent = counting.statements
            assert sent and not WHOLE_SET & set(sent), sent
