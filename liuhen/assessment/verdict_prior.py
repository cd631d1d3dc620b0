"""The verdict prior: which verdict the labelled situations most like these words had, used only
to withhold a verdict of the rules (liuhen/assessment/doubt.py), never to make one.

A multinomial logistic regression over the TF-IDF of the text's character 1- to 3-grams, fitted
by ``bench/assess_fit.py --write`` on every read situation set with scikit-learn's
``TfidfVectorizer(analyzer="char", sublinear_tf=True)``. The features are computed here the same
way (lower case, runs of white space made one space, every n-gram counted, 1 + log of the count,
times the n-gram's idf, scaled to unit length; n-grams the fit did not keep are ignored), so that
serving needs no scikit-learn; ``tests/liuhen/assessment/test_verdict_prior.py`` checks the two
agree. Characters rather than words, and not the e5 vector the other priors use: across whole
held-out sets they told the verdicts apart far better (docs/benchmarks.md, "session 37").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core.errors import InputError
from core.settings import REPO_ROOT
from liuhen.assessment.prior import read_weights

VERDICT_PRIOR_FILE = REPO_ROOT / "data/legal/verdict_prior.json"
VERDICTS = ("lawful", "undetermined", "violation")
_WHITE_SPACE = re.compile(r"\s\s+")


class VerdictPrior:
    """``probabilities(text)`` -> {"lawful": .., "undetermined": .., "violation": ..}."""

    def __init__(self, classes: list[str], vocabulary: dict[str, int],
                 idf: npt.NDArray[np.float64], coef: npt.NDArray[np.float64],
                 intercept: npt.NDArray[np.float64], longest: int = 3,
                 meta: dict[str, object] | None = None,
                 source: Path = VERDICT_PRIOR_FILE) -> None:
        """``source``: the file the weights were read from, named by any error."""
        if sorted(classes) != sorted(VERDICTS) or coef.shape != (len(classes), len(idf)) or \
                intercept.shape != (len(classes),) or len(vocabulary) != len(idf) or \
                not 1 <= longest <= 8:
            raise InputError("verdict prior: weights do not match its classes and n-grams",
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
        text = _WHITE_SPACE.sub(" ", text.lower())
        counts = Counter(text[i:i + n] for n in range(1, self.longest + 1)
                         for i in range(len(text) - n + 1))
        columns, values = [], []
        for gram, count in counts.items():
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
    def from_json(cls, raw: dict[str, object],
                  source: Path = VERDICT_PRIOR_FILE) -> VerdictPrior:
        try:
            grams = [str(g) for g in raw["ngrams"]]  # type: ignore[attr-defined]
            meta = raw.get("meta") or {}
            return cls([str(c) for c in raw["classes"]],  # type: ignore[attr-defined]
                       {g: i for i, g in enumerate(grams)},
                       np.asarray(raw["idf"], dtype=np.float64),
                       np.asarray(raw["coef"], dtype=np.float64),
                       np.asarray(raw["intercept"], dtype=np.float64),
                       int(raw["longest"]),  # type: ignore[call-overload]
                       meta if isinstance(meta, dict) else {}, source)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"verdict prior: {error}", file=source) from error


@cache
def load_verdict_prior(path: Path = VERDICT_PRIOR_FILE) -> VerdictPrior | None:
    """The fitted verdict prior, or None when the file is absent. InputError if unreadable."""
    raw = read_weights(path, "verdict prior")
    return None if raw is None else VerdictPrior.from_json(raw, path)
