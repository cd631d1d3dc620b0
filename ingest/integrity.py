"""全程留痕，有据可查: every incident carries a SHA-256 hash chained to the previous incident of
its organ, so an altered, reordered or removed record shows.

The hash of a record is ``sha256(prev_hash + "\\n" + canonical_json(payload))``. The first
record of an organ chains to a genesis hash derived from the organ id, so a chain cannot be
moved to another organ unnoticed. A chain head (length and last hash per organ) kept beside
the records reveals a record removed from the end. An attacker who rewrites the tail and
the head together is caught only by what lies outside the store: the head's seal and the
anchor log (ingest/seals.py), checked by graph/chain_audit.py. :class:`ChainChecker` checks
one organ's chain as it streams by, in constant memory.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict, Field

from ingest.records import Incident


def canonical_json(value: Any) -> str:
    """Deterministic JSON: sorted keys, no whitespace, UTF-8 text kept as is, ISO dates."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=_json_default)


def _json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    raise TypeError(f"cannot hash a {type(value).__name__}")


def genesis_hash(organ: str) -> str:
    return hashlib.sha256(f"liuhen-chain-genesis:{organ}".encode()).hexdigest()


def record_hash(payload: Mapping[str, Any], prev_hash: str) -> str:
    return hashlib.sha256((prev_hash + "\n" + canonical_json(payload)).encode()).hexdigest()


def _id_field(record_id: str) -> str:
    """``"id":"<record_id>"`` as canonical JSON writes it. In JSON text a quote inside a
    string is escaped, so this can only be a key and its value; the only ``id`` key of an
    incident payload is its own."""
    if '"' in record_id or "\\" in record_id or not record_id.isprintable():
        return f'"id":{json.dumps(record_id, ensure_ascii=False)}'
    return f'"id":"{record_id}"'


def _text_hash(payload_text: str | None, prev_hash: str) -> str | None:
    """The record hash of a payload already in canonical JSON text (None: no text)."""
    if payload_text is None:
        return None
    return hashlib.sha256((prev_hash + "\n" + payload_text).encode()).hexdigest()


def text_matches(payload_text: str, prev_hash: str, digest: str) -> bool:
    """Whether a stored payload text, hashed as it is, gives the stored hash (as liuhen wrote
    it: the canonical JSON that was hashed)."""
    return _text_hash(payload_text, prev_hash) == digest


def incident_payload(incident: Incident) -> dict[str, Any]:
    """What the hash covers: every field of the incident, defaults included."""
    return incident.model_dump(mode="json")


class ChainedRecord(BaseModel):
    """An incident as stored: its payload, its place in its organ's chain, and the hashes."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    organ: str
    seq: int = Field(ge=1, description="1-based position in the organ's chain")
    record_id: str
    payload: dict[str, Any]
    prev_hash: str
    hash: str


class ChainHead(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    organ: str
    length: int = Field(ge=0)
    hash: str


def append(
    payloads: Iterable[tuple[str, str, Mapping[str, Any]]],
    heads: Mapping[str, ChainHead] | None = None,
) -> tuple[list[ChainedRecord], dict[str, ChainHead]]:
    """Chain new records onto their organs' chains.

    ``payloads`` are (organ, record id, payload) in the order of appending; ``heads`` are the
    current heads (an organ without one starts a new chain). Returns the chained records and
    the new heads of the organs that grew.
    """
    current = dict(heads or {})
    out: list[ChainedRecord] = []
    for organ, record_id, payload in payloads:
        head = current.get(organ) or ChainHead(organ=organ, length=0, hash=genesis_hash(organ))
        digest = record_hash(payload, head.hash)
        out.append(ChainedRecord(organ=organ, seq=head.length + 1, record_id=record_id,
                                 payload=dict(payload), prev_hash=head.hash, hash=digest))
        current[organ] = ChainHead(organ=organ, length=head.length + 1, hash=digest)
    grown = {r.organ for r in out}
    return out, {organ: head for organ, head in current.items() if organ in grown}


def chain_incidents(
    incidents: Iterable[Incident], heads: Mapping[str, ChainHead] | None = None
) -> tuple[list[ChainedRecord], dict[str, ChainHead]]:
    return append(((i.organ, i.id, incident_payload(i)) for i in incidents), heads)


class ProblemKind(StrEnum):
    ALTERED = "altered"  # payload no longer matches its hash
    BROKEN_LINK = "broken_link"  # prev_hash is not the hash of the record before it
    REORDERED = "reordered"  # positions out of order, or a record holds another's place
    REMOVED = "removed"  # a gap in the positions, or the chain is shorter than its head
    HEAD_MISMATCH = "head_mismatch"  # the last hash differs from the recorded head
    UNKNOWN_HEAD = "unknown_head"  # records of an organ that has no head, or the reverse
    SEAL_MISMATCH = "seal_mismatch"  # the head's seal is not the key's (or is missing)
    ANCHOR_MISMATCH = "anchor_mismatch"  # the chain no longer holds its anchored head
    # ingest/registry.py: a node or edge the reads use differs from its hashed record
    CHANGED = "changed"
    UNREGISTERED = "unregistered"  # a node or edge no hashed record holds


class Problem(BaseModel):
    """One thing wrong with an organ's chain, named by position and record where known."""

    model_config = ConfigDict(frozen=True)

    kind: ProblemKind
    organ: str
    seq: int | None
    record_id: str | None
    message: str


