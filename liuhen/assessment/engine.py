"""The assessment engine: a situation in words (and optional facts) -> provisions, verdict,
duties, obligations, liability, protections and reasons, every claim quoted from the text."""

from __future__ import annotations

from collections.abc import Mapping

from core.errors import InputError
from ingest.models import Regulation
from liuhen.assessment import consequences
from liuhen.assessment.doubt import withhold
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.facts import Extracted, Facts
from liuhen.assessment.lexicon import Lexicon, load_lexicon
from liuhen.assessment.models import Assessment, Claim, quote_of
from liuhen.assessment.open_questions import leave_open
from liuhen.assessment.prior import ITEM_PRIOR_FILE, NgramPrior, load_prior, regime_weights
from liuhen.assessment.ranking import SeedUnits, demote_unmet_items, rank, search_scores
from liuhen.assessment.rules import ALIASES, Rulebook, load_rulebook
from liuhen.assessment.verdict import Findings, judge
from liuhen.assessment.verdict_prior import load_verdict_prior
from search.index import SearchIndex, validate_query

MAX_QUERY_CHARS = 2000
REGIME_CONFIDENCE = 0.6  # the prior's weight on a regime before it re-reads the facts


class Assessor:
    """Holds the checked rules, the lexicon and (optionally) the search index; ``assess`` is
    thread-safe (it keeps no state between calls)."""

    def __init__(self, book: Rulebook, index: SearchIndex | None = None,
                 lexicon: Lexicon | None = None, prior: NgramPrior | None = None,
                 item_prior: NgramPrior | None = None,
                 verdict_prior: NgramPrior | None = None, learned: bool = True) -> None:
        """``learned=False``: the rules and search alone, without the learned priors (the
        legal-logic tests)."""
        self.book = book
        self.index = index
        self.lexicon = lexicon or load_lexicon()
        self.extractor = Extractor(self.lexicon)
        self.units = SeedUnits.of(index, book) if index is not None else None
        # each read from the words alone, with or without the search index
        self.prior = (prior or load_prior()) if learned else None
        self.item_prior = (item_prior or load_prior(ITEM_PRIOR_FILE, "item prior")) \
            if learned else None
        self.verdict_prior = (verdict_prior or load_verdict_prior()) if learned else None

    @classmethod
    def from_regulations(cls, regulations: Mapping[str, Regulation],
                         index: SearchIndex | None = None,
                         held: Mapping[str, Regulation] | None = None,
                         learned: bool = True) -> Assessor:
        """``regulations``: every regulation the project holds, by any key; the seed ones are
        found by their aliases R1, R2, R3."""
        seeds = {}
        for regulation in regulations.values():
            for alias in regulation.aliases:
                if alias in ALIASES:
                    seeds[alias] = regulation
        missing = [a for a in ALIASES if a not in seeds]
        if missing:
            raise InputError(f"the seed regulations {missing} are not loaded "
                             "(their files carry 'aliases: R1' etc.)")
        return cls(load_rulebook(seeds, held or regulations), index, learned=learned)

    def assess(self, query: str, facts: Facts | None = None,
               situation_id: str | None = None) -> Assessment:
        """Raises InputError for an empty query."""
        text = validate_query(query)[:MAX_QUERY_CHARS]
        extracted = self.extractor.extract(text)
        merged = extracted.facts.merged(facts)
        fused = None
        prior = self.prior.probabilities(text) if self.prior is not None else None
        item_prior = self.item_prior.probabilities(text) if self.item_prior is not None else None
        if self.index is not None and self.units is not None and len(self.units.positions):
            # An account of an incident is no judgment's 经审理查明, however long: scored whole,
            # as the engine's weights were chosen (the fact style is for search's case facts).
            scores = self.index.score(text, fact_style=False)
            fused = search_scores(self.index, self.units, scores)
        if not merged.regimes and prior is not None:
            # Nobody the regulations govern was named: the learned prior says whose rules
            # these are, but only the conduct found in the words can make a violation.
            weights = regime_weights(prior)
            merged = merged.model_copy(
                update={"regimes": [max(weights, key=lambda k: weights[k])]})
        elif not merged.regimes and fused is not None:
            best = self.units.bases[int(fused.argmax())] if self.units else None
            if best is not None:
                merged = merged.model_copy(update={"regimes": [best.regulation]})
        findings = judge(merged)
        if prior is not None:
            merged, findings = self._second_reading(merged, findings, prior)
        findings = leave_open(merged, findings)
        withheld = None
        if self.verdict_prior is not None and (facts is None or not facts.model_fields_set):
            # facts a caller gives are established; only the reading of words is doubted
            verdicts = self.verdict_prior.probabilities(text)
            findings, withheld = withhold(merged, findings, verdicts, len(text))
        provisions = demote_unmet_items(
            rank(self.book, findings, self.units, fused, prior=prior, item_prior=item_prior),
            merged)
        duties = consequences.duties(self.book, findings)
        obligations = consequences.obligations(self.book, findings)
        liability = consequences.liability(self.book, findings)
        protections = consequences.protections(self.book, findings)
        claims: list[Claim] = [*provisions, *duties, *obligations, *liability, *protections]
        quoted = sum(1 for c in claims if quote_of(c))
        regimes: list[str] = list(merged.regimes or [])
        for alias in ("R1", "R2", "R3"):
            # an insider who is also a 领导干部 (verdict._r1_beside_r2); a failure to record
            # read under R2 (verdict.judge): the regimes the findings were made under
            if alias not in regimes and any(f.rule.startswith(alias + "-")
                                            for f in findings.items):
                regimes.append(alias)
        return Assessment(
            id=situation_id, query=text, verdict=findings.verdict,
            missing_facts=findings.missing, actor_role=merged.actor_role,
            regimes=regimes, provisions=provisions, duties=duties,
            obligations=obligations, liability=liability, protections=protections,
            facts=merged,
            reasons=reasons(extracted, facts, findings) + ([withheld] if withheld else []),
            quote_coverage=round(quoted / len(claims), 4) if claims else 1.0,
        )

    def _second_reading(self, merged: Facts, findings: Findings,
                        prior: dict[str, float]) -> tuple[Facts, Findings]:
        """When the words met no conduct of the regime the rules read (only fallback findings)
        and the prior is confident of another regime, read the same facts under that regime;
        kept only if there the rules find the conduct."""
        if not all(f.weak or f.status == "context" for f in findings.items):
            return merged, findings
        weights = regime_weights(prior)
        best = max(weights, key=lambda k: weights[k])
        if weights[best] < REGIME_CONFIDENCE or best in (merged.regimes or []):
            return merged, findings
        other = merged.model_copy(update={"regimes": [best]})
        again = judge(other)
        if again.items and not all(f.weak or f.status == "context" for f in again.items):
            return other, again
        return merged, findings


def reasons(extracted: Extracted, given: Facts | None, findings: Findings) -> list[str]:
    """Only words the user typed (with the fact they support) and facts given."""
    out = [f"{name}: " + "、".join(words) for name, words in extracted.evidence.items()
           if words]
    if given is not None:
        for name, value in given.model_dump(exclude_unset=True).items():
            if value is not None:
                out.append(f"{name} = {value} (given)")
    decided = [f for f in findings.items if f.status != "context"]
    for finding in decided:
        out.append(f"{finding.rule}: {finding.status}"
                   + (f" (facts: {', '.join(finding.because)})" if finding.because else ""))
    return out
