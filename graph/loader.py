"""Parsed regulations -> graph rows -> batched UNWIND upserts.

The mapping from models to rows is pure (``regulation_rows``), so it can be tested without a
store. ``write_regulations`` takes regulations that already parsed, so a file that fails to
parse never has anything written; each regulation gets its ``content_hash`` only after all
of its rows are in, so an interrupted load is redone on the next run and an unchanged
regulation is skipped. MERGE on stable ids makes a forced rewrite give the same graph.

Citations of a title that has text in the store (or in the same load) point at its newest
version; otherwise at a Regulation node with ``has_text=false`` whose id is the normalised
title. When that title's text is loaded later, the citations move to it and the stand-in
node goes.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from core.names import name_keys
from graph import queries
from graph.documents import encode_document
from graph.queries import Query
from graph.schema import article_id, duty_id, heading_id, item_id, paragraph_id
from graph.store import GraphStore, Row
from ingest.extract import load_vocabulary
from ingest.models import Article, Heading, Regulation

# Bump when the mapping below changes: every regulation is then rewritten on the next load.
MAPPING_VERSION = "2"  # 2: the Regulation node keeps its document (graph/documents.py)
DEFAULT_BATCH_SIZE = 1000
CAPTION_LENGTH = 24

Progress = Callable[[str, int, int], None]
"""progress(stage, done, total): rows written so far out of the rows this load writes."""


@dataclass
class GraphRows:
    """Rows for each write statement, in the order they are written."""

    regulations: list[Row] = field(default_factory=list)
    headings: list[Row] = field(default_factory=list)
    heading_parents: list[Row] = field(default_factory=list)
    articles: list[Row] = field(default_factory=list)
    article_headings: list[Row] = field(default_factory=list)
    next_articles: list[Row] = field(default_factory=list)
    paragraphs: list[Row] = field(default_factory=list)
    items: list[Row] = field(default_factory=list)
    roles: list[Row] = field(default_factory=list)
    definitions: list[Row] = field(default_factory=list)
    article_mentions: list[Row] = field(default_factory=list)
    paragraph_mentions: list[Row] = field(default_factory=list)
    item_mentions: list[Row] = field(default_factory=list)
    citations: list[Row] = field(default_factory=list)
    references: list[Row] = field(default_factory=list)
    duties: list[Row] = field(default_factory=list)
    duty_roles: list[Row] = field(default_factory=list)

    def extend(self, other: GraphRows) -> None:
        for f in fields(self):
            getattr(self, f.name).extend(getattr(other, f.name))

    def statements(self) -> list[tuple[Query, list[Row]]]:
        """(statement, rows) in write order: nodes before the relationships that need them."""
        return [
            (queries.UPSERT_REGULATIONS, self.regulations),
            (queries.UPSERT_HEADINGS, self.headings),
            (queries.LINK_HEADING_PARENTS, self.heading_parents),
            (queries.UPSERT_ARTICLES, self.articles),
            (queries.LINK_ARTICLE_HEADINGS, self.article_headings),
            (queries.LINK_NEXT_ARTICLES, self.next_articles),
            (queries.UPSERT_PARAGRAPHS, self.paragraphs),
            (queries.UPSERT_ITEMS, self.items),
            (queries.UPSERT_ROLES, _unique(self.roles)),
            (queries.UPSERT_DEFINITIONS, self.definitions),
            (queries.LINK_ARTICLE_MENTIONS, self.article_mentions),
            (queries.LINK_PARAGRAPH_MENTIONS, self.paragraph_mentions),
            (queries.LINK_ITEM_MENTIONS, self.item_mentions),
            (queries.LINK_CITATIONS, self.citations),
            (queries.LINK_REFERENCES, self.references),
            (queries.UPSERT_DUTIES, self.duties),
            (queries.LINK_DUTY_ROLES, self.duty_roles),
        ]


@dataclass
class LoadReport:
    """What one load did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    cited_only: int = 0
    rows: int = 0
    seconds: float = 0.0


def _unique(rows: list[Row]) -> list[Row]:
    return list({row["id"]: row for row in rows}.values())


def _caption(text: str) -> str:
    first = text.split("\n", 1)[0]
    return first if len(first) <= CAPTION_LENGTH else first[:CAPTION_LENGTH] + "…"


