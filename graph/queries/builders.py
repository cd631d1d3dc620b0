"""Builders for the statements that differ only in labels, relationship types and row
fields. Each docstring shows the statement it builds for one example; the modules beside this
one call them with allow-listed names only, and ``graph.queries.all_statements`` yields every
statement they build."""

from __future__ import annotations

from graph.queries.base import Query, label, read_statement, rel_type, row_field, write_statement
from graph.schema import KEY, Label, RelType


def delete_below_regulations(name: str, *path: tuple[RelType, Label]) -> Query:
    """``UNWIND $ids AS id MATCH (:Regulation {id: id})-[:HAS_ARTICLE]->(n:Article)
    DETACH DELETE n``: the nodes at the end of ``path`` (relationship type, label) steps."""
    *between, (last_type, last) = path
    steps = "".join(f"-[:{rel_type(rel)}]->(:{label(node)})" for rel, node in between)
    steps += f"-[:{rel_type(last_type)}]->(n:{label(last)})"
    return write_statement(
        name,
        f"""
        UNWIND $ids AS id
        MATCH (:{label(Label.REGULATION)} {{{KEY}: id}}){steps}
        DETACH DELETE n
        """,
        "ids",
    )


def upsert_below(name: str, parent: tuple[Label, str], rel: RelType, child: Label) -> Query:
    """``UNWIND $rows AS row MATCH (p:Regulation {id: row.regulation_id})
    MERGE (c:Article {id: row.id}) SET c += row.props MERGE (p)-[:HAS_ARTICLE]->(c)``."""
    parent_label, parent_field = parent
    return write_statement(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (p:{label(parent_label)} {{{KEY}: {row_field(parent_field)}}})
        MERGE (c:{label(child)} {{{KEY}: row.{KEY}}})
        SET c += row.props
        MERGE (p)-[:{rel_type(rel)}]->(c)
        """,
        "rows",
    )


def link(
    name: str, source: tuple[Label, str], rel: RelType, target: tuple[Label, str], *keys: str
) -> Query:
    """``UNWIND $rows AS row MATCH (s:Article {id: row.id})
    MATCH (t:Heading {id: row.heading_id}) MERGE (s)-[:UNDER]->(t)``.

    With ``keys``, one relationship for each pair and key values, the rest of its properties
    from ``row.props``: ``MERGE (s)-[r:CITES {start: row.start}]->(t) SET r += row.props``.
    """
    (source_label, source_field), (target_label, target_field) = source, target
    if keys:
        key_map = ", ".join(f"{key}: {row_field(key)}" for key in keys)
        merge = f"MERGE (s)-[r:{rel_type(rel)} {{{key_map}}}]->(t) SET r += row.props"
    else:
        merge = f"MERGE (s)-[:{rel_type(rel)}]->(t)"
    return write_statement(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (s:{label(source_label)} {{{KEY}: {row_field(source_field)}}})
        MATCH (t:{label(target_label)} {{{KEY}: {row_field(target_field)}}})
        {merge}
        """,
        "rows",
    )


def unlink(name: str, source: Label, *types: RelType) -> Query:
    """``UNWIND $rows AS row MATCH (n:Organ {id: row.id})-[r:SUPERIOR_ORGAN|PARTY_COMMITTEE]->()
    DELETE r``: the relationships of ``types`` out of each row's node."""
    return write_statement(
        name,
        f"""
        UNWIND $rows AS row
        MATCH (n:{label(source)} {{{KEY}: row.{KEY}}})-[r:{"|".join(map(rel_type, types))}]->()
        DELETE r
        """,
        "rows",
    )


def node(name: str) -> Query:
    """Look one node up by label and id: its id and caption."""
    return read_statement(
        f"node_{name.lower()}",
        f"MATCH (n:{label(name)} {{{KEY}: $id}}) RETURN n.id AS id, n.caption AS caption",
        "id",
    )


def neighbours(name: str) -> Query:
    """One hop from a frontier of nodes with one label, in both directions."""
    return read_statement(
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
