"""The regulation routes, each answered from the loaded seed regulations; public by default,
not found names what was asked."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tests.api.conftest import READER, assert_error
from tests.conftest import R1, R2, R3

CIVIL_SERVANTS = "行政机关公务员处分条例"
PARTY_DISCIPLINE = "中国共产党纪律处分条例"


def test_list_regulations(client: TestClient) -> None:
    response = client.get("/regulations")
    assert response.status_code == 200
    titles = {r["title"] for r in response.json()}
    assert {R1, R2, R3, CIVIL_SERVANTS} <= titles
    page = client.get("/regulations", params={"limit": 1, "offset": 1}).json()
    assert len(page) == 1
    cited = client.get("/regulations", params={"include_cited": True, "limit": 1000}).json()
    assert PARTY_DISCIPLINE in {r["title"] for r in cited} - titles


@pytest.mark.parametrize("name", ["R1", R1, "领导干部干预司法活动"])
def test_get_regulation_by_any_name(client: TestClient, name: str) -> None:
    found = client.get(f"/regulations/{name}").json()
    assert found["title"] == R1 and found["aliases"] == ["R1"] and found["article_count"] > 10


def test_unknown_regulation_names_it(client: TestClient) -> None:
    error = assert_error(client.get("/regulations/不存在的规定"), 404, "not_found")
    assert "不存在的规定" in error["message"]


def test_table_of_contents(client: TestClient) -> None:
    toc = client.get(f"/regulations/{CIVIL_SERVANTS}/toc").json()
    assert toc["regulation"]["title"] == CIVIL_SERVANTS
    assert toc["headings"] and toc["headings"][0]["title"].startswith("第一章")
    flat = client.get("/regulations/R1/toc").json()
    assert [a["label"] for a in flat["articles"]][:2] == ["第一条", "第二条"]


def test_article_with_paragraphs_items_and_links(client: TestClient) -> None:
    article = client.get("/regulations/R1/articles/第八条").json()
    assert article["label"] == "第八条" and article["regulation_title"] == R1
    items = article["paragraphs"][0]["items"]
    assert [i["number"] for i in items] == [1, 2, 3, 4, 5]
    assert items[0]["text"].startswith("在线索核查")
    assert (article["previous"], article["next"]) == ("7", "9")
    with_refs = client.get("/regulations/R1/articles/9").json()
    assert any(r["target_label"] == "第八条" for r in with_refs["references"])
    with_definition = client.get("/regulations/R3/articles/14").json()
    assert {d["term"] for d in with_definition["definitions"]} >= {"司法人员", "特殊关系人"}
    with_duty = client.get("/regulations/R3/articles/7").json()
    assert any(d["deadline"] == "三日内" for d in with_duty["duties"])


def test_article_citations_out_and_in(client: TestClient) -> None:
    out = client.get("/regulations/R3/articles/11/citations").json()
    assert PARTY_DISCIPLINE in {c["target_title"] for c in out["cites"]}
    into = client.get("/regulations/R1/articles/8/citations").json()
    assert [(r["article_label"], r["text"]) for r in into["references"]] == \
        [("第九条", "本规定第八条")]


def test_unknown_article_names_regulation_and_article(client: TestClient) -> None:
    for url in ("/regulations/R1/articles/99", "/regulations/R1/articles/99/citations",
                "/regulations/R1/articles/99/neighbourhood"):
        error = assert_error(client.get(url), 404, "not_found")
        assert "第九十九条" in error["message"] and R1 in error["message"]


def test_malformed_article_number_is_invalid_input(client: TestClient) -> None:
    error = assert_error(client.get("/regulations/R1/articles/八十八x"), 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == "path.article"
    for impossible in ("第零条", "100000"):  # numbers no article can have: not found
        assert_error(client.get(f"/regulations/R1/articles/{impossible}"), 404, "not_found")


def test_cited_by(client: TestClient) -> None:
    cited = client.get(f"/regulations/{PARTY_DISCIPLINE}/cited-by").json()
    assert cited["has_text"] is False
    assert {c["regulation_title"] for c in cited["citing"]} >= {R1, R2, R3}


def test_definitions(client: TestClient) -> None:
    in_r3 = client.get("/regulations/R3/definitions").json()
    assert {"司法人员", "特殊关系人", "中介组织"} <= {d["term"] for d in in_r3}
    one = client.get("/definitions", params={"term": "司法人员"}).json()
    assert [d["regulation_title"] for d in one] == [R3]
    assert client.get("/definitions", params={"limit": 2}).json().__len__() == 2
    assert_error(client.get("/definitions", params={"term": "外星人"}), 404, "not_found")


def test_duties_of_a_role(client: TestClient) -> None:
    duties = client.get("/roles/司法人员/duties").json()
    assert any(d["deadline"] == "三日内" and d["article_label"] == "第七条" for d in duties)
    assert_error(client.get("/roles/宇航员/duties"), 404, "not_found")


def test_neighbourhood(client: TestClient) -> None:
    graph = client.get("/regulations/R1/articles/8/neighbourhood",
                       params={"hops": 1, "max_nodes": 50}).json()
    assert graph["center"]["label"] == "Article"
    assert {"Regulation", "Paragraph"} <= {n["label"] for n in graph["nodes"]}
    small = client.get("/regulations/R1/articles/8/neighbourhood",
                       params={"hops": 3, "max_nodes": 3}).json()
    assert len(small["nodes"]) == 3 and small["truncated"] is True
    assert_error(client.get("/regulations/R1/articles/8/neighbourhood", params={"hops": 9}),
                 422, "invalid_input")


def test_private_when_public_read_is_off(tmp_path_factory: pytest.TempPathFactory) -> None:
    """public_read off: the regulation routes need a key too (reader is enough)."""
    from tests.api.conftest import loaded_app

    app = loaded_app(tmp_path_factory.mktemp("private"), public_read=False)
    with TestClient(app) as private:
        assert_error(private.get("/regulations/R1"), 401, "unauthorized")
        assert private.get("/regulations/R1", headers=READER).status_code == 200
        operation = private.get("/openapi.json").json()["paths"]["/regulations/{regulation}"]
        assert operation["get"]["security"] == [{"APIKeyHeader": []}]
