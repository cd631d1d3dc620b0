"""Regulation models -> graph rows, without a store: stable ids, heading structure, and
how a corpus's duplicates are combined."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.loader import GraphRows, content_hash, heading_structure, regulation_rows
from graph.schema import article_id
from ingest.combine import combine_duplicates
from ingest.corpus import read_corpus
from ingest.models import Regulation
from ingest.parser import parse_file
from tests.conftest import LAWREFBOOK, R1, REGULATIONS_DIR, need
from tests.graph.contract import CIVIL_SERVANTS, seed, seed_regulations

CIVIL_CODE = LAWREFBOOK / "民法典"


def _rows(regulation: Regulation) -> GraphRows:
    return regulation_rows(regulation, cite_target=lambda key: key)


@pytest.mark.parametrize("title", [R1, CIVIL_SERVANTS])
def test_rows_are_stable_and_ids_unique(title: str) -> None:
    regulation = seed(title)
    first, second = _rows(regulation), _rows(regulation)
    assert first == second
    for rows in (first.articles, first.paragraphs, first.items, first.duties, first.headings):
        ids = [row["id"] for row in rows]
        assert len(ids) == len(set(ids))
    # A second parse of the same file (not the cached object again) hashes the same; a
    # change to the regulation does not.
    reparsed = next(r for r in read_corpus(REGULATIONS_DIR).regulations
                    if r.normalized_title == title)
    assert reparsed is not regulation
    assert content_hash(reparsed) == content_hash(regulation)
    changed = regulation.model_copy(update={"title": regulation.title + "（修订）"})
    assert content_hash(changed) != content_hash(regulation)


def test_innermost_heading_rebuilds_each_article_path() -> None:
    for regulation in seed_regulations():
        parents, innermost = heading_structure(regulation)
        for article in regulation.articles:
            path: list[str] = []
            position = innermost.get(article.number.key)
            while position is not None:
                path.insert(0, regulation.headings[position - 1].title)
                position = parents.get(position)
            assert tuple(path) == article.headings, article.label


def test_rows_point_citations_where_told() -> None:
    rows = regulation_rows(seed(R1), cite_target=lambda key: f"target:{key}")
    assert {row["target_id"] for row in rows.citations} >= {
        "target:中国共产党纪律处分条例", f"target:{CIVIL_SERVANTS}"
    }
    first = rows.next_articles[0]
    assert (first["id"], first["next_id"]) == (article_id(R1, "1"), article_id(R1, "2"))


def test_a_file_under_two_categories_is_kept_once() -> None:
    r1 = seed(R1)
    copy = r1.model_copy(update={"category": "其他", "source": "elsewhere.txt"})
    combined, notes = combine_duplicates([r1, copy])
    assert combined == [r1]
    assert "same text" in notes[0]


def test_different_texts_with_one_id_keep_the_first() -> None:
    r1 = seed(R1)
    changed = r1.model_copy(update={"articles": r1.articles[:3]})
    combined, notes = combine_duplicates([r1, changed])
    assert combined == [r1] and "different texts" in notes[0]


def test_a_code_split_into_parts_becomes_one_regulation() -> None:
    parts = [parse_file(path) for path in sorted(need(CIVIL_CODE).glob("*编.md"))]
    parts += [parse_file(CIVIL_CODE / "总则.md")]
    combined, notes = combine_duplicates(parts)
    assert len(combined) == 1 and "parts merged" in notes[0]
    code = combined[0]
    numbers = [a.number.number for a in code.articles]
    assert numbers == sorted(numbers) and numbers[0] == 1
    assert [h.title for h in code.headings if h.depth == 1][:2] == ["总则", "物权编"]
    article = next(a for a in code.articles if a.number.number == 205)
    assert article.headings[0] == "物权编"
    parents, innermost = heading_structure(code)
    position = innermost[article.number.key]
    path = []
    while position is not None:
        path.insert(0, code.headings[position - 1].title)
        position = parents.get(position)
    assert tuple(path) == article.headings
    assert Path(code.source).name == "民法典"
