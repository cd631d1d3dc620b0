"""The facts of a situation: what the verdict turns on, given by the caller (structured) or read
from the words (``liuhen.assessment.extractor``).

Every extracted fact keeps the words the user typed that support it (``Extracted.evidence``):
the assessment's ``reasons`` are made only of those, never of thesaurus expansions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from liuhen.assessment.missing_facts import OPENABLE

ActorRole = Literal[
    "领导干部", "领导干部身边工作人员或亲属", "党政机关（以组织名义）", "司法机关内部人员",
    "本机关领导干部", "上级司法机关人员", "其他司法机关人员", "离退休司法人员", "司法人员",
    "离任司法人员", "当事人", "律师", "特殊关系人", "中介组织", "办案人员", "主管领导",
]
Conduct = Literal[
    "plead", "private_meeting", "via_staff", "directive", "other", "pass_materials", "probe",
    "leak", "recommend_lawyer", "accept_benefit", "borrow", "collusion", "guidance",
    "learn_case", "decide_case", "contact", "retaliation", "coach",
]
Relation = Literal["colleague", "own_leader", "superior", "unrelated"]
Counterpart = Literal["当事人", "律师", "特殊关系人", "中介组织"]
Channel = Literal["书面", "口头", "发函", "会议"]
Regime = Literal["R1", "R2", "R3"]
# liuhen.assessment.missing_facts.OPENABLE, spelled out so that the API's schema lists them
# (tests/liuhen/assessment/test_reading_session11.py holds the two equal)
OpenFact = Literal[
    "行为人的身份（领导干部、司法机关内部人员或司法人员）",
    "是否为领导干部", "举报反映的情况是否属实", "是否经批准", "是否以书面形式提出",
    "口头提出的是否由办案人员记录在案", "是否因法定事由、经法定程序", "是否依照工作程序",
    "是否对证据采信、事实认定、司法裁判作出具体决定",
    "是否为案件当事人及其辩护人、诉讼代理人、亲属打探案情",
    "是否接受请客送礼或者其他利益", "是否为当事人、律师、特殊关系人或中介组织", "是否针对具体案件",
    "是否在三日内报告", "原律师是否符合代理条件",
    "领导干部是否授意、纵容亲属为当事人请托说情", "是否为监护人或近亲属",
    "是否为原任职单位办理的案件", "是否为案件当事人请托说情",
    "是否依法履行审判、执行、检察、侦查、监管职责",
]


class Facts(BaseModel):
    """What the verdict turns on. Every field is optional; None means not known. Given facts
    override the ones read from the words."""

    model_config = ConfigDict(extra="forbid")

    regimes: list[Regime] | None = Field(default=None, max_length=3,
                                         description="R1 leader, R2 insider, R3 contact")
    actor_role: ActorRole | None = None
    conduct: list[Conduct] | None = Field(default=None, max_length=16)
    insider_relation: Relation | None = Field(
        default=None, description="R2: the intervener to the handling organ (R2 第八条)")
    counterpart: Counterpart | None = None
    leading_organ: bool | None = Field(
        default=None, description="an organ with leadership duties over judicial work "
        "(R1 第三条), such as 党委政法委")
    org_letter: bool | None = Field(default=None, description="in an organisation's name")
    via_staff: bool | None = Field(default=None, description="a cadre's staff or relative")
    instigated: bool | None = Field(default=None, description="the cadre 授意、纵容")
    channel: Channel | None = None
    written: bool | None = None
    via_procedure: bool | None = Field(default=None, description="依照法律程序或者工作程序")
    personal_tie: bool | None = Field(default=None, description="acting for a party")
    at_workplace: bool | None = None
    work_time: bool | None = None
    approved: bool | None = None
    phone_call: bool | None = Field(
        default=None, description="True: the contact was a telephone call in the course of "
        "work (律师打电话问法官, 法官在电话里告诉当事人), no meeting arranged outside the "
        "workplace (R3 第六条)")
    planned: bool | None = Field(default=None, description="False: 因不明情况 (R3 第七条)")
    reported: bool | None = None
    report_days: int | None = Field(default=None, ge=0, le=3650)
    recorded: bool | None = None
    told_not_to_record: bool | None = None
    retaliation: bool | None = None
    lawful_ground: bool | None = Field(
        default=None, description="True: the words give a transfer or sanction of the recorder "
        "a legal ground (按…交流规定, 依照…处分规定) and a procedure (经党组研究, 公示): "
        "R1 第六条 / R2 第七条's 法定事由 and 法定程序 both stated")
    retired: bool | None = None
    organ_leader: bool | None = Field(
        default=None, description="an insider who heads, or is a deputy head of, a court, a "
        "procuratorate or a public-security, state-security or justice organ: a 领导干部 of R1 "
        "第十二条 (审判机关、检察机关、行政机关) as well as an insider of R2 第十三条")
    recused: bool | None = Field(default=None, description="the officer stepped aside "
                                 "(自行回避, R3 第四条)")
    former_officer: bool | None = None
    former_unit_case: bool | None = None
    judicial_duty: bool | None = Field(
        default=None, description="False: the words say the person had no 审判、执行、检察、侦查、"
        "监管 duty, so was no 司法人员 of R3 第十四条")
    guardian_or_relative: bool | None = None
    plea_outcome_only: bool | None = Field(
        default=None, description="the only plea words name an outcome (取保, 缓刑), unquoted: "
        "what a party or its lawyer asks for itself as much as what an insider pleads for")
    complaint: bool | None = None
    routine_report: bool | None = Field(
        default=None, description="an organ's own 汇总分析 and 报送 under R1 第七条, told as done")
    named_report: bool | None = None
    complaint_cleared: bool | None = None
    outside_jurisdiction: bool | None = None
    managed_by: Literal["上级党委", "其他党组织"] | None = None
    refused: bool | None = None
    decision: bool | None = Field(
        default=None, description="decided on evidence, facts or judgment (R1 第三条)")
    identity_verified: bool | None = Field(
        default=None, description="False: the actor's identity is only claimed (自称)")
    weak_conduct: list[Conduct] | None = Field(
        default=None, max_length=16, description="conduct read only from words that do not "
        "state the act: an outcome named without a request (缓刑, 不起诉), a word in scare "
        "quotes; it never outweighs a sign of the lawful path")
    declined: list[Conduct] | None = Field(
        default=None, max_length=16, description="conduct the words say did not happen")
    hearsay: bool | None = Field(
        default=None, description="told as hearsay (听说, 据说), not established")
    content_unheard: bool | None = Field(
        default=None, description="what was said was not heard (后面声音小没听清): whether it "
        "asked anything of the case is unknown")
    audience: bool | None = Field(
        default=None, description="attended a public trial or hearing, as audience or as an "
        "invited hearer (旁听, 听证员), or in court as the head of an organ that is a party "
        "(出庭应诉): what the public or a party may do, no act of R1 第八条 by itself")
    urged_lawful_handling: bool | None = Field(
        default=None, description="the actor's words only ask that the case be handled by law "
        "(要求“依法办”): R1 第三条's 督促司法机关依法履行职责, no direction on the case")
    reports_only: bool | None = Field(
        default=None, description="True: what is asked of the organ is only to report or "
        "provide information on the case (请书面报告审理进度): R1 第三条's 了解案件情况, nothing "
        "asked of its handling (R1 第五条第二款); False: something is asked of the handling "
        "itself (请依法妥善处理, 要求加快审理)")
    specific_case: bool | None = Field(
        default=None, description="False: the words say no specific case was concerned")
    staff_only: bool | None = Field(
        default=None, description="the actor is named only as staff of a judicial organ (内勤, "
        "司机, 工作人员): an insider (R2 第十三条) whose duties, and so whether a 司法人员 of "
        "R3 第十四条, the words do not tell")
    purpose: Literal["social", "work"] | None = Field(
        default=None, description="what a contact away from work was for")
    open_facts: list[OpenFact] | None = Field(
        default=None, max_length=len(OPENABLE), description="facts the account says are not "
        "known (还没查清): a finding resting on one waits for it")

    def merged(self, given: Facts | None) -> Facts:
        if given is None:
            return self
        update = {k: v for k, v in given.model_dump(exclude_unset=True).items()
                  if v is not None}
        return self.model_copy(update=update)


@dataclass
class Extracted:
    facts: Facts
    evidence: dict[str, list[str]] = field(default_factory=dict)  # fact -> words typed
