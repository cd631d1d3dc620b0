"""The views the regulations service answers with (pydantic, rendered as they are by the
CLI, the API and the web pages)."""

from __future__ import annotations

from pydantic import BaseModel, Field


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


class ArticleOfRegulation(BaseModel):
    """The article a row stands in: its regulation (id, title) and its key and label."""

    regulation_id: str
    regulation_title: str
    article_key: str
    article_label: str


class CitingArticle(ArticleOfRegulation, Span):
    title: str = Field(description="the cited title as this article writes it")


class CitedBy(BaseModel):
    title_key: str
    has_text: bool
    citing: list[CitingArticle]


class ReferringArticle(ArticleOfRegulation, Span):
    """An article that refers to another (本规定第八条, 前款 …); the span is in its own text."""

    text: str = Field(description="the reference as written")
    kind: str
    target_paragraph: int | None = None


class DefinitionView(ArticleOfRegulation, Span):
    term: str
    text: str


class RoleDuty(ArticleOfRegulation, Span):
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
