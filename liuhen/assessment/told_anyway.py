"""What the parties are told anyway, so that telling it leaks nothing (R3 第五条第（一）项's
「依法依规不得泄露的情况」 excludes it): a hearing date, a time limit or a filing window, a
judgment already pronounced, a detention house's notices, what enforcement found told to the
one who applied for it, what was published already; and leak words that only name the files."""

from __future__ import annotations

import re
from collections.abc import Callable

from liuhen.assessment.cue_patterns import FILE_NOUNS, FILES_SHOWN, PUBLIC
from liuhen.assessment.lexicon import Match, Text

# What the parties are told by law (开庭时间, 宣判日期: notified, or announced for a public
# trial): no secret of R3 第五条第（一）项 unless the sentence tells more (合议, 评议, 证据 ...)
PUBLIC_SCHEDULE = re.compile(r"(开庭|证据交换|庭前会议|听证会?|谈话|询问)(的)?"
                             r"(时间|日期|地点|安排)|"
                             r"(哪天|什么时候|何时)(开庭|宣判)|"
                             # 下周二开庭, 下月十二号开庭: the date itself, as the summons gives it
                             r"(下|本|这)个?(周|星期|礼拜|月)[^，。；]{0,4}开庭|"
                             r"[0-9一二三四五六七八九十]+(号|日)[^，。；]{0,2}开庭|"
                             r"宣判(的)?(时间|日期)|"
                             # a hearing moved, a panel changed: the parties are notified of both
                             r"开庭(时间)?(改|延|推|调)(到|在|至|期)|(延期|推迟)开庭|"
                             r"合议庭(成员)?(换|更换|调整|变更)了?|"
                             # who sits on the panel: told to both sides by law (告知书)
                             r"合议庭(的)?(组成|成员|由哪|由谁|是哪)|谁(任|当|是)审判长|"
                             r"合议庭是[^，。；]{1,4}(法官|审判员)|合议庭[^，。；]{0,6}名字|"
                             # a time limit or a filing window (补充证据最晚哪天交、交到哪个
                             # 窗口), and whether a case went to court (起诉了没有; 已向法院
                             # 提起公诉, a step the 起诉书 tells the defence)
                             r"(最晚|最迟)[^，。；]{0,4}(哪天|什么时候|几号)|"
                             r"(交|递交|提交|送)到哪个?(窗口|部门)|"
                             r"(举证|答辩|上诉|补充证据)(的)?(期限|截止)|"
                             r"(起诉|公诉)了没有|(已|已经)[^，。；]{0,8}(提起公诉|移送起诉)|"
                             # 告诉了我下一步的执行程序: the procedure the law sets, told to all
                             r"(下一步|接下来)的?[^，。；]{0,4}(执行|诉讼|审理)?(程序|流程|步骤)")
BEYOND_SCHEDULE = re.compile(r"合议(?!庭)|合议庭(的)?(意见|评议|讨论|倾向)|怎么看|看法|"
                             r"评议|评的|结果|判几年|进度|进展|"
                             r"判多少|怎么判|意见|倾向|"
                             # (准备哪些证据, 交证据清单: what to file, told to every party)
                             r"(?<!准备)(?<!哪些)(?<!提交)(?<!交)证据(?!交换|最晚|最迟|的?(期限|截止)|清单)|"
                             r"证人|"
                             r"查封|冻结|拘留|抓|搜查|审委会|讨论|内部|秘密|口风|底")
# A telling with no words of its own (法官告诉了他。): it tells what the sentence before asked
BARE_TELLING = re.compile(r"[^，。；]{0,10}(告诉|答复|回答|回复)了?(他|她|对方|律师|家属)?$")
# What enforcement found of the debtor's assets (查控到的账户、车辆), told to the 申请执行人
# who asked the court to find them: the person the enforcement is for, no secret kept from him
ENFORCEMENT_FOUND = re.compile(r"查控|(查到|查询到|查封|冻结)[^。；]{0,12}"
                               r"(账户|存款|房产|房屋|车辆|车|"
                               r"股权|财产)")
