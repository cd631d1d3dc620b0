"""Every Cypher statement liuhen sends, as named constants.

Rules (checked by tests/graph/test_queries.py, and by Neo4j's own linter for every
statement Neo4j can receive):

- values only ever travel as ``$parameters``; each statement declares the parameters it uses;
- the only things formatted into query text are allow-listed labels and relationship types
  (graph/schema.py), always in backticks, and module constants (MAX_PATH_HOPS, the row
  field names the builders below are given);
- the portable subset runs unchanged on FalkorDB and Neo4j 5; only DDL and shortest path
  have one statement per backend (full-text and vector indexes, when they come, too).

FalkorDB 4.16 lacks EXISTS {} subqueries, elementId(), datetime(), regex and undirected
shortestPath(); nested pattern comprehensions return null there. The statements below avoid
all of these.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from graph.schema import KEY, LABELS, Label, RelType, checked_label, checked_rel_type


class Backend(StrEnum):
    FALKORDB = "falkordb"
    NEO4J = "neo4j"


PORTABLE = frozenset(Backend)
_PARAMETER = re.compile(r"\$(\w+)")
_FIELD = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Query:
    """A named statement: its text, the parameters it takes and where it may run."""

    name: str
    text: str
    parameters: tuple[str, ...] = ()
    readonly: bool = True
    backends: frozenset[Backend] = PORTABLE

    def __post_init__(self) -> None:
        used = set(_PARAMETER.findall(self.text))
        if used != set(self.parameters):
            raise ValueError(
                f"{self.name}: declares {sorted(self.parameters)} but uses {sorted(used)}"
            )


def _read(name: str, text: str, *parameters: str) -> Query:
    return Query(name, " ".join(text.split()), parameters, readonly=True)


def _write(name: str, text: str, *parameters: str) -> Query:
    return Query(name, " ".join(text.split()), parameters, readonly=False)


def label(name: str) -> str:
    """An allow-listed label in backticks, ready to format into a statement."""
    return f"`{checked_label(name)}`"


def rel_type(name: str) -> str:
    """An allow-listed relationship type in backticks, ready to format into a statement."""
    return f"`{checked_rel_type(name)}`"


def _row(field: str) -> str:
    """``row.<field>`` for a row field named in this module (a name, never a value)."""
    if not _FIELD.fullmatch(field):
        raise ValueError(f"not a row field name: {field!r}")
    return f"row.{field}"


# Builders for the write statements that differ only in labels, types and row fields. Each
# docstring shows the statement it builds for one example; all_statements() yields them all.


def _delete_below_regulations(name: str, *path: tuple[RelType, Label]) -> Query:
    """``UNWIND $ids AS id MATCH (:Regulation {id: id})-[:HAS_ARTICLE]->(n:Article)
    DETACH DELETE n``: the nodes at the end of ``path`` (relationship type, label) steps."""
    *between, (last_type, last) = path
    steps = "".join(f"-[:{rel_type(rel)}]->(:{label(node)})" for rel, node in between)
    steps += f"-[:{rel_type(last_type)}]->(n:{label(last)})"
    return _write(
        name,
        f"""
        UNWIND $ids AS id
        MATCH (:{label(Label.REGULATION)} {{{KEY}: id}}){steps}
        DETACH DELETE n
        """,
        "ids",
    )


def _upsert_below(name: str, parent: tuple[Label, str], rel: RelType, child: Label) -> Query:
    """``UNWIND $rows AS row MATCH (p:Regulation {id: row.regulation_id})
    MERGE (c:Article {id: row.id}) SET c += row.props MERGE (p)-[:HAS_ARTICLE]->(c)``."""
    parent_label, parent_field = parent
    return _write(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (p:{label(parent_label)} {{{KEY}: {_row(parent_field)}}})
        MERGE (c:{label(child)} {{{KEY}: row.{KEY}}})
        SET c += row.props
        MERGE (p)-[:{rel_type(rel)}]->(c)
        """,
        "rows",
    )


