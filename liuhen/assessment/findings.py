"""What the verdict is made of: a finding per provision rule, and the conduct and signs every
regulation's rules read (liuhen.assessment.verdict for R1 and R2, verdict_contact for R3)."""

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
    "accept_benefit", "borrow", "collusion", "retaliation", "not_recorded", "other", "coach"})
# Findings about the handler's or the organ's own duties, not about the request: a procedure
# followed by the one who asked does not excuse them.
OWN_DUTY_RULES = frozenset({"R1-10", "R2-11", "R1-6", "R2-7", "R3-7"})

R1_ITEMS = {"plead": "R1-8-1", "private_meeting": "R1-8-2", "via_staff": "R1-8-3",
            "directive": "R1-8-4", "other": "R1-8-5"}
R2_ITEMS = {"plead": "R2-9-1", "private_meeting": "R2-9-2", "pass_materials": "R2-9-3",
            "probe": "R2-9-4", "other": "R2-9-5"}
R3_ITEMS = {"leak": "R3-5-1", "recommend_lawyer": "R3-5-2", "accept_benefit": "R3-5-3",
            "borrow": "R3-5-4", "collusion": "R3-5-5", "coach": "R3-5-6", "other": "R3-5-6"}


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


def drop_violation_triggers(triggers: set[str]) -> None:
    triggers -= {"R1.8.violation", "R2.9.violation", "R3.violation", "R3.contact_violation",
                 "R2.materials"}
    triggers -= {t for t in triggers if t.startswith("R2.violation.")}


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
    return conduct_of(facts) - set(facts.weak_conduct or [])


def both_paths(facts: Facts, items: list[Finding]) -> bool:
    """A violation found where the words also show a lawful path and state no conduct the
    text prohibits outright."""
    return (bool(lawful_signs(facts)) and facts.personal_tie is not True
            and not (stated_conduct(facts) & EXPLICIT_CONDUCT)
            and not _letter_asks_handling(facts)
            and any(f.status == "violation" and f.rule not in OWN_DUTY_RULES for f in items))


def _letter_asks_handling(facts: Facts) -> bool:
    """A letter in the name of an organ that leads no judicial work (县政府办公室, 住建局)
    asking a case's handling for the place's sake (恳请…暂缓扣划, 为保全…大局，建议暂缓拍卖):
    the letter is the very form R1 第八条第（四）项 names (「以听取汇报、开协调会、发文件等
    形式，超越职权对案件处理提出倾向性意见或者具体要求」), no lawful path beside it."""
    conduct = conduct_of(facts)
    by_organisation = facts.org_letter or facts.actor_role == "党政机关（以组织名义）"
    return bool(by_organisation and not facts.leading_organ and facts.reports_only is not True
                and {"directive", "plead"} <= conduct)


# The conduct a complaint alleges (反映民警收了两千元): read as an allegation until verified, and
# set aside where the inquiry cleared it
ALLEGED_CONDUCT = frozenset({"plead", "private_meeting", "pass_materials", "probe", "leak",
                             "recommend_lawyer", "accept_benefit", "borrow", "collusion"})


def conduct_of(facts: Facts) -> set[str]:
    return set(facts.conduct or [])


def personnel_action_by_procedure(facts: Facts) -> bool:
    """A transfer or sanction of the recorder (调离, 处分) the words say followed a procedure,
    with no retaliation stated (or a stated ground and procedure, 按轮岗方案、经党组研究): R1
    第六条 / R2 第七条 forbid it only 非因法定事由，非经法定程序."""
    return "retaliation" in (facts.weak_conduct or []) and (
        facts.via_procedure is True or facts.lawful_ground is True)
