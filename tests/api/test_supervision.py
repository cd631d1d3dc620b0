"""The supervised store: kill -9 of the embedded FalkorDB child while the API runs. The API
answers 503 in the error shape while it is down, restarts it from its append-only file with
no person involved, answers again, and /health says what happened."""

from __future__ import annotations

import os
import signal
import time

from fastapi.testclient import TestClient

from api.state import Services
from graph.falkordb_store import FalkorDBStore
from tests.api.conftest import READER, assert_error

#: The target is 5 s; the test allows more so that a busy machine does not fail it (the
#: time it took is measured in bench/, not here).
BACK_WITHIN = 15.0


def _server(client: TestClient) -> tuple[FalkorDBStore, int]:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    store = services.store
    assert isinstance(store, FalkorDBStore) and store.server is not None
    pid = store.server.pid
    assert pid is not None
    return store, pid


def test_a_killed_store_is_restarted_and_health_says_so(writer: TestClient) -> None:
    before = writer.get("/incidents", headers=READER, params={"limit": 5})
    assert before.status_code == 200, before.text
    store, pid = _server(writer)
    assert writer.get("/health").json()["supervisor"]["restarts"] == 0
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + BACK_WITHIN
    while True:
        health = writer.get("/health")
        if health.status_code == 200 and health.json()["supervisor"]["restarts"] == 1:
            break
        if health.status_code != 200:
            assert_error(health, 503, "backend_unavailable")
        assert time.monotonic() < deadline, health.text
        time.sleep(0.05)
    supervisor = health.json()["supervisor"]
    assert supervisor["state"] == "running"
    assert supervisor["last_restart_reason"] == "redis-server killed by SIGKILL"
    assert supervisor["last_restart_at"] is not None
    assert store.server is not None and store.server.pid not in (None, pid)
    after = writer.get("/incidents", headers=READER, params={"limit": 5})
    assert after.status_code == 200, after.text
    assert after.json() == before.json()  # reloaded from the append-only file


def test_requests_during_the_outage_get_503_in_the_error_shape(writer: TestClient) -> None:
    store, pid = _server(writer)
    assert store.server is not None
    # Holding the server's lock keeps the supervisor from restarting it: an outage that
    # lasts as long as the test needs.
    with store.server._mutex:
        os.kill(pid, signal.SIGKILL)
        while store.server._proc is not None and store.server._proc.poll() is None:
            time.sleep(0.01)
        records = writer.get("/incidents", headers=READER, params={"limit": 5})
        assert_error(records, 503, "backend_unavailable")
        health = assert_error(writer.get("/health"), 503, "backend_unavailable")
        assert health["details"]["graph"]["ok"] is False
    deadline = time.monotonic() + BACK_WITHIN
    while writer.get("/incidents", headers=READER, params={"limit": 5}).status_code != 200:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert writer.get("/health").json()["supervisor"]["restarts"] == 1
