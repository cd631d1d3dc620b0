"""The records statements: organs, actors, relations, cases and incidents, written and read
by graph/records.py (batches), graph/chains.py (chain pages; its appends are in
``records_append``) and graph/chain_audit.py (verify, repair), and by the records services.
Values travel as parameters only; ``link`` and ``unlink`` format in allow-listed labels and
types and row field names, nothing else."""

from __future__ import annotations

from graph.queries.base import Backend, Query, read_statement, write_statement
from graph.queries.builders import link, unlink
from graph.schema import Label, RelType

RECORD_UPSERT_ORGANS = write_statement(
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
RECORD_UNLINK_ORGANS = unlink(
    "record_unlink_organs", Label.ORGAN, RelType.SUPERIOR_ORGAN, RelType.PARTY_COMMITTEE
)
RECORD_LINK_ORGAN_SUPERIORS = link(
    "record_link_organ_superiors",
    (Label.ORGAN, "id"), RelType.SUPERIOR_ORGAN, (Label.ORGAN, "superior"),
)
RECORD_LINK_ORGAN_COMMITTEES = link(
    "record_link_organ_committees",
    (Label.ORGAN, "id"), RelType.PARTY_COMMITTEE, (Label.ORGAN, "party_committee"),
)
RECORD_UPSERT_ACTORS = write_statement(
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
RECORD_UNLINK_ACTORS = unlink(
    "record_unlink_actors", Label.ACTOR, RelType.WORKS_AT, RelType.MANAGED_BY
)
RECORD_LINK_ACTOR_ORGANS = link(
    "record_link_actor_organs", (Label.ACTOR, "id"), RelType.WORKS_AT, (Label.ORGAN, "organ")
)
RECORD_LINK_ACTOR_MANAGERS = link(
    "record_link_actor_managers",
    (Label.ACTOR, "id"), RelType.MANAGED_BY, (Label.ORGAN, "managed_by"),
)
RECORD_UPSERT_ACTOR_RELATIONS = write_statement(
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
RECORD_UPSERT_PARTY_RELATIONS = write_statement(
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
RECORD_UPSERT_CASES = write_statement(
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
RECORD_UNLINK_CASES = unlink("record_unlink_cases", Label.CASE, RelType.HANDLED_BY)
RECORD_LINK_CASES = link(
    "record_link_cases", (Label.CASE, "id"), RelType.HANDLED_BY, (Label.ORGAN, "organ")
)
RECORD_LINK_CASE_PARTIES = link(
    "record_link_case_parties", (Label.ACTOR, "actor"), RelType.PARTY_TO, (Label.CASE, "case")
)
RECORD_LINK_CASE_HANDLERS = link(
    "record_link_case_handlers", (Label.ACTOR, "actor"), RelType.HANDLES, (Label.CASE, "case")
)
# Append-only: CREATE, never MERGE/SET on an existing incident. The unique key constraint on
# Incident.id refuses a second node with the same id.
RECORD_APPEND_INCIDENTS = write_statement(
    "record_append_incidents",
    """
    UNWIND $rows AS row
    CREATE (i:Incident {id: row.id, caption: row.caption, organ: row.organ, case: row.case,
                        stage: row.stage, channel: row.channel,
                        intervener: row.intervener, instigator: row.instigator,
                        handler: row.handler, corrects: row.corrects,
                        occurred_at: row.occurred_at, recorded_at: row.recorded_at,
                        occurred_key: row.occurred_key, recorded_key: row.recorded_key,
                        assessment_pending: 1,
                        seq: row.seq, prev_hash: row.prev_hash, hash: row.hash,
                        payload: row.payload})
    """,
    "rows",
)
RECORD_LINK_INCIDENTS = write_statement(
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
RECORD_LINK_INCIDENT_HANDLERS = link(
    "record_link_incident_handlers",
    (Label.INCIDENT, "id"), RelType.APPROACHED, (Label.ACTOR, "handler"),
)
RECORD_ORGANS = read_statement(
    "record_organs",
    """
    MATCH (o:Organ)
    RETURN o.id AS id, o.name AS name, o.kind AS kind, o.level AS level, o.region AS region,
           o.superior AS superior, o.party_committee AS party_committee
    ORDER BY id
    """,
)
RECORD_ACTORS = read_statement(
    "record_actors",
    """
    MATCH (a:Actor)
    RETURN a.id AS id, a.name AS name, a.pseudonym AS pseudonym, a.position AS position,
           a.organ AS organ, a.kinds AS kinds, a.retired AS retired,
           a.managed_by AS managed_by
    ORDER BY id
    """,
)
RECORD_ACTOR_RELATIONS = read_statement(
    "record_actor_relations",
    """
    MATCH (a:Actor)-[r:RELATED]->(b:Actor)
    RETURN r.id AS id, r.kind AS kind, a.id AS subject, b.id AS object, r.detail AS detail,
           r.case AS case
    ORDER BY id
    """,
)
RECORD_PARTY_RELATIONS = read_statement(
    "record_party_relations",
    """
    MATCH (a:Actor)-[r:PARTY_TO]->(c:Case)
    WHERE r.id IS NOT NULL
    RETURN r.id AS id, a.id AS subject, c.id AS object, r.detail AS detail
    ORDER BY id
    """,
)
RECORD_CASES = read_statement(
    "record_cases",
    """
    MATCH (c:Case)
    RETURN c.id AS id, c.number AS number, c.organ AS organ, c.stage AS stage,
           c.cause AS cause, c.parties AS parties, c.handlers AS handlers
    ORDER BY id
    """,
)
RECORD_INCIDENT_CHAIN = read_statement(
    "record_incident_chain",
    """
    MATCH (i:Incident)
    RETURN i.organ AS organ, i.seq AS seq, i.id AS id, i.payload AS payload,
           i.prev_hash AS prev_hash, i.hash AS hash
    ORDER BY organ, seq, id
    """,
)
RECORD_CHAIN_HEADS = read_statement(
    "record_chain_heads",
    """
    MATCH (o:Organ)
    WHERE o.chain_length IS NOT NULL
    RETURN o.id AS organ, o.chain_length AS length, o.chain_head AS hash
    ORDER BY organ
    """,
)

# --- the atomic append and what it is validated against (graph/chains.py) -------------------

#: Longest correction chain followed when listing an incident's versions.
MAX_VERSIONS = 100

# Everything one new incident is checked against, in one read: the organs and actors it
# names, its case, the stored incident with its id and the one it corrects, and an incident
# that already corrects that one. Nulls from the OPTIONAL MATCHes come back as maps whose id
# is null; the caller drops them.
RECORD_REFERENCES = read_statement(
    "record_references",
    """
    OPTIONAL MATCH (o:Organ) WHERE o.id IN $organs
    WITH collect({id: o.id, name: o.name, kind: o.kind, level: o.level, region: o.region,
                  superior: o.superior, party_committee: o.party_committee,
                  chain_length: o.chain_length, chain_head: o.chain_head,
                  chain_seal: o.chain_seal}) AS organs
    OPTIONAL MATCH (a:Actor) WHERE a.id IN $actors
    WITH organs, collect({id: a.id, name: a.name, pseudonym: a.pseudonym,
                          position: a.position, organ: a.organ, kinds: a.kinds,
                          retired: a.retired, managed_by: a.managed_by}) AS actors
    OPTIONAL MATCH (c:Case {id: $case})
    WITH organs, actors, collect({id: c.id, number: c.number, organ: c.organ,
                                  stage: c.stage, cause: c.cause, parties: c.parties,
                                  handlers: c.handlers}) AS cases
    OPTIONAL MATCH (s:Incident) WHERE s.id IN $incidents
    WITH organs, actors, cases, collect({id: s.id, organ: s.organ, seq: s.seq,
                                         prev_hash: s.prev_hash, hash: s.hash,
                                         payload: s.payload}) AS incidents
    OPTIONAL MATCH (x:Incident)-[:CORRECTS]->(t:Incident) WHERE t.id IN $corrects
    RETURN organs, actors, cases, incidents, collect(x.payload)[..1] AS correctors
    """,
    "organs", "actors", "case", "incidents", "corrects",
)
# The versions around an incident: the ones it corrects (older) and those correcting it
# (newer), each with its distance.
RECORD_INCIDENT_VERSIONS = read_statement(
    "record_incident_versions",
    f"""
    MATCH (i:Incident {{id: $id}})
    OPTIONAL MATCH older_path = (i)-[:CORRECTS*1..{MAX_VERSIONS}]->(older:Incident)
    WITH i, collect({{id: older.id, distance: length(older_path)}}) AS older
    OPTIONAL MATCH newer_path = (newer:Incident)-[:CORRECTS*1..{MAX_VERSIONS}]->(i)
    RETURN older, collect({{id: newer.id, distance: length(newer_path)}}) AS newer
    """,
    "id",
)
# --- streaming verify and repair (graph/chains.py) ------------------------------------------

# Organs that have a chain head or any incident claiming them, a page at a time.
RECORD_HEAD_PAGE = read_statement(
    "record_head_page",
    """
    MATCH (o:Organ)
    WHERE o.id > $after AND (o.chain_length IS NOT NULL OR o.chain_seal IS NOT NULL)
    RETURN o.id AS organ, o.chain_length AS length, o.chain_head AS hash,
           o.chain_seal AS seal
    ORDER BY organ
    LIMIT $limit
    """,
    "after", "limit",
)
RECORD_CHAIN_ORGANS = read_statement(
    "record_chain_organs",
    """
    MATCH (i:Incident)
    RETURN DISTINCT i.organ AS organ
    ORDER BY organ
    """,
)
# Incident nodes no organ's chain can hold (no organ named): written outside liuhen, or
# left incomplete by the store (seen once in memory, session 26: edges and no properties).
# Read only when verify counted fewer chained records than incident nodes.
RECORD_ORGANLESS_INCIDENTS = read_statement(
    "record_organless_incidents",
    """
    MATCH (i:Incident)
    WHERE i.organ IS NULL
    WITH i LIMIT $limit
    OPTIONAL MATCH (i)-[:RECORDED_IN]->(o:Organ)
    RETURN i.id AS id, collect(o.id) AS organs
    """,
    "limit",
)
RECORD_HEAD_OF = read_statement(
    "record_head_of",
    """
    MATCH (o:Organ {id: $organ})
    RETURN o.id AS organ, o.chain_length AS length, o.chain_head AS hash,
           o.chain_seal AS seal
    """,
    "organ",
)
# One organ's records in chain order, after position ``after`` (keyset pagination).
RECORD_CHAIN_PAGE = read_statement(
    "record_chain_page",
    """
    MATCH (i:Incident)
    WHERE i.organ = $organ AND i.seq > $after
    RETURN i.seq AS seq, i.id AS id, i.payload AS payload, i.prev_hash AS prev_hash,
           i.hash AS hash
    ORDER BY seq, id
    LIMIT $limit
    """,
    "organ", "after", "limit",
)
# The same page as one string (FalkorDB): the client parses one bulk string instead of five
# values a record, which is most of the time verify spends at scale. Fields are joined by
# $field_sep and records by $record_sep (control characters JSON never leaves unescaped).
_CHAIN_PAGE_JOINED_TEXT = """
    MATCH (i:Incident)
    WHERE i.organ = $organ AND i.seq > $after
    WITH i ORDER BY i.seq, i.id LIMIT $limit
    RETURN string.join(collect(toString(i.seq) + $field_sep + i.id + $field_sep +
                               coalesce(i.prev_hash, $empty) + $field_sep +
                               coalesce(i.hash, $empty) + $field_sep +
                               coalesce(i.payload, $empty)), $record_sep) AS page
    """
RECORD_CHAIN_PAGE_JOINED = Query(
    "record_chain_page_joined", " ".join(_CHAIN_PAGE_JOINED_TEXT.split()),
    ("organ", "after", "limit", "field_sep", "record_sep", "empty"),
    readonly=True, backends=frozenset({Backend.FALKORDB}),
)
# Several organs' records at once (verify: most chains are short, and one statement per organ
# made verify a round trip per organ). No order: the caller sorts a page by (organ, seq, id);
# ``$limit`` is one more than it takes, so a page that reaches it is read again organ by organ.
RECORD_CHAINS_PAGE = read_statement(
    "record_chains_page",
    """
    UNWIND $organs AS organ
    MATCH (i:Incident)
    WHERE i.organ = organ AND i.seq > 0
    WITH i LIMIT $limit
    RETURN i.organ AS organ, i.seq AS seq, i.id AS id, i.payload AS payload,
           i.prev_hash AS prev_hash, i.hash AS hash
    """,
    "organs", "limit",
)
_CHAINS_PAGE_JOINED_TEXT = """
    UNWIND $organs AS organ
    MATCH (i:Incident)
    WHERE i.organ = organ AND i.seq > 0
    WITH i LIMIT $limit
    RETURN string.join(collect(i.organ + $field_sep + toString(i.seq) + $field_sep + i.id +
                               $field_sep + coalesce(i.prev_hash, $empty) + $field_sep +
                               coalesce(i.hash, $empty) + $field_sep +
                               coalesce(i.payload, $empty)), $record_sep) AS page
    """
RECORD_CHAINS_PAGE_JOINED = Query(
    "record_chains_page_joined", " ".join(_CHAINS_PAGE_JOINED_TEXT.split()),
    ("organs", "limit", "field_sep", "record_sep", "empty"),
    readonly=True, backends=frozenset({Backend.FALKORDB}),
)
# The heads of several organs (read before and after their records: a head that moved in
# between means a write ran meanwhile, and that organ is checked again on its own).
RECORD_HEADS_OF = read_statement(
    "record_heads_of",
    """
    UNWIND $organs AS organ
    MATCH (o:Organ {id: organ})
    RETURN o.id AS organ, o.chain_length AS length, o.chain_head AS hash,
           o.chain_seal AS seal
    """,
    "organs",
)
# The same heads as one string (FalkorDB), and every head at once: one value to parse instead
# of four a head (the number of organs, never of records).
_HEAD_JOINED = """
    RETURN string.join(collect(o.id + $field_sep + toString(coalesce(o.chain_length, $empty)) +
                               $field_sep + coalesce(o.chain_head, $empty) + $field_sep +
                               coalesce(o.chain_seal, $empty)), $record_sep) AS heads
    """
RECORD_HEADS_OF_JOINED = Query(
    "record_heads_of_joined",
    " ".join(("UNWIND $organs AS organ MATCH (o:Organ {id: organ})" + _HEAD_JOINED).split()),
    ("organs", "field_sep", "record_sep", "empty"),
    readonly=True, backends=frozenset({Backend.FALKORDB}),
)
RECORD_HEADS_ALL_JOINED = Query(
    "record_heads_all_joined",
    " ".join(("MATCH (o:Organ) WHERE o.chain_length IS NOT NULL OR o.chain_seal IS NOT NULL"
              + _HEAD_JOINED).split()),
    ("field_sep", "record_sep", "empty"),
    readonly=True, backends=frozenset({Backend.FALKORDB}),
)
# How many incidents the store holds (a label count): verify looks for chains without a head
# only when it saw fewer records than this.
RECORD_INCIDENT_COUNT = read_statement(
    "record_incident_count",
    """
    MATCH (i:Incident)
    RETURN count(i) AS incidents
    """,
)
# Set a head (repair): only if it is still the one the repair read.
RECORD_SET_HEAD = write_statement(
    "record_set_head",
    """
    MATCH (o:Organ {id: $organ})
    SET o.chain_lock = true
    WITH o
    WHERE coalesce(o.chain_length, -1) = $expected_length
      AND coalesce(o.chain_head, $genesis) = $expected_head
    SET o.chain_length = $length, o.chain_head = $hash, o.chain_seal = $seal
    RETURN o.id AS organ
    """,
    "organ", "expected_length", "expected_head", "genesis", "length", "hash", "seal",
)

# The index the chain pages walk (FalkorDB indexes each property; Neo4j one composite). On
# FalkorDB ``organ`` is indexed by the schema (RECORD_INDEXED), and an index statement naming
# an indexed property fails whole ("already indexed"), so ``seq`` is indexed on its own.
RECORD_CHAIN_INDEX_FALKORDB = Query(
    "record_chain_index_falkordb", "CREATE INDEX FOR (n:`Incident`) ON (n.seq)",
    readonly=False, backends=frozenset({Backend.FALKORDB}))
RECORD_CHAIN_INDEX_NEO4J = Query(
    "record_chain_index_neo4j",
    "CREATE INDEX incident_organ_seq IF NOT EXISTS FOR (n:`Incident`) ON (n.organ, n.seq)",
    readonly=False, backends=frozenset({Backend.NEO4J}))
