"""The regulation statements: counts and housekeeping, loading parsed regulations
(graph/loader.py), and the reads the regulations service answers from."""

from __future__ import annotations

from graph.queries.base import read_statement, write_statement
from graph.queries.builders import delete_below_regulations, link, upsert_below
from graph.schema import Label, RelType

# --- counts and housekeeping ---------------------------------------------------------------

COUNT_NODES = read_statement(
    "count_nodes", "MATCH (n) RETURN labels(n)[0] AS label, count(n) AS count"
)
COUNT_RELATIONSHIPS = read_statement(
    "count_relationships", "MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count"
)
PING = read_statement("ping", "RETURN 1 AS ok")

# --- loading -------------------------------------------------------------------------------

REGULATION_STATES = read_statement(
    "regulation_states",
    """
    UNWIND $ids AS id
    MATCH (r:Regulation {id: id})
    RETURN r.id AS id, r.content_hash AS content_hash, r.has_text AS has_text
    """,
    "ids",
)
TEXTED_VERSIONS = read_statement(
    "texted_versions",
    """
    UNWIND $title_keys AS title_key
    MATCH (r:Regulation {title_key: title_key})
    WHERE r.has_text = true
    RETURN r.title_key AS title_key, r.id AS id, r.version_date AS version_date
    """,
    "title_keys",
)
CITED_STUBS = read_statement(
    "cited_stubs",
    """
    UNWIND $title_keys AS title_key
    MATCH (s:Regulation {title_key: title_key})
    WHERE s.has_text = false
    RETURN s.id AS id, s.title_key AS title_key
    """,
    "title_keys",
)
# What search indexes: the versions with text and their hashes, then (on a rebuild only)
# the documents they were written from (graph/documents.py).
TEXTED_REGULATIONS = read_statement(
    "texted_regulations",
    """
    MATCH (r:Regulation)
    WHERE r.has_text = true
    RETURN r.id AS id, r.title_key AS title_key, r.version_date AS version_date,
           r.content_hash AS content_hash
    ORDER BY r.id
    """,
)
TEXTED_WITHOUT_DOCUMENT = read_statement(
    "texted_without_document",
    """
    MATCH (r:Regulation)
    WHERE r.has_text = true AND r.document IS NULL
    RETURN r.id AS id
    ORDER BY r.id
    LIMIT $limit
    """,
    "limit",
)
REGULATION_DOCUMENTS = read_statement(
    "regulation_documents",
    """
    UNWIND $ids AS id
    MATCH (r:Regulation {id: id})
    RETURN r.id AS id, r.document AS document
    """,
    "ids",
)
DELETE_ITEMS_OF = delete_below_regulations(
    "delete_items_of",
    (RelType.HAS_ARTICLE, Label.ARTICLE),
    (RelType.HAS_PARAGRAPH, Label.PARAGRAPH),
    (RelType.HAS_ITEM, Label.ITEM),
)
DELETE_PARAGRAPHS_OF = delete_below_regulations(
    "delete_paragraphs_of",
    (RelType.HAS_ARTICLE, Label.ARTICLE),
    (RelType.HAS_PARAGRAPH, Label.PARAGRAPH),
)
DELETE_DUTIES_OF = delete_below_regulations(
    "delete_duties_of", (RelType.HAS_ARTICLE, Label.ARTICLE), (RelType.IMPOSES, Label.DUTY)
)
DELETE_ARTICLES_OF = delete_below_regulations(
    "delete_articles_of", (RelType.HAS_ARTICLE, Label.ARTICLE)
)
DELETE_HEADINGS_OF = delete_below_regulations(
    "delete_headings_of", (RelType.HAS_HEADING, Label.HEADING)
)
UPSERT_REGULATIONS = write_statement(
    "upsert_regulations",
    """
    UNWIND $rows AS row
    MERGE (r:Regulation {id: row.id})
    SET r += row.props
    """,
    "rows",
)
UPSERT_CITED_REGULATIONS = write_statement(
    "upsert_cited_regulations",
    """
    UNWIND $rows AS row
    MERGE (r:Regulation {id: row.id})
    ON CREATE SET r.title = row.title, r.title_key = row.title_key, r.has_text = false,
                  r.name_keys = row.name_keys, r.caption = row.title
    """,
    "rows",
)
UPSERT_HEADINGS = upsert_below(
    "upsert_headings", (Label.REGULATION, "regulation_id"), RelType.HAS_HEADING, Label.HEADING
)
LINK_HEADING_PARENTS = link(
    "link_heading_parents", (Label.HEADING, "id"), RelType.UNDER, (Label.HEADING, "parent_id")
)
UPSERT_ARTICLES = upsert_below(
    "upsert_articles", (Label.REGULATION, "regulation_id"), RelType.HAS_ARTICLE, Label.ARTICLE
)
LINK_ARTICLE_HEADINGS = link(
    "link_article_headings", (Label.ARTICLE, "id"), RelType.UNDER, (Label.HEADING, "heading_id")
)
LINK_NEXT_ARTICLES = link(
    "link_next_articles", (Label.ARTICLE, "id"), RelType.NEXT, (Label.ARTICLE, "next_id")
)
UPSERT_PARAGRAPHS = upsert_below(
    "upsert_paragraphs", (Label.ARTICLE, "article_id"), RelType.HAS_PARAGRAPH, Label.PARAGRAPH
)
UPSERT_ITEMS = upsert_below(
    "upsert_items", (Label.PARAGRAPH, "paragraph_id"), RelType.HAS_ITEM, Label.ITEM
)
UPSERT_DEFINITIONS = write_statement(
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
UPSERT_ROLES = write_statement(
    "upsert_roles",
    """
    UNWIND $rows AS row
    MERGE (o:Role {id: row.id})
    SET o.name = row.id, o.kind = row.kind, o.caption = row.id
    """,
    "rows",
)
LINK_ARTICLE_MENTIONS = write_statement(
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
LINK_PARAGRAPH_MENTIONS = link(
    "link_paragraph_mentions",
    (Label.PARAGRAPH, "source_id"), RelType.MENTIONS, (Label.ROLE, "role_id"), "start",
)
LINK_ITEM_MENTIONS = link(
    "link_item_mentions",
    (Label.ITEM, "source_id"), RelType.MENTIONS, (Label.ROLE, "role_id"), "start",
)
LINK_CITATIONS = link(
    "link_citations",
    (Label.ARTICLE, "article_id"), RelType.CITES, (Label.REGULATION, "target_id"), "start",
)
LINK_REFERENCES = link(
    "link_references",
    (Label.ARTICLE, "article_id"), RelType.REFERS_TO, (Label.ARTICLE, "target_id"), "start", "kind",
)
UPSERT_DUTIES = upsert_below(
    "upsert_duties", (Label.ARTICLE, "article_id"), RelType.IMPOSES, Label.DUTY
)
LINK_DUTY_ROLES = link(
    "link_duty_roles", (Label.DUTY, "id"), RelType.BORNE_BY, (Label.ROLE, "role_id")
)
RELINK_CITATIONS = write_statement(
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
DELETE_CITED_STUBS = write_statement(
    "delete_cited_stubs",
    """
    UNWIND $ids AS id
    MATCH (s:Regulation {id: id})
    WHERE s.has_text = false
    DETACH DELETE s
    """,
    "ids",
)
MARK_LOADED = write_statement(
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
REGULATIONS_NAMED = read_statement(
    "regulations_named",
    f"""
    MATCH (r:Regulation)
    WHERE $key IN r.name_keys
    RETURN {_REGULATION_FIELDS}
    """,
    "key",
)
REGULATIONS_TITLED_LIKE = read_statement(
    "regulations_titled_like",
    f"""
    MATCH (r:Regulation)
    WHERE r.title_key CONTAINS $key
    RETURN {_REGULATION_FIELDS}
    """,
    "key",
)
LIST_REGULATIONS = read_statement(
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
ARTICLE_RANGE = read_statement(
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
ARTICLE = read_statement(
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
HEADINGS_OF = read_statement(
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
ARTICLES_OF = read_statement(
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
CITATIONS_FROM = read_statement(
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
CITATIONS_INTO = read_statement(
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
REFERENCES_INTO = read_statement(
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
DEFINITIONS_OF_TERM = read_statement(
    "definitions_of_term",
    f"""
    MATCH (t:Term {{id: $term}})<-[d:DEFINES]-(a:Article)<-[:HAS_ARTICLE]-(r:Regulation)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY r.id, a.position, d.start
    """,
    "term",
)
DEFINITIONS_IN_REGULATION = read_statement(
    "definitions_in_regulation",
    f"""
    MATCH (r:Regulation {{id: $regulation_id}})-[:HAS_ARTICLE]->(a:Article)-[d:DEFINES]->(t:Term)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY a.position, d.start
    """,
    "regulation_id",
)
ALL_DEFINITIONS = read_statement(
    "all_definitions",
    f"""
    MATCH (r:Regulation)-[:HAS_ARTICLE]->(a:Article)-[d:DEFINES]->(t:Term)
    RETURN {_DEFINITION_FIELDS}
    ORDER BY r.id, a.position, d.start
    SKIP $offset LIMIT $limit
    """,
    "offset", "limit",
)
ROLE = read_statement(
    "role", "MATCH (o:Role {id: $role}) RETURN o.id AS id, o.kind AS kind", "role"
)
DUTIES_OF_ROLE = read_statement(
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
