"""The three seed regulations, parsed from data/regulations, against the seed text itself."""

from __future__ import annotations

from collections import defaultdict

import pytest

from ingest.library import RegulationLibrary
from ingest.models import ArticleNumber, ReferenceKind, Regulation
from tests.conftest import R1, R2, R3, REGULATIONS_DIR, SEED_FILE, need


def seed_bodies() -> dict[str, str]:
    """Title -> the text between its 《title》 line and the next one, as in the seed."""
    lines = need(SEED_FILE).read_text("utf-8").splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith("《") and line.endswith("》")]
    bodies = {}
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        bodies[lines[start][1:-1]] = "\n".join(lines[start + 1 : end]).strip("\n")
    return bodies


@pytest.mark.parametrize("title", [R1, R2, R3], ids=["R1", "R2", "R3"])
def test_joined_articles_reproduce_the_seed_exactly(library: RegulationLibrary, title: str):
    # The seed separates every line by one blank line; body() rebuilds exactly that, so the
    # only whitespace liuhen changes is none at all.
    assert library.find(title).body() == seed_bodies()[title]


@pytest.mark.parametrize(
    ("title", "articles"), [(R1, 13), (R2, 15), (R3, 15)], ids=["R1", "R2", "R3"]
)
def test_article_counts(library: RegulationLibrary, title: str, articles: int):
    regulation = library.find(title)
    assert [a.number for a in regulation.articles] == [
        ArticleNumber(number=n) for n in range(1, articles + 1)
    ]


def count_items(regulation: Regulation, number: int) -> int:
    article = regulation.article(ArticleNumber(number=number))
    return sum(len(p.items) for p in article.paragraphs)


def count_paragraphs(regulation: Regulation, number: int) -> int:
    return len(regulation.article(ArticleNumber(number=number)).paragraphs)


def test_structure_counts(r1: Regulation, r2: Regulation, r3: Regulation):
    assert count_items(r1, 8) == 5
    assert count_paragraphs(r1, 7) == 2
    assert count_items(r2, 8) == 4
    assert count_items(r2, 9) == 5
    assert count_items(r3, 5) == 6
    assert count_paragraphs(r3, 14) == 3
    # R2 第八条: the four items belong to its first paragraph; the second paragraph follows.
    article = r2.article(ArticleNumber(number=8))
    assert [len(p.items) for p in article.paragraphs] == [4, 0]


def test_item_markers_are_kept_as_written(r2: Regulation):
    items = r2.article(ArticleNumber(number=8)).paragraphs[0].items
    assert [i.marker for i in items] == ["（一）", "(二) ", "(三) ", "(四) "]
    assert [i.number for i in items] == [1, 2, 3, 4]


EXPECTED_CITATIONS = {
    "中共中央关于全面推进依法治国若干重大问题的决定": {(R1, 1), (R2, 1)},
    "中国共产党纪律处分条例": {(R1, 9), (R1, 10), (R2, 10), (R2, 11), (R3, 11)},
    "行政机关公务员处分条例": {(R1, 9), (R1, 10), (R2, 10), (R2, 11), (R3, 11)},
    "检察人员纪律处分条例(试行)": {(R1, 9), (R1, 10), (R2, 10), (R2, 11), (R3, 11)},
    "人民法院工作人员处分条例": {(R1, 9), (R1, 10), (R2, 10), (R2, 11), (R3, 11)},
    "中国人民解放军纪律条令": {(R1, 9), (R1, 10)},
    "公安机关人民警察纪律条令": {(R2, 10), (R2, 11), (R3, 11)},
}


def test_all_seven_cited_regulations_at_the_articles_where_they_occur(
    r1: Regulation, r2: Regulation, r3: Regulation
):
    found: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for regulation in (r1, r2, r3):
        for article in regulation.articles:
            for citation in article.citations:
                found[citation.normalized_title].add((regulation.title, article.number.number))
                assert article.span_text(citation.location) == f"《{citation.title}》"
    assert dict(found) == EXPECTED_CITATIONS


def test_citation_location_names_paragraph(r1: Regulation):
    article = r1.article(ArticleNumber(number=9))
    paragraphs = {c.location.paragraph for c in article.citations}
    assert paragraphs == {1, 2}
    assert len(article.citations) == 10


