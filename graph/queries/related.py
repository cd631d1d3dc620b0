"""The related-incidents statements: the vector and full-text indexes over incidents (DDL,
writes and queries differ per backend) and the portable reads of incidents sharing people,
a case or an organ. Index names, labels and properties travel as parameters like any value
(the procedures take them as strings); the only numbers in the text are module constants.

An incident's vector sits on ``i.embedding`` (FalkorDB: a vecf32, Neo4j: a list of floats)
and its jieba-segmented words on ``i.words``, both written by liuhen/records/related.py.
Superseded incidents (another incident CORRECTS them) and the asked incident's own versions
are left out of every answer.
"""

from __future__ import annotations

import re

from graph.queries.base import Backend, Query, read_statement

#: The Incident property and index names (values of parameters, never formatted in).
EMBEDDING_PROPERTY = "embedding"
WORDS_PROPERTY = "words"
INCIDENT_LABEL = "Incident"
NEO4J_VECTOR_INDEX = "incident_embedding"
NEO4J_WORDS_INDEX = "incident_words"
#: Longest correction chain walked to find an incident's versions.
MAX_VERSIONS = 16

_FALKORDB = frozenset({Backend.FALKORDB})
_NEO4J = frozenset({Backend.NEO4J})
# Left out of every neighbour list: the incident's own versions, and superseded incidents.
# Neither a pattern predicate nor a filter on the matched incident before the WITH: FalkorDB
# plans NOT (node)<-[:CORRECTS]-() and NOT node.id IN $excluded as a scan of every Incident
# (a label scan) instead of following the index of the anchor (the case, organ or actor).
_CURRENT_OTHER = """
    OPTIONAL MATCH (node)<-[correction:CORRECTS]-(:Incident)
    WITH node, score, correction WHERE correction IS NULL AND NOT node.id IN $excluded
"""


def _statement(name: str, text: str, parameters: tuple[str, ...], *, readonly: bool,
               backends: frozenset[Backend]) -> Query:
    return Query(name, " ".join(text.split()), parameters, readonly=readonly,
                 backends=backends)


# --- DDL: one pair per backend -------------------------------------------------------------

FALKORDB_CREATE_VECTOR_INDEX = _statement(
    "related_falkordb_create_vector_index",
    """
    CREATE VECTOR INDEX FOR (i:Incident) ON (i.embedding)
    OPTIONS {dimension: $dimension, similarityFunction: $similarity}
    """,
    ("dimension", "similarity"), readonly=False, backends=_FALKORDB,
)
# $options: {label, language, stopwords}; the words are segmented by jieba already.
FALKORDB_CREATE_WORDS_INDEX = _statement(
    "related_falkordb_create_words_index",
    "CALL db.idx.fulltext.createNodeIndex($options, $attribute)",
    ("options", "attribute"), readonly=False, backends=_FALKORDB,
)
# FalkorDB builds an index in the background: writes made while it is "UNDER CONSTRUCTION"
# may be missed by it, so the creator waits for "OPERATIONAL".
FALKORDB_INDEX_STATUS = _statement(
    "related_falkordb_index_status",
    "CALL db.indexes() YIELD label, status WHERE label = $label RETURN status",
    ("label",), readonly=True, backends=_FALKORDB,
)
# $index_config: {`vector.dimensions`: n, `vector.similarity_function`: 'cosine'}.
NEO4J_CREATE_VECTOR_INDEX = _statement(
    "related_neo4j_create_vector_index",
    """
    CREATE VECTOR INDEX incident_embedding IF NOT EXISTS
    FOR (i:Incident) ON i.embedding OPTIONS {indexConfig: $index_config}
    """,
    ("index_config",), readonly=False, backends=_NEO4J,
)
# $index_config: {`fulltext.analyzer`: 'whitespace'} (the words are segmented already).
NEO4J_CREATE_WORDS_INDEX = _statement(
    "related_neo4j_create_words_index",
    """
    CREATE FULLTEXT INDEX incident_words IF NOT EXISTS
    FOR (i:Incident) ON EACH [i.words] OPTIONS {indexConfig: $index_config}
    """,
    ("index_config",), readonly=False, backends=_NEO4J,
)

# --- writes: the vector and the words of one incident --------------------------------------

