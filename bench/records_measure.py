"""One records measurement against ``RecordsService`` over a loaded country, run in a process
of its own (records_bench.py starts it and kills it past its time cap, so a call that takes
minutes on today's code is reported as "over N s" instead of stalling the bench).

    python bench/records_measure.py '{"name": "list_organ", "data_dir": ..., "size": 10000,
                                      "cap": 60, "samples": 30}'

prints one JSON line: samples in ms, and what the measurement adds (incidents/s, records/s,
peak memory).
"""

from __future__ import annotations

import inspect
import json
import os
import random
import resource
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.country import Country
from core.settings import REPO_ROOT, Settings
from graph.chains import incident_count
from ingest.records import Incident
from liuhen.records.related import incident_words
from liuhen.records.service import RecordsService

QUARTER = "2024Q2"
GRACE_S = 30.0  # past the cap, for the call under way to finish


def settings_for(data_dir: Path) -> Settings:
    """The service's settings over a bench data dir: no model, no example records."""
    return Settings(data_dir=data_dir, regulations_dir=REPO_ROOT / "data/regulations",
                    example_dir=data_dir / "no-examples", model="none")


def new_incident(country: Country, tag: str, number: int) -> Incident:
    """A fresh incident (an id no run used) with the content of a generated one."""
    template = country.incident(number % country.incident_count)
    return template.model_copy(update={"id": f"b{tag}-{number}"})


def rss_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def sample(call: Callable[[int], object], samples: int, cap: float,
           state: dict[str, Any]) -> list[float]:
    """One warm-up call (its time kept as ``first_ms``: the engine's build, the recorder's
    first read), then milliseconds per call into ``state["ms"]``, ``samples`` of them or as
    many as ``cap`` seconds allow (one at least)."""
    started = time.perf_counter()
    call(samples)  # an argument no sample uses: a record of its own
    state["first_ms"] = (time.perf_counter() - started) * 1000
    out: list[float] = state.setdefault("ms", [])
    stop = time.monotonic() + cap
    for n in range(samples):
        started = time.perf_counter()
        call(n)
        out.append((time.perf_counter() - started) * 1000)
        if time.monotonic() > stop:
            break
    return out


