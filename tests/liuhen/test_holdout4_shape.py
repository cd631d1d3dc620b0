"""Shape checks for data/eval/situations_holdout4.jsonl (session 7, author G).

Only the file's form is checked here: the lines parse, ids are unique, every cited
regulation, article, paragraph and item exists in the seed text, and every passage a note
marks as a quotation (inside 「」 or “”) occurs verbatim in the seed. The engine is not run.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.liuhen.guide_terms import (
    ACTOR_ROLES,
    ARTICLE_LINE,
    BASIS,
    DEADLINES,
    DUTY_KEYS,
    ITEM_LINE,
    QUOTE,
    chinese_number,
    seed_text,
)
from tests.liuhen.guide_terms import LINE_KEYS as KEYS

REPO = Path(__file__).resolve().parents[2]
SET_PATH = REPO / "data" / "eval" / "situations_holdout4.jsonl"
SHORT_NAMES = ("R1", "R2", "R3")
TITLES = {
    "R1": "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定",
    "R2": "司法机关内部人员过问案件的记录和责任追究规定",
    "R3": "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
}
Structure = dict[str, dict[int, tuple[int, int]]]


def seed_structure(text: str) -> Structure:
    """Per regulation: article number -> (paragraph count, item count)."""
    structure: Structure = {}
    current: dict[int, tuple[int, int]] | None = None
    article = 0
    regulation_index = -1
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if line.startswith("《") and line.endswith("》"):
            regulation_index += 1
            current = structure.setdefault(SHORT_NAMES[regulation_index], {})
            continue
        if current is None:
            continue
        match = ARTICLE_LINE.match(line)
        if match:
            article = chinese_number(match.group(1))
            current[article] = (1, 0)
        elif article:
            paragraphs, items = current[article]
            if ITEM_LINE.match(line):
                current[article] = (paragraphs, items + 1)
            else:
                current[article] = (paragraphs + 1, items)
    return structure


SEED = seed_text()
STRUCTURE = seed_structure(SEED)
SHORT_BY_TITLE = {title: short for short, title in TITLES.items()}


def load_rows() -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(SET_PATH.read_text(encoding="utf-8").splitlines(), 1):
        assert line.strip(), f"blank line {number}"
        rows.append(json.loads(line))
    return rows


ROWS = load_rows()


def test_seed_structure_is_read() -> None:
    assert sorted(STRUCTURE) == ["R1", "R2", "R3"]
    assert len(STRUCTURE["R1"]) == 13 and len(STRUCTURE["R2"]) == 15 and len(STRUCTURE["R3"]) == 15
    assert (
        STRUCTURE["R1"][8] == (1, 5)
        and STRUCTURE["R2"][8] == (2, 4)
        and STRUCTURE["R3"][5] == (1, 6)
    )
    assert STRUCTURE["R1"][7][0] == 2


def test_ninety_unique_ids_in_order() -> None:
    ids = [row["id"] for row in ROWS]
    assert ids == [f"h4-{n:03d}" for n in range(1, 91)]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_row_shape(row: dict[str, Any]) -> None:
    assert set(row) == KEYS
    assert 30 <= len(row["query"]) <= 250
    assert row["lawful"] in (True, False, None)
    assert bool(row["missing_facts"]) == (row["lawful"] is None)
    assert row["actor_role"] in ACTOR_ROLES
    if row["lawful"] is not False:
        assert row["liability"] == []
    else:
        assert row["liability"]
    assert row["gold"]


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_gold_provisions_exist(row: dict[str, Any]) -> None:
    for provision in row["gold"]:
        assert set(provision) <= {"regulation", "article", "item"}
        short = SHORT_BY_TITLE[provision["regulation"]]
        assert provision["article"] in STRUCTURE[short]
        if "item" in provision:
            assert 1 <= provision["item"] <= STRUCTURE[short][provision["article"]][1]


def assert_basis_exists(basis: str) -> None:
    match = BASIS.match(basis)
    assert match, basis
    short, article, paragraph = match.group(1), int(match.group(2)), match.group(3)
    assert article in STRUCTURE[short], basis
    if paragraph is not None:
        assert 1 <= int(paragraph) <= STRUCTURE[short][article][0], basis


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_duties_and_liability_cite_existing_articles(row: dict[str, Any]) -> None:
    for duty in row["duties"]:
        assert set(duty) == DUTY_KEYS
        assert duty["deadline"] in DEADLINES
        assert duty["what"]
        assert_basis_exists(duty["basis"])
    for basis in row["liability"]:
        assert_basis_exists(basis)
    keys = [(duty["basis"], duty["who"], duty["to"]) for duty in row["duties"]]
    assert len(keys) == len(set(keys)), "one duty per (basis, who, to)"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row["id"])
def test_note_quotes_are_verbatim(row: dict[str, Any]) -> None:
    quotes = [a or b for a, b in QUOTE.findall(row["note"])]
    assert quotes, "every note quotes the text"
    for quote in quotes:
        assert quote in SEED, quote
