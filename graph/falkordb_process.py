"""The process side of the embedded FalkorDB server (graph/falkordb_server.py): its command
line and limits, pid files, liveness, PING and SHUTDOWN over the unix socket without retries,
the server's log tail, the child's death signal and umask, and the data directory's private
modes. Plain functions of paths and pids; no state."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import fcntl
import json
import os
import signal
import stat
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import falkordb
import redis
import redis.exceptions
from redis.backoff import NoBackoff
from redis.retry import Retry

from core.processes import pid_alive

_PR_SET_PDEATHSIG = 1
LOG_TAIL_LINES = 20
SupervisorState = Literal["running", "restarting", "down", "attached", "stopped"]
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
#: The child's umask: what it creates (append-only files, their manifest) is 0600.
CHILD_UMASK = 0o077

#: FalkorDB limits set when the module loads (names as in FalkorDB 4.16's GRAPH.CONFIG).
#: A query of the app or the console cannot run longer than TIMEOUT_MAX ms (the console
#: passes its own, shorter timeout); one without a timeout gets TIMEOUT_DEFAULT. Past
#: MAX_QUEUED_QUERIES waiting queries the store answers an error at once (the API: 503)
#: rather than queueing without end. RESULTSET_SIZE bounds any result (the console bounds
#: its own far lower, in the query); QUERY_MEM_CAPACITY bounds one query's memory (a
#: `collect` of 20 million values took 1 GB). THREAD_COUNT: one per core, at least 2, so
#: that one long console query (the console runs one at a time) leaves a thread to the rest.
STORE_LIMITS: dict[str, int] = {
    "TIMEOUT_MAX": 120_000,
    "TIMEOUT_DEFAULT": 60_000,
    "MAX_QUEUED_QUERIES": 256,
    "RESULTSET_SIZE": 1_000_000,
    "QUERY_MEM_CAPACITY": 512 * 1024 * 1024,
    "THREAD_COUNT": max(2, os.cpu_count() or 2),
}


def server_command(binary: str, module: str, *, socket_path: Path, db_dir: Path,
                   pid_path: Path, log_path: Path, appendfsync: str) -> list[str]:
    """The redis-server command line of the embedded store."""
    limits = [str(part) for item in STORE_LIMITS.items() for part in item]
    return [
        binary,
        "--loadmodule", module, *limits,
        "--port", "0",  # no TCP listener at all
        "--unixsocket", str(socket_path),
        "--unixsocketperm", "700",
        "--dir", str(db_dir),
        "--pidfile", str(pid_path),
        "--logfile", str(log_path),
        # The log holds no record contents: warnings only, and no crash report (which
        # prints the query being run, parameters included).
        "--loglevel", "warning",
        "--crash-log-enabled", "no",
        "--daemonize", "no",
        "--supervised", "no",
        # Durability comes from the append-only file. Incidents are source records (nothing
        # rebuilds them), so the default is "always": Redis write()s and fsyncs the AOF before
        # it sends the replies of that event-loop turn. Under "everysec" Redis may postpone the
        # write() for up to 2 s while a background fsync is slow and reply meanwhile, so a
        # kill -9 can lose acknowledged writes: seen once as 199 of 200 kept at load ~20
        # (test_kill9_server_keeps_acknowledged_writes) and as lost acknowledged incidents in a
        # kill -9 test with per-organ recorder locks (session 5). "always" costs one fsync per
        # write turn: 2,000 single-node CREATEs took ~0.85 s against ~0.45 s (fsync 0.23 ms
        # here), against 26-46 ms for one incident's append statement.
        "--appendonly", "yes",
        "--appendfsync", appendfsync,
        "--aof-use-rdb-preamble", "yes",  # AOF rewrites store a compact RDB base
        # Rewrite from 8 MB (Redis waits for 64 MB): a restart replays every write query since
        # the last rewrite, an RDB base loads far faster (crash soak, session 6).
        "--auto-aof-rewrite-min-size", "8mb",
        # No RDB snapshots: the AOF is the single source of truth (and SHUTDOWN does not
        # need to write a dump).
        "--save", "",
    ]  # fmt: skip


def make_private(root: Path) -> None:
    """``root`` and every folder under it 0700, every file 0600 (other local users read
    nothing: the append-only file holds every record). Sockets keep their own mode."""
    if not root.exists():
        return
    os.chmod(root, PRIVATE_DIR)
    for folder, dirs, files in os.walk(root):
        for name in dirs:
            with contextlib.suppress(OSError):
                os.chmod(os.path.join(folder, name), PRIVATE_DIR, follow_symlinks=False)
        for name in files:
            path = os.path.join(folder, name)
            with contextlib.suppress(OSError):
                if stat.S_ISREG(os.lstat(path).st_mode):
                    os.chmod(path, PRIVATE_FILE)


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """Return the last ``lines`` lines of a log file ('' if unreadable)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return "".join(deque(fh, maxlen=lines)).rstrip()
    except OSError:
        return ""


