"""Shape texts (FalkorDB): what verify holds against a hashed payload, built in Cypher as
ONE string per incident instead of nested lists of every property and edge, which the client
parsed a RESP element at a time (11.5 of 15.5 s of a 10,000-record verify, session 5); the
store compares organs, actors, cases and relations itself since session 28
(graph/queries/registry_compare.py). graph/shape_codec.py builds the same text from the
payload in Python.

Every value is written self-delimiting with its type, so no value can pass for another and
a separator inside a value changes nothing: its type's name as FalkorDB's ``typeOf`` gives
it, then for a string its length (``size`` counts code points, as Python's ``len``), ':'
and its text (``String3:abc``, ``Integer:12``, ``Boolean:true``, ``Null:``); a list of
scalars is ``List<count>:`` and its elements. Any other value (a float, a nested list) is
written in a form Python never writes, so the caller reads that node the old way. Edges
are sorted in Cypher (``list.sort``) so the text is canonical.
"""

from __future__ import annotations

import re

from graph.queries.base import Backend, Query

_ONLY_FALKORDB = frozenset({Backend.FALKORDB})

#: The constants of the shape texts, passed as parameters (a statement holds no literal
#: values): FalkorDB's names of the types (a value's tag), the separators, the edges'
#: directions.
SHAPE_TEXT_PARAMS: dict[str, str | list[str]] = {
    "ty_string": "String", "ty_list": "List",
    "scalars": ["String", "Integer", "Boolean", "Float", "Null"],
    "colon": ":", "bar": "|", "empty": "", "dir_out": "o", "dir_in": "i",
    "corrects": "CORRECTS",
}


def scalar_text(expr: str) -> str:
    """Cypher text of ``expr``'s typed, self-delimiting encoding: its type's name, its
    length if a string, ':', its text if a scalar (nothing for a list, a map...). FalkorDB
    evaluates every branch of a CASE and ``size``/``toString`` fail on a value of another
    type, so their arguments are narrowed to null first."""
    return (f"typeOf({expr}) + coalesce(toString(size(CASE WHEN typeOf({expr}) = $ty_string "
            f"THEN {expr} END)), $empty) + $colon + coalesce(toString(CASE WHEN typeOf({expr}) "
            f"IN $scalars THEN {expr} END), $empty)")


def value_text(expr: str, element: str) -> str:
    """As scalar_text, a list of scalars too: 'List', its length, ':', its elements
    (``element`` names the list's variable: each nesting needs its own)."""
    items = f"CASE WHEN typeOf({expr}) = $ty_list THEN {expr} ELSE [] END"
    return (f"CASE WHEN typeOf({expr}) = $ty_list THEN $ty_list + toString(size({items})) + "
            f"$colon + reduce(acc_{element} = $empty, {element} IN {items} | "
            f"acc_{element} + {scalar_text(element)}) ELSE {scalar_text(expr)} END")


def _values_text(exprs: tuple[str, ...]) -> str:
    return "reduce(acc = $empty, v IN [" + ", ".join(exprs) + "] | acc + " + \
        value_text("v", "e") + ")"


def _statement(name: str, text: str, *given: str) -> Query:
    used = set(re.findall(r"\$(\w+)", text))
    return Query(name, " ".join(text.split()), (*given, *sorted(used & set(SHAPE_TEXT_PARAMS))),
                 readonly=True, backends=_ONLY_FALKORDB)


#: The incident properties mirrored from the payload, in graph/registry_audit's order
#: (ingest.registry.INCIDENT_MIRRORED without the id the row is matched by).
INCIDENT_MIRRORED_EXPRS = tuple(f"i.{name}" for name in (
    "caption", "organ", "case", "stage", "channel", "intervener", "instigator", "handler",
    "corrects", "occurred_at", "recorded_at", "occurred_key", "recorded_key"))
#: The stored assessment (ingest.registry.ASSESSMENT_FIELDS' order), then its seal.
INCIDENT_ASSESSMENT_EXPRS = tuple(f"i.{name}" for name in (
    "verdict", "statuses", "interference", "provisions", "regimes", "findings",
    "missing_facts", "assessed_by", "assessment_seal"))


def _edge_text(direction: str, rel: str, other: str) -> str:
    return (f"${direction} + {scalar_text(f'type({rel})')} + {scalar_text(f'{other}.id')} + "
            f"{scalar_text(f'{rel}.role')}")


# A row per incident: its id, its shape text and its assessment text. The shape: its mirrored
# values, '|', how many of its properties are not allowed ($allowed: the mirrored, chain and
# derived names), '|', its edges sorted (those of later versions' CORRECTS edges excepted,
# checked at those); the assessment: its values, then the seal. Each comprehension has
# variables of its own (FalkorDB 4.16 empties the second when both share names).
# Until session 8 the page came back as one joined string (as the organs' did until session
# 28, when the store came to compare them itself: graph/queries/registry_compare.py): for 500
# incidents, 80,000 characters, which FalkorDB 4.16 returned with characters missing in a few
# pages (a length "String171:" read as "String17"), making the whole page unreadable and
# sending every incident of it to the nested read; a row each confines such a fault to its
# own incident (graph/incident_audit.py).
_INCIDENT_SHAPE_ROWS_TEXT = f"""
    UNWIND $ids AS wanted
    MATCH (i:Incident {{id: wanted}})
    RETURN i.id AS id,
         {_values_text(INCIDENT_MIRRORED_EXPRS)} + $bar +
         toString(size([k IN keys(i) WHERE NOT k IN $allowed])) + $bar +
         string.join(list.sort(
             [(i)-[out]->(target) | {_edge_text('dir_out', 'out', 'target')}] +
             [(source)-[back]->(i) WHERE type(back) <> $corrects |
              {_edge_text('dir_in', 'back', 'source')}]), $empty) AS shape,
         {_values_text(INCIDENT_ASSESSMENT_EXPRS)} AS assessment
    """
REGISTRY_INCIDENT_SHAPE_ROWS = _statement("registry_incident_shape_rows",
                                          _INCIDENT_SHAPE_ROWS_TEXT, "ids", "allowed")


def shape_params(query: Query) -> dict[str, str | list[str]]:
    """The constants ``query`` takes (a statement takes exactly the parameters it uses)."""
    return {name: SHAPE_TEXT_PARAMS[name] for name in query.parameters
            if name in SHAPE_TEXT_PARAMS}
