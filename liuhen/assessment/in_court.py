"""What the head of a litigant organ says in court is its side of the case, not a plea. A 局长
who 作为被告行政机关的负责人出庭应诉 and 当庭要求法院驳回 the claim argues the case in the
forum the law gives him; 「为案件当事人请托说情」 (R1 第八条第（一）项) is a request made around
that forum. A word of pleading said in court by such a head, or named only to be set against
his appearance (出庭和私下打招呼有什么区别), is no plea made."""

from __future__ import annotations

import re

from liuhen.assessment.lexicon import Match, Text

# 作为被告行政机关的负责人, 出庭应诉: the organ's head as a litigant in the courtroom
LITIGANT_HEAD = re.compile(r"出庭应诉|"
                           r"(作为|以)[^，。；]{0,8}(被告|原告)[^，。；]{0,6}(负责人|法定代表人)")
IN_COURT = re.compile(r"当庭|庭上|庭审中|法庭上|出庭")
# 庭后找审判长, 私下打招呼: words outside the hearing, which stay pleas
OUTSIDE_THE_HEARING = re.compile(r"庭后|庭前|休庭|散庭|会后|私下|单独")
# 出庭和私下打招呼，到底有什么区别: the plea named as the contrast asked about
CONTRAST_ASKED = re.compile(r"(有什么|有啥|有何)?(区别|不同)[？?]?$")


def pleaded_in_court(text: Text, match: Match) -> bool:
    """The plea word is a litigant head's words in court, or only the contrast asked about."""
    if not LITIGANT_HEAD.search(text.text):
        return False
    start, end = text.sentence_of(match.start)
    sentence = text.text[start:end]
    if CONTRAST_ASKED.search(sentence.rstrip("。")):
        return True
    clause = text.text[text.clause_start(match.start):match.start]
    return bool(IN_COURT.search(sentence)) and not OUTSIDE_THE_HEARING.search(clause + match.word)
