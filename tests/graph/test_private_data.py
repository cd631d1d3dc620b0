"""The data directory is private (issue 12): folders 0700, files 0600 (the append-only file,
its manifest, the log, the lock), whatever their modes were before, and the store's log
holds no record contents, even after a crash."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
import time
from pathlib import Path
from typing import Any

from core.settings import Settings
from graph.connect import store_session
from graph.falkordb_process import admin_conn
from graph.falkordb_server import EmbeddedFalkorDB

SECRET = "机密-当事人-13800000000"


def modes(root: Path) -> dict[str, int]:
    return {str(path.relative_to(root)): stat.S_IMODE(path.stat().st_mode)
            for path in [root, *root.rglob("*")] if not path.is_socket()}


def test_files_and_folders_are_private(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    (data_dir / "falkordb" / "db").mkdir(parents=True)
    for folder in (data_dir, data_dir / "falkordb", data_dir / "falkordb" / "db"):
        folder.chmod(0o755)
    (data_dir / "index.bin").write_bytes(b"left by an older liuhen")
    (data_dir / "index.bin").chmod(0o644)
    with store_session(Settings(data_dir=data_dir)):
        found = modes(data_dir)
    assert any("appendonly" in name for name in found)
    for name, mode in found.items():
        wanted = 0o700 if (data_dir / name).is_dir() else 0o600
        assert mode == wanted, (name, oct(mode))


def _slow_query_with_secret(graph: Any) -> None:
    # About 10^8 rows to look at: still running when the store is crashed, which fails it.
    with contextlib.suppress(Exception):
        graph.query("UNWIND range(1, 100000000) AS x WITH x WHERE x = -1 RETURN $s AS s",
                    {"s": SECRET}, timeout=20000)


def test_the_log_holds_no_record_contents(tmp_path: Path) -> None:
    with EmbeddedFalkorDB(tmp_path / "falkordb") as server:
        graph = server.client().select_graph("g")
        graph.query("CREATE (:Incident {request: $text})", {"text": SECRET})
        with admin_conn(server.socket_path, 5.0) as conn:
            assert conn.config_get("loglevel") == {"loglevel": "warning"}
            assert conn.config_get("crash-log-enabled") == {"crash-log-enabled": "no"}
        pid = server.pid
        assert pid is not None
        # The crash comes while a statement with the record's text as a parameter runs: a
        # crash report prints the running query, parameters included (checked in session
        # 11: with crash-log-enabled yes this test finds the text in the log).
        running = threading.Thread(target=_slow_query_with_secret, args=(graph,))
        running.start()
        time.sleep(1.0)
        os.kill(pid, signal.SIGSEGV)
        running.join()
        deadline = time.monotonic() + 15
        while server.supervision().restarts < 1:
            assert time.monotonic() < deadline
            time.sleep(0.05)
        rows = graph.ro_query("MATCH (i:Incident) RETURN i.request").result_set
        assert rows == [[SECRET]]
        log = server.log_path.read_text(errors="replace")
    assert SECRET not in log and "request" not in log
    assert stat.S_IMODE(server.log_path.stat().st_mode) == 0o600
