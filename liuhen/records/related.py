"""Incidents like a given one, answered by the graph store's own indexes: the vector index
over each incident's e5 embedding, the full-text index over its words, and the incidents
that share its interveners (or their relatives and staff), officer, case, organ or stored
provisions, fused by reciprocal rank. No record set is read: each source is one bounded
query, and only the answer's incidents are read whole.

``index_incident`` writes what the two indexes hold, once per recorded incident;
``related_incidents`` answers ``RecordsService.related``.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from core.errors import InputError, NotFoundError
from graph import queries
from graph.store import GraphStore
from ingest.records import Incident, RelationKind
from liuhen.records.views import RelatedIncident, RelatedIncidents
from search.embeddings import Embedder
from search.tokenizer import ChineseTokenizer

Embed = Callable[[str], list[float]]

#: Most incidents an answer lists, and most each source proposes (every input bounded).
MAX_TOP = 50
CANDIDATES = 50
#: Longest text indexed or embedded (an incident's request and description are shorter).
MAX_TEXT = 20_000
#: Most words kept on an incident (the full-text index's document).
MAX_WORDS = 400
#: Reciprocal rank constant: rank r of a ranked source counts (K + 1) / (K + r) of its weight,
#: so a source's first hit counts its whole weight and the tenth about half of it.
RANK_CONSTANT = 10
CIRCLE_KINDS = (str(RelationKind.RELATIVE), str(RelationKind.STAFF_OF))


@dataclass(frozen=True)
class Source:
    """One list of neighbours: its weight in the fusion and how an answer explains it.
    ``ranked``: the order counts; otherwise every member shares the first rank."""

    weight: float
    reason: str
    ranked: bool


VECTOR = Source(0.5, "similar description", ranked=True)
WORDS = Source(0.5, "shared words", ranked=True)
SAME_INTERVENER = Source(1.0, "same intervener", ranked=False)
CIRCLE = Source(0.6, "intervener's relative or staff", ranked=False)
SAME_HANDLER = Source(0.3, "same officer approached", ranked=False)
SAME_CASE = Source(0.5, "same case", ranked=False)
SAME_ORGAN = Source(0.2, "same organ", ranked=False)
SAME_PROVISIONS = 0.5  # weight of sharing stored provisions (i.provisions), among candidates


def incident_text(incident: Incident) -> str:
    """What an incident is indexed by: what was asked or done, then its description."""
    return f"{incident.request}。{incident.description}"


def incident_words(text: str) -> str:
    """``text`` as jieba words (search mode, stop words and punctuation dropped) joined by
    single spaces, each word once: FalkorDB's full-text tokenizer does not segment Chinese,
    so the index is given words it only has to split at spaces."""
    words: list[str] = []
    seen: set[str] = set()
    for token in _tokenizer()(text[:MAX_TEXT]):
        for word in re.findall(r"\w+", token):
            if word not in seen:
                seen.add(word)
                words.append(word)
    return " ".join(words[:MAX_WORDS])


@cache
def _tokenizer() -> ChineseTokenizer:
    return ChineseTokenizer()


def passage_embed(embedder: Embedder) -> Embed:
    """``embed`` for index_incident from an Embedder: the text as an e5 passage
    ("passage: " prepended by the model's prompt)."""
    def embed(text: str) -> list[float]:
        return [float(x) for x in embedder.embed_passages([text])[0]]
    return embed


def _vector(values: Sequence[float]) -> list[float]:
    vector = [float(x) for x in values]
    if not vector or not all(math.isfinite(x) for x in vector):
        raise InputError("an embedding is a non-empty list of finite numbers", field="embedding")
    return vector


def index_incident(store: GraphStore, incident_id: str, text: str,
                   embed: Embed | None) -> None:
    """Write the incident's words and (when ``embed`` is given) its embedding onto its node,
    which the indexes of graph/related_index.py pick up. Call it after the incident is
    recorded; again with the same text changes nothing. Derived data only: the hash chain
    covers the incident's payload, not these properties. NotFoundError when no such incident
    is stored."""
    text = text[:MAX_TEXT]
    words = incident_words(text)
    if embed is None:
        found = store.write(queries.SET_INCIDENT_WORDS, {"incident_id": incident_id,
                                                         "words": words})
    else:
        found = store.write(queries.set_vector_statement(store.backend),
                            {"incident_id": incident_id, "vector": _vector(embed(text)),
                             "words": words})
    if not found:
        raise NotFoundError(f"no incident {incident_id!r}")


#: Incidents written per statement by index_incidents.
INDEX_BATCH = 500


def index_incidents(store: GraphStore, items: Sequence[tuple[str, str, Sequence[float]]]) -> int:
    """Write many incidents' words and embeddings at once: ``(incident_id, text, vector)``
    each, the vector already computed (e.g. ``embed_passages`` over a batch). For a backfill
    of incidents recorded before the indexes existed, or a bulk load. How many were found."""
    written = 0
    statement = queries.set_vectors_statement(store.backend)
    for start in range(0, len(items), INDEX_BATCH):
        rows = [{"id": incident_id, "words": incident_words(text[:MAX_TEXT]),
                 "vector": _vector(vector)}
                for incident_id, text, vector in items[start:start + INDEX_BATCH]]
        found = store.write(statement, {"rows": rows})
        written += int(found[0]["written"]) if found else 0
    return written


@dataclass
class _Fusion:
    scores: dict[str, float] = field(default_factory=dict)
    reasons: dict[str, list[str]] = field(default_factory=dict)

    def add(self, source: Source, ids: Sequence[str]) -> None:
        for rank, incident_id in enumerate(dict.fromkeys(ids), start=1):
            counted = rank if source.ranked else 1
            share = source.weight * (RANK_CONSTANT + 1) / (RANK_CONSTANT + counted)
            self.scores[incident_id] = self.scores.get(incident_id, 0.0) + share
            reason = f"{source.reason} (#{rank})" if source.ranked else source.reason
            self.reasons.setdefault(incident_id, []).append(reason)

    def boost(self, incident_id: str, weight: float, reason: str) -> None:
        self.scores[incident_id] = self.scores.get(incident_id, 0.0) + weight
        self.reasons.setdefault(incident_id, []).append(reason)

    def best(self, top: int) -> list[str]:
        return sorted(self.scores, key=lambda i: (-self.scores[i], i))[:top]


def _ids(rows: list[dict[str, Any]]) -> list[str]:
    return [str(row["id"]) for row in rows]


def _payload(value: object) -> dict[str, Any]:
    try:
        found = json.loads(str(value))
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def _target_vector(target: dict[str, Any], embed: Embed | None) -> list[float] | None:
    if target.get("embedding"):
        return _vector(target["embedding"])
    if embed is None:
        return None
    payload = _payload(target.get("payload"))
    text = f"{payload.get('request', '')}。{payload.get('description', '')}"
    return _vector(embed(text[:MAX_TEXT]))


def related_incidents(store: GraphStore, incident_id: str, *, top: int = 5,
                      embed: Embed | None = None) -> RelatedIncidents:
    """The ``top`` current incidents most like ``incident_id`` (not its own versions), each
    with the reasons it was found. The incident's stored embedding is the query vector;
    ``embed`` (passage embedding) is used only when it has none. Raises NotFoundError for an
    unknown incident and InputError for ``top`` outside 1..MAX_TOP."""
    if not 1 <= top <= MAX_TOP:
        raise InputError(f"top is 1..{MAX_TOP}", field="top")
    rows = store.read(queries.RELATED_TARGET, {"incident_id": incident_id})
    if not rows:
        raise NotFoundError(f"no incident {incident_id!r}")
    target = rows[0]
    excluded = sorted({incident_id, *(target.get("versions") or [])})
    backend = store.backend
    fusion = _Fusion()
    # Ask a little beyond the candidates: the index may answer the excluded versions.
    k = CANDIDATES + len(excluded)

    vector = _target_vector(target, embed)
    if vector is not None:
        found = store.read(queries.by_vector_statement(backend),
                           queries.index_parameters(backend, vector=True)
                           | {"k": k, "vector": vector, "excluded": excluded})
        fusion.add(VECTOR, _ids(found)[:CANDIDATES])
    words = str(target.get("words") or "").split()
    if not words:
        payload = _payload(target.get("payload"))
        words = incident_words(f"{payload.get('request', '')}。"
                               f"{payload.get('description', '')}").split()
    text_query = queries.words_query(backend, words)
    if text_query:
        found = store.read(queries.by_words_statement(backend),
                           queries.index_parameters(backend, vector=False)
                           | {"query": text_query, "k": CANDIDATES, "excluded": excluded})
        fusion.add(WORDS, _ids(found))

    people = [p for p in (target.get("intervener"), target.get("instigator")) if p]
    bounded = {"excluded": excluded, "k": CANDIDATES}
    if people:
        same = _ids(store.read(queries.RELATED_BY_INTERVENERS,
                               {"actor_ids": people} | bounded))
        fusion.add(SAME_INTERVENER, same)
        circle = [c for c in _ids(store.read(queries.RELATED_CIRCLE, {
            "actor_ids": people, "kinds": list(CIRCLE_KINDS), "k": CANDIDATES}))
            if c not in people]
        if circle:
            by_circle = _ids(store.read(queries.RELATED_BY_INTERVENERS,
                                        {"actor_ids": circle} | bounded))
            fusion.add(CIRCLE, [i for i in by_circle if i not in set(same)])
    if target.get("handler"):
        fusion.add(SAME_HANDLER, _ids(store.read(
            queries.RELATED_BY_HANDLER, {"actor_id": target["handler"]} | bounded)))
    same_case = _ids(store.read(queries.RELATED_BY_CASE,
                                {"case_id": target["case"]} | bounded))
    fusion.add(SAME_CASE, same_case)
    # As before: an incident of the same case is not counted again for its organ.
    fusion.add(SAME_ORGAN, [i for i in _ids(store.read(
        queries.RELATED_BY_ORGAN, {"organ_id": target["organ"]} | bounded))
        if i not in set(same_case)])

    provisions = set(target.get("provisions") or [])
    if provisions and fusion.scores:
        for row in store.read(queries.RELATED_PROVISIONS, {"ids": sorted(fusion.scores)}):
            shared = provisions & set(row.get("provisions") or [])
            if shared:
                fusion.boost(str(row["id"]), SAME_PROVISIONS,
                             "same articles " + ", ".join(sorted(shared)))
    return RelatedIncidents(incident=incident_id, related=_answer(store, fusion, top))


def _answer(store: GraphStore, fusion: _Fusion, top: int) -> list[RelatedIncident]:
    """The best ``top`` incidents, read whole (request and time come from the payload)."""
    best = fusion.best(top)
    details = {str(row["id"]): _payload(row.get("payload"))
               for row in store.read(queries.RELATED_DETAILS, {"ids": best})}
    out = []
    for incident_id in best:
        payload = details.get(incident_id, {})
        if "occurred_at" not in payload:
            continue  # unreadable payload: the chain verification reports it
        out.append(RelatedIncident(
            incident=incident_id, score=round(fusion.scores[incident_id], 4),
            reasons=fusion.reasons[incident_id], request=str(payload.get("request", "")),
            occurred_at=payload["occurred_at"]))
    return out
