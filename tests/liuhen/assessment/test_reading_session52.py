"""Readings of the seed the engine got wrong (session 52, sets FK to FN read once FO to FR had
been commissioned), each with its control.

- R3 第八条: a former judge who acts 跟县法院打执行异议 acts before the court he left (跟 is no
  part of the court's name, and 跟县法院一点关系都没有 sets it apart); 原来刑庭的…案子还就在刑庭审
  is his former division's case.
- R3 第五条第（四）项: 我不好拒绝，把车钥匙给了他 lends the car; it refuses nothing.
- R1 第三条: a 座谈 on the law that 不碰在审的案子 or 不涉及任何具体的案子 concerns no case.
- R1 第六条: a recorder's move he applied for himself (自己报名参加遴选) with 党组研究 and 公示
  is lawful, however the move is worded (调到, 把他调去); a move with no ground and no 党组研究
  stays a violation.
- R3 第七条: “碰上了而已，不用报” is the officer's refusal to report the chance contact.
- R3 第五条第（四）项: a judge who 一直用我店里的备用电脑 uses a party's thing as his own.
- R3 第五条第（三）项: 推辞了两回还是来了, 饭钱是我结的: the meal refused at first, then taken.
- R3 第五条第（一）项: “合议庭已经评议了，驳回起诉” told before the ruling; 讯问笔录里的话讲给
  被害人听.
- R3 第五条第（二）项: “被告正急着找律师，你去接” hands a lawyer friend the case.
- R1 第八条第（四）项: minutes that 暂停对…的强制执行 and have the seals 撤除, a notice that courts
  应当支持 the penalties: a document that orders the outcome (a 协调会 that settles who helps
  with service does not).
- R1 第八条第（一）项: 判的时候也向着司机点 asks the court to lean; 第（五）项: 把…承办法官换个
  老成点的 would change the judge.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


def test_a_former_judge_before_the_court_he_left(assessor: Assessor) -> None:
    same_court = assessor.assess("老周原来在县法院执行局干了十年，辞职后做了律师，现在代理被执行人"
                                 "跟县法院打执行异议，他跟被执行人没有亲属关系。")
    assert same_court.facts.former_unit_case is not False
    assert "R3-8" in rules_with_status(same_court, "violation")
    same_division = assessor.assess("原来刑庭的郑法官辞职后当了律师，现在替一个被告人辩护，案子还"
                                    "就在刑庭审。他跟被告人非亲非故。")
    assert same_division.facts.former_unit_case is True
    assert same_division.verdict == "violation"
    other_court = assessor.assess("老周原来在县法院执行局干了十年，辞职后做了律师，现在代理一家公司"
                                  "在邻县法院打执行异议，他跟那家公司没有亲属关系。")
    assert other_court.facts.former_unit_case is False
    assert other_court.verdict == "lawful"
    set_apart = assessor.assess("老周原来在县法院执行局干了十年，辞职后做了律师，代理了邻县法院的"
                                "一起借款纠纷，这案子跟县法院一点关系都没有。")
    assert set_apart.facts.former_unit_case is False
    assert set_apart.verdict == "lawful"


def test_a_refusal_the_party_could_not_make(assessor: Assessor) -> None:
    lent = assessor.assess("我是一起租赁纠纷的原告，承办法官上周末找我借小货车拉家具，我不好拒绝，"
                           "把车钥匙给了他。")
    assert not lent.facts.refused
    assert "borrow" in (lent.facts.conduct or [])
    assert "R3-5-4" in rules_with_status(lent, "violation")
    refused = assessor.assess("我是一起租赁纠纷的原告，承办法官上周末找我借小货车拉家具，我当场"
                              "拒绝了。")
    assert refused.facts.refused is True
    assert refused.verdict == "lawful"


def test_a_talk_on_the_law_that_touches_no_case(assessor: Assessor) -> None:
    for no_case in ("政法委召集两院座谈金融借款案件的法律适用，只谈裁判尺度，不碰在审的案子。",
                    "政法委召集两院座谈金融借款案件的法律适用，不涉及任何具体的案子。"):
        result = assessor.assess(no_case)
        assert result.facts.specific_case is False, no_case
        assert result.verdict == "lawful", no_case
        assert "R1-3" in rules_with_status(result, "lawful"), no_case
    named = assessor.assess("政法委书记召集法官座谈，点了在审的那起借款案，要求判的时候从轻。")
    assert named.facts.specific_case is not False
    assert named.verdict == "violation"


def test_a_recorders_move_he_applied_for(assessor: Assessor) -> None:
    applied = assessor.assess("严法官前年如实登记过副市长为一个案子打来的电话，今年调到了省高院。"
                              "他自己报名参加遴选，笔试面试后经党组研究、公示，调令正式下达。")
    assert applied.facts.lawful_ground is True
    assert applied.verdict == "lawful"
    assert "R1-6" in rules_with_status(applied, "lawful")
    worded = assessor.assess("严法官前年如实登记过副市长为一个案子打来的电话。今年他自己报名参加"
                             "省高院遴选，院党组按程序研究后把他调去了省高院。")
    assert worded.facts.lawful_ground is True
    assert "R1-6" in rules_with_status(worded, "lawful")
    moved = assessor.assess("严法官前年如实登记过副市长为一个案子打来的电话，今年被调到了档案室，"
                            "没有任何理由，也没经过党组研究。")
    assert moved.facts.lawful_ground is not True
    assert "R1-6" in rules_with_status(moved, "violation")


def test_no_need_to_report_is_no_report(assessor: Assessor) -> None:
    scorned = assessor.assess("民警老孙在超市碰到嫌疑人的哥哥，对方拉着他说了几句案子。事后我问他"
                              "要不要跟所里说一声，他说“碰上了而已，不用报”。")
    assert scorned.facts.reported is False
    assert "R3-7" in rules_with_status(scorned, "violation")
    reported = assessor.assess("民警老孙在超市碰到嫌疑人的哥哥，对方拉着他说了几句案子。他嘴上说"
                               "“碰上而已，不用报”，第二天还是向所里纪检交了书面报告。")
    assert reported.facts.reported is True
    assert reported.verdict == "lawful"


def test_a_partys_thing_in_the_officers_daily_use(assessor: Assessor) -> None:
    party = assessor.assess("苗法官的笔记本电脑坏了，这一个月一直用我店里的备用电脑。我是他手上"
                            "那起合同案的被告。")
    assert "borrow" in (party.facts.conduct or [])
    assert "R3-5-4" in rules_with_status(party, "violation")
    no_party = assessor.assess("苗法官的笔记本电脑坏了，这一个月一直用我店里的备用电脑。我跟他手上"
                               "的案子没有任何关系。")
    assert no_party.verdict == "lawful"


def test_a_meal_refused_then_taken(assessor: Assessor) -> None:
    taken = assessor.assess("我是一起盗窃案的被害人，请办案的两个刑警到酒楼吃饭道谢，他俩推辞了两回"
                            "还是来了，饭钱是我结的。")
    assert "accept_benefit" in (taken.facts.conduct or [])
    assert "R3-5-3" in rules_with_status(taken, "violation")
    declined = assessor.assess("我是一起盗窃案的被害人，请办案的两个刑警到酒楼吃饭道谢，他俩推辞了"
                               "两回，最后没来，饭钱是我自己结的。")
    assert declined.verdict == "lawful"


def test_a_panels_decision_told_before_it_is_given(assessor: Assessor) -> None:
    told = assessor.assess("审我那起合同案的行政庭法官给对方的出庭人员发微信：“合议庭已经评议了，"
                           "驳回起诉，裁定书下周出。”")
    assert "leak" in (told.facts.conduct or [])
    assert "R3-5-1" in rules_with_status(told, "violation")
    announced = assessor.assess("审我那起合同案的行政庭法官在法庭上宣布：合议庭评议后，当庭宣判"
                                "驳回起诉。")
    assert "leak" not in (announced.facts.conduct or [])
    assert announced.verdict == "lawful"


def test_an_interrogation_record_told_to_the_other_side(assessor: Assessor) -> None:
    told = assessor.assess("办我弟弟案子的侦查员，把我弟弟讯问笔录里的话一句一句讲给被害人听，"
                           "被害人转头就在村里传开了。")
    assert "leak" in (told.facts.conduct or [])
    assert told.verdict == "violation"


def test_a_case_handed_to_a_lawyer_friend(assessor: Assessor) -> None:
    handed = assessor.assess("执行法官跟他的律师朋友说：“我手上那个被告正急着找律师，你去接，"
                             "我跟他说一声。”")
    assert "recommend_lawyer" in (handed.facts.conduct or [])
    assert "R3-5-2" in rules_with_status(handed, "violation")
    kept_out = assessor.assess("执行法官跟他的律师朋友说：“我手上那个被告已经请了律师，你别去凑"
                               "热闹。”")
    assert "recommend_lawyer" not in (kept_out.facts.conduct or [])
    assert kept_out.verdict != "violation"


def test_a_document_that_orders_the_outcome(assessor: Assessor) -> None:
    for ordered in ("县政府常务会议纪要写明：为保住全县纳税大户，会议议定，县法院暂停对县酒厂的强制"
                    "执行，已经贴上的封条一周内撤除。纪要抄送了县法院。",
                    "县政府办公室印发通知，抄送县法院，里面写着：整治期间引发的行政诉讼，人民法院"
                    "应当支持行政机关的处罚决定。"):
        result = assessor.assess(ordered)
        assert "directive" in (result.facts.conduct or []), ordered
        assert "R1-8-4" in rules_with_status(result, "violation"), ordered
    coordinated = assessor.assess("县委政法委召开协调会，议定事项：一、人社局核实欠薪工人名单；二、"
                                  "街道协助法院送达；三、法院对这批案件依法立案、依法审理。会上没有"
                                  "对任何案件的事实和结果表态。")
    assert "directive" not in (coordinated.facts.conduct or [])
    assert coordinated.verdict == "lawful"


def test_asked_to_lean_towards_one_side(assessor: Assessor) -> None:
    leaning = assessor.assess("国有的市交投集团总经理给立案庭长打电话：“那几个货车司机是我们的"
                              "合作户，他们的案子今天就给立上，判的时候也向着司机点。”")
    assert "plead" in (leaning.facts.conduct or [])
    assert "R1-8-1" in rules_with_status(leaning, "violation")
    asked = assessor.assess("国有的市交投集团总经理给立案庭长打电话，问那几个货车司机的起诉材料"
                            "收齐没有，别的什么也没说。")
    assert "plead" not in (asked.facts.conduct or [])
    assert asked.verdict != "violation"


def test_a_cadre_who_would_change_the_judge(assessor: Assessor) -> None:
    swap = assessor.assess("县政协副主席说他要找院长，把我那起官司的承办法官换个老成点的。")
    assert "other" in (swap.facts.conduct or [])
    assert "R1-8-5" in rules_with_status(swap, "violation")
    told = assessor.assess("我那起官司的承办法官换了人，县政协副主席听说后什么也没说。")
    assert "other" not in (told.facts.conduct or [])
    assert told.verdict != "violation"
