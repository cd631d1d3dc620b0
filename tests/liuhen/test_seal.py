"""Tamper evidence beyond the hashes (issue 12, finding 6): chain heads sealed with a key
kept outside the store, and anchors of the latest sealed heads, also outside it. Each hand
edit below keeps every hash of the chain consistent, so only the seal or the anchor can
tell; each must be reported, on the organ edited and no other."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.chain_audit import verify_store
from graph.chains import incident_props, stored_head, stream_chain
from graph.falkordb_store import FalkorDBStore
from ingest.integrity import (
    ChainedRecord,
    ProblemKind,
    canonical_json,
    incident_payload,
    record_hash,
)
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import new_incident, people_store, seal_key, tamper

TARGET, BYSTANDER = "bl-al-fy", "bl-fy"


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "seal_test", sealer) as opened:
        recorder = IncidentRecorder(opened, sealer=sealer)
        for n in range(5):
            recorder.record(new_incident(f"t-{n}", organ=TARGET))
        for n in range(3):
            recorder.record(new_incident(f"b-{n}", organ=BYSTANDER))
        yield opened


def chain(store: FalkorDBStore) -> list[ChainedRecord]:
    return list(stream_chain(store, TARGET))


def set_head(store: FalkorDBStore, length: int | None, head_hash: str | None,
             seal: str | None = None, *, keep_seal: bool = True) -> None:
    if keep_seal:
        tamper(store, "MATCH (o:Organ {id: $organ}) SET o.chain_length = $length, "
               "o.chain_head = $hash", organ=TARGET, length=length, hash=head_hash)
    else:
        tamper(store, "MATCH (o:Organ {id: $organ}) SET o.chain_length = $length, "
               "o.chain_head = $hash, o.chain_seal = $seal", organ=TARGET, length=length,
               hash=head_hash, seal=seal)


def rewrite_tail_and_head(store: FalkorDBStore, sealer: ChainSealer) -> None:
    last = chain(store)[-1]
    payload = last.payload | {"request": "改写后的请托内容"}
    new_hash = record_hash(payload, last.prev_hash)
    tamper(store, "MATCH (i:Incident {id: $id}) SET i.payload = $payload, i.hash = $hash",
           id=last.record_id, payload=canonical_json(payload), hash=new_hash)
    set_head(store, last.seq, new_hash)


def delete_last_and_fix_head(store: FalkorDBStore, sealer: ChainSealer) -> None:
    *rest, last = chain(store)
    tamper(store, "MATCH (i:Incident {id: $id}) DETACH DELETE i", id=last.record_id)
    set_head(store, rest[-1].seq, rest[-1].hash)


def append_forged_record(store: FalkorDBStore, sealer: ChainSealer) -> None:
    last = chain(store)[-1]
    forged = new_incident("forged", organ=TARGET)
    payload = incident_payload(forged)
    record = ChainedRecord(organ=TARGET, seq=last.seq + 1, record_id="forged",
                           payload=payload, prev_hash=last.hash,
                           hash=record_hash(payload, last.hash))
    props = incident_props(forged, record)
    tamper(store, "MATCH (o:Organ {id: $organ}) CREATE (i:Incident {id: $id, organ: $organ, "
           "seq: $seq, prev_hash: $prev_hash, hash: $hash, payload: $payload})"
           "-[:RECORDED_IN]->(o)", organ=TARGET, id="forged", seq=record.seq,
           prev_hash=record.prev_hash, hash=record.hash, payload=props["payload"])
    set_head(store, record.seq, record.hash)


def delete_whole_chain_and_head(store: FalkorDBStore, sealer: ChainSealer) -> None:
    tamper(store, "MATCH (i:Incident {organ: $organ}) DETACH DELETE i", organ=TARGET)
    set_head(store, None, None, None, keep_seal=False)


def replace_seal(store: FalkorDBStore, sealer: ChainSealer) -> None:
    _, other_seal = stored_head(store, BYSTANDER)
    tamper(store, "MATCH (o:Organ {id: $organ}) SET o.chain_seal = $seal", organ=TARGET,
           seal=other_seal)


def roll_back_to_an_old_sealed_head(store: FalkorDBStore, sealer: ChainSealer) -> None:
    # The attacker saved the head and seal the store held one write earlier.
    *rest, last = chain(store)
    old_seal = sealer.seal(TARGET, rest[-1].seq, rest[-1].hash)
    tamper(store, "MATCH (i:Incident {id: $id}) DETACH DELETE i", id=last.record_id)
    set_head(store, rest[-1].seq, rest[-1].hash, old_seal, keep_seal=False)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (rewrite_tail_and_head, {ProblemKind.SEAL_MISMATCH, ProblemKind.ANCHOR_MISMATCH}),
        (delete_last_and_fix_head, {ProblemKind.SEAL_MISMATCH, ProblemKind.ANCHOR_MISMATCH}),
        (append_forged_record, {ProblemKind.SEAL_MISMATCH}),
        (delete_whole_chain_and_head, {ProblemKind.ANCHOR_MISMATCH}),
        (replace_seal, {ProblemKind.SEAL_MISMATCH}),
        (roll_back_to_an_old_sealed_head, {ProblemKind.ANCHOR_MISMATCH}),
    ],
    ids=lambda value: getattr(value, "__name__", ""),
)
def test_each_tamper_case_is_detected(
    store: FalkorDBStore, sealer: ChainSealer,
    edit: Callable[[FalkorDBStore, ChainSealer], None], expected: set[ProblemKind],
) -> None:
    before = verify_store(store, sealer)
    assert before.ok, before.problems
    edit(store, sealer)
    report = verify_store(store, sealer)
    assert not report.ok
    assert {p.organ for p in report.problems} == {TARGET}
    assert {p.kind for p in report.problems} >= expected, report.problems


def test_without_the_key_a_sealed_store_is_not_called_intact(
    store: FalkorDBStore, sealer: ChainSealer, tmp_path: Path,
) -> None:
    stranger = ChainSealer(tmp_path / "elsewhere" / "seal.key")  # another key, no anchors
    stranger.key()
    report = verify_store(store, stranger)
    assert {p.kind for p in report.problems} == {ProblemKind.SEAL_MISMATCH}


def test_key_and_anchor_files_are_private(store: FalkorDBStore, sealer: ChainSealer) -> None:
    assert sealer.key_file.stat().st_mode & 0o777 == 0o600
    assert sealer.key_file.parent.stat().st_mode & 0o777 == 0o700
    assert sealer.anchor_file.stat().st_mode & 0o777 == 0o600
    latest = sealer.latest()
    assert latest[TARGET].length == 5 and latest[BYSTANDER].length == 3


def test_the_anchor_log_stays_one_line_per_organ_after_compaction(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("ingest.seals.ANCHOR_SLACK_BYTES", 2_000)
    sealer = ChainSealer(tmp_path / "keys" / "seal.key")
    for length in range(1, 101):
        for organ in ("o-a", "o-b"):
            sealer.anchor(organ, length, f"h{length}", sealer.seal(organ, length, f"h{length}"))
    lines = sealer.anchor_file.read_text().splitlines()
    assert len(lines) < 40  # compacted, not 200 lines
    latest = sealer.latest()
    assert {o: (a.length, a.hash) for o, a in latest.items()} == {
        "o-a": (100, "h100"), "o-b": (100, "h100")}
    assert all(sealer.seal_matches(o, a.length, a.hash, a.seal) for o, a in latest.items())


def test_writers_racing_to_create_the_key_all_get_the_same_one(tmp_path: Path) -> None:
    key_file = tmp_path / "keys" / "seal.key"
    barrier = threading.Barrier(8)
    keys: list[bytes | None] = []

    def create() -> None:
        barrier.wait()
        keys.append(ChainSealer(key_file).key())

    threads = [threading.Thread(target=create) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(keys) == 8 and len(set(keys)) == 1 and keys[0] == key_file.read_bytes()
    assert sorted(p.name for p in key_file.parent.iterdir()) == ["seal.key"]


def test_an_edited_anchor_log_is_detected(store: FalkorDBStore, sealer: ChainSealer) -> None:
    """An entry added to the anchor log by hand (to make a truncated chain look short on
    purpose, or a longer forged one look anchored) carries no seal of the key."""
    with sealer.anchor_file.open("a", encoding="utf-8") as log:
        log.write(f"{TARGET} 99 {'ab' * 32} {'cd' * 32}\n")
    problems = verify_store(store, sealer).problems
    edited = [p for p in problems if p.kind is ProblemKind.SEAL_MISMATCH]
    assert [(p.organ, p.seq) for p in edited] == [(TARGET, 99)], problems
    assert "anchor log" in edited[0].message