def test_r1_article_9_refers_to_article_8(r1: Regulation):
    references = r1.article(ArticleNumber(number=9)).references
    assert [(r.kind, r.target_article, r.text) for r in references] == [
        (ReferenceKind.ARTICLE, ArticleNumber(number=8), "本规定第八条")
    ]


def test_r2_article_10_refers_to_article_9(r2: Regulation):
    targets = [r.target_article for r in r2.article(ArticleNumber(number=10)).references]
    assert targets == [ArticleNumber(number=9)]


def test_five_defined_terms(r1: Regulation, r2: Regulation, r3: Regulation):
    terms = {
        (d.term, regulation.title, article.number.number)
        for regulation in (r1, r2, r3)
        for article in regulation.articles
        for d in article.definitions
    }
    assert terms == {
        ("领导干部", R1, 12),
        ("司法机关内部人员", R2, 13),
        ("司法人员", R3, 14),
        ("特殊关系人", R3, 14),
        ("中介组织", R3, 14),
    }
    definition = r3.article(ArticleNumber(number=14)).definitions[1]
    assert definition.location.paragraph == 2
    assert definition.text.endswith("可能影响案件公正处理的其他人。")


@pytest.mark.parametrize(
    ("which", "article", "deadline", "actor", "action_start"),
    [
        pytest.param("r1", 7, "每季度", "司法机关", "对领导干部干预", id="R1-7-quarterly"),
        pytest.param("r1", 7, "立即", "司法机关", "报告", id="R1-7-at-once"),
        pytest.param("r1", 7, "及时", "党委政法委", "研究领导干部", id="R1-7-promptly"),
        pytest.param("r3", 7, "三日内", "司法人员", "向本单位纪检监察部门报告", id="R3-7"),
        pytest.param("r3", 10, "一个月内", "纪检监察部门", "进行核查", id="R3-10"),
        pytest.param("r3", 13, "每季度", "司法机关", "对司法人员", id="R3-13"),
        pytest.param("r2", 8, "及时", "纪检监察部门", "汇总分析", id="R2-8"),
    ],
)
def test_duties_with_deadlines(
    request: pytest.FixtureRequest, which: str, article: int, deadline: str, actor: str,
    action_start: str,
):
    regulation: Regulation = request.getfixturevalue(which)
    duties = regulation.article(ArticleNumber(number=article)).duties
    matching = [d for d in duties if d.deadline == deadline and d.actor == actor]
    assert matching, [(d.deadline, d.actor, d.action[:10]) for d in duties]
    assert any(d.action.startswith(action_start) for d in matching)


def test_roles_are_canonical_with_exact_spans(r1: Regulation):
    article = r1.article(ArticleNumber(number=7))
    roles = {m.role for m in article.roles}
    assert {"司法机关", "党委政法委", "上级司法机关", "同级党委", "纪检监察机关",
            "党委组织部门", "领导干部", "上级党委"} <= roles
    for mention in article.roles:
        assert article.span_text(mention.location) == mention.surface
    # longest match: 同级党委政法委 is the commission, not 同级党委
    surfaces = {m.surface: m.role for m in article.roles}
    assert surfaces["同级党委政法委"] == "党委政法委"


def test_metadata_header_states_only_what_the_seed_says(r1: Regulation, r2: Regulation):
    assert r1.effective == "2015 年 3 月 18 日"
    assert r2.effective == "下发之日"
    assert r1.short_title == ""  # the seed states no short title
    assert r1.aliases == ("R1",)


def test_cited_disciplinary_regulation_is_in_the_data(library: RegulationLibrary):
    regulation = library.find("行政机关公务员处分条例")
    assert regulation.version_date == "2007-04-22"
    assert regulation.headings[0].title == "第一章 总则"
    assert regulation.articles[0].headings == ("第一章 总则",)


def test_every_data_file_parses():
    files = sorted(p.name for p in REGULATIONS_DIR.iterdir())
    assert len(files) == 4
    assert len(RegulationLibrary.from_directory(REGULATIONS_DIR).regulations) == 4
