"""Whether the graph store answers, for the service's health report.

:class:`GraphWatch` pings the store (from the event loop over a connection of its own for the
embedded FalkorDB, else on a thread of its own) and keeps the last answer, so that
/health reads it without a round trip to the store, a worker thread or a lock of its own:
under load, /health's own thread hop and ping (a thread waking, the interpreter lock taken
back after the store answered, the store's threads shared with the console) were what made
its slow answers slow (docs/benchmarks.md, issue 12, session 9). What it reports is no
weaker: the embedded store's child found dead is reported at once (no ping needed), and a
store whose last answer is older than ``stale_after`` (a ping hanging, the thread stuck) is
reported not ok, which a /health that pinged on the request did only when its ping failed.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import time

from pydantic import BaseModel, Field

from core.errors import LiuhenError
from graph import queries
from graph.falkordb_store import FalkorDBStore
from graph.store import GraphStore

#: Seconds between two pings of the store.
PING_EVERY_S = 0.25
#: A last answer older than this is no answer: the store is reported not ok. Generous: under
#: the load of issue 12 (60 searches, 4 console clients, 2 cores) a ping from a thread of the
#: API process took up to 9 s to come back (that thread waiting for the interpreter lock and
#: a core, not the store: the store answered pings in under 35 ms beside the console's
#: statement on its own), and a /health that pinged on the request took as long to answer.
STALE_AFTER_S = 10.0
#: Seconds the watch's connection may take to close when the app stops.
CLOSE_TIMEOUT_S = 2.0


class GraphHealth(BaseModel):
    backend: str
    uri: str
    ok: bool
    milliseconds: float | None = Field(description="a round trip to the store (ping)")
    checked_seconds_ago: float | None = Field(
        default=None, description="how long ago that ping was sent (the store is pinged "
        f"every {PING_EVERY_S:g} s by a thread of the service's own; none: pinged for this "
        "answer)")
    reason: str | None = Field(default=None, description="why not ok, when known")


def graph_health(store: GraphStore) -> GraphHealth:
    """A ping of the store: whether it answered and how long it took (never raises)."""
    started = time.perf_counter()
    try:
        store.read(queries.PING)
    except LiuhenError as error:
        return GraphHealth(backend=str(store.backend), uri=store.uri, ok=False,
                           milliseconds=None, reason=error.message)
    return GraphHealth(backend=str(store.backend), uri=store.uri, ok=True,
                       milliseconds=round((time.perf_counter() - started) * 1000, 2))


def child_dead(store: GraphStore) -> bool:
    """Whether the embedded store's process this service runs has died (a waitpid, no
    round trip; False for Neo4j or a store another process runs)."""
    server = store.server if isinstance(store, FalkorDBStore) else None
    return server is not None and server.child_dead()


class GraphWatch:
    """The store pinged every ``every`` seconds on a daemon thread; :meth:`current` the last
    answer, aged. :meth:`start` pings once before it returns, so the first report is real."""

    def __init__(self, store: GraphStore, *, every: float = PING_EVERY_S,
                 stale_after: float = STALE_AFTER_S) -> None:
        self.store = store
        self.every = every
        self.stale_after = stale_after
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        # (monotonic time the ping was sent, its answer); replaced whole, read without a lock
        self._last: tuple[float, GraphHealth] | None = None

    def start(self) -> None:
        """Ping once (blocking), then on a thread of the watch's own."""
        self._ping()
        self._thread = threading.Thread(target=self._run, name="liuhen-graph-watch",
                                        daemon=True)
        self._thread.start()

    def on_the_loop(self) -> bool:
        """Whether :meth:`watch_on_loop` can ping this store (an embedded FalkorDB: over its
        socket, with the event loop's own connection)."""
        return isinstance(self.store, FalkorDBStore) and self.store.server is not None

    async def watch_on_loop(self) -> None:
        """The pings sent from the running event loop instead of a thread (run it as a task;
        cancel it to stop). Under load a thread of the API process waited seconds for the
        interpreter lock, so its ping came back up to 4.8 s late with the store idle; the event
        loop is what answers /health, so a ping from it is late only when /health is."""
        store = self.store
        assert isinstance(store, FalkorDBStore), "on_the_loop() says when"
        try:
            while True:
                sent = time.monotonic()
                started = time.perf_counter()
                try:
                    # bounded: a ping that never returns must not stop the watch (the answer
                    # then goes stale and /health says so)
                    await asyncio.wait_for(store.aping(queries.PING), self.stale_after)
                except TimeoutError:
                    seen = GraphHealth(backend=str(store.backend), uri=store.uri, ok=False,
                                       milliseconds=None, reason="the store did not answer "
                                       f"a ping within {self.stale_after:.0f} s")
                except LiuhenError as error:
                    seen = GraphHealth(backend=str(store.backend), uri=store.uri, ok=False,
                                       milliseconds=None, reason=error.message)
                else:
                    seen = GraphHealth(
                        backend=str(store.backend), uri=store.uri, ok=True,
                        milliseconds=round((time.perf_counter() - started) * 1000, 2))
                self._last = (sent, seen)
                await asyncio.sleep(self.every)
        finally:
            # bounded: closing a connection whose command was cancelled can wait forever
            # (seen: an app's shutdown hung in CI), and shutdown must end
            with contextlib.suppress(TimeoutError, OSError):
                await asyncio.wait_for(store.aclose(), CLOSE_TIMEOUT_S)

    def stop(self) -> None:
        self._stopping.set()
        if self._thread is not None:
            self._thread.join(timeout=5.0)

    async def first_answer(self, timeout: float = 30.0) -> None:
        """Wait until :meth:`watch_on_loop` has an answer (or ``timeout`` passed), so that
        the first report is a real ping's."""
        deadline = time.monotonic() + timeout
        while self._last is None and time.monotonic() < deadline:
            await asyncio.sleep(0.005)

    def _run(self) -> None:
        while not self._stopping.wait(self.every):
            self._ping()

    def _ping(self) -> None:
        sent = time.monotonic()
        self._last = (sent, graph_health(self.store))

    def current(self) -> GraphHealth:
        """The last ping's answer with its age; not ok when the store's child is found dead
        now, or when that answer is older than ``stale_after`` seconds. Never blocks."""
        last = self._last
        if last is None:  # not started: ask the store now (blocking), as before the watch
            return graph_health(self.store)
        sent, seen = last
        age = round(time.monotonic() - sent, 3)
        if child_dead(self.store):
            return seen.model_copy(update={
                "ok": False, "milliseconds": None, "checked_seconds_ago": 0.0,
                "reason": "the graph store's process has died (its supervisor restarts it)"})
        if age > self.stale_after:
            return seen.model_copy(update={
                "ok": False, "milliseconds": None, "checked_seconds_ago": age,
                "reason": f"the graph store has not answered a ping for {age:.1f} s"})
        return seen.model_copy(update={"checked_seconds_ago": age})
