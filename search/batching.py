"""Serve concurrent callers in batches: one pass of a batch function for everyone waiting.

Used where one call over many inputs costs far less than many calls over one: embedding
queries (``api.state.QueryBatcher``) and scanning the passage vectors
(``search.shared_scan.SharedScan``). A lone caller is served at once; nothing waits for company.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Generic, Protocol, TypeVar

In = TypeVar("In")
Out = TypeVar("Out")
Out_co = TypeVar("Out_co", covariant=True)


class Outputs(Protocol[Out_co]):
    """What ``process`` returns: one output per input, by position (a list, or an array
    whose rows are the outputs)."""

    def __getitem__(self, index: int, /) -> Out_co: ...

    def __len__(self) -> int: ...


class BatchWorkers(Generic[In, Out]):
    """``workers`` threads, each taking every waiting input (up to ``max_batch``), calling
    ``process`` once on them and handing each caller its own output. An exception in
    ``process`` reaches every caller of that batch; the workers go on. Threads start on the
    first call."""

    def __init__(
        self,
        process: Callable[[list[In]], Outputs[Out]],
        *,
        name: str,
        workers: int = 1,
        max_batch: int = 16,
    ) -> None:
        self._process = process
        self._name = name
        self._workers = workers
        self._max_batch = max_batch
        self._waiting: queue.SimpleQueue[tuple[In, Future[Out]]] = queue.SimpleQueue()
        self._started = False
        self._start_lock = threading.Lock()

    def __call__(self, item: In) -> Out:
        self._start()
        done: Future[Out] = Future()
        self._waiting.put((item, done))
        return done.result()

    def _start(self) -> None:
        if self._started:
            return
        with self._start_lock:
            if not self._started:
                for number in range(self._workers):
                    threading.Thread(target=self._work, name=f"{self._name}-{number}",
                                     daemon=True).start()
                self._started = True

    def _work(self) -> None:
        while True:
            batch = [self._waiting.get()]
            while len(batch) < self._max_batch:
                try:
                    batch.append(self._waiting.get_nowait())
                except queue.Empty:
                    break
            try:
                outputs = self._process([item for item, _ in batch])
            except BaseException as error:  # the callers waiting get it, not this thread
                for _, done in batch:
                    done.set_exception(error)
                continue
            if len(outputs) != len(batch):
                mismatch = ValueError(
                    f"{self._name}: {len(outputs)} outputs for {len(batch)} inputs")
                for _, done in batch:
                    done.set_exception(mismatch)
                continue
            for index, (_, done) in enumerate(batch):
                done.set_result(outputs[index])
