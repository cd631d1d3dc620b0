"""Whom a tip-off went to, when the words give him no role: the one the coming measure is
against. “执行局明天冻你账户，赶紧把钱转走” is told to the 被执行人, a party to the case
whoever else he is, and so a tip-off for a party (R2 第九条第（四）项 「为案件当事人…通风报信」,
R3 第五条第（一）项)."""

from __future__ import annotations

import re

from liuhen.assessment.lexicon import Match
from liuhen.assessment.narration import in_quotes

# 冻你账户, 查封你的厂, 明天抓你: a measure named with 你 as its object, in the words told him
MEASURE_ON_YOU = re.compile(r"(冻结?|查封|封|扣押?|划扣?|搜查?|拘留?|抓)(你|您)(?!们)")


def told_to_its_target(text: str) -> Match | None:
    """The quoted words that name the hearer as the one the measure is taken against."""
    for found in MEASURE_ON_YOU.finditer(text):
        if in_quotes(text, found.start()):
            return Match(found.group(0), found.start(), found.end(), False)
    return None
