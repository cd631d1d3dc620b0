"""Recording over HTTP only (issue 13): ``liuhen serve`` on a COPY of a loaded country's data
dir, POST /incidents from one client (p50/p99 of ``--samples`` requests after a warm-up) and
from eight clients for ``--seconds`` (incidents acknowledged per second), as
bench/records_http.py does inside its longer run. The issue's targets: one client p99 <= 30 ms,
eight clients >= 300 incidents/s.

    PYTHONPATH=$PWD:$PWD/bench python bench/records_http_write.py --data-dir COPY --size 10000

The server runs with BM25 only (LIUHEN_MODEL=none), as in records_http.py; the data dir is
written to (use a fresh copy per run).
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import httpx
from api_bench import Server
from graph_bench import machine, percentiles  # bench/ is on the path when run as a script
from records_http import HEADERS, _body, _post_concurrently, _sample

from bench.country import Country
from bench.records_measure import new_incident
from core.settings import REPO_ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args()
    os.environ.update({"LIUHEN_MODEL": "none",
                       "LIUHEN_EXAMPLE_DIR": str(args.data_dir / "no-examples")})
    country = Country(args.size, seed=0)
    server = Server(args.data_dir, REPO_ROOT / "data/regulations", args.port,
                    args.data_dir / "http.log")
    tag = f"w{int(time.time())}"
    out: dict[str, object] = {"machine": machine()}
    try:
        server.wait_ready(600)
        with httpx.Client(base_url=server.base_url, headers=HEADERS, timeout=60) as http:
            one = _sample(http, lambda h, n: h.post("/incidents", json=_body(
                new_incident(country, tag, n))), args.samples, 120)
        p50, p99 = percentiles(one["ms"])
        out["record_1"] = {"n": len(one["ms"]), "failed": one["failed"], "p50_ms": p50,
                           "p99_ms": p99, "max_ms": max(one["ms"])}
        out["record_8"] = _post_concurrently(server.base_url, country, tag, 8, args.seconds)
    finally:
        server.stop()
    print(json.dumps(out, ensure_ascii=False, default=str))


if __name__ == "__main__":
    main()
