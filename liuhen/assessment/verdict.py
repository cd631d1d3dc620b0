"""From facts to findings: which provision is met, and whether as a violation, as lawful conduct
or undetermined for want of a fact (data/eval/GUIDE.md section 4).

A finding names a provision rule of ``data/legal/rules.json``. The verdict is ``violation`` when
any finding is one, else ``undetermined`` when any waits for a fact, else ``lawful``. A word
alone never makes a violation: each needs the actor governed and the conduct the text describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.facts import Facts

Status = Literal["violation", "lawful", "undetermined", "context"]
Verdict = Literal["violation", "lawful", "undetermined"]


# Conduct a text names outright: with one of these in the words, a stated procedure does not
# make the request lawful (a plea sent through a formal letter is still a plea).
EXPLICIT_CONDUCT = frozenset({
    "plead", "private_meeting", "decide_case", "pass_materials", "leak", "recommend_lawyer",
    "accept_benefit", "borrow", "collusion", "retaliation", "not_recorded", "other"})
# Findings about the handler's or the organ's own duties, not about the request: a procedure
# followed by the one who asked does not excuse them.
OWN_DUTY_RULES = frozenset({"R1-10", "R2-11", "R1-6", "R2-7"})

R1_ITEMS = {"plead": "R1-8-1", "private_meeting": "R1-8-2", "via_staff": "R1-8-3",
            "directive": "R1-8-4", "other": "R1-8-5"}
R2_ITEMS = {"plead": "R2-9-1", "private_meeting": "R2-9-2", "pass_materials": "R2-9-3",
            "probe": "R2-9-4", "other": "R2-9-5"}
R3_ITEMS = {"leak": "R3-5-1", "recommend_lawyer": "R3-5-2", "accept_benefit": "R3-5-3",
            "borrow": "R3-5-4", "collusion": "R3-5-5", "other": "R3-5-6"}


@dataclass
class Finding:
    rule: str  # a provision rule id
    status: Status
    missing: list[str] = field(default_factory=list)
    because: list[str] = field(default_factory=list)  # the facts that decided it
    weak: bool = False  # a fallback: the words named no conduct this provision describes


@dataclass
class Findings:
    items: list[Finding]
    triggers: set[str]

    @property
    def verdict(self) -> Verdict:
        statuses = {f.status for f in self.items}
        if "violation" in statuses:
            return "violation"
        if "undetermined" in statuses or "lawful" not in statuses:
            return "undetermined"
        return "lawful"

    @property
    def missing(self) -> list[str]:
        if self.verdict != "undetermined":
            return []
        out = [m for f in self.items if f.status == "undetermined" for m in f.missing]
        if not self.items:
            out = [unknown.WHO]
        return list(dict.fromkeys(out))


def judge(facts: Facts) -> Findings:
    """The findings for ``facts``."""
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
            items += _r3(facts, triggers)
    if items and all(f.weak or f.status == "context" for f in items) and facts.counterpart \
            and "R3" not in (facts.regimes or []) and stated_conduct(facts) & set(R3_ITEMS):
        # the conduct stated is a contact's (R3 第五条: a leak, a benefit, a loan, a lawyer
        # recommended) with a party or lawyer: read it under R3 too
        items += _r3(facts, triggers)
    if facts.retaliation and "retaliation" not in (facts.weak_conduct or []) \
            and not {"R1", "R2"} & set(facts.regimes or []):
        items += _r2(facts, triggers)  # 打击报复 of a recorder: R2 第七条, never R3's
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
        _drop_violation_triggers(triggers)
    if facts.retired and "R1" in (facts.regimes or []) and any(
            f.status == "violation" for f in items):
        # R1 第十二条 names serving cadres; unlike R2 第十三条第二款 it says nothing of retirees
        for finding in items:
            if finding.status == "violation":
                finding.status = "undetermined"
                finding.missing = [unknown.IS_LEADER]
        _drop_violation_triggers(triggers)
    if facts.hearsay and any(f.status == "violation" for f in items):
        # GUIDE section 4: a situation told as hearsay is undetermined until verified.
        for finding in items:
            if finding.status == "violation":
                finding.status = "undetermined"
                finding.missing = [unknown.REPORT_TRUE]
        _drop_violation_triggers(triggers)
    elif _both_paths(facts, items):
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
        _drop_violation_triggers(triggers)
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


def _drop_violation_triggers(triggers: set[str]) -> None:
    triggers -= {"R1.8.violation", "R2.9.violation", "R3.violation", "R3.contact_violation",
                 "R2.materials"}
    triggers -= {t for t in triggers if t.startswith("R2.violation.")}


def _personnel_action_by_procedure(facts: Facts) -> bool:
    """A transfer or sanction of the recorder (调离, 处分) the words say followed a procedure,
    with no retaliation stated: R1 第六条 / R2 第七条 forbid it only 非因法定事由，非经法定程序."""
    return "retaliation" in (facts.weak_conduct or []) and facts.via_procedure is True


def lawful_signs(facts: Facts) -> list[str]:
    """The facts that point to the lawful path of R1 第三条 / R2 第四、五条: a procedure
    followed, no opinion on evidence, facts or judgment, no specific case concerned."""
    signs = []
    if facts.via_procedure is True:
        signs.append("via_procedure")
    if facts.decision is False:
        signs.append("decision")
    if facts.specific_case is False:
        signs.append("specific_case")
    return signs


def stated_conduct(facts: Facts) -> set[str]:
    """The conduct the words state as an act (not only an outcome named or a label)."""
    return _conduct(facts) - set(facts.weak_conduct or [])


def _both_paths(facts: Facts, items: list[Finding]) -> bool:
    """A violation found where the words also show a lawful path and state no conduct the
    text prohibits outright."""
    return (bool(lawful_signs(facts)) and facts.personal_tie is not True
            and not (stated_conduct(facts) & EXPLICIT_CONDUCT)
            and any(f.status == "violation" and f.rule not in OWN_DUTY_RULES for f in items))


def _conduct(facts: Facts) -> set[str]:
    return set(facts.conduct or [])


def _r1(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = _conduct(facts)
    out: list[Finding] = []
    triggers.add("R1.any")
    stated = stated_conduct(facts)
    if facts.specific_case is False and not (
            {"plead", "private_meeting", "decide_case"} & stated) and not facts.via_staff:
        # No case was concerned (R1 第八条 is about 案件处理): policy and coordination.
        out.append(Finding("R1-3", "lawful", because=["specific_case"]))
    elif facts.leading_organ and not ({"plead", "private_meeting"} & stated):
        if "decide_case" in conduct:
            out += [Finding("R1-8-5", "violation", because=["decide_case"]),
                    Finding("R1-3-limit", "context")]
        elif facts.via_procedure or (facts.decision is False and (
                facts.written or "learn_case" in conduct)):
            # by work procedure, or a written request or inquiry deciding nothing (GUIDE 4)
            out.append(Finding("R1-3", "lawful", because=["leading_organ", "via_procedure"]))
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
        if "other" in conduct and not items:
            items.append("other")
        if facts.via_staff and facts.instigated is not True:
            out.append(Finding("R1-8-3", "undetermined", [unknown.INSTIGATED],
                               because=["via_staff"]))
            items = []
        elif not items and not out and facts.via_procedure and not (
                conduct & {"decide_case", "probe"}) and facts.personal_tie is not True:
            # a formal request by procedure, naming no conduct of 第八条
            out.append(Finding("R1-3", "lawful", because=["via_procedure"]))
        elif not items and not out:
            relevant = conduct & {"plead", "private_meeting", "directive", "decide_case",
                                  "pass_materials", "learn_case", "guidance", "probe"}
            # papers passed on (a letter forwarded) ask nothing of the case by themselves
            only_asking = bool(relevant) and relevant <= {"learn_case", "guidance", "probe",
                                                          "pass_materials"}
            items = ["other"]
            if only_asking and not facts.retaliation and facts.recorded is not False:
                out.append(Finding("R1-8-5", "undetermined", [unknown.CONDUCT],
                                   because=["learn_case"]))
                items = []
            elif not relevant:
                # a leading cadre named and no conduct stated: 第八条第（五）项's 其他违法干预
                # is a judgement on conduct, never made from who someone is alone
                out.append(Finding("R1-8-5", "undetermined", [unknown.CONDUCT], weak=True))
                items = []
        out += [Finding(R1_ITEMS[i], "violation", because=[i]) for i in items]
    if facts.recorded is False or facts.told_not_to_record:
        out.append(Finding("R1-10", "violation", because=["recorded"]))
        triggers.add("R1.not_recorded")
    if facts.retaliation and _personnel_action_by_procedure(facts):
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
    return out


def _r2(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = _conduct(facts)
    relation = facts.insider_relation
    tie = bool(facts.personal_tie)
    out: list[Finding] = []
    triggers |= {"R2.any", "R2.inquiry"}
    improper: list[str] = []
    if "private_meeting" in conduct:
        improper.append("private_meeting")
    if "pass_materials" in conduct and (tie or facts.via_procedure is False):
        improper.append("pass_materials")
        triggers.add("R2.materials")
    if "plead" in conduct:
        improper.append("plead" if tie or relation in ("colleague", "unrelated", None)
                        else "other")
    if "probe" in conduct and tie and not improper:
        improper.append("probe")
    if "other" in conduct and not improper:
        improper.append("other")
    if "leak" in conduct and not improper and (
            tie or (facts.counterpart and facts.via_procedure is not True)):
        improper.append("probe")  # 通风报信 to a party or its lawyer is done for the party
    supervisory = relation in ("own_leader", "superior")
    if improper:
        out += [Finding(R2_ITEMS[i], "violation", because=[i]) for i in improper]
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
    elif "probe" in conduct and facts.personal_tie is None and relation in ("colleague", None) \
            and facts.via_procedure is not True:
        # 第九条第（四）项 is probing 为案件当事人…: a colleague's question for nobody named
        out.append(Finding("R2-9-4", "undetermined", [unknown.FOR_A_PARTY], because=["probe"]))
    elif conduct & {"learn_case", "probe", "guidance"} or facts.recorded is not None:
        out.append(Finding("R2-6", "lawful", because=["learn_case"]))
    if facts.recorded is False or facts.told_not_to_record:
        out.append(Finding("R2-11", "violation", because=["recorded"]))
        triggers.add("R2.not_recorded")
        out = [f for f in out if not (f.rule == "R2-4" and f.status != "violation")]
    if facts.retaliation and _personnel_action_by_procedure(facts):
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
    if not out:
        out.append(Finding("R2-9-5", "undetermined", [unknown.CONDUCT], weak=True))
    return out


def _r3(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = _conduct(facts)
    out: list[Finding] = []
    triggers |= {"R3.any"}
    if facts.complaint:
        triggers |= {"R3.complaint", "R3.file"}
        if facts.named_report:
            triggers.add("R3.named_report")
        if facts.outside_jurisdiction:
            triggers.add("R3.outside_jurisdiction")
        # Reporting is lawful (R3 第九条); the department verifies the rest (第十条 认真进行核查)
        out += [Finding(R3_ITEMS[c], "undetermined", [unknown.REPORT_TRUE], because=["complaint"])
                for c in R3_ITEMS if c in conduct]
        out += [Finding("R3-10", "undetermined", [unknown.REPORT_TRUE], because=["complaint"]),
                Finding("R3-9", "lawful", because=["complaint"])]
        return out
    if facts.former_officer:
        # no R3 第十二条 integrity file: it records how a serving 司法人员 keeps these rules,
        # and the former officer is no longer one (GUIDE section 5)
        if facts.former_unit_case is False:
            out.append(Finding("R3-8", "lawful", because=["former_unit_case"]))
        elif facts.guardian_or_relative:
            out.append(Finding("R3-8-exception", "lawful", because=["guardian_or_relative"]))
        elif facts.former_unit_case is None:
            out.append(Finding("R3-8", "undetermined", [unknown.FORMER_UNIT]))
        elif facts.guardian_or_relative is None:
            out.append(Finding("R3-8", "undetermined", [unknown.GUARDIAN]))
        else:
            out.append(Finding("R3-8", "violation", because=["former_officer"]))
        if any(f.status == "violation" for f in out):
            # R3 第十一条's 通报 follows; R3 第十三条 sums up 不正当接触、交往, which this is not
            triggers.add("R3.violation")
        return out
    items = [c for c in ("leak", "recommend_lawyer", "accept_benefit", "borrow", "collusion")
             if c in conduct]
    if "collusion" in items and not (conduct & {"plead"}) and facts.counterpart != "中介组织":
        items = [i for i in items if i != "collusion"] or items
    out += [Finding(R3_ITEMS[i], "violation", because=[i]) for i in items]
    declined = [c for c in (facts.declined or []) if c in R3_ITEMS and c not in items]
    away = facts.at_workplace is False or facts.work_time is False
    if declined and not items:
        out += [Finding(R3_ITEMS[c], "lawful", because=["declined"]) for c in declined]
        triggers |= {"R3.file"}
        if not (facts.planned is False and away) and facts.purpose != "social":
            return out
        # a leisure pastime with a party (R3 第五条第（六）项) is conduct of its own, and an
        # unplanned contact still needs 第七条's report: a benefit declined settles neither
    if not items and facts.specific_case is False and facts.purpose != "social" and not declined:
        # 他在本院没有任何案件: R3 第六、七条 govern contact 在案件办理过程中, this is outside
        out.append(Finding("R3-6-no-case", "lawful", because=["specific_case"]))
        return out
    if not items:
        if facts.planned is False and away:
            triggers.add("R3.unplanned")
            if facts.reported is True and facts.report_days is not None:
                status: Status = "lawful" if facts.report_days <= 3 else "violation"
                out.append(Finding("R3-7", status, because=["reported", "report_days"]))
            elif facts.reported is True:
                out.append(Finding("R3-7", "undetermined", [unknown.REPORTED_IN_TIME]))
            elif facts.reported is False:
                out.append(Finding("R3-7", "violation", because=["reported"]))
            else:
                out.append(Finding("R3-7", "undetermined", [unknown.REPORTED_IN_TIME]))
        elif facts.purpose == "social" and facts.counterpart is None:
            # R3 governs contact with 当事人、律师、特殊关系人、中介组织 only (第五条)
            out.append(Finding("R3-5-6", "undetermined", [unknown.COUNTERPART]))
        elif facts.purpose == "social" and facts.at_workplace is not True \
                and facts.approved is not True and facts.reported is not True:
            # leisure together with a party or lawyer (R3 第五条第（六）项)
            out.append(Finding("R3-5-6", "violation", because=["purpose"]))
            out.append(Finding("R3-6", "context"))
            _r3_triggers(out, triggers)
            triggers |= {"R3.file", "R3.contact"}
            return out
        elif facts.at_workplace is False:
            if facts.purpose == "social" and facts.approved is not True:
                out.append(Finding("R3-5-6", "violation", because=["purpose", "at_workplace"]))
                out.append(Finding("R3-6", "context"))
                _r3_triggers(out, triggers)
                triggers |= {"R3.file", "R3.contact"}
                return out
            triggers.add("R3.outside_needed")
            if facts.approved:
                out.append(Finding("R3-6", "lawful", because=["approved"]))
            elif facts.approved is False:
                out.append(Finding("R3-6", "violation", because=["approved"]))
            else:
                out.append(Finding("R3-6", "undetermined", [unknown.APPROVAL]))
        elif facts.at_workplace:
            out.append(Finding("R3-6-workplace", "lawful", because=["at_workplace"]))
            triggers.add("R3.contact")
            return out
        elif facts.via_procedure and not stated_conduct(facts) - {"pass_materials"}:
            # received through the organ's own procedure (登记、出具收据后转交): the contact is
            # work done at the workplace (R3 第六条), papers passed 依程序, not 违反规定
            passed = "pass_materials" in conduct  # R2 第九条第（三）项 is 违反规定 passing
            out.append(Finding("R2-9-3" if passed else "R3-6-workplace", "lawful",
                               because=["via_procedure"]))
            triggers.add("R3.contact")
            return out
        else:
            out.append(Finding("R3-5-6", "undetermined", [unknown.APPROVAL], weak=True))
    triggers |= {"R3.file", "R3.contact"}
    _r3_triggers(out, triggers)
    return out


def _r3_triggers(out: list[Finding], triggers: set[str]) -> None:
    if any(f.status == "violation" for f in out):
        triggers |= {"R3.violation", "R3.contact_violation"}
