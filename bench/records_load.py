"""Loading the synthetic country (bench/country.py) into the embedded graph store through the
project's writer, ``graph.records.write_plan``, and what it costs: seconds (generating the
models and writing them, apart), store memory (redis INFO used_memory, RSS of the server) and
disk (the append-only directory).

Validation: ``ingest.records.validate_batch`` checks a batch against the records it names. The
bench builds the smallest set it needs (every organ, the actors and cases the batch refers to)
from the generator, which knows every record by index, so each batch can be checked without
reading the store back. ``validate="sample"`` checks the first batch of each kind and reports
its rate; ``"all"`` checks every batch; ``"none"`` skips it.
"""

from __future__ import annotations

import json
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Protocol

from bench.country import Country
from graph.falkordb_store import FalkorDBStore
from graph.records import write_plan
from ingest.integrity import ChainHead
from ingest.records import (
    BatchPlan,
    Incident,
    Located,
    RecordBatch,
    RecordSet,
    validate_batch,
)
from ingest.seals import ChainSealer

MANIFEST = "country.json"


@dataclass
class LoadReport:
    incidents: int
    seed: int
    counts: dict[str, int] = field(default_factory=dict)
    generate_s: dict[str, float] = field(default_factory=dict)
    write_s: dict[str, float] = field(default_factory=dict)
    validated: dict[str, int] = field(default_factory=dict)
    validate_s: dict[str, float] = field(default_factory=dict)
    used_memory_mb: float = 0.0
    server_rss_mb: float = 0.0
    aof_mb: float = 0.0
    annotated: bool = False  # the engine's assessment stored on every incident
    annotate_s: float = 0.0
    assessed: int = 0  # (template, facts) combinations the engine assessed
    reused: int = 0  # incidents that took the row of an earlier combination

    @property
    def total_s(self) -> float:
        return sum(self.generate_s.values()) + sum(self.write_s.values()) + sum(
            self.validate_s.values()) + self.annotate_s

    def validate_rate(self, kind: str) -> float | None:
        seconds = self.validate_s.get(kind)
        return self.validated[kind] / seconds if seconds else None


def store_dir(data_dir: Path) -> Path:
    """Where the embedded store lives: the folder ``liuhen serve`` uses for LIUHEN_DATA_DIR."""
    return data_dir / "falkordb"


def data_dir_sealer(data_dir: Path) -> ChainSealer:
    """The seal key (and anchor log) ``liuhen serve`` and ``liuhen verify`` use for
    LIUHEN_DATA_DIR (core/settings.py, seal_key_path): a country loaded with it verifies clean,
    heads, registry and stored assessments sealed as liuhen seals them."""
    return ChainSealer(data_dir / "keys" / "seal.key")


def minimal_existing(country: Country, plan: BatchPlan) -> RecordSet:
    """The records ``plan`` refers to (every organ; the actors and cases it names), rebuilt
    from the generator: what validate_batch needs to check the plan without the store."""
    out = RecordSet(organs={o.id: o for o in country.organs})
    actor_ids: set[str] = set()
    case_ids: set[str] = set()
    for relation in plan.relations:
        actor_ids.add(relation.subject)
        (case_ids if relation.object.startswith("k") else actor_ids).add(relation.object)
        if relation.case:
            case_ids.add(relation.case)
    for case in plan.cases:
        actor_ids.update(case.parties + case.handlers)
    for incident in plan.incidents:
        case_ids.add(incident.case)
        actor_ids.update(a for a, _ in incident.roles())
    planned = {a.id for a in plan.actors}
    out.actors = {i: country.actor(int(i[1:])) for i in actor_ids - planned}
    out.cases = {i: country.case(int(i[1:])) for i in case_ids - {c.id for c in plan.cases}}
    return out


def as_batch(plan: BatchPlan) -> RecordBatch:
    batch = RecordBatch()
    for kind in ("organs", "actors", "relations", "cases", "incidents"):
        batch.of_kind(kind).extend(Located(r, f"generated-{kind}", n)
                                   for n, r in enumerate(plan.of_kind(kind), 1))
    return batch


