"""The process side of the embedded FalkorDB server (graph/falkordb_server.py): pid files,
liveness, PING and SHUTDOWN over the unix socket without retries, the server's log tail, and
the child's death signal. Plain functions of paths and pids; no state."""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections import deque
from collections.abc import Callable
from pathlib import Path

import redis
import redis.exceptions
from redis.backoff import NoBackoff
from redis.retry import Retry

_PR_SET_PDEATHSIG = 1
LOG_TAIL_LINES = 20


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """Return the last ``lines`` lines of a log file ('' if unreadable)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            return "".join(deque(fh, maxlen=lines)).rstrip()
    except OSError:
        return ""


def pid_alive(pid: int) -> bool:
    """Return True if ``pid`` is a running (not zombie) process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no procfs (macOS): trust kill(0)
    # Format: "pid (comm) state ...", comm may contain spaces or parentheses.
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def read_pid(path: Path) -> int | None:
    """Read a pid file, None if missing or garbage."""
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return None


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


def ping(socket_path: Path, timeout: float = 1.0) -> bool:
    """Return True if a server answers PING on ``socket_path``."""
    if not socket_path.exists():
        return False
    try:
        with admin_conn(socket_path, timeout) as conn:
            return bool(conn.ping())
    except (redis.exceptions.RedisError, OSError):
        # ConnectionError (nobody listening), BusyLoadingError (still loading the AOF), ...
        return False


def make_preexec(parent_pid: int, set_pdeathsig: bool) -> Callable[[], None] | None:
    """Build the child's preexec_fn: die (SIGTERM, a graceful shutdown) with the parent."""
    if not (set_pdeathsig and sys.platform.startswith("linux")):
        return None
    libc_name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        prctl = ctypes.CDLL(libc_name, use_errno=True).prctl
    except (OSError, AttributeError):
        return None

    def preexec() -> None:
        # Runs in the forked child before exec: keep it to async-signal-safe-ish calls.
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent_pid:  # parent died before prctl took effect
            os._exit(1)

    return preexec

