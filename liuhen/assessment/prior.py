"""The learned priors: what the labelled situations most like these words were about (the
article, the item of a list) and which verdict they had. Each is a multinomial logistic
regression over the TF-IDF of the text's character 1- to 3-grams, fitted by
``bench/assess_fit.py --write`` on every read situation set (data/eval/README.md) and stored as
``data/legal/article_prior.json``, ``item_prior.json`` and ``verdict_prior.json``.

They only order provisions, name the regime when the words name nobody the regulations govern,
and withhold a verdict the rules doubt (liuhen/assessment/doubt.py); they never make a verdict,
a duty or a quote (those stay with the rules).

The fit uses scikit-learn's ``TfidfVectorizer(analyzer="char", sublinear_tf=True)``; the
features are computed here the same way (lower case, runs of white space made one space, every
n-gram counted, 1 + log of the count, times the n-gram's idf, scaled to unit length; n-grams the
fit did not keep are ignored), so that serving needs no scikit-learn;
``tests/liuhen/assessment/test_verdict_prior.py`` checks the two agree. Characters rather than
the e5 sentence vector that search uses: across whole held-out sets they told the articles,
items and verdicts apart far better (docs/benchmarks.md, "session 37" and "session 38").
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core.errors import InputError
from core.settings import REPO_ROOT

PRIOR_FILE = REPO_ROOT / "data/legal/article_prior.json"  # classes R1-8, R3-5 ...
# which item of a list a situation is about (R1-8-1 ...), for search to name the item where no
# rule does (ranking.ITEM_PRIOR_SHARE)
ITEM_PRIOR_FILE = REPO_ROOT / "data/legal/item_prior.json"
LONGEST_NGRAM_ALLOWED = 8
_WHITE_SPACE = re.compile(r"\s\s+")


class NgramPrior:
    """``probabilities(text)`` -> {class: probability} over the classes it was fitted on."""

    def __init__(self, classes: list[str], vocabulary: dict[str, int],
                 idf: npt.NDArray[np.float64], coef: npt.NDArray[np.float64],
                 intercept: npt.NDArray[np.float64], longest: int = 3,
                 meta: dict[str, object] | None = None, source: Path = PRIOR_FILE,
                 what: str = "prior") -> None:
        """``source`` and ``what``: the file the weights were read from and the prior's name,
        both named by any error."""
        if not classes or coef.shape != (len(classes), len(idf)) or \
                intercept.shape != (len(classes),) or len(vocabulary) != len(idf) or \
                not 1 <= longest <= LONGEST_NGRAM_ALLOWED:
            raise InputError(f"{what}: weights do not match its classes and n-grams",
                             file=source)
        self.classes = classes
        self.vocabulary = vocabulary
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.longest = longest
        self.meta = meta or {}

    def features(self, text: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
        """The text's TF-IDF vector, sparse: the columns and their values."""
        columns, values = [], []
        for gram, count in gram_counts(text, self.longest):
            column = self.vocabulary.get(gram)
            if column is not None:
                columns.append(column)
                values.append((1.0 + math.log(count)) * float(self.idf[column]))
        weights = np.asarray(values, dtype=np.float64)
        norm = float(np.linalg.norm(weights))
        return np.asarray(columns, dtype=np.int64), (weights / norm if norm > 0 else weights)

    def probabilities(self, text: str) -> dict[str, float]:
        columns, values = self.features(text)
        logits = self.coef[:, columns] @ values + self.intercept
        logits -= logits.max()
        weights = np.exp(logits)
        weights /= weights.sum()
        return {c: float(p) for c, p in zip(self.classes, weights, strict=True)}

    def to_json(self) -> dict[str, object]:
        grams = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        return {"model": "char n-gram tf-idf, logistic regression", "longest": self.longest,
                "classes": self.classes, "ngrams": grams,
                "idf": [round(float(x), 5) for x in self.idf],
                "intercept": [round(float(x), 5) for x in self.intercept],
                "coef": [[round(float(x), 5) for x in row] for row in self.coef],
                **({"meta": self.meta} if self.meta else {})}

    @classmethod
    def from_json(cls, raw: dict[str, object], source: Path = PRIOR_FILE,
                  what: str = "prior") -> NgramPrior:
        try:
            grams = [str(g) for g in raw["ngrams"]]  # type: ignore[attr-defined]
            meta = raw.get("meta") or {}
            return cls([str(c) for c in raw["classes"]],  # type: ignore[attr-defined]
                       {g: i for i, g in enumerate(grams)},
                       np.asarray(raw["idf"], dtype=np.float64),
                       np.asarray(raw["coef"], dtype=np.float64),
                       np.asarray(raw["intercept"], dtype=np.float64),
                       int(raw["longest"]),  # type: ignore[call-overload]
                       meta if isinstance(meta, dict) else {}, source, what)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"{what}: {error}", file=source) from error


@lru_cache(maxsize=32)
def gram_counts(text: str, longest: int) -> tuple[tuple[str, int], ...]:
    """Every character n-gram of the text (1 to ``longest``) with its count, after the fit's
    normalisation (lower case, runs of white space made one). Cached: the engine reads the same
    words with all three priors."""
    text = _WHITE_SPACE.sub(" ", text.lower())
    counts = Counter(text[i:i + n] for n in range(1, longest + 1)
                     for i in range(len(text) - n + 1))
    return tuple(counts.items())


def read_weights(path: Path, what: str) -> dict[str, object] | None:
    """A learned model's file as a JSON object, or None when it is absent; InputError naming
    ``what`` and the file if it is unreadable."""
    if not path.exists():
        return None
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise InputError(f"cannot read the {what}: {error}", file=path) from error
    if not isinstance(raw, dict):
        raise InputError(f"the {what} is not a JSON object", file=path)
    return raw


@cache
def load_prior(path: Path = PRIOR_FILE, what: str = "prior") -> NgramPrior | None:
    """The fitted prior in ``path``, or None when the file is absent. InputError if it is
    unreadable."""
    raw = read_weights(path, what)
    return None if raw is None else NgramPrior.from_json(raw, path, what)


def regime_weights(probabilities: dict[str, float]) -> dict[str, float]:
    """The prior summed per regulation: {"R1": .., "R2": .., "R3": ..}."""
    out: dict[str, float] = {}
    for article, p in probabilities.items():
        alias = article.split("-")[0]
        out[alias] = out.get(alias, 0.0) + p
    return out
