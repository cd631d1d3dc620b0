"""Every Cypher statement liuhen sends, as named constants, in one package: the statement
type and its formatting rules (``base``), the builders of look-alike statements
(``builders``), the regulation statements (``regulations``), the records statements
(``records``) and those that differ per backend (``backends``). Every name is importable from
here (``from graph import queries``; ``queries.ARTICLE``).

Rules (checked by tests/graph/test_queries.py, and by Neo4j's own linter for every
statement Neo4j can receive):

- values only ever travel as ``$parameters``; each statement declares the parameters it uses;
- the only things formatted into query text are allow-listed labels and relationship types
  (graph/schema.py), always in backticks, and module constants (MAX_PATH_HOPS, the row
  field names the builders are given);
- the portable subset runs unchanged on FalkorDB and Neo4j 5; only DDL and shortest path
  have one statement per backend (full-text and vector indexes, when they come, too).

FalkorDB 4.16 lacks EXISTS {} subqueries, elementId(), datetime(), regex and undirected
shortestPath(); nested pattern comprehensions return null there. The statements avoid all
of these.
"""

from __future__ import annotations

from collections.abc import Iterator

from graph.queries import backends, records, records_read, regulations
from graph.queries.backends import (
    FALKORDB_INDEXED,
    INDEXED,
    MAX_PATH_HOPS,
    NEO4J_DELETE_ALL,
    falkordb_indexes,
    neo4j_schema,
    shortest_path,
)
from graph.queries.base import (
    PORTABLE,
    Backend,
    Query,
    label,
    rel_type,
)
from graph.queries.builders import (
    neighbours,
    node,
)
from graph.queries.records import (
    RECORD_ACTOR_RELATIONS,
    RECORD_ACTORS,
    RECORD_APPEND_INCIDENTS,
    RECORD_CASES,
    RECORD_CHAIN_HEADS,
    RECORD_INCIDENT_CHAIN,
    RECORD_LINK_ACTOR_MANAGERS,
    RECORD_LINK_ACTOR_ORGANS,
    RECORD_LINK_CASE_HANDLERS,
    RECORD_LINK_CASE_PARTIES,
    RECORD_LINK_CASES,
    RECORD_LINK_CORRECTIONS,
    RECORD_LINK_INCIDENT_HANDLERS,
    RECORD_LINK_INCIDENT_INSTIGATORS,
    RECORD_LINK_INCIDENTS,
    RECORD_LINK_ORGAN_COMMITTEES,
    RECORD_LINK_ORGAN_SUPERIORS,
    RECORD_ORGANS,
    RECORD_PARTY_RELATIONS,
    RECORD_SET_CHAIN_HEADS,
    RECORD_UNLINK_ACTORS,
    RECORD_UNLINK_CASES,
    RECORD_UNLINK_ORGANS,
    RECORD_UPSERT_ACTOR_RELATIONS,
    RECORD_UPSERT_ACTORS,
    RECORD_UPSERT_CASES,
    RECORD_UPSERT_ORGANS,
    RECORD_UPSERT_PARTY_RELATIONS,
)
from graph.queries.records_read import (
    RECORD_ACTOR_COUNT,
    RECORD_ACTOR_PAGE,
    RECORD_ACTORS_BY_IDS,
    RECORD_ACTORS_WITH_RELATIONS,
    RECORD_ANNOTATE_INCIDENTS,
    RECORD_CASES_BY_IDS,
    RECORD_INCIDENT_COUNTS,
    RECORD_INCIDENT_PAGES,
    RECORD_INCIDENT_VERSIONS,
    RECORD_INCIDENT_WITH_CASE,
    RECORD_INCIDENTS_BY_IDS,
    RECORD_INCIDENTS_OF_PEOPLE,
    RECORD_LINK_PARTICIPANTS,
    RECORD_ORGAN_COUNT,
    RECORD_ORGAN_PAGE,
    RECORD_ORGAN_TALLIES,
    RECORD_ORGANS_AROUND,
    RECORD_ORGANS_BY_IDS,
    RECORD_ORGANS_OF_REGION,
    RECORD_ORGANS_UNDER_COMMITTEES,
    RECORD_ORGANS_UPWARDS,
    RECORD_PARTY_RELATIONS_OF_ACTORS,
    RECORD_QUARTER_INCIDENTS,
    RECORD_QUARTER_INCIDENTS_OF_ORGANS,
    RECORD_RELATIONS_OF_ACTORS,
    RECORD_REPEAT_INTERVENERS,
    RECORD_STALE_INCIDENTS,
    RECORD_SUBORDINATE_ORGANS,
    RECORD_TRACE_PATHS,
)
from graph.queries.regulations import (
    ALL_DEFINITIONS,
    ARTICLE,
    ARTICLE_RANGE,
    ARTICLES_OF,
    CITATIONS_FROM,
    CITATIONS_INTO,
    CITED_STUBS,
    COUNT_NODES,
    COUNT_RELATIONSHIPS,
    DEFINITIONS_IN_REGULATION,
    DEFINITIONS_OF_TERM,
    DELETE_ARTICLES_OF,
    DELETE_CITED_STUBS,
    DELETE_DUTIES_OF,
    DELETE_HEADINGS_OF,
    DELETE_ITEMS_OF,
    DELETE_PARAGRAPHS_OF,
    DUTIES_OF_ROLE,
    HEADINGS_OF,
    LINK_ARTICLE_HEADINGS,
    LINK_ARTICLE_MENTIONS,
    LINK_CITATIONS,
    LINK_DUTY_ROLES,
    LINK_HEADING_PARENTS,
    LINK_ITEM_MENTIONS,
    LINK_NEXT_ARTICLES,
    LINK_PARAGRAPH_MENTIONS,
    LINK_REFERENCES,
    LIST_REGULATIONS,
    MARK_LOADED,
    PING,
    REFERENCES_INTO,
    REGULATION_DOCUMENTS,
    REGULATION_STATES,
    REGULATIONS_NAMED,
    REGULATIONS_TITLED_LIKE,
    RELINK_CITATIONS,
    ROLE,
    TEXTED_REGULATIONS,
    TEXTED_VERSIONS,
    TEXTED_WITHOUT_DOCUMENT,
    UPSERT_ARTICLES,
    UPSERT_CITED_REGULATIONS,
    UPSERT_DEFINITIONS,
    UPSERT_DUTIES,
    UPSERT_HEADINGS,
    UPSERT_ITEMS,
    UPSERT_PARAGRAPHS,
    UPSERT_REGULATIONS,
    UPSERT_ROLES,
)
from graph.schema import LABELS, Label

