"""Parser behaviour on hand-made texts: numbers, markers, formats, round trips, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.errors import InputError, ParseError
from core.names import normalize_title
from ingest.articles import parse_article_number
from ingest.models import ArticleNumber, Regulation
from ingest.numerals import parse_chinese_number, to_chinese_number
from ingest.parser import NoArticlesError, parse_file, parse_text


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("一百零一", 101),
     ("一百三十三", 133), ("四百五十二", 452), ("一千二百六十", 1260), ("一千零五", 1005),
     ("两千", 2000)],
)
def test_chinese_numerals(text: str, value: int):
    assert parse_chinese_number(text) == value


@given(st.integers(min_value=1, max_value=9999))
def test_numerals_round_trip(value: int):
    assert parse_chinese_number(to_chinese_number(value)) == value


@pytest.mark.parametrize(
    ("typed", "number"),
    [("8", ArticleNumber(number=8)), ("第八条", ArticleNumber(number=8)),
     ("133之一", ArticleNumber(number=133, suffix=1)),
     ("133-1", ArticleNumber(number=133, suffix=1)),
     ("第一百三十三条之一", ArticleNumber(number=133, suffix=1))],
)
def test_article_numbers_as_typed(typed: str, number: ArticleNumber):
    assert parse_article_number(typed) == number


@pytest.mark.parametrize("typed", ["", "eight", "第八款", "8之", "'; DROP"])
def test_bad_article_number_names_the_field(typed: str):
    with pytest.raises(InputError) as raised:
        parse_article_number(typed)
    assert raised.value.field == "article"


def test_title_normalisation_follows_the_eval_rules():
    assert normalize_title("《中华人民共和国监察法》(2018-03-20)") == "监察法"
    assert normalize_title("最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释") == (
        normalize_title("最高人民法院关于适用《民法典》有关担保制度的解释")
    )
    assert normalize_title("检察人员纪律处分条例（试行）") == "检察人员纪律处分条例(试行)"


MARKDOWN = """# 中华人民共和国示例法

2020年1月1日 通过

<!-- INFO END -->

## 第一章 总则

第一条 为了示例，制定本法。

第二条 有下列情形之一的，适用本法：

（一）甲；

（二）乙。

前款规定的情形，依照本法第一条处理。

## 第二章 附则

第二条之一 本条自公布之日起施行。

