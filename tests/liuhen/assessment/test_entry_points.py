"""The entry points: POST /assess (one error shape), ``liuhen assess`` (text, --json,
--batch) and ``liuhen eval-assess``; bad input names file:line or field."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from api.errors import install_error_handlers
from api.routes import assess as assess_route
from core.errors import InputError
from core.settings import Settings
from liuhen.assess_commands import _assessor, batch_command, eval_assess_command
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import BatchLine, GoldDuty, duty_key, read_lines
from tests.conftest import REGULATIONS_DIR


@pytest.fixture(scope="module")
def client(assessor: Assessor) -> Iterator[TestClient]:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(assess_route.router)
    app.dependency_overrides[assess_route.get_assessor] = lambda: assessor
    app.state.settings = Settings(regulations_dir=REGULATIONS_DIR)
    with TestClient(app) as test_client:
        yield test_client


def test_post_assess_answers_in_the_assessment_shape(client: TestClient) -> None:
    response = client.post("/assess", json={
        "query": "县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["verdict"] == "violation"
    assert (body["provisions"][0]["alias"], body["provisions"][0]["article"],
            body["provisions"][0]["item"]) == ("R1", 8, 1)
    assert {d["basis"]["alias"] + "-" + str(d["basis"]["article"])
            for d in body["duties"]} >= {"R1-5", "R1-7", "R1-8", "R1-11"}


def test_given_facts_override_the_words(client: TestClient) -> None:
    query = "侦查员约被害人的父亲在茶馆见面谈案子"
    unknown = client.post("/assess", json={"query": query}).json()
    approved = client.post("/assess", json={"query": query,
                                            "facts": {"approved": True}}).json()
    assert unknown["verdict"] == "undetermined" and "是否经批准" in unknown["missing_facts"]
    assert approved["verdict"] == "lawful"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        pytest.param({"query": ""}, "body.query", id="empty"),
        pytest.param({"query": "法" * 2001}, "body.query", id="too-long"),
        pytest.param({"query": "法官", "facts": {"approved": "maybe"}}, "body.facts.approved",
                     id="bad-fact"),
        pytest.param({"query": "法官", "facts": {"colour": 1}}, "body.facts.colour",
                     id="unknown-fact"),
        pytest.param({"query": "法官", "top": 3}, "body.top", id="unknown-key"),
    ],
)
def test_bad_input_gets_the_one_error_shape(client: TestClient, body: dict[str, object],
                                             field: str) -> None:
    response = client.post("/assess", json=body)
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "invalid_input"
    assert error["details"]["errors"][0]["field"] == field


@pytest.mark.parametrize(
    ("content", "message"),
    [
        pytest.param('{"id": "a", "query": "法官收了红包"}\nnot json\n', ":2: not JSON",
                     id="not-json"),
        pytest.param('{"id": "a"}\n', ":1, field 'query'", id="no-query"),
        pytest.param('{"id": "a", "query": "' + "法" * 25000 + '"}\n', ":1: line longer",
                     id="too-long"),
        pytest.param('{"id": "a", "query": "x"}\n{"id": "a", "query": "y"}\n',
                     ":2, field 'id': id 'a' repeated", id="repeated-id"),
        pytest.param("[1, 2]\n", ":1: a line must be a JSON object", id="not-object"),
    ],
)
def test_batch_lines_are_checked_with_file_and_line(tmp_path: Path, content: str,
                                                    message: str) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(content, "utf-8")
    with pytest.raises(InputError) as caught:
        read_lines(path, BatchLine)
    assert f"{path}{message}" in caught.value.message


def test_batch_prints_one_assessment_per_line_with_its_id(
        tmp_path: Path, assessor: Assessor, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "x1", "query": "法官收下了律师送的购物卡",
                                "gold": "ignored"}, ensure_ascii=False) + "\n"
                    + json.dumps({"id": "x2", "query": "法官在办公室接待了律师"},
                                 ensure_ascii=False) + "\n", "utf-8")
    settings = Settings(regulations_dir=REGULATIONS_DIR, data_dir=tmp_path, model="none")
    lines = [json.loads(line) for line in batch_command(path, settings=settings)]
    assert [line["id"] for line in lines] == ["x1", "x2"]
    assert lines[0]["verdict"] == "violation" and lines[1]["verdict"] == "lawful"
    _assessor.cache_clear()


def test_eval_assess_reports_every_figure(tmp_path: Path) -> None:
    r3 = "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定"
    path = tmp_path / "situations.jsonl"
    path.write_text(json.dumps({
        "id": "t1", "query": "法官收下了律师送的购物卡",
        "gold": [{"regulation": r3, "article": 5, "item": 3}], "lawful": False,
        "duties": [{"who": None, "what": "按程序报经批准后予以通报", "to": None,
                    "deadline": None, "basis": "R3-11"}], "liability": ["R3-11"]},
        ensure_ascii=False) + "\n", "utf-8")
    settings = Settings(regulations_dir=REGULATIONS_DIR, data_dir=tmp_path, model="none")
    figures = json.loads(eval_assess_command(path, True, settings=settings))
    assert figures["top1_article"] == 1.0 and figures["verdict_accuracy"] == 1.0
    assert figures["duty_recall"] == 1.0 and figures["duty_precision"] < 1.0
    assert figures["quote_coverage"] == 1.0
    _assessor.cache_clear()


def test_item_accuracy_is_also_given_over_the_situations_whose_first_gold_is_an_item(
        tmp_path: Path) -> None:
    r1 = "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定"
    r3 = "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定"
    lines = [
        {"id": "t1", "query": "法官收下了律师送的购物卡", "lawful": False,
         "gold": [{"regulation": r3, "article": 5, "item": 3}]},
        # the most fitting answer an article (R1 第三条), an item only the alternative
        {"id": "t2", "query": "市委政法委组织营商环境研讨会，讲的都是执行难的共性问题，"
                              "会上没有人提具体案子。", "lawful": True,
         "gold": [{"regulation": r1, "article": 3},
                  {"regulation": r1, "article": 8, "item": 5}]},
    ]
    path = tmp_path / "situations.jsonl"
    path.write_text("".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines),
                    "utf-8")
    settings = Settings(regulations_dir=REGULATIONS_DIR, data_dir=tmp_path, model="none")
    figures = json.loads(eval_assess_command(path, True, settings=settings))
    assert figures["top1_article"] == 1.0
    assert figures["item_situations"] == 2 and figures["item_accuracy"] == 0.5
    assert figures["first_gold_item_situations"] == 1
    assert figures["item_accuracy_first_gold_item"] == 1.0
    _assessor.cache_clear()


def test_eval_assess_names_an_unknown_gold_article(tmp_path: Path) -> None:
    path = tmp_path / "situations.jsonl"
    path.write_text(json.dumps({"id": "t1", "query": "法官收下了购物卡",
                                "gold": [{"regulation": "R3", "article": 99}],
                                "lawful": False}) + "\n", "utf-8")
    settings = Settings(regulations_dir=REGULATIONS_DIR, data_dir=tmp_path, model="none")
    with pytest.raises(InputError, match="R3 has no article 99"):
        eval_assess_command(path, settings=settings)
    _assessor.cache_clear()


def test_a_duty_basis_may_name_its_item_in_either_form() -> None:
    # GUIDE's "R2-8 (item 2)" and article-paragraph-item "R2-8-1-2" are the same route, R2-8
    for basis in ("R2-8", "R2-8 (item 2)", "R2-8-1-2"):
        duty = GoldDuty(basis=basis, who="纪检监察部门", to="本机关纪检监察部门")
        assert duty_key(duty.basis, duty.to, duty.deadline)[0] == "R2-8", basis
    with pytest.raises(ValueError):
        GoldDuty(basis="R2-8-1-2-3", who="纪检监察部门")
