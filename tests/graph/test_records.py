"""Records through the embedded FalkorDB: load, read back, load again, and tamper."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.records import ingest_files, read_chain, read_record_set
from ingest.integrity import ProblemKind, verify
from ingest.library import RegulationLibrary
from ingest.models import Regulation
from ingest.records import RecordsInputError, load_records
from liuhen.records.analysis import repeat_interveners

EXAMPLE = REPO_ROOT / "data/example"


@pytest.fixture(scope="module")
def seeds(library: RegulationLibrary) -> dict[str, Regulation]:
    return {alias: library.find(alias) for alias in ("R1", "R2", "R3")}


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    opened = FalkorDBStore.embedded(tmp_path / "fdb", graph_name="records_test")
    opened.ensure_schema()
    try:
        yield opened
    finally:
        opened.close()


def tamper(store: FalkorDBStore, text: str, **params: object) -> None:
    """A hand edit in the store, outside liuhen's statements (as an attacker would)."""
    store.write(Query("tamper", text, tuple(params), readonly=False), params)


def test_load_read_back_and_load_again(store: FalkorDBStore, seeds):
    plan = ingest_files(store, [EXAMPLE], regulations=seeds)
    assert plan.counts["incidents"] == 71
    stored = read_record_set(store)
    expected = load_records([EXAMPLE]).as_set()
    for kind in ("organs", "actors", "relations", "cases", "incidents"):
        assert stored.of_kind(kind) == expected.of_kind(kind), kind
    again = ingest_files(store, [EXAMPLE], regulations=seeds)
    assert again.counts["unchanged"] == sum(plan.counts[k] for k in plan.counts
                                            if k != "unchanged")
    records, heads = read_chain(store)
    assert verify(records, heads).ok
    repeat = repeat_interveners(read_record_set(store), minimum=3)
    assert {r.actor for r in repeat} == {"p-jiangym", "p-luozg", "p-qinhai"}


def test_bad_batch_writes_nothing(store: FalkorDBStore, tmp_path: Path):
    folder = tmp_path / "bad"
    folder.mkdir()
    for name in ("organs", "actors", "cases", "relations"):
        (folder / f"{name}.jsonl").write_text((EXAMPLE / f"{name}.jsonl").read_text("utf-8"))
    lines = (EXAMPLE / "incidents.jsonl").read_text("utf-8").splitlines()
    (folder / "incidents.jsonl").write_text(
        "\n".join([*lines[:10], lines[10].replace('"case": "c', '"case": "zz')]) + "\n")
    with pytest.raises(RecordsInputError, match="unknown case"):
        ingest_files(store, [folder])
    assert read_record_set(store).organs == {}


def test_verify_reports_tampering_in_the_store(store: FalkorDBStore):
    ingest_files(store, [EXAMPLE])
    tamper(store, "MATCH (i:Incident {id: $id}) SET i.payload = replace(i.payload, $old, $new)",
           id="i001", old="尽量从轻", new="依法办理")
    tamper(store, "MATCH (i:Incident {id: $id}) DETACH DELETE i", id="i023")
    tamper(store, "MATCH (i:Incident {id: $a}) SET i.seq = 99", a="i004")
    records, heads = read_chain(store)
    problems = {(p.kind, p.organ, p.record_id) for p in verify(records, heads).problems}
    assert (ProblemKind.ALTERED, "bl-al-fy", "i001") in problems  # altered
    assert any(k == ProblemKind.REMOVED and o == "bl-al-fy" for k, o, _ in problems)  # removed
    assert (ProblemKind.REORDERED, "sl-yt-fy", "i004") in problems  # moved out of place
    assert {o for _, o, _ in problems} == {"bl-al-fy", "sl-yt-fy"}
