"""What the app holds for its lifetime: the settings, one open graph store, the records and
regulations services over it (the recorder: one lock for appending), and the search index
with its model, loaded in the background at start-up so the first request does not wait for
the model."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Literal, TypeVar

import numpy as np
import numpy.typing as npt
from starlette.concurrency import run_in_threadpool

from core.errors import BackendError, LiuhenError
from core.settings import Settings
from graph.store import GraphStore
from ingest.models import Regulation
from liuhen.classify import IncidentEngine
from liuhen.health import GraphWatch
from liuhen.records.service import RecordsService
from liuhen.regulations.service import RegulationsService
from search.batching import BatchWorkers
from search.embeddings import Embedder
from search.index import SearchIndex
from search.service import embedder_from_settings, forget_embedders

if TYPE_CHECKING:
    from api.assessment_process import AssessmentProcess
    from api.search_pool import SearchPool

logger = logging.getLogger("liuhen.api")

IndexStatus = Literal["not_loaded", "loading", "ready", "failed"]
ModelStatus = Literal["disabled", "not_loaded", "loaded", "failed"]
NO_MODEL = ("", "none", "off")


class SearchHolder:
    """The search index of the regulations the graph store holds (the same ones
    ``/regulations`` lists), loaded once (thread-safe).

    ``settings.model`` empty or ``none`` means BM25 only; a model that fails to load leaves
    BM25 only too, and health says why.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        index: SearchIndex | None = None,
        store: GraphStore | None = None,
        embed_threads: int | None = None,
    ) -> None:
        self._settings = settings
        self._embed_threads = embed_threads  # QueryBatcher's default: one per core
        self._embedder = embedder
        self._index = index
        self._store = store
        self._lock = threading.Lock()
        self.status: IndexStatus = "ready" if index is not None else "not_loaded"
        self.model_status: ModelStatus = (
            "loaded" if embedder is not None or (index is not None and index.embedder)
            else "disabled" if settings.model.strip().lower() in NO_MODEL else "not_loaded"
        )
        self.error: str | None = None
        self.seconds: float | None = None

    @property
    def model_name(self) -> str | None:
        embedder = self._embedder or (self._index.embedder if self._index else None)
        if embedder is not None:
            return embedder.name
        return None if self.model_status == "disabled" else self._settings.model

    @property
    def query_engine(self) -> str | None:
        """What embeds single queries (onnxruntime, or torch and why), once the model is loaded."""
        embedder = self._embedder or (self._index.embedder if self._index else None)
        engine: str | None = getattr(embedder, "query_engine", None)
        adapter = self._index.query_adapter if self._index is not None else None
        if engine is not None and adapter is not None:
            engine += f" + query adapter {adapter.name}"
        return engine

    def start_loading(self) -> None:
        """Load in a background thread; requests that need the index wait for it."""
        threading.Thread(target=self._load_quietly, name="liuhen-search-load",
                         daemon=True).start()

    def _load_quietly(self) -> None:
        with contextlib.suppress(LiuhenError):  # kept in status and error for health
            self.get()

    def peek(self) -> SearchIndex | None:
        return self._index

    def loaded_embedder(self) -> Embedder | None:
        """The dense model if it has loaded, without waiting for it or loading it."""
        return self._embedder or (self._index.embedder if self._index else None)

    def attach(self, store: GraphStore) -> None:
        """Read the regulations from ``store`` (the app's) rather than opening a store of its
        own when the index loads."""
        self._store = store

    def _open_index(self, embedder: Embedder | None) -> SearchIndex:
        dense = embedder is not None
        if self._store is not None:
            return RegulationsService(self._store).search_index(
                self._settings, embedder=embedder, dense=dense)
        with RegulationsService.opened(self._settings) as regulations:
            return regulations.search_index(self._settings, embedder=embedder, dense=dense)

    def get(self) -> SearchIndex:
        """The index, loading it on first use. Raises BackendError when it cannot be built."""
        if self._index is not None:
            return self._index
        with self._lock:
            if self._index is not None:
                return self._index
            self.status = "loading"
            started = time.perf_counter()
            try:
                embedder = self._load_model()
                self._index = self._open_index(embedder)
            except LiuhenError as error:
                self.status, self.error = "failed", error.message
                raise BackendError(f"the search index cannot be loaded: {error.message}",
                                   details={"data_dir": str(self._settings.data_dir)}) from error
            self.seconds = round(time.perf_counter() - started, 2)
            self._index.share_scans()  # concurrent requests read the vectors once
            self.status = "ready"
            freeze_heap()
            return self._index

    def release(self) -> None:
        """Let the index and the model go (the parent of ``liuhen serve --workers`` builds
        the index on disk for its workers and serves nothing itself)."""
        with self._lock:
            self._index, self._embedder = None, None
            self.status = "not_loaded"
            self.model_status = ("disabled" if self.model_status == "disabled"
                                 else "not_loaded")
        forget_embedders()
        gc.unfreeze()  # freeze_heap() kept them out of the collector's sight

    def _load_model(self) -> Embedder | None:
        if self._embedder is not None or self.model_status == "disabled":
            return self._embedder
        try:
            model = embedder_from_settings(self._settings)
        except LiuhenError as error:
            logger.warning("dense model unavailable, searching with BM25 only: %s",
                           error.message)
            self.model_status, self.error = "failed", error.message
            return None
        _one_torch_thread()
        self._embedder = QueryBatcher(model, workers=self._embed_threads)
        self.model_status = "loaded"
        return self._embedder


