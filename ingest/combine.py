"""Combining what a corpus holds twice: the same regulation filed under two categories, or a
code split into one file per part. Pure documents in, documents out; the graph loader and
the search index both take what this returns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from ingest.models import Article, Heading, Regulation


def combine_duplicates(regulations: Sequence[Regulation]) -> tuple[list[Regulation], list[str]]:
    """One regulation per id: a file filed under two categories is kept once; a code split
    into one file per part (民法典/总则.md, 物权编.md, …) becomes one regulation with a
    heading per part; texts that differ otherwise keep the first and are reported.
    Returns the regulations and a note for each id that needed this."""
    groups: dict[str, list[Regulation]] = defaultdict(list)
    for regulation in regulations:
        groups[regulation.id].append(regulation)
    combined: list[Regulation] = []
    notes: list[str] = []
    for reg_id, group in groups.items():
        if len(group) == 1:
            combined.append(group[0])
            continue
        sources = ", ".join(r.source for r in group)
        distinct = list({_text_key(r): r for r in group}.values())
        numbers = [{a.number for a in r.articles} for r in distinct]
        if len(distinct) == 1:
            combined.append(group[0])
            notes.append(f"{reg_id}: same text in {sources}; kept {group[0].source}")
        elif sum(len(n) for n in numbers) == len(set().union(*numbers)):
            combined.append(_merge_parts(distinct))
            notes.append(f"{reg_id}: {len(distinct)} parts merged from {sources}")
        else:
            combined.append(group[0])
            notes.append(f"{reg_id}: different texts in {sources}; kept {group[0].source}")
    return combined, notes


def _text_key(regulation: Regulation) -> str:
    return regulation.model_dump_json(include={"title", "headings", "articles"})


def _part_title(part: Regulation) -> str:
    for line in part.preamble:
        if line.startswith("# "):
            return line[2:].strip()
    return Path(part.source).stem


def _merge_parts(parts: Sequence[Regulation]) -> Regulation:
    first_numbers = {id(r): (r.articles[0].number.number, r.articles[0].number.suffix)
                     for r in parts}
    ordered = sorted(parts, key=lambda r: first_numbers[id(r)])
    headings: list[Heading] = []
    articles: list[Article] = []
    for part in ordered:
        title = _part_title(part)
        headings.append(
            Heading(level="编", depth=1, title=title, first_article=part.articles[0].number)
        )
        for heading in part.headings:
            level = "#" * (heading.depth + 1) if heading.level.startswith("#") else heading.level
            headings.append(
                heading.model_copy(update={"depth": heading.depth + 1, "level": level})
            )
        articles.extend(
            a.model_copy(update={"headings": (title, *a.headings)}) for a in part.articles
        )
    first = ordered[0]
    return first.model_copy(update={
        "headings": tuple(headings),
        "articles": tuple(articles),
        "source": str(Path(first.source).parent),
        "preamble": tuple(line for line in first.preamble if not line.startswith("# ")),
    })
