"""One pass over the passage vectors for every query that is waiting: the dense scan of
concurrent requests, batched.

Scoring one query against LawRefBook reads all 59,210 x 384 float32 vectors (91 MB): a
matrix-vector product bound by memory, not arithmetic. Eight concurrent requests read the
matrix eight times over; under load that was the largest single cost of the API's search
(37% of its CPU samples, more than embedding the queries). A matrix-matrix product over the
waiting queries reads it once. A lone query goes at once, so nothing waits for company.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from search.batching import BatchWorkers

Vectors = npt.NDArray[np.float32]


class SharedScan:
    """``matrix @ vector`` for concurrent callers, computed by one thread for all of them.

    ``max_batch`` bounds how many queries one pass serves (the result block is
    ``max_batch x len(matrix)`` floats).
    """

    def __init__(self, matrix: Vectors, *, max_batch: int = 16) -> None:
        self._matrix = matrix
        self._batches: BatchWorkers[Vectors, Vectors] = BatchWorkers(
            self._scan, name="liuhen-dense-scan", max_batch=max_batch
        )

    def __call__(self, vector: Vectors) -> Vectors:
        """Scores of every row of the matrix for ``vector`` (float32)."""
        return self._batches(vector)

    def _scan(self, vectors: list[Vectors]) -> Vectors:
        queries = np.stack(vectors).astype(np.float32)
        return queries @ self._matrix.T  # [batch, rows]: one read of the matrix
