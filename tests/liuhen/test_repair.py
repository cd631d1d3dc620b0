"""``liuhen repair`` on chains broken the way liuhen before the atomic append broke them (a
crash between storing an incident and moving its head; the next write reusing the
position): heads set to the end of the longest valid run and sealed, every record kept
as it was, what could not be placed named; ``--dry-run`` writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from core.settings import Settings
from graph.chain_audit import repair_store, verify_store
from graph.chains import append_incident, stored_head, stream_chain
from graph.falkordb_store import FalkorDBStore
from ingest.integrity import ChainedRecord, ProblemKind, chain_incidents
from ingest.registry import REGISTRY_CHAIN
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import load_people, new_incident, people_store, seal_key, tamper

ORGAN = "bl-al-fy"
runner = CliRunner()


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "repair_test") as opened:
        old = IncidentRecorder(opened)  # unsealed, as before seals existed
        for n in range(5):
            old.record(new_incident(f"r-{n}", organ=ORGAN))
        yield opened


def records(store: FalkorDBStore) -> list[ChainedRecord]:
    return list(stream_chain(store, ORGAN))


def head_behind(store: FalkorDBStore) -> list[ChainedRecord]:
    """The old crash: #5 stored, the head still at #4."""
    chain = records(store)
    tamper(store, "MATCH (o:Organ {id: $organ}) SET o.chain_length = $length, "
           "o.chain_head = $hash", organ=ORGAN, length=4, hash=chain[3].hash)
    return chain


def test_a_head_behind_complete_records_is_advanced_and_sealed(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    before = head_behind(store)
    problems = verify_store(store, sealer).problems
    assert any(p.kind == ProblemKind.REORDERED and p.record_id == "r-4" for p in problems)
    dry = repair_store(store, sealer, dry_run=True)
    assert [(a.organ, a.from_length, a.to_length) for a in dry.actions] == [
        (ORGAN, 4, 5), (REGISTRY_CHAIN, 237, 237)]  # the people were loaded unsealed too
    assert stored_head(store, ORGAN)[0].length == 4  # type: ignore[union-attr]
    done = repair_store(store, sealer)
    assert [(a.organ, a.to_length, a.unplaced) for a in done.actions] == [
        (ORGAN, 5, []), (REGISTRY_CHAIN, 237, [])]
    assert records(store) == before  # no record rewritten or removed
    report = verify_store(store, sealer)
    assert report.ok, report.problems
    assert repair_store(store, sealer).actions == []  # nothing left to do
    # and the next write goes on from #5
    after = IncidentRecorder(store, sealer=sealer).record(new_incident("r-next", organ=ORGAN))
    assert after.incident.chain is not None and after.incident.chain.seq == 6


def test_a_reused_position_keeps_both_records_and_names_the_one_left_out(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    chain = head_behind(store)
    # The old next write chained onto the stale head: a second record claims #5.
    reused = new_incident("r-reused", organ=ORGAN)
    head, _ = stored_head(store, ORGAN)
    assert head is not None
    [record], _ = chain_incidents([reused], {ORGAN: head})
    assert append_incident(store, reused, record, sealer=None)
    assert record.seq == 5
    done = repair_store(store, sealer)
    [action] = [a for a in done.actions if a.organ == ORGAN]
    assert action.to_length == 5 and action.unplaced == ["r-4"]  # the head names r-reused
    assert stored_head(store, ORGAN)[0].hash == record.hash  # type: ignore[union-attr]
    stored = {r.record_id: r for r in records(store)}
    assert stored["r-4"] == chain[4]  # kept, as it was
    kinds = {p.kind for p in verify_store(store, sealer).problems}
    assert kinds == {ProblemKind.REORDERED}  # two records still claim #5: reported, not hidden


def test_repair_seals_old_unsealed_heads(store: FalkorDBStore, sealer: ChainSealer) -> None:
    assert {p.kind for p in verify_store(store, sealer).problems} == set()  # no key yet
    sealer.key()
    assert {p.kind for p in verify_store(store, sealer).problems} == {
        ProblemKind.SEAL_MISMATCH}
    actions = repair_store(store, sealer).actions
    assert {a.organ: a.action for a in actions} == {
        ORGAN: "seal the head", REGISTRY_CHAIN: "seal the head"}
    assert verify_store(store, sealer).ok


def test_the_commands_report_and_dry_run_writes_nothing(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    with RecordsService.opened(settings) as service:
        load_people(service.store, tmp_path / "people", service.sealer)
        for n in range(3):
            service.record(new_incident(f"cli-{n}", organ=ORGAN))
        last = list(stream_chain(service.store, ORGAN))[-2]
        tamper(service.store, "MATCH (o:Organ {id: $organ}) SET o.chain_length = $length, "
               "o.chain_head = $hash", organ=ORGAN, length=2, hash=last.hash)
    env = {"LIUHEN_DATA_DIR": str(settings.data_dir)}
    broken = runner.invoke(app, ["verify"], env=env)
    assert broken.exit_code == 1, broken.output
    assert "records/s" in broken.output
    dry = runner.invoke(app, ["repair", "--dry-run"], env=env)
    assert dry.exit_code == 0, dry.output
    assert f"{ORGAN}: would do: set the head to #3 (2 -> 3)" in dry.output
    assert runner.invoke(app, ["verify"], env=env).exit_code == 1  # nothing was written
    done = runner.invoke(app, ["repair", "--json"], env=env)
    assert done.exit_code == 0, done.output
    assert json.loads(done.output)["actions"][0]["to_length"] == 3
    fixed = runner.invoke(app, ["verify"], env=env)
    assert fixed.exit_code == 0, fixed.output
    assert "intact: 3 records in 1 organ chains" in fixed.output
