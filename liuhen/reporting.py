"""Reporting routes: the assessment engine's duties for one incident, laid onto the organ graph.

Each duty of the engine (``liuhen.assessment``) names its bearer and recipient in the text's
own words (同级党委政法委, 上级司法机关, 本单位纪检监察部门, 干预人员所在司法机关纪检监察部门 …).
This module only finds the organ, unit or person those words mean for the incident, in the
records: the handling organ's superior and same-level organs, the intervener's organ and the
organ that manages them, the officer approached, the named reporter. What the records do not
hold is marked unknown (``resolved: false``), never invented. A deadline is the text's own
(三日内 from the contact, 一个月内 from acceptance); 每季度, 及时 and 全程 are timing, not dates.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from ingest.records import Actor, Incident, Organ, OrganKind, RecordSet
from liuhen.assessment import Assessment
from liuhen.assessment.models import Duty
from liuhen.records.legal import cadre_behind
from liuhen.records.views import BasisView, EndpointView, HopView

DISCIPLINE_UNIT = "纪检监察部门"
UNKNOWN = "（记录中未载明）"
_CHINESE = "一二三四五六七八九十"


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def basis_label(alias: str, article: int, paragraph: int | None, item: int | None,
                paragraphs: int = 1) -> str:
    """R1 第七条第二款, R1 第七条第一款 (when the article has several), R2 第八条第（三）项."""
    from ingest.models import ArticleNumber

    text = f"{alias} {ArticleNumber(number=article).label}"
    if paragraph and (paragraph > 1 or (paragraphs > 1 and not item)):
        text += f"第{_CHINESE[paragraph - 1]}款"
    if item:
        text += f"第（{_CHINESE[item - 1]}）项"
    return text


@dataclass
class _Context:
    incident: Incident
    records: RecordSet

    def organ(self, organ_id: str | None) -> Organ | None:
        return None if organ_id is None else self.records.organs.get(organ_id)

    def actor(self, actor_id: str | None) -> Actor | None:
        return None if actor_id is None else self.records.actors.get(actor_id)

    @property
    def handling(self) -> Organ | None:
        return self.organ(self.incident.organ)

    @property
    def officer(self) -> Actor | None:
        return self.actor(self.incident.handler)

    @property
    def intervener(self) -> Actor | None:
        return self.actor(self.incident.intervener)

    def beside(self, organ: Organ | None, kind: OrganKind) -> Organ | None:
        """The organ of ``kind`` under the same party committee (同级); a 党委 for 党委."""
        if organ is None or organ.party_committee is None:
            return None
        if kind == OrganKind.PARTY_COMMITTEE:
            return self.organ(organ.party_committee)
        return next((o for o in self.records.organs.values()
                     if o.party_committee == organ.party_committee and o.kind == kind), None)


def _organ(words: str, organ: Organ | None, unit: str | None = None) -> EndpointView:
    if organ is None:
        return EndpointView(label=words + UNKNOWN, text=words, organ=None, unit=unit,
                            person=None, resolved=False)
    return EndpointView(label=organ.name + (unit or ""), text=words, organ=organ.id, unit=unit,
                        person=None, resolved=True)


def _discipline(words: str, ctx: _Context, organ: Organ | None) -> EndpointView:
    """A party committee's discipline organ is its same-level 纪委监委; any other organ's is
    its own 纪检监察部门."""
    if organ is not None and organ.kind == OrganKind.PARTY_COMMITTEE:
        commission = ctx.beside(organ, OrganKind.DISCIPLINE_COMMISSION)
        if commission is not None:
            return _organ(words, commission)
        return _organ(words, None)
    return _organ(words, organ, DISCIPLINE_UNIT)


def _officer(words: str, ctx: _Context) -> EndpointView:
    person = ctx.officer
    if person is None:
        return EndpointView(label=words + UNKNOWN, text=words, organ=ctx.incident.organ,
                            unit=None, person=None, resolved=False)
    return EndpointView(label=f"{person.name}（{person.position or words}）", text=words,
                        organ=person.organ, unit=None, person=person.id, resolved=True)


def _manager(ctx: _Context) -> Organ | None:
    """The organ the records name as managing the intervener (or the cadre behind them)."""
    person = ctx.intervener
    cadre = cadre_behind(ctx.incident, ctx.records)
    for actor in (cadre, person):
        if actor is not None and actor.managed_by:
            return ctx.organ(actor.managed_by)
    return None


def _officer_organ(ctx: _Context) -> Organ | None:
    person = ctx.officer
    return ctx.organ(person.organ) if person is not None else ctx.handling


def _intervener_organ(ctx: _Context) -> Organ | None:
    person = ctx.intervener
    return None if person is None else ctx.organ(person.organ)


def _reporter(words: str, ctx: _Context) -> EndpointView:
    if ctx.incident.reporter:
        return EndpointView(label=f"举报人 {ctx.incident.reporter}", text=words, organ=None,
                            unit=None, person=None, resolved=True)
    return EndpointView(label=words + UNKNOWN, text=words, organ=None, unit=None, person=None,
                        resolved=False)


def _judicial_manager(words: str, ctx: _Context) -> EndpointView:
    organ = _manager(ctx)
    return _organ(words, organ if organ is not None and organ.kind not in {
        OrganKind.PARTY_COMMITTEE} else None)


def _jurisdiction(words: str, ctx: _Context) -> EndpointView:
    officer_organ = _officer_organ(ctx)
    if officer_organ is not None and officer_organ.id != ctx.incident.organ:
        return _organ(words, officer_organ, DISCIPLINE_UNIT)
    return _organ(words, None, DISCIPLINE_UNIT)


Resolver = Callable[[str, _Context], EndpointView]

#: The text's words for a bearer or recipient -> who that is for one incident.
ENDPOINTS: dict[str, Resolver] = {
    "司法人员": _officer,
    "办案人员": _officer,
    "司法机关": lambda w, c: _organ(w, c.handling),
    "党委政法委": lambda w, c: _organ(w, c.beside(c.handling,
                                                  OrganKind.POLITICAL_LEGAL_COMMITTEE)),
    "同级党委政法委": lambda w, c: _organ(w, c.beside(c.handling,
                                                      OrganKind.POLITICAL_LEGAL_COMMITTEE)),
    "上级司法机关": lambda w, c: _organ(w, c.organ(c.handling.superior) if c.handling else None),
    "同级党委": lambda w, c: _organ(w, c.beside(c.handling, OrganKind.PARTY_COMMITTEE)),
    "上级党委": lambda w, c: _organ(w, _manager(c)),
    "其他党组织": lambda w, c: _organ(w, _manager(c)),
    "纪检监察部门（本机关）": lambda w, c: _organ(w, c.handling, DISCIPLINE_UNIT),
    "纪检监察部门": lambda w, c: _organ(w, c.handling, DISCIPLINE_UNIT),
    "本单位纪检监察部门": lambda w, c: _organ(w, _officer_organ(c), DISCIPLINE_UNIT),
    "办案单位所属司法机关纪检监察部门": lambda w, c: _organ(w, c.handling, DISCIPLINE_UNIT),
    "干预人员所在司法机关纪检监察部门": lambda w, c: _organ(w, _intervener_organ(c),
                                                            DISCIPLINE_UNIT),
    "负有干部管理权限的机关纪检监察部门": lambda w, c: _discipline(w, c, _manager(c)),
    "负有干部管理权限的司法机关": _judicial_manager,
    "有管辖权的纪检监察部门": _jurisdiction,
    "举报人": _reporter,
    # R1 第七条第二款 同时抄送: the 政法委's same-level organs.
    "纪检监察机关": lambda w, c: _organ(w, c.beside(c.handling, OrganKind.DISCIPLINE_COMMISSION)),
    "党委组织部门": lambda w, c: _organ(w, c.beside(c.handling,
                                                    OrganKind.ORGANISATION_DEPARTMENT)),
}
_COPIES = re.compile(r"抄送([^）)]+)")


def endpoint(words: str | None, ctx: _Context) -> EndpointView | None:
    """None when the text names nobody (a passive duty, or no recipient)."""
    if words is None:
        return None
    resolver = ENDPOINTS.get(words)
    if resolver is None:
        return EndpointView(label=words + UNKNOWN, text=words, organ=None, unit=None,
                            person=None, resolved=False)
    return resolver(words, ctx)


def due_date(duty: Duty, incident: Incident) -> tuple[date | None, str | None]:
    """The date a deadline of the text falls on, and from what it runs: 三日内 from the
    contact (R3 第七条), 一个月内 from acceptance (R3 第十条: the report's recording)."""
    if duty.deadline == "三日内":
        return incident.occurred_at.date() + timedelta(days=3), "接触之日"
    if duty.deadline == "一个月内":
        return add_months(incident.recorded_at.date(), 1), "受理之日"
    return None, None


def hops(assessment: Assessment, incident: Incident, records: RecordSet,
         paragraphs: Callable[[str, int], int] = lambda alias, article: 1) -> list[HopView]:
    """One hop per duty and recipient (a duty to 同级党委政法委、上级司法机关 is two hops);
    ``paragraphs`` says how many paragraphs an article has (for its label)."""
    ctx = _Context(incident, records)
    out: list[HopView] = []
    for duty in assessment.duties:
        quoted = duty.basis
        basis = BasisView(regulation=quoted.alias, article=quoted.article,
                          paragraph=quoted.paragraph, item=quoted.item,
                          label=basis_label(quoted.alias, quoted.article, quoted.paragraph,
                                            quoted.item,
                                            paragraphs(quoted.alias, quoted.article)),
                          quote=quoted.quote)
        key = f"{quoted.alias}-{quoted.article}" + (
            f"-{quoted.item}" if quoted.item else
            f"-{quoted.paragraph}" if quoted.paragraph and quoted.paragraph > 1 else "")
        due, due_from = due_date(duty, incident)
        copied = _COPIES.search(duty.action)
        copies = [e for e in (endpoint(w, ctx) for w in copied.group(1).split("、"))
                  if e is not None] if copied and copied.group(1) in quoted.quote else []
        recipients: list[str | None] = (
            list(duty.recipient.split("、")) if duty.recipient else [None])
        for recipient in recipients:
            out.append(HopView.model_validate({
                "step": len(out) + 1, "rule": key, "from": endpoint(duty.bearer, ctx),
                "to": endpoint(recipient, ctx), "action": duty.action,
                "deadline": duty.deadline, "due": due, "due_from": due_from,
                "timing": duty.timing, "copies": copies, "basis": basis,
                "quote": quoted.quote}))
    return out
