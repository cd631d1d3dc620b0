"""The records read statements: incidents, actors and organs answered by the store a page,
an incident or a neighbourhood at a time (graph/record_reads.py runs them), and the one
write of derived properties (the engine's stored assessment, never the hashed payload).

Values travel as parameters only. ``incident_page`` builds one statement per anchor (where
the match starts: an actor, a case, an organ, or every incident) from fixed condition texts;
an optional filter is ``($x IS NULL OR …)``. Pages run newest first by (recorded_at, id), a
keyset cursor ``$after_at``/``$after_id`` continuing where the last page ended.
"""

from __future__ import annotations

from typing import Literal

from graph.queries.base import Query, read_statement, write_statement

Anchor = Literal["actor", "case", "organ", "all"]
ANCHORS: tuple[Anchor, ...] = ("actor", "case", "organ", "all")
#: The longest path between two actors the store walks (the allShortestPaths bound).
MAX_TRACE_HOPS = 6
#: A hierarchy is at most 中央-省-市-县 (and a party committee beside each): 8 steps up.
MAX_ORGAN_STEPS = 8
# How an actor takes part in an incident (TOOK_PART: a participant, written by the records
# service from the payload).
_INCIDENT_ROLES = "INTERVENED|INSTIGATED|APPROACHED|RECORDED|TOOK_PART"
#: What a path between two actors runs through; through organs also who works where and which
#: organ handles a case.
TRACE_TYPES = ("RELATED|PARTY_TO|HANDLES|ABOUT_CASE|INTERVENED|INSTIGATED|APPROACHED|"
               "RECORDED|TOOK_PART")
TRACE_TYPES_WITH_ORGANS = TRACE_TYPES + "|WORKS_AT|HANDLED_BY"
# Whether an incident is current (no correction of it stored) is asked with an OPTIONAL MATCH
# and a test of the result, never with the pattern predicate NOT (i)<-[:CORRECTS]-(): FalkorDB
# plans that predicate as a scan of every Incident instead of following the anchor's index
# (an actor's incidents at 10,000 stored: 1.2 s with the predicate, 0.04 s without).
# DISTINCT: an incident corrected twice must still come once.
_NEWER = "OPTIONAL MATCH (newer:Incident)-[:CORRECTS]->(i)"
_CURRENT = "newer IS NULL"

INCIDENT_FIELDS = """
    i.id AS id, i.payload AS payload, i.recorded_at AS recorded_at, i.corrects AS corrects,
    i.seq AS seq, i.prev_hash AS prev_hash, i.hash AS hash, i.verdict AS verdict,
    i.statuses AS statuses, i.regimes AS regimes, i.findings AS findings,
    i.missing_facts AS missing_facts, i.assessed_by AS assessed_by,
    [(n:Incident)-[:CORRECTS]->(i) | n.id] AS superseded_by
"""
ORGAN_FIELDS = """
    o.id AS id, o.name AS name, o.kind AS kind, o.level AS level, o.region AS region,
    o.superior AS superior, o.party_committee AS party_committee
"""
ACTOR_FIELDS = """
    a.id AS id, a.name AS name, a.pseudonym AS pseudonym, a.position AS position,
    a.organ AS organ, a.kinds AS kinds, a.retired AS retired, a.managed_by AS managed_by
"""
CASE_FIELDS = """
    c.id AS id, c.number AS number, c.organ AS organ, c.stage AS stage, c.cause AS cause,
    c.parties AS parties, c.handlers AS handlers
"""

