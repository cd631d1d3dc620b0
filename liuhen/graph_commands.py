"""The graph commands' work, free of typer: each takes Settings and returns data for the CLI
(and the API) to render. ``liuhen ingest`` calls :func:`ingest_paths`, ``liuhen show``
calls :func:`show_article`."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from core.errors import InputError, NotFoundError, ParseError
from core.settings import Settings
from graph.connect import store_session
from graph.loader import Progress, write_regulations
from ingest.combine import combine_duplicates
from ingest.corpus import read_corpus
from ingest.models import Regulation
from ingest.parser import NoArticlesError, parse_file
from liuhen.regulations.service import RegulationsService
from liuhen.regulations.views import ArticleView, GraphCounts

SUPPORTED_SUFFIXES = (".md", ".txt")


@dataclass
class IngestReport:
    """What an ingest read, wrote and passed over."""

    paths: list[Path]
    parsed: int = 0
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cited_only: int = 0
    articles: int = 0
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    parse_seconds: float = 0.0
    write_seconds: float = 0.0
    counts: GraphCounts | None = None


def parse_paths(
    paths: Sequence[Path], *, latest_only: bool = False, progress: Progress | None = None
) -> tuple[list[Regulation], IngestReport]:
    """Parse files and folders (.md LawRefBook, .txt liuhen plain text); nothing is written.

    A file that fails to parse is reported in ``errors``, not raised; a path that does not
    exist or has another format raises InputError naming it.
    """
    report = IngestReport(paths=list(paths))
    regulations: list[Regulation] = []
    started = time.perf_counter()
    for done, path in enumerate(paths, start=1):
        if path.is_dir():
            corpus = read_corpus(path, latest_only=latest_only)
            regulations.extend(corpus.regulations)
            report.skipped.extend(corpus.skipped)
            report.errors.extend(corpus.errors)
        elif path.is_file():
            if path.suffix not in SUPPORTED_SUFFIXES:
                raise InputError(
                    f"unsupported format {path.suffix or '(none)'!r}: give a folder or a "
                    f"{' or '.join(SUPPORTED_SUFFIXES)} file", file=path,
                )
            try:
                regulations.append(parse_file(path))
            except NoArticlesError as error:
                report.skipped.append((path, error.message))
            except ParseError as error:
                report.errors.append(error)
        else:
            raise InputError("no such file or directory", file=path)
        if progress is not None:
            progress("parse", done, len(paths))
    regulations, report.notes = combine_duplicates(regulations)
    report.parsed = len(regulations)
    report.articles = sum(len(r.articles) for r in regulations)
    report.parse_seconds = time.perf_counter() - started
    return regulations, report


def ingest_paths(
    settings: Settings,
    paths: Sequence[Path] = (),
    progress_callback: Progress | None = None,
    *,
    force: bool = False,
    latest_only: bool = False,
) -> IngestReport:
    """Parse ``paths`` (default: ``settings.regulations_dir``) completely, then write every
    regulation that parsed to the graph store; unchanged ones are skipped unless ``force``.

    progress_callback(stage, done, total) is called per path while parsing ("parse") and
    per batch while writing (the statement's name). Raises InputError for a missing or
    unsupported path and BackendError when the store is unreachable; files that fail to
    parse are in the report's ``errors`` and nothing of them is written.
    """
    targets = list(paths) or [settings.regulations_dir]
    regulations, report = parse_paths(
        targets, latest_only=latest_only, progress=progress_callback
    )
    with store_session(settings) as store:
        loaded = write_regulations(store, regulations, force=force, progress=progress_callback)
        report.counts = RegulationsService(store).graph_counts()
    report.written = loaded.written
    report.unchanged = loaded.unchanged
    report.cited_only = loaded.cited_only
    report.write_seconds = loaded.seconds
    return report


def show_article(settings: Settings, regulation: str, article: str) -> ArticleView:
    """One article from the graph store (``liuhen show R1 8``). Raises NotFoundError naming
    what is missing (with a hint to run ``liuhen ingest`` when the graph is empty),
    InputError for a malformed article number, BackendError."""
    with RegulationsService.opened(settings) as regulations:
        try:
            return regulations.get_article(regulation, article)
        except NotFoundError:
            if not regulations.graph_counts().nodes:
                raise NotFoundError(
                    f"the graph at {regulations.store.uri} is empty: run `liuhen ingest` first"
                ) from None
            raise


def show_counts(settings: Settings) -> GraphCounts:
    """Nodes per label and relationships per type in the configured store."""
    with RegulationsService.opened(settings) as regulations:
        return regulations.graph_counts()
