"""The pages ``liuhen verify`` reads of the registry, lean where the store allows it.

On FalkorDB the registry chain comes as one joined string a page
(graph/queries/registry.py), which the client parses as one value instead of eight nested
values a record: in session 8 parsing the nested pages of the registry's 60,175 records was
most of verify's 55 s on a clean store of 10,000 incidents. A joined page that does not read
back whole (a hand-edited type, a separator inside a value, a payload that no longer hashes
to its record's hash) is read again nested, and the caller is told (``exact`` false): only the
nested statements' answers are then trusted, as before. Elsewhere every page is nested.
The stored organs, actors, cases and relation edges that mismatch the registry are asked for
directly: the store answers only the mismatches.

Memory follows a page, never the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

from graph.queries import registry as registry_queries
from graph.queries.base import Backend
from graph.store import GraphStore, Row
from ingest.integrity import text_matches
from ingest.registry import RegistryKind

_FIELD_SEP, _RECORD_SEP = "\x1f", "\x1e"
_JOINED = {"field_sep": _FIELD_SEP, "record_sep": _RECORD_SEP}
_TYPES = {"integer": "Integer", "string": "String", "empty": ""}


def chain_pages(store: GraphStore, page: int) -> Iterator[tuple[list[Row], bool]]:
    """The registry chain's records in (seq, id) order, a page at a time, each page with
    whether it was read joined (``exact``): then every row also holds ``above``, the highest
    version another record of its kind and entity holds at or above its own (None: none).
    The next page is read while the caller checks this one (the store works in its own
    process): two pages in memory at most."""
    with ThreadPoolExecutor(max_workers=1) as reader:
        fetched = reader.submit(_chain_page, store, 0, page)
        while True:
            rows, exact = fetched.result()
            full = len(rows) == page
            if full and rows[0]["seq"] != rows[-1]["seq"]:
                last = rows[-1]["seq"]
                rows = [r for r in rows if r["seq"] != last]  # that position is read whole next
            if full:
                fetched = reader.submit(_chain_page, store, rows[-1]["seq"], page)
            if rows:
                yield rows, exact
            if not full:
                return


def _chain_page(store: GraphStore, after: int, page: int) -> tuple[list[Row], bool]:
    rows = _joined_chain_page(store, after, page)
    if rows is not None:
        return rows, True
    return store.read(registry_queries.REGISTRY_CHAIN_PAGE, {"after": after, "limit": page}), False


def _joined_chain_page(store: GraphStore, after: int, page: int) -> list[Row] | None:
    """A chain page read as one string, sorted; None when it must be read nested."""
    if store.backend is not Backend.FALKORDB:
        return None
    found = store.read(registry_queries.REGISTRY_CHAIN_PAGE_JOINED,
                       {"after": after, "limit": page, **_TYPES, **_JOINED})
    if not found or found[0]["records"] != found[0]["regular"]:
        return None
    text, count = found[0]["page"], found[0]["regular"]
    if not text:
        return [] if not count else None
    lines = text.split(_RECORD_SEP)
    if len(lines) != count:
        return None
    rows: list[Row] = []
    try:
        for line in lines:
            seq, record, prev_hash, digest, kind, entity, version, above, payload = (
                line.split(_FIELD_SEP, 8))
            rows.append({"seq": int(seq), "id": record, "prev_hash": prev_hash,
                         "hash": digest, "kind": kind, "entity": entity,
                         "version": int(version), "above": int(above) if above else None,
                         "payload": payload})
    except ValueError:  # a separator inside a hand-edited value
        return None
    # A page whose text came back short would read as altered records: read it again nested
    # and report only what that read finds (FalkorDB cut a long joined string once, session 8).
    if not all(text_matches(row["payload"], row["prev_hash"], row["hash"]) for row in rows):
        return None
    rows.sort(key=lambda row: (row["seq"], row["id"]))
    return rows


def record_count(store: GraphStore) -> int:
    """How many registry records the store holds."""
    rows = store.read(registry_queries.REGISTRY_RECORD_COUNT)
    return int(rows[0]["records"]) if rows else 0


_UNREGISTERED = {RegistryKind.ORGAN: registry_queries.REGISTRY_UNREGISTERED_ORGANS,
                 RegistryKind.ACTOR: registry_queries.REGISTRY_UNREGISTERED_ACTORS,
                 RegistryKind.CASE: registry_queries.REGISTRY_UNREGISTERED_CASES}


def unregistered_pages(store: GraphStore, kind: RegistryKind, page: int
                       ) -> Iterator[list[str]]:
    """The ids of stored organs (actors, cases) that no registry record of ``kind`` holds, in
    id order, a page at a time; a page never ends inside ids that several nodes share."""
    after = ""
    while True:
        ids = [row["id"] for row in store.read(_UNREGISTERED[kind], {
            "after": after, "kind": str(kind), "limit": page})]
        full = len(ids) == page
        if full and ids[0] != ids[-1]:
            ids = [i for i in ids if i != ids[-1]]
        if ids:
            yield ids
        if not full:
            return
        after = ids[-1]


def relation_mismatches(store: GraphStore, page: int) -> Iterator[list[Row]]:
    """The relation ids whose edges mismatch the registry (REGISTRY_RELATION_MISMATCHES' rows:
    ``id``, ``edges`` as [type, subject, object], ``registered``), in id order, a page of ids
    at a time."""
    after = ""
    while True:
        rows = store.read(registry_queries.REGISTRY_RELATION_MISMATCHES, {
            "after": after, "kind": str(RegistryKind.RELATION), "limit": page})
        if rows:
            yield rows
        if len(rows) < page:
            return
        after = rows[-1]["id"]
