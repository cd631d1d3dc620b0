"""A check on the rules' verdict by the situations we labelled: where they say it seldom holds,
the engine withholds it.

The rules read conduct from the words, and an author they were not written from can say more, or
less, than they take. The verdict prior (liuhen/assessment/verdict_prior.py,
``data/legal/verdict_prior.json``) gives the probability of each verdict from the words' character
n-grams, fitted on every read situation set. Where the rules find a violation that situations
like this one seldom were (under ``VIOLATION_DOUBT``), or lawful conduct they seldom were (under
``LAWFUL_DOUBT``), the engine does not say it: each such finding waits, undetermined, on the facts
its provision turns on (open_questions.facts_holding), its quote kept, and the reasons say why.
The prior never makes a violation or a lawful verdict: it can only withhold one. The thresholds
and the floor of ``MIN_CHARS`` were chosen by cross-validation over whole read sets
(docs/benchmarks.md, "session 37").
"""

from __future__ import annotations

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.facts import Facts
from liuhen.assessment.open_questions import facts_holding
from liuhen.assessment.verdict import Finding, Findings, drop_violation_triggers

VIOLATION_DOUBT = 0.15
LAWFUL_DOUBT = 0.1
# Under fifty characters the n-grams are too few to doubt the rules: on the read sets the step
# withheld more right verdicts than wrong ones there (docs/benchmarks.md, "session 37").
MIN_CHARS = 50
_IDENTITY = (unknown.IS_LEADER, unknown.WHO, unknown.JUDICIAL_DUTY)


def withhold(facts: Facts, findings: Findings, verdicts: dict[str, float],
             chars: int) -> tuple[Findings, str | None]:
    """``findings`` with a doubted violation or lawful verdict made undetermined, and the
    reason; unchanged (and None) when the prior does not doubt the verdict or the words
    (``chars`` characters) are too few to doubt it."""
    verdict = findings.verdict
    if chars < MIN_CHARS:
        return findings, None
    if verdict == "violation" and verdicts.get("violation", 1.0) < VIOLATION_DOUBT:
        threshold = VIOLATION_DOUBT
    elif verdict == "lawful" and verdicts.get("lawful", 1.0) < LAWFUL_DOUBT:
        threshold = LAWFUL_DOUBT
    else:
        return findings, None
    items: list[Finding] = []
    for finding in findings.items:
        if finding.status == verdict:
            waiting = [name for name in facts_holding(finding.rule, verdict)
                       if not (facts.actor_role is not None and name in _IDENTITY)]
            finding = Finding(finding.rule, "undetermined", waiting or [unknown.CONDUCT],
                              finding.because, finding.weak)
        items.append(finding)
    triggers = set(findings.triggers)
    if verdict == "violation":
        drop_violation_triggers(triggers)
    # one of the reasons' shapes (web/reasons.py reads it in Chinese)
    reason = f"withheld: {verdict} (probability {verdicts[verdict]:.2f} < {threshold:g})"
    return Findings(items, triggers), reason
