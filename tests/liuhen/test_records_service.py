"""The records service over a fresh embedded store, as the CLI and the API call it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.errors import NotFoundError
from core.settings import Settings
from liuhen.records.service import RecordsService, classification_accuracy
from liuhen.records.views import RouteView


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RecordsService]:
    """A store of its own, loaded once with the example records; the tests only read it
    (ingesting the same files again writes nothing)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened


def test_ingest_again_is_a_no_op(service: RecordsService):
    result = service.ingest([service.settings.example_dir])
    assert result.counts["incidents"] == 0 and result.counts["unchanged"] > 300


def test_verify(service: RecordsService):
    assert service.verify().ok is True


def test_articles_route_and_related(service: RecordsService):
    articles = service.applicable_articles("i012", top=3)
    assert articles.articles[0].key == "R1-8-3" and articles.verdict == "violation"
    assert articles.articles[0].text.startswith("授意、纵容身边工作人员")
    found = service.reporting_route("i012")
    assert found.articles_from == "assessed"
    assert any(h.basis.label == "R1 第七条第二款" and h.recipient.organ == "bl-dw"
               for h in found.hops)
    # What the CLI prints with --json and the API sends reads back as the same route.
    assert RouteView.model_validate_json(found.model_dump_json(by_alias=True)) == found
    assert service.related("i001", top=1).related[0].incident == "i012"


def test_people(service: RecordsService):
    assert service.actor_paths("p-qiangd", "p-zhoumy").paths
    assert service.actor_incidents("p-jiangym").incidents
    repeat = service.repeat_interveners(minimum=2)
    assert repeat and all(r.count >= 2 for r in repeat)


def test_quarterly_report_with_chart(service: RecordsService):
    report = service.quarterly("2026Q3", organ="bl-al-fy")
    assert report.count == 7
    assert [s.regulation for s in report.sections] == ["R1", "R3"]
    assert service.quarterly_chart("2026Q3", organ="bl-al-fy").startswith(b"\x89PNG")


def test_quarterly_report_checks_the_organ(service: RecordsService):
    with pytest.raises(NotFoundError, match="no organ"):
        service.quarterly("2026Q3", organ="no-such-organ")


def test_unknown_incident(service: RecordsService):
    with pytest.raises(NotFoundError):
        service.reporting_route("nope")


def test_accuracy_command():
    result = classification_accuracy(Settings())
    assert result.incidents >= 60 and result.top1_article >= 0.75

