"""Kill trials of the records service (issue 12): ``liuhen serve`` runs as a child on a copy of
a small data directory while 8 writer threads record incidents over HTTP; at a random moment
the store (the API's FalkorDB child) or the API itself is killed with SIGKILL, alternately.
A killed API is started again at once (as a service manager would); a killed store is left
to the API's supervisor. Each writer retries its incident until it is answered (a client
retry: writes are idempotent), so every acknowledged id must be stored exactly once.

After each trial the server is stopped and the store opened directly: acknowledged ids are
compared with stored ids, and ``verify`` (the chains, the registry of organs, actors and
relations, and every incident node against its payload) must find nothing.

    .venv/bin/python bench/kill_trials.py --trials 20 --seconds 20
    .venv/bin/python bench/kill_trials.py --trials 20 --append docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from graph_bench import machine  # bench/ is on the path when run as a script

from core.errors import BackendError
from core.settings import REPO_ROOT, Settings
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from ingest.records import JUDICIAL_KINDS
from liuhen.records.service import RecordsService

EXAMPLE = REPO_ROOT / "data/example"
WRITERS = 8
KEY = "kill-trials-recorder"
ALL_IDS = Query("kill_trial_incident_ids", "MATCH (i:Incident) RETURN i.id AS id")
PENDING = Query("kill_trial_pending", "MATCH (i:Incident) WHERE i.assessment_pending = 1 "
                "RETURN count(i) AS n")
#: A search after each recovery: the search children must answer after a store restart.
PROBE = "法官私下会见当事人的律师"
#: Seconds the assessment process is given to clear what the trial left pending.
PENDING_SECONDS = 90.0
NO_MODEL = "none"  # dense search off (api.state.NO_MODEL): no model import to wait for
#: Seconds a writer waits for an answer before it retries (a busy machine is slow).
CLIENT_TIMEOUT = 30.0
#: Seconds a writer keeps retrying its last incident after the trial ends.
DRAIN_SECONDS = 60.0


def organs() -> list[str]:
    rows = map(json.loads, (EXAMPLE / "organs.jsonl").read_text("utf-8").splitlines())
    return [r["id"] for r in rows if r["kind"] in JUDICIAL_KINDS][:8]


def body(incident_id: str, organ: str, number: int) -> dict[str, object]:
    return {"id": incident_id, "organ": organ, "case": "c01", "stage": "审判",
            "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
            "request": f"第{number}次请托，希望关照案件", "occurred_at": "2025-03-01T10:00:00",
            "recorded_by": "p-zhoumy", "recorded_at": "2025-03-01T11:00:00"}


class Server:
    """``liuhen serve`` in a process of its own over ``data_dir`` (BM25 only: no model)."""

    def __init__(self, data_dir: Path, port: int, log: Path) -> None:
        self.data_dir, self.port, self.log_path = data_dir, port, log
        self.base_url = f"http://127.0.0.1:{port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = os.environ | {
            "LIUHEN_DATA_DIR": str(self.data_dir),
            "LIUHEN_API_KEYS": json.dumps({KEY: "recorder"}),
            "LIUHEN_MODEL": NO_MODEL,  # BM25 only: spares the CPU
        }
        code = ("from api.server import serve; from core.settings import get_settings; "
                f"serve(get_settings(), '127.0.0.1', {self.port}, log_level='warning')")
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen([sys.executable, "-c", code], env=env,
                                            cwd=REPO_ROOT, stdout=log, stderr=subprocess.STDOUT)

    def answering(self, seen: Counter[str] | None = None, restarts: int = 0) -> bool:
        """Whether /health answers 200 with at least ``restarts`` restarts of the store
        counted; ``seen`` counts what it said meanwhile (status, the graph's reason, the
        supervisor's state)."""
        try:
            response = httpx.get(f"{self.base_url}/health", timeout=2)
        except httpx.HTTPError as error:
            if seen is not None:
                seen[f"no answer ({type(error).__name__})"] += 1
            return False
        if seen is not None:
            seen[_health_said(response)] += 1
        return response.status_code == 200 and self.restarts(response) >= restarts

    @staticmethod
    def restarts(response: httpx.Response) -> int:
        """The store restarts a /health answer counts (0 when it does not say)."""
        try:
            return int(response.json().get("supervisor", {}).get("restarts", 0))
        except (ValueError, AttributeError, TypeError):
            return 0

    def wait_answering(self, timeout: float, seen: Counter[str] | None = None,
                       restarts: int = 0) -> float:
        """Seconds until /health answers 200 (the store answers) having counted ``restarts``
        restarts (the one after a kill: /health reports its last ping, up to 0.25 s old, so a
        200 just after a kill may be the dead store's last answer); inf past ``timeout``."""
        started = time.monotonic()
        while time.monotonic() - started < timeout:
            if self.answering(seen, restarts):
                return time.monotonic() - started
            time.sleep(0.05)
        return float("inf")

    def search(self) -> tuple[int, float]:
        """(status, seconds) of one /search (0: no answer)."""
        started = time.monotonic()
        try:
            status = httpx.get(f"{self.base_url}/search", params={"q": PROBE, "mode": "bm25"},
                               timeout=30).status_code
        except httpx.HTTPError:
            status = 0
        return status, time.monotonic() - started

    def pending(self) -> int | None:
        """Incidents still waiting for their assessment (the store read by attaching)."""
        pid_file = next(self.data_dir.rglob("falkordb.pid"), None)
        if pid_file is None:
            return None
        try:
            store = FalkorDBStore.embedded(pid_file.parent, attach_only=True)
        except BackendError:
            return None
        try:
            return int(store.read(PENDING)[0]["n"])
        except BackendError:
            return None
        finally:
            store.close()

    def store_pid(self) -> int | None:
        for path in self.data_dir.rglob("falkordb.pid"):
            try:
                return int(path.read_text().strip())
            except ValueError:
                return None
        return None

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@dataclass
class Trial:
    number: int
    target: str  # "store" or "api"
    kill_at: float
    acknowledged: set[str] = field(default_factory=set)
    answers: dict[int, int] = field(default_factory=dict)
    failures: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    back_after: float = float("inf")  # /health 200 again, seconds after the kill
    write_after: float | None = None  # first acknowledged write after the kill
    killed_at: float | None = None
    stored: int = 0
    lost: list[str] = field(default_factory=list)
    unacknowledged_stored: int = 0
    problems: list[str] = field(default_factory=list)
    health_said: Counter[str] = field(default_factory=Counter)  # /health until 200 again
    probe: tuple[int, float] | None = None  # /search after the recovery: status, seconds
    pending_left: int | None = None  # incidents never assessed, PENDING_SECONDS after
    pending_seconds: float | None = None

    def server_errors(self) -> int:
        return sum(count for code, count in self.answers.items() if code >= 500)


def _health_said(response: httpx.Response) -> str:
    """'status reason (supervisor state)' of a /health answer, either shape."""
    try:
        body = response.json()
    except ValueError:
        return f"{response.status_code} (no JSON)"
    report = body.get("error", {}).get("details", body) if isinstance(body, dict) else {}
    graph = report.get("graph") or {}
    supervisor = report.get("supervisor") or {}
    return (f"{response.status_code} {graph.get('reason') or 'ok'} "
            f"(supervisor {supervisor.get('state', '?')})")


def writer(trial: Trial, server: Server, index: int, stop: threading.Event) -> None:
    names = organs()
    client = httpx.Client(base_url=server.base_url, headers={"X-API-Key": KEY},
                          timeout=CLIENT_TIMEOUT)
    number = 0
    while not stop.is_set():
        incident_id = f"k{trial.number:02d}-w{index}-{number:05d}"
        payload = body(incident_id, names[(index + number) % len(names)], number)
        drain_until = None
        while True:  # the same incident until it is answered: a client retry
            if stop.is_set():
                drain_until = drain_until or time.monotonic() + DRAIN_SECONDS
                if time.monotonic() > drain_until:
                    client.close()
                    return
            try:
                response = client.post("/incidents", json=payload)
            except httpx.HTTPError:
                response = None
                time.sleep(0.2)  # nothing listens (the API restarting): do not spin
            code = response.status_code if response is not None else 0
            with trial.lock:
                trial.answers[code] = trial.answers.get(code, 0) + 1
                if code in (200, 201):
                    trial.acknowledged.add(incident_id)
                    if trial.killed_at is not None and trial.write_after is None:
                        trial.write_after = time.monotonic() - trial.killed_at
                else:
                    trial.failures += 1
            if code in (200, 201):
                break
            if code in (400, 403, 409, 422):  # our bug, not a crash: stop loudly
                raise SystemExit(f"{incident_id}: {code} {response.text if response else ''}")
            time.sleep(0.05)
        number += 1
    client.close()


def run_trial(trial: Trial, template: Path, work: Path, seconds: float, port: int) -> None:
    data_dir = work / f"trial-{trial.number:02d}"
    shutil.copytree(template, data_dir, symlinks=True)
    server = Server(data_dir, port, work / f"trial-{trial.number:02d}.log")
    server.start()
    try:
        _run_writers(trial, server, seconds)
    finally:
        server.stop()
    _count(trial, data_dir)


def _run_writers(trial: Trial, server: Server, seconds: float) -> None:
    if server.wait_answering(300) == float("inf"):
        raise SystemExit(f"trial {trial.number}: the server did not start")
    # One write before the clock starts: the first builds the assessment engine.
    warm = httpx.post(f"{server.base_url}/incidents", headers={"X-API-Key": KEY},
                      json=body(f"k{trial.number:02d}-warm", organs()[0], 0), timeout=300)
    warm.raise_for_status()
    trial.acknowledged.add(f"k{trial.number:02d}-warm")
    stop = threading.Event()
    threads = [threading.Thread(target=writer, args=(trial, server, i, stop))
               for i in range(WRITERS)]
    for thread in threads:
        thread.start()
    started = time.monotonic()
    time.sleep(trial.kill_at)
    if trial.target == "store":
        pid = server.store_pid()
        assert pid is not None, "no store pid file"
        os.kill(pid, signal.SIGKILL)
        trial.killed_at = time.monotonic()
    else:
        server.kill()
        trial.killed_at = time.monotonic()
        server.start()  # a service manager's restart
    trial.back_after = server.wait_answering(180, trial.health_said,
                                             restarts=1 if trial.target == "store" else 0)
    trial.probe = server.search()
    time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    stop.set()
    for thread in threads:
        thread.join()
    # The assessment process (a child of the API attached to the store) must survive the
    # store's restart: what the writers recorded is assessed, nothing stays pending.
    drained = time.monotonic()
    while time.monotonic() - drained < PENDING_SECONDS:
        trial.pending_left = server.pending()
        if trial.pending_left == 0:
            trial.pending_seconds = time.monotonic() - drained
            break
        time.sleep(0.5)


def _count(trial: Trial, data_dir: Path) -> None:
    settings = Settings(data_dir=data_dir, model=NO_MODEL)
    with RecordsService.opened(settings) as service:
        stored = {row["id"] for row in service.store.read(ALL_IDS)
                  if str(row["id"]).startswith(f"k{trial.number:02d}-")}
        report = service.verify()
    trial.stored = len(stored)
    trial.lost = sorted(trial.acknowledged - stored)
    trial.unacknowledged_stored = len(stored - trial.acknowledged)
    trial.problems = [p.message for p in report.problems]
    shutil.rmtree(data_dir, ignore_errors=True)


def make_template(template: Path, work: Path, port: int) -> None:
    """A data directory after a first start: regulations, example records, registry."""
    server = Server(template, port, work / "template.log")
    server.start()
    try:
        if server.wait_answering(600) == float("inf"):
            raise SystemExit("the template server did not start")
    finally:
        server.stop()


def _spread(seconds: list[float]) -> str:
    """'median / p95 / max' of ``seconds`` (p95 the nearest rank)."""
    if not seconds:
        return "n/a"
    ordered = sorted(seconds)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return f"{statistics.median(ordered):.2f} / {p95:.2f} / {ordered[-1]:.2f} s"


def summary(trials: list[Trial], seconds: float) -> list[str]:
    lost = sum(len(t.lost) for t in trials)
    broken = sum(1 for t in trials if t.problems)
    acknowledged = sum(len(t.acknowledged) for t in trials)
    lines = ["| trial | killed | at s | /health 200 after s | first write after s | "
             "acknowledged | stored | lost | stored unacknowledged | verify problems | "
             "5xx | no answer | /search after | left pending |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for t in trials:
        write = f"{t.write_after:.2f}" if t.write_after is not None else "-"
        probe = f"{t.probe[0]} in {t.probe[1]:.2f} s" if t.probe else "-"
        pending = (f"0 ({t.pending_seconds:.1f} s)" if t.pending_left == 0
                   else str(t.pending_left))
        lines.append(f"| {t.number} | {t.target} | {t.kill_at:.1f} | {t.back_after:.2f} | "
                     f"{write} | {len(t.acknowledged)} | {t.stored} | {len(t.lost)} | "
                     f"{t.unacknowledged_stored} | {len(t.problems)} | {t.server_errors()} | "
                     f"{t.answers.get(0, 0)} | {probe} | {pending} |")
    lines += ["", f"- {len(trials)} trials of {seconds:.0f} s, {WRITERS} writers over HTTP: "
              f"{acknowledged} writes acknowledged, **{lost} lost**, "
              f"{sum(t.unacknowledged_stored for t in trials)} stored unacknowledged, "
              f"**{broken} trials with verify problems**"]
    for target in ("store", "api"):
        these = [t for t in trials if t.target == target]
        if not these:
            continue
        writes = [t.write_after for t in these if t.write_after is not None]
        lines += [f"- {target} killed ({len(these)}): /health 200 again after (median / p95 / "
                  f"max) {_spread([t.back_after for t in these])}; first acknowledged write "
                  f"after {_spread(writes)}; 5xx answers "
                  f"{sum(t.server_errors() for t in these)}, no answer "
                  f"{sum(t.answers.get(0, 0) for t in these)}"]
        said: Counter[str] = Counter()
        for t in these:
            said.update(t.health_said)
        lines += [f"  - /health said until 200: {count} x `{text}`"
                  for text, count in said.most_common()]
    lines.append(f"- load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    for t in trials:
        for message in t.problems[:5]:
            lines.append(f"- trial {t.number}: {message}")
        if t.lost:
            lines.append(f"- trial {t.number}: lost {t.lost[:10]}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=18765)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--append", type=Path)
    parser.add_argument("--keep", action="store_true", help="keep the work folder (logs)")
    parser.add_argument("--template", type=Path,
                        help="a data directory after a first start, made here if missing "
                        "(the first start builds the search index: minutes on a busy machine)")
    args = parser.parse_args()
    chance = random.Random(args.seed)
    header = machine()
    work = Path(tempfile.mkdtemp(prefix="kill-trials-"))
    try:
        template = args.template or work / "template"
        if not template.exists():
            make_template(template, work, args.port)
        trials = []
        for number in range(1, args.trials + 1):
            trial = Trial(number, "store" if number % 2 else "api",
                          chance.uniform(2.0, args.seconds - 5.0))
            run_trial(trial, template, work, args.seconds, args.port)
            trials.append(trial)
            print(f"trial {number}: {trial.target} at {trial.kill_at:.1f} s, back after "
                  f"{trial.back_after:.2f} s, acknowledged {len(trial.acknowledged)}, stored "
                  f"{trial.stored}, lost {len(trial.lost)}, problems {len(trial.problems)}, "
                  f"answers {dict(sorted(trial.answers.items()))}, /search after "
                  f"{trial.probe}, pending left {trial.pending_left}, /health said "
                  f"{dict(trial.health_said)}", flush=True)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work folder kept: {work}")
    lines = summary(trials, args.seconds)
    print("\n".join(lines))
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write("\n### bench/kill_trials.py\n\n")
            out.write("\n".join([*header, "", *lines]) + "\n")


if __name__ == "__main__":
    main()
