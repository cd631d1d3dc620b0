"""What follows from the findings: duties, standing obligations, liability and protections,
each from a rule of ``data/legal/rules.json`` whose ``when`` names a trigger that the findings
raised (data/eval/GUIDE.md sections 5-7)."""

from __future__ import annotations

from liuhen.assessment.models import Cited, Duty, Liability, Obligation, Protection, Quoted
from liuhen.assessment.rules import Basis, Rulebook
from liuhen.assessment.verdict import Findings


def quoted(book: Rulebook, basis: Basis, quote: str) -> Quoted:
    return Quoted(regulation=book.title(basis.regulation), alias=basis.regulation,
                  article=basis.article, paragraph=basis.paragraph, item=basis.item,
                  quote=quote)


def duties(book: Rulebook, findings: Findings) -> list[Duty]:
    """One duty per (basis, bearer, recipient), in the order of the rules file."""
    out: list[Duty] = []
    seen: set[tuple[str, str | None, str | None]] = set()
    for rule in book.rules.duties:
        if not set(rule.when) & findings.triggers:
            continue
        key = (rule.basis.key, rule.bearer, rule.recipient)
        if key in seen:
            continue
        seen.add(key)
        out.append(Duty(bearer=rule.bearer, action=rule.action, recipient=rule.recipient,
                        deadline=rule.deadline, timing=rule.timing,
                        basis=quoted(book, rule.basis, rule.quote)))
    return out


def obligations(book: Rulebook, findings: Findings) -> list[Obligation]:
    return [Obligation(bearer=r.bearer, action=r.action, basis=quoted(book, r.basis, r.quote))
            for r in book.rules.obligations if set(r.when) & findings.triggers]


def liability(book: Rulebook, findings: Findings) -> list[Liability]:
    """The articles that set the consequence, with the disciplinary regulations they cite
    (held: the project has the text). For an undetermined verdict, the liability that would
    follow if the missing fact goes against the actor, marked conditional."""
    triggers = set(findings.triggers)
    conditional = findings.verdict == "undetermined"
    if conditional:
        triggers |= _conditional_triggers(findings)
    elif findings.verdict == "lawful":
        return []
    out = []
    for rule in book.rules.liability:
        if not set(rule.when) & triggers:
            continue
        article = book.article(rule.basis)
        titles = list(dict.fromkeys(
            c.title for c in article.citations
            if c.location.paragraph == (rule.basis.paragraph or 1)))
        cites = [Cited(title=t, held=_held(book, t)) for t in titles]
        out.append(Liability(conduct=rule.conduct, consequence=rule.consequence,
                             conditional=conditional, condition=rule.condition, cites=cites,
                             basis=quoted(book, rule.basis, rule.quote)))
    return out


def _held(book: Rulebook, title: str) -> bool:
    from ingest.models import normalize_title

    return normalize_title(title) in book.held_titles


def _conditional_triggers(findings: Findings) -> set[str]:
    out: set[str] = set()
    for finding in findings.items:
        if finding.status != "undetermined":
            continue
        alias = finding.rule.split("-")[0]
        if finding.rule.startswith("R1-"):
            out.add("R1.8.violation")
        elif finding.rule.startswith("R2-4") and any("记录" in m for m in finding.missing):
            out.add("R2.not_recorded")
        elif alias == "R2":
            out.add("R2.9.violation")
        elif alias == "R3":
            out.add("R3.violation")
    return out


def protections(book: Rulebook, findings: Findings) -> list[Protection]:
    return [Protection(bearer=r.bearer, action=r.action, basis=quoted(book, r.basis, r.quote))
            for r in book.rules.protections if set(r.when) & findings.triggers]