def freeze_heap() -> None:
    """Move everything loaded so far (model, index, vocabularies: millions of objects) out
    of the garbage collector's sight. A full collection walked them all, and stopped every
    request for tens of milliseconds each time: the p99 of a 2 ms article GET was 84 ms."""
    gc.collect()
    gc.freeze()


def _one_torch_thread() -> None:
    """Each batch of queries is embedded on one thread; the other cores serve other batches
    and requests. With torch's default (a thread per core for every call), parallel calls
    oversubscribe the cores: on a busy 2-core machine a 40 ms query took a second."""
    import torch

    torch.set_num_threads(1)


K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ExpiringCache(Generic[K, V]):
    """Answers kept for a while, at most ``size`` of them (least recently used go first).

    For lookups of regulation text, which changes only when regulations are ingested again.
    An answer younger than ``ttl`` seconds is served as it is; one up to ``max_age`` old is
    served while a fresh one loads in the background (stale-while-revalidate), so that a
    request never waits for a refresh; an older one is loaded again before answering. So
    after a ``liuhen ingest`` an answer may be up to ``max_age`` seconds old. Errors (not
    found) are never kept.
    """

    def __init__(self, ttl: float = 5.0, max_age: float = 30.0, size: int = 4096) -> None:
        self.ttl, self.max_age, self.size = ttl, max_age, size
        self._entries: OrderedDict[K, tuple[float, V]] = OrderedDict()
        self._refreshing: set[K] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._lock = threading.Lock()

    def _lookup(self, key: K) -> tuple[float, V] | None:
        """The entry if it may still be served (its age below ``max_age``)."""
        with self._lock:
            found = self._entries.get(key)
            if found is None or time.monotonic() - found[0] >= self.max_age:
                return None
            self._entries.move_to_end(key)
            return found

    def _keep(self, key: K, value: V, since: float) -> None:
        with self._lock:
            self._entries[key] = (since, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def _forget(self, key: K) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def get(self, key: K, load: Callable[[], V]) -> V:
        """The answer for ``key``: kept if younger than ``ttl``, else loaded (and kept)."""
        found = self._lookup(key)
        if found is not None and time.monotonic() - found[0] < self.ttl:
            return found[1]
        since = time.monotonic()
        loaded = load()
        self._keep(key, loaded, since)
        return loaded

    async def aget(self, key: K, load: Callable[[], V]) -> V:
        """For async routes: a kept answer costs no worker thread and no wait; a stale one
        is refreshed in a worker thread after answering; a missing one loads in one."""
        found = self._lookup(key)
        if found is not None:
            if time.monotonic() - found[0] >= self.ttl:
                self._start_refresh(key, load)
            return found[1]
        since = time.monotonic()
        loaded = await run_in_threadpool(load)
        self._keep(key, loaded, since)
        return loaded

    def _start_refresh(self, key: K, load: Callable[[], V]) -> None:
        with self._lock:
            if key in self._refreshing:
                return
            self._refreshing.add(key)
        task = asyncio.get_running_loop().create_task(self._refresh(key, load))
        self._tasks.add(task)  # keep a reference until done, as asyncio asks
        task.add_done_callback(self._tasks.discard)

    async def _refresh(self, key: K, load: Callable[[], V]) -> None:
        since = time.monotonic()
        try:
            self._keep(key, await run_in_threadpool(load), since)
        except Exception:  # gone or failing now: the next request loads it and sees why
            self._forget(key)
        finally:
            with self._lock:
                self._refreshing.discard(key)


class QueryBatcher:
    """An Embedder that embeds the single queries of concurrent requests together.

    A batch of 8 queries costs about 17 ms a query on one core against 30 ms one at a time,
    so under load each worker (one per core, each on one torch thread) takes every query
    waiting, up to ``max_batch``; a lone query goes at once. Passages pass straight through.
    """

    def __init__(self, inner: Embedder, *, workers: int | None = None,
                 max_batch: int = 16) -> None:
        self.inner = inner
        self.max_batch = max_batch
        self._batches: BatchWorkers[str, npt.NDArray[np.float32]] = BatchWorkers(
            lambda queries: inner.embed_queries(queries), name="liuhen-embed",
            workers=workers or os.cpu_count() or 1, max_batch=max_batch)

    @property
    def name(self) -> str:
        return self.inner.name

    @property
    def dimension(self) -> int:
        return self.inner.dimension

    @property
    def query_engine(self) -> str | None:
        return getattr(self.inner, "query_engine", None)

    def embed_passages(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        return self.inner.embed_passages(texts)

    def embed_queries(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        if len(texts) != 1:
            return self.inner.embed_queries(texts)
        return self._batches(texts[0])[None, :]


@dataclass
class Services:
    """Everything a request may need, built once per app."""

    settings: Settings
    store: GraphStore
    search: SearchHolder
    records: RecordsService
    regulations: RegulationsService
    started: float = field(default_factory=time.time)
    texts: ExpiringCache[tuple[str, ...], Any] = field(default_factory=ExpiringCache)
    #: Held by each search while it computes (settings.search_slots; None: no bound).
    search_slots: threading.BoundedSemaphore | None = None
    #: Processes computing /search (api/search_pool.py); None: computed on this process's
    #: threads.
    search_pool: SearchPool | None = None
    #: The process assessing new incidents (api/assessment_process.py); None: a thread of
    #: this one (RecordsService.start_worker).
    assessment_process: AssessmentProcess | None = None
    #: Pings the store for /health (liuhen/health.py); started and stopped by the app.
    graph_watch: GraphWatch | None = None

    @classmethod
    def open(
        cls, settings: Settings, store: GraphStore, search: SearchHolder
    ) -> Services:
        def classifier(regulations: Mapping[str, Regulation]) -> IncidentEngine:
            # The app's search index: BM25 and, with a model, dense scores of each article.
            return IncidentEngine(search.get(), regulations)

        search.attach(store)
        return cls(settings=settings, store=store, search=search,
                   records=RecordsService(settings, store, classifier=classifier,
                                          embedder=search.loaded_embedder),
                   regulations=RegulationsService(store),
                   search_slots=threading.BoundedSemaphore(settings.search_slots)
                   if settings.search_slots else None)
