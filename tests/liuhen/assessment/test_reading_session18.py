"""Constructions read in session 18 (issue 11, set Z's lawful situations called violations, and
set Y's): a chat screenshot handed over is no phone number passed to a lawyer, a meal refused
in a reply, an organ that invites courts to a meeting on a policy (请…座谈) pleads nothing, a
retiree who drops into his old division (庭里坐坐) meets no one privately, hardship alleged
against a lawyer is no retaliation against a recorder, a former unit said to have had no part
in the case, and a former employee whose post carried no judicial duty. Every sentence is
written for the test from the regulations' own terms, not taken from any situation set; each
change was kept only if no author's set lost a verdict by it (docs/benchmarks.md, "Assessment
engine, session 18")."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_provision


def test_a_chat_screenshot_handed_over_recommends_no_lawyer(assessor: Assessor) -> None:
    """「微信截图（…交给…）：律师…」 names a document and who wrote in it; R3 第五条第（二）项
    (「为当事人推荐、介绍诉讼代理人、辩护人」) needs a lawyer put forward, and the judge's reply
    turns the meal down: nothing of R3 第五条 happened."""
    result = assessor.assess("微信记录（代理律师交给律协的材料）：律师：“李法官，周六中午一起"
                             "吃个饭？”李法官：“案子没结，饭就不吃了，有事周一到法院说。”此后两人未在法院外见面。")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_an_invitation_to_a_policy_meeting_pleads_nothing(assessor: Assessor) -> None:
    """「请中院座谈…」 invites a court to a meeting; a meeting on a kind of case that names no
    case and gives no opinion on one is R1 第三条's 「组织研究司法政策」."""
    result = assessor.assess("市委政法委请中院座谈“涉企案件慎用查封”，会上只讲了政策原则，"
                             "没有提到任何在办案件，也没有提处理意见。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R1", 3)


def test_a_retiree_dropping_into_his_old_division_meets_no_one(assessor: Assessor) -> None:
    """「到原来的庭里坐坐」 is a visit to the workplace, not 私下会见 (R2 第九条第（二）项);
    R2 第十三条第二款 reaches a retiree only 「违反规定干预办案的」."""
    result = assessor.assess("退休的老庭长每月来院里老干部活动室看报，有时到原来的庭里坐坐。"
                             "督察查了来访登记和监控，没有发现他问过在办案件。")
    assert "private_meeting" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_hardship_alleged_against_a_lawyer_is_no_retaliation(assessor: Assessor) -> None:
    """R2 第七条 protects 「如实记录过问案件情况的人员」; a lawyer's claim that a judge
    刁难律师 by asking to meet at the court is no retaliation against a recorder."""
    result = assessor.assess("某律师投诉区法院法官“刁难律师”：律师要求到法官家附近面谈，"
                             "法官答复请在工作日到法院律师接待室谈，后来在接待室按约见了面。")
    assert not result.facts.retaliation
    assert result.verdict != "violation"  # a complaint: whether it is true is R3 第十条's to check
    assert all((p.alias, p.article) != ("R2", 7) for p in result.provisions)


def test_a_former_unit_said_to_have_had_no_part(assessor: Assessor) -> None:
    """R3 第八条 bars only 「担任原任职单位办理案件的诉讼代理人或者辩护人」: the former unit
    (市检察院), named again to say it took no part, is not the case's organ."""
    result = assessor.assess("张律师两年前从市检察院辞职做律师，现在为一起区检察院起诉、"
                             "区法院审理的诈骗案辩护。该案从侦查到起诉都在区里，市检察院没有参与任何环节。")
    assert result.facts.former_officer is True
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"


def test_a_former_employee_with_no_judicial_duty(assessor: Assessor) -> None:
    """R3 第十四条: 司法人员 are those 「依法履行审判、执行、检察、侦查、监管职责的人员」; one who
    kept the court's computers (没有审判、执行职责) and left to practise is not barred by
    第八条 from his former court's cases."""
    result = assessor.assess("赵律师原来在区法院信息中心做机房维护，没有审判、执行职责，去年辞职"
                             "当了律师，现在代理一起区法院审理的合同纠纷，当事人问原单位的案子能否代理。")
    assert result.facts.judicial_duty is False
    assert result.verdict == "lawful"
    assert result.actor_role == "律师"


def test_a_former_judge_in_his_former_courts_case_stays_a_violation(assessor: Assessor) -> None:
    """The guard: a former judge of the court that hears the case, as its defence counsel, is
    what R3 第八条 forbids (「担任原任职单位办理案件的诉讼代理人或者辩护人」)."""
    result = assessor.assess("钱律师去年从县法院刑庭辞职，现在担任县法院正在审理的一起"
                             "盗窃案被告人的辩护人，他不是被告人的监护人或者近亲属。")
    assert result.facts.judicial_duty is None
    assert result.verdict == "violation"


def test_an_officer_who_goes_to_a_lawyer_to_verify_recommends_no_one(assessor: Assessor) -> None:
    """找…律师核实: the officer seeks a lawyer out for the case's own inquiry, not 「为当事人推荐、
    介绍诉讼代理人、辩护人」 (R3 第五条第（二）项); the contract in dispute (借款合同) is no
    borrowing; whether the visit away from work was approved is left open by the account."""
    result = assessor.assess("上周三，承办检察官带书记员到一家律所会议室，找该所作为证人的一名律师"
                             "核实借款合同的签署经过。律所的人说，这次外出是否报批过，他们不知道。")
    conduct = result.facts.conduct or []
    assert "recommend_lawyer" not in conduct and "borrow" not in conduct
    assert result.verdict == "undetermined"
    assert unknown.APPROVAL in result.missing_facts


