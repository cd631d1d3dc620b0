"""The records service: incidents, actors and organs over one open graph store. One object
behind every face: the ``liuhen`` CLI opens one per command (:meth:`RecordsService.opened`),
the API holds one for its lifetime; both get the same answers (the views of
liuhen/records/views.py) and the same errors.

Errors: NotFoundError names what is missing, InputError the bad argument (with its field),
ConflictError an incident id already recorded with other content; BackendError comes from
the store or the model.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from core.errors import InputError, LiuhenError, NotFoundError
from core.settings import Settings
from graph.chain_audit import RepairReport, repair_store, verify_store
from graph.connect import store_session
from graph.records import ingest_files, read_record_set
from graph.store import GraphStore
from ingest.integrity import IntegrityReport
from ingest.library import RegulationLibrary, seed_regulations
from ingest.models import Regulation
from ingest.records import (
    ActorKind,
    Channel,
    Incident,
    Level,
    OrganKind,
    RecordSet,
    Stage,
    load_records,
)
from ingest.seals import ChainSealer
from liuhen.assessment import Assessment
from liuhen.classify import Accuracy, IncidentEngine, measure
from liuhen.records import readers
from liuhen.records.analysis import repeat_interveners
from liuhen.records.readers import Regime, Verdict
from liuhen.records.recorder import IncidentRecorder
from liuhen.records.views import (
    MAX_PAGE,
    ActorDetail,
    ActorIncidents,
    ActorPage,
    ActorPaths,
    ApplicableArticle,
    ApplicableToIncident,
    Hierarchy,
    IncidentDetail,
    IncidentPage,
    OrganDetail,
    OrganPage,
    Recorded,
    RelatedIncidents,
    RepeatIntervener,
    RouteView,
    Situation,
)
from liuhen.summary import QuarterlySummary
from search.embeddings import load_embedder
from search.index import SearchIndex, open_index

__all__ = ["MAX_PAGE", "IngestResult", "RecordsService", "bm25_classifier",
           "classification_accuracy", "dense_classifier"]

#: Builds the engine from every regulation the project holds (by id).
ClassifierFactory = Callable[[Mapping[str, Regulation]], IncidentEngine]


class IngestResult(BaseModel):
    dry_run: bool
    counts: dict[str, int] = Field(description="records per kind validated or written")


def bm25_classifier(regulations: Mapping[str, Regulation]) -> IncidentEngine:
    """The assessment engine over a BM25 index of the regulations (no model to load)."""
    return IncidentEngine(SearchIndex.build(list(regulations.values()), None), regulations)


class RecordsService:
    """Every question and command about the incident records, over one open store.

    ``classifier`` builds the assessment engine (every legal answer: applicable provisions,
    verdicts, routes, quarterly summaries) from the regulations the project holds, once,
    when a question first needs it (the API passes one over its loaded search index; the
    default is :func:`bm25_classifier`).
    """

    def __init__(
        self,
        settings: Settings,
        store: GraphStore,
        *,
        classifier: ClassifierFactory = bm25_classifier,
    ) -> None:
        self.settings = settings
        self.store = store
        self._make_classifier = classifier
        self._lock = threading.Lock()
        self._regulations: dict[str, Regulation] | None = None
        self._classifier: IncidentEngine | None = None
        self.sealer = ChainSealer(settings.seal_key_path, settings.anchor_path)
        self.recorder = IncidentRecorder(store, self.seeds_or_none(), sealer=self.sealer)

    @classmethod
    @contextmanager
    def opened(
        cls, settings: Settings, *, classifier: ClassifierFactory = bm25_classifier
    ) -> Iterator[RecordsService]:
        """A service over the store ``settings`` select, closed on leaving."""
        with store_session(settings) as store:
            yield cls(settings, store, classifier=classifier)

    # ------------------------------------------------------------ the seed regulations

    def regulations(self) -> Mapping[str, Regulation]:
        """R1, R2, R3 as parsed from ``settings.regulations_dir``, by alias."""
        with self._lock:
            if self._regulations is None:
                self._regulations = seed_regulations(self.settings.regulations_dir)
            return self._regulations

    def seeds_or_none(self) -> dict[str, Regulation] | None:
        """The seed regulations, for checking incidents' expected articles; None (no check)
        when the regulations folder does not hold them."""
        try:
            return dict(self.regulations())
        except LiuhenError:
            return None

    def held_regulations(self) -> dict[str, Regulation]:
        """Every regulation of ``settings.regulations_dir``, by id (the seed ones and the
        disciplinary texts liability cites)."""
        library = RegulationLibrary.from_directory(self.settings.regulations_dir)
        return {r.id: r for r in library.regulations}

    def classifier(self) -> IncidentEngine:
        """The assessment engine, built on first use."""
        with self._lock:
            if self._classifier is None:
                self._classifier = self._make_classifier(self.held_regulations())
            return self._classifier

    def engine(self) -> IncidentEngine:
        """The assessment engine (the same as :meth:`classifier`)."""
        return self.classifier()

    def assess_incident(self, incident_id: str) -> Assessment:
        """The engine's whole assessment of a recorded incident (its words and facts)."""
        records = self.records()
        if incident_id not in records.incidents:
            raise NotFoundError(f"no incident {incident_id!r}")
        return self.classifier().assess(records.incidents[incident_id], records)

    def verdicts(self, records: RecordSet | None = None) -> dict[str, str]:
        """The engine's verdict on every current incident, by id."""
        records = records or self.records()
        engine = self.classifier()
        return {i.id: engine.assess(i, records).verdict for i in records.current_incidents()}

    def forget_classifier(self) -> None:
        """Build the classifier again on next use (its search index was replaced)."""
        with self._lock:
            self._classifier = None

    def records(self) -> RecordSet:
        """Every record the store holds (organs, actors, relations, cases, incidents)."""
        return read_record_set(self.store)

    # ------------------------------------------------------------ incidents

    def list_incidents(
        self, *, organ: str | None = None, case: str | None = None, actor: str | None = None,
        stage: Stage | None = None, channel: Channel | None = None, since: date | None = None,
        until: date | None = None, include_superseded: bool = False, limit: int = 50,
        offset: int = 0, verdict: Verdict | None = None, regulation: Regime | None = None,
    ) -> IncidentPage:
        """Incidents, newest first, filtered, a page at a time (see readers.list_incidents);
        ``verdict`` and ``regulation`` filter on the engine's assessment."""
        records = self.records()
        engine = self.classifier() if verdict or regulation else None
        return readers.list_incidents(
            records, organ=organ, case=case, actor=actor, stage=stage, channel=channel,
            since=since, until=until, include_superseded=include_superseded, limit=limit,
            offset=offset, verdict=verdict, regulation=regulation,
            assess=(lambda i: engine.assess(i, records)) if engine else None)

    def incident(self, incident_id: str) -> IncidentDetail:
        """One incident with its versions and its place in the hash chain."""
        return readers.incident_detail(self.store, incident_id)

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Append an incident to its organ's chain (the same incident again: no change)."""
        return self.recorder.record(incident, now=now)

    def correct(self, incident_id: str, correction: Incident) -> Recorded:
        """Record a new version of ``incident_id``: ``correction`` with ``corrects`` set to it
        (it may be given, but must then name the same incident)."""
        if incident_id not in self.records().incidents:
            raise NotFoundError(f"no incident {incident_id!r}")
        if correction.corrects not in (None, incident_id):
            raise InputError(f"corrects {correction.corrects!r} differs from the incident in "
                             f"the path ({incident_id!r})", field="body.corrects")
        return self.record(correction.model_copy(update={"corrects": incident_id}))

    def applicable_articles(self, incident_id: str, *, top: int = 5) -> ApplicableToIncident:
        """The provisions the engine finds for a recorded incident, with its verdict."""
        if top < 1:
            raise InputError("top must be at least 1", field="top")
        return readers.applicable_to_incident(self.records(), incident_id, self.classifier(),
                                              top=top)

    def applicable_to_situation(self, situation: Situation) -> list[ApplicableArticle]:
        """The provisions the engine finds for a situation told in words."""
        return readers.applicable_to_situation(situation, self.classifier())

    def reporting_route(self, incident_id: str, *, articles: Sequence[str] = ()) -> RouteView:
        """The engine's duties for the incident laid onto the organs of the records: who
        must do what, for whom, by when, on what basis. ``articles`` (R1-8-1 …), when
        given, are a reviewer's judgement of the regulations and conduct engaged."""
        return readers.reporting_route(self.records(), incident_id, engine=self.classifier(),
                                       articles=articles)

    def related(self, incident_id: str, *, top: int = 5) -> RelatedIncidents:
        """Incidents like this one: similar words, the same people, organ, case or articles."""
        return readers.related(self.records(), incident_id, top=top)

    # ------------------------------------------------------------ actors

    def list_actors(self, *, kind: ActorKind | None = None, organ: str | None = None,
                    limit: int = 50, offset: int = 0) -> ActorPage:
        """Actors by id, filtered by kind and organ, a page at a time."""
        return readers.list_actors(self.records(), kind=kind, organ=organ, limit=limit,
                                   offset=offset)

    def actor(self, actor_id: str) -> ActorDetail:
        """An actor, where they work, and every relation they are in."""
        return readers.actor_detail(self.records(), actor_id)

    def actor_incidents(self, actor_id: str, *, with_circle: bool = True) -> ActorIncidents:
        """Every current incident of an actor (and, by default, their relatives and staff)."""
        return readers.actor_incidents(self.records(), actor_id, with_circle=with_circle)

    def actor_paths(self, source: str, target: str, *, max_hops: int = 6, limit: int = 10,
                    through_organs: bool = True) -> ActorPaths:
        """The shortest paths between two actors."""
        return readers.actor_paths(self.records(), source, target, max_hops=max_hops,
                                   limit=limit, through_organs=through_organs)

    def repeat_interveners(self, *, minimum: int = 2) -> list[RepeatIntervener]:
        """Actors who intervened in at least ``minimum`` current incidents that the engine
        finds violations of R1 第八条 or R2 第九条 (interference), most first."""
        if minimum < 1:
            raise InputError("minimum must be at least 1", field="minimum")
        records = self.records()
        engine = self.classifier()

        def interfered(incident: Incident) -> bool:
            return any(p.status == "violation" and p.source == "rule"
                       and (p.alias, p.article) in {("R1", 8), ("R2", 9)}
                       for p in engine.assess(incident, records).provisions)

        return repeat_interveners(records, interfered, minimum=minimum)

    # ------------------------------------------------------------ organs and reports

    def list_organs(self, *, kind: OrganKind | None = None, level: Level | None = None,
                    limit: int = 50, offset: int = 0) -> OrganPage:
        """Organs by id, filtered by kind and level, a page at a time."""
        return readers.list_organs(self.records(), kind=kind, level=level, limit=limit,
                                   offset=offset)

    def organ(self, organ_id: str) -> OrganDetail:
        """An organ with its superior, party committee and counts."""
        return readers.organ_detail(self.records(), organ_id)

    def organ_hierarchy(self, organ_id: str) -> Hierarchy:
        """An organ's superiors, subordinates and same-level organs."""
        return readers.organ_hierarchy(self.records(), organ_id)

    def quarterly(self, quarter: str, *, organ: str | None = None,
                  today: date | None = None) -> QuarterlySummary:
        """The quarterly summaries (R1 第七条第一款, R3 第十三条; R2 noted) of one organ, or
        of all; NotFoundError for an organ the records lack, InputError for a quarter that
        has not ended."""
        return readers.quarterly(self.records(), organ, quarter, self.classifier(),
                                 today=today)

    def quarterly_chart(self, quarter: str, *, organ: str | None = None,
                        today: date | None = None) -> bytes:
        """The quarterly summary drawn as a PNG, in Chinese."""
        return readers.quarterly_chart(self.quarterly(quarter, organ=organ, today=today))

    # ------------------------------------------------------------ integrity and loading

    def verify(self) -> IntegrityReport:
        """Check every organ's hash chain as stored, page by page, with the heads' seals and
        the anchors kept outside the store; ``ok`` false lists each problem."""
        return verify_store(self.store, self.sealer)

    def repair(self, *, dry_run: bool = False) -> RepairReport:
        """Set heads broken by older versions to the end of their longest valid run of
        records (sealed); never rewrites a record. ``dry_run``: only say what it would do."""
        return repair_store(self.store, self.sealer, dry_run=dry_run)

    def ingest(
        self, paths: Sequence[Path], *, dry_run: bool = False, require_seeds: bool = True
    ) -> IngestResult:
        """Validate record files (or folders of them) against the store and write them;
        with ``dry_run``, only validate. Expected articles are checked against R1-R3; when
        the regulations folder lacks them that is an error, unless not ``require_seeds``
        (then they go unchecked, as on the API's first start)."""
        if not paths:
            raise InputError("name at least one record file or folder", field="paths")
        plan = ingest_files(self.store, paths, dry_run=dry_run, regulations=(
            self.regulations() if require_seeds else self.seeds_or_none()), sealer=self.sealer)
        self.recorder.forget()
        return IngestResult(dry_run=dry_run, counts=plan.counts)


def dense_classifier(settings: Settings) -> ClassifierFactory:
    """A classifier factory that adds the dense model's scores: the model and the search
    index of ``settings.regulations_dir`` load when the classifier is first needed."""

    def build(regulations: Mapping[str, Regulation]) -> IncidentEngine:
        embedder = load_embedder(settings.model, settings.model_cache_dir)
        index = open_index(settings.regulations_dir, settings.data_dir, embedder)
        return IncidentEngine(index, regulations)

    return build


def classification_accuracy(
    settings: Settings, *, records_dir: Path | None = None, dense: bool = False,
    now: datetime | None = None,
) -> Accuracy:
    """Top-1/top-3 article and item accuracy on record files (the example records by
    default; no store needed), with the misses."""
    library = RegulationLibrary.from_directory(settings.regulations_dir)
    records = load_records([records_dir or settings.example_dir], now=now).as_set()
    build = dense_classifier(settings) if dense else bm25_classifier
    return measure(build({r.id: r for r in library.regulations}),
                   records.current_incidents(), records)
