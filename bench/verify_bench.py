"""Streaming verify at scale: N incidents in the example's judicial organs, loaded straight
into an embedded FalkorDB (chained, sealed and anchored as the recorder would), then
``verify_store`` timed, with the Python heap's peak during the check (tracemalloc) at two
sizes to show whether memory grows with the store.

    .venv/bin/python bench/verify_bench.py --records 100000
    .venv/bin/python bench/verify_bench.py --records 100000 --append docs/benchmarks.md

Target (issue 13): >= 50,000 records/s with memory that does not grow with the store.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from graph_bench import machine  # bench/ is on the path when run as a script

from core.settings import REPO_ROOT
from graph import queries
from graph.chain_audit import verify_store
from graph.chains import ensure_chain_index, incident_props
from graph.falkordb_store import FalkorDBStore
from graph.queries import records as record_queries
from graph.records import ingest_files
from ingest.integrity import ChainHead, chain_incidents, genesis_hash
from ingest.records import JUDICIAL_KINDS, Incident
from ingest.seals import ChainSealer

EXAMPLE = REPO_ROOT / "data/example"
BATCH = 2_000


def organs() -> list[str]:
    rows = map(json.loads, (EXAMPLE / "organs.jsonl").read_text("utf-8").splitlines())
    return [r["id"] for r in rows if r["kind"] in JUDICIAL_KINDS]


def incident(number: int, organ: str) -> Incident:
    return Incident.model_validate({
        "id": f"vb-{number:07d}", "organ": organ, "case": "c01", "stage": "审判",
        "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
        "request": f"第{number}次请托：希望对被告人从轻处理", "occurred_at": "2025-03-01T10:00:00",
        "recorded_by": "p-zhoumy", "recorded_at": "2025-03-01T11:00:00",
        "description": "来电说明情况，希望在法律允许的范围内尽量从轻，承办人答复依法办理并告知"
                       "将按规定记录。" * 3,
    })


def load(store: FalkorDBStore, sealer: ChainSealer, start: int, count: int,
         heads: dict[str, ChainHead]) -> None:
    """Append ``count`` incidents in batches (UNWIND), then set and anchor each head."""
    names = organs()
    previous = dict(heads)
    for offset in range(start, start + count, BATCH):
        batch = [incident(n, names[n % len(names)])
                 for n in range(offset, min(offset + BATCH, start + count))]
        chained, grown = chain_incidents(batch, heads)
        rows = [incident_props(i, r) for i, r in zip(batch, chained, strict=True)]
        store.write(queries.RECORD_APPEND_INCIDENTS, {"rows": rows})
        # the edges verify holds against each payload (the API's append makes them in its
        # one statement; this bulk load makes them in two more)
        store.write(queries.RECORD_LINK_INCIDENTS, {"rows": rows})
        store.write(queries.RECORD_LINK_INCIDENT_HANDLERS,
                    {"rows": [{"id": r["id"], "handler": r["handler"]} for r in rows]})
        heads.update(grown)
    for organ, head in heads.items():
        seal = sealer.seal(organ, head.length, head.hash)
        old = previous.get(organ)
        store.write(record_queries.RECORD_SET_HEAD, {
            "organ": organ, "expected_length": old.length if old else -1,
            "expected_head": old.hash if old else genesis_hash(organ),
            "genesis": genesis_hash(organ), "length": head.length, "hash": head.hash,
            "seal": seal})
        sealer.anchor(organ, head.length, head.hash, seal)


def measure(store: FalkorDBStore, sealer: ChainSealer) -> tuple[int, float, float]:
    """Records checked, seconds, and the Python heap's peak in MB. The peak comes from a
    second run under tracemalloc, which slows Python several times over: never timed."""
    started = time.perf_counter()
    report = verify_store(store, sealer)
    seconds = time.perf_counter() - started
    if not report.ok:
        sys.exit(f"verify found problems: {report.problems[:3]}")
    tracemalloc.start()
    verify_store(store, sealer)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return report.records, seconds, peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--append", type=Path, help="append the report to this markdown file")
    args = parser.parse_args()
    lines = ["", "### verify_bench.py: streaming verify", "", *machine(), ""]
    with tempfile.TemporaryDirectory(prefix="liuhen-vb-") as tmp:
        root = Path(tmp)
        store = FalkorDBStore.embedded(root / "fdb", graph_name="verify_bench")
        try:
            store.ensure_schema()
            ensure_chain_index(store)
            people = root / "people"
            people.mkdir()
            for name in ("organs", "actors", "relations", "cases"):
                (people / f"{name}.jsonl").write_text(
                    (EXAMPLE / f"{name}.jsonl").read_text("utf-8"), encoding="utf-8")
            sealer = ChainSealer(root / "keys" / "seal.key")
            ingest_files(store, [people], sealer=sealer)  # the registry, sealed
            heads: dict[str, ChainHead] = {}
            lines += ["| records stored | organs | verify s | records/s | peak Python heap "
                      "during verify (MB) |", "|---|---|---|---|---|"]
            done = 0
            for size in (args.records // 10, args.records):
                started = time.perf_counter()
                load(store, sealer, done, size - done, heads)
                print(f"loaded {size} in {time.perf_counter() - started:.1f} s", flush=True)
                done = size
                records, seconds, peak = measure(store, sealer)
                lines.append(f"| {records:,} | {len(heads)} | {seconds:.2f} | "
                             f"{records / seconds:,.0f} | {peak:.1f} |")
                print(lines[-1], flush=True)
        finally:
            store.close()
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
