"""Reporting routes: who must be told about an incident, by whom, by when, on what basis.

The rules live in ``data/reporting_rules.json`` (the setting ``reporting_rules_file``) and
map conditions on an incident's facts to hops. This module only computes the facts (who
intervened, how the organs stand to each other) and resolves each hop's endpoints by
walking the organ graph: an organ's same-level party committee, that committee's 政法委,
纪委监委 and 组织部门, the organ's superior, the party organisation that manages a leading
cadre, an organ's internal 纪检监察部门.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from core.errors import InputError, NotFoundError
from core.settings import get_settings
from ingest.models import ArticleNumber, Regulation
from ingest.records import (
    JUDICIAL_KINDS,
    Actor,
    ActorKind,
    ArticleRef,
    Incident,
    Organ,
    OrganKind,
    RecordSet,
    RelationKind,
)

DISCIPLINE_UNIT = "纪检监察部门"
# Articles that permit what they describe (R3-6 only with approval, see facts()).
LAWFUL_ARTICLES = frozenset({"R1-3", "R2-4", "R2-5"})
PROHIBITING_ARTICLES = frozenset({"R1-8", "R2-9", "R3-5", "R3-7"})
COUNTERPART_KINDS = frozenset({ActorKind.PARTY, ActorKind.LAWYER, ActorKind.SPECIAL_RELATION,
                               ActorKind.INTERMEDIARY})


class Basis(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    regulation: str
    article: int
    paragraph: int | None = None
    item: int | None = None

    @property
    def label(self) -> str:
        text = f"{self.regulation} {ArticleNumber(number=self.article).label}"
        if self.paragraph:
            text += f"第{'一二三四五六七八九十'[self.paragraph - 1]}款"
        if self.item:
            text += f"第（{'一二三四五六七八九十'[self.item - 1]}）项"
        return text


class HopRule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    from_: str
    to: str
    action: str
    deadline: str
    basis: Basis

    def __init__(self, **data: Any) -> None:
        if "from" in data:
            data["from_"] = data.pop("from")
        super().__init__(**data)


class Rule(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    when: dict[str, Any]
    hops: tuple[HopRule, ...]


class Deadline(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    text: str
    quarter_end: bool = False
    days: int | None = None
    months: int | None = None
    from_: str | None = None

    def __init__(self, **data: Any) -> None:
        if "from" in data:
            data["from_"] = data.pop("from")
        super().__init__(**data)

    def due(self, incident: Incident) -> date | None:
        if self.quarter_end:
            return quarter_end(incident.recorded_at.date())
        start = getattr(incident, self.from_ or "recorded_at").date()
        if self.days is not None:
            return start + timedelta(days=self.days)
        if self.months is not None:
            return add_months(start, self.months)
        return None


class RuleBook(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    deadlines: dict[str, Deadline]
    rules: tuple[Rule, ...]

    @classmethod
    def from_file(cls, path: Path) -> RuleBook:
        """Raises InputError naming the file when it is not a valid rule book."""
        try:
            raw = json.loads(path.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise InputError(f"cannot read the reporting rules: {error}", file=path) from error
        raw = {k: v for k, v in raw.items() if k in {"deadlines", "rules"}}
        try:
            book = cls.model_validate(raw)
        except ValueError as error:
            raise InputError(f"invalid reporting rules: {error}", file=path) from error
        for rule in book.rules:
            for hop in rule.hops:
                if hop.deadline not in book.deadlines:
                    raise InputError(f"rule {rule.id}: unknown deadline {hop.deadline!r}",
                                     file=path)
                for end in (hop.from_, hop.to):
                    if end not in ENDPOINTS:
                        raise InputError(f"rule {rule.id}: unknown endpoint {end!r}", file=path)
        return book


@cache
def rules_from_file(path: Path) -> RuleBook:
    """The rule book in ``path``, read once per process."""
    return RuleBook.from_file(path)


def default_rules() -> RuleBook:
    """The rule book the settings name (``reporting_rules_file``)."""
    return rules_from_file(get_settings().reporting_rules_file)


def quarter_end(day: date) -> date:
    month = ((day.month - 1) // 3 + 1) * 3
    return date(day.year, month, calendar.monthrange(day.year, month)[1])


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


# ---------------------------------------------------------------- the organ graph


class OrganGraph:
    """Walks of the organ hierarchy over a record set."""

    def __init__(self, records: RecordSet) -> None:
        self.records = records
        self._beside: dict[tuple[str, OrganKind], Organ] = {}
        for organ in records.organs.values():
            if organ.party_committee:
                self._beside.setdefault((organ.party_committee, organ.kind), organ)

    def organ(self, organ_id: str | None) -> Organ | None:
        return None if organ_id is None else self.records.organs.get(organ_id)

    def beside(self, organ: Organ, kind: OrganKind) -> Organ | None:
        """The organ of ``kind`` under the same party committee (同级).

        For a 党委 that is the committee itself.
        """
        if organ.party_committee is None:
            return None
        if kind == OrganKind.PARTY_COMMITTEE:
            return self.organ(organ.party_committee)
        return self._beside.get((organ.party_committee, kind))

    def ancestors(self, organ: Organ) -> list[Organ]:
        """The superior, its superior, and so on."""
        out: list[Organ] = []
        current = self.organ(organ.superior)
        while current is not None and current not in out:
            out.append(current)
            current = self.organ(current.superior)
        return out


@dataclass(frozen=True)
class Endpoint:
    """One end of a hop: an organ, an organ's internal unit, or a person."""

    label: str
    organ: str | None = None
    unit: str | None = None
    person: str | None = None
    resolved: bool = True

    def as_dict(self) -> dict[str, Any]:
        return {"label": self.label, "organ": self.organ, "unit": self.unit,
                "person": self.person, "resolved": self.resolved}


