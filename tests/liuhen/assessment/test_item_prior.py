"""The learned item prior names which item of a list a search hit stands for; a rule's finding
keeps the item its rule names. The seed units and texts are the real ones (data/regulations);
the scores are set by hand so that search alone and the prior disagree."""

from __future__ import annotations

import numpy as np
import pytest

from liuhen.assessment import ranking
from liuhen.assessment.ranking import SeedUnits, rank
from liuhen.assessment.rules import Basis, Rulebook
from liuhen.assessment.verdict import Finding, Findings
from tests.conftest import SEED_FILE, need

# R1 第八条's five items, then R1 第三条 and R3 第五条第（一）项 as other candidates
BASES = [Basis(regulation="R1", article=8, paragraph=1, item=n) for n in range(1, 6)] + [
    Basis(regulation="R1", article=3), Basis(regulation="R3", article=5, paragraph=1, item=1)]
# search puts item (一) first and item (四) close behind
FUSED = np.asarray([0.9, 0.1, 0.1, 0.8, 0.1, 0.3, 0.2], dtype=np.float32)
ARTICLES = {"R1-8": 0.9, "R1-3": 0.05, "R3-5": 0.05}
ITEMS = {"R1-8-1": 0.02, "R1-8-2": 0.02, "R1-8-3": 0.02, "R1-8-4": 0.9, "R1-8-5": 0.02,
         "R3-5-1": 0.02}


def _units() -> SeedUnits:
    return SeedUnits(np.arange(len(BASES), dtype=np.int64), list(BASES))


def _first(book: Rulebook, findings: Findings,
           items: dict[str, float] | None) -> tuple[tuple[str, int, int | None], str]:
    provisions = rank(book, findings, _units(), FUSED, prior=ARTICLES, item_prior=items)
    top = provisions[0]
    return (top.alias, top.article, top.item), top.quote


def test_search_alone_names_the_item_it_scores_highest(book: Rulebook) -> None:
    assert _first(book, Findings([], set()), None)[0] == ("R1", 8, 1)


def test_the_item_prior_names_the_item_of_the_list_it_was_fitted_to(book: Rulebook) -> None:
    key, quote = _first(book, Findings([], set()), ITEMS)
    assert key == ("R1", 8, 4)
    # the item's own words, verbatim in the seed
    assert quote in need(SEED_FILE).read_text("utf-8")
    assert quote in book.unit_text(BASES[3]) and quote not in book.unit_text(BASES[0])


def test_the_share_of_the_item_prior_decides_against_search(
        book: Rulebook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ranking, "ITEM_PRIOR_SHARE", 0.0)
    assert _first(book, Findings([], set()), ITEMS)[0] == ("R1", 8, 1)


def test_a_rule_finding_keeps_its_item_whatever_the_item_prior(book: Rulebook) -> None:
    findings = Findings([Finding("R1-8-1", "violation", because=["plead"])], set())
    assert _first(book, findings, ITEMS)[0] == ("R1", 8, 1)


def test_a_prior_that_knows_none_of_the_list_leaves_search_its_choice(book: Rulebook) -> None:
    assert _first(book, Findings([], set()), {"R3-5-1": 1.0})[0] == ("R1", 8, 1)


def test_a_search_hit_on_a_findings_provision_carries_its_status(book: Rulebook) -> None:
    # the words met no conduct: a fallback finding on item (四), which the item prior also
    # names for search's top hit; the provision keeps the finding's status and quote (the
    # summaries and stored annotations read a regulation's status from rule provisions)
    findings = Findings([Finding("R1-8-4", "undetermined", ["行为是否属于违法干预司法活动"],
                                 weak=True)], set())
    provisions = rank(book, findings, _units(), FUSED, prior=ARTICLES, item_prior=ITEMS)
    top = provisions[0]
    assert (top.alias, top.article, top.item) == ("R1", 8, 4)
    assert (top.status, top.source) == ("undetermined", "rule")
    assert top.quote == book.provision("R1-8-4").quote
    assert sum(1 for p in provisions if (p.alias, p.article, p.item) == ("R1", 8, 4)) == 1


def test_of_two_findings_on_one_list_the_item_prior_puts_its_item_first(book: Rulebook) -> None:
    # both violations (the verdict is the findings'); the prior says the situation is about (四)
    findings = Findings([Finding("R1-8-1", "violation", because=["plead"]),
                         Finding("R1-8-4", "violation", because=["directive"])], set())
    assert _first(book, findings, ITEMS)[0] == ("R1", 8, 4)
    assert _first(book, findings, None)[0] == ("R1", 8, 1)  # without it, the findings' order
    provisions = rank(book, findings, _units(), FUSED, prior=ARTICLES, item_prior=ITEMS)
    assert {p.status for p in provisions[:2]} == {"violation"}
