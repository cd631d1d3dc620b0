"""An organ's own reporting under R1 第七条, told as done or as its routine: a judicial organ's
quarterly 汇总分析 sent to the 党委政法委 and the organ above (第一款: 「司法机关应当每季度对
领导干部干预司法活动、插手具体案件处理情况进行汇总分析，报送同级党委政法委和上级司法机关」), or
the 政法委's study of it reported to the 党委 and copied to the discipline and organisation
departments (第二款: 「报告同级党委，同时抄送纪检监察机关、党委组织部门」). Doing what the text
requires is no interference, however alarmed the teller; a failure (没有报送) is not this."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from liuhen.assessment.facts import Facts
from liuhen.assessment.findings import Finding, Findings
from liuhen.assessment.lexicon import Text

# 第一款: a quarter's records summed up (每季度…汇总, 二季度的登记汇成报告) and sent on (报送,
# 报了, 报给) to the 政法委 or the organ above (中院, 高院, 监狱管理局).
_QUARTERLY = re.compile(r"(每个?|本|上|这|一|二|三|四|第[一二三四])季度?[^。；]{0,40}?"
                        r"(汇总|汇成|分析)[^。；]{0,40}?(?<![没未不])(报送|报给|报了|报到|报|呈报|"
                        r"送)[^，。；]{0,6}(政法委|中院|中级|高院|高级|上级|监狱管理局)")
# 第二款: the 政法委 studied it (研究) and reported to its 党委 (报县委, 向县委作了报告) or copied
# it to the discipline and organisation departments (抄送…纪委…组织部).
_STUDIED = re.compile(r"政法委[^。；]{0,40}?研究[^。；]{0,30}?((?<![没未不])报(告|了|给)?"
                      r"[^，。；]{0,3}(县委|市委|区委|省委|州委|党委)|(?<![没未不])向[^，。；]{0,3}"
                      r"(县委|市委|区委|省委|州委|党委)[^，。；]{0,4}(作了|做了)?[^，。；]{0,4}报告|"
                      r"抄(送|给)[^。；]{0,12}(纪委|纪检|组织部))")
# 没有报送, 不报了, 别往上报: the duty not done, or someone asking it not be.
_NOT_DONE = re.compile(r"(没有|没|未|不|别|拒绝|拖着不)[^，。；]{0,4}(报送|上报|往上报|报告|汇总)")


# 领导打招呼的登记, 过问案件的情况汇总: conduct named as what the records are of, after it or
# (登记领导干部过问案件7件) before it
_RECORDS_OF = re.compile(r"[^，。；]{0,12}?(登记|记录|情况|汇总|材料|的那一?条)")
_REGISTERED_BEFORE = re.compile(r"登记[^，。；]{0,8}$")


def conduct_told(text: Text, name: str, words: Callable[..., Sequence[str]]) -> bool:
    """Conduct ``name`` told in the words other than as what the organ's records are of."""
    found = text.find(words("conduct", name)) + text.find_pattern(name)
    return any(not m.negated and not _RECORDS_OF.match(text.text, m.end)
               and not _REGISTERED_BEFORE.search(text.text[max(0, m.start - 10):m.start])
               for m in found)


def routine_report(text: str) -> re.Match[str] | None:
    """The words telling an organ's R1 第七条 reporting done or routinely done."""
    if _NOT_DONE.search(text):
        return None
    return _QUARTERLY.search(text) or _STUDIED.search(text)


def routine_findings(facts: Facts) -> Findings | None:
    """R1 第七条 lawful when its reporting is all the words tell of (the conduct named only as
    what the records are of: ``conduct_told``), with 第七条's own duties; None otherwise, for
    the other readings to judge."""
    if not facts.routine_report or facts.complaint:
        return None
    return Findings([Finding("R1-7", "lawful", because=["routine_report"])], {"R1.routine_report"})
