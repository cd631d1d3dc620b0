"""Reading the facts of a situation from its words: one masked, negation-aware view of the words
(``Lexicon.analyse``), read by the conduct cues here, by ``ActorReader`` (who acted) and by
``CircumstanceReader`` (place, time, report, former officers)."""

from __future__ import annotations

import re

from liuhen.assessment.actor_facts import ActorReader
from liuhen.assessment.circumstance_facts import (
    CircumstanceReader,
    bystander_quotes_masked,
    committee_deliberation,
)
from liuhen.assessment.facts import Extracted, Facts
from liuhen.assessment.lexicon import Lexicon, Match, Text
from liuhen.assessment.narration import in_a_reply
from liuhen.assessment.open_questions import open_questions
from liuhen.assessment.requests import (
    INVITED_TO,
    LEISURE_DECLINED,
    NO_REQUEST,
    asked_and_not_done,
    cadre_refused,
)

# How a case is to be decided, when the words say nobody spoke of it (对个案怎么判只字未提).
_OUTCOME_QUESTIONS = ("怎么判", "判几年", "判多少", "如何判", "怎么处理", "定罪量刑", "裁判结果",
                      "判决结果")
# Asking that the law be followed (要求“依法…”, 批示“…依法处理”) directs nothing: R1 第三条's
# 督促…依法履行职责. _URGES_LAW follows an opinion word; _ASKS_LAW_FOLLOWED is the whole ask.
_BY_LAW = r"(依法|严格依法|依规|按照法律|依照法律|按法律)"
_URGES_LAW = re.compile(r"[：:]?[“\"]?" + _BY_LAW)
_ASKS_LAW_FOLLOWED = re.compile(r"(说|要求|表态|强调|指出|批示|批注|签批|(?<![申提])请)"
                                r"[：:]?[“\"]?[^。；”]{0,10}" + _BY_LAW
                                + r"(办|处理|依规|办理|进行)")
_NOBODY_SIGNED = re.compile(r"[为是]?[“\"]?(一群|一些|部分|广大|几个|几位)?[^，。；”]{0,4}"
                            r"(群众|知情人|网友|市民|村民|职工|员工|老百姓)")
# 局长本人又打电话问“我秘书去过了吧”: the one named bears a claimed identity out himself.
_PRINCIPAL_HIMSELF = re.compile(r"(长|书记|主任|领导)本人")
# Who acted is not established: a claimed identity (自称在省里工作, 自称“上面的领导”: the
# words in quotes are the caller's own; not 自称“受…委托”, a stated sender whose errand is
# claimed), or the words ask whether the actor holds the status
# R1 第十二条 turns on (是否具有国家工作人员身份, 是不是领导干部).
_UNVERIFIED_IDENTITY = re.compile(
    r"(自称|声称|号称)[“\"]?(是|在|为)|(自称|声称|号称)[“\"](?!受|替|代)|冒充|身份不明|"
    r"(自称|声称|号称)[^，。；“”]{0,10}(秘书|司机|领导|书记|[县市区局处科厅部院庭]长|主任|亲属|亲戚|家属)|"
    r"无法核实[^，。；]{0,6}(身份|职务)|"
    r"(是否|是不是|有无|有没有)[^，。；]{0,12}(领导干部|国家工作人员)")
# A word or two in quotation marks: a label put on the conduct (“打招呼”, “调研”), not speech.
_SCARE_QUOTE = re.compile(r"“([^”]{1,4})”")
# A question about the outcome (会判多少, 能不能判缓刑): the outcome word in it is asked, not
# pleaded.
_OUTCOME_ASKED = re.compile(r"(会判|能不能判|能否判|会不会判|可不可以判|判多少|判几年|大概会)")
# An invitation to a meal, tea or one's home (约…吃饭, 请…喝茶, 约…到家里).
_INVITED = re.compile(r"(约|邀请?|请)[^，。；]{0,14}(吃饭|喝茶|喝个茶|聚会|聚餐|坐坐|家里|饭店|"
                      r"茶楼|茶室)|(约|邀请?|请)[^。；]{0,20}“[^”]{0,10}(吃个?饭|吃个?便饭|小聚|"
                      r"聚一聚|聚聚|喝个?茶|坐一坐)")