def content_hash(regulation: Regulation) -> str:
    """Changes whenever the regulation's parse or the graph mapping changes."""
    digest = hashlib.sha256(MAPPING_VERSION.encode())
    digest.update(regulation.model_dump_json().encode())
    return digest.hexdigest()


# --- one regulation -> rows ----------------------------------------------------------------


def heading_structure(regulation: Regulation) -> tuple[dict[int, int], dict[str, int]]:
    """(parent position of each heading, innermost heading position of each article key),
    positions 1-based in ``regulation.headings``; walks the headings in document order."""
    opening: dict[str, list[int]] = defaultdict(list)
    parents: dict[int, int] = {}
    stack: list[tuple[int, Heading]] = []
    for position, heading in enumerate(regulation.headings, start=1):
        while stack and stack[-1][1].depth >= heading.depth:
            stack.pop()
        if stack:
            parents[position] = stack[-1][0]
        stack.append((position, heading))
        if heading.first_article is not None:
            opening[heading.first_article.key].append(position)
    innermost: dict[str, int] = {}
    current: int | None = None
    for article in regulation.articles:
        opened = opening.get(article.number.key)
        if opened:
            current = opened[-1]
        if current is not None:
            innermost[article.number.key] = current
    return parents, innermost


def regulation_rows(regulation: Regulation, cite_target: Callable[[str], str]) -> GraphRows:
    """Rows for one regulation; ``cite_target(title_key)`` is the id a citation points at."""
    rows = GraphRows()
    reg_id = regulation.id
    rows.regulations.append({
        "id": reg_id,
        "props": {
            "title": regulation.title,
            "title_key": regulation.normalized_title,
            "short_title": regulation.short_title,
            "aliases": list(regulation.aliases),
            "name_keys": sorted(name_keys(regulation)),
            "version_date": regulation.version_date,
            "effective": regulation.effective,
            "category": regulation.category,
            "source": regulation.source,
            "document": encode_document(regulation),
            "preamble": list(regulation.preamble),
            "has_text": True,
            "article_count": len(regulation.articles),
            "caption": regulation.title,
        },
    })
    parents, innermost = heading_structure(regulation)
    for position, heading in enumerate(regulation.headings, start=1):
        rows.headings.append({
            "id": heading_id(reg_id, position),
            "regulation_id": reg_id,
            "props": {
                "title": heading.title,
                "level": heading.level,
                "depth": heading.depth,
                "position": position,
                "text": list(heading.text),
                "first_article": heading.first_article.key if heading.first_article else None,
                "caption": heading.title,
            },
        })
        if position in parents:
            rows.heading_parents.append({
                "id": heading_id(reg_id, position),
                "parent_id": heading_id(reg_id, parents[position]),
            })
    previous: str | None = None
    for position, article in enumerate(regulation.articles, start=1):
        art_id = article_id(reg_id, article.number.key)
        rows.extend(_article_rows(reg_id, art_id, position, article, cite_target))
        if article.number.key in innermost:
            rows.article_headings.append({
                "id": art_id, "heading_id": heading_id(reg_id, innermost[article.number.key])
            })
        if previous is not None:
            rows.next_articles.append({"id": previous, "next_id": art_id})
        previous = art_id
    return rows


