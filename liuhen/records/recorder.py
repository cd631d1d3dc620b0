"""Appending incidents to the store one at a time, so that concurrent writers cannot fork an
organ's hash chain (全程留痕，有据可查).

One ``record`` costs a constant number of statements whatever the store holds: one read of
what the incident names (graph/chains.read_references), one atomic append that
compares-and-sets the organ's chain head (graph/chains.append_incident), and, for a
correction or an incident already stored, one read of its versions for the answer. A writer
that lost the race (another process appended first) reads the head again, chains again and
retries. After an acknowledged write the sealed head is
anchored outside the store (ingest/seals.py).

Errors: ConflictError for an incident id already recorded with other content (or a chain
that kept moving under the writer), InputError naming the request-body field for a
reference to an unknown record or a future date, BackendError from the store.
"""


from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime

from core.errors import BackendError, ConflictError, InputError
from graph.chains import (
    References,
    StoredIncident,
    append_incident,
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
from ingest.seals import ChainSealer
from liuhen.records.views import (
    BODY,
    ChainPosition,
    IncidentDetail,
    Recorded,
)

#: Appends tried before giving up on an organ whose head keeps moving.
MAX_ATTEMPTS = 20


class IncidentRecorder:
    """Appends incidents to the store, each in one atomic statement.

    Holds nothing of the records between calls. The lock serialises this process's appends
    (its writers read side by side; one that lost the race appends again under the lock, so
    they do not make each other retry more than once); the compare-and-set on the organ's
    head serialises processes.
    """

    def __init__(
        self, store: GraphStore, regulations: Mapping[str, Regulation] | None = None,
        *, sealer: ChainSealer | None = None,
    ) -> None:
        self._store = store
        self._items = article_items(regulations) if regulations else None
        self._lock = threading.Lock()
        self.sealer = sealer
        self._indexed = False

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Validate ``incident`` against what it names in the store and append it.

        Recording the identical incident again changes nothing (``created`` false), also when
        the first write was stored but its answer lost. Raises ConflictError when its id is
        recorded with other content, InputError naming the field for a reference to an
        unknown record, a future date and the like.
        """
        with self._lock:
            if not self._indexed:
                ensure_chain_index(self._store)
                self._indexed = True
        # The first read and the validation run before the lock: writers of this process
        # read side by side. The append, the only write, runs under it (one write of this
        # process in flight, as before); a writer whose head moved meanwhile reads, validates
        # and appends again under the lock, where no writer of this process can move it.
        references = read_references(self._store, incident)
        if references.stored is not None:
            return self._already(incident, references.stored)
        self._validate(incident, references, now)
        with self._lock:
            outcome = self._append(incident, references)
            for _ in range(MAX_ATTEMPTS - 1):
                if outcome is not None:
                    break
                references = read_references(self._store, incident)
                if references.stored is not None:
                    return self._already(incident, references.stored)
                self._validate(incident, references, now)
                outcome = self._append(incident, references)
        if outcome is None:
            raise ConflictError(
                f"the chain of organ {incident.organ!r} kept moving under {MAX_ATTEMPTS} "
                "attempts to append; try again", details={"field": f"{BODY}.organ"})
        if isinstance(outcome, Recorded):
            return outcome
        record, new_head = outcome
        if self.sealer is not None:
            # after the lock: the anchor log keeps the longest head of each organ whatever
            # the order its lines are written in, and this write is anchored before it is
            # answered
            self.sealer.anchor(new_head.organ, new_head.length, new_head.hash,
                               self.sealer.seal(new_head.organ, new_head.length,
                                                new_head.hash))
        position = ChainPosition(seq=record.seq, prev_hash=record.prev_hash, hash=record.hash)
        return Recorded(created=True, incident=self._detail(
            incident, position, fresh=incident.corrects is None))

    def _append(self, incident: Incident, references: References
                ) -> tuple[ChainedRecord, ChainHead] | Recorded | None:
        """Chain ``incident`` on the head ``references`` read and append it: the record and
        the organ's new head; None when the head moved (nothing written); the answer for a
        retry when another writer stored the same id meanwhile."""
        head = references.head
        [record], new_heads = chain_incidents([incident], {head.organ: head} if head else None)
        try:
            appended = append_incident(self._store, incident, record, sealer=self.sealer)
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

