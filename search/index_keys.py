"""Where a search index is kept and what its build key covers: the documents (a corpus
folder's fingerprint, or what the graph store holds), the parser and tokenizer sources, the
build settings and the embedding model."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from ingest.corpus import regulation_files
from search.embeddings import Embedder
from search.scoring import SearchConfig

#: Bump when the persisted layout or anything that changes the indexed content changes.
INDEX_FORMAT = 2
_SOURCES = (
    Path(__file__).parent / "units.py",
    Path(__file__).parent / "tokenizer.py",
    Path(__file__).parent / "data" / "terms.txt",
    Path(__file__).parent / "data" / "stopwords.txt",
    Path(__file__).parent.parent / "ingest" / "vocabulary.json",
)


def corpus_fingerprint(root: Path) -> str:
    """SHA-256 over every regulation file under ``root``: relative path and bytes."""
    digest = hashlib.sha256()
    for path in regulation_files(root):
        digest.update(str(path.relative_to(root)).encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def build_key(content_key: str, embedder: Embedder | None, config: SearchConfig) -> str:
    """What the persisted index depends on: the documents (``content_key``: a corpus
    folder's fingerprint, or the ids and content hashes of what the graph store holds),
    parser and tokenizer sources, config, embedding model. A different key means a rebuild."""
    digest = hashlib.sha256()
    digest.update(content_key.encode())
    ingest_dir = Path(__file__).parent.parent / "ingest"
    for source in (*sorted(ingest_dir.glob("*.py")), *sorted(ingest_dir.glob("*.json")),
                   *_SOURCES):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    payload = {"format": INDEX_FORMAT, "config": config.build_fields(),
               "embedder": embedder.name if embedder is not None else None}
    digest.update(json.dumps(payload, sort_keys=True).encode())
    return digest.hexdigest()


def index_folder(data_dir: Path, source: Path | str, embedder: Embedder | None = None) -> Path:
    """One index per source (a corpus folder, or a name such as ``store``) and model, under
    ``data_dir/search/indexes/``."""
    name = source.resolve() if isinstance(source, Path) else source
    identity = f"{name}\0{embedder.name if embedder is not None else 'bm25'}"
    slug = hashlib.sha256(identity.encode()).hexdigest()[:16]
    label = source.resolve().name if isinstance(source, Path) else source
    return data_dir / "search" / "indexes" / f"{label}-{slug}"


def embedding_cache_root(data_dir: Path) -> Path:
    return data_dir / "search" / "embeddings"
