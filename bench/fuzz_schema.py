"""Schemathesis with negative data over the API's OpenAPI schema (issue 12): every answer
must be in the one JSON error shape when it is an error, and none may be a 5xx.

    .venv/bin/python bench/fuzz_schema.py                    # print the counts
    .venv/bin/python bench/fuzz_schema.py -n 50 --append docs/benchmarks.md

The app runs in this process over real HTTP (api.server.serving), on a data directory
prepared as on first start, with the deterministic stand-in model (this is about input
handling, not search quality) and an admin key, so every route is reached past its key
check. Schemathesis (``schemathesis run``, its examples, coverage and fuzzing phases in
negative mode) records every exchange in a HAR file; this script reads it back and counts.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rich.console import Console

from api.app import create_app
from api.server import first_start, serving
from core.settings import Settings
from search.embeddings import HashEmbedder

ADMIN_KEY = "fuzz-admin"


def error_shaped(body: Any) -> bool:
    return (isinstance(body, dict) and set(body) == {"error"}
            and isinstance(body["error"], dict)
            and set(body["error"]) == {"code", "message", "details"}
            and isinstance(body["error"]["code"], str)
            and isinstance(body["error"]["message"], str)
            and isinstance(body["error"]["details"], dict))


def route_matcher(paths: list[str]) -> list[tuple[re.Pattern[str], str]]:
    """The OpenAPI path templates as patterns, literal paths before templated ones (so
    ``/incidents/quarterly`` is not taken for ``/incidents/{incident_id}``)."""
    ordered = sorted(paths, key=lambda path: (path.count("{"), -len(path)))
    return [(re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$"),
             path) for path in ordered]


def route_of(url: str, routes: list[tuple[re.Pattern[str], str]]) -> str:
    path = urlsplit(url).path
    return next((template for pattern, template in routes if pattern.match(path)),
                "(no route)")


def count(har: Path, paths: list[str]) -> dict[str, Any]:
    entries = json.loads(har.read_text())["log"]["entries"]
    routes = route_matcher(paths)
    statuses: Counter[int] = Counter()
    outside: list[str] = []
    server_errors: list[str] = []
    by_route: dict[str, Counter[str]] = {}
    for entry in entries:
        status = entry["response"]["status"]
        statuses[status] += 1
        method = entry["request"]["method"]
        route = f"{method} {route_of(entry['request']['url'], routes)}"
        tally = by_route.setdefault(route, Counter())
        tally["responses"] += 1
        where = f"{method} {entry['request']['url'][:160]} -> {status}"
        if status >= 500:
            server_errors.append(where)
            tally["5xx"] += 1
        if status >= 400:
            text = entry["response"].get("content", {}).get("text", "")
            try:
                shaped = error_shaped(json.loads(text))
            except ValueError:
                shaped = False
            if not shaped:
                outside.append(where)
                tally["outside_shape"] += 1
    return {"responses": len(entries), "statuses": dict(sorted(statuses.items())),
            "outside_shape": outside, "server_errors": server_errors,
            "by_route": {route: dict(tally) for route, tally in sorted(by_route.items())}}


def route_table(by_route: dict[str, dict[str, int]], *, every: bool = False) -> list[str]:
    """The routes (method and path template) with responses outside the shape or 5xx, with
    their counts (``every``: all the routes reached)."""
    shown = {route: tally for route, tally in by_route.items()
             if every or tally.get("outside_shape") or tally.get("5xx")}
    failing = sum(1 for tally in by_route.values()
                  if tally.get("outside_shape") or tally.get("5xx"))
    lines = [f"- routes with a response outside the JSON error shape or a 5xx: {failing} of "
             f"{len(by_route)} reached (method and path template)"]
    if shown:
        lines += ["", "| route | responses | outside the JSON error shape | 5xx |",
                  "|---|---|---|---|"]
        lines += [f"| `{route}` | {tally['responses']} | {tally.get('outside_shape', 0)} | "
                  f"{tally.get('5xx', 0)} |" for route, tally in shown.items()]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--max-examples", type=int, default=20)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--append", type=Path)
    parser.add_argument("--every-route", action="store_true",
                        help="list every route reached, not only those that failed")
    parser.add_argument("--json", type=Path, help="write the counts (by route too) here")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="liuhen-fuzz-"))
    settings = Settings(data_dir=work / "data", api_keys={ADMIN_KEY: "admin"})
    first_start(settings, console=Console(stderr=True, quiet=True))
    har = work / "fuzz.har"
    app = create_app(settings, embedder=HashEmbedder())
    paths = sorted(app.openapi()["paths"])
    with serving(app) as base:
        run = subprocess.run(
            [str(Path(sys.executable).with_name("schemathesis")), "run",
             f"{base}/openapi.json", "--mode", "negative",
             "--phases", "examples,coverage,fuzzing", "-n", str(args.max_examples),
             "--generation-deterministic", "--seed", str(args.seed),
             "-H", f"X-API-Key: {ADMIN_KEY}", "--checks", "not_a_server_error",
             "--report", "har", "--report-har-path", str(har), "-w", "1"],
            capture_output=True, text=True, check=False)
    if not har.exists():
        raise SystemExit(f"schemathesis wrote no HAR file:\n{run.stdout[-3000:]}{run.stderr}")
    found = count(har, paths)
    if args.json:
        args.json.write_text(json.dumps(found, ensure_ascii=False, indent=1))
    lines = ["", "### Schemathesis, negative data (fuzz_schema)", "",
             f"- {found['responses']} responses, max {args.max_examples} examples an "
             f"operation, seed {args.seed}; statuses {found['statuses']}",
             f"- outside the JSON error shape: {len(found['outside_shape'])}; 5xx: "
             f"{len(found['server_errors'])}"]
    lines += [f"  - {where}" for where in (found["outside_shape"] + found["server_errors"])[:20]]
    lines += route_table(found["by_route"], every=args.every_route)
    report = "\n".join(lines) + "\n"
    print(report)
    print(run.stdout[-2500:])
    if args.append:
        with args.append.open("a") as out:
            out.write(report)


if __name__ == "__main__":
    main()
