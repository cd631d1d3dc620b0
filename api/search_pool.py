"""Searches computed in processes of their own, so that the process answering HTTP
(/health included) only does I/O.

Sixty CPU-bound searches computed on threads of the API process kept /health's threads and
the event loop waiting for the interpreter lock: p99 1.2 s on a quiet 2-core machine
(docs/benchmarks.md, issue 12). Here each of ``processes`` children loads the index from
the data directory (built there by the parent before it serves; passage vectors
memory-mapped read-only, so one copy in the page cache for all) and its own query model,
as a worker of ``liuhen serve --workers`` does (api/workers.py), and computes
``search_articles`` on it: the same index and the same code, so the same hits.

The children are spawned (not forked: the parent holds threads and a store connection),
attach to the parent's store only while they load, and die with the parent (Linux
PR_SET_PDEATHSIG), so a parent killed with SIGKILL leaves no orphan searching on.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import multiprocessing
import os
import signal
import threading
from collections.abc import Collection
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from api.state import SearchHolder
from api.workers import settings_for_workers
from core.errors import BackendError, LiuhenError
from core.settings import Settings
from graph.connect import open_store
from liuhen.article_search import SearchHit, search_articles
from search.batching import BatchWorkers
from search.index import Mode

#: Seconds a child may take to load its model and index before the pool gives up on it.
LOAD_TIMEOUT_S = 600.0
_PR_SET_PDEATHSIG = 1
#: Searches sent to a child at once: computed there on threads of their own, so that the
#: child's QueryBatcher embeds their queries together (api/state.py).
BATCH = 16
#: The children's niceness: when the cores are short, the process answering HTTP (/health,
#: the console, every other route) runs first, and searches take what is left.
CHILD_NICENESS = 5

#: A search as the child gets it: query, top, mode, regulation ids.
Request = tuple[str, int, Mode, tuple[str, ...]]
#: Its answer: the hits, or a LiuhenError as (code, status, message, details as JSON): its
#: class's own constructor may not take what pickling would hand it.
Answer = list[SearchHit] | tuple[str, int, str, str]

_holder: SearchHolder | None = None  # the child's index, loaded once by _load
_threads: ThreadPoolExecutor | None = None  # the child's threads computing one batch


def die_with_parent() -> None:
    """Ask Linux to SIGTERM this child when its parent dies (elsewhere: nothing)."""
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _load(settings_json: str) -> None:
    """A child's initializer: the parent's settings, the index as a worker loads it."""
    global _holder, _threads
    die_with_parent()
    os.nice(CHILD_NICENESS)
    settings = Settings.model_validate(json.loads(settings_json))
    holder = SearchHolder(settings, embed_threads=1)  # one core's work per child
    store = open_store(settings, attach_only=True)
    try:
        holder.attach(store)
        holder.get()
    finally:
        store.close()  # the index is read from disk; searching asks no store
    _holder = holder
    _threads = ThreadPoolExecutor(max_workers=BATCH, thread_name_prefix="liuhen-search")


def _loaded() -> int:
    """The child's pid once its index is loaded (the initializer ran before)."""
    return os.getpid()


def _search_batch(requests: list[Request]) -> list[Answer]:
    """Each request's answer, computed on the child's threads together."""
    assert _threads is not None, "the initializer starts them"
    return list(_threads.map(lambda request: _search(*request), requests))


def _search(query: str, top: int, mode: Mode, regulation_ids: tuple[str, ...]) -> Answer:
    """``search_articles`` in the child."""
    assert _holder is not None, "the initializer loads the index"
    try:
        return search_articles(_holder.get(), query, top=top, mode=mode,
                               regulation_ids=regulation_ids)
    except LiuhenError as error:
        return (error.code, error.status_code, error.message,
                json.dumps(error.details, ensure_ascii=False, default=str))


class _ChildError(LiuhenError):
    """An error raised in a search child, with its code and status kept."""


def _rebuilt(code: str, status: int, message: str, details: str) -> LiuhenError:
    error = _ChildError(message, details=json.loads(details))
    error.code, error.status_code = code, status
    return error


class SearchPool:
    """``processes`` children computing searches; :meth:`search` blocks its (worker) thread
    on no CPU until a child answers. A child that dies breaks the pool: it is started again
    and that request answered 503."""

    def __init__(self, settings: Settings, processes: int) -> None:
        self.processes = max(1, processes)
        self._settings_json = settings_for_workers(settings)
        self._lock = threading.Lock()
        # Linux's PR_SET_PDEATHSIG fires when the *thread* that spawned a child ends, not only
        # its process: children spawned from a thread of Starlette's pool (which retires
        # idle threads) were killed with it, and the next search answered 503. The pool
        # spawns its first children from this thread, which lives as long as the pool; later
        # ones come from the sender threads below, which do too.
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="liuhen-spawn")
        self._executor = self._new_executor()
        # One sender thread a child, each taking every search waiting (up to BATCH) to it.
        self._batches: BatchWorkers[Request, Answer] = BatchWorkers(
            self._send, name="liuhen-search-send", workers=self.processes, max_batch=BATCH)

    def _send(self, requests: list[Request]) -> list[Answer]:
        executor = self._executor
        try:
            return executor.submit(_search_batch, requests).result()
        except BrokenProcessPool as error:
            with self._lock:
                if self._executor is executor:  # the first to see it starts new children
                    self._executor = self._new_executor()
            raise BackendError("a search process died; the search processes are "
                               "starting again: send the search again") from error

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.processes,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_load, initargs=(self._settings_json,))

    def start(self) -> set[int]:
        """Start every child and wait until each has loaded its index; their pids.

        Raises BackendError when a child cannot load it."""
        pending = self._spawner.submit(
            lambda: [self._executor.submit(_loaded) for _ in range(self.processes)]).result()
        try:
            pids = {future.result(timeout=LOAD_TIMEOUT_S) for future in pending}
        except (BrokenProcessPool, TimeoutError) as error:
            raise BackendError(f"the search processes did not start: {error!r}") from error
        # Pools start every child when the first tasks arrive (Python 3.11); the pids are
        # those that happened to answer, the others loaded just the same.
        return pids

    def search(self, query: str, *, top: int = 10, mode: Mode = "hybrid",
               regulation_ids: Collection[str] = ()) -> list[SearchHit]:
        """As ``search_articles`` on the app's index: the same hits, computed in a child."""
        answer = self._batches((query, top, mode, tuple(regulation_ids)))
        if isinstance(answer, tuple):
            raise _rebuilt(*answer)
        return answer

    def child_pids(self) -> list[int]:
        """The children's process ids (for tests and health)."""
        processes = getattr(self._executor, "_processes", None) or {}
        return sorted(processes)

    def close(self) -> None:
        """Stop the children (queued searches are cancelled) and wait for them."""
        with self._lock:
            self._executor.shutdown(wait=True, cancel_futures=True)
        self._spawner.shutdown(wait=True)
