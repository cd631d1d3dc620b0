"""Shape checks for the held-out set situations_holdout6.jsonl (no engine is run here).

The set is measured once by the lead; this file only guards that every line is well formed and
that every provision, basis and quoted phrase it cites exists in the seed text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.liuhen.guide_terms import ACTOR_ROLES, DEADLINES, LINE_KEYS

HERE = Path(__file__).resolve()
SET_PATH = HERE.parents[2] / "data/eval/situations_holdout6.jsonl"
SEED_NAME = "shared/seeds/000_bf43da359201c48c.txt"


def _seed_path() -> Path:
    local = HERE.parents[3] / SEED_NAME
    return local if local.exists() else Path("/work") / SEED_NAME


TITLES = {
    1: "领导干部干预司法活动、插手具体案件处理的记录、通报和责任追究规定",
    2: "司法机关内部人员过问案件的记录和责任追究规定",
    3: "关于进一步规范司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
}
ROLES = ACTOR_ROLES  # GUIDE.md section 3, shared with every set's shape test
KEYS = LINE_KEYS
NUMERALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
ARTICLE_RE = re.compile(r"^第([一二三四五六七八九十]+)条\s*(.*)$")
ITEM_RE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]")
BASIS_RE = re.compile(r"^R([123])-(\d+)(?:-(\d+))?$")
QUOTE_RE = re.compile(r"「([^」]*)」|“([^”]*)”")


def _numeral(text: str) -> int:
    """Chinese numerals up to 九十九 (the seed's articles stop at 十五)."""
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + NUMERALS[text[1:]]
    if "十" in text:
        tens, _, units = text.partition("十")
        return NUMERALS[tens] * 10 + (NUMERALS[units] if units else 0)
    return NUMERALS[text]


Structure = dict[int, dict[int, dict[str, int]]]


def _structure(seed: str) -> Structure:
    """regulation -> article -> {"paragraphs": n, "items": n}, read from the seed's own lines."""
    out: Structure = {}
    reg = 0
    article = 0
    for raw in seed.splitlines():
        line = raw.strip()
        if not line:
            continue
        title = line.strip("《》")
        if line.startswith("《") and title in TITLES.values():
            reg = next(k for k, v in TITLES.items() if v == title)
            out[reg] = {}
            article = 0
            continue
        match = ARTICLE_RE.match(line)
        if match and reg:
            article = _numeral(match.group(1))
            out[reg][article] = {"paragraphs": 1, "items": 0}
            continue
        if reg and article:
            if ITEM_RE.match(line):
                out[reg][article]["items"] += 1
            else:
                out[reg][article]["paragraphs"] += 1
    return out


@pytest.fixture(scope="module")
def seed() -> str:
    return _seed_path().read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def structure(seed: str) -> Structure:
    parsed = _structure(seed)
    assert set(parsed) == {1, 2, 3}
    return parsed


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    lines = SET_PATH.read_text(encoding="utf-8").splitlines()
    parsed = [json.loads(line) for line in lines if line.strip()]
    assert len(parsed) == len([line for line in lines if line.strip()])
    return parsed


def test_seed_structure_is_read(structure: Structure) -> None:
    assert structure[1][8]["items"] == 5
    assert structure[2][9]["items"] == 5
    assert structure[3][5]["items"] == 6
    assert structure[1][7]["paragraphs"] == 2


def test_every_line_parses_with_the_guide_keys(rows: list[dict[str, Any]]) -> None:
    assert len(rows) == 90
    for row in rows:
        assert set(row) == KEYS, row.get("id")
        assert isinstance(row["query"], str) and 30 <= len(row["query"]) <= 250, row["id"]
        assert row["lawful"] in (True, False, None), row["id"]
        assert row["actor_role"] in ROLES, row["id"]
        assert bool(row["missing_facts"]) == (row["lawful"] is None), row["id"]
        if row["lawful"] is not False:
            assert row["liability"] == [], row["id"]


def test_ids_are_unique_and_numbered(rows: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    assert ids == [f"h6-{n:03d}" for n in range(1, len(ids) + 1)]


def test_gold_names_one_of_the_three_titles_and_an_existing_article(
    rows: list[dict[str, Any]], structure: Structure
) -> None:
    by_title = {v: k for k, v in TITLES.items()}
    for row in rows:
        assert row["gold"], row["id"]
        for gold in row["gold"]:
            assert gold["regulation"] in by_title, row["id"]
            article = structure[by_title[gold["regulation"]]].get(gold["article"])
            assert article is not None, (row["id"], gold)
            if "item" in gold:
                assert 1 <= gold["item"] <= article["items"], (row["id"], gold)


def _basis_exists(basis: str, structure: Structure) -> bool:
    match = BASIS_RE.match(basis)
    if not match:
        return False
    article = structure[int(match.group(1))].get(int(match.group(2)))
    if article is None:
        return False
    return match.group(3) is None or 1 <= int(match.group(3)) <= article["paragraphs"]


def test_every_basis_and_liability_names_an_article_in_the_seed(
    rows: list[dict[str, Any]], structure: Structure
) -> None:
    for row in rows:
        for duty in row["duties"]:
            assert set(duty) == {"who", "what", "to", "deadline", "basis"}, row["id"]
            assert _basis_exists(duty["basis"], structure), (row["id"], duty["basis"])
            assert duty["deadline"] in DEADLINES, (row["id"], duty["deadline"])
        for basis in row["liability"]:
            assert _basis_exists(basis, structure), (row["id"], basis)


def test_basis_check_rejects_what_the_seed_lacks(structure: Structure) -> None:
    assert not _basis_exists("R1-14", structure)
    assert not _basis_exists("R2-8-3", structure)
    assert _basis_exists("R2-8-2", structure)


def test_quoted_words_in_notes_occur_verbatim_in_the_seed(
    rows: list[dict[str, Any]], seed: str
) -> None:
    quoted = 0
    for row in rows:
        for pair in QUOTE_RE.findall(row["note"]):
            phrase = pair[0] or pair[1]
            quoted += 1
            assert phrase in seed, (row["id"], phrase)
    assert quoted >= len(rows)