FALKORDB_SET_INCIDENT_VECTOR = _statement(
    "related_falkordb_set_incident_vector",
    """
    MATCH (i:Incident {id: $incident_id})
    SET i.embedding = vecf32($vector), i.words = $words
    RETURN i.id AS id
    """,
    ("incident_id", "vector", "words"), readonly=False, backends=_FALKORDB,
)
NEO4J_SET_INCIDENT_VECTOR = _statement(
    "related_neo4j_set_incident_vector",
    """
    MATCH (i:Incident {id: $incident_id})
    SET i.embedding = $vector, i.words = $words
    RETURN i.id AS id
    """,
    ("incident_id", "vector", "words"), readonly=False, backends=_NEO4J,
)
# Many at once (a backfill of incidents recorded before the indexes, or a bulk load).
FALKORDB_SET_INCIDENT_VECTORS = _statement(
    "related_falkordb_set_incident_vectors",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    SET i.embedding = vecf32(row.vector), i.words = row.words
    RETURN count(i) AS written
    """,
    ("rows",), readonly=False, backends=_FALKORDB,
)
NEO4J_SET_INCIDENT_VECTORS = _statement(
    "related_neo4j_set_incident_vectors",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    SET i.embedding = row.vector, i.words = row.words
    RETURN count(i) AS written
    """,
    ("rows",), readonly=False, backends=_NEO4J,
)
SET_INCIDENT_WORDS = _statement(
    "related_set_incident_words",
    "MATCH (i:Incident {id: $incident_id}) SET i.words = $words RETURN i.id AS id",
    ("incident_id", "words"), readonly=False, backends=frozenset(Backend),
)

# --- reads: the asked incident, then its neighbours by each index ---------------------------

RELATED_TARGET = read_statement(
    "related_target",
    f"""
    MATCH (t:Incident {{id: $incident_id}})
    OPTIONAL MATCH (t)-[:CORRECTS*1..{MAX_VERSIONS}]-(v:Incident)
    WITH t, collect(DISTINCT v.id) AS versions
    RETURN t.id AS id, t.embedding AS embedding, t.words AS words, t.payload AS payload,
           t.organ AS organ, t.case AS case, t.intervener AS intervener,
           t.instigator AS instigator, t.handler AS handler, t.provisions AS provisions,
           versions
    """,
    "incident_id",
)
# Neo4j scores cosine as (1 + cos) / 2, FalkorDB as the distance 1 - cos: both give cos.
FALKORDB_RELATED_BY_VECTOR = _statement(
    "related_falkordb_by_vector",
    f"""
    CALL db.idx.vector.queryNodes($label, $attribute, $k, vecf32($vector))
    YIELD node, score
    {_CURRENT_OTHER}
    RETURN node.id AS id, 1.0 - score AS similarity
    ORDER BY similarity DESC, id
    """,
    ("label", "attribute", "k", "vector", "excluded"), readonly=True, backends=_FALKORDB,
)
NEO4J_RELATED_BY_VECTOR = _statement(
    "related_neo4j_by_vector",
    f"""
    CALL db.index.vector.queryNodes($index_name, $k, $vector)
    YIELD node, score
    {_CURRENT_OTHER}
    RETURN node.id AS id, 2.0 * score - 1.0 AS similarity
    ORDER BY similarity DESC, id
    """,
    ("index_name", "k", "vector", "excluded"), readonly=True, backends=_NEO4J,
)
FALKORDB_RELATED_BY_WORDS = _statement(
    "related_falkordb_by_words",
    f"""
    CALL db.idx.fulltext.queryNodes($label, $query)
    YIELD node, score
    WITH node, score ORDER BY score DESC, node.id LIMIT $k
    {_CURRENT_OTHER}
    RETURN node.id AS id, score
    ORDER BY score DESC, id
    """,
    ("label", "query", "excluded", "k"), readonly=True, backends=_FALKORDB,
)
NEO4J_RELATED_BY_WORDS = _statement(
    "related_neo4j_by_words",
    f"""
    CALL db.index.fulltext.queryNodes($index_name, $query, {{limit: $k}})
    YIELD node, score
    {_CURRENT_OTHER}
    RETURN node.id AS id, score
    ORDER BY score DESC, id
    LIMIT $k
    """,
    ("index_name", "query", "excluded", "k"), readonly=True, backends=_NEO4J,
)

# --- reads: incidents sharing people, the officer, the case or the organ ---------------------

