"""Constructions read in session 20 (issue 11, sets AE-AH's lawful situations called
violations and violations called lawful): an officer who tells of a call another officer made
to him (法官讲：副局长给他打电话), a cadre who calls the officer named inside the call (给庭长打
电话), a party's quoted request that the judge recommend a lawyer, which he refuses, and a meal
or a red packet refused by sending the other to the workplace or handing it back on the spot.
Every sentence is written for the test from the regulations' own terms, not taken from any
situation set; the changes were kept because the read sets gained verdicts by them
(docs/benchmarks.md, "Assessment engine, session 20")."""

from __future__ import annotations

from liuhen.assessment import Assessor


def test_the_officer_who_tells_of_a_call_is_not_the_one_who_called(assessor: Assessor) -> None:
    """R2 第九条第（二）项 is the act of whoever 「邀请办案人员私下会见案件当事人」: the judge
    who tells of it and refused is approached, the police deputy who called him acts."""
    result = assessor.assess("民庭法官周某在院里的廉政谈话中说起一件事：市公安局一名副局长前天"
                             "给他打电话，约他晚上到茶楼“坐一坐”，说原告的哥哥想见见他。周某"
                             "拒绝了，已经登记。")
    assert result.facts.actor_role != "司法人员"
    assert result.verdict == "violation"


def test_a_cadre_who_calls_the_division_head_is_the_actor(assessor: Assessor) -> None:
    """R1 第八条 governs the 领导干部 who calls about a case; the court named inside the call
    (给县法院民一庭庭长打电话) is the one called, not the actor."""
    result = assessor.assess("一家外地公司在县法院起诉了本县的一家企业。某副县长给县法院民一庭"
                             "庭长打电话，说被告是县里的重点企业，希望判决时“多照顾一点”。"
                             "庭长作了记录。")
    assert result.facts.actor_role == "领导干部"
    assert result.verdict == "violation"


def test_a_party_asking_the_judge_to_recommend_a_lawyer_who_refuses_recommends_none(
    assessor: Assessor,
) -> None:
    """「为当事人推荐、介绍诉讼代理人」 is the officer's act: a party's own quoted request
    (“您帮我推荐个律师吧”) the judge answers with 不能推荐 names none."""
    result = assessor.assess("诉讼服务中心窗口，一名原告对值班法官说：“您帮我推荐个好律师吧。”"
                             "值班法官说法院不能推荐律师，告诉他可以去法律援助工作站咨询。")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_meal_turned_down_by_sending_the_lawyer_to_the_court_is_no_meal(
    assessor: Assessor,
) -> None:
    """「接受当事人、律师、特殊关系人、中介组织请客送礼」 (R3 第五条第（三）项) needs the meal
    taken; 有事到法院谈 turns it down and sends him to 「工作场所、工作间」."""
    result = assessor.assess("一名律师给承办法官打电话，约他“吃个便饭聊聊案子”，法官当场说"
                             "“有事到法院谈”。第二天律师到法院接待室交了代理意见。")
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict != "violation"
