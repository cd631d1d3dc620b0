"""BM25 over pre-tokenised units, through bm25s (Lucene's variant of the scoring function)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import bm25s
import numpy as np
import numpy.typing as npt


class BM25Index:
    """A bm25s index whose documents were split by our own tokenizer."""

    def __init__(self, retriever: bm25s.BM25, size: int) -> None:
        self._retriever = retriever
        self.size = size

    @classmethod
    def build(
        cls, documents: Sequence[Sequence[str]], *, k1: float = 1.2, b: float = 0.75
    ) -> BM25Index:
        """Index token lists (one per document, in unit order)."""
        retriever = bm25s.BM25(k1=k1, b=b, method="lucene")
        # An empty document still needs a token so bm25s keeps every row.
        corpus = [list(tokens) if tokens else [""] for tokens in documents]
        # bm25s numbers the tokens in the order of a Python set, which string hashing (seeded
        # anew in every process) changes: two processes building the same units would write
        # different vocabularies, and a reader that met one's vocabulary with the other's
        # matrix (search children saving one index at once, SearchIndex.save) would score the
        # wrong words. Numbered in sorted order, every build of the same units is the same.
        vocabulary = {token: i for i, token in enumerate(sorted({t for d in corpus for t in d}))}
        token_ids = [[vocabulary[token] for token in tokens] for tokens in corpus]
        retriever.index((token_ids, vocabulary), show_progress=False)
        return cls(retriever, len(corpus))

    def scores(self, query_tokens: Sequence[str]) -> npt.NDArray[np.float32]:
        """BM25 score of every document; tokens the index has never seen count for nothing."""
        known = [t for t in query_tokens if t and t in self._retriever.vocab_dict]
        if not known:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self._retriever.get_scores(known), dtype=np.float32)

    def save(self, folder: Path) -> None:
        self._retriever.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> BM25Index:
        retriever = bm25s.BM25.load(str(folder), mmap=False, show_progress=False, verbosity=0)
        return cls(retriever, size)


def sibling_bm25(
    query_tokens: Sequence[str], documents: Sequence[Sequence[str]], *, k1: float = 1.2,
    b: float = 0.75,
) -> npt.NDArray[np.float32]:
    """BM25 (Lucene's idf) of each of a few ``documents`` with the statistics of those documents
    alone: a word every sibling has (the subject the items of one list share) weighs almost
    nothing, a word one item alone has weighs most. Used to tell the items of one article
    apart; their passages all repeat the article's opening line, so the index's own BM25 scores
    them mostly by that line."""
    n = len(documents)
    scores = np.zeros(n, dtype=np.float32)
    if n == 0:
        return scores
    average = sum(len(d) for d in documents) / n or 1.0
    frequency = Counter(t for d in documents for t in set(d))
    wanted = [t for t in query_tokens if t in frequency]
    for j, document in enumerate(documents):
        counts, length = Counter(document), len(document)
        for token in wanted:
            f = counts.get(token, 0)
            if f:
                idf = math.log(1 + (n - frequency[token] + 0.5) / (frequency[token] + 0.5))
                scores[j] += idf * f * (k1 + 1) / (f + k1 * (1 - b + b * length / average))
    return scores
