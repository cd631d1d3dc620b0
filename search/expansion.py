"""Query expansion with the domain's thesaurus: everyday words for a conduct or circumstance
(红包, 打听, 下班后) bring in the regulations' own terms (请客送礼, 打探案情, 工作时间)."""

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


def expansion_terms(text: str) -> list[str]:
    """Regulation terms the everyday words in ``text`` stand for, in order, without repeats."""
    table = thesaurus()
    found = (t for m in _pattern().finditer(normalize_text(text)) for t in table[m.group(0)])
    return list(dict.fromkeys(found))
