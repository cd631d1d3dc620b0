"""The ``liuhen`` command. Every command is a thin shell over the same services the API uses.

``liuhen serve`` runs the API, which sits above this package: it is added in api/cli.py (the
console script's entry point), so nothing here imports the API."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from core.errors import InputError, LiuhenError
from core.settings import Settings, get_settings
from ingest.integrity import IntegrityReport
from ingest.models import Regulation
from ingest.parser import parse_file
from liuhen import tables
from liuhen.graph_commands import ingest_paths, show_article
from liuhen.records.service import (
    RecordsService,
    bm25_classifier,
    classification_accuracy,
    dense_classifier,
)
from liuhen.regulations.views import ArticleView
from liuhen.search_commands import eval_command, search_command
from liuhen.summary import QuarterlySummary

RECORD_SUFFIXES = {".jsonl", ".csv"}

app = typer.Typer(
    help="留痕 liuhen: knowledge graph and search over the rules against interference in "
    "judicial work.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="print JSON instead of tables")]
M = TypeVar("M", bound=BaseModel)


def fail(error: LiuhenError) -> typer.Exit:
    err_console.print(f"[bold red]error:[/] {error.message}", highlight=False)
    return typer.Exit(code=2)


@app.command()
def parse(
    file: Annotated[Path, typer.Argument(help="a plain-text or LawRefBook Markdown file")],
    as_json: JsonFlag = False,
) -> None:
    """Parse one regulation file and print its structure."""
    try:
        regulation = parse_file(file)
    except LiuhenError as error:
        raise fail(error) from error
    if as_json:
        typer.echo(regulation.model_dump_json(indent=2))
        return
    print_regulation_summary(regulation)


@app.command()
def show(
    regulation: Annotated[str, typer.Argument(help="title, short title, alias (R1) or part")],
    article: Annotated[str, typer.Argument(help="article number: 8, 第八条, 133之一")],
    as_json: JsonFlag = False,
) -> None:
    """Show one article from the graph: paragraphs, items, citations in and out, references,
    definitions, duties."""
    try:
        view = show_article(get_settings(), regulation, article)
    except LiuhenError as error:
        raise fail(error) from error
    if as_json:
        typer.echo(view.model_dump_json(indent=2))
        return
    print_article_view(view)


def is_record_path(path: Path) -> bool:
    """Record files (.jsonl, .csv) or a folder holding them, as opposed to regulation texts."""
    if path.is_dir():
        return any(p.suffix in RECORD_SUFFIXES for p in path.iterdir())
    return path.suffix in RECORD_SUFFIXES


@app.command()
def ingest(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="regulation files or folders (.md, .txt) and record files or "
                       "folders (.jsonl, .csv); default: data/regulations and data/example"),
    ] = None,
    force: Annotated[bool, typer.Option(help="rewrite regulations even when unchanged")] = False,
    latest_only: Annotated[
        bool, typer.Option(help="of several versions of a law, load only the newest")
    ] = False,
    dry_run: Annotated[bool, typer.Option(help="validate record files, write nothing")] = False,
) -> None:
    """Load regulations and incident records into the graph store (idempotent)."""
    settings = get_settings()
    targets = paths or [settings.regulations_dir, settings.example_dir]
    try:
        missing = [p for p in targets if not p.exists()]
        if missing:
            raise InputError("no such file or directory", file=missing[0])
        texts = [p for p in targets if not is_record_path(p)]
        records = [p for p in targets if is_record_path(p)]
        if texts:
            ingest_regulations(settings, texts, force=force, latest_only=latest_only)
        if records:
            with RecordsService.opened(settings) as service:
                result = service.ingest(records, dry_run=dry_run)
            verb = "validated" if dry_run else "loaded"
            console.print(f"records {verb}: " + ", ".join(
                f"{kind} {count}" for kind, count in result.counts.items()
            ), highlight=False)
    except LiuhenError as error:
        raise fail(error) from error


def ingest_regulations(
    settings: Settings, paths: list[Path], *, force: bool, latest_only: bool
) -> None:
    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err_console, transient=True,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def report(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total)
            progress.update(tasks[stage], completed=done, total=total)

        report_ = ingest_paths(settings, paths, report, force=force, latest_only=latest_only)
    console.print(
        f"regulations: {report_.parsed} parsed ({report_.articles} articles) in "
        f"{report_.parse_seconds:.1f} s; {len(report_.written)} written, "
        f"{len(report_.unchanged)} unchanged, {len(report_.skipped)} files skipped, "
        f"in {report_.write_seconds:.1f} s",
        highlight=False,
    )
    for error in report_.errors:
        err_console.print(f"[red]parse error:[/] {error.message}", highlight=False)
    if report_.errors:
        raise typer.Exit(code=2)


@app.command()
def verify(as_json: JsonFlag = False) -> None:
    """Check every organ's hash chain of incident records (全程留痕，有据可查), page by page,
    with the heads' seals and the anchors kept outside the store; every incident node and
    edge against its hashed record, and every organ, actor and relation against its latest
    registered version (the registry chain, sealed and anchored the same way)."""
    def timed(service: RecordsService) -> tuple[IntegrityReport, float]:
        started = time.perf_counter()  # the check only, not the store's start
        return service.verify(), time.perf_counter() - started

    result, seconds = ask(timed)
    if as_json:
        echo_model(result)
    else:
        if result.ok:
            console.print(f"intact: {result.records} records in {result.organs} organ chains"
                          f", {result.registered} registry records of organs, actors and "
                          "relations", highlight=False)
        else:
            tables.print_problems(console, result)
        console.print(f"checked {result.records} records in {seconds:.2f} s "
                      f"({result.records / seconds if seconds else 0:,.0f} records/s)",
                      highlight=False)
    if not result.ok:
        raise typer.Exit(code=1)


@app.command()
def repair(
    dry_run: Annotated[bool, typer.Option("--dry-run",
                                          help="show what would be done, write nothing")]
    = False,
    as_json: JsonFlag = False,
) -> None:
    """Set chain heads broken by older versions to the end of their longest valid run of
    records, sealed. Never rewrites or deletes a stored record; names every record it could
    not place. Registers (version 1) the organs, actors, cases and relations stored without a
    registry record, as they are stored; never touches an incident."""
    result = ask(lambda service: service.repair(dry_run=dry_run))
    if as_json:
        echo_model(result)
        return
    verb = "would do" if dry_run else "did"
    registered = result.registration.registered
    if not result.actions and not any(registered.values()):
        console.print(f"nothing to repair in {result.organs} organ chains", highlight=False)
    if any(registered.values()):
        console.print(f"{verb}: register " + ", ".join(
            f"{count} {kind}s" for kind, count in registered.items()) + " stored without a "
            "registry record (version 1, as stored)", highlight=False)
    for reason in result.registration.not_registered:
        console.print(f"  could not register {reason}", highlight=False)
    for action in result.actions:
        console.print(f"{action.organ}: {verb}: {action.action} "
                      f"({action.from_length} -> {action.to_length})", highlight=False)
        for record_id in action.unplaced:
            console.print(f"  could not place record {record_id!r}", highlight=False)


@app.command()
def reassess(
    batch: Annotated[int, typer.Option(min=1, max=10_000, help="incidents per batch")] = 500,
    as_json: JsonFlag = False,
) -> None:
    """Assess again every incident never assessed, or assessed by another engine version
    (the rules, lexicon or prior changed), and store the verdicts on the incidents."""
    result = ask(lambda service: service.reassess(batch=batch))
    if as_json:
        echo_model(result)
    else:
        console.print(f"assessed {result.assessed} incidents (engine {result.engine})",
                      highlight=False)


incident_app = typer.Typer(help="Incident records: applicable articles, routes, related.",
                           no_args_is_help=True)
actor_app = typer.Typer(help="Actors: incidents involving them, paths, repeat interveners.",
                        no_args_is_help=True)
app.add_typer(incident_app, name="incident")
app.add_typer(actor_app, name="actor")


@incident_app.command("articles")
def incident_articles(
    incident_id: Annotated[str, typer.Argument(help="incident id, e.g. i001")],
    top: Annotated[int, typer.Option(min=1, max=50, help="how many articles")] = 5,
    dense: Annotated[bool, typer.Option(help="add the dense model to the search")] = False,
    as_json: JsonFlag = False,
) -> None:
    """The provisions the assessment engine finds for a recorded incident, with its
    verdict, each provision quoted."""
    found = ask(lambda service: service.applicable_articles(incident_id, top=top), dense=dense)
    show_model(found, as_json, tables.print_applicable)


@incident_app.command("route")
def incident_route(
    incident_id: Annotated[str, typer.Argument(help="incident id, e.g. i001")],
    article: Annotated[
        list[str] | None, typer.Option(help="a reviewer's article keys such as R1-8-1 "
                                       "(default: the engine's assessment)")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Who must do what about an incident, for whom, by when, on what basis: the
    assessment engine's duties laid onto the organs of the records."""
    found = ask(lambda service: service.reporting_route(incident_id, articles=article or ()))
    show_model(found, as_json, tables.print_route)


