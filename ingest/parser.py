"""Regulation text -> :class:`Regulation`.

Two input formats, one model:

- liuhen's plain text (``data/regulations/*.txt``): an optional front-matter header between
  ``---`` lines (title, short_title, aliases, effective, source), then an optional 《title》
  line, then the articles as published, one paragraph or item a line.
- LawRefBook Markdown: ``# title``, history lines up to ``<!-- INFO END -->``, ``#`` headings
  for 编/章/节, then the articles.

Every line of the body must belong to a heading or an article; anything else, a skipped or
repeated article number, or an undecodable file is a :class:`ParseError` naming file and line.
Numbers are taken as written and never renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from core.errors import ParseError
from ingest.extract import (
    find_citations,
    find_definitions,
    find_duties,
    find_references,
    find_roles,
    line_layout,
    load_vocabulary,
)
from ingest.models import Article, ArticleNumber, Heading, Item, Paragraph, Regulation
from ingest.numerals import NUMERAL_CHARS, parse_chinese_number


class NoArticlesError(ParseError):
    """The text has no 第X条 (or 一、) units at all: not a regulation liuhen can structure."""

_N = f"[{NUMERAL_CHARS}]+"
# 第X条 then a space or the line end; a stray space before 条 (第一百二十四 条采用…, a typo in
# one published text) still marks an article, since a reference is never written that way.
ARTICLE_LINE = re.compile(
    rf"^第(?P<num>{_N})(?:条(?:之(?P<suf>{_N}))?(?P<sep>[ \u3000\t]+|$)|[ \u3000]条(?P<sep2>))"
)
# Decisions, amendments and notices number their units 一、二、 instead of 第X条; such a
# document is read with these as its articles when it has no 第X条 line at all.
SECTION_LINE = re.compile(rf"^(?P<num>{_N})、(?P<sep2>)")
ITEM_LINE = re.compile(rf"^(?P<marker>[（(](?P<num>{_N})[）)][ \u3000]?)")
MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})(?P<space>\s*)(?P<title>.*)$")
PLAIN_HEADING = re.compile(rf"^第{_N}(?P<level>[编章节])(?:[ \u3000]+\S.*)?$")
HEADING_LEVEL = re.compile(rf"^第{_N}(?P<level>[编章节])")
_VERSION_IN_NAME = re.compile(r"\((?P<date>\d{4}-\d{2}-\d{2})\)$")
_FRONT_MATTER_KEYS = {"title", "short_title", "aliases", "effective", "source", "version_date"}
INFO_END = "<!-- INFO END -->"
# Zero-width and byte-order marks some published texts carry on otherwise empty lines.
_INVISIBLE = " \t\u3000\u200b\u200c\u200d\ufeff"


@dataclass(frozen=True)
class Errata:
    """Known defects of one published text that the parser is told to accept (see
    ``ingest/corpus_errata.json``); everything not listed here is still an error."""

    gaps: frozenset[str] = frozenset()
    text_lines: tuple[tuple[int, int], ...] = ()
    excerpt: bool = False

    def is_text_line(self, line_number: int) -> bool:
        return any(first <= line_number <= last for first, last in self.text_lines)


NO_ERRATA = Errata()


@dataclass
class _ArticleDraft:
    number: ArticleNumber
    label: str
    separator: str
    line: int
    headings: tuple[str, ...]
    paragraphs: list[tuple[str, list[Item]]] = field(default_factory=list)


def parse_file(path: Path, *, category: str = "", errata: Errata = NO_ERRATA) -> Regulation:
    """Parse a plain-text or LawRefBook Markdown regulation file.

    Raises ParseError (with file and line) for undecodable, empty or malformed input.
    """
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        line = path.read_bytes()[: error.start].count(b"\n") + 1
        raise ParseError(
            f"not UTF-8 (byte {error.start}: {error.reason})", file=path, line=line
        ) from error
    except OSError as error:
        raise ParseError(f"cannot read: {error.strerror}", file=path) from error
    version = _VERSION_IN_NAME.search(path.stem)
    return parse_text(
        text,
        source=str(path),
        version_date=version.group("date") if version else "",
        category=category,
        default_title=_VERSION_IN_NAME.sub("", path.stem),
        errata=errata,
    )


def parse_text(
    text: str,
    *,
    source: str = "<text>",
    version_date: str = "",
    category: str = "",
    default_title: str = "",
    errata: Errata = NO_ERRATA,
) -> Regulation:
    """Parse regulation text; ``source`` names it in errors."""
    lines = text.removeprefix("\ufeff").splitlines()
    metadata: dict[str, str] = {}
    preamble: list[str] = []
    body_start = 0
    if lines and lines[0].strip() == "---":
        metadata, body_start = _front_matter(lines, source)
    elif lines and lines[0].startswith("# ") and any(line.strip() == INFO_END for line in lines):
        metadata["title"] = lines[0][2:].strip()
        end = next(i for i, line in enumerate(lines) if line.strip() == INFO_END)
        preamble = [line.strip() for line in lines[1:end] if line.strip()]
        body_start = end + 1
    title_line = _first_nonblank(lines, body_start)
    if title_line is not None:
        stripped = lines[title_line].strip()
        if stripped.startswith("《") and stripped.endswith("》"):
            metadata.setdefault("title", stripped[1:-1])
            body_start = title_line + 1
        elif stripped.startswith("# "):
            metadata.setdefault("title", stripped[2:].strip())
            body_start = title_line + 1
    title = metadata.get("title") or default_title
    if not title:
        raise ParseError("no title: give a front-matter title, a 《title》 or '# title' line",
                         file=source, line=1)
    headings, drafts, preface = _parse_body(lines, body_start, source, ARTICLE_LINE, errata)
    if not drafts:
        headings, drafts, preface = _parse_body(lines, body_start, source, SECTION_LINE, errata)
    if not drafts:
        raise NoArticlesError(
            "no articles (no line starts with 第X条 or 一、)", file=source, line=body_start + 1
        )
    articles = _build_articles(drafts, source)
    try:
        return Regulation(
            title=title,
            short_title=metadata.get("short_title", ""),
            aliases=tuple(a.strip() for a in metadata.get("aliases", "").split(",") if a.strip()),
            effective=metadata.get("effective", ""),
            version_date=metadata.get("version_date", version_date),
            source=metadata.get("source", source),
            category=category,
            preamble=tuple(preamble),
            preface=tuple(preface),
            headings=tuple(headings),
            articles=tuple(articles),
        )
    except ValidationError as error:
        raise ParseError(str(error), file=source) from error


def _first_nonblank(lines: list[str], start: int) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip()), None)


def _front_matter(lines: list[str], source: str) -> tuple[dict[str, str], int]:
    metadata: dict[str, str] = {}
    for index in range(1, len(lines)):
        line = lines[index]
        if line.strip() == "---":
            return metadata, index + 1
        key, colon, value = line.partition(":")
        key = key.strip()
        if not colon or key not in _FRONT_MATTER_KEYS:
            raise ParseError(
                f"front matter line is not 'key: value' with a key among "
                f"{sorted(_FRONT_MATTER_KEYS)}: {line!r}",
                file=source, line=index + 1, field=key if colon else None,
            )
        metadata[key] = value.strip()
    raise ParseError("front matter opened with --- is never closed", file=source, line=1)


def _parse_body(
    lines: list[str],
    start: int,
    source: str,
    article_line: re.Pattern[str],
    errata: Errata,
) -> tuple[list[Heading], list[_ArticleDraft], list[str]]:
    headings: list[Heading] = []
    heading_path: list[tuple[int, str]] = []  # (depth, title)
    drafts: list[_ArticleDraft] = []
    preface: list[str] = []
    current: _ArticleDraft | None = None
    for index in range(start, len(lines)):
        line_number = index + 1
        line = lines[index].rstrip()
        if not line.strip(_INVISIBLE):
            continue
        if errata.is_text_line(line_number):
            if current is not None:
                current.paragraphs.append((line, []))
            elif headings:
                headings[-1] = headings[-1].model_copy(
                    update={"text": (*headings[-1].text, line)}
                )
            else:
                preface.append(line)
            continue
        heading = _heading(line, source, line_number)
        if heading == ():
            continue  # an empty ATX heading ('##' alone) is valid Markdown and says nothing
        if heading is not None and len(heading) == 3:
            depth, level, title = heading
            heading_path = [h for h in heading_path if h[0] < depth] + [(depth, title)]
            headings.append(Heading(level=level, depth=depth, title=title))
            current = None
            continue
        article_match = article_line.match(line)
        if article_match:
            number = ArticleNumber(
                number=parse_chinese_number(article_match.group("num")),
                suffix=parse_chinese_number(article_match.group("suf"))
                if article_match.groupdict().get("suf") else 0,
            )
            if not (errata.excerpt or line[: _separator_start(article_match)] in errata.gaps):
                _check_sequence(drafts, number, source, line_number)
            elif number in {d.number for d in drafts}:
                raise ParseError(f"article number repeated: {number.label}", file=source,
                                 line=line_number)
            current = _ArticleDraft(
                number=number,
                label=line[: _separator_start(article_match)],
                separator=_separator(article_match),
                line=line_number,
                headings=tuple(title for _, title in heading_path),
            )
            current.paragraphs.append((line[article_match.end():], []))
            drafts.append(current)
            if len(headings) and headings[-1].first_article is None:
                headings = _mark_first_article(headings, number)
            continue
        if current is None and headings and headings[-1].first_article is None and drafts:
            # Text under a heading before its first article: a heading that runs onto a
            # second line, or an appendix (附件) after the last article.
            headings[-1] = headings[-1].model_copy(
                update={"text": (*headings[-1].text, line)}
            )
            continue
        if current is None and not drafts:
            preface.append(line)
            continue
        if current is None:
            raise ParseError(
                f"text outside any article: {line[:40]!r}", file=source, line=line_number
            )
        item_match = ITEM_LINE.match(line)
        if item_match:
            items = current.paragraphs[-1][1]
            items.append(
                Item(
                    number=parse_chinese_number(item_match.group("num")),
                    marker=item_match.group("marker"),
                    text=line[item_match.end():],
                )
            )
        elif current.paragraphs[-1][1] and re.match(r"^\d+[.．、]", line):
            # A 目 (sub-item "1.") belongs to the item above it.
            items = current.paragraphs[-1][1]
            last = items[-1]
            items[-1] = Item(number=last.number, marker=last.marker, text=f"{last.text}\n{line}")
        else:
            current.paragraphs.append((line, []))
    return headings, drafts, preface


def _separator(match: re.Match[str]) -> str:
    return match.groupdict().get("sep") or ""


def _separator_start(match: re.Match[str]) -> int:
    return match.start("sep") if match.groupdict().get("sep") is not None else match.start("sep2")


def _mark_first_article(headings: list[Heading], number: ArticleNumber) -> list[Heading]:
    # Every heading since the last article starts at this article.
    marked = list(headings)
    for position in range(len(marked) - 1, -1, -1):
        if marked[position].first_article is not None:
            break
        marked[position] = marked[position].model_copy(update={"first_article": number})
    return marked


def _heading(
    line: str, source: str, line_number: int
) -> tuple[int, str, str] | tuple[()] | None:
    markdown = MARKDOWN_HEADING.match(line)
    if markdown:
        title = markdown.group("title").strip()
        if not title and not markdown.group("space"):
            return ()
        if not title or not markdown.group("space"):
            raise ParseError(
                f"malformed heading {line!r}: '#' needs a space and a title",
                file=source, line=line_number,
            )
        depth = len(markdown.group("hashes")) - 1  # '# title' is the document; '##' is depth 1
        level = HEADING_LEVEL.match(title)
        return depth, level.group("level") if level else "#" * depth, title
    plain = PLAIN_HEADING.match(line)
    if plain:
        depth = "编章节".index(plain.group("level")) + 1
        return depth, plain.group("level"), line.strip()
    return None


def _check_sequence(
    drafts: list[_ArticleDraft], number: ArticleNumber, source: str, line_number: int
) -> None:
    if not drafts:
        return
    previous = drafts[-1].number
    expected_next = ArticleNumber(number=previous.number + 1)
    expected_suffix = ArticleNumber(number=previous.number, suffix=previous.suffix + 1)
    if number in (expected_next, expected_suffix):
        return
    seen = {d.number for d in drafts}
    problem = "repeated" if number in seen else "out of sequence"
    raise ParseError(
        f"article number {problem}: {number.label} after {previous.label} "
        f"(line {drafts[-1].line}); expected {expected_next.label}",
        file=source, line=line_number,
    )


def _build_articles(drafts: list[_ArticleDraft], source: str) -> list[Article]:
    vocabulary = load_vocabulary()
    known = {draft.number for draft in drafts}
    articles: list[Article] = []
    for draft in drafts:
        paragraphs = tuple(
            Paragraph(number=i, text=text, items=tuple(items))
            for i, (text, items) in enumerate(draft.paragraphs, start=1)
        )
        label_prefix = len(draft.label) + len(draft.separator)
        lines = []
        for paragraph in paragraphs:
            prefix = draft.label + draft.separator if paragraph.number == 1 else ""
            lines.append(prefix + paragraph.text)
            lines.extend(item.line for item in paragraph.items)
        text = "\n".join(lines)
        layout = line_layout(label_prefix, paragraphs)
        roles = find_roles(text, layout, vocabulary)
        try:
            articles.append(
                Article(
                    number=draft.number,
                    label=draft.label,
                    label_separator=draft.separator,
                    text=text,
                    headings=draft.headings,
                    paragraphs=paragraphs,
                    citations=tuple(find_citations(text, layout)),
                    references=tuple(find_references(text, layout, draft.number, known)),
                    definitions=tuple(find_definitions(text, layout)),
                    roles=tuple(roles),
                    duties=tuple(find_duties(text, layout, roles, label_prefix)),
                    source_line=draft.line,
                )
            )
        except ValidationError as error:
            raise ParseError(str(error), file=source, line=draft.line) from error
    return articles