class IntegrityReport(BaseModel):
    """What checking every organ's hash chain found; ``ok`` when nothing."""

    ok: bool = Field(description="every organ's chain is intact")
    organs: int
    records: int
    registered: int = Field(default=0, description="registry records of organs, actors "
                            "and relations checked")
    problems: list[Problem]


def _problem(kind: ProblemKind, organ: str, seq: int | None, record_id: str | None,
             message: str) -> Problem:
    return Problem(kind=kind, organ=organ, seq=seq, record_id=record_id, message=message)


def verify(
    records: Sequence[ChainedRecord], heads: Mapping[str, ChainHead] | None = None
) -> IntegrityReport:
    """Check every organ's chain as read back from a store, in the order the store gives.

    Reports records whose payload was altered, chains whose links are broken, records out of
    order, positions missing, and chains that do not end at their recorded head. With
    ``heads`` None, only what the records themselves show is checked.
    """
    problems: list[Problem] = []
    by_organ: dict[str, list[ChainedRecord]] = defaultdict(list)
    for record in records:
        by_organ[record.organ].append(record)
    for organ, chain in sorted(by_organ.items()):
        problems.extend(_verify_chain(organ, chain, None if heads is None else heads.get(organ),
                                      check_head=heads is not None))
    if heads is not None:
        for organ, head in sorted(heads.items()):
            if organ not in by_organ and head.length > 0:
                problems.append(_problem(ProblemKind.REMOVED, organ, None, None,
                                        f"all {head.length} records of {organ} are missing"))
    return IntegrityReport(ok=not problems, organs=len(by_organ), records=len(records),
                           problems=problems)


