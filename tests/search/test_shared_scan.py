"""The shared dense scan: concurrent callers get exactly their own matrix-vector product."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from search.embeddings import HashEmbedder
from search.index import open_index
from search.shared_scan import SharedScan


def test_concurrent_callers_get_their_own_scores() -> None:
    rng = np.random.default_rng(7)
    matrix = rng.standard_normal((5_000, 64)).astype(np.float32)
    queries = rng.standard_normal((200, 64)).astype(np.float32)
    scan = SharedScan(matrix, max_batch=8)
    with ThreadPoolExecutor(max_workers=16) as pool:
        results = list(pool.map(scan, queries))
    for query, got in zip(queries, results, strict=True):
        assert got.shape == (5_000,)
        np.testing.assert_allclose(got, matrix @ query, rtol=1e-4, atol=1e-4)


def test_a_bad_vector_fails_its_caller_and_the_scan_goes_on() -> None:
    matrix = np.eye(4, dtype=np.float32)
    scan = SharedScan(matrix)
    with pytest.raises(ValueError):
        scan(np.ones(3, dtype=np.float32))  # wrong dimension
    np.testing.assert_array_equal(scan(np.arange(4, dtype=np.float32)), [0, 1, 2, 3])


def test_index_with_shared_scans_ranks_as_before(tiny_corpus: Path, tmp_path: Path) -> None:
    index = open_index(tiny_corpus, tmp_path, HashEmbedder())
    queries = ["法官接受当事人请客送礼", "律师私下会见法官", "泄露办案工作秘密"]
    before = [index.search(q, top=5) for q in queries]
    index.share_scans(max_batch=4)
    with ThreadPoolExecutor(max_workers=3) as pool:
        after = list(pool.map(lambda q: index.search(q, top=5), queries))
    assert after == before
