"""From facts to findings: which provision is met, and whether as a violation, as lawful conduct
or undetermined for want of a fact (data/eval/GUIDE.md section 4).

A finding names a provision rule of ``data/legal/rules.json``. The verdict is ``violation`` when
any finding is one, else ``undetermined`` when any waits for a fact, else ``lawful``. A word
alone never makes a violation: each needs the actor governed and the conduct the text describes.
"""

from __future__ import annotations

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.facts import Facts
from liuhen.assessment.findings import (
    EXPLICIT_CONDUCT,
    OWN_DUTY_RULES,
    R1_ITEMS,
    R2_ITEMS,
    R3_ITEMS,
    Finding,
    Findings,
    Status,
    Verdict,
    both_paths,
    conduct_of,
    drop_violation_triggers,
    lawful_signs,
    personnel_action_by_procedure,
    stated_conduct,
)
from liuhen.assessment.routine_report import routine_findings
from liuhen.assessment.verdict_contact import contact_findings, unapproved_outing

__all__ = ["EXPLICIT_CONDUCT", "OWN_DUTY_RULES", "R1_ITEMS", "R2_ITEMS", "R3_ITEMS", "Finding",
           "Findings", "Status", "Verdict", "drop_violation_triggers", "judge", "lawful_signs",
           "stated_conduct"]


# The contact conduct R2 第九条 does not name: only R3 第五条 speaks of it.
_CONTACT_ONLY = frozenset({"borrow", "accept_benefit", "recommend_lawyer", "collusion"})
_ASKS_OF_HANDLING = frozenset({"directive", "guidance", "decide_case", "plead", "private_meeting",
                               "other"})  # asks something of the handling (not 了解案情)
_ASKING_ONLY = frozenset({"learn_case", "probe"})  # a question about the case, nothing asked


