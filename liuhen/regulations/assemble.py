"""Graph rows -> views, without the store: a regulation summary, an article with everything
below and around it, a nested table of contents."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.store import Row
from liuhen.regulations.views import (
    ArticleView,
    CitationView,
    DutyView,
    ItemView,
    ParagraphView,
    ReferenceView,
    RegulationSummary,
    RoleMentionView,
    TableOfContents,
    TermDefinition,
    TocArticle,
    TocHeading,
)


def summary_of(row: Row) -> RegulationSummary:
    """A regulation row (``_REGULATION_FIELDS`` of the regulation statements) as a summary."""
    return RegulationSummary(
        id=row["id"],
        title=row["title"] or row["id"],
        title_key=row["title_key"] or row["id"],
        short_title=row.get("short_title") or "",
        aliases=list(row.get("aliases") or []),
        version_date=row.get("version_date") or "",
        effective=row.get("effective") or "",
        category=row.get("category") or "",
        has_text=bool(row.get("has_text")),
        article_count=row.get("article_count") or 0,
    )


def _spans(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["start"], r.get("end") or 0, r.get("kind") or ""))


def _located(row: Row) -> dict[str, Any]:
    return {"start": row["start"], "end": row["end"], "paragraph": row["paragraph"],
            "item": row["item"]}


def article_view(regulation: RegulationSummary, row: Row) -> ArticleView:
    """The row of the ARTICLE statement (flat lists, joined up here) as an article view."""
    article = row["article"]
    items: dict[int, list[Row]] = defaultdict(list)
    roles: list[Row] = list(row["item_roles"])
    for below in row["below"]:
        if below["type"] == "HAS_ITEM":
            items[below["paragraph"]].append(below)
        else:
            roles.append({"role": below["id"], "surface": below["surface"], **_located(below)})
    paragraphs = [
        ParagraphView(
            number=p["number"],
            text=p["text"],
            items=[ItemView(number=i["number"], marker=i["marker"], text=i["text"])
                   for i in sorted(items[p["number"]], key=lambda i: i["position"])],
        )
        for p in sorted(row["paragraphs"], key=lambda p: p["number"])
    ]
    links: dict[str, list[Row]] = defaultdict(list)
    for link in _spans(row["links"]):
        links[link["type"]].append(link)
    position = article["position"]
    beside = {b["position"]: b["key"] for b in row["beside"]}
    return ArticleView(
        regulation_id=regulation.id,
        regulation_title=regulation.title,
        key=article["key"],
        label=article["label"],
        text=article["text"],
        headings=list(article.get("headings") or []),
        paragraphs=paragraphs,
        citations=[
            CitationView(title=c["cited_as"], target_id=c["id"], target_title=c["title"],
                         has_text=bool(c["has_text"]), **_located(c))
            for c in links["CITES"]
        ],
        references=[
            ReferenceView(text=r["text"], kind=r["kind"], target_key=r["key"],
                          target_label=r["label"], target_paragraph=r["target_paragraph"],
                          **_located(r))
            for r in links["REFERS_TO"]
        ],
        definitions=[
            TermDefinition(term=d["name"], text=d["text"], **_located(d))
            for d in links["DEFINES"]
        ],
        roles=[RoleMentionView(**m) for m in _spans(roles)],
        duties=[
            DutyView(actor=d["actor"], deadline=d["deadline"], action=d["action"],
                     **_located(d))
            for d in links["IMPOSES"]
        ],
        previous=beside.get(position - 1),
        next=beside.get(position + 1),
    )


def table_of_contents(
    regulation: RegulationSummary, headings: list[Row], articles: list[Row]
) -> TableOfContents:
    """Headings nested by parent, each with the articles directly under it."""
    nodes = {
        h["id"]: TocHeading(id=h["id"], title=h["title"], level=h["level"], depth=h["depth"])
        for h in headings
    }
    top: list[TocHeading] = []
    for h in headings:
        parent = nodes.get(h["parent_id"]) if h["parent_id"] else None
        (parent.children if parent else top).append(nodes[h["id"]])
    loose: list[TocArticle] = []
    for a in articles:
        entry = TocArticle(key=a["key"], label=a["label"], caption=a["caption"] or a["label"])
        heading = nodes.get(a["heading_id"]) if a["heading_id"] else None
        (heading.articles if heading else loose).append(entry)
    return TableOfContents(regulation=regulation, articles=loose, headings=top)
