"""The CLI's readable answers: each view of the records service as rich tables. The same
views go out as JSON with ``--json`` (what the API sends), so these only lay them out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.console import Console
from rich.table import Table

from ingest.integrity import IntegrityReport
from liuhen.classify import Accuracy
from liuhen.records.views import (
    ActorIncidents,
    ActorPaths,
    ApplicableToIncident,
    RelatedIncidents,
    RepeatIntervener,
    RouteView,
)
from liuhen.summary import QuarterlySummary


def _table(console: Console, title: str, columns: Sequence[str],
           rows: Iterable[Sequence[object]]) -> None:
    table = Table(title=title, title_justify="left", highlight=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(table)


def print_applicable(console: Console, found: ApplicableToIncident) -> None:
    missing = f" (missing: {'；'.join(found.missing_facts)})" if found.missing_facts else ""
    console.print(f"{found.incident}: {found.verdict}{missing}; regulations "
                  f"{', '.join(found.regimes) or '-'}", highlight=False)
    _table(console, f"provisions applicable to {found.incident}",
           ("#", "article", "status", "score", "label", "words"),
           ((n, a.key, a.status, f"{a.score:.3f}", a.label, a.text)
            for n, a in enumerate(found.articles, 1)))
    console.print(f"expected (reviewer): {', '.join(found.expected) or '-'}", highlight=False)


def print_route(console: Console, found: RouteView) -> None:
    # One hop a paragraph, not a table: the basis and the parties need the whole width.
    missing = f" (missing: {'；'.join(found.missing_facts)})" if found.missing_facts else ""
    console.print(f"[bold]reporting route of {found.incident}[/]: {found.verdict}{missing}; "
                  f"{', '.join(found.articles)} ({found.articles_from})", highlight=False)
    for hop in found.hops:
        sender = hop.sender.label if hop.sender else "（条文未指明）"
        recipient = f" -> {hop.recipient.label}" if hop.recipient else ""
        when = [w for w in (hop.deadline, hop.timing) if w]
        due = f", {hop.due_from}起算，至 {hop.due}" if hop.due else ""
        console.print(f"{hop.step}. {sender}{recipient}: {hop.action}"
                      f" ({'，'.join(when) or '无期限'}{due}); {hop.basis.label} "
                      f"“{hop.quote}”", highlight=False, soft_wrap=True)


def print_related(console: Console, found: RelatedIncidents) -> None:
    _table(console, f"incidents related to {found.incident}",
           ("incident", "score", "occurred", "reasons", "request"),
           ((r.incident, f"{r.score:.3f}", r.occurred_at.date(), "; ".join(r.reasons),
             r.request) for r in found.related))


def print_involvements(console: Console, found: ActorIncidents) -> None:
    _table(console, f"incidents involving {found.actor}",
           ("incident", "occurred", "person", "role", "via", "organ", "request"),
           ((x.incident, x.occurred_at.date(), x.actor, x.role, x.via or "-", x.organ,
             x.request) for x in found.incidents))
    if found.next:
        console.print(f"more: --after {found.next}")


def print_paths(console: Console, found: ActorPaths) -> None:
    _table(console, f"paths from {found.source} to {found.target}", ("hops", "path"),
           ((p.length, p.text) for p in found.paths))


def print_repeat(console: Console, found: Sequence[RepeatIntervener]) -> None:
    _table(console, "repeat interveners", ("actor", "name", "incidents", "ids", "organs"),
           ((r.actor, r.name, r.count, ", ".join(r.incidents), ", ".join(r.organs))
            for r in found))


def print_summary(console: Console, summary: QuarterlySummary) -> None:
    console.print(f"{summary.organ_name} {summary.quarter_name} ({summary.start} - "
                  f"{summary.end}, {summary.timing}, no due date): {summary.count} incidents",
                  highlight=False)
    for section in [*summary.sections, summary.r2]:
        sent = "、".join(r.label for r in section.recipients) or section.note or "-"
        console.print(f"[bold]{section.title}[/] ({section.basis.label} "
                      f"“{section.basis.quote}”) -> {sent}", highlight=False, soft_wrap=True)
        for name, entries in (("violations", section.violations),
                              ("undetermined", section.undetermined),
                              ("lawful (apart)", section.lawful)):
            _table(console, f"{section.regulation} {name}: {len(entries)}",
                   ("incident", "occurred", "intervener", "provisions", "missing facts"),
                   ((e.incident, e.occurred_at, e.intervener, "、".join(e.labels),
                     "；".join(e.missing_facts)) for e in entries))


def print_problems(console: Console, report: IntegrityReport) -> None:
    _table(console, f"{len(report.problems)} problems in {report.organs} organ chains",
           ("kind", "organ", "#", "record", "message"),
           ((p.kind, p.organ, p.seq, p.record_id, p.message) for p in report.problems))


def print_accuracy(console: Console, accuracy: Accuracy) -> None:
    console.print(f"{accuracy.incidents} incidents: article top-1 "
                  f"{accuracy.top1_article:.3f}, top-3 {accuracy.top3_article:.3f}; item "
                  f"top-1 {accuracy.top1_item:.3f}, top-3 {accuracy.top3_item:.3f}",
                  highlight=False)
    _table(console, "misses (item top-1)", ("incident", "expected", "predicted"),
           accuracy.misses)
