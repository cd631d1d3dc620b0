"""The app's own machinery: the expiring cache of regulation text and the query batcher."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import numpy.typing as npt
import pytest

from api.state import ExpiringCache, QueryBatcher
from core.errors import BackendError, NotFoundError
from search.embeddings import HashEmbedder


def test_cache_keeps_answers_until_they_expire() -> None:
    cache: ExpiringCache[str, int] = ExpiringCache(ttl=0.2, max_age=10, size=10)
    loads = []

    def load() -> int:
        loads.append(1)
        return len(loads)

    assert cache.get("a", load) == 1 and cache.get("a", load) == 1
    time.sleep(0.25)
    assert cache.get("a", load) == 2


def test_cache_forgets_the_least_recently_used_and_never_keeps_errors() -> None:
    cache: ExpiringCache[int, int] = ExpiringCache(ttl=60, size=2)
    for key in (1, 2, 1, 3):  # 2 is the least recently used when 3 arrives
        cache.get(key, lambda: 0)
    assert cache.get(2, lambda: -1) == -1 and cache.get(1, lambda: -1) == -1

    def missing() -> int:
        raise NotFoundError("no such article")

    for _ in range(2):
        with pytest.raises(NotFoundError):
            cache.get(9, missing)


def test_stale_answers_are_served_while_they_refresh() -> None:
    async def scenario() -> list[int]:
        cache: ExpiringCache[str, int] = ExpiringCache(ttl=0.2, max_age=0.8)
        counter = iter(range(1, 100))
        load = lambda: next(counter)  # noqa: E731
        seen = [await cache.aget("a", load)]  # 1: loaded
        await asyncio.sleep(0.25)
        seen.append(await cache.aget("a", load))  # 1 again (stale), 2 loads behind it
        await asyncio.sleep(0.05)
        seen.append(await cache.aget("a", load))  # 2: refreshed
        await asyncio.sleep(0.9)
        seen.append(await cache.aget("a", load))  # 3: too old to serve, loaded first
        return seen

    assert asyncio.run(scenario()) == [1, 1, 2, 3]


def test_a_refresh_that_fails_drops_the_answer() -> None:
    async def scenario() -> None:
        cache: ExpiringCache[str, int] = ExpiringCache(ttl=0.01, max_age=10)
        assert await cache.aget("a", lambda: 1) == 1
        await asyncio.sleep(0.02)

        def gone() -> int:
            raise NotFoundError("the article was removed")

        assert await cache.aget("a", gone) == 1  # stale, while the refresh fails
        await asyncio.sleep(0.05)
        with pytest.raises(NotFoundError):
            await cache.aget("a", gone)

    asyncio.run(scenario())


class Counting(HashEmbedder):
    """The stand-in embedder, counting the batches it is asked for."""

    def __init__(self) -> None:
        super().__init__(dimension=16)
        self.batches: list[int] = []

    def embed_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.batches.append(len(texts))
        time.sleep(0.01)  # long enough for queries to queue behind a batch
        return super().embed_queries(texts)


def test_batcher_answers_each_query_with_its_own_vector() -> None:
    inner = Counting()
    batcher = QueryBatcher(inner, workers=1, max_batch=8)
    texts = [f"第{i}个问题" for i in range(40)]
    with ThreadPoolExecutor(8) as pool:
        vectors = list(pool.map(lambda t: batcher.embed_queries([t]), texts))
    expected = HashEmbedder(dimension=16).embed_queries(texts)
    for got, want in zip(vectors, expected, strict=True):
        assert got.shape == (1, 16)
        np.testing.assert_allclose(got[0], want)
    assert sum(inner.batches) == 40 and max(inner.batches) > 1  # some were batched
    assert batcher.name == inner.name and batcher.dimension == 16
    np.testing.assert_allclose(batcher.embed_passages(["甲"]), inner.embed_passages(["甲"]))


def test_batcher_passes_errors_to_the_callers() -> None:
    class Broken(HashEmbedder):
        def embed_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
            raise BackendError("model gone")

    batcher = QueryBatcher(Broken(), workers=1)
    with pytest.raises(BackendError, match="model gone"):
        batcher.embed_queries(["问题"])
    with pytest.raises(BackendError):  # the worker lived on to answer again
        batcher.embed_queries(["又一个问题"])
