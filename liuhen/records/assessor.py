"""Assessment and related-incident indexing off the request path: a thread of the API
process takes the incidents just recorded from a bounded queue, indexes their words (and
meaning, with a model) and stores the engine's assessment on them.

A write is acknowledged once the incident is in its chain; until the worker is done with it
the incident says ``assessment: pending`` (and counts under no verdict, never as lawful).
The append sets ``assessment_pending`` on the node (indexed) and the annotation clears it,
so the worker picks up at start whatever an earlier process left pending, and again
whenever its queue was full. ``liuhen reassess`` still assesses every stale incident.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Sequence

from core.errors import DamagedRecordError, LiuhenError
from ingest.records import Incident

_LOG = logging.getLogger(__name__)

#: Incidents waiting at most (past this a write still succeeds; the incident stays pending
#: and the worker's next sweep finds it in the store).
QUEUE_CAPACITY = 10_000
#: Incidents assessed per annotation statement.
BATCH = 64
#: Pending incidents read per sweep statement.
SWEEP_PAGE = 500

Assess = Callable[[Sequence[Incident]], None]
PendingIds = Callable[[int], list[str]]
Lookup = Callable[[Sequence[str]], dict[str, Incident]]


class AssessmentWorker:
    """One daemon thread assessing recorded incidents in batches."""

    def __init__(self, assess: Assess, pending: PendingIds, lookup: Lookup, *,
                 capacity: int = QUEUE_CAPACITY, warm: Callable[[], object] | None = None,
                 pause: Callable[[], object] | None = None) -> None:
        """``pause``: called before every batch; it may wait (the assessment process
        waits while writers are busy, api/assessment_process.py)."""
        self._assess = assess
        self._pause = pause
        self._warm = warm
        self._pending = pending
        self._lookup = lookup
        self._queue: queue.Queue[Incident] = queue.Queue(maxsize=capacity)
        self._stop = threading.Event()
        self._sweep_wanted = threading.Event()
        self._sweep_wanted.set()  # at start: what an earlier process left pending
        self._idle = threading.Condition()
        self._busy = 0
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="liuhen-assessor",
                                            daemon=True)
            self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def submit(self, incident: Incident) -> None:
        """Queue ``incident``; when the queue is full it stays pending in the store and the
        next sweep takes it."""
        try:
            self._queue.put_nowait(incident)
        except queue.Full:
            self._sweep_wanted.set()

    def sweep_soon(self) -> None:
        """Look for pending incidents in the store again (what another process recorded)."""
        self._sweep_wanted.set()

    def wait_idle(self, timeout: float) -> bool:
        """True once nothing is queued, swept or being assessed (tests, shutdown)."""
        with self._idle:
            return self._idle.wait_for(
                lambda: self._queue.unfinished_tasks == 0 and not self._busy
                and not self._sweep_wanted.is_set(), timeout)

    def _run(self) -> None:
        if self._warm is not None:
            # What the first assessment would build (the engine, the word lists) is built
            # now, at start, instead of in the middle of the first writes after a restart.
            with self._idle:
                self._busy += 1
            try:
                self._warm()
            except Exception:  # the first batch builds it again, and reports what fails
                _LOG.exception("the assessment worker could not warm up")
            finally:
                self._done(1)
        while not self._stop.is_set():
            if self._sweep_wanted.is_set():
                self._sweep()
                continue
            try:
                first = self._queue.get(timeout=0.5)
            except queue.Empty:
                self._notify()
                continue
            batch = [first]
            while len(batch) < BATCH:
                try:
                    batch.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            self._work(batch)

    def _sweep(self) -> None:
        with self._idle:
            self._busy += 1
            self._sweep_wanted.clear()
        try:
            while not self._stop.is_set():
                ids = self._pending(SWEEP_PAGE)
                found = self._readable(ids)
                if not found:
                    return
                incidents = list(found.values())
                for start in range(0, len(incidents), BATCH):
                    if not self._assess_logged(incidents[start:start + BATCH]):
                        return  # they stay pending; sweeping again would fail again
                if len(ids) < SWEEP_PAGE:
                    return
        except LiuhenError as error:
            _LOG.warning("pending incidents not swept (run liuhen reassess): %s", error)
        except Exception:  # a thread that dies would leave every later incident pending
            _LOG.exception("the assessment worker's sweep failed (run liuhen reassess)")
        finally:
            self._done(1)

    def _readable(self, ids: list[str]) -> dict[str, Incident]:
        """The pending incidents of ``ids`` that read back. One edited behind the service's
        back is left out and named in the log (`liuhen verify` says how it changed), so that
        it holds no other incident pending; it stays pending itself."""
        left = list(ids)
        while left:
            try:
                return self._lookup(left)
            except DamagedRecordError as error:
                damaged = error.details.get("record_id")
                if damaged not in left:
                    raise
                _LOG.warning("pending incident %s does not read back and is left pending "
                             "(run liuhen verify): %s", damaged, error.message)
                left.remove(damaged)  # type: ignore[arg-type]
        return {}

    def _work(self, batch: list[Incident]) -> None:
        with self._idle:
            self._busy += 1
        try:
            self._assess_logged(batch)
        finally:
            for _ in batch:
                self._queue.task_done()
            self._done(1)

    def _assess_logged(self, incidents: Sequence[Incident]) -> bool:
        try:
            if self._pause is not None:
                self._pause()
            self._assess(incidents)
            return True
        except LiuhenError as error:
            # they stay pending (flag kept): the next start or `liuhen reassess` assesses them
            _LOG.warning("incidents left pending (run liuhen reassess): %s", error)
        except Exception:  # a thread that dies would leave every later incident pending
            _LOG.exception("the assessment worker failed on %d incidents", len(incidents))
        return False

    def _done(self, count: int) -> None:
        with self._idle:
            self._busy -= count
            self._idle.notify_all()

    def _notify(self) -> None:
        with self._idle:
            self._idle.notify_all()