@dataclass
class _Context:
    incident: Incident
    records: RecordSet
    graph: OrganGraph
    leader: Actor | None
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def handling(self) -> Organ:
        organ = self.graph.organ(self.incident.organ)
        assert organ is not None  # validated on ingest
        return organ

    def actor(self, actor_id: str | None) -> Actor | None:
        return None if actor_id is None else self.records.actors.get(actor_id)


def _organ_end(organ: Organ | None, missing: str, unit: str | None = None) -> Endpoint:
    if organ is None:
        return Endpoint(label=f"{missing}（不在数据中）", resolved=False)
    return Endpoint(label=organ.name + (unit or ""), organ=organ.id, unit=unit)


def _discipline_of(ctx: _Context, organ: Organ | None, missing: str) -> Endpoint:
    """A party committee's discipline organ is the same-level 纪委监委; any other organ's is
    its internal 纪检监察部门."""
    if organ is not None and organ.kind == OrganKind.PARTY_COMMITTEE:
        commission = ctx.graph.beside(organ, OrganKind.DISCIPLINE_COMMISSION)
        if commission is not None:
            return _organ_end(commission, missing)
    return _organ_end(organ, missing, DISCIPLINE_UNIT)


def _handler(ctx: _Context) -> Endpoint:
    person = ctx.actor(ctx.incident.handler or ctx.incident.recorded_by)
    if person is None:
        return Endpoint(label="办案人员", organ=ctx.incident.organ, resolved=False)
    return Endpoint(label=f"{person.name}（{person.position or '办案人员'}）", organ=person.organ,
                    person=person.id)


def _handler_organ(ctx: _Context) -> Organ | None:
    person = ctx.actor(ctx.incident.handler)
    return ctx.graph.organ(person.organ) if person else ctx.handling


def _manager(ctx: _Context) -> Organ | None:
    if ctx.leader is None:
        return None
    if ctx.leader.managed_by:
        return ctx.graph.organ(ctx.leader.managed_by)
    organ = ctx.graph.organ(ctx.leader.organ)
    return None if organ is None else ctx.graph.beside(organ, OrganKind.PARTY_COMMITTEE)


def _intervener_organ(ctx: _Context) -> Organ | None:
    person = ctx.actor(ctx.incident.intervener)
    return None if person is None else ctx.graph.organ(person.organ)


def _reporter(ctx: _Context) -> Endpoint:
    name = ctx.incident.reporter or "举报人（匿名）"
    return Endpoint(label=f"举报人 {name}" if ctx.incident.reporter else name)


