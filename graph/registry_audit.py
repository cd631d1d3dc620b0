"""``liuhen verify`` beyond the incident chains: the registry chain checked like an organ's
(hashes, links, sealed head, anchor), every organ, actor, case and relation the reads use
compared with its latest registered version, and every incident node's properties and edges with
its hashed payload. Page by page: memory follows a page, never the store.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from graph import registry_confirm, registry_pages
from graph.queries import registry as registry_queries
from graph.registry import stored_registry_head
from graph.store import GraphStore, Row
from ingest.integrity import ChainChecker, Problem, ProblemKind
from ingest.records import RelationKind
from ingest.registry import (
    ORGAN_BOOKKEEPING,
    REGISTRY_CHAIN,
    Edge,
    RegistryKind,
    differences,
    parse_record,
    record_shape,
)
from ingest.seals import ChainSealer

PAGE = 1_000


def _problem(kind: ProblemKind, where: str, seq: int | None, record: str | None,
             message: str) -> Problem:
    return Problem(kind=kind, organ=where, seq=seq, record_id=record, message=message)


def registry_chain_pages(store: GraphStore, page: int = PAGE) -> Iterator[list[Row]]:
    """The registry chain's records in (seq, id) order, a page at a time."""
    after = 0
    while True:
        rows = store.read(registry_queries.REGISTRY_CHAIN_PAGE, {"after": after, "limit": page})
        full = len(rows) == page
        if full and rows[0]["seq"] != rows[-1]["seq"]:
            last = rows[-1]["seq"]
            rows = [r for r in rows if r["seq"] != last]
        if rows:
            yield rows
        if not full:
            return
        after = rows[-1]["seq"]


def _filed_as(row: Row, payload: dict[str, Any] | None) -> str | None:
    """How a registry record's lookup properties differ from its hashed payload (``payload``:
    its content parsed, None if it does not read as an object), if they do (the pages find
    an entity's versions by them)."""
    try:
        filed = (payload["kind"], payload["entity"], payload["version"]) if payload else None
    except KeyError:
        filed = None
    if filed is None:
        return None  # the chain check reports the altered payload
    if (row["kind"], row["entity"], row["version"]) != filed:
        return (f"registry record {row['id']!r} is filed as {row['kind']} "
                f"{row['entity']!r} version {row['version']}, its content says "
                f"{filed[0]} {filed[1]!r} version {filed[2]}")
    return None


def verify_registry(store: GraphStore, sealer: ChainSealer | None, *, page: int = PAGE
                    ) -> tuple[list[Problem], int]:
    """Every problem of the registry and of the organs, actors and relations against it, and
    how many registry records were read."""
    anchors = sealer.latest() if sealer is not None else {}
    keyed = sealer is not None and sealer.has_key
    anchor = anchors.get(REGISTRY_CHAIN)
    problems: list[Problem] = []
    if anchor is not None and sealer is not None and keyed and not sealer.seal_matches(
            REGISTRY_CHAIN, anchor.length, anchor.hash, anchor.seal):
        problems.append(_problem(ProblemKind.SEAL_MISMATCH, REGISTRY_CHAIN, anchor.length, None,
                                 "the registry's anchor is not sealed by the key: the anchor "
                                 "log was edited"))
        anchor = None
    checker = ChainChecker(REGISTRY_CHAIN, (anchor.length, anchor.hash) if anchor else None)
    with ThreadPoolExecutor(max_workers=1) as checks:
        latest = _LatestVersions(store, page, checks)
        for rows, exact in registry_pages.chain_pages(store, page):
            latest.page_read(exact)
            for row in rows:
                payload = _payload(row["payload"])
                latest.offer(row, payload)
                if not isinstance(row["seq"], int) or not isinstance(row["payload"], str):
                    problems.append(_problem(ProblemKind.ALTERED, REGISTRY_CHAIN, None,
                                             str(row["id"]), f"registry record {row['id']!r} "
                                             "has no position or no content"))
                    continue
                checker.feed_stored(row["seq"], str(row["id"]), row["prev_hash"] or "",
                                    row["hash"] or "", row["payload"])
                filed = _filed_as(row, payload)
                if filed:
                    problems.append(_problem(ProblemKind.ALTERED, REGISTRY_CHAIN, row["seq"],
                                             str(row["id"]), filed))
        head, seal = stored_registry_head(store)
        stored_head = head if head.length or seal else None
        problems.extend(checker.finish(stored_head))
        if (stored_head is not None and sealer is not None and (keyed or seal)
                and not sealer.seal_matches(REGISTRY_CHAIN, head.length, head.hash, seal)):
            problems.append(_problem(ProblemKind.SEAL_MISMATCH, REGISTRY_CHAIN, head.length,
                                     None, "the registry head's seal is not the key's: the "
                                     "head was set outside liuhen"))
        problems.extend(latest.finish())
    for kind in (RegistryKind.ORGAN, RegistryKind.ACTOR, RegistryKind.CASE):
        for ids in registry_pages.unregistered_pages(store, kind, page):
            problems.extend(_problem(
                ProblemKind.UNREGISTERED, REGISTRY_CHAIN, None, f"{kind}:{i}",
                f"{kind} {i!r} is stored but no registry record holds it (added outside "
                "liuhen, or stored before the registry: `liuhen repair` registers it)")
                for i in ids)
    problems.extend(_unregistered_relations(store, page))
    return problems, checker.records


