"""Whether the title that names the actor settles R1 第十二条: "本规定所称领导干部，是指在各级党的
机关、人大机关、行政机关、政协机关、审判机关、检察机关、军事机关以及公司、企业、事业单位、社会团体中
具有国家工作人员身份的领导干部". Some titles leave it open, and the assessment then says so
(是否为领导干部) instead of finding a violation of R1 on the title alone."""

from __future__ import annotations

import re

from liuhen.assessment.lexicon import Match, Text

#: A people's deputy or a CPPCC member: a seat, not an office (a farmer may hold one).
SEATS = frozenset({"人大代表", "政协委员"})
#: Titles of a firm's own (a private firm's chairman holds no state office by the title).
FIRM_TITLES = frozenset({"董事长", "总经理", "副总经理", "副总", "总裁", "会长", "理事长"})
# 村党支部书记, 村委会主任, 社区居委会主任: an office of a village's or a community's own bodies
# (a self-governing committee and the party branch beside it), none of the organs 第十二条
# lists, and whose holders are not state functionaries by the title
VILLAGE_BODY = re.compile(r"(村|村党?总?支部|村党委|村委会?|村民委员会|居委会|居民委员会|"
                          r"社区(党委|党总?支部|居委会)?)$")


# 该企业正是这起执行案的被执行人, 有买卖合同纠纷正在审理的锦华公司董事长: the firm is in the case
_FIRM_IN_CASE = re.compile(
    r"(企业|公司|厂|集团)[^。；]{0,12}(正是|就是|是|系|为)[^。；]{0,10}(被执行人|被告|原告|申请执行人|"
    r"申请人|当事人|第三人)|(被执行人|被告|原告|申请执行人|申请人|当事人)[^，。；]{0,12}"
    # 被告人是他们公司的司机: the firm's employee is the party, not the firm
    r"(企业|公司|厂|集团)(?![^，。；]{0,2}(司机|员工|职工|工人|会计|保安|雇员))"
    # 被执行人是公司多年的供应商: the firm's trading partner is the party, not the firm
    r"(?![^，。；]{0,4}(供应商|客户|合作伙伴|经销商|代理商|上游|下游))|"
    r"(纠纷|案件|案子)正在(审理|执行|办理)的[^，。；]{0,12}(企业|公司|厂|集团)")
# 锦程公司送来的材料 … 审理锦程货款案的孙法官: a firm the case before the officer is named for
FIRM_NAMED_IN_ITS_CASE = re.compile(r"(?P<firm>[\u4e00-\u9fff]{2,4})(公司|厂|商行|集团)[^。]{0,60}?"
                                    r"(审理|承办|办理|执行|审)(?P=firm)[^，。；]{0,4}(案|官司)")
# 某拍卖有限公司的总经理: an auction, valuation or appraisal firm is a 中介组织 (R3 第五条)
_INTERMEDIARY_FIRM = re.compile(r"(拍卖|评估|鉴定|审计|会计师事务所)[^，。；]{0,8}"
                                r"(公司|机构|行|所)?的?$")


def firm_role_in_case(text: Text, actor: Match) -> str | None:
    """A firm's chairman or manager whose firm the words put in the case (a party) or who runs
    an intermediary: "当事人" / "中介组织" (R3's counterparts, not R1's 领导干部), else None."""
    if actor.word not in FIRM_TITLES:
        return None
    if _INTERMEDIARY_FIRM.search(text.text[max(0, actor.start - 14):actor.start]):
        return "中介组织"
    return "当事人" if _FIRM_IN_CASE.search(text.text) else None


# 区工商联主席, 国有控股公司的副总经理, 混改企业的总经理, a 国有控股 bank's 行长: a title in a body
# 第十二条 lists (社会团体, 公司、企业) whose holders are 国家工作人员 only when appointed as
# such, which the title alone does not say (a wholly state-owned organ's or firm's office is not
# among these)
_BODY_OF_MIXED_STANDING = re.compile(r"(工商联|总商会|商会|协会|国有控股|国有参股|混改|混合所有制)"
                                     r"[^，。；]{0,14}$")
_TITLES_OF_SUCH_BODIES = FIRM_TITLES | {"主席", "副主席", "行长"}
# 城投公司的钱副总经理, 县供销社的王主任: a firm's deputy or a 供销社's (a co-operative's) head,
# whose 国家工作人员身份 the title does not give (a state firm's own 董事长 or 总经理 is taken
# as its leader, as 第十二条 lists 公司、企业 among the bodies; a 副总 with no firm named before
# him is no leader's title at all: actor_patterns.firm_title_of_own)
_FIRM_BODY = re.compile(r"(公司|集团|城投|农投|企业|国企)[^，。；“”]{0,8}$")
_FIRM_DEPUTIES = frozenset({"副总经理", "副总", "副董事长"})
_COOPERATIVE_BODY = re.compile(r"供销(合作)?社[^，。；“”]{0,3}$")
# 县委任命的, 有国家工作人员身份, （正处级）: the standing stated
_STANDING_STATED = re.compile(r"国家工作人员|(县委|市委|区委|省委|组织部|政府|国资委?)"
                              r"[^，。；]{0,4}(任命|委派|管理)|[正副]?[处科厅局]级")


