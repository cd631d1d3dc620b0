"""Reading article numbers as people write them: 8, 第八条, 133之一, 133-1, 第一百三十三条之一."""

from __future__ import annotations

import re

from core.errors import InputError
from ingest.models import ArticleNumber
from ingest.numerals import NUMERAL_CHARS, parse_chinese_number

_N = f"[{NUMERAL_CHARS}0-9]+"
#: What an article number looks like (whether or not any article has it), for schemas.
ARTICLE_NUMBER_PATTERN = rf"^第?{_N}条?(?:(?:之|-){_N})?$"
_ARTICLE_TEXT = re.compile(rf"^第?(?P<num>{_N})条?(?:(?:之|-)(?P<suf>{_N}))?$")


def looks_like_article_number(text: str) -> bool:
    """Whether ``text`` is written like an article number (第零条 and 99999 are)."""
    return _ARTICLE_TEXT.match(text.strip().replace(" ", "")) is not None


def parse_article_number(text: str, *, field: str = "article") -> ArticleNumber:
    """Parse an article number as a user types it.

    Raises InputError naming the field when the text is not an article number.
    """
    match = _ARTICLE_TEXT.match(text.strip().replace(" ", ""))
    if not match:
        raise InputError(
            f"{text!r} is not an article number (try 8, 第八条, 133之一)", field=field
        )
    try:
        return ArticleNumber(
            number=parse_chinese_number(match.group("num")),
            suffix=parse_chinese_number(match.group("suf")) if match.group("suf") else 0,
        )
    except ValueError as error:
        raise InputError(f"{text!r}: {error}", field=field) from error
