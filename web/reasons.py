"""The engine's reasons as a reader of the pages says them.

The engine (liuhen.assessment.engine.reasons) writes each reason in one of four shapes, with
the names of its facts, which the API keeps as they are (clients match on them):

- ``conduct: 说情、关照`` (a fact and the words the user typed for it),
- ``via_staff = True (given)`` (a fact the records or the caller gave),
- ``R2-9-2: violation (facts: private_meeting)`` (a rule, its status, the facts it used),
- ``withheld: violation (probability 0.12 < 0.2)`` (a verdict the verdict prior doubted:
  liuhen.assessment.doubt).

The pages show them in Chinese; a reason of another shape is shown as it is.
"""

from __future__ import annotations

import re

from ingest.numerals import to_chinese_number

FACT_NAMES = {
    "regimes": "适用规定", "actor_role": "行为人身份", "conduct": "行为",
    "insider_relation": "与办案机关的关系", "counterpart": "接触对象",
    "leading_organ": "对司法工作负有领导职责的机关", "org_letter": "以组织名义",
    "routine_report": "机关依规汇总报送",
    "via_staff": "通过身边工作人员或亲属", "instigated": "授意、纵容", "channel": "方式",
    "written": "书面", "via_procedure": "依照法律程序或者工作程序",
    "personal_tie": "为当事人说情", "at_workplace": "在工作场所", "work_time": "在工作时间",
    "approved": "经批准", "phone_call": "工作中的电话联系", "planned": "事先约定",
    "reported": "已报告",
    "report_days": "几日后报告", "recorded": "已记录", "told_not_to_record": "被要求不记录",
    "retaliation": "打击报复", "lawful_ground": "有法定事由并经法定程序",
    "retired": "已离退休", "former_officer": "离任司法人员",
    "staff_only": "仅知为司法机关工作人员",
    "organ_leader": "司法机关（含公安等行政机关）的领导干部",
    "former_unit_case": "原任职单位办理的案件", "guardian_or_relative": "监护人或近亲属",
    "judicial_duty": "履行审判、执行、检察、侦查、监管职责",
    "plea_outcome_only": "请求的只是案件结果（如取保、缓刑）",
    "complaint": "控告、申诉", "named_report": "实名举报",
    "complaint_cleared": "举报经核查不属实", "outside_jurisdiction": "不在管辖之内",
    "managed_by": "干部管理权限", "refused": "已拒绝", "decision": "依证据、事实和法律作出决定",
    "declined": "言明未发生的行为", "hearsay": "传闻", "content_unheard": "所说内容未听清",
    "specific_case": "涉及具体案件",
    "urged_lawful_handling": "仅要求依法办理", "audience": "旁听公开庭审或听证",
    "reports_only": "仅要求报告、提供案件情况",
    "purpose": "目的", "weak_conduct": "仅有弱信号的行为", "identity_verified": "身份已核实",
    "open_facts": "叙述言明尚未查明的事实", "recused": "已申请回避",
}
CONDUCT_NAMES = {
    "plead": "说情、打招呼", "private_meeting": "私下会见", "via_staff": "通过身边人员转达",
    "directive": "批示、交办", "other": "其他影响公正处理的行为", "pass_materials": "转递材料",
    "probe": "打探案情", "leak": "泄露案情", "recommend_lawyer": "介绍、推荐律师",
    "accept_benefit": "接受宴请、财物", "borrow": "借款借物", "collusion": "串通",
    "guidance": "业务指导", "learn_case": "了解案件情况", "decide_case": "研究决定案件",
    "contact": "接触交往", "coach": "教当事人如何应对", "retaliation": "打击报复",
}
#: The other signals the engine notes words for (the lexicon's conduct and pattern names).
SIGNAL_NAMES = {
    "actor": "行为人", "not_recorded": "未记录", "policy_study": "研究政策、依法处理",
    "paid_own": "各自付费", "personnel_actions": "人事调整", "outcome_words": "处理结果用语",
    "distant_relative": "近亲属以外的亲属",
    "meeting_form": "会议形式", "document_form": "文件形式", "opinion_words": "意见用语",
    "oral": "口头", "procedure": "依照程序", "no_procedure": "未经程序",
    "workplace": "在工作场所", "non_workplace": "不在工作场所", "non_work_time": "非工作时间",
    "unplanned": "因不明情况或偶遇", "report_discipline": "向纪检监察部门报告",
    "not_relative": "非亲属", "act_as_lawyer": "担任诉讼代理人或辩护人",
    "former": "离开司法机关", "former_unit": "原任职单位", "recusal": "申请回避",
    "complied": "照办", "social": "社交",
    "work_purpose": "工作目的",
    "tie": "特殊关系", "no_specific_case": "不涉及具体案件", "other_unit": "其他单位",
    "approver": "批准人", "confirmed": "已证实", "narrator": "叙述者",
    "disclaimer": "声明由司法机关依法决定", "other_interference": "其他干预办案的行为",
}
VALUE_NAMES = {"True": "是", "False": "否", "None": "不明", "colleague": "同一机关同事",
               "own_leader": "本机关领导", "superior": "上级司法机关", "unrelated": "其他",
               "social": "社交", "work": "工作"}
STATUS_NAMES = {"violation": "违规", "lawful": "合规", "undetermined": "待查明",
                "context": "背景"}

_TYPED = re.compile(r"^(?P<fact>[a-z_]+): (?P<words>.+)$")
_GIVEN = re.compile(r"^(?P<fact>[a-z_]+) = (?P<value>.+) \(given\)$")
_WITHHELD = re.compile(r"^withheld: (?P<status>[a-z]+) "
                       r"\(probability (?P<p>[\d.]+) < (?P<t>[\d.]+)\)$")
_RULE = re.compile(r"^(?P<alias>R\d)-(?P<article>\d+)(?:-(?P<item>\d+))?: (?P<status>[a-z]+)"
                   r"(?: \(facts: (?P<facts>[^)]*)\))?$")


def _value(text: str) -> str:
    """A fact's value: a name, a list of names, a number or words as they are."""
    names = re.findall(r"'([^']*)'", text) if text.startswith("[") else [text]
    return "、".join(CONDUCT_NAMES.get(n) or VALUE_NAMES.get(n) or n for n in names)


def _fact(name: str) -> str:
    return FACT_NAMES.get(name) or CONDUCT_NAMES.get(name) or SIGNAL_NAMES.get(name) or name


def reason_in_chinese(reason: str) -> str:
    """One reason of the engine in Chinese (unknown shapes unchanged)."""
    if found := _GIVEN.match(reason):
        return f"{_fact(found['fact'])}：{_value(found['value'])}（记录所载）"
    if found := _WITHHELD.match(reason):
        return (f"暂不认定{STATUS_NAMES.get(found['status'], found['status'])}：与本情形最相近的"
                f"已标注情形中，{STATUS_NAMES.get(found['status'], found['status'])}的概率为"
                f" {found['p']}（低于 {found['t']}），待查明所缺事实")
    if found := _RULE.match(reason):
        where = f"{found['alias']} 第{to_chinese_number(int(found['article']))}条"
        if found["item"]:
            where += f"第（{to_chinese_number(int(found['item']))}）项"
        said = f"{where}：{STATUS_NAMES.get(found['status'], found['status'])}"
        if found["facts"]:
            said += "（所依事实：" + "、".join(
                _fact(f.strip()) for f in found["facts"].split(",")) + "）"
        return said
    if (found := _TYPED.match(reason)) and _fact(found["fact"]) != found["fact"]:
        return f"{_fact(found['fact'])}：{found['words']}（原文用语）"
    return reason
