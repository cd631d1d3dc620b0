"""GUIDE section 4's names for the facts a verdict turns on: what an "undetermined" answer
says is missing (data/eval/GUIDE.md)."""

APPROVAL = "是否经批准"
REPORTED_IN_TIME = "是否在三日内报告"
WRITTEN = "是否以书面形式提出"
ORAL_RECORDED = "口头提出的是否由办案人员记录在案"
PROCEDURE = "是否依照工作程序"
LEGAL_PROCEDURE = "是否依照法律程序或者工作程序"
LEGAL_DUTY = "是否因履行法定职责需要"
IS_LEADER = "是否为领导干部"
DECISION = "是否对证据采信、事实认定、司法裁判作出具体决定"
GUARDIAN = "是否为监护人或近亲属"
FORMER_UNIT = "是否为原任职单位办理的案件"
INSTIGATED = "领导干部是否授意、纵容亲属为当事人请托说情"
RELATION = "干预人员与办案单位的关系（本机关、上级、其他司法机关）"
WHO = "行为人的身份（领导干部、司法机关内部人员或司法人员）"
CONDUCT = "行为是否属于违法干预司法活动"
REPORT_TRUE = "举报反映的情况是否属实"
COUNTERPART = "是否为当事人、律师、特殊关系人或中介组织"
SPECIFIC_CASE = "是否针对具体案件"
LAWFUL_CAUSE = "是否因法定事由、经法定程序"
FOR_A_PARTY = "是否为案件当事人及其辩护人、诉讼代理人、亲属打探案情"
ACCEPTED = "是否接受请客送礼或者其他利益"
JUDICIAL_DUTY = "是否依法履行审判、执行、检察、侦查、监管职责"
RECUSAL_GROUND = "是否有法律规定的回避情形"
QUALIFIED_LAWYER = "原律师是否符合代理条件"
PLEA = "是否为案件当事人请托说情"

# The facts an account may say it leaves open (liuhen.assessment.open_questions), which a caller
# may also name as open (Facts.open_facts).
OPENABLE = (WHO, IS_LEADER, REPORT_TRUE, APPROVAL, WRITTEN, ORAL_RECORDED, LAWFUL_CAUSE,
            PROCEDURE, DECISION, FOR_A_PARTY, ACCEPTED, COUNTERPART, SPECIFIC_CASE,
            REPORTED_IN_TIME, QUALIFIED_LAWYER, INSTIGATED, GUARDIAN, FORMER_UNIT, PLEA,
            JUDICIAL_DUTY)
