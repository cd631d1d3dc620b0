"""The random draw of articles behind ``data/eval/long_facts2.jsonl`` (issue 14, session 9).

    .venv/bin/python bench/long_facts2_draw.py

Prints the first 64 articles of 《中华人民共和国刑法》 that define a crime, in the order
``random.Random(9).shuffle`` puts the article headings; the set's facts were written for these, in
this order. "Defines a crime" is mechanical: a 分则 article (第一百零二条 on) whose text has
``的，处`` or ``的，对``.
"""

from __future__ import annotations

import random
import re

from core.settings import REPO_ROOT
from ingest.articles import parse_article_number

CRIMINAL_LAW = REPO_ROOT.parent / "shared" / "corpus" / "lawrefbook" / "刑法" / "刑法.md"
HEADING = re.compile(r"^(第[一二三四五六七八九十百零]+条(?:之[一二三四五六七八九十]+)?)\s*(.*)")
FIRST_SPECIAL_PART_ARTICLE = 102
SET_SIZE = 64


def articles() -> dict[str, str]:
    """Article heading -> its text (following paragraphs joined), in file order."""
    texts: dict[str, str] = {}
    current = None
    for line in CRIMINAL_LAW.read_text(encoding="utf-8").splitlines():
        match = HEADING.match(line)
        if match:
            current = match.group(1)
            texts[current] = match.group(2)
        elif current and line and not line.startswith("#"):
            texts[current] += line
    return texts


def defines_crime(heading: str, text: str) -> bool:
    number = parse_article_number(heading).number
    return number >= FIRST_SPECIAL_PART_ARTICLE and re.search("的，(?:处|对)", text) is not None


def main() -> None:
    texts = articles()
    headings = list(texts)
    random.Random(9).shuffle(headings)
    drawn = [h for h in headings if defines_crime(h, texts[h])][:SET_SIZE]
    for index, heading in enumerate(drawn, start=1):
        print(f"fact2-{index:02d} {heading}")


if __name__ == "__main__":
    main()
