"""Where an API restart's seconds go (issue 12): ``liuhen serve`` (BM25 only, as in
bench/kill_trials.py) is started on a copy of a first-start data directory, written to by 8
writers for a few seconds, then stopped, by SIGTERM (a clean stop) or SIGKILL (a crash), and
started again at once; the new process is watched every 20 ms from outside until /health
answers 200:

- the store's process appears (a redis-server whose command line names this data directory),
- the store answers PING on its socket (its append-only file replayed),
- the API's child processes (2 search processes and the assessment process) appear,
- the port accepts a TCP connection (uvicorn listens),
- /health answers 200;

with the CPU seconds the API process itself had used at each step (from /proc: computing,
not waiting). Clean and crash restarts alternate.

    .venv/bin/python bench/restart_timeline.py --template DIR --runs 3
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from kill_trials import KEY, Server, body, organs  # bench/ is on the path as a script

from graph.falkordb_process import admin_conn

STEPS = ("store process", "store answers", "first child", "all children", "port listens",
         "/health 200")
#: The API's children under ``liuhen serve``: LIUHEN_SEARCH_PROCESSES (2) and the assessor.
CHILDREN = 3
TICKS = os.sysconf("SC_CLK_TCK")


def children_of(pid: int) -> list[int]:
    """Process ids whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(entry.name))
    return found


def cmdline(pid: int) -> str:
    try:
        return (Path("/proc") / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` so far (0 when it is gone)."""
    try:
        fields = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def store_answers(sock: Path) -> bool:
    try:
        with admin_conn(sock, 0.5) as conn:
            return bool(conn.ping())
    except Exception:  # not up yet, whatever the client raises
        return False


def port_listens(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


def health_ok(port: int) -> bool:
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def write_for(server: Server, seconds: float) -> int:
    """8 writers record incidents for ``seconds``; how many were acknowledged."""
    stop, done, lock = time.monotonic() + seconds, [0], threading.Lock()
    targets = organs()

    def writer(number: int) -> None:
        with httpx.Client(base_url=server.base_url, timeout=30) as http:
            n = 0
            while time.monotonic() < stop:
                n += 1
                incident = body(f"rt-{os.getpid()}-{number}-{n}-{time.time_ns()}",
                                targets[number % len(targets)], n)
                try:
                    ok = http.post("/incidents", json=incident,
                                   headers={"X-API-Key": KEY}).status_code == 201
                except httpx.HTTPError:
                    ok = False
                with lock:
                    done[0] += ok

    threads = [threading.Thread(target=writer, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return done[0]


def timeline(server: Server, timeout: float = 180.0) -> dict[str, tuple[float, float]]:
    """Start the server and watch it: step -> (seconds since start, API CPU seconds); also
    ``store N``, the N-th store process seen (the start may run more than one)."""
    sock = server.data_dir / "falkordb" / "falkordb.sock"
    started = time.monotonic()
    server.start()
    assert server.process is not None
    pid = server.process.pid
    seen: dict[str, tuple[float, float]] = {}
    store_pids: list[int] = []

    def mark(step: str) -> None:
        if step not in seen:
            seen[step] = (time.monotonic() - started, cpu_seconds(pid))

    while "/health 200" not in seen and time.monotonic() - started < timeout:
        kids = children_of(pid)
        stores = [k for k in kids if "redis-server" in cmdline(k)]
        others = [k for k in kids if k not in stores]
        if stores:
            mark("store process")
        for store in stores:
            if store not in store_pids:
                store_pids.append(store)
                mark(f"store {len(store_pids)}")
        if stores and "store answers" not in seen and store_answers(sock):
            mark("store answers")
        if others:
            mark("first child")
        if len(others) >= CHILDREN:
            mark("all children")
        if port_listens(server.port):
            mark("port listens")
            if health_ok(server.port):
                mark("/health 200")
        time.sleep(0.02)
    return seen


def stop(server: Server, how: str) -> None:
    assert server.process is not None
    server.process.send_signal(signal.SIGKILL if how == "kill" else signal.SIGTERM)
    server.process.wait(timeout=60)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--template", type=Path, required=True,
                        help="a data directory after a first start (bench/kill_trials.py)")
    parser.add_argument("--runs", type=int, default=3, help="pairs of clean and crash stops")
    parser.add_argument("--write-seconds", type=float, default=10.0)
    parser.add_argument("--port", type=int, default=8791)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="restart-timeline-"))
    rows = []
    for number in range(1, args.runs * 2 + 1):
        how = "term" if number % 2 else "kill"
        data = work / f"run-{number}"
        shutil.copytree(args.template, data)
        server = Server(data, args.port, work / f"run-{number}.log")
        first = timeline(server)
        written = write_for(server, args.write_seconds)
        stop(server, how)
        again = timeline(server)
        rows.append((number, how, written, first, again))
        stop(server, "term")
        cells = " | ".join(f"{again[s][0]:.2f} ({again[s][1]:.1f})" if s in again else "-"
                           for s in STEPS)
        print(f"| {number} | {how} | {written} | "
              f"{first.get('/health 200', (float('nan'), 0.0))[0]:.2f} | {cells} |", flush=True)
        print("  stores seen after the restart at:", ", ".join(
            f"{again[k][0]:.2f}" for k in again if k.startswith("store ") and k[6:].isdigit()),
            flush=True)
    print("\nsteps (seconds after the new process started, API CPU seconds used by then):",
          ", ".join(STEPS))
    for how in ("term", "kill"):
        ends = [r[4]["/health 200"][0] for r in rows if r[1] == how and "/health 200" in r[4]]
        if ends:
            print(f"- {how}: /health 200 after median {statistics.median(ends):.2f} s, "
                  f"max {max(ends):.2f} s over {len(ends)}")
    print(f"logs: {work}", file=sys.stderr)
    subprocess.run(["uptime"], check=False)


if __name__ == "__main__":
    main()
