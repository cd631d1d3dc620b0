"""The registry's group writes (graph/registry.py, ``RegistryWriter``): many entities of one
kind in one atomic statement, each with its node or edge and its hashed, versioned registry
record, chained in Python one after another on the head the statement compares and moves once.
A statement per entity (graph/queries/registry.py) cost a round trip and a plan each: loading
25,000 organs took 164 s; the group does the same work in pages.

Every row's effects are those of the single statement of its kind; the caller sends rows with
distinct entities only, so no row reads what another row of the statement wrote. A relation
whose actor or case is missing fails the whole group (no row), as does a head that moved; the
caller tells the two apart by reading the head. Values travel as parameters only."""

from __future__ import annotations

from graph.queries.base import Query, label, rel_type, write_statement
from graph.queries.registry import LOCK_REGISTRY_HEAD as _LOCK_HEAD
from graph.schema import Label

# Each row's record, then the head moved once to the last row's hash (and its seal).
_RECORDS_AND_HEAD = """
    CREATE (:RegistryRecord {id: row.record_id, kind: row.kind, entity: row.entity,
                             version: row.version, seq: row.seq, prev_hash: row.prev_hash,
                             hash: row.hash, payload: row.payload})
    WITH h, count(*) AS written
    SET h.chain_length = $length, h.chain_head = $head, h.chain_seal = $seal
    RETURN written
"""
_GROUP_PARAMETERS = ("chain", "expected_length", "genesis", "expected_head", "length", "head",
                     "seal", "rows")

