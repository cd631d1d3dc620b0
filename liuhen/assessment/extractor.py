"""The facts of a situation from one masked, negation-aware view of its words (``Lexicon.analyse``),
read by the conduct cues here, ``ActorReader`` (who acted) and ``CircumstanceReader`` (the rest)."""

from __future__ import annotations

import re

from liuhen.assessment.actor_facts import ActorReader
from liuhen.assessment.circumstance_facts import CircumstanceReader, committee_deliberation
from liuhen.assessment.cue_filters import case_came_up_later, drop_false_cues
from liuhen.assessment.cue_patterns import (
    APPROVAL_GUESSED,
    APPROVAL_SCORNED,
    APPROVED_AFTER,
    ARRANGEMENT_DOUBTED,
    ASKS_LAW_FOLLOWED,
    AUDIENCE,
    BENEFIT_HANDED,
    BEYOND_LEARNING,
    BY_A_RULE,
    CASE_FILE_CALLED,
    CASE_UNMENTIONED,
    CLAUSE_END,
    COUNTERPARTS,
    EVIDENCE_TAKEN,
    FILE_BY_PROCEDURE,
    FRIENDS,
    HANDED_TO_OVERSEERS,
    HANDLING_ASKED,
    INTERVIEWERS,
    INVITED,
    NAMES_A_CASE,
    NO_MEDDLING,
    NO_OPINION,
    NOT_KEPT,
    NOT_KEPT_BY_OTHER,
    NOT_RECUSED,
    NOT_TAKEN_UP,
    OUTCOME_ASKED,
    OUTCOME_QUESTIONS,
    OVERSEERS,
    PAPER_NAMED,
    PAPERS,
    PLEAD_PATTERN,
    REPLY_TO_REQUEST,
    REPORT_ASKED,
    REQUESTED_OUTCOME,
    SCARE_QUOTE,
    TAKEN_WORDS,
    TELLER_CHECKING,
    TOLD_NOT_TO_RECORD,
    URGES_LAW,
    WORK_REPORT,
)
from liuhen.assessment.facts import Extracted, Facts
from liuhen.assessment.identity import PRINCIPAL_HIMSELF, UNVERIFIED_IDENTITY
from liuhen.assessment.lexicon import Lexicon, Match, Text
from liuhen.assessment.narration import (
    affirmed_questions_masked,
    not_done_masked,
    plea_word_otherwise,
    recipients_silence,
)
from liuhen.assessment.open_questions import open_questions
from liuhen.assessment.requests import (
    INVITED_TO,
    LEISURE_DECLINED,
    NO_REQUEST,
    asked_and_not_done,
    cadre_refused,
    retired_refused,
)
from liuhen.assessment.taking import taken_in_fact
from liuhen.assessment.tip_off import told_to_its_target
from liuhen.assessment.told_anyway import files_only_named


