"""Related incidents from the store's indexes (liuhen/records/related.py): quality against
the in-memory answer and latency as the store grows, on the embedded FalkorDB.

    .venv/bin/python bench/related_bench.py quality           # overlap@5 on data/example
    .venv/bin/python bench/related_bench.py latency --sizes 10000 100000 [--queries 300]

quality: the example records are loaded, each incident's expected articles stored as its
provisions (what the classification branch will write), every incident indexed with the real
e5-small, and each incident's top 5 compared with the in-memory ``related_incidents`` of
liuhen/records/analysis.py (what the service answers today).

latency: N synthetic incidents over a few hundred organs, a few thousand actors (a skewed
choice of interveners) and cases; texts from a few hundred templates with names varied,
embedded once per template with e5 and given small per-incident noise, so the vector index
holds N distinct vectors without embedding N texts. Then ``related_incidents`` for random
incidents, one client, p50/p95/p99.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from core.settings import REPO_ROOT
from graph import queries
from graph.falkordb_store import FalkorDBStore
from graph.records import ingest_files, read_record_set
from graph.related_index import ensure_related_indexes
from ingest.library import RegulationLibrary
from liuhen.records.analysis import related_incidents as in_memory_related
from liuhen.records.related import (
    incident_text,
    index_incidents,
    related_incidents,
)
from search.embeddings import load_embedder
from search.model_convert import E5_SMALL

EXAMPLE = REPO_ROOT / "data/example"
TOP = 5
P99_TARGET_MS = 150.0


def machine() -> list[str]:
    """Date, cores, CPU and load average, as the report's header."""
    cpu = next((line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    date = subprocess.run(["date", "-u"], capture_output=True, text=True).stdout.strip()
    return [f"- date: {date}", f"- nproc: {os.cpu_count()}; CPU: {cpu}",
            f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}"]


def _open(folder: Path) -> FalkorDBStore:
    store = FalkorDBStore.embedded(folder, graph_name="related_bench")
    store.ensure_schema()
    return store


def quality() -> list[str]:
    library = RegulationLibrary.from_directory(REPO_ROOT / "data/regulations")
    seeds = {alias: library.find(alias) for alias in ("R1", "R2", "R3")}
    embedder = load_embedder(E5_SMALL)
    lines = ["### Quality: overlap@5 with the in-memory answer (data/example)", ""]
    with tempfile.TemporaryDirectory() as folder:
        store = _open(Path(folder) / "fdb")
        try:
            ingest_files(store, [EXAMPLE], regulations=seeds)
            ensure_related_indexes(store, embedder.dimension)
            records = read_record_set(store)
            incidents = list(records.incidents.values())
            vectors = embedder.embed_passages([incident_text(i) for i in incidents])
            index_incidents(store, [(i.id, incident_text(i), v)
                                    for i, v in zip(incidents, vectors, strict=True)])
            no_articles: dict[str, tuple[str, ...]] = {i.id: () for i in incidents}
            plain = []
            for incident in records.current_incidents():
                before = [r.incident for r in in_memory_related(records, incident.id, top=TOP,
                                                                 articles=no_articles)]
                after = [r.incident for r in
                         related_incidents(store, incident.id, top=TOP).related]
                plain.append(len(set(before) & set(after)) / max(len(before), 1))
            lines.append(f"- without articles on either side: mean overlap@5 "
                         f"{statistics.mean(plain):.2f}")
            store.write(_SET_PROVISIONS, {"rows": [
                {"id": i.id, "provisions": sorted(a.key for a in i.expected_articles)}
                for i in incidents if i.expected_articles]})
            overlaps, shown = [], []
            for incident in records.current_incidents():
                before = [r.incident for r in in_memory_related(records, incident.id, top=TOP)]
                after = [r.incident for r in
                         related_incidents(store, incident.id, top=TOP).related]
                overlaps.append(len(set(before) & set(after)) / max(len(before), 1))
                if len(shown) < 4 and incident.id in {"i001", "i010", "i030", "i050"}:
                    shown.append((incident.id, before, after))
            lines.append(f"- with provisions (the expected articles, as the in-memory answer "
                         f"uses them): incidents: {len(overlaps)}; mean overlap@5: "
                         f"{statistics.mean(overlaps):.2f}; median "
                         f"{statistics.median(overlaps):.2f}; all five the same: "
                         f"{sum(o == 1.0 for o in overlaps)}")
            for incident_id, before, after in shown:
                lines.append(f"- {incident_id}: in memory {before}; store {after}")
        finally:
            store.close()
    return lines


_SET_PROVISIONS = queries.Query(
    "bench_set_provisions",
    "UNWIND $rows AS row MATCH (i:Incident {id: row.id}) SET i.provisions = row.provisions",
    ("rows",), readonly=False,
)


# --- latency -------------------------------------------------------------------------------

_VERBS = ["打电话", "当面", "托人", "发短信", "宴请", "登门"]
_ASKS = ["从轻处理", "判处缓刑", "不予起诉", "撤销案件", "加快执行", "改变管辖", "取保候审",
         "调取证据", "减刑假释", "暂缓执行"]
_WHO = ["副县长", "局长", "主任", "书记", "律师", "当事人亲属", "退休法官", "人大代表"]
_ABOUT = ["被告人", "犯罪嫌疑人", "原告", "被执行人", "上诉人"]


def templates(count: int) -> list[str]:
    rng = random.Random(7)
    out = []
    while len(out) < count:
        text = (f"{rng.choice(_WHO)}{rng.choice(_VERBS)}，希望对{rng.choice(_ABOUT)}"
                f"{{name}}{rng.choice(_ASKS)}，并称{rng.choice(_ASKS)}")
        if text not in out:
            out.append(text)
    return out


def load_synthetic(store: FalkorDBStore, size: int, vectors: np.ndarray,
                   texts: Sequence[str]) -> float:
    """Write ``size`` incidents (with organs, actors and cases) and index them; seconds."""
    rng = random.Random(size)
    organs = [f"o{n}" for n in range(max(size // 150, 10))]
    actors = [f"a{n}" for n in range(max(size // 20, 50))]
    cases = [f"c{n}" for n in range(max(size // 3, 10))]
    started = time.perf_counter()
    store.write(queries.RECORD_UPSERT_ORGANS, {"rows": [
        {"id": o, "name": o, "kind": "court", "level": "county", "region": "x",
         "superior": None, "party_committee": None} for o in organs]})
    for start in range(0, len(actors), 5000):
        store.write(queries.RECORD_UPSERT_ACTORS, {"rows": [
            {"id": a, "name": a, "pseudonym": None, "position": None,
             "organ": rng.choice(organs), "kinds": [], "retired": False, "managed_by": None}
            for a in actors[start:start + 5000]]})
    for start in range(0, len(cases), 5000):
        store.write(queries.RECORD_UPSERT_CASES, {"rows": [
            {"id": c, "number": c, "organ": rng.choice(organs), "stage": "审判",
             "cause": "x", "parties": [], "handlers": []} for c in cases[start:start + 5000]]})
    store.write(queries.RECORD_LINK_CASES, {"rows": [
        {"id": c, "organ": rng.choice(organs)} for c in cases[:10]]})
    noise = np.random.default_rng(size)
    batch = 2000
    for start in range(0, size, batch):
        rows, index_rows = [], []
        for n in range(start, min(start + batch, size)):
            template = rng.randrange(len(texts))
            # Skewed: a tenth of the actors intervene in most incidents.
            intervener = actors[int(len(actors) * rng.paretovariate(1.2)) % len(actors)]
            text = texts[template].format(name=f"张{n % 997}")
            day = f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00"
            rows.append({
                "id": f"i{n}", "caption": text[:24], "organ": rng.choice(organs),
                "case": rng.choice(cases), "stage": "审判", "channel": "电话",
                "intervener": intervener, "instigator": None,
                "handler": rng.choice(actors), "corrects": None,
                "recorded_by": rng.choice(actors), "occurred_at": day, "recorded_at": day,
                "seq": n, "prev_hash": "", "hash": "",
                "payload": json.dumps({"request": text, "occurred_at": day},
                                      ensure_ascii=False)})
            vector = vectors[template] + noise.normal(0, 0.02, vectors.shape[1])
            index_rows.append((f"i{n}", text, (vector / np.linalg.norm(vector)).tolist()))
        store.write(queries.RECORD_APPEND_INCIDENTS, {"rows": rows})
        store.write(queries.RECORD_LINK_INCIDENTS, {"rows": rows})
        store.write(queries.RECORD_LINK_INCIDENT_HANDLERS,
                    {"rows": [{"id": r["id"], "handler": r["handler"]} for r in rows]})
        index_incidents(store, index_rows)
    return time.perf_counter() - started


def _timed(read: Callable[..., list[dict[str, Any]]], times: dict[str, list[float]],
           ) -> Callable[..., list[dict[str, Any]]]:
    """``store.read`` that also notes how long each statement took, by name."""
    def timed(query: queries.Query, params: dict[str, Any] | None = None,
              ) -> list[dict[str, Any]]:
        started = time.perf_counter()
        try:
            return read(query, params)
        finally:
            times.setdefault(query.name, []).append((time.perf_counter() - started) * 1000)
    return timed


def latency(sizes: Sequence[int], count: int) -> list[str]:
    embedder = load_embedder(E5_SMALL)
    texts = templates(300)
    vectors = embedder.embed_passages([t.format(name="张三") for t in texts])
    lines = ["### Latency: one client, embedded FalkorDB", "",
             "| incidents | load + index (s) | related p50 (ms) | p95 (ms) | p99 (ms) |",
             "|---|---|---|---|---|"]
    where = ["", "Median ms per statement (one related answer runs each once or twice):"]
    for size in sizes:
        with tempfile.TemporaryDirectory() as folder:
            store = _open(Path(folder) / "fdb")
            try:
                ensure_related_indexes(store, embedder.dimension)
                seconds = load_synthetic(store, size, vectors, texts)
                rng = random.Random(1)
                for _ in range(20):  # warm up
                    related_incidents(store, f"i{rng.randrange(size)}", top=TOP)
                samples = []
                per_statement: dict[str, list[float]] = {}
                read = store.read
                store.read = _timed(read, per_statement)  # type: ignore[method-assign]
                for _ in range(count):
                    incident_id = f"i{rng.randrange(size)}"
                    started = time.perf_counter()
                    related_incidents(store, incident_id, top=TOP)
                    samples.append((time.perf_counter() - started) * 1000)
                store.read = read  # type: ignore[method-assign]
                where.append(f"- {size:,}: " + ", ".join(
                    f"{name} {statistics.median(times):.1f}"
                    for name, times in sorted(per_statement.items())))
                ordered = sorted(samples)
                p = [ordered[min(len(ordered) - 1, int(q * len(ordered)))]
                     for q in (0.5, 0.95, 0.99)]
                lines.append(f"| {size:,} | {seconds:.0f} | {p[0]:.1f} | {p[1]:.1f} | "
                             f"{p[2]:.1f} |")
                print(lines[-1], flush=True)
            finally:
                store.close()
    return lines + where


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["quality", "latency"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    lines = [*machine(), ""]
    lines += quality() if args.mode == "quality" else latency(args.sizes, args.queries)
    lines.append(f"- load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
