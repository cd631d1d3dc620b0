"""Search and applicable articles over HTTP: the real BM25 path (mode=bm25 where the answer
matters; the dense stand-in knows nothing of meaning), regulation filters, bad queries."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from search.embeddings import HashEmbedder
from tests.api.conftest import api_settings, assert_error
from tests.conftest import R1, R2, R3


@pytest.mark.parametrize(
    ("query", "title", "location"),
    [
        pytest.param("在审查起诉、审判环节为当事人请托说情", R1, "第八条第一款第（一）项",
                     id="pleading"),
        pytest.param("法官接受律师请客送礼", R3, "第五条第一款第（三）项", id="gifts"),
    ],
)
def test_bm25_finds_the_item(client: TestClient, query: str, title: str, location: str) -> None:
    found = client.get("/search", params={"q": query, "mode": "bm25", "top": 3}).json()
    assert found["mode"] == "bm25" and found["regulations"] == []
    best = found["hits"][0]
    assert (best["regulation"], best["location"]) == (title, location)
    assert best["rank"] == 1 and best["bm25_rank"] == 1 and best["matched_terms"]


def test_hybrid_is_the_default(client: TestClient) -> None:
    found = client.get("/search", params={"q": "私下会见当事人", "top": 5}).json()
    assert found["mode"] == "hybrid" and 1 <= len(found["hits"]) <= 5
    assert [h["rank"] for h in found["hits"]] == list(range(1, len(found["hits"]) + 1))


def test_filter_by_regulation(client: TestClient) -> None:
    query = {"q": "私下会见当事人", "mode": "bm25", "top": 10}
    everywhere = client.get("/search", params=query).json()["hits"]
    assert {h["regulation"] for h in everywhere} >= {R1, R2}
    only_r2 = client.get("/search", params=query | {"regulation": "R2"}).json()
    assert only_r2["hits"] and {h["regulation"] for h in only_r2["hits"]} == {R2}
    assert [h["rank"] for h in only_r2["hits"]] == list(range(1, len(only_r2["hits"]) + 1))
    two = client.get("/search", params=query | {"regulation": ["R1", "R3"], "mode": "hybrid"})
    assert {h["regulation"] for h in two.json()["hits"]} <= {R1, R3}
    assert_error(client.get("/search", params=query | {"regulation": "不存在的规定"}),
                 404, "not_found")


@pytest.mark.parametrize(
    ("params", "field"),
    [
        pytest.param({"q": ""}, "query.q", id="empty"),
        pytest.param({}, "query.q", id="missing"),
        pytest.param({"q": "说情", "top": 0}, "query.top", id="top-zero"),
        pytest.param({"q": "说情", "mode": "psychic"}, "query.mode", id="mode"),
        pytest.param({"q": "x" * 2001}, "query.q", id="too-long"),
    ],
)
def test_bad_search_names_the_field(client: TestClient, params: dict[str, object],
                                    field: str) -> None:
    error = assert_error(client.get("/search", params=params), 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == field
    assert error["message"].startswith(field)


def test_blank_query_is_refused(client: TestClient) -> None:
    error = assert_error(client.get("/search", params={"q": "   "}), 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == "query.q"


def test_applicable_articles_for_a_situation(client: TestClient) -> None:
    cadre = client.post("/applicable", json={
        "text": "副县长给承办法官打电话，希望对被告人从轻处理，最好判缓刑",
        "intervener_kind": "领导干部", "channel": "电话", "top": 3,
    })
    assert cadre.status_code == 200
    assert cadre.json()[0]["key"] == "R1-8-1"
    assert cadre.json()[0]["status"] == "violation"
    assert cadre.json()[0]["reason"].startswith("violation; plead: ")  # the words typed
    assert cadre.json()[0]["text"].startswith("在线索核查、立案、侦查")
    lawyer = client.post("/applicable", json={
        "text": "案件代理律师在饭店宴请承办法官，席间送了两瓶茅台",
        "intervener_kind": "律师", "at_workplace": False,
    }).json()
    assert lawyer[0]["key"] == "R3-5-3" and len(lawyer) == 5
    # The engine, not a synonym: a formal letter from the 政法委 asking to learn about a case
    # is R1 第三条, lawful (the old classifier said R1-8(四)).
    letter = client.post("/applicable", json={
        "text": "县委政法委依照工作程序发函，了解案件办理情况，没有对案件处理提出意见",
        "channel": "组织发文"}).json()
    assert letter[0]["key"] == "R1-3" and letter[0]["status"] == "lawful"
    words_only = client.post("/applicable", json={"text": "退休老院长打听案件进展"}).json()
    assert words_only and all(a["regulation"] in {"R1", "R2", "R3"} for a in words_only)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({}, "body.text", id="missing"),
        pytest.param({"text": "说情", "intervener_kind": "外星人"}, "body.intervener_kind",
                     id="kind"),
        pytest.param({"text": "说情", "top": 99}, "body.top", id="top"),
        pytest.param({"text": "说情", "extra": 1}, "body.extra", id="unknown-field"),
    ],
)
def test_bad_situation_names_the_field(client: TestClient, body: dict[str, object],
                                       field: str) -> None:
    error = assert_error(client.post("/applicable", json=body), 422, "invalid_input")
    assert error["details"]["errors"][0]["field"] == field


def test_search_slots_bound_the_searches_computing_at_once(
    loaded_data: Path, tmp_path: Path,
) -> None:
    """LIUHEN_SEARCH_SLOTS=1: with the one slot taken, a search waits for it (on no CPU)
    and answers once it is free; unset, searches are not bounded."""
    shutil.copytree(loaded_data, tmp_path / "data")
    app = create_app(api_settings(tmp_path / "data", search_slots=1), embedder=HashEmbedder())
    with TestClient(app) as bounded:
        slots = bounded.app.state.services.search_slots  # type: ignore[attr-defined]
        assert slots is not None
        answers: list[Any] = []
        slots.acquire()
        try:
            waiting = threading.Thread(target=lambda: answers.append(
                bounded.get("/search", params={"q": "过问案件", "mode": "bm25"})))
            waiting.start()
            waiting.join(timeout=1.0)
            assert waiting.is_alive() and not answers
        finally:
            slots.release()
        waiting.join(timeout=120)
        assert answers and answers[0].status_code == 200
        assert answers[0].json()["hits"]


def test_searches_are_unbounded_by_default(client: TestClient) -> None:
    assert client.app.state.services.search_slots is None  # type: ignore[attr-defined]
