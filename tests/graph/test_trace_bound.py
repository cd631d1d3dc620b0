"""Paths between two actors search no deeper than asked: the bound is in each statement's
pattern (``*..N``), not a length filtered after a search to MAX_TRACE_HOPS (which, through
organs of thousands of staff, took seconds at 100,000 incidents: docs/benchmarks.md, "Records
at 100,000 incidents")."""

from __future__ import annotations

from graph.falkordb_store import FalkorDBStore
from graph.queries import RECORD_TRACE_PATHS
from graph.queries.records_read import MAX_TRACE_HOPS
from graph.trace import trace_rows
from tests.graph.chain_fixtures import tamper


def test_each_trace_statement_bounds_its_search_in_the_pattern() -> None:
    assert set(RECORD_TRACE_PATHS) == {(flag, hops) for flag in (True, False)
                                       for hops in range(1, MAX_TRACE_HOPS + 1)}
    for (_, hops), statement in RECORD_TRACE_PATHS.items():
        assert f"*..{hops}]" in statement.text
        assert "max_hops" not in statement.parameters


def test_two_colleagues_are_two_steps_apart_through_their_organ(store: FalkorDBStore) -> None:
    pair = tamper(store, "MATCH (a:Actor)-[:WORKS_AT]->(o:Organ)<-[:WORKS_AT]-(b:Actor) "
                  "WHERE a.id < b.id RETURN a.id AS a, b.id AS b, o.id AS o LIMIT 1")[0]
    assert trace_rows(store, pair["a"], pair["b"], max_hops=1, limit=10,
                      through_organs=True) == []
    rows = trace_rows(store, pair["a"], pair["b"], max_hops=2, limit=10, through_organs=True)
    assert rows and all(len(row["steps"]) <= 2 for row in rows)
    assert any(node[1] == pair["o"] for row in rows for node in row["nodes"])
