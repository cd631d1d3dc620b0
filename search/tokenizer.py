"""The one tokenizer for documents and queries: NFKC folding, jieba with a user dictionary built
from the regulations' own vocabulary, and a stopword list.

The user dictionary holds the role and organ names of ``ingest/vocabulary.json``, the terms the
regulations define (本规定所称X), and the behaviour phrases in ``search/data/terms.txt``; jieba
keeps each as one word, so 请托说情 or 特殊关系人 are not split into fragments that match
everywhere.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jieba

from ingest.extract import load_vocabulary
from ingest.models import Regulation

DATA_DIR = Path(__file__).with_name("data")
_WORD = re.compile(r"\w", re.UNICODE)
_USER_WORD_FREQ = 200_000  # high enough that jieba prefers the whole term to its parts


def _read_list(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text("utf-8").splitlines()
    return [s for s in (line.strip() for line in lines) if s and not s.startswith("#")]


@cache
def stopwords() -> frozenset[str]:
    """The stopword list in ``search/data/stopwords.txt``."""
    return frozenset(_read_list("stopwords.txt"))


@cache
def behaviour_terms() -> tuple[str, ...]:
    """The behaviour phrases and terms of art in ``search/data/terms.txt``."""
    return tuple(_read_list("terms.txt"))


def vocabulary_terms(regulations: Iterable[Regulation] = ()) -> list[str]:
    """User-dictionary words: vocabulary roles and organs, defined terms, behaviour phrases.

    Sorted and deduplicated, so the same corpus always gives the same dictionary.
    """
    words = set(load_vocabulary().canonical_by_surface)
    words.update(behaviour_terms())
    for regulation in regulations:
        for article in regulation.articles:
            words.update(d.term for d in article.definitions if 2 <= len(d.term) <= 12)
    return sorted(w for w in words if _WORD.search(w))


def normalize_text(text: str) -> str:
    """NFKC (full-width letters and digits to ASCII) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


class ChineseTokenizer:
    """jieba in search mode (whole words plus their dictionary sub-words), stopwords dropped.

    A callable, so bm25s takes it as its splitter. Tokens are words with at least one letter,
    digit or CJK character; punctuation, whitespace and emoji never become tokens.
    """

    def __init__(
        self, user_words: Iterable[str] = (), *, search_mode: bool = True, bigrams: bool = False
    ) -> None:
        self.user_words = tuple(sorted(set(user_words)))
        self.search_mode = search_mode
        self.bigrams = bigrams
        self._jieba = _jieba_with(self.user_words)
        self._stopwords = stopwords()

    def __call__(self, text: str) -> list[str]:
        folded = normalize_text(text)
        cut = self._jieba.cut_for_search if self.search_mode else self._jieba.cut
        tokens = [
            token
            for token in (t.strip() for t in cut(folded))
            if token and token not in self._stopwords and _WORD.search(token)
        ]
        if self.bigrams:
            tokens.extend(cjk_bigrams(folded))
        return tokens


BIGRAM_MARK = "#"
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")


def cjk_bigrams(text: str) -> list[str]:
    """Overlapping pairs of CJK characters within each run of CJK text, marked with a "#"."""
    return [
        BIGRAM_MARK + run[i : i + 2]
        for run in _CJK_RUN.findall(text)
        for i in range(len(run) - 1)
    ]


@cache
def _jieba_with(user_words: tuple[str, ...]) -> jieba.Tokenizer:
    """A private jieba instance (the global one is left alone), initialised once per word set."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for word in user_words:
        tokenizer.add_word(word, freq=_USER_WORD_FREQ)
    return tokenizer
