"""The whole LawRefBook corpus into the embedded FalkorDB (slow: ~10 s parse + ~25 s load)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.falkordb_store import FalkorDBStore
from graph.loader import write_regulations
from graph.schema import Label
from ingest.combine import combine_duplicates
from ingest.corpus import read_corpus
from ingest.models import Regulation
from liuhen.regulations.service import RegulationsService
from tests.conftest import LAWREFBOOK, need
from tests.graph.contract import counts, expected_counts

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus() -> tuple[Regulation, ...]:
    report = read_corpus(need(LAWREFBOOK))
    assert report.errors == []
    regulations, _ = combine_duplicates(report.regulations)
    return tuple(regulations)


@pytest.fixture(scope="module")
def loaded(
    tmp_path_factory: pytest.TempPathFactory, corpus: tuple[Regulation, ...]
) -> Iterator[FalkorDBStore]:
    store = FalkorDBStore.embedded(Path(tmp_path_factory.mktemp("corpus")))
    store.ensure_schema()
    write_regulations(store, corpus)
    yield store
    store.close()


def test_every_node_and_relationship_is_there(
    loaded: FalkorDBStore, corpus: tuple[Regulation, ...]
) -> None:
    found = counts(loaded)
    for key, value in expected_counts(corpus).items():
        assert found[key] == value, key
    texted = len(corpus)
    cited_only = {c.normalized_title for r in corpus for a in r.articles for c in a.citations}
    cited_only -= {r.normalized_title for r in corpus}
    assert found[Label.REGULATION] == texted + len(cited_only)


def test_second_load_writes_nothing(
    loaded: FalkorDBStore, corpus: tuple[Regulation, ...]
) -> None:
    before = counts(loaded)
    report = write_regulations(loaded, corpus)
    assert report.written == [] and len(report.unchanged) == len(corpus)
    assert counts(loaded) == before


def test_lookups_over_the_corpus(loaded: FalkorDBStore) -> None:
    last = RegulationsService(loaded).get_article("民法典", "1260")
    assert last.headings[0] == "附则"
    criminal = RegulationsService(loaded).get_article("刑法", "20")
    assert criminal.regulation_title == "中华人民共和国刑法"
    cited = RegulationsService(loaded).citations_into("中华人民共和国民事诉讼法")
    assert cited.has_text and len(cited.citing) > 50
    toc = RegulationsService(loaded).table_of_contents("民法典")
    assert [h.title for h in toc.headings][:2] == ["总则", "物权编"]
    sub = RegulationsService(loaded).neighbourhood("民法典", "1", hops=3, max_nodes=500)
    assert len(sub.nodes) == 500 and sub.truncated
