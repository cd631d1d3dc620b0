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

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ingest.registry import Edge, Shape


class Unencodable(ValueError):
    """A value the shape text does not write (a float, a nested list, a map)."""


def scalar(value: Any) -> str:
    if value is None:
        return "n"
    if isinstance(value, bool):  # before int: a bool is an int in Python
        return "btrue;" if value else "bfalse;"
    if isinstance(value, int):
        return f"i{value};"
    if isinstance(value, str):
        return f"s{len(value)}:{value}"
    raise Unencodable(repr(value)[:40])


def value(item: Any) -> str:
    if isinstance(item, list | tuple):
        return f"l{len(item)}:" + "".join(scalar(x) for x in item)
    return scalar(item)


def values(items: Iterable[Any]) -> str:
    return "".join(value(x) for x in items)


def _edge(edge: Edge) -> str:
    direction, kind, other, role = edge
    return ("o" if direction == "out" else "i") + scalar(kind) + scalar(other) + scalar(role)


def incident_text(shape: Shape, mirrored: Sequence[str]) -> str:
    """The text REGISTRY_INCIDENT_SHAPES reads for a node as ``shape`` says it must be
    (``mirrored``: the property names in the statement's order; no unknown property).
    Unencodable if a value cannot be written."""
    return (values(shape.properties.get(name) for name in mirrored) + "|0|"
            + "".join(sorted(_edge(e) for e in shape.edges)))


def entity_text(shape: Shape) -> str:
    """The text REGISTRY_ORGAN_SHAPES / REGISTRY_ACTOR_SHAPES read for an organ or actor as
    its registered record says it must be (its edges: outgoing, without roles)."""
    pairs = "".join(scalar(name) + value(shape.properties[name])
                    for name in sorted(shape.properties))
    return pairs + "|" + "".join(sorted(scalar(kind) + scalar(other)
                                        for _, kind, other, _ in shape.edges))


def read_values(text: str, count: int) -> list[Any] | None:
    """``count`` values read back from their text; None if the text is not exactly that
    (a value the encoding marks unwritable, a truncated or longer text)."""
    out: list[Any] = []
    at = 0
    try:
        for _ in range(count):
            if text[at] == "l":
                colon = text.index(":", at)
                size = int(text[at + 1:colon])
                at = colon + 1
                items = []
                for _ in range(size):
                    item, at = _read_scalar(text, at)
                    items.append(item)
                out.append(items)
            else:
                item, at = _read_scalar(text, at)
                out.append(item)
    except (IndexError, ValueError):
        return None
    return out if at == len(text) else None


def _read_scalar(text: str, at: int) -> tuple[Any, int]:
    tag = text[at]
    if tag == "n":
        return None, at + 1
    if tag == "s":
        colon = text.index(":", at)
        end = colon + 1 + int(text[at + 1:colon])
        if end > len(text):
            raise ValueError("a string past the end")
        return text[colon + 1:end], end
    if tag in "ib":
        semi = text.index(";", at)
        body = text[at + 1:semi]
        if tag == "i":
            return int(body), semi + 1
        if body in ("true", "false"):
            return body == "true", semi + 1
    raise ValueError(f"not a value at {at}")


def texts_by_id(rows: Iterable[Mapping[str, Any]], column: str) -> dict[str, str | None]:
    """Each id's text; None for an id two nodes share (the slow path words it)."""
    out: dict[str, str | None] = {}
    for row in rows:
        key = str(row["id"])
        out[key] = None if key in out else row[column]
    return out
