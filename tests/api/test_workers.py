"""``liuhen serve --workers 2`` as its own process over real HTTP: the workers share the one
store the parent runs (a record written through one worker is read through the other), a
killed store is restarted once, by the parent, and every worker's /health says so.

The model is off (BM25 search): these tests are about processes, not ranking. A request on
a new connection may reach either worker; one on a kept-alive connection stays with the
worker that accepted it, which /health names (``process``)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from core.processes import pid_alive
from core.settings import REPO_ROOT
from tests.api.conftest import KEYS, NEW_INCIDENT, READER, RECORDER

WORKERS = 2
#: Generous for a loaded 2-core machine: how long the service is timed to take is not
#: this test's business (bench/).
READY_WITHIN = 600.0
BACK_WITHIN = 30.0
#: A worker's first record loads the assessment engine: 11 s at a load average of 15.
REQUEST_TIMEOUT = 120.0
#: The parent's assessment process loads jieba, the index and the engine first.
ASSESSED_WITHIN = 300.0
#: New connections tried before concluding that a worker never answers.
CONNECTIONS = 400


class Served:
    def __init__(self, process: subprocess.Popen[bytes], base_url: str, data_dir: Path) -> None:
        self.process, self.base_url, self.data_dir = process, base_url, data_dir

    def health_on_new_connection(self) -> httpx.Response | None:
        """None while nothing listens (the workers are still starting) or answers in time."""
        try:
            with httpx.Client(base_url=self.base_url, timeout=REQUEST_TIMEOUT) as http:
                return http.get("/health")
        except (httpx.ConnectError, httpx.TimeoutException):
            return None

    def workers_seen(self, until: int = WORKERS) -> dict[int, dict[str, object]]:
        """The /health of each worker, asked on new connections until ``until`` answered."""
        seen: dict[int, dict[str, object]] = {}
        for _ in range(CONNECTIONS):
            response = self.health_on_new_connection()
            if response is None:
                break
            if response.status_code == 200:
                body = response.json()
                seen[body["process"]] = body
                if len(seen) >= until:
                    break
            time.sleep(0.01)
        return seen


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def served(loaded_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module (starting workers takes a while); each test leaves it
    serving, whatever order they run in."""
    tmp_path = tmp_path_factory.mktemp("workers")
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    port = _free_port()
    env = os.environ | {"LIUHEN_DATA_DIR": str(data_dir), "LIUHEN_MODEL": "none",
                        "LIUHEN_API_KEYS": json.dumps(KEYS), "PYTHONPATH": str(REPO_ROOT)}
    code = ("from api.server import serve; from core.settings import get_settings; "
            f"serve(get_settings(), '127.0.0.1', {port}, log_level='warning', "
            f"workers={WORKERS})")
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO_ROOT,
                               stdout=log, stderr=subprocess.STDOUT)
    running = Served(process, f"http://127.0.0.1:{port}", data_dir)
    try:
        deadline = time.monotonic() + READY_WITHIN
        while len(running.workers_seen()) < WORKERS:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.5)
        yield running
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _store_servers(data_dir: Path) -> list[int]:
    """Pids of the redis-servers running for ``data_dir``'s store."""
    socket_path = str(data_dir.resolve() / "falkordb" / "falkordb.sock").encode()
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        if b"redis-server" in cmdline and socket_path in cmdline:
            found.append(int(proc.name))
    return found


def _published(served: Served) -> dict[str, object]:
    lock = json.loads((served.data_dir / "falkordb" / "falkordb.lock").read_text())
    assert lock["owner_pid"] == served.process.pid  # the parent owns the store
    published: dict[str, object] = lock["supervision"]
    return published


def test_every_worker_answers_health_with_the_parents_supervisor(served: Served) -> None:
    seen = served.workers_seen()
    assert len(seen) == WORKERS
    assert served.process.pid not in seen  # the parent serves no request
    published = _published(served)
    assert published["state"] == "running"
    for health in seen.values():
        assert health["status"] == "ok"
        supervisor = health["supervisor"]
        assert isinstance(supervisor, dict)
        assert supervisor["state"] == "running"
        assert supervisor["restarts"] == published["restarts"]
    assert len(_store_servers(served.data_dir)) == 1


def test_a_record_written_through_one_worker_is_read_through_another(served: Served) -> None:
    incident = NEW_INCIDENT | {"id": "i-workers"}
    with httpx.Client(base_url=served.base_url, timeout=REQUEST_TIMEOUT) as first:
        created = first.post("/incidents", json=incident, headers=RECORDER)
        assert created.status_code == 201, created.text
        writer_pid = first.get("/health").json()["process"]  # the same kept-alive connection
    for _ in range(CONNECTIONS):
        with httpx.Client(base_url=served.base_url, timeout=REQUEST_TIMEOUT) as other:
            if other.get("/health").json()["process"] == writer_pid:
                continue
            read = other.get("/incidents/i-workers", headers=READER)
            assert read.status_code == 200, read.text
            assert read.json()["id"] == "i-workers"
            assert read.json()["chain"] == created.json()["incident"]["chain"]
            return
    pytest.fail(f"no connection reached a worker other than {writer_pid}")


def test_a_record_written_through_a_worker_is_assessed_by_the_parents_process(
    served: Served,
) -> None:
    # The workers leave assessment pending; the one process the parent runs stores it.
    incident = NEW_INCIDENT | {"id": "i-workers-assessed"}
    with httpx.Client(base_url=served.base_url, timeout=REQUEST_TIMEOUT) as http:
        created = http.post("/incidents", json=incident, headers=RECORDER)
        assert created.status_code == 201, created.text
        deadline = time.monotonic() + ASSESSED_WITHIN
        read: dict[str, object] = {}
        while time.monotonic() < deadline:
            read = http.get("/incidents/i-workers-assessed", headers=READER).json()
            if read["assessment"] != "pending":
                break
            time.sleep(0.5)
    assert read["assessment"] == "stored", read


def test_a_killed_store_is_restarted_once_by_the_parent(served: Served) -> None:
    before = _published(served)["restarts"]
    assert isinstance(before, int)
    (killed,) = _store_servers(served.data_dir)
    os.kill(killed, signal.SIGKILL)
    deadline = time.monotonic() + BACK_WITHIN
    while True:
        seen = served.workers_seen()
        restarted = [h for h in seen.values()
                     if isinstance(h["supervisor"], dict)
                     and h["supervisor"]["restarts"] == before + 1]
        if len(seen) == WORKERS and len(restarted) == WORKERS:
            break
        assert time.monotonic() < deadline, seen
        time.sleep(0.1)
    for health in seen.values():
        supervisor = health["supervisor"]
        assert isinstance(supervisor, dict)
        assert supervisor["state"] == "running"
        assert supervisor["last_restart_reason"] == "redis-server killed by SIGKILL"
    time.sleep(1.0)  # a second restart, by a worker, would show by now
    servers = _store_servers(served.data_dir)
    assert len(servers) == 1 and servers[0] != killed and not pid_alive(killed)
    lock = json.loads((served.data_dir / "falkordb" / "falkordb.lock").read_text())
    assert lock["owner_pid"] == served.process.pid
    assert lock["server_pid"] == servers[0]
    assert lock["supervision"]["restarts"] == before + 1
    with httpx.Client(base_url=served.base_url, timeout=REQUEST_TIMEOUT) as http:
        listed = http.get("/incidents", headers=READER, params={"limit": 5})
        assert listed.status_code == 200, listed.text
