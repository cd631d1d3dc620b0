"""Reading a LawRefBook checkout: which files are regulations, which version is the latest,
and which published defects the parser is told to accept (``corpus_errata.json``)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from core.errors import ParseError
from core.names import normalize_title
from ingest.models import Regulation
from ingest.parser import NO_ERRATA, Errata, NoArticlesError, parse_file

ERRATA_FILE = Path(__file__).with_name("corpus_errata.json")
NOT_REGULATIONS = {"_index.md", "法律法规模版.md"}
CASE_FOLDER = "案例"  # court cases and guides: narratives, not regulations
_VERSION = re.compile(r"\((\d{4}-\d{2}-\d{2})\)$")


@cache
def load_errata() -> dict[str, Errata]:
    raw = json.loads(ERRATA_FILE.read_text("utf-8"))
    return {
        name: Errata(
            gaps=frozenset(entry.get("gaps", ())),
            text_lines=tuple(tuple(pair) for pair in entry.get("text_lines", ())),
            excerpt=bool(entry.get("excerpt", False)),
        )
        for name, entry in raw.items()
        if not name.startswith("_")
    }


@dataclass
class CorpusReport:
    """What reading a corpus produced: regulations, files passed over (and why), errors."""

    regulations: list[Regulation] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    errors: list[ParseError] = field(default_factory=list)

    @property
    def article_count(self) -> int:
        return sum(len(r.articles) for r in self.regulations)


def regulation_files(root: Path) -> Iterator[Path]:
    """Markdown and plain-text files under root, in a stable order."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in {".md", ".txt"}:
            yield path


def read_corpus(root: Path, *, latest_only: bool = False) -> CorpusReport:
    """Parse every regulation under root.

    Index pages, the template and the case folder are skipped by name; a file with no
    article structure (批复 letters, tables) is skipped with its reason. Any other problem
    is collected as a ParseError, so one bad file does not hide the rest.
    With ``latest_only``, only the newest version of each title is kept.
    """
    report = CorpusReport()
    errata = load_errata()
    for path in regulation_files(root):
        relative = path.relative_to(root)
        if path.name in NOT_REGULATIONS:
            report.skipped.append((path, "not a regulation (index or template)"))
            continue
        if CASE_FOLDER in relative.parts:
            report.skipped.append((path, "a court case, not a regulation"))
            continue
        category = relative.parts[0] if len(relative.parts) > 1 else ""
        try:
            regulation = parse_file(
                path, category=category, errata=errata.get(path.name, NO_ERRATA)
            )
        except NoArticlesError:
            report.skipped.append((path, "no article structure (第X条 or 一、)"))
            continue
        except ParseError as error:
            report.errors.append(error)
            continue
        report.regulations.append(regulation)
    if latest_only:
        report.regulations = latest_versions(report.regulations)
    return report


def latest_versions(regulations: list[Regulation]) -> list[Regulation]:
    """Keep the newest version of each normalised title (an undated file counts as oldest).

    Every file of that version is kept: 民法典 comes as one undated file per part, all with
    the same title, and each part is needed.
    """
    newest_date: dict[str, str] = {}
    for regulation in regulations:
        key = normalize_title(regulation.title)
        newest_date[key] = max(newest_date.get(key, ""), regulation.version_date)
    kept = [r for r in regulations if r.version_date == newest_date[normalize_title(r.title)]]
    return sorted(kept, key=lambda r: (r.id, r.source))
