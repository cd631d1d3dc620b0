"""Whether a contact was arranged or came about by chance: R3 第六条 (a contact outside work,
approved beforehand) or 第七条 (one met by chance, reported in time), as the words tell it. Split
out of circumstance_facts.py, which reads where and when a contact took place."""

from __future__ import annotations

import re
from collections.abc import Callable

from liuhen.assessment.lexicon import Match, Text

# Social occasions where an officer may meet a party without arranging it.
_OCCASIONS = ("婚礼", "婚宴", "寿宴", "聚会", "同学会", "老乡会", "生日宴", "葬礼", "丧事",
              "满月酒")
# 我是周一看到他发的方案才知道的, 好几个人都撞见过: the writer or onlookers learning of it
_WRITER_LEARNT = re.compile(r"^(我|我们)(是|也是|都是|后来|事后)|"
                            r"(好几个人|几个人|不少人|有人)(都|也)?$")
# 李秀兰找到厂里吵架，我们才知道这件事: the teller's side learnt of it afterwards
_LEARNING = ("才知道", "才发现", "后来才知道")
# (我是被告，事后才知道: the clause begins at 事后)
_WE_LEARNT = re.compile(r"^((我|我们|大家|厂里|店里|家里|公司里?)(也|都)?|(事后|后来))$")
# 牧场的员工正好在隔壁桌看见了: the onlooker's chance, not the meeting's (约…在咖啡馆见面)
_CHANCE = ("正好", "恰好", "碰巧", "恰巧", "凑巧")
_ONLOOKER = re.compile(r"(员工|工人|职工|工友|同事|邻居|朋友|亲戚|家人|司机|会计|店员|服务员|"
                       r"记者|我|我们|有人)(也|都)?$")
_ONLOOKER_SAW = re.compile(r"[^，。；]{0,8}(看见|看到|瞧见|听见|拍到|拍下)")
# 他事先知不知道律师要来，不清楚; 是偶遇还是约好的: whether the contact was arranged is open
_PLAN_IN_DOUBT = re.compile(r"(事先|事前)(知不知道|知道不知道|是否知道|有没有约)[^。；]{0,24}"
                            r"(不清楚|不知道|说不清|不得而知)|(偶遇|碰巧|巧遇)还是[^，。；]{0,4}(约|安排)")


def _learnt_or_seen(text: Text, match: Match) -> bool:
    """The chance word tells of someone learning of the contact or seeing it, not of how it
    came about."""
    before = text.text[text.clause_start(match.start):match.start]
    if _WRITER_LEARNT.search(before):
        return True
    if match.word in _LEARNING and _WE_LEARNT.search(before):
        return True
    return match.word in _CHANCE and bool(_ONLOOKER.search(before)) \
        and bool(_ONLOOKER_SAW.match(text.text, match.end))


# 突然冒出一份上级法院的文件: a paper that came unlooked for, no meeting by chance
_PAPER_CAME = re.compile(r"[^，。；]{0,4}(冒出|收到|来了|下来|发来)[^，。；]{0,10}"
                         r"(文件|函|通知|意见|纪要|批示)")


def read_planned(text: Text, f: dict[str, object], note: object,
                 w: Callable[..., tuple[str, ...]], away: list[Match],
                 called_by_other: bool) -> None:
    """Set ``planned`` (True: arranged; False: by chance; None: left open) from the words;
    ``away`` are the places outside work found, ``called_by_other`` whether the other side
    made the call (律师打电话给法官)."""
    unplanned = [m for m in text.present(w("conduct", "unplanned")) + [
        m for m in text.find_pattern("unplanned") if not m.negated and not m.uncertain]
        if not _learnt_or_seen(text, m) and not _PAPER_CAME.match(text.text, m.end)]
    # 法官“偶遇”了他 …… 朋友圈里写着“约了”: the chance put in doubt by the quotes
    doubted = [m for m in unplanned if text.text[m.start - 1:m.start] in ("“", "‘")
               and text.text[m.end:m.end + 1] in ("”", "’") and "约" in text.text[m.end:]]
    if _PLAN_IN_DOUBT.search(text.text) or doubted:
        f["planned"] = None  # 事先知不知道，不清楚: chance or arranged, the words leave open
    elif unplanned:
        f["planned"] = False
        note("planned", unplanned)  # type: ignore[operator]
        if "at_workplace" not in f and "work_time" not in f:
            f["at_workplace"] = False
    elif any(x in text.text for x in ("约", "邀请", "专程", "特意", "上门", "登门")):
        f["planned"] = True
    elif f.get("work_time") is False and f.get("at_workplace") is not True and called_by_other:
        f["planned"] = False  # 晚上十点多，律师给承办法官打电话: he did not seek the contact
    elif [m for m in away if m.word in _OCCASIONS]:
        # met at a wedding or a gathering nobody arranged with them: R3 第七条's
        # "其他原因", not a contact planned for the case (第六条)
        f["planned"] = False