def server_memory(store: FalkorDBStore) -> tuple[float, float, float]:
    """used_memory (MB), the server's RSS (MB) and the append-only directory's size (MB)."""
    server = store.server
    assert server is not None
    info = server.client().connection.info("memory")
    rss = 0.0
    if server.pid is not None:
        for line in Path(f"/proc/{server.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    aof = sum(p.stat().st_size for p in server.db_dir.rglob("*") if p.is_file())
    return info["used_memory"] / 2**20, rss, aof / 2**20


def compact(store: FalkorDBStore, timeout: float = 1800) -> None:
    """Rewrite the append-only file as one snapshot (BGREWRITEAOF), so that the next start
    loads a snapshot instead of replaying every write statement of the load."""
    server = store.server
    assert server is not None
    connection = server.client().connection
    deadline = time.monotonic() + timeout

    def rewriting() -> bool:
        info = connection.info("persistence")
        return bool(info["aof_rewrite_in_progress"] or info["aof_rewrite_scheduled"])

    # the server may be rewriting on its own (its append-only file doubled during the load):
    # that rewrite holds less than the load wrote, so wait for it and rewrite again
    while rewriting() and time.monotonic() < deadline:
        time.sleep(0.5)
    connection.bgrewriteaof()
    while rewriting() and time.monotonic() < deadline:
        time.sleep(0.5)


class Annotator(Protocol):
    """Stores the engine's assessment of incidents just written (bench/records_assess.py)."""

    assessed: int
    reused: int

    def annotate(self, store: FalkorDBStore, country: Country,
                 incidents: Sequence[Incident], sealer: ChainSealer | None) -> None: ...

    def save(self) -> None: ...


def load_country(country: Country, data_dir: Path, *, batch: int = 5_000,
                 validate: str = "sample", log: bool = True,
                 annotator: Annotator | None = None) -> LoadReport:
    """Write the whole country into the embedded store in ``data_dir`` (and, given an
    ``annotator``, the engine's assessment of each incident); the manifest (country.json)
    records what was loaded and what it cost."""
    report = LoadReport(country.incident_count, country.seed)
    counts: dict[str, int] = defaultdict(int)
    heads: dict[str, ChainHead] = {}
    sealer = data_dir_sealer(data_dir)
    store = FalkorDBStore.embedded(store_dir(data_dir))
    try:
        store.ensure_schema()
        plans = country.plans(batch)
        seen_kinds: set[str] = set()
        while True:
            started = time.perf_counter()
            step = next(plans, None)
            if step is None:
                break
            kind, plan = step
            generated = time.perf_counter()
            report.generate_s[kind] = report.generate_s.get(kind, 0.0) + generated - started
            if validate == "all" or (validate == "sample" and kind not in seen_kinds):
                existing = minimal_existing(country, plan)
                checked = time.perf_counter()
                validate_batch(as_batch(plan), existing)
                size = sum(len(plan.of_kind(k)) for k in ("organs", "actors", "relations",
                                                           "cases", "incidents"))
                report.validated[kind] = report.validated.get(kind, 0) + size
                report.validate_s[kind] = (report.validate_s.get(kind, 0.0)
                                           + time.perf_counter() - checked)
                generated = time.perf_counter()
            seen_kinds.add(kind)
            heads.update(write_plan(store, plan, heads, sealer=sealer))
            report.write_s[kind] = report.write_s.get(kind, 0.0) + time.perf_counter() - generated
            if annotator is not None and plan.incidents:
                written = time.perf_counter()
                annotator.annotate(store, country, plan.incidents, sealer)
                report.annotate_s += time.perf_counter() - written
            for name in ("organs", "actors", "relations", "cases", "incidents"):
                counts[name] += len(plan.of_kind(name))
            if log:
                print(f"  {kind}: {dict(counts)} in {report.total_s:.0f} s", flush=True)
        report.counts = dict(counts)
        if annotator is not None:
            annotator.save()
            report.annotated = True
            report.assessed, report.reused = annotator.assessed, annotator.reused
        compact(store)
        report.used_memory_mb, report.server_rss_mb, report.aof_mb = server_memory(store)
    finally:
        store.close()
    save_manifest(data_dir, report)
    return report


def save_manifest(data_dir: Path, report: LoadReport) -> None:
    (data_dir / MANIFEST).write_text(json.dumps(asdict(report), indent=1), encoding="utf-8")


def loaded(data_dir: Path, incidents: int, seed: int) -> LoadReport | None:
    """The manifest of a country already loaded in ``data_dir`` (same size and seed)."""
    path = data_dir / MANIFEST
    if not path.exists():
        return None
    report = LoadReport(**json.loads(path.read_text(encoding="utf-8")))
    return report if (report.incidents, report.seed) == (incidents, seed) else None
