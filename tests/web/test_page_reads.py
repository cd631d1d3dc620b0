"""No page under /ui reads the whole record set: the records service's store is wrapped in a
store that names every statement sent through it, and each page (rendered in-process, no
browser) must send statements, none of them one that reads every record of a kind or walks
every organ's chain. Also the pages' small lookups: actors found by name, the id a
correction takes, incident counts of a page of organs, keyset pages."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import cast

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

import web.records
from api.auth import key_id
from api.state import Services
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import CountingStore
from tests.liuhen.test_record_reassess import WHOLE_SET
from tests.web.conftest import web_app
from tests.web.test_security import NEW, csrf, login

#: Whole-set reads: every organ, actor, case, relation or chained incident; every organ's
#: chain (verify_store lists the organs with records, then streams each).
WHOLE_PAGE_READS = WHOLE_SET | {"record_chain_organs", "record_head_page"}

PAGES = [
    "/ui/incidents",
    "/ui/incidents?organ=bl-al-fy&quarter=2026Q3&regulation=R1&verdict=violation",
    "/ui/incidents?actor=钱国栋",
    "/ui/incidents/i001",
    "/ui/incidents/i047-v2",
    "/ui/incidents/new",
    "/ui/incidents/new?organ=bl-al-fy",
    "/ui/incidents/i001/correct",
    "/ui/actors",
    "/ui/actors?q=钱",
    "/ui/actors/p-qiangd",
    "/ui/paths?a=钱国栋&b=周明远",
    "/ui/organs",
    "/ui/organs/bl-al-fy",
    "/ui/organs/bl-al-fy?quarter=2026Q3",
]


@pytest.fixture(scope="module")
def counted(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient,
                                                                         CountingStore]]:
    """A recorder logged in to the app, its records service reading through a counter."""
    app = web_app(tmp_path_factory.mktemp("web-reads"))
    with TestClient(app) as client:
        services: Services = app.state.services
        counting = CountingStore(services.records.store)
        services.records.store = counting
        login(client, "recorder-key")
        yield client, counting


def settle(client: TestClient) -> None:
    """Wait until the assessment worker has assessed what earlier tests recorded: it reads the
    store in the background (liuhen/records/assessor.py), and its reads are not the page's."""
    services: Services = cast(FastAPI, client.app).state.services
    assert services.records.start_worker().wait_idle(120)


@pytest.mark.parametrize("path", PAGES)
def test_no_page_reads_the_whole_record_set(counted: tuple[TestClient, CountingStore],
                                            path: str) -> None:
    client, counting = counted
    settle(client)
    counting.statements.clear()
    response = client.get(path)
    assert response.status_code == 200, response.text[:500]
    # (the empty form asks the store nothing: no organ, no suggestions)
    assert bool(counting.statements) == (path != "/ui/incidents/new"), counting.statements
    assert not WHOLE_PAGE_READS & set(counting.statements), counting.statements


def test_the_incident_list_pages_on_with_the_cursor(
        counted: tuple[TestClient, CountingStore]) -> None:
    client, _ = counted
    records: RecordsService = client.app.state.services.records  # type: ignore[attr-defined]
    everything = records.list_incidents(limit=500).items
    first = records.list_incidents(limit=50)
    assert first.next is not None and len(everything) > 50
    html = client.get("/ui/incidents").text
    assert "下一页" in html and f"after={first.next}" in html
    second = client.get("/ui/incidents", params={"after": first.next}).text
    assert everything[50].id in second and everything[0].id not in second
    assert "第一页" in second
    bad = client.get("/ui/incidents", params={"after": "not-a-cursor"}).text
    assert "after is not a cursor" in bad


def test_lookups_the_pages_use(counted: tuple[TestClient, CountingStore]) -> None:
    client, _ = counted
    records: RecordsService = client.app.state.services.records  # type: ignore[attr-defined]
    assert [a.id for a in records.find_actors("钱国栋")] == ["p-qiangd"]
    assert "p-qiangd" in {a.id for a in records.find_actors("钱")}
    assert [a.id for a in records.find_actors("p-zhoumy")] == ["p-zhoumy"]
    assert records.find_actors("无此人") == []
    assert records.next_version_id("i001") == "i001-v2"
    assert records.next_version_id("i047") == "i047-v3"  # i047-v2 is recorded
    counts = records.organ_incident_counts(["bl-al-fy", "no-such-organ"])
    assert counts["bl-al-fy"] == records.list_incidents(organ="bl-al-fy").total > 0
    assert counts["no-such-organ"] == 0
    first = records.organs_after("", limit=3)
    second = records.organs_after(first[-1].id, limit=3)
    assert [o.id for o in first + second] == [
        o.id for o in records.list_organs(limit=6).items]
    people = records.actors_after("", limit=4)
    assert [a.id for a in people + records.actors_after(people[-1].id, limit=4)] == [
        a.id for a in records.list_actors(limit=8).items]
    named = records.named(actors=["p-qiangd", "nobody"], organs=["bl-al-fy"], cases=["c01"])
    assert named.actors["p-qiangd"].name == "钱国栋" and "nobody" not in named.actors
    assert named.organs["bl-al-fy"].name == "安澜县人民法院" and "c01" in named.cases
    assert records.verify_organ("bl-al-fy").ok
    assert records.verify_organ("bl-al-fy").records == counts["bl-al-fy"] + sum(
        1 for i in records.list_incidents(organ="bl-al-fy", include_superseded=True,
                                          limit=500).items if i.superseded_by)