def judge(facts: Facts) -> Findings:
    """The findings for ``facts``."""
    if (routine := routine_findings(facts)) is not None:
        return routine  # an organ's R1 第七条 reporting, and nothing else told
    items: list[Finding] = []
    triggers: set[str] = set()
    beside_r2 = bool(facts.organ_leader) and "R2" in (facts.regimes or [])
    for regime in facts.regimes or []:
        if regime == "R1" and beside_r2:
            continue  # read from R2's findings below
        if regime == "R1":
            items += _r1(facts, triggers)
        elif regime == "R2":
            items += _r2(facts, triggers)
        else:
            items += contact_findings(facts, triggers)
    leak_to_whom = "leak" in stated_conduct(facts) and facts.counterpart is None \
        and facts.actor_role in ("司法人员", "司法机关内部人员") and facts.via_procedure is not True
    if items and ((all(f.weak or f.status == "context" for f in items) and facts.counterpart)
                  or leak_to_whom) \
            and "R3" not in (facts.regimes or []) and stated_conduct(facts) & set(R3_ITEMS):
        # the conduct stated is a contact's (R3 第五条: a leak, a benefit, a loan, a lawyer
        # recommended) with a party or lawyer: read it under R3 too; an officer's leak to one
        # the words tie to no party (跟丈夫说了) is no lawful inquiry of R2 but 第五条's
        # question, to whom (GUIDE section 4)
        items += contact_findings(facts, triggers)
        if leak_to_whom:
            items = [f for f in items if f.rule != "R2-6"]
    elif unapproved_outing(facts):  # (约当事人到茶楼了解情况，没报批: R3 第六条's, not R2's)
        items = [f for f in items if f.rule != "R2-6"] + contact_findings(facts, triggers)
    if facts.retaliation and ("retaliation" not in (facts.weak_conduct or []) or (
            facts.recorded and personnel_action_by_procedure(facts))) \
            and not {"R1", "R2"} & set(facts.regimes or []):
        # 打击报复 of a recorder, or a move or sanction of one who recorded, with a procedure
        # stated: R2 第七条's question, never R3's
        items += _r2(facts, triggers)
    if facts.recused and "R3" not in (facts.regimes or []) and all(
            f.weak or f.status == "context" for f in items):
        # 自行回避 (R3 第四条) whoever tells it, nothing else stated: the contact rules read it
        items = contact_findings(facts, triggers)
    if facts.staff_only and "R3" not in (facts.regimes or []) and \
            stated_conduct(facts) & _CONTACT_ONLY:
        # a loan, a gift, a lawyer recommended by an organ's clerk: R3 第五条's conduct, but
        # whether the clerk is one of R3 第十四条's 司法人员 the words do not tell
        items = [f for f in items if f.rule != "R2-6"]
        if not any(f.rule.startswith("R3-") for f in items):
            items += contact_findings(facts, triggers)
        for finding in items:
            if finding.status == "violation" and finding.rule.startswith("R3-"):
                finding.status = "undetermined"
                finding.missing = [unknown.JUDICIAL_DUTY]
        triggers -= {"R3.violation", "R3.contact_violation"}
        if not any(f.status == "violation" for f in items):
            drop_violation_triggers(triggers)
    decided = [f for f in items if not f.weak and f.status != "context"]
    if decided and any(f.weak for f in items):
        # a regime's fallback (no conduct of its own found) gives way to another regime's
        # finding on the conduct the words state
        items = [f for f in items if not f.weak]
    if facts.identity_verified is False and any(f.status == "violation" for f in items):
        # who acted decides the regulation (R1 第十二条, R2 第十三条): a claim establishes none
        for finding in items:
            if finding.status == "violation":
                finding.status = "undetermined"
                finding.missing = [unknown.IS_LEADER if "R1" in (facts.regimes or [])
                                   else unknown.WHO]
        drop_violation_triggers(triggers)
    if facts.retired and "R1" in (facts.regimes or []) and any(
            f.status == "violation" for f in items):
        # R1 第十二条 names serving cadres; unlike R2 第十三条第二款 it says nothing of retirees
        for finding in items:
            if finding.status == "violation":
                finding.status = "undetermined"
                finding.missing = [unknown.IS_LEADER]
        drop_violation_triggers(triggers)
    if facts.hearsay and any(f.status == "violation" for f in items):
        # GUIDE section 4: a situation told as hearsay is undetermined until verified.
        for finding in items:
            if finding.status == "violation":
                finding.status = "undetermined"
                finding.missing = [unknown.REPORT_TRUE]
        drop_violation_triggers(triggers)
    elif both_paths(facts, items):
        # The words show a lawful path (a procedure, no opinion on the outcome, no specific
        # case) and no conduct the text prohibits outright: R1 第三条 / R2 第五条 turn on the
        # procedure and nothing decided; never a violation from a synonym (GUIDE section 4).
        missing = [unknown.LEGAL_PROCEDURE] + (
            [] if facts.decision is False else [unknown.DECISION])
        if facts.specific_case is False:
            missing.append(unknown.SPECIFIC_CASE)
        for finding in items:
            if finding.status == "violation" and finding.rule not in OWN_DUTY_RULES:
                finding.status = "undetermined"
                finding.missing = missing
        drop_violation_triggers(triggers)
    if beside_r2:
        items += _r1_beside_r2(facts, items, triggers)
    return Findings(items, triggers)


# An insider's conduct under R2 第九条 and the item of R1 第八条 that describes the same act.
# 转递涉案材料 and 打探案情 have no item of their own in R1 第八条: they fall to its 第（五）项.
R2_TO_R1 = {"R2-9-1": "R1-8-1", "R2-9-2": "R1-8-2", "R2-9-3": "R1-8-5", "R2-9-4": "R1-8-5",
            "R2-9-5": "R1-8-5", "R2-7": "R1-6", "R2-11": "R1-10"}


