"""A learned prior over the seed articles: multinomial logistic regression on the situation's
sentence embedding (the search index's own e5 query vector, computed once per assessment).

It only orders provisions and names the regime when the words name nobody the regulations
govern; it never makes a verdict, a duty or a quote (those stay with the rules). The weights are
``data/legal/article_prior.json``, fitted by ``bench/assess_fit.py`` on the situation sets we
wrote (data/eval/situations*.jsonl); the file names the embedder whose vectors it was fitted on
and is used only with that embedder.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from core.errors import InputError
from core.settings import REPO_ROOT

PRIOR_FILE = REPO_ROOT / "data/legal/article_prior.json"
# The same model over items (R1 第八条第（一）项 ... ): which item of a list a situation is about,
# for search to name the item where no rule does (ranking.ITEM_PRIOR_SHARE)
ITEM_PRIOR_FILE = REPO_ROOT / "data/legal/item_prior.json"


class ArticlePrior:
    """``probabilities(vector)`` -> {"R1-8": 0.71, ...} over the articles it was fitted on."""

    def __init__(self, embedder: str, classes: list[str], coef: npt.NDArray[np.float32],
                 intercept: npt.NDArray[np.float32], meta: dict[str, object] | None = None,
                 source: Path = PRIOR_FILE) -> None:
        """``source``: the file the weights were read from, named by any error."""
        if coef.ndim != 2 or coef.shape[0] != len(classes) or \
                intercept.shape != (len(classes),):
            raise InputError("prior: weights do not match its classes", file=source)
        self.embedder = embedder
        self.classes = classes
        self.coef = coef
        self.intercept = intercept
        self.meta = meta or {}

    @property
    def dimension(self) -> int:
        return int(self.coef.shape[1])

    def probabilities(self, vector: npt.NDArray[np.float32]) -> dict[str, float]:
        logits = self.coef @ vector.astype(np.float32) + self.intercept
        logits -= logits.max()
        weights = np.exp(logits)
        weights /= weights.sum()
        return {c: float(p) for c, p in zip(self.classes, weights, strict=True)}

    def to_json(self) -> dict[str, object]:
        return {"embedder": self.embedder, "classes": self.classes,
                "intercept": [round(float(x), 5) for x in self.intercept],
                "coef": [[round(float(x), 5) for x in row] for row in self.coef],
                **({"meta": self.meta} if self.meta else {})}

    @classmethod
    def from_json(cls, raw: dict[str, object], source: Path = PRIOR_FILE) -> ArticlePrior:
        try:
            classes = [str(c) for c in raw["classes"]]  # type: ignore[attr-defined]
            coef = np.asarray(raw["coef"], dtype=np.float32)
            intercept = np.asarray(raw["intercept"], dtype=np.float32)
            meta = raw.get("meta") or {}
            return cls(str(raw["embedder"]), classes, coef, intercept,
                       meta if isinstance(meta, dict) else {}, source)
        except (KeyError, TypeError, ValueError) as error:
            raise InputError(f"prior: {error}", file=source) from error


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
def load_prior(path: Path = PRIOR_FILE) -> ArticlePrior | None:
    """The fitted prior, or None when the file is absent. InputError if it is unreadable."""
    raw = read_weights(path, "prior")
    return None if raw is None else ArticlePrior.from_json(raw, path)


def regime_weights(probabilities: dict[str, float]) -> dict[str, float]:
    """The prior summed per regulation: {"R1": .., "R2": .., "R3": ..}."""
    out: dict[str, float] = {}
    for article, p in probabilities.items():
        alias = article.split("-")[0]
        out[alias] = out.get(alias, 0.0) + p
    return out
