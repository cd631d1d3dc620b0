"""Who acted, in what role, towards whom: the part of the fact reading that decides the regime
(R1 leading cadre, R2 insider, R3 contact) and the actor's role and relation (R2 第八条).

A mixin of ``liuhen.assessment.extractor.Extractor``: it reads the lexicon through ``self.w``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from liuhen.assessment.actor_patterns import (
    ACTS_AS_COUNSEL,
    AS_PARTY,
    BEFORE_A_SITTING,
    CALLED_HIM,
    CALLS_IN,
    COMPLAINT_INTENDED,
    INSIDER_ROLES,
    KIN_IS_PARTY,
    LEADING_ORGAN_ACTS,
    LETTER_IN,
    NAMED_COLLEAGUE,
    NOT_A_ROLE,
    NOT_APPROACHED,
    OFFICE_NAMED,
    ORGANS_OWN_LETTER,
    RECORDED,
    RELAYS,
    SEAT_THEN_TRADE,
    SENT_TO_THE_OFFICE,
    SHOWS_THE_TELLER,
    TURNS_TO,
    WRITTEN_TO,
    answered_by,
    counterpart_named,
    firm_title_of_own,
    former_officer_named,
    handles_case,
    named_again,
    organ_kind,
    party_is_his,
    party_stated,
    title_goes_on,
)
from liuhen.assessment.cue_patterns import COMPLAINT_CLEARED, NOT_YET_HEARD
from liuhen.assessment.facts import Counterpart, Relation
from liuhen.assessment.identity import SEATS, firm_role_in_case, title_leaves_open
from liuhen.assessment.instigation import staff_facts
from liuhen.assessment.lexicon import Match, Text
from liuhen.assessment.narration import (
    ADDRESSED,
    CAME_IN,
    RECEIVES,
    RECORD_HEADER,
    in_quotes,
    record_frame,
    scene_end,
)


class ActorReader:
    w: Callable[..., tuple[str, ...]]

    def _actor(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        record = note  # type: ignore[assignment]
        former = former_officer_named(text, w("former_words"))
        retired = text.find(w("retired_words"), negatable=False)
        counsel = ACTS_AS_COUNSEL.search(text.text)
        if retired and counsel:
            former = retired  # R3 第八条's 离任 includes leaving office on retirement
        if former and (counsel or re.search(  # (a retiree's 律师 is whom he sends the teller to)
                "代理|辩护" if retired else "律师|代理|辩护", text.text)):
            f.update(regimes=["R3"], former_officer=True, actor_role="离任司法人员")
            record("former_officer", former)  # type: ignore[operator]
            return
        kin = w("relative_words")
        judicial = [m for m in text.find(w("judicial_roles"), negatable=False)
                    if not self._outside_context(text, m)
                    and not text.text.startswith(tuple("的" + k for k in kin), m.end)]
        # 法官的姐夫来拜年: the role names whose relative came, the relative is who acts
        judicial = [  # 庭前法官: the judge before the hearing, a serving one (not 前法官)
            Match(m.word[1:], m.start + 1, m.end, m.negated) if m.word.startswith("前")
            and BEFORE_A_SITTING.match(text.text, max(0, m.start - 1)) else m for m in judicial]
        judicial += [  # 同庭的老王: a colleague named by a nickname is a colleague
            Match("同事", m.start(), m.end(), False) for m in NAMED_COLLEAGUE.finditer(text.text)]
        taken = {i for m in judicial for i in range(m.start, m.end)}
        judicial = sorted(judicial + [  # 公安分局副局长, 检察院一名科长: a judicial person
            m for m in text.find(w("leader_roles"), negatable=False)
            if m.word in w("judicial_leader_roles") and self._judicial_context(text, m)
            and not taken & set(range(m.start, m.end))] + [
            # 法院办公室一名内勤, 检察院的工作人员: who works in a judicial organ is an insider
            # (R2 第十三条 names 工作人员 of the organs), the word alone is not
            m for m in text.find(w("judicial_staff_words"), negatable=False)
            if self._judicial_context(text, m) and not taken & set(range(m.start, m.end))],
            key=lambda m: m.start)
        organs = text.find(w("judicial_organs"), negatable=False)
        approvers = text.find_pattern("approver")
        leaders = [m for m in text.find(w("leader_roles"), negatable=False)
                   if not self._judicial_context(text, m)
                   and not any(a.start <= m.start < a.end for a in approvers)
                   and not firm_title_of_own(text.text, m)
                   and not NOT_A_ROLE.search(text.text[max(0, m.start - 5):m.start])
                   and not (m.word in SEATS and SEAT_THEN_TRADE.match(text.text, m.end))]
        leading = text.find(w("leading_organ_words"), negatable=False)
        staff = [m for m in text.find(w("staff_words"), negatable=False)
                 if not text.text[max(0, m.start - 2):m.start].endswith(("国家", "机关"))]
        # 国家工作人员, 机关工作人员: a legal status, not someone's 身边工作人员
        relatives = text.find(w("relative_words"), negatable=False)
        # 没有通知书，也没有任何文件: no paper came, so none was sent in an organ's name (a
        # seal denied, 落款某镇党委但没有盖章, still leaves the name on the paper)
        org_name = [m for m in text.find(w("org_name_words"))
                    if not (m.negated and m.word in ("通知", "文件", "红头文件", "公函", "函件"))]
        outside_organs = [m for m in text.find(w("leader_organ_words"), negatable=False)
                          if not self._judicial_context(text, m)  # 审判委员会: the court's own
                          and text.text[max(0, m.start - 2):m.start] not in ("审判", "检察")]
        counterpart = self._counterpart(text)
        scene = scene_end(text.text, [m.start for m in [*leaders, *judicial, *organs, *leading]]
                           + ([counterpart[1].start] if counterpart is not None else []))
        if scene:
            # who acts is named in the main clause, not in the scene set before it
            leaders, judicial, organs, leading, outside_organs = (
                [m for m in found if m.start >= scene]
                for found in (leaders, judicial, organs, leading, outside_organs))
            counterpart = self._counterpart(text, scene)
        all_judicial = judicial
        body_start, body_end = record_frame(text.text)
        candidates = [*leaders, *judicial, *organs, *leading]
        if any(body_start <= m.start < body_end for m in candidates):

            def acting(m: Match) -> bool:
                if not body_start <= m.start < body_end:
                    return False
                received = RECEIVES.match(text.text, m.end)
                _, sentence_end = text.sentence_of(m.start)
                return received is None or not any(
                    m.end <= other.start < sentence_end and not text.negated(other.start)
                    for other in candidates)

            leaders, judicial, organs, leading = (
                [m for m in found if acting(m)] for found in (leaders, judicial, organs, leading))
            if body_start and counterpart is not None and counterpart[1].start < body_start:
                counterpart = self._counterpart(text, body_start)
        first = {
            "leader": leaders[0].start if leaders else None,
            "judicial": judicial[0].start if judicial else None,
            "organ": organs[0].start if organs else None,
            "leading": leading[0].start if leading else None,
            "counterpart": counterpart[1].start if counterpart else None,
        }
        narrators = text.find_pattern("narrator")
        told = [m for m in judicial if any(n.start <= m.start < n.end for n in narrators)]
        if told and leaders and first["judicial"] == told[0].start:
            # "我是承办法官 ... 县委副书记打电话": the narrator is the one approached
            rest = [m for m in judicial if m not in told]
            first["judicial"] = rest[0].start if rest and rest[0].start < leaders[0].start else None
            if first["organ"] is not None and first["organ"] < leaders[0].start:
                first["organ"] = None
        elif told and first["judicial"] == told[0].start and [m for m in judicial
                                                              if m not in told]:
            # "我是检察官。检察长…": the narrator is the one approached, not the actor
            first["judicial"] = next(m for m in judicial if m not in told).start
        present = {k: v for k, v in first.items() if v is not None}
        agent = min(present, key=lambda k: present[k]) if present else None
        recorder = text.present(RECORDED)
        if agent == "organ" and first["judicial"] is not None and (
                first["judicial"] - (first["organ"] or 0) <= 12):
            agent = "judicial"  # 县法院的法官: the person, not the organ, acts
        if recorder and leaders and agent == "judicial" and recorder[0].start < leaders[0].start:
            agent = "leader"  # the officer who recorded is not the one who intervened
        if agent in ("judicial", "organ") and any(
                CALLS_IN.match(text.text, m.end) and text.text[m.start - 1:m.start] not in "院庭"
                for m in leaders):  # 分管院领导打电话: a court's own leader, read as before
            agent = "leader"  # the cadre who called the officer acts, not the officer
        if leading and agent in ("judicial", "organ", "counterpart") and LEADING_ORGAN_ACTS.match(
                text.text, leading[0].end) and not WRITTEN_TO.search(text.text[:leading[0].start]):
            agent = "leading"  # 法院要强拆，区委政法委牵头协调: the organ that convenes acts
        if agent == "counterpart" and counterpart is not None and len(present) > 1 and (
                SHOWS_THE_TELLER.match(text.text, counterpart[1].end)
                or party_stated(text.text, counterpart[1])):
            agent = min((k for k in present if k != "counterpart"), key=lambda k: present[k])
        if agent == "counterpart" and leading and counterpart is not None and \
                text.text.startswith("是", counterpart[1].end):
            agent = "leading"  # 嫌疑人是某局长的侄子: who the party is, told in a 政法委's record
        if agent in ("counterpart", "organ") and counterpart is not None:
            turned = self._turns_to_party(text, counterpart[1], judicial)
            if turned is not None:
                agent, first["judicial"] = "judicial", turned.start
        complaint = [m for m in text.present(w("conduct", "complaint"))
                     if self._complaint_about_officer(text, m)]
        if complaint and (judicial or organs):
            f["regimes"] = ["R3"]
            f["complaint"] = True
            kind = counterpart[0] if counterpart and counterpart[1].start < complaint[0].start \
                else None
            f["actor_role"] = kind
            receiving = organ_kind(text.text[:complaint[0].start])
            reported = organ_kind(text.text[complaint[0].end:])
            if receiving and reported and receiving != reported:
                f["outside_jurisdiction"] = True
            record("complaint", complaint)  # type: ignore[operator]
            return
        if leading and agent in ("leading", "leader") and (
                agent == "leading" or (first["leading"] or 0) <= (first["leader"] or 0) + 6):
            f["leading_organ"] = True
            f["regimes"] = ["R1"]
            record("leading_organ", leading[:1])  # type: ignore[operator]
            f["actor_role"] = ("党政机关（以组织名义）" if org_name or self._meeting(text)
                               else "领导干部")
            return
        if agent == "leader":
            lead = leaders[0]
            firm_role = firm_role_in_case(text, lead)  # a party's firm, or an auction firm
            if AS_PARTY.search(text.text[lead.end:text.sentence_of(lead.start)[1]]) or firm_role:
                # 董事长以法定代表人的身份递交答辩状, 被执行人企业的董事长: a party, not a cadre
                role = firm_role or "当事人"
                f.update(regimes=["R3"], counterpart=role, actor_role=role)
                record("counterpart", [lead])  # type: ignore[operator]
                return
            f["regimes"] = ["R1"]
            record("actor", [lead])  # type: ignore[operator]
            if title_leaves_open(text, lead, text.find(w("leader_roles"), negatable=False)):
                f["identity_verified"] = False  # a deputy's seat, a village's own office
            if [m for m in retired if m.end <= lead.start or 0 <= m.start - lead.end <= 1]:
                f["retired"] = True  # 已经退休的原市委副书记
            tie = [m for m in [*staff, *relatives] if (0 <= m.start - lead.end <= 3
                   or title_goes_on(text.text[lead.end:m.start], w("leader_roles")))
                   and not KIN_IS_PARTY.match(text.text, m.end)]  # 镇长在其表哥涉嫌…案
            if tie:
                staff_facts(text, f, record, tie, w)
                relay = [m for m in judicial if m.start > tie[0].end
                         and m.word in w("judicial_leader_roles")
                         and RELAYS.match(text.text, m.end)]
                if relay:
                    # 秘书给副院长打电话……副院长随后约承办法官: the errand passed on inside the
                    # organ is its leader's own conduct under R2 (第九条)
                    f["regimes"] = ["R1", "R2"]
                    f["insider_relation"] = "own_leader"
                    record("relay", relay[:1])  # type: ignore[operator]
                return
            org = [m for m in org_name if m.start > lead.start]
            if org and any(x in text.text for x in ("名义", "公章", "盖章", "发函", "致函")):
                f["org_letter"] = True
                f["actor_role"] = "党政机关（以组织名义）"
                record("org_letter", org)  # type: ignore[operator]
            else:
                f["actor_role"] = "领导干部"
            return
        if outside_organs and org_name and (agent is None or outside_organs[0].start
                                            < min(present.values()) or any(
                ORGANS_OWN_LETTER.match(text.text, m.end) for m in outside_organs)):
            f["regimes"] = ["R1"]
            f["org_letter"] = True
            f["actor_role"] = "党政机关（以组织名义）"
            record("org_letter", org_name)  # type: ignore[operator]
            return
        if agent in ("judicial", "organ"):
            actor = next(m for m in (judicial if agent == "judicial" else organs)
                         if m.start == first[agent])
            # who took the call: named before the verb, or the record's writer (他接到)
            writer_received = re.search(r"(我|他|她)(接到|收到|接听|接了)", text.text[body_start:])
            receivers = [m for m in all_judicial if m not in judicial and m.start < actor.start
                         and (RECEIVES.match(text.text, m.end)
                              or (m.start < body_start and writer_received))]
            self._insider(text, f, record, actor, all_judicial, organs, counterpart,
                          receivers[-1] if receivers else None)
            return
        if agent in ("counterpart", "organ") and counterpart is not None:
            f["counterpart"] = counterpart[0]
            f["actor_role"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]
            f["regimes"] = ["R3"]

    def _turns_to_party(self, text: Text, party: Match, judicial: list[Match]) -> Match | None:
        """The judicial person who, in a later sentence than the party's first mention, turns
        to a party (内勤给被执行人打电话): the party named first only set the scene."""
        party_sentence = text.sentence_of(party.start)
        for m in judicial:
            if m.start < party.end or text.sentence_of(m.start) == party_sentence:
                continue
            found = self._counterpart(text, m.end)
            if found is None:
                continue
            gap = text.text[m.end:found[1].start]
            if len(gap) <= 10 and re.search(TURNS_TO, gap) and not re.search(r"[，。；“”]", gap):
                return m
        return None

    @staticmethod
    def _established(text: Text) -> bool:
        """The words say the facts were verified (经查, 查明, 经了解, 承认) and deny none (不属实);
        one point left unverified (饭后一起走的，这一点没有查实) leaves the rest verified, but a
        finding whose own sentence says the officer was not yet heard (尚未谈话) verifies none."""
        found = text.find_pattern("confirmed")  # (查明…不在场 clears the complaint instead)
        return any(not (m.negated or m.uncertain) and not NOT_YET_HEARD.search(
            text.text[slice(*text.sentence_of(m.start))]) for m in found) and \
            not COMPLAINT_CLEARED.search(text.text)

    def _complaint_about_officer(self, text: Text, match: Match) -> bool:
        """A complaint (R3 第九条) names an officer after it in its sentence or goes to a
        discipline department; 被人举报 (a party reported to the police) or 向领导反映 is not."""
        if OFFICE_NAMED.match(text.text, match.end) or text.text.startswith("答复", match.end):
            return False  # 信访局长, 信访办: an office's name; 信访答复: the organ's answer
        if COMPLAINT_INTENDED.search(text.text[text.clause_start(match.start):match.start]):
            return False  # 还说要去纪委反映, 准备向纪检组反映: a complaint not yet made
        if re.search(r"不属实|查无实据|不能成立|不予认定",
                     text.text[slice(*text.sentence_of(match.start))]):
            return False  # 反映…的问题，经核查不属实: a complaint cleared, not the account's frame
        if in_quotes(text.text, match.start) or self._established(text):
            # “有些情况想当面反映”: someone's words, not a complaint; 经查…属实, 他承认: what
            # was complained of is found, and read as the conduct itself
            return False
        header = RECORD_HEADER.match(text.text)
        if header and match.end <= header.end() and any(
                role in header.group(0) for role in self.w("judicial_roles")):
            # 检察官反映：…: the officer's own account of what was asked of him, a record of
            # an intervention (R1 第五条, R2 第六条), not a complaint about an officer
            return False
        if text.find(self.w("conduct", "report_discipline"), negatable=False):
            return True
        _, end = text.sentence_of(match.start)
        if re.match(r"[^。；“”]{0,6}[：:]", text.text[match.end:]) and not any(
                role in text.text[match.end:] for role in self.w("leader_roles")):
            # 实名举报信：“…”: the letter that follows is the complaint, of an officer's own
            # contact; a cadre or a 科长 who pleads is read by R1 or R2, not as R3 第九条's report
            end = len(text.text)
        after = text.text[match.end:end]
        return any(role in after for role in self.w("judicial_roles")
                   if role not in ("同事", "合议庭"))

    def _approached(self, text: Text, actor: Match, judicial: list[Match],
                    organs: list[Match]) -> Match | None:
        """The judicial person or organ the actor turns to (找、给、对、向、约、请 ... them)."""
        for m in sorted([*judicial, *organs], key=lambda x: x.start):
            if m.start <= actor.end or in_quotes(text.text, m.start) or text.negated(m.start) \
                    or NOT_APPROACHED.match(text.text, m.end) or named_again(text.text, actor, m) \
                    or SENT_TO_THE_OFFICE.search(text.text, max(0, m.start - 8), m.start):
                # what someone says (“周一到法院问”), someone not approached (没有叫书记员), a
                # report's recipient (纪检) or a place (到法院对面的咖啡馆): no one turned to
                continue
            # the verb that turns to someone stands in that person's clause
            before = text.text[max(actor.end, text.clause_start(m.start), m.start - 14):m.start]
            if re.search(r"(找到?|托|给|对|向|约|请|邀请?|问|叫|让|把|告诉|打电话|联系|发|跑到|"
                         r"加上?|添加|来到|赶到|回到|到|上门|登门|拦住|拉住|叫去|叫到|致电|打给|转告|转达|捎话|"
                         r"提醒|叮嘱|嘱咐|督促|批评|要求|责令|吩咐|授意|示意)",
                         before):
                return m
            if "跟" in before and m.word not in self.w("judicial_leader_roles") and re.match(
                    r"[^，。；]{0,8}(讲|说|提|打招呼|打电话|通话)", text.text[m.end:]):
                # 跟承办法官讲: spoken to, not someone gone along with; 跟所长讲了 is a report
                # up the line, not a turn to the one handling the case
                return m
            if m.word in ("同事", "合议庭"):
                return m
        return None

    def _insider(self, text: Text, f: dict[str, object], record: object, actor: Match,
                 judicial: list[Match], organs: list[Match], counterpart: tuple[str, Match] | None,
                 receiver: Match | None = None) -> None:
        w = self.w
        retired = text.find(w("retired_words"), negatable=False)
        # the officer who took the call or the visit (庭长…接到…检察长的电话) is the one approached
        target = self._approached(text, actor, judicial, organs) or receiver or \
            answered_by(text, actor, judicial)
        recorder = text.present(RECORDED)
        later = [m for m in judicial if m.start > actor.end]
        if recorder and actor.start < recorder[0].start < (later[0].start if later else 0):
            actor, target = later[0], actor  # the recorder first, the intervener after
        elif caller := next((m for m in later if CALLED_HIM.match(text.text, m.end)), None):
            actor, target = caller, actor  # 法官讲：副局长给他打电话: who called him acts
        record("actor", [actor])  # type: ignore[operator]
        heading = RECORD_HEADER.match(text.text)
        addressed_me = ADDRESSED.search(text.text) or (  # the teller named before: 给他
            CALLED_HIM.match(text.text, actor.end) and any(m.start < actor.start for m in judicial)
        ) or (
            heading is not None and bool(heading.group(0))
            and CAME_IN.search(text.text, heading.end()) is not None
            and any(role in heading.group(0) for role in w("judicial_roles")))
        pleads = bool(text.present(w("conduct", "plead")) or [
            m for m in text.find_pattern("plead") if not m.negated and not m.uncertain])
        colleague = text.find(w("colleague_words"), negatable=False)
        if retired:
            f["retired"] = True
            record("retired", retired)  # type: ignore[operator]
        if counterpart is not None:
            f["counterpart"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]
        # a leader's words written on the case's own approval form (审批表上批示): supervision
        # inside the organ's procedure, whoever the case's parties are (R2 第四条)
        on_the_form = bool(text.find_pattern("written")) and bool(
            re.search(r"(审批表|审批单|呈批表|审签表|审查报告|审理报告)", text.text))
        leader_alone = (target is None and (counterpart is None or on_the_form)
                        and actor.word in w("judicial_leader_roles")
                        and bool(text.find(w("conduct", "guidance"))
                                 or text.find(w("conduct", "written"))
                                 or text.find(w("conduct", "oral")) or on_the_form))
        on_behalf = counterpart is not None and actor.start < counterpart[1].start and bool(
            re.search(r"(替|为|帮)[^，。；]{0,3}$", text.text[:counterpart[1].start]))
        # written or oral guidance from above with no party in the story: supervision (R2 第四条)
        supervising = (counterpart is None or in_quotes(text.text, counterpart[1].start)) and bool(
            text.present(w("conduct", "written")) or text.present(w("conduct", "guidance"))) and \
            self._relation(text, actor, None, colleague) in ("own_leader", "superior")
        on_behalf = on_behalf or party_is_his(text.text, actor.end, w("relative_words"))
        own = counterpart is not None and not pleads and handles_case(text.text, actor, judicial)
        if not own and (target is not None or addressed_me or retired or leader_alone or (
                pleads and on_behalf) or supervising):
            # an insider pleading for a party pleads to those handling the case (R2 第九条)
            regimes = ["R2"]
            relation = self._relation(text, actor, target, colleague)
            if retired and relation == "own_leader":
                relation = "colleague"  # a retiree holds no office: not 本机关领导干部
            f["insider_relation"] = relation
            f["actor_role"] = INSIDER_ROLES.get(relation or "", "司法机关内部人员")
            if retired:
                f["actor_role"] = "离退休司法人员"
            elif self._organ_leader(text, actor):
                # R1 第十二条 names 审判机关、检察机关 and 行政机关 among the organs whose leading
                # cadres it governs: the head of a court, a procuratorate or a police bureau
                # is a 领导干部 as well as an insider (read beside R2, verdict.judge)
                f["organ_leader"] = True
                record("organ_leader", [actor])  # type: ignore[operator]
            if counterpart is not None and text.present(w("conduct", "unplanned")) and (
                    text.find(w("conduct", "non_workplace"), negatable=False)
                    or text.find(w("conduct", "non_work_time"), negatable=False)):
                regimes.append("R3")
            f["regimes"] = regimes
            return
        if actor.word in w("judicial_staff_words"):
            # a clerk, a driver, an office's staff: 在法院…工作的人员 (R2 第十三条), but not the
            # 司法人员 of R3 第十四条 (依法履行审判、执行、检察、侦查、监管职责的人员)
            f["regimes"] = ["R2"]
            f["actor_role"] = "司法机关内部人员"
            f["insider_relation"] = "colleague" if colleague else None
            f["staff_only"] = True
            return
        f["regimes"] = ["R3"]
        f["actor_role"] = "司法人员"

    def _organ_leader(self, text: Text, actor: Match) -> bool:
        """The actor heads the organ, or is one of its deputy heads (院长, 检察长, 局长 and their
        deputies); the head of a division inside it (执行局长 of a court) is not."""
        return actor.word in self.w("organ_leader_roles") and not re.search(
            r"(执行局?|庭|处|科|室|所|队)$", text.text[max(0, actor.start - 3):actor.start])

    def _relation(self, text: Text, actor: Match, target: Match | None,
                  colleague: list[Match]) -> Relation | None:
        w = self.w
        start, _ = text.sentence_of(actor.start)
        before_actor = text.text[start:actor.end]
        if target is not None and target.start < actor.start:
            after = text.text[text.sentence_of(target.start)[0]:target.end]  # told first
        else:
            after = text.text[actor.end:target.end] if target is not None else \
                text.text[actor.end:]
        whole = text.text
        actor_organ = organ_kind(before_actor)
        target_organ = organ_kind(after, target.word if target is not None else None)
        if actor_organ and target_organ and actor_organ != target_organ:
            return "unrelated"  # a court and a police force: no line of supervision
        lower = re.search(r"(下辖|下级|下属|辖区|县|区|基层)", after) or (
            re.search(r"高院|高级人民法院", before_actor) and re.search(r"中院|中级", after))
        if any(x in before_actor for x in w("superior_words")) and (lower or re.search(
                r"(下辖|下级|下属|基层(人民)?(法院|检察院))", whole)):
            return "superior"
        if any(x in whole for x in w("unrelated_words")):
            return "unrelated"
        if actor.word in w("judicial_leader_roles") or any(
                x in before_actor for x in ("院长", "检察长", "分管", "主管", "局长")):
            return "own_leader"
        if not colleague and LETTER_IN.search(whole):
            return "unrelated"  # 看守所来函, 某区法院执行局来函: an organ writing in from outside
        if colleague or target is not None or actor_organ == target_organ:
            return "colleague"
        return None

    def _judicial_context(self, text: Text, match: Match) -> bool:
        """A role word such as 院长 or 局长 inside a judicial organ (法院院长, 公安局局长)."""
        if match.word in ("书记",) and text.text[match.end:match.end + 1] == "员":
            return True
        start = text.clause_start(match.start)
        before = text.text[max(start, match.start - 14):match.start]
        # 公安局大队长接到副县长的电话: the organ before the verb is the receiver's, not his
        before = re.split(r"接到|收到|接听|找到|被(?!告|执行|申请|害|上诉)|把|将", before)[-1]
        judicial = [before.rfind(o) for o in self.w("judicial_organs") if o in before]
        outside = [before.rfind(o) for o in self.w("leader_organ_words") if o in before
                   and o not in ("局", "办公室", "委员会")]
        if match.word in ("院长", "副院长", "政委", "所长") and not outside:
            return "医院" not in before and "学院" not in before
        return bool(judicial) and (not outside or max(judicial) > max(outside))

    def _outside_context(self, text: Text, match: Match) -> bool:
        before = text.text[max(0, match.start - 3):match.start]
        return "律" in before

    def _counterpart(self, text: Text, after: int = 0) -> tuple[Counterpart, Match] | None:
        return counterpart_named(text, self.w, after)

    def _meeting(self, text: Text) -> bool:
        return bool(text.find(self.w("conduct", "meeting_form"), negatable=False))
