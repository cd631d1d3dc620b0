"""Opening the search index the way the CLI, the API and the tests all do: from ``Settings``,
over a corpus folder (:func:`index_from_settings`) or over documents another layer supplies,
such as what the graph store holds (:func:`index_of_documents`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.settings import QueryWeights, Settings
from search.embeddings import Embedder, load_embedder
from search.index import Documents, SearchConfig, SearchIndex, index_folder, open_cached, open_index
from search.query_adapter import adapter_for


def embedder_from_settings(settings: Settings) -> Embedder:
    """The dense model ``settings.model`` names, loaded once per process (converted and cached
    on disk on first use)."""
    return _embedder(settings.model, settings.model_cache_dir, settings.query_weights)


@cache
def _embedder(model: str, cache_dir: Path | None,
              query_weights: QueryWeights = "fp32") -> Embedder:
    return load_embedder(model, cache_dir, query_weights=query_weights)


def forget_embedders() -> None:
    """Drop the models loaded by :func:`embedder_from_settings` (their memory goes once
    nothing else holds them)."""
    _embedder.cache_clear()


def index_from_settings(
    settings: Settings,
    corpus: Path | None = None,
    *,
    embedder: Embedder | None = None,
    dense: bool = True,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index of the corpus folder ``corpus`` (default: ``settings.regulations_dir``) kept
    in ``settings.data_dir``; built on first use and whenever its files change.

    ``dense=False`` skips the model (BM25 only). Raises ``InputError`` for a bad corpus folder,
    ``BackendError`` when the model or the data directory is unusable.
    """
    root = corpus if corpus is not None else settings.regulations_dir
    if dense and embedder is None:
        embedder = embedder_from_settings(settings)
    index = open_index(root, settings.data_dir, embedder if dense else None, config)
    return with_query_adapter(index, settings)


def index_of_documents(
    settings: Settings,
    source: str,
    content_key: str,
    documents: Documents,
    *,
    embedder: Embedder | None = None,
    dense: bool = True,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index of ``documents()`` (read only to build it), kept in ``settings.data_dir``
    under the name ``source`` and rebuilt whenever ``content_key`` changes.

    Raises ``InputError`` when there is nothing to index, ``BackendError`` when the model or
    the data directory is unusable.
    """
    if dense and embedder is None:
        embedder = embedder_from_settings(settings)
    model = embedder if dense else None
    folder = index_folder(settings.data_dir, source, model)
    index = open_cached(folder, content_key, documents, settings.data_dir, model, config)
    return with_query_adapter(index, settings)


def with_query_adapter(index: SearchIndex, settings: Settings) -> SearchIndex:
    """``index`` with the query adapter ``settings.query_adapter`` picks for it (none without
    a model, with ``off``, or where the shipped one does not fit the corpus). Raises
    ``BackendError`` for an unusable adapter file."""
    if index.embedder is not None:
        index.use_query_adapter(adapter_for(settings.query_adapter, index.embedder.name,
                                            index.regulation_titles(), index.embedder.dimension))
    return index
