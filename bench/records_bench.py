"""Records at scale (issue 13): a synthetic country (bench/country.py) loaded into the embedded
store at each size, and every records measurement against ``RecordsService`` and over HTTP,
written as a markdown table with machine, date, load average and commit.

    python bench/records_bench.py --sizes 10000,100000,1000000 --data-dir /var/tmp/liuhen-records \\
        --out docs/records_bench.md

A size is generated and loaded once: its data dir (``DATA_DIR/n<size>``) keeps the store and a
manifest (country.json) with what the load cost, and later runs reuse it. Recording
measurements add incidents (ids ``b<time>-...``) to that store. Each measurement runs in a
process of its own (bench/records_measure.py), killed past ``--cap`` seconds plus start-up: a
call slower than that is reported as "over N s".

Targets at one million incidents (issue 13): load <= 10 min; record p99 <= 30 ms (1 client),
>= 300 incidents/s (8 clients); list p99 <= 50 ms; an actor's incidents p99 <= 30 ms; paths
(4 hops) p99 <= 200 ms; related p99 <= 150 ms; a province's quarterly summary <= 2 s; verify
>= 50,000 records/s in memory that does not grow; API RSS independent of the record count.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from graph_bench import machine, percentiles  # bench/ is on the path when run as a script

from bench.country import Country
from bench.records_checks import intact
from bench.records_load import (
    LoadReport,
    compact,
    data_dir_sealer,
    load_country,
    loaded,
    save_manifest,
    store_dir,
)
from core.settings import REPO_ROOT
from graph.falkordb_server import EmbeddedFalkorDB
from graph.falkordb_store import FalkorDBStore

MEASURE = Path(__file__).with_name("records_measure.py")
STARTUP_S = 120.0  # a worker's imports and store attach, past its own cap and grace
# (measurement, what it asks, target p99 in ms or None)
ROWS: list[tuple[str, str, float | None]] = [
    ("record_1", "record an incident, 1 client", 30.0),
    ("list_organ", "list incidents of an organ (page of 10)", 50.0),
    ("list_all", "list incidents, unfiltered (page of 10)", 50.0),
    ("list_verdict", "list incidents, verdict = violation", 50.0),
    ("list_quarter", "list incidents of a quarter", 50.0),
    ("actor_incidents", "an actor's incidents (with circle)", 30.0),
    ("paths", "paths between two actors, <= 4 hops", 200.0),
    ("related", "related incidents", 150.0),
    ("quarterly", "a province's quarterly summary (its region; today's code: the high court, "
     "over HTTP its 党委)", 2000.0),
]


def run_worker(spec: dict[str, Any], cap: float) -> dict[str, Any]:
    """One measurement in its own process; ``{"over_s": cap}`` when it ran out of time."""
    command = [sys.executable, str(MEASURE), json.dumps(spec)]
    env_path = f"{REPO_ROOT}:{MEASURE.parent}"
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=2 * cap + 30 + STARTUP_S,
                              env=os.environ | {"PYTHONPATH": env_path}, cwd=REPO_ROOT)
    except subprocess.TimeoutExpired:
        return {"over_s": cap}
    if done.returncode != 0:
        return {"error": done.stderr.strip().splitlines()[-1][:200] if done.stderr else "?"}
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def cell(result: dict[str, Any] | None) -> str:
    """p50 / p99 ms (n) or what went wrong."""
    if result is None:
        return "not run"
    if "error" in result:
        return f"error: {result['error']}"
    samples = result.get("ms") or []
    if not samples:
        first = (f" after a first call of {result['first_ms']:,.0f} ms" if "first_ms" in result
                 else " (no answer)")
        return f"over {result.get('over_s', 0):.0f} s{first}"
    p50, p99 = percentiles(samples)
    over = f", then over {result['over_s']:.0f} s" if "over_s" in result else ""
    first = f"; first {result['first_ms']:,.0f}" if "first_ms" in result else ""
    return f"{p50:,.1f} / {p99:,.1f} ({len(samples)}{over}{first})"


def measure_size(size: int, data_dir: Path, args: argparse.Namespace) -> dict[str, Any]:
    country = Country(size, seed=args.seed)
    report = loaded(data_dir, size, args.seed)
    if report is None and data_dir.exists():
        shutil.rmtree(data_dir)  # a load that did not finish
    data_dir.mkdir(parents=True, exist_ok=True)
    # The store's server runs for the whole size, started here: the load, every worker and
    # the API attach to it instead of each loading the append-only file again.
    server = EmbeddedFalkorDB(store_dir(data_dir), start_timeout=1800)
    started = time.perf_counter()
    server.start()
    start_s = time.perf_counter() - started
    try:
        assessor = None
        if args.annotate == "yes" or (args.annotate == "auto" and importlib.util.find_spec(
                "liuhen.records.annotations") is not None):
            from records_assess import Assessor  # needs the stored-assessment code

            assessor = Assessor.open(REPO_ROOT / "data/regulations", args.data_dir)
        if report is None:
            print(f"loading {size:,} incidents into {data_dir}", flush=True)
            report = load_country(country, data_dir, batch=args.batch, validate=args.validate,
                                  annotator=assessor)
        elif assessor is not None and not report.annotated:
            report = annotate_loaded(country, data_dir, report, assessor, args.batch)
        results = _measure_loaded(size, data_dir, country, report, args)
        results["server_start_s"] = start_s
        return results
    finally:
        server.stop()


def annotate_loaded(country: Country, data_dir: Path, report: LoadReport, assessor: Any,
                    batch: int) -> LoadReport:
    """Store the engine's assessment on every incident of a country loaded without it."""
    from records_assess import annotate_country

    print(f"annotating {country.incident_count:,} incidents in {data_dir}", flush=True)
    store = FalkorDBStore.embedded(store_dir(data_dir))
    try:
        report.annotate_s = annotate_country(store, country, assessor,
                                             sealer=data_dir_sealer(data_dir), batch=batch)
        compact(store)
    finally:
        store.close()
    report.annotated = True
    report.assessed, report.reused = assessor.assessed, assessor.reused
    save_manifest(data_dir, report)
    return report