# ... but not a measure told before it is taken (冻结账户前两天, 下周有动作): a tip-off
AHEAD_OF_ACTION = re.compile(r"(冻结|查封|扣押|拘留|搜查|拍卖|划扣)[^。；，]{0,12}(前|之前)|"
                             r"有动作|就要|马上|准备")
# A judgment told after it was pronounced or served (宣判后把判决结果告诉了当事人): public by then;
# the panel's deliberation (评议, 合议, 审委会) stays secret after it
PRONOUNCED = re.compile(r"(宣判|送达|公开宣判|判决生效|裁定生效)(之?后|以后)|"
                        r"(已经|已)(宣判|送达|公开|生效)")
DELIBERATION = re.compile(r"评议|合议|审委会|审判委员会|讨论|意见|倾向|内部|秘密")


# What a detention house tells every family (存款、送物的时间和要求, 会见的手续): its notices
CUSTODY_NOTICE = re.compile(r"(存款|存钱|送物|送衣物|送东西|会见|探视|寄钱|汇款)[^，。；]{0,4}"
                            r"(的)?(时间|要求|规定|手续|流程|标准|办法|须知)")


# 这些信息都已公开发布: what was told is said, in the sentence after, to be published already
PUBLISHED_ALREADY = re.compile(r"^[^。；]{0,8}(都|均|全)?(已|已经)(公开|公告|公示|发布|在网上)|"
                               r"^[^。；]{0,8}公开(发布|公告)过")


# 附进了卷宗: the file the note went into, nothing told to anyone
_FILED_IN = re.compile(r"(附进|附入|装进|装入|归入|放进|附在|订入)了?$")


def told_anyway(text: Text, match: Match) -> bool:
    """The words told are what the parties are told anyway: a hearing date, a time limit or
    a filing window, a judgment already pronounced, a detention house's notices, what
    enforcement found to the one who applied for it, or what the next sentence says was
    published already. A bare telling (法官告诉了他。) tells what the sentence before asked; a
    case file named as where a note was put (附进了卷宗) tells nothing."""
    if match.word in ("卷宗", "案卷") and _FILED_IN.search(text.text[:match.start]):
        return True
    start, end = text.sentence_of(match.start)
    sentence = text.text[start:end]
    if start > 0 and BARE_TELLING.match(sentence):
        # 律师问补充证据最晚哪天交。法官告诉了他。: what was told is what was asked before
        sentence = text.text[text.sentence_of(start - 1)[0]:end]
    if PUBLISHED_ALREADY.search(text.text[end + 1:end + 30]) \
            and not BEYOND_SCHEDULE.search(sentence):
        return True
    if CUSTODY_NOTICE.search(sentence) and not BEYOND_SCHEDULE.search(sentence):
        return True
    if ENFORCEMENT_FOUND.search(sentence) and "申请执行人" in sentence \
            and not AHEAD_OF_ACTION.search(sentence):
        return True
    if PRONOUNCED.search(sentence) and not DELIBERATION.search(sentence):
        return True
    return bool(PUBLIC_SCHEDULE.search(sentence)) and not BEYOND_SCHEDULE.search(sentence)


def files_only_named(text: Text, w: Callable[..., tuple[str, ...]]) -> bool:
    """Every leak word found names the files without leaking them: inside the words of
    learning about a case by procedure (调阅卷宗), a place (案卷里没有), a paper's name
    (复印件), where it was filed (附入案卷), or what anyone may know (公开开庭的日期)."""
    leaks = text.present(w("conduct", "leak")) + [
        m for m in text.find_pattern("leak") if not m.negated and not m.uncertain]
    learning = text.find(w("conduct", "learn_case")) + text.find_pattern("learn_case")
    return all(any(x.start <= m.start and m.end <= x.end for x in learning)
               or (text.text[m.end:m.end + 1] in ("里", "中", "内", "件")
                   and not text.text.startswith("内容", m.end))  # 案卷内容: what it holds
               or re.search(r"(入|附|随|进|归)了?$", text.text[max(0, m.start - 2):m.start])
               or PUBLIC.search(text.text[text.clause_start(m.start):text.clause_end(m.end)])
               or (m.word in FILE_NOUNS
                   and not FILES_SHOWN.search(text.text[slice(*text.sentence_of(m.start))]))
               for m in leaks)