def read_pid(path: Path) -> int | None:
    """Read a pid file, None if missing or garbage."""
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


#: Longest a data connection waits for the store's answer to one statement (LIUHEN_STORE_
#: TIMEOUT_S). The store itself ends every statement, writes included, at its timeout: the
#: project's at STORE_LIMITS' TIMEOUT_DEFAULT (60 s), the console's at its own, at most
#: TIMEOUT_MAX (120 s) (a write given none timed out at a TIMEOUT_DEFAULT of 300 ms, session
#: 13). A write is rolled back before the answer (a 2-million-node CREATE given 1 s answered
#: after 10.8 s) and a statement may first wait in the queue: 180 s leaves that slack. Past
#: it the store is not answering (FalkorDB/FalkorDB#2129: a lock waited on for good).
DATA_TIMEOUT_S = 180.0
#: Longest the owner's supervisor lets the running child go without answering PING before it
#: kills it (SIGKILL: a stopped process keeps SIGTERM pending) and restarts it from its
#: append-only file (LIUHEN_STORE_PING_TIMEOUT_S). PING is answered by the server's main
#: thread, which a write holds while it commits or rolls back: the longest stall seen was
#: 9.5 s, beside that 2-million-node CREATE (session 13), far larger than any write of the
#: project's.
HANG_AFTER_S = 30.0
#: Seconds between the supervisor's pings of the running child, and the longest each waits.
HANG_PING_EVERY_S = 1.0


def data_client(socket_path: Path, timeout: float) -> falkordb.FalkorDB:
    """The store's data connections: each statement waits at most ``timeout`` seconds for its
    answer, and none is re-sent by redis-py (its default Retry sends a command again after a
    timeout or a dropped connection: a write twice). Whether to try again is the caller's:
    graph/falkordb_store.py tries a read once more, never a write."""
    return falkordb.FalkorDB(unix_socket_path=str(socket_path), socket_timeout=timeout,
                             socket_connect_timeout=min(timeout, 5.0),
                             retry=Retry(NoBackoff(), 0))


def admin_conn(socket_path: Path, timeout: float) -> redis.Redis:
    """A connection for PING/SHUTDOWN without redis-py's default retries.

    The default policy retries a failed command with exponential backoff: a probe of a socket
    nobody listens on would take seconds, and so would SHUTDOWN (the server closing the
    connection is the expected answer).
    """
    return redis.Redis(
        unix_socket_path=str(socket_path),
        socket_connect_timeout=min(timeout, 1.0),
        socket_timeout=timeout,
        retry=Retry(NoBackoff(), 0),
    )


#: How long a server that answers "loading" may take to replay its append-only file. The
#: replay re-runs every write since the last rewrite, so it grows with the store (seen: more
#: than 10 s for a few thousand incidents at load 8); a start deadline that ignored it would
#: never let a large store come back.
LOAD_TIMEOUT = 900.0


def probe(socket_path: Path, timeout: float = 1.0) -> Literal["ready", "loading", "down"]:
    """Whether a server on ``socket_path`` answers PING, is still loading its data (it says
    so, or it took the connection and is too busy replaying to answer in ``timeout``), or is
    not there."""
    if not socket_path.exists():
        return "down"
    try:
        with admin_conn(socket_path, timeout) as conn:
            return "ready" if conn.ping() else "down"
    except (redis.exceptions.BusyLoadingError, redis.exceptions.TimeoutError):
        # Redis serves clients only between chunks of its replay (every 2 MB of AOF)
        return "loading"
    except (redis.exceptions.RedisError, OSError):
        return "down"  # nobody listening, or a broken answer


