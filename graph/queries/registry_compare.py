"""Verify's comparison of organs, actors, cases and relations with their latest registered
versions, done by the store (FalkorDB): each row of ``$rows`` carries what its record says
the node (or relation edge) must hold (``props``, ``edges``) and the store answers the ids
that hold exactly that, compared as values. Until session 28 the store built a typed text of
every organ and actor for Python to compare (about 125 ms of store time a 1,000, and the
Python to build the other text), and read cases and relations whole for a comparison in Python.

What such a statement confirms is the same as what the field-by-field comparison
(ingest.registry.differences) would find no fault in, provided the caller sends only rows
whose values are strings, booleans or lists of strings (graph/registry_confirm.py): Cypher's
``=`` is then Python's ``==`` or stricter (``true = 1`` is false in Cypher). Everything not
confirmed (a different value or type, a missing or extra property, an edge more or less,
two nodes with one id, a node missing, a statement refused) is read whole and compared
field by field, which words the finding. An empty answer confirms nothing.

An edge is written ``<direction><type><sep><other end's id>``: the types are allow-listed
names that hold no ``$sep``, so no two edges read the same; an end whose id is not a string
writes ``$bad``, which no expected edge equals.
"""

from __future__ import annotations

import re

from graph.queries.base import Backend, Query

_ONLY_FALKORDB = frozenset({Backend.FALKORDB})

#: The constants these statements take, passed as parameters (a statement holds no literal).
COMPARE_PARAMS: dict[str, str] = {
    "ty_string": "String", "sep": "\x1f", "bad": "\x1e", "dir_out": "o", "dir_in": "i",
    "party_to": "PARTY_TO",
}


def _end(direction: str, rel: str, other: str) -> str:
    """An edge of an OPTIONAL MATCH as its text (see the module's docstring): null where no
    edge matched (collect leaves it out), ``$bad`` where the end's id is no string. FalkorDB
    evaluates every branch of a CASE, so the id is narrowed to a string first."""
    return (f"CASE WHEN {rel} IS NULL THEN null ELSE coalesce(${direction} + type({rel}) + $sep "
            f"+ CASE WHEN typeOf({other}.id) = $ty_string THEN {other}.id END, $bad) END")


#: Whether the node (or edge) ``n`` holds exactly the row's properties (``$skip``, those liuhen
#: writes beside a record, aside) and, a node, exactly its edges.
_SAME = """
    coalesce(size([k IN keys(n) WHERE NOT k IN $skip]) = size(keys(props))
             AND all(k IN keys(props) WHERE n[k] = props[k])
             AND list.sort(edges) = want, false) AS same
    """


def _statement(name: str, text: str) -> Query:
    used = set(re.findall(r"\$(\w+)", text))
    return Query(name, " ".join(text.split()),
                 ("rows", "skip", *sorted(used & set(COMPARE_PARAMS))),
                 readonly=True, backends=_ONLY_FALKORDB)


def _nodes(name: str, node_label: str, *edges: tuple[str, str]) -> Query:
    """A row per node with a row's id: the id and whether it is the row's. ``edges``: (an
    OPTIONAL MATCH from ``n``, the text of its edge), each collected apart (one OPTIONAL MATCH
    after another, collected at once, multiplies rows; a pattern comprehension costs FalkorDB
    4.16 about four times as much; grouping by the row's values, not by the row, halves it)."""
    carried = "id, props, want, n"
    steps = []
    for number, (pattern, text) in enumerate(edges):
        steps.append(f"OPTIONAL MATCH {pattern} WITH {carried}, collect({text}) AS edges_{number}")
        carried += f", edges_{number}"
    steps[0] = steps[0].replace(f"WITH {'id, props, want, n'}",
                                "WITH row.id AS id, row.props AS props, row.edges AS want, n", 1)
    collected = " + ".join(f"edges_{number}" for number in range(len(edges)))
    return _statement(name, f"""
        UNWIND $rows AS row
        MATCH (n:{node_label} {{id: row.id}})
        {" ".join(steps)}
        WITH id, props, want, n, {collected} AS edges
        RETURN id, {_SAME}
        """)


#: Organs and actors: their outgoing edges of the types their records decide.
REGISTRY_CONFIRM_ORGANS = _nodes(
    "registry_confirm_organs", "Organ",
    ("(n)-[r:SUPERIOR_ORGAN|PARTY_COMMITTEE]->(t)", _end("dir_out", "r", "t")))
REGISTRY_CONFIRM_ACTORS = _nodes(
    "registry_confirm_actors", "Actor",
    ("(n)-[r:WORKS_AT|MANAGED_BY]->(t)", _end("dir_out", "r", "t")))
#: Cases: the organ HANDLED_BY, the HANDLES and PARTY_TO edges into them (a PARTY_TO edge with
#: an id is a relation, checked as one).
REGISTRY_CONFIRM_CASES = _nodes(
    "registry_confirm_cases", "Case",
    ("(n)-[r:HANDLED_BY]->(t)", _end("dir_out", "r", "t")),
    ("(s)-[b:HANDLES|PARTY_TO]->(n) WHERE NOT (type(b) = $party_to AND b.id IS NOT NULL)",
     _end("dir_in", "b", "s")))


def _relations(name: str, pattern: str) -> Query:
    """A row per edge ``n`` between the ends a row names with the row's id: the id and whether
    it holds exactly the row's properties (none skipped: ``$skip`` is empty; ``edges`` empty)."""
    return _statement(name, f"""
        UNWIND $rows AS row
        MATCH {pattern}
        WHERE n.id = row.id
        WITH row.id AS id, row.props AS props, row.edges AS want, n, [] AS edges
        RETURN id, {_SAME}
        """)


REGISTRY_CONFIRM_RELATED = _relations(
    "registry_confirm_related",
    "(:Actor {id: row.subject})-[n:RELATED]->(:Actor {id: row.object})")
REGISTRY_CONFIRM_PARTY_TO = _relations(
    "registry_confirm_party_to",
    "(:Actor {id: row.subject})-[n:PARTY_TO]->(:Case {id: row.object})")


def compare_params(query: Query) -> dict[str, str]:
    """The constants ``query`` takes."""
    return {name: COMPARE_PARAMS[name] for name in query.parameters if name in COMPARE_PARAMS}

