"""Opening the search index the way the CLI, the API and the tests all do: from ``Settings``."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from core.settings import Settings
from search.embeddings import Embedder, load_embedder
from search.index import SearchConfig, SearchIndex, open_index


def embedder_from_settings(settings: Settings) -> Embedder:
    """The dense model ``settings.model`` names, loaded once per process (converted and cached
    on disk on first use)."""
    return _embedder(settings.model, settings.model_cache_dir)


@cache
def _embedder(model: str, cache_dir: Path | None) -> Embedder:
    return load_embedder(model, cache_dir)


def index_from_settings(
    settings: Settings,
    corpus: Path | None = None,
    *,
    embedder: Embedder | None = None,
    dense: bool = True,
    config: SearchConfig | None = None,
) -> SearchIndex:
    """The index of ``corpus`` (default: ``settings.regulations_dir``) kept in
    ``settings.data_dir``; built on first use and whenever the regulations change.

    ``dense=False`` skips the model (BM25 only). Raises ``InputError`` for a bad corpus folder,
    ``BackendError`` when the model or the data directory is unusable.
    """
    root = corpus if corpus is not None else settings.regulations_dir
    if dense and embedder is None:
        embedder = embedder_from_settings(settings)
    return open_index(root, settings.data_dir, embedder if dense else None, config)