#: A restart replays the append-only file's tail (every write query since the last rewrite)
#: one query at a time; Redis rewrites only when the file doubled, so at 24,000 incidents a
#: restart under load took up to 13 s (crash soak, session 6). The supervisor rewrites once
#: the tail passes this, or a sixteenth of the base when that is larger (a rewrite copies the
#: whole graph: bounding the tail by the base keeps rewrites rare as the store grows).
#: Measured in session 7 (crash soak, 4 min, ~20,000 incidents): a 4 MB limit gave restarts of
#: 3.24 s median / 7.63 s max, 1 MB 1.61 / 1.97 s, 256 KB 1.60 / 2.06 s: below 1 MB the
#: restart is the snapshot's load, not the tail. Over 10 minutes (~33,000 incidents) 1 MB with
#: a quarter of the base gave 3.19 / 7.05 s, with a sixteenth 2.11 / 5.28 s.
AOF_TAIL_LIMIT = 1024 * 1024


def compact_long_tail(socket_path: Path, limit: int = AOF_TAIL_LIMIT) -> bool:
    """Start an append-only file rewrite (a compact RDB base) when the tail a restart would
    replay passed ``limit`` bytes or a quarter of the base; True if one was started."""
    try:
        with admin_conn(socket_path, 1.0) as conn:
            info = conn.info("persistence")
            if info.get("aof_rewrite_in_progress") or info.get("aof_rewrite_scheduled"):
                return False
            base = int(info.get("aof_base_size", 0))
            if int(info.get("aof_current_size", 0)) - base < max(limit, base // 16):
                return False
            conn.bgrewriteaof()
            return True
    except (redis.exceptions.RedisError, OSError):
        return False  # down or busy: the next look tries again


def ping(socket_path: Path, timeout: float = 1.0) -> bool:
    """Return True if a server answers PING on ``socket_path``."""
    return probe(socket_path, timeout) == "ready"


def wait_until_ready(proc: subprocess.Popen[bytes], socket_path: Path,
                     deadline: float) -> str | None:
    """Wait until the server answers PING: None, or why it will not. A server that answers
    "loading" is replaying its append-only file and gets up to LOAD_TIMEOUT past ``deadline``."""
    started = time.monotonic()
    while True:
        code = proc.poll()
        if code is not None:
            return f"redis-server exited with code {code}"
        state = probe(socket_path, timeout=0.5)
        if state == "ready":
            return None
        if state == "loading":
            deadline = max(deadline, time.monotonic() + 1.0)
            if time.monotonic() - started > LOAD_TIMEOUT:
                return f"redis-server still loading its data after {LOAD_TIMEOUT:g} s"
        elif time.monotonic() > deadline:
            return f"redis-server did not answer PING on {socket_path}"
        time.sleep(0.01)


def make_preexec(parent_pid: int, set_pdeathsig: bool) -> Callable[[], None]:
    """Build the child's preexec_fn: a private umask, and die (SIGTERM, a graceful shutdown)
    with the parent."""
    prctl = None
    if set_pdeathsig and sys.platform.startswith("linux"):
        libc_name = ctypes.util.find_library("c") or "libc.so.6"
        with contextlib.suppress(OSError, AttributeError):
            prctl = ctypes.CDLL(libc_name, use_errno=True).prctl

    def preexec() -> None:
        # Runs in the forked child before exec: keep it to async-signal-safe-ish calls.
        os.umask(CHILD_UMASK)
        if prctl is None:
            return
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent_pid:  # parent died before prctl took effect
            os._exit(1)

    return preexec


@dataclass(frozen=True)
class Supervision:
    """What the owner's supervisor saw and did: ``running`` (the child answers),
    ``restarting`` (it died; a new one is starting), ``down`` (a restart failed; it is tried
    again), ``attached`` (another process owns the server), ``stopped``."""

    state: SupervisorState
    restarts: int
    last_restart_at: float | None  # epoch seconds
    last_restart_reason: str | None
    last_error: str | None


_SUPERVISOR_STATES = ("running", "restarting", "down", "attached", "stopped")


def published_supervision(lock_path: Path, attempts: int = 3) -> Supervision | None:
    """The owner's supervisor report from its lock file (``EmbeddedFalkorDB`` writes it on
    every change), or None when there is none. A text caught mid-write is read again."""
    for attempt in range(attempts):
        try:
            info = json.loads(lock_path.read_text() or "{}")
            seen = info["supervision"]
            state = seen["state"]
            if state not in _SUPERVISOR_STATES:
                return None
            return Supervision(state=state, restarts=int(seen["restarts"]),
                               last_restart_at=seen["last_restart_at"],
                               last_restart_reason=seen["last_restart_reason"],
                               last_error=seen["last_error"])
        except (OSError, ValueError, KeyError, TypeError):
            if attempt + 1 < attempts:
                time.sleep(0.005)
    return None


def exit_reason(code: int) -> str:
    """A child's exit status in words ("killed by SIGKILL", "exited with code 1")."""
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exited with code {code}"


def is_server_for(pid: int, socket_path: Path, db_dir: Path) -> bool:
    """Is ``pid`` a redis-server for this data dir (guards against pid reuse)?"""
    if not pid_alive(pid):
        return False
    proc = Path(f"/proc/{pid}")
    if not proc.exists():
        return ping(socket_path)  # no procfs: best effort
    try:
        cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return False
    # redis rewrites its title to "<binary> unixsocket:<path>"; its cwd is --dir.
    if str(socket_path) in cmdline:
        return True
    with contextlib.suppress(OSError):
        return "redis-server" in cmdline and (proc / "cwd").resolve() == db_dir
    return False


def terminate(proc: subprocess.Popen[bytes],
              signals: tuple[Callable[[], None], ...] | None = None) -> None:
    """Escalate SIGTERM -> SIGKILL (or send ``signals``) and reap ``proc`` (no-op if already
    reaped). A stopped process (SIGSTOP) keeps SIGTERM pending: SIGKILL ends it."""
    for send in signals or (proc.terminate, proc.kill):
        if proc.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            send()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=5)
    if proc.poll() is None:  # unkillable (D state): give up but do not leak a warning
        proc.returncode = -1


