"""Whether a verb of taking (收下, 收了) tells a thing taken, for R3 第五条第（三）项's
「接受…请客送礼或者其他利益」: papers handed in for a case are no benefit, and neither is what a
complaint alleges or someone supposes. Split out of cue_filters.py (whose TAKEN_FOR and
COMPLAINT_WORD it reads) to keep that file under 500 lines."""

from __future__ import annotations

from liuhen.assessment.cue_filters import COMPLAINT_WORD, TAKEN_FOR
from liuhen.assessment.cue_patterns import PAPERS
from liuhen.assessment.lexicon import Match, Text


def taken_in_fact(text: Text, m: Match) -> bool:
    """A thing taken: not papers (材料登记收下, 收了方案, 收下…送来的情况说明), not what a
    complaint alleges (反映吴法官收了被告的烟酒) or someone supposes (以为…收了礼)."""
    clause = text.text[text.clause_start(m.start):m.start]
    rest = text.text[m.end:text.clause_end(m.end)]
    return not (PAPERS.search(clause) or PAPERS.search(rest) or TAKEN_FOR.search(clause)
                or COMPLAINT_WORD.search(text.text[slice(*text.sentence_of(m.start))]))