REGISTRY_GROUP_ORGANS = write_statement(
    "registry_group_organs",
    _LOCK_HEAD + """
    UNWIND $rows AS row
    MERGE (o:Organ {id: row.entity})
    SET o.name = row.name, o.caption = row.name, o.kind = row.organ_kind, o.level = row.level,
        o.region = row.region, o.superior = row.superior,
        o.party_committee = row.party_committee
    WITH h, o, row
    OPTIONAL MATCH (o)-[old:SUPERIOR_ORGAN|PARTY_COMMITTEE]->()
    WITH h, o, row, collect(old) AS olds
    FOREACH (x IN olds | DELETE x)
    FOREACH (x IN CASE WHEN row.superior IS NULL THEN [] ELSE [row.superior] END |
             MERGE (s:Organ {id: x}) MERGE (o)-[:SUPERIOR_ORGAN]->(s))
    FOREACH (x IN CASE WHEN row.party_committee IS NULL THEN [] ELSE [row.party_committee] END |
             MERGE (p:Organ {id: x}) MERGE (o)-[:PARTY_COMMITTEE]->(p))
    """ + _RECORDS_AND_HEAD,
    *_GROUP_PARAMETERS,
)
REGISTRY_GROUP_ACTORS = write_statement(
    "registry_group_actors",
    _LOCK_HEAD + """
    UNWIND $rows AS row
    MERGE (a:Actor {id: row.entity})
    SET a.name = row.name, a.caption = row.name, a.pseudonym = row.pseudonym,
        a.position = row.position, a.organ = row.organ, a.kinds = row.kinds,
        a.retired = row.retired, a.managed_by = row.managed_by
    WITH h, a, row
    OPTIONAL MATCH (a)-[old:WORKS_AT|MANAGED_BY]->()
    WITH h, a, row, collect(old) AS olds
    FOREACH (x IN olds | DELETE x)
    WITH h, a, row
    OPTIONAL MATCH (w:Organ {id: row.organ})
    OPTIONAL MATCH (m:Organ {id: row.managed_by})
    FOREACH (x IN CASE WHEN w IS NULL THEN [] ELSE [w] END | CREATE (a)-[:WORKS_AT]->(x))
    FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (a)-[:MANAGED_BY]->(x))
    """ + _RECORDS_AND_HEAD,
    *_GROUP_PARAMETERS,
)
# Parties and handlers are looked up one id at a time (``x.id IN row.list`` scans every actor
# on FalkorDB 4.16: its index serves IN over a parameter, not over a row's list); the lists
# come deduplicated, as ``p.id IN $parties`` matched each actor once.
REGISTRY_GROUP_CASES = write_statement(
    "registry_group_cases",
    _LOCK_HEAD + """
    UNWIND $rows AS row
    MERGE (c:Case {id: row.entity})
    SET c.number = row.number, c.caption = row.number, c.organ = row.organ,
        c.stage = row.stage, c.cause = row.cause, c.parties = row.parties,
        c.handlers = row.handlers
    WITH h, c, row
    OPTIONAL MATCH (c)-[old:HANDLED_BY]->()
    WITH h, c, row, collect(old) AS olds
    FOREACH (x IN olds | DELETE x)
    WITH h, c, row
    OPTIONAL MATCH (:Actor)-[gone:HANDLES]->(c)
    WITH h, c, row, collect(gone) AS gones
    FOREACH (x IN gones | DELETE x)
    WITH h, c, row
    OPTIONAL MATCH (:Actor)-[party:PARTY_TO]->(c)
    WHERE party.id IS NULL
    WITH h, c, row, collect(party) AS parties
    FOREACH (x IN parties | DELETE x)
    WITH h, c, row
    OPTIONAL MATCH (o:Organ {id: row.organ})
    FOREACH (x IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (c)-[:HANDLED_BY]->(x))
    WITH h, c, row
    UNWIND CASE WHEN size(row.party_ids) = 0 THEN [null] ELSE row.party_ids END AS party_id
    OPTIONAL MATCH (p:Actor {id: party_id})
    WITH h, c, row, collect(p) AS party_nodes
    FOREACH (x IN party_nodes | CREATE (x)-[:PARTY_TO]->(c))
    WITH h, c, row
    UNWIND CASE WHEN size(row.handler_ids) = 0 THEN [null] ELSE row.handler_ids END AS handler_id
    OPTIONAL MATCH (k:Actor {id: handler_id})
    WITH h, c, row, collect(k) AS handler_nodes
    FOREACH (x IN handler_nodes | CREATE (x)-[:HANDLES]->(c))
    WITH h, row
    """ + _RECORDS_AND_HEAD,
    *_GROUP_PARAMETERS,
)
# Relations: both ends of every row must be found, else nothing is written ($row_count).
_ENDS_FOUND = """
    WITH h, collect({row: row, s: s, t: t}) AS found
    WHERE size([f IN found WHERE f.s IS NOT NULL AND f.t IS NOT NULL]) = $row_count
    UNWIND found AS f
    WITH h, f.row AS row, f.s AS s, f.t AS t
"""


def _relations(name: str, end: Label, edge: str, properties: str) -> Query:
    """A group of relations whose edge ``edge`` (with ``properties``) runs from an actor to
    an ``end`` node: the edge of each relation's previous version (or one with its id
    between the same ends, written before the registry) replaced."""
    return write_statement(
        name,
        _LOCK_HEAD + f"""
        UNWIND $rows AS row
        OPTIONAL MATCH (s:Actor {{id: row.subject}})
        OPTIONAL MATCH (t:{label(end)} {{id: row.object}})
        """ + _ENDS_FOUND + f"""
        OPTIONAL MATCH (:Actor {{id: row.old_subject}})-[old:{rel_type(edge)}]->
                       (:{label(end)} {{id: row.old_object}})
        WHERE old.id = row.entity
        WITH h, row, s, t, collect(old) AS olds
        FOREACH (x IN olds | DELETE x)
        CREATE (s)-[:{rel_type(edge)} {{{properties}}}]->(t)
        """ + _RECORDS_AND_HEAD,
        *_GROUP_PARAMETERS, "row_count",
    )


REGISTRY_GROUP_RELATED = _relations(
    "registry_group_related", Label.ACTOR, "RELATED",
    "id: row.entity, kind: row.relation_kind, detail: row.detail, case: row.case")
REGISTRY_GROUP_PARTY_TO = _relations(
    "registry_group_party_to", Label.CASE, "PARTY_TO", "id: row.entity, detail: row.detail")
