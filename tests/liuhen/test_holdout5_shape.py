"""Shape checks for the held-out set situations_holdout5.jsonl (author H, session 8).

Only the file's form is checked here: every line parses, ids are unique, every gold
provision and every duty basis names an article (and paragraph or item) that exists in the
seed, and every quotation marked in a note occurs verbatim in the seed. The assessment
engine is deliberately not run: the set stays unseen until the lead measures it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.liuhen.guide_terms import (
    ACTOR_ROLES,
    DUTY_KEYS,
    QUOTE,
    chinese_number,
    seed_text,
)
from tests.liuhen.guide_terms import LINE_KEYS as KEYS

ROOT = Path(__file__).resolve().parents[2]
SET_PATH = ROOT / "data" / "eval" / "situations_holdout5.jsonl"
TITLES = {
    "R1": "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定",
    "R2": "司法机关内部人员过问案件的记录和责任追究规定",
    "R3": "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
}
# Deadlines are the seed's own words; 及时, 每季度, 必要时 and 全程 are never deadlines.
DEADLINES = {"三日内", "一个月内"}
BASIS = re.compile(r"^(R[123])-(\d+)(?:-(\d+))?$")
ITEM = re.compile(r"^\s*[（(]\s*([一二三四五六七八九])\s*[）)]")


def seed_structure(seed: str) -> dict[str, dict[int, tuple[int, int]]]:
    """Per regulation, per article: (number of paragraphs, number of items)."""
    structure: dict[str, dict[int, tuple[int, int]]] = {}
    short_by_title = {title: short for short, title in TITLES.items()}
    current: str | None = None
    article: int | None = None
    for raw in seed.splitlines():
        line = raw.strip()
        if not line:
            continue
        title = line.strip("《》")
        if line.startswith("《") and title in short_by_title:
            current, article = short_by_title[title], None
            structure[current] = {}
            continue
        if current is None:
            continue
        match = re.match(r"^第([一二三四五六七八九十]+)条", line)
        if match:
            article = chinese_number(match.group(1))
            structure[current][article] = (1, 0)
        elif article is not None:
            paragraphs, items = structure[current][article]
            if ITEM.match(line):
                structure[current][article] = (paragraphs, items + 1)
            else:
                structure[current][article] = (paragraphs + 1, items)
    return structure


@pytest.fixture(scope="module")
def seed() -> str:
    return seed_text()


@pytest.fixture(scope="module")
def structure(seed: str) -> dict[str, dict[int, tuple[int, int]]]:
    return seed_structure(seed)


@pytest.fixture(scope="module")
def lines() -> list[dict[str, object]]:
    rows = []
    for number, raw in enumerate(SET_PATH.read_text(encoding="utf-8").splitlines(), 1):
        assert raw.strip(), f"blank line {number}"
        rows.append(json.loads(raw))
    return rows


def test_seed_structure_is_read(structure: dict[str, dict[int, tuple[int, int]]]) -> None:
    assert len(structure["R1"]) == 13 and len(structure["R2"]) == 15 and len(structure["R3"]) == 15
    assert structure["R1"][8][1] == 5 and structure["R2"][9][1] == 5 and structure["R3"][5][1] == 6
    assert structure["R1"][7][0] == 2 and structure["R2"][8][1] == 4


def test_ninety_lines_with_unique_sequential_ids(lines: list[dict[str, object]]) -> None:
    ids = [row["id"] for row in lines]
    assert len(ids) == 90
    assert len(set(ids)) == len(ids)
    assert ids == [f"h5-{n:03d}" for n in range(1, 91)]


def test_every_line_has_the_guide_fields(lines: list[dict[str, object]]) -> None:
    for row in lines:
        assert set(row) == KEYS, row["id"]
        query = row["query"]
        assert isinstance(query, str) and 30 <= len(query) <= 250, row["id"]
        assert row["lawful"] in (True, False, None), row["id"]
        assert row["actor_role"] in ACTOR_ROLES, row["id"]
        missing = row["missing_facts"]
        assert isinstance(missing, list)
        assert bool(missing) == (row["lawful"] is None), row["id"]
        liability = row["liability"]
        assert isinstance(liability, list)
        if row["lawful"] is not False:
            assert liability == [], row["id"]
        else:
            assert liability, row["id"]


def test_gold_names_existing_provisions(
    lines: list[dict[str, object]], structure: dict[str, dict[int, tuple[int, int]]]
) -> None:
    short_by_title = {title: short for short, title in TITLES.items()}
    for row in lines:
        gold = row["gold"]
        assert isinstance(gold, list) and gold, row["id"]
        for entry in gold:
            assert entry["regulation"] in short_by_title, row["id"]
            short = short_by_title[entry["regulation"]]
            article = entry["article"]
            assert article in structure[short], (row["id"], short, article)
            if "item" in entry:
                assert 1 <= entry["item"] <= structure[short][article][1], (row["id"], entry)
            assert set(entry) <= {"regulation", "article", "item"}, row["id"]


def check_basis(basis: str, structure: dict[str, dict[int, tuple[int, int]]]) -> bool:
    match = BASIS.match(basis)
    if not match:
        return False
    short, article, paragraph = match.group(1), int(match.group(2)), match.group(3)
    if article not in structure[short]:
        return False
    return paragraph is None or 1 <= int(paragraph) <= structure[short][article][0]


def test_duties_and_liability_cite_existing_articles(
    lines: list[dict[str, object]], structure: dict[str, dict[int, tuple[int, int]]]
) -> None:
    for row in lines:
        seen = set()
        for duty in row["duties"]:
            assert DUTY_KEYS <= set(duty) <= DUTY_KEYS | {"item"}, row["id"]
            assert check_basis(duty["basis"], structure), (row["id"], duty["basis"])
            assert duty["deadline"] is None or duty["deadline"] in DEADLINES, row["id"]
            if "item" in duty:
                assert duty["basis"] == "R2-8" and 1 <= duty["item"] <= 4, row["id"]
            key = (duty["basis"], duty["who"], duty["to"], duty.get("item"))
            assert key not in seen, (row["id"], key)
            seen.add(key)
        for basis in row["liability"]:
            assert check_basis(basis, structure), (row["id"], basis)


def test_quotations_in_notes_are_verbatim_seed_text(
    lines: list[dict[str, object]], seed: str
) -> None:
    compact_seed = re.sub(r"\s+", "", seed)
    for row in lines:
        note = row["note"]
        assert isinstance(note, str) and note, row["id"]
        quotes = [a or b for a, b in QUOTE.findall(note)]
        assert quotes, f"{row['id']}: the note quotes no seed text"
        for quote in quotes:
            assert re.sub(r"\s+", "", quote) in compact_seed, (row["id"], quote)
