"""The two indexes related incidents are found by: a vector index over each incident's
embedding (cosine) and a full-text index over its jieba-segmented words.

``ensure_related_indexes`` creates both and may be called at every start: Neo4j's statements
say IF NOT EXISTS, and FalkorDB's "already indexed" answer is taken as done.
"""

from __future__ import annotations

import time

from core.errors import BackendError
from graph import queries
from graph.queries import Backend
from graph.store import GraphStore

#: The largest embedding this project would index (e5-large has 1,024 dimensions).
MAX_DIMENSION = 4096
SIMILARITY = "cosine"
_ALREADY = ("already indexed", "already exists")


def _vector_parameters(backend: Backend, dimension: int) -> dict[str, object]:
    if backend is Backend.FALKORDB:
        return {"dimension": dimension, "similarity": SIMILARITY}
    return {"index_config": {"vector.dimensions": dimension,
                             "vector.similarity_function": SIMILARITY}}


def _words_parameters(backend: Backend) -> dict[str, object]:
    if backend is Backend.FALKORDB:
        # The words come segmented and stop words dropped (liuhen/records/related.py), so the
        # index keeps every word it is given; its English stemming leaves Chinese untouched.
        return {"options": {"label": queries.related.INCIDENT_LABEL, "language": "english",
                            "stopwords": []},
                "attribute": queries.related.WORDS_PROPERTY}
    return {"index_config": {"fulltext.analyzer": "whitespace"}}


def _create(store: GraphStore, query: queries.Query, params: dict[str, object]) -> bool:
    """Run a DDL statement; False when the index was there already (FalkorDB says so)."""
    try:
        store.write(query, params)
    except BackendError as error:
        if any(text in str(error) or text in str(error.__cause__) for text in _ALREADY):
            return False
        raise
    return True


def ensure_related_indexes(store: GraphStore, dimension: int | None) -> list[str]:
    """Create the Incident vector index (``dimension`` floats, cosine; none when
    ``dimension`` is None) and full-text index on ``store`` unless they exist; the names of
    the statements that ran without finding the index there (on Neo4j, IF NOT EXISTS answers
    alike whether or not it was there).

    An existing vector index of another dimension is left as it is (FalkorDB keys indexes by
    property): a vector of the wrong length is then not indexed. Raises ValueError for a
    dimension outside 1..MAX_DIMENSION and BackendError when the store refuses.
    """
    backend = store.backend
    created = []
    if dimension is not None:  # None: no model yet, the full-text index only
        if isinstance(dimension, bool) or not isinstance(dimension, int) \
                or not 1 <= dimension <= MAX_DIMENSION:
            raise ValueError(
                f"an embedding dimension is 1..{MAX_DIMENSION}, not {dimension!r}")
        vector = queries.vector_index_statement(backend)
        if _create(store, vector, _vector_parameters(backend, dimension)):
            created.append(vector.name)
    words = queries.words_index_statement(backend)
    if _create(store, words, _words_parameters(backend)):
        created.append(words.name)
    if created and backend is Backend.FALKORDB:
        _wait_until_operational(store)
    return created


#: How long a new index may stay under construction before the creator gives up waiting.
INDEX_BUILD_TIMEOUT_S = 30.0


def _wait_until_operational(store: GraphStore) -> None:
    """FalkorDB builds a new index in the background; an incident written meanwhile may be
    missed by it (seen under load in CI: a full-text query found nothing), so wait."""
    deadline = time.monotonic() + INDEX_BUILD_TIMEOUT_S
    while time.monotonic() < deadline:
        rows = store.read(queries.related.FALKORDB_INDEX_STATUS, {"label": "Incident"})
        if rows and all(row["status"] == "OPERATIONAL" for row in rows):
            return
        time.sleep(0.02)
    raise BackendError("the Incident indexes were still under construction after "
                       f"{INDEX_BUILD_TIMEOUT_S:.0f} s")