def _measure_loaded(size: int, data_dir: Path, country: Country, report: LoadReport,
                    args: argparse.Namespace) -> dict[str, Any]:
    spec = {"data_dir": str(data_dir), "size": size, "seed": args.seed, "cap": args.cap,
            "samples": args.samples, "tag": str(int(time.time())), "assessor": args.assessor}
    results: dict[str, Any] = {"load": report}
    for name in ["verify", "count", "record_1", "record_8", "count_after", "verify_after",
                 *(row[0] for row in ROWS[1:])]:
        worker = {"verify_after": "verify", "count_after": "count"}.get(name, name)
        results[name] = run_worker({**spec, "name": worker}, args.cap)
        print(f"  {size:,} {name}: {json.dumps(results[name])[:200]}", flush=True)
    if args.http:
        from records_http import measure_http  # starts a server: only when asked

        results["http"] = measure_http(country, data_dir, port=args.port, cap=args.cap,
                                       samples=args.samples)
    return results


def section(size: int, results: dict[str, Any]) -> list[str]:
    load: LoadReport = results["load"]
    counts = ", ".join(f"{k} {v:,}" for k, v in load.counts.items())
    rates = ", ".join(f"{k} {load.validate_rate(k) or 0:,.0f}/s" for k in load.validated)
    http = results.get("http", {})
    lines = [
        f"### {size:,} incidents", "",
        f"- loaded: {counts}",
        f"- load: {load.total_s:,.0f} s (generate {sum(load.generate_s.values()):,.0f} s, "
        f"write {sum(load.write_s.values()):,.0f} s, validate "
        f"{sum(load.validate_s.values()):,.0f} s); writes per kind: "
        + ", ".join(f"{k} {v:,.0f} s" for k, v in load.write_s.items()),
        f"- validate_batch against the minimal set, per record kind batch: {rates}",
        "- stored assessments: " + (
            f"{load.annotate_s:,.0f} s; the engine assessed {load.assessed:,} (template, facts) "
            f"combinations, {load.reused:,} incidents reused a row" if load.annotated else
            "none (the code measured has no liuhen.records.annotations)"),
        f"- store: used_memory {load.used_memory_mb:,.0f} MB, server RSS "
        f"{load.server_rss_mb:,.0f} MB, append-only dir {load.aof_mb:,.0f} MB", "",
        "| measurement | service p50 / p99 ms (n; first call) | HTTP p50 / p99 ms (n) | "
        "target p99 |",
        "|---|---|---|---|",
    ]
    for name, label, target in ROWS:
        lines.append(f"| {label} | {cell(results.get(name))} | "
                     f"{cell(http.get(name)) if http else 'not run'} | "
                     f"{f'{target:,.0f} ms' if target else ''} |")
    eight = results.get("record_8", {})
    http_eight = http.get("record_8", {})
    over_http = (f"{http_eight.get('per_s', 0):,.1f} incidents/s "
                 f"({http_eight.get('failed', '?')} failed)" if http_eight else "not run")
    verify = results.get("verify", {})
    lines += [
        f"| record, 8 clients | {eight.get('per_s', 0):,.1f} incidents/s "
        f"({eight.get('failed', '?')} failed) | {over_http} | >= 300/s |",
        f"| verify | {verify.get('per_s', 0):,.0f} records/s over {verify.get('records', 0):,}"
        f", peak RSS {verify.get('peak_mb', 0):,.0f} MB (+{verify.get('grew_mb', 0):,.0f} MB "
        f"in the call) | | >= 50,000/s |" if "per_s" in verify else f"| verify | {cell(verify)} "
        "| | >= 50,000/s |",
        "", f"- after the writes: {intact(results)}",
    ]
    if http:
        lines.append(f"- API process RSS: {http.get('rss_before_mb', 0):,.0f} MB after start, "
                     f"{http.get('rss_after_mb', 0):,.0f} MB after the runs")
    return [*lines, ""]


