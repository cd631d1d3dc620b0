"""Words that look like a cue and are something else, by cue: a reply naming the procedure
(法官回：“按程序办”), 免了 as "no need", a silent record, a written report, a refusal to tell, a
signature naming nobody, a cigarette handed over, a question put to the officer, a report told
as 告诉了纪委. ``Extractor`` reads the cues through ``drop_false_cues``."""

from __future__ import annotations

import re

from liuhen.assessment.cue_patterns import (
    AS_THE_LAW_HAS_IT,
    ASKED_TO_TELL,
    ASKS_LAW_FOLLOWED,
    BAN_BEFORE,
    BANNED_MEDDLING,
    BUSINESS_NAMED,
    CALLED_WITH_IT,
    CARE_OF,
    CASE_KIND,
    CASE_SENT_BACK,
    CLASSED_AS,
    COMPLAINT_CLEARED,
    COURTESY,
    DECIDED_OUTCOME,
    FEARED,
    GIFT_AFTER,
    GUESSED,
    HONOUR_ONLY_GIVEN,
    HOW_TO_FILE,
    INTENTION_AFTER,
    LATER_TURN,
    LEAK_LABEL,
    LEFT_TO_THE_COURT,
    LONG_WISHED,
    MEASURE_APPROVED,
    NEW_FIT_OUT,
    NO_LAWYER_NAMED,
    NO_REFUSAL_BEFORE,
    NOBODY_SIGNED,
    ON_OUTSIDER,
    OUTCOME_NAMES_PERSON,
    OVERSEERS,
    OWN_OPERATION,
    OWN_SIDE_AFTER,
    PAPER_RECEIVED,
    PAPERS_NOT_BROUGHT,
    PLANNED_FROM_NOW,
    PROPOSED,
    PUT_OFF_AFTER,
    QUESTION_CLOSES,
    RECORDER_STEP,
    REFUSED_IN_WORDS,
    REFUSED_REQUEST,
    REFUSED_TO_RECOMMEND,
    REFUSED_TO_TELL,
    REPLIED_BEFORE,
    REPORT_IN_WRITING,
    REQUIREMENT_ANSWERED,
    SANCTION,
    SHOP_NAMED,
    SILENT_DOCUMENT,
    STATED_PROCEDURE,
    TELLER_RECOMMENDED,
    THING_TAKEN_AFTER,
    TOLD_TO_FOLLOW,
    WHEN_ASKED,
    YOUR_CALL,
    ground_and_procedure_stated,
)
from liuhen.assessment.findings import ALLEGED_CONDUCT
from liuhen.assessment.in_court import pleaded_in_court
from liuhen.assessment.lexicon import SENTENCE_BREAK, Match, Text
from liuhen.assessment.narration import asks_around, in_a_reply, in_quotes, told_as_not_so
from liuhen.assessment.requests import ASKED_WHETHER, WHETHER
from liuhen.assessment.told_anyway import told_anyway

# 在法院调解室约见我和律师, 请…到三楼调解室面谈: a meeting in the court's room is no 私下会见
IN_A_COURT_ROOM = re.compile(r"(在|到|来|去)[^，。；]{0,6}(调解室|接待室|会见室|谈话室|法庭|"
                             r"诉讼服务中心|立案大厅)")
# 受理通知书复印件: a copy of a paper handed over, not the procedure the request came by.
COPY_OF = re.compile(r"(的)?(复印件|原件|照片|截图)")
# 告诉了监狱纪委: a report, not a leak or a probe; 告诉了双方: told to both sides alike.
TOLD_OVERSEERS = re.compile(r"[^，。；]{0,6}(纪委|纪检|监察|督察|政治部)|(了)?(双方|各方)")
# 他把这事告诉了我: the incident told afterwards, no secret of the case
TOLD_THE_INCIDENT = re.compile(r"把(这|此|那)件?事情?$")
# 还帮忙订的包间: a chore done for the gathering, no outcome asked
CHORE_AFTER = re.compile(r"(订|买|搬|拿|张罗|照看|接送|带孩子|看孩子|布置|收拾|点菜)")
# 我给院纪检组写的情况说明: the writer's own account, no party's papers
OWN_ACCOUNT_BEFORE = re.compile(r"(我|本人)[^，。；]{0,12}写(的|了|给)[^，。；]{0,10}$")
# 判决书, 纪要, 卷宗: a paper of the case or the organ, of which a copy (一份) may be sent
DOCUMENT_NAMED = re.compile(r"判决书|裁定书|调解书|决定书|起诉书|文书|文件|卷宗|案卷|笔录|纪要|"
                            r"材料|报告")
