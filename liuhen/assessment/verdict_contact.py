"""The contact rules (R3): a finding for each provision of the rules on contact between judicial
staff and parties, lawyers, special relations and intermediaries (data/eval/GUIDE.md section 4)."""

from __future__ import annotations

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.cue_patterns import COUNTERPARTS
from liuhen.assessment.facts import Facts
from liuhen.assessment.findings import (
    ALLEGED_CONDUCT,
    R3_ITEMS,
    Finding,
    Status,
    conduct_of,
    stated_conduct,
)


def contact_findings(facts: Facts, triggers: set[str]) -> list[Finding]:
    conduct = conduct_of(facts)
    out: list[Finding] = []
    triggers |= {"R3.any"}
    if facts.complaint:
        triggers |= {"R3.complaint", "R3.file"}
        if facts.named_report:
            triggers.add("R3.named_report")
        if facts.outside_jurisdiction:
            triggers.add("R3.outside_jurisdiction")
        if facts.complaint_cleared and not conduct & ALLEGED_CONDUCT:
            # 经核查，反映的问题不属实: verified (第十条 认真进行核查) and found untrue; what is
            # left besides the cleared allegation (纪检组了解情况, 出具意见) is the inquiry's own
            return [Finding("R3-10", "lawful", because=["complaint_cleared"]),
                    Finding("R3-9", "lawful", because=["complaint"])]
        if facts.reported is False and facts.planned is False and not conduct & ALLEGED_CONDUCT \
                and (facts.counterpart or facts.actor_role in COUNTERPARTS):
            # the chance meeting told as fact (the one met may be the story's actor, 被告赵某)
            # and the silence established (查明, 才作说明):
            # 第七条's 三日内 report was not made; the complaint is only how it came out
            triggers |= {"R3.unplanned"}
            out += [Finding("R3-7", "violation", because=["reported"]),
                    Finding("R3-9", "lawful", because=["complaint"])]
            violation_triggers(out, triggers)
            return out
        # Reporting is lawful (R3 第九条); the department verifies the rest (第十条 认真进行核查)
        out += [Finding(R3_ITEMS[c], "undetermined", [unknown.REPORT_TRUE], because=["complaint"])
                for c in R3_ITEMS if c in conduct]
        out += [Finding("R3-10", "undetermined", [unknown.REPORT_TRUE], because=["complaint"]),
                Finding("R3-9", "lawful", because=["complaint"])]
        return out
    if facts.former_officer:
        # no R3 第十二条 integrity file: it records how a serving 司法人员 keeps these rules,
        # and the former officer is no longer one (GUIDE section 5)
        if facts.judicial_duty is False:
            out.append(Finding("R3-8", "lawful", because=["judicial_duty"]))
        elif facts.former_unit_case is False:
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
    items = [c for c in ("leak", "recommend_lawyer", "accept_benefit", "borrow", "collusion",
                       "coach", "other") if c in conduct]
    if facts.recused and not items:
        # 应当自行回避 (R3 第四条), done: the officer stepped aside, nothing else is stated
        out.append(Finding("R3-4", "lawful", because=["recused"]))
        triggers.add("R3.file")
        return out
    if facts.recused is False and not items and facts.counterpart is not None:
        # 没有回避 in a case of someone close: R3 第四条 binds only 有法律规定的回避情形的, and
        # which ties those are the procedure laws say (近亲属, 其他关系…可能影响公正处理), not
        # these rules: whether this tie is one is the question, not an approval
        out.append(Finding("R3-4", "undetermined", [unknown.RECUSAL_GROUND], because=["recused"]))
        triggers.add("R3.file")
        return out
    if "collusion" in items and not (conduct & {"plead"}) and facts.counterpart != "中介组织":
        items = [i for i in items if i != "collusion"] or items
    for item in items:
        if item in ("accept_benefit", "borrow", "leak") and facts.counterpart is None \
                and facts.specific_case is False:
            # 村委会不是案件的任何一方: from one the words set apart from every case
            out.append(Finding(R3_ITEMS[item], "lawful", because=["specific_case"]))
        elif item in ("accept_benefit", "borrow", "leak") and facts.counterpart is None:
            # 第五条 forbids a benefit or a loan from 当事人、律师、特殊关系人、中介组织, and a
            # leak to them: from whom else, or to whom else (an arbitrator, a friend with no tie
            # to the case, the officer's own 科长), the words do not say
            out.append(Finding(R3_ITEMS[item], "undetermined", [unknown.COUNTERPART]))
        else:
            out.append(Finding(R3_ITEMS[item], "violation", because=[item]))
    declined = [c for c in (facts.declined or []) if c in R3_ITEMS and c not in items]
    away = facts.at_workplace is False or facts.work_time is False
    # 律师约他吃饭，他回绝了: what was asked of him he did not do; the approach itself (a call,
    # a message) was none of his seeking, 第七条's contact 因…其他原因; so too a party's kin
    # who came to his door and was sent to the court (没让他上楼，叫他白天去法院), where no
    # approval is spoken of and nothing says the meeting was arranged
    approach_refused = bool(facts.refused and (conduct or facts.declined or (
        facts.counterpart is not None and facts.approved is None
        and facts.planned is not True))) and not conduct - {
        "private_meeting", "plead", "probe", "contact", "other"}
    if declined and not items:
        out += [Finding(R3_ITEMS[c], "lawful", because=["declined"]) for c in declined]
        triggers |= {"R3.file"}
        if not (facts.planned is False and away) and (facts.purpose != "social" or (
                facts.refused and "accept_benefit" in declined)) and not (
                facts.planned and away and facts.approved is False):
            return out  # (约他去唱歌，费用他们结: the leisure offered was the benefit refused)
        # a leisure pastime with a party (R3 第五条第（六）项) is conduct of its own, an
        # unplanned contact still needs 第七条's report, and an arranged one outside work 第六条's
        # approval (茶钱是法官自己付的, 事前没有审批): a benefit declined settles none of them
    if not items and facts.specific_case is False and not declined and (
            facts.purpose != "social" or facts.counterpart is None):
        # 他在本院没有任何案件: R3 第六、七条 govern contact 在案件办理过程中, this is outside;
        # leisure with a lawyer is still read under 第五条 below, with a relative who has no case
        # (and so is no 特殊关系人) it is private life
        out.append(Finding("R3-6-no-case", "lawful", because=["specific_case"]))
        return out
    if not items:
        # an approval asked for beforehand (事先填了外出审批表) makes the contact a planned one
        if (facts.planned is False or approach_refused) and away and facts.approved is not True:
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
            violation_triggers(out, triggers)
            triggers |= {"R3.file", "R3.contact"}
            return out
        elif facts.at_workplace is False:
            if facts.purpose == "social" and facts.approved is not True:
                out.append(Finding("R3-5-6", "violation", because=["purpose", "at_workplace"]))
                out.append(Finding("R3-6", "context"))
                violation_triggers(out, triggers)
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
        elif facts.counterpart is None:
            # R3 governs contact with 当事人、律师、特殊关系人、中介组织 (第五、六条): with no one
            # of them named, that is the fact to find, not an approval
            out.append(Finding("R3-5-6", "undetermined", [unknown.COUNTERPART], weak=True))
        elif channel := _taken_in_work(facts):
            out.append(Finding("R3-6-workplace", "lawful", because=[channel]))
            triggers.add("R3.contact")
            return out
        elif facts.approved is True and not conduct - {
                "learn_case", "probe", "guidance"} and not _in_doubt(facts):
            # 庭里批了外出勘验的单子: where it took place the words leave open, and the approval
            # 第六条 asks for (经批准) was given, so it is lawful either way
            out.append(Finding("R3-6", "lawful", because=["approved"]))
        else:
            out.append(Finding("R3-5-6", "undetermined", [unknown.APPROVAL], weak=True))
    triggers |= {"R3.file", "R3.contact"}
    violation_triggers(out, triggers)
    return out