第三条 本法所称示例，是指用于测试的文本。
"""


def test_lawrefbook_markdown(tmp_path: Path):
    path = tmp_path / "示例法(2020-01-01).md"
    path.write_text(MARKDOWN, "utf-8")
    regulation = parse_file(path, category="法律")
    assert regulation.title == "中华人民共和国示例法"
    assert regulation.id == "示例法@2020-01-01"
    assert regulation.preamble == ("2020年1月1日 通过",)
    assert [h.title for h in regulation.headings] == ["第一章 总则", "第二章 附则"]
    assert regulation.headings[1].first_article == ArticleNumber(number=2, suffix=1)
    assert [a.label for a in regulation.articles] == ["第一条", "第二条", "第二条之一", "第三条"]
    second = regulation.articles[1]
    assert [len(p.items) for p in second.paragraphs] == [2, 0]
    kinds = [(r.kind.value, r.target_article.key, r.target_paragraph) for r in second.references]
    assert kinds == [("preceding_paragraph", "2", 1), ("article", "1", None)]
    assert regulation.articles[2].references[0].kind.value == "this_article"
    assert regulation.articles[3].definitions[0].term == "示例"
    assert regulation.articles[3].headings == ("第二章 附则",)


def test_external_article_reference_is_not_internal():
    regulation = parse_text(
        "第一条 依照《刑法》第二条处理。\n\n第二条 见第一条。", source="t", default_title="t"
    )
    assert regulation.articles[0].references == ()
    assert [r.target_article.key for r in regulation.articles[1].references] == ["1"]


def test_reference_to_missing_article_is_dropped_not_guessed():
    regulation = parse_text("第一条 依照第九条处理。", source="t", default_title="t")
    assert regulation.articles[0].references == ()


def test_sub_items_stay_with_their_item():
    text = "第一条 下列：\n（一）甲：\n1.子目一\n2.子目二\n（二）乙。"
    regulation = parse_text(text, source="t", default_title="t")
    items = regulation.articles[0].paragraphs[0].items
    assert [i.text for i in items] == ["甲：\n1.子目一\n2.子目二", "乙。"]
    assert "\n".join(regulation.articles[0].lines()) == text


def test_sections_numbered_like_a_decision():
    regulation = parse_text("# 某决定\n\n一、第一项内容。\n\n二、第二项内容。", source="t")
    assert [a.label for a in regulation.articles] == ["一、", "二、"]
    assert regulation.articles[1].number == ArticleNumber(number=2)


# --- round trip: generated regulations parse back to what generated them -----------------

item_text = st.text(alphabet="甲乙丙丁戊己庚辛壬癸的了和与及或者应当司法人员记录", min_size=1,
                    max_size=20)
paragraph_text = item_text.map(lambda t: t + "。")


@st.composite
def regulations(draw: st.DrawFn) -> tuple[str, list[list[tuple[str, list[str]]]]]:
    """A title and articles, each a list of (paragraph text, item texts)."""
    articles = draw(
        st.lists(
            st.lists(st.tuples(paragraph_text, st.lists(item_text, max_size=4)),
                     min_size=1, max_size=3),
            min_size=1, max_size=12,
        )
    )
    return "测试规定", articles


def render(title: str, articles: list[list[tuple[str, list[str]]]], half_width: bool) -> str:
    lines = [f"《{title}》"]
    for number, paragraphs in enumerate(articles, start=1):
        for position, (text, items) in enumerate(paragraphs):
            prefix = f"第{to_chinese_number(number)}条 " if position == 0 else ""
            lines.append(prefix + text)
            for item_number, item in enumerate(items, start=1):
                numeral = to_chinese_number(item_number)
                marker = f"({numeral}) " if half_width else f"（{numeral}）"
                lines.append(marker + item)
    return "\n\n".join(lines)


@settings(max_examples=60, deadline=None)
@given(regulations(), st.booleans())
def test_generated_regulations_parse_back(generated, half_width: bool):
    title, articles = generated
    regulation = parse_text(render(title, articles, half_width), source="generated")
    assert regulation.title == title
    parsed = [
        [(p.text, [i.text for i in p.items]) for p in article.paragraphs]
        for article in regulation.articles
    ]
    assert parsed == articles
    assert regulation.body() == render(title, articles, half_width).split("\n\n", 1)[1]


# --- bad input ----------------------------------------------------------------------------


def write(tmp_path: Path, text: str | bytes, name: str = "bad.txt") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, "utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        pytest.param("《无条文》\n\n这里没有条文。\n", 2, "no articles", id="no-articles"),
        pytest.param("《跳号》\n\n第一条 甲。\n\n第三条 丙。\n", 5, "out of sequence",
                     id="skipped-number"),
        pytest.param("《重号》\n\n第一条 甲。\n\n第二条 乙。\n\n第二条 乙。\n", 7, "repeated",
                     id="repeated-number"),
        pytest.param("# 标题\n\n<!-- INFO END -->\n\n##第一章 总则\n\n第一条 甲。\n", 5,
                     "malformed heading", id="heading-without-space"),
        pytest.param("---\ntitle: 甲\nmood: happy\n---\n第一条 甲。\n", 3, "front matter",
                     id="unknown-front-matter-key"),
        pytest.param("---\ntitle: 甲\n", 1, "never closed", id="unclosed-header"),
    ],
)
def test_bad_files_name_file_and_line(tmp_path: Path, text: str, line: int, says: str):
    path = write(tmp_path, text)
    with pytest.raises(ParseError) as raised:
        parse_file(path)
    assert raised.value.file == str(path)
    assert raised.value.line == line
    assert says in raised.value.message
    assert f"{path}:{line}" in str(raised.value)


def test_no_articles_is_its_own_error(tmp_path: Path):
    with pytest.raises(NoArticlesError):
        parse_file(write(tmp_path, "《无条文》\n\n只有一段话。\n"))


def test_non_utf8_file_names_the_line(tmp_path: Path):
    path = write(tmp_path, "《甲》\n\n第一条 甲。\n\n".encode() + "第二条 乙。".encode("gb18030"))
    with pytest.raises(ParseError) as raised:
        parse_file(path)
    assert raised.value.line == 5
    assert "not UTF-8" in raised.value.message


def test_numbers_are_never_renumbered():
    regulation = parse_text("《甲》\n\n第五条 从第五条开始。\n\n第六条 乙。", source="t")
    assert [a.number.number for a in regulation.articles] == [5, 6]


def test_regulation_model_rejects_text_that_structure_does_not_rebuild(r1: Regulation):
    article = r1.articles[0]
    with pytest.raises(ValueError, match="do not rebuild"):
        type(article).model_validate({**article.model_dump(), "text": article.text + "！"})
