"""The records service: incidents, actors and organs over one open graph store. One object
behind every face: the ``liuhen`` CLI opens one per command (:meth:`RecordsService.opened`),
the API holds one for its lifetime; both get the same answers (the views of
liuhen/records/views.py) and the same errors.

Errors: NotFoundError names what is missing, InputError the bad argument (with its field),
ConflictError an incident id already recorded with other content; BackendError comes from
the store or the model.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

from core.errors import InputError, LiuhenError, NotFoundError
from core.settings import Settings
from graph.chain_audit import RepairReport, repair_store, verify_store
from graph.connect import store_session
from graph.record_reads import (
    StoredIncident,
    annotate_incidents,
    incidents_by_ids,
    link_participants,
    neighbourhood,
    neighbourhood_batches,
    pending_incidents,
    stale_incidents,
)
from graph.record_windows import ensure_time_keys, saw_recorded
from graph.records import ingest_files, read_record_set
from graph.related_index import ensure_related_indexes
from graph.store import GraphStore
from ingest.integrity import IntegrityReport
from ingest.library import RegulationLibrary, seed_regulations
from ingest.models import Regulation
from ingest.records import (
    Actor,
    ActorKind,
    Channel,
    Incident,
    Level,
    Organ,
    OrganKind,
    RecordSet,
    Stage,
)
from ingest.seals import ChainSealer
from liuhen.assessment import Assessment
from liuhen.classify import IncidentEngine
from liuhen.records import lookups, people, readers
from liuhen.records.annotations import assessment_row, engine_version
from liuhen.records.assessor import AssessmentWorker
from liuhen.records.classifiers import (
    ClassifierFactory,
    bm25_classifier,
    classification_accuracy,
    dense_classifier,
)
from liuhen.records.lookups import Named
from liuhen.records.quarterly import quarterly
from liuhen.records.readers import Regime, Verdict
from liuhen.records.recorder import IncidentRecorder
from liuhen.records.related import (
    incident_text,
    incident_words,
    index_incident,
    passage_embed,
    related_incidents,
)
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
    IngestResult,
    OrganDetail,
    OrganPage,
    Reassessed,
    Recorded,
    RelatedIncidents,
    RepeatIntervener,
    RouteView,
    Situation,
)
from liuhen.summary import QuarterlySummary
from search.embeddings import Embedder

__all__ = ["MAX_PAGE", "IngestResult", "Reassessed", "RecordsService", "bm25_classifier",
           "classification_accuracy", "dense_classifier"]

_LOG = logging.getLogger(__name__)

#: The dense model when one is loaded (the API's), else None: related incidents then go by
#: words, people, case and organ, without the vector index.
EmbedderSource = Callable[[], Embedder | None]


class RecordsService:
    """Every question and command about the incident records, over one open store.

    ``classifier`` builds the assessment engine (every legal answer: applicable provisions,
    verdicts, routes, quarterly summaries) from the regulations the project holds, once,
    when a question first needs it (the API passes one over its loaded search index; the
    default is :func:`bm25_classifier`).
    """

    def __init__(self, settings: Settings, store: GraphStore, *,
                 classifier: ClassifierFactory = bm25_classifier,
                 embedder: EmbedderSource | None = None) -> None:
        self.settings = settings
        self.store = store
        #: True when a process of its own assesses what this one records (api/assessment_
        #: process.py): ``record`` then answers pending and assesses nothing itself.
        self.assessed_elsewhere = False
        self._make_classifier = classifier
        self._embedder = embedder or (lambda: None)
        self._related_indexes: set[int | None] = set()  # dimensions ensured (None: words)
        self._lock = threading.Lock()
        self._regulations: dict[str, Regulation] | None = None
        self._classifier: IncidentEngine | None = None
        self._engine_version: str | None = None
        self._time_keyed = False
        self._worker: AssessmentWorker | None = None
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

    def assess_incident(self, incident_id: str) -> Assessment:
        """The engine's whole assessment of a recorded incident (its words and the facts of
        its neighbourhood in the records)."""
        _, records = self._neighbourhood(incident_id)
        return self.classifier().assess(records.incidents[incident_id], records)

    def _neighbourhood(self, incident_id: str) -> tuple[StoredIncident, RecordSet]:
        """The incident and what the engine reads about it (graph.record_reads)."""
        found = neighbourhood(self.store, incident_id)
        if found is None:
            raise NotFoundError(f"no incident {incident_id!r}")
        return found

    def verdicts(self, records: RecordSet | None = None) -> dict[str, str]:
        """The engine's verdict on every current incident of ``records``, by id (the web
        pages' whole-set view; the API lists filter on the stored verdicts instead)."""
        records = records or self.records()
        engine = self.classifier()
        return {i.id: engine.assess(i, records).verdict for i in records.current_incidents()}

    def forget_classifier(self) -> None:
        """Build the classifier again on next use (its search index was replaced)."""
        with self._lock:
            self._classifier = None

    def records(self) -> RecordSet:
        """Every record the store holds (organs, actors, relations, cases, incidents): a whole
        set, for ``related`` and the web pages only; every other question reads the store a
        page or a neighbourhood at a time."""
        return read_record_set(self.store)

    # ------------------------------------------------------------ stored assessments

    def engine_version(self) -> str:
        """The version stored as ``assessed_by`` (liuhen/records/annotations.py)."""
        with self._lock:
            if self._engine_version is None:
                self._engine_version = engine_version()
            return self._engine_version

    def annotate(self, incident_ids: Sequence[str]) -> int:
        """Assess each incident over its neighbourhood (read a batch at a time) and store the
        verdict on it (and its participants as relationships); returns how many."""
        engine, version = self.classifier(), self.engine_version()
        rows, assessed = [], []
        for batch, found, records in neighbourhood_batches(self.store, incident_ids):
            for incident_id in batch:
                if incident_id not in found:
                    raise NotFoundError(f"no incident {incident_id!r}")
                assessed.append(incident := records.incidents[incident_id])
                rows.append(assessment_row(incident_id, engine.assess(incident, records), version))
        link_participants(self.store, assessed)
        annotate_incidents(self.store, rows, self.sealer)
        return len(rows)

    def reassess(self, *, batch: int = 500) -> Reassessed:
        """Assess, in batches by id, every incident never assessed or assessed by another
        engine version than the current one."""
        if not 1 <= batch <= 10_000:
            raise InputError("batch must be 1..10000", field="batch")
        ensure_time_keys(self.store)
        version, done, after = self.engine_version(), 0, ""
        while True:
            stale = stale_incidents(self.store, version, after=after, limit=batch)
            if not stale:
                return Reassessed(assessed=done, engine=version)
            done += self.annotate([i.id for i in stale])
            after = stale[-1].id

    def _annotate_quietly(self, incident_ids: Sequence[str]) -> None:
        """Annotate after a write; when the engine cannot be built (no regulations held) the
        incidents stay unassessed (listed so, never counted lawful) until ``reassess``."""
        try:
            self.annotate(incident_ids)
        except LiuhenError as error:
            _LOG.warning("incidents left unassessed (run liuhen reassess): %s", error)

    # ------------------------------------------------------------ incidents

    def list_incidents(
        self, *, organ: str | None = None, case: str | None = None, actor: str | None = None,
        stage: Stage | None = None, channel: Channel | None = None, since: date | None = None,
        until: date | None = None, include_superseded: bool = False, limit: int = 50,
        offset: int = 0, verdict: Verdict | None = None, regulation: Regime | None = None,
        after: str | None = None,
    ) -> IncidentPage:
        """Incidents, newest recorded first, filtered, a page at a time (see
        readers.list_incidents); ``verdict`` and ``regulation`` filter on the engine's stored
        assessment; ``after`` is the ``next`` of the page before."""
        if not self._time_keyed:
            # incidents stored before the integer time keys get them (once per service)
            ensure_time_keys(self.store)
            self._time_keyed = True
        return readers.list_incidents(
            self.store, organ=organ, case=case, actor=actor, stage=stage, channel=channel,
            since=since, until=until, include_superseded=include_superseded, limit=limit,
            offset=offset, after=after, verdict=verdict, regulation=regulation)

    def incident(self, incident_id: str) -> IncidentDetail:
        """One incident with its versions and its place in the hash chain."""
        return readers.incident_detail(self.store, incident_id)

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Append an incident to its organ's chain (the same incident again: no change); a
        new one is assessed and its verdict stored on it."""
        result = self.recorder.record(incident, now=now)
        saw_recorded(self.store, incident.recorded_at)
        if result.created and (self._worker is not None or self.assessed_elsewhere):
            if self._worker is not None:
                self._worker.submit(incident)  # the answer says assessment: pending
            return result  # another process's worker sweeps it by its pending flag
        if result.created:
            self._annotate_quietly([result.incident.id])
            self._index_related_quietly([incident])
            return result.model_copy(update={"incident": self.incident(result.incident.id)})
        return result

    def start_worker(self, *, pause: Callable[[], object] | None = None) -> AssessmentWorker:
        """Assess and index recorded incidents in a thread of this process (the API's):
        ``record`` answers once the incident is in its chain, pending until then.
        ``pause``: called before every batch (it may wait)."""
        if self._worker is None:
            self._worker = AssessmentWorker(self._assess_recorded, lambda limit: (
                pending_incidents(self.store, limit=limit)), self.incidents_by_ids,
                # built at the worker's start: the engine, jieba's dictionary
                warm=lambda: (self.classifier(), self.engine_version(), incident_words("")),
                pause=pause)
            self._worker.start()
        return self._worker

    def stop_worker(self) -> None:
        if self._worker is not None:
            self._worker.stop()
            self._worker = None

    def _assess_recorded(self, incidents: Sequence[Incident]) -> None:
        """The worker's job: related indexing first, then the assessment, whose write clears
        the pending flag (a crash in between leaves them pending, done again)."""
        self._index_related_quietly(incidents)
        self.annotate([incident.id for incident in incidents])

    def correct(self, incident_id: str, correction: Incident) -> Recorded:
        """Record a new version of ``incident_id``: ``correction`` with ``corrects`` set to it
        (it may be given, but must then name the same incident)."""
        if not incidents_by_ids(self.store, [incident_id]):
            raise NotFoundError(f"no incident {incident_id!r}")
        if correction.corrects not in (None, incident_id):
            raise InputError(f"corrects {correction.corrects!r} differs from the incident in "
                             f"the path ({incident_id!r})", field="body.corrects")
        return self.record(correction.model_copy(update={"corrects": incident_id}))

    def applicable_articles(self, incident_id: str, *, top: int = 5) -> ApplicableToIncident:
        """The provisions the engine finds for a recorded incident, with its verdict."""
        if top < 1:
            raise InputError("top must be at least 1", field="top")
        _, records = self._neighbourhood(incident_id)
        return readers.applicable_to_incident(records, incident_id, self.classifier(), top=top)

    def applicable_to_situation(self, situation: Situation) -> list[ApplicableArticle]:
        """The provisions the engine finds for a situation told in words."""
        return readers.applicable_to_situation(situation, self.classifier())

    def reporting_route(self, incident_id: str, *, articles: Sequence[str] = ()) -> RouteView:
        """The engine's duties for the incident laid onto the organs of the records: who
        must do what, for whom, by when, on what basis. ``articles`` (R1-8-1 …), when
        given, are a reviewer's judgement of the regulations and conduct engaged."""
        engine = self.classifier()
        for key in articles:  # named before the store is asked (InputError, field article)
            readers.parse_article_key(key, engine)
        _, records = self._neighbourhood(incident_id)
        return readers.reporting_route(records, incident_id, engine=engine, articles=articles)

    def related(self, incident_id: str, *, top: int = 5) -> RelatedIncidents:
        """Incidents like this one, from the store's indexes: similar meaning (vector index,
        once the model has loaded) and words (full-text index), the same people, officer,
        case, organ or provisions."""
        embed = self._related_embed()
        return related_incidents(self.store, incident_id, top=top, embed=embed)

    def _related_embed(self) -> Callable[[str], list[float]] | None:
        """The passage embedding, with the vector index of its dimension ensured; None
        (words, people, case and organ only) while no model is loaded."""
        embedder = self._embedder()
        dimension = embedder.dimension if embedder else None
        if dimension not in self._related_indexes:
            ensure_related_indexes(self.store, dimension)
            self._related_indexes.add(dimension)
        return passage_embed(embedder) if embedder else None

    def _index_related_quietly(self, incidents: Sequence[Incident]) -> None:
        """Words and (with a model loaded) the meaning of new incidents, for ``related``; when
        that fails they are still found by people, case and organ (logged)."""
        try:
            embed = self._related_embed()
            for incident in incidents:
                index_incident(self.store, incident.id, incident_text(incident), embed)
        except LiuhenError as error:
            _LOG.warning("incidents not indexed for related incidents: %s", error)

    # ------------------------------------------------------------ actors

    def list_actors(self, *, kind: ActorKind | None = None, organ: str | None = None,
                    limit: int = 50, offset: int = 0) -> ActorPage:
        """Actors by id, filtered by kind and organ, a page at a time."""
        return people.list_actors(self.store, kind=kind, organ=organ, limit=limit,
                                  offset=offset)

    def actor(self, actor_id: str) -> ActorDetail:
        """An actor, where they work, and every relation they are in."""
        return people.actor_detail(self.store, actor_id)

    def actor_incidents(self, actor_id: str, *, with_circle: bool = True,
                        limit: int = people.ACTOR_PAGE, after: str | None = None,
                        newest: bool = False) -> ActorIncidents:
        """A page of the current incidents of an actor (and, by default, their relatives
        and staff) by when they occurred, oldest (or newest) first, after a ``next`` cursor."""
        return people.actor_incidents(self.store, actor_id, with_circle=with_circle,
                                      limit=limit, after=after, newest=newest)

    def actor_paths(self, source: str, target: str, *, max_hops: int = 6, limit: int = 10,
                    through_organs: bool = True) -> ActorPaths:
        """The shortest paths between two actors (at most 6 hops)."""
        return people.actor_paths(self.store, source, target, max_hops=max_hops,
                                  limit=limit, through_organs=through_organs)

    def repeat_interveners(self, *, minimum: int = 2) -> list[RepeatIntervener]:
        """Actors who intervened in at least ``minimum`` current incidents that the engine
        found violations of R1 第八条 or R2 第九条 (interference, as stored), most first."""
        return people.repeat_interveners(self.store, minimum=minimum)

    # ------------------------------------------------------------ organs and reports

    def list_organs(self, *, kind: OrganKind | None = None, level: Level | None = None,
                    limit: int = 50, offset: int = 0) -> OrganPage:
        """Organs by id, filtered by kind and level, a page at a time."""
        return people.list_organs(self.store, kind=kind, level=level, limit=limit,
                                  offset=offset)

    def organ(self, organ_id: str) -> OrganDetail:
        """An organ with its superior, party committee and counts."""
        return people.organ_detail(self.store, organ_id)

    def organ_hierarchy(self, organ_id: str) -> Hierarchy:
        """An organ's superiors, subordinates and same-level organs."""
        return people.organ_hierarchy(self.store, organ_id)

    def quarterly(self, quarter: str, *, organ: str | None = None, region: bool = False,
                  today: date | None = None) -> QuarterlySummary:
        """The quarterly summaries (R1 第七条第一款, R3 第十三条; R2 noted) of one organ, of
        its region (``region``: every organ under its 党委 and those below), or of all;
        NotFoundError for an organ the records lack, InputError for a quarter that has not
        ended. Built from the engine's stored findings."""
        return quarterly(self.store, quarter, self.classifier().engine.book, organ=organ,
                         region=region, today=today)

    def quarterly_chart(self, quarter: str, *, organ: str | None = None, region: bool = False,
                        today: date | None = None) -> bytes:
        """The quarterly summary drawn as a PNG, in Chinese."""
        return readers.quarterly_chart(self.quarterly(quarter, organ=organ, region=region,
                                                      today=today))

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
        if not dry_run and plan.incidents:
            self._annotate_quietly([i.id for i in plan.incidents])
            self._index_related_quietly(plan.incidents)
        return IngestResult(dry_run=dry_run, counts=plan.counts)

    # ------------------------------------------------------------ the web pages' lookups

    def named(self, *, actors: Iterable[str] = (), organs: Iterable[str] = (),
              cases: Iterable[str] = ()) -> Named:
        """The actors, organs and cases of these ids (a page's names); missing ids left out."""
        return lookups.named(self.store, actors=actors, organs=organs, cases=cases)

    def incidents_by_ids(self, ids: Iterable[str]) -> dict[str, Incident]:
        """The incidents of these ids as recorded (any version), by id."""
        return lookups.incidents_of(self.store, ids)

    def find_actors(self, text: str, *, limit: int = 50) -> list[Actor]:
        """The actor whose id is ``text``, then those whose name begins with it, by id."""
        return lookups.find_actors(self.store, text, limit=limit)

    def actors_after(self, after: str = "", *, limit: int = 50) -> list[Actor]:
        """A page of actors by id after the id ``after`` (keyset: any depth, same cost)."""
        return lookups.actors_after(self.store, after, limit=limit)

    def organs_after(self, after: str = "", *, limit: int = 50) -> list[Organ]:
        """A page of organs by id after the id ``after``."""
        return lookups.organs_after(self.store, after, limit=limit)

    def organ_incident_counts(self, organ_ids: Iterable[str]) -> dict[str, int]:
        """Current incidents recorded by each organ of a page of ids."""
        return lookups.organ_counts(self.store, organ_ids)

    def next_version_id(self, incident_id: str) -> str:
        """The id a correction of ``incident_id`` takes (``<base>-v<n>``, first free n)."""
        return lookups.next_version_id(self.store, incident_id)

    def verify_organ(self, organ_id: str) -> IntegrityReport:
        """One organ's hash chain checked as :meth:`verify` checks every organ's."""
        return verify_store(self.store, self.sealer, organ=organ_id)
