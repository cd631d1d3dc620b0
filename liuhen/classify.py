"""The assessment engine (``liuhen.assessment``) as the records service uses it: which
provisions apply to a recorded incident or a situation, and whether the conduct is a
violation, lawful or undetermined. Every legal answer is the engine's; this module only feeds
it the incident's words and recorded facts (liuhen/records/legal.py), keeps the answers of
unchanged incidents, and measures the ranking against reviewers' expected articles.

There is no word list here: the engine's lexicon (data/legal/lexicon.json) is written from the
regulation text and general Chinese, not from the example incidents it is measured on.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ingest.models import Regulation
from ingest.records import Incident, RecordSet
from liuhen.assessment import Assessment, Assessor
from liuhen.assessment.models import Provision
from liuhen.records.legal import assess_incident, incident_facts, incident_text
from search.index import SearchIndex

_KEEP = 4096  # assessments kept per engine (an incident's answer changes only with its facts)


def provision_key(provision: Provision) -> str:
    """R1-8-1 (article and item), R1-7 (article)."""
    return f"{provision.alias}-{provision.article}" + (
        f"-{provision.item}" if provision.item else "")


class IncidentEngine:
    """One assessment engine over a search index (None: no search, rules only), for incidents
    and situations. ``regulations``: every regulation the project holds, by any key (the seed
    ones are found by their aliases; the others tell liability which cited texts are held)."""

    def __init__(self, index: SearchIndex | None,
                 regulations: Mapping[str, Regulation]) -> None:
        self.index = index
        self.engine = Assessor.from_regulations(regulations, index)
        self._lock = threading.Lock()
        self._kept: dict[str, Assessment] = {}

    def assess(self, incident: Incident, records: RecordSet) -> Assessment:
        """The engine's answer for an incident; the same incident with the same recorded
        facts is assessed once."""
        key = json.dumps([incident.model_dump(mode="json"), incident_facts(incident, records),
                          incident_text(incident)], ensure_ascii=False, sort_keys=True)
        with self._lock:
            kept = self._kept.get(key)
        if kept is not None:
            return kept
        found = assess_incident(self.engine, incident, records)
        with self._lock:
            if len(self._kept) >= _KEEP:
                self._kept.clear()
            self._kept[key] = found
        return found



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


def measure(engine: IncidentEngine, incidents: Sequence[Incident],
            records: RecordSet) -> Accuracy:
    """Top-1 and top-3 accuracy of the engine's provisions against each incident's expected
    articles: a hit when any expected article (or, at item level, article and item) is among
    the first k."""
    scored = [i for i in incidents if i.expected_articles]
    hits = {"a1": 0, "a3": 0, "i1": 0, "i3": 0}
    misses = []
    for incident in scored:
        ranked = engine.assess(incident, records).provisions[:3]
        expected_articles = {a.article_key for a in incident.expected_articles}
        expected_items = {a.key for a in incident.expected_articles}
        got_articles = [f"{p.alias}-{p.article}" for p in ranked]
        got_items = [provision_key(p) for p in ranked]
        first = got_items[0] if got_items else "-"
        hits["a1"] += bool(got_articles) and got_articles[0] in expected_articles
        hits["a3"] += bool(set(got_articles) & expected_articles)
        hits["i1"] += first in expected_items
        hits["i3"] += bool(set(got_items) & expected_items)
        if first not in expected_items:
            misses.append((incident.id, ",".join(sorted(expected_items)), first))
    n = len(scored) or 1
    return Accuracy(len(scored), hits["a1"] / n, hits["a3"] / n, hits["i1"] / n,
                    hits["i3"] / n, tuple(misses))