# 别, 不要 right before the words (别登进过问记录本 too): told not to (not 要不要: asked)
TOLD_NOT_TO = re.compile(r"(别|(?<!要)不要|(?<!用)不用|(?<!必)不必)"
                         r"([登写记录][进入到][^，。；“”]{0,6})?$")
# A court in the words: 立案庭, 合议庭 (not 家庭); 立案 or a 判决书, which only a court does
COURT_NAMED = re.compile(r"(?<!家)庭|立案|判决书|裁定书")
# 手动改分要庭长审批: what the rule requires, not an approval given
REQUIRED_BEFORE = re.compile(r"(要|需要|须|需|必须|应当|得)[^，。；“”]{0,4}$")
# 这是公开接访还是正式协调: a procedure named as one of two the teller cannot choose between
EITHER_OR = re.compile(r"是[^，。；]{0,16}还是[^，。；]{0,16}$")


ASKED_FOR_APPROVAL = re.compile(r"(要不要|用不用|需不需要|是否要|需要不需要|有没有|是否)"
                                r"[^，。；]{0,6}$")
# 报批没有？他说“批什么”: asked after the word, and waved aside in the answer
ASKED_AFTER = re.compile(r"(没有|了没|没)[？?，,]")
WAVED_ASIDE = re.compile(r"不用|不必|没必要|用不着|免了|(报|审|走)?什么(审)?批|批什么")
# 不用走审批, 没有报过外出审批: the approval waved aside or never sought, none given
APPROVAL_SKIPPED = re.compile(r"(不用|不必|无需|用不着)(走|报|办|填)?[^，。；“”]{0,4}$|"
                              r"(没有?|未)(报|走|办|填)过?[^，。；“”]{0,4}$")
# 材料可以正式交, 材料请通过诉讼服务中心提交: advice to file by the procedure, no papers passed
FILE_IT_FORMALLY = re.compile(r"^[^，。；]{0,6}(可以|请|应当|要|应该)[^，。；]{0,4}"
                              r"(正式|依法|按程序|通过)[^，。；]{0,10}(交|提交|递交|提出)")


# The host named just before an invitation is the officer's colleague (同事请…, 同院的老王请…)
COLLEAGUE_HOST = re.compile(r"(同事|同院|同庭|同科室|同部门)[^，。；]{0,8}$")
# 律师收了钱, 申请执行人确认收款: the taker named right before the verb is no officer
TAKEN_BY_OTHER = re.compile(r"(律师|代理人|申请执行人|申请人|原告|被告|债权人|对方|公司|"
                            r"银行)[^，。；]{0,2}$")
# 问我能不能给他推荐个律师: a match that runs through the question put to the officer
ASKED_INSIDE = re.compile(WHETHER)
# 过问登记表, 过问情况登记本, 过问系统: the words name the form the inquiry is recorded on
RECORD_NAME_AFTER = re.compile(r"(情况|案件)?(登记|记录)(表|本|簿|系统|台账)|系统")


# 申请暂缓执行, 院长签了“同意暂缓: an application, or the competent officer's approval of it
GRANTED_BY = ("申请", "同意", "批准", "准予")
# 改判的一个共性问题: rulings spoken of as a kind; (希望…改判的: asked for after all)
RULINGS_AS_A_KIND = re.compile(r"的[^，。；]{0,4}(共性问题|问题|案件|案子|比例|数量|理由|原因|"
                               r"标准)")
ASKED_FOR_BEFORE = re.compile(r"(希望|请|要求|争取|帮|能不能|能否)")
# 约…吃饭，说叫上他表哥一起: a meeting with a party only where a party is named at all
BRINGS_ALONG = re.compile(r"叫上|带上|喊上|约上")
PARTY_NAMED = re.compile(r"当事人|原告|被告|嫌疑人|被执行人|申请人|上诉人|被害人|律师|辩护人|"
                         r"代理人")


def _a_not_a(text: str, match: Match) -> bool:
    """The 不 in the match stands between one character twice (起不起诉, 判不判)."""
    at = text.find("不", match.start, match.end)
    # 能不能别报捕, 要不要报捕: a modal put as A不A asks all the same
    return 0 < at < len(text) - 1 and text[at - 1] == text[at + 1] \
        and text[at - 1] not in "能可要是会行好"


