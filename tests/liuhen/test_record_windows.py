"""Pages of every incident walked a window of recording time at a time
(graph/record_windows.py) give exactly what one statement sorting every matching incident
gives (the anchored statement of before, still used for organs, cases and actors): the same
incidents in the same order through every cursor, the same totals, whatever the process
believes the newest time is; and incidents stored before the time keys get them."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest

from core.settings import Settings
from graph import record_windows
from graph.queries.records_read import RECORD_INCIDENT_COUNTS, RECORD_INCIDENT_PAGES
from graph.record_reads import IncidentQuery, incident_count, incident_page
from graph.record_windows import ensure_time_keys
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import tamper

FILTERS: list[dict[str, Any]] = [
    {},
    {"verdict": "violation"},
    {"verdict": "lawful"},
    {"since": "2025-01-01", "until": "2025-04-01"},
    {"since": "2024-01-01"},
    {"until": "2025-06-01", "verdict": "undetermined"},
    {"stage": "审判"},
    {"all_versions": True},
    {"regulation": "R1", "since": "2020-01-01", "until": "2030-01-01"},
]


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened


def sorted_pages(service: RecordsService, query: IncidentQuery, limit: int) -> list[str]:
    """Every page through the cursor with the one statement that sorts every match."""
    ids: list[str] = []
    after: tuple[str, str] | None = None
    while True:
        rows = service.store.read(RECORD_INCIDENT_PAGES["all"], query.parameters() | {
            "after_at": after[0] if after else None, "after_id": after[1] if after else None,
            "skip": 0, "limit": limit})
        ids += [row["id"] for row in rows]
        if len(rows) < limit:
            return ids
        after = (rows[-1]["recorded_at"], rows[-1]["id"])


def window_pages(service: RecordsService, query: IncidentQuery, limit: int) -> list[str]:
    ids: list[str] = []
    after: tuple[str, str] | None = None
    while True:
        found = incident_page(service.store, query, after=after, skip=0, limit=limit)
        ids += [f.incident.id for f in found]
        if len(found) < limit:
            return ids
        last = found[-1].incident
        after = (last.recorded_at.isoformat(), last.id)


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_windows_give_what_sorting_everything_gives(service: RecordsService,
                                                    filters: dict[str, Any]) -> None:
    service.list_incidents(limit=1)  # keys the stored incidents
    query = IncidentQuery(**filters)
    expected = sorted_pages(service, query, 4)
    assert window_pages(service, query, 4) == expected
    assert window_pages(service, query, 1) == expected
    counted = service.store.read(RECORD_INCIDENT_COUNTS["all"],
                                 query.parameters() | {"cap": 10_001})[0]["total"]
    assert incident_count(service.store, query, cap=10_001) == counted == len(expected)
    if filters == {}:
        assert len(expected) > 20  # the walk crosses several windows
    if filters.get("verdict") == "violation":
        assert expected  # something to compare


@pytest.mark.parametrize("believed", [record_windows.FLOOR, 0, 2_000_000_000])
def test_what_the_process_believes_newest_changes_nothing(
        service: RecordsService, believed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    service.list_incidents(limit=1)
    expected = sorted_pages(service, IncidentQuery(), 5)
    monkeypatch.setitem(record_windows._tops, id(service.store), (time.monotonic(), believed))
    assert window_pages(service, IncidentQuery(), 5) == expected


def test_incidents_stored_without_time_keys_are_keyed_and_listed(
        tmp_path_factory: pytest.TempPathFactory) -> None:
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        listed = [i.id for i in opened.list_incidents(limit=200).items]
        stored = opened.list_incidents(limit=200, include_superseded=True).total
        tamper(opened.store, "MATCH (i:Incident) REMOVE i.recorded_key, i.occurred_key")
        assert incident_page(opened.store, IncidentQuery(), after=None, skip=0, limit=5) == []
        assert ensure_time_keys(opened.store) == stored > len(listed)
        assert ensure_time_keys(opened.store) == 0
    with RecordsService.opened(settings) as reopened:
        tamper(reopened.store, "MATCH (i:Incident) REMOVE i.recorded_key, i.occurred_key")
        # a service keys them before its first list
        assert [i.id for i in reopened.list_incidents(limit=200).items] == listed