_NEWEST_CURRENT = f"""
    {_CURRENT_OTHER.replace("node, score, correction", "node, correction")}
    RETURN DISTINCT node.id AS id, node.occurred_at AS occurred_at
    ORDER BY occurred_at DESC, id
    LIMIT $k
"""
RELATED_BY_INTERVENERS = read_statement(
    "related_by_interveners",
    f"""
    UNWIND $actor_ids AS actor_id
    MATCH (:Actor {{id: actor_id}})-[:INTERVENED|INSTIGATED]->(node:Incident)
    {_NEWEST_CURRENT}
    """,
    "actor_ids", "excluded", "k",
)
RELATED_BY_HANDLER = read_statement(
    "related_by_handler",
    f"""
    MATCH (:Actor {{id: $actor_id}})<-[:APPROACHED]-(node:Incident)
    {_NEWEST_CURRENT}
    """,
    "actor_id", "excluded", "k",
)
RELATED_BY_CASE = read_statement(
    "related_by_case",
    f"""
    MATCH (:Case {{id: $case_id}})<-[:ABOUT_CASE]-(node:Incident)
    {_NEWEST_CURRENT}
    """,
    "case_id", "excluded", "k",
)
RELATED_BY_ORGAN = read_statement(
    "related_by_organ",
    f"""
    MATCH (:Organ {{id: $organ_id}})<-[:RECORDED_IN]-(node:Incident)
    {_NEWEST_CURRENT}
    """,
    "organ_id", "excluded", "k",
)
# The relatives and staff of the people (either direction), the target's "circle".
RELATED_CIRCLE = read_statement(
    "related_circle",
    """
    UNWIND $actor_ids AS actor_id
    MATCH (:Actor {id: actor_id})-[r:RELATED]-(other:Actor)
    WHERE r.kind IN $kinds
    RETURN DISTINCT other.id AS id
    ORDER BY id
    LIMIT $k
    """,
    "actor_ids", "kinds", "k",
)
RELATED_DETAILS = read_statement(
    "related_details",
    """
    UNWIND $ids AS incident_id
    MATCH (i:Incident {id: incident_id})
    RETURN i.id AS id, i.provisions AS provisions, i.payload AS payload
    """,
    "ids",
)
RELATED_PROVISIONS = read_statement(
    "related_provisions",
    """
    UNWIND $ids AS incident_id
    MATCH (i:Incident {id: incident_id})
    WHERE i.provisions IS NOT NULL
    RETURN i.id AS id, i.provisions AS provisions
    """,
    "ids",
)


def vector_index_statement(backend: Backend) -> Query:
    return (FALKORDB_CREATE_VECTOR_INDEX if backend is Backend.FALKORDB
            else NEO4J_CREATE_VECTOR_INDEX)


def words_index_statement(backend: Backend) -> Query:
    return (FALKORDB_CREATE_WORDS_INDEX if backend is Backend.FALKORDB
            else NEO4J_CREATE_WORDS_INDEX)


def set_vector_statement(backend: Backend) -> Query:
    return (FALKORDB_SET_INCIDENT_VECTOR if backend is Backend.FALKORDB
            else NEO4J_SET_INCIDENT_VECTOR)


def set_vectors_statement(backend: Backend) -> Query:
    return (FALKORDB_SET_INCIDENT_VECTORS if backend is Backend.FALKORDB
            else NEO4J_SET_INCIDENT_VECTORS)


def by_vector_statement(backend: Backend) -> Query:
    return FALKORDB_RELATED_BY_VECTOR if backend is Backend.FALKORDB else NEO4J_RELATED_BY_VECTOR


def by_words_statement(backend: Backend) -> Query:
    return FALKORDB_RELATED_BY_WORDS if backend is Backend.FALKORDB else NEO4J_RELATED_BY_WORDS


def index_parameters(backend: Backend, *, vector: bool) -> dict[str, str]:
    """How a neighbour query names its index: label and property on FalkorDB, the index's
    name on Neo4j."""
    if backend is Backend.FALKORDB:
        return {"label": INCIDENT_LABEL, "attribute": EMBEDDING_PROPERTY} if vector \
            else {"label": INCIDENT_LABEL}
    return {"index_name": NEO4J_VECTOR_INDEX if vector else NEO4J_WORDS_INDEX}


#: Longest word and most words a full-text query is built from (every input bounded). FalkorDB's
#: full-text procedure answers every match before any LIMIT (FalkorDB issue 1597), so a query
#: of many common words costs in proportion to the store: few words, the longest first (a
#: name or a term of art is rarer than 法官 or 案件).
MAX_QUERY_WORD = 32
MAX_QUERY_WORDS = 8
_PLAIN_WORD = re.compile(r"\w+")


def words_query(backend: Backend, words: list[str]) -> str:
    """A full-text query matching any of ``words`` (the MAX_QUERY_WORDS longest), each a
    quoted term, for the parameter ``$query``: RediSearch ``"a"|"b"`` on FalkorDB, Lucene
    ``"a" OR "b"`` on Neo4j.

    The query syntax is escaped by construction: each word is cut to its runs of letters,
    digits and CJK characters (``\\w``), so a quote, ``|``, ``-``, ``@``, ``*`` or
    backslash a word may hold never reaches the query; only the quotes and separators
    this function writes do. An empty string when no word is left (the caller skips the
    query)."""
    terms: list[str] = []
    for word in words:
        for piece in _PLAIN_WORD.findall(word):
            term = piece[:MAX_QUERY_WORD]
            if term not in terms:
                terms.append(term)
    terms = sorted(terms, key=len, reverse=True)[:MAX_QUERY_WORDS]
    separator = "|" if backend is Backend.FALKORDB else " OR "
    return separator.join(f'"{term}"' for term in terms)


def related_statements() -> list[Query]:
    """Every statement of this module (for the linters)."""
    return [value for value in globals().values() if isinstance(value, Query)]
