"""The one seam between the pages and the assessment engine.

The engine (package ``liuhen.assessment``, ``POST /assess``) is built on another branch. Its
answer has the shape of :class:`Assessment`; until it is merged, :func:`assess_situation`
and :func:`assess_incident` fill that shape from the search and classifier services we have
(provisions only, verdict ``undetermined``, every other list empty). To switch, make these two
functions call the engine and map its output into :class:`Assessment` (or return it as it is,
if it validates): the templates render every field of the shape already.
"""

from __future__ import annotations

import time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from api.state import Services
from ingest.records import RecordSet
from liuhen.article_search import search_articles

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


class Basis(_Open):
    regulation: str
    article: int
    paragraph: int | None = None
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


class Protection(_Open):
    regulation: str
    article: int
    paragraph: int | None = None
    quote: str = ""


class Assessment(_Open):
    provisions: list[Provision] = Field(default_factory=list)
    verdict: Verdict = "undetermined"
    missing_facts: list[str] = Field(default_factory=list)
    duties: list[Duty] = Field(default_factory=list)
    obligations: list[Duty] = Field(default_factory=list)
    liability: list[Liability] = Field(default_factory=list)
    protections: list[Protection] = Field(default_factory=list)
    reasons: list[str] = Field(default_factory=list)
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


def assess_situation(services: Services, text: str, *, regulations: list[str] | None = None,
                     top: int = 6) -> Assessment:
    """What applies to a situation told in words. Today: the hybrid search (restricted to
    ``regulations``, named as people name them), each hit a provision."""
    ids = [services.regulations.find_regulation(name).id for name in regulations or []]
    hits = search_articles(services.search.get(), text, top=top, regulation_ids=ids)
    names = regulation_names(services)
    return Assessment(
        provisions=[Provision(regulation=names.get(h.regulation_id, h.regulation_id),
                              article=h.article, paragraph=h.paragraph, item=h.item,
                              score=h.score, quote=h.text) for h in hits],
        reasons=[],
        source="search",
    )


def assess_incident(services: Services, records: RecordSet, incident_id: str, *,
                    top: int = 5) -> Assessment:
    """What applies to a recorded incident. Today: the article classifier's ranking."""
    found = services.records.applicable_articles(incident_id, top=top)
    return Assessment(
        provisions=[Provision(regulation=a.regulation, article=a.article, item=a.item,
                              score=a.score, quote=a.text) for a in found.articles],
        reasons=[f"{a.label}：{a.reason}" for a in found.articles[:1]],
        source="classifier",
    )


def incident_verdict(incident_id: str) -> Verdict:
    """The verdict the incident list filters on. Today every incident is ``undetermined``
    (the engine decides; the classifier does not)."""
    return "undetermined"
