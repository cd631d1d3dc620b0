"""The LawRefBook corpus: a sample in the fast suite, the whole of it in a slow test."""

from __future__ import annotations

import time

import pytest

from ingest.corpus import CASE_FOLDER, load_errata, read_corpus
from ingest.models import ArticleNumber
from ingest.parser import ARTICLE_LINE, NO_ERRATA, SECTION_LINE, parse_file
from tests.conftest import LAWREFBOOK, need

SAMPLE = [
    "刑法/刑法.md",
    "行政法规/行政机关公务员处分条例(2007-04-22).md",
    "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md",  # 第一百二十四 条 typo
    "民法典/附则.md",  # an empty '##' heading
    "刑法/刑法修正案（九）.md",  # numbered 一、二、
    "宪法/宪法修正案（2018年）.md",  # errata: quoted articles
]


@pytest.mark.parametrize("relative", SAMPLE)
def test_sample_parses(relative: str):
    path = need(LAWREFBOOK) / relative
    regulation = parse_file(path, errata=load_errata().get(path.name, NO_ERRATA))
    assert regulation.articles
    # Every non-blank body line is kept somewhere: articles, headings, preface.
    kept = sum(len(a.text.split("\n")) for a in regulation.articles)
    kept += len(regulation.headings) + sum(len(h.text) for h in regulation.headings)
    kept += len(regulation.preface)
    body = path.read_text("utf-8").split("<!-- INFO END -->")[-1]
    nonblank = [
        line for line in body.splitlines()
        if line.strip(" \t\u3000\u200b") and line.strip() != "##"
    ]
    assert kept == len(nonblank)


def test_criminal_law_has_452_articles_plus_its_inserted_ones():
    regulation = parse_file(need(LAWREFBOOK) / "刑法/刑法.md")
    plain = [a.number.number for a in regulation.articles if a.number.suffix == 0]
    assert plain == list(range(1, 453))
    inserted = [a for a in regulation.articles if a.number.suffix]
    assert ArticleNumber(number=133, suffix=1) in {a.number for a in inserted}
    assert len(inserted) == 53
    assert regulation.article(ArticleNumber(number=133, suffix=1)).label == "第一百三十三条之一"


def test_typo_in_label_is_kept_as_written():
    regulation = parse_file(
        need(LAWREFBOOK) / "司法解释/最高人民法院关于适用《刑事诉讼法》的解释(2021-01-26).md"
    )
    article = regulation.article(ArticleNumber(number=124))
    assert article.label == "第一百二十四 条"
    assert article.label_separator == ""


@pytest.mark.slow
def test_whole_corpus_parses_with_zero_errors():
    started = time.perf_counter()
    report = read_corpus(need(LAWREFBOOK))
    seconds = time.perf_counter() - started
    assert report.errors == []
    assert len(report.regulations) > 1400
    # Files passed over are only indexes, cases, and texts with no 第X条 or 一、 line at all.
    for path, reason in report.skipped:
        if reason.startswith("no article structure"):
            text = path.read_text("utf-8")
            assert not any(
                ARTICLE_LINE.match(line) or SECTION_LINE.match(line)
                for line in text.splitlines()
                if not line.startswith("#")
            ), path
        else:
            assert path.name in {"_index.md", "法律法规模版.md"} or CASE_FOLDER in path.parts
    print(f"\n{len(report.regulations)} regulations, {report.article_count} articles, "
          f"{len(report.skipped)} skipped, {seconds:.1f} s")


def test_latest_versions_keep_every_part_and_drop_older_versions(tmp_path):
    from ingest.corpus import latest_versions
    from ingest.parser import parse_text

    def regulation(title: str, version: str, source: str):
        return parse_text(f"# {title}\n\n<!-- INFO END -->\n\n第一条 甲。", source=source,
                          version_date=version)

    parts = [regulation("中华人民共和国民法典", "", f"民法典/{n}.md") for n in ("总则", "物权编")]
    versions = [regulation("监察法", "2018-03-20", "a"), regulation("监察法", "2024-12-25", "b")]
    kept = latest_versions(parts + versions)
    assert sorted(r.source for r in kept) == sorted(["b", "民法典/物权编.md", "民法典/总则.md"])
