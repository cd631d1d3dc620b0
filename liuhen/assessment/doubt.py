"""A check on the rules' verdict by the situations we labelled: where they say it seldom holds,
the engine withholds it.

The rules read conduct from the words, and an author they were not written from can say more, or
less, than they take. The verdict prior (``data/legal/verdict_prior.json``) is the article
prior's model (prior.py) over the three verdicts, fitted by ``bench/assess_fit.py`` on every
read situation set. Where the rules find a violation that situations like this one seldom were
(the prior's probability of a violation under ``VIOLATION_DOUBT``), or lawful conduct that they
seldom were (under ``LAWFUL_DOUBT``), the engine does not say it: each such finding waits,
undetermined, on the facts its provision turns on (open_questions.facts_holding), its quote
kept, and the reasons say why. The prior never makes a violation or a lawful verdict: it can
only withhold one. Both thresholds were chosen by cross-validation over whole read sets
(docs/benchmarks.md, "session 37").
"""

from __future__ import annotations

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.facts import Facts
from liuhen.assessment.open_questions import facts_holding
from liuhen.assessment.verdict import Finding, Findings, drop_violation_triggers

VIOLATION_DOUBT = 0.2
LAWFUL_DOUBT = 0.05
_IDENTITY = (unknown.IS_LEADER, unknown.WHO)


def withhold(facts: Facts, findings: Findings,
             verdicts: dict[str, float]) -> tuple[Findings, str | None]:
    """``findings`` with a doubted violation or lawful verdict made undetermined, and the
    reason; unchanged (and None) when the prior does not doubt the verdict."""
    verdict = findings.verdict
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