# A complaint checked and cleared (经查不属实, 未发现其收受财物): what it alleged is no fact
COMPLAINT_WORD = re.compile(r"反映|举报|投诉|检举|控告|来信")
GROUND_AFTER = re.compile(r"的?(事由|依据|理由|结论|决定书|程序)")
# 老周是自己报名的…调去了立案庭: a move he asked for, no one's retaliation
OWN_REQUEST = re.compile(r"(自己|本人|主动)(报名|申请|要求|提出)")
# 政法委把卷调走了, 监控硬盘由公安开了清单调走: a file or a thing moved, not a person
THING_MOVED = re.compile(r"(卷|卷宗|案卷|档案|材料|车|钱|款|证据)[了过]?$|"
                         r"(硬盘|监控|录像|账本|账册|物证)[^，。；]{0,10}$")
# 他本人报名参加遴选，考进了市中院: the move he applied for, wherever the account tells it
OWN_SELECTION = re.compile(r"(自己|本人|主动|他|她)(报名|申请)(参加了?)?[^，。；]{0,4}"
                           r"(遴选|选调|竞聘)")
# 我去年如实记录过县长为一个案子打招呼的事。今年院里按干部交流规定，经党组研究…把我轮岗到民庭:
# in a story of a transfer the words give its ground and procedure, the plea is the object of
# the record, told as background to R1 第六条 / R2 第七条's question
RECORDED_BEFORE = re.compile(r"(记录|登记|记)(过|了|下|进)?[^，。；]{0,24}$")
RECORD_OBJECT_AFTER = re.compile(r"[^，。；]{0,14}(的事|的情况|的经过|一事|的电话)|"
                                 # 记过县领导打招呼的刘法官: the plea names the recorder
                                 r"的[^，。；]{0,3}(法官|检察官|民警|警官|书记员|干警|审判员)")
# 把一个县领导说情的电话登记了: the same, the record's verb after its object
RECORDED_AFTER = re.compile(r"[^，。；]{0,6}(的事|的情况|的经过|一事|的电话)[^，。；]{0,6}"
                            r"(登记|记录|记)")
# 认为这是…打击报复 (a belief), 会被“穿小鞋” (a fear): not the account's finding
BELIEVED = re.compile(r"(认为|觉得|怀疑|以为|质疑)[^，。；]{0,12}$|(会|怕|担心|可能)(被|遭)[“\"]?$")
RUMOUR = re.compile(r"传得|传言|传闻|风言风语|据说|听说")
# 核查结果：…是经审批到村里现场调解: the inquiry's finding told in its own words, and it does not
# say the allegation was true (属实, 查实, 承认): what was alleged is not what happened
FOUND_OTHERWISE = re.compile(r"核查结果|核查结论|核实结果|调查结果|核查完毕|查核结果|"
                             r"查清[，,：:]|经核[，,：:]|"
                             r"(书面|当面)(答复|回复|反馈)[^，。；]{0,4}[：:]")
FOUND_TRUE = re.compile(r"属实|查实|确有其事|承认|认可|确实")
# 就以为是为本案吃请, 担心“政法委要给法院定调子”: what someone took it for or feared
TAKEN_FOR = re.compile(r"(以为|误以为|误认为|当成|担心|生怕)“?[^，。；“”]{0,12}$")
# 核对鉴定材料, 交接委托材料 (委托材料在办公室交接给…): papers handled in the officer's own work;
# 实名写了举报材料: a complaint's own papers; none carried for a party. The verbs that may also
# follow the papers are a subset. (补充材料 is a noun: papers added, carried all the same)
_PAPER_WORK_AFTER = "交接|核对|签收|归档|移交"
WORK_ON_PAPERS = re.compile(rf"({_PAPER_WORK_AFTER}|审查|审核|接收|查阅|调取|整理|退还|装订|举报|"
                            r"反映|投诉)[^，。；]{0,6}$")
WORK_ON_PAPERS_AFTER = re.compile(rf"[^，。；]{{0,8}}({_PAPER_WORK_AFTER})")
# 审判长…当庭驳回了这个异议: the court's own ruling, not an outcome asked of it
COURT_RULED = re.compile(r"(审判长|合议庭|法院|法庭|检察院|审委会)[^，。；“”]{0,8}"
                         r"(当庭|当场|依法|裁定|判决|已经|已|最终|经审理)[^，。；“”]{0,4}$")
RULING_WORDS = ("驳回", "改判", "维持原判", "不予立案", "撤销案件", "不起诉", "解封", "解冻",
                "停止执行", "暂缓")
