"""The closed vocabularies of data/eval/GUIDE.md that every situation set's shape test checks
(section 1's duty keys, section 3's actor roles): one list, so the sets cannot drift apart."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The shared seed is the authority; the repository's regulation files carry its words.
SEED_PATH = REPO.parent / "shared" / "seeds" / "000_bf43da359201c48c.txt"
REGULATION_FILES = ("r1_*.txt", "r2_*.txt", "r3_*.txt")

# GUIDE.md section 1: a deadline is the text's own words, and the seed sets only these two.
DEADLINES = {None, "三日内", "一个月内"}
BASIS = re.compile(r"^(R[123])-(\d{1,2})(?:-(\d))?$")
QUOTE = re.compile(r"「([^」]+)」|“([^”]+)”")
ARTICLE_LINE = re.compile(r"^第([一二三四五六七八九十]+)条\s")
ITEM_LINE = re.compile(r"^[（(]\s*([一二三四五六七八九十]+)\s*[）)]")
_DIGITS = {c: n for n, c in enumerate("一二三四五六七八九", start=1)}

# section 1: the keys of a situation line, and of each of its duties
LINE_KEYS = {
    "id",
    "query",
    "gold",
    "lawful",
    "missing_facts",
    "actor_role",
    "duties",
    "liability",
    "note",
}
DUTY_KEYS = {"who", "what", "to", "deadline", "basis"}
ACTOR_ROLES = {
    "领导干部",
    "领导干部身边工作人员或亲属",
    "党政机关（以组织名义）",
    "司法机关内部人员",
    "本机关领导干部",
    "上级司法机关人员",
    "其他司法机关人员",
    "离退休司法人员",
    "司法人员",
    "离任司法人员",
    "当事人",
    "律师",
    "特殊关系人",
    "中介组织",
    "办案人员",
    "主管领导",
}


def chinese_number(text: str) -> int:
    """一..九十九, the only numerals the seed's article and item numbers use."""
    if text == "十":
        return 10
    if "十" in text:
        tens, _, units = text.partition("十")
        return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(units, 0)
    return _DIGITS[text]


def seed_text() -> str:
    """The seed's words: the shared file, or the repository's copies after their front matter."""
    if SEED_PATH.is_file():
        return SEED_PATH.read_text(encoding="utf-8")
    parts = []
    for pattern in REGULATION_FILES:
        (path,) = sorted((REPO / "data" / "regulations").glob(pattern))
        parts.append(path.read_text(encoding="utf-8").split("---", 2)[2])
    return "\n".join(parts)
