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
    QuarterlySummary,
    RelatedIncidents,
    RepeatIntervener,
    RouteView,
)


def _table(console: Console, title: str, columns: Sequence[str],
           rows: Iterable[Sequence[object]]) -> None:
    table = Table(title=title, title_justify="left", highlight=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(table)


def print_applicable(console: Console, found: ApplicableToIncident) -> None:
    _table(console, f"articles applicable to {found.incident}",
           ("#", "article", "score", "label", "reason"),
           ((n, a.key, f"{a.score:.3f}", a.label, a.reason)
            for n, a in enumerate(found.articles, 1)))
    console.print(f"expected: {', '.join(found.expected) or '-'}", highlight=False)


def print_route(console: Console, found: RouteView) -> None:
    # One hop a paragraph, not a table: the basis and the parties need the whole width.
    console.print(f"[bold]reporting route of {found.incident}[/] "
                  f"({', '.join(found.articles)}, {found.articles_from})", highlight=False)
    for hop in found.hops:
        due = f", due {hop.due}" if hop.due else ""
        console.print(f"{hop.step}. {hop.sender.label} -> {hop.recipient.label}: "
                      f"{hop.action} ({hop.deadline}{due}); basis {hop.basis.label}",
                      highlight=False, soft_wrap=True)


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


def print_paths(console: Console, found: ActorPaths) -> None:
    _table(console, f"paths from {found.source} to {found.target}", ("hops", "path"),
           ((p.length, p.text) for p in found.paths))


def print_repeat(console: Console, found: Sequence[RepeatIntervener]) -> None:
    _table(console, "repeat interveners", ("actor", "name", "incidents", "ids", "organs"),
           ((r.actor, r.name, r.count, ", ".join(r.incidents), ", ".join(r.organs))
            for r in found))


def print_summary(console: Console, summary: QuarterlySummary) -> None:
    console.print(f"{summary.organ_name} {summary.quarter} ({summary.start} - {summary.end}): "
                  f"{summary.count} incidents, {summary.unclassified} unclassified; "
                  f"basis {', '.join(summary.basis)}", highlight=False)
    for title, counts in (("by article", summary.by_article), ("by item", summary.by_item),
                          ("by stage", summary.by_stage),
                          ("by intervener kind", summary.by_intervener_kind),
                          ("by intervener level", summary.by_intervener_level)):
        _table(console, title, ("", "count"), counts.items())


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