def test_sending_a_party_to_a_named_lawyer_stays_a_recommendation(assessor: Assessor) -> None:
    """The guard: 「去找…律师」 said to a party is R3 第五条第（二）项's 推荐、介绍."""
    result = assessor.assess("法官助理对当事人说：“你去找城西那家所的周律师，他跟我们熟。”")
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_hearsay_of_hearsay_is_not_established(assessor: Assessor) -> None:
    """「也是听…说的」: the teller only heard it; a plea so reported waits for the check of
    whether it is true (R1 第八条 needs the conduct established)."""
    result = assessor.assess("有位老律师说，副县长给检察院打过招呼，案子才不起诉；他自己也是听"
                             "嫌疑人家属说的，说不出是哪位副县长。")
    assert result.facts.hearsay is True
    assert result.verdict == "undetermined"


def test_nobody_can_say_whether_a_transfer_had_a_lawful_cause(assessor: Assessor) -> None:
    """R1 第六条: 「非因法定事由，非经法定程序，不得将司法人员免职、调离」; an account that says
    no one can tell whether the transfer followed the procedure leaves R1 第六条 open."""
    result = assessor.assess("法官如实记录了副市长的来电，半年后被调去信访室，单位说是正常轮岗。"
                             "调动是否经过法定程序，没人说得清。")
    r1_6 = [p for p in result.provisions if (p.alias, p.article) == ("R1", 6)]
    assert r1_6 and r1_6[0].status == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts


def test_a_transfer_said_to_be_routine_leaves_the_lawful_cause_open(assessor: Assessor) -> None:
    """R1 第六条 / R2 第七条: 「非因法定事由，非经法定程序」; a transfer the organ calls 正常轮岗,
    which the officer disputes, is neither shown to be retaliation nor shown to be lawful."""
    result = assessor.assess("刑庭法官半年前如实登记了分管副院长过问一起诈骗案的电话。上个月院里"
                             "把他调到档案室，政治部说是正常轮岗，他本人说轮岗名单里原本没有他。")
    assert result.verdict == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts


def test_a_denied_plea_heard_from_others_is_not_established(assessor: Assessor) -> None:
    """A retired deputy procurator said by others to have put in a word, who denies it: whether
    it happened is R3 第十条's / the inquiry's to establish, not the engine's to assume."""
    result = assessor.assess("公司法务听检察院的朋友说，市检察院退休副检察长老刘给办案检察官"
                             "打过招呼。老刘本人否认，办案检察官有没有记录，我们无从了解。")
    assert result.verdict == "undetermined"


def test_a_denial_that_the_evidence_contradicts_does_not_open_anything(assessor: Assessor) -> None:
    """The guard: 「否认，但录音显示…」 settles it; the plea stays a violation."""
    result = assessor.assess("副县长否认曾给承办法官打电话，但法官的通话录音显示，他在电话里要求"
                             "对被告人从轻判处、判缓刑。")
    assert result.verdict == "violation"


def test_advice_to_hire_a_professional_lawyer_names_no_lawyer(assessor: Assessor) -> None:
    """「可以找专业律师」 is general advice; R3 第五条第（二）项 is recommending or introducing a
    particular 诉讼代理人、辩护人."""
    result = assessor.assess("立案窗口的法官对来咨询的当事人说：“案子复杂，你可以找专业律师"
                             "咨询一下。”")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_firms_department_head_met_by_chance_is_no_leading_cadre(assessor: Assessor) -> None:
    """法务部长 heads a firm's department, not the firm: no 领导干部 of R1 第十二条. The judge
    who met him by chance and reported the next day did what R3 第七条 asks (「三日内」)."""
    result = assessor.assess("6月2日晚，公司法务部长在医院陪护父亲，在走廊碰到审理公司合同案的"
                             "审判长，两人寒暄几句。审判长6月3日上午就向院纪检组报告了。")
    assert result.actor_role != "领导干部"
    assert "R1" not in result.regimes
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 7)


def test_a_contact_entered_in_the_integrity_system_is_reported(assessor: Assessor) -> None:
    """填报 in the court's integrity system is the report R3 第七条 asks for; made the next
    day, within 「三日内」."""
    result = assessor.assess("5月9日晚我在商场排队结账，碰上审我们那起工程纠纷的李法官，寒暄两句就"
                             "各自走了。李法官第二天上午（5月10日）在院里廉政系统填报了这次接触。")
    assert result.facts.reported is True
    assert result.verdict == "lawful"


def test_records_the_inquiry_took_are_no_procedure_and_a_low_valuation_agreed_is_collusion(
        assessor: Assessor) -> None:
    """聊天记录已调取: the evidence an inquiry took, not a procedure the judge followed; a judge
    and an appraiser who agree beforehand to bring the valuation down is R3 第五条第（五）项's
    「与相关中介组织和人员恶意串通」, not a contact at the workplace."""
    result = assessor.assess("督察通报：执行局王法官与受托评估公司经理事先商量好，把查封商铺的"
                             "评估价往下做，起拍价压到市价一半，由经理的朋友拍得。双方的聊天记录已调取。")
    assert result.facts.via_procedure is not True
    assert "collusion" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_an_insider_asking_the_appeal_court_to_change_a_judgment_pleads(
        assessor: Assessor) -> None:
    """「一审判得太重了，你们二审给改一改」 from another organ's officer, recorded by the handler:
    the recording is the handler's duty (R2 第六条); the asking is 第九条's 请托说情, whatever
    was done with it."""
    result = assessor.assess("区检察院一位科长给中院刑庭承办法官打电话：“那个盗窃案的上诉人是我"
                             "表弟，一审判得太重了，你们二审给改一改。”法官记录在案，当天报了院纪检组。")
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"
