"""/health reads the store's state from a watch (liuhen/health.py): the last ping, aged, and
no answer for too long, or the store's process found dead, reported as not ok."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient

from api.state import Services
from liuhen.health import STALE_AFTER_S, GraphWatch


def _services(client: TestClient) -> Services:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return services


def test_health_reports_the_watchs_last_ping(client: TestClient) -> None:
    assert _services(client).graph_watch is not None, "the app's lifespan starts the watch"
    graph = client.get("/health").json()["graph"]
    assert graph["ok"] is True and graph["reason"] is None
    assert graph["milliseconds"] is not None and graph["milliseconds"] >= 0
    assert 0 <= graph["checked_seconds_ago"] < STALE_AFTER_S


def test_the_watch_pings_again(client: TestClient) -> None:
    store = _services(client).store
    watch = GraphWatch(store, every=0.05)
    watch.start()
    try:
        first = watch.current().checked_seconds_ago
        time.sleep(0.5)
        later = watch.current()
        assert later.ok is True
        assert first is not None and later.checked_seconds_ago is not None
        assert later.checked_seconds_ago < 0.5, "a ping was sent after the first"
    finally:
        watch.stop()


def test_no_answer_for_too_long_is_reported_not_ok(client: TestClient) -> None:
    """A watch whose pings stopped (here: the next one is a minute away) reports the store
    not ok once its last answer is older than ``stale_after``, and says why."""
    watch = GraphWatch(_services(client).store, every=60.0, stale_after=0.2)
    watch.start()
    try:
        assert watch.current().ok is True
        time.sleep(0.3)
        stale = watch.current()
        assert stale.ok is False and stale.milliseconds is None
        assert stale.reason is not None and "has not answered a ping" in stale.reason
        assert stale.checked_seconds_ago is not None and stale.checked_seconds_ago >= 0.2
    finally:
        watch.stop()


def test_a_watch_not_started_asks_the_store(client: TestClient) -> None:
    seen = GraphWatch(_services(client).store).current()
    assert seen.ok is True and seen.checked_seconds_ago is None


def test_the_apps_watch_pings_from_the_event_loop(client: TestClient) -> None:
    """The app's store is an embedded FalkorDB: its watch pings over the event loop's own
    connection, and keeps pinging (the age reported stays below two intervals)."""
    watch = _services(client).graph_watch
    assert watch is not None and watch.on_the_loop()
    assert watch._thread is None, "no thread of its own"
    for _ in range(3):
        time.sleep(0.4)
        graph = client.get("/health").json()["graph"]
        assert graph["ok"] is True and graph["checked_seconds_ago"] < 2 * watch.every + 0.5
