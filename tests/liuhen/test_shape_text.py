"""The one-string shape texts verify compares (graph/queries/shape_text.py, graph/shape_codec.py)
must not hide what the field-by-field comparison finds: values whose characters move from one
property to the next, separators and encoding-like text inside values, a value of another
type with the same digits, a value the encoding cannot write. A clean store with such text in
its values verifies clean without the field-by-field read."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from graph.chain_audit import verify_store
from graph.falkordb_store import FalkorDBStore
from graph.incident_audit import _INCIDENT_ALLOWED, _read_back, _shape_texts
from graph.queries.registry import REGISTRY_STORED_INCIDENTS
from graph.shape_codec import (
    incident_expected_text,
    incident_text,
    read_values,
    value,
    values,
)
from ingest.integrity import IntegrityReport, ProblemKind
from ingest.registry import (
    ASSESSMENT_FIELDS,
    ASSESSMENT_SEAL,
    INCIDENT_MIRRORED,
    REGISTRY_CHAIN,
    assessment_text,
    incident_shape,
)
from ingest.seals import ChainSealer
from liuhen.records.recorder import IncidentRecorder
from tests.graph.chain_fixtures import (
    CountingStore,
    new_incident,
    people_store,
    seal_key,
    tamper,
)

ORGAN = "bl-al-fy"
#: Text that looks like the encoding and its separators, in several scripts.
TRICKY = "请托|0|String3:abcInteger:12List2:Null:Null:|o😀𠀀 ;:"


@pytest.fixture
def sealer(tmp_path: Path) -> ChainSealer:
    return seal_key(tmp_path)


@pytest.fixture
def store(tmp_path: Path, sealer: ChainSealer) -> Iterator[FalkorDBStore]:
    with people_store(tmp_path, "shape_text", sealer) as opened:
        recorder = IncidentRecorder(opened, sealer=sealer)
        recorder.record(new_incident("s-0", request=TRICKY, participants=[
            {"actor": "p-lijj", "role": "requester"}]))
        recorder.record(new_incident("s-1"))
        yield opened


def _sealed_assessment(store: FalkorDBStore, sealer: ChainSealer) -> None:
    """Give s-0 an assessment sealed by the key, as the assessment worker would."""
    assessment = {"verdict": "violation", "statuses": ["a|b", "s1:c"], "assessed_by": "e;1"}
    seal = sealer.seal_text(ASSESSMENT_SEAL, assessment_text("s-0", assessment))
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.verdict = $verdict, "
           "i.statuses = $statuses, i.assessed_by = $assessed_by, i.assessment_seal = $seal",
           seal=seal, **assessment)


def test_a_clean_store_with_encoding_like_values_verifies_clean_by_the_texts_alone(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    counting = CountingStore(store)
    report = verify_store(counting, sealer)
    assert report.ok, [p.message for p in report.problems]
    assert report.records == 2
    assert "registry_incident_shape_rows" in counting.statements
    # every incident, organ and actor matched its text: none was read field by field
    assert "registry_stored_incidents" not in counting.statements
    assert "registry_stored_organs" not in counting.statements
    assert "registry_stored_actors" not in counting.statements


def shift_a_character_between_stage_and_channel(store: FalkorDBStore) -> None:
    # 审判 + 电话 joined without lengths reads 审判电话 either way
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.stage = '审判电', i.channel = '话'")


def key_as_text_of_the_same_digits(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.recorded_key = toString(i.recorded_key)")


def stage_holding_the_next_values_encoding(store: FalkorDBStore) -> None:
    # the stage swallows the channel's encoded text and the channel is emptied of it
    tamper(store, "MATCH (i:Incident {id: 's-0'}) "
           "SET i.stage = i.stage + 'String2:电话', i.channel = ''")


def caption_as_a_list(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.caption = [i.caption]")


def key_as_a_float(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.occurred_key = i.occurred_key + 0.5")


def property_named_like_a_separator(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.`|0|` = 1")


def role_moved_into_the_actor_id(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (:Actor {id: 'p-lijj'})-[r:TOOK_PART]->(:Incident {id: 's-0'}) "
           "REMOVE r.role")


def organ_level_as_a_list(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}) SET o.level = [o.level]")


def organ_region_moved_into_its_name(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (o:Organ {id: 'bl-al-fy'}) SET o.name = o.name + o.region, "
           "o.region = ''")


def actor_retired_as_text(store: FalkorDBStore) -> None:
    tamper(store, "MATCH (a:Actor {id: 'p-qiangd'}) SET a.retired = toString(a.retired)")


CASES: list[tuple[Callable[[FalkorDBStore], None], str, str, str]] = [
    # (edit, where, what (record id), a word of the message)
    (shift_a_character_between_stage_and_channel, ORGAN, "s-0", "stage"),
    (key_as_text_of_the_same_digits, ORGAN, "s-0", "recorded_key"),
    (stage_holding_the_next_values_encoding, ORGAN, "s-0", "stage"),
    (caption_as_a_list, ORGAN, "s-0", "caption"),
    (key_as_a_float, ORGAN, "s-0", "occurred_key"),
    (property_named_like_a_separator, ORGAN, "s-0", "|0|"),
    (role_moved_into_the_actor_id, ORGAN, "s-0", "p-lijj"),
    (organ_level_as_a_list, REGISTRY_CHAIN, "bl-al-fy", "level"),
    (organ_region_moved_into_its_name, REGISTRY_CHAIN, "bl-al-fy", "region"),
    (actor_retired_as_text, REGISTRY_CHAIN, "p-qiangd", "retired"),
]


def _named(report: IntegrityReport, what: str) -> list[str]:
    return [p.message for p in report.problems
            if p.record_id == what and p.kind is ProblemKind.CHANGED]


@pytest.mark.parametrize(("edit", "where", "what", "word"), CASES,
                         ids=[case[0].__name__ for case in CASES])
def test_edits_the_texts_could_hide_are_found_and_named(
    store: FalkorDBStore, sealer: ChainSealer, edit: Callable[[FalkorDBStore], None],
    where: str, what: str, word: str,
) -> None:
    assert verify_store(store, sealer).ok
    edit(store)
    report = verify_store(store, sealer)
    named = _named(report, what)
    assert named, [p.message for p in report.problems]
    assert {p.organ for p in report.problems if p.record_id == what} == {where}
    assert any(word in message for message in named), named


@pytest.mark.parametrize("change", [
    "SET i.verdict = [i.verdict]", "SET i.verdict = 'none'", "SET i.statuses = ['a', 'b']",
    "SET i.assessed_by = 1.5", "REMOVE i.statuses"])
def test_an_assessment_read_back_from_its_text_keeps_its_seal_checked(
    store: FalkorDBStore, sealer: ChainSealer, change: str,
) -> None:
    """The assessment is read back from its text to check its seal in Python: a sealed one
    passes by the texts alone; one changed in value or type (a list, a float) does not."""
    _sealed_assessment(store, sealer)
    counting = CountingStore(store)
    assert verify_store(counting, sealer).ok
    assert "registry_stored_incidents" not in counting.statements
    tamper(store, "MATCH (i:Incident {id: 's-0'}) " + change)
    named = _named(verify_store(store, sealer), "s-0")
    assert any("assessment" in message for message in named), named


@pytest.mark.parametrize("items", [
    ["", "|", "String3:abc", "😀𠀀", None, 0, -12, True, False, "Integer:1"],
    [["a;", "b:"], [], "List2:Null:Null:", ["|", 7, None]],
])
def test_values_read_back_as_written(items: list[object]) -> None:
    assert read_values(values(items), len(items)) == items


@pytest.mark.parametrize("text", ["", "String5:abc", "String:", "Integer:", "Null", "List1:",
                                  "Boolean:maybe", "Float:1.5", "Map:"])
def test_a_text_that_is_not_one_value_reads_as_none(text: str) -> None:
    assert read_values(text, 1) is None
    assert read_values(value("a") + "n", 1) is None  # longer than the values asked for


@pytest.mark.parametrize("changes", [
    {},
    {"instigator": "p-lijj", "corrects": "s-0", "request": TRICKY * 2,
     "participants": [{"actor": "p-lijj", "role": "requester"},
                      {"actor": "p-lijj", "role": "requester"},
                      {"actor": "p-qiangd", "role": "victim"}]},
    {"handler": None, "occurred_at": "2025-03-01T10:00:00.250000+08:00",
     "recorded_at": "1969-12-31T23:59:59"},
])
def test_the_direct_expected_text_is_the_shapes_text(changes: dict[str, object]) -> None:
    """verify builds each record's expected text straight from the incident: it must be the
    text of the incident's shape, optional fields present or absent, participants repeated."""
    incident = new_incident("s-9", **changes)
    assert incident_expected_text(incident) == incident_text(incident_shape(incident),
                                                             INCIDENT_MIRRORED[1:])