def unapproved_outing(facts: Facts) -> bool:
    """An officer's own contact outside the workplace or its hours, for work, that the words say
    was not approved (没有报批, 没办外出审批), or whose approval they leave open (有没有办外出审批，
    我不知道), read under another regime: R3 第六条's question (审批手续), not an inquiry into a
    colleague's case; a plea or papers passed stay R2's."""
    approval_open = facts.approved is None and unknown.APPROVAL in (facts.open_facts or [])
    return (facts.approved is False or approval_open) \
        and (facts.at_workplace is False or facts.work_time is False) \
        and "R3" not in (facts.regimes or []) and facts.purpose != "social" \
        and facts.actor_role in ("司法机关内部人员", "司法人员") \
        and not stated_conduct(facts) - {"learn_case", "probe", "guidance"}


def _in_doubt(facts: Facts) -> bool:
    """A complaint, hearsay or a fact the account leaves open: what happened is to be found."""
    return bool(facts.complaint or facts.hearsay or facts.open_facts)


def _taken_in_work(facts: Facts) -> str | None:
    """How the contact came in the officer's work, so that 第六条 had nothing to approve: a
    call he took (律师打电话问开庭时间, no contact arranged outside the workplace) or the
    defence's written opinion (辩护律师提交了一份《不起诉法律意见书》: its work by the
    procedure, R3 第二条); None when neither, or when what happened is still to be found."""
    if _in_doubt(facts):
        return None
    if facts.phone_call and facts.work_time is not False \
            and not stated_conduct(facts) - {"probe", "plead", "learn_case"}:
        return "phone_call"
    if facts.counterpart == "律师" and facts.written is True \
            and not stated_conduct(facts) - {"plead", "guidance", "learn_case"}:
        return "written"
    return None


def violation_triggers(out: list[Finding], triggers: set[str]) -> None:
    if any(f.status == "violation" for f in out):
        triggers |= {"R3.violation", "R3.contact_violation"}