def _verify_chain(
    organ: str, chain: list[ChainedRecord], head: ChainHead | None, *, check_head: bool
) -> list[Problem]:
    problems: list[Problem] = []
    seqs = [r.seq for r in chain]
    if seqs != sorted(seqs):
        first_bad = next(i for i in range(1, len(seqs)) if seqs[i] < seqs[i - 1])
        problems.append(_problem(
            ProblemKind.REORDERED, organ, chain[first_bad].seq, chain[first_bad].record_id,
            f"{organ}: record {chain[first_bad].record_id!r} (#{chain[first_bad].seq}) comes "
            f"after #{chain[first_bad - 1].seq}"))
    ordered = sorted(chain, key=lambda r: r.seq)
    counts: defaultdict[int, int] = defaultdict(int)
    for record in ordered:
        counts[record.seq] += 1
    for seq, count in sorted(counts.items()):
        if count > 1:
            problems.append(_problem(ProblemKind.REORDERED, organ, seq, None,
                                    f"{organ}: {count} records claim position #{seq}"))
    expected_prev = genesis_hash(organ)
    expected_seq = 1
    for record in ordered:
        if record.seq > expected_seq:
            missing = (f"#{expected_seq}" if record.seq == expected_seq + 1
                       else f"#{expected_seq}-#{record.seq - 1}")
            problems.append(_problem(ProblemKind.REMOVED, organ, expected_seq, None,
                                    f"{organ}: record {missing} is missing"))
        if record_hash(record.payload, record.prev_hash) != record.hash:
            problems.append(_problem(ProblemKind.ALTERED, organ, record.seq, record.record_id,
                                    f"{organ}: record {record.record_id!r} (#{record.seq}) was "
                                    "altered: its content no longer matches its hash"))
        if record.payload.get("id", record.record_id) != record.record_id:
            problems.append(_problem(ProblemKind.ALTERED, organ, record.seq, record.record_id,
                                    f"{organ}: #{record.seq} is stored as {record.record_id!r} "
                                    f"but its content is {record.payload.get('id')!r}"))
        if record.prev_hash != expected_prev and record.seq == expected_seq:
            problems.append(_problem(ProblemKind.BROKEN_LINK, organ, record.seq, record.record_id,
                                    f"{organ}: record {record.record_id!r} (#{record.seq}) does "
                                    "not link to the record before it"))
        expected_prev = record.hash
        expected_seq = record.seq + 1
    if check_head:
        if head is None:
            problems.append(_problem(ProblemKind.UNKNOWN_HEAD, organ, None, None,
                                    f"{organ}: records without a chain head"))
        else:
            last = ordered[-1].seq if ordered else 0
            for record in ordered:
                if record.seq > head.length:
                    problems.append(_problem(
                        ProblemKind.REORDERED, organ, record.seq, record.record_id,
                        f"{organ}: record {record.record_id!r} claims #{record.seq}, beyond the "
                        f"{head.length} records of the chain"))
            if head.length > last:
                problems.append(_problem(ProblemKind.REMOVED, organ, head.length, None,
                    f"{organ}: the head records {head.length} records, the chain ends at "
                    f"#{last}"))
            elif ordered and head.length == last and head.hash != ordered[-1].hash:
                problems.append(_problem(ProblemKind.HEAD_MISMATCH, organ, last,
                                        ordered[-1].record_id,
                                        f"{organ}: the last record's hash is not the head's"))
    return problems


class _Link(NamedTuple):
    """What the position checks need of a record."""

    seq: int
    record_id: str
    prev_hash: str
    hash: str


