"""The regulations service: regulations, articles, citations, definitions, duties and graph
walks over one open graph store. One object behind every face: the ``liuhen`` CLI opens one per
command (:meth:`RegulationsService.opened`), the API and the web pages hold one for the app's
lifetime; all get the same views (liuhen/regulations/views.py) and the same errors.

Regulations are named as people name them (title, short title, alias such as R1, id, or a
unique part of the title: the rules of :func:`core.names.pick_regulation`); articles as 8,
第八条, 133之一.

Errors: NotFoundError names what was asked for and is missing; InputError names the bad
argument; BackendError comes from the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from core.errors import InputError, NotFoundError
from core.names import normalize_title, pick_regulation
from core.settings import Settings
from graph import queries
from graph.connect import store_session
from graph.documents import newest_versions, read_documents, versions_key, without_documents
from graph.schema import Label, article_id
from graph.store import GraphStore
from ingest.articles import looks_like_article_number, parse_article_number
from ingest.extract import load_vocabulary
from ingest.models import ArticleNumber, Regulation
from liuhen.regulations import assemble, walk
from liuhen.regulations.views import (
    ArticleView,
    CitationView,
    CitedBy,
    CitingArticle,
    DefinitionView,
    GraphCounts,
    NodeRef,
    NodeView,
    PathView,
    ReferringArticle,
    RegulationSummary,
    RoleDuty,
    Subgraph,
    TableOfContents,
)
from search.embeddings import Embedder
from search.index import SearchConfig, SearchIndex
from search.service import index_of_documents

MAX_HOPS = 4
MAX_NODES = 5000


def article_number(article: str) -> ArticleNumber:
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


class RegulationsService:
    """Every question about the regulations, answered from one open graph store."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    @classmethod
    @contextmanager
    def opened(cls, settings: Settings) -> Iterator[RegulationsService]:
        """A service over the store ``settings`` select, closed on leaving."""
        with store_session(settings) as store:
            yield cls(store)

    # ------------------------------------------------------------------------------ search

    def search_index(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        dense: bool = True,
        config: SearchConfig | None = None,
    ) -> SearchIndex:
        """The search index of what the store holds (the newest version of each title with
        text, whichever folder it was ingested from), kept in ``settings.data_dir`` and
        rebuilt only when those versions change: a start with nothing new reads ids and
        content hashes from the store and loads the index from disk.

        ``dense=False`` skips the model (BM25 only). Raises InputError when the store holds
        no regulations, BackendError when the store, the model or the data directory is
        unusable.
        """
        versions = newest_versions(self.store)
        if not versions:
            raise InputError(f"the graph store at {self.store.uri} holds no regulations: "
                             "run `liuhen ingest` first")
        ids = [v.id for v in versions]

        def documents() -> tuple[list[Regulation], int]:
            return read_documents(self.store, ids), 0

        return index_of_documents(settings, "store", versions_key(versions), documents,
                                  embedder=embedder, dense=dense, config=config)

    def without_documents(self) -> list[str]:
        """Regulations (some ids) that search cannot index until they are ingested again:
        written by a liuhen that did not keep their document in the store."""
        return without_documents(self.store)

    # ------------------------------------------------------------------------- regulations

    def find_regulation(self, name: str, *, cited: bool = False) -> RegulationSummary:
        """The regulation ``name`` means; with ``cited``, also one known only from citations.

        Raises InputError (empty or ambiguous name), NotFoundError.
        """
        key = normalize_title(name)
        if not key:
            raise InputError("empty regulation name", field="regulation")
        rows = self.store.read(queries.REGULATIONS_NAMED, {"key": key}) or self.store.read(
            queries.REGULATIONS_TITLED_LIKE, {"key": key}
        )
        candidates = [assemble.summary_of(row) for row in rows if cited or row["has_text"]]
        if not candidates and rows:
            raise NotFoundError(f"{name!r} is cited, but its text is not in the store")
        return pick_regulation(name, candidates)

    def list_regulations(
        self,
        *,
        category: str | None = None,
        include_cited: bool = False,
        limit: int = 100,
        offset: int = 0,
    ) -> list[RegulationSummary]:
        """Regulations by id, a page at a time; ``include_cited`` adds titles only cited."""
        if not (0 < limit <= 10_000 and offset >= 0):
            raise InputError("limit must be 1..10000 and offset >= 0", field="limit")
        rows = self.store.read(
            queries.LIST_REGULATIONS,
            {"include_cited": include_cited, "category": category, "offset": offset,
             "limit": limit},
        )
        return [assemble.summary_of(row) for row in rows]

    def graph_counts(self) -> GraphCounts:
        """Nodes per label and relationships per type."""
        return GraphCounts(
            nodes={r["label"]: r["count"] for r in self.store.read(queries.COUNT_NODES)},
            relationships={r["type"]: r["count"]
                           for r in self.store.read(queries.COUNT_RELATIONSHIPS)},
        )

    def table_of_contents(self, regulation: str) -> TableOfContents:
        """Headings (编/章/节) nested, each with the articles directly under it."""
        found = self.find_regulation(regulation)
        headings = self.store.read(queries.HEADINGS_OF, {"regulation_id": found.id})
        articles = self.store.read(queries.ARTICLES_OF, {"regulation_id": found.id})
        return assemble.table_of_contents(found, headings, articles)

    # ---------------------------------------------------------------------------- articles

    def resolve_article(
        self, regulation: str, article: str
    ) -> tuple[RegulationSummary, ArticleNumber, str]:
        """(regulation, article number, article node id) for names as people write them;
        the article is not checked to exist."""
        number = article_number(article)
        found = self.find_regulation(regulation)
        return found, number, article_id(found.id, number.key)

    def _missing_article(
        self, regulation: RegulationSummary, number: ArticleNumber
    ) -> NotFoundError:
        rows = self.store.read(queries.ARTICLE_RANGE, {"regulation_id": regulation.id})
        span = ""
        if rows and rows[0]["count"]:
            span = f" (it has {rows[0]['first']} to {rows[0]['last']})"
        return NotFoundError(f"《{regulation.title}》 has no {number.label}{span}")

    def _existing_article(self, regulation: str, article: str) -> str:
        """The node id of an article that exists; NotFoundError naming it if it does not."""
        found, number, art_id = self.resolve_article(regulation, article)
        if not self.store.read(queries.node(Label.ARTICLE), {"id": art_id}):
            raise self._missing_article(found, number)
        return art_id

    def get_article(self, regulation: str, article: str) -> ArticleView:
        """One article with its paragraphs, items, citations, references, definitions, role
        mentions and duties. Raises NotFoundError naming the regulation and article."""
        found, number, art_id = self.resolve_article(regulation, article)
        rows = self.store.read(queries.ARTICLE, {"id": art_id})
        if not rows:
            raise self._missing_article(found, number)
        return assemble.article_view(found, rows[0])

    def article_node(self, regulation: str, article: str) -> NodeRef:
        """The graph node of an article named as people name it; NotFoundError if missing."""
        return NodeRef(label=Label.ARTICLE, id=self._existing_article(regulation, article))

    # ------------------------------------------------------------ citations and definitions

    def citations_from(self, regulation: str, article: str) -> list[CitationView]:
        """The documents an article cites (《…》), in text order."""
        art_id = self._existing_article(regulation, article)
        return [CitationView(**row)
                for row in self.store.read(queries.CITATIONS_FROM, {"id": art_id})]

    def citations_into(self, regulation: str) -> CitedBy:
        """Which articles cite a regulation (any version), whether or not its text is loaded:
        ``citations_into("中国共产党纪律处分条例")``."""
        found = self.find_regulation(regulation, cited=True)
        rows = self.store.read(queries.CITATIONS_INTO, {"title_key": found.title_key})
        return CitedBy(
            title_key=found.title_key,
            has_text=found.has_text,
            citing=[CitingArticle(**{k: v for k, v in row.items() if k != "target_id"})
                    for row in rows],
        )

    def references_into(self, regulation: str, article: str) -> list[ReferringArticle]:
        """The articles that refer to an article (本规定第八条, 前款, 本条 …), in text order; an
        article referring to its own paragraphs is among them."""
        art_id = self._existing_article(regulation, article)
        return [ReferringArticle(**row)
                for row in self.store.read(queries.REFERENCES_INTO, {"id": art_id})]

    def definitions(
        self,
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
            rows = self.store.read(queries.DEFINITIONS_OF_TERM, {"term": wanted})
            if regulation is not None:
                reg_id = self.find_regulation(regulation).id
                rows = [r for r in rows if r["regulation_id"] == reg_id]
            if not rows:
                where = f" in {regulation!r}" if regulation is not None else ""
                raise NotFoundError(f"no definition of {wanted!r}{where}")
        elif regulation is not None:
            rows = self.store.read(
                queries.DEFINITIONS_IN_REGULATION,
                {"regulation_id": self.find_regulation(regulation).id},
            )
        else:
            rows = self.store.read(queries.ALL_DEFINITIONS, {"offset": offset, "limit": limit})
        return [DefinitionView(**row) for row in rows]

    def duties_of_role(self, role: str) -> list[RoleDuty]:
        """Duties with deadlines a role bears (司法人员: report within 3 days, …); the role by
        its canonical name or any surface form in ingest/vocabulary.json."""
        wanted = role.strip()
        canonical = load_vocabulary().canonical_by_surface.get(wanted, wanted)
        if not canonical or not self.store.read(queries.ROLE, {"role": canonical}):
            raise NotFoundError(f"no role called {role!r} in the graph")
        return [RoleDuty(**row)
                for row in self.store.read(queries.DUTIES_OF_ROLE, {"role": canonical})]

    # -------------------------------------------------------------- neighbourhoods and paths

    def node(self, ref: NodeRef) -> NodeView:
        """One node by label and id, with its caption."""
        return walk.node_view(self.store, ref)

    def neighbourhood(
        self, regulation: str, article: str, *, hops: int = 2, max_nodes: int = 200
    ) -> Subgraph:
        """The nodes within ``hops`` relationships of an article (either direction) and the
        relationships among them, breadth first; stops at ``max_nodes`` (``truncated``)."""
        if not 1 <= hops <= MAX_HOPS:
            raise InputError(f"hops must be 1..{MAX_HOPS}", field="hops")
        if not 1 <= max_nodes <= MAX_NODES:
            raise InputError(f"max_nodes must be 1..{MAX_NODES}", field="max_nodes")
        center = self.node(self.article_node(regulation, article))
        return walk.expand(self.store, center, hops=hops, max_nodes=max_nodes)

    def find_path(self, source: NodeRef, target: NodeRef, *, max_hops: int = 6) -> PathView:
        """A shortest path between two nodes, relationships taken in either direction.

        Raises InputError (label not allow-listed, max_hops outside 1..MAX_PATH_HOPS) and
        NotFoundError (an end is missing, or no path within ``max_hops``).
        """
        return walk.find_path(self.store, source, target, max_hops=max_hops)
