"""An actor's incidents a page at a time (graph/record_reads.py ``involvement_page``): the
current incidents a set of people (an actor, their relatives and staff) are in, by the time
the incident occurred and its id, after a keyset cursor, oldest or newest first.

Two statements make a page: one for the incidents the people took a role in, one for the
incidents about cases they are party to; the caller merges the two pages. Each incident comes
once per statement with every (person, edge, role) that ties it to the people.

The cursor is compared after the incidents are collected, never in the MATCH: a range on
``occurred_key`` there is planned as a scan of that index over every incident in the store
(2.4 s at 100,000 incidents, against 0.06 s for the top intervener's 2,834 this way).
Values travel as parameters only."""

from __future__ import annotations

from typing import Literal

from graph.queries.base import Query, read_statement

Through = Literal["roles", "cases"]
THROUGH: tuple[Through, ...] = ("roles", "cases")
# how the people are tied to an incident, per statement (records_read's roles, and cases)
_MATCH: dict[Through, str] = {
    "roles": "MATCH (a:Actor {id: person})-[r:INTERVENED|INSTIGATED|APPROACHED|RECORDED|"
             "TOOK_PART]-(i:Incident)",
    "cases": "MATCH (a:Actor {id: person})-[r:PARTY_TO]->(:Case)<-[:ABOUT_CASE]-(i:Incident)",
}
# the keyset comparison and order, oldest first or newest first
# (not ``key`` as the alias: FalkorDB 4.16 then drops every row at the WHERE)
_AFTER = {False: "occurred > $after_key OR (occurred = $after_key AND incident > $after_id)",
          True: "occurred < $after_key OR (occurred = $after_key AND incident < $after_id)"}
_ORDER = {False: "occurred, incident", True: "occurred DESC, incident DESC"}


def _page(through: Through, newest: bool) -> Query:
    return read_statement(
        f"involvement_page_{through}_{'newest' if newest else 'oldest'}",
        f"""
        UNWIND $ids AS person
        {_MATCH[through]}
        OPTIONAL MATCH (newer:Incident)-[:CORRECTS]->(i)
        WITH DISTINCT a, r, i, newer IS NULL AS current WHERE current
        WITH i, collect([a.id, type(r), r.role]) AS ties
        WITH i.id AS incident, i.occurred_key AS occurred, ties
        WHERE {_AFTER[newest]}
        RETURN incident, occurred, ties
        ORDER BY {_ORDER[newest]}
        LIMIT $limit
        """,
        "ids", "after_key", "after_id", "limit",
    )


#: (through, newest first) -> the statement.
INVOLVEMENT_PAGES: dict[tuple[Through, bool], Query] = {
    (through, newest): _page(through, newest)
    for through in THROUGH for newest in (False, True)
}
