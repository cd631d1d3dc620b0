"""Which regulations lay questions are answered by: a prior fitted on training questions.

Over LawRefBook, half of STARD's answers lie in 民法典 and most of the rest in a few dozen laws
and interpretations; of ~1,400 regulations, most never answer a lay question. Both retrievers
rank articles by words and meaning alone, so an article of a 部门规章 that shares the question's
words outranks the 民法典 article that answers it. The prior adds what the training questions
show: for each regulation, log((answers + 1) / (answers expected from its size + 1)), scaled to
[0, 1] over the corpus (add-one smoothing keeps unseen regulations ordered by size, not at -inf).

Regulations the fit did not see (a law added later) fall back to the prior of their category
(the corpus folder). Regulations without a category (the seed regulations, any corpus outside
LawRefBook's layout) get 0: the prior says nothing about them.

Fitted by ``bench/search_fit_prior.py`` on ``stard_train.jsonl``, which also measures it by
cross-validation (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.names import normalize_title

PRIOR_FILE = Path(__file__).parent / "data" / "answer_prior.json"


@dataclass(frozen=True)
class AnswerPrior:
    """Prior in [0, 1] per regulation (normalised title) and, as a fallback, per category."""

    regulations: Mapping[str, float] = field(default_factory=dict)
    categories: Mapping[str, float] = field(default_factory=dict)

    def of(self, title: str, category: str) -> float:
        if not category:
            return 0.0
        return self.regulations.get(normalize_title(title), self.categories.get(category, 0.0))

    def to_json(self, comment: str) -> str:
        payload = {"_comment": comment, "categories": dict(sorted(self.categories.items())),
                   "regulations": dict(sorted(self.regulations.items()))}
        return json.dumps(payload, ensure_ascii=False, indent=1) + "\n"

    @classmethod
    def load(cls, path: Path = PRIOR_FILE) -> AnswerPrior:
        """The fitted prior; an empty one (no effect) if the file does not exist."""
        try:
            raw = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            return cls()
        return cls({k: float(v) for k, v in raw.get("regulations", {}).items()},
                   {k: float(v) for k, v in raw.get("categories", {}).items()})


@cache
def answer_prior() -> AnswerPrior:
    return AnswerPrior.load()


def _scaled_log_ratio(answers: Counter[str], sizes: Mapping[str, int]) -> dict[str, float]:
    """log((answers + 1) / (expected + 1)) per group, scaled to [0, 1]."""
    total_size, total_answers = sum(sizes.values()), sum(answers.values())
    raw = {
        group: math.log((answers[group] + 1) / (size / total_size * total_answers + 1))
        for group, size in sizes.items()
    }
    low, high = min(raw.values()), max(raw.values())
    span = high - low if high > low else 1.0
    return {group: round((value - low) / span, 4) for group, value in raw.items()}


def fit_prior(
    regulations: Iterable[tuple[str, str, int]], answer_titles: Iterable[str]
) -> AnswerPrior:
    """Fit on ``regulations`` (title, category, article count) and the regulation title of each
    gold answer of the training questions. Only regulations with a category take part."""
    sizes: Counter[str] = Counter()
    category_sizes: Counter[str] = Counter()
    category_of: dict[str, str] = {}
    for title, category, articles in regulations:
        if category:
            key = normalize_title(title)
            sizes[key] += articles
            category_sizes[category] += articles
            category_of[key] = category
    answers: Counter[str] = Counter()
    category_answers: Counter[str] = Counter()
    for title in answer_titles:
        key = normalize_title(title)
        if key in category_of:
            answers[key] += 1
            category_answers[category_of[key]] += 1
    if not sizes or not answers:
        return AnswerPrior()
    return AnswerPrior(_scaled_log_ratio(answers, sizes),
                       _scaled_log_ratio(category_answers, category_sizes))
