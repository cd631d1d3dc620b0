"""The assessment of recorded incidents in a process of its own, so that the process
answering HTTP records without waiting for the engine's CPU.

In the API process the assessment worker (liuhen/records/assessor.py) shares the
interpreter lock with the writers: at a hundred incidents a second it takes a core's worth
of Python, and a single writer's slow answers (p99 150-240 ms against a p50 of 21-24 ms,
docs/benchmarks.md, issue 13) are the moments it held the lock. Here a child process loads
the index and model as a search process does (api/search_pool.py), builds the same engine
over it, and runs the same worker: it sweeps the store for incidents flagged
``assessment_pending`` every POLL_S seconds (the append sets the flag, the stored
assessment clears it), so nothing is handed over but the store itself. The API process's
RecordsService answers a write ``assessment: pending`` and assesses nothing.

The child is spawned (the parent holds threads and a store connection), runs at a lower
priority (``assessment_niceness``, 19: recording is the duty, the annotation may lag), holds
back while writes are being acknowledged (``assessment_defer_s``), and dies with the parent
(Linux PR_SET_PDEATHSIG). A child killed mid-batch leaves those incidents pending: the next
sweep (of this child or the next start) takes them.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import time
from collections.abc import Mapping
from multiprocessing.process import BaseProcess
from pathlib import Path

from api.search_pool import die_with_parent
from api.state import SearchHolder
from api.workers import settings_for_workers
from core.settings import Settings
from graph.connect import open_store
from ingest.models import Regulation
from liuhen.classify import IncidentEngine
from liuhen.records.service import RecordsService

#: Seconds between two looks for pending incidents (an indexed read of at most 500 ids).
POLL_S = 0.2
#: Seconds the child is given to stop before it is killed.
STOP_TIMEOUT_S = 10.0
#: Writes acknowledged this recently (the anchor log's last change: every group commit of
#: every worker appends to it, fsynced) mean writers are busy.
BUSY_S = 0.5


def defer_while_recording(anchor_log: Path, longest_s: float) -> None:
    """Wait while writes are being acknowledged, at most ``longest_s``: the store runs one
    statement at a time, and an annotation batch's statements would queue the writers'
    appends behind them. The bound keeps a steady stream of writes from starving the
    assessment (it then goes on a batch per ``longest_s``, and drains after the burst)."""
    deadline = time.monotonic() + longest_s
    while (left := deadline - time.monotonic()) > 0:
        try:
            age = time.time() - anchor_log.stat().st_mtime
        except OSError:  # no anchor log yet: nothing was written
            return
        if age >= BUSY_S:
            return
        time.sleep(min(BUSY_S - age, left))


def _assess_pending(settings_json: str) -> None:
    """The child: the app's index and model, its engine over them, the worker sweeping."""
    die_with_parent()
    settings = Settings.model_validate(json.loads(settings_json))
    os.nice(settings.assessment_niceness)
    holder = SearchHolder(settings, embed_threads=1)
    store = open_store(settings, attach_only=True)
    holder.attach(store)

    def classifier(regulations: Mapping[str, Regulation]) -> IncidentEngine:
        return IncidentEngine(holder.get(), regulations)  # as api/state.Services builds it

    service = RecordsService(settings, store, classifier=classifier,
                             embedder=holder.loaded_embedder)
    anchor_log, longest_s = settings.anchor_path, settings.assessment_defer_s
    worker = service.start_worker(pause=(lambda: defer_while_recording(anchor_log, longest_s))
                                  if longest_s > 0 else None)
    while True:  # until the parent stops it (SIGTERM) or dies
        time.sleep(POLL_S)
        worker.sweep_soon()


class AssessmentProcess:
    """One child assessing what the API process records."""

    def __init__(self, settings: Settings) -> None:
        self._settings_json = settings_for_workers(settings)
        self._process: BaseProcess | None = None

    def start(self) -> int:
        """Start the child; its pid."""
        process = multiprocessing.get_context("spawn").Process(
            target=_assess_pending, args=(self._settings_json,), name="liuhen-assessor",
            daemon=True)
        process.start()
        self._process = process
        assert process.pid is not None  # set by start
        return process.pid

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def close(self) -> None:
        """Stop the child (SIGTERM, then SIGKILL past STOP_TIMEOUT_S) and wait for it."""
        process, self._process = self._process, None
        if process is None:
            return
        process.terminate()
        process.join(STOP_TIMEOUT_S)
        if process.is_alive():
            process.kill()
            process.join()
