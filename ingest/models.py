"""The validated documents liuhen ingests: a regulation and everything extracted from it.

Structure follows Chinese drafting practice: Regulation -> Heading (编/章/节) -> Article (条)
-> Paragraph (款) -> Item (项). Every extraction carries its exact character span in the
article text (``article.text[start:end]`` is the matched text) and the paragraph and item
where it occurs, so any claim liuhen makes can be traced back to the words of the source.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from pydantic import BaseModel, ConfigDict, Field, model_validator

from core.names import normalize_title
from ingest.numerals import to_chinese_number


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleNumber(Frozen):
    """第八条 is (8, 0); 第一百三十三条之一 is (133, 1)."""

    number: int = Field(ge=1, le=9999)
    suffix: int = Field(default=0, ge=0, le=99)

    @property
    def label(self) -> str:
        suffix = f"之{to_chinese_number(self.suffix)}" if self.suffix else ""
        return f"第{to_chinese_number(self.number)}条{suffix}"

    @property
    def key(self) -> str:
        """A short stable key: "8", "133-1"."""
        return f"{self.number}-{self.suffix}" if self.suffix else str(self.number)

    def __str__(self) -> str:
        return self.label


class Location(Frozen):
    """Where in an article a piece of text sits: character span, paragraph, item."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    paragraph: int = Field(ge=1, description="款, 1-based")
    item: int | None = Field(default=None, ge=1, description="项, 1-based, if inside an item")


class Citation(Frozen):
    """A 《title》 naming another document."""

    title: str
    normalized_title: str
    location: Location


class ReferenceKind(StrEnum):
    ARTICLE = "article"  # 本规定第八条, 第八条所列行为
    PRECEDING_PARAGRAPH = "preceding_paragraph"  # 前款
    THIS_ARTICLE = "this_article"  # 本条


class Reference(Frozen):
    """An internal reference, resolved to an article of the same regulation."""

    text: str
    kind: ReferenceKind
    target_article: ArticleNumber
    target_paragraph: int | None = None
    location: Location


class Definition(Frozen):
    """本规定所称X，是指… : the term X and the text that defines it."""

    term: str
    text: str
    location: Location


class RoleMention(Frozen):
    """A role or organ named in the text, canonicalised through the vocabulary file."""

    role: str
    surface: str
    location: Location


class Duty(Frozen):
    """A deadline or a periodic duty: who must do what, by when."""

    actor: str | None = Field(description="canonical role that must act, if named")
    action: str
    deadline: str = Field(description="the time expression as written: 三日内, 每季度, 及时")
    location: Location


class Item(Frozen):
    number: int = Field(ge=1)
    marker: str = Field(description="the marker exactly as written: '（一）' or '(二) '")
    text: str = Field(description="the item's text after the marker")

    @property
    def line(self) -> str:
        return self.marker + self.text


class Paragraph(Frozen):
    number: int = Field(ge=1)
    text: str = Field(description="the paragraph's own line; the article label is not in it")
    items: tuple[Item, ...] = ()


class Article(Frozen):
    number: ArticleNumber
    label: str = Field(description="第X条 exactly as written in the source")
    label_separator: str = Field(
        default=" ", description="what stands between 第X条 and the text in the source"
    )
    text: str = Field(description="the article exactly as in the source, lines joined by \\n")
    headings: tuple[str, ...] = Field(default=(), description="编/章/节 titles above it")
    paragraphs: tuple[Paragraph, ...]
    citations: tuple[Citation, ...] = ()
    references: tuple[Reference, ...] = ()
    definitions: tuple[Definition, ...] = ()
    roles: tuple[RoleMention, ...] = ()
    duties: tuple[Duty, ...] = ()
    source_line: int = Field(ge=1, description="line of 第X条 in the source file")

    def lines(self) -> list[str]:
        """The article's lines rebuilt from its paragraphs and items."""
        out: list[str] = []
        for paragraph in self.paragraphs:
            if paragraph.number == 1:
                out.append(self.label + self.label_separator + paragraph.text)
            else:
                out.append(paragraph.text)
            out.extend(item.line for item in paragraph.items)
        return out

    @model_validator(mode="after")
    def _structure_reproduces_text(self) -> Self:
        if "\n".join(self.lines()) != self.text:
            raise ValueError(f"{self.label}: paragraphs and items do not rebuild the text")
        for span in self._spans():
            if not 0 <= span.start <= span.end <= len(self.text):
                raise ValueError(f"{self.label}: span {span.start}-{span.end} out of range")
        return self

    def _spans(self) -> list[Location]:
        return [
            x.location
            for group in (self.citations, self.references, self.definitions, self.roles,
                          self.duties)
            for x in group
        ]

    def span_text(self, location: Location) -> str:
        return self.text[location.start:location.end]


class Heading(Frozen):
    level: str = Field(description="编, 章, 节 or 目 where the heading names one, else '#'*depth")
    depth: int = Field(ge=1)
    title: str
    text: tuple[str, ...] = Field(
        default=(), description="lines under the heading before its first article"
    )
    first_article: ArticleNumber | None = None


class Regulation(Frozen):
    title: str
    short_title: str = ""
    aliases: tuple[str, ...] = ()
    effective: str = Field(default="", description="the effective date as the text states it")
    version_date: str = Field(default="", description="YYYY-MM-DD from the file name, if any")
    source: str = ""
    category: str = Field(default="", description="LawRefBook folder: 行政法规, 司法解释, ...")
    preamble: tuple[str, ...] = Field(default=(), description="history lines before the body")
    preface: tuple[str, ...] = Field(
        default=(), description="lines between the title and 第一条: 序言, enacting formula"
    )
    headings: tuple[Heading, ...] = ()
    articles: tuple[Article, ...]

    @property
    def normalized_title(self) -> str:
        return normalize_title(self.title)

    @property
    def id(self) -> str:
        """Stable id: the normalised title, plus @version_date when the file carries one."""
        base = self.normalized_title
        return f"{base}@{self.version_date}" if self.version_date else base

    def article(self, number: ArticleNumber) -> Article:
        for article in self.articles:
            if article.number == number:
                return article
        raise KeyError(number.label)

    def body(self) -> str:
        """The articles joined as they stand in a plain-text file (one blank line between)."""
        return "\n\n".join("\n\n".join(a.text.split("\n")) for a in self.articles)
