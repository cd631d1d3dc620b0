"""The stored assessment's contract: one row per incident from the engine's assessment,
written onto the Incident node outside its hashed payload."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.settings import Settings
from graph.queries.base import read_statement
from graph.record_reads import annotate_incidents
from liuhen.records.annotations import assessment_row, engine_version, parse_finding
from liuhen.records.service import RecordsService

_PAYLOAD = read_statement("t_payload", "MATCH (i:Incident {id: $id}) RETURN i.payload AS p",
                          "id")
_ANNOTATION = read_statement(
    "t_annotation",
    "MATCH (i:Incident {id: $id}) RETURN i.verdict AS verdict, i.statuses AS statuses, "
    "i.interference AS interference, i.provisions AS provisions, "
    "i.assessed_by AS assessed_by", "id")


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened


def test_engine_version_names_the_rules_it_rests_on(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text("{}", "utf-8")
    before = engine_version([rules])
    rules.write_text('{"x": 1}', "utf-8")
    assert engine_version([rules]) != before
    assert engine_version() == engine_version() and engine_version().startswith("a1:")


def test_row_of_an_interference(service: RecordsService):
    found = service.assess_incident("i012")
    row = assessment_row("i012", found, "test-engine")
    assert row["verdict"] == "violation" and row["assessed_by"] == "test-engine"
    assert "R1:violation" in row["statuses"] and row["interference"] is True
    assert row["provisions"] and row["provisions"][0] == "R1-8-3"  # type: ignore[index]
    keys = [parse_finding(f)[0] for f in row["findings"]]  # type: ignore[attr-defined]
    assert "R1-8-3" in keys


def test_annotate_writes_outside_the_payload(service: RecordsService):
    payload_before = service.store.read(_PAYLOAD, {"id": "i012"})
    row = assessment_row("i012", service.assess_incident("i012"), "test-engine")
    annotate_incidents(service.store, [row, {**row, "id": "no-such-incident"}],
                       service.sealer)  # sealed, as the service writes it: verify holds it
    stored = service.store.read(_ANNOTATION, {"id": "i012"})[0]
    assert stored == {k: row[k] for k in ("verdict", "statuses", "interference",
                                          "provisions", "assessed_by")}
    assert service.store.read(_PAYLOAD, {"id": "i012"}) == payload_before
    assert service.verify().ok is True
