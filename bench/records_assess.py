"""The engine's stored assessment of every generated incident (the derived properties of
liuhen/records/annotations.py, written by graph.record_reads.annotate_incidents), at the cost of
one assessment per (template, facts) combination instead of one per incident.

Two incidents of one template whose recorded facts (liuhen.records.legal.incident_facts: who
intervened in what role, channel, workplace, approval ...) are equal differ only in names,
places and dates; the row of the first is reused for the others. That is an approximation the
bench states: the engine's search over the words could rank a different article for another
name, so the bench's verdicts are the template's, not each text's. The rows are kept in
``DATA_ROOT/assessments-<engine version>.json`` and reused by every size.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.country import Country
from bench.records_load import minimal_existing
from graph.record_reads import annotate_incidents
from graph.store import GraphStore
from ingest.library import RegulationLibrary
from ingest.records import BatchPlan, Incident
from ingest.seals import ChainSealer
from liuhen.classify import IncidentEngine
from liuhen.records.annotations import assessment_row, engine_version
from liuhen.records.legal import incident_facts
from liuhen.records.service import bm25_classifier


@dataclass
class Assessor:
    """Assesses incidents once per (template, facts) and stores their rows."""

    engine: IncidentEngine
    version: str
    cache_path: Path
    rows: dict[str, dict[str, Any]] = field(default_factory=dict)
    assessed: int = 0
    reused: int = 0
    assess_s: float = 0.0

    @classmethod
    def open(cls, regulations_dir: Path, data_root: Path) -> Assessor:
        library = RegulationLibrary.from_directory(regulations_dir)
        engine = bm25_classifier({r.id: r for r in library.regulations})
        version = engine_version()
        path = data_root / f"assessments-{version.replace(':', '-')}.json"
        rows = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        return cls(engine, version, path, rows)

    def rows_of(self, country: Country, incidents: Sequence[Incident]) -> list[dict[str, Any]]:
        records = minimal_existing(country, BatchPlan(incidents=list(incidents)))
        out = []
        for incident in incidents:
            number = int(incident.id[1:])  # generated ids are i<number>
            key = country.template_of(number)[1] + json.dumps(
                incident_facts(incident, records), sort_keys=True, ensure_ascii=False)
            row = self.rows.get(key)
            if row is None:
                started = time.perf_counter()
                found = self.engine.assess(incident, records)
                self.assess_s += time.perf_counter() - started
                row = {k: v for k, v in assessment_row(incident.id, found, self.version).items()
                       if k != "id"}
                self.rows[key] = row
                self.assessed += 1
            else:
                self.reused += 1
            out.append({**row, "id": incident.id})
        return out

    def annotate(self, store: GraphStore, country: Country,
                 incidents: Sequence[Incident], sealer: ChainSealer | None) -> None:
        annotate_incidents(store, self.rows_of(country, incidents), sealer)

    def save(self) -> None:
        self.cache_path.write_text(json.dumps(self.rows, ensure_ascii=False), encoding="utf-8")


def annotate_country(store: GraphStore, country: Country, assessor: Assessor, *,
                     sealer: ChainSealer | None, batch: int = 5_000) -> float:
    """Assess and annotate every incident of a country already loaded; seconds taken."""
    started = time.perf_counter()
    for start in range(0, country.incident_count, batch):
        numbers = range(start, min(start + batch, country.incident_count))
        assessor.annotate(store, country, [country.incident(k) for k in numbers], sealer)
    assessor.save()
    return time.perf_counter() - started
