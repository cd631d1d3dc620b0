"""Readings of the seed the engine got wrong (session 39, sets BW to BZ read), each with its
control.

- R3 第八条: a teller who names 我原来的区法院 is a former officer; as his brother's 近亲属 agent
  there he is in 第八条's exception; a former judge of another county's court who never served
  at the court of the case is outside the bar, and so is an appeal 上诉到市中院 from a first
  instance at the former unit.
- R3 第五条第（二）项: 你们换某律所的人来 recommends a firm; 社区推荐我当他的公民代理人
  recommends the teller, no officer recommends a lawyer; 按委托函上的联系方式给承办法官打电话
  is a call, no lawyer's number handed on.
- R3 第五条第（一）项: a secret asked for (想打听合议结果) and refused in words (“宣判前不能透露”)
  is not leaked; told to one's own husband, to whom the words tie no party, it is undetermined
  (GUIDE section 4), told to a defendant's husband it is a violation.
- R3 第五条第（四）项: 打了借条 and 借了…一间周转房 are loans; 我局申请执行 makes the bureau the
  applicant, so a car it lends the enforcing judge is a party's; 维持你们的处罚 told to the
  bureau names it the party.
- R3 第五条第（三）项: 他手上正办我们公司三个案子 makes the teller's firm a party, so its gift is
  one from a party; 纪检组收了报告 took in a paper, no benefit.
- R3 第六条: 用法院座机打到我部办公室 speaks from the court; 到法院调解室面谈 is no private
  meeting; 原告有撤诉意向 tells a party's intention, no plea.
- R3 第六条: 没填外出单 and 事先没跟庭里请示 say no approval was sought; a 茶舍 is no workplace.
- R3 第七条: 排队结账，前面正是他手上案子的原告 is a chance meeting; reported the next Monday
  in writing it is lawful.
- R1 第八条: 多压一压 and 往足了判 plead for an outcome; 到茶楼…老板也在，当面把执行的事说开
  asks for a private meeting with the party (第（二）项).
- R2 第九条第（三）项: papers asked for in quotes (“直接拿给法官”) and refused are not passed.
- R2 第四条: a 批示 on the 阅核单 is guidance in writing;
  二审最近改判的一个共性问题 speaks of rulings as a kind and asks for no outcome; 借款交付凭证
  is the case's evidence, no loan.
- R1 第三条: a leading organ asking only 请核实后书面回复 learns about the case, and its letter
  left unregistered is no unrecorded 干预 (R1 第十条); a 研讨会 that 不讨论在办案件 concerns no
  case.
- R3 第十条: a complaint found untrue whose reply the firm 转给了各分公司 passed no material to
  an officer: the cleared complaint is lawful.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_a_former_judge_acting_for_his_brother_is_in_the_exception(assessor: Assessor) -> None:
    brother = ("我哥哥的借款纠纷在我原来的县法院审理。我以近亲属身份做他的诉讼代理人，"
               "授权委托书写明了兄弟关系。")
    friend = "我老同学的借款纠纷在我原来的县法院审理。我做他的诉讼代理人，开庭时出了庭。"
    result = assessor.assess(brother)
    assert result.facts.former_officer is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, brother) == "R3-8"
    assert assessor.assess(friend).verdict != "lawful"


def test_a_former_judge_of_another_court_is_outside_the_bar(assessor: Assessor) -> None:
    elsewhere = ("被告的代理律师钱某以前是外省某县法院的法官，从没在本案所在的区法院工作过。"
                 "我方查了他的履历。")
    result = assessor.assess(elsewhere)
    assert result.facts.former_officer is True
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"
    here = "被告的代理律师钱某以前是区法院的法官，辞职才半年，这个案子就在区法院审。"
    assert assessor.assess(here).verdict != "lawful"


def test_an_appeal_heard_by_another_court_is_not_the_former_units_case(
        assessor: Assessor) -> None:
    appeal = "老同学的借款纠纷一审在我原来的县法院判了，他上诉到市中院，我做他二审的代理人。"
    first = "老同学的借款纠纷在我原来的县法院审理，我做他的代理人。"
    result = assessor.assess(appeal)
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"
    assert assessor.assess(first).facts.former_unit_case is True
    assert assessor.assess(first).verdict == "violation"


def test_the_teller_recommended_as_agent_is_no_lawyer_recommended(assessor: Assessor) -> None:
    teller = "街道办推荐我当老邻居的公民代理人，他的案子在市中院二审。"
    judge = "承办法官私下给原告推荐了一个律师，说这个律师跟庭里熟。"
    assert "recommend_lawyer" not in conduct_read(assessor, teller)
    assert "recommend_lawyer" in conduct_read(assessor, judge)


def test_a_firm_named_to_replace_the_lawyer_is_a_lawyer_recommended(assessor: Assessor) -> None:
    firm = "执行法官在办公室对被执行人说：“你们换某律所的人来，案子推得快。”"
    assert "recommend_lawyer" in conduct_read(assessor, firm)
    assert assessor.assess(firm).verdict == "violation"
    assert "recommend_lawyer" not in conduct_read(
        assessor, "执行法官在办公室对被执行人说：“材料齐了，案子推得快。”")


def test_a_number_used_to_call_is_no_lawyer_recommended(assessor: Assessor) -> None:
    call = "评估公司的人按照法院委托书上的联系方式给承办法官打电话，核对了评估对象的地址。"
    handed = "执行法官把某律师的联系方式给了被执行人的老板，说找他好办事。"
    assert "recommend_lawyer" not in conduct_read(assessor, call)
    assert "recommend_lawyer" in conduct_read(assessor, handed)


def test_a_secret_asked_for_and_refused_in_words_is_not_leaked(assessor: Assessor) -> None:
    refused = "被告的哥哥打电话给审判长，想打听合议结果。审判长只说“判决前不能透露”，就挂了。"
    told = "被告的哥哥打电话给审判长，想打听合议结果。审判长说合议庭已经定了，判缓刑。"
    assert "leak" not in conduct_read(assessor, refused)
    assert "leak" in conduct_read(assessor, told)
    assert assessor.assess(told).verdict == "violation"


def test_a_leak_to_ones_own_husband_asks_who_he_is(assessor: Assessor) -> None:
    own = "王法官回家跟丈夫说了合议庭对一起盗窃案的量刑意见。"
    party = "王法官跟被告的丈夫说了合议庭对这起盗窃案的量刑意见。"
    result = assessor.assess(own)
    assert result.facts.counterpart is None
    assert result.verdict == "undetermined"
    assert "是否为当事人、律师、特殊关系人或中介组织" in result.missing_facts
    assert assessor.assess(party).verdict == "violation"


def test_the_tellers_firm_with_cases_before_the_judge_is_a_party(assessor: Assessor) -> None:
    party = ("我们公司的销售经理中秋前给承办法官送了两张购物卡，他收下了。"
             "他手上正审我们公司两个案子。")
    unknown = "中秋前有人给承办法官送了两张购物卡，他收下了。"
    result = assessor.assess(party)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    assert first_rule(assessor, party) == "R3-5-3"
    assert assessor.assess(unknown).verdict == "undetermined"


def test_a_report_taken_in_is_no_benefit(assessor: Assessor) -> None:
    report = "法官周一向纪检组交了书面报告，纪检组的同志收了报告。"
    gift = "法官周一收了原告律师送的两千元红包。"
    assert "accept_benefit" not in conduct_read(assessor, report)
    assert "accept_benefit" in conduct_read(assessor, gift)


def test_a_call_from_the_courts_phone_is_made_at_the_workplace(assessor: Assessor) -> None:
    office = "周二上午，承办法官用法院座机打到我们公司法务部：鉴定费请在本周内缴到鉴定中心账户。"
    result = assessor.assess(office)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, office) == "R3-6"
    private = "周六晚上，承办法官约被告的法务到茶楼见面，谈鉴定费的事。"
    assert assessor.assess(private).facts.at_workplace is False


def test_a_meeting_called_to_the_courts_mediation_room_is_no_private_one(
        assessor: Assessor) -> None:
    court = "法官打电话说原告有撤诉意向，请我们周四下午到法院调解室面谈，原告也来。"
    teahouse = "法官打电话说原告那边好商量，请我们周四晚上到茶楼面谈。"
    assert not conduct_read(assessor, court) & {"plead", "private_meeting"}
    assert assessor.assess(court).verdict != "violation"
    assert "private_meeting" in conduct_read(assessor, teahouse)
    assert "plead" in conduct_read(assessor, "被告的律师打电话给法官，希望法官劝原告撤诉。")


def test_a_chance_meeting_in_a_queue_reported_in_writing_is_lawful(assessor: Assessor) -> None:
    reported = ("孙法官周六在菜市场排队买菜，前面正是他手上一起离婚案的被告，对方要跟他说案子，"
                "他没接话就走了。周一上午他向院纪检组书面报告了这次碰面。")
    result = assessor.assess(reported)
    assert result.facts.planned is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, reported) == "R3-7"
    silent = ("孙法官周六在菜市场排队买菜，前面正是他手上一起离婚案的被告，对方要跟他说案子，"
              "他没接话就走了。")
    assert assessor.assess(silent).verdict == "undetermined"


def test_a_cleared_complaints_reply_passed_around_the_firm_is_no_material(
        assessor: Assessor) -> None:
    cleared = ("我司向法院纪检组实名反映承办法官私下接触对方律师。纪检组书面答复：经核查，"
               "反映不属实。公司把这份答复转给了各分公司学习。")
    result = assessor.assess(cleared)
    assert "pass_materials" not in result.facts.conduct
    assert result.verdict == "lawful"
    assert first_rule(assessor, cleared) == "R3-10"
    assert "pass_materials" in conduct_read(assessor, "律师把补充证据私下转给了承办法官。")


def test_a_plea_to_judge_it_generously_is_a_plea(assessor: Assessor) -> None:
    plea = "副区长在调解室对承办法官说：“原告家里困难，被告那头你多压一压，赔偿往足了判。”"
    assert "plead" in conduct_read(assessor, plea)
    assert assessor.assess(plea).verdict == "violation"
    assert first_rule(assessor, plea) == "R1-8-1"
    neutral = "副区长在座谈会上说：“赔偿纠纷多，法院要依法判。”"
    assert "plead" not in conduct_read(assessor, neutral)


def test_a_teahouse_meeting_with_the_boss_there_is_a_private_one(assessor: Assessor) -> None:
    teahouse = "副县长让执行法官周六到茶楼坐一坐，说被执行公司的老板也在，当面把执行的事说开。"
    assert "private_meeting" in conduct_read(assessor, teahouse)
    assert first_rule(assessor, teahouse) == "R1-8-2"
    court = "副县长请执行法官周一在法院接待室听取被执行公司的意见，书记员记录。"
    assert "private_meeting" not in conduct_read(assessor, court)


def test_papers_asked_in_quotes_and_refused_are_not_passed(assessor: Assessor) -> None:
    refused = "被告的哥哥让我“把这份材料直接拿给法官”。我拒绝了，让他到立案窗口提交。"
    done = "被告的哥哥让我“把这份材料直接拿给法官”。我照办了，交给了承办法官。"
    assert "pass_materials" not in conduct_read(assessor, refused)
    assert assessor.assess(refused).verdict != "violation"
    assert "pass_materials" in conduct_read(assessor, done)


@pytest.mark.parametrize("situation", [
    "侦查员买车差十万，向他手上那起诈骗案的被害人——一家商贸公司的老板——借了，打了借条。",
    "执行法官调来后没地方住，借了被执行人公司的一间周转房，不交房租。",
])
def test_a_loan_written_as_an_iou_or_a_flat_is_a_loan(assessor: Assessor, situation: str) -> None:
    assert "borrow" in conduct_read(assessor, situation)
    assert first_rule(assessor, situation) == "R3-5-4"


def test_the_bureau_applying_for_enforcement_is_the_party(assessor: Assessor) -> None:
    borrowed = "我局申请执行某超市罚款一案，执行法官说车辆紧张，借了我局的执法车去查封。"
    result = assessor.assess(borrowed)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    unknown = "执行法官说车辆紧张，借了一辆车去查封。"
    assert assessor.assess(unknown).facts.counterpart is None


def test_the_decision_under_review_named_as_yours_makes_you_the_party(
        assessor: Assessor) -> None:
    told = "承办法官晚上发微信给我局法规科：合议庭今天合过了，维持你们的处罚，先别外传。"
    assert assessor.assess(told).facts.counterpart == "当事人"
    assert assessor.assess(told).verdict == "violation"


def test_written_guidance_on_the_review_form_is_written(assessor: Assessor) -> None:
    written = "院长在一起劳动争议案的阅核单上批示：“请合议庭注意统一裁判尺度，依法处理。”"
    result = assessor.assess(written)
    assert result.facts.written is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, written) == "R2-4"
    oral = "院长在走廊里跟承办法官说：“这个劳动争议案，你注意统一裁判尺度。”"
    assert assessor.assess(oral).facts.written is not True


def test_rulings_spoken_of_as_a_kind_ask_for_no_outcome(assessor: Assessor) -> None:
    kind = ("中院一位法官打电话提醒承办法官注意处罚期限，这是二审最近改判的一个共性问题。"
            "法官做了记录。")
    asked = "中院一位法官打电话给承办法官，希望这个案子二审改判的可能性大一点。"
    assert "plead" not in conduct_read(assessor, kind)
    assert assessor.assess(kind).verdict == "lawful"
    assert "plead" in conduct_read(assessor, asked)


def test_a_loan_in_the_cases_evidence_is_no_loan(assessor: Assessor) -> None:
    evidence = "中院发回重审的函写明：重新核对借款交付凭证，通知案外人参加诉讼。函已入卷。"
    assert "borrow" not in conduct_read(assessor, evidence)
    assert "borrow" in conduct_read(assessor, "承办法官向原告借款五万元，至今未还。")


def test_a_leading_organ_asking_only_for_a_written_reply_is_lawful(assessor: Assessor) -> None:
    reply = "市委政法委执法监督处打电话到法院审管办：有群众反映某案一年没开庭，请核实后书面回复。"
    result = assessor.assess(reply)
    assert result.facts.reports_only is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, reply) == "R1-3"
    plea = "市委政法委书记打电话到法院，要求这个案子判被告缓刑，请书面回复。"
    assert assessor.assess(plea).verdict == "violation"


def test_a_report_only_letter_left_unregistered_is_no_unrecorded_interference(
        assessor: Assessor) -> None:
    letter = ("县委政法委发来一份函：“请你院书面报告该批案件的受理和审理进展情况。”函里没有提任何"
              "处理意见。庭长说这是了解情况，不要把它当成干预登记。")
    result = assessor.assess(letter)
    assert result.verdict == "lawful"
    assert not any(p.alias == "R1" and p.article == 10 and p.status == "violation"
                   for p in result.provisions)
    plea = ("县委副书记打电话给庭长，要求这个案子判被告缓刑。庭长说不要把这个电话登记。")
    assert assessor.assess(plea).verdict == "violation"


def test_a_seminar_on_settled_cases_concerns_no_case(assessor: Assessor) -> None:
    seminar = ("邀请函：市委政法委下周召开涉企案件法律适用研讨会，请李教授作专题发言。"
               "会议以已生效案例为素材，不讨论在办案件。")
    result = assessor.assess(seminar)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, seminar) == "R1-3"



@pytest.mark.parametrize("situation", [
    "审判长中午一个人去了法院对面的茶楼，跟本案辩护人坐了一个多小时。没填外出单。",
    "周六法官被一个律师约到他开的茶舍，聊他正在审的案子。事先没跟庭里请示，事后也没报。",
])
def test_no_outing_form_and_no_leave_asked_is_no_approval(assessor: Assessor,
                                                          situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.approved is False
    assert result.facts.at_workplace is False
    assert result.verdict == "violation"


def test_an_outing_form_filled_and_signed_is_an_approval(assessor: Assessor) -> None:
    approved = "法官周六去了被告的厂里看现场，事先填了外出审批表，庭长批了。"
    result = assessor.assess(approved)
    assert result.facts.approved is True
    assert result.verdict == "lawful"