# An approval given after the contact (补填审批表, 事后补签, 补办了审批手续).
_APPROVED_AFTER = re.compile(r"(补填|补签|补办|补批|补报)[^，。；]{0,8}(审批|批准|签批|同意)|"
                             r"事后[^，。；]{0,6}(审批|批准|签批)")
# The words doubt that the one who invited arranged the meeting (不知道是不是他安排的).
_ARRANGEMENT_DOUBTED = re.compile(r"(是不是|是否|有没有)[^，。；]{0,8}(安排|叫来|约来|请来)")
_COUNTERPARTS = ("当事人", "律师", "特殊关系人", "中介组织")
# A record named just before a "not recorded" (登记表没有记载, 记录里没有记): the document's
# silence on a point.
_SILENT_DOCUMENT = re.compile(r"(登记表|记录|纪要|笔录|日志|报告|案卷|卷宗|卷)(里|中|上)?"
                              r"(也|都|并|均)?$")
# What is handed over in courtesy (递给我一支烟, 递过一杯茶): no papers.
_COURTESY = re.compile(r"(我|他|她|对方)?(一|两)?(支|根|杯|瓶)(烟|茶|水|饮料)")
# Papers a party hands in for the case (R3 第六条's ordinary work at the office).
_PAPERS = re.compile(r"(证明|材料|复印件|申请书|申请|诉状|起诉状|答辩状|病历|诊断书|收据|"
                     r"回执|意见书|代理词|辩护词|代理意见|辩护意见|证据)")
_PUBLIC = re.compile(r"(公开开庭|公开宣判|公开审理|已公开|公开的|公告)")
_CLAUSE_END = re.compile(r"[，。；！？,.;!?\n]")
# The words deny the transfer or sanction any lawful cause or procedure (没有任何法定事由, 未经
# 党组研究): R1 第六条 / R2 第七条's 非因法定事由，非经法定程序, stated, not left open.
_NO_LAWFUL_CAUSE = re.compile(r"(没有|没|无|并无|非因|毫无)(任何)?(法定|正当)?(事由|理由)|"
                              r"未经[^，。；]{0,8}(研究|程序|讨论|决定)")
# A request for an outcome opens within the words before it (请法院“确认…，驳回…”).
_REQUESTED_OUTCOME = re.compile(r"(请|要求|希望|恳请|务必|务请|敦请)[^。；]{0,16}$")
# The handler asked up (请示) and the superior answered in writing (书面答复, 批复).
_REPLY_TO_REQUEST = re.compile(r"请示[^。]{0,60}(书面答复|作出书面答复|批复|复函|答复函)")
# A work report heard (听取区检察院年度工作汇报), and the acts that would make it more than
# learning how the work goes (not findings.EXPLICIT_CONDUCT: a directive or a question about
# the case, which a procedure does not excuse, counts here too).
_WORK_REPORT = re.compile(r"听取[^，。；]{0,14}工作汇报")
_BEYOND_LEARNING = frozenset({"plead", "private_meeting", "directive", "decide_case", "other",
                           "pass_materials", "probe"})
# The bodies that look into a case of interference: what they do is the inquiry.
_OVERSEERS = re.compile(r"纪检|纪委|监委|监察委|督察|巡察|调查组|核查组|专案组|审计")
# 按照重大事项请示报告程序, 按照诉访分离原则: a rule followed, not an opinion to follow.
_BY_A_RULE = re.compile(r"[^，。；“”]{0,10}(程序|规定|原则|制度|办法|流程|法律)")
# A disclaimer that says no opinion was given (没有发表任何意见, 不对定罪量刑表态), not one
# that says who decides (由法院依法决定: that may be anyone's words, the court's own too).
_NO_OPINION = re.compile(r"(没|未|并未|从未|均未|都没|不|无人|谁)")
_RECORDER_STEP = re.compile(r"[^，。；]{0,2}(做了|作了|如实)(登记|记录)")
# 没有接话, 没接电话: a word or a call not taken up, not an offer turned down.
_NOT_TAKEN_UP = ("话", "电话", "茬", "腔", "听")
_PLEAD_PATTERN = re.compile(r"能[^，。“”]{0,4}就[^，。“”]{0,4}|能不[^，。“”]{1,3}就不")


