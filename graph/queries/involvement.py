"""An actor's incidents a page at a time (graph/involvement.py ``involvement_page``): the
current incidents a set of people (an actor, their relatives and staff) are in, by the time
the incident occurred and its id, after a keyset cursor, oldest or newest first.

A page is read in two kinds of statement. A *keys* statement walks the people's edges and
answers the next (occurred_key, id) pairs after the cursor, in page order, and nothing else:
one statement for the incidents the people took a role in, one for the incidents about cases
they are party to (the caller merges the two streams). A *ties* statement then takes the
page's candidate ids, drops those a later version corrects and answers, for each one left,
every (person, edge type, role) that ties it to the people.

Why two: asking whether an incident is current, and collecting its ties, for every incident
of the walk before the sort cost the top intervener of 1,000,000 incidents (23,221 incidents)
about 200 ms a page; the walk and the sort alone take 18 ms, and the two questions asked of a
page's candidates only take 11 ms. The keys statement has no DISTINCT (an incident tied twice
comes twice; the caller drops the repeat): DISTINCT over the walk took 33 ms against 18.

The cursor is compared after the walk's values are projected, never in the MATCH: a range on
``occurred_key`` there is planned as a scan of that index over every incident in the store
(2.4 s at 100,000 incidents). Nor is "current" asked as ``indegree(i, 'CORRECTS') = 0`` in the
walk's WHERE: FalkorDB 4.16 took 57 s over the same walk. Values travel as parameters only."""

from __future__ import annotations

from typing import Literal

from graph.queries.base import Query, read_statement

Through = Literal["roles", "cases"]
THROUGH: tuple[Through, ...] = ("roles", "cases")
_ROLES = "INTERVENED|INSTIGATED|APPROACHED|RECORDED|TOOK_PART"
# how the people are tied to an incident, per statement, walked from the person
_WALK: dict[Through, str] = {
    "roles": f"MATCH (:Actor {{id: person}})-[:{_ROLES}]-(i:Incident)",
    "cases": "MATCH (:Actor {id: person})-[:PARTY_TO]->(:Case)<-[:ABOUT_CASE]-(i:Incident)",
}
# the same ties, from a candidate incident back to the people
_TIES: dict[Through, str] = {
    "roles": f"MATCH (i)-[r:{_ROLES}]-(a:Actor)",
    "cases": "MATCH (i)-[:ABOUT_CASE]->(:Case)<-[r:PARTY_TO]-(a:Actor)",
}
# the keyset comparison and order, oldest first or newest first
# (not ``key`` as the alias: FalkorDB 4.16 then drops every row at the WHERE)
_AFTER = {False: "occurred > $after_key OR (occurred = $after_key AND incident > $after_id)",
          True: "occurred < $after_key OR (occurred = $after_key AND incident < $after_id)"}
_ORDER = {False: "occurred, incident", True: "occurred DESC, incident DESC"}


def _keys(through: Through, newest: bool) -> Query:
    return read_statement(
        f"involvement_keys_{through}_{'newest' if newest else 'oldest'}",
        f"""
        UNWIND $ids AS person
        {_WALK[through]}
        WITH i.occurred_key AS occurred, i.id AS incident
        WHERE {_AFTER[newest]}
        RETURN occurred, incident
        ORDER BY {_ORDER[newest]}
        LIMIT $scan
        """,
        "ids", "after_key", "after_id", "scan",
    )


def _ties(through: Through) -> Query:
    return read_statement(
        f"involvement_ties_{through}",
        f"""
        UNWIND $candidates AS candidate
        MATCH (i:Incident {{id: candidate}})
        OPTIONAL MATCH (newer:Incident)-[:CORRECTS]->(i)
        WITH DISTINCT i, newer IS NULL AS current WHERE current
        {_TIES[through]}
        WHERE a.id IN $ids
        WITH DISTINCT i, a, r
        RETURN i.id AS incident, collect([a.id, type(r), r.role]) AS ties
        """,
        "candidates", "ids",
    )


#: (through, newest first) -> the keys statement.
INVOLVEMENT_KEYS: dict[tuple[Through, bool], Query] = {
    (through, newest): _keys(through, newest)
    for through in THROUGH for newest in (False, True)
}
#: through -> the ties statement (current candidates only).
INVOLVEMENT_TIES: dict[Through, Query] = {through: _ties(through) for through in THROUGH}
