"""The records measurements over HTTP: ``liuhen serve`` (api.server.serve, as
bench/api_bench.py starts it) on a loaded country's data dir, BM25 only (LIUHEN_MODEL=none), no
example records; p50/p99 per request, POST /incidents at 1 and 8 clients, and the server's RSS
before and after. Each workload stops at its time cap; a request longer than the cap is
reported as "over N s".
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
from api_bench import ADMIN_KEY, Server  # bench/ is on the path when run as a script

from bench.country import Country
from bench.records_measure import interveners, new_incident
from core.settings import REPO_ROOT

HEADERS = {"X-API-Key": ADMIN_KEY}


def _body(incident: Any) -> dict[str, Any]:
    body: dict[str, Any] = incident.model_dump(mode="json", exclude_defaults=True)
    return body


def _sample(http: httpx.Client, request: Callable[[httpx.Client, int], httpx.Response],
            samples: int, cap: float) -> dict[str, Any]:
    out: list[float] = []
    failed = 0
    started = time.perf_counter()
    try:  # a warm-up call (the engine's build, the first read), timed apart
        request(http, samples)
    except httpx.TimeoutException:
        return {"ms": out, "over_s": cap, "failed": failed}
    first_ms = (time.perf_counter() - started) * 1000
    stop = time.monotonic() + cap
    for n in range(samples):
        started = time.perf_counter()
        try:
            response = request(http, n)
        except httpx.TimeoutException:
            return {"ms": out, "over_s": cap, "failed": failed, "first_ms": first_ms}
        out.append((time.perf_counter() - started) * 1000)
        failed += response.status_code >= 300
        if time.monotonic() > stop:
            break
    return {"ms": out, "failed": failed, "first_ms": first_ms}


def _post_concurrently(base_url: str, country: Country, tag: str, clients: int,
                       seconds: float) -> dict[str, Any]:
    acknowledged = failed = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(number: int) -> None:
        nonlocal acknowledged, failed
        ok = bad = n = 0
        with httpx.Client(base_url=base_url, headers=HEADERS, timeout=seconds + 30) as http:
            while time.monotonic() < stop:
                incident = new_incident(country, f"{tag}h{number}", n)
                n += 1
                try:
                    response = http.post("/incidents", json=_body(incident))
                except httpx.TimeoutException:
                    bad += 1
                    continue
                ok += response.status_code == 201
                bad += response.status_code != 201
        with lock:
            acknowledged += ok
            failed += bad

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    return {"acknowledged": acknowledged, "failed": failed, "seconds": elapsed,
            "per_s": acknowledged / elapsed if elapsed else 0.0}


def measure_http(country: Country, data_dir: Path, *, port: int, cap: float, samples: int,
                 startup_timeout: float = 600) -> dict[str, Any]:
    """Every HTTP workload once; the server is started and stopped here."""
    os.environ.update({"LIUHEN_MODEL": "none",
                       "LIUHEN_EXAMPLE_DIR": str(data_dir / "no-examples")})
    server = Server(data_dir, REPO_ROOT / "data/regulations", port, data_dir / "http.log")
    results: dict[str, Any] = {}
    tag = f"{int(time.time())}"
    rng = random.Random(11)
    try:
        server.wait_ready(startup_timeout)
        results["rss_before_mb"] = server.rss_mb()
        organs = [country.case(rng.randrange(country.case_count)).organ
                  for _ in range(samples + 1)]  # the warm-up call takes the last
        actors = interveners(country, samples + 1)
        incidents = [f"i{rng.randrange(country.incident_count)}" for _ in range(samples + 1)]
        gets: dict[str, Callable[[httpx.Client, int], httpx.Response]] = {
            "list_organ": lambda h, n: h.get("/incidents", params={"organ": organs[n],
                                                                   "limit": 10}),
            "list_verdict": lambda h, n: h.get("/incidents", params={"verdict": "violation",
                                                                     "limit": 10}),
            "list_quarter": lambda h, n: h.get("/incidents", params={
                "since": "2024-04-01", "until": "2024-06-30", "limit": 10}),
            "actor_incidents": lambda h, n: h.get(f"/actors/{actors[n]}/incidents"),
            "paths": lambda h, n: h.get(f"/actors/{actors[n]}/paths/{actors[samples - n]}",
                                        params={"max_hops": 4}),
            "related": lambda h, n: h.get(f"/incidents/{incidents[n]}/related"),
            # The province's region (read branch); today's code ignores the parameter and
            # answers for the party committee alone.
            "quarterly": lambda h, n: h.get(f"/organs/p{1 + n % 31:02d}-dw/summary/2024Q2",
                                            params={"region": "true"}),
            "record_1": lambda h, n: h.post("/incidents", json=_body(
                new_incident(country, tag, n))),
        }
        with httpx.Client(base_url=server.base_url, headers=HEADERS, timeout=cap) as http:
            for name, request in gets.items():
                results[name] = _sample(http, request, samples, cap)
                print(f"    http {name}: {json.dumps(results[name])[:160]}", flush=True)
        results["record_8"] = _post_concurrently(server.base_url, country, tag, 8, cap)
        results["rss_after_mb"] = server.rss_mb()
    finally:
        server.stop()
    return results
