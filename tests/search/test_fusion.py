from __future__ import annotations

import numpy as np
import pytest

from search.fusion import group_max, min_max, ranks_of, reciprocal_rank_fusion, weighted_sum


def test_ranks_of_is_one_based_stable_and_cut_at_depth() -> None:
    scores = np.array([0.5, 0.9, 0.5, 0.1], dtype=np.float32)
    assert ranks_of(scores, 10).tolist() == [2, 1, 3, 4]
    assert ranks_of(scores, 2).tolist() == [2, 1, 0, 0]


def test_ranks_of_leaves_scores_at_floor_unranked() -> None:
    scores = np.array([0.0, 2.0, 0.0, 1.0], dtype=np.float32)
    assert ranks_of(scores, 10, floor=0.0).tolist() == [0, 1, 0, 2]


def test_rrf_exact_scores_and_order() -> None:
    a = np.array([1, 2, 3, 0])  # ranks from retriever A; the last was not returned
    b = np.array([3, 1, 0, 2])
    fused = reciprocal_rank_fusion([a, b], k=60)
    expected = [1 / 61 + 1 / 63, 1 / 62 + 1 / 61, 1 / 63, 1 / 62]
    assert fused.tolist() == pytest.approx(expected)
    assert np.argsort(-fused).tolist() == [1, 0, 3, 2]


def test_rrf_weights_and_errors() -> None:
    a, b = np.array([1, 2]), np.array([2, 1])
    fused = reciprocal_rank_fusion([a, b], k=0, weights=[3, 1])
    assert fused.tolist() == pytest.approx([3 + 0.5, 1.5 + 1])
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([])
    with pytest.raises(ValueError):
        reciprocal_rank_fusion([a], weights=[1, 2])


def test_weighted_sum_scales_each_list_over_its_candidates() -> None:
    bm25 = np.array([10.0, 5.0, 0.0], dtype=np.float32)
    dense = np.array([0.2, 0.9, 0.5], dtype=np.float32)
    fused = weighted_sum([bm25, dense], [0.5, 0.5], [bm25 > 0, np.ones(3, dtype=bool)])
    assert fused.tolist() == pytest.approx([0.5, 0.5 * 0.0 + 0.5, 0.5 * 3 / 7])
    assert min_max(np.array([2.0, 2.0], dtype=np.float32)).tolist() == [1.0, 1.0]


def test_group_max_over_contiguous_groups() -> None:
    scores = np.array([1, 5, 2, 7, 3], dtype=np.float32)
    assert group_max(scores, np.array([0, 2, 4])).tolist() == [5, 7, 3]
