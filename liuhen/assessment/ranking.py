"""Ranking the provisions: the findings of the rules first, then the other items of the top
article, then the seed units the hybrid search (search/index.py) scores highest.

Search scores are the unit-level BM25 and dense scores of the seed regulations' articles,
paragraphs and items, each min-max scaled over those units and weighted as the index's own
fusion weights them; they are scaled below every rule finding, so search orders what the
rules leave open and never outranks a finding.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from ingest.numerals import to_chinese_number
from liuhen.assessment.facts import Facts
from liuhen.assessment.models import Provision
from liuhen.assessment.rules import Basis, Rulebook
from liuhen.assessment.verdict import Findings
from search.index import QueryScores, SearchIndex

RULE_SCORE = 1.0
SEARCH_CEILING = 0.5
MIN_PROVISIONS = 3
STATUS_ORDER = {"violation": 0, "undetermined": 1, "lawful": 2, "context": 3}


@dataclass(frozen=True)
class SeedUnits:
    """Positions of the seed regulations' units in the index, with their basis."""

    positions: npt.NDArray[np.int64]
    bases: list[Basis]

    @classmethod
    def of(cls, index: SearchIndex, book: Rulebook) -> SeedUnits:
        ids = {reg.id: alias for alias, reg in book.regulations.items()}
        positions, bases = [], []
        for position, unit in enumerate(index.units):
            alias = ids.get(unit.regulation_id)
            if alias is None or unit.article_suffix:
                continue
            positions.append(position)
            bases.append(Basis(regulation=alias, article=unit.article,  # type: ignore[arg-type]
                               paragraph=unit.paragraph, item=unit.item))
        return cls(np.asarray(positions, dtype=np.int64), bases)


def label(basis: Basis) -> str:
    text = f"第{to_chinese_number(basis.article)}条"
    if basis.paragraph is not None and basis.paragraph > 1:
        text += f"第{to_chinese_number(basis.paragraph)}款"
    if basis.item is not None:
        text += f"第（{to_chinese_number(basis.item)}）项"
    return text


def provision(book: Rulebook, basis: Basis, score: float, quote: str, status: str,
              source: str) -> Provision:
    return Provision(regulation=book.title(basis.regulation), alias=basis.regulation,
                     article=basis.article, paragraph=basis.paragraph, item=basis.item,
                     label=label(basis), score=round(score, 4), quote=quote,
                     status=status, source=source)  # type: ignore[arg-type]


def search_scores(index: SearchIndex, units: SeedUnits,
                  scores: QueryScores) -> npt.NDArray[np.float32]:
    """Fused unit scores in [0, 1] over the seed units."""
    bm25 = scores.bm25[units.positions].astype(np.float32)
    parts = [(index.config.bm25_weight, _scaled(bm25))]
    if scores.dense is not None:
        parts.append((index.config.dense_weight,
                      _scaled(scores.dense[units.positions].astype(np.float32))))
    total = sum(w for w, _ in parts)
    return np.asarray(sum(w * v for w, v in parts) / total, dtype=np.float32)


