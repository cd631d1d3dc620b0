"""The regulation documents the graph holds, for search to index what the store holds.

Each Regulation node keeps the parsed document it was written from (``document``: its JSON,
zlib-compressed and base64-encoded, some 10 times smaller than the JSON) beside its
``content_hash``. Search asks the store which versions it holds (cheap: ids and hashes), keys
its cached index on them, and reads the documents back only when the index must be rebuilt,
so a regulation ingested from any folder is searched exactly as it was written.
"""

from __future__ import annotations

import base64
import hashlib
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from core.errors import BackendError
from graph import queries
from graph.store import GraphStore
from ingest.models import Regulation

DOCUMENT_BATCH = 50


@dataclass(frozen=True)
class StoredVersion:
    """One regulation with text in the store."""

    id: str
    title_key: str
    version_date: str
    content_hash: str


def encode_document(regulation: Regulation) -> str:
    """The document as the ``document`` property of its Regulation node."""
    packed = zlib.compress(regulation.model_dump_json().encode("utf-8"), level=6)
    return base64.b64encode(packed).decode("ascii")


def decode_document(text: str) -> Regulation:
    """The document ``encode_document`` stored. Raises BackendError if it does not decode."""
    try:
        return Regulation.model_validate_json(zlib.decompress(base64.b64decode(text)))
    except (ValueError, zlib.error) as error:
        raise BackendError(f"a regulation document in the store does not decode: {error}") \
            from error


def newest_versions(store: GraphStore) -> list[StoredVersion]:
    """The newest version of each title with text in the store (what search indexes), by id."""
    newest: dict[str, StoredVersion] = {}
    for row in store.read(queries.TEXTED_REGULATIONS):
        version = StoredVersion(row["id"], row["title_key"] or row["id"],
                                row["version_date"] or "", row["content_hash"] or "")
        kept = newest.get(version.title_key)
        if kept is None or (version.version_date, version.id) > (kept.version_date, kept.id):
            newest[version.title_key] = version
    return sorted(newest.values(), key=lambda v: v.id)


def versions_key(versions: Iterable[StoredVersion]) -> str:
    """Changes whenever a version is added, removed or rewritten with other content."""
    digest = hashlib.sha256()
    for version in versions:
        digest.update(f"{version.id}\0{version.content_hash}\n".encode())
    return digest.hexdigest()


def without_documents(store: GraphStore, limit: int = 20) -> list[str]:
    """Ids of regulations with text but no document (written by a liuhen older than this
    module), at most ``limit``."""
    return [row["id"] for row in store.read(queries.TEXTED_WITHOUT_DOCUMENT, {"limit": limit})]


def read_documents(store: GraphStore, ids: Sequence[str]) -> list[Regulation]:
    """The documents of the regulations ``ids``, in that order.

    Raises BackendError naming the regulations written without their document (by a liuhen
    older than this module: ``liuhen ingest --force`` writes them again).
    """
    found: dict[str, str | None] = {}
    for start in range(0, len(ids), DOCUMENT_BATCH):
        chunk = list(ids[start : start + DOCUMENT_BATCH])
        for row in store.read(queries.REGULATION_DOCUMENTS, {"ids": chunk}):
            found[row["id"]] = row["document"]
    missing = [i for i in ids if not found.get(i)]
    if missing:
        raise BackendError(
            f"{len(missing)} regulation(s) in the store have no document to search, e.g. "
            f"{missing[0]!r}: run `liuhen ingest --force` to write them again",
            details={"regulations": missing[:20]},
        )
    return [decode_document(found[i] or "") for i in ids]