# 退到二线的老王（原来是县财政局局长，现在挂个调研员）: a former office, and whether the rank
# held now is a 领导干部's of 第十二条 the title does not say
_SECOND_LINE = re.compile(r"退(居|到|下|至)?二线")


def _village(text: Text, match: Match) -> bool:
    return bool(VILLAGE_BODY.search(text.text[max(0, match.start - 8):match.start]))


def title_leaves_open(text: Text, actor: Match, titles: list[Match]) -> bool:
    """True when the actor's title is one of a body of mixed standing (工商联, a state-holding
    firm), or a deputy's seat or a village's or community's office and no other office is
    named beside it (县人大代表、镇副镇长 is a cadre as the 副镇长).
    ``titles``: every leader's title the words name."""
    if actor.word in _TITLES_OF_SUCH_BODIES and _BODY_OF_MIXED_STANDING.search(
            text.text[max(0, actor.start - 20):actor.start]):
        return True
    if _SECOND_LINE.search(text.text[max(0, actor.start - 24):actor.end + 24]):
        return True
    before = text.text[max(0, actor.start - 14):actor.start]
    if ((actor.word in _FIRM_DEPUTIES and _FIRM_BODY.search(before))
            or (actor.word in ("主任", "副主任") and _COOPERATIVE_BODY.search(before))) \
            and not _STANDING_STATED.search(text.text):
        return True
    if actor.word not in SEATS and not _village(text, actor):
        return False
    return not any(
        m.word not in SEATS | FIRM_TITLES and not _village(text, m)
        # 人大常委会主任 is an office; 人大代表's own organ named before a seat is not another
        and not (actor.word in SEATS and text.text.startswith("人大", max(0, m.start - 2)))
        for m in titles if m.start != actor.start)


# 局长本人又打电话问“我秘书去过了吧”: the one named bears a claimed identity out himself.
PRINCIPAL_HIMSELF = re.compile(r"(长|书记|主任|领导)本人")
# Who acted is not established: a claimed identity (自称在省里工作, 自称“上面的领导”: the
# words in quotes are the caller's own; not 自称“受…委托”, a stated sender whose errand is
# claimed), or the words ask whether the actor holds the status
# R1 第十二条 turns on (是否具有国家工作人员身份, 是不是领导干部).
UNVERIFIED_IDENTITY = re.compile(
    # (自称“怕得罪人，想着…”: a reason given in a sentence, not a title claimed)
    r"(自称|声称|号称)[“\"]?(是|在|为)|(自称|声称|号称)[“\"](?!受|替|代)[^”，。]{1,12}”|冒充|身份不明|"
    r"(自称|声称|号称)[^，。；“”]{0,10}(秘书|司机|领导|书记|[县市区局处科厅部院庭]长|主任|亲属|亲戚|家属|"
    r"人大代表|政协委员)|"
    # 股级、不是班子成员, 公司内部聘任: the rank or the hiring leaves 国家工作人员身份的领导干部
    # (R1 第十二条) open
    r"股级|(不是|不属于|并非|非)(领导)?班子成员|内部聘任|(公司|企业)[^，。；]{0,4}聘(任|用)的|"
    # 到龄后转到人大当'调研员': a rank, no post; whether it leads is what 第十二条 asks
    r"(转|改|退)[^，。；]{0,8}(当|任|为)[‘'“\"]?(调研员|巡视员)|"
    # 民营企业董事长: R1 第十二条 names firms' leaders 具有国家工作人员身份 only
    r"(民营|私营|个体|私人|家族)(企业|公司)?[^，。；]{0,6}(董事长|总经理|副总经理|总裁)|"
    r"无法核实[^，。；]{0,6}(身份|职务)|(职务|身份)(没说|没有说|没讲|不详|未说明)|"
    # 是不是法院退下来的，没人知道: whether he is a retiree of the organ (R2 第十三条第二款)
    r"(是不是|是否)[^，。；]{0,8}(退下来|退休|离休)的?[^，。；]{0,2}[，,]?(没人|无人|谁也不)知道|"
    r"(是否|是不是|有无|有没有)[^，。；]{0,12}(领导干部|国家工作人员)|"
    # 他算领导干部吗？
    r"算(不算)?[^，。；]{0,4}(领导干部|国家工作人员)吗?[？?]")
