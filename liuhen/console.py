"""The admin's Cypher console: a statement written by a person, run read-only by the
database itself (GraphStore.read_only_query), its rows made JSON-safe and capped."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, Field

from graph.store import GraphStore

MAX_ROWS = 1000

#: Statements to show how the console is used (the API's documentation shows them).
EXAMPLES: dict[str, dict[str, Any]] = {
    "articles-citing": {
        "summary": "哪些条文引用了《中国共产党纪律处分条例》",
        "value": {"query": "MATCH (a:Article)-[:CITES]->(r:Regulation {title_key: $title}) "
                           "RETURN a.id AS article, a.label AS label LIMIT 2",
                  "parameters": {"title": "中国共产党纪律处分条例"}},
    },
    "write-refused": {
        "summary": "写操作由数据库拒绝（403）",
        "value": {"query": "MATCH (n) DETACH DELETE n // 删除全部：数据库拒绝"},
    },
}


class ConsoleResult(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    truncated: bool = Field(description=f"more than {MAX_ROWS} rows; the rest are left out")


def run_read_only(
    store: GraphStore, text: str, params: Mapping[str, Any] | None = None, *,
    timeout: float = 10.0, max_rows: int = MAX_ROWS,
) -> ConsoleResult:
    """Run ``text`` read-only. Raises WriteRefusedError when it writes, InputError when the
    database rejects it, BackendError when the database is unreachable."""
    rows = store.read_only_query(text, params, timeout=timeout)
    return ConsoleResult(
        columns=list(rows[0]) if rows else [],
        rows=[{k: json_safe(v) for k, v in row.items()} for row in rows[:max_rows]],
        truncated=len(rows) > max_rows,
    )


def json_safe(value: Any) -> Any:
    """Plain values with NaN and the infinities (which JSON lacks) as strings."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    return value