def _scaled(values: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    low, high = float(values.min()), float(values.max())
    if high - low <= 1e-9:
        return np.zeros_like(values)
    return (values - low) / (high - low)


# With the learned prior (liuhen/assessment/prior.py): a finding scores its strength plus the
# prior of its article; every other seed unit scores the prior of its article plus its search
# score. A finding decided from facts starts a whole point ahead; a fallback finding (the words
# named no conduct) does not, so a confident prior or search puts the article first. Only the
# order of the provisions follows from these weights: the verdict, the duties and the quotes
# stay the findings'.
STRENGTH = {"violation": 1.0, "lawful": 1.0, "undetermined": 0.8, "context": 0.0}
WEAK_STRENGTH = 0.0
# Lawful findings about someone else's act than the one the question turns on: 可以…举报
# (R3 第九条) says the complainant may complain, where the question is what the complaint
# alleges (the alleged item, 第十条's verification); an inquiry recorded (R2 第六条) says the
# handler's duty, where the question is whether the asking was 依照程序 or 违反规定.
BESIDE_THE_POINT = {("R3-9", "complaint"), ("R2-6", "learn_case")}
BESIDE_STRENGTH = 0.6
# A lawful finding beside a violation is another actor's act or another step (the judge who
# reported in time, where the colleague who invited him broke R2 第九条): the violation is what
# the situation turns on, and ranks first whatever the articles' priors.
BESIDE_VIOLATION_STRENGTH = 0.6
# chosen by grouped cross-validation over the read sets (session 36, with the prior fitted on
# every read set; 0.9 and 0.3 before): docs/benchmarks.md
PRIOR_WEIGHT = 1.3
SEARCH_WEIGHT = 0.6
# With the learned item prior (prior.py, ``data/legal/item_prior.json``): where search puts an
# item of an article first, which of the article's items stands for it is chosen by this share
# of the item prior (normalised over the article's items) and the rest of the items' search
# scores (min-max over the same items); findings keep the item their rule names. Chosen by
# grouped cross-validation (bench/assess_fit.py, docs/benchmarks.md "session 36").
ITEM_PRIOR_SHARE = 0.75
# A finding on an item also scores this weight times the item prior of its item: of two
# findings on items of one list (a leak and a gift, R3 第五条第（一）、（三）项) the one the
# situation is most about comes first (the verdict stays the findings'). Chosen by grouped
# cross-validation (docs/benchmarks.md "session 38": item 0.734 -> 0.780 out of author at a
# top-1 cost of 0.006; 0 to 3 measured).
FINDING_ITEM_WEIGHT = 1.0


def rank(book: Rulebook, findings: Findings, units: SeedUnits | None,
         fused: npt.NDArray[np.float32] | None, top: int = 8,
         prior: dict[str, float] | None = None,
         item_prior: dict[str, float] | None = None) -> list[Provision]:
    """Rule findings (violations, then undetermined, lawful, context), the other items of the
    top article, then search, at least ``MIN_PROVISIONS`` in all. With ``prior`` (article ->
    probability), findings and search units are ordered on one scale (see above)."""
    if prior is not None and units is not None and fused is not None:
        return _rank_with_prior(book, findings, units, fused, prior, top, item_prior)
    out: list[Provision] = []
    seen: set[tuple[str, int, int | None]] = set()

    def key(basis: Basis) -> tuple[str, int, int | None]:
        return (basis.regulation, basis.article, basis.item)

    ordered = sorted(enumerate(findings.items),
                     key=lambda pair: (STATUS_ORDER[pair[1].status], pair[0]))
    for position, finding in ordered:
        rule = book.provision(finding.rule)
        if key(rule.basis) in seen:
            continue
        seen.add(key(rule.basis))
        score = RULE_SCORE - 0.05 * len(out)
        out.append(provision(book, rule.basis, score, rule.quote, finding.status, "rule"))
        del position
    if out and out[0].item is not None:
        top_basis = Basis(regulation=out[0].alias, article=out[0].article,  # type: ignore[arg-type]
                          paragraph=out[0].paragraph)
        article = book.article(top_basis)
        paragraph = next(p for p in article.paragraphs if p.number == (out[0].paragraph or 1))
        floor = out[-1].score
        for item in paragraph.items:
            sibling = Basis(regulation=top_basis.regulation, article=top_basis.article,
                            paragraph=paragraph.number, item=item.number)
            if key(sibling) in seen:
                continue
            seen.add(key(sibling))
            floor -= 0.01
            out.append(provision(book, sibling, max(floor, SEARCH_CEILING + 0.01),
                                 item.text, "context", "rule"))
    if units is not None and fused is not None:
        for position in np.argsort(-fused, kind="stable"):
            if len(out) >= max(top, MIN_PROVISIONS):
                break
            basis = units.bases[int(position)]
            if basis.paragraph is not None and basis.item is None and _has_items(book, basis):
                continue
            if key(basis) in seen or (basis.item is None and any(
                    k[:2] == (basis.regulation, basis.article) for k in seen)):
                continue
            seen.add(key(basis))
            text = book.unit_text(basis)
            out.append(provision(book, basis, SEARCH_CEILING * float(fused[position]),
                                 _quote(text), "search", "search"))
    return out


def _item_by_prior(units: SeedUnits, fused: npt.NDArray[np.float32], basis: Basis,
                   item_prior: dict[str, float],
                   seen: set[tuple[str, int, int | None]]) -> Basis:
    """The item of ``basis``'s list (not yet ranked) that the item prior and the items' search
    scores together put first; ``basis`` itself when the prior knows none of the list. Where a
    finding already named search's own item, the list's next most likely item takes its place
    (as cross-validated)."""
    siblings = [(position, b) for position, b in enumerate(units.bases)
                if b.item is not None and (b.regulation, b.article, b.paragraph)
                == (basis.regulation, basis.article, basis.paragraph)
                and (b.regulation, b.article, b.item) not in seen]
    learned = np.asarray([item_prior.get(f"{b.regulation}-{b.article}-{b.item}", 0.0)
                          for _, b in siblings], dtype=np.float32)
    if len(siblings) < 2 or float(learned.sum()) <= 0.0:
        return basis
    searched = _scaled(np.asarray([fused[p] for p, _ in siblings], dtype=np.float32))
    mixed = (1 - ITEM_PRIOR_SHARE) * searched + ITEM_PRIOR_SHARE * learned / learned.sum()
    return siblings[int(np.argmax(mixed))][1]


def _article_key(basis: Basis) -> str:
    return f"{basis.regulation}-{basis.article}"


def _rank_with_prior(book: Rulebook, findings: Findings, units: SeedUnits,
                     fused: npt.NDArray[np.float32], prior: dict[str, float],
                     top: int, item_prior: dict[str, float] | None = None) -> list[Provision]:
    Key = tuple[str, int, int | None]
    candidates: list[tuple[float, int, Basis, str, str, str]] = []  # score, order, ...
    violated = any(f.status == "violation" and not f.weak for f in findings.items)
    for order, finding in enumerate(findings.items):
        rule = book.provision(finding.rule)
        strength = WEAK_STRENGTH if finding.weak else STRENGTH[finding.status]
        if finding.status == "lawful" and (finding.rule, *finding.because) in BESIDE_THE_POINT:
            strength = BESIDE_STRENGTH
        elif finding.status == "lawful" and violated:
            strength = min(strength, BESIDE_VIOLATION_STRENGTH)
        score = strength + PRIOR_WEIGHT * prior.get(_article_key(rule.basis), 0.0)
        if item_prior and rule.basis.item is not None:
            score += FINDING_ITEM_WEIGHT * item_prior.get(
                f"{_article_key(rule.basis)}-{rule.basis.item}", 0.0)
        if finding.status == "context":
            score = min(score, 0.5)
        candidates.append((score, order, rule.basis, rule.quote, finding.status, "rule"))
    offset = len(candidates)
    for order, position in enumerate(np.argsort(-fused, kind="stable")):
        basis = units.bases[int(position)]
        if basis.item is None and (basis.paragraph is not None or _any_items(book, basis)):
            continue  # items stand for their article where it has items
        score = (PRIOR_WEIGHT * prior.get(_article_key(basis), 0.0)
                 + SEARCH_WEIGHT * float(fused[position]))
        candidates.append((score, offset + order, basis, _quote(book.unit_text(basis)),
                           "search", "search"))
    # a search hit on a provision a finding names stands for the finding: its status, its quote
    # (the stored annotations and the summaries read a regulation's status from rule provisions)
    found: dict[Key, tuple[str, str]] = {}
    for _, _, basis, quote, status, _ in candidates[:offset]:
        found.setdefault((basis.regulation, basis.article, basis.item), (quote, status))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    out: list[Provision] = []
    seen: set[Key] = set()
    for score, _, basis, quote, status, source in candidates:
        if len(out) >= max(top, MIN_PROVISIONS):
            break
        if source == "search" and basis.item is not None and item_prior:
            chosen = _item_by_prior(units, fused, basis, item_prior, seen)
            if chosen != basis:
                basis, quote = chosen, _quote(book.unit_text(chosen))
        key: Key = (basis.regulation, basis.article, basis.item)
        if source == "search" and key in found and key not in seen:
            (quote, status), source = found[key], "rule"
        if key in seen or (basis.item is None and any(
                k[:2] == key[:2] for k in seen)):
            continue
        seen.add(key)
        out.append(provision(book, basis, score, quote, status, source))
    if out and out[0].item is not None:  # the other items of the top article, at the end
        top_basis = Basis(regulation=out[0].alias, article=out[0].article,  # type: ignore[arg-type]
                          paragraph=out[0].paragraph)
        paragraph = next(p for p in book.article(top_basis).paragraphs
                         if p.number == (out[0].paragraph or 1))
        floor = min(p.score for p in out)
        for item in paragraph.items:
            sibling = Basis(regulation=top_basis.regulation, article=top_basis.article,
                            paragraph=paragraph.number, item=item.number)
            if (sibling.regulation, sibling.article, sibling.item) in seen:
                continue
            seen.add((sibling.regulation, sibling.article, sibling.item))
            floor = max(floor - 0.001, 0.0)
            out.append(provision(book, sibling, floor, item.text, "context", "rule"))
    return out


def _any_items(book: Rulebook, basis: Basis) -> bool:
    return any(p.items for p in book.article(basis).paragraphs)


def _has_items(book: Rulebook, basis: Basis) -> bool:
    article = book.article(basis)
    return any(p.items for p in article.paragraphs if p.number == basis.paragraph)


def _quote(text: str) -> str:
    """The unit's own words, without the 第X条 label (still a verbatim span)."""
    first = text.split("\n")[0]
    if first.startswith("第") and "条" in first[:8]:
        first = first[first.index("条") + 1:].lstrip()
    return first


# An item whose defining element the facts do not show: 第八条第（三）项 is 「授意、纵容身边工作
# 人员或者亲属为案件当事人请托说情的」, which needs a staff member or relative in the story;
# 第（二）项 and R2 第九条第（二）项 a private meeting asked for.
ELEMENT_OF: dict[tuple[str, int, int | None], str] = {
    ("R1", 8, 3): "via_staff", ("R1", 8, 2): "private_meeting", ("R2", 9, 2): "private_meeting"}


def demote_unmet_items(provisions: list[Provision], facts: Facts) -> list[Provision]:
    """A search hit on an item whose element the facts lack trades places (and scores) with
    the next search hit of the same article that has no such lack."""
    out = list(provisions)

    def unmet(p: Provision) -> bool:
        need = ELEMENT_OF.get((p.alias, p.article, p.item))
        return p.source == "search" and need is not None and not (
            getattr(facts, need, None) or need in (facts.conduct or []))

    for i, first in enumerate(out):
        if not unmet(first):
            continue
        j = next((j for j in range(i + 1, len(out)) if out[j].source == "search"
                  and (out[j].alias, out[j].article) == (first.alias, first.article)
                  and not unmet(out[j])), None)
        if j is not None:
            out[i], out[j] = (out[j].model_copy(update={"score": first.score}),
                              first.model_copy(update={"score": out[j].score}))
    return out
