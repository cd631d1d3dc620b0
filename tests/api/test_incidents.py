"""Incident routes: record, correct, list, get, applicable articles, reporting route and
related incidents; never public, writing needs the recorder role. Incidents recorded here
happen in 2025, so the example's 2026 quarters stay as they are for the other tests."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import ADMIN, NEW_INCIDENT, READER, RECORDER, assert_error

IN_2025 = {"occurred_at": "2025-02-03T19:30:00", "recorded_at": "2025-02-04T09:00:00"}


def new_incident(incident_id: str, **changes: Any) -> dict[str, Any]:
    return NEW_INCIDENT | IN_2025 | {"id": incident_id} | changes


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("GET", "/incidents"),
        ("GET", "/incidents/i001"),
        ("GET", "/incidents/i001/articles"),
        ("GET", "/incidents/i001/route"),
        ("GET", "/incidents/i001/related"),
        ("POST", "/incidents"),
        ("POST", "/incidents/i001/corrections"),
    ],
)
def test_never_public(client: TestClient, method: str, url: str) -> None:
    assert_error(client.request(method, url, json=new_incident("i-x")), 401, "unauthorized")
    assert_error(client.request(method, url, json=new_incident("i-x"),
                                headers={"X-API-Key": "wrong"}), 401, "unauthorized")


def test_reader_cannot_write(client: TestClient) -> None:
    error = assert_error(client.post("/incidents", json=new_incident("i-r"), headers=READER),
                         403, "forbidden")
    assert "recorder" in error["message"]
    assert_error(client.post("/incidents/i001/corrections", json=new_incident("i-r"),
                             headers=READER), 403, "forbidden")


def test_list_filters_and_pages(client: TestClient) -> None:
    page = client.get("/incidents", params={"limit": 5}, headers=READER).json()
    assert page["total"] == 70 and len(page["items"]) == 5  # 71 records, one corrected
    # Newest recorded first (then id): the keyset the store pages on.
    keys = [(i["recorded_at"], i["id"]) for i in page["items"]]
    assert keys == sorted(keys, reverse=True)
    second = client.get("/incidents", params={"limit": 5, "offset": 5}, headers=READER).json()
    assert not {i["id"] for i in page["items"]} & {i["id"] for i in second["items"]}
    court = client.get("/incidents", params={"organ": "bl-al-fy", "until": "2026-12-31"},
                       headers=READER).json()
    assert court["total"] >= 7 and {i["organ"] for i in court["items"]} == {"bl-al-fy"}
    by_actor = client.get("/incidents", params={"actor": "p-qiangd"}, headers=READER).json()
    assert "i001" in {i["id"] for i in by_actor["items"]}
    calls = client.get("/incidents", params={"channel": "电话", "stage": "审判",
                                             "since": "2026-07-01", "until": "2026-09-30"},
                       headers=READER).json()
    assert all(i["channel"] == "电话" and i["stage"] == "审判" for i in calls["items"])
    assert all("2026-07-01" <= i["occurred_at"][:10] <= "2026-09-30" for i in calls["items"])
    everything = client.get("/incidents", params={"include_superseded": True, "limit": 500},
                            headers=READER).json()
    old = next(i for i in everything["items"] if i["id"] == "i047")
    assert old["superseded_by"] == "i047-v2"
    error = assert_error(client.get("/incidents", params={"stage": "宣判"}, headers=READER),
                         422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == "query.stage"


def test_get_one_with_versions_and_chain(client: TestClient) -> None:
    found = client.get("/incidents/i047-v2", headers=READER).json()
    assert found["corrects"] == "i047" and found["versions"] == ["i047", "i047-v2"]
    assert found["chain"]["seq"] >= 1 and len(found["chain"]["hash"]) == 64
    assert client.get("/incidents/i047", headers=READER).json()["superseded_by"] == "i047-v2"
    error = assert_error(client.get("/incidents/i999", headers=READER), 404, "not_found")
    assert "i999" in error["message"]


def test_record_then_again_then_conflict(writer: TestClient) -> None:
    incident = new_incident("api-rec-1")
    created = writer.post("/incidents", json=incident, headers=RECORDER)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["created"] is True and body["incident"]["id"] == "api-rec-1"
    assert body["incident"]["chain"]["seq"] >= 11  # after the organ's example incidents
    stored = writer.get("/incidents/api-rec-1", headers=READER).json()
    assert stored["chain"] == body["incident"]["chain"]
    again = writer.post("/incidents", json=incident, headers=RECORDER)
    assert again.status_code == 200 and again.json()["created"] is False
    conflict = assert_error(
        writer.post("/incidents", json=incident | {"request": "另一内容"}, headers=RECORDER),
        409, "conflict")
    assert conflict["details"]["field"] == "body.id"
    assert writer.get("/integrity", headers=READER).json()["ok"] is True


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"organ": "no-such-organ"}, "body.organ", id="unknown-organ"),
        pytest.param({"intervener": "p-nobody"}, "body.intervener", id="unknown-actor"),
        pytest.param({"case": "c99"}, "body.case", id="unknown-case"),
        pytest.param({"occurred_at": "2099-01-01T00:00:00"}, "body.occurred_at", id="future"),
        pytest.param({"recorded_at": "2025-01-01T00:00:00"}, "body.recorded_at",
                     id="recorded-before"),
        pytest.param({"expected_articles": [{"regulation": "R1", "article": 99}]},
                     "body.expected_articles", id="no-such-article"),
        pytest.param({"stage": "宣判"}, "body.stage", id="enum"),
        pytest.param({"request": ""}, "body.request", id="empty"),
        pytest.param({"colour": "red"}, "body.colour", id="unknown-field"),
        pytest.param({"occurred_at": "0001-01-01T00:00:00+14:00"}, "body.occurred_at",
                     id="date-out-of-range"),
    ],
)
def test_bad_incident_names_the_field(client: TestClient, changes: dict[str, Any],
                                      field: str) -> None:
    response = client.post("/incidents", json=new_incident("api-bad", **changes),
                           headers=RECORDER)
    error = assert_error(response, 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == field, error
    assert error["message"].startswith(field)
    assert_error(client.get("/incidents/api-bad", headers=READER), 404, "not_found")


def test_correction_is_a_new_version(writer: TestClient) -> None:
    assert writer.post("/incidents", json=new_incident("api-cor"),
                       headers=RECORDER).status_code == 201
    corrected = writer.post("/incidents/api-cor/corrections",
                            json=new_incident("api-cor-v2", request="更正：希望判处缓刑"),
                            headers=RECORDER)
    assert corrected.status_code == 201, corrected.text
    assert corrected.json()["incident"]["corrects"] == "api-cor"
    assert corrected.json()["incident"]["versions"] == ["api-cor", "api-cor-v2"]
    old = writer.get("/incidents/api-cor", headers=READER).json()
    assert old["superseded_by"] == "api-cor-v2"
    current = writer.get("/incidents", params={"actor": "p-qiangd", "limit": 500},
                         headers=READER).json()
    assert "api-cor" not in {i["id"] for i in current["items"]}
    twice = writer.post("/incidents/api-cor/corrections",
                        json=new_incident("api-cor-v3"), headers=RECORDER)
    assert_error(twice, 422, "invalid_input")  # correct the latest version instead
    assert_error(writer.post("/incidents/nope/corrections", json=new_incident("api-cor-x"),
                             headers=RECORDER), 404, "not_found")
    mismatch = writer.post("/incidents/api-cor-v2/corrections",
                           json=new_incident("api-cor-v3", corrects="i001"), headers=ADMIN)
    assert assert_error(mismatch, 422, "invalid_input")["details"]["field"] == "body.corrects"


def test_applicable_articles(client: TestClient) -> None:
    found = client.get("/incidents/i012/articles", params={"top": 3},
                       headers=READER).json()
    assert found["articles"][0]["key"] == "R1-8-3" and found["expected"] == ["R1-8-3"]
    assert found["verdict"] == "violation" and found["regimes"] == ["R1"]
    assert found["articles"][0]["text"].startswith("授意、纵容身边工作人员")
    assert len(found["articles"]) == 3
    assert_error(client.get("/incidents/nope/articles", headers=READER), 404, "not_found")


def test_reporting_route(client: TestClient) -> None:
    found = client.get("/incidents/i012/route", headers=READER).json()
    assert found["articles_from"] == "assessed" and found["verdict"] == "violation"
    assert any(h["basis"]["label"] == "R1 第七条第二款" and h["to"]["organ"] == "bl-dw"
               for h in found["hops"])
    assert all(set(h) >= {"from", "to", "due", "quote", "timing"} for h in found["hops"])
    # No quarter end as a due date: R1 第七条 says 每季度 and sets no day.
    assert all(h["due"] is None for h in found["hops"] if h["basis"]["label"] == "R1 第七条第一款")
    # The old answer was wrong: a reviewer's "R1-3" made a staff member's plea lawful. The
    # reviewer's article steers the regulation; the verdict stays the engine's.
    given = client.get("/incidents/i012/route", params={"article": ["R1-3"]},
                       headers=READER).json()
    assert given["articles_from"] == "given" and given["verdict"] == "violation"
    lawful = client.get("/incidents/i062/route", headers=READER).json()
    assert lawful["verdict"] == "lawful" and lawful["hops"] == []
    for bad, words in (("八条", "not an article key"), ("R1-99", "R1 has no article 99"),
                       ("R9-1", "unknown regulation 'R9'"), ("R1-8-9", "has no item 9"),
                       ("R2-0", "not an article key")):
        error = assert_error(client.get("/incidents/i012/route", params={"article": bad},
                                        headers=READER), 422, "invalid_input")
        assert words in error["message"] and error["details"]["field"] == "article"
        assert "http" not in str(error)
    assert_error(client.get("/incidents/nope/route", headers=READER), 404, "not_found")


def test_related(client: TestClient) -> None:
    # (the incidents recorded above are like i001 too: same intervener, case and officer)
    response = client.get("/incidents/i001/related", params={"top": 5}, headers=READER)
    assert response.status_code == 200, response.text[:500]
    found = response.json()
    i012 = next(r for r in found["related"] if r["incident"] == "i012")
    assert {"same intervener", "same case"} <= set(i012["reasons"])
    assert len(client.get("/incidents/i001/related", params={"top": 1},
                          headers=READER).json()["related"]) == 1
    assert_error(client.get("/incidents/nope/related", headers=READER), 404, "not_found")


# 1,366 CJK characters are 4,098 bytes: past the 4,096 at which FalkorDB 4.16 crashed in its
# unique-constraint check (issue 12). Such ids, and ids no path can reach, are refused first.
@pytest.mark.parametrize(
    ("changes", "field"),
    [
        pytest.param({"id": "案" * 1366}, "body.id", id="id-past-4096-bytes"),
        pytest.param({"id": "a" * 65}, "body.id", id="id-over-64"),
        pytest.param({"id": "a/b"}, "body.id", id="id-with-slash"),
        pytest.param({"id": "a?b"}, "body.id", id="id-with-question-mark"),
        pytest.param({"id": "a\u200bb"}, "body.id", id="id-with-zero-width-space"),
        pytest.param({"id": "a" * 101}, "body.id", id="id-over-100"),
        pytest.param({"id": "%2F"}, "body.id", id="id-with-percent"),
        pytest.param({"case": "c" * 65}, "body.case", id="reference-over-64"),
        pytest.param({"request": "说" * 2001}, "body.request", id="request-over-2000"),
        pytest.param({"description": "情" * 5001}, "body.description",
                     id="description-over-5000"),
        pytest.param({"expected_articles": [{"regulation": "R1", "article": 8}] * 21},
                     "body.expected_articles", id="over-20-articles"),
    ],
)
def test_bounds_refuse_before_the_store(writer: TestClient, changes: dict[str, Any],
                                        field: str) -> None:
    response = writer.post("/incidents", json=new_incident("api-bound", **changes),
                           headers=RECORDER)
    error = assert_error(response, 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == field, error
    health = writer.get("/health")
    assert health.status_code == 200, health.text
    assert writer.post("/incidents", json=new_incident("api-bound-ok"),
                       headers=RECORDER).status_code == 201


def test_cursor_pages_over_http(client: TestClient) -> None:
    seen: list[str] = []
    params: dict[str, Any] = {"limit": 20}
    while True:
        page = client.get("/incidents", params=params, headers=READER).json()
        seen += [i["id"] for i in page["items"]]
        if page["next"] is None:
            break
        params["after"] = page["next"]
    assert len(seen) == len(set(seen)) == page["total"] == 70
    assert all(i["assessed"] and i["verdict"] for i in page["items"])
    error = assert_error(client.get("/incidents", params={"after": "bm9wZQ"}, headers=READER),
                         422, "invalid_input")
    assert error["details"]["field"] == "after"
    too_far = assert_error(client.get("/incidents", params={"offset": 10_001},
                                      headers=READER), 422, "invalid_input")
    assert too_far["details"]["errors"][0]["field"] == "query.offset"
