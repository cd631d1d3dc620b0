"""Readings of the seed the engine got wrong (session 35), each with its control.

- R1 第三条: 一个具体案子也没点 says no case was named; a closing 具体案子你们依法办 asks only that
  the law be followed, while a case raised at the end (临走才说那个案子缓一缓) still counts.
- R1 第六条 / R2 第七条: a transfer 说是“工作需要” with 没开党组会、也没走任何程序 has neither legal
  cause nor procedure; 有没有经过党组会 and 走没走程序 only ask.
- R3 第七条: 从来没报过 and 报什么报 say no report was made; 犯嘀咕 is worry, not hearsay.
- R3 第五条第（一）项: 透了个底 leaks; 明天去冻结他的账户，你跟他说一声 tips off a party.
- R3 第五条第（二）项: 换某某律所的王律师吧 recommends a lawyer.
- R2 第五条: another organ's 协查函 with its seal asks by procedure.
- R3 第八条: 在原单位没有代理过任何案件 sets the former unit apart.
- R2 第四条: 一字不差地记进了登记表 is a record (不差 negates nothing); a high court's written
  guidance to an intermediate court is a superior's, and 没有说这件具体怎么判 denies an opinion.
- R3 第六条: 未接来电 negates nothing after it; a 咖啡 shop is no workplace.
- R1 第八条第（四）项: a party committee's letter 请法院暂停执行 asks for a handling.
- R2 第九条第（三）项: 把一个信封交给承办法官 passes papers.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_no_case_named_in_any_word_order(assessor: Assessor) -> None:
    situation = ("县委书记到县法院调研执行工作，讲了一个多小时，要求各部门配合法院查人找物，"
                 "一个具体案子也没点。")
    result = assessor.assess(situation)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R1-3"


def test_a_closing_word_for_the_law_names_no_case(assessor: Assessor) -> None:
    urged = ("市委副书记到区法院调研，听取执行工作汇报，当场要求财政部门配合法院查控，没点任何"
             "一个具体案子，临走说了句“具体案子你们依法办”。")
    raised = ("市委副书记到区法院调研，听取执行工作汇报，当场要求财政部门配合法院查控，没点任何"
              "一个具体案子，临走才说：“那个砖厂的案子你们缓一缓。”")
    assert assessor.assess(urged).verdict == "lawful"
    assert assessor.assess(raised).facts.specific_case is not False
    assert assessor.assess(raised).verdict != "lawful"


def test_a_transfer_with_no_procedure_is_retaliation(assessor: Assessor) -> None:
    denied = ("刑庭的孔法官去年把分管副院长过问案件的情况如实登记了。今年庭长把他调到档案室，"
              "说是“工作需要”，院里没开党组会，也没走任何程序。")
    asked = ("刑庭的孔法官去年把分管副院长过问案件的情况如实登记了。今年庭长把他调到档案室，"
             "说是“工作需要”，有没有经过党组会研究，走没走程序，我不清楚。")
    result = assessor.assess(denied)
    assert result.verdict == "violation"
    assert first_rule(assessor, denied) in ("R2-7", "R1-6")  # (a 副院长 inquired)
    assert assessor.assess(asked).verdict == "undetermined"


def test_never_reported_and_why_report(assessor: Assessor) -> None:
    never = ("4月6日周六，房法官在同学聚会上跟一个律师坐一桌，那律师正代理他手上的案子，两人聊了"
             "一阵。4月15日我问纪检组，那边说房法官从来没报过这件事。")
    scorned = ("4月6日周六，房法官在同学聚会上跟一个律师坐一桌，那律师正代理他手上的案子，两人"
               "聊了一阵。我问他有没有跟纪检组说，他说：“又没谈什么，报什么报。”")
    for situation in (never, scorned):
        result = assessor.assess(situation)
        assert result.facts.reported is False
        assert result.verdict == "violation"


def test_worry_is_no_hearsay(assessor: Assessor) -> None:
    situation = ("我表哥跟着我去了鲁法官的乔迁宴，席间端着酒去聊他的案子。我听了心里直犯嘀咕，"
                 "怕给法官添麻烦。")
    assert not assessor.assess(situation).facts.hearsay


def test_tipping_off_is_a_leak(assessor: Assessor) -> None:
    told = "原告律师给当事人发微信：“卞法官私下跟我透了个底，合议庭三个人都支持我们，先别往外说。”"
    tipped = "执行法官给被执行人的律师打电话：“明天上午我们去冻结他那两个账户，你跟他说一声。”"
    for situation in (told, tipped):
        assert "leak" in conduct_read(assessor, situation)
        assert first_rule(assessor, situation) == "R3-5-1"
    plain = "执行法官给被执行人的律师打电话：“明天上午我们去冻结他那两个账户，请通知他到场。”"
    assert "leak" not in conduct_read(assessor, plain)


def test_naming_the_lawyer_to_change_to(assessor: Assessor) -> None:
    situation = "调解时，承办法官对被告说：“你这个律师不熟悉建工案子，换某某律所的刘律师吧。”"
    assert "recommend_lawyer" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_sealed_letter_from_another_organ_is_procedure(assessor: Assessor) -> None:
    situation = "区检察院寄来协查函，盖院章，请我院告知一件民事案件的保全情况，用于审查起诉。"
    result = assessor.assess(situation)
    assert result.facts.via_procedure is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R2-5"


def test_no_case_at_the_former_unit(assessor: Assessor) -> None:
    apart = ("从区法院辞职的律师在邻区法院代理案件，有人说他违反了离任规定。他2016年辞职，在原单位"
             "没有代理过任何案件。")
    there = "从区法院辞职的律师今年在原单位代理了一起买卖合同纠纷，委托人跟他没有亲属关系。"
    assert assessor.assess(apart).facts.former_unit_case is False
    assert assessor.assess(apart).verdict == "lawful"
    assert assessor.assess(there).verdict == "violation"


def test_word_for_word_is_a_record(assessor: Assessor) -> None:
    situation = ("分管民事的副院长在电梯里对承办法官说：“那个物业案注意审限。”承办法官回去就把"
                 "这句话一字不差地记进了过问登记表。")
    result = assessor.assess(situation)
    assert result.facts.recorded is True
    assert result.verdict == "lawful"


def test_a_high_courts_written_guidance_is_a_superiors(assessor: Assessor) -> None:
    situation = ("省高院民一庭给某中院发了书面指导意见，统一一批同类物业纠纷的裁判尺度，提到了中院"
                 "正在审的一件。意见按程序经分管院领导签发，没有说这件具体怎么判。")
    result = assessor.assess(situation)
    assert result.facts.insider_relation == "superior"
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R2-4"


def test_a_missed_call_negates_nothing(assessor: Assessor) -> None:
    situation = ("那律师后来又打电话约院长喝茶，院长没接，周一把这个未接来电也写进了交给纪检组的"
                 "报告。")
    assert assessor.assess(situation).facts.recorded is not False


def test_a_coffee_shop_is_outside_work(assessor: Assessor) -> None:
    situation = "邹法官自己说：“我周四跟被告律师在上岛咖啡谈了谈调解方案，没报批。”"
    result = assessor.assess(situation)
    assert result.facts.at_workplace is False
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-6"


def test_a_committees_letter_asking_to_stop_enforcement(assessor: Assessor) -> None:
    asked = ("某镇党委以党委名义给县法院发函：被执行人是镇里的纳税大户，“请法院暂停执行，解除对其"
             "账户的冻结”。执行法官把函件扫描入卷。")
    lawful = ("某镇党委以党委名义给县法院发函，请法院依法处理被执行人的案件，没有提任何具体要求。"
              "执行法官把函件扫描入卷。")
    assert assessor.assess(asked).verdict == "violation"
    assert first_rule(assessor, asked) == "R1-8-4"
    assert assessor.assess(lawful).verdict != "violation"


def test_an_envelope_handed_to_the_judge_is_papers(assessor: Assessor) -> None:
    situation = ("市检察院的检察官来中院开会，把一个信封交给民事庭的承办法官，说是被告托他带的"
                 "“补充说明”，没走诉讼服务中心。")
    assert "pass_materials" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"
