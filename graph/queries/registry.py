"""The registry statements (graph/registry.py): organs, actors, cases and relations written as
hashed, versioned records of one chain, each write one atomic statement that compares-and-
sets the registry head, writes the node or edge the reads use and the registry record, and
moves the head with its seal; and the pages ``liuhen verify`` walks to compare what is stored
with the latest registered version. Values travel as parameters only."""

from __future__ import annotations

from graph.queries.base import read_statement, write_statement

# The head is locked (a real write) before it is compared, as in record_append_incident: a
# writer that lost the race matches nothing and writes nothing.
_LOCK_HEAD = """
    MERGE (h:RegistryHead {id: $chain})
    SET h.chain_lock = true
    WITH h
    WHERE coalesce(h.chain_length, 0) = $expected_length
      AND coalesce(h.chain_head, $genesis) = $expected_head
"""
_RECORD_AND_HEAD = """
    CREATE (:RegistryRecord {id: $record_id, kind: $kind, entity: $entity,
                             version: $version, seq: $seq, prev_hash: $prev_hash,
                             hash: $hash, payload: $payload})
    SET h.chain_length = $seq, h.chain_head = $hash, h.chain_seal = $seal
    RETURN h.chain_length AS length
"""
_CHAIN_PARAMETERS = ("chain", "expected_length", "genesis", "expected_head", "record_id",
                     "kind", "entity", "version", "seq", "prev_hash", "hash", "payload",
                     "seal")

# An organ, its edges up the hierarchy, its registry record and the head. A superior or
# party committee later in the same batch is MERGEd as a bare node its own write fills.
REGISTRY_APPEND_ORGAN = write_statement(
    "registry_append_organ",
    _LOCK_HEAD + """
    MERGE (o:Organ {id: $entity})
    SET o.name = $name, o.caption = $name, o.kind = $organ_kind, o.level = $level,
        o.region = $region, o.superior = $superior, o.party_committee = $party_committee
    WITH h, o
    OPTIONAL MATCH (o)-[old:SUPERIOR_ORGAN|PARTY_COMMITTEE]->()
    DELETE old
    WITH DISTINCT h, o
    FOREACH (x IN CASE WHEN $superior IS NULL THEN [] ELSE [$superior] END |
             MERGE (s:Organ {id: x}) MERGE (o)-[:SUPERIOR_ORGAN]->(s))
    FOREACH (x IN CASE WHEN $party_committee IS NULL THEN [] ELSE [$party_committee] END |
             MERGE (p:Organ {id: x}) MERGE (o)-[:PARTY_COMMITTEE]->(p))
    WITH h
    """ + _RECORD_AND_HEAD,
    *_CHAIN_PARAMETERS, "name", "organ_kind", "level", "region", "superior", "party_committee",
)
REGISTRY_APPEND_ACTOR = write_statement(
    "registry_append_actor",
    _LOCK_HEAD + """
    MERGE (a:Actor {id: $entity})
    SET a.name = $name, a.caption = $name, a.pseudonym = $pseudonym, a.position = $position,
        a.organ = $organ, a.kinds = $kinds, a.retired = $retired, a.managed_by = $managed_by
    WITH h, a
    OPTIONAL MATCH (a)-[old:WORKS_AT|MANAGED_BY]->()
    DELETE old
    WITH DISTINCT h, a
    OPTIONAL MATCH (w:Organ {id: $organ})
    OPTIONAL MATCH (m:Organ {id: $managed_by})
    FOREACH (x IN CASE WHEN w IS NULL THEN [] ELSE [w] END | CREATE (a)-[:WORKS_AT]->(x))
    FOREACH (x IN CASE WHEN m IS NULL THEN [] ELSE [m] END | CREATE (a)-[:MANAGED_BY]->(x))
    WITH h
    """ + _RECORD_AND_HEAD,
    *_CHAIN_PARAMETERS, "name", "pseudonym", "position", "organ", "kinds", "retired",
    "managed_by",
)
# A case, the edges its record decides (the organ handling it, its handlers, its parties:
# PARTY_TO edges without an id, those with one being registered relations), its registry
# record and the head. The old edges are deleted and made again from the record, so a
# changed case leaves none of its previous version's.
REGISTRY_APPEND_CASE = write_statement(
    "registry_append_case",
    _LOCK_HEAD + """
    MERGE (c:Case {id: $entity})
    SET c.number = $number, c.caption = $number, c.organ = $organ, c.stage = $stage,
        c.cause = $cause, c.parties = $parties, c.handlers = $handlers
    WITH h, c
    OPTIONAL MATCH (c)-[old:HANDLED_BY]->()
    DELETE old
    WITH DISTINCT h, c
    OPTIONAL MATCH (:Actor)-[gone:HANDLES]->(c)
    DELETE gone
    WITH DISTINCT h, c
    OPTIONAL MATCH (:Actor)-[party:PARTY_TO]->(c)
    WHERE party.id IS NULL
    DELETE party
    WITH DISTINCT h, c
    OPTIONAL MATCH (o:Organ {id: $organ})
    FOREACH (x IN CASE WHEN o IS NULL THEN [] ELSE [o] END | CREATE (c)-[:HANDLED_BY]->(x))
    WITH h, c
    OPTIONAL MATCH (p:Actor) WHERE p.id IN $parties
    WITH h, c, collect(p) AS party_nodes
    FOREACH (x IN party_nodes | CREATE (x)-[:PARTY_TO]->(c))
    WITH h, c
    OPTIONAL MATCH (k:Actor) WHERE k.id IN $handlers
    WITH h, c, collect(k) AS handler_nodes
    FOREACH (x IN handler_nodes | CREATE (x)-[:HANDLES]->(c))
    WITH h
    """ + _RECORD_AND_HEAD,
    *_CHAIN_PARAMETERS, "number", "organ", "stage", "cause", "parties", "handlers",
)
# A relation between actors: the edge of its previous version (or one with its id between
# the same actors, written before the registry) is replaced. Both actors must exist, else
# nothing is written.
REGISTRY_APPEND_RELATED = write_statement(
    "registry_append_related",
    _LOCK_HEAD + """
    MATCH (s:Actor {id: $subject})
    MATCH (t:Actor {id: $object})
    OPTIONAL MATCH (:Actor {id: $old_subject})-[old:RELATED]->(:Actor {id: $old_object})
    WHERE old.id = $entity
    DELETE old
    WITH DISTINCT h, s, t
    CREATE (s)-[:RELATED {id: $entity, kind: $relation_kind, detail: $detail, case: $case}]->(t)
    WITH h
    """ + _RECORD_AND_HEAD,
    *_CHAIN_PARAMETERS, "subject", "object", "old_subject", "old_object", "relation_kind",
    "detail", "case",
)
REGISTRY_APPEND_PARTY_TO = write_statement(
    "registry_append_party_to",
    _LOCK_HEAD + """
    MATCH (s:Actor {id: $subject})
    MATCH (t:Case {id: $object})
    OPTIONAL MATCH (:Actor {id: $old_subject})-[old:PARTY_TO]->(:Case {id: $old_object})
    WHERE old.id = $entity
    DELETE old
    WITH DISTINCT h, s, t
    CREATE (s)-[:PARTY_TO {id: $entity, detail: $detail}]->(t)
    WITH h
    """ + _RECORD_AND_HEAD,
    *_CHAIN_PARAMETERS, "subject", "object", "old_subject", "old_object", "detail",
)