@incident_app.command("related")
def incident_related(
    incident_id: Annotated[str, typer.Argument(help="incident id, e.g. i001")],
    top: Annotated[int, typer.Option(min=1, max=50)] = 5,
    as_json: JsonFlag = False,
) -> None:
    """Similar past incidents: shared words, people, organs and articles."""
    found = ask(lambda service: service.related(incident_id, top=top))
    show_model(found, as_json, tables.print_related)


@incident_app.command("accuracy")
def incident_accuracy(
    dense: Annotated[bool, typer.Option(help="add the dense model to the search")] = False,
    as_json: JsonFlag = False,
) -> None:
    """The engine's provision ranking against the example incidents' expected articles."""
    settings = get_settings()
    try:
        accuracy = classification_accuracy(settings, dense=dense)
    except LiuhenError as error:
        raise fail(error) from error
    if as_json:
        echo_json({"records": str(settings.example_dir), "dense": dense} | accuracy.as_dict())
    else:
        tables.print_accuracy(console, accuracy)


@actor_app.command("incidents")
def actor_incidents_command(
    actor_id: Annotated[str, typer.Argument(help="actor id")],
    circle: Annotated[bool, typer.Option(help="include relatives and staff")] = True,
    limit: Annotated[int, typer.Option(min=1, max=500, help="incidents per page")] = 100,
    after: Annotated[str | None, typer.Option(help="the next cursor of the page before")] = None,
    newest: Annotated[bool, typer.Option(help="newest first")] = False,
    as_json: JsonFlag = False,
) -> None:
    """The incidents involving an actor (and their relatives and staff), a page at a time."""
    found = ask(lambda service: service.actor_incidents(
        actor_id, with_circle=circle, limit=limit, after=after, newest=newest))
    show_model(found, as_json, tables.print_involvements)


