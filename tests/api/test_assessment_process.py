"""New incidents assessed by a process of the app's own (api/assessment_process.py), over
real HTTP with the real embedded store: a write is answered ``pending`` at once, the child
stores the engine's assessment (the same verdict the API process's engine gives), the API
process runs no assessment thread, and no process is left behind.

The model is off (BM25 only) in the parent and the child alike: these tests are about
processes, not ranking."""

from __future__ import annotations

import os
import shutil
import threading
import time
from pathlib import Path

import httpx

from api.app import create_app
from api.server import serving
from api.state import Services
from core.processes import pid_alive
from graph.connect import store_session
from tests.api.conftest import NEW_INCIDENT, READER, RECORDER, api_settings

#: A child loads jieba, the index and the engine before its first sweep: generous on a
#: busy machine.
TIMEOUT = 300.0
IN_2025 = {"occurred_at": "2025-02-03T19:30:00", "recorded_at": "2025-02-04T09:00:00"}


def _record_pending(base_url: str, incident_id: str) -> None:
    """POST a new incident: stored at once, its assessment left to the process."""
    body = NEW_INCIDENT | IN_2025 | {"id": incident_id}
    created = httpx.post(f"{base_url}/incidents", json=body, headers=RECORDER, timeout=60)
    assert created.status_code == 201, created.text
    assert created.json()["incident"]["assessment"] == "pending"


def _assessor_threads() -> int:
    return sum(thread.name == "liuhen-assessor" for thread in threading.enumerate())


def test_the_child_assesses_what_the_api_process_records(
    loaded_data: Path, tmp_path: Path,
) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    # A niceness of its own (the default, 19, is the most a process can be given): the child
    # runs at it and still assesses.
    settings = api_settings(data_dir, model="none").model_copy(
        update={"assessment_niceness": 12})
    app = create_app(settings, assessment_process=True)
    # Other tests' apps may have left their assessment threads in this process: this app
    # must start none of its own.
    threads_before = _assessor_threads()
    with serving(app) as base_url:
        services: Services = app.state.services
        child = services.assessment_process
        assert child is not None and child.alive()
        assert services.records.assessed_elsewhere
        assert _assessor_threads() <= threads_before
        _record_pending(base_url, "proc-1")
        deadline = time.monotonic() + TIMEOUT
        read: dict[str, object] = {}
        while time.monotonic() < deadline:
            read = httpx.get(f"{base_url}/incidents/proc-1", headers=READER, timeout=60).json()
            if read["assessment"] != "pending":
                break
            time.sleep(0.5)
        assert read["assessment"] == "stored", read
        assert read["verdict"] == services.records.assess_incident("proc-1").verdict
        pid = child.pid
        assert pid is not None
        assert os.getpriority(os.PRIO_PROCESS, pid) == min(
            19, os.getpriority(os.PRIO_PROCESS, 0) + 12)
    assert not pid_alive(pid)  # stopped with the app


def test_without_the_process_a_thread_assesses(loaded_data: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    app = create_app(api_settings(data_dir, model="none"), assessment_process=False)
    threads_before = _assessor_threads()
    with serving(app):
        services: Services = app.state.services
        assert services.assessment_process is None
        assert not services.records.assessed_elsewhere
        assert _assessor_threads() == threads_before + 1


def test_a_worker_of_serve_leaves_assessment_to_its_parents_process(
    loaded_data: Path, tmp_path: Path,
) -> None:
    # `liuhen serve --workers N` runs one assessment process in the parent for every worker
    # (api/server.py): a worker's app starts no assessment thread of its own.
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    settings = api_settings(data_dir, model="none")
    assert settings.assessment_process
    threads_before = _assessor_threads()
    with store_session(settings):  # the parent's store, which the worker attaches to
        app = create_app(settings, worker=True)
        with serving(app) as base_url:
            services: Services = app.state.services
            assert services.records.assessed_elsewhere
            assert services.assessment_process is None  # the parent's, not this app's
            assert _assessor_threads() <= threads_before
            _record_pending(base_url, "worker-1")
