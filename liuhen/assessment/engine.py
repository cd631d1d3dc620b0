"""The assessment engine: a situation in words (and optional facts) -> provisions, verdict,
duties, obligations, liability, protections and reasons, every claim quoted from the text."""

from __future__ import annotations

from collections.abc import Mapping

from core.errors import InputError
from ingest.models import Regulation
from liuhen.assessment import consequences
from liuhen.assessment.facts import Extracted, Extractor, Facts
from liuhen.assessment.lexicon import Lexicon, load_lexicon
from liuhen.assessment.models import Assessment, Claim, quote_of
from liuhen.assessment.ranking import SeedUnits, rank, search_scores
from liuhen.assessment.rules import ALIASES, Rulebook, load_rulebook
from liuhen.assessment.verdict import Findings, judge
from search.index import SearchIndex, validate_query

MAX_QUERY_CHARS = 2000


class Assessor:
    """Holds the checked rules, the lexicon and (optionally) the search index; ``assess`` is
    thread-safe (it keeps no state between calls)."""

    def __init__(self, book: Rulebook, index: SearchIndex | None = None,
                 lexicon: Lexicon | None = None) -> None:
        self.book = book
        self.index = index
        self.lexicon = lexicon or load_lexicon()
        self.extractor = Extractor(self.lexicon)
        self.units = SeedUnits.of(index, book) if index is not None else None

    @classmethod
    def from_regulations(cls, regulations: Mapping[str, Regulation],
                         index: SearchIndex | None = None,
                         held: Mapping[str, Regulation] | None = None) -> Assessor:
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
        return cls(load_rulebook(seeds, held or regulations), index)

    def assess(self, query: str, facts: Facts | None = None,
               situation_id: str | None = None) -> Assessment:
        """Raises InputError for an empty query."""
        text = validate_query(query)[:MAX_QUERY_CHARS]
        extracted = self.extractor.extract(text)
        merged = extracted.facts.merged(facts)
        fused = None
        if self.index is not None and self.units is not None and len(self.units.positions):
            fused = search_scores(self.index, self.units, self.index.score(text))
        if not merged.regimes and fused is not None:
            # Nobody the regulations govern was named: let the best-matching text say whose
            # rules these are, but only the conduct found in the words can make a violation.
            best = self.units.bases[int(fused.argmax())] if self.units else None
            if best is not None:
                merged = merged.model_copy(update={"regimes": [best.regulation]})
        findings = judge(merged)
        provisions = rank(self.book, findings, self.units, fused)
        duties = consequences.duties(self.book, findings)
        obligations = consequences.obligations(self.book, findings)
        liability = consequences.liability(self.book, findings)
        protections = consequences.protections(self.book, findings)
        claims: list[Claim] = [*provisions, *duties, *obligations, *liability, *protections]
        quoted = sum(1 for c in claims if quote_of(c))
        return Assessment(
            id=situation_id, query=text, verdict=findings.verdict,
            missing_facts=findings.missing, actor_role=merged.actor_role,
            regimes=list(merged.regimes or []), provisions=provisions, duties=duties,
            obligations=obligations, liability=liability, protections=protections,
            facts=merged, reasons=reasons(extracted, facts, findings),
            quote_coverage=round(quoted / len(claims), 4) if claims else 1.0,
        )


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
