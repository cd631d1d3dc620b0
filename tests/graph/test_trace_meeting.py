"""The path search that meets in the middle (graph/trace.py) answers what the store's own
``allShortestPaths`` answers: the same paths, relationship by relationship, for pairs of the
example's actors of every kind, every bound and both kinds of search."""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import combinations, product

import pytest

from core.settings import Settings
from graph.record_reads import actor_page
from graph.store import GraphStore, Row
from graph.trace import store_shortest_paths, trace_rows
from liuhen.records.service import RecordsService

# More than every shortest path between two of the example's actors (the most is 20).
EVERY = 10_000


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    """The example records, assessed on ingest, in a store of their own; the tests only
    read."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("liuhen"))
    with RecordsService.opened(settings) as opened:
        opened.ingest([settings.example_dir])
        yield opened.store


@pytest.fixture(scope="module")
def actors(store: GraphStore) -> list[str]:
    return sorted(a.id for a in actor_page(store, kind=None, organ=None, after="", skip=0,
                                           limit=500))


def _as_set(rows: list[Row]) -> set[str]:
    return {json.dumps([row["nodes"], row["steps"]]) for row in rows}


def test_every_pair_gets_the_stores_own_shortest_paths(store: GraphStore,
                                                       actors: list[str]) -> None:
    found, most = 0, 0
    pairs = list(combinations(actors, 2))[::19]  # 288 of the 5,460 pairs, every kind of actor
    for (source, target), organs, hops in product(pairs, (True, False), (1, 2, 3, 4, 6)):
        mine = trace_rows(store, source, target, max_hops=hops, limit=EVERY,
                          through_organs=organs)
        theirs = store_shortest_paths(store, source, target, max_hops=hops, limit=EVERY,
                                      through_organs=organs)
        assert len(mine) == len(_as_set(mine)), (source, target)
        assert _as_set(mine) == _as_set(theirs), (source, target, hops, organs)
        found, most = found + bool(mine), max(most, len(mine))
    assert found > 100 and most > 1  # not vacuous: many pairs are joined, some many ways


def test_paths_run_from_the_source_and_come_in_id_order(store: GraphStore) -> None:
    rows = trace_rows(store, "p-qiangd", "p-zhoumy", max_hops=6, limit=EVERY,
                      through_organs=True)
    assert rows
    assert all(r["nodes"][0][1] == "p-qiangd" and r["nodes"][-1][1] == "p-zhoumy"
               for r in rows)
    keys = [[tuple(n[:2]) for n in r["nodes"]] for r in rows]
    assert keys == sorted(keys)
    some = trace_rows(store, "p-qiangd", "p-zhoumy", max_hops=6, limit=3, through_organs=True)
    assert len(rows) > 3 and len(some) == 3 and _as_set(some) <= _as_set(rows)


def test_no_path_for_an_actor_not_stored_or_the_same_actor(store: GraphStore) -> None:
    assert trace_rows(store, "p-qiangd", "p-nobody", max_hops=4, limit=10,
                      through_organs=True) == []
    assert trace_rows(store, "p-qiangd", "p-qiangd", max_hops=4, limit=10,
                      through_organs=True) == []