class Extractor(ActorReader, CircumstanceReader):
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.w = lexicon.words

    def extract(self, query: str) -> Extracted:
        text = self.lexicon.analyse(affirmed_questions_masked(not_done_masked(query)))
        out = Extracted(Facts())
        f: dict[str, object] = {}

        def note(name: str, matches: list[Match]) -> None:
            words = [m.word for m in matches]
            if words:
                out.evidence.setdefault(name, [])
                out.evidence[name] += [w for w in words if w not in out.evidence[name]]

        def cue_matches(name: str, *path: str) -> list[Match]:
            """The words (or the lexicon's patterns for ``name``) found and not doubted, negated
            ones included, once the words around have ruled out what is something else."""
            found = text.find(self.w(*path))
            if path[0] == "conduct":
                found = found + text.find_pattern(name)
            return [m for m in drop_false_cues(name, found, text) if not m.uncertain]

        def cue(name: str, *path: str) -> bool | None:
            """True if the words (or the lexicon's patterns for ``name``) are there, False if
            only negated, None if absent."""
            matches = cue_matches(name, *path)
            if not matches:
                return None
            positive = [m for m in matches if not m.negated]
            note(name, positive or matches)
            return bool(positive)

        self._actor(text, f, note)
        self._tie_denied_or_unheard(text, f, note)
        conduct: list[str] = []
        declined: list[str] = []
        for name in ("plead", "private_meeting", "pass_materials", "probe", "leak",
                     "recommend_lawyer", "accept_benefit", "borrow", "collusion", "coach",
                     "learn_case", "decide_case", "guidance"):
            value = cue(name, "conduct", name)
            if value:
                conduct.append(name)
            elif value is False:
                declined.append(name)
        for asked in asked_and_not_done(text, conduct, self.w):
            conduct[:] = [c for c in conduct if c != asked]
            declined.append(asked)
            f["refused"] = True  # asked of him, and he did not do it
        if "plead" not in conduct and "plead" not in declined and NO_REQUEST.search(query):
            declined.append("plead")  # 没有提任何要求: the words say nothing was asked
        if "pass_materials" in conduct and self._papers_to_overseers(text):
            conduct.remove("pass_materials")
        if "leak" in conduct and files_only_named(text, self.w):
            conduct.remove("leak")
        if "plead" in conduct and self._plea_words_describe_else(text):
            conduct.remove("plead")
        pattern = PLEAD_PATTERN.search(query)
        if pattern and "plead" not in conduct:
            conduct.append("plead")
            note("plead", [Match(pattern.group(0), pattern.start(), pattern.end(), False)])
        disclaimed = self._decision_disclaimed(text, out.evidence.get("actor", []))
        if "decide_case" in conduct and disclaimed:
            # 证据采信、事实认定由司法机关依法独立决定: the words that name the decision say
            # who makes it, and it is not the speaker (R1 第三条 / R2 第四、五条's lawful path)
            conduct.remove("decide_case")
            declined.append("decide_case")
            note("decision", disclaimed)
        other = [m for m in drop_false_cues("other_interference", text.find_pattern(
            "other_interference"), text) if not m.negated and not m.uncertain]
        if other and not ("probe" in declined and {m.word[0] for m in other} <= {"问", "打"}):
            # 把评议笔录送给他看, 绕开随机分案: an interference of its own (R1-8-5, R2-9-5);
            # not 问书记员合议结果，她说不能讲: the question asked of him, declined with it
            conduct.append("other")
            note("other", other)
        weak = self._weak_conduct(text, query, conduct, pattern is not None)
        if "plead" in weak and not SCARE_QUOTE.search(query):
            f["plea_outcome_only"] = True  # 收了一份取保申请: the outcome asked, by whom unsaid
        if "plead" in weak and OUTCOME_ASKED.search(query):
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
        elif "decide_case" in declined or [m for m in disclaimed if NO_OPINION.match(m.word)] or [
                m for m in text.negated_hits((*self.w("conduct", "opinion_words"),
                                              *OUTCOME_QUESTIONS)) if not m.uncertain]:
            # the words say no opinion was given (not 有没有提意见: that is the question)
            f["decision"] = False
        heard = [m for m in text.find_pattern("hearsay") if not self._heard_by_actor(m)]
        if heard and not [m for m in text.find_pattern("confirmed") if not m.negated]:
            f["hearsay"] = True
            note("hearsay", heard)
        if ASKS_LAW_FOLLOWED.search(query):
            f["urged_lawful_handling"] = True
        if HANDLING_ASKED.search(query):
            f["reports_only"] = False  # something asked of the handling itself
        elif REPORT_ASKED.search(query):
            f["reports_only"] = True
        general = [m for m in text.find_pattern("no_specific_case") if not m.uncertain
                   and not (conduct and case_came_up_later(text.text, m.end))
                   and not (f.get("counterpart") and CASE_UNMENTIONED.fullmatch(m.word))]
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
            if "specific_case" not in f and not NAMES_A_CASE.search(query):
                f["specific_case"] = False  # a direction on work: no case named at all
        # 两个月后被查出才退回: given back once found out, taken all the same (drop_false_cues)
        refused = [m for m in cue_matches("refused", "conduct", "refused")  # (让他把水果带回去)
                   if not m.negated and not text.text.startswith(NOT_TAKEN_UP, m.end)]
        refused += [Match(m.group(0), m.start(), m.end(), False) for m in NOT_KEPT.finditer(query)
                    if not NOT_KEPT_BY_OTHER.search(query[max(0, m.start() - 6):m.start()])]
        # 购物卡退了回去 but 吃了这顿饭: the meal was taken (材料登记收下 takes papers, no gift)
        took = [m for m in text.present(TAKEN_WORDS) if taken_in_fact(text, m)]
        paid_own = text.present(self.w("conduct", "paid_own"))
        if "accept_benefit" in conduct and self._papers_only_taken(text):
            # 收下了医院证明的复印件: papers handed in for the case, not a benefit
            conduct.remove("accept_benefit")
        handed_in = bool(HANDED_TO_OVERSEERS.search(query))
        for offered in ("accept_benefit", "borrow"):
            # 钥匙递过来，他没接; 交到院纪检组: offered, not taken (没收礼 refuses no car borrowed)
            if offered in conduct and not took and ([
                    m for m in refused if offered != "borrow" or m.word[:2] != "没收"] or (
                    offered == "accept_benefit" and (paid_own or handed_in))):
                conduct.remove(offered)
                declined.append(offered)
        if refused and not took and INVITED.search(query) and "accept_benefit" not in [
                *conduct, *declined]:
            declined.append("accept_benefit")  # 约他吃饭, 没有接受: 请客 turned down
        if refused and not took and f.get("actor_role") in COUNTERPARTS and \
                "private_meeting" in conduct:
            # a party's or lawyer's invitation the officer turned down: no meeting took place
            conduct.remove("private_meeting")
            declined.append("private_meeting")
        if f.get("actor_role") in (*COUNTERPARTS, "领导干部", "领导干部身边工作人员或亲属"):
            # a cadre's relative asking him to put in a word is read as the cadre asked
            cadre_refused(text, f, note, conduct, declined, self.w("leader_roles"),
                          self.w("judicial_roles"))
        elif f.get("actor_role") == "司法人员":
            # the court asked (给法院打个招呼) is no actor: a cadre outside the courts asked is
            judicial_leaders = self.w("judicial_leader_roles")
            outside = [w for w in self.w("leader_roles") if w not in judicial_leaders]
            cadre_refused(text, f, note, conduct, declined, outside, self.w("judicial_roles"))
        elif f.get("actor_role") == "离退休司法人员":
            retired_refused(text, conduct, declined)
        f["conduct"] = conduct
        if policy and f.get("leading_organ") and not {"decide_case", "probe"} & set(conduct) \
                and not CASE_FILE_CALLED.search(query):
            # 你们研究一下，看怎么判: asking how the case will be judged is no study of policy
            f.setdefault("via_procedure", True)
        elif policy and WORK_REPORT.search(query) and not set(conduct) & BEYOND_LEARNING:
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
        if f.get("recused") is None and NOT_RECUSED.search(query):
            f["recused"] = False
        if APPROVAL_SCORNED.search(query):
            f["approved"] = False  # 就喝个茶，报什么批: no approval was sought
            f.pop("via_procedure", None)  # 走审批太麻烦: the 审批 named is the one skipped
            out.evidence.pop("via_procedure", None)
        if f.get("approved") and (after := APPROVED_AFTER.search(query)):
            # 见面两天后才补填审批表: R3 第六条's 审批手续 is a condition, unmet after the fact
            told = query[text.clause_start(after.start()):after.end()]
            f["approved"] = None if APPROVAL_GUESSED.search(told) else False
        if f.get("via_procedure") and self._procedure_of_overseers(text):
            del f["via_procedure"]  # 纪检组调取的微信记录显示: the inquiry's step, not the act's
        if not f.get("complaint") and [m for m in text.present(self.w("conduct", "complaint"))
                                       if self._complaint_about_officer(text, m)]:
            f["complaint"] = True  # the words of a complaint about an officer (R3 第九条)
        if f.get("retaliation"):
            self._personnel_action(text, query, f, weak)
        if cue("not_recorded", "conduct", "not_recorded"):
            f["recorded"] = False
            if TOLD_NOT_TO_RECORD.search(query):
                f["told_not_to_record"] = True  # 授意不记录 (R1 第十条, R2 第十一条): his own act
        if unprocedural := drop_false_cues("no_procedure", text.present(  # (以为要私下见面)
                self.w("conduct", "no_procedure")), text):
            note("via_procedure", unprocedural)
            f["via_procedure"] = False
        oral = text.present(self.w("conduct", "oral"))
        if f.get("written") is True:
            f["channel"] = "书面"
        elif oral:
            note("channel", oral)
            f["channel"] = "口头"
            f.setdefault("written", False) if f.get("written") is None else None
        # 没有亲属关系, 有没有关系: a tie denied or asked about is no tie (委托人: 托人 within it)
        tie = [m for m in text.present(self.w("conduct", "tie"))
               if not (m.word.startswith("托") and text.text[m.start - 1:m.start] == "委")]
        if "leak" in conduct and "plead" not in conduct and f.get("counterpart") is None \
                and all(m.word in FRIENDS for m in tie):
            # 把评议情况告诉了一个朋友: no party's side (R2 第九条第（四）项 is 通风报信 for a
            # party, its lawyers or kin; nor is a friend a 特殊关系人 of R3 第十四条)
            tie = []
        if "leak" in conduct and f.get("counterpart") is None and (
                target := told_to_its_target(query)):
            f["counterpart"] = "当事人"  # “明天冻你账户”: told to the one it is against
            note("counterpart", [target])
        if tie or ("plead" in conduct and "plead" not in weak):
            f["personal_tie"] = True
            note("personal_tie", tie)
        social = text.present(self.w("conduct", "social")) + [  # 钓过两次鱼: a verb split
            m for m in text.find_pattern("social") if not m.negated and not m.uncertain]
        work = [m for m in text.present(self.w("conduct", "work_purpose"))  # (在纪律委员会
                if not (m.word == "谈" and text.text[m.end:m.end + 1] == "话"  # 谈话时承认)
                        and INTERVIEWERS.search(text.text[:m.start]))
                and not TELLER_CHECKING.search(text.text[text.clause_start(m.start):m.start])]
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
        audience = [m for m in AUDIENCE.finditer(query) if not text.negated(m.start())]
        if audience:
            f["audience"] = True
            note("audience", [Match(m.group(), m.start(), m.end(), False) for m in audience])
        if UNVERIFIED_IDENTITY.search(query) and not PRINCIPAL_HIMSELF.search(query):
            f["identity_verified"] = False
        self._place_time(text, f, note)
        invited = INVITED.search(query)
        regimes = f.get("regimes")
        if invited and isinstance(regimes, list) and "R2" in regimes \
                and f.get("planned") is False \
                and f.get("counterpart") and "private_meeting" not in conduct \
                and not ARRANGEMENT_DOUBTED.search(query):
            # an insider invites the officer and a party or its lawyer is there on arrival: 邀请
            # 办案人员私下会见 (R2 第九条第（二）项), though the officer did not know
            conduct.append("private_meeting")
            note("private_meeting", [Match(invited.group(0), *invited.span(), False)])
        self._report(text, f, note)
        self._former(text, f, note)
        if f.get("recorded") is False and f.get("regimes") == ["R3"] and not f.get(
                "counterpart") and not f.get("complaint"):
            # an officer who failed to record an inquiry, no party or lawyer in view: the duty
            # to record is R2 第六条's, its breach R2 第十一条's, not a contact under R3
            f["regimes"] = ["R2"]
        if REPLY_TO_REQUEST.search(query) and not set(conduct) & BEYOND_LEARNING and \
                not f.get("complaint") and not f.get("former_officer"):
            # a superior organ's written reply to the handler's own 请示: guidance by 书面形式
            # through the procedure (R2 第四条), whoever else the story names
            f.update(regimes=["R2"], insider_relation="superior", written=True,
                     actor_role="上级司法机关人员", channel="书面")
            if "guidance" not in conduct:
                conduct.append("guidance")
            note("written", [Match(m.group(0), m.start(), m.end(), False)
                             for m in REPLY_TO_REQUEST.finditer(query)])
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

    def _decision_disclaimed(self, text: Text, actor: list[str]) -> list[Match]:
        """The disclaimers (由法院依法决定, 不发表意见; not an officer's silence, 法官没表态) when
        every word naming a decision on evidence, facts or judgment stands in a sentence holding
        one; else []."""
        disclaimers = [m for m in text.find_pattern("disclaimer") if not m.uncertain
                       and not recipients_silence(text.text, m.start, actor)]
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
        quoted = [m.span(1) for m in SCARE_QUOTE.finditer(query)]

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
                return bool(REQUESTED_OUTCOME.search(before))

            if hits and all((m.word in outcomes and not requested(m)) or labelled(m)
                            for m in hits):
                weak.append("plead")
        for name in ("private_meeting", "probe", "pass_materials"):
            hits = text.present(self.w("conduct", name))
            if name in conduct and hits and all(labelled(m) for m in hits):
                weak.append(name)
        return weak

    def _plea_words_describe_else(self, text: Text) -> bool:
        """Every plea word found is something else: 放了两箱, 已不起诉, 记过…的事, 笑着打招呼."""
        hits = text.present(self.w("conduct", "plead")) + [
            m for m in text.find_pattern("plead") if not m.negated and not m.uncertain]
        gifts = text.find_pattern("accept_benefit")
        outcomes = set(self.w("conduct", "outcome_words"))

        def reached(m: Match) -> bool:
            start = text.clause_start(m.start)
            return m.word in outcomes and bool(
                re.search(r"(已|已经)[^，。；]{0,4}$", text.text[start:m.start]))

        return bool(hits) and all(  # 认罪认罚从宽: a procedure's name; 记过: a record once kept
            reached(m) or text.text[max(m.start - 4, 0):m.start] == "认罪认罚"
            or plea_word_otherwise(text.text, text.clause_start(m.start), m.start, m.end)
            or any(g.start <= m.start and m.end <= g.end for g in gifts) for m in hits)

    def _papers_only_taken(self, text: Text) -> bool:
        """Every benefit word found is a verb of taking (收下, 收了) whose clause names a paper
        (证明, 材料, 申请书) and no gift: papers received, not a benefit accepted."""
        hits = text.present(self.w("conduct", "accept_benefit")) + [
            m for m in text.find_pattern("accept_benefit") if not m.negated and not m.uncertain]
        taking = ("收下", "收了", "收受")

        def a_paper(m: Match) -> bool:
            start, end = text.clause_start(m.start), CLAUSE_END.search(text.text, m.end)
            stop = end.start() if end else len(text.text)
            # 家属把证明连同申请交到窗口，民警登记后收下: a verb with no object of its own takes
            # what the clause or sentence before handed in (收下后登记了 too)
            bare = not text.text[m.end:stop].strip("了") or text.text[m.end:m.end + 1] == "后"
            clause = text.text[max(0, start - 40) if bare else start:stop]
            return m.word in taking and bool(PAPERS.search(clause))

        return bool(hits) and all(a_paper(m) for m in hits)

    def _heard_by_actor(self, match: Match) -> bool:
        """院长听说法官如实记录了……: someone in the story heard something and then acted; the
        account of what he did is not hearsay."""
        said = re.search(r"(听说|据说|据传|传言|传闻|听人说|风传|有传言)", match.word)
        before = match.word[:said.start()] if said else ""
        roles = (*self.w("judicial_roles"), *self.w("leader_roles"), *self.w("organ_leader_roles"))
        return any(role in before for role in roles)

    def _papers_to_overseers(self, text: Text) -> bool:
        """Every word of passing papers stands in a sentence whose papers go to the discipline
        department (写成材料交给纪检监察部门): a report (R3 第七条), not 转递涉案材料; or
        passes no papers at all (塞给他一个红包: a benefit; 让他周一来递材料: filing told)."""
        found = text.present(self.w("conduct", "pass_materials"))
        hits = [m for m in found
                if not (BENEFIT_HANDED.match(text.text, m.end) and "材料" not in m.word)
                and not FILE_BY_PROCEDURE.search(text.text[slice(*text.sentence_of(m.start))])
                and not PAPER_NAMED.match(text.text, m.end)]
        if found and not hits:
            return True
        sentences = {text.sentence_of(m.start) for m in text.find_pattern("reported")}
        return bool(hits) and all(text.sentence_of(m.start) in sentences for m in hits)

    def _procedure_of_overseers(self, text: Text) -> bool:
        """Every procedure word stands in a clause whose subject is the discipline or
        inquiry body (纪检组调取的记录, 监委核查时): how the facts were found, not a procedure
        the one who acted followed (R1 第三条, R2 第五条, R3 第六条)."""
        hits = text.present(self.w("conduct", "procedure"))  # 聊天记录已调取: evidence taken too
        return bool(hits) and all(OVERSEERS.search(text.text[text.clause_start(m.start):m.start])
                                  or EVIDENCE_TAKEN.search(text.text[:m.start]) for m in hits)

    def _directive(self, text: Text, note: object) -> bool:
        form = [m for m in text.find(self.w("conduct", "meeting_form"), negatable=False)
                + text.find(self.w("conduct", "document_form"), negatable=False)
            if text.text[m.end:m.end + 1] not in ("室", "厅", "桌")]  # 会议室: a room, no meeting
        opinion = [m for m in text.present(self.w("conduct", "opinion_words"))
                   if not URGES_LAW.match(text.text, m.end)
                   and not (m.word == "按照" and BY_A_RULE.match(text.text, m.end))
                   and not (m.word in ("不得", "不能") and NO_MEDDLING.match(text.text, m.end))]
        # 协调会 names the form, not a direction given in it: R1 第三条 permits 统筹协调
        strong = [m for m in text.present(self.w("conduct", "directive"))
                  if not any(x.start == m.start and x.end == m.end for x in form)
                  and not URGES_LAW.match(text.text, m.end)]
        if form and (opinion or strong):
            note("directive", [*form[:1], *(strong or opinion)[:2]])  # type: ignore[operator]
            return True
        return False
