"""Appending incidents to the store so that concurrent writers cannot fork an organ's hash
chain (全程留痕，有据可查), several writers' incidents in one statement (a group commit).

One ``record`` costs a constant number of statements whatever the store holds: one read of
what the incident names (graph/chains.read_references), then its share of one group append:
the writers of this process that wait while an append is in flight are taken together (at
most MAX_GROUP), their organs' heads read in one statement, the batch chained on them and
appended in one statement that compares-and-sets every head (graph/chains.append_incidents),
all or nothing; their sealed heads are anchored outside the store with one fsync
(ingest/seals.py), and only then is each writer answered. A correction, a second writer of
an id already in the batch, and every incident of a batch that another process got ahead of
(a head moved, an id stored meanwhile) are appended one at a time as before: the head read
again, the incident validated and chained again, retried.

Errors: ConflictError for an incident id already recorded with other content (or a chain
that kept moving under the writer), InputError naming the request-body field for a
reference to an unknown record or a future date, BackendError from the store.
"""


from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime

from core.errors import BackendError, ConflictError, InputError, NoAnswerError
from graph.chains import (
    MAX_GROUP,
    References,
    StoredIncident,
    append_incident,
    append_incidents,
    ensure_chain_index,
    incident_versions,
    read_references,
)
from graph.store import GraphStore
from ingest.integrity import ChainedRecord, ChainHead, chain_incidents
from ingest.library import article_items
from ingest.models import Regulation
from ingest.records import (
    Incident,
    Located,
    RecordBatch,
    RecordsInputError,
    validate_batch,
)
from ingest.seals import Anchor, ChainSealer
from liuhen.records.views import (
    BODY,
    ChainPosition,
    IncidentDetail,
    Recorded,
)

#: Appends tried before giving up on an organ whose head keeps moving.
MAX_ATTEMPTS = 20
#: Organs whose head this process remembers from its own appends (memory stays bounded).
KNOWN_HEADS = 4_096
#: Longest a leader waits, before taking a group, for writers of this process still reading
#: their references (a lone writer never waits: no other writer is reading). Without it a
#: group holds only the writers that were queued when the last one was stored, about a
#: third of eight busy writers, and every group costs the store's fsync.
GATHER_S = 0.02


@dataclass(eq=False)
class _Waiter:
    """One writer's validated incident, waiting for the group append that takes it."""

    incident: Incident
    references: References
    now: datetime | None
    done: threading.Event = field(default_factory=threading.Event)
    record: ChainedRecord | None = None  # its place in the chain, once appended and anchored
    answer: Recorded | None = None  # the answer, when it was stored already
    error: Exception | None = None


@dataclass(frozen=True)
class _Stored:
    """A group appended together: its writers, their records, the organs' new heads."""

    waiters: list[_Waiter]
    records: list[ChainedRecord]
    heads: list[ChainHead]


def _member(waiter: _Waiter, stored: _Stored | None) -> bool:
    return stored is not None and any(member is waiter for member in stored.waiters)