def _comparable(row: dict[str, object]) -> dict[str, object]:
    edges = {way: sorted(map(repr, row[way])) for way in ("outgoing", "incoming")}  # type: ignore[call-overload]
    return {"mirrored": row["mirrored"], "assessment": row["assessment"], "seal": row["seal"],
            **edges}


@pytest.mark.parametrize("edit", [case[0] for case in CASES if case[1] == ORGAN] + [
    lambda store: tamper(store, "MATCH (i:Incident {id: 's-0'}), (a:Actor {id: 'p-qiangd'}) "
                                "CREATE (a)-[:TOOK_PART {role: 'victim'}]->(i)"),
    lambda store: tamper(store, "MATCH (i:Incident {id: 's-0'}) SET i.handler = null, "
                                "i.channel = ['电话', 3, true]"),
], ids=[case[0].__name__ for case in CASES if case[1] == ORGAN] + ["edge_added", "nulled"])
def test_a_changed_incident_read_back_from_its_text_is_what_the_nested_read_gives(
    store: FalkorDBStore, sealer: ChainSealer, edit: Callable[[FalkorDBStore], None],
) -> None:
    """verify words a changed incident's findings from its shape text read back (session 8)
    instead of the nested statement: where the text reads back, it must hold exactly what
    that statement gives (else the nested read is used, and the finding is still made)."""
    _sealed_assessment(store, sealer)
    edit(store)
    texts = _shape_texts(store, ["s-0"])
    values = read_values(texts["s-0"][1], len(ASSESSMENT_FIELDS) + 1)
    assert values is not None
    read_back = _read_back("s-0", texts["s-0"][0], values)
    nested = store.read(REGISTRY_STORED_INCIDENTS, {"ids": ["s-0"]})
    assert len(nested) == 1
    if read_back is None:  # a value the text does not write, or an unknown property
        return
    assert _comparable(read_back) == _comparable(nested[0])
    assert not [key for key in nested[0]["keys"] if key not in _INCIDENT_ALLOWED]
    report = verify_store(store, sealer)
    assert _named(report, "s-0"), [p.message for p in report.problems]
