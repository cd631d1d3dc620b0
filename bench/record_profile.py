"""Where one recording's time goes: ``RecordsService.record`` as the API runs it (assessment
worker on) over a loaded country's data dir (COPY it first: this writes incidents), each
statement of the recording thread timed, and a cProfile of the calls.

    PYTHONPATH=$PWD .venv/bin/python bench/record_profile.py --data-dir /var/tmp/copy \
        --size 10000 --records 40
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import threading
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import graph.falkordb_server
from bench.country import Country
from bench.records_measure import new_incident, settings_for
from graph.queries.base import Query
from graph.store import Row
from liuhen.records.service import RecordsService


def _timed(store: Any, times: dict[str, list[float]]) -> None:
    """Time the statements this thread sends (the worker's are its own)."""
    recording = threading.get_ident()
    for method in ("read", "write"):
        inner = getattr(store, method)

        def timed(query: Query, params: Mapping[str, Any] | None = None,
                  _inner: Any = inner) -> list[Row]:
            started = time.perf_counter()
            try:
                rows: list[Row] = _inner(query, params)
                return rows
            finally:
                if threading.get_ident() == recording:
                    times[query.name].append((time.perf_counter() - started) * 1000)

        setattr(store, method, timed)


def _start_timeout(seconds: float) -> None:
    """Give the embedded store longer to load its AOF (over 10 s at load 10 on 2 cores)."""
    server = graph.falkordb_server.EmbeddedFalkorDB
    original = server.__init__

    def patched(self: Any, *args: Any, **kwargs: Any) -> None:
        kwargs["start_timeout"] = seconds
        original(self, *args, **kwargs)

    server.__init__ = patched  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--size", type=int, required=True, help="the country's size")
    parser.add_argument("--records", type=int, default=40)
    parser.add_argument("--start-timeout", type=float, default=180.0,
                        help="seconds the embedded store may take to start")
    args = parser.parse_args()
    _start_timeout(args.start_timeout)
    country = Country(args.size, seed=0)
    tag = f"prof{int(time.time())}"
    times: dict[str, list[float]] = defaultdict(list)
    with RecordsService.opened(settings_for(args.data_dir)) as service:
        _timed(service.store, times)
        worker = service.start_worker()
        service.record(new_incident(country, tag, args.records))  # warm-up, not counted
        times.clear()
        latencies = []
        profile = cProfile.Profile()
        for n in range(args.records):
            incident = new_incident(country, tag, n)
            started = time.perf_counter()
            profile.enable()
            service.record(incident)
            profile.disable()
            latencies.append((time.perf_counter() - started) * 1000)
        latencies.sort()
        print(f"record x{len(latencies)} (under cProfile): p50 "
              f"{latencies[len(latencies) // 2]:.1f} ms, max {latencies[-1]:.1f} ms")
        for name, ms in sorted(times.items(), key=lambda kv: -sum(kv[1])):
            ms.sort()
            print(f"  {name}: {len(ms)} calls, p50 {ms[len(ms) // 2]:.1f} ms, "
                  f"total {sum(ms):.0f} ms")
        worker.wait_idle(60)
    pstats.Stats(profile, stream=sys.stdout).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