# Set the registry head (repair): only if it is still the one the repair read.
REGISTRY_SET_HEAD = write_statement(
    "registry_set_head",
    """
    MERGE (h:RegistryHead {id: $chain})
    SET h.chain_lock = true
    WITH h
    WHERE coalesce(h.chain_length, 0) = $expected_length
      AND coalesce(h.chain_head, $genesis) = $expected_head
    SET h.chain_length = $length, h.chain_head = $hash, h.chain_seal = $seal
    RETURN h.id AS id
    """,
    "chain", "expected_length", "genesis", "expected_head", "length", "hash", "seal",
)
REGISTRY_HEAD = read_statement(
    "registry_head",
    """
    MATCH (h:RegistryHead {id: $chain})
    RETURN h.chain_length AS length, h.chain_head AS hash, h.chain_seal AS seal
    """,
    "chain",
)
# Every registered version of these entities of one kind (the caller keeps the latest).
REGISTRY_VERSIONS_OF = read_statement(
    "registry_versions_of",
    """
    UNWIND $ids AS wanted
    MATCH (r:RegistryRecord {entity: wanted})
    WHERE r.kind = $kind
    RETURN r.entity AS entity, r.version AS version, r.payload AS payload
    ORDER BY entity, version
    """,
    "ids", "kind",
)
# The registry chain in order, after position ``after`` (keyset).
REGISTRY_CHAIN_PAGE = read_statement(
    "registry_chain_page",
    """
    MATCH (r:RegistryRecord)
    WHERE r.seq > $after
    RETURN r.seq AS seq, r.id AS id, r.prev_hash AS prev_hash, r.hash AS hash,
           r.payload AS payload, r.kind AS kind, r.entity AS entity, r.version AS version
    ORDER BY seq, id
    LIMIT $limit
    """,
    "after", "limit",
)
# Registered entities of one kind by id, every version (keyset on the entity).
REGISTRY_ENTITY_PAGE = read_statement(
    "registry_entity_page",
    """
    MATCH (r:RegistryRecord)
    WHERE r.kind = $kind AND r.entity > $after
    RETURN r.entity AS entity, r.version AS version, r.payload AS payload
    ORDER BY entity, version
    LIMIT $limit
    """,
    "kind", "after", "limit",
)
# What is stored of these organs and actors: every property, and the edges their records
# decide.
REGISTRY_STORED_ORGANS = read_statement(
    "registry_stored_organs",
    """
    UNWIND $ids AS wanted
    MATCH (o:Organ {id: wanted})
    RETURN o.id AS id, properties(o) AS properties,
           [(o)-[r:SUPERIOR_ORGAN|PARTY_COMMITTEE]->(t) | [type(r), t.id]] AS edges
    """,
    "ids",
)
REGISTRY_STORED_ACTORS = read_statement(
    "registry_stored_actors",
    """
    UNWIND $ids AS wanted
    MATCH (a:Actor {id: wanted})
    RETURN a.id AS id, properties(a) AS properties,
           [(a)-[r:WORKS_AT|MANAGED_BY]->(t) | [type(r), t.id]] AS edges
    """,
    "ids",
)
# What is stored of these cases: every property, the organ it is HANDLED_BY, and the
# HANDLES and PARTY_TO edges into it with their ids (a PARTY_TO edge with an id is a
# relation, checked as one).
REGISTRY_STORED_CASES = read_statement(
    "registry_stored_cases",
    """
    UNWIND $ids AS wanted
    MATCH (c:Case {id: wanted})
    RETURN c.id AS id, properties(c) AS properties,
           [(c)-[out:HANDLED_BY]->(organ) | [type(out), organ.id]] AS outgoing,
           [(source)-[back:HANDLES|PARTY_TO]->(c) | [type(back), source.id, back.id]]
               AS incoming
    """,
    "ids",
)
# The edges of these relations between the actors (or actor and case) their latest version
# names: none means removed or moved, several duplicated.
REGISTRY_STORED_RELATED = read_statement(
    "registry_stored_related",
    """
    UNWIND $rows AS row
    OPTIONAL MATCH (:Actor {id: row.subject})-[r:RELATED]->(:Actor {id: row.object})
    WHERE r.id = row.id
    RETURN row.id AS id, collect(properties(r)) AS found
    """,
    "rows",
)
REGISTRY_STORED_PARTY_TO = read_statement(
    "registry_stored_party_to",
    """
    UNWIND $rows AS row
    OPTIONAL MATCH (:Actor {id: row.subject})-[r:PARTY_TO]->(:Case {id: row.object})
    WHERE r.id = row.id
    RETURN row.id AS id, collect(properties(r)) AS found
    """,
    "rows",
)
# Which of these ids have a registry record of the kind.
REGISTRY_REGISTERED = read_statement(
    "registry_registered",
    """
    UNWIND $ids AS wanted
    MATCH (r:RegistryRecord {entity: wanted})
    WHERE r.kind = $kind
    RETURN DISTINCT r.entity AS entity
    """,
    "ids", "kind",
)
# The stored organs, actors and relations by id, a page at a time (keyset), to find those
# that no registry record holds.
REGISTRY_ORGAN_IDS = read_statement(
    "registry_organ_ids",
    "MATCH (o:Organ) WHERE o.id > $after RETURN o.id AS id ORDER BY id LIMIT $limit",
    "after", "limit",
)
REGISTRY_ACTOR_IDS = read_statement(
    "registry_actor_ids",
    "MATCH (a:Actor) WHERE a.id > $after RETURN a.id AS id ORDER BY id LIMIT $limit",
    "after", "limit",
)
REGISTRY_CASE_IDS = read_statement(
    "registry_case_ids",
    "MATCH (c:Case) WHERE c.id > $after RETURN c.id AS id ORDER BY id LIMIT $limit",
    "after", "limit",
)
# Relation edges (RELATED; PARTY_TO with an id: a case's parties are edges without one)
# with their ends, by id.
REGISTRY_RELATION_EDGES = read_statement(
    "registry_relation_edges",
    """
    MATCH (s)-[r:RELATED|PARTY_TO]->(t)
    WHERE r.id > $after
    RETURN r.id AS id, type(r) AS type, s.id AS subject, t.id AS object, r.kind AS kind,
           r.detail AS detail, r.case AS case
    ORDER BY id, subject, object
    LIMIT $limit
    """,
    "after", "limit",
)
REGISTRY_UNNAMED_RELATIONS = read_statement(
    "registry_unnamed_relations",
    """
    MATCH (s)-[r:RELATED]->(t)
    WHERE r.id IS NULL
    RETURN s.id AS subject, t.id AS object
    LIMIT $limit
    """,
    "limit",
)
# An incident page's nodes as stored: the properties mirrored from the payload, the
# engine's assessment with its seal, every property's name, and every edge at it (the
# caller leaves out the CORRECTS edges of later versions, checked at those). Each
# comprehension has variables of its own: FalkorDB 4.16 gives the second an empty list
# when both name theirs r and t.
REGISTRY_STORED_INCIDENTS = read_statement(
    "registry_stored_incidents",
    """
    UNWIND $ids AS wanted
    MATCH (i:Incident {id: wanted})
    RETURN i.id AS id, keys(i) AS keys,
           [i.caption, i.organ, i.case, i.stage, i.channel, i.intervener, i.instigator,
            i.handler, i.corrects, i.occurred_at, i.recorded_at, i.occurred_key,
            i.recorded_key] AS mirrored,
           [i.verdict, i.statuses, i.interference, i.provisions, i.regimes, i.findings,
            i.missing_facts, i.assessed_by] AS assessment, i.assessment_seal AS seal,
           [(i)-[out]->(target) | [type(out), target.id, out.role]] AS outgoing,
           [(source)-[back]->(i) | [type(back), source.id, back.role]] AS incoming
    """,
    "ids",
)
