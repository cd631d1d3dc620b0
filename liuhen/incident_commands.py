"""The incident commands, free of Typer: each takes plain values, returns a JSON-ready dict,
and raises LiuhenError subclasses (InputError, NotFoundError, BackendError) for the CLI and
the API to render. Records live in the graph store that ``Settings.graph_uri`` selects."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from graph.store import GraphStore, store_session
from ingest.models import Regulation
from ingest.records import ArticleRef, Incident, RecordSet, load_records
from ingest.records_graph import ingest_files, read_chain, read_record_set
from liuhen.classify import ArticleClassifier, measure
from liuhen.errors import InputError, NotFoundError
from liuhen.incidents import (
    incidents_involving,
    related_incidents,
    repeat_interveners,
    trace_paths,
)
from liuhen.integrity import verify
from liuhen.library import RegulationLibrary
from liuhen.routes import route
from liuhen.settings import REPO_ROOT, Settings, get_settings
from liuhen.summary import parse_quarter, quarterly_summary, render_chart

EXAMPLE_DIR = REPO_ROOT / "data/example"
SEED_ALIASES = ("R1", "R2", "R3")


def seed_regulations(settings: Settings) -> dict[str, Regulation]:
    library = RegulationLibrary.from_directory(settings.regulations_dir)
    return {alias: library.find(alias) for alias in SEED_ALIASES}


@contextmanager
def _records(settings: Settings) -> Iterator[tuple[GraphStore, RecordSet]]:
    with store_session(settings) as store:
        yield store, read_record_set(store)


def _incident(records: RecordSet, incident_id: str) -> Incident:
    if incident_id not in records.incidents:
        raise NotFoundError(f"no incident {incident_id!r}")
    return records.incidents[incident_id]


def _classifier(settings: Settings, *, dense: bool) -> ArticleClassifier:
    from search.index import SearchIndex, open_index

    regulations = seed_regulations(settings)
    if dense:
        from search.embeddings import load_embedder

        embedder = load_embedder(settings.model, settings.model_cache_dir)
        index = open_index(settings.regulations_dir, settings.data_dir, embedder)
    else:
        index = SearchIndex.build(list(regulations.values()), None)
    return ArticleClassifier(index, regulations)


# ---------------------------------------------------------------- commands


def ingest_records(
    paths: Sequence[Path], *, dry_run: bool = False, settings: Settings | None = None
) -> dict[str, Any]:
    """`liuhen ingest PATH...`: validate record files (or folders of them) against the store
    and write them; with dry_run, only validate. Returns the counts written."""
    settings = settings or get_settings()
    if not paths:
        raise InputError("name at least one record file or folder", field="paths")
    with store_session(settings) as store:
        plan = ingest_files(store, paths, regulations=seed_regulations(settings),
                            dry_run=dry_run)
    return {"dry_run": dry_run, "written": {} if dry_run else plan.counts,
            "counts": plan.counts}


def verify_records(*, settings: Settings | None = None) -> dict[str, Any]:
    """`liuhen verify`: check every organ's hash chain; ``ok`` false lists each altered,
    reordered or removed record."""
    settings = settings or get_settings()
    with store_session(settings) as store:
        records, heads = read_chain(store)
    return verify(records, heads).as_dict()


def applicable_articles(
    incident_id: str, *, top: int = 5, dense: bool = False, settings: Settings | None = None
) -> dict[str, Any]:
    """`liuhen incident articles ID`: ranked applicable articles with score and reason."""
    settings = settings or get_settings()
    if top < 1:
        raise InputError("top must be at least 1", field="top")
    with _records(settings) as (_, records):
        incident = _incident(records, incident_id)
        ranked = _classifier(settings, dense=dense).classify(incident, records, top=top)
    return {"incident": incident_id, "articles": [a.as_dict() for a in ranked],
            "expected": [a.key for a in incident.expected_articles]}


def reporting_route(
    incident_id: str, *, articles: Sequence[str] | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """`liuhen incident route ID [--article R1-8-1 ...]`: who must be told, by whom, by when,
    on what basis. Articles default to the incident's expected ones, else the classifier's
    first."""
    settings = settings or get_settings()
    regulations = seed_regulations(settings)
    with _records(settings) as (_, records):
        incident = _incident(records, incident_id)
        if articles:
            try:
                chosen = [ArticleRef.parse(a) for a in articles]
            except ValueError as error:
                raise InputError(str(error), field="article") from error
            source = "given"
        elif incident.expected_articles:
            chosen, source = list(incident.expected_articles), "expected"
        else:
            best = _classifier(settings, dense=False).classify(incident, records, top=1)
            chosen, source = [best[0].article], "classified"
        found = route(incident, records, chosen, regulations=regulations)
    return found.as_dict() | {"articles": [a.key for a in chosen], "articles_from": source}


def trace_actors(
    source: str, target: str, *, max_hops: int = 6, limit: int = 10,
    through_organs: bool = True, settings: Settings | None = None,
) -> dict[str, Any]:
    """`liuhen trace A B`: shortest paths between two actors."""
    settings = settings or get_settings()
    with _records(settings) as (_, records):
        paths = trace_paths(records, source, target, max_hops=max_hops, limit=limit,
                            through_organs=through_organs)
    return {"source": source, "target": target, "paths": [p.as_dict() for p in paths]}


def actor_incidents(
    actor_id: str, *, with_circle: bool = True, settings: Settings | None = None
) -> dict[str, Any]:
    """`liuhen actor incidents ID`: every incident of an actor, their relatives and staff."""
    settings = settings or get_settings()
    with _records(settings) as (_, records):
        found = incidents_involving(records, actor_id, with_circle=with_circle)
    return {"actor": actor_id, "incidents": [x.as_dict() for x in found]}


def repeat_interveners_report(
    *, minimum: int = 2, settings: Settings | None = None
) -> dict[str, Any]:
    """`liuhen actor repeat`: actors who intervened in at least ``minimum`` incidents."""
    settings = settings or get_settings()
    if minimum < 1:
        raise InputError("minimum must be at least 1", field="minimum")
    with _records(settings) as (_, records):
        found = repeat_interveners(records, minimum=minimum)
    return {"minimum": minimum, "interveners": [r.as_dict() for r in found]}


def related(
    incident_id: str, *, top: int = 5, settings: Settings | None = None
) -> dict[str, Any]:
    """`liuhen incident related ID`: similar incidents (words, people, organ, articles)."""
    settings = settings or get_settings()
    with _records(settings) as (_, records):
        found = related_incidents(records, incident_id, top=top)
    return {"incident": incident_id, "related": [r.as_dict() for r in found]}


def quarterly_report(
    quarter: str, *, organ: str | None = None, chart: Path | None = None,
    settings: Settings | None = None,
) -> dict[str, Any]:
    """`liuhen report 2026Q3 [--organ ID] [--chart out.png]`: the quarterly summary."""
    settings = settings or get_settings()
    year, number = parse_quarter(quarter)
    with _records(settings) as (_, records):
        summary = quarterly_summary(records, organ, year, number)
    payload = summary.as_dict()
    if chart is not None:
        drawn = render_chart(summary, chart)
        payload["chart"] = {"path": str(drawn.path), "ascii_labels": drawn.ascii_labels,
                            "font": drawn.font}
    return payload


def classification_accuracy(
    *, records_dir: Path = EXAMPLE_DIR, dense: bool = False, settings: Settings | None = None,
    now: datetime | None = None,
) -> dict[str, Any]:
    """`liuhen incident accuracy`: top-1/top-3 article and item accuracy on record files
    (no store needed), with the misses."""
    settings = settings or get_settings()
    records = load_records([records_dir], now=now).as_set()
    accuracy = measure(_classifier(settings, dense=dense), records.current_incidents(),
                       records)
    return {"records": str(records_dir), "dense": dense} | accuracy.as_dict()
