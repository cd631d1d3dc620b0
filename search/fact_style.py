"""What the case facts of every judgment share, whatever the crime, taken out of a long query
before it is scored (issue 14, session 29).

A judgment's 经审理查明 section tells a crime in one style: 被告人, dates and amounts, 公安机关,
到案后如实供述, and the closing 上述事实，有证人证言……证实. Those words and that style are most of
a 400-character fact, so both retrievers rank by them: BM25 finds 刑讯逼供 and 伪证 articles
(证言, 供述) for a theft, and much of the fact's vector is what every fact's vector shares, not
its crime. Taken out, BM25 alone found the gold article in the top 5 for 32 of the 64
held-out facts (data/eval/long_facts2.jsonl) instead of 21, dense alone for 39 instead of 35,
the fusion for 42 instead of 36 (docs/benchmarks.md, "Long case facts, session 29").

``FactStyle`` holds what was measured on a set of reference facts: the query tokens that at least
a quarter of them contain (dropped from a long query's BM25 tokens), the mean of their query
vectors per model and query shape (subtracted from a long query's vector), and the regulations
their answers lie in. Both act on the query only; an embedder without a stored mean keeps its
vector. ``bench/search_fact_style.py`` writes the file.

An index uses the long-query path (this style, and plain RRF: ``SearchIndex.article_scores``)
only where it ``fits``: where it holds a regulation the facts answer into (the 刑法, alone or
within LawRefBook). Over the seed regulations a long text is an account of an incident, not a
judgment's facts, and there the path costs (top-1 article of the 91 read situations over 200
characters, session 29: weighted fusion 54, plain RRF 40, plain RRF with the style 20).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core.errors import BackendError
from core.names import normalize_title
from search.embeddings import Embedder

STYLE_FILE = Path(__file__).parent / "data" / "fact_style.json"
Vector = npt.NDArray[np.float32]


def embedder_key(embedder: Embedder) -> str:
    """The model and the query shape a stored mean belongs to (a longer or shorter cut of a
    fact gives another vector)."""
    shape = getattr(embedder, "query_shape", None)
    return embedder.name + (f"|{shape.label}" if shape is not None else "")


@dataclass(frozen=True)
class FactStyle:
    """The style of reference case facts: tokens most of them share, and their mean vectors."""

    shared_tokens: frozenset[str] = frozenset()
    mean_vectors: dict[str, Vector] = field(default_factory=dict)
    regulations: frozenset[str] = frozenset()  # normalised titles the facts' answers lie in

    def fits(self, titles: set[str]) -> bool:
        """Whether an index of regulations titled ``titles`` holds one the facts answer into."""
        return bool(self.regulations & {normalize_title(t) for t in titles})

    def content_tokens(self, tokens: Sequence[str]) -> list[str]:
        """``tokens`` without those the reference facts share (in order, repeats kept)."""
        return [t for t in tokens if t not in self.shared_tokens]

    def centred(self, vector: Vector, key: str, share: float = 1.0) -> Vector:
        """``vector`` minus ``share`` times the reference facts' mean vector for ``key`` (the
        vector itself when no mean is stored for that model). Not normalised: only the ranking
        of passages by the dot product matters."""
        mean = self.mean_vectors.get(key)
        if mean is None or share == 0 or len(mean) != len(vector):
            return vector
        return (vector - np.float32(share) * mean).astype(np.float32)

    @classmethod
    def fit(
        cls, tokens: Sequence[Sequence[str]], key: str, vectors: Vector, min_share: float,
        regulations: Sequence[str] = (),
    ) -> FactStyle:
        """The style of the reference facts given as their query tokens and query vectors:
        tokens in at least ``min_share`` of them, the mean vector under ``key``, and the titles
        of the regulations their answers lie in."""
        counts = Counter(t for each in tokens for t in set(each))
        shared = frozenset(t for t, n in counts.items() if n >= min_share * len(tokens))
        mean = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        return cls(shared, {key: mean}, frozenset(normalize_title(r) for r in regulations))

    def to_dict(self) -> dict[str, object]:
        return {"regulations": sorted(self.regulations),
                "shared_tokens": sorted(self.shared_tokens),
                "mean_vectors": {k: [round(float(x), 6) for x in v]
                                 for k, v in self.mean_vectors.items()}}

    @classmethod
    def load(cls, path: Path = STYLE_FILE) -> FactStyle:
        """Read a file written from ``to_dict``. Raises ``BackendError`` if unreadable."""
        try:
            raw = json.loads(path.read_text("utf-8"))
            return cls(frozenset(str(t) for t in raw["shared_tokens"]),
                       {str(k): np.asarray(v, dtype=np.float32)
                        for k, v in raw["mean_vectors"].items()},
                       frozenset(str(r) for r in raw.get("regulations", [])))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise BackendError(f"fact style file {path} is unreadable: {error}") from error


@lru_cache(maxsize=1)
def shipped_fact_style() -> FactStyle:
    """The style fitted on the development facts (``search/data/fact_style.json``; none, so
    long queries are scored whole, before ``bench/search_fact_style.py fit`` has written it)."""
    return FactStyle.load(STYLE_FILE) if STYLE_FILE.is_file() else FactStyle()
