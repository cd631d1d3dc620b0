"""The real engine (real model, real search index) on the development set: every quote of
every output is verbatim in the seed, at least three provisions each with the top article's
other items, and floors a little under the measured figures (docs/legal-model.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from liuhen.assessment import Assessor
from liuhen.assessment.evaluation import Situation, evaluate, read_lines
from liuhen.assessment.rules import Basis
from tests.conftest import SEED_FILE, need

DEV = REPO_ROOT / "data/eval/situations.jsonl"


@pytest.fixture(scope="module")
def situations() -> list[Situation]:
    if not DEV.exists():
        pytest.skip("data/eval/situations.jsonl is not written yet")
    return read_lines(Path(DEV), Situation)


def test_every_quote_on_the_dev_set_is_in_the_seed(full_assessor: Assessor,
                                                   situations: list[Situation]) -> None:
    seed = need(SEED_FILE).read_text("utf-8")
    for situation in situations:
        result = full_assessor.assess(situation.query)
        assert len(result.provisions) >= 3
        top = result.provisions[0]
        if top.item is not None:
            article = full_assessor.book.article(
                Basis(regulation=top.alias, article=top.article))  # type: ignore[arg-type]
            items = {i.number for p in article.paragraphs for i in p.items}
            listed = {p.item for p in result.provisions
                      if (p.alias, p.article) == (top.alias, top.article)}
            assert items <= listed, situation.id
        claims = [*result.provisions, *result.duties, *result.obligations,
                  *result.liability, *result.protections]
        for claim in claims:
            quote = getattr(claim, "quote", None) or claim.basis.quote  # type: ignore[union-attr]
            assert quote and quote in seed, (situation.id, quote)


def test_dev_set_floors(full_assessor: Assessor, situations: list[Situation]) -> None:
    seed = "\n".join(r.body() for r in full_assessor.book.regulations.values())
    figures = evaluate(situations, lambda s: full_assessor.assess(s.query),
                       full_assessor.book, seed).figures()
    assert figures["quote_coverage"] == 1.0
    assert figures["verdict_accuracy"] >= 0.75, figures
    assert figures["top1_article"] >= 0.75, figures
    assert figures["lawful_called_violation"] <= 0.10, figures
    assert figures["duty_precision"] >= 0.80, figures
