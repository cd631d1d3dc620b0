"""Which regulations a corpus folder holds for search: the newest version of each title, with
every part of a regulation published in several files (LawRefBook's 民法典 is eight files, one
per 编, all titled 中华人民共和国民法典 and undated)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ingest.corpus import CorpusReport, read_corpus
from ingest.models import Regulation


def newest_with_parts(regulations: Sequence[Regulation]) -> list[Regulation]:
    """The newest version of each normalised title, keeping all files of that version whose
    articles do not repeat an article already kept (parts, not copies)."""
    by_title: dict[str, list[Regulation]] = {}
    for regulation in regulations:
        by_title.setdefault(regulation.normalized_title, []).append(regulation)
    kept: list[Regulation] = []
    for versions in by_title.values():
        newest = max(r.version_date for r in versions)
        seen: set[tuple[int, int]] = set()
        for regulation in versions:
            if regulation.version_date != newest:
                continue
            numbers = {(a.number.number, a.number.suffix) for a in regulation.articles}
            if numbers & seen:
                continue
            seen |= numbers
            kept.append(regulation)
    return sorted(kept, key=lambda r: (r.id, r.articles[0].number.number if r.articles else 0))


def load_corpus(root: Path) -> tuple[list[Regulation], CorpusReport]:
    """Parse ``root`` and keep what search indexes; the report lists skipped files and errors."""
    report = read_corpus(root, latest_only=False)
    return newest_with_parts(report.regulations), report
