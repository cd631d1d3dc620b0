"""The hash chain over incidents: any altered, reordered or removed record shows."""

from __future__ import annotations

from ingest.integrity import (
    ChainedRecord,
    ProblemKind,
    canonical_json,
    chain_incidents,
    genesis_hash,
    record_hash,
    verify,
)
from ingest.records import RecordSet


def chained(example: RecordSet) -> tuple[list[ChainedRecord], dict]:
    return chain_incidents(example.incidents.values())


def kinds(report) -> set[ProblemKind]:
    return {p.kind for p in report.problems}


def test_canonical_json_is_order_free_and_keeps_chinese():
    assert canonical_json({"b": 1, "a": "说情"}) == '{"a":"说情","b":1}'
    assert record_hash({"a": 1, "b": 2}, "0") == record_hash({"b": 2, "a": 1}, "0")


def test_an_intact_chain_verifies(example: RecordSet):
    records, heads = chained(example)
    report = verify(records, heads)
    assert report.ok, report.problems
    assert report.records == len(example.incidents)
    first = next(r for r in records if r.organ == "bl-al-fy")
    assert first.seq == 1 and first.prev_hash == genesis_hash("bl-al-fy")


def test_chains_continue_from_their_heads(example: RecordSet):
    incidents = list(example.incidents.values())
    first, heads = chain_incidents(incidents[:30])
    rest, new_heads = chain_incidents(incidents[30:], heads)
    assert verify(first + rest, {**heads, **new_heads}).ok


def test_altered_record(example: RecordSet):
    records, heads = chained(example)
    victim = records[5]
    records[5] = victim.model_copy(update={"payload": victim.payload | {"request": "无"}})
    report = verify(records, heads)
    assert kinds(report) == {ProblemKind.ALTERED}
    assert report.problems[0].record_id == victim.record_id


def test_removed_record(example: RecordSet):
    records, heads = chained(example)
    organ = "bl-al-fy"
    middle = [r for r in records if r.organ == organ][2]
    report = verify([r for r in records if r is not middle], heads)
    assert ProblemKind.REMOVED in kinds(report)
    assert any(p.organ == organ and p.seq == middle.seq for p in report.problems)


def test_removed_last_record_is_caught_by_the_head(example: RecordSet):
    records, heads = chained(example)
    last = [r for r in records if r.organ == "bl-al-fy"][-1]
    report = verify([r for r in records if r is not last], heads)
    assert kinds(report) == {ProblemKind.REMOVED}


def test_reordered_records(example: RecordSet):
    records, heads = chained(example)
    own = [i for i, r in enumerate(records) if r.organ == "bl-al-fy"]
    a, b = own[1], own[2]
    records[a], records[b] = records[b], records[a]
    assert ProblemKind.REORDERED in kinds(verify(records, heads))


def test_swapped_payloads_break_the_links(example: RecordSet):
    records, heads = chained(example)
    own = [i for i, r in enumerate(records) if r.organ == "bl-al-fy"]
    a, b = records[own[1]], records[own[2]]
    # Renumber so the order looks right: the hashes still betray it.
    records[own[1]] = b.model_copy(update={"seq": a.seq})
    records[own[2]] = a.model_copy(update={"seq": b.seq})
    assert ProblemKind.BROKEN_LINK in kinds(verify(records, heads))