#: The latest registered version of some entities of one kind: by id, (version, the payload
#: parsed or None if unreadable).
_Latest = dict[str, tuple[int, dict[str, Any] | None]]


def _payload(text: Any) -> dict[str, Any] | None:
    try:
        payload = json.loads(text)
    except (TypeError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None


class _LatestVersions:
    """Each entity's latest registered version compared with what is stored, from the chain
    pass itself: a joined page tells each record whether another of its entity holds a
    higher version, so the latest ones are checked a batch of ``page`` per kind as the chain
    streams by, in seq order (their findings sorted as the entity pages gave them). A batch
    is checked on ``checks``' thread while the pass reads on (the store works in its own
    process), at most ``_IN_FLIGHT`` batches at once. When a page was read nested, two
    records hold an entity's highest version, or the pass did not meet every stored record
    (a position no integer), the entities are read again by id (``_entity_pages``), as
    before: those findings stand, the pass's are dropped."""

    def __init__(self, store: GraphStore, page: int, checks: ThreadPoolExecutor) -> None:
        self.store, self.page, self.checks = store, page, checks
        self.exact = True
        self.seen = 0
        self.pending: dict[RegistryKind, _Latest] = {kind: {} for kind in RegistryKind}
        self.running: deque[tuple[int, Future[list[Problem]]]] = deque()
        self.found: list[tuple[int, str, Problem]] = []

    def page_read(self, exact: bool) -> None:
        if not exact:
            self._give_up()

    def offer(self, row: Row, payload: dict[str, Any] | None) -> None:
        """One record of the chain pass (a joined page's row) and its payload parsed."""
        if not self.exact:
            return
        self.seen += 1
        above = row["above"]
        if above is not None:
            if above == row["version"]:
                self._give_up()  # which of the two is latest: as the entity pages order them
            return  # a later version of the entity is stored
        if row["kind"] not in _KINDS or not row["entity"]:
            return  # not read by the entity pages either (no kind of theirs, no id after "")
        kind = RegistryKind(row["kind"])
        self.pending[kind][row["entity"]] = (row["version"], payload)
        if len(self.pending[kind]) >= self.page:
            self._check(kind)

    def finish(self) -> list[Problem]:
        """Every finding, in the order of the entity pages (kind, then entity)."""
        if self.exact and self.seen == registry_pages.record_count(self.store):
            for kind in RegistryKind:
                self._check(kind)
            while self.running:
                self._collect()
            self.found.sort(key=lambda found: found[:2])
            return [problem for _, _, problem in self.found]
        self._give_up()
        return [problem for kind in RegistryKind
                for problem in _latest_against_stored(self.store, kind, self.page)]

    def _give_up(self) -> None:
        self.exact = False
        self.pending = {kind: {} for kind in RegistryKind}
        while self.running:  # let what runs end (its findings are dropped)
            self.running.popleft()[1].exception()
        self.found = []

    def _check(self, kind: RegistryKind) -> None:
        latest, self.pending[kind] = self.pending[kind], {}
        if latest:
            while len(self.running) >= _IN_FLIGHT:
                self._collect()
            self.running.append((_KINDS.index(kind), self.checks.submit(
                _check_latest, self.store, kind, latest)))

    def _collect(self) -> None:
        order, running = self.running.popleft()
        self.found.extend((order, str(problem.record_id), problem)
                          for problem in running.result())


#: Batches of latest versions checked at once beside the chain pass (memory: a batch each).
_IN_FLIGHT = 2
_KINDS = list(RegistryKind)


def _entity_pages(store: GraphStore, kind: RegistryKind, page: int
                  ) -> Iterator[_Latest]:
    """The latest registered version of each entity of ``kind`` (its payload parsed, None if
    unreadable), by id, a page at a time."""
    after = ""
    while True:
        rows = store.read(registry_queries.REGISTRY_ENTITY_PAGE,
                          {"kind": str(kind), "after": after, "limit": page})
        full = len(rows) == page
        if full and rows[0]["entity"] != rows[-1]["entity"]:
            last = rows[-1]["entity"]
            rows = [r for r in rows if r["entity"] != last]
        latest: _Latest = {}
        for row in rows:
            latest[row["entity"]] = (row["version"], _payload(row["payload"]))
        if latest:
            yield latest
        if not full:
            return
        after = rows[-1]["entity"]


_STORED = {RegistryKind.ORGAN: registry_queries.REGISTRY_STORED_ORGANS,
           RegistryKind.ACTOR: registry_queries.REGISTRY_STORED_ACTORS,
           RegistryKind.CASE: registry_queries.REGISTRY_STORED_CASES}


def _stored_edges(row: Row) -> list[Edge]:
    """The edges of a stored organ, actor or case row that its record decides. At a case,
    a PARTY_TO edge with an id is a relation (checked as one), not one of its parties."""
    if "edges" in row:
        return [("out", str(t), str(other), None) for t, other in row["edges"]]
    edges: list[Edge] = [("out", str(t), str(other), None) for t, other in row["outgoing"]]
    edges += [("in", str(t), str(other), None) for t, other, relation in row["incoming"]
              if not (t == "PARTY_TO" and relation is not None)]
    return edges


def _latest_against_stored(store: GraphStore, kind: RegistryKind, page: int
                           ) -> Iterator[Problem]:
    for latest in _entity_pages(store, kind, page):
        yield from _check_latest(store, kind, latest)


def _check_latest(store: GraphStore, kind: RegistryKind, latest: _Latest) -> list[Problem]:
    """What is stored of these entities against their latest registered versions: the store
    confirms those stored exactly as their records say (graph/registry_confirm.py), the rest
    are read and compared field by field, which words the findings."""
    records: dict[str, tuple[int, Any]] = {}
    shapes = {}
    for entity, (version, payload) in latest.items():
        try:
            record = parse_record(kind, payload or {})
        except ValueError:
            continue  # an unreadable payload: the chain check names it
        records[entity] = (version, record)
        shapes[entity] = record_shape(kind, record)
    if kind is RegistryKind.RELATION:
        confirmed = registry_confirm.confirmed_relations(
            store, {entity: (shapes[entity], record) for entity, (_, record) in records.items()})
        return list(_relations_against_stored(
            store, {entity: known for entity, known in records.items()
                    if entity not in confirmed}))
    confirmed = registry_confirm.confirmed_nodes(store, kind, shapes)
    unconfirmed = sorted(entity for entity in records if entity not in confirmed)
    stored = {row["id"]: row for row in store.read(_STORED[kind], {"ids": unconfirmed})
              } if unconfirmed else {}
    problems = []
    for entity in unconfirmed:
        version, _ = records[entity]
        row = stored.get(entity)
        if row is None:
            problems.append(_problem(ProblemKind.REMOVED, REGISTRY_CHAIN, None, entity,
                                     f"{kind} {entity!r} (registered version {version}) is "
                                     "no longer stored: it was deleted outside liuhen"))
            continue
        found = differences(shapes[entity], row["properties"] or {}, _stored_edges(row),
                            allowed=ORGAN_BOOKKEEPING)
        if found:
            problems.append(_problem(ProblemKind.CHANGED, REGISTRY_CHAIN, None, entity,
                                     f"{kind} {entity!r} differs from its registered version "
                                     f"{version}: " + "; ".join(found)))
    return problems


def _relations_against_stored(store: GraphStore, records: dict[str, tuple[int, Any]]
                              ) -> Iterator[Problem]:
    by_type: dict[bool, list[Row]] = {True: [], False: []}
    for entity, (_, relation) in records.items():
        by_type[relation.kind is RelationKind.PARTY_TO].append(
            {"id": entity, "subject": relation.subject, "object": relation.object})
    found: dict[str, list[dict[str, Any]]] = {}
    for party_to, rows in by_type.items():
        if rows:
            statement = (registry_queries.REGISTRY_STORED_PARTY_TO if party_to
                         else registry_queries.REGISTRY_STORED_RELATED)
            found.update((row["id"], row["found"]) for row in store.read(statement,
                                                                          {"rows": rows}))
    for entity, (version, relation) in sorted(records.items()):
        edges = found.get(entity, [])
        ends = f"{relation.subject} -> {relation.object}"
        if not edges:
            yield _problem(ProblemKind.REMOVED, REGISTRY_CHAIN, None, entity,
                           f"relation {entity!r} ({relation.kind}, {ends}, registered "
                           f"version {version}) is no longer stored between those two: "
                           "removed or moved outside liuhen")
        elif len(edges) > 1:
            yield _problem(ProblemKind.CHANGED, REGISTRY_CHAIN, None, entity,
                           f"relation {entity!r} ({ends}) is stored {len(edges)} times")
        else:
            shape = record_shape(RegistryKind.RELATION, relation)
            diff = differences(shape, edges[0], shape.edges)
            if diff:
                yield _problem(ProblemKind.CHANGED, REGISTRY_CHAIN, None, entity,
                               f"relation {entity!r} ({ends}) differs from its registered "
                               f"version {version}: " + "; ".join(diff))


def _unregistered_relations(store: GraphStore, page: int) -> Iterator[Problem]:
    # by id: an unregistered id's edges, or a registered one's duplicates (until session 12 the
    # findings came a page of 1,000 edges at a time, the unregistered edges before the
    # duplicates of the same page)
    for rows in registry_pages.relation_mismatches(store, page):
        for row in rows:
            entity, edges = row["id"], row["edges"]
            if not row["registered"]:
                for kind, subject, target in edges:
                    yield _problem(ProblemKind.UNREGISTERED, REGISTRY_CHAIN, None, entity,
                                   f"relation {entity!r} ({kind}, {subject} -> {target}) is "
                                   "stored but no registry record holds it")
            elif len(edges) > 1:
                yield _problem(ProblemKind.CHANGED, REGISTRY_CHAIN, None, entity,
                               f"relation {entity!r} is stored on {len(edges)} edges")
    for row in store.read(registry_queries.REGISTRY_UNNAMED_RELATIONS, {"limit": page}):
        yield _problem(ProblemKind.UNREGISTERED, REGISTRY_CHAIN, None, None,
                       f"a RELATED edge without an id, {row['subject']} -> {row['object']}, "
                       "is stored: added outside liuhen")
