"""The related-incidents indexes on the embedded FalkorDB: created once (idempotent), the
vector index answering nearest incidents, the full-text index answering words, and query
text built from words that cannot change the query's meaning."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import queries
from graph.falkordb_store import FalkorDBStore
from graph.queries import Backend, Query
from graph.related_index import ensure_related_indexes

DIMENSION = 4
_CREATE = Query(
    "test_create_incidents",
    "UNWIND $rows AS row CREATE (:Incident {id: row.id})",
    ("rows",), readonly=False,
)
_CORRECT = Query(
    "test_correct_incident",
    "MATCH (new:Incident {id: $new_id}), (old:Incident {id: $old_id}) "
    "CREATE (new)-[:CORRECTS]->(old)",
    ("new_id", "old_id"), readonly=False,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    opened = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="related_index_test")
    opened.ensure_schema()
    try:
        yield opened
    finally:
        opened.close()


def _indexes(store: FalkorDBStore) -> dict[str, list[str]]:
    rows = store.read_only_query(
        "CALL db.indexes() YIELD label, types RETURN label, types")
    found = next((row["types"] for row in rows if row["label"] == "Incident"), {})
    return {name: list(kinds) for name, kinds in found.items()}


def _incidents(store: FalkorDBStore, rows: list[tuple[str, list[float], str]]) -> None:
    store.write(_CREATE, {"rows": [{"id": incident_id} for incident_id, _, _ in rows]})
    store.write(queries.set_vectors_statement(Backend.FALKORDB), {"rows": [
        {"id": incident_id, "vector": vector, "words": words}
        for incident_id, vector, words in rows]})


def _words(store: FalkorDBStore, words: list[str], excluded: list[str] | None = None) -> list[str]:
    text = queries.words_query(Backend.FALKORDB, words)
    rows = store.read(queries.by_words_statement(Backend.FALKORDB),
                      queries.index_parameters(Backend.FALKORDB, vector=False)
                      | {"query": text, "k": 10, "excluded": excluded or []})
    return [row["id"] for row in rows]


def test_indexes_are_created_once(store: FalkorDBStore) -> None:
    created = ensure_related_indexes(store, DIMENSION)
    assert created == ["related_falkordb_create_vector_index",
                       "related_falkordb_create_words_index"]
    assert _indexes(store)["embedding"] == ["VECTOR"]
    assert _indexes(store)["words"] == ["FULLTEXT"]
    assert ensure_related_indexes(store, DIMENSION) == []


@pytest.mark.parametrize("dimension", [0, -3, 4097, True, 2.5])
def test_a_dimension_out_of_range_is_refused(store: FalkorDBStore, dimension: object) -> None:
    with pytest.raises(ValueError, match="dimension"):
        ensure_related_indexes(store, dimension)  # type: ignore[arg-type]
    assert "embedding" not in _indexes(store)


def test_nearest_current_incidents_come_first(store: FalkorDBStore) -> None:
    ensure_related_indexes(store, DIMENSION)
    _incidents(store, [("a", [1, 0, 0, 0], "法官"), ("b", [0.9, 0.1, 0, 0], "法官"),
                       ("c", [0, 1, 0, 0], "律师"), ("d", [0.95, 0.05, 0, 0], "法官"),
                       ("d2", [0, 0, 1, 0], "法官")])
    store.write(_CORRECT, {"new_id": "d2", "old_id": "d"})  # d is superseded by d2
    rows = store.read(queries.by_vector_statement(Backend.FALKORDB),
                      queries.index_parameters(Backend.FALKORDB, vector=True)
                      | {"k": 5, "vector": [1.0, 0.0, 0.0, 0.0], "excluded": ["a"]})
    assert rows[0]["id"] == "b"
    assert "a" not in [row["id"] for row in rows]  # excluded: the asked incident
    assert "d" not in [row["id"] for row in rows]  # superseded
    assert rows[0]["similarity"] == pytest.approx(0.9 / (0.9**2 + 0.1**2) ** 0.5, abs=1e-4)


def test_words_find_incidents_sharing_them(store: FalkorDBStore) -> None:
    ensure_related_indexes(store, DIMENSION)
    _incidents(store, [("a", [1, 0, 0, 0], "法官 会见 律师"), ("b", [0, 1, 0, 0], "律师 宴请"),
                       ("c", [0, 0, 1, 0], "领导 干部 过问")])
    assert _words(store, ["律师"]) == ["a", "b"]
    assert _words(store, ["会见", "律师"], excluded=["b"]) == ["a"]
    assert _words(store, ["干部"]) == ["c"]


@pytest.mark.parametrize("word", ['-律师', '律师"|"领导', "律师*", "@words:律师", "律师\\",
                                  "(律师)", "~律师", "律师|", "'律师'"])
def test_query_syntax_in_a_word_is_only_text(store: FalkorDBStore, word: str) -> None:
    ensure_related_indexes(store, DIMENSION)
    _incidents(store, [("a", [1, 0, 0, 0], "法官 律师"), ("b", [0, 1, 0, 0], "律师"),
                       ("c", [0, 0, 1, 0], "领导")])
    # Whatever the word holds, the query is quoted plain terms: it runs, never negates
    # (-律师 would exclude a and b) and never reaches another field or wildcard.
    found = set(_words(store, ["法官", word]))
    assert {"a", "b"} <= found
    assert "c" not in found or "领导" in word


def test_words_query_text_per_backend() -> None:
    assert queries.words_query(Backend.FALKORDB, ["法官", "律师", "法官"]) == '"法官"|"律师"'
    assert queries.words_query(Backend.NEO4J, ["法官", "a-b"]) == '"法官" OR "a" OR "b"'
    assert queries.words_query(Backend.FALKORDB, ["*", '"', "|", "-"]) == ""
    many = [f"w{n}" for n in range(100)]
    assert queries.words_query(Backend.FALKORDB, many).count("|") == \
        queries.related.MAX_QUERY_WORDS - 1


def test_every_related_statement_is_linted() -> None:
    # The statement lint (tests/graph/test_queries.py) checks what all_statements() yields.
    listed = {q.name for q in queries.all_statements()}
    assert {q.name for q in queries.related.related_statements()} <= listed
    neo4j = {q.name for q in queries.related.related_statements()
             if Backend.NEO4J in q.backends}
    assert {"related_neo4j_create_vector_index", "related_neo4j_by_vector",
            "related_neo4j_by_words", "related_target"} <= neo4j
