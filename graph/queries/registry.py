"""The registry statements (graph/registry.py): organs, actors, cases and relations written as
hashed, versioned records of one chain, each write one atomic statement that compares-and-
sets the registry head, writes the node or edge the reads use and the registry record, and
moves the head with its seal; and the pages ``liuhen verify`` walks to compare what is stored
with the latest registered version. Values travel as parameters only."""

from __future__ import annotations

from graph.queries.base import Backend, Query, label, read_statement, write_statement
from graph.schema import Label

# The head is locked (a real write) before it is compared, as in record_append_incident: a
# writer that lost the race matches nothing and writes nothing.
LOCK_REGISTRY_HEAD = """
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
    LOCK_REGISTRY_HEAD + """
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
    LOCK_REGISTRY_HEAD + """
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
    LOCK_REGISTRY_HEAD + """
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
    LOCK_REGISTRY_HEAD + """
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
    LOCK_REGISTRY_HEAD + """
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

# --------------------------------------------------------------- verify's lean reads (FalkorDB)
# The registry chain page of REGISTRY_CHAIN_PAGE as one string (fields joined by $field_sep,
# records by $record_sep: control characters canonical JSON never leaves unescaped), so the
# client parses one value a page instead of eight a record: in session 8 the two nested reads
# of the registry were 24 of verify's 55 s. Each record comes with ``above``, the highest
# version another record of its kind and entity holds at or above its own (empty: none), so
# the same pass finds each entity's latest version. ``regular`` counts the records whose
# values have the types liuhen writes among the page's ``records`` (only those are joined: a
# hand-edited type makes the caller read the page nested). No order after the aggregation:
# the caller sorts.
_REGISTRY_CHAIN_PAGE_JOINED_TEXT = """
    MATCH (r:RegistryRecord)
    WHERE r.seq > $after
    WITH r ORDER BY r.seq, r.id LIMIT $limit
    OPTIONAL MATCH (n:RegistryRecord {entity: r.entity})
    WHERE n.kind = r.kind AND n.version >= r.version AND n <> r
    WITH r, max(n.version) AS above
    WITH r, above,
         typeOf(r.seq) = $integer AND typeOf(r.version) = $integer
         AND typeOf(r.id) = $string AND typeOf(r.kind) = $string
         AND typeOf(r.entity) = $string AND typeOf(r.payload) = $string
         AND typeOf(coalesce(r.prev_hash, $empty)) = $string
         AND typeOf(coalesce(r.hash, $empty)) = $string
         AND (above IS NULL OR typeOf(above) = $integer) AS regular
    RETURN string.join(collect(CASE WHEN regular THEN
                                   toString(r.seq) + $field_sep + r.id + $field_sep +
                                   coalesce(r.prev_hash, $empty) + $field_sep +
                                   coalesce(r.hash, $empty) + $field_sep + r.kind +
                                   $field_sep + r.entity + $field_sep + toString(r.version) +
                                   $field_sep + coalesce(toString(above), $empty) +
                                   $field_sep + r.payload END), $record_sep) AS page,
           count(r) AS records, sum(CASE WHEN regular THEN 1 ELSE 0 END) AS regular
    """
REGISTRY_CHAIN_PAGE_JOINED = Query(
    "registry_chain_page_joined", " ".join(_REGISTRY_CHAIN_PAGE_JOINED_TEXT.split()),
    ("after", "limit", "integer", "string", "empty", "field_sep", "record_sep"),
    readonly=True, backends=frozenset({Backend.FALKORDB}),
)
# How many registry records are stored: the joined pages above found every entity's latest
# version only if they met every record.
REGISTRY_RECORD_COUNT = read_statement(
    "registry_record_count",
    "MATCH (r:RegistryRecord) RETURN count(r) AS records",
)
# The stored organs (actors, cases) by id that no registry record of their kind holds, a page
# at a time (keyset): the store answers only the mismatches, where listing every id and asking
# which are registered took two statements a page.
_UNREGISTERED = """
    MATCH (o:{label}) WHERE o.id > $after
    OPTIONAL MATCH (r:RegistryRecord {{entity: o.id}}) WHERE r.kind = $kind
    WITH o, r WHERE r IS NULL
    RETURN o.id AS id ORDER BY id LIMIT $limit
    """
REGISTRY_UNREGISTERED_ORGANS = read_statement(
    "registry_unregistered_organs", _UNREGISTERED.format(label=label(Label.ORGAN)),
    "after", "kind", "limit",
)
REGISTRY_UNREGISTERED_ACTORS = read_statement(
    "registry_unregistered_actors", _UNREGISTERED.format(label=label(Label.ACTOR)),
    "after", "kind", "limit",
)
REGISTRY_UNREGISTERED_CASES = read_statement(
    "registry_unregistered_cases", _UNREGISTERED.format(label=label(Label.CASE)),
    "after", "kind", "limit",
)
# The relation edges (RELATED; PARTY_TO with an id) that mismatch the registry, by id, a page
# of ids at a time (keyset): an id no relation's registry record holds (``registered`` false),
# or one stored on several edges; each with its edges in (subject, object) order. On a store
# that verifies clean this is one statement answering nothing, where listing every edge took a
# page of nested rows and a second statement per 1,000 edges, each page scanning every edge
# again (no index holds an edge's id): 8-11 s of verify on a loaded machine (session 12).
REGISTRY_RELATION_MISMATCHES = read_statement(
    "registry_relation_mismatches",
    """
    MATCH (s)-[r:RELATED|PARTY_TO]->(t)
    WHERE r.id > $after
    WITH r, s, t ORDER BY r.id, s.id, t.id
    WITH r.id AS id, collect([type(r), s.id, t.id]) AS edges
    OPTIONAL MATCH (g:RegistryRecord {entity: id}) WHERE g.kind = $kind
    WITH id, edges, count(g) AS records
    WHERE records = 0 OR size(edges) > 1
    RETURN id, edges, records > 0 AS registered
    ORDER BY id
    LIMIT $limit
    """,
    "after", "kind", "limit",
)
