"""The Typer-free commands over a fresh embedded store, as the CLI and the API call them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from liuhen import incident_commands as commands
from liuhen.errors import NotFoundError
from liuhen.settings import Settings


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    made = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    commands.ingest_records([commands.EXAMPLE_DIR], settings=made)
    return made


def test_ingest_again_is_a_no_op(settings: Settings):
    result = commands.ingest_records([commands.EXAMPLE_DIR], settings=settings)
    assert result["counts"]["incidents"] == 0 and result["counts"]["unchanged"] > 300


def test_verify(settings: Settings):
    assert commands.verify_records(settings=settings)["ok"] is True


def test_articles_route_and_related(settings: Settings):
    articles = commands.applicable_articles("i012", top=3, settings=settings)
    assert articles["articles"][0]["key"] == "R1-8-3"
    found = commands.reporting_route("i012", settings=settings)
    assert found["articles_from"] == "expected"
    assert any(h["basis"]["label"] == "R1 第七条第二款" and h["to"]["organ"] == "bl-dw"
               for h in found["hops"])
    json.dumps(found, ensure_ascii=False)  # JSON-ready
    assert commands.related("i001", top=1, settings=settings)["related"][0]["incident"] == \
        "i012"


def test_people(settings: Settings):
    assert commands.trace_actors("p-qiangd", "p-zhoumy", settings=settings)["paths"]
    assert commands.actor_incidents("p-jiangym", settings=settings)["incidents"]
    repeat = commands.repeat_interveners_report(minimum=3, settings=settings)
    assert len(repeat["interveners"]) == 3


def test_quarterly_report_with_chart(settings: Settings, tmp_path: Path):
    report = commands.quarterly_report("2026Q3", organ="bl-al-fy", chart=tmp_path / "c.png",
                                       settings=settings)
    assert report["count"] == 7 and Path(report["chart"]["path"]).exists()


def test_unknown_incident(settings: Settings):
    with pytest.raises(NotFoundError):
        commands.reporting_route("nope", settings=settings)


def test_accuracy_command():
    result = commands.classification_accuracy(settings=Settings())
    assert result["incidents"] >= 60 and result["top1_article"] >= 0.85