# 门口放了一筐砂糖橘: a thing put down, not a release asked for
PUT_DOWN = re.compile(r"[一两三四五六七八九十几]?(筐|箱|盒|袋|兜|桶|篮|包|条|瓶|提|份)")
# 回避申请……院长批了，案子改分给吴法官: the reassignment a granted recusal calls for
RECUSAL_GRANTED = re.compile(r"(批了|批准|同意|准许|准予)[^。；]{0,12}$")


# 记进《案件讨论记录》，会后请他看过签了字: the recorder shows his record for a signature
WRITTEN_INTO = re.compile(r"(记进|记入|记在|写进|写入|录入)[^，。；]{0,12}$")
CONSEQUENCE = re.compile(r"所以|因此|因而|导致|于是|以致")
# 提醒管理人别单独约见投资人: a meeting warned against, not one held
BAN_ON_ACT = re.compile(r"(不要|(?<![特区分告级类识性个辨])别(?![人的处家])|不准|不许|严禁|禁止|"
                        r"不得)[^，。；“”]{0,6}$")


# The cues a supposition or a fear can carry (以为要私下见面, 担心“…定调子”); 以为交警在打听 is
# a question all the same, so a probe is not among them
SUPPOSABLE = (ALLEGED_CONDUCT - {"probe"}) | {"decide_case", "directive", "via_procedure",
                                             "no_procedure"}


def _approval_not_given(text: Text, m: Match) -> bool:
    """问要不要填审批单，法官说“不用那么麻烦”: asked about, and waved aside; 不用走审批,
    没有报过外出审批: waved aside or never sought."""
    before = text.text[text.clause_start(m.start):m.start]
    asked = ASKED_FOR_APPROVAL.search(before) or ASKED_AFTER.match(text.text, m.end)
    return bool((asked and WAVED_ASIDE.search(text.text, m.end, m.end + 30))
                or APPROVAL_SKIPPED.search(before))


def _own_paper_work(text: Text, m: Match) -> bool:
    """The papers named (材料, 情况说明) are handled in the officer's own work."""
    return m.word.endswith(("材料", "情况说明")) and bool(
        WORK_ON_PAPERS.search(text.text[text.clause_start(m.start):m.start])
        or WORK_ON_PAPERS_AFTER.match(text.text, m.end))


