"""Crash soak of the records write path: 8 writers append incidents for N minutes while the
embedded FalkorDB is killed with SIGKILL every 30 s and restarted from its append-only
file. A writer whose write failed retries the same incident until it is answered (a client
retry: idempotent), so every incident ends acknowledged exactly once.

    .venv/bin/python bench/crash_soak.py --minutes 10
    .venv/bin/python bench/crash_soak.py --minutes 3 --append docs/benchmarks.md

Reports writes acknowledged vs incidents stored, acknowledged writes lost, incidents stored
twice, retries answered "already stored" (the first answer was lost), broken chains
(``verify_store`` problems after the last restart) and the time from each kill until a write
succeeds again (the soak restarts the store itself, as a supervisor would).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from graph_bench import machine  # bench/ is on the path when run as a script

from core.errors import BackendError
from core.settings import REPO_ROOT
from graph.chain_audit import verify_store
from graph.falkordb_process import admin_conn
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.records import ingest_files
from ingest.records import JUDICIAL_KINDS, Incident
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder

EXAMPLE = REPO_ROOT / "data/example"
GRAPH = "crash_soak"
WRITERS = 8
RESTART_ATTEMPTS = 5
ALL_IDS = Query("soak_incident_ids", "MATCH (i:Incident) RETURN i.id AS id")


def organs() -> list[str]:
    rows = map(json.loads, (EXAMPLE / "organs.jsonl").read_text("utf-8").splitlines())
    return [r["id"] for r in rows if r["kind"] in JUDICIAL_KINDS][:8]


def incident(writer: int, number: int, organ: str) -> Incident:
    return Incident.model_validate({
        "id": f"soak-{writer}-{number:06d}", "organ": organ, "case": "c01", "stage": "审判",
        "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
        "request": f"第{writer}号写入者的第{number}次请托", "occurred_at": "2025-03-01T10:00:00",
        "recorded_by": "p-zhoumy", "recorded_at": "2025-03-01T11:00:00",
    })


@dataclass
class Soak:
    data_dir: Path
    sealer: ChainSealer
    store: FalkorDBStore
    recorders: list[IncidentRecorder]
    lock: threading.Lock = field(default_factory=threading.Lock)
    acknowledged: Counter[str] = field(default_factory=Counter)
    already: int = 0
    failures: int = 0
    killed_at: float | None = None
    recoveries: list[float] = field(default_factory=list)
    stop: threading.Event = field(default_factory=threading.Event)
    restart_failures: int = 0
    store_up: list[float] = field(default_factory=list)  # kill -> the new store answers
    first_write: list[float] = field(default_factory=list)  # store answers -> a write lands
    up_at: float | None = None
    tails: list[tuple[int, int]] = field(default_factory=list)  # (tail, base) bytes at a kill

    def current(self, writer: int) -> IncidentRecorder:
        with self.lock:
            return self.recorders[writer % len(self.recorders)]

    def restart(self) -> None:
        """Kill the store child with SIGKILL and start it again from its AOF."""
        with self.lock:
            server = self.store.server
            assert server is not None and server.pid is not None
            self.tails.append(_aof_sizes(server.socket_path))
            os.kill(server.pid, signal.SIGKILL)
            self.killed_at = time.monotonic()
            self.store.close()
            for attempt in range(RESTART_ATTEMPTS):  # a slow AOF load outlasts one start
                try:
                    self.store = FalkorDBStore.embedded(self.data_dir, graph_name=GRAPH)
                    break
                except BackendError:
                    if attempt == RESTART_ATTEMPTS - 1:
                        raise
                    self.restart_failures += 1
            self.recorders = [IncidentRecorder(self.store, sealer=self.sealer)
                              for _ in range(2)]
            self.up_at = time.monotonic()
            self.store_up.append(self.up_at - self.killed_at)

    def write(self, writer: int) -> None:
        names = organs()
        number = 0
        while not self.stop.is_set():
            wanted = incident(writer, number, names[(writer + number) % len(names)])
            try:
                result = self.current(writer).record(wanted)
            except Exception:
                # BackendError from the store; ValueError, AttributeError and redis errors
                # from the redis client when the restart closes it under a writer (raised
                # inside redis-py, not by our code): a client retries on any of them
                with self.lock:
                    self.failures += 1
                time.sleep(0.02)
                continue  # the same incident again: a client retry
            with self.lock:
                self.acknowledged[wanted.id] += 1
                self.already += 0 if result.created else 1
                if self.killed_at is not None:
                    now = time.monotonic()
                    self.recoveries.append(now - self.killed_at)
                    if self.up_at is not None:
                        self.first_write.append(now - self.up_at)
                    self.killed_at = None
            number += 1


def _aof_sizes(socket_path: Path) -> tuple[int, int]:
    """(tail, base) of the append-only file in bytes: what a restart replays and loads."""
    try:
        with admin_conn(socket_path, 1.0) as conn:
            info = conn.info("persistence")
    except Exception:  # the store is busy or down: the row says so with -1
        return (-1, -1)
    base = int(info.get("aof_base_size", 0))
    return (int(info.get("aof_current_size", 0)) - base, base)


def _spread(seconds: list[float]) -> str:
    """'median s / max s |' of ``seconds``, or 'n/a |'."""
    if not seconds:
        return "n/a |"
    ordered = sorted(seconds)
    return f"{statistics.median(ordered):.2f} s / {ordered[-1]:.2f} s |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--kill-every", type=float, default=30.0, help="seconds")
    parser.add_argument("--append", type=Path, help="append the report to this markdown file")
    args = parser.parse_args()
    header = machine()
    with tempfile.TemporaryDirectory(prefix="liuhen-soak-") as tmp:
        root = Path(tmp)
        data_dir = root / "fdb"
        store = FalkorDBStore.embedded(data_dir, graph_name=GRAPH)
        store.ensure_schema()
        people = root / "people"
        people.mkdir()
        for name in ("organs", "actors", "relations", "cases"):
            (people / f"{name}.jsonl").write_text(
                (EXAMPLE / f"{name}.jsonl").read_text("utf-8"), encoding="utf-8")
        sealer = ChainSealer(root / "keys" / "seal.key")
        ingest_files(store, [people], sealer=sealer)
        soak = Soak(data_dir, sealer, store,
                    [IncidentRecorder(store, sealer=sealer) for _ in range(2)])
        # daemon: a soak that fails (a restart that never comes) must not hang on its writers
        threads = [threading.Thread(target=soak.write, args=(w,), daemon=True)
                   for w in range(WRITERS)]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        kills = 0
        end = started + args.minutes * 60
        while time.monotonic() < end:
            time.sleep(min(args.kill_every, max(0.0, end - time.monotonic())))
            if time.monotonic() < end:
                soak.restart()
                kills += 1
                print(f"kill {kills}: {sum(soak.acknowledged.values())} acknowledged",
                      flush=True)
        time.sleep(2)  # let the last recovery land
        soak.stop.set()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - started
        stored = Counter(row["id"] for row in soak.store.read(ALL_IDS))
        report = verify_store(soak.store, sealer)
        files_mb = sum(f.stat().st_size for f in data_dir.rglob("*")
                       if f.is_file() and (f.suffix in (".aof", ".rdb")
                                           or "appendonly" in f.name)) / 1e6
        soak.store.close()
    acknowledged = set(soak.acknowledged)
    lost = acknowledged - set(stored)
    unanswered = set(stored) - acknowledged
    twice = sum(1 for count in stored.values() if count > 1)
    recoveries = sorted(soak.recoveries)
    lines = [
        "", f"### crash_soak.py: {WRITERS} writers, {args.minutes:g} min, SIGKILL of the store "
        f"every {args.kill_every:g} s", "", *header, "",
        "| measure | value |", "|---|---|",
        f"| store kills (SIGKILL) and restarts | {kills} |",
        f"| writes acknowledged | {len(acknowledged):,} ({len(acknowledged) / seconds:,.0f}/s "
        "over the whole soak) |",
        f"| incidents stored | {sum(stored.values()):,} |",
        f"| acknowledged writes lost | {len(lost)} |",
        f"| stored but never acknowledged | {len(unanswered)} |",
        f"| incidents stored twice | {twice} |",
        f"| retries answered 'already stored' (first answer lost in a crash) | {soak.already} |",
        f"| failed write attempts (store down) | {soak.failures:,} |",
        f"| store starts that timed out (10 s) and were tried again | "
        f"{soak.restart_failures} |",
        f"| verify after the last restart | {'intact' if report.ok else 'BROKEN'}: "
        f"{report.records:,} records, {len(report.problems)} problems |",
        "| kill -> next successful write, median / max | " + _spread(recoveries),
        "| of which: kill -> the restarted store answers (start, append-only file replayed) | "
        + _spread(soak.store_up),
        "| of which: store answering -> the next write acknowledged | "
        + _spread(soak.first_write),
        f"| store files at the end (append-only and snapshot) | {files_mb:.1f} MB |",
    ]
    lines += ["", "| restart | tail replayed (KB) | snapshot loaded (KB) "
              "| kill -> store answers (s) |", "|---|---|---|---|"]
    lines += [f"| {n} | {tail // 1024:,} | {base // 1024:,} | {up:.2f} |"
              for n, ((tail, base), up) in enumerate(zip(soak.tails, soak.store_up,
                                                         strict=False), start=1)]
    if not report.ok:
        lines += ["", "Problems (first 5):", ""] + [f"- {p.message}" for p in report.problems[:5]]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
