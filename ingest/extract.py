"""Extraction from one article's text: citations, internal references, definitions, role
mentions and duties with deadlines. Each finder is a pure function of the article text and
its line layout, so it can be tested alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from core.names import normalize_title
from ingest.models import (
    ArticleNumber,
    Citation,
    Definition,
    Duty,
    Location,
    Paragraph,
    Reference,
    ReferenceKind,
    RoleMention,
)
from ingest.numerals import NUMERAL_CHARS, parse_chinese_number


@dataclass(frozen=True)
class LineSpan:
    """One line of an article: where it starts in the article text and what it belongs to."""

    start: int
    end: int
    paragraph: int
    item: int | None


def line_layout(label_prefix_length: int, paragraphs: Sequence[Paragraph]) -> list[LineSpan]:
    """Offsets of each paragraph and item line inside the article text."""
    spans: list[LineSpan] = []
    offset = 0
    for paragraph in paragraphs:
        prefix = label_prefix_length if paragraph.number == 1 else 0
        length = prefix + len(paragraph.text)
        spans.append(LineSpan(offset, offset + length, paragraph.number, None))
        offset += length + 1
        for item in paragraph.items:
            length = len(item.line)
            spans.append(LineSpan(offset, offset + length, paragraph.number, item.number))
            offset += length + 1
    return spans


def locate(layout: Sequence[LineSpan], start: int, end: int) -> Location:
    for line in layout:
        if line.start <= start <= line.end:
            return Location(start=start, end=end, paragraph=line.paragraph, item=line.item)
    raise ValueError(f"offset {start} is outside the article")


# --- citations ----------------------------------------------------------------------------


def find_citations(text: str, layout: Sequence[LineSpan]) -> list[Citation]:
    """Every outermost 《…》, nested titles kept whole (《关于适用《民法典》…的解释》)."""
    citations: list[Citation] = []
    depth = 0
    start = 0
    for index, char in enumerate(text):
        if char == "《":
            if depth == 0:
                start = index
            depth += 1
        elif char == "》" and depth:
            depth -= 1
            if depth == 0:
                title = text[start + 1 : index]
                if title.strip():
                    citations.append(
                        Citation(
                            title=title,
                            normalized_title=normalize_title(title),
                            location=locate(layout, start, index + 1),
                        )
                    )
        elif char == "\n":
            depth = 0  # an unclosed 《 never spans lines
    return citations


# --- internal references --------------------------------------------------------------------

_N = f"[{NUMERAL_CHARS}]+"
_ARTICLE_REF = re.compile(
    rf"(?P<self>本(?:规定|条例|法|办法|细则|解释|决定|规则))?第(?P<num>{_N})条(?:之(?P<suf>{_N}))?"
    rf"(?:第(?P<para>{_N})款)?"
)
_RELATIVE_REF = re.compile(r"前款|本条(?!例)")  # 本条例 is "this regulation"


def find_references(
    text: str,
    layout: Sequence[LineSpan],
    this_article: ArticleNumber,
    known_articles: set[ArticleNumber],
) -> list[Reference]:
    """References to articles of the same regulation, resolved; others are dropped.

    第X条 right after a 》 (《刑法》第二十条) cites another document and is not internal;
    a target that the regulation does not have is dropped, not guessed.
    """
    references: list[Reference] = []
    for match in _ARTICLE_REF.finditer(text):
        if not match.group("self") and match.start() > 0 and text[match.start() - 1] == "》":
            continue
        target = ArticleNumber(
            number=parse_chinese_number(match.group("num")),
            suffix=parse_chinese_number(match.group("suf")) if match.group("suf") else 0,
        )
        at_line_start = any(line.start == match.start() for line in layout)
        if target == this_article and at_line_start:
            continue  # the article's own label
        if target not in known_articles:
            continue
        paragraph = match.group("para")
        references.append(
            Reference(
                text=match.group(0),
                kind=ReferenceKind.ARTICLE,
                target_article=target,
                target_paragraph=parse_chinese_number(paragraph) if paragraph else None,
                location=locate(layout, match.start(), match.end()),
            )
        )
    for match in _RELATIVE_REF.finditer(text):
        location = locate(layout, match.start(), match.end())
        if match.group(0) == "前款":
            if location.paragraph < 2:
                continue  # 前款 in a first paragraph has nothing before it
            references.append(
                Reference(
                    text="前款",
                    kind=ReferenceKind.PRECEDING_PARAGRAPH,
                    target_article=this_article,
                    target_paragraph=location.paragraph - 1,
                    location=location,
                )
            )
        else:
            references.append(
                Reference(
                    text="本条",
                    kind=ReferenceKind.THIS_ARTICLE,
                    target_article=this_article,
                    location=location,
                )
            )
    return sorted(references, key=lambda r: r.location.start)


# --- definitions ----------------------------------------------------------------------------

_DEFINITION = re.compile(
    r"本(?:规定|条例|法|办法|细则|解释|规则)所称(?P<term>“[^”]{1,30}”|[^，,。“”]{1,30}?)"
    r"[，,]?(?:是指|指)(?P<body>[^。]*。?)"
)


def find_definitions(text: str, layout: Sequence[LineSpan]) -> list[Definition]:
    """本规定所称X，是指… ; the term without quotes, the text up to the sentence end."""
    return [
        Definition(
            term=match.group("term").strip("“”"),
            text=match.group(0),
            location=locate(layout, match.start(), match.end()),
        )
        for match in _DEFINITION.finditer(text)
    ]


# --- roles and organs -----------------------------------------------------------------------


VOCABULARY_FILE = Path(__file__).with_name("vocabulary.json")


@dataclass(frozen=True)
class Vocabulary:
    """Surface form -> canonical role, matched longest first."""

    canonical_by_surface: dict[str, str]
    kind_by_role: dict[str, str]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _vocabulary_pattern(tuple(sorted(self.canonical_by_surface, key=len, reverse=True)))


@cache
def _vocabulary_pattern(surfaces: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(s) for s in surfaces))


@cache
def load_vocabulary() -> Vocabulary:
    """The role and organ vocabulary kept in ``ingest/vocabulary.json``."""
    raw = json.loads(VOCABULARY_FILE.read_text("utf-8"))
    canonical_by_surface: dict[str, str] = {}
    kind_by_role: dict[str, str] = {}
    for role, entry in raw.items():
        if role.startswith("_"):
            continue
        kind_by_role[role] = entry["kind"]
        for surface in (role, *entry["aliases"]):
            canonical_by_surface[surface] = role
    return Vocabulary(canonical_by_surface, kind_by_role)


def find_roles(text: str, layout: Sequence[LineSpan], vocabulary: Vocabulary) -> list[RoleMention]:
    return [
        RoleMention(
            role=vocabulary.canonical_by_surface[match.group(0)],
            surface=match.group(0),
            location=locate(layout, match.start(), match.end()),
        )
        for match in vocabulary.pattern.finditer(text)
    ]


# --- duties with deadlines ------------------------------------------------------------------

_DEADLINE = re.compile(
    rf"每(?:季度|月|半年|年)|(?:{_N}|\d+)(?:个工作日|个月|日|天|年|小时)(?:内|以内)|及时|立即"
)
_OBLIGATION = re.compile(r"应当|应|必须|须")
_SENTENCE_END = re.compile(r"[。；;\n]")


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _SENTENCE_END.finditer(text):
        yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def find_duties(
    text: str, layout: Sequence[LineSpan], roles: Sequence[RoleMention], label_length: int = 0
) -> list[Duty]:
    """Deadlines (三日内, 一个月内), periods (每季度) and promptness (及时, 立即), each with
    the role that must act and the action.

    The actor is the subject: a role opening the clause that holds 应当/必须, else a role
    opening the sentence, else the role just before 应当, else the actor of the previous
    duty in the same paragraph (Chinese drops a repeated subject: 必要时，可以立即报告).
    """
    duties: list[Duty] = []
    previous_actor: tuple[int, str | None] = (0, None)
    for sentence_start, sentence_end in _sentences(text):
        sentence_start = max(sentence_start, label_length)  # 第X条 is no part of a sentence
        sentence = text[sentence_start:sentence_end]
        for match in _DEADLINE.finditer(sentence):
            deadline_start = sentence_start + match.start()
            before = [r for r in roles if sentence_start <= r.location.start < deadline_start]
            actor = _subject(text, sentence_start, deadline_start, before)
            location = locate(layout, deadline_start, sentence_start + match.end())
            if actor is None and previous_actor[0] == location.paragraph:
                actor = previous_actor[1]
            action = sentence[match.end():].lstrip("，,").strip()
            if not action:
                continue  # a time expression that governs nothing (…之日起三日内。)
            duties.append(
                Duty(actor=actor, action=action, deadline=match.group(0), location=location)
            )
            if actor is not None:
                previous_actor = (location.paragraph, actor)
    return duties


def _subject(
    text: str, sentence_start: int, deadline_start: int, roles: Sequence[RoleMention]
) -> str | None:
    if not roles:
        return None
    window = text[sentence_start:deadline_start]
    obligations = list(_OBLIGATION.finditer(window))
    if obligations:
        obligation_start = sentence_start + obligations[-1].start()
        clause_start = sentence_start + max(window.rfind("，", 0, obligations[-1].start()) + 1, 0)
        for role in roles:
            if role.location.start == clause_start and role.location.end <= obligation_start:
                return role.role
    if roles[0].location.start == sentence_start:
        return roles[0].role
    if obligations:
        preceding = [r for r in roles if r.location.end <= obligation_start]
        if preceding:
            return preceding[-1].role
    return roles[0].role
