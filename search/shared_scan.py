"""One pass over the passage vectors for every query that is waiting: the dense scan of
concurrent requests, batched.

Scoring one query against LawRefBook reads all 59,210 x 384 float32 vectors (91 MB): a
matrix-vector product bound by memory, not arithmetic. Eight concurrent requests read the
matrix eight times over; under load that was the largest single cost of the API's search
(37% of its CPU samples, more than embedding the queries). A matrix-matrix product over the
waiting queries reads it once. A lone query goes at once, so nothing waits for company.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]


class SharedScan:
    """``matrix @ vector`` for concurrent callers, computed by one thread for all of them.

    ``max_batch`` bounds how many queries one pass serves (the result block is
    ``max_batch x len(matrix)`` floats).
    """

    def __init__(self, matrix: Vectors, *, max_batch: int = 16) -> None:
        self._matrix = matrix
        self._max_batch = max_batch
        self._waiting: queue.SimpleQueue[tuple[Vectors, Future[Vectors]]] = queue.SimpleQueue()
        self._worker: threading.Thread | None = None
        self._start_lock = threading.Lock()

    def __call__(self, vector: Vectors) -> Vectors:
        """Scores of every row of the matrix for ``vector`` (float32)."""
        self._ensure_worker()
        done: Future[Vectors] = Future()
        self._waiting.put((vector, done))
        return done.result()

    def _ensure_worker(self) -> None:
        if self._worker is not None:
            return
        with self._start_lock:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="liuhen-dense-scan",
                                                daemon=True)
                self._worker.start()

    def _work(self) -> None:
        while True:
            batch = [self._waiting.get()]
            while len(batch) < self._max_batch:
                try:
                    batch.append(self._waiting.get_nowait())
                except queue.Empty:
                    break
            try:
                queries = np.stack([vector for vector, _ in batch]).astype(np.float32)
                scores = queries @ self._matrix.T  # [batch, rows]: one read of the matrix
            except BaseException as error:  # the requests waiting get it, not this thread
                for _, done in batch:
                    done.set_exception(error)
                continue
            for row, (_, done) in zip(scores, batch, strict=True):
                done.set_result(row)
