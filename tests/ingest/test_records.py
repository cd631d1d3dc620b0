"""Reading and validating organ, actor, relation, case and incident files."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from ingest.records import (
    ArticleRef,
    RecordSet,
    RecordsInputError,
    load_records,
    read_records,
    validate_batch,
)

EXAMPLE = REPO_ROOT / "data/example"
NOW = datetime(2026, 11, 27, 12, 0)
ORGANS = [
    {"id": "p-dw", "name": "中共甲省委", "kind": "党委", "level": "省", "party_committee": "p-dw"},
    {"id": "p-fy", "name": "甲省高级人民法院", "kind": "法院", "level": "省",
     "party_committee": "p-dw"},
    {"id": "c-dw", "name": "中共乙市委", "kind": "党委", "level": "市", "superior": "p-dw",
     "party_committee": "c-dw"},
    {"id": "c-fy", "name": "乙市中级人民法院", "kind": "法院", "level": "市", "superior": "p-fy",
     "party_committee": "c-dw"},
    {"id": "c-zf", "name": "乙市人民政府", "kind": "政府", "level": "市",
     "party_committee": "c-dw"},
]
ACTORS = [
    {"id": "judge", "name": "甲法官", "organ": "c-fy", "kinds": ["司法人员", "办案人员"]},
    {"id": "mayor", "name": "乙副市长", "organ": "c-zf", "kinds": ["领导干部"]},
    {"id": "party", "name": "丙", "kinds": ["当事人"]},
    {"id": "wife", "name": "丁", "kinds": ["亲属"]},
]
CASES = [{"id": "k1", "number": "（2026）乙01民初1号", "organ": "c-fy", "stage": "审判",
          "parties": ["party"], "handlers": ["judge"]}]
INCIDENT = {"id": "x1", "organ": "c-fy", "case": "k1", "stage": "审判", "intervener": "mayor",
            "handler": "judge", "channel": "电话", "request": "请关照",
            "occurred_at": "2026-03-01T20:00", "recorded_by": "judge",
            "recorded_at": "2026-03-02T09:00", "expected_articles": [
                {"regulation": "R1", "article": 8, "item": 1}]}


def write_jsonl(folder: Path, name: str, rows: list[dict]) -> Path:
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def batch_dir(tmp_path: Path, **overrides: list[dict]) -> Path:
    rows = {"organs": ORGANS, "actors": ACTORS, "cases": CASES, "relations": [],
            "incidents": [INCIDENT]} | overrides
    for name, content in rows.items():
        write_jsonl(tmp_path, name, content)
    return tmp_path


def problem(tmp_path: Path, **overrides: list[dict]) -> RecordsInputError:
    with pytest.raises(RecordsInputError) as caught:
        load_records([batch_dir(tmp_path, **overrides)], now=NOW)
    return caught.value


def test_example_data_loads_whole():
    plan = load_records([EXAMPLE])
    counts = plan.counts
    assert counts["organs"] >= 70 and counts["incidents"] >= 60
    assert counts["unchanged"] == 0


def test_example_covers_every_item_and_the_lawful_articles():
    records = load_records([EXAMPLE]).as_set()
    keys = {a.key for i in records.incidents.values() for a in i.expected_articles}
    wanted = ({f"R1-8-{n}" for n in range(1, 6)} | {f"R2-9-{n}" for n in range(1, 6)}
              | {f"R3-5-{n}" for n in range(1, 7)} | {"R3-6", "R3-7", "R1-3", "R2-4", "R2-5"})
    assert wanted <= keys
    assert len(records.current_incidents()) >= 60


def test_example_hierarchy_has_seven_organs_per_region():
    records = load_records([EXAMPLE]).as_set()
    wanted = {"法院", "检察院", "公安机关", "党委", "党委政法委", "纪委监委", "党委组织部门"}
    by_region: dict[str, set[str]] = {}
    for organ in records.organs.values():
        if organ.level is not None:
            by_region.setdefault(organ.region, set()).add(str(organ.kind))
    regions = [r for r, kinds in by_region.items() if wanted <= kinds]
    assert len(regions) == 10  # a province, three cities, two counties each


def test_example_is_marked_fictional():
    assert "FICTIONAL" in (EXAMPLE / "README.md").read_text("utf-8")


def test_loading_twice_changes_nothing(tmp_path: Path):
    folder = batch_dir(tmp_path)
    first = load_records([folder], now=NOW)
    again = load_records([folder], first.as_set(), now=NOW)
    assert again.counts == {"organs": 0, "actors": 0, "relations": 0, "cases": 0,
                            "incidents": 0, "unchanged": 11}


def test_csv_reads_like_jsonl(tmp_path: Path):
    batch_dir(tmp_path, incidents=[])
    (tmp_path / "incidents.csv").write_text(
        "id,organ,case,stage,intervener,handler,channel,request,occurred_at,recorded_by,"
        "recorded_at,expected_articles\n"
        "x1,c-fy,k1,审判,mayor,judge,电话,请关照,2026-03-01T20:00,judge,2026-03-02T09:00,"
        "R1-8-1;R3-7\n", "utf-8")
    plan = load_records([tmp_path], now=NOW)
    [incident] = plan.incidents
    assert incident.expected_articles == (ArticleRef.parse("R1-8-1"), ArticleRef.parse("R3-7"))


@pytest.mark.parametrize(
    ("overrides", "line", "field", "words"),
    [
        pytest.param({"incidents": [INCIDENT | {"organ": "nowhere"}]}, 1, "organ",
                     "unknown organ 'nowhere'", id="unknown-organ"),
        pytest.param({"incidents": [INCIDENT | {"intervener": "ghost"}]}, 1, "intervener",
                     "unknown actor 'ghost'", id="unknown-actor"),
        pytest.param({"incidents": [INCIDENT | {"occurred_at": "2027-01-01T08:00",
                                                "recorded_at": "2027-01-02T08:00"}]},
                     1, "occurred_at", "in the future", id="future-date"),
        pytest.param({"incidents": [{k: v for k, v in INCIDENT.items() if k != "request"}]},
                     1, "request", "required field is missing", id="missing-field"),
        pytest.param({"incidents": [INCIDENT, INCIDENT | {"request": "again"}]}, 2, "id",
                     "duplicate id 'x1'", id="duplicate-id"),
        pytest.param({"relations": [
            {"id": "r1", "kind": "relative", "subject": "wife", "object": "mayor",
             "detail": "配偶"},
            {"id": "r2", "kind": "relative", "subject": "mayor", "object": "wife",
             "detail": "子女"}]}, 1, "detail", "contradictory relations", id="contradictory"),
        pytest.param({"relations": [
            {"id": "r1", "kind": "superior_of", "subject": "judge", "object": "mayor"},
            {"id": "r2", "kind": "superior_of", "subject": "mayor", "object": "judge"}]},
            1, "object", "contradictory relations", id="superior-cycle"),
        pytest.param({"organs": [*ORGANS[:3], ORGANS[3] | {"superior": "c-dw"}, ORGANS[4]]},
                     4, "superior", "not a 法院", id="superior-of-another-kind"),
        pytest.param({"actors": [*ACTORS, {"id": "x", "name": "戊", "organ": "c-zf",
                                           "kinds": ["司法人员"]}]},
                     5, "organ", "must work", id="officer-outside-judiciary"),
    ],
)
def test_bad_input_names_file_line_and_field(
    tmp_path: Path, overrides: dict, line: int, field: str, words: str
):
    error = problem(tmp_path, **overrides)
    assert any(e.line == line and e.field == field and words in e.message
               and e.file is not None for e in error.errors), error.details


def test_a_bad_line_rejects_the_whole_batch(tmp_path: Path):
    folder = batch_dir(tmp_path)
    (folder / "actors.jsonl").write_text(
        (folder / "actors.jsonl").read_text("utf-8") + "{not json\n", "utf-8")
    with pytest.raises(RecordsInputError) as caught:
        read_records([folder])
    assert caught.value.file.endswith("actors.jsonl") and caught.value.line == 5
    assert "not JSON" in caught.value.message


def test_changed_incident_is_refused_and_a_correction_accepted(tmp_path: Path):
    folder = batch_dir(tmp_path)
    stored = load_records([folder], now=NOW).as_set()
    write_jsonl(folder, "incidents", [INCIDENT | {"request": "改过的内容"}])
    with pytest.raises(RecordsInputError, match="append-only"):
        load_records([folder], stored, now=NOW)
    write_jsonl(folder, "incidents", [INCIDENT | {"id": "x1-v2", "corrects": "x1",
                                                  "request": "更正后的内容"}])
    plan = load_records([folder], stored, now=NOW)
    merged = stored.merged(plan.as_set())
    assert [i.id for i in merged.versions("x1")] == ["x1", "x1-v2"]
    assert [i.id for i in merged.current_incidents()] == ["x1-v2"]


def test_correcting_twice_the_same_version_is_refused(tmp_path: Path):
    error = problem(tmp_path, incidents=[
        INCIDENT, INCIDENT | {"id": "a", "corrects": "x1"}, INCIDENT | {"id": "b",
                                                                         "corrects": "x1"}])
    assert "corrected more than once" in error.message


def test_expected_articles_must_exist(tmp_path: Path):
    folder = batch_dir(tmp_path, incidents=[INCIDENT | {"expected_articles": [
        {"regulation": "R1", "article": 8, "item": 9}]}])
    with pytest.raises(RecordsInputError, match="no item 9"):
        validate_batch(read_records([folder]), RecordSet(), now=NOW,
                       article_items={"R1-8": 5})


def test_unknown_file_kind(tmp_path: Path):
    (tmp_path / "people.jsonl").write_text("{}\n", "utf-8")
    with pytest.raises(RecordsInputError, match="record kind"):
        read_records([tmp_path / "people.jsonl"])


def test_participants_name_their_roles(tmp_path: Path):
    with_roles = INCIDENT | {"participants": [
        {"actor": "party", "role": "requester", "note": "托副市长说情"},
        {"actor": "wife", "role": "complainant"}]}
    plan = load_records([batch_dir(tmp_path, incidents=[with_roles])], now=NOW)
    [incident] = plan.incidents
    assert [(a, str(r)) for a, r in incident.roles()] == [
        ("mayor", "intervener"), ("judge", "approached"), ("judge", "recorder"),
        ("party", "requester"), ("wife", "complainant")]
    error = problem(tmp_path, incidents=[INCIDENT | {"participants": [
        {"actor": "ghost", "role": "victim"}]}])
    assert any(e.field == "participants.0.actor" and "unknown actor 'ghost'" in e.message
               for e in error.errors)
    error = problem(tmp_path, incidents=[INCIDENT | {"participants": [
        {"actor": "party", "role": "bystander"}]}])
    assert any(e.field == "participants.0.role" for e in error.errors)


def test_csv_participants_and_unknown_regulation(tmp_path: Path):
    batch_dir(tmp_path, incidents=[])
    header = ("id,organ,case,stage,intervener,handler,channel,request,occurred_at,"
              "recorded_by,recorded_at,expected_articles,participants\n")
    row = ("x1,c-fy,k1,审判,mayor,judge,电话,请关照,2026-03-01T20:00,judge,"
           "2026-03-02T09:00,{articles},party:victim\n")
    (tmp_path / "incidents.csv").write_text(header + row.format(articles="R1-8-1"), "utf-8")
    [incident] = load_records([tmp_path], now=NOW).incidents
    assert [(p.actor, str(p.role)) for p in incident.participants] == [("party", "victim")]
    (tmp_path / "incidents.csv").write_text(header + row.format(articles="R9-1"), "utf-8")
    with pytest.raises(RecordsInputError, match="unknown regulation 'R9'") as caught:
        read_records([tmp_path / "incidents.csv"])
    assert caught.value.field == "expected_articles" and "http" not in caught.value.message