def stop_orphan(socket_path: Path, pid_path: Path, db_dir: Path) -> int | None:
    """Stop a server a dead owner left running (SHUTDOWN flushes its append-only file; else
    SIGTERM, then SIGKILL) and remove its socket and pid file: None, or the pid that would
    not stop."""
    pid = read_pid(pid_path)
    if ping(socket_path):
        with contextlib.suppress(redis.exceptions.RedisError, OSError), \
                admin_conn(socket_path, 5.0) as conn:
            conn.shutdown()
    if pid is not None and is_server_for(pid, socket_path, db_dir):
        wait_gone(pid, 5.0)
        for sig in (signal.SIGTERM, signal.SIGKILL):
            if not is_server_for(pid, socket_path, db_dir):
                break
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, sig)
            wait_gone(pid, 5.0)
        if is_server_for(pid, socket_path, db_dir):
            return pid
    for path in (socket_path, pid_path):
        path.unlink(missing_ok=True)
    return None


def wait_gone(pid: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while pid_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)


def try_flock(fd: int) -> bool:
    """Take an exclusive flock on ``fd`` without waiting; False if another holds it."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return False
        raise
    return True


class EmbeddedServerError(Exception):
    """The embedded FalkorDB server could not be started, reached or stopped."""

    def __init__(
        self,
        message: str,
        *,
        data_dir: Path | None = None,
        binary: str | None = None,
        log_path: Path | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.binary = binary
        self.log_path = log_path
        parts = [message]
        if data_dir is not None:
            parts.append(f"data dir: {data_dir}")
        if binary is not None:
            parts.append(f"binary: {binary}")
        if log_path is not None:
            parts.append(f"log: {log_path}")
            tail = log_tail(log_path)
            if tail:
                parts.append("last log lines:\n" + tail)
        super().__init__("\n".join(parts))
