"""The statement type and the two ways a name may enter a statement's text: allow-listed
labels and relationship types (graph/schema.py), quoted in backticks, and row field names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from graph.schema import checked_label, checked_rel_type


class Backend(StrEnum):
    FALKORDB = "falkordb"
    NEO4J = "neo4j"


PORTABLE = frozenset(Backend)
_PARAMETER = re.compile(r"\$(\w+)")
_FIELD = re.compile(r"[a-z_]+")


@dataclass(frozen=True)
class Query:
    """A named statement: its text, the parameters it takes and where it may run."""

    name: str
    text: str
    parameters: tuple[str, ...] = ()
    readonly: bool = True
    backends: frozenset[Backend] = PORTABLE

    def __post_init__(self) -> None:
        used = set(_PARAMETER.findall(self.text))
        if used != set(self.parameters):
            raise ValueError(
                f"{self.name}: declares {sorted(self.parameters)} but uses {sorted(used)}"
            )


def read_statement(name: str, text: str, *parameters: str) -> Query:
    """A portable read-only statement (whitespace folded) taking ``parameters``."""
    return Query(name, " ".join(text.split()), parameters, readonly=True)


def write_statement(name: str, text: str, *parameters: str) -> Query:
    """A portable write statement (whitespace folded) taking ``parameters``."""
    return Query(name, " ".join(text.split()), parameters, readonly=False)


def label(name: str) -> str:
    """An allow-listed label in backticks, ready to format into a statement."""
    return f"`{checked_label(name)}`"


def rel_type(name: str) -> str:
    """An allow-listed relationship type in backticks, ready to format into a statement."""
    return f"`{checked_rel_type(name)}`"


def row_field(field: str) -> str:
    """``row.<field>`` for a row field named by a statement module (a name, never a value)."""
    if not _FIELD.fullmatch(field):
        raise ValueError(f"not a row field name: {field!r}")
    return f"row.{field}"
