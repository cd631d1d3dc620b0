"""Actor routes: list, one actor and their relations, incidents involving them (and their
circle), paths between two actors, repeat interveners. Never public."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import READER, assert_error


@pytest.mark.parametrize("url", ["/actors", "/actors/repeat-interveners", "/actors/p-qiangd",
                                 "/actors/p-qiangd/incidents",
                                 "/actors/p-qiangd/paths/p-zhoumy"])
def test_never_public(client: TestClient, url: str) -> None:
    assert_error(client.get(url), 401, "unauthorized")


def test_list_actors(client: TestClient) -> None:
    page = client.get("/actors", params={"limit": 3}, headers=READER).json()
    assert page["total"] == 105 and len(page["items"]) == 3
    cadres = client.get("/actors", params={"kind": "领导干部", "limit": 500},
                        headers=READER).json()
    assert cadres["items"] and all("领导干部" in a["kinds"] for a in cadres["items"])
    court = client.get("/actors", params={"organ": "bl-al-fy"}, headers=READER).json()
    assert {a["organ"] for a in court["items"]} == {"bl-al-fy"}


def test_actor_with_relations(client: TestClient) -> None:
    found = client.get("/actors/p-qiangd", headers=READER).json()
    assert found["actor"]["name"] == "钱国栋" and found["organ_name"] == "安澜县人民政府"
    secretary = next(r for r in found["relations"] if r["id"] == "rel-01")
    assert (secretary["kind"], secretary["detail"], secretary["direction"],
            secretary["other"]) == ("staff_of", "秘书", "in", "p-miaozj")
    assert_error(client.get("/actors/p-nobody", headers=READER), 404, "not_found")


def test_incidents_of_an_actor_and_their_circle(client: TestClient) -> None:
    found = client.get("/actors/p-qiangd/incidents", headers=READER).json()
    roles = {(x["incident"], x["role"], x["via"]) for x in found["incidents"]}
    assert ("i001", "intervener", "") in roles
    assert any(via.startswith("staff_of") for _, _, via in roles)  # the secretary's call
    alone = client.get("/actors/p-qiangd/incidents", params={"with_circle": False},
                       headers=READER).json()
    assert {x["via"] for x in alone["incidents"]} == {""}
    assert_error(client.get("/actors/p-nobody/incidents", headers=READER), 404, "not_found")


def test_an_actors_incidents_page_on_with_next(client: TestClient) -> None:
    whole = client.get("/actors/p-qiangd/incidents", headers=READER).json()
    expected = list(dict.fromkeys(x["incident"] for x in whole["incidents"]))
    assert len(expected) >= 2 and whole["next"] is None
    walked, params = [], {"limit": 1, "newest": True}
    while True:
        page = client.get("/actors/p-qiangd/incidents", params=params, headers=READER).json()
        walked += list(dict.fromkeys(x["incident"] for x in page["incidents"]))
        if page["next"] is None:
            break
        params["after"] = page["next"]
    assert walked == expected[::-1]
    error = assert_error(client.get("/actors/p-qiangd/incidents", params={"after": "eA"},
                                    headers=READER), 422, "invalid_input")
    assert error["details"]["field"] == "after"


def test_paths_between_two_actors(client: TestClient) -> None:
    found = client.get("/actors/p-qiangd/paths/p-zhoumy", headers=READER).json()
    shortest = found["paths"][0]
    assert shortest["length"] == 2 and shortest["nodes"][0]["id"] == "p-qiangd"
    assert shortest["nodes"][-1]["id"] == "p-zhoumy" and "钱国栋" in shortest["text"]
    one = client.get("/actors/p-qiangd/paths/p-zhoumy", params={"limit": 1, "max_hops": 1},
                     headers=READER).json()
    assert one["paths"] == []
    assert_error(client.get("/actors/p-qiangd/paths/p-nobody", headers=READER),
                 404, "not_found")


def test_repeat_interveners(client: TestClient) -> None:
    # p-qinhai's third (i038, R2 第九条第（五）项 其他影响…的行为) is left undetermined by the
    # engine: whether pressure "影响司法人员依法公正处理案件" is a reviewer's call, so he is
    # counted twice, not three times; p-luozg's i007 and i020 name a cadre and no conduct the
    # extractor reads (undetermined since session 6), so he is counted once.
    twice = client.get("/actors/repeat-interveners", params={"minimum": 2},
                       headers=READER).json()
    assert len(twice) >= 1 and all(r["count"] >= 2 for r in twice)
    assert "p-qinhai" in {r["actor"] for r in twice}
    assert "p-luozg" not in {r["actor"] for r in twice}
    assert "p-fanzc" not in {r["actor"] for r in twice}  # lawful guidance (R2 第四条) twice
    assert_error(client.get("/actors/repeat-interveners", params={"minimum": 0},
                            headers=READER), 422, "invalid_input")