class IncidentRecorder:
    """Appends incidents to the store, a group of waiting writers in one atomic statement.

    Holds nothing of the records between calls. The lock serialises this process's appends:
    one group append of the process is in flight at a time, and the writers that arrive
    meanwhile wait in the queue for the next one; the compare-and-set on the organs' heads
    serialises processes.
    """

    def __init__(
        self, store: GraphStore, regulations: Mapping[str, Regulation] | None = None,
        *, sealer: ChainSealer | None = None,
    ) -> None:
        self._store = store
        self._items = article_items(regulations) if regulations else None
        self._lock = threading.Lock()
        self._queue: list[_Waiter] = []
        self._turn = threading.Condition()  # guards the queue and who leads
        self._leading = False
        self._reading = 0  # writers of this process between their first read and the queue
        self._read = 0  # writers of this process that have ended their first read, ever
        self._appended: dict[str, ChainHead] = {}  # heads this process appended, by organ
        self.sealer = sealer
        self._indexed = False

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Validate ``incident`` against what it names in the store and append it.

        Recording the identical incident again changes nothing (``created`` false), also when
        the first write was stored but its answer lost. Raises ConflictError when its id is
        recorded with other content, InputError naming the field for a reference to an
        unknown record, a future date and the like.
        """
        if not self._indexed:  # once per recorder; checked again under the lock
            with self._lock:
                if not self._indexed:
                    ensure_chain_index(self._store)
                    self._indexed = True
        # The first read and the validation run before the lock: writers of this process
        # read side by side, and an incident that fails validation never joins a group.
        with self._turn:
            self._reading += 1
        queued = False
        try:
            references = read_references(self._store, incident)
            if references.stored is not None:
                return self._already(incident, references.stored)
            self._validate(incident, references, now)
            waiter = _Waiter(incident, references, now)
            with self._turn:
                self._reading -= 1
                self._read += 1
                queued = True
                self._queue.append(waiter)
                self._turn.notify_all()  # a leader gathering a group may take it
                # One writer at a time leads: it appends the queue's groups until its own
                # incident is in. The others wait: for their incident to be done, or, while
                # it is still in the queue (not in a group being appended), for the turn.
                while not waiter.done.is_set() and (self._leading
                                                    or waiter not in self._queue):
                    self._turn.wait()
                leads = not waiter.done.is_set()
                self._leading = self._leading or leads
        finally:
            if not queued:
                with self._turn:
                    self._reading -= 1
                    self._read += 1
                    self._turn.notify_all()
        if leads:
            self._lead(waiter)
        if waiter.error is not None:
            raise waiter.error
        if waiter.answer is not None:
            return waiter.answer
        assert waiter.record is not None  # set with done, when neither answer nor error is
        record = waiter.record
        position = ChainPosition(seq=record.seq, prev_hash=record.prev_hash, hash=record.hash)
        return Recorded(created=True, incident=self._detail(
            incident, position, fresh=incident.corrects is None))

    def _lead(self, waiter: _Waiter) -> None:
        """Append the queue a group at a time until ``waiter``'s group is stored, then hand
        the turn on before anchoring it, so that the next group is appended while this one's
        anchor is fsynced; every group's writers are woken as soon as it is done."""
        handed = False
        try:
            while not waiter.done.is_set():
                with self._turn:
                    self._gather()
                    group = self._queue[:MAX_GROUP]
                    del self._queue[:MAX_GROUP]
                with self._lock:  # the one write of this process in flight
                    stored = self._append_group(group)
                if stored is not None:
                    if any(member is waiter for member in stored.waiters):
                        self._hand_on()
                        handed = True
                    self._settle(stored)
                with self._turn:
                    self._turn.notify_all()
        finally:
            if not handed:
                self._hand_on()

    def _gather(self) -> None:
        """Wait (holding ``_turn``) up to GATHER_S for the writers reading as the group is
        taken to end their read (and join the queue), so that they share the group's
        statement and fsync. Writers that begin reading meanwhile are not waited for: under
        a steady stream of requests (eight HTTP clients) someone is always reading, and
        waiting until nobody was kept every leader waiting the whole GATHER_S."""
        deadline = time.monotonic() + GATHER_S
        awaited = self._read + self._reading
        while self._read < awaited and len(self._queue) < MAX_GROUP:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            self._turn.wait(left)

    def _hand_on(self) -> None:
        with self._turn:
            self._leading = False
            self._turn.notify_all()

    def _append_group(self, group: list[_Waiter]) -> _Stored | None:
        """Append ``group``: the incidents stored together, still to be anchored and answered
        (None when there were none); every other waiter is marked done, with its record, its
        answer or its error, whatever fails."""
        stored: _Stored | None = None
        try:
            together: dict[str, _Waiter] = {}
            alone: list[_Waiter] = []
            for waiter in group:
                if waiter.incident.corrects is None and waiter.incident.id not in together:
                    together[waiter.incident.id] = waiter
                else:
                    alone.append(waiter)
            if together:
                stored = self._append_together(list(together.values()))
            if stored is None:
                alone = [*together.values(), *alone]
            for waiter in alone:
                self._append_alone(waiter)
        except Exception as error:  # the store failed: each writer not yet answered hears it
            for waiter in group:
                if not waiter.done.is_set() and not _member(waiter, stored):
                    waiter.error = error
        finally:
            for waiter in group:
                if not _member(waiter, stored):
                    waiter.done.set()
        return stored

    def _append_together(self, waiters: list[_Waiter]) -> _Stored | None:
        """One statement for all of ``waiters`` (distinct ids, no correction), chained on their
        organs' latest heads; None, nothing written, when another process moved a head or
        stored one of the ids since (they are then appended one at a time)."""
        incidents = [waiter.incident for waiter in waiters]
        records, new_heads = chain_incidents(incidents, self._latest_heads(waiters))
        try:
            appended = append_incidents(self._store, list(zip(incidents, records, strict=True)),
                                        sealer=self.sealer)
        except NoAnswerError:
            # Sent, unanswered: the group may be stored or not. Every writer of it hears so
            # (sending it again, or one at a time, could store it twice or wait as long
            # again), and the heads it would have made are forgotten: the next append chains
            # on the head the store holds, read afresh.
            self._forget(incidents)
            raise
        except BackendError:
            # The unique key refused an id stored meanwhile (the whole batch was refused), or
            # the store failed: the one-at-a-time path tells which, per incident.
            appended = False
        if not appended:
            self._forget(incidents)
            return None
        self._remember(new_heads.values())
        return _Stored(waiters, records, [new_heads[organ] for organ in dict.fromkeys(
            incident.organ for incident in incidents)])

    def _settle(self, stored: _Stored) -> None:
        """Anchor a stored group's heads (one fsync), then answer its writers."""
        try:
            self._anchor(stored.heads)
            for waiter, record in zip(stored.waiters, stored.records, strict=True):
                waiter.record = record
        except Exception as error:  # the anchor log failed: stored, but not acknowledged
            for waiter in stored.waiters:
                waiter.error = error
        finally:
            for waiter in stored.waiters:
                waiter.done.set()

    def _latest_heads(self, waiters: list[_Waiter]) -> dict[str, ChainHead]:
        """Each organ's head as this process last knew it: the head the writer's own read
        found, or the one this process appended since, whichever is longer. A head another
        process moved after both fails the group's compare-and-set, which nothing writes."""
        heads: dict[str, ChainHead] = {}
        for waiter in waiters:
            organ = waiter.incident.organ
            for known in (waiter.references.head, self._appended.get(organ), heads.get(organ)):
                if known is not None and (organ not in heads
                                          or known.length > heads[organ].length):
                    heads[organ] = known
        return heads

    def _forget(self, incidents: Iterable[Incident]) -> None:
        """Their organs' heads are read from the store again (a head remembered is only
        ever a lower bound, and a write without an answer leaves even that unknown)."""
        for incident in incidents:
            self._appended.pop(incident.organ, None)

    def _remember(self, heads: Iterable[ChainHead]) -> None:
        """The heads this process just appended (at most KNOWN_HEADS organs, oldest dropped)."""
        for head in heads:
            self._appended.pop(head.organ, None)
            self._appended[head.organ] = head
        while len(self._appended) > KNOWN_HEADS:
            self._appended.pop(next(iter(self._appended)))

    def _append_alone(self, waiter: _Waiter) -> None:
        """Append one incident as before group commits: chained on the head its references
        read, read again and retried while another writer moves it."""
        try:
            incident, references = waiter.incident, waiter.references
            for attempt in range(MAX_ATTEMPTS):
                if attempt:
                    references = read_references(self._store, incident)
                    if references.stored is not None:
                        waiter.answer = self._already(incident, references.stored)
                        return
                    self._validate(incident, references, waiter.now)
                outcome = self._append(incident, references)
                if isinstance(outcome, Recorded):
                    waiter.answer = outcome
                    return
                if outcome is not None:
                    record, new_head = outcome
                    self._remember([new_head])
                    self._anchor([new_head])
                    waiter.record = record
                    return
            raise ConflictError(
                f"the chain of organ {incident.organ!r} kept moving under {MAX_ATTEMPTS} "
                "attempts to append; try again", details={"field": f"{BODY}.organ"})
        except Exception as error:  # answered to its writer, not to the group's leader
            waiter.error = error
        finally:
            waiter.done.set()

    def _anchor(self, heads: list[ChainHead]) -> None:
        """The sealed new heads, anchored outside the store (one fsync) before any answer."""
        if self.sealer is None:
            return
        self.sealer.anchor_heads([
            Anchor(head.organ, head.length, head.hash,
                   self.sealer.seal(head.organ, head.length, head.hash))
            for head in heads])

    def _append(self, incident: Incident, references: References
                ) -> tuple[ChainedRecord, ChainHead] | Recorded | None:
        """Chain ``incident`` on the head ``references`` read and append it: the record and
        the organ's new head; None when the head moved (nothing written); the answer for a
        retry when another writer stored the same id meanwhile."""
        head = references.head
        [record], new_heads = chain_incidents([incident], {head.organ: head} if head else None)
        try:
            appended = append_incident(self._store, incident, record, sealer=self.sealer)
        except NoAnswerError:
            self._forget([incident])  # stored or not: see _append_together
            raise
        except BackendError:
            # The unique key refuses an id another writer stored meanwhile: answer as for a
            # retry. Anything else is the store failing.
            again = read_references(self._store, incident).stored
            if again is None:
                raise
            return self._already(incident, again)
        return (record, new_heads[incident.organ]) if appended else None

    def _already(self, incident: Incident, stored: StoredIncident) -> Recorded:
        if stored.incident != incident:
            raise ConflictError(
                f"incident {incident.id!r} is already recorded with other content; "
                f"records are append-only: record a correction of {incident.id!r} instead",
                details={"field": f"{BODY}.id"},
            )
        position = (ChainPosition(seq=stored.seq, prev_hash=stored.prev_hash or "",
                                  hash=stored.hash or "")
                    if stored.seq is not None else None)
        return Recorded(created=False, incident=self._detail(stored.incident, position))

    def _detail(self, incident: Incident, position: ChainPosition | None, *,
                fresh: bool = False) -> IncidentDetail:
        """The answer; ``fresh``: just appended and correcting nothing, so its versions are
        itself alone as of the append (no CORRECTS edge leaves it, none could reach it
        before it existed) and the store is not read for them."""
        versions, superseded_by = (([incident.id], None) if fresh
                                   else incident_versions(self._store, incident.id))
        return IncidentDetail(**incident.model_dump(), superseded_by=superseded_by,
                              versions=versions, chain=position)

    def _validate(self, incident: Incident, references: References,
                  now: datetime | None) -> None:
        batch = RecordBatch(incidents=[Located(incident, BODY, 1)])
        try:
            validate_batch(batch, references.records, now=now, article_items=self._items)
        except RecordsInputError as error:
            raise _body_error(error) from error

    def forget(self) -> None:
        """Nothing is cached any more; kept for callers of the earlier recorder."""


def _body_error(error: RecordsInputError) -> InputError:
    """The batch validator's problems, named by request-body field instead of file and line."""
    problems = []
    for problem in error.errors:
        prefix = f"{BODY}:1, field {problem.field!r}: " if problem.field else f"{BODY}:1: "
        field = f"{BODY}.{problem.field}" if problem.field else BODY
        problems.append({"field": field, "message": problem.message.removeprefix(prefix)})
    first = problems[0]
    more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
    out = InputError(f"{first['field']}: {first['message']}{more}")
    out.field = first["field"]
    out.details = {"field": first["field"], "errors": problems}
    return out