def interveners(country: Country, count: int) -> list[str]:
    """The most frequent interveners (Zipf rank 0..) and as many drawn uniformly."""
    rng = random.Random(13)
    top = [f"a{country.pool_start['official'] + (r * 1_000_003) % country.pool_size['official']}"
           for r in range(count // 2)]
    return top + [f"a{rng.randrange(country.actor_count)}" for _ in range(count - len(top))]


def concurrent_record(service: RecordsService, country: Country, tag: str, clients: int,
                      seconds: float, state: dict[str, Any]) -> dict[str, Any]:
    """``clients`` threads recording for ``seconds``; ``state`` holds the acknowledged ids as
    they come, so that a run stopped early still says what was stored."""
    acknowledged: list[str] = state.setdefault("acknowledged", [])
    failures: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + seconds
    state["started"] = time.perf_counter()

    def client(number: int) -> None:
        n = 0
        while time.monotonic() < stop:
            incident = new_incident(country, f"{tag}c{number}", n)
            n += 1
            try:
                service.record(incident)
            except Exception as error:  # counted and reported, not raised: a bench
                with lock:
                    failures.append(repr(error)[:200])
                continue
            with lock:
                acknowledged.append(incident.id)

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state["failures"], state["failed"] = failures[:5], len(failures)
    return state


def province_summary(service: RecordsService, n: int) -> object:
    """A province's quarterly summary: every organ under its party committee where the code
    has ``region`` (the read branch), else its high court alone (today's code)."""
    province = f"p{1 + n % 31:02d}"
    if "region" in inspect.signature(service.quarterly).parameters:
        return service.quarterly(QUARTER, organ=f"{province}-dw", region=True)
    return service.quarterly(QUARTER, organ=f"{province}-fy")


def run(spec: dict[str, Any], state: dict[str, Any]) -> dict[str, Any]:
    """Run the measurement ``spec`` names, filling ``state`` as it goes."""
    name, cap, samples = spec["name"], float(spec["cap"]), int(spec["samples"])
    country = Country(int(spec["size"]), seed=int(spec.get("seed", 0)))
    tag = spec.get("tag", str(int(time.time())))
    rng = random.Random(7)
    with RecordsService.opened(settings_for(Path(spec["data_dir"]))) as service:
        if name in ("record_1", "record_8"):
            # as the API runs: assessment and related indexing in its worker thread (code
            # before it assesses on the request path)
            child = None
            if spec.get("assessor") == "process":  # as `liuhen serve` runs by default
                from api.assessment_process import AssessmentProcess

                service.assessed_elsewhere = True
                child = AssessmentProcess(service.settings)
                child.start()
                time.sleep(float(spec.get("child_warm_s", 15)))  # its engine, built
                worker = None
            else:
                worker = (service.start_worker() if hasattr(service, "start_worker")
                          else None)
            if spec.get("warm", True):
                # A server that has run a while: the engine and jieba's dictionary built,
                # nothing left pending, before the first sample (each code builds them on a
                # different schedule; the first calls after a start are not the target's)
                service.classifier()
                incident_words("")
                if worker is not None:
                    state["warm_idle"] = worker.wait_idle(4 * cap)
            if name == "record_1":
                state["ms"] = sample(lambda n: service.record(new_incident(country, tag, n)),
                                     samples, cap, state)
            else:
                concurrent_record(service, country, tag, 8, cap, state)
                state["per_s"] = len(state["acknowledged"]) / (time.perf_counter()
                                                               - state.pop("started"))
            if worker is not None:
                started = time.perf_counter()
                state["drained"] = worker.wait_idle(cap)
                state["drain_s"] = time.perf_counter() - started
            if child is not None:
                child.close()
            return state
        if name == "count":  # the incidents stored, every version (one statement)
            return {"incidents": incident_count(service.store)}
        if name == "verify":
            before = rss_mb()
            started = time.perf_counter()
            report = service.verify()
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            kinds = Counter(str(p.kind) for p in report.problems)
            return {"ms": [seconds * 1000], "records": report.records, "ok": report.ok,
                    "per_s": report.records / seconds, "peak_mb": peak,
                    "grew_mb": peak - before,
                    "kinds": ", ".join(f"{k} {n}" for k, n in sorted(kinds.items()))}
        # samples + 1 of each: the warm-up call takes the last
        organs = [country.case(rng.randrange(country.case_count)).organ
                  for _ in range(samples + 1)]
        actors = interveners(country, samples + 1)
        incidents = [f"i{rng.randrange(country.incident_count)}" for _ in range(samples + 1)]
        calls: dict[str, Callable[[int], object]] = {
            "list_organ": lambda n: service.list_incidents(organ=organs[n], limit=10),
            "list_all": lambda n: service.list_incidents(limit=10),
            "list_verdict": lambda n: service.list_incidents(verdict="violation", limit=10),
            "list_quarter": lambda n: service.list_incidents(
                since=date(2024, 4, 1), until=date(2024, 6, 30), limit=10),
            "actor_incidents": lambda n: service.actor_incidents(actors[n]),
            "paths": lambda n: service.actor_paths(actors[n], actors[samples - n], max_hops=4),
            "related": lambda n: service.related(incidents[n]),
            "quarterly": lambda n: province_summary(service, n),
        }
        return {"ms": sample(calls[name], samples, cap, state)}


def main(spec: dict[str, Any]) -> None:
    """Run ``spec`` for at most twice its cap plus GRACE_S; print what it measured by then (with
    ``over_s`` when a call was still running) and leave without waiting for that call."""
    state: dict[str, Any] = {}

    def work() -> None:
        try:
            state.update(run(spec, state))
        except Exception as error:  # reported in the table, not raised: a bench
            state["error"] = repr(error)[:200]

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(2 * float(spec["cap"]) + GRACE_S)  # the warm-up call, the samples
    if thread.is_alive():
        state["over_s"] = float(spec["cap"])
    if "started" in state:  # the 8-client run: incidents acknowledged per second
        elapsed = time.perf_counter() - state.pop("started")
        state["seconds"] = elapsed
        state["per_s"] = len(state.get("acknowledged", [])) / elapsed
    print(json.dumps(state), flush=True)
    sys.stdout.flush()
    os._exit(0)  # a call may still run in its thread, holding the store


if __name__ == "__main__":
    main(json.loads(sys.argv[1]))