# The engine's verdict, derived and re-derivable: SET on the node, outside the payload.
RECORD_ANNOTATE_INCIDENTS = write_statement(
    "record_annotate_incidents",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    SET i.verdict = row.verdict, i.statuses = row.statuses, i.interference = row.interference,
        i.provisions = row.provisions, i.regimes = row.regimes, i.findings = row.findings,
        i.missing_facts = row.missing_facts, i.assessed_by = row.assessed_by,
        i.assessment_seal = row.assessment_seal, i.assessment_pending = null
    """,
    "rows",
)
# Incidents recorded and not yet assessed by the background assessor (the API's worker picks
# them up at start): the flag set by the append, indexed, cleared by the annotation.
RECORD_PENDING_INCIDENTS = read_statement(
    "record_pending_incidents",
    """
    MATCH (i:Incident)
    WHERE i.assessment_pending = 1
    RETURN i.id AS id
    LIMIT $limit
    """,
    "limit",
)
# A participant of the payload as a relationship (the actor filter and actor tracing walk it).
RECORD_LINK_PARTICIPANTS = write_statement(
    "record_link_participants",
    """
    UNWIND $rows AS row
    MATCH (a:Actor {id: row.actor})
    MATCH (i:Incident {id: row.incident})
    MERGE (a)-[r:TOOK_PART {role: row.role}]->(i)
    """,
    "rows",
)
# Incidents a reassessment must visit: never assessed, by another engine, or without the
# seal of their assessment (written by an older version, or by hand); a page by id.
RECORD_STALE_INCIDENTS = read_statement(
    "record_stale_incidents",
    """
    MATCH (i:Incident)
    WHERE (i.assessed_by IS NULL OR i.assessed_by <> $engine OR i.assessment_seal IS NULL)
      AND i.id > $after
    RETURN i.id AS id, i.payload AS payload
    ORDER BY id
    LIMIT $limit
    """,
    "engine", "after", "limit",
)

_FILTERS: dict[str, str] = {
    "organ": "($organ IS NULL OR i.organ = $organ)",
    "case": "($case IS NULL OR i.case = $case)",
    "stage": "($stage IS NULL OR i.stage = $stage)",
    "channel": "($channel IS NULL OR i.channel = $channel)",
    "since": "($since IS NULL OR i.occurred_at >= $since)",
    "until": "($until IS NULL OR i.occurred_at < $until)",
    "verdict": "($verdict IS NULL OR i.verdict = $verdict)",
    "regulation": "($regulation IS NULL OR $regulation IN i.regimes)",
    "current": "($all_versions OR current)",
}
_AFTER = ("($after_at IS NULL OR i.recorded_at < $after_at "
          "OR (i.recorded_at = $after_at AND i.id < $after_id))")
_STARTS: dict[Anchor, str] = {
    "actor": f"MATCH (:Actor {{id: $actor}})-[:{_INCIDENT_ROLES}]-(i:Incident) WITH DISTINCT i",
    "case": "MATCH (i:Incident {case: $case})",
    "organ": "MATCH (i:Incident {organ: $organ})",
    "all": "MATCH (i:Incident)",
}
# The filters an anchor's match already applies (the more selective anchors come first).
_APPLIED: dict[Anchor, frozenset[str]] = {
    "actor": frozenset(), "case": frozenset({"case"}),
    "organ": frozenset({"case", "organ"}), "all": frozenset({"case", "organ"}),
}


def incident_filters(anchor: Anchor) -> list[str]:
    """The filter parameters the ``anchor`` statement takes besides its own."""
    return [name for name in _FILTERS if name not in _APPLIED[anchor] and name != "current"]


def incident_page(anchor: Anchor, *, counting: bool = False) -> Query:
    """Incidents matching the filters, from ``anchor``: a page newest first by (recorded_at,
    id) after the cursor (``counting``: how many, up to ``$cap``)."""
    conditions = [text for name, text in _FILTERS.items() if name not in _APPLIED[anchor]]
    where = " AND ".join(conditions + ([] if counting else [_AFTER]))
    start = _STARTS[anchor]
    glue = f"{_NEWER} WITH DISTINCT i, {_CURRENT} AS current WHERE"
    if counting:
        text = f"{start} {glue} {where} WITH i LIMIT $cap RETURN count(i) AS total"
    else:
        text = (f"{start} {glue} {where} RETURN {INCIDENT_FIELDS} "
                "ORDER BY recorded_at DESC, id DESC SKIP $skip LIMIT $limit")
    parameters = [name for name in ("actor", "case", "organ") if f"${name}" in text]
    parameters += [name for name in incident_filters(anchor) if name not in parameters]
    parameters += ["all_versions"] + (["cap"] if counting else
                                      ["after_at", "after_id", "skip", "limit"])
    suffix = "_count" if counting else ""
    return read_statement(f"record_incidents_from_{anchor}{suffix}", text, *parameters)


RECORD_INCIDENT_PAGES = {anchor: incident_page(anchor) for anchor in ANCHORS}
RECORD_INCIDENT_COUNTS = {anchor: incident_page(anchor, counting=True) for anchor in ANCHORS}

RECORD_INCIDENTS_BY_IDS = read_statement(
    "record_incidents_by_ids",
    f"UNWIND $ids AS wanted MATCH (i:Incident {{id: wanted}}) RETURN {INCIDENT_FIELDS}",
    "ids",
)
# Only what an incident says (its payload): for answers that show incidents, not their chain
# or assessment (an actor's page: 100 incidents in 2 ms, with every field 9 ms).
RECORD_INCIDENT_PAYLOADS = read_statement(
    "record_incident_payloads",
    "UNWIND $ids AS wanted MATCH (i:Incident {id: wanted}) RETURN i.id AS id, i.payload AS payload",
    "ids",
)
# The correction chain through an incident: every version, with what each corrects.
RECORD_CORRECTION_CHAIN = read_statement(
    "record_correction_chain",
    """
    MATCH (i:Incident {id: $id})-[:CORRECTS*0..50]-(v:Incident)
    RETURN DISTINCT v.id AS id, v.corrects AS corrects
    """,
    "id",
)
# Incidents' neighbourhood in three statements (graph/record_reads.neighbourhoods): the
# incidents with their cases; the actors they name with their relations of the ``$kinds``
# asked and the actor at the other end; the organs above them and beside their committees.
RECORD_INCIDENTS_WITH_CASES = read_statement(
    "record_incidents_with_cases",
    f"""
    UNWIND $ids AS wanted
    MATCH (i:Incident {{id: wanted}})
    OPTIONAL MATCH (i)-[:ABOUT_CASE]->(c:Case)
    RETURN {INCIDENT_FIELDS},
           [c.id, c.number, c.organ, c.stage, c.cause, c.parties, c.handlers] AS case_fields
    """,
    "ids",
)
_ACTOR_LIST = ("[{0}.id, {0}.name, {0}.pseudonym, {0}.position, {0}.organ, {0}.kinds, "
               "{0}.retired, {0}.managed_by]")
RECORD_ACTORS_WITH_RELATIONS = read_statement(
    "record_actors_with_relations",
    f"""
    UNWIND $ids AS wanted
    MATCH (a:Actor {{id: wanted}})
    OPTIONAL MATCH (a)-[r:RELATED]-(b:Actor) WHERE r.kind IN $kinds
    RETURN {_ACTOR_LIST.format("a")} AS actor, {_ACTOR_LIST.format("b")} AS other,
           [r.id, r.kind, startNode(r).id, endNode(r).id, r.detail, r.case] AS relation
    """,
    "ids", "kinds",
)
RECORD_ORGANS_AROUND = read_statement(
    "record_organs_around",
    f"""
    UNWIND $ids AS wanted
    MATCH (:Organ {{id: wanted}})-[:SUPERIOR_ORGAN|PARTY_COMMITTEE*0..{MAX_ORGAN_STEPS}]->(o:Organ)
    WITH DISTINCT o
    OPTIONAL MATCH (o)-[:PARTY_COMMITTEE]->(:Organ)<-[:PARTY_COMMITTEE]-(side:Organ)
    WITH collect(DISTINCT o) + collect(DISTINCT side) AS found
    UNWIND found AS o
    WITH DISTINCT o
    RETURN {ORGAN_FIELDS}
    """,
    "ids",
)
RECORD_ACTORS_BY_IDS = read_statement(
    "record_actors_by_ids",
    f"UNWIND $ids AS wanted MATCH (a:Actor {{id: wanted}}) RETURN {ACTOR_FIELDS}",
    "ids",
)
RECORD_ORGANS_BY_IDS = read_statement(
    "record_organs_by_ids",
    f"UNWIND $ids AS wanted MATCH (o:Organ {{id: wanted}}) RETURN {ORGAN_FIELDS}",
    "ids",
)
RECORD_CASES_BY_IDS = read_statement(
    "record_cases_by_ids",
    f"UNWIND $ids AS wanted MATCH (c:Case {{id: wanted}}) RETURN {CASE_FIELDS}",
    "ids",
)
# Organs with their superiors and party committees, all the way up.
RECORD_ORGANS_UPWARDS = read_statement(
    "record_organs_upwards",
    f"""
    UNWIND $ids AS wanted
    MATCH (:Organ {{id: wanted}})-[:SUPERIOR_ORGAN|PARTY_COMMITTEE*0..{MAX_ORGAN_STEPS}]->(o:Organ)
    WITH DISTINCT o
    RETURN {ORGAN_FIELDS}
    """,
    "ids",
)
# The organs under the same party committees (同级).
RECORD_ORGANS_UNDER_COMMITTEES = read_statement(
    "record_organs_under_committees",
    f"""
    UNWIND $ids AS committee
    MATCH (o:Organ {{party_committee: committee}})
    RETURN {ORGAN_FIELDS}
    ORDER BY id
    """,
    "ids",
)
RECORD_SUBORDINATE_ORGANS = read_statement(
    "record_subordinate_organs",
    f"MATCH (o:Organ {{superior: $id}}) RETURN {ORGAN_FIELDS} ORDER BY id LIMIT $limit",
    "id", "limit",
)
# Every relation an actor is in (either end), with the other end's name.
RECORD_RELATIONS_OF_ACTORS = read_statement(
    "record_relations_of_actors",
    """
    UNWIND $ids AS wanted
    MATCH (a:Actor {id: wanted})-[r:RELATED]-(b:Actor)
    WITH DISTINCT r, startNode(r) AS s, endNode(r) AS t
    RETURN r.id AS id, r.kind AS kind, s.id AS subject, t.id AS object, r.detail AS detail,
           r.case AS case, s.name AS subject_name, t.name AS object_name
    ORDER BY id
    """,
    "ids",
)
RECORD_PARTY_RELATIONS_OF_ACTORS = read_statement(
    "record_party_relations_of_actors",
    """
    UNWIND $ids AS wanted
    MATCH (a:Actor {id: wanted})-[r:PARTY_TO]->(c:Case)
    WHERE r.id IS NOT NULL
    RETURN r.id AS id, a.id AS subject, c.id AS object, r.detail AS detail,
           c.number AS object_name
    ORDER BY id
    """,
    "ids",
)
RECORD_ACTOR_PAGE = read_statement(
    "record_actor_page",
    f"""
    MATCH (a:Actor)
    WHERE ($organ IS NULL OR a.organ = $organ) AND ($kind IS NULL OR $kind IN a.kinds)
      AND a.id > $after
    RETURN {ACTOR_FIELDS}
    ORDER BY id SKIP $skip LIMIT $limit
    """,
    "organ", "kind", "after", "skip", "limit",
)
RECORD_ACTOR_COUNT = read_statement(
    "record_actor_count",
    """
    MATCH (a:Actor)
    WHERE ($organ IS NULL OR a.organ = $organ) AND ($kind IS NULL OR $kind IN a.kinds)
    WITH a LIMIT $cap
    RETURN count(a) AS total
    """,
    "organ", "kind", "cap",
)
RECORD_ORGAN_PAGE = read_statement(
    "record_organ_page",
    f"""
    MATCH (o:Organ)
    WHERE ($kind IS NULL OR o.kind = $kind) AND ($level IS NULL OR o.level = $level)
      AND o.id > $after
    RETURN {ORGAN_FIELDS}
    ORDER BY id SKIP $skip LIMIT $limit
    """,
    "kind", "level", "after", "skip", "limit",
)
RECORD_ORGAN_COUNT = read_statement(
    "record_organ_count",
    """
    MATCH (o:Organ)
    WHERE ($kind IS NULL OR o.kind = $kind) AND ($level IS NULL OR o.level = $level)
    WITH o LIMIT $cap
    RETURN count(o) AS total
    """,
    "kind", "level", "cap",
)
RECORD_ORGAN_TALLIES = read_statement(
    "record_organ_tallies",
    f"""
    MATCH (o:Organ {{id: $id}})
    OPTIONAL MATCH (a:Actor {{organ: $id}})
    WITH o, count(a) AS staff
    OPTIONAL MATCH (c:Case {{organ: $id}})
    WITH o, staff, count(c) AS cases
    OPTIONAL MATCH (i:Incident {{organ: $id}})
    {_NEWER}
    RETURN staff, cases, count(DISTINCT CASE WHEN {_CURRENT} THEN i.id END) AS incidents
    """,
    "id",
)
# Actors who intervened (or instigated, or took part as $role: intervener) in at least
# $minimum current incidents the engine found interference, most first.
RECORD_REPEAT_INTERVENERS = read_statement(
    "record_repeat_interveners",
    f"""
    MATCH (i:Incident {{interference: true}})
    {_NEWER}
    WITH DISTINCT i, {_CURRENT} AS current WHERE current
    MATCH (a:Actor)-[r:INTERVENED|INSTIGATED|TOOK_PART]->(i)
    WHERE r.role IS NULL OR r.role = $role
    WITH a, i ORDER BY i.recorded_at, i.id
    WITH a, collect(DISTINCT i.id) AS incidents, collect(i.organ) AS organs
    WHERE size(incidents) >= $minimum
    RETURN a.id AS actor, a.name AS name, size(incidents) AS count,
           incidents[0..$listed] AS incidents, organs AS organs
    ORDER BY count DESC, actor
    LIMIT $limit
    """,
    "minimum", "listed", "limit", "role",
)
_QUARTER_RETURN = """
    OPTIONAL MATCH (p:Actor {id: i.intervener})
    RETURN i.id AS id, i.occurred_at AS occurred_at, i.recorded_at AS recorded_at,
           i.organ AS organ, i.intervener AS intervener, p.name AS intervener_name,
           i.stage AS stage, i.statuses AS statuses, i.findings AS findings,
           i.missing_facts AS missing_facts, i.assessed_by AS assessed_by
    ORDER BY recorded_at, id
    LIMIT $limit
"""
# A quarter's current incidents, oldest first, with the engine's stored findings and the
# intervener's name: of the given organs (one index lookup per organ), or of every organ.
# recorded_at is not indexed (graph/schema.py RECORD_INDEXED); the contract test holds a
# quarter to its bounds.
RECORD_QUARTER_INCIDENTS_OF_ORGANS = read_statement(
    "record_quarter_incidents_of_organs",
    f"""
    UNWIND $organs AS organ
    MATCH (i:Incident {{organ: organ}})
    WHERE i.recorded_at >= $start AND i.recorded_at < $end
    {_NEWER}
    WITH DISTINCT i, {_CURRENT} AS current WHERE current
    {_QUARTER_RETURN}
    """,
    "organs", "start", "end", "limit",
)
RECORD_QUARTER_INCIDENTS = read_statement(
    "record_quarter_incidents",
    f"""
    MATCH (i:Incident)
    WHERE i.recorded_at >= $start AND i.recorded_at < $end
    {_NEWER}
    WITH DISTINCT i, {_CURRENT} AS current WHERE current
    {_QUARTER_RETURN}
    """,
    "start", "end", "limit",
)
# Every organ under a party committee and the committees below it (a region: 省, 市, 县).
RECORD_ORGANS_OF_REGION = read_statement(
    "record_organs_of_region",
    f"""
    MATCH (top:Organ {{id: $committee}})<-[:SUPERIOR_ORGAN*0..{MAX_ORGAN_STEPS}]-(pc:Organ)
    MATCH (o:Organ)-[:PARTY_COMMITTEE]->(pc)
    RETURN DISTINCT o.id AS id
    ORDER BY id
    LIMIT $limit
    """,
    "committee", "limit",
)


def trace_paths(through_organs: bool, hops: int) -> Query:
    """Every shortest path of at most ``hops`` (<= MAX_TRACE_HOPS) relationships between two
    actors through relations, cases, incidents (and, ``through_organs``, the organs people work
    at and that handle cases); nodes as (label, id, name) and relationships as (type, kind,
    detail, role). The bound is in the pattern, a statement per bound: a length filtered after
    the search (``WHERE length(p) <= $max_hops``) let the search go to MAX_TRACE_HOPS first,
    which through organs of thousands of staff took seconds at 100,000 incidents."""
    if not 1 <= hops <= MAX_TRACE_HOPS:
        raise ValueError(f"hops must be 1..{MAX_TRACE_HOPS}, not {hops}")
    types = TRACE_TYPES_WITH_ORGANS if through_organs else TRACE_TYPES
    name = "with_organs" if through_organs else "without_organs"
    return read_statement(
        f"record_trace_paths_{name}_{hops}",
        f"""
        MATCH (a:Actor {{id: $source}})
        MATCH (b:Actor {{id: $target}})
        WITH a, b
        MATCH p = allShortestPaths((a)-[:{types}*..{hops}]-(b))
        RETURN [n IN nodes(p) | [labels(n)[0], n.id, coalesce(n.name, n.number, n.id)]]
               AS nodes,
               [r IN relationships(p) | [type(r), r.kind, r.detail, r.role, startNode(r).id]]
               AS steps
        LIMIT $limit
        """,
        "source", "target", "limit",
    )


# (through organs, at most so many hops) -> its statement
RECORD_TRACE_PATHS = {(flag, hops): trace_paths(flag, hops) for flag in (True, False)
                      for hops in range(1, MAX_TRACE_HOPS + 1)}


def trace_degrees(through_organs: bool) -> Query:
    """How many relationships a path search could leave each actor of ``$ids`` by: the search
    starts at the end with fewer (a party of two cases, not an intervener of thousands)."""
    types = TRACE_TYPES_WITH_ORGANS if through_organs else TRACE_TYPES
    return read_statement(
        f"record_trace_degrees_{'with_organs' if through_organs else 'without_organs'}",
        f"""
        UNWIND $ids AS wanted
        MATCH (a:Actor {{id: wanted}})
        OPTIONAL MATCH (a)-[r:{types}]-()
        RETURN wanted AS id, count(r) AS degree
        """,
        "ids",
    )


# through organs -> its statement
RECORD_TRACE_DEGREES = {flag: trace_degrees(flag) for flag in (True, False)}


# ---------------------------------------------------------------- the web pages' lookups
# Actors whose name is the text or begins with it, a page by id (an id is looked up on its
# own: RECORD_ACTORS_BY_IDS, through the unique index).
RECORD_ACTORS_FOUND = read_statement(
    "record_actors_found",
    f"""
    MATCH (a:Actor)
    WHERE a.name STARTS WITH $text
    RETURN {ACTOR_FIELDS}
    ORDER BY id
    LIMIT $limit
    """,
    "text", "limit",
)
# How many current incidents each of the organs recorded (the organs list, a page of ids).
RECORD_ORGAN_INCIDENT_COUNTS = read_statement(
    "record_organ_incident_counts",
    f"""
    UNWIND $ids AS wanted
    OPTIONAL MATCH (i:Incident {{organ: wanted}})
    {_NEWER}
    RETURN wanted AS id, count(DISTINCT CASE WHEN {_CURRENT} THEN i.id END) AS incidents
    """,
    "ids",
)