def _article_rows(
    reg_id: str,
    art_id: str,
    position: int,
    article: Article,
    cite_target: Callable[[str], str],
) -> GraphRows:
    rows = GraphRows()
    kinds = load_vocabulary().kind_by_role
    rows.articles.append({
        "id": art_id,
        "regulation_id": reg_id,
        "props": {
            "regulation_id": reg_id,
            "key": article.number.key,
            "number": article.number.number,
            "suffix": article.number.suffix,
            "label": article.label,
            "text": article.text,
            "headings": list(article.headings),
            "position": position,
            "source_line": article.source_line,
            "caption": f"{article.label} {_caption(article.paragraphs[0].text)}",
        },
    })
    item_ids: dict[tuple[int, int], str] = {}
    for paragraph in article.paragraphs:
        par_id = paragraph_id(art_id, paragraph.number)
        rows.paragraphs.append({
            "id": par_id,
            "article_id": art_id,
            "props": {
                "number": paragraph.number,
                "text": paragraph.text,
                "caption": f"{article.label}第{paragraph.number}款 {_caption(paragraph.text)}",
            },
        })
        for item_position, item in enumerate(paragraph.items, start=1):
            it_id = item_id(par_id, item_position)
            item_ids[(paragraph.number, item.number)] = it_id
            rows.items.append({
                "id": it_id,
                "paragraph_id": par_id,
                "props": {
                    "position": item_position,
                    "number": item.number,
                    "marker": item.marker,
                    "text": item.text,
                    "paragraph": paragraph.number,
                    "caption": _caption(item.line),
                },
            })

    def located(start: int, end: int, paragraph: int, item: int | None) -> dict[str, Any]:
        return {"start": start, "end": end, "paragraph": paragraph, "item": item}

    for definition in article.definitions:
        loc = definition.location
        rows.definitions.append({
            "article_id": art_id,
            "term_id": definition.term.strip(),
            "start": loc.start,
            "props": {"text": definition.text, "end": loc.end, "paragraph": loc.paragraph,
                      "item": loc.item},
        })
    surfaces: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    for mention in article.roles:
        loc = mention.location
        counts[mention.role] += 1
        surfaces[mention.role].add(mention.surface)
        rows.roles.append({"id": mention.role, "kind": kinds.get(mention.role, "")})
        source = item_ids.get((loc.paragraph, loc.item)) if loc.item is not None else None
        row = {
            "source_id": source or paragraph_id(art_id, loc.paragraph),
            "role_id": mention.role,
            "start": loc.start,
            "props": {"surface": mention.surface, "end": loc.end, "paragraph": loc.paragraph,
                      "item": loc.item},
        }
        (rows.item_mentions if source else rows.paragraph_mentions).append(row)
    for role, count in sorted(counts.items()):
        rows.article_mentions.append({
            "source_id": art_id, "role_id": role, "count": count,
            "surfaces": sorted(surfaces[role]),
        })
    for citation in article.citations:
        loc = citation.location
        rows.citations.append({
            "article_id": art_id,
            "target_id": cite_target(citation.normalized_title),
            "start": loc.start,
            "props": {"title": citation.title, **located(loc.start, loc.end, loc.paragraph,
                                                         loc.item)},
        })
    for reference in article.references:
        loc = reference.location
        rows.references.append({
            "article_id": art_id,
            "target_id": article_id(reg_id, reference.target_article.key),
            "start": loc.start,
            "kind": str(reference.kind),
            "props": {"text": reference.text,
                      "target_paragraph": reference.target_paragraph,
                      **located(loc.start, loc.end, loc.paragraph, loc.item)},
        })
    for position, duty in enumerate(article.duties, start=1):
        loc = duty.location
        d_id = duty_id(art_id, position)
        rows.duties.append({
            "id": d_id,
            "article_id": art_id,
            "props": {"actor": duty.actor, "action": duty.action, "deadline": duty.deadline,
                      "caption": f"{duty.deadline} {_caption(duty.action)}",
                      **located(loc.start, loc.end, loc.paragraph, loc.item)},
        })
        if duty.actor:
            rows.roles.append({"id": duty.actor, "kind": kinds.get(duty.actor, "")})
            rows.duty_roles.append({"id": d_id, "role_id": duty.actor})
    return rows


# --- writing -------------------------------------------------------------------------------