def _clause_end(text: Text, match: Match) -> int:
    end = _CLAUSE_END.search(text.text, match.end)
    return end.start() if end else len(text.text)


class Extractor(ActorReader, CircumstanceReader):
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.w = lexicon.words

    def extract(self, query: str) -> Extracted:
        text = self.lexicon.analyse(bystander_quotes_masked(query))
        out = Extracted(Facts())
        f: dict[str, object] = {}

        def note(name: str, matches: list[Match]) -> None:
            words = [m.word for m in matches]
            if words:
                out.evidence.setdefault(name, [])
                out.evidence[name] += [w for w in words if w not in out.evidence[name]]

        def cue(name: str, *path: str) -> bool | None:
            """True if the words (or the lexicon's patterns for ``name``) are there, False if
            only negated, None if absent."""
            found = text.find(self.w(*path))
            if path[0] == "conduct":
                found = found + text.find_pattern(name)
            if name == "via_procedure":
                # 法官回：“按程序办”: his answer sends the other to the procedure; 按规定做了
                # 登记: the recorder's step; neither is how the intervention came
                found = [m for m in found if not in_a_reply(text.text, m.start)
                         and not _RECORDER_STEP.match(text.text, m.end)]
            if name == "retaliation":
                # 饭就免了: "no need", not a removal from office
                found = [m for m in found if not (m.word == "免了" and
                                                  text.text[m.start - 1:m.start] in "就也")]
            if name == "recorded":
                # 记录里没有说: the record as a document that is silent, not a record not made;
                # 书记在会上说: the 记 of 书记, not a record
                found = [m for m in found if text.text[m.end:m.end + 1] not in ("里", "中", "上")
                         and not (m.word.startswith("记")
                                  and text.text[m.start - 1:m.start] == "书")]
            if name == "not_recorded":
                # 登记表没有记载, 纪要里没写: the document is silent on something, which says
                # nothing of whether the intervention itself was recorded
                found = [m for m in found if not _SILENT_DOCUMENT.search(text.text[:m.start])]
            if name == "named_report":
                # 署名“一群知情群众”: a signature that names nobody is no 实名 (R3 第十条)
                found = [m for m in found if not _NOBODY_SIGNED.match(text.text, m.end)]
            if name == "pass_materials":
                # 递给我一支烟: a courtesy handed over, not papers passed on (R2 第九条第（三）项)
                found = [m for m in found if not _COURTESY.match(text.text, m.end)]
            matches = [m for m in found if not m.uncertain]
            if not matches:
                return None
            positive = [m for m in matches if not m.negated]
            note(name, positive or matches)
            return bool(positive)

        self._actor(text, f, note)
        conduct: list[str] = []
        declined: list[str] = []
        for name in ("plead", "private_meeting", "pass_materials", "probe", "leak",
                     "recommend_lawyer", "accept_benefit", "borrow", "collusion",
                     "learn_case", "decide_case", "guidance"):
            value = cue(name, "conduct", name)
            if value:
                conduct.append(name)
            elif value is False:
                declined.append(name)
        for asked in asked_and_not_done(text, conduct, self.w):
            conduct.remove(asked)
            declined.append(asked)
            f["refused"] = True  # asked of him, and he did not do it
        if "plead" not in conduct and "plead" not in declined and NO_REQUEST.search(query):
            declined.append("plead")  # 没有提任何要求: the words say nothing was asked
        if "pass_materials" in conduct and self._papers_to_overseers(text):
            conduct.remove("pass_materials")
        if "leak" in conduct and self._files_only_named(text):
            conduct.remove("leak")
        if "plead" in conduct and self._plea_words_describe_else(text):
            conduct.remove("plead")
        pattern = _PLEAD_PATTERN.search(query)
        if pattern and "plead" not in conduct:
            conduct.append("plead")
            note("plead", [Match(pattern.group(0), pattern.start(), pattern.end(), False)])
        disclaimed = self._decision_disclaimed(text)
        if "decide_case" in conduct and disclaimed:
            # 证据采信、事实认定由司法机关依法独立决定: the words that name the decision say
            # who makes it, and it is not the speaker (R1 第三条 / R2 第四、五条's lawful path)
            conduct.remove("decide_case")
            declined.append("decide_case")
            note("decision", disclaimed)
        other = [m for m in text.find_pattern("other_interference")
                 if not m.negated and not m.uncertain]
        if other:
            # 把评议笔录送给他看, 绕开随机分案: none of the listed items, an interference of
            # its own (R1 第八条第（五）项, R2 第九条第（五）项)
            conduct.append("other")
            note("other", other)
        weak = self._weak_conduct(text, query, conduct, pattern is not None)
        if "plead" in weak and _OUTCOME_ASKED.search(query):
            # 会判多少、能不能判缓刑: asking what the outcome will be is probing, not pleading
            conduct.remove("plead")
            weak.remove("plead")
            if "probe" not in conduct:
                conduct.append("probe")
        if weak:
            f["weak_conduct"] = weak
        if committee_deliberation(query):
            # the committee deciding is the organ's procedure (R2 第四条's 依照程序以书面形式)
            conduct[:] = [c for c in conduct if c not in ("decide_case", "leak", "guidance")]
            f["via_procedure"] = True
            if "口头" not in query:  # 在审委会上口头发表意见: said there, not in writing
                f["written"] = True
        if "decide_case" in conduct:
            f["decision"] = True
        elif "decide_case" in declined or [m for m in disclaimed if _NO_OPINION.match(m.word)] or [
                m for m in text.negated_hits((*self.w("conduct", "opinion_words"),
                                              *_OUTCOME_QUESTIONS)) if not m.uncertain]:
            # the words say no opinion was given (not 有没有提意见: that is the question)
            f["decision"] = False
        heard = [m for m in text.find_pattern("hearsay") if not self._heard_by_actor(m)]
        if heard and not text.find_pattern("confirmed"):
            f["hearsay"] = True
            note("hearsay", heard)
        if _ASKS_LAW_FOLLOWED.search(query):
            f["urged_lawful_handling"] = True
        general = [m for m in text.find_pattern("no_specific_case") if not m.uncertain]
        if general:
            f["specific_case"] = False
            note("specific_case", general)
        policy = text.present(self.w("conduct", "policy_study")) + [
            m for m in text.find_pattern("policy_study") if not m.negated and not m.uncertain]
        if policy:
            note("policy_study", policy)
        f["declined"] = declined
        if self._directive(text, note):
            conduct.append("directive")
        refused = [m for m in text.present(self.w("conduct", "refused"))
                   if not text.text.startswith(_NOT_TAKEN_UP, m.end)]
        took = text.present(("收下", "收了", "收受", "笑纳", "拿了", "接受了"))
        paid_own = text.present(self.w("conduct", "paid_own"))
        if "accept_benefit" in conduct and self._papers_only_taken(text):
            # 收下了医院证明的复印件: papers handed in for the case, not a benefit
            conduct.remove("accept_benefit")
        for offered in ("accept_benefit", "borrow"):
            # 钥匙都递过来了，他没接; 发现后当天交到院纪检组: offered, not taken
            if offered in conduct and (refused or (paid_own and offered == "accept_benefit")) \
                    and not took:
                conduct.remove(offered)
                declined.append(offered)
        if refused and not took and _INVITED.search(query) and "accept_benefit" not in conduct:
            declined.append("accept_benefit")  # 约他吃饭, 没有接受: 请客 turned down
        if refused and not took and f.get("actor_role") in _COUNTERPARTS and \
                "private_meeting" in conduct:
            # a party's or lawyer's invitation the officer turned down: no meeting took place
            conduct.remove("private_meeting")
            declined.append("private_meeting")
        if f.get("actor_role") in (*_COUNTERPARTS, "领导干部"):
            cadre_refused(text, f, note, conduct, declined, self.w("leader_roles"))
        f["conduct"] = conduct
        if policy and f.get("leading_organ") and "decide_case" not in conduct:
            f.setdefault("via_procedure", True)
        elif policy and _WORK_REPORT.search(query) and not set(conduct) & _BEYOND_LEARNING:
            # 听取年度工作汇报, only 依法办理 said: learning of the work 依照工作程序 (R1 第三条),
            # not 以听取汇报…形式…提出倾向性意见 (R1 第八条第（四）项), which needs an opinion
            f.setdefault("via_procedure", True)
        for name, path in (("written", "written"), ("via_procedure", "procedure"),
                           ("approved", "approved"), ("recorded", "recorded"),
                           ("retaliation", "retaliation"), ("refused", "refused"),
                           ("named_report", "named_report"), ("recused", "recusal")):
            value = cue(name, "conduct", path)
            if value is not None:
                f[name] = value
        if f.get("approved") and _APPROVED_AFTER.search(query):
            # 见面两天后才补填审批表: R3 第六条's 确需…接触的，应…办理审批手续并获批准 is a
            # condition of the contact, which an approval given after it did not meet
            f["approved"] = False
        if f.get("via_procedure") and self._procedure_of_overseers(text):
            del f["via_procedure"]  # 纪检组调取的微信记录显示: the inquiry's step, not the act's
        if not f.get("complaint") and [m for m in text.present(self.w("conduct", "complaint"))
                                       if self._complaint_about_officer(text, m)]:
            f["complaint"] = True  # the words of a complaint about an officer (R3 第九条)
        if f.get("retaliation"):
            said = text.present(self.w("conduct", "retaliation"))
            actions = set(self.w("conduct", "personnel_actions"))
            if said and all(m.word in actions for m in said) and \
                    not _NO_LAWFUL_CAUSE.search(query):
                # a transfer or sanction named, not retaliation: R1 第六条 / R2 第七条 turn on
                # whether it had a legal cause and followed the legal procedure
                weak.append("retaliation")
                f["weak_conduct"] = weak
        if cue("not_recorded", "conduct", "not_recorded"):
            f["recorded"] = False
        if text.present(self.w("conduct", "no_procedure")):
            note("via_procedure", text.present(self.w("conduct", "no_procedure")))
            f["via_procedure"] = False
        oral = text.present(self.w("conduct", "oral"))
        if f.get("written") is True:
            f["channel"] = "书面"
        elif oral:
            note("channel", oral)
            f["channel"] = "口头"
            f.setdefault("written", False) if f.get("written") is None else None
        # 没有亲属关系, 有没有关系: a tie denied or asked about is no tie
        tie = text.present(self.w("conduct", "tie"))
        if tie or ("plead" in conduct and "plead" not in weak):
            f["personal_tie"] = True
            note("personal_tie", tie)
        social = text.present(self.w("conduct", "social")) + [  # 钓过两次鱼: a verb split
            m for m in text.find_pattern("social") if not m.negated and not m.uncertain]
        work = text.present(self.w("conduct", "work_purpose"))
        leisure_turned_down = [m for m in social if INVITED_TO.search(
            query[max(0, m.start - 24):m.start]) and LEISURE_DECLINED.search(query, m.end)]
        if leisure_turned_down:
            # 约他周末钓鱼，他说不去: the leisure was offered and refused, it never happened
            declined_now = f.get("declined")
            if isinstance(declined_now, list) and "other" not in declined_now:
                declined_now.append("other")
        elif social and not work:
            f["purpose"] = "social"
            note("purpose", social)
        elif work:
            f["purpose"] = "work"
        if _UNVERIFIED_IDENTITY.search(query) and not _PRINCIPAL_HIMSELF.search(query):
            f["identity_verified"] = False
        self._place_time(text, f, note)
        invited = _INVITED.search(query)
        regimes = f.get("regimes")
        if invited and isinstance(regimes, list) and "R2" in regimes \
                and f.get("planned") is False \
                and f.get("counterpart") and "private_meeting" not in conduct \
                and not _ARRANGEMENT_DOUBTED.search(query):
            # an insider invites the officer and a party or its lawyer is there on arrival: 邀请
            # 办案人员私下会见 (R2 第九条第（二）项), though the officer did not know
            conduct.append("private_meeting")
            note("private_meeting", [Match(invited.group(0), invited.start(), invited.end(),
                                           False)])
        self._report(text, f, note)
        self._former(text, f, note)
        if f.get("recorded") is False and f.get("regimes") == ["R3"] and not f.get(
                "counterpart") and not f.get("complaint"):
            # an officer who failed to record an inquiry, no party or lawyer in view: the duty
            # to record is R2 第六条's, its breach R2 第十一条's, not a contact under R3
            f["regimes"] = ["R2"]
        if _REPLY_TO_REQUEST.search(query) and not set(conduct) & _BEYOND_LEARNING and \
                not f.get("complaint") and not f.get("former_officer"):
            # a superior organ's written reply to the handler's own 请示: guidance by 书面形式
            # through the procedure (R2 第四条), whoever else the story names
            f.update(regimes=["R2"], insider_relation="superior", written=True,
                     actor_role="上级司法机关人员", channel="书面")
            if "guidance" not in conduct:
                conduct.append("guidance")
            note("written", [Match(m.group(0), m.start(), m.end(), False)
                             for m in _REPLY_TO_REQUEST.finditer(query)])
        regimes = f.get("regimes")
        if isinstance(regimes, list) and "R3" not in regimes and f.get("counterpart") and \
                not f.get("staff_only") and \
                set(conduct) & {"accept_benefit", "borrow", "recommend_lawyer", "collusion"}:
            regimes.append("R3")  # a benefit from a party or lawyer is R3 第五条's, whoever asked
        left_open = open_questions(query)
        if left_open:
            f["open_facts"] = [q.fact for q in left_open]
            out.evidence["open_facts"] = list(dict.fromkeys(q.words for q in left_open))
        out.facts = Facts.model_validate(f)
        return out

    def _decision_disclaimed(self, text: Text) -> list[Match]:
        """The disclaimers (由法院依法决定, 依法独立审判, 不发表意见) when every word that names
        a decision on evidence, facts or judgment stands in a sentence holding one; else []."""
        disclaimers = [m for m in text.find_pattern("disclaimer") if not m.uncertain]
        if not disclaimers:
            return []
        named = [m for m in (*text.find(self.w("conduct", "decide_case")),
                             *text.find_pattern("decide_case")) if not m.uncertain]
        sentences = {text.sentence_of(m.start) for m in disclaimers}
        if all(text.sentence_of(m.start) in sentences for m in named):
            return disclaimers
        return []

    def _weak_conduct(self, text: Text, query: str, conduct: list[str],
                      plead_construction: bool) -> list[str]:
        """The conduct whose every word found is an outcome named without a request (缓刑,
        不起诉: also the ordinary course of a case) or a word in short scare quotes (“打招呼”:
        someone's label for it, not the act)."""
        quoted = [m.span(1) for m in _SCARE_QUOTE.finditer(query)]

        def labelled(match: Match) -> bool:
            return any(start <= match.start and match.end <= end for start, end in quoted)

        weak: list[str] = []
        if "plead" in conduct and not plead_construction:
            outcomes = set(self.w("conduct", "outcome_words"))
            hits = text.present(self.w("conduct", "plead")) + [
                m for m in text.find_pattern("plead") if not m.negated and not m.uncertain]
            def requested(match: Match) -> bool:
                # 请法院“确认合同有效，驳回原告请求”: the outcome is what the request asks for
                before = text.text[text.sentence_of(match.start)[0]:match.start]
                return bool(_REQUESTED_OUTCOME.search(before))

            if hits and all((m.word in outcomes and not requested(m)) or labelled(m)
                            for m in hits):
                weak.append("plead")
        for name in ("private_meeting", "probe", "pass_materials"):
            hits = text.present(self.w("conduct", name))
            if name in conduct and hits and all(labelled(m) for m in hits):
                weak.append(name)
        return weak

    def _plea_words_describe_else(self, text: Text) -> bool:
        """Every plea word found is something else: a gift put down (放了两箱), or an outcome
        already reached (已作出不起诉决定: the state of the case, not a request)."""
        hits = text.present(self.w("conduct", "plead")) + [
            m for m in text.find_pattern("plead") if not m.negated and not m.uncertain]
        gifts = text.find_pattern("accept_benefit")
        outcomes = set(self.w("conduct", "outcome_words"))

        def reached(m: Match) -> bool:
            start = text.clause_start(m.start)
            return m.word in outcomes and bool(
                re.search(r"(已|已经)[^，。；]{0,4}$", text.text[start:m.start]))

        return bool(hits) and all(
            reached(m) or any(g.start <= m.start and m.end <= g.end for g in gifts)
            for m in hits)

    def _papers_only_taken(self, text: Text) -> bool:
        """Every benefit word found is a verb of taking (收下, 收了) whose clause names a paper
        (证明, 材料, 申请书) and no gift: papers received, not a benefit accepted."""
        hits = text.present(self.w("conduct", "accept_benefit")) + [
            m for m in text.find_pattern("accept_benefit") if not m.negated and not m.uncertain]
        taking = ("收下", "收了", "收受")

        def a_paper(m: Match) -> bool:
            start, end = text.clause_start(m.start), _CLAUSE_END.search(text.text, m.end)
            clause = text.text[start:end.start() if end else len(text.text)]
            return m.word in taking and bool(_PAPERS.search(clause))

        return bool(hits) and all(a_paper(m) for m in hits)

    def _heard_by_actor(self, match: Match) -> bool:
        """院长听说法官如实记录了……: someone in the story heard something and then acted; the
        account of what he did is not hearsay."""
        said = re.search(r"(听说|据说|据传|传言|传闻|听人说|风传|有传言)", match.word)
        before = match.word[:said.start()] if said else ""
        roles = (*self.w("judicial_roles"), *self.w("leader_roles"),
                 *self.w("organ_leader_roles"))
        return any(role in before for role in roles)

    def _papers_to_overseers(self, text: Text) -> bool:
        """Every word of passing papers stands in a sentence whose papers go to the discipline
        department (写成材料交给纪检监察部门): a report (R3 第七条), not 转递涉案材料."""
        hits = text.present(self.w("conduct", "pass_materials"))
        reports = text.find_pattern("reported")
        sentences = {text.sentence_of(m.start) for m in reports}
        return bool(hits) and all(text.sentence_of(m.start) in sentences for m in hits)

    def _procedure_of_overseers(self, text: Text) -> bool:
        """Every procedure word stands in a clause whose subject is the discipline or
        inquiry body (纪检组调取的记录, 监委核查时): how the facts were found, not a procedure
        the one who acted followed (R1 第三条, R2 第五条, R3 第六条)."""
        hits = text.present(self.w("conduct", "procedure"))
        return bool(hits) and all(
            _OVERSEERS.search(text.text[text.clause_start(m.start):m.start]) for m in hits)

    def _files_only_named(self, text: Text) -> bool:
        """Every leak word found names the files without leaking them: inside the words of
        learning about a case by procedure (调阅卷宗) or as a place (案卷里没有……)."""
        leaks = text.present(self.w("conduct", "leak")) + [
            m for m in text.find_pattern("leak") if not m.negated and not m.uncertain]
        learning = text.find(self.w("conduct", "learn_case")) + text.find_pattern("learn_case")
        return all(any(x.start <= m.start and m.end <= x.end for x in learning)
                   or text.text[m.end:m.end + 1] in ("里", "中", "内", "件")
                   or re.search(r"(入|附|随|进|归)了?$", text.text[max(0, m.start - 2):m.start])
                   or _PUBLIC.search(text.text[text.clause_start(m.start):_clause_end(text, m)])
                   for m in leaks)
        # 复印件: a paper's name; 附入案卷, 记进了案卷: where a paper was filed; 公开开庭的日期:
        # what anyone may know is no 办案工作秘密 (R3 第五条第（一）项)

    def _directive(self, text: Text, note: object) -> bool:
        form = text.find(self.w("conduct", "meeting_form"), negatable=False) + text.find(
            self.w("conduct", "document_form"), negatable=False)
        opinion = [m for m in text.present(self.w("conduct", "opinion_words"))
                   if not _URGES_LAW.match(text.text, m.end)
                   and not (m.word == "按照" and _BY_A_RULE.match(text.text, m.end))]
        # 协调会 names the form, not a direction given in it: R1 第三条 permits 统筹协调
        strong = [m for m in text.present(self.w("conduct", "directive"))
                  if not any(x.start == m.start and x.end == m.end for x in form)
                  and not _URGES_LAW.match(text.text, m.end)]
        if form and (opinion or strong):
            note("directive", [*form[:1], *(strong or opinion)[:2]])  # type: ignore[operator]
            return True
        return False