ENDPOINTS: dict[str, Any] = {
    "handler": _handler,
    "case_file": lambda ctx: Endpoint(label="案卷（全程留痕）", organ=ctx.incident.organ,
                                      unit="案卷"),
    "handling_organ": lambda ctx: _organ_end(ctx.handling, "办案机关"),
    "handling_discipline": lambda ctx: _organ_end(ctx.handling, "办案机关", DISCIPLINE_UNIT),
    "handler_organ": lambda ctx: _organ_end(_handler_organ(ctx), "司法人员所在单位"),
    "handler_discipline": lambda ctx: _organ_end(_handler_organ(ctx), "司法人员所在单位",
                                                 DISCIPLINE_UNIT),
    "political_legal_committee": lambda ctx: _organ_end(
        ctx.graph.beside(ctx.handling, OrganKind.POLITICAL_LEGAL_COMMITTEE), "同级党委政法委"),
    "party_committee": lambda ctx: _organ_end(
        ctx.graph.beside(ctx.handling, OrganKind.PARTY_COMMITTEE), "同级党委"),
    "discipline_commission": lambda ctx: _organ_end(
        ctx.graph.beside(ctx.handling, OrganKind.DISCIPLINE_COMMISSION), "同级纪检监察机关"),
    "organisation_department": lambda ctx: _organ_end(
        ctx.graph.beside(ctx.handling, OrganKind.ORGANISATION_DEPARTMENT), "同级党委组织部门"),
    "superior_judicial_organ": lambda ctx: _organ_end(
        ctx.graph.organ(ctx.handling.superior), "上级司法机关"),
    "managing_party_organisation": lambda ctx: _organ_end(_manager(ctx), "管理该领导干部的党组织"),
    "managing_discipline": lambda ctx: _discipline_of(ctx, _manager(ctx),
                                                      "负有干部管理权限的机关"),
    "intervener_organ": lambda ctx: _organ_end(_intervener_organ(ctx), "干预人员所在单位"),
    "intervener_discipline": lambda ctx: _organ_end(_intervener_organ(ctx), "干预人员所在司法机关",
                                                    DISCIPLINE_UNIT),
    "reporter": _reporter,
}


# ---------------------------------------------------------------- facts


def article_keys(articles: Sequence[ArticleRef]) -> set[str]:
    return {a.key for a in articles} | {a.article_key for a in articles}


def regime_of(incident: Incident, records: RecordSet) -> tuple[str | None, Actor | None]:
    """R1, R2 or R3 for the intervener, and the leading cadre R1 is about (the instigator when
    staff or relatives acted for one)."""
    intervener = records.actors.get(incident.intervener)
    if intervener is None:
        return None, None
    kinds = set(intervener.kinds)
    organ = records.organs.get(intervener.organ or "")
    insider = ActorKind.JUDICIAL_INSIDER in kinds or (
        organ is not None and organ.kind in JUDICIAL_KINDS
        and not kinds & COUNTERPART_KINDS)
    if insider:
        return "R2", intervener
    if ActorKind.LEADING_CADRE in kinds:
        return "R1", intervener
    instigator = records.actors.get(incident.instigator or "")
    if instigator is not None and ActorKind.LEADING_CADRE in instigator.kinds:
        return "R1", instigator
    if kinds & {ActorKind.STAFF, ActorKind.RELATIVE} and not kinds & COUNTERPART_KINDS:
        for relation in records.relations.values():
            if relation.subject == intervener.id and relation.kind in {
                RelationKind.STAFF_OF, RelationKind.RELATIVE
            }:
                boss = records.actors.get(relation.object)
                if boss is not None and ActorKind.LEADING_CADRE in boss.kinds:
                    return "R1", boss
    if kinds & COUNTERPART_KINDS:
        return "R3", None
    return None, None


def facts(
    incident: Incident, records: RecordSet, articles: Sequence[ArticleRef]
) -> dict[str, Any]:
    """The facts the rule book's conditions read (see the 'facts' section of the file)."""
    graph = OrganGraph(records)
    regime, leader = regime_of(incident, records)
    keys = article_keys(articles)
    approved_contact = "R3-6" in keys and incident.approved is True
    lawful = bool(keys) and all(
        a.article_key in LAWFUL_ARTICLES or (a.article_key == "R3-6" and approved_contact)
        for a in articles)
    out: dict[str, Any] = {
        "regime": regime,
        "articles": keys,
        "lawful": lawful,
        "violation": bool(keys & PROHIBITING_ARTICLES)
        or ("R3-6" in keys and incident.approved is not True),
        "channel": str(incident.channel),
        "origin": str(incident.origin),
        "outside_workplace": incident.at_workplace is False,
        "approved": incident.approved,
        "via_staff_or_relative": regime == "R1" and leader is not None
        and leader.id != incident.intervener,
        "r2_case": None,
        "manager": None,
        "handler_elsewhere": False,
    }
    handler = records.actors.get(incident.handler or "")
    out["handler_elsewhere"] = handler is not None and handler.organ != incident.organ
    handling = graph.organ(incident.organ)
    intervener = records.actors.get(incident.intervener)
    if regime == "R2" and handling is not None and intervener is not None:
        organ = graph.organ(intervener.organ)
        if organ is not None and organ.id == handling.id:
            is_leader = ActorKind.LEADING_CADRE in intervener.kinds and not intervener.retired
            out["r2_case"] = "own_leader" if is_leader else "own_staff"
        elif organ is not None and organ in graph.ancestors(handling):
            out["r2_case"] = "superior"
        else:
            out["r2_case"] = "unrelated"
    if regime == "R1" and handling is not None and leader is not None:
        ctx = _Context(incident, records, graph, leader)
        manager = _manager(ctx)
        committee = graph.beside(handling, OrganKind.PARTY_COMMITTEE)
        if manager is None or committee is None or manager.id == committee.id:
            out["manager"] = "same_level"
        elif manager in graph.ancestors(committee):
            out["manager"] = "superior_party_committee"
        else:
            out["manager"] = "other_party_organisation"
    return out


