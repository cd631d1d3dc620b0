"""Shape of data/eval/situations_holdout3.jsonl (issue 11, session 6).

Checks only the file's form against the seed text; it never runs the assessment engine, so
the held-out set stays unseen until the lead measures it. Standard library and pytest only.
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
    LINE_KEYS,
    QUOTE,
    chinese_number,
    seed_text,
)

REPO = Path(__file__).resolve().parents[2]
SET_PATH = REPO / "data" / "eval" / "situations_holdout3.jsonl"
TITLES = {
    "R1": "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定",
    "R2": "司法机关内部人员过问案件的记录和责任追究规定",
    "R3": "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
}
KEYS = LINE_KEYS

# Bounds (the brief): 90 situations, each query 30-250 characters.
EXPECTED_LINES = 90
QUERY_CHARS = (30, 250)


Structure = dict[str, dict[int, dict[str, int]]]


def seed_structure(text: str) -> Structure:
    """{short name: {article: {"paragraphs": n, "items": n}}} read from the seed."""
    short_by_title = {title: short for short, title in TITLES.items()}
    structure: Structure = {}
    current: dict[int, dict[str, int]] | None = None
    article: dict[str, int] | None = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("《") and line.endswith("》"):
            current = structure.setdefault(short_by_title[line[1:-1]], {})
            article = None
            continue
        if current is None:
            continue
        header = ARTICLE_LINE.match(line)
        if header:
            article = current.setdefault(
                chinese_number(header.group(1)), {"paragraphs": 1, "items": 0}
            )
        elif article is not None and ITEM_LINE.match(line):
            article["items"] += 1
        elif article is not None:
            article["paragraphs"] += 1
    return structure


@pytest.fixture(scope="module")
def seed() -> str:
    return seed_text()


@pytest.fixture(scope="module")
def structure(seed: str) -> Structure:
    return seed_structure(seed)


@pytest.fixture(scope="module")
def situations() -> list[dict[str, Any]]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    parsed = []
    for number, line in enumerate(lines, start=1):
        assert line.strip(), f"line {number} is empty"
        value = json.loads(line)
        assert isinstance(value, dict), f"line {number} is not an object"
        parsed.append(value)
    return parsed


def test_seed_structure_is_read(structure: Structure) -> None:
    # Guards the parser the other checks rely on: known counts from the seed.
    assert sorted(structure) == ["R1", "R2", "R3"]
    assert len(structure["R1"]) == 13 and len(structure["R2"]) == 15
    assert structure["R1"][8]["items"] == 5 and structure["R3"][5]["items"] == 6
    assert structure["R2"][8] == {"paragraphs": 2, "items": 4}
    assert structure["R1"][7]["paragraphs"] == 2 and structure["R3"][7]["paragraphs"] == 1


def test_every_line_has_the_guide_keys(situations: list[dict[str, Any]]) -> None:
    assert len(situations) == EXPECTED_LINES
    for item in situations:
        assert set(item) == KEYS, item.get("id")
        assert isinstance(item["query"], str)
        low, high = QUERY_CHARS
        assert low <= len(item["query"]) <= high, item["id"]
        assert item["lawful"] in (True, False, None), item["id"]
        assert item["actor_role"] in ACTOR_ROLES, item["id"]
        assert isinstance(item["note"], str) and item["note"], item["id"]
        assert isinstance(item["missing_facts"], list), item["id"]
        # Undetermined exactly when a missing fact is named; gold liability empty then.
        assert (item["lawful"] is None) == bool(item["missing_facts"]), item["id"]
        if item["lawful"] is not False:
            assert item["liability"] == [], item["id"]


def test_ids_are_unique_and_numbered(situations: list[dict[str, Any]]) -> None:
    ids = [item["id"] for item in situations]
    assert len(set(ids)) == len(ids)
    assert ids == [f"h3-{n:03d}" for n in range(1, len(ids) + 1)]


def test_gold_names_provisions_of_the_three_regulations(
    situations: list[dict[str, Any]], structure: Structure
) -> None:
    short_by_title = {title: short for short, title in TITLES.items()}
    for item in situations:
        assert item["gold"], item["id"]
        for gold in item["gold"]:
            assert set(gold) <= {"regulation", "article", "item"}, item["id"]
            assert gold["regulation"] in short_by_title, item["id"]
            articles = structure[short_by_title[gold["regulation"]]]
            assert gold["article"] in articles, (item["id"], gold)
            if "item" in gold:
                assert 1 <= gold["item"] <= articles[gold["article"]]["items"], (item["id"], gold)


def check_basis(basis: str, structure: Structure, where: str) -> None:
    match = BASIS.match(basis)
    assert match, (where, basis)
    short, article, paragraph = match.group(1), int(match.group(2)), match.group(3)
    assert article in structure[short], (where, basis)
    if paragraph is not None:
        assert 1 <= int(paragraph) <= structure[short][article]["paragraphs"], (where, basis)


def test_duties_and_liability_cite_existing_articles(
    situations: list[dict[str, Any]], structure: Structure
) -> None:
    for item in situations:
        keys = set()
        for duty in item["duties"]:
            assert set(duty) == DUTY_KEYS, item["id"]
            assert duty["deadline"] in DEADLINES, (item["id"], duty)
            check_basis(duty["basis"], structure, item["id"])
            key = (duty["basis"], duty["who"], duty["to"])
            assert key not in keys, (item["id"], key)  # GUIDE.md 5: one duty per key
            keys.add(key)
        for basis in item["liability"]:
            check_basis(basis, structure, item["id"])


def test_quotes_in_notes_are_verbatim_seed_text(
    situations: list[dict[str, Any]], seed: str
) -> None:
    for item in situations:
        quotes = [m.group(1) or m.group(2) for m in QUOTE.finditer(item["note"])]
        assert quotes, f"{item['id']}: a note must rest on the text's own words"
        for words in quotes:
            assert words in seed, (item["id"], words)


def test_set_meets_the_briefs_proportions(situations: list[dict[str, Any]]) -> None:
    total = len(situations)
    lawful = sum(item["lawful"] is True for item in situations)
    undetermined = sum(item["lawful"] is None for item in situations)
    assert lawful / total >= 0.35
    assert undetermined / total >= 0.15
