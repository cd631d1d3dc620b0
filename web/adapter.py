"""The one seam between the pages and the assessment engine (``liuhen.assessment``, the
same one behind ``POST /assess``, the incident views, routes and reports): its answer mapped
into the :class:`Assessment` shape the templates render, every claim with its quote.
"""

from __future__ import annotations

import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.state import Services
from liuhen.assessment import Assessment as EngineAssessment
from liuhen.assessment.models import Quoted
from web.reasons import reason_in_chinese

Verdict = Literal["violation", "lawful", "undetermined"]
VERDICT_LABELS: dict[str, str] = {"violation": "违规", "lawful": "合规",
                                  "undetermined": "尚无结论"}


class _Open(BaseModel):
    """The engine may add fields; the pages show what they know and keep the rest."""

    model_config = ConfigDict(extra="allow")


class Provision(_Open):
    regulation: str = Field(description="R1, R2, R3 or the id of another regulation")
    article: int
    paragraph: int | None = None
    item: int | None = None
    score: float = 0.0
    quote: str = ""
    status: str = Field(default="search", description="violation, lawful, undetermined, "
                        "context or search")
    label: str = ""


class Basis(_Open):
    regulation: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    quote: str = ""


class Duty(_Open):
    bearer: str = ""
    action: str = ""
    recipient: str = ""
    deadline: str = ""
    timing: str = ""
    basis: Basis | None = None


class Cite(_Open):
    title: str
    held: bool = False


class Liability(_Open):
    regulation: str
    article: int
    paragraph: int | None = None
    quote: str = ""
    cites: list[Cite] = Field(default_factory=list)
    conduct: str = ""
    consequence: str = ""
    conditional: bool = False
    condition: str = ""  # the text's own condition on the consequence, verbatim


class Protection(_Open):
    regulation: str
    article: int
    paragraph: int | None = None
    quote: str = ""
    bearer: str = ""
    action: str = ""


class Assessment(_Open):
    provisions: list[Provision] = Field(default_factory=list)
    verdict: Verdict = "undetermined"
    missing_facts: list[str] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    obligations: list[Duty] = Field(default_factory=list)
    liability: list[Liability] = Field(default_factory=list)
    protections: list[Protection] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
    regimes: list[str] = Field(default_factory=list)
    source: str = Field(default="search", description="what produced it: search, classifier, "
                        "engine")


_NAMES: dict[int, tuple[float, dict[str, str]]] = {}  # by id(store): read again after 5 min
_NAMES_SECONDS = 300.0


def regulation_names(services: Services) -> dict[str, str]:
    """Regulation id -> the name its pages use: the alias (R1, R2, R3) or the id."""
    kept = _NAMES.get(id(services.store))
    if kept is not None and time.monotonic() - kept[0] < _NAMES_SECONDS:
        return kept[1]
    names = {r.id: (r.aliases[0] if r.aliases else r.id)
             for r in services.regulations.list_regulations(limit=1000)}
    _NAMES[id(services.store)] = (time.monotonic(), names)
    return names


def from_engine(found: EngineAssessment) -> Assessment:
    """The engine's assessment in the shape the templates render; every claim keeps its
    verbatim quote."""

    def basis(q: Quoted) -> Basis:
        return Basis(regulation=q.alias, article=q.article, paragraph=q.paragraph,
                     quote=q.quote, item=q.item)

    return Assessment(
        provisions=[Provision(regulation=p.alias, article=p.article, paragraph=p.paragraph,
                              item=p.item, score=p.score, quote=p.quote, status=p.status,
                              label=p.label) for p in found.provisions],
        verdict=found.verdict, missing_facts=found.missing_facts,
        duties=[Duty(bearer=d.bearer or "（条文未指明）", action=d.action,
                     recipient=d.recipient or "", deadline=d.deadline or "",
                     timing=d.timing or "", basis=basis(d.basis)) for d in found.duties],
        obligations=[Duty(bearer=o.bearer, action=o.action, basis=basis(o.basis))
                     for o in found.obligations],
        liability=[Liability(regulation=li.basis.alias, article=li.basis.article,
                             paragraph=li.basis.paragraph, quote=li.basis.quote,
                             cites=[Cite(title=c.title, held=c.held) for c in li.cites],
                             conduct=li.conduct, consequence=li.consequence,
                             conditional=li.conditional, condition=li.condition or "")
                   for li in found.liability],
        protections=[Protection(regulation=p.basis.alias, article=p.basis.article,
                                paragraph=p.basis.paragraph, quote=p.basis.quote,
                                bearer=p.bearer, action=p.action) for p in found.protections],
        reasons=[reason_in_chinese(r) for r in found.reasons], regimes=found.regimes,
        source="engine",
    )


def assess_situation(services: Services, text: str, *, regulations: list[str] | None = None,
                     top: int = 6) -> Assessment:
    """What applies to a situation told in words: the assessment engine's answer (the
    provisions restricted to ``regulations``, named as people name them: R1, a title …)."""
    engine = services.records.classifier().engine
    wanted = {engine.book.alias_of(name) for name in regulations or []}
    found = from_engine(engine.assess(text))
    if wanted:
        found.provisions = [p for p in found.provisions if p.regulation in wanted]
    found.provisions = found.provisions[:top]
    return found


def assess_incident(services: Services, incident_id: str, *, top: int = 5) -> Assessment:
    """What applies to a recorded incident: the engine's assessment of its words and the
    facts its records hold."""
    found = from_engine(services.records.assess_incident(incident_id))
    found.provisions = found.provisions[:top]
    return found

