"""Opening the graph store that the settings select: the one module that knows both
backends (graph/store.py holds the Protocol they implement, and imports neither)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from core.errors import InputError
from core.settings import Settings
from graph.falkordb_process import make_private
from graph.falkordb_store import FalkorDBStore
from graph.neo4j_store import Neo4jStore
from graph.store import GRAPH_NAME, GraphStore

NEO4J_SCHEMES = ("neo4j://", "neo4j+s://", "neo4j+ssc://", "bolt://", "bolt+s://", "bolt+ssc://")


def open_store(
    settings: Settings, *, graph_name: str = GRAPH_NAME, attach_only: bool = False
) -> GraphStore:
    """The store ``settings.graph_uri`` selects: empty for the embedded FalkorDB in
    ``settings.data_dir``, neo4j:// or bolt:// for Neo4j. The schema is ensured.
    ``attach_only``: connect to the embedded server another process runs (the parent of
    ``liuhen serve --workers``), never start one.

    Raises InputError for an unsupported URI, BackendError when the store is unreachable.
    """
    uri = settings.graph_uri.strip()
    # The data directory holds every record (the store's files, the search index, logs):
    # other local users get nothing (0700 folders, 0600 files).
    make_private(settings.data_dir)
    store: GraphStore
    if not uri or uri == "embedded":
        store = FalkorDBStore.embedded(settings.data_dir / "falkordb", graph_name=graph_name,
                                       attach_only=attach_only,
                                       timeout=settings.store_timeout_s,
                                       hang_after=settings.store_ping_timeout_s)
    elif uri.startswith(NEO4J_SCHEMES):
        store = Neo4jStore(
            uri, user=settings.neo4j_user, password=settings.neo4j_password.get_secret_value()
        )
    else:
        raise InputError(
            f"unsupported graph URI {uri!r}: leave it empty for the embedded FalkorDB, or "
            "use neo4j:// or bolt:// for Neo4j",
            field="LIUHEN_GRAPH_URI",
        )
    try:
        store.ensure_schema()
    except BaseException:
        store.close()
        raise
    return store


@contextmanager
def store_session(settings: Settings, *, graph_name: str = GRAPH_NAME) -> Iterator[GraphStore]:
    """``open_store`` as a context manager that closes the store."""
    store = open_store(settings, graph_name=graph_name)
    try:
        yield store
    finally:
        store.close()