def _r1_beside_r2(facts: Facts, items: list[Finding], triggers: set[str]) -> list[Finding]:
    """A court's, procuratorate's or police bureau's head or deputy head is a 领导干部 of R1
    第十二条 as well as an insider of R2 第十三条: each R2 finding on prohibited conduct,
    retaliation or an unrecorded request is also one of R1 (same status, same missing facts).
    R2 第四条's lawful supervision has no counterpart in R1 and adds nothing."""
    out: list[Finding] = []
    seen: set[str] = set()
    for finding in items:
        rule = R2_TO_R1.get(finding.rule)
        if rule is None or finding.weak or finding.status not in ("violation", "undetermined") \
                or rule in seen:
            continue
        seen.add(rule)
        out.append(Finding(rule, finding.status, list(finding.missing), list(finding.because)))
    if not any(f.rule.startswith("R1-8-") for f in out):
        # R1 第十条 is about not recording a 领导干部's 干预: an unrecorded inquiry that
        # interferes with nothing is R2 第十一条's alone
        out = [f for f in out if f.rule != "R1-10"]
    if not out:
        return out
    triggers.add("R1.any")
    if any(f.rule.startswith("R1-8-") for f in out):
        triggers.add("R1.interference")
    if any(f.rule.startswith("R1-8-") and f.status == "violation" for f in out):
        triggers.add("R1.8.violation")
    if any(f.rule == "R1-6" and f.status == "violation" for f in out):
        triggers.add("R1.retaliation")
    if facts.recorded or facts.retaliation:
        triggers.add("R1.recorder")
    if any(f.rule == "R1-10" and f.status == "violation" for f in out):
        triggers.add("R1.not_recorded")
    return out


