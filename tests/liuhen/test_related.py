"""Related incidents from the store's indexes (liuhen/records/related.py) over the example
records on the embedded FalkorDB, indexed with the real e5-small and jieba."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import InputError, NotFoundError
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.records import ingest_files, read_record_set
from graph.related_index import ensure_related_indexes
from ingest.library import RegulationLibrary
from ingest.records import RecordSet
from liuhen.records.analysis import related_incidents as in_memory_related
from liuhen.records.related import (
    incident_text,
    incident_words,
    index_incident,
    index_incidents,
    passage_embed,
    related_incidents,
)
from search.embeddings import SentenceTransformerEmbedder, load_embedder
from search.model_convert import E5_SMALL
from tests.conftest import EXAMPLE

_SET_PROVISIONS = Query(
    "test_set_provisions",
    "MATCH (i:Incident {id: $incident_id}) SET i.provisions = $provisions",
    ("incident_id", "provisions"), readonly=False,
)


@pytest.fixture(scope="module")
def e5() -> SentenceTransformerEmbedder:
    return load_embedder(E5_SMALL)


@pytest.fixture(scope="module")
def indexed(
    tmp_path_factory: pytest.TempPathFactory, library: RegulationLibrary,
    e5: SentenceTransformerEmbedder,
) -> Iterator[tuple[FalkorDBStore, RecordSet]]:
    """The example records, every incident indexed (vector and words). Read only: tests
    that write use their own store."""
    seeds = {alias: library.find(alias) for alias in ("R1", "R2", "R3")}
    store = FalkorDBStore.embedded(tmp_path_factory.mktemp("related") / "fdb",
                                   graph_name="related_test")
    store.ensure_schema()
    ingest_files(store, [EXAMPLE], regulations=seeds)
    ensure_related_indexes(store, e5.dimension)
    records = read_record_set(store)
    incidents = list(records.incidents.values())
    vectors = e5.embed_passages([incident_text(i) for i in incidents])
    assert index_incidents(store, [(i.id, incident_text(i), v)
                                   for i, v in zip(incidents, vectors, strict=True)]) == 71
    try:
        yield store, records
    finally:
        store.close()


@pytest.fixture
def fresh(tmp_path: Path, library: RegulationLibrary) -> Iterator[FalkorDBStore]:
    """The example records, nothing indexed yet."""
    seeds = {alias: library.find(alias) for alias in ("R1", "R2", "R3")}
    store = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="related_fresh")
    store.ensure_schema()
    ingest_files(store, [EXAMPLE], regulations=seeds)
    ensure_related_indexes(store, 384)
    try:
        yield store
    finally:
        store.close()


def test_incident_words_are_segmented_without_stop_words_or_punctuation() -> None:
    words = incident_words("法官私下会见当事人的律师！并且，收受了财物。").split(" ")
    assert {"法官", "会见", "当事人", "律师", "财物"} <= set(words)
    assert "的" not in words and "！" not in words and "，" not in words
    assert len(words) == len(set(words))
    assert incident_words("！？。") == ""


def test_related_answers_similar_current_incidents(indexed) -> None:
    store, records = indexed
    answer = related_incidents(store, "i001", top=5)
    assert answer.incident == "i001"
    assert len(answer.related) == 5
    ids = [r.incident for r in answer.related]
    assert "i001" not in ids and len(set(ids)) == 5
    assert [r.score for r in answer.related] == sorted((r.score for r in answer.related),
                                                        reverse=True)
    for found in answer.related:
        assert found.reasons
        assert found.request == records.incidents[found.incident].request
        assert found.occurred_at == records.incidents[found.incident].occurred_at


def test_the_same_intervener_is_a_reason(indexed) -> None:
    store, records = indexed
    target = records.incidents["i001"]
    same = {i.id for i in records.current_incidents()
            if i.id != "i001" and target.intervener in {i.intervener, i.instigator}}
    assert same, "the example has another incident of i001's intervener"
    answer = related_incidents(store, "i001", top=10)
    flagged = {r.incident for r in answer.related if "same intervener" in r.reasons}
    assert flagged and flagged <= same


def test_versions_and_superseded_incidents_are_left_out(indexed) -> None:
    store, _ = indexed
    for asked in ("i047", "i047-v2"):
        ids = {r.incident for r in related_incidents(store, asked, top=50).related}
        assert not ids & {"i047", "i047-v2"}
    ids = {r.incident for r in related_incidents(store, "i001", top=50).related}
    assert "i047" not in ids  # superseded by i047-v2


def test_top_and_unknown_incidents_are_refused(indexed) -> None:
    store, _ = indexed
    with pytest.raises(NotFoundError):
        related_incidents(store, "i999", top=5)
    for top in (0, 51):
        with pytest.raises(InputError):
            related_incidents(store, "i001", top=top)


def test_answers_mostly_agree_with_the_in_memory_ranking(indexed) -> None:
    # Not the same scores (vector plus full text instead of BM25), but mostly the same
    # neighbours (0.70 over all 70 when measured; bench/related_bench.py). The store holds
    # no provisions here, so the in-memory answer is asked without articles too.
    store, records = indexed
    no_articles: dict[str, tuple[str, ...]] = {i: () for i in records.incidents}
    overlaps = []
    for incident in sorted(records.current_incidents(), key=lambda i: i.id)[::3]:
        before = {r.incident for r in in_memory_related(records, incident.id, top=5,
                                                         articles=no_articles)}
        after = {r.incident for r in related_incidents(store, incident.id, top=5).related}
        overlaps.append(len(before & after) / 5)
    assert sum(overlaps) / len(overlaps) >= 0.6


def test_index_incident_then_stored_provisions_count(
    fresh: FalkorDBStore, e5: SentenceTransformerEmbedder,
) -> None:
    records = read_record_set(fresh)
    embed = passage_embed(e5)
    for incident_id in ("i001", "i002", "i003", "i012", "i023", "i025", "i040"):
        index_incident(fresh, incident_id, incident_text(records.incidents[incident_id]),
                       embed)
    before = related_incidents(fresh, "i001", top=50).related
    assert any(r.reasons[0].startswith("similar description") for r in before)
    assert not any(reason.startswith("same articles") for r in before for reason in r.reasons)
    other = next(r.incident for r in before if r.incident != "i001")
    for incident_id in ("i001", other):
        fresh.write(_SET_PROVISIONS, {"incident_id": incident_id,
                                      "provisions": ["R1:第八条", "R2:第九条"]})
    after = {r.incident: r for r in related_incidents(fresh, "i001", top=50).related}
    assert "same articles R1:第八条, R2:第九条" in after[other].reasons
    old_score = next(r.score for r in before if r.incident == other)
    assert after[other].score == pytest.approx(old_score + 0.5, abs=1e-3)


def test_words_only_when_no_embedder(fresh: FalkorDBStore) -> None:
    records = read_record_set(fresh)
    for incident in records.incidents.values():
        index_incident(fresh, incident.id, incident_text(incident), None)
    answer = related_incidents(fresh, "i001", top=10)
    reasons = [reason for r in answer.related for reason in r.reasons]
    assert any(reason.startswith("shared words") for reason in reasons)
    assert not any(reason.startswith("similar description") for reason in reasons)


def test_indexing_an_unknown_incident_is_refused(fresh: FalkorDBStore) -> None:
    with pytest.raises(NotFoundError):
        index_incident(fresh, "i999", "法官会见律师", None)
