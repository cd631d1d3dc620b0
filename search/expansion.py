"""Query expansion with the domain's thesaurus: everyday words for a conduct or circumstance
(红包, 打听, 下班后) bring in the regulations' own terms (请客送礼, 打探案情, 工作时间); and
the spoken negation 没(有)记录 brings in the written forms the rules use, 不记录 and 未记录."""

from __future__ import annotations

import json
import re
from functools import cache

from search.tokenizer import DATA_DIR, normalize_text


@cache
def thesaurus() -> dict[str, tuple[str, ...]]:
    """Everyday word -> the regulation terms it stands for (``search/data/synonyms.json``)."""
    raw = json.loads((DATA_DIR / "synonyms.json").read_text("utf-8"))
    out: dict[str, list[str]] = {}
    for terms, words in raw.items():
        if terms.startswith("_"):
            continue
        for word in words:
            out.setdefault(normalize_text(word), []).extend(terms.split())
    return {word: tuple(dict.fromkeys(terms)) for word, terms in out.items()}


@cache
def _pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in sorted(thesaurus(), key=len, reverse=True)))


# 没 / 没有 and the two characters after it (a verb: 记录, 报告, 回避).
_SPOKEN_NEGATION = re.compile(r"没有?([\u4e00-\u9fff]{2})")


def negation_terms(text: str) -> list[str]:
    """Written forms of the spoken negations in ``text``: people say 没有记录, the rules say
    不记录 or 未记录 (第十一条 办案人员不记录或者不如实记录…; 未按规定…)."""
    return [prefix + m.group(1) for m in _SPOKEN_NEGATION.finditer(normalize_text(text))
            for prefix in ("不", "未")]


def expansion_terms(text: str) -> list[str]:
    """Regulation terms the everyday words and spoken negations in ``text`` stand for, in
    order, without repeats."""
    table = thesaurus()
    found = [t for m in _pattern().finditer(normalize_text(text)) for t in table[m.group(0)]]
    return list(dict.fromkeys(found + negation_terms(text)))