def _r1(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = conduct_of(facts)
    out: list[Finding] = []
    triggers.add("R1.any")
    stated = stated_conduct(facts)
    if facts.specific_case is False and not (
            {"plead", "private_meeting", "decide_case"} & stated) and not (
            facts.via_staff and stated):
        # No case was concerned (R1 第八条 is about 案件处理): policy and coordination, or a
        # secretary's errand that asked nothing of one (问的是饭馆地址，没提任何案子)
        out.append(Finding("R1-3", "lawful", because=["specific_case"]))
    elif facts.leading_organ and not ({"plead", "private_meeting"} & stated):
        if "decide_case" in conduct:
            out += [Finding("R1-8-5", "violation", because=["decide_case"]),
                    Finding("R1-3-limit", "context")]
        elif "plead" in (facts.declined or []) and facts.refused and not conduct & {
                "plead", "probe", "directive", "pass_materials", "guidance"}:
            # the leader of a leading organ asked to put in a word, who refused: he did nothing
            # to the case, which R1 第三条 leaves to the organs' own procedure
            out.append(Finding("R1-3", "lawful", because=["leading_organ", "declined"]))
        elif facts.via_procedure or (facts.decision is False and (
                facts.written or "learn_case" in conduct or "directive" in conduct
                or facts.actor_role == "党政机关（以组织名义）"
                or "probe" in (facts.declined or []))) or (  # (没对…怎么判说一个字)
                facts.urged_lawful_handling and facts.decision is not True
                and not facts.personal_tie and not conduct & {"probe", "pass_materials"}):
            # by work procedure, or a written request, an inquiry or a meeting whose words
            # leave the evidence, facts and judgment to the judicial organs (「统筹协调依法处理
            # 工作」 with no 「具体决定」: GUIDE 4); a leader's private call stays open
            out.append(Finding("R1-3", "lawful", because=["leading_organ", "via_procedure"]))
        elif facts.reports_only is True and not conduct & {"probe", "other"}:
            # asking only for a report (请核实后书面回复): 「了解案件情况」「督促司法机关依法
            # 履行职责」, nothing asked of the handling
            out.append(Finding("R1-3", "lawful", because=["leading_organ", "reports_only"]))
        else:
            out += [Finding("R1-3", "undetermined", [unknown.PROCEDURE, unknown.DECISION],
                            because=["leading_organ"]),
                    Finding("R1-8-5", "context")]
    else:
        items: list[str] = []
        if facts.via_staff:
            items.append("via_staff")
        elif "directive" in conduct or (facts.org_letter and conduct & {"plead", "decide_case"}):
            items.append("directive")
        if "private_meeting" in conduct and "via_staff" not in items:
            items.append("private_meeting")
        if "plead" in conduct and not items:
            items.append("plead")
        if ("other" in conduct or "collusion" in stated or (
                "leak" in stated and not facts.org_letter)) and not items:
            # (评议笔录复印给他，转手发给当事人; 让评估公司往低里估: 妨碍司法公正)
            items.append("other")
        declined = set(facts.declined or [])
        filed = {"pass_materials"} if facts.at_workplace else set()
        only_asked = bool(conduct) and conduct <= _ASKING_ONLY and not facts.personal_tie \
            and not facts.plea_outcome_only  # 书记让我问问那个案子: 第（三）项 needs a plea
        if facts.via_staff and "plead" in declined and not items[1:] and not conduct & {
                "plead", "decide_case", "pass_materials", "probe"} - filed:
            # 没有提任何要求: 第八条第（三）项 needs a plea made through the staff or relative
            # (papers handed in at the court's hall are the case's own filing)
            out.append(Finding("R1-8-3", "lawful", because=["declined"]))
            items = []
        elif facts.via_staff and (facts.instigated is not True or only_asked):
            asked = [unknown.PLEA, unknown.PROCEDURE] if facts.instigated else [unknown.INSTIGATED]
            out.append(Finding("R1-8-3", "undetermined", asked, because=["via_staff"]))
            items = []
        elif not items and not out and facts.via_procedure and not (
                conduct & {"decide_case", "probe"}) and facts.personal_tie is not True \
                and not facts.retaliation:  # (the procedure of a transfer: 第六条's question)
            # a formal request by procedure, naming no conduct of 第八条
            out.append(Finding("R1-3", "lawful", because=["via_procedure"]))
        elif not items and not out:
            relevant = conduct & {"plead", "private_meeting", "directive", "decide_case",
                                  "pass_materials", "learn_case", "guidance", "probe"}
            # papers passed on (a letter forwarded) ask nothing of the case by themselves
            only_asking = bool(relevant) and relevant <= {"learn_case", "guidance", "probe",
                                                          "pass_materials"}
            items = ["other"]
            if not relevant and ("plead" in declined or (facts.refused and declined & {
                    "probe", "private_meeting"})):
                # asked to plead or to find out, and did not (托他打听, 他只字未提): nothing of
                # 第八条 was done
                out.append(Finding("R1-8-1" if "plead" in declined else "R1-8-5", "lawful",
                                   because=["declined"]))
                items = []
            elif facts.urged_lawful_handling and facts.decision is not True and (
                    (relevant <= {"learn_case", "guidance", "pass_materials"} and
                    facts.decision is False) or (relevant <= {"learn_case", "guidance", "probe",
                    *(["pass_materials"] if facts.org_letter else [])}
                    and not facts.personal_tie)):
                # “公安依法办”，没有提任何具体要求: asking only that the law be followed and
                # saying nothing of the outcome does nothing of 第八条 (a letter forwarded
                # with it, 转…依法处理, included; so does asking how far a case has got, for
                # no one the words tie to the cadre)
                out.append(Finding("R1-8-5", "lawful", because=["urged_lawful_handling"]))
                items = []
            elif facts.audience and relevant <= {"guidance", "learn_case"} and (
                    not relevant or facts.decision is False
                    or declined & {"guidance", "decide_case", "probe"}) \
                    and not facts.content_unheard:
                # 旁听公开庭审, 受邀担任听证员: what the public may do; with nothing asked of the
                # case (no outcome spoken of) none of 第八条's acts is done (unless what he
                # said to the judge after it no one heard)
                out.append(Finding("R1-8-5", "lawful", because=["audience"]))
                items = []
            elif only_asking:
                # only an inquiry (过问): whether it went beyond learning is open (a missing record
                # is 第十条's), unless it is the past a recorder's lawful transfer is told against
                if not (facts.retaliation and facts.lawful_ground and facts.recorded):
                    out.append(Finding("R1-8-5", "undetermined", [unknown.CONDUCT],
                                       because=["learn_case"]))
                items = []
            elif not relevant:
                # a leading cadre named and no conduct stated: 第八条第（五）项's 其他违法干预
                # is a judgement on conduct, never made from who someone is alone
                out.append(Finding("R1-8-5", "undetermined", [unknown.CONDUCT], weak=True))
                items = []
        out += [Finding(R1_ITEMS[i], "violation", because=[i]) for i in items]
    interfered = [f for f in out if f.rule.startswith("R1-8-")]
    unrecorded = facts.recorded is False or facts.told_not_to_record
    if unrecorded and interfered and all(f.status == "undetermined" for f in interfered) and (
            facts.content_unheard or (not facts.told_not_to_record and all(
                unknown.CONDUCT in f.missing for f in interfered))):
        # R1 第十条 is failing to record 干预 (第五条: 对领导干部干预司法活动、插手具体案件处理的
        # 情况…记录): whether there was any is the open question
        out.append(Finding("R1-10", "undetermined", [unknown.CONDUCT], because=["recorded"]))
    elif unrecorded and not ((facts.reports_only is True or facts.specific_case is False)
                             and out and all(f.status == "lawful" for f in out)):
        # (a leading organ's letter asking only for a report, lawful under 第三条, or a call
        # that 没提任何案子, is no 干预 that R1 第十条 punishes leaving unrecorded)
        out.append(Finding("R1-10", "violation", because=["recorded"]))
        triggers.add("R1.not_recorded")
    if facts.retaliation and personnel_action_by_procedure(facts) and facts.lawful_ground:
        out.append(Finding("R1-6", "lawful", because=["lawful_ground"]))
    elif facts.retaliation and personnel_action_by_procedure(facts):
        out.append(Finding("R1-6", "undetermined", [unknown.LAWFUL_CAUSE], because=["retaliation"]))
    elif facts.retaliation:
        out.append(Finding("R1-6", "violation", because=["retaliation"]))
        triggers |= {"R1.retaliation", "R1.recorder"}
    if facts.recorded or facts.retaliation:
        triggers.add("R1.recorder")
    statuses = {f.status for f in out if f.rule != "R1-3"}
    if out and not all(f.status == "lawful" for f in out) and (
            statuses & {"violation", "undetermined"}):
        triggers.add("R1.interference")
        if facts.org_letter or facts.via_staff:
            triggers.add("R1.org_or_staff")
        if facts.managed_by == "上级党委":
            triggers.add("R1.managed_by_superior")
        elif facts.managed_by == "其他党组织":
            triggers.add("R1.managed_by_other")
    if any(f.rule.startswith("R1-8-") and f.status == "violation" for f in out):
        triggers.add("R1.8.violation")
    if _letter_asks_of_case(facts):
        triggers.add("R1.org_letter_request")
    return out


def _letter_asks_of_case(facts: Facts) -> bool:
    """A letter or document in an organisation's name that asks something of a case's
    handling. R1 第五条第二款 has it recorded with its materials whatever the verdict: the
    paragraph makes interference the condition for a cadre's staff and relatives only
    ("以组织名义向司法机关发文发函对案件处理提出要求的，或者领导干部身边工作人员、亲属干预司法活动…").
    Only learning about a case (了解案件情况) asks nothing of its handling."""
    by_organisation = facts.org_letter or facts.actor_role == "党政机关（以组织名义）"
    if facts.reports_only is not None:  # the words say whether only a report was asked
        asks = not facts.reports_only
    else:
        asks = bool(stated_conduct(facts) & _ASKS_OF_HANDLING or facts.urged_lawful_handling)
    return bool(by_organisation and facts.written and facts.specific_case is not False and asks)


def _r2(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = conduct_of(facts)
    relation = facts.insider_relation
    tie = bool(facts.personal_tie)
    out: list[Finding] = []
    triggers |= {"R2.any", "R2.inquiry"}
    improper: list[str] = []
    supervisory = relation in ("own_leader", "superior")
    # 阅核意见栏写明理由…维持原判: an outcome word only weakly read, in guidance written by a
    # leader of the organ, is 第四条's 以书面形式提出 the 指导性意见, not a plea
    # (or an outcome word alone said and recorded, for no one he is tied to: 第四条's 口头提出的，
    # 由办案人员记录在案)
    written_guidance = supervisory and (facts.written is True or (
        facts.written is False and facts.recorded is True and not tie
        and facts.plea_outcome_only is True)) and "plead" in (facts.weak_conduct or [])
    if "private_meeting" in conduct and facts.approved is not True:
        # (a meeting the organ approved, 审批单 naming place and people, is no 私下会见)
        improper.append("private_meeting")
    if "pass_materials" in conduct and (tie or facts.via_procedure is False):
        improper.append("pass_materials")
        triggers.add("R2.materials")
    if "plead" in conduct and not written_guidance:
        improper.append("plead" if tie or relation in ("colleague", "unrelated", None)
                        else "other")
    if "probe" in conduct and tie and not improper:
        improper.append("probe")
    if "other" in conduct and not improper:
        improper.append("other")
    if "leak" in conduct and not improper and (
            tie or (facts.counterpart and facts.via_procedure is not True)):
        improper.append("probe")  # 通风报信 to a party or its lawyer is done for the party
    if improper == ["other"] and supervisory and not tie and facts.counterpart is None \
            and not conduct - {"other", "learn_case", "guidance", "probe", "leak"}:
        # the organ's own leader (or a superior) who has a case's papers shown to him, with no
        # party in the story: 第四条 gives him 领导、监督职责 over the case, and whether this
        # went beyond them the words do not say (第九条第（五）项 is 其他影响…公正处理)
        out.append(Finding(R2_ITEMS["other"], "undetermined", [unknown.CONDUCT],
                           because=["other"]))
    elif improper == ["plead"] and facts.plea_outcome_only and facts.counterpart and not tie \
            and not conduct - {"plead", "learn_case", "guidance"}:
        # an outcome word alone (取保, 缓刑) beside a party or its lawyer: whether it was the
        # party's request to the officer or the insider's plea for the party, the words do
        # not say (第九条第（一）项 is the insider's 说情)
        out.append(Finding(R2_ITEMS["plead"], "undetermined", [unknown.CONDUCT],
                           because=["plead"]))
    elif improper == ["private_meeting"] and facts.counterpart is None and not tie \
            and facts.purpose == "social" and not conduct - {"private_meeting"}:
        # 回庭里找老同事喝茶: a meal or tea among colleagues, no party, lawyer or kin at it;
        # 第九条第（二）项 is inviting officers to meet those privately, which the words do not say
        out.append(Finding(R2_ITEMS["private_meeting"], "undetermined", [unknown.CONDUCT],
                           because=["private_meeting"]))
    elif improper:
        out += [Finding(R2_ITEMS[i], "violation", because=[i]) for i in improper]
    elif facts.refused and (refused := [c for c in ("plead", "pass_materials", "probe")
                                        if c in (facts.declined or [])]) and \
            not conduct - {"learn_case"} and not facts.retaliation:
        # asked to put in a word or to carry papers (邻居托他去说情, 让表弟把证言递给法官) and
        # refused: 第九条's items are the insider's own acts, and none was done
        out.append(Finding(R2_ITEMS[refused[0]], "lawful", because=["declined"]))
    elif supervisory and ("guidance" in conduct or "decide_case" in conduct
                          or facts.written is not None):
        if "decide_case" in conduct and facts.written is not True:
            out.append(Finding("R2-9-5", "violation", because=["decide_case"]))
        elif facts.written:
            out.append(Finding("R2-4", "lawful", because=["written"]))
        elif facts.written is False and facts.recorded:
            out.append(Finding("R2-4", "lawful", because=["channel", "recorded"]))
            triggers.add("R2.oral_guidance")
        elif facts.written is False and facts.recorded is None:
            out.append(Finding("R2-4", "undetermined", [unknown.ORAL_RECORDED],
                               because=["channel"]))
            triggers.add("R2.oral_guidance")
        elif facts.written is None and facts.recorded:
            # written or oral, it is on the record: 第四条 is met either way
            out.append(Finding("R2-4", "lawful", because=["recorded"]))
        elif facts.written is None:
            out.append(Finding("R2-4", "undetermined", [unknown.WRITTEN, unknown.ORAL_RECORDED]))
    elif relation == "unrelated" and (conduct & {"learn_case", "probe", "guidance"}
                                      or facts.via_procedure):
        if facts.via_procedure:
            out.append(Finding("R2-5", "lawful", because=["via_procedure"]))
        elif facts.via_procedure is False and tie:
            # 第九条第（四）项 is probing *for a party*: without that tie it is 第五条's question
            out.append(Finding("R2-9-4", "violation", because=["via_procedure"]))
        else:
            out.append(Finding("R2-5", "undetermined",
                               [unknown.LEGAL_DUTY, unknown.LEGAL_PROCEDURE]))
    elif relation in ("colleague", None) and facts.via_procedure and not conduct and not tie:
        # 通过法律文书发出《补充侦查提纲》, 出具调取证据通知书, 按提押工作程序打电话确认开庭日期:
        # a document, system or call of the procedure and nothing asked beside it, 第五条's
        # 依照法律程序或者工作程序
        out.append(Finding("R2-5", "lawful", because=["via_procedure"]))
    elif "probe" in conduct and facts.personal_tie is None and relation in ("colleague", None) \
            and facts.via_procedure is not True:
        # 第九条第（四）项 is probing 为案件当事人…: a colleague's question for nobody named
        out.append(Finding("R2-9-4", "undetermined", [unknown.FOR_A_PARTY], because=["probe"]))
    elif conduct & {"learn_case", "probe", "guidance"} or facts.recorded is not None:
        out.append(Finding("R2-6", "lawful", because=["learn_case"]))
    elif conduct == {"pass_materials"} and facts.via_procedure and not tie:
        # 依照规定转交: 第九条第（三）项 is passing papers 违反规定, and 第三条 sends them
        # 依照程序办理; passed by that procedure, for no one the insider is tied to, it is not
        out.append(Finding("R2-9-3", "lawful", because=["via_procedure"]))
    elif facts.retired and not conduct and ((facts.audience and not tie and not facts.counterpart)
                                            or "plead" in (facts.declined or [])):
        # a retiree 来旁听公开庭审 or asked to plead and refusing: no act of 第九条 (第十三条)
        out.append(Finding(R2_ITEMS["other"], "lawful",
                           because=["audience" if facts.audience else "declined"]))
    if (facts.recorded is False or facts.told_not_to_record) and not (
            facts.specific_case is False and not conduct):  # (no case asked of, none to record)
        out.append(Finding("R2-11", "violation", because=["recorded"]))
        triggers.add("R2.not_recorded")
        out = [f for f in out if not (f.rule == "R2-4" and f.status != "violation")]
    if facts.retaliation and personnel_action_by_procedure(facts) and facts.lawful_ground:
        out.append(Finding("R2-7", "lawful", because=["lawful_ground"]))
    elif facts.retaliation and personnel_action_by_procedure(facts):
        out.append(Finding("R2-7", "undetermined", [unknown.LAWFUL_CAUSE], because=["retaliation"]))
    elif facts.retaliation:
        out.append(Finding("R2-7", "violation", because=["retaliation"]))
        triggers |= {"R2.retaliation", "R2.recorder"}
    if facts.retired:
        out.append(Finding("R2-13-2", "context", because=["retired"]))
    if any(f.rule.startswith("R2-9-") and f.status == "violation" for f in out):
        triggers.add("R2.9.violation")
        if relation is None:
            relation = "colleague"
        triggers.add(f"R2.violation.{relation}")
        # 第八条第二款 binds 干预人员所在司法机关纪检监察部门 once it receives a report or notice:
        # the recipient of items (三) and (四) only. Under item (二) the report goes to
        # 负有干部管理权限的机关纪检监察部门, and the text sets that body no follow-up duty.
        if relation in ("superior", "unrelated"):
            triggers.add("R2.violation.reported")
        item = {"colleague": 1, "own_leader": 2, "superior": 3, "unrelated": 4}[relation]
        out.append(Finding(f"R2-8-{item}", "context", because=["insider_relation"]))
    if facts.specific_case is False and not conduct - {"learn_case", "guidance"} and all(
            f.status == "context" for f in out):
        # 案子一句都没问: 第二条 forbids asking about 其他人员正在办理的案件; none was asked of
        out.append(Finding("R2-2", "lawful", because=["specific_case"]))
    if not out:
        out.append(Finding("R2-9-5", "undetermined", [unknown.CONDUCT], weak=True))
    return out