def _link(
    name: str, source: tuple[Label, str], rel: RelType, target: tuple[Label, str], *keys: str
) -> Query:
    """``UNWIND $rows AS row MATCH (s:Article {id: row.id})
    MATCH (t:Heading {id: row.heading_id}) MERGE (s)-[:UNDER]->(t)``.

    With ``keys``, one relationship for each pair and key values, the rest of its properties
    from ``row.props``: ``MERGE (s)-[r:CITES {start: row.start}]->(t) SET r += row.props``.
    """
    (source_label, source_field), (target_label, target_field) = source, target
    if keys:
        key_map = ", ".join(f"{key}: {_row(key)}" for key in keys)
        merge = f"MERGE (s)-[r:{rel_type(rel)} {{{key_map}}}]->(t) SET r += row.props"
    else:
        merge = f"MERGE (s)-[:{rel_type(rel)}]->(t)"
    return _write(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (s:{label(source_label)} {{{KEY}: {_row(source_field)}}})
        MATCH (t:{label(target_label)} {{{KEY}: {_row(target_field)}}})
        {merge}
        """,
        "rows",
    )


def _unlink(name: str, source: Label, *types: RelType) -> Query:
    """``UNWIND $rows AS row MATCH (n:Organ {id: row.id})-[r:SUPERIOR_ORGAN|PARTY_COMMITTEE]->()
    DELETE r``: the relationships of ``types`` out of each row's node."""
    return _write(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (n:{label(source)} {{{KEY}: row.{KEY}}})-[r:{"|".join(map(rel_type, types))}]->()
        DELETE r
        """,
        "rows",
    )


# --- counts and housekeeping ---------------------------------------------------------------

COUNT_NODES = _read(
    "count_nodes", "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS count"
)
COUNT_RELATIONSHIPS = _read(
    "count_relationships", "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count"
)
PING = _read("ping", "RETURN 1 AS ok")

# --- loading -------------------------------------------------------------------------------

REGULATION_STATES = _read(
    "regulation_states",
    """
    UNWIND $ids AS id
    MATCH (r:Regulation {id: id})
    RETURN r.id AS id, r.content_hash AS content_hash, r.has_text AS has_text
    """,
    "ids",
)
TEXTED_VERSIONS = _read(
    "texted_versions",
    """
    UNWIND $title_keys AS title_key
    MATCH (r:Regulation {title_key: title_key})
    WHERE r.has_text = true
    RETURN r.title_key AS title_key, r.id AS id, r.version_date AS version_date
    """,
    "title_keys",
)
CITED_STUBS = _read(
    "cited_stubs",
    """
    UNWIND $title_keys AS title_key
    MATCH (s:Regulation {title_key: title_key})
    WHERE s.has_text = false
    RETURN s.id AS id, s.title_key AS title_key
    """,
    "title_keys",
)
DELETE_ITEMS_OF = _delete_below_regulations(
    "delete_items_of",
    (RelType.HAS_ARTICLE, Label.ARTICLE),
    (RelType.HAS_PARAGRAPH, Label.PARAGRAPH),
    (RelType.HAS_ITEM, Label.ITEM),
)
DELETE_PARAGRAPHS_OF = _delete_below_regulations(
    "delete_paragraphs_of",
    (RelType.HAS_ARTICLE, Label.ARTICLE),
    (RelType.HAS_PARAGRAPH, Label.PARAGRAPH),
)
DELETE_DUTIES_OF = _delete_below_regulations(
    "delete_duties_of", (RelType.HAS_ARTICLE, Label.ARTICLE), (RelType.IMPOSES, Label.DUTY)
)
DELETE_ARTICLES_OF = _delete_below_regulations(
    "delete_articles_of", (RelType.HAS_ARTICLE, Label.ARTICLE)
)
DELETE_HEADINGS_OF = _delete_below_regulations(
    "delete_headings_of", (RelType.HAS_HEADING, Label.HEADING)
)
UPSERT_REGULATIONS = _write(
    "upsert_regulations",
    """
    UNWIND $rows AS row
    MERGE (r:Regulation {id: row.id})
    SET r += row.props
    """,
    "rows",
)
UPSERT_CITED_REGULATIONS = _write(
    "upsert_cited_regulations",
    """
    UNWIND $rows AS row
    MERGE (r:Regulation {id: row.id})
    ON CREATE SET r.title = row.title, r.title_key = row.title_key, r.has_text = false,
                  r.name_keys = row.name_keys, r.caption = row.title
    """,
    "rows",
)
UPSERT_HEADINGS = _upsert_below(
    "upsert_headings", (Label.REGULATION, "regulation_id"), RelType.HAS_HEADING, Label.HEADING
)
LINK_HEADING_PARENTS = _link(
    "link_heading_parents", (Label.HEADING, "id"), RelType.UNDER, (Label.HEADING, "parent_id")
)
UPSERT_ARTICLES = _upsert_below(
    "upsert_articles", (Label.REGULATION, "regulation_id"), RelType.HAS_ARTICLE, Label.ARTICLE
)
LINK_ARTICLE_HEADINGS = _link(
    "link_article_headings", (Label.ARTICLE, "id"), RelType.UNDER, (Label.HEADING, "heading_id")
)
LINK_NEXT_ARTICLES = _link(
    "link_next_articles", (Label.ARTICLE, "id"), RelType.NEXT, (Label.ARTICLE, "next_id")
)
UPSERT_PARAGRAPHS = _upsert_below(
    "upsert_paragraphs", (Label.ARTICLE, "article_id"), RelType.HAS_PARAGRAPH, Label.PARAGRAPH
)
UPSERT_ITEMS = _upsert_below(
    "upsert_items", (Label.PARAGRAPH, "paragraph_id"), RelType.HAS_ITEM, Label.ITEM
)
UPSERT_DEFINITIONS = _write(
    "upsert_definitions",
    """
    UNWIND $rows AS row
    MATCH (a:Article {id: row.article_id})
    MERGE (t:Term {id: row.term_id})
    ON CREATE SET t.name = row.term_id, t.caption = row.term_id
    MERGE (a)-[d:DEFINES {start: row.start}]->(t)
    SET d += row.props
    """,
    "rows",
)
UPSERT_ROLES = _write(
    "upsert_roles",
    """
    UNWIND $rows AS row
    MERGE (o:Role {id: row.id})
    SET o.name = row.id, o.kind = row.kind, o.caption = row.id
    """,
    "rows",
)
LINK_ARTICLE_MENTIONS = _write(
    "link_article_mentions",
    """
    UNWIND $rows AS row
    MATCH (a:Article {id: row.source_id})
    MATCH (o:Role {id: row.role_id})
    MERGE (a)-[m:MENTIONS]->(o)
    SET m.count = row.count, m.surfaces = row.surfaces
    """,
    "rows",
)
LINK_PARAGRAPH_MENTIONS = _link(
    "link_paragraph_mentions",
    (Label.PARAGRAPH, "source_id"), RelType.MENTIONS, (Label.ROLE, "role_id"), "start",
)
LINK_ITEM_MENTIONS = _link(
    "link_item_mentions",
    (Label.ITEM, "source_id"), RelType.MENTIONS, (Label.ROLE, "role_id"), "start",
)
LINK_CITATIONS = _link(
    "link_citations",
    (Label.ARTICLE, "article_id"), RelType.CITES, (Label.REGULATION, "target_id"), "start",
)
LINK_REFERENCES = _link(
    "link_references",
    (Label.ARTICLE, "article_id"), RelType.REFERS_TO, (Label.ARTICLE, "target_id"), "start", "kind",
)
UPSERT_DUTIES = _upsert_below(
    "upsert_duties", (Label.ARTICLE, "article_id"), RelType.IMPOSES, Label.DUTY
)
LINK_DUTY_ROLES = _link(
    "link_duty_roles", (Label.DUTY, "id"), RelType.BORNE_BY, (Label.ROLE, "role_id")
)
RELINK_CITATIONS = _write(
    "relink_citations",
    """
    UNWIND $rows AS row
    MATCH (a:Article)-[c:CITES]->(:Regulation {id: row.stub_id})
    MATCH (t:Regulation {id: row.target_id})
    MERGE (a)-[n:CITES {start: c.start}]->(t)
    SET n += properties(c)
    DELETE c
    """,
    "rows",
)
DELETE_CITED_STUBS = _write(
    "delete_cited_stubs",
    """
    UNWIND $ids AS id
    MATCH (s:Regulation {id: id})
    WHERE s.has_text = false
    DETACH DELETE s
    """,
    "ids",
)
MARK_LOADED = _write(
    "mark_loaded",
    """
    UNWIND $rows AS row
    MATCH (r:Regulation {id: row.id})
    SET r.content_hash = row.content_hash
    """,
    "rows",
)

# --- reads ---------------------------------------------------------------------------------

_REGULATION_FIELDS = """
    r.id AS id, r.title AS title, r.title_key AS title_key, r.short_title AS short_title,
    r.aliases AS aliases, r.version_date AS version_date, r.effective AS effective,
    r.category AS category, r.has_text AS has_text, r.article_count AS article_count
"""

# Exact names first (FalkorDB answers from its index on the name_keys array), then a part
# of a title; core.names.pick_regulation decides among the rows.
REGULATIONS_NAMED = _read(
    "regulations_named",
    f"""
    MATCH (r:Regulation)
    WHERE $key IN r.name_keys
    RETURN {_REGULATION_FIELDS}
    """,
    "key",
)
REGULATIONS_TITLED_LIKE = _read(
    "regulations_titled_like",
    f"""
    MATCH (r:Regulation)
    WHERE r.title_key CONTAINS $key
    RETURN {_REGULATION_FIELDS}
    """,
    "key",
)
LIST_REGULATIONS = _read(
    "list_regulations",
    f"""
    MATCH (r:Regulation)
    WHERE (r.has_text = true OR $include_cited = true)
      AND ($category IS NULL OR r.category = $category)
    RETURN {_REGULATION_FIELDS}
    ORDER BY r.id
    SKIP $offset LIMIT $limit
    """,
    "include_cited", "category", "offset", "limit",
)
ARTICLE_RANGE = _read(
    "article_range",
    """
    MATCH (:Regulation {id: $regulation_id})-[:HAS_ARTICLE]->(a:Article)
    WITH a ORDER BY a.position
    WITH collect(a.label) AS labels
    RETURN labels[0] AS first, labels[size(labels) - 1] AS last, size(labels) AS count
    """,
    "regulation_id",
)
# One round trip for everything an article view shows, in five pattern comprehensions
# (each costs ~0.1 ms, so relationships of several types share one). FalkorDB returns null
# for nested comprehensions and scopes their variables over the whole query, hence the flat
# lists, joined up in Python, and the numbered variables.
ARTICLE = _read(
    "article",
    """
    MATCH (a:Article {id: $id})
    RETURN properties(a) AS article,
      [(a)-[:HAS_PARAGRAPH]->(p1:Paragraph) | {number: p1.number, text: p1.text}] AS paragraphs,
      [(a)-[:HAS_PARAGRAPH]->(p2:Paragraph)-[x2:HAS_ITEM|MENTIONS]->(w2) |
        {type: type(x2), paragraph: p2.number, id: w2.id, position: w2.position,
         number: w2.number, marker: w2.marker, text: w2.text, surface: x2.surface,
         start: x2.start, end: x2.end, item: x2.item}] AS below,
      [(a)-[:HAS_PARAGRAPH]->(:Paragraph)-[:HAS_ITEM]->(:Item)-[m3:MENTIONS]->(o3:Role) |
        {role: o3.id, surface: m3.surface, start: m3.start, end: m3.end,
         paragraph: m3.paragraph, item: m3.item}] AS item_roles,
      [(a)-[x4:CITES|REFERS_TO|DEFINES|IMPOSES]->(y4) |
        {type: type(x4), id: y4.id, title: y4.title, has_text: y4.has_text, key: y4.key,
         label: y4.label, name: y4.name, actor: y4.actor, action: y4.action,
         deadline: y4.deadline, start: coalesce(x4.start, y4.start),
         end: coalesce(x4.end, y4.end), paragraph: coalesce(x4.paragraph, y4.paragraph),
         item: coalesce(x4.item, y4.item), cited_as: x4.title, text: x4.text,
         kind: x4.kind, target_paragraph: x4.target_paragraph}] AS links,
      [(a)-[:NEXT]-(b5:Article) | {key: b5.key, position: b5.position}] AS beside
    """,
    "id",
)
HEADINGS_OF = _read(
    "headings_of",
    """
    MATCH (:Regulation {id: $regulation_id})-[:HAS_HEADING]->(h:Heading)
    OPTIONAL MATCH (h)-[:UNDER]->(p:Heading)
    RETURN h.id AS id, h.title AS title, h.level AS level, h.depth AS depth,
           h.position AS position, p.id AS parent_id
    ORDER BY h.position
    """,
    "regulation_id",
)
ARTICLES_OF = _read(
    "articles_of",
    """
    MATCH (:Regulation {id: $regulation_id})-[:HAS_ARTICLE]->(a:Article)
    OPTIONAL MATCH (a)-[:UNDER]->(h:Heading)
    RETURN a.key AS key, a.label AS label, a.caption AS caption, a.position AS position,
           h.id AS heading_id
    ORDER BY a.position
    """,
    "regulation_id",
)
CITATIONS_FROM = _read(
    "citations_from",
    """
    MATCH (a:Article {id: $id})-[c:CITES]->(t:Regulation)
    RETURN c.title AS title, t.id AS target_id, t.title AS target_title,
           t.has_text AS has_text, c.start AS start, c.end AS end, c.paragraph AS paragraph,
           c.item AS item
    ORDER BY c.start
    """,
    "id",
)
CITATIONS_INTO = _read(
    "citations_into",
    """
    MATCH (t:Regulation {title_key: $title_key})<-[c:CITES]-(a:Article)
    MATCH (r:Regulation)-[:HAS_ARTICLE]->(a)
    RETURN r.id AS regulation_id, r.title AS regulation_title, a.key AS article_key,
           a.label AS article_label, c.title AS title, t.id AS target_id,
           c.paragraph AS paragraph, c.item AS item, c.start AS start, c.end AS end
    ORDER BY r.id, a.position, c.start
    """,
    "title_key",
)
# Articles that refer to one article (本规定第八条, 前款, 本条 …), the article itself included.
REFERENCES_INTO = _read(
    "references_into",
    """
    MATCH (b:Article {id: $id})<-[x:REFERS_TO]-(a:Article)<-[:HAS_ARTICLE]-(r:Regulation)
    RETURN r.id AS regulation_id, r.title AS regulation_title, a.key AS article_key,
           a.label AS article_label, x.text AS text, x.kind AS kind,
           x.target_paragraph AS target_paragraph, x.paragraph AS paragraph, x.item AS item,
           x.start AS start, x.end AS end
    ORDER BY a.position, x.start
    """,
    "id",
)
_DEFINITION_FIELDS = """
    t.name AS term, d.text AS text, r.id AS regulation_id, r.title AS regulation_title,
    a.key AS article_key, a.label AS article_label, d.paragraph AS paragraph,
    d.item AS item, d.start AS start, d.end AS end
"""
DEFINITIONS_OF_TERM = _read(
    "definitions_of_term",
    f"""
    MATCH (t:Term {{id: $term}})<-[d:DEFINES]-(a:Article)<-[:HAS_ARTICLE]-(r:Regulation)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY r.id, a.position, d.start
    """,
    "term",
)
DEFINITIONS_IN_REGULATION = _read(
    "definitions_in_regulation",
    f"""
    MATCH (r:Regulation {{id: $regulation_id}})-[:HAS_ARTICLE]->(a:Article)-[d:DEFINES]->(t:Term)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY a.position, d.start
    """,
    "regulation_id",
)
ALL_DEFINITIONS = _read(
    "all_definitions",
    f"""
    MATCH (r:Regulation)-[:HAS_ARTICLE]->(a:Article)-[d:DEFINES]->(t:Term)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY r.id, a.position, d.start
    SKIP $offset LIMIT $limit
    """,
    "offset", "limit",
)
ROLE = _read(
    "role", "MATCH (o:Role {id: $role}) RETURN o.id AS id, o.kind AS kind", "role"
)
DUTIES_OF_ROLE = _read(
    "duties_of_role",
    """
    MATCH (:Role {id: $role})<-[:BORNE_BY]-(d:Duty)<-[:IMPOSES]-(a:Article)
          <-[:HAS_ARTICLE]-(r:Regulation)
    RETURN r.id AS regulation_id, r.title AS regulation_title, a.key AS article_key,
           a.label AS article_label, d.actor AS actor, d.deadline AS deadline,
           d.action AS action, d.paragraph AS paragraph, d.item AS item, d.start AS start,
           d.end AS end
    ORDER BY r.id, a.position, d.start
    """,
    "role",
)


def node(name: str) -> Query:
    """Look one node up by label and id: its id and caption."""
    return _read(
        f"node_{name.lower()}",
        f"MATCH (n:{label(name)} {{{KEY}: $id}}) RETURN n.id AS id, n.caption AS caption",
        "id",
    )


def neighbours(name: str) -> Query:
    """One hop from a frontier of nodes with one label, in both directions."""
    return _read(
        f"neighbours_{name.lower()}",
        f"""
        UNWIND $ids AS id
        MATCH (n:{label(name)} {{{KEY}: id}})-[r]-(m)
        RETURN n.id AS source, type(r) AS type, startNode(r) = n AS outgoing,
               labels(m)[0] AS label, m.id AS id, m.caption AS caption
        LIMIT $limit
        """,
        "ids", "limit",
    )


# --- per backend: shortest path ------------------------------------------------------------

MAX_PATH_HOPS = 10
_PATH_FIELDS = """
    [n IN nodes(path) | {label: labels(n)[0], id: n.id, caption: n.caption}] AS nodes,
    [x IN relationships(path) | {type: type(x), source: startNode(x).id,
                                 target: endNode(x).id}] AS relationships
"""


def shortest_path(backend: Backend, source: str, target: str) -> Query:
    """A shortest undirected path between two nodes (labels allow-listed) of at most
    ``$max_hops`` relationships (Neo4j: MAX_PATH_HOPS, the caller checks the length)."""
    start = f"(a:{label(source)} {{{KEY}: $source}})"
    end = f"(b:{label(target)} {{{KEY}: $target}})"
    if backend is Backend.FALKORDB:
        # FalkorDB's shortestPath() is directed only; algo.SPpaths walks both ways.
        text = f"""
            MATCH {start}, {end}
            CALL algo.SPpaths({{sourceNode: a, targetNode: b, relDirection: 'both',
                               maxLen: $max_hops}})
            YIELD path
            RETURN {_PATH_FIELDS}
        """
        parameters: tuple[str, ...] = ("source", "target", "max_hops")
    else:
        text = f"""
            MATCH path = shortestPath({start}-[*..{MAX_PATH_HOPS}]-{end})
            RETURN {_PATH_FIELDS}
        """
        parameters = ("source", "target")
    return Query(
        f"shortest_path_{backend}_{source.lower()}_{target.lower()}",
        " ".join(text.split()),
        parameters,
        readonly=True,
        backends=frozenset({backend}),
    )


# --- per backend: DDL ----------------------------------------------------------------------

# Properties looked up by equality besides the key (FalkorDB also indexes list members).
INDEXED = ((Label.REGULATION, "title_key"),)
FALKORDB_INDEXED = (*INDEXED, (Label.REGULATION, "name_keys"))


def falkordb_indexes() -> list[Query]:
    """Range indexes on every label's key (MERGE is a scan without them) and on INDEXED.
    FalkorDB has no IF NOT EXISTS: the store ignores 'already indexed'."""
    pairs = [(name, KEY) for name in sorted(LABELS)] + [(str(n), p) for n, p in FALKORDB_INDEXED]
    return [
        Query(
            f"falkordb_index_{name.lower()}_{prop}",
            f"CREATE INDEX FOR (n:{label(name)}) ON (n.{prop})",
            readonly=False,
            backends=frozenset({Backend.FALKORDB}),
        )
        for name, prop in pairs
    ]


def neo4j_schema() -> list[Query]:
    """A uniqueness constraint on every label's key (it brings its own index), plus INDEXED."""
    statements = [
        Query(
            f"neo4j_constraint_{name.lower()}_{KEY}",
            f"CREATE CONSTRAINT {name.lower()}_{KEY} IF NOT EXISTS "
            f"FOR (n:{label(name)}) REQUIRE n.{KEY} IS UNIQUE",
            readonly=False,
            backends=frozenset({Backend.NEO4J}),
        )
        for name in sorted(LABELS)
    ]
    statements += [
        Query(
            f"neo4j_index_{str(name).lower()}_{prop}",
            f"CREATE INDEX {str(name).lower()}_{prop} IF NOT EXISTS "
            f"FOR (n:{label(name)}) ON (n.{prop})",
            readonly=False,
            backends=frozenset({Backend.NEO4J}),
        )
        for name, prop in INDEXED
    ]
    return statements


NEO4J_DELETE_ALL = Query(
    "neo4j_delete_all",
    "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS",
    readonly=False,
    backends=frozenset({Backend.NEO4J}),
)


def all_statements() -> Iterator[Query]:
    """Every statement this module can produce, formatted ones included (for the linters)."""
    for value in globals().values():
        if isinstance(value, Query):
            yield value
    for name in sorted(LABELS):
        yield node(name)
        yield neighbours(name)
    for backend in Backend:
        for source in (Label.ARTICLE, Label.REGULATION):
            for target in (Label.ARTICLE, Label.ROLE):
                yield shortest_path(backend, source, target)
    yield from falkordb_indexes()
    yield from neo4j_schema()


# =========================================================================================
# --- records: organs, actors, relations, cases, incidents (owned by graph/records.py)
# Appended as one block; everything below is used only by graph/records.py and the
# incident services. Values travel as $rows / $id parameters only; _link and _unlink format in
# allow-listed labels and types and row field names, nothing else.
# Relationship types written here (for graph/schema.RelType):
RECORD_REL_TYPES = (
    "SUPERIOR_ORGAN",  # Organ -> the same kind of organ one level up
    "PARTY_COMMITTEE",  # Organ -> its same-level 党委
    "WORKS_AT",  # Actor -> Organ
    "MANAGED_BY",  # Actor -> Organ with cadre-management authority
    "RELATED",  # Actor -> Actor; kind: relative, staff_of, superior_of, colleague, lawyer_of
    "PARTY_TO",  # Actor -> Case
    "HANDLES",  # Actor -> Case
    "HANDLED_BY",  # Case -> Organ
    "RECORDED_IN",  # Incident -> Organ that recorded it
    "ABOUT_CASE",  # Incident -> Case
    "INTERVENED",  # Actor -> Incident
    "INSTIGATED",  # Actor -> Incident
    "APPROACHED",  # Incident -> Actor (the officer approached)
    "RECORDED",  # Actor -> Incident
    "CORRECTS",  # Incident -> the Incident it corrects
)

RECORD_UPSERT_ORGANS = _write(
    "record_upsert_organs",
    """
    UNWIND $rows AS row
    MERGE (o:Organ {id: row.id})
    SET o.name = row.name, o.caption = row.name, o.kind = row.kind, o.level = row.level,
        o.region = row.region, o.superior = row.superior,
        o.party_committee = row.party_committee
    """,
    "rows",
)
RECORD_UNLINK_ORGANS = _unlink(
    "record_unlink_organs", Label.ORGAN, RelType.SUPERIOR_ORGAN, RelType.PARTY_COMMITTEE
)
RECORD_LINK_ORGAN_SUPERIORS = _link(
    "record_link_organ_superiors",
    (Label.ORGAN, "id"), RelType.SUPERIOR_ORGAN, (Label.ORGAN, "superior"),
)
RECORD_LINK_ORGAN_COMMITTEES = _link(
    "record_link_organ_committees",
    (Label.ORGAN, "id"), RelType.PARTY_COMMITTEE, (Label.ORGAN, "party_committee"),
)
RECORD_UPSERT_ACTORS = _write(
    "record_upsert_actors",
    """
    UNWIND $rows AS row
    MERGE (a:Actor {id: row.id})
    SET a.name = row.name, a.caption = row.name, a.pseudonym = row.pseudonym,
        a.position = row.position, a.organ = row.organ, a.kinds = row.kinds,
        a.retired = row.retired, a.managed_by = row.managed_by
    """,
    "rows",
)
RECORD_UNLINK_ACTORS = _unlink(
    "record_unlink_actors", Label.ACTOR, RelType.WORKS_AT, RelType.MANAGED_BY
)
RECORD_LINK_ACTOR_ORGANS = _link(
    "record_link_actor_organs", (Label.ACTOR, "id"), RelType.WORKS_AT, (Label.ORGAN, "organ")
)
RECORD_LINK_ACTOR_MANAGERS = _link(
    "record_link_actor_managers",
    (Label.ACTOR, "id"), RelType.MANAGED_BY, (Label.ORGAN, "managed_by"),
)
RECORD_UPSERT_ACTOR_RELATIONS = _write(
    "record_upsert_actor_relations",
    """
    UNWIND $rows AS row
    MATCH (a:Actor {id: row.subject})
    MATCH (b:Actor {id: row.object})
    MERGE (a)-[r:RELATED {id: row.id}]->(b)
    SET r.kind = row.kind, r.detail = row.detail, r.case = row.case
    """,
    "rows",
)
RECORD_UPSERT_PARTY_RELATIONS = _write(
    "record_upsert_party_relations",
    """
    UNWIND $rows AS row
    MATCH (a:Actor {id: row.subject})
    MATCH (c:Case {id: row.object})
    MERGE (a)-[r:PARTY_TO {id: row.id}]->(c)
    SET r.detail = row.detail
    """,
    "rows",
)
RECORD_UPSERT_CASES = _write(
    "record_upsert_cases",
    """
    UNWIND $rows AS row
    MERGE (c:Case {id: row.id})
    SET c.number = row.number, c.caption = row.number, c.organ = row.organ,
        c.stage = row.stage, c.cause = row.cause, c.parties = row.parties,
        c.handlers = row.handlers
    """,
    "rows",
)
RECORD_UNLINK_CASES = _unlink("record_unlink_cases", Label.CASE, RelType.HANDLED_BY)
RECORD_LINK_CASES = _link(
    "record_link_cases", (Label.CASE, "id"), RelType.HANDLED_BY, (Label.ORGAN, "organ")
)
RECORD_LINK_CASE_PARTIES = _link(
    "record_link_case_parties", (Label.ACTOR, "actor"), RelType.PARTY_TO, (Label.CASE, "case")
)
RECORD_LINK_CASE_HANDLERS = _link(
    "record_link_case_handlers", (Label.ACTOR, "actor"), RelType.HANDLES, (Label.CASE, "case")
)
# Append-only: CREATE, never MERGE/SET on an existing incident. The unique key constraint on
# Incident.id refuses a second node with the same id.
RECORD_APPEND_INCIDENTS = _write(
    "record_append_incidents",
    """
    UNWIND $rows AS row
    CREATE (i:Incident {id: row.id, caption: row.caption, organ: row.organ, case: row.case,
                        stage: row.stage, channel: row.channel,
                        intervener: row.intervener, instigator: row.instigator,
                        handler: row.handler, corrects: row.corrects,
                        occurred_at: row.occurred_at, recorded_at: row.recorded_at,
                        seq: row.seq, prev_hash: row.prev_hash, hash: row.hash,
                        payload: row.payload})
    """,
    "rows",
)
RECORD_LINK_INCIDENTS = _write(
    "record_link_incidents",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    MATCH (o:Organ {id: row.organ})
    MATCH (c:Case {id: row.case})
    MATCH (a:Actor {id: row.intervener})
    MATCH (r:Actor {id: row.recorded_by})
    MERGE (i)-[:RECORDED_IN]->(o)
    MERGE (i)-[:ABOUT_CASE]->(c)
    MERGE (a)-[:INTERVENED]->(i)
    MERGE (r)-[:RECORDED]->(i)
    """,
    "rows",
)
RECORD_LINK_INCIDENT_INSTIGATORS = _link(
    "record_link_incident_instigators",
    (Label.ACTOR, "instigator"), RelType.INSTIGATED, (Label.INCIDENT, "id"),
)
RECORD_LINK_INCIDENT_HANDLERS = _link(
    "record_link_incident_handlers",
    (Label.INCIDENT, "id"), RelType.APPROACHED, (Label.ACTOR, "handler"),
)
RECORD_LINK_CORRECTIONS = _link(
    "record_link_corrections",
    (Label.INCIDENT, "id"), RelType.CORRECTS, (Label.INCIDENT, "corrects"),
)
RECORD_SET_CHAIN_HEADS = _write(
    "record_set_chain_heads",
    """
    UNWIND $rows AS row
    MATCH (o:Organ {id: row.organ})
    SET o.chain_length = row.length, o.chain_head = row.hash
    """,
    "rows",
)
RECORD_ORGANS = _read(
    "record_organs",
    """
    MATCH (o:Organ)
    RETURN o.id AS id, o.name AS name, o.kind AS kind, o.level AS level, o.region AS region,
           o.superior AS superior, o.party_committee AS party_committee
    ORDER BY id
    """,
)
RECORD_ACTORS = _read(
    "record_actors",
    """
    MATCH (a:Actor)
    RETURN a.id AS id, a.name AS name, a.pseudonym AS pseudonym, a.position AS position,
           a.organ AS organ, a.kinds AS kinds, a.retired AS retired,
           a.managed_by AS managed_by
    ORDER BY id
    """,
)
RECORD_ACTOR_RELATIONS = _read(
    "record_actor_relations",
    """
    MATCH (a:Actor)-[r:RELATED]->(b:Actor)
    RETURN r.id AS id, r.kind AS kind, a.id AS subject, b.id AS object, r.detail AS detail,
           r.case AS case
    ORDER BY id
    """,
)
RECORD_PARTY_RELATIONS = _read(
    "record_party_relations",
    """
    MATCH (a:Actor)-[r:PARTY_TO]->(c:Case)
    WHERE r.id IS NOT NULL
    RETURN r.id AS id, a.id AS subject, c.id AS object, r.detail AS detail
    ORDER BY id
    """,
)
RECORD_CASES = _read(
    "record_cases",
    """
    MATCH (c:Case)
    RETURN c.id AS id, c.number AS number, c.organ AS organ, c.stage AS stage,
           c.cause AS cause, c.parties AS parties, c.handlers AS handlers
    ORDER BY id
    """,
)
RECORD_INCIDENT_CHAIN = _read(
    "record_incident_chain",
    """
    MATCH (i:Incident)
    RETURN i.organ AS organ, i.seq AS seq, i.id AS id, i.payload AS payload,
           i.prev_hash AS prev_hash, i.hash AS hash
    ORDER BY organ, seq, id
    """,
)
RECORD_CHAIN_HEADS = _read(
    "record_chain_heads",
    """
    MATCH (o:Organ)
    WHERE o.chain_length IS NOT NULL
    RETURN o.id AS organ, o.chain_length AS length, o.chain_head AS hash
    ORDER BY organ
    """,
)
RECORD_REPEAT_INTERVENERS = _read(
    "record_repeat_interveners",
    """
    MATCH (a:Actor)-[:INTERVENED|INSTIGATED]->(i:Incident)
    WHERE NOT (i)<-[:CORRECTS]-(:Incident)
    WITH a, count(DISTINCT i) AS n, collect(DISTINCT i.id) AS incidents
    WHERE n >= $minimum
    RETURN a.id AS actor, a.name AS name, n AS count, incidents
    ORDER BY count DESC, actor
    """,
    "minimum",
)
# --- end of records block ----------------------------------------------------------------