def drop_false_cues(name: str, found: list[Match], text: Text) -> list[Match]:
    """``found`` (the matches of cue ``name``) without those the words around show to be
    something else."""
    if name in SUPPOSABLE:
        # 家属到法院质问“法官私下见了对方”: what the quote charges is an allegation
        found = [m for m in found if not TAKEN_FOR.search(
            text.text[min(text.clause_start(m.start), max(0, m.start - 14)):m.start])
            and not told_as_not_so(text.text, m.start, m.end)]
    elif name == "probe":  # (说“法官把报告泄露给对方律师”: a charge; 我托人打听: the teller's)
        found = [m for m in found if not told_as_not_so(text.text, m.start, m.end)
                 and not asks_around(text.text, text.clause_start(m.start), m.start, m.end)]
    if name in ALLEGED_CONDUCT and (COMPLAINT_CLEARED.search(text.text) or (
            FOUND_OTHERWISE.search(text.text) and not FOUND_TRUE.search(text.text))):
        # 实名反映民警收了两千元……经查未发现其收受财物: the allegation, cleared
        # (镇上传得很凶: the rumour the complaint rested on goes with it)
        found = [m for m in found if not COMPLAINT_WORD.search(
            text.text[slice(*text.sentence_of(m.start))]) and not RUMOUR.search(
            text.text[slice(*text.sentence_of(m.start))])]
    if name == "recommend_lawyer":
        # 把法律援助中心的电话念给他: the legal-aid office's number is no lawyer recommended
        found = [m for m in found if m.negated
                 or not LEGAL_AID.search(text.text[max(0, m.start - 12):m.end])]
    if name == "via_procedure":
        # 法官回：“按程序办”: his answer sends the other to the procedure; 按规定做了
        # 登记: the recorder's step; neither is how the intervention came
        found = [m for m in found if not in_a_reply(text.text, m.start)
                 and not RECORDER_STEP.match(text.text, m.end)
                 and not PUT_OFF_AFTER.match(text.text, m.end)
                 and not REPLIED_BEFORE.search(text.text[text.clause_start(m.start):m.start])
                 and not TOLD_TO_FOLLOW.search(text.text[text.clause_start(m.start):m.start])
                 and not COPY_OF.match(text.text, m.end)
                 and not PAPERS_NOT_BROUGHT.search(text.text[text.clause_start(m.start):m.start])
                 # 在法院谈太正式: a manner of talk, not a procedure followed
                 and not (m.word == "正式" and text.text[max(0, m.start - 2):m.start].endswith(
                     ("太", "不够", "那么", "这么")))
                 and not EITHER_OR.search(text.text[text.clause_start(m.start):m.end])]
    if name == "plead":  # 局长出庭应诉，当庭要求驳回: a litigant head's side, argued in court
        found = [m for m in found if not pleaded_in_court(text, m)]
    if name == "borrow":  # 几起借款纠纷, 借款情况: the case's kind, not a loan to the officer
        found = [m for m in found if not CASE_KIND.match(text.text, m.end)]
    if name == "retaliation":  # 饭就免了: "no need", not a removal from office
        # 没有任何处分事由: the ground denied, not the act (调令就下来了)
        found = [m for m in found if not (m.word == "免了" and text.text[m.start - 1:m.start]
                 in tuple("就也都全")) and not SANCTION.match(text.text, max(0, m.start - 2))
                 and not GROUND_AFTER.match(text.text, m.end)
                 # (with a procedure stated the move stays, read with its ground: 第六条 lawful)
                 and not ((OWN_REQUEST.search(text.text[slice(*text.sentence_of(m.start))])
                           or OWN_SELECTION.search(text.text))
                          and not STATED_PROCEDURE.search(text.text))
                 and not ON_OUTSIDER.match(text.text, m.end)
                 and not THING_MOVED.search(text.text[text.clause_start(m.start):m.start][-13:])
                 and not (m.word in ("调走", "调去") and THING_TAKEN_AFTER.match(text.text, m.end))
                 and not BELIEVED.search(text.text[text.clause_start(max(0, m.start - 1)):m.start])]
    if name == "refused":  # 我不好拒绝: the refusal he could not bring himself to make
        found = [m for m in found if not NO_REFUSAL_BEFORE.search(text.text[
            text.clause_start(m.start):m.start]) and not CASE_SENT_BACK.match(text.text, m.end)]
    if name == "recorded":
        # 记录里没有说: the record as a document that is silent, not a record not made;
        # 书记在会上说: the 记 of 书记, not a record
        # 你就别往登记表上写了: told not to record, nothing recorded
        found = [m for m in found if text.text[m.end:m.end + 1] not in ("里", "中", "上")
                 and not (m.word.startswith("记")
                          and text.text[m.start - 1:m.start] == "书")
                 and not TOLD_NOT_TO.search(text.text[max(0, m.start - 12):m.start])
                 and not (m.negated and PLANNED_FROM_NOW.search(  # 以后…就不登记了: a plan
                     text.text[text.sentence_of(m.start)[0]:m.start]))]
    if name == "not_recorded":
        # 登记表没有记载, 纪要里没写: the document is silent on something, which says
        # nothing of whether the intervention itself was recorded (有没有记下来: asked)
        found = [m for m in found if not SILENT_DOCUMENT.search(text.text[:m.start])
                 and not (m.word.startswith("没") and text.text[m.start - 1:m.start] == "有")
                 and not (m.word in ("没有记", "没记", "未记", "登记成", "记成了", "写成了")
                          and (CLASSED_AS.match(text.text, m.end)
                               or text.text.startswith(("清", "住"), m.end)))  # 没记清: memory
                 # 今后同事来问案子就说“去问承办人”，干脆不登记: a plan told, nothing left out yet
                 and not PLANNED_FROM_NOW.search(text.text[text.sentence_of(m.start)[0]:m.start])]
    if name == "written":  # 书面反映: the form of the report, not of any guidance
        found = [m for m in found if not (REPORT_IN_WRITING.match(text.text, m.end)
                 and OVERSEERS.search(text.text[slice(*text.sentence_of(m.start))]))]
    if name == "leak":  # 律师问：“…透个底。”法官答：“不能对外讲”: asked for, refused
        found = [m for m in found if not (in_quotes(text.text, m.start)
                                          and REFUSED_TO_TELL.search(text.text, m.end))
                 and not (ASKED_TO_TELL.search(text.text[text.clause_start(m.start):m.start])
                          and REFUSED_IN_WORDS.search(text.text, m.end))
                 and not told_anyway(text, m)
                 and not (m.word == "举报人" and LEAK_LABEL.match(text.text, m.end))
                 and not (m.word in ("抓捕", "布控", "搜查")
                          and OWN_OPERATION.search(text.text[max(0, m.start - 3):m.start]))]
    if name == "named_report":
        # 署名“一群知情群众”: a signature that names nobody is no 实名 (R3 第十条)
        found = [m for m in found if not NOBODY_SIGNED.match(text.text, m.end)]
    if name == "pass_materials":  # 递给我一支烟 (a courtesy), 原材料 (goods): no papers
        # 问我能不能“直接拿给法官看看”。我没答应: asked for in quotes and refused, not done
        found = [Match(m.word, m.start, m.end, True, m.uncertain)
                 if in_quotes(text.text, m.start) and REFUSED_REQUEST.match(
                     text.text, text.text.find("”", m.start) + 1) else m for m in found]
        # 有什么材料可以正式交: told to file them by the procedure, nothing passed
        found = [m for m in found if not COURTESY.match(text.text, m.end)
                 and text.text[m.start - 1:m.start] not in ("原", "印")  # 原材料, 印材料
                 and text.text[m.end:m.end + 1] != "费"
                 and not FILE_IT_FORMALLY.search(text.text[m.start:m.end + 12])
                 and not _own_paper_work(text, m)
                 and not (m.word.endswith("情况说明") and OWN_ACCOUNT_BEFORE.search(
                     text.text[text.clause_start(m.start):m.start]))
                 and not (m.word.startswith(("塞给", "递给")) and GIFT_AFTER.match(
                     text.text, m.end))
                 and not _in_the_title(text.text, m)
                 # 作为范本转给了其他分公司: passed around the firm, to no officer
                 and not (m.word.startswith("转") and OWN_SIDE_AFTER.match(text.text, m.end))
                 # 问交警“家属写的情况说明该怎么交”: how to file it, asked; nothing passed
                 and not HOW_TO_FILE.match(text.text, m.end)]
    if name == "recommend_lawyer":  # 问民警能不能介绍个律师: asked of him, not done
        # 换不换律师他自己定: A不A; “给我推荐个律师吧”…“不能推荐”: asked and refused; 法官“给他
        # 介绍律师” said of a 法律援助 referral that 没提任何律师: the claim, not what happened
        found = [Match(m.word, m.start, m.end, True, m.uncertain)
                 if in_quotes(text.text, m.start) and (REFUSED_TO_RECOMMEND.search(text.text, m.end)
                 or (LEGAL_AID.search(text.text) and NO_LAWYER_NAMED.search(text.text))) else m
                 for m in found if not ASKED_WHETHER.search(
                     text.text[text.clause_start(max(m.start - 1, 0)):m.start])
                 and not ASKED_INSIDE.search(m.word) and not _a_not_a(text.text, m)
                 and not TELLER_RECOMMENDED.match(text.text, m.start)
                 and not (m.word.endswith("给") and CALLED_WITH_IT.match(text.text, m.end))]
    if name == "plead":  # 起不起诉, 判不判: a question put as A不A asks for no outcome;
        # 其他单位不要打招呼: a ban on pleading, not a plea; 申请暂缓执行: an application
        found = [Match(m.word, m.start, m.end, True, m.uncertain)
                 if m.word in BANNED_MEDDLING and BAN_BEFORE.search(
                     text.text[max(0, m.start - 14):m.start]) else m
                 for m in found if not _a_not_a(text.text, m)
                 and not (m.word == "照顾" and CARE_OF.match(text.text, m.end))
                 and not _object_of_a_record(text, m)
                 and not FEARED.search(text.text[max(0, m.start - 14):m.start])
                 and not PROPOSED.search(text.text[max(0, m.start - 6):m.start])
                 and text.text[max(0, m.start - 2):m.start] not in GRANTED_BY
                 and not DECIDED_OUTCOME.match(text.text, m.start)
                 and not (m.word in RULING_WORDS and COURT_RULED.search(
                     text.text[text.clause_start(m.start):m.start]))
                 # 二审最近改判的一个共性问题: rulings spoken of as a kind, no outcome asked
                 and not (m.word in RULING_WORDS and RULINGS_AS_A_KIND.match(text.text, m.end)
                          and not ASKED_FOR_BEFORE.search(
                              text.text[text.clause_start(m.start):m.start]))
                 and not (m.word == "放了" and PUT_DOWN.match(text.text, m.end))
                 and not (m.word == "帮忙" and CHORE_AFTER.match(text.text, m.end))
                 and not (m.word == "打招呼" and text.text[m.start - 2:m.start] in ("上去", "上前"))
                 # 原告有撤诉意向: a party's own intention told, no plea for an outcome
                 and not (m.word.endswith("撤诉") and INTENTION_AFTER.match(text.text, m.end))
                 # 账户啥时候能解冻？: when, asked; no outcome pleaded for
                 and not (WHEN_ASKED.search(text.text[text.clause_start(m.start):m.start])
                          and QUESTION_CLOSES.match(text.text, m.end))]
    if name == "private_meeting":  # 约…吃饭，说叫上他表哥一起 with no party named at all
        party_named = bool(PARTY_NAMED.search(text.text))
        found = [m for m in found if not BAN_ON_ACT.search(
            text.text[text.clause_start(m.start):m.start])
            and not IN_A_COURT_ROOM.search(text.text[text.clause_start(m.start):m.start])
            and not LONG_WISHED.search(text.text[text.clause_start(m.start):m.start])
            and (party_named or not BRINGS_ALONG.search(m.word))]
    if name == "other_interference":
        # 要求合议庭补充评议，所以宣判推迟: the delay follows from the request, not asked for
        found = [m for m in found if not WRITTEN_INTO.search(
            text.text[text.clause_start(m.start):m.start]) and not CONSEQUENCE.search(m.word)
            and not ("回避" in text.text[:m.start] and RECUSAL_GRANTED.search(
                text.text[max(0, m.start - 20):m.start]))]
    if name in ("approved", "via_procedure", "written"):
        found = [m for m in found if not REQUIREMENT_ANSWERED.search(
            text.text[text.clause_start(m.start):m.start])]
    if name in ("approved", "via_procedure"):
        found = [Match(m.word, m.start, m.end, True, m.uncertain)
                 if _approval_not_given(text, m) else m for m in found
                 if not (m.word.startswith(("审批", "批准")) and MEASURE_APPROVED.search(
                     text.text[max(0, m.start - 10):m.start]))]
    if name == "approved":
        found = [m for m in found if m.negated or not REQUIRED_BEFORE.search(
            text.text[text.clause_start(m.start):m.start])]
    if name == "decide_case":  # 定罪量刑由法院依法决定: the decision left to the court
        # 因醉酒驾驶被判处拘役: a sentence passed on someone, no one's decision in a case told
        found = [m for m in found if not LEFT_TO_THE_COURT.match(text.text, m.end)
                 and text.text[m.start - 1:m.start] != "被"]
    if name == "probe":  # 怎么判是你们的事: the question named to leave it to the court
        # 法院的规矩我不熟，帮他问问。: the teller asking about the rules for a friend, no case
        # 该怎么判就怎么判: the outcome left to the court, no question asked about it
        left = [t.span() for t in AS_THE_LAW_HAS_IT.finditer(text.text)]
        found = [m for m in found if not YOUR_CALL.match(text.text, m.end)
                 and not any(a <= m.start < b for a, b in left)
                 and not (text.text[max(0, m.start - 2):m.start] in ("帮他", "帮她", "帮你")
                          and text.text[m.end:m.end + 1] in ("。", "！", ""))]
    if name == "guidance":  # 由法院依法把关: who decides, named in a disclaimer
        spans = [(d.start, d.end) for d in text.find_pattern("disclaimer")]  # read once
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in spans)]
    if name in ("leak", "plead"):  # 拟判缓刑的被告人: whom it is about, not what is asked
        naming = [n.span() for n in OUTCOME_NAMES_PERSON.finditer(text.text)]
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in naming)]
    if name in ("leak", "probe"):
        # (the leak branch above has already set aside what is told anyway)
        # 问他那个案子什么时候开庭: asking what the parties are told anyway is no 打探案情
        found = [m for m in found if not ((m.word.startswith("告诉") and (
            TOLD_OVERSEERS.match(text.text, m.end)
            or TOLD_THE_INCIDENT.search(text.text[max(0, m.start - 6):m.start])))
            or (name == "probe" and told_anyway(text, m)))]
    if name == "accept_benefit":
        # 新装修的律师接待室: a room's fit-out; 在KTV碰上了, 洗浴中心的老板, 茶叶店: a place;
        # 回来没报销: no claim on his unit's funds, someone else paid, nothing he declined
        found = [m for m in found if not (m.word == "装修" and NEW_FIT_OUT.search(
            text.text[max(0, m.start - 2):m.end + 2])) and not (
            m.word in ("KTV", "洗浴", "足浴") and (text.text[m.start - 1:m.start] == "在"
                                                 or BUSINESS_NAMED.match(text.text, m.end)))
            and not SHOP_NAMED.match(text.text, m.start) and not (m.word == "报销" and m.negated)
            and not GUESSED.search(text.text[max(0, m.start - 3):m.start])]  # 肯定收了好处
        # 签收了情况说明: a paper signed for; 这个律师收了钱, 申请执行人确认收款: another took it
        # 纪检组的同志收了报告: the overseers took in a report, no benefit
        found = [m for m in found if not (m.word.startswith(("收", "确认收")) and (
            text.text[m.start - 1:m.start] == "签" or TAKEN_BY_OTHER.search(
                text.text[text.clause_start(m.start):m.start])
            or PAPER_RECEIVED.match(text.text, m.end)))]
        # 同事请法官吃饭: a colleague's invitation is no benefit from a party or lawyer (R3 第五条
        # 第（三）项); who else came is read as a meeting (R2 第九条第（二）项, R3 第七条)
        found = [m for m in found if not (m.word.startswith("请") and COLLEAGUE_HOST.search(
            text.text[text.clause_start(m.start):m.start]))]
        # 领导要看看判决书，让送一份过去: a copy of a paper sent, no gift
        found = [m for m in found if not ("份" in m.word and DOCUMENT_NAMED.search(
            text.text[text.sentence_of(m.start)[0]:m.start]) and not GIFT_AFTER.match(
            text.text, m.start))]
        # 收下了锦旗, 送了一面锦旗，法官收下了: an honour, no 利益 (R3 第五条第（三）项)
        found = [m for m in found if not (m.word.startswith("收") and HONOUR_ONLY_GIVEN.search(
            text.text[text.sentence_of(m.start)[0]:m.start + 6]))]
    if name == "other_interference" and not COURT_NAMED.search(text.text) and not any(
            word in text.text for key in ("judicial_organs", "judicial_roles", "handler_words")
            for word in text.lexicon.words(key)):
        found = []  # 律师劝当事人先别急着起诉: advice given where no organ or officer is named
    if name == "learn_case":  # 过问登记表 (the record's name), 纪检组…核实了 (the overseers' check)
        found = [m for m in found if not RECORD_NAME_AFTER.match(text.text, m.end) and not
                 OVERSEERS.search(text.text[text.clause_start(m.start):m.start])]
    return found


