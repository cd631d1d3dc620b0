"""Checking a batch of records whole, against itself and the records already stored:
unknown references, duplicate ids, future dates, contradictory relations, changed incidents
(records are append-only). A batch with any problem is rejected entirely."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from core.errors import InputError
from ingest.record_files import read_records
from ingest.record_models import (
    CHINA,
    CIRCLE_RELATIONS,
    INVERSE_RELATIVE,
    JUDICIAL_KINDS,
    KINDS,
    PARTY_ORGANS,
    Actor,
    ActorKind,
    Case,
    Incident,
    Located,
    Organ,
    OrganKind,
    Origin,
    RecordBatch,
    RecordSet,
    RecordsInputError,
    Relation,
    RelationKind,
)


@dataclass
class BatchPlan:
    """What a validated batch adds to the existing records: only new or changed records;
    identical ones are left out so that loading twice changes nothing."""

    organs: list[Organ] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    unchanged: int = 0

    def of_kind(self, kind: str) -> list[Any]:
        return getattr(self, kind)  # type: ignore[no-any-return]

    @property
    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in KINDS} | {"unchanged": self.unchanged}

    def as_set(self) -> RecordSet:
        out = RecordSet()
        for kind in KINDS:
            out.of_kind(kind).update({r.id: r for r in self.of_kind(kind)})
        return out


def validate_batch(
    batch: RecordBatch,
    existing: RecordSet | None = None,
    *,
    now: datetime | None = None,
    article_items: Mapping[str, int | None] | None = None,
) -> BatchPlan:
    """Check a batch against itself and the records already stored.

    ``article_items`` maps article keys (``R1-8``) to their item count (None: no items); when
    given, expected articles must exist. Raises RecordsInputError naming every problem:
    unknown references, duplicate ids, future dates, contradictory relations, changed
    incidents. Returns what to write.
    """
    existing = existing or RecordSet()
    now = now or datetime.now(CHINA).replace(tzinfo=None)
    errors: list[InputError] = []
    plan = BatchPlan()
    for kind in KINDS:
        seen: dict[str, Located[Any]] = {}
        for located in batch.of_kind(kind):
            record = located.record
            if record.id in seen:
                first = seen[record.id]
                errors.append(located.error(
                    f"duplicate id {record.id!r} (first at {first.file}:{first.line})", "id"))
                continue
            seen[record.id] = located
            stored = existing.of_kind(kind).get(record.id)
            if stored == record:
                plan.unchanged += 1
                continue
            if stored is not None and kind == "incidents":
                errors.append(located.error(
                    f"incident {record.id!r} is already recorded with other content; records "
                    "are append-only: add a new incident with corrects="
                    f"{record.id!r}", "id"))
                continue
            plan.of_kind(kind).append(record)
    if errors:
        raise RecordsInputError(errors)
    merged = existing.merged(plan.as_set())
    where = {(kind, loc.record.id): loc for kind in KINDS for loc in batch.of_kind(kind)}
    checker = _Checker(merged, where, now, article_items)
    for organ in plan.organs:
        checker.organ(organ)
    for actor in plan.actors:
        checker.actor(actor)
    checker.relations(plan.relations, merged)
    for case in plan.cases:
        checker.case(case)
    for incident in plan.incidents:
        checker.incident(incident)
    checker.corrections(plan.incidents)
    if checker.errors:
        raise RecordsInputError(checker.errors)
    return plan


class _Checker:
    def __init__(
        self,
        records: RecordSet,
        where: Mapping[tuple[str, str], Located[Any]],
        now: datetime,
        article_items: Mapping[str, int | None] | None,
    ) -> None:
        self.records = records
        self.where = where
        self.now = now
        self.article_items = article_items
        self.errors: list[InputError] = []

    def fail(self, kind: str, record_id: str, message: str, field: str | None) -> None:
        located = self.where.get((kind, record_id))
        if located is None:
            self.errors.append(InputError(f"{kind} {record_id!r}: {message}", field=field))
        else:
            self.errors.append(located.error(message, field))

    def ref(self, kind: str, record_id: str, target_kind: str, target: str | None,
            field: str) -> Any:
        if target is None:
            return None
        found = self.records.of_kind(target_kind).get(target)
        if found is None:
            self.fail(kind, record_id, f"unknown {target_kind[:-1]} {target!r}", field)
        return found

    def organ(self, organ: Organ) -> None:
        superior = self.ref("organs", organ.id, "organs", organ.superior, "superior")
        if superior is not None:
            if superior.kind != organ.kind:
                self.fail("organs", organ.id, f"superior {superior.id!r} is a {superior.kind}, "
                          f"not a {organ.kind}", "superior")
            elif (organ.level is None or superior.level is None
                  or superior.level.rank != organ.level.rank - 1):
                self.fail("organs", organ.id, f"superior {superior.id!r} is at level "
                          f"{superior.level}, not one level above {organ.level}", "superior")
        committee = self.ref("organs", organ.id, "organs", organ.party_committee,
                             "party_committee")
        if committee is not None:
            if committee.kind != OrganKind.PARTY_COMMITTEE:
                self.fail("organs", organ.id, f"party_committee {committee.id!r} is a "
                          f"{committee.kind}, not a 党委", "party_committee")
            elif committee.level != organ.level:
                self.fail("organs", organ.id, f"party_committee {committee.id!r} is at level "
                          f"{committee.level}, not {organ.level}", "party_committee")
            elif organ.kind == OrganKind.PARTY_COMMITTEE and committee.id != organ.id:
                self.fail("organs", organ.id, "a 党委 is its own party committee",
                          "party_committee")
        elif organ.kind in PARTY_ORGANS:
            self.fail("organs", organ.id, f"a {organ.kind} needs its same-level party committee",
                      "party_committee")

    def actor(self, actor: Actor) -> None:
        organ = self.ref("actors", actor.id, "organs", actor.organ, "organ")
        self.ref("actors", actor.id, "organs", actor.managed_by, "managed_by")
        kinds = set(actor.kinds)
        judicial = organ is not None and organ.kind in JUDICIAL_KINDS
        needs_judicial = kinds & {ActorKind.JUDICIAL_INSIDER, ActorKind.JUDICIAL_OFFICER,
                                  ActorKind.CASE_HANDLER}
        if needs_judicial and not judicial:
            named = "、".join(sorted(needs_judicial))
            self.fail("actors", actor.id, f"a {named} must work (or have worked) in a court, "
                      "procuratorate, public security, state security or justice "
                      "administration organ", "organ" if actor.organ else "kinds")
        if actor.retired and kinds & {ActorKind.JUDICIAL_OFFICER, ActorKind.CASE_HANDLER}:
            self.fail("actors", actor.id, "a retiree does not handle cases", "kinds")
        if ActorKind.LEADING_CADRE in kinds and organ is None:
            self.fail("actors", actor.id, "a 领导干部 (R1 第十二条) holds office in an organ",
                      "organ")

    def relations(self, relations: list[Relation], records: RecordSet) -> None:
        for relation in relations:
            subject = self.ref("relations", relation.id, "actors", relation.subject, "subject")
            target_kind = "cases" if relation.kind == RelationKind.PARTY_TO else "actors"
            self.ref("relations", relation.id, target_kind, relation.object, "object")
            self.ref("relations", relation.id, "cases", relation.case, "case")
            if relation.subject == relation.object:
                self.fail("relations", relation.id, "an actor cannot be related to itself",
                          "object")
            if (relation.kind == RelationKind.LAWYER_OF and subject is not None
                    and ActorKind.LAWYER not in subject.kinds):
                self.fail("relations", relation.id,
                          f"{subject.id!r} is a lawyer of someone but not of kind 律师", "subject")
        # Contradictions are judged over every stored relation, not only the new ones. A
        # relative's detail says what the subject is to the object (A 父母 B: A is B's
        # parent); its inverse is checked too, so A 父母 B beside B 配偶 A is caught.
        details: dict[tuple[RelationKind, str, str], dict[str, Relation]] = defaultdict(dict)
        for relation in records.relations.values():
            if relation.kind not in CIRCLE_RELATIONS:
                continue
            details[(relation.kind, relation.subject, relation.object)][relation.detail] = relation
            inverse = INVERSE_RELATIVE.get(relation.detail)
            if relation.kind == RelationKind.RELATIVE and inverse:
                details[(relation.kind, relation.object, relation.subject)][inverse] = relation
        new_ids = {r.id for r in relations}
        reported: set[str] = set()
        for (kind, subject_id, object_id), by_detail in details.items():
            if len(by_detail) < 2:
                continue
            culprit = next((r for r in by_detail.values() if r.id in new_ids), None)
            if culprit is None or culprit.id in reported:
                continue
            reported.add(culprit.id)
            self.fail("relations", culprit.id, f"contradictory relations: {subject_id!r} is "
                      f"{object_id!r}'s {' and '.join(sorted(by_detail))} ({kind})", "detail")
        for relation in relations:
            if relation.kind == RelationKind.SUPERIOR_OF and (
                self._reaches(relation.object, relation.subject, RelationKind.SUPERIOR_OF)
            ):
                self.fail("relations", relation.id, f"contradictory relations: "
                          f"{relation.object!r} is already (directly or not) superior of "
                          f"{relation.subject!r}", "object")
            if relation.kind == RelationKind.STAFF_OF and (
                self._reaches(relation.object, relation.subject, RelationKind.STAFF_OF)
            ):
                self.fail("relations", relation.id, f"contradictory relations: "
                          f"{relation.object!r} is already staff of {relation.subject!r}",
                          "object")
            if relation.kind in {RelationKind.SUPERIOR_OF, RelationKind.STAFF_OF}:
                opposite = (RelationKind.STAFF_OF if relation.kind == RelationKind.SUPERIOR_OF
                            else RelationKind.SUPERIOR_OF)
                if any(r.kind == opposite and r.subject == relation.object
                       and r.object == relation.subject for r in records.relations.values()):
                    self.fail("relations", relation.id, "contradictory relations: "
                              f"{relation.kind} and {opposite} between the same two actors "
                              "in opposite directions", "kind")

    def _reaches(self, start: str, goal: str, kind: RelationKind) -> bool:
        edges: dict[str, list[str]] = defaultdict(list)
        for relation in self.records.relations.values():
            if relation.kind == kind:
                edges[relation.subject].append(relation.object)
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            for nxt in edges[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    def case(self, case: Case) -> None:
        organ = self.ref("cases", case.id, "organs", case.organ, "organ")
        if organ is not None and organ.kind not in JUDICIAL_KINDS:
            self.fail("cases", case.id, f"{organ.id!r} is a {organ.kind}, not a judicial organ",
                      "organ")
        for actor_id in case.parties:
            self.ref("cases", case.id, "actors", actor_id, "parties")
        for actor_id in case.handlers:
            handler = self.ref("cases", case.id, "actors", actor_id, "handlers")
            if handler is not None and handler.organ != case.organ:
                self.fail("cases", case.id, f"handler {actor_id!r} works at "
                          f"{handler.organ!r}, not at {case.organ!r}", "handlers")
        overlap = set(case.parties) & set(case.handlers)
        if overlap:
            self.fail("cases", case.id, f"{sorted(overlap)} both party and handler", "handlers")

    def incident(self, incident: Incident) -> None:
        kind = "incidents"
        organ = self.ref(kind, incident.id, "organs", incident.organ, "organ")
        if organ is not None and organ.kind not in JUDICIAL_KINDS:
            self.fail(kind, incident.id, f"{organ.id!r} is a {organ.kind}; incidents are "
                      "recorded by judicial organs", "organ")
        self.ref(kind, incident.id, "cases", incident.case, "case")
        for name in ("intervener", "instigator", "handler", "recorded_by"):
            self.ref(kind, incident.id, "actors", getattr(incident, name), name)
        self.ref(kind, incident.id, "organs", incident.in_name_of, "in_name_of")
        for number, participant in enumerate(incident.participants):
            self.ref(kind, incident.id, "actors", participant.actor,
                     f"participants.{number}.actor")
        if incident.intervener == incident.handler:
            self.fail(kind, incident.id, "the intervener cannot be the officer approached",
                      "handler")
        if incident.occurred_at > self.now:
            self.fail(kind, incident.id, f"{incident.occurred_at:%Y-%m-%d %H:%M} is in the "
                      "future", "occurred_at")
        if incident.recorded_at > self.now:
            self.fail(kind, incident.id, f"{incident.recorded_at:%Y-%m-%d %H:%M} is in the "
                      "future", "recorded_at")
        if incident.recorded_at < incident.occurred_at:
            self.fail(kind, incident.id, "recorded before it happened", "recorded_at")
        if incident.origin == Origin.NAMED_REPORT and not incident.reporter:
            self.fail(kind, incident.id, "a named report (实名举报) names its reporter",
                      "reporter")
        if self.article_items is not None:
            for ref in incident.expected_articles:
                if ref.article_key not in self.article_items:
                    self.fail(kind, incident.id, f"{ref.regulation} has no article "
                              f"{ref.article}", "expected_articles")
                elif ref.item is not None and ref.item > (self.article_items[ref.article_key]
                                                          or 0):
                    self.fail(kind, incident.id, f"{ref.regulation} 第{ref.article}条 has no "
                              f"item {ref.item}", "expected_articles")

    def corrections(self, incidents: list[Incident]) -> None:
        count = Counter(i.corrects for i in self.records.incidents.values() if i.corrects)
        for incident in incidents:
            if incident.corrects is None:
                continue
            target = self.ref("incidents", incident.id, "incidents", incident.corrects,
                              "corrects")
            if target is None:
                continue
            if incident.corrects == incident.id:
                self.fail("incidents", incident.id, "an incident cannot correct itself",
                          "corrects")
            if target.organ != incident.organ:
                self.fail("incidents", incident.id, f"corrects {target.id!r} of organ "
                          f"{target.organ!r}; a correction stays with its organ", "corrects")
            if count[incident.corrects] > 1:
                self.fail("incidents", incident.id, f"{incident.corrects!r} is corrected more "
                          "than once; correct the latest version instead", "corrects")


def load_records(
    paths: Iterable[Path],
    existing: RecordSet | None = None,
    *,
    now: datetime | None = None,
    article_items: Mapping[str, int | None] | None = None,
) -> BatchPlan:
    """Read and validate record files in one step (see read_records, validate_batch)."""
    return validate_batch(read_records(paths), existing, now=now, article_items=article_items)


def relation_pairs(records: RecordSet, kind: RelationKind) -> list[tuple[str, str]]:
    return [(r.subject, r.object) for r in records.relations.values() if r.kind == kind]
