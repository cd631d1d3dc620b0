"""The units search ranks: articles, paragraphs (款) and items (项), each with the text a reader
sees and the passage the retrievers index (the unit with its regulation title and headings, so
a unit that reads "(二)要求办案人员……" still says whose rule it is)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Literal

from ingest.models import Article, Regulation

Granularity = Literal["all", "articles"]


@dataclass(frozen=True)
class Unit:
    """One searchable unit. ``paragraph`` and ``item`` are None for a whole article."""

    regulation: str
    regulation_id: str
    article: int
    article_suffix: int
    article_label: str
    paragraph: int | None
    item: int | None
    text: str
    passage: str
    category: str = ""  # the corpus folder (LawRefBook: 民法典, 司法解释, ...), if any

    @property
    def article_key(self) -> tuple[str, int, int]:
        return (self.regulation_id, self.article, self.article_suffix)

    @property
    def kind(self) -> str:
        if self.item is not None:
            return "item"
        return "article" if self.paragraph is None else "paragraph"


def _context(regulation: Regulation, article: Article) -> str:
    return " ".join((regulation.title, *article.headings))


def article_units(
    regulation: Regulation, article: Article, granularity: Granularity = "all"
) -> Iterator[Unit]:
    """The article itself, then (with ``all``) each paragraph of a multi-paragraph article and
    each item; an item's passage carries the paragraph line that introduces it."""
    context = _context(regulation, article)

    def unit(paragraph: int | None, item: int | None, text: str, body: str) -> Unit:
        return Unit(
            regulation=regulation.title,
            regulation_id=regulation.id,
            article=article.number.number,
            article_suffix=article.number.suffix,
            article_label=article.label,
            paragraph=paragraph,
            item=item,
            text=text,
            passage=f"{context}\n{body}",
            category=regulation.category,
        )

    yield unit(None, None, article.text, article.text)
    if granularity == "articles":
        return
    several = len(article.paragraphs) > 1
    for paragraph in article.paragraphs:
        lines = [paragraph.text, *(i.line for i in paragraph.items)]
        if several:
            text = "\n".join(lines)
            yield unit(paragraph.number, None, text, f"{article.label} {text}")
        for item in paragraph.items:
            body = f"{article.label} {paragraph.text}\n{item.line}"
            yield unit(paragraph.number, item.number, item.line, body)


def corpus_units(
    regulations: Iterable[Regulation], granularity: Granularity = "all"
) -> list[Unit]:
    """Every unit of every regulation, in corpus order."""
    return [
        unit
        for regulation in regulations
        for article in regulation.articles
        for unit in article_units(regulation, article, granularity)
    ]
