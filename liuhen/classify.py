"""Which articles apply to an incident: the conduct items of R1 第八条, R2 第九条, R3 第五条,
the contact rules of R3 第六条/第七条, and the lawful inquiries of R1 第三条, R2 第四条/第五条.

Each candidate is scored from three sources, and the reason names every one that counted:

- the facts in the graph: who intervened (a leading cadre from outside, an insider or
  retiree, a party, lawyer, special relation or intermediary), at whose behest, through
  which channel, from which organ relative to the handling organ, at or away from work;
- the hybrid search index (search/): BM25 and dense similarity of the incident's words to
  each candidate's text;
- everyday words for the conduct (``data/conduct_terms.json``).

Without a search index the first and last still rank (``ArticleClassifier(None, ...)``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from core.settings import get_settings
from ingest.models import ArticleNumber, Regulation
from ingest.records import ActorKind, ArticleRef, Channel, Incident, OrganKind, RecordSet
from liuhen.reporting import facts as route_facts
from liuhen.reporting import regime_of
from search.index import SearchIndex

CONDUCT = {"R1": (8, 5), "R2": (9, 5), "R3": (5, 6)}  # article, item count
LAWFUL = {"R1": (3,), "R2": (4, 5), "R3": (6,)}
CONTACT = ("R3-6", "R3-7")


@dataclass(frozen=True)
class Weights:
    """How much each source counts; the defaults were set by reasoning, then checked on the
    example incidents (see tests/liuhen/test_classify.py for the accuracy they reach)."""

    regime: float = 2.0
    text: float = 1.0
    terms: float = 1.2
    facts: float = 1.5


@dataclass(frozen=True)
class Applicable:
    article: ArticleRef
    score: float
    reason: str
    label: str
    text: str

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.article.key, **self.article.model_dump(), "score": self.score,
                "reason": self.reason, "label": self.label, "text": self.text}


@dataclass
class _Candidate:
    ref: ArticleRef
    label: str
    text: str
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)

    def add(self, points: float, reason: str) -> None:
        if points:
            self.score += points
            self.reasons.append(reason)


def candidates(regulations: Mapping[str, Regulation]) -> list[_Candidate]:
    """Every article and item the classifier chooses among, with its label and text."""
    out = []
    for alias, (number, items) in CONDUCT.items():
        article = regulations[alias].article(ArticleNumber(number=number))
        item_lines = [i for p in article.paragraphs for i in p.items]
        for item in item_lines[:items]:
            out.append(_Candidate(ArticleRef.parse(f"{alias}-{number}-{item.number}"),
                                  f"{alias} {article.label}{item.marker.strip()}", item.text))
    for alias, numbers in LAWFUL.items():
        for number in numbers:
            article = regulations[alias].article(ArticleNumber(number=number))
            out.append(_Candidate(ArticleRef.parse(f"{alias}-{number}"),
                                  f"{alias} {article.label}", article.text))
    seen = {c.ref.key for c in out}
    for key in CONTACT:
        ref = ArticleRef.parse(key)
        if ref.key not in seen:
            article = regulations[ref.regulation].article(ArticleNumber(number=ref.article))
            out.append(_Candidate(ref, f"{ref.regulation} {article.label}", article.text))
    return out


def conduct_terms(path: Path | None = None) -> dict[str, tuple[str, ...]]:
    """Everyday words per conduct item key (R1-8-1 …), from ``path`` or the file the
    settings name (``conduct_terms_file``)."""
    return _terms_from_file(path or get_settings().conduct_terms_file)


@cache
def _terms_from_file(path: Path) -> dict[str, tuple[str, ...]]:
    raw = json.loads(path.read_text("utf-8"))
    return {k: tuple(v) for k, v in raw.items() if not k.startswith("_")}


def incident_text(incident: Incident) -> str:
    return f"{incident.request}。{incident.description}".strip("。")


class ArticleClassifier:
    """Ranks the applicable articles of incidents.

    ``index`` is a search index over (at least) the three seed regulations, or None to rank
    on facts and words alone.
    """

    def __init__(
        self,
        index: SearchIndex | None,
        regulations: Mapping[str, Regulation],
        *,
        weights: Weights | None = None,
        use_terms: bool = True,
    ) -> None:
        self.index = index
        self.regulations = regulations
        self.weights = weights or Weights()
        self.terms = conduct_terms() if use_terms else {}
        self._units = self._candidate_units() if index is not None else {}

    def _candidate_units(self) -> dict[str, int]:
        assert self.index is not None
        ids = {alias: regulation.id for alias, regulation in self.regulations.items()}
        wanted = {c.ref.key for c in candidates(self.regulations)}
        units: dict[str, int] = {}
        for position, unit in enumerate(self.index.units):
            alias = next((a for a, rid in ids.items() if rid == unit.regulation_id), None)
            if alias is None or unit.article_suffix:
                continue
            key = f"{alias}-{unit.article}" + (f"-{unit.item}" if unit.item else "")
            if key in wanted and (unit.item is not None or unit.paragraph is None):
                units.setdefault(key, position)
        return units

    def classify(self, incident: Incident, records: RecordSet, top: int = 5) -> list[Applicable]:
        """The ``top`` candidates, best first, each with its score and reason."""
        pool = candidates(self.regulations)
        self._score_facts(pool, incident, records)
        self._score_terms(pool, incident)
        if self.index is not None:
            self._score_text(pool, incident)
        pool.sort(key=lambda c: (-c.score, c.ref.key))
        return [
            Applicable(c.ref, round(c.score, 4), "; ".join(c.reasons) or "no signal", c.label,
                       c.text)
            for c in pool[:top]
        ]

    # ------------------------------------------------------------------ the three sources

    def _score_facts(self, pool: list[_Candidate], incident: Incident,
                     records: RecordSet) -> None:
        w = self.weights
        regime, leader = regime_of(incident, records)
        known = route_facts(incident, records, [])
        intervener = records.actors.get(incident.intervener)
        organ = records.organs.get(intervener.organ or "") if intervener else None
        who = {
            "R1": "a leading cadre outside the judicial organs"
            + (f" ({leader.name}) acting through staff or relatives"
               if known["via_staff_or_relative"] and leader is not None else ""),
            "R2": "an insider of a judicial organ" + (" (retired)" if intervener
                                                       and intervener.retired else ""),
            "R3": "a party, lawyer, special relation or intermediary in contact with a "
                  "judicial officer",
        }
        lawful = {f"{alias}-{n}" for alias, numbers in LAWFUL.items() for n in numbers}
        for c in pool:
            if regime is not None and c.ref.regulation == regime:
                # A permission needs evidence of its own; the regime alone favours conduct.
                share = 0.75 if c.ref.key in lawful else 1.0
                c.add(w.regime * share, f"intervener is {who[regime]}")
        by_key = {c.ref.key: c for c in pool}

        def boost(key: str, points: float, reason: str) -> None:
            if key in by_key:
                by_key[key].add(points, reason)

        if regime == "R1":
            if known["via_staff_or_relative"]:
                boost("R1-8-3", w.facts, "intervener is staff or a relative of a leading cadre")
            if incident.channel == Channel.ORGANISATION_DOCUMENT or incident.in_name_of:
                boost("R1-8-4", w.facts / 2, "made in the name of an organisation")
            if organ is not None and organ.kind == OrganKind.POLITICAL_LEGAL_COMMITTEE:
                boost("R1-3", w.facts, "intervener's organ leads judicial work (党委政法委)")
        if regime == "R2":
            case = known["r2_case"]
            formal = incident.channel in {Channel.LETTER, Channel.ORGANISATION_DOCUMENT}
            if case in {"own_leader", "superior"} and intervener is not None and (
                not intervener.retired
            ):
                boost("R2-4", w.facts / 2, "intervener leads or supervises the handling organ")
                if formal:
                    boost("R2-4", w.facts / 2, "guidance given in writing")
            if case == "unrelated" and formal:
                boost("R2-5", w.facts, "another judicial organ asking in writing")
        if regime == "R3":
            if incident.approved is True:
                boost("R3-6", w.facts * 2, "contact away from work approved in advance")
            elif incident.at_workplace is False:
                boost("R3-7", w.facts / 3, "contact away from the workplace")
                if incident.approved is False:
                    boost("R3-6", w.facts / 3, "contact away from work without approval")
                if incident.origin == "本人报告":
                    boost("R3-7", w.facts / 3, "reported by the officer")
            if intervener is not None and ActorKind.INTERMEDIARY in intervener.kinds:
                boost("R3-5-5", w.facts / 2, "counterpart is an intermediary")
            if intervener is not None and ActorKind.LAWYER in intervener.kinds:
                boost("R3-5-2", w.facts / 4, "counterpart is a lawyer")

    def _score_terms(self, pool: list[_Candidate], incident: Incident) -> None:
        if not self.terms:
            return
        text = incident_text(incident)
        for c in pool:
            found = [t for t in self.terms.get(c.ref.key, ()) if t in text]
            if found:
                share = min(1.0, len(found) / 3)
                c.add(self.weights.terms * share, "words " + "、".join(found[:5]))

    def _score_text(self, pool: list[_Candidate], incident: Incident) -> None:
        assert self.index is not None
        scores = self.index.score(incident_text(incident))
        keyed = [(c, self._units.get(c.ref.key)) for c in pool]
        positions = [p for _, p in keyed if p is not None]
        if not positions:
            return
        local = np.asarray(positions)
        parts = [("BM25", scores.bm25[local])]
        if scores.dense is not None:
            parts.append(("dense", scores.dense[local]))
        combined = np.zeros(len(local), dtype=np.float64)
        for _, values in parts:
            values = values.astype(np.float64)
            spread = values.max() - values.min()
            combined += (values - values.min()) / spread if spread > 0 else 0.0
        combined /= len(parts)
        ranks = {p: r for r, p in enumerate(local[np.argsort(-combined)].tolist(), start=1)}
        by_position = dict(zip(positions, combined.tolist(), strict=True))
        names = "+".join(name for name, _ in parts)
        for c, position in keyed:
            if position is not None:
                c.add(self.weights.text * by_position[position],
                      f"search ({names}) #{ranks[position]} of {len(positions)}")


# ---------------------------------------------------------------- measuring


@dataclass(frozen=True)
class Accuracy:
    incidents: int
    top1_article: float
    top3_article: float
    top1_item: float
    top3_item: float
    misses: tuple[tuple[str, str, str], ...]  # incident, expected, predicted top-1

    def as_dict(self) -> dict[str, Any]:
        return {"incidents": self.incidents, "top1_article": self.top1_article,
                "top3_article": self.top3_article, "top1_item": self.top1_item,
                "top3_item": self.top3_item,
                "misses": [{"incident": i, "expected": e, "predicted": p}
                           for i, e, p in self.misses]}


def measure(
    classifier: ArticleClassifier, incidents: Sequence[Incident], records: RecordSet
) -> Accuracy:
    """Top-1 and top-3 accuracy against each incident's expected articles: a hit when any
    expected article (or, at item level, article and item) is among the first k."""
    scored = [i for i in incidents if i.expected_articles]
    hits = {"a1": 0, "a3": 0, "i1": 0, "i3": 0}
    misses = []
    for incident in scored:
        ranked = classifier.classify(incident, records, top=3)
        expected_articles = {a.article_key for a in incident.expected_articles}
        expected_items = {a.key for a in incident.expected_articles}
        got_articles = [a.article.article_key for a in ranked]
        got_items = [a.article.key for a in ranked]
        hits["a1"] += got_articles[0] in expected_articles
        hits["a3"] += bool(set(got_articles[:3]) & expected_articles)
        hits["i1"] += got_items[0] in expected_items
        hits["i3"] += bool(set(got_items[:3]) & expected_items)
        if got_items[0] not in expected_items:
            misses.append((incident.id, ",".join(sorted(expected_items)), got_items[0]))
    n = len(scored) or 1
    return Accuracy(len(scored), hits["a1"] / n, hits["a3"] / n, hits["i1"] / n,
                    hits["i3"] / n, tuple(misses))