class ChainChecker:
    """One organ's chain checked as its records stream by in (seq, id) order, in constant
    memory: the same findings as :func:`verify` for one organ (the store gives the order, so
    nothing is out of order), plus the anchored head it must still hold."""

    def __init__(self, organ: str, anchor: tuple[int, str] | None = None) -> None:
        self.organ = organ
        self.anchor = anchor
        self.anchor_seen = False
        self.anchor_matched = False
        self.problems: list[Problem] = []
        self.records = 0
        self._expected_seq = 1
        self._expected_prev = genesis_hash(organ)
        self._last: _Link | None = None
        self._run = 0  # records seen at the last seq

    def feed(self, record: ChainedRecord) -> None:
        """Check the next record."""
        self._content(record)
        self._position(_Link(record.seq, record.record_id, record.prev_hash, record.hash))

    def feed_stored(self, seq: int, record_id: str, prev_hash: str, digest: str,
                    payload_text: str) -> None:
        """Check the next record as stored: its payload text is hashed as it is (written by
        liuhen, it is the canonical JSON that was hashed) and only parsed when that does not
        match, which keeps a check of millions of records cheap."""
        if (_text_hash(payload_text, prev_hash) != digest
                or _id_field(record_id) not in payload_text):
            try:
                payload = json.loads(payload_text)
                if not isinstance(payload, dict):
                    raise ValueError("not an object")
            except ValueError:
                payload = {"unreadable": payload_text}
            self._content(ChainedRecord.model_construct(
                organ=self.organ, seq=seq, record_id=record_id, payload=payload,
                prev_hash=prev_hash, hash=digest))
        self._position(_Link(seq, record_id, prev_hash, digest))

    def _content(self, record: ChainedRecord) -> None:
        organ = self.organ
        if record_hash(record.payload, record.prev_hash) != record.hash:
            self.problems.append(_problem(
                ProblemKind.ALTERED, organ, record.seq, record.record_id,
                f"{organ}: record {record.record_id!r} (#{record.seq}) was altered: its "
                "content no longer matches its hash"))
        if record.payload.get("id", record.record_id) != record.record_id:
            self.problems.append(_problem(
                ProblemKind.ALTERED, organ, record.seq, record.record_id,
                f"{organ}: #{record.seq} is stored as {record.record_id!r} but its content "
                f"is {record.payload.get('id')!r}"))

    def _position(self, record: _Link) -> None:
        organ = self.organ
        self.records += 1
        if self._last is not None and record.seq == self._last.seq:
            self._run += 1
            if self._run == 2:
                self.problems.append(_problem(ProblemKind.REORDERED, organ, record.seq, None,
                                              f"{organ}: several records claim position "
                                              f"#{record.seq}"))
        else:
            self._run = 1
        if record.seq > self._expected_seq:
            missing = (f"#{self._expected_seq}" if record.seq == self._expected_seq + 1
                       else f"#{self._expected_seq}-#{record.seq - 1}")
            self.problems.append(_problem(ProblemKind.REMOVED, organ, self._expected_seq,
                                          None, f"{organ}: record {missing} is missing"))
        if record.prev_hash != self._expected_prev and record.seq == self._expected_seq:
            self.problems.append(_problem(
                ProblemKind.BROKEN_LINK, organ, record.seq, record.record_id,
                f"{organ}: record {record.record_id!r} (#{record.seq}) does not link to the "
                "record before it"))
        if self.anchor is not None and record.seq == self.anchor[0]:
            self.anchor_seen = True
            self.anchor_matched = self.anchor_matched or record.hash == self.anchor[1]
        self._expected_prev = record.hash
        self._expected_seq = record.seq + 1
        self._last = record

    def finish(self, head: ChainHead | None) -> list[Problem]:
        """The problems found, with the head checked against the chain's end."""
        organ = self.organ
        last = self._last
        if self.anchor is not None and not self.anchor_seen:
            length = self.anchor[0]
            self.problems.append(_problem(
                ProblemKind.ANCHOR_MISMATCH, organ, length, None,
                f"{organ}: the chain was anchored at {length} records but " + (
                    f"ends at #{last.seq}: records were removed" if last is not None
                    else "holds none: the chain was deleted")))
        elif self.anchor is not None and not self.anchor_matched:
            self.problems.append(_problem(
                ProblemKind.ANCHOR_MISMATCH, organ, self.anchor[0], None,
                f"{organ}: no record at #{self.anchor[0]} is the one anchored there: the "
                "chain was rewritten from there on"))
        if last is None:
            if head is not None and head.length > 0:
                self.problems.append(_problem(ProblemKind.REMOVED, organ, None, None,
                                              f"all {head.length} records of {organ} are "
                                              "missing"))
            return self.problems
        if head is None:
            self.problems.append(_problem(ProblemKind.UNKNOWN_HEAD, organ, None, None,
                                          f"{organ}: records without a chain head"))
        elif last.seq > head.length:
            self.problems.append(_problem(
                ProblemKind.REORDERED, organ, last.seq, last.record_id,
                f"{organ}: record {last.record_id!r} claims #{last.seq}, beyond the "
                f"{head.length} records of the chain"))
        elif head.length > last.seq:
            self.problems.append(_problem(ProblemKind.REMOVED, organ, head.length, None,
                                          f"{organ}: the head records {head.length} records, "
                                          f"the chain ends at #{last.seq}"))
        elif head.hash != last.hash:
            self.problems.append(_problem(ProblemKind.HEAD_MISMATCH, organ, last.seq,
                                          last.record_id,
                                          f"{organ}: the last record's hash is not the "
                                          "head's"))
        return self.problems