def matches(when: Mapping[str, Any], known: Mapping[str, Any]) -> bool:
    for name, wanted in when.items():
        value = known.get(name)
        allowed = wanted if isinstance(wanted, list) else [wanted]
        if isinstance(value, set | frozenset | list | tuple):
            if not set(value) & set(allowed):
                return False
        elif value not in allowed:
            return False
    return True


# ---------------------------------------------------------------- routes


@dataclass(frozen=True)
class Hop:
    step: int
    rule: str
    sender: Endpoint
    recipient: Endpoint
    action: str
    deadline: str
    due: date | None
    basis: Basis
    quote: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {"step": self.step, "rule": self.rule, "from": self.sender.as_dict(),
                "to": self.recipient.as_dict(), "action": self.action,
                "deadline": self.deadline, "due": self.due.isoformat() if self.due else None,
                "basis": {**self.basis.model_dump(), "label": self.basis.label},
                "quote": self.quote}


@dataclass(frozen=True)
class Route:
    incident: str
    facts: dict[str, Any]
    hops: tuple[Hop, ...]

    def as_dict(self) -> dict[str, Any]:
        shown = {k: sorted(v) if isinstance(v, set) else v for k, v in self.facts.items()}
        return {"incident": self.incident, "facts": shown,
                "hops": [h.as_dict() for h in self.hops]}


def route(
    incident: Incident,
    records: RecordSet,
    articles: Sequence[ArticleRef] | None = None,
    *,
    rules: RuleBook | None = None,
    regulations: Mapping[str, Regulation] | None = None,
) -> Route:
    """Every hop the rule book requires for one incident, in rule order.

    ``articles`` are the applicable articles (default: the incident's expected ones);
    ``regulations`` (alias -> Regulation) fill each hop with the words of its basis.
    Raises NotFoundError when the incident's organ is not among the records.
    """
    if incident.organ not in records.organs:
        raise NotFoundError(f"organ {incident.organ!r} of incident {incident.id!r} is unknown")
    rules = rules or default_rules()
    chosen = list(incident.expected_articles if articles is None else articles)
    known = facts(incident, records, chosen)
    _, leader = regime_of(incident, records)
    ctx = _Context(incident, records, OrganGraph(records), leader, known)
    hops: list[Hop] = []
    for rule in rules.rules:
        if not matches(rule.when, known):
            continue
        for hop_rule in rule.hops:
            deadline = rules.deadlines[hop_rule.deadline]
            hops.append(Hop(
                step=len(hops) + 1, rule=rule.id,
                sender=ENDPOINTS[hop_rule.from_](ctx), recipient=ENDPOINTS[hop_rule.to](ctx),
                action=hop_rule.action, deadline=deadline.text, due=deadline.due(incident),
                basis=hop_rule.basis, quote=_quote(hop_rule.basis, regulations),
            ))
    return Route(incident=incident.id, facts=known, hops=tuple(hops))


def _quote(basis: Basis, regulations: Mapping[str, Regulation] | None) -> str:
    if not regulations or basis.regulation not in regulations:
        return ""
    try:
        article = regulations[basis.regulation].article(ArticleNumber(number=basis.article))
    except KeyError:
        return ""
    if basis.paragraph is None or basis.paragraph > len(article.paragraphs):
        return article.text
    paragraph = article.paragraphs[basis.paragraph - 1]
    if basis.item is not None and basis.item <= len(paragraph.items):
        return paragraph.text + paragraph.items[basis.item - 1].line
    return paragraph.text


def due_within(hop: Hop, today: datetime) -> int | None:
    """Days left until the hop is due (negative: overdue), None when it has no date."""
    return None if hop.due is None else (hop.due - today.date()).days