@actor_app.command("trace")
def actor_trace(
    source: Annotated[str, typer.Argument(help="actor id")],
    target: Annotated[str, typer.Argument(help="actor id")],
    max_hops: Annotated[int, typer.Option(min=1, max=12)] = 6,
    as_json: JsonFlag = False,
) -> None:
    """Paths between two actors through relations, organs, cases and incidents."""
    found = ask(lambda service: service.actor_paths(source, target, max_hops=max_hops))
    show_model(found, as_json, tables.print_paths)


@actor_app.command("repeat")
def actor_repeat(
    minimum: Annotated[int, typer.Option(min=1)] = 2, as_json: JsonFlag = False
) -> None:
    """Actors who intervened in at least MINIMUM incidents."""
    found = ask(lambda service: service.repeat_interveners(minimum=minimum))
    if as_json:
        echo_json({"minimum": minimum,
                   "interveners": [r.model_dump(mode="json") for r in found]})
    else:
        tables.print_repeat(console, found)


@app.command()
def report(
    quarter: Annotated[str, typer.Argument(help="a quarter such as 2026Q3")],
    organ: Annotated[str | None, typer.Option(help="organ id (default: every organ)")] = None,
    chart: Annotated[Path | None, typer.Option(help="write a PNG chart here")] = None,
    as_json: JsonFlag = False,
) -> None:
    """Quarterly summary of interventions and improper contacts (R1 第七条, R3 第十三条)."""

    def summarise(service: RecordsService) -> QuarterlySummary:
        summary = service.quarterly(quarter, organ=organ)
        if chart is not None:
            chart.write_bytes(service.quarterly_chart(quarter, organ=organ))
        return summary

    summary = ask(summarise)
    show_model(summary, as_json, tables.print_summary)
    if chart is not None and not as_json:
        console.print(f"chart: {chart}", highlight=False)