def _chunks(rows: list[Row], size: int) -> Iterable[list[Row]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def write_regulations(
    store: GraphStore,
    regulations: Sequence[Regulation],
    *,
    force: bool = False,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Progress | None = None,
) -> LoadReport:
    """Upsert parsed regulations (ids must be unique: see ``combine_duplicates``).

    Unchanged regulations (same content hash) are skipped unless ``force``; a changed one
    has its old articles, headings and duties removed first. Raises BackendError.
    """
    started = time.perf_counter()
    report = LoadReport()
    by_id = {r.id: r for r in regulations}
    if len(by_id) != len(regulations):
        raise ValueError("regulation ids are not unique: combine_duplicates() first")
    hashes = {reg_id: content_hash(r) for reg_id, r in by_id.items()}
    states = {
        row["id"]: row
        for chunk in _chunks([{"id": i} for i in by_id], batch_size)
        for row in store.read(queries.REGULATION_STATES, {"ids": [r["id"] for r in chunk]})
    }
    todo = [
        r for reg_id, r in by_id.items()
        if force or states.get(reg_id, {}).get("content_hash") != hashes[reg_id]
    ]
    report.unchanged = sorted(set(by_id) - {r.id for r in todo})
    # A regulation already (or partly) in the store with other content: clear it first.
    stale = [
        r.id for r in todo
        if states.get(r.id, {}).get("has_text")
        and states[r.id].get("content_hash") != hashes[r.id]
    ]

    # Where citations point: the newest texted version of each cited title.
    cited = {c.normalized_title for r in todo for a in r.articles for c in a.citations}
    own_keys = {r.normalized_title for r in todo}
    newest: dict[str, tuple[str, str]] = {}
    for chunk in _chunks([{"id": k} for k in sorted(cited | own_keys)], batch_size):
        keys = [row["id"] for row in chunk]
        for row in store.read(queries.TEXTED_VERSIONS, {"title_keys": keys}):
            _keep_newest(newest, row["title_key"], row["version_date"] or "", row["id"])
    for regulation in todo:
        _keep_newest(newest, regulation.normalized_title, regulation.version_date, regulation.id)
    cited_titles: dict[str, str] = {}
    for regulation in todo:
        for article in regulation.articles:
            for citation in article.citations:
                cited_titles.setdefault(citation.normalized_title, citation.title)

    def cite_target(title_key: str) -> str:
        return newest[title_key][1] if title_key in newest else title_key

    rows = GraphRows()
    for regulation in todo:
        rows.extend(regulation_rows(regulation, cite_target))
    stubs = [
        {"id": key, "title": cited_titles[key], "title_key": key, "name_keys": [key]}
        for key in sorted(cited_titles) if key not in newest
    ]
    report.cited_only = len(stubs)
    plan = rows.statements()
    plan.insert(1, (queries.UPSERT_CITED_REGULATIONS, stubs))
    total = sum(len(r) for _, r in plan)
    done = 0

    stale_rows = [{"id": i} for i in stale]
    for statement in (queries.DELETE_ITEMS_OF, queries.DELETE_PARAGRAPHS_OF,
                      queries.DELETE_DUTIES_OF, queries.DELETE_ARTICLES_OF,
                      queries.DELETE_HEADINGS_OF):
        for chunk in _chunks(stale_rows, batch_size):
            store.write(statement, {"ids": [row["id"] for row in chunk]})
    for statement, statement_rows in plan:
        for chunk in _chunks(statement_rows, batch_size):
            store.write(statement, {"rows": chunk})
            done += len(chunk)
            if progress is not None:
                progress(statement.name, done, total)

    # Citations that waited on a stand-in move to the text that has now arrived.
    loaded_keys = sorted(own_keys)
    relinks: list[Row] = []
    for chunk in _chunks([{"id": k} for k in loaded_keys], batch_size):
        keys = [row["id"] for row in chunk]
        for row in store.read(queries.CITED_STUBS, {"title_keys": keys}):
            if row["title_key"] in newest and row["id"] != newest[row["title_key"]][1]:
                relinks.append({"stub_id": row["id"], "target_id": newest[row["title_key"]][1],
                                "id": row["id"]})
    for chunk in _chunks(relinks, batch_size):
        store.write(queries.RELINK_CITATIONS, {"rows": [
            {"stub_id": r["stub_id"], "target_id": r["target_id"]} for r in chunk
        ]})
        store.write(queries.DELETE_CITED_STUBS, {"ids": [r["id"] for r in chunk]})
    for chunk in _chunks([{"id": r.id, "content_hash": hashes[r.id]} for r in todo], batch_size):
        store.write(queries.MARK_LOADED, {"rows": chunk})
    report.written = sorted(r.id for r in todo)
    report.rows = total
    report.seconds = time.perf_counter() - started
    return report


def _keep_newest(newest: dict[str, tuple[str, str]], key: str, version: str, reg_id: str) -> None:
    if key not in newest or (version, reg_id) > newest[key]:
        newest[key] = (version, reg_id)
