"""Organ routes: list, one organ, hierarchy, quarterly summary as JSON and PNG."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import READER, assert_error

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("url", ["/organs", "/organs/bl-al-fy", "/organs/bl-al-fy/hierarchy",
                                 "/organs/bl-al-fy/summary/2026Q3",
                                 "/organs/bl-al-fy/summary/2026Q3/chart", "/summary/2026Q3",
                                 "/summary/2026Q3/chart"])
def test_never_public(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 401, "unauthorized")


def test_list_organs(client: TestClient) -> None:
    page = client.get("/organs", params={"limit": 500}, headers=READER).json()
    assert page["total"] == 89 == len(page["items"])
    courts = client.get("/organs", params={"kind": "法院", "level": "县"},
                        headers=READER).json()
    assert courts["total"] == 6 and {o["kind"] for o in courts["items"]} == {"法院"}


def test_one_organ(client: TestClient) -> None:
    found = client.get("/organs/bl-al-fy", headers=READER).json()
    assert found["organ"]["name"] == "安澜县人民法院"
    assert (found["superior_name"], found["party_committee_name"]) == \
        ("白鹭市中级人民法院", "中共安澜县委")
    assert found["staff"] >= 1 and found["cases"] >= 1 and found["incidents"] >= 10
    assert_error(client.get("/organs/nope", headers=READER), 404, "not_found")


def test_hierarchy(client: TestClient) -> None:
    found = client.get("/organs/bl-al-fy/hierarchy", headers=READER).json()
    assert [o["id"] for o in found["superiors"]] == ["bl-fy", "ql-fy"]
    assert found["party_committee"]["id"] == "bl-al-dw"
    assert {o["kind"] for o in found["same_level"]} >= {"检察院", "党委政法委"}
    city = client.get("/organs/bl-fy/hierarchy", headers=READER).json()
    assert "bl-al-fy" in {o["id"] for o in city["subordinates"]}
    assert_error(client.get("/organs/nope/hierarchy", headers=READER), 404, "not_found")


def test_quarterly_summary(client: TestClient) -> None:
    found = client.get("/organs/bl-al-fy/summary/2026Q3", headers=READER).json()
    assert found["count"] == 7 and found["quarter"] == "2026Q3"
    assert (found["start"], found["end"]) == ("2026-07-01", "2026-09-30")
    r1, r3 = found["sections"]
    # i020 (a county deputy secretary's call relayed: the judge "不了解地方情况", send "一个有经验的
    # 同志") names a cadre and no conduct the extractor reads: since session 6 that is
    # undetermined ("行为是否属于违法干预司法活动"), never a violation from who called.
    assert {e["incident"] for e in r1["violations"]} == {"i001", "i012"}
    assert "i020" in {e["incident"] for e in r1["undetermined"]}
    assert [r["organ"] for r in r1["recipients"]] == ["bl-al-zfw", "bl-fy"]
    assert r3["basis"]["quote"].startswith("司法机关应当每季度")
    assert "due" not in found and found["timing"] == "每季度"
    future = assert_error(client.get("/organs/bl-al-fy/summary/2099Q1", headers=READER),
                          422, "invalid_input")
    assert "ends on 2099-03-31" in future["message"]
    everyone = client.get("/summary/2026-q3", headers=READER).json()
    assert everyone["organ"] is None and everyone["count"] >= found["count"]
    assert_error(client.get("/organs/nope/summary/2026Q3", headers=READER), 404, "not_found")
    bad = assert_error(client.get("/organs/bl-al-fy/summary/2026Q5", headers=READER),
                       422, "invalid_input")
    assert bad["details"]["errors"][0]["field"] == "path.quarter"


def test_region_summary(client: TestClient) -> None:
    province = client.get("/organs/ql-dw/summary/2026Q3", params={"region": True},
                          headers=READER).json()
    everyone = client.get("/summary/2026Q3", headers=READER).json()
    assert province["incidents"] == everyone["incidents"] and province["unassessed"] == []
    assert "青岚省" in province["organ_name"] and province["sections"][0]["recipients"] == []
    county = client.get("/organs/bl-al-fy/summary/2026Q3", params={"region": True},
                        headers=READER).json()
    assert 7 <= county["count"] < province["count"]


def test_quarterly_chart_is_a_png(client: TestClient) -> None:
    response = client.get("/organs/bl-al-fy/summary/2026Q3/chart", headers=READER)
    assert response.status_code == 200
    assert response.headers["content-type"] == "image/png"
    assert response.content.startswith(PNG) and len(response.content) > 10_000
    everyone = client.get("/summary/2026Q3/chart", headers=READER)
    assert everyone.content.startswith(PNG)
    assert_error(client.get("/organs/nope/summary/2026Q3/chart", headers=READER),
                 404, "not_found")
