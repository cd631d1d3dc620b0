"""One measured recording run over HTTP (issue 13, sessions 10-11): a fresh copy of a pristine
country, ``liuhen serve`` of CODE on it (BM25 only), 200 POST /incidents of one client, then
eight clients (wrk, a body of its own per request, or httpx threads) for SECONDS, the CPU of
every process of the server and of the load generator, how many incidents were still pending
assessment when the clients stopped and how long the assessment process took to drain them,
then the server stopped and the run's incidents counted in the copy (and `liuhen verify`).

    python bench/records_http_runs.py CODE LABEL wrk|httpx [--workers N] [--spy S [--idle]]
        [--env '{"LIUHEN_X": "..."}'] [--pristine DIR] [--out DIR] [--verify]

CODE is a source tree (this worktree, or a `git archive` of the baseline); it is put first on
the path, so the run measures CODE's server and CODE's counting. Prints one JSON line.
Wrap it in `flock` when other measurements share the machine (docs/benchmarks.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

TICK = os.sysconf("SC_CLK_TCK")
PY = sys.executable
HERE = Path(__file__).resolve().parent
LUA = """
local bodies = {}
local n = 0
function init(args)
  for line in io.lines(args[1]) do bodies[#bodies + 1] = line end
end
function request()
  n = n + 1
  return wrk.format("POST", "/incidents", {["Content-Type"] = "application/json",
                    ["X-API-Key"] = "bench-admin"}, bodies[n])
end
"""
# Counting in the copy once the server stopped: the run's incidents and those still pending.
COUNT = """
import json, sys
from pathlib import Path
from graph.falkordb_store import FalkorDBStore
store = FalkorDBStore.embedded(Path(sys.argv[1]) / "falkordb")
try:
    rows = store.read_only_query(
        "MATCH (i:Incident) RETURN count(i) AS total, "
        "sum(CASE WHEN i.id STARTS WITH $tag THEN 1 ELSE 0 END) AS run, "
        "sum(CASE WHEN i.assessment_pending = 1 THEN 1 ELSE 0 END) AS pending",
        {"tag": sys.argv[2]}, timeout=120)
finally:
    store.close()
print(json.dumps(rows[0]))
"""
# Pending incidents, read beside the running server (attached to its embedded store).
PENDING = """
import sys, time
from pathlib import Path
from graph.falkordb_store import FalkorDBStore
store = FalkorDBStore.embedded(Path(sys.argv[1]) / "falkordb", attach_only=True)
for line in sys.stdin:
    rows = store.read_only_query(
        "MATCH (i:Incident) WHERE i.assessment_pending = 1 RETURN count(i) AS n", {},
        timeout=60)
    print(rows[0]["n"], flush=True)
"""


def cpu_tree(root: int) -> dict[int, tuple[str, float]]:
    """{pid: (name, cpu seconds)} of ``root`` and its descendants."""
    procs: dict[int, tuple[int, str, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()[-50:]
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        procs[int(entry.name)] = (int(fields[1]), f"{name} {cmd}".strip(),
                                  (int(fields[11]) + int(fields[12])) / TICK)
    out: dict[int, tuple[str, float]] = {}
    todo = [root]
    while todo:
        pid = todo.pop()
        if pid in procs:
            out[pid] = (procs[pid][1], procs[pid][2])
            todo += [child for child, value in procs.items() if value[0] == pid]
    return out


def cpu_pct(before: dict[int, tuple[str, float]], after: dict[int, tuple[str, float]],
            wall: float) -> dict[str, float]:
    return {f"{pid} {name}": round(100 * (after[pid][1] - before[pid][1]) / wall, 1)
            for pid, (name, _) in after.items() if pid in before}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("code")
    parser.add_argument("label")
    parser.add_argument("load", choices=["httpx", "wrk"])
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--spy", type=float, default=0, help="py-spy the API process this long")
    parser.add_argument("--idle", action="store_true", help="py-spy --idle (waits too)")
    parser.add_argument("--py-spy", default="/tmp/records10/tools/bin/py-spy")
    parser.add_argument("--env", default="{}")
    parser.add_argument("--pristine", default="/var/tmp/records10/n10000")
    parser.add_argument("--out", default="/var/tmp/records11")
    parser.add_argument("--drain-cap", type=float, default=600)
    parser.add_argument("--verify", action="store_true")
    args = parser.parse_args()
    code = Path(args.code).resolve()
    sys.path[:0] = [str(code), str(code / "bench")]
    os.chdir(code)
    import httpx
    from api_bench import ADMIN_KEY
    from graph_bench import percentiles
    from records_http import HEADERS, _body, _post_concurrently, _sample

    from bench.country import Country
    from bench.records_measure import new_incident

    out_dir = Path(args.out)
    copy = out_dir / f"run-{args.label}"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(args.pristine, copy)
    out: dict[str, Any] = {"label": args.label, "code": str(code), "load": args.load,
                           "workers": args.workers, "env": json.loads(args.env),
                           "start": time.strftime("%H:%M:%S", time.gmtime()),
                           "load_avg_start": os.getloadavg()}
    env = os.environ | {"LIUHEN_MODEL": "none", "LIUHEN_EXAMPLE_DIR": str(copy / "none"),
                        "LIUHEN_DATA_DIR": str(copy),
                        "LIUHEN_REGULATIONS_DIR": str(code / "data/regulations"),
                        "LIUHEN_API_KEYS": json.dumps({ADMIN_KEY: "admin"}),
                        "PYTHONPATH": f"{code}:{code}/bench"} | json.loads(args.env)
    port = 8840 + os.getpid() % 50
    base = f"http://127.0.0.1:{port}"
    serve = ("from api.server import serve; from core.settings import get_settings; "
             f"serve(get_settings(), '127.0.0.1', {port}, log_level='warning', "
             f"workers={args.workers})")
    with (copy / "http.log").open("w") as log:
        server = subprocess.Popen([PY, "-c", serve], env=env, cwd=code, stdout=log,
                                  stderr=subprocess.STDOUT)
        country = Country(10000, seed=0)
        tag = f"{args.label}{int(time.time())}"
        try:
            deadline = time.monotonic() + 600
            while True:
                if server.poll() is not None:
                    raise SystemExit(f"server exited: {copy / 'http.log'}")
                try:
                    if httpx.get(base + "/health", timeout=5).json().get("status") == "ok":
                        break
                except (httpx.HTTPError, ValueError):
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit("not ready")
                time.sleep(0.5)
            time.sleep(2)
            with httpx.Client(base_url=base, headers=HEADERS, timeout=60) as http:
                one = _sample(http, lambda h, n: h.post("/incidents", json=_body(
                    new_incident(country, tag + "s", n))), args.samples, 120)
            p50, p99 = percentiles(one["ms"])
            out["record_1"] = {"n": len(one["ms"]), "failed": one["failed"],
                               "p50_ms": round(p50, 1), "p99_ms": round(p99, 1),
                               "max_ms": round(max(one["ms"]), 1)}
            pending = subprocess.Popen([PY, "-c", PENDING, str(copy)], env=env, cwd=code,
                                       stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       text=True)
            assert pending.stdin is not None and pending.stdout is not None

            def pending_now() -> int:
                assert pending.stdin is not None and pending.stdout is not None
                pending.stdin.write("\n")
                pending.stdin.flush()
                return int(pending.stdout.readline())

            # the samples' incidents assessed before the eight clients start
            settle = time.monotonic() + 60
            while pending_now() and time.monotonic() < settle:
                time.sleep(0.5)
            out["pending_before_8"] = pending_now()
            bodies = out_dir / f"bodies-{args.label}.jsonl"
            if args.load == "wrk":
                with bodies.open("w") as f:
                    for n in range(int(args.seconds * 1000)):
                        f.write(json.dumps(_body(new_incident(country, tag + "w", n)),
                                           ensure_ascii=False) + "\n")
                lua = out_dir / "post.lua"
                lua.write_text(LUA)
            out["load_avg_8"] = os.getloadavg()
            spy = None
            if args.spy:
                spy = subprocess.Popen(
                    [args.py_spy, "record", "-r", "100", "-d", str(int(args.spy)), "-s",
                     "-p", str(server.pid), "-f", "raw", "-o",
                     str(out_dir / f"spy-{args.label}.txt")]
                    + (["--idle", "--threads"] if args.idle else []),
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            cpu_before = cpu_tree(server.pid)
            wall0 = time.monotonic()
            if args.load == "httpx":
                me0 = os.times()
                out["record_8"] = _post_concurrently(base, country, tag + "h", 8, args.seconds)
                me1 = os.times()
                out["loadgen_cpu_pct"] = round(100 * (me1.user + me1.system - me0.user
                                                      - me0.system) / args.seconds, 1)
            else:
                r0 = os.times()
                done = subprocess.run(
                    ["wrk", "-t1", "-c8", f"-d{int(args.seconds)}s", "--latency", "-s",
                     str(lua), base, "--", str(bodies)], capture_output=True, text=True)
                r1 = os.times()
                out["loadgen_cpu_pct"] = round(100 * (
                    r1.children_user + r1.children_system - r0.children_user
                    - r0.children_system) / args.seconds, 1)
                lines = done.stdout.splitlines()
                reqs = int(next(line for line in lines if "requests in" in line).split()[0])
                non2 = [line for line in lines if "Non-2xx" in line]
                lat = {line.split()[0]: line.split()[1] for line in lines
                       if line.strip().startswith(("50%", "99%"))}
                out["record_8"] = {"requests": reqs, "per_s": round(reqs / args.seconds, 1),
                                   "non2xx": int(non2[0].split()[-1]) if non2 else 0,
                                   "latency": lat, "stderr": done.stderr[-300:]}
            wall = time.monotonic() - wall0
            out["cpu_pct_8"] = cpu_pct(cpu_before, cpu_tree(server.pid), wall)
            out["load_avg_end_8"] = os.getloadavg()
            # the backlog the eight clients left, and how long the assessment takes to drain it
            drain0 = time.monotonic()
            cpu_drain = cpu_tree(server.pid)
            out["pending_at_stop"] = left = pending_now()
            while left and time.monotonic() - drain0 < args.drain_cap:
                time.sleep(0.5)
                left = pending_now()
            drained = time.monotonic() - drain0
            out["drain"] = {"s": round(drained, 1), "left": left,
                            "cpu_pct": cpu_pct(cpu_drain, cpu_tree(server.pid), drained)}
            pending.stdin.close()
            pending.wait(30)
            if spy is not None:
                spy.wait()
            out["load_avg_end"] = os.getloadavg()
        finally:
            server.terminate()
            try:
                server.wait(60)
            except subprocess.TimeoutExpired:
                server.kill()
    counted = subprocess.run([PY, "-c", COUNT, str(copy), "b" + tag], env=env, cwd=code,
                             capture_output=True, text=True)
    out["stored"] = json.loads(counted.stdout) if counted.returncode == 0 else counted.stderr[-500:]
    if args.verify:
        done = subprocess.run([PY, "-c", "from api.cli import app; app()", "verify", "--json"],
                              env=env, cwd=code, capture_output=True, text=True)
        try:
            report = json.loads(done.stdout)
            kinds: dict[str, int] = {}
            for problem in report["problems"]:
                kinds[problem["kind"]] = kinds.get(problem["kind"], 0) + 1
            mine = [problem for problem in report["problems"]
                    if str(problem.get("record_id") or "").startswith("b" + tag)]
            out["verify"] = {"ok": report["ok"], "records": report.get("records"),
                             "problems": kinds, "problems_of_run": len(mine),
                             "first_of_run": mine[:2]}
        except (ValueError, KeyError):
            out["verify"] = {"rc": done.returncode, "err": done.stderr[-300:]}
    out["end"] = time.strftime("%H:%M:%S", time.gmtime())
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
