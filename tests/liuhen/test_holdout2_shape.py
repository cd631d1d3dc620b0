"""Shape of data/eval/situations_holdout2.jsonl (issue 11, session 5, author E).

Checks only the file's form against the seed text: every line parses, ids are unique, every
gold provision, duty basis and liability names an article (paragraph, item) that exists, and
every passage the notes mark as a quote of the text (inside 「」 or “”) is verbatim in it.
It never runs the assessment engine.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.liuhen.guide_terms import ACTOR_ROLES, DUTY_KEYS, LINE_KEYS

REPO = Path(__file__).resolve().parents[2]
SET_PATH = REPO / "data" / "eval" / "situations_holdout2.jsonl"
REGULATION_FILES = {
    "R1": REPO / "data" / "regulations" / "r1_leading_cadres_intervention.txt",
    "R2": REPO / "data" / "regulations" / "r2_internal_personnel_inquiries.txt",
    "R3": REPO / "data" / "regulations" / "r3_contacts_with_parties_lawyers.txt",
}
# The shared seed is the authority; the repository's regulation files carry its words.
SEED_PATH = REPO.parent / "shared" / "seeds" / "000_bf43da359201c48c.txt"

EXPECTED_COUNT = 90
MAX_LINE_BYTES = 20_000
REQUIRED_KEYS = LINE_KEYS
REFERENCE_PATTERN = re.compile(r"^(R[123])-(\d{1,2})(?:-(\d))?$")
ARTICLE_HEAD = re.compile(r"^第([一二三四五六七八九十]+)条\s*")
ITEM_HEAD = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[)）]")
QUOTE_PATTERN = re.compile(r"「([^」]*)」|“([^”]*)”")

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def chinese_number(text: str) -> int:
    """一 .. 九十九, the range article numbers of the three regulations use."""
    if "十" not in text:
        return _DIGITS[text]
    tens, _, units = text.partition("十")
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[units] if units else 0)


@dataclass
class Article:
    paragraphs: int = 0
    items: int = 0


@dataclass
class Regulation:
    title: str
    text: str
    articles: dict[int, Article] = field(default_factory=dict)


def parse_regulation(path: Path) -> Regulation:
    raw = path.read_text(encoding="utf-8")
    body = raw.split("---", 2)[2] if raw.startswith("---") else raw
    lines = [line.strip() for line in body.splitlines() if line.strip()]
    title = lines[0].strip("《》")
    regulation = Regulation(title=title, text="\n".join(lines))
    current: Article | None = None
    for line in lines[1:]:
        head = ARTICLE_HEAD.match(line)
        if head:
            current = Article(paragraphs=1)
            regulation.articles[chinese_number(head.group(1))] = current
        elif current is not None and ITEM_HEAD.match(line):
            current.items += 1
        elif current is not None:
            current.paragraphs += 1
    return regulation


@pytest.fixture(scope="module")
def regulations() -> dict[str, Regulation]:
    return {short: parse_regulation(path) for short, path in REGULATION_FILES.items()}


@pytest.fixture(scope="module")
def situations() -> list[dict[str, Any]]:
    parsed = []
    with SET_PATH.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            assert len(line.encode("utf-8")) <= MAX_LINE_BYTES, f"line {number} too long"
            record = json.loads(line)
            assert isinstance(record, dict), f"line {number} is not an object"
            parsed.append(record)
    return parsed


def test_regulation_files_parse_into_known_articles(regulations: dict[str, Regulation]) -> None:
    assert len(regulations["R1"].articles) == 13
    assert len(regulations["R2"].articles) == 15
    assert len(regulations["R3"].articles) == 15
    r2_article_8 = regulations["R2"].articles[8]
    assert r2_article_8.items == 4 and r2_article_8.paragraphs == 2
    assert regulations["R3"].articles[5].items == 6


def test_every_line_has_the_guide_format(situations: list[dict[str, Any]]) -> None:
    assert len(situations) == EXPECTED_COUNT
    for record in situations:
        ident = record.get("id")
        assert set(record) == REQUIRED_KEYS, ident
        assert isinstance(record["query"], str) and 30 <= len(record["query"]) <= 250, ident
        assert record["lawful"] in (True, False, None), ident
        assert record["actor_role"] in ACTOR_ROLES, ident
        assert isinstance(record["gold"], list) and record["gold"], ident
        missing = record["missing_facts"]
        assert isinstance(missing, list), ident
        assert bool(missing) == (record["lawful"] is None), ident
        if record["lawful"] is not False:
            assert record["liability"] == [], ident
        duties = record["duties"]
        assert isinstance(duties, list), ident
        for duty in duties:
            assert isinstance(duty, dict) and set(duty) == DUTY_KEYS, ident


def test_ids_are_unique_and_numbered(situations: list[dict[str, Any]]) -> None:
    ids = [record["id"] for record in situations]
    assert len(set(ids)) == len(ids)
    assert ids == [f"h2-{number:03d}" for number in range(1, EXPECTED_COUNT + 1)]


def test_gold_names_existing_articles_and_items(
    situations: list[dict[str, Any]], regulations: dict[str, Regulation]
) -> None:
    by_title = {regulation.title: regulation for regulation in regulations.values()}
    for record in situations:
        for provision in record["gold"]:
            assert provision["regulation"] in by_title, record["id"]
            article = by_title[provision["regulation"]].articles.get(provision["article"])
            assert article is not None, (record["id"], provision)
            if "item" in provision:
                assert 1 <= provision["item"] <= article.items, (record["id"], provision)


def _assert_reference_exists(
    reference: str, regulations: dict[str, Regulation], ident: object
) -> None:
    match = REFERENCE_PATTERN.match(reference)
    assert match, (ident, reference)
    article = regulations[match.group(1)].articles.get(int(match.group(2)))
    assert article is not None, (ident, reference)
    if match.group(3):
        assert 1 <= int(match.group(3)) <= article.paragraphs, (ident, reference)


def test_every_basis_and_liability_names_an_existing_article(
    situations: list[dict[str, Any]], regulations: dict[str, Regulation]
) -> None:
    for record in situations:
        for duty in record["duties"]:
            _assert_reference_exists(duty["basis"], regulations, record["id"])
        for reference in record["liability"]:
            _assert_reference_exists(reference, regulations, record["id"])


def test_deadlines_are_the_texts_own_words(
    situations: list[dict[str, Any]], regulations: dict[str, Regulation]
) -> None:
    all_text = "\n".join(regulation.text for regulation in regulations.values())
    for record in situations:
        for duty in record["duties"]:
            deadline = duty["deadline"]
            assert deadline is None or deadline in all_text, (record["id"], deadline)
            assert deadline not in ("及时", "每季度", "必要时", "全程"), record["id"]


def test_quotes_in_notes_are_verbatim_in_the_text(
    situations: list[dict[str, Any]], regulations: dict[str, Regulation]
) -> None:
    # The seed wins where it is present; elsewhere the repository's copy of its words.
    if SEED_PATH.exists():
        text = SEED_PATH.read_text(encoding="utf-8")
    else:
        text = "\n".join(regulation.text for regulation in regulations.values())
    for record in situations:
        note = record["note"]
        assert isinstance(note, str) and note, record["id"]
        quotes = [bracketed or curly for bracketed, curly in QUOTE_PATTERN.findall(note)]
        assert quotes, f"{record['id']}: the note quotes no words of the text"
        for quote in quotes:
            assert quote and quote in text, (record["id"], quote)
