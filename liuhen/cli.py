"""The ``liuhen`` command. Every command is a thin shell over the same services the API uses."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from ingest.models import Article, Regulation
from ingest.parser import parse_file
from liuhen.errors import LiuhenError
from liuhen.library import RegulationLibrary
from liuhen.settings import get_settings

app = typer.Typer(
    help="留痕 liuhen: knowledge graph and search over the rules against interference in "
    "judicial work.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
console = Console()
err_console = Console(stderr=True)

JsonFlag = Annotated[bool, typer.Option("--json", help="print JSON instead of text")]


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
    """Show one article with its paragraphs, items, citations, references, definitions."""
    settings = get_settings()
    try:
        library = RegulationLibrary.from_directory(settings.regulations_dir)
        found, found_article = library.article(regulation, article)
    except LiuhenError as error:
        raise fail(error) from error
    if as_json:
        payload = {"regulation": found.title, "regulation_id": found.id,
                   "article": found_article.model_dump(mode="json")}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    print_article(found, found_article)


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


def print_article(regulation: Regulation, article: Article) -> None:
    console.print(f"[bold]《{regulation.title}》{article.label}[/]", highlight=False)
    if article.headings:
        console.print(" > ".join(article.headings), style="dim", highlight=False)
    console.print(article.text, highlight=False, soft_wrap=True)
    for citation in article.citations:
        console.print(f"  cites 《{citation.title}》 (款{citation.location.paragraph})",
                      highlight=False)
    for reference in article.references:
        console.print(f"  refers to {reference.target_article.label} ({reference.text})",
                      highlight=False)
    for definition in article.definitions:
        console.print(f"  defines {definition.term}", highlight=False)
    for duty in article.duties:
        console.print(f"  duty: {duty.actor or '?'} {duty.deadline} {duty.action}",
                      highlight=False)


if __name__ == "__main__":
    app()