def test_the_pages_page_on(counted: tuple[TestClient, CountingStore]) -> None:
    client, _ = counted
    records: RecordsService = client.app.state.services.records  # type: ignore[attr-defined]
    organs = records.organs_after("", limit=500)
    page = client.get("/ui/organs").text
    assert organs[0].id in page
    if len(organs) > 50:
        assert f"after={organs[49].id}" in page
        assert organs[50].id in client.get("/ui/organs", params={"after": organs[49].id}).text
    count = records.organ_incident_counts(["bl-al-fy"])["bl-al-fy"]
    assert f"<td>{count}</td>" in page
    actors = records.actors_after("", limit=500)
    listed = client.get("/ui/actors").text
    assert actors[0].id in listed
    if len(actors) > 50:
        assert actors[50].id not in listed
        assert actors[50].id in client.get("/ui/actors",
                                           params={"after": actors[49].id}).text
    found = client.get("/ui/actors", params={"q": "钱国栋"}, follow_redirects=False)
    assert found.status_code == 303 and found.headers["location"] == "/ui/actors/p-qiangd"


def test_the_form_checks_typed_ids_and_suggests_the_organs_people(
        counted: tuple[TestClient, CountingStore]) -> None:
    client, _ = counted
    form = client.get("/ui/incidents/new", params={"organ": "bl-al-fy"}).text
    assert 'list="organ-people"' in form and 'value="p-zhoumy"' in form  # staff offered
    assert 'value="bl-al-fy"' in form
    token = csrf(client, "/ui/incidents/new")
    body = NEW | {"id": "w-reads-1", "intervener": "p-nobody", "csrf_token": token}
    refused = client.post("/ui/incidents/new", data=body)
    assert refused.status_code == 422
    assert 'id="err-intervener"' in refused.text and "p-nobody" in refused.text
    assert 'value="p-nobody"' in refused.text  # kept as typed


def test_an_actors_page_lists_the_newest_incidents_first_and_a_page_of_them(
        counted: tuple[TestClient, CountingStore], monkeypatch: pytest.MonkeyPatch) -> None:
    client, _ = counted
    records: RecordsService = client.app.state.services.records  # type: ignore[attr-defined]
    involved = records.actor_incidents("p-qiangd").incidents
    assert len(involved) >= 2
    monkeypatch.setattr(web.records, "ACTOR_INCIDENTS_SHOWN", 1)
    html = client.get("/ui/actors/p-qiangd").text
    assert f'<a href="/ui/incidents/{involved[-1].incident}">' in html  # the newest
    assert f'<a href="/ui/incidents/{involved[0].incident}">' not in html
    assert 'id="involved-count"' in html and "/ui/incidents?actor=p-qiangd" in html


def test_an_organs_page_offers_the_quarters_that_ended() -> None:
    assert web.records.ended_quarters(date(2026, 11, 30), 3) == ["2026Q3", "2026Q2",
                                                                 "2026Q1"]
    assert web.records.ended_quarters(date(2027, 1, 1), 2) == ["2026Q4", "2026Q3"]
    assert web.records.ended_quarters(date(2026, 3, 31), 1) == ["2025Q4"]


def test_a_record_from_the_form_carries_the_keys_id_as_the_apis_do(
        counted: tuple[TestClient, CountingStore]) -> None:
    client, _ = counted
    records: RecordsService = client.app.state.services.records  # type: ignore[attr-defined]
    token = csrf(client, "/ui/incidents/new")
    done = client.post("/ui/incidents/new", data=NEW | {"id": "w-reads-key", "csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303, done.text[:300]
    assert records.incident("w-reads-key").recorded_with == key_id("recorder-key")
