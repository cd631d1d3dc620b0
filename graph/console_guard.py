"""What the admin's console may run, decided on the statement's tokens (string literals,
quoted names and comments are single tokens, so ``RETURN 'LOAD CSV'`` is a string, not a
clause): no ``LOAD CSV`` (it opens URLs and files), no procedure outside a small allow-list
of read-only ones that stay inside the graph, one statement only, and integer parameters
that fit in 64 bits (the store would clamp larger ones silently).

The store double-checks on the database's own parse (its plan: graph/falkordb_store.py), and
bounds the rows the database produces by running the statement inside
``CALL { ... } RETURN ... LIMIT`` (:func:`bounded_statement`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from core.errors import InputError

#: Read-only procedures that only look at the graph itself.
ALLOWED_PROCEDURES = ("db.labels", "db.relationshipTypes", "db.propertyKeys", "db.indexes",
                      "db.constraints", "db.idx.fulltext.queryNodes")
_ALLOWED = frozenset(name.lower() for name in ALLOWED_PROCEDURES)
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
#: Brackets ((), [], {}) nested in a statement, or lists and maps in a parameter. FalkorDB
#: 4.16 parses nesting in exponential time, before any query timeout applies: a list 18
#: deep took 6 s, 20 deep 24 s, holding one of the store's threads (10 deep: 0.04 s).
MAX_NESTING = 10

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>//[^\n]*|/\*.*?(?:\*/|\Z))
  | (?P<string>'(?:[^'\\]|\\.)*(?:'|\Z)|"(?:[^"\\]|\\.)*(?:"|\Z))
  | (?P<quoted>`(?:[^`]|``)*(?:`|\Z))
  | (?P<word>[^\W\d]\w*)
  | (?P<number>\d[\w.]*)
  | (?P<symbol>.)
""", re.VERBOSE | re.DOTALL)
_CLAUSE_END = {"order", "skip", "limit", "union"}


@dataclass(frozen=True)
class Token:
    kind: str  # word, quoted, string, number, symbol
    text: str
    start: int = 0  # where it is in the statement

    @property
    def lower(self) -> str:
        return self.text.lower() if self.kind == "word" else self.text


def tokens(text: str) -> list[Token]:
    """The statement's tokens, without spaces and comments."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "symbol"
        if kind not in ("space", "comment"):
            found.append(Token(kind, match.group(), match.start()))
    return found


def _name_at(found: list[Token], start: int) -> tuple[str, int]:
    """The dotted name starting at ``found[start]`` (words or `quoted` parts) and the index
    after it."""
    parts: list[str] = []
    index = start
    while index < len(found) and found[index].kind in ("word", "quoted"):
        token = found[index]
        parts.append(token.text[1:-1].replace("``", "`") if token.kind == "quoted"
                     else token.text)
        index += 1
        if index < len(found) and found[index].text == ".":
            index += 1
            continue
        break
    return ".".join(parts), index


def check_statement(text: str) -> list[str]:
    """The procedures ``text`` calls (all allowed). InputError (field ``query``) for LOAD
    CSV, a procedure outside :data:`ALLOWED_PROCEDURES`, or more than one statement."""
    found = tokens(text)
    called: list[str] = []
    depth = 0
    for index, token in enumerate(found):
        if token.kind == "symbol" and token.text in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise InputError(f"brackets nested deeper than {MAX_NESTING} levels (the store "
                                 "parses deep nesting in exponential time)", field="query")
        elif token.kind == "symbol" and token.text in ")]}":
            depth -= 1
        after_dot = index > 0 and found[index - 1].text == "."
        if token.kind == "symbol" and token.text == ";" and any(
                t.kind != "symbol" or t.text != ";" for t in found[index + 1:]):
            raise InputError("the console runs one statement at a time (a ';' is followed by "
                             "another)", field="query")
        if token.kind != "word" or after_dot:
            continue
        following = found[index + 1] if index + 1 < len(found) else None
        if token.lower == "load" and following is not None and following.lower == "csv":
            raise InputError("LOAD CSV is refused in the console: it reads files and URLs "
                             "outside the graph", field="query")
        if token.lower == "call" and following is not None and following.text != "{":
            name, after = _name_at(found, index + 1)
            if not name or after >= len(found) or found[after].text != "(":
                continue  # `AS call`, `RETURN call LIMIT 1`: a name (the plan check backs this)
            if name.lower() not in _ALLOWED:
                raise InputError(
                    f"the console may call only {', '.join(ALLOWED_PROCEDURES)}; "
                    f"not {name or following.text!r}", field="query")
            called.append(name)
    return called


def return_columns(text: str) -> list[str] | None:
    """The column names of the statement's last top-level RETURN, in order, as the store
    names them (the alias, else the expression's text); None if there is none."""
    found = tokens(text)
    depth, last = 0, None
    for index, token in enumerate(found):
        if token.text in ("(", "[", "{"):
            depth += 1
        elif token.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and token.lower == "return":
            last = index
    if last is None:
        return None
    columns: list[str] = []
    item: list[Token] = []
    depth = 0
    index = last + 1
    if index < len(found) and found[index].lower == "distinct":
        index += 1
    for token in [*found[index:], Token("symbol", ",")]:
        if token.text in ("(", "[", "{"):
            depth += 1
        elif token.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and (token.text in (",", ";") or token.lower in _CLAUSE_END):
            if len(item) >= 2 and item[-2].lower == "as":
                alias = item[-1]
                columns.append(alias.text[1:-1] if alias.kind == "quoted" else alias.text)
            elif item:  # unaliased: the store names it by its text
                end = item[-1].start + len(item[-1].text)
                columns.append(text[item[0].start:end])
            item = []
            if token.text != ",":
                break
            continue
        item.append(token)
    return columns


def bounded_statement(text: str, rows: int) -> str | None:
    """``text`` run inside a subquery whose rows the database stops producing after
    ``rows`` (None when it has no RETURN: a bare procedure call, which returns few rows)."""
    if return_columns(text) is None:
        return None
    body = text.rstrip().rstrip(";")
    # The newlines keep a trailing // comment of the statement from eating the brace.
    return f"CALL {{\n{body}\n}}\nRETURN * LIMIT {int(rows)}"


def check_parameters(params: Mapping[str, Any]) -> None:
    """InputError naming the parameter whose integer does not fit in 64 bits."""
    for name, value in params.items():
        if _too_deep(value, 1):
            raise InputError(f"lists and maps nested deeper than {MAX_NESTING} levels",
                             field=f"parameters.{name}")
        if _out_of_range(value):
            raise InputError(f"an integer past the 64-bit range ({INT64_MIN} to {INT64_MAX}) "
                             "would be clamped by the store", field=f"parameters.{name}")


def _out_of_range(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return not INT64_MIN <= value <= INT64_MAX
    if isinstance(value, dict):
        return any(_out_of_range(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_out_of_range(v) for v in value)
    return False


def _too_deep(value: Any, depth: int = 0) -> bool:
    """Lists and maps nested past MAX_NESTING (it stops looking there)."""
    if depth > MAX_NESTING:
        return True
    if isinstance(value, dict):
        return any(_too_deep(v, depth + 1) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_too_deep(v, depth + 1) for v in value)
    return False
