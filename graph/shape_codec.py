"""The shape texts of graph/queries/shape_text.py built from what a hashed payload says a node
must hold, and read back (an incident's assessment, whose seal verify checks in Python).

Verify compares the store's text with the payload's: equal texts mean the node holds exactly
the expected values, types included, and exactly the expected edges (each value is
self-delimiting, so no separator inside a value can make two different nodes read the same).
Anything else (a different text, a value this encoding cannot write) sends that node to the
field-by-field comparison, which words the finding: the fast path only ever says "as
recorded" when the slow one would.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ingest.records import Incident
from ingest.registry import Edge, Shape, time_key


class Unencodable(ValueError):
    """A value the shape text does not write (a float, a nested list, a map)."""


def scalar(value: Any) -> str:
    kind = type(value)
    if kind is str:  # most values: tested first
        return f"String{len(value)}:{value}"
    if value is None:
        return "Null:"
    if kind is bool:  # before int: a bool is an int in Python
        return "Boolean:true" if value else "Boolean:false"
    if kind is int:
        return f"Integer:{value}"
    if isinstance(value, str):
        return f"String{len(value)}:{value}"
    raise Unencodable(repr(value)[:40])


def value(item: Any) -> str:
    if isinstance(item, list | tuple):
        return f"List{len(item)}:" + "".join(scalar(x) for x in item)
    return scalar(item)


def values(items: Iterable[Any]) -> str:
    return "".join(value(x) for x in items)


def _edge(edge: Edge) -> str:
    direction, kind, other, role = edge
    return ("o" if direction == "out" else "i") + scalar(kind) + scalar(other) + scalar(role)


def incident_text(shape: Shape, mirrored: Sequence[str]) -> str:
    """The text REGISTRY_INCIDENT_SHAPE_ROWS reads for a node as ``shape`` says it must be
    (``mirrored``: the property names in the statement's order; no unknown property).
    Unencodable if a value cannot be written."""
    return (values(shape.properties.get(name) for name in mirrored) + "|0|"
            + "".join(sorted(_edge(e) for e in shape.edges)))


def incident_expected_text(incident: Incident) -> str:
    """``incident_text(incident_shape(incident), INCIDENT_MIRRORED[1:])`` built straight from
    the incident, without the Shape's dicts and edge tuples (verify builds one per record:
    about half the Python time of the shape check, session 8). Must stay equal to that
    composition: tests/liuhen/test_shape_text.py holds them together over generated
    incidents, every optional field present and absent."""
    occurred, recorded = incident.occurred_at, incident.recorded_at
    head = values((incident.request[:24], incident.organ, incident.case, str(incident.stage),
                   str(incident.channel), incident.intervener, incident.instigator,
                   incident.handler, incident.corrects, occurred.isoformat(),
                   recorded.isoformat(), time_key(occurred), time_key(recorded)))
    edges = {"o" + scalar("RECORDED_IN") + scalar(incident.organ) + _NULL,
             "o" + scalar("ABOUT_CASE") + scalar(incident.case) + _NULL,
             "i" + scalar("INTERVENED") + scalar(incident.intervener) + _NULL,
             "i" + scalar("RECORDED") + scalar(incident.recorded_by) + _NULL}
    if incident.instigator:
        edges.add("i" + scalar("INSTIGATED") + scalar(incident.instigator) + _NULL)
    if incident.handler:
        edges.add("o" + scalar("APPROACHED") + scalar(incident.handler) + _NULL)
    if incident.corrects:
        edges.add("o" + scalar("CORRECTS") + scalar(incident.corrects) + _NULL)
    edges.update("i" + scalar("TOOK_PART") + scalar(p.actor) + scalar(str(p.role))
                 for p in incident.participants)
    return head + "|0|" + "".join(sorted(edges))


_NULL = scalar(None)


def read_values(text: str, count: int) -> list[Any] | None:
    """``count`` values read back from their text; None if the text is not exactly that
    (a value Python does not write, a truncated or longer text)."""
    out: list[Any] = []
    at = 0
    try:
        for _ in range(count):
            item, at = _read_value(text, at)
            out.append(item)
    except (IndexError, ValueError):
        return None
    return out if at == len(text) else None


def _read_value(text: str, at: int) -> tuple[Any, int]:
    if text.startswith("List", at):
        colon = text.index(":", at)
        size = int(text[at + 4:colon])
        at = colon + 1
        items = []
        for _ in range(size):
            item, at = _read_scalar(text, at)
            items.append(item)
        return items, at
    return _read_scalar(text, at)


#: An edge as read back from a shape text: direction ("out" or "in"), type, the other
#: end's id, its role; the values as the store holds them (an id may be null).
StoredEdge = tuple[str, Any, Any, Any]


def read_incident_shape(text: str, mirrored: int
                        ) -> tuple[list[Any], int, list[StoredEdge]] | None:
    """An incident's shape text (REGISTRY_INCIDENT_SHAPE_ROWS) read back: its ``mirrored``
    values, how many of its properties are not allowed, its edges in the text's order; None
    when it does not read back exactly (a value Python does not write: the caller reads that
    node field by field)."""
    try:
        props, at = [], 0
        for _ in range(mirrored):
            item, at = _read_value(text, at)
            props.append(item)
        if not text.startswith("|", at):
            return None
        bar = text.index("|", at + 1)
        unknown = text[at + 1:bar]
        if not unknown.isdigit():
            return None
        at, edges = bar + 1, []
        while at < len(text):
            direction = {"o": "out", "i": "in"}.get(text[at])
            if direction is None:
                return None
            kind, at = _read_scalar(text, at + 1)
            other, at = _read_scalar(text, at)
            role, at = _read_scalar(text, at)
            edges.append((direction, kind, other, role))
    except (IndexError, ValueError):
        return None
    return props, int(unknown), edges


_DIGITS = frozenset("-0123456789")


def _read_scalar(text: str, at: int) -> tuple[Any, int]:
    if text.startswith("String", at):
        colon = text.index(":", at)
        length = text[at + 6:colon]
        if not length.isdigit():
            raise ValueError(f"no string length at {at}")
        end = colon + 1 + int(length)
        if end > len(text):
            raise ValueError("a string past the end")
        return text[colon + 1:end], end
    if text.startswith("Null:", at):
        return None, at + 5
    if text.startswith("Boolean:true", at):
        return True, at + 12
    if text.startswith("Boolean:false", at):
        return False, at + 13
    if text.startswith("Integer:", at):
        end = at + 8
        while end < len(text) and text[end] in _DIGITS:
            end += 1
        return int(text[at + 8:end]), end
    raise ValueError(f"not a value at {at}")
