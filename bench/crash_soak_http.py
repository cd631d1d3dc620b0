"""Crash soak through the service (issue 12): ``liuhen serve`` runs as a child while 8 writer
threads record incidents over HTTP for N minutes, and its store (the API's FalkorDB child)
is killed with SIGKILL every 30 s and left to the API's supervisor to restart.

bench/crash_soak.py restarts the store itself inside the bench's process, and each of
bench/kill_trials.py's trials kills the store once on a fresh server: neither kills the store
again and again under one API process, which is what its supervisor, /health's watch (its
event loop's connection to the store), the search children and the assessment child have
to live through in service. After each kill this soak waits for /health to answer 200 and
sends a search (the search children must still answer); at the end it waits until the
assessment child has assessed every incident, stops the server, and compares acknowledged
ids with stored ids and runs ``verify``, as the kill trials do.

    .venv/bin/python bench/crash_soak_http.py --minutes 10 --template /tmp/template
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
from crash_soak import _aof_sizes  # bench/ is on the path when run as a script
from graph_bench import machine
from kill_trials import (
    KEY,
    PENDING_SECONDS,
    WRITERS,
    Server,
    Trial,
    _count,
    _spread,
    body,
    make_template,
    organs,
    writer,
)

#: The soak's incident ids start with k99- (kill_trials' writer names them after the trial).
SOAK = 99


@dataclass
class Kill:
    at: float  # seconds into the soak
    tail_kb: int  # the append-only tail the restart replays (-1: not known)
    base_kb: int  # the snapshot it loads
    back_after: float = float("inf")  # /health 200 again
    write_after: float | None = None  # the first acknowledged write after the kill
    search: tuple[int, float] | None = None  # /search once /health answers
    pending_at_stop: int | None = None  # (the last kill) incidents unassessed at the end


def soak(server: Server, trial: Trial, minutes: float, every: float) -> list[Kill]:
    """The writers for ``minutes`` with the store killed every ``every`` seconds."""
    httpx.post(f"{server.base_url}/incidents", headers={"X-API-Key": KEY},
               json=body(f"k{SOAK}-warm", organs()[0], 0), timeout=300).raise_for_status()
    trial.acknowledged.add(f"k{SOAK}-warm")
    stop = threading.Event()
    threads = [threading.Thread(target=writer, args=(trial, server, i, stop))
               for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    end = started + minutes * 60
    kills: list[Kill] = []
    while time.monotonic() + every < end:
        time.sleep(max(0.0, started + every * (len(kills) + 1) - time.monotonic()))
        pid = server.store_pid()
        assert pid is not None, "no store pid file"
        socket = next(server.data_dir.rglob("falkordb.sock"))
        tail, base = _aof_sizes(socket)
        with trial.lock:
            if kills:
                kills[-1].write_after = trial.write_after
            os.kill(pid, signal.SIGKILL)
            trial.killed_at, trial.write_after = time.monotonic(), None
        kill = Kill(trial.killed_at - started, tail // 1024, base // 1024)
        kill.back_after = server.wait_answering(120, trial.health_said, restarts=len(kills) + 1)
        kill.search = server.search()
        kills.append(kill)
        print(f"kill {len(kills)} at {kill.at:.0f} s: /health 200 after "
              f"{kill.back_after:.2f} s, search {kill.search}, acknowledged "
              f"{len(trial.acknowledged)}", flush=True)
    time.sleep(max(0.0, end - time.monotonic()))
    with trial.lock:
        kills[-1].write_after = trial.write_after
    stop.set()
    for thread in threads:
        thread.join()
    # The assessment child lags the writers (it assesses about 40 incidents/s here): what
    # tells it lived through the kills is that it still assesses, not that it catches up.
    at_stop = server.pending()
    drained = time.monotonic()
    while time.monotonic() - drained < PENDING_SECONDS:
        trial.pending_left = server.pending()
        if trial.pending_left == 0:
            trial.pending_seconds = time.monotonic() - drained
            break
        time.sleep(0.5)
    print(f"pending assessment: {at_stop} when the writers stopped, {trial.pending_left} "
          f"{PENDING_SECONDS:.0f} s later", flush=True)
    kills[-1].pending_at_stop = at_stop
    return kills


def report(trial: Trial, kills: list[Kill], minutes: float, every: float) -> list[str]:
    writes = [k.write_after for k in kills if k.write_after is not None]
    searches = [k.search for k in kills if k.search is not None]
    said = "; ".join(f"{count} x `{text}`" for text, count in trial.health_said.most_common())
    lines = [
        f"### crash_soak_http.py: {WRITERS} writers over HTTP, {minutes:g} min, SIGKILL of "
        f"the store every {every:g} s, restarted by the API's supervisor", "",
        "| measure | value |", "|---|---|",
        f"| store kills (SIGKILL) | {len(kills)} |",
        f"| writes acknowledged | {len(trial.acknowledged):,} |",
        f"| incidents stored | {trial.stored:,} |",
        f"| acknowledged writes lost | {len(trial.lost)} |",
        f"| stored but never acknowledged | {trial.unacknowledged_stored} |",
        f"| verify after the soak | {len(trial.problems)} problems |",
        f"| answers (status: count; 0 = no answer) | {dict(sorted(trial.answers.items()))} |",
        f"| kill -> /health 200, median / p95 / max | {_spread([k.back_after for k in kills])} |",
        f"| kill -> next acknowledged write, median / p95 / max | {_spread(writes)} |",
        f"| /search after each recovery | {sum(1 for s in searches if s[0] == 200)} of "
        f"{len(kills)} answered 200 (slowest {max((s[1] for s in searches), default=0):.2f} s) |",
        f"| pending assessment when the writers stopped | {kills[-1].pending_at_stop} |",
        f"| left pending {PENDING_SECONDS:.0f} s later | {trial.pending_left}"
        + (f" (cleared {trial.pending_seconds:.1f} s after the writers stopped)"
           if trial.pending_seconds is not None else "") + " |",
        f"| /health while down | {said} |",
        f"| load average at the end | {' '.join(f'{x:.2f}' for x in os.getloadavg())} |",
        "", "| kill | at s | tail KB | snapshot KB | /health 200 after s | write after s | "
        "/search |", "|---|---|---|---|---|---|---|",
    ]
    for n, k in enumerate(kills, start=1):
        write = f"{k.write_after:.2f}" if k.write_after is not None else "-"
        search = f"{k.search[0]} in {k.search[1]:.2f} s" if k.search else "-"
        lines.append(f"| {n} | {k.at:.0f} | {k.tail_kb:,} | {k.base_kb:,} | "
                     f"{k.back_after:.2f} | {write} | {search} |")
    lines += [f"- {message}" for message in trial.problems[:5]]
    if trial.lost:
        lines.append(f"- lost: {trial.lost[:10]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--kill-every", type=float, default=30.0, help="seconds")
    parser.add_argument("--port", type=int, default=18766)
    parser.add_argument("--template", type=Path,
                        help="a data directory after a first start, made here if missing")
    parser.add_argument("--append", type=Path)
    args = parser.parse_args()
    header = machine()
    work = Path(tempfile.mkdtemp(prefix="crash-soak-http-"))
    try:
        template = args.template or work / "template"
        if not template.exists():
            make_template(template, work, args.port)
        data_dir = work / "soak"
        shutil.copytree(template, data_dir, symlinks=True)
        server = Server(data_dir, args.port, work / "soak.log")
        trial = Trial(SOAK, "store", 0.0)
        server.start()
        try:
            if server.wait_answering(300) == float("inf"):
                raise SystemExit("the server did not start")
            kills = soak(server, trial, args.minutes, args.kill_every)
        finally:
            server.stop()
        _count(trial, data_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = report(trial, kills, args.minutes, args.kill_every)
    print("\n".join(lines))
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n" + "\n".join([*header, "", *lines]) + "\n")


if __name__ == "__main__":
    main()
