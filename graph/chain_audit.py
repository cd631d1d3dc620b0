"""Checking and repairing the incidents' hash chains as stored, one organ at a time and one
page of records at a time: memory follows the number of organs, never of records.

``verify_store`` reports what ingest.integrity.verify reports, plus heads whose seal is not
the key's and chains that no longer hold the head anchored outside the store (a rewritten
tail, a removed last record, a forged record, a deleted chain). ``repair_store`` fixes
chains broken by versions before the atomic append (a record beyond its head, a head behind
complete records, a reused position): it never rewrites or deletes a stored record; it sets
the head (and its seal) to the end of the longest run of valid records from the start, and
names every record it could not place.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor

from pydantic import BaseModel, Field

from graph.chains import (
    HeadRow,
    chain_heads,
    chain_organs,
    chained_record,
    chains_rows,
    ensure_chain_index,
    heads_of,
    incident_count,
    stored_head,
    stream_chain,
    stream_rows,
)
from graph.incident_audit import incident_problems
from graph.queries import records as record_queries
from graph.queries import registry as registry_queries
from graph.registry import RegistrationReport, register_existing, stored_registry_head
from graph.registry_audit import registry_chain_pages, verify_registry
from graph.store import GraphStore, Row
from ingest.integrity import (
    ChainChecker,
    ChainedRecord,
    ChainHead,
    IntegrityReport,
    Problem,
    ProblemKind,
    genesis_hash,
    record_hash,
)
from ingest.registry import REGISTRY_CHAIN
from ingest.seals import ChainSealer

#: Records read per statement when verify reads several short chains at once.
VERIFY_PAGE = 5_000
#: Organs per statement at most (a bounded parameter list).
VERIFY_ORGANS = 1_000
#: Incident nodes compared with their payloads per statement.
SHAPE_PAGE = 500


def verify_store(store: GraphStore, sealer: ChainSealer | None = None, *,
                 organ: str | None = None) -> IntegrityReport:
    """Every organ's chain (or only ``organ``'s: an incident's page shows its organ's chain,
    and checking every organ's would read every record) checked as stored, each incident
    node against its payload; with a ``sealer``, heads' seals and the anchors too. Checking
    every organ also checks the registry of organs, actors, cases and relations
    (graph/registry_audit.py).

    Every head is read first (one statement); short chains are then read many organs to a
    statement (about VERIFY_PAGE records) and their heads again after them: an organ whose
    head moved meanwhile (a write ran), and a page that does not read back whole, is checked
    again on its own, records then head, as a long chain is. Memory follows two pages and
    the number of organs, never the number of records."""
    ensure_chain_index(store)
    audit = _Audit(sealer)
    if organ is not None:
        audit.check_alone(store, organ)
        return audit.report()
    # The registry is checked on a thread of its own meanwhile: each side waits on the
    # store about half its time (session 28), and the store answers both at once.
    with ThreadPoolExecutor(max_workers=1) as beside:
        registry = beside.submit(verify_registry, store, sealer)
        heads = chain_heads(store)
        organs = (set(heads) | set(audit.anchors)) - {REGISTRY_CHAIN}
        # the next page is read while this one is hashed (the store works in its own
        # process): two pages in memory at most
        with ThreadPoolExecutor(max_workers=1) as reader:
            pending: tuple[list[str], Future[_Page] | None] | None = None
            for work in _planned(sorted(organs), heads):
                fetched = reader.submit(_read_page, store, work) if len(work) > 1 else None
                if pending is not None:
                    audit.check(store, pending[0], pending[1], heads)
                pending = (work, fetched)
            if pending is not None:
                audit.check(store, pending[0], pending[1], heads)
        stored = incident_count(store)  # one count for both checks below
        if audit.records < stored:
            # records outside every headed chain (a head deleted, an older writer): their
            # organs are found by a scan of the incidents, only then
            for name in chain_organs(store):
                if name not in organs and name != REGISTRY_CHAIN:
                    audit.check_alone(store, name)
        if audit.records < stored:
            audit.problems.extend(_organless_incidents(store))
        found, registered = registry.result()
    audit.problems.extend(found)
    return audit.report(registered)


#: Incident nodes without an organ named one by one at most (the rest counted in a line).
ORGANLESS_NAMED = 100


def _organless_incidents(store: GraphStore) -> list[Problem]:
    """Incident nodes that name no organ: no chain holds them, so no chain check meets
    them; each is a problem (a node written outside liuhen, or one the store left without
    its properties), named by the organ it is linked to, if any."""
    rows = store.read(record_queries.RECORD_ORGANLESS_INCIDENTS,
                      {"limit": ORGANLESS_NAMED + 1})
    problems = [Problem(
        kind=ProblemKind.UNREGISTERED, organ=", ".join(map(str, row["organs"])) or "-",
        seq=None, record_id=None if row["id"] is None else str(row["id"]),
        message="an incident node that names no organ is stored" + (
            f" (id {row['id']!r})" if row["id"] is not None else " (no id, no content)") + (
            f", linked to {', '.join(map(str, row['organs']))}" if row["organs"] else "") +
        ": no hash chain holds it; written outside liuhen, or left incomplete by the store")
        for row in rows[:ORGANLESS_NAMED]]
    if len(rows) > ORGANLESS_NAMED:
        problems.append(Problem(
            kind=ProblemKind.UNREGISTERED, organ="-", seq=None, record_id=None,
            message=f"more than {ORGANLESS_NAMED} incident nodes name no organ; the first "
            f"{ORGANLESS_NAMED} are listed"))
    return problems


#: A page of several chains: their rows in (organ, seq, id) order and their heads read after
#: them; None when the page did not read back whole.
_Page = tuple[list[Row], dict[str, HeadRow]] | None


def _planned(organs: list[str], heads: dict[str, HeadRow]) -> Iterator[list[str]]:
    """Organs grouped into pages of about VERIFY_PAGE records by their heads' lengths; a long
    chain comes alone (a list of one: read a page at a time)."""
    batch: list[str] = []
    planned = 0
    for name in organs:
        length = heads.get(name, (None, None, None))[0]
        expected = max(length if isinstance(length, int) else 0, 1)
        if expected > VERIFY_PAGE // 2:
            yield [name]
            continue
        if batch and (planned + expected > VERIFY_PAGE or len(batch) >= VERIFY_ORGANS):
            yield batch
            batch, planned = [], 0
        batch.append(name)
        planned += expected
    if batch:
        yield batch


def _read_page(store: GraphStore, organs: list[str]) -> _Page:
    rows = chains_rows(store, organs, VERIFY_PAGE)
    return None if rows is None else (rows, heads_of(store, organs))


class _Audit:
    """The findings of one verify run as its chains are checked."""

    def __init__(self, sealer: ChainSealer | None) -> None:
        self.sealer = sealer
        self.anchors = sealer.latest() if sealer is not None else {}
        self.keyed = sealer is not None and sealer.has_key
        self.problems: list[Problem] = []
        self.organs = self.records = 0

    def report(self, registered: int = 0) -> IntegrityReport:
        # in organ order, as one organ after the other would find them (a long chain is
        # checked as soon as it comes, before the short ones batched ahead of it)
        problems = sorted(self.problems, key=lambda problem: problem.organ)
        return IntegrityReport(ok=not problems, organs=self.organs, records=self.records,
                               registered=registered, problems=problems)

    def check_alone(self, store: GraphStore, organ: str) -> None:
        """One organ: its records a page at a time, then its head."""
        checker = self._checker(organ)
        pending: list[Row] = []
        for row in stream_rows(store, organ):
            _feed(checker, organ, row)
            pending.append({**row, "organ": organ})
            if len(pending) >= SHAPE_PAGE:
                self.problems.extend(incident_problems(store, pending, self.sealer))
                pending = []
        self.problems.extend(incident_problems(store, pending, self.sealer))
        head, seal = stored_head(store, organ)
        self._finish(checker, head, seal)

    def check(self, store: GraphStore, organs: list[str], page: Future[_Page] | None,
              heads: dict[str, HeadRow]) -> None:
        """Organs read as one page (``page``), or one organ on its own."""
        if page is None:
            for organ in organs:
                self.check_alone(store, organ)
            return
        read = page.result()
        rows, after = read if read is not None else ([], {})
        by_organ: dict[str, list[Row]] = {}
        for row in rows:
            by_organ.setdefault(row["organ"], []).append(row)
        shaped: list[Row] = []  # the incident nodes of the organs checked from this page
        for organ in organs:
            # a page that did not read back whole, or a head that moved while it was read
            if read is None or heads.get(organ) != after.get(organ):
                self.check_alone(store, organ)
                continue
            checker = self._checker(organ)
            for row in by_organ.get(organ, []):
                _feed(checker, organ, row)
            shaped.extend(by_organ.get(organ, []))
            length, digest, seal = heads.get(organ, (None, None, None))
            head = (None if length is None else
                    ChainHead(organ=organ, length=length, hash=digest or genesis_hash(organ)))
            self._finish(checker, head, seal)
        for start in range(0, len(shaped), SHAPE_PAGE):
            self.problems.extend(incident_problems(store, shaped[start:start + SHAPE_PAGE],
                                                   self.sealer))

    def _checker(self, organ: str) -> ChainChecker:
        anchor = self.anchors.get(organ)
        sealer = self.sealer
        if anchor is not None and sealer is not None and self.keyed and not sealer.seal_matches(
                organ, anchor.length, anchor.hash, anchor.seal):
            self.problems.append(Problem(
                kind=ProblemKind.SEAL_MISMATCH, organ=organ, seq=anchor.length,
                record_id=None, message=f"{organ}: the anchor log's entry is not sealed by "
                "the key: the log was edited"))
            anchor = None
        return ChainChecker(organ, (anchor.length, anchor.hash) if anchor else None)

    def _finish(self, checker: ChainChecker, head: ChainHead | None, seal: str | None) -> None:
        organ, sealer = checker.organ, self.sealer
        found = checker.finish(head)
        if (head is not None and sealer is not None and (self.keyed or seal)
                and not sealer.seal_matches(organ, head.length, head.hash, seal)):
            found.append(Problem(
                kind=ProblemKind.SEAL_MISMATCH, organ=organ, seq=head.length, record_id=None,
                message=f"{organ}: the head's seal is not the key's" + (
                    "" if seal else " (the head is not sealed)") +
                ": the head was set outside liuhen"))
        self.problems.extend(found)
        self.records += checker.records
        self.organs += 1 if checker.records else 0


def _feed(checker: ChainChecker, organ: str, row: Row) -> None:
    if isinstance(row["seq"], int) and isinstance(row["payload"], str):
        checker.feed_stored(row["seq"], str(row["id"]), row["prev_hash"] or "",
                            row["hash"] or "", row["payload"])
    else:
        checker.feed(chained_record(organ, row))


class RepairAction(BaseModel):
    organ: str
    action: str = Field(description="what was (or, in a dry run, would be) done")
    from_length: int | None
    to_length: int
    unplaced: list[str] = Field(description="records that fit nowhere in the chain")


class RepairReport(BaseModel):
    dry_run: bool
    organs: int = Field(description="organ chains looked at")
    actions: list[RepairAction]
    registration: RegistrationReport = Field(
        default_factory=RegistrationReport,
        description="organs, actors, cases and relations stored without a registry record, "
        "registered as version 1 (never an incident)")


def _by_position(records: Iterator[ChainedRecord]) -> Iterator[list[ChainedRecord]]:
    group: list[ChainedRecord] = []
    for record in records:
        if group and record.seq != group[0].seq:
            yield group
            group = []
        group.append(record)
    if group:
        yield group


def _valid(record: ChainedRecord, prev: str) -> bool:
    return (record.prev_hash == prev and record_hash(record.payload, prev) == record.hash
            and record.payload.get("id", record.record_id) == record.record_id)


def longest_valid_prefix(organ: str, records: Iterator[ChainedRecord],
                         head_hash: str | None = None) -> tuple[ChainHead, list[str]]:
    """The end of the longest run of valid records from #1, and the ids that fit nowhere.
    Where two records claim one position validly, the one the next position links to wins,
    else the one the stored head names (``head_hash``), else the lower id."""
    prev, length = genesis_hash(organ), 0
    unplaced: list[str] = []
    groups = _by_position(records)
    current = next(groups, None)
    following = next(groups, None)
    while current is not None:
        valid = [r for r in current if r.seq == length + 1 and _valid(r, prev)]
        if not valid:
            unplaced.extend(r.record_id for r in current)
            for rest in (following, *groups):
                if rest is not None:
                    unplaced.extend(r.record_id for r in rest)
            break
        links = {r.prev_hash for r in following or []}
        chosen = min(valid, key=lambda r: (r.hash not in links, r.hash != head_hash,
                                           r.record_id))
        unplaced.extend(r.record_id for r in current if r is not chosen)
        prev, length = chosen.hash, chosen.seq
        current, following = following, next(groups, None)
    return ChainHead(organ=organ, length=length, hash=prev), unplaced


def repair_store(store: GraphStore, sealer: ChainSealer | None, *, dry_run: bool = False
                 ) -> RepairReport:
    """Set every broken head to the end of its chain's longest valid prefix (and seal it).

    Never rewrites or deletes a record. A head that moved while the repair ran (or an
    organ missing) is reported as not repaired.
    """
    ensure_chain_index(store)
    actions: list[RepairAction] = []
    organs = chain_organs(store)
    for organ in organs:
        head, seal = stored_head(store, organ)
        target, unplaced = longest_valid_prefix(organ, stream_chain(store, organ),
                                                head.hash if head else None)
        sealed = sealer is None or sealer.seal_matches(organ, target.length, target.hash, seal)
        if head == target and sealed and not unplaced:
            continue
        if head == target and sealed:
            actions.append(RepairAction(organ=organ, action="none: head at the longest "
                                        "valid run; records left unplaced",
                                        from_length=head.length, to_length=target.length,
                                        unplaced=unplaced))
            continue
        what = ("seal the head" if head == target else
                f"set the head to #{target.length}" if head else
                f"create the head at #{target.length}")
        actions.append(RepairAction(organ=organ, action=what,
                                    from_length=head.length if head else None,
                                    to_length=target.length, unplaced=unplaced))
        if dry_run:
            continue
        new_seal = sealer.seal(organ, target.length, target.hash) if sealer else None
        written = store.write(record_queries.RECORD_SET_HEAD, {
            "organ": organ, "expected_length": head.length if head else -1,
            "expected_head": head.hash if head else genesis_hash(organ),
            "genesis": genesis_hash(organ), "length": target.length, "hash": target.hash,
            "seal": new_seal})
        if not written:
            actions[-1] = actions[-1].model_copy(update={
                "action": f"could not {what}: the organ is missing or its head moved during "
                          "the repair (run it again)"})
            continue
        if sealer is not None and new_seal is not None:
            sealer.anchor(organ, target.length, target.hash, new_seal)
    registry = _repair_registry_head(store, sealer, dry_run=dry_run)
    if registry is not None:
        actions.append(registry)
    registration = register_existing(store, sealer, dry_run=dry_run)
    return RepairReport(dry_run=dry_run, organs=len(organs), actions=actions,
                        registration=registration)


def _repair_registry_head(store: GraphStore, sealer: ChainSealer | None, *, dry_run: bool
                          ) -> RepairAction | None:
    """The registry head set (and sealed) at the end of the registry chain's longest valid
    run, as an organ's head is; None when it is there and sealed already."""
    head, seal = stored_registry_head(store)
    records = (chained_record(REGISTRY_CHAIN, row) for page in registry_chain_pages(store)
               for row in page)
    target, unplaced = longest_valid_prefix(REGISTRY_CHAIN, records, head.hash)
    sealed = sealer is None or sealer.seal_matches(REGISTRY_CHAIN, target.length,
                                                   target.hash, seal)
    if head == target and sealed and not unplaced:
        return None
    what = "seal the head" if head == target else f"set the head to #{target.length}"
    action = RepairAction(organ=REGISTRY_CHAIN, action=what, from_length=head.length,
                          to_length=target.length, unplaced=unplaced)
    if dry_run or (head == target and sealed):
        return action
    new_seal = sealer.seal(REGISTRY_CHAIN, target.length, target.hash) if sealer else None
    written = store.write(registry_queries.REGISTRY_SET_HEAD, {
        "chain": REGISTRY_CHAIN, "expected_length": head.length,
        "genesis": genesis_hash(REGISTRY_CHAIN), "expected_head": head.hash,
        "length": target.length, "hash": target.hash, "seal": new_seal})
    if not written:
        return action.model_copy(update={"action": f"could not {what}: the head moved "
                                                   "during the repair (run it again)"})
    if sealer is not None and new_seal is not None:
        sealer.anchor(REGISTRY_CHAIN, target.length, target.hash, new_seal)
    return action