@app.command()
def search(
    text: Annotated[str, typer.Argument(help="a situation described in plain Chinese")],
    top: Annotated[int, typer.Option(min=1, max=100, help="how many hits")] = 10,
    corpus: Annotated[
        Path | None, typer.Option(help="index this folder instead of what the graph store holds")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Which articles, paragraphs and items apply: hybrid BM25 + dense search."""
    try:
        output = search_command(text, top, as_json, corpus=corpus, settings=get_settings())
    except LiuhenError as error:
        raise fail(error) from error
    typer.echo(output)


@app.command("eval")
def evaluate(
    file: Annotated[Path, typer.Argument(help="labelled questions, one JSON object a line")],
    corpus: Annotated[
        Path | None, typer.Option(help="index this folder (e.g. the LawRefBook corpus)")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """Recall@1/3/5/10/100, MRR and item accuracy for BM25, dense and hybrid in one run."""
    try:
        output = eval_command(file, corpus, as_json, settings=get_settings())
    except LiuhenError as error:
        raise fail(error) from error
    typer.echo(output)


@app.command()
def assess(
    text: Annotated[str | None, typer.Argument(help="a situation described in plain Chinese")]
    = None,
    batch: Annotated[Path | None, typer.Option(help="JSON lines with id and query")] = None,
    facts: Annotated[str | None, typer.Option(help='known facts as JSON: {"approved": true}')]
    = None,
    as_json: JsonFlag = False,
) -> None:
    """Assess a situation: provisions, verdict, duties, liability, protections, each quoted."""
    from liuhen.assess_commands import run_assess

    run_assess(text, batch, facts, as_json, console, fail)


@app.command("eval-assess")
def eval_assess(
    file: Annotated[Path, typer.Argument(help="situations, one JSON object a line")],
    as_json: JsonFlag = False,
) -> None:
    """Top-1/3 article, item and verdict accuracy, duty precision/recall, quote coverage."""
    from liuhen.assess_commands import run_eval_assess

    run_eval_assess(file, as_json, fail)


T = TypeVar("T")


def ask(question: Callable[[RecordsService], T], *, dense: bool = False) -> T:
    """Open the records service the settings select, ask it, close it; a LiuhenError is
    printed and exits 2."""
    settings = get_settings()
    classifier = dense_classifier(settings) if dense else bm25_classifier
    try:
        with RecordsService.opened(settings, classifier=classifier) as service:
            return question(service)
    except LiuhenError as error:
        raise fail(error) from error


def show_model(found: M, as_json: bool, table: Callable[[Console, M], None]) -> None:
    """The answer as the same JSON the API sends (``--json``), else as readable tables."""
    if as_json:
        echo_model(found)
    else:
        table(console, found)


def echo_model(found: BaseModel) -> None:
    typer.echo(found.model_dump_json(indent=2, by_alias=True))


def echo_json(payload: object) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2, default=str))


def print_regulation_summary(regulation: Regulation) -> None:
    console.print(f"[bold]《{regulation.title}》[/]  id={regulation.id}", highlight=False)
    if regulation.effective:
        console.print(f"施行: {regulation.effective}", highlight=False)
    console.print(f"{len(regulation.articles)} articles, {len(regulation.headings)} headings",
                  highlight=False)
    for article in regulation.articles:
        items = sum(len(p.items) for p in article.paragraphs)
        extras = []
        if article.citations:
            extras.append(f"{len(article.citations)} citations")
        if article.references:
            extras.append(f"{len(article.references)} references")
        if article.definitions:
            extras.append("defines " + ", ".join(d.term for d in article.definitions))
        console.print(
            f"  {article.label}: {len(article.paragraphs)} 款, {items} 项"
            + (f"  ({'; '.join(extras)})" if extras else ""),
            highlight=False,
        )


def print_article_view(view: ArticleView) -> None:
    console.print(f"[bold]《{view.regulation_title}》{view.label}[/]", highlight=False)
    if view.headings:
        console.print(" > ".join(view.headings), style="dim", highlight=False)
    console.print(view.text, highlight=False, soft_wrap=True)
    for citation in view.citations:
        console.print(f"  cites 《{citation.title}》", highlight=False)
    for reference in view.references:
        console.print(f"  refers to {reference.target_label} ({reference.text})",
                      highlight=False)
    for definition in view.definitions:
        console.print(f"  defines {definition.term}", highlight=False)
    for duty in view.duties:
        console.print(f"  duty: {duty.actor or '?'} {duty.deadline} {duty.action}",
                      highlight=False)


if __name__ == "__main__":
    app()
