"""Questions about regulations, answered from the graph store.

Every function takes a :class:`GraphStore` (FalkorDB or Neo4j alike) and returns pydantic
views the CLI and the API render as they are. Regulations are named as people name them
(title, short title, alias such as R1, id, or a unique part of the title: the rules of
:func:`core.names.pick_regulation`); articles as 8, 第八条, 133之一.

Errors: NotFoundError names what was asked for and is missing; InputError names the bad
argument; BackendError comes from the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from pydantic import BaseModel, Field

from core.errors import InputError, NotFoundError
from core.names import normalize_title, pick_regulation
from graph import queries
from graph.queries import MAX_PATH_HOPS, Backend
from graph.schema import LABELS, Label, article_id, checked_label
from graph.store import GraphStore, Row
from ingest.articles import looks_like_article_number, parse_article_number
from ingest.extract import load_vocabulary
from ingest.models import ArticleNumber

MAX_HOPS = 4
MAX_NODES = 5000


# --- views ---------------------------------------------------------------------------------


class Span(BaseModel):
    """Where in the article text: character span, paragraph (款), item (项)."""

    start: int
    end: int
    paragraph: int
    item: int | None = None


class RegulationSummary(BaseModel):
    id: str
    title: str
    title_key: str
    short_title: str = ""
    aliases: list[str] = Field(default_factory=list)
    version_date: str = ""
    effective: str = ""
    category: str = ""
    has_text: bool = True
    article_count: int = 0


class ItemView(BaseModel):
    number: int
    marker: str
    text: str


class ParagraphView(BaseModel):
    number: int
    text: str
    items: list[ItemView] = Field(default_factory=list)


class CitationView(Span):
    title: str = Field(description="as written between 《》")
    target_id: str
    target_title: str
    has_text: bool


class ReferenceView(Span):
    text: str
    kind: str
    target_key: str
    target_label: str
    target_paragraph: int | None = None


class TermDefinition(Span):
    term: str
    text: str


class RoleMentionView(Span):
    role: str
    surface: str


class DutyView(Span):
    actor: str | None
    deadline: str
    action: str


class ArticleView(BaseModel):
    regulation_id: str
    regulation_title: str
    key: str
    label: str
    text: str
    headings: list[str]
    paragraphs: list[ParagraphView]
    citations: list[CitationView]
    references: list[ReferenceView]
    definitions: list[TermDefinition]
    roles: list[RoleMentionView]
    duties: list[DutyView]
    previous: str | None = Field(description="key of the article before, if any")
    next: str | None = Field(description="key of the article after, if any")


class TocArticle(BaseModel):
    key: str
    label: str
    caption: str


class TocHeading(BaseModel):
    id: str
    title: str
    level: str
    depth: int
    articles: list[TocArticle] = Field(default_factory=list)
    children: list[TocHeading] = Field(default_factory=list)


class TableOfContents(BaseModel):
    regulation: RegulationSummary
    articles: list[TocArticle] = Field(description="articles before the first heading")
    headings: list[TocHeading]


class ArticleRef(BaseModel):
    regulation_id: str
    regulation_title: str
    article_key: str
    article_label: str


class CitingArticle(ArticleRef, Span):
    title: str = Field(description="the cited title as this article writes it")


class CitedBy(BaseModel):
    title_key: str
    has_text: bool
    citing: list[CitingArticle]


class ReferringArticle(ArticleRef, Span):
    """An article that refers to another (本规定第八条, 前款 …); the span is in its own text."""

    text: str = Field(description="the reference as written")
    kind: str
    target_paragraph: int | None = None


class DefinitionView(ArticleRef, Span):
    term: str
    text: str


class RoleDuty(ArticleRef, Span):
    actor: str | None
    deadline: str
    action: str


class NodeView(BaseModel):
    label: str
    id: str
    caption: str | None = None


class EdgeView(BaseModel):
    type: str
    source: str
    target: str


class Subgraph(BaseModel):
    center: NodeView
    hops: int
    nodes: list[NodeView]
    edges: list[EdgeView]
    truncated: bool = Field(description="max_nodes was reached: more lies beyond")


class PathView(BaseModel):
    nodes: list[NodeView]
    edges: list[EdgeView]

    @property
    def length(self) -> int:
        return len(self.edges)


class NodeRef(BaseModel):
    """A node by label (allow-listed) and stable id."""

    label: str
    id: str


class GraphCounts(BaseModel):
    nodes: dict[str, int]
    relationships: dict[str, int]


# --- regulations ---------------------------------------------------------------------------


def _summary(row: Row) -> RegulationSummary:
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


def find_regulation(store: GraphStore, name: str, *, cited: bool = False) -> RegulationSummary:
    """The regulation ``name`` means; with ``cited``, also one known only from citations.

    Raises InputError (empty or ambiguous name), NotFoundError.
    """
    key = normalize_title(name)
    if not key:
        raise InputError("empty regulation name", field="regulation")
    rows = store.read(queries.REGULATIONS_NAMED, {"key": key}) or store.read(
        queries.REGULATIONS_TITLED_LIKE, {"key": key}
    )
    candidates = [_summary(row) for row in rows if cited or row["has_text"]]
    if not candidates and rows:
        raise NotFoundError(f"{name!r} is cited, but its text is not in the store")
    return pick_regulation(name, candidates)


def list_regulations(
    store: GraphStore,
    *,
    category: str | None = None,
    include_cited: bool = False,
    limit: int = 100,
    offset: int = 0,
) -> list[RegulationSummary]:
    """Regulations by id, a page at a time; ``include_cited`` adds titles only cited."""
    if not (0 < limit <= 10_000 and offset >= 0):
        raise InputError("limit must be 1..10000 and offset >= 0", field="limit")
    rows = store.read(
        queries.LIST_REGULATIONS,
        {"include_cited": include_cited, "category": category, "offset": offset,
         "limit": limit},
    )
    return [_summary(row) for row in rows]


def graph_counts(store: GraphStore) -> GraphCounts:
    """Nodes per label and relationships per type."""
    return GraphCounts(
        nodes={r["label"]: r["count"] for r in store.read(queries.COUNT_NODES)},
        relationships={r["type"]: r["count"] for r in store.read(queries.COUNT_RELATIONSHIPS)},
    )


# --- articles ------------------------------------------------------------------------------


def _article_number(article: str) -> ArticleNumber:
    """The number ``article`` names. A number written correctly that no article can have
    (第零条, 第一万条) is not found; anything else that is not a number is bad input."""
    try:
        return parse_article_number(article, field="article")
    except InputError:
        if looks_like_article_number(article):
            raise NotFoundError(
                f"no article is numbered {article!r}: articles run from 1 to 9999"
            ) from None
        raise


def _missing_article(
    store: GraphStore, regulation: RegulationSummary, number: ArticleNumber
) -> NotFoundError:
    rows = store.read(queries.ARTICLE_RANGE, {"regulation_id": regulation.id})
    span = ""
    if rows and rows[0]["count"]:
        span = f" (it has {rows[0]['first']} to {rows[0]['last']})"
    return NotFoundError(f"《{regulation.title}》 has no {number.label}{span}")


def resolve_article(store: GraphStore, regulation: str, article: str) -> tuple[
    RegulationSummary, ArticleNumber, str
]:
    """(regulation, article number, article node id) for names as people write them;
    the article is not checked to exist."""
    number = _article_number(article)
    found = find_regulation(store, regulation)
    return found, number, article_id(found.id, number.key)


def get_article(store: GraphStore, regulation: str, article: str) -> ArticleView:
    """One article with its paragraphs, items, citations, references, definitions, role
    mentions and duties. Raises NotFoundError naming the regulation and article."""
    found, number, art_id = resolve_article(store, regulation, article)
    rows = store.read(queries.ARTICLE, {"id": art_id})
    if not rows:
        raise _missing_article(store, found, number)
    return _article_view(found, rows[0])


def _spans(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rows, key=lambda r: (r["start"], r.get("end") or 0, r.get("kind") or ""))


def _located(row: Row) -> dict[str, Any]:
    return {"start": row["start"], "end": row["end"], "paragraph": row["paragraph"],
            "item": row["item"]}


def _article_view(regulation: RegulationSummary, row: Row) -> ArticleView:
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


def table_of_contents(store: GraphStore, regulation: str) -> TableOfContents:
    """Headings (编/章/节) nested, each with the articles directly under it."""
    found = find_regulation(store, regulation)
    headings = store.read(queries.HEADINGS_OF, {"regulation_id": found.id})
    articles = store.read(queries.ARTICLES_OF, {"regulation_id": found.id})
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
    return TableOfContents(regulation=found, articles=loose, headings=top)


# --- citations and definitions -------------------------------------------------------------


def citations_from(store: GraphStore, regulation: str, article: str) -> list[CitationView]:
    """The documents an article cites (《…》), in text order."""
    found, number, art_id = resolve_article(store, regulation, article)
    if not store.read(queries.node(Label.ARTICLE), {"id": art_id}):
        raise _missing_article(store, found, number)
    return [CitationView(**row) for row in store.read(queries.CITATIONS_FROM, {"id": art_id})]


def citations_into(store: GraphStore, regulation: str) -> CitedBy:
    """Which articles cite a regulation (any version), whether or not its text is loaded:
    ``citations_into(store, "中国共产党纪律处分条例")``."""
    found = find_regulation(store, regulation, cited=True)
    rows = store.read(queries.CITATIONS_INTO, {"title_key": found.title_key})
    return CitedBy(
        title_key=found.title_key,
        has_text=found.has_text,
        citing=[
            CitingArticle(**{k: v for k, v in row.items() if k != "target_id"}) for row in rows
        ],
    )


def references_into(store: GraphStore, regulation: str, article: str) -> list[ReferringArticle]:
    """The articles that refer to an article (本规定第八条, 前款, 本条 …), in text order; an
    article referring to its own paragraphs is among them."""
    found, number, art_id = resolve_article(store, regulation, article)
    if not store.read(queries.node(Label.ARTICLE), {"id": art_id}):
        raise _missing_article(store, found, number)
    return [ReferringArticle(**row)
            for row in store.read(queries.REFERENCES_INTO, {"id": art_id})]


def definitions(
    store: GraphStore,
    *,
    term: str | None = None,
    regulation: str | None = None,
    limit: int = 1000,
    offset: int = 0,
) -> list[DefinitionView]:
    """Defined terms (本规定所称X，是指…): of one term, in one regulation, or all (paged).
    Raises NotFoundError when a term is given and nothing defines it."""
    if term is not None:
        wanted = term.strip().strip("“”\"")
        if not wanted:
            raise InputError("empty term", field="term")
        rows = store.read(queries.DEFINITIONS_OF_TERM, {"term": wanted})
        if regulation is not None:
            reg_id = find_regulation(store, regulation).id
            rows = [r for r in rows if r["regulation_id"] == reg_id]
        if not rows:
            where = f" in {regulation!r}" if regulation is not None else ""
            raise NotFoundError(f"no definition of {wanted!r}{where}")
    elif regulation is not None:
        rows = store.read(
            queries.DEFINITIONS_IN_REGULATION,
            {"regulation_id": find_regulation(store, regulation).id},
        )
    else:
        rows = store.read(queries.ALL_DEFINITIONS, {"offset": offset, "limit": limit})
    return [DefinitionView(**row) for row in rows]


# --- roles and duties ----------------------------------------------------------------------


def duties_of_role(store: GraphStore, role: str) -> list[RoleDuty]:
    """Duties with deadlines a role bears (司法人员: report within 3 days, …); the role by
    its canonical name or any surface form in ingest/vocabulary.json."""
    wanted = role.strip()
    canonical = load_vocabulary().canonical_by_surface.get(wanted, wanted)
    if not canonical or not store.read(queries.ROLE, {"role": canonical}):
        raise NotFoundError(f"no role called {role!r} in the graph")
    return [RoleDuty(**row) for row in store.read(queries.DUTIES_OF_ROLE, {"role": canonical})]


# --- neighbourhoods and paths --------------------------------------------------------------


def _node(store: GraphStore, ref: NodeRef) -> NodeView:
    label = checked_label(ref.label)
    rows = store.read(queries.node(label), {"id": ref.id})
    if not rows:
        raise NotFoundError(f"no {label} with id {ref.id!r}")
    return NodeView(label=label, id=rows[0]["id"], caption=rows[0]["caption"])


def article_node(store: GraphStore, regulation: str, article: str) -> NodeRef:
    """The graph node of an article named as people name it; NotFoundError if missing."""
    found, number, art_id = resolve_article(store, regulation, article)
    if not store.read(queries.node(Label.ARTICLE), {"id": art_id}):
        raise _missing_article(store, found, number)
    return NodeRef(label=Label.ARTICLE, id=art_id)


def neighbourhood(
    store: GraphStore,
    regulation: str,
    article: str,
    *,
    hops: int = 2,
    max_nodes: int = 200,
) -> Subgraph:
    """The nodes within ``hops`` relationships of an article (either direction) and the
    relationships among them, breadth first; stops at ``max_nodes`` (``truncated``)."""
    if not 1 <= hops <= MAX_HOPS:
        raise InputError(f"hops must be 1..{MAX_HOPS}", field="hops")
    if not 1 <= max_nodes <= MAX_NODES:
        raise InputError(f"max_nodes must be 1..{MAX_NODES}", field="max_nodes")
    center = _node(store, article_node(store, regulation, article))
    return expand(store, center, hops=hops, max_nodes=max_nodes)


def expand(store: GraphStore, center: NodeView, *, hops: int, max_nodes: int) -> Subgraph:
    """Breadth-first expansion from one node (see :func:`neighbourhood`)."""
    seen: dict[str, NodeView] = {center.id: center}
    edges: dict[tuple[str, str, str], EdgeView] = {}
    frontier: dict[str, list[str]] = {center.label: [center.id]}
    truncated = False
    # Rows per query: enough for max_nodes new nodes and the edges among them, without
    # reading all ~10^4 mentions of a hub such as 人民法院.
    limit = 2 * max_nodes + 50
    for _ in range(hops):
        found: dict[str, list[str]] = defaultdict(list)
        for label in sorted(frontier):
            rows = store.read(
                queries.neighbours(label),
                {"ids": sorted(frontier[label]), "limit": limit},
            )
            if len(rows) == limit:
                truncated = True
            for row in rows:
                if row["id"] not in seen:
                    if len(seen) >= max_nodes or row["label"] not in LABELS:
                        truncated = truncated or len(seen) >= max_nodes
                        continue
                    seen[row["id"]] = NodeView(
                        label=row["label"], id=row["id"], caption=row["caption"]
                    )
                    found[row["label"]].append(row["id"])
                source, target = (
                    (row["source"], row["id"]) if row["outgoing"] else (row["id"], row["source"])
                )
                edges[(source, row["type"], target)] = EdgeView(
                    type=row["type"], source=source, target=target
                )
        frontier = found
        if not frontier:
            break
    return Subgraph(
        center=center,
        hops=hops,
        nodes=list(seen.values()),
        edges=sorted(edges.values(), key=lambda e: (e.source, e.type, e.target)),
        truncated=truncated,
    )


def find_path(
    store: GraphStore, source: NodeRef, target: NodeRef, *, max_hops: int = 6
) -> PathView:
    """A shortest path between two nodes, relationships taken in either direction.

    Raises InputError (label not allow-listed, max_hops outside 1..MAX_PATH_HOPS) and
    NotFoundError (an end is missing, or no path within ``max_hops``).
    """
    if not 1 <= max_hops <= MAX_PATH_HOPS:
        raise InputError(f"max_hops must be 1..{MAX_PATH_HOPS}", field="max_hops")
    start, end = _node(store, source), _node(store, target)
    if start.id == end.id and start.label == end.label:
        return PathView(nodes=[start], edges=[])
    statement = queries.shortest_path(store.backend, start.label, end.label)
    params: dict[str, Any] = {"source": start.id, "target": end.id}
    if store.backend is Backend.FALKORDB:
        params["max_hops"] = max_hops
    rows = [
        row for row in store.read(statement, params)
        if len(row["relationships"]) <= max_hops
    ]
    if not rows:
        raise NotFoundError(
            f"no path between {start.label} {start.id!r} and {end.label} {end.id!r} "
            f"within {max_hops} hops"
        )
    best = min(rows, key=lambda r: len(r["relationships"]))
    return PathView(
        nodes=[NodeView(**n) for n in best["nodes"]],
        edges=[EdgeView(**e) for e in best["relationships"]],
    )
