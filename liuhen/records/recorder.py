"""Appending incidents to the store one at a time, so that concurrent requests cannot fork an
organ's hash chain (全程留痕，有据可查).

Errors: ConflictError for an incident id already recorded with other content, InputError
naming the request-body field for a reference to an unknown record or a future date.
"""


from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from core.errors import ConflictError, InputError
from graph import queries
from graph.records import read_record_set, write_plan
from graph.store import GraphStore
from ingest.integrity import ChainHead, genesis_hash
from ingest.library import article_items
from ingest.models import Regulation
from ingest.records import (
    Incident,
    Located,
    RecordBatch,
    RecordSet,
    RecordsInputError,
    validate_batch,
)
from liuhen.records.readers import _detail, incident_detail
from liuhen.records.views import (
    BODY,
    ChainPosition,
    IncidentDetail,
    Recorded,
)


class IncidentRecorder:
    """Appends incidents to the store one at a time.

    Validation against the stored records, the write and the chain heads happen under one
    lock, so concurrent requests cannot fork an organ's chain or record an id twice. The
    records are cached between writes and read again whenever the chain heads in the store
    differ from the cached ones (someone else appended) or a reference is unknown to the
    cache (someone else added an organ, actor or case). One recorder per process: another
    process writing incidents to the same store at the same moment is not serialised with it.
    """

    def __init__(
        self, store: GraphStore, regulations: Mapping[str, Regulation] | None = None
    ) -> None:
        self._store = store
        self._items = article_items(regulations) if regulations else None
        self._lock = threading.Lock()
        self._records: RecordSet | None = None
        self._heads: dict[str, ChainHead] = {}

    def _stored_heads(self) -> dict[str, ChainHead]:
        return {row["organ"]: ChainHead(**row)
                for row in self._store.read(queries.RECORD_CHAIN_HEADS)}

    def _current(self, *, fresh: bool) -> RecordSet:
        heads = self._stored_heads()
        if fresh or self._records is None or heads != self._heads:
            self._records = read_record_set(self._store)
            self._heads = heads
        return self._records

    def record(self, incident: Incident, *, now: datetime | None = None) -> Recorded:
        """Validate ``incident`` against the store and append it.

        Recording the identical incident again changes nothing (``created`` false). Raises
        ConflictError when its id is recorded with other content, InputError naming the
        field for a reference to an unknown record, a future date and the like.
        """
        with self._lock:
            plan = None
            for fresh in (False, True):  # the cache may be behind the store: read it again
                records = self._current(fresh=fresh)
                stored = records.incidents.get(incident.id)
                if stored is not None:
                    break
                try:
                    plan = self._validate(incident, records, now)
                    break
                except InputError:
                    if fresh:
                        raise
            if stored is not None:
                if stored != incident:
                    raise ConflictError(
                        f"incident {incident.id!r} is already recorded with other content; "
                        f"records are append-only: record a correction of {incident.id!r} "
                        "instead",
                        details={"field": f"{BODY}.id"},
                    )
                return Recorded(created=False, incident=self._stored_detail(incident))
            assert plan is not None
            heads = dict(self._heads)
            try:
                new_heads = write_plan(self._store, plan, heads)
            except BaseException:
                self._records = None  # part of it may be written: read the store again
                raise
            head = new_heads[incident.organ]
            previous = heads.get(incident.organ)
            records.incidents[incident.id] = incident
            self._heads = {**heads, **new_heads}
            position = ChainPosition(
                seq=head.length, hash=head.hash,
                prev_hash=previous.hash if previous else genesis_hash(incident.organ),
            )
            return Recorded(created=True, incident=_detail(records, incident, position))

    def _stored_detail(self, incident: Incident) -> IncidentDetail:
        return incident_detail(self._store, incident.id)

    def _validate(self, incident: Incident, records: RecordSet,
                  now: datetime | None) -> Any:
        batch = RecordBatch(incidents=[Located(incident, BODY, 1)])
        try:
            return validate_batch(batch, records, now=now, article_items=self._items)
        except RecordsInputError as error:
            raise _body_error(error) from error

    def forget(self) -> None:
        """Drop the cache (after the store was changed behind the recorder's back)."""
        with self._lock:
            self._records = None


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
