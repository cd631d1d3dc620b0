"""BM25 over pre-tokenised units, through bm25s (Lucene's variant of the scoring function)."""

from __future__ import annotations

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
        retriever.index(corpus, show_progress=False)
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
