"""The records write path's statements: one incident appended to its organ's hash chain, or a
batch of them (a group commit), each all or nothing, the organ's head compared and moved in the
same statement (graph/chains.py runs them). Values travel as parameters only."""

from __future__ import annotations

from graph.queries.base import write_statement

# The edges of a new incident ``i`` both appends create: its organ ``o``, case ``c``,
# intervener ``a``, recorder ``r``, and the instigator ``ins`` and handler ``h`` when found.
_INCIDENT_EDGES = """
    CREATE (i)-[:RECORDED_IN]->(o)
    CREATE (i)-[:ABOUT_CASE]->(c)
    CREATE (a)-[:INTERVENED]->(i)
    CREATE (r)-[:RECORDED]->(i)
    FOREACH (x IN CASE WHEN ins IS NULL THEN [] ELSE [ins] END |
             CREATE (x)-[:INSTIGATED]->(i))
    FOREACH (x IN CASE WHEN h IS NULL THEN [] ELSE [h] END | CREATE (i)-[:APPROACHED]->(x))
"""

# One incident appended to its organ's chain, all or nothing: FalkorDB runs a query
# atomically, Neo4j one statement as one auto-commit transaction. The organ is locked first
# (a real write to it, Neo4j's documented pattern: what the statement reads of the organ
# after taking the write lock no other transaction can change until it commits), then its chain
# head compared with the one the record was chained on: if another writer moved it, the
# statement matches nothing, creates nothing and returns no row. The head and its seal move
# in the same statement, and the participants' TOOK_PART edges are made in it too, so every
# edge verify holds against the payload exists as soon as the incident does.
# The instigator, handler and corrected incident are looked up by lists of zero or one id:
# FalkorDB 4.16 plans `{id: $instigator}` with a null parameter (most incidents have no
# instigator, handler or correction) as a scan of every node of the label, while
# `x.id IN $list` is an index lookup, an empty list included (tests/graph/test_plans.py).
RECORD_APPEND_INCIDENT = write_statement(
    "record_append_incident",
    """
    MATCH (o:Organ {id: $organ})
    SET o.chain_lock = true
    WITH o
    WHERE coalesce(o.chain_length, 0) = $expected_length
      AND coalesce(o.chain_head, $genesis) = $expected_head
    MATCH (c:Case {id: $case})
    MATCH (a:Actor {id: $intervener})
    MATCH (r:Actor {id: $recorded_by})
    OPTIONAL MATCH (ins:Actor) WHERE ins.id IN $instigator_ids
    OPTIONAL MATCH (h:Actor) WHERE h.id IN $handler_ids
    OPTIONAL MATCH (old:Incident) WHERE old.id IN $corrects_ids
    OPTIONAL MATCH (taker:Actor) WHERE taker.id IN $participant_ids
    WITH o, c, a, r, ins, h, old, collect(taker) AS takers
    CREATE (i:Incident {id: $id, caption: $caption, organ: $organ, case: $case,
                        stage: $stage, channel: $channel, intervener: $intervener,
                        instigator: $instigator, handler: $handler, corrects: $corrects,
                        occurred_at: $occurred_at, recorded_at: $recorded_at,
                        occurred_key: $occurred_key, recorded_key: $recorded_key,
                        assessment_pending: 1, seq: $seq, prev_hash: $prev_hash,
                        hash: $hash, payload: $payload})
    """ + _INCIDENT_EDGES + """
    FOREACH (x IN CASE WHEN old IS NULL THEN [] ELSE [old] END | CREATE (i)-[:CORRECTS]->(x))
    FOREACH (p IN $participants |
             FOREACH (x IN [t IN takers WHERE t.id = p.actor] |
                      MERGE (x)-[:TOOK_PART {role: p.role}]->(i)))
    SET o.chain_length = $seq, o.chain_head = $hash, o.chain_seal = $seal
    RETURN i.id AS id
    """,
    "organ", "expected_length", "expected_head", "genesis", "case", "intervener", "recorded_by",
    "instigator", "handler", "corrects", "id", "caption", "stage", "channel", "occurred_at",
    "recorded_at", "occurred_key", "recorded_key", "seq", "prev_hash", "hash", "payload", "seal",
    "participant_ids", "participants", "instigator_ids", "handler_ids", "corrects_ids",
)

# Several new incidents (none a correction) appended in one statement: a group commit
# (graph/chains.append_incidents). Every organ of the batch is locked and its head compared
# first ($organs: expected length and head, the new length, head and seal), then every row's
# organ, case and actors are found; only when all heads match and all rows are found are the
# heads moved and the incidents created, so the statement writes all of the batch or nothing
# (a unique-key refusal of one id also fails it whole). Rows of one organ come in seq order.
# The participants are looked up one id at a time: `taker.id IN row.participant_ids` is a scan
# of every actor on FalkorDB 4.16 (its index serves IN over a parameter, not over a row's list).
RECORD_GROUP_APPEND = write_statement(
    "record_group_append",
    """
    UNWIND $organs AS g
    MATCH (o:Organ {id: g.organ})
    SET o.chain_lock = true
    WITH o, g
    WHERE coalesce(o.chain_length, 0) = g.expected_length
      AND coalesce(o.chain_head, g.genesis) = g.expected_head
    WITH collect({o: o, g: g}) AS heads
    WHERE size(heads) = $organ_count
    UNWIND $rows AS row
    MATCH (o:Organ {id: row.organ})
    MATCH (c:Case {id: row.case})
    MATCH (a:Actor {id: row.intervener})
    MATCH (r:Actor {id: row.recorded_by})
    OPTIONAL MATCH (ins:Actor {id: row.instigator})
    OPTIONAL MATCH (h:Actor {id: row.handler})
    UNWIND CASE WHEN size(row.participant_ids) = 0 THEN [null]
                ELSE row.participant_ids END AS taker_id
    OPTIONAL MATCH (taker:Actor {id: taker_id})
    WITH heads, row, o, c, a, r, ins, h, collect(taker) AS takers
    WITH heads, collect({row: row, o: o, c: c, a: a, r: r, ins: ins, h: h,
                         takers: takers}) AS found
    WHERE size(found) = $row_count
    FOREACH (x IN heads | FOREACH (o IN [x.o] |
             SET o.chain_length = x.g.length, o.chain_head = x.g.head,
                 o.chain_seal = x.g.seal))
    WITH found
    UNWIND found AS f
    WITH f.row AS row, f.o AS o, f.c AS c, f.a AS a, f.r AS r, f.ins AS ins, f.h AS h,
         f.takers AS takers
    CREATE (i:Incident {id: row.id, caption: row.caption, organ: row.organ, case: row.case,
                        stage: row.stage, channel: row.channel, intervener: row.intervener,
                        instigator: row.instigator, handler: row.handler,
                        corrects: row.corrects, occurred_at: row.occurred_at,
                        recorded_at: row.recorded_at, occurred_key: row.occurred_key,
                        recorded_key: row.recorded_key, assessment_pending: 1,
                        seq: row.seq, prev_hash: row.prev_hash, hash: row.hash,
                        payload: row.payload})
    """ + _INCIDENT_EDGES + """
    FOREACH (p IN row.participants |
             FOREACH (x IN [t IN takers WHERE t.id = p.actor] |
                      MERGE (x)-[:TOOK_PART {role: p.role}]->(i)))
    RETURN i.id AS id
    """,
    "organs", "organ_count", "rows", "row_count",
)