__all__ = [
    "ALL_DEFINITIONS",
    "ARTICLE",
    "ARTICLES_OF",
    "ARTICLE_RANGE",
    "CITATIONS_FROM",
    "CITATIONS_INTO",
    "CITED_STUBS",
    "COUNT_NODES",
    "COUNT_RELATIONSHIPS",
    "DEFINITIONS_IN_REGULATION",
    "DEFINITIONS_OF_TERM",
    "DELETE_ARTICLES_OF",
    "DELETE_CITED_STUBS",
    "DELETE_DUTIES_OF",
    "DELETE_HEADINGS_OF",
    "DELETE_ITEMS_OF",
    "DELETE_PARAGRAPHS_OF",
    "DUTIES_OF_ROLE",
    "FALKORDB_INDEXED",
    "HEADINGS_OF",
    "INDEXED",
    "LINK_ARTICLE_HEADINGS",
    "LINK_ARTICLE_MENTIONS",
    "LINK_CITATIONS",
    "LINK_DUTY_ROLES",
    "LINK_HEADING_PARENTS",
    "LINK_ITEM_MENTIONS",
    "LINK_NEXT_ARTICLES",
    "LINK_PARAGRAPH_MENTIONS",
    "LINK_REFERENCES",
    "LIST_REGULATIONS",
    "MARK_LOADED",
    "MAX_PATH_HOPS",
    "NEO4J_DELETE_ALL",
    "PING",
    "PORTABLE",
    "RECORD_ACTORS",
    "RECORD_ACTORS_BY_IDS",
    "RECORD_ACTORS_WITH_RELATIONS",
    "RECORD_ACTOR_COUNT",
    "RECORD_ACTOR_PAGE",
    "RECORD_ACTOR_RELATIONS",
    "RECORD_ANNOTATE_INCIDENTS",
    "RECORD_APPEND_INCIDENTS",
    "RECORD_CASES",
    "RECORD_CASES_BY_IDS",
    "RECORD_CHAIN_HEADS",
    "RECORD_INCIDENTS_BY_IDS",
    "RECORD_INCIDENTS_OF_PEOPLE",
    "RECORD_INCIDENT_CHAIN",
    "RECORD_INCIDENT_COUNTS",
    "RECORD_INCIDENT_PAGES",
    "RECORD_INCIDENT_VERSIONS",
    "RECORD_INCIDENT_WITH_CASE",
    "RECORD_LINK_ACTOR_MANAGERS",
    "RECORD_LINK_ACTOR_ORGANS",
    "RECORD_LINK_CASES",
    "RECORD_LINK_CASE_HANDLERS",
    "RECORD_LINK_CASE_PARTIES",
    "RECORD_LINK_CORRECTIONS",
    "RECORD_LINK_INCIDENTS",
    "RECORD_LINK_INCIDENT_HANDLERS",
    "RECORD_LINK_INCIDENT_INSTIGATORS",
    "RECORD_LINK_ORGAN_COMMITTEES",
    "RECORD_LINK_ORGAN_SUPERIORS",
    "RECORD_LINK_PARTICIPANTS",
    "RECORD_ORGANS",
    "RECORD_ORGANS_AROUND",
    "RECORD_ORGANS_BY_IDS",
    "RECORD_ORGANS_OF_REGION",
    "RECORD_ORGANS_UNDER_COMMITTEES",
    "RECORD_ORGANS_UPWARDS",
    "RECORD_ORGAN_COUNT",
    "RECORD_ORGAN_PAGE",
    "RECORD_ORGAN_TALLIES",
    "RECORD_PARTY_RELATIONS",
    "RECORD_PARTY_RELATIONS_OF_ACTORS",
    "RECORD_QUARTER_INCIDENTS",
    "RECORD_QUARTER_INCIDENTS_OF_ORGANS",
    "RECORD_RELATIONS_OF_ACTORS",
    "RECORD_REPEAT_INTERVENERS",
    "RECORD_SET_CHAIN_HEADS",
    "RECORD_STALE_INCIDENTS",
    "RECORD_SUBORDINATE_ORGANS",
    "RECORD_TRACE_PATHS",
    "RECORD_UNLINK_ACTORS",
    "RECORD_UNLINK_CASES",
    "RECORD_UNLINK_ORGANS",
    "RECORD_UPSERT_ACTORS",
    "RECORD_UPSERT_ACTOR_RELATIONS",
    "RECORD_UPSERT_CASES",
    "RECORD_UPSERT_ORGANS",
    "RECORD_UPSERT_PARTY_RELATIONS",
    "REFERENCES_INTO",
    "REGULATIONS_NAMED",
    "REGULATIONS_TITLED_LIKE",
    "REGULATION_DOCUMENTS",
    "REGULATION_STATES",
    "RELINK_CITATIONS",
    "ROLE",
    "TEXTED_REGULATIONS",
    "TEXTED_VERSIONS",
    "TEXTED_WITHOUT_DOCUMENT",
    "UPSERT_ARTICLES",
    "UPSERT_CITED_REGULATIONS",
    "UPSERT_DEFINITIONS",
    "UPSERT_DUTIES",
    "UPSERT_HEADINGS",
    "UPSERT_ITEMS",
    "UPSERT_PARAGRAPHS",
    "UPSERT_REGULATIONS",
    "UPSERT_ROLES",
    "Backend",
    "Query",
    "all_statements",
    "falkordb_indexes",
    "label",
    "neighbours",
    "neo4j_schema",
    "node",
    "rel_type",
    "shortest_path",
]


def all_statements() -> Iterator[Query]:
    """Every statement this package can produce, formatted ones included (for the linters)."""
    for module in (regulations, records, records_read, backends):
        for value in vars(module).values():
            if isinstance(value, Query):
                yield value
            elif isinstance(value, dict):  # the per-anchor / per-flag families
                yield from (v for v in value.values() if isinstance(v, Query))
    for name in sorted(LABELS):
        yield node(name)
        yield neighbours(name)
    for backend in Backend:
        for source in (Label.ARTICLE, Label.REGULATION):
            for target in (Label.ARTICLE, Label.ROLE):
                yield shortest_path(backend, source, target)
    yield from falkordb_indexes()
    yield from neo4j_schema()
