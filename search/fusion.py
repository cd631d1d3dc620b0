"""Pure functions that turn scores into rankings and combine rankings."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

Scores = npt.NDArray[np.float32]
Ranks = npt.NDArray[np.int64]

#: Rank given to what a retriever did not return (beyond its candidate list).
UNRANKED = 0


def group_max(scores: Scores, starts: npt.NDArray[np.int64]) -> Scores:
    """Maximum of each contiguous group: ``starts`` holds each group's first index."""
    if len(scores) == 0:
        return scores.copy()
    return np.maximum.reduceat(scores, starts).astype(np.float32)


def ranks_of(scores: Scores, depth: int, *, floor: float | None = None) -> Ranks:
    """1-based rank of each entry among the ``depth`` best; ``UNRANKED`` (0) for the rest.

    Ties are broken by position (stable), so the result is deterministic. Entries whose score is
    not above ``floor`` (e.g. BM25 zero: no term matched) are left unranked.
    """
    ranks = np.zeros(len(scores), dtype=np.int64)
    depth = min(depth, len(scores))
    if depth <= 0:
        return ranks
    if depth < len(scores):
        top = np.argpartition(-scores, depth - 1)[:depth]
        top = top[np.lexsort((top, -scores[top]))]
    else:
        top = np.lexsort((np.arange(len(scores)), -scores))
    if floor is not None:
        top = top[scores[top] > floor]
    ranks[top] = np.arange(1, len(top) + 1)
    return ranks


def reciprocal_rank_fusion(
    rankings: Sequence[Ranks], *, k: float = 60.0, weights: Sequence[float] | None = None
) -> Scores:
    """Reciprocal rank fusion: sum over rankings of ``w / (k + rank)``; unranked entries add 0.

    Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion outperforms Condorcet and individual
    Rank Learning Methods", SIGIR 2009 (k = 60 there). ``weights`` default to 1 each.
    """
    if not rankings:
        raise ValueError("no rankings to fuse")
    weights = weights if weights is not None else [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"{len(weights)} weights for {len(rankings)} rankings")
    fused = np.zeros(len(rankings[0]), dtype=np.float64)
    for ranks, weight in zip(rankings, weights, strict=True):
        ranked = ranks > 0
        fused[ranked] += weight / (k + ranks[ranked])
    return fused.astype(np.float32)


def min_max(scores: Scores, mask: npt.NDArray[np.bool_] | None = None) -> Scores:
    """Scale to [0, 1] over the masked entries (all by default); the rest become 0."""
    out = np.zeros(len(scores), dtype=np.float32)
    selected = np.ones(len(scores), dtype=bool) if mask is None else mask
    if not selected.any():
        return out
    low, high = float(scores[selected].min()), float(scores[selected].max())
    span = high - low
    out[selected] = (scores[selected] - low) / span if span > 0 else 1.0
    return out


def weighted_sum(
    score_lists: Sequence[Scores], weights: Sequence[float], masks: Sequence[npt.NDArray[np.bool_]]
) -> Scores:
    """Convex combination of min-max scaled scores, each scaled over its own candidates."""
    if len(score_lists) != len(weights) or len(score_lists) != len(masks):
        raise ValueError("score lists, weights and masks differ in length")
    fused = np.zeros(len(score_lists[0]), dtype=np.float32)
    for scores, weight, mask in zip(score_lists, weights, masks, strict=True):
        fused += weight * min_max(scores, mask)
    return fused