def commit() -> str:
    done = subprocess.run(["git", "log", "-1", "--format=%h %s"], capture_output=True,
                          text=True, cwd=REPO_ROOT)
    return done.stdout.strip()[:100] or "unknown (not a git checkout)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="10000", help="incident counts, comma-separated")
    parser.add_argument("--data-dir", type=Path, default=Path("/var/tmp/liuhen-records"))
    parser.add_argument("--out", type=Path, default=None, help="write the markdown here")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds per measurement")
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--batch", type=int, default=5_000, help="records per write plan")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--assessor", choices=["process", "thread"], default="process",
                        help="where recorded incidents are assessed while the recording runs: "
                        "a child process, as `liuhen serve` runs by default, or a thread of "
                        "the recording process (as the bench ran before session 20)")
    parser.add_argument("--validate", choices=["none", "sample", "all"], default="sample")
    parser.add_argument("--annotate", choices=["auto", "yes", "no"], default="auto",
                        help="store the engine's assessment on every incident (auto: when the "
                             "code has liuhen.records.annotations)")
    parser.add_argument("--http", action=argparse.BooleanOptionalAction, default=True)
    parser.add_argument("--port", type=int, default=8766)
    args = parser.parse_args()
    head = [*machine(), f"- commit: {commit()}"]
    lines = ["## Records at scale: measured", "", *head, "",
             f"Each measurement capped at {args.cap:.0f} s, up to {args.samples} samples; "
             "service = RecordsService in a process of its own, HTTP = `liuhen serve` "
             "(BM25 only) over loopback. Recording: recorded incidents assessed in "
             + ("a child process (as `liuhen serve` runs)" if args.assessor == "process"
                else "a thread of the recording process") + ".", ""]
    for size in (int(s) for s in args.sizes.split(",")):
        results = measure_size(size, args.data_dir / f"n{size}", args)
        lines += section(size, results)
        text = "\n".join(lines)
        if args.out is not None:
            args.out.write_text(text + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
