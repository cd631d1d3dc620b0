"""Shape texts (FalkorDB): what verify holds against a hashed payload, built in Cypher as
ONE string per incident (and per organ or actor) instead of nested lists of every property
and edge, which the client parsed a RESP element at a time (11.5 of 15.5 s of a 10,000-record
verify, session 5). graph/shape_codec.py builds the same text from the payload in Python.

Every value is written self-delimiting with its type, so no value can pass for another and
a separator inside a value changes nothing: ``n`` null, ``s<length>:<text>`` a string
(``size`` counts code points, as Python's ``len``), ``i<digits>;`` an integer,
``b<true|false>;`` a boolean, ``l<count>:<elements>`` a list of such scalars, ``?`` anything
else (a float, a nested list: the caller then reads that node the old way). Edges are sorted
in Cypher (``list.sort``) so the text is canonical. ``toString`` and ``size`` fail a whole
statement on a value of the wrong type even in a branch not taken, so each argument is
narrowed by a CASE to its type (or null) first.
"""

from __future__ import annotations

import re

from graph.queries.base import Backend, Query

_ONLY_FALKORDB = frozenset({Backend.FALKORDB})

#: The constants of the shape texts, passed as parameters (a statement holds no literal
#: values): FalkorDB's names of the types, the tags and separators of the encoding.
SHAPE_TEXT_PARAMS: dict[str, str] = {
    "ty_string": "String", "ty_integer": "Integer", "ty_boolean": "Boolean",
    "ty_null": "Null", "ty_list": "List", "tag_s": "s", "tag_i": "i", "tag_b": "b",
    "tag_n": "n", "tag_l": "l", "tag_other": "?", "colon": ":", "semi": ";", "bar": "|",
    "empty": "", "dir_out": "o", "dir_in": "i", "corrects": "CORRECTS",
}


def _narrowed(expr: str, kind: str, otherwise: str = "null") -> str:
    return f"CASE WHEN typeOf({expr}) = ${kind} THEN {expr} ELSE {otherwise} END"


def scalar_text(expr: str) -> str:
    """Cypher text of ``expr``'s typed, self-delimiting encoding (a scalar; else ``?``)."""
    text = _narrowed(expr, "ty_string", "$empty")
    return (f"CASE typeOf({expr}) "
            f"WHEN $ty_string THEN $tag_s + toString(size({text})) + $colon + ({text}) "
            f"WHEN $ty_integer THEN $tag_i + toString({_narrowed(expr, 'ty_integer')}) + $semi "
            f"WHEN $ty_boolean THEN $tag_b + toString({_narrowed(expr, 'ty_boolean')}) + $semi "
            f"WHEN $ty_null THEN $tag_n ELSE $tag_other END")


def value_text(expr: str, element: str) -> str:
    """As scalar_text, lists of scalars too (``element`` names the list's variable: each
    nesting needs its own)."""
    items = _narrowed(expr, "ty_list", "[]")
    return (f"CASE WHEN typeOf({expr}) = $ty_list THEN $tag_l + toString(size({items})) + "
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


# Per incident: its mirrored values, '|', how many of its properties are not allowed
# ($allowed: the mirrored, chain and derived names), '|', its edges sorted (those of later
# versions' CORRECTS edges excepted, checked at those); and its assessment with the seal.
# Each comprehension has variables of its own (FalkorDB 4.16 empties the second when both
# share names).
_INCIDENT_SHAPES_TEXT = f"""
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
REGISTRY_INCIDENT_SHAPES = _statement("registry_incident_shapes", _INCIDENT_SHAPES_TEXT,
                                      "ids", "allowed")


def _entity_shapes(name: str, node_label: str, edge_types: str) -> Query:
    """Organs or actors: every property but $skip (liuhen's bookkeeping) as sorted
    name-value pairs, '|', the edges their records decide, sorted."""
    pair = scalar_text("k") + " + " + value_text("n[k]", "e")
    text = f"""
        UNWIND $ids AS wanted
        MATCH (n:{node_label} {{id: wanted}})
        RETURN n.id AS id,
               reduce(acc = $empty, k IN list.sort([p IN keys(n) WHERE NOT p IN $skip]) |
                      acc + {pair}) + $bar +
               string.join(list.sort([(n)-[r:{edge_types}]->(t) |
                   {scalar_text('type(r)')} + {scalar_text('t.id')}]), $empty) AS shape
        """
    return _statement(name, text, "ids", "skip")


REGISTRY_ORGAN_SHAPES = _entity_shapes("registry_organ_shapes", "Organ",
                                       "SUPERIOR_ORGAN|PARTY_COMMITTEE")
REGISTRY_ACTOR_SHAPES = _entity_shapes("registry_actor_shapes", "Actor", "WORKS_AT|MANAGED_BY")


def shape_params(query: Query) -> dict[str, str]:
    """The constants ``query`` takes (a statement takes exactly the parameters it uses)."""
    return {name: SHAPE_TEXT_PARAMS[name] for name in query.parameters
            if name in SHAPE_TEXT_PARAMS}