# The public legal-aid offices (法律援助中心, 公共法律服务中心, 12348): assigned, not chosen by
# the officer
LEGAL_AID = re.compile(r"法律援助|援助中心|公共法律服务|12348")
# The teller asking about it afterwards (想确认一下…有没有问题, 想问问…行不行？)
TELLERS_DOUBT = re.compile(r"(想确认|想问|想请教|不知道)[^。；！？;!?\n]{0,30}[。；！？;!?\n]?$|"
                           r"(有没有问题|行不行|对不对|合不合规)[。；！？;!?\n]?$")


def case_came_up_later(story: str, end: int) -> bool:
    """一开始没有提到案子，临走时才说…: after words that no case was named, the case came up
    after all; but 临走说了句“具体案子你们依法办” asks only that the law be followed."""
    for turn in LATER_TURN.finditer(story, end):
        stop = SENTENCE_BREAK.search(story, turn.end())
        turned = story[turn.start():stop.end() if stop else len(story)]
        if TELLERS_DOUBT.search(turned):
            continue  # 但还是想确认一下这样的调研有没有问题: the teller's question, no later turn
        if not ASKS_LAW_FOLLOWED.search(turned):
            return True
    return False


def _object_of_a_record(text: Text, match: Match) -> bool:
    """The plea named only as what a recorder wrote down, in a story of what was later done to
    him with a stated ground and procedure (a rotation, a sanction)."""
    before = text.text[text.clause_start(match.start):match.start]
    recorded = bool(RECORDED_BEFORE.search(before)
                    and RECORD_OBJECT_AFTER.match(text.text, match.end)) or bool(
        "把" in before and RECORDED_AFTER.match(text.text, match.end))
    return recorded and ground_and_procedure_stated(text.text)


def _in_the_title(story: str, match: Match) -> bool:
    """【情况说明】…: the paper's own title, not papers passed to anyone."""
    return story.startswith("【") and match.end <= story.find("】")
