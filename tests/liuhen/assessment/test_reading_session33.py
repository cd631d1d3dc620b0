"""Readings of the seed the engine got wrong (session 33), each with its control.

- R1 第三条 against 第八条第（五）项: what someone feared (担心“政法委要给法院定调子”) is no
  decision made; a decision told as made is one.
- R3 第六条: 以为要私下见面 is what someone took it for, not a meeting held 私下.
- R2 第九条第（三）项: papers the officer checks or hands over in his own work (核对鉴定材料,
  交接委托材料) are carried for no party; 补充材料 handed to the judge by a party's cousin are.
- R2 第九条第（一）项: the court's own ruling (合议庭当庭驳回了异议) asks for no outcome; a basket
  put down at the gate (门口放了一箱苹果) asks for no release (把人放了).
- R3 第四条: a case moved to another judge because the recusal was granted (回避申请…院长批了，
  案子改分给…) is what 第四条 asks for, not 第九条第（五）项's interference.
- R3 第十条: an inquiry's conclusion 结论是“无问题” clears the complaint; 收了 in the complaint's
  own sentence is the allegation, not a gift taken, so a gift 退了回去 is declined.
- R3 第八条: 以监护人的身份…代理 is the guardian's exception; 原中院法官 names a former judge,
  and 在中院时也没经手过 sets his former unit apart from the case.
- R3 第七条: 被主家安排…同桌 is a contact the officer did not arrange.
- R3 第六条: 庭里批了外出勘验的单子 is the approval; 报批没有？“批什么” is none.
- R1 第六条 / R2 第七条: 没有任何处分事由 denies the ground, not the transfer (调出业务庭).
- R1 第三条: 谁也不要去法院打招呼 forbids a plea; 我已经跟法庭庭长打过招呼了 admits one, while
  another's boast (局长已经替他…打过招呼了) is no admission.
- R1 第八条第（一）项: 账户能不能先别冻 asks for an outcome.
- R3 第五条第（三）项: a meal the plaintiff paid for (原告结的账) is a benefit.
- Who acts: 林法官 named twice is one officer (his 有事到执行局谈 sends the other to the
  office); 本院法官甲 and 同院法官乙 are two. R2 第九条第（二）项: a meeting the organ approved
  is no 私下会见.
- R3 第八条: 代理其父亲 is for his kin; 原刑庭法官 names a former judge; 从未在某县法院任职 sets
  the case apart from his old court.
- R3 第七条: 同桌 at a wedding is a chance contact; R3 第六条: 去原告家 is away from the workplace;
  weekly rides together (骑行) are leisure with a lawyer (R3 第五条第（六）项).
- GUIDE section 4: an account that cannot tell whose paper it is (是家属自己打印的还是镇党委
  出具的，无从判断) or whether a secretary's call came by procedure (是县委按工作程序要情况，
  还是秘书自己打听，电话里没说) leaves the verdict open.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_a_decision_feared_is_none(assessor: Assessor) -> None:
    situation = ("区委政法委开协调会，议定欠薪案的执行由法院依法决定。会前有人担心“政法委要给法院"
                 "定调子”，其实会上没人提怎么判。")
    result = assessor.assess(situation)
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R1-3"


def test_a_decision_made_is_one(assessor: Assessor) -> None:
    situation = "区委政法委开协调会，政法委书记在会上定调：那起欠薪案先不执行。"
    assert "decide_case" in conduct_read(assessor, situation)


def test_a_private_meeting_only_supposed(assessor: Assessor) -> None:
    situation = ("法官电话约鉴定人周六到法院诉讼服务中心谈鉴定意见。鉴定人还以为要私下见面，到了"
                 "才知道是院里统一安排的加班，书记员和双方律师都在。")
    assert assessor.assess(situation).facts.via_procedure is not False


@pytest.mark.parametrize("situation", [
    "法官电话让鉴定人周一到法院诉讼服务中心核对鉴定材料，书记员和双方律师都在场。",
    "庭长把评估公司送来的委托材料在办公室交接给执行法官，书记员做了交接笔录。",
])
def test_papers_handled_in_the_officers_work(assessor: Assessor, situation: str) -> None:
    assert "pass_materials" not in conduct_read(assessor, situation)


def test_a_cousins_papers_for_the_defendant(assessor: Assessor) -> None:
    situation = "被告的表弟在法院做书记员，他把被告的几份补充材料交给承办法官，说“你看看”。"
    assert "pass_materials" in conduct_read(assessor, situation)


def test_the_courts_own_ruling_asks_for_nothing(assessor: Assessor) -> None:
    situation = "退休法官老骆代理侄子的案子。审判长看了监护判决书，合议庭当庭驳回了对方的异议。"
    assert "plead" not in conduct_read(assessor, situation)


def test_an_outcome_a_cadre_asks_of_the_court(assessor: Assessor) -> None:
    situation = ("县政府办传真来一份纪要，写明“该公司系重点企业，法院查封措施暂缓”，落款县政府"
                 "办公室。")
    assert "plead" in conduct_read(assessor, situation)


def test_a_basket_put_down_and_sent_back(assessor: Assessor) -> None:
    situation = ("元宵节那天，法庭门口放了一箱苹果，上面是原告的名片。法官让书记员把苹果"
                 "送回原告家，拍照登记。")
    result = assessor.assess(situation)
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_let_him_go_is_a_plea(assessor: Assessor) -> None:
    situation = "嫌疑人的姐夫是区检察院的检察官，他给派出所所长打电话，说“把人放了吧，都是亲戚”。"
    assert "plead" in conduct_read(assessor, situation)


def test_a_case_moved_after_a_granted_recusal(assessor: Assessor) -> None:
    situation = ("承办法官发现被告是他妻子的弟弟，当天提出回避申请，院长批了，案子改分给另一位"
                 "法官。")
    assert assessor.assess(situation).verdict == "lawful"
    assert first_rule(assessor, situation) == "R3-4"


def test_a_case_moved_for_a_party(assessor: Assessor) -> None:
    situation = "庭长收了原告的钱，把案子改分给他指定的法官。"
    assert assessor.assess(situation).verdict == "violation"


def test_a_conclusion_of_no_problem_clears(assessor: Assessor) -> None:
    situation = ("我实名举报法官收了被告的两条烟。一个月后纪检组回复：烟是被告放在传达室的，"
                 "法官当天就退了回去，结论是“无问题”。")
    result = assessor.assess(situation)
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_complaint_not_yet_answered(assessor: Assessor) -> None:
    situation = "我实名举报法官收了被告的两条烟，纪检组说正在核查。"
    assert assessor.assess(situation).verdict == "undetermined"


def test_a_retired_judge_as_his_wards_guardian(assessor: Assessor) -> None:
    situation = ("老骆是退休法官，法院指定他当智障侄子的监护人，他以监护人的身份在原来的法院"
                 "替侄子代理诉讼。")
    result = assessor.assess(situation)
    assert result.facts.former_officer is True
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-8"


def test_a_former_judge_whose_old_court_never_had_it(assessor: Assessor) -> None:
    situation = ("集团聘请原中院法官韩某作代理人，这个案子在区法院审理，韩某在中院时也没经手过。")
    result = assessor.assess(situation)
    assert result.facts.former_officer is True and result.facts.former_unit_case is False
    assert result.verdict == "lawful"


def test_a_former_judge_back_in_his_old_court(assessor: Assessor) -> None:
    situation = "集团聘请原中院法官韩某作代理人，这个案子由中院二审，和韩某没有亲属关系。"
    assert assessor.assess(situation).facts.former_officer is True
    assert assessor.assess(situation).verdict != "lawful"


def test_seated_at_one_table_by_the_host(assessor: Assessor) -> None:
    situation = ("法官在朋友婚宴上被主家安排跟一位被告的父亲同桌，对方说起案子，法官换了桌，四天后"
                 "才向纪检组报告。")
    result = assessor.assess(situation)
    assert result.facts.planned is False
    assert result.verdict == "violation" and first_rule(assessor, situation) == "R3-7"


def test_an_approved_site_inspection(assessor: Assessor) -> None:
    situation = "庭里批了外出勘验的单子，法官带书记员到村里丈量土地，原被告都在场。"
    result = assessor.assess(situation)
    assert result.facts.approved is True
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-6"


@pytest.mark.parametrize("situation", [
    "我问法官报批没有，他说：“吃顿饭而已，批什么。”当晚他和原告律师在酒店吃了饭，各付各的。",
    "我问法官有没有跟院里报批，他说：“报什么批，就是喝个茶。”当晚他和原告律师在茶楼谈了案子。",
])
def test_an_approval_scorned(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.approved is not True
    assert result.verdict != "lawful"


def test_no_ground_for_a_transfer(assessor: Assessor) -> None:
    situation = ("法官如实登记了副县长的电话。一个月后他被调出业务庭，没有任何处分事由，也没开"
                 "党组会。")
    result = assessor.assess(situation)
    assert result.facts.retaliation is True
    assert result.verdict == "violation"


def test_no_one_is_to_plead(assessor: Assessor) -> None:
    situation = "政法委开了协调会，强调案件由法院依法审理，谁也不要去法院打招呼。"
    result = assessor.assess(situation)
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_i_have_pleaded_already(assessor: Assessor) -> None:
    situation = "副县长对村民说：“我已经跟法庭庭长打过招呼了，你们的案子立不了。”"
    assert "plead" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_anothers_boast_is_no_admission(assessor: Assessor) -> None:
    situation = "客商在饭桌上说，局长已经替他跟法官打过招呼了。"
    assert assessor.assess(situation).verdict == "undetermined"


def test_do_not_freeze_the_account(assessor: Assessor) -> None:
    situation = "副市长给执行法官打电话，说这家企业的账户能不能先别冻。"
    assert "plead" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_meal_the_plaintiff_paid_for(assessor: Assessor) -> None:
    situation = "法官约原被告到农家乐吃饭谈调解，饭后原告结的账。"
    assert "accept_benefit" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_meal_the_judge_paid_for(assessor: Assessor) -> None:
    situation = "法官在法庭食堂跟原告吃了顿工作餐谈调解，饭钱是法官自己付的。"
    assert "accept_benefit" not in conduct_read(assessor, situation)


def test_the_officer_named_twice_is_one_person(assessor: Assessor) -> None:
    situation = ("执行局的林法官在办公室跟“恒达评估”的经理核对评估委托，书记员在场。"
                 "经理走时想约林法官“改天坐坐”，林法官说有事到执行局谈。")
    result = assessor.assess(situation)
    assert result.facts.actor_role == "司法人员" and result.facts.counterpart == "中介组织"
    assert result.verdict == "lawful"


def test_two_judges_of_one_court_are_two(assessor: Assessor) -> None:
    situation = ("本院法官甲打电话约同院法官乙出来喝茶，乙到了才发现在座的是自己承办案件被告的代理"
                 "律师。")
    result = assessor.assess(situation)
    assert result.facts.actor_role == "司法机关内部人员"
    assert result.verdict == "violation" and first_rule(assessor, situation) == "R2-9-2"


def test_a_meeting_the_organ_approved(assessor: Assessor) -> None:
    situation = ("执行局长批了外出审批单，同意法官周四到茶楼跟被执行人和申请执行人一起谈和解，"
                 "审批单写明了地点和参加人员，书记员做了笔录。")
    result = assessor.assess(situation)
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-6"


def test_a_retired_judge_for_his_father(assessor: Assessor) -> None:
    situation = ("县法院退休审判员钮某取得律师执业证后，在县法院代理其父亲的宅基地纠纷案，有户籍"
                 "材料证明父子关系。")
    result = assessor.assess(situation)
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-8"


def test_a_former_judge_of_a_division_whose_court_is_unsaid(assessor: Assessor) -> None:
    situation = "原刑庭法官邱某辞职当了律师，现在代理一起在市中院审理的合同纠纷。"
    result = assessor.assess(situation)
    assert result.facts.former_officer is True
    assert result.verdict == "undetermined"


def test_never_held_office_in_that_court(assessor: Assessor) -> None:
    situation = "对方律师原是市中院法官，现在代理对方在某县法院起诉我们；他从未在某县法院任职。"
    result = assessor.assess(situation)
    assert result.facts.former_unit_case is False and result.verdict == "lawful"


def test_seated_at_one_table_and_reported_next_morning(assessor: Assessor) -> None:
    situation = ("法官回老家喝喜酒，同桌坐着他手上一起离婚案被告的哥哥，对方想聊案子，"
                 "法官起身换了桌，第二天上午就向纪检组书面报告。")
    result = assessor.assess(situation)
    assert result.facts.planned is False
    assert result.verdict == "lawful" and first_rule(assessor, situation) == "R3-7"


def test_at_the_plaintiffs_home_without_approval(assessor: Assessor) -> None:
    situation = "小吴法官连着两个晚上一个人去赡养案原告家做调解工作，没填外出审批，也没带书记员。"
    result = assessor.assess(situation)
    assert result.facts.at_workplace is False
    assert result.verdict == "violation" and first_rule(assessor, situation) == "R3-6"


def test_weekend_rides_with_the_plaintiffs_lawyer(assessor: Assessor) -> None:
    situation = "案子审理期间，承办法官每个周末都和原告的代理律师一起骑行，费用各自承担。"
    result = assessor.assess(situation)
    assert result.verdict == "violation" and first_rule(assessor, situation) == "R3-5-6"


def test_whose_paper_it_is_cannot_be_told(assessor: Assessor) -> None:
    situation = ("法院收到一份打印的情况说明，落款某镇党委但没有盖章，请求法院对被告从轻判处。"
                 "是家属自己打印的还是镇党委出具的，无从判断。")
    assert assessor.assess(situation).verdict == "undetermined"


def test_a_party_committees_sealed_letter(assessor: Assessor) -> None:
    situation = "法院收到某镇党委盖章的函，请求法院对被告从轻判处。"
    result = assessor.assess(situation)
    assert result.verdict == "violation" and first_rule(assessor, situation) == "R1-8-4"


def test_a_secretarys_call_by_procedure_or_not(assessor: Assessor) -> None:
    situation = ("县委书记的秘书打电话给刑警大队长，说书记想了解一下某案进展。"
                 "是县委按工作程序要情况，还是秘书自己打听，电话里没说。")
    assert assessor.assess(situation).verdict == "undetermined"


def test_a_secretary_passing_on_a_plea(assessor: Assessor) -> None:
    situation = ("县委书记的秘书打电话给刑警大队长，说书记交代了，那个案子的嫌疑人是书记的亲戚，"
                 "尽快放人。")
    assert assessor.assess(situation).verdict == "violation"
