"""Readings of the seed the engine got wrong (session 40, sets CA to CD read), each with its
control.

- R1 第八条第（三）项: a secretary who says “书记交代的” pleads on the cadre's word, and the word
  is not undone by someone else's 不知道 (陆经理说不知道, 不知道是从哪听来的); the cadre who
  says of his secretary's call “小张跟你们说的那个事，你们心里有数就行” owns the errand. The
  cadre's own 并不知道 still leaves it open.
- R1 第八条第（一）项: 多体谅体谅企业的难处, 别一下子判死了 and 别上手段 plead; a mediator
  asking a party 体谅一下对方的难处 does not.
- R1 第三条: 会上没有人提具体案子, 没点任何一个案子 and 没有提哪家企业、哪个案子 concern no case;
  a cadre who afterwards names the firm's case to the 执行局长 does.
- R1 第十条: a lawful letter kept as 组织来函 and 没有记成“干预” was recorded; a plea 写成了
  “咨询” was not recorded truthfully.
- R3 第五条第（五）项: 没有按名册摇号，直接指定 a 鉴定所, 评个六折, 把评估值压到市场价六成
  rig the intermediary's work; a 鉴定机构 chosen by lot is not rigged.
- R3 第五条第（一）项: 合议庭二比一支持我们 told to a party's lawyer leaks the deliberation.
- R3 第六条: a 菜馆 is no workplace; a meeting there with defence counsel, 事先没有报批, is a
  violation, and 事先报批了 lawful.
- R3 第五条第（四）项: a 报案人 is a party to the criminal case he reported; an officer's loan
  from him is one from a party.
- R2 第九条: a police 副支队长 is a judicial insider; “今天先解冻，手续以后补” with no paper is
  no written guidance, and the officer's reply 我说解冻要报批出法律文书 names what the law asks,
  not a form the request came in.
- R3 第七条: a chance meeting that came out through a complaint, where the officer 才去做说明
  (or the inquiry found he never reported), is a report not made; where the silence is only the
  complaint's own words (有人反映：…一直没有报告) the complaint is what to verify.
- R3 第八条: a former judge who 好像在区法院干过 may or may not have served at the court of the
  case: the fact is open, not a violation; 以前在区法院当过法官 settles it.
- R1 第八条第（一）项: 账户啥时候能解冻？ asks when, and pleads for nothing the words show;
  请你们尽快解冻 pleads.
- R3 第五条第（三）项: hotels and meals 都是拍卖公司结的账 are a benefit from an intermediary,
  and 回来没报销 says nothing of refusing it.
- R1 第三条: a 常委会 whose minutes 一个字也没提 the firm's case concerns no case.
- R3 第五条第（一）项: “明天上午有行动，让你哥别在家” sent to a suspect's brother leaks the
  operation; the same words in a briefing to the squad leak nothing.
- From the read sets' largest buckets (violations left open): 借了…原告的皮卡车 is a loan of a
  vehicle (R3 第五条第（四）项); mahjong in a 棋牌室 with the case's lawyer is leisure with him
  (第（六）项), the 谈话 in which the lawyer owned it being the overseers' and no purpose of the
  contact; “就拜托你了”, “判个缓刑算了”, “这个人的材料你们先别收” and “这个案子换个审判长”
  ask something of the case; “周六搬家就拜托你了” asks a chore. So do “治安罚一下就行了，别按刑事
  立案”, “量刑时看能不能往下靠靠” and “你们判的时候心里要有杆秤”; a lecture's 每个人心里要有杆秤
  and a station's own 批评教育一下就行了 ask nothing.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status

STAFF_CALL = "县委刘副书记的秘书小张给承办法官打电话，说那家公司的案子请从轻处理。法官登记了。"


def test_the_secretary_saying_the_secretary_told_him_pleads_on_the_cadres_word(
        assessor: Assessor) -> None:
    told = ("县委刘副书记的秘书小张给承办法官打电话，说“书记交代的，那家公司的案子请多体谅企业”。"
            "法官问是不是书记本人的意思，小张说是。法官登记了。当事人说不知道这事。")
    result = assessor.assess(told)
    assert result.facts.instigated is True
    assert result.verdict == "violation"
    assert first_rule(assessor, told) == "R1-8-3"


def test_the_cadre_owning_his_secretarys_errand_instigated_it(assessor: Assessor) -> None:
    owned = STAFF_CALL + ("第二天刘副书记在会上碰到法官，说：“小张跟你们说的那个事，"
                          "你们心里有数就行。”")
    assert assessor.assess(owned).facts.instigated is True
    assert assessor.assess(owned).verdict == "violation"
    plain = assessor.assess(STAFF_CALL)
    assert plain.facts.instigated is None
    assert plain.verdict == "undetermined"


def test_the_cadres_own_ignorance_still_leaves_instigation_open(assessor: Assessor) -> None:
    unaware = ("县委刘副书记的秘书小张给承办法官打电话，说那家公司的案子请多体谅企业。"
               "法官登记了。刘副书记并不知道这事。")
    result = assessor.assess(unaware)
    assert result.facts.instigated is not True
    assert result.verdict != "violation"


def test_sparing_a_firm_in_these_words_pleads(assessor: Assessor) -> None:
    spare = ("过问登记：下午市人大常委会内司委主任王某给承办法官打电话，说二审你们多体谅体谅"
             "企业的难处，别一下子判死了。法官当即登记。")
    no_measures = "县委常委、组织部长给承办民警打电话，让他对周某“立了案就别上手段了”。"
    assert "plead" in conduct_read(assessor, spare)
    assert assessor.assess(spare).verdict == "violation"
    assert "plead" in conduct_read(assessor, no_measures)
    mediation = "调解时法官对原告说：双方都退一步，你也体谅一下对方的难处。原告同意了调解方案。"
    assert "plead" not in conduct_read(assessor, mediation)


def test_a_meeting_or_a_speech_naming_no_case_is_r1_article_3(assessor: Assessor) -> None:
    for general in ("市委政法委组织“优化营商环境”研讨会，一家企业的老总作为代表发言，讲的都是"
                    "执行难的共性问题，会上没有人提具体案子。",
                    "省委副书记在全省政法工作会上讲：执行工作要依法攻坚，加大对规避执行的惩戒。"
                    "没点任何一个案子。",
                    "县政府办发文，要求各单位对涉企案件依法审慎采取查封措施。文件没有提哪家企业、"
                    "哪个案子。"):
        result = assessor.assess(general)
        assert result.facts.specific_case is False, general
        assert result.verdict == "lawful", general
        assert first_rule(assessor, general) == "R1-3"
    named = ("副市长在会上讲：执行工作要依法攻坚。会后他单独给执行局长打电话，点了那家钢厂的"
             "案子，让先别查封。")
    assert assessor.assess(named).verdict == "violation"


def test_a_record_under_another_heading_is_a_record(assessor: Assessor) -> None:
    letter = ("县委政法委转来一封群众来信，附函写着：“请依法处理，并将处理情况反馈我委。”"
              "我院照常依法办理，原件留存。")
    kept = letter + "这件我在登记簿上标的是“组织来函”，没有记成“干预”。"
    result = assessor.assess(kept)
    assert result.verdict == "lawful"
    assert "R1-10" not in {f"{p.alias}-{p.article}" for p in result.provisions}
    disguised = "副县长打电话给承办法官，请他对被告从轻处理。法官把这个电话写成了“咨询”。"
    assert "R1-10" in rules_with_status(assessor.assess(disguised), "violation")


def test_rigging_the_choice_or_the_price_of_an_appraisal(assessor: Assessor) -> None:
    for rigged in ("鉴定材料移送时，承办法官李某没有按名册摇号，直接指定了某鉴定所。",
                   "执行法官在办公室约了评估公司经理和申请执行人，说：“那块厂房评个六折，"
                   "流拍两次正好让你们接。”经理说报告按这个数做。",
                   "承办民警没有按轮候名单，直接指定了一家评估公司，事先和经理商量好把评估值"
                   "压到市场价六成左右。"):
        assert "collusion" in conduct_read(assessor, rigged), rigged
        assert assessor.assess(rigged).verdict == "violation", rigged
    by_lot = "法院按名册摇号选定了鉴定机构，承办法官通知了双方。"
    assert "collusion" not in conduct_read(assessor, by_lot)
    assert assessor.assess(by_lot).verdict != "violation"


def test_the_panels_vote_told_to_a_lawyer_is_leaked(assessor: Assessor) -> None:
    told = "律师微信：承办法官刚才电话里说，合议庭二比一支持我们，下周宣判，先别对外讲。"
    assert "leak" in conduct_read(assessor, told)
    assert assessor.assess(told).verdict == "violation"
    assert first_rule(assessor, told) == "R3-5-1"
    refused = "律师问承办法官合议庭怎么评的，法官说宣判前不能透露。"
    assert assessor.assess(refused).verdict == "lawful"


def test_a_restaurant_meeting_with_counsel_needs_approval(assessor: Assessor) -> None:
    met = ("谈话笔录：刑二庭法官王某承认，上月某晚约被告人的辩护律师李某在一家菜馆见面，"
           "“对了对证据”，饭钱各付各的，")
    unapproved = assessor.assess(met + "事先没有报批。")
    assert unapproved.facts.at_workplace is False
    assert unapproved.verdict == "violation"
    assert first_rule(assessor, met + "事先没有报批。") == "R3-6"
    assert assessor.assess(met + "事先报批了。").verdict == "lawful"


def test_a_loan_from_the_one_who_reported_the_crime_is_from_a_party(assessor: Assessor) -> None:
    loan = "合同诈骗案的报案人郭某给承办民警发微信：“上回借你的五万块不急着还，案子多费心。”"
    result = assessor.assess(loan)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    assert first_rule(assessor, loan) == "R3-5-4"


def test_an_unfreezing_asked_with_the_papers_put_off_is_no_written_guidance(
        assessor: Assessor) -> None:
    call = ("市局经侦支队一位副支队长打我电话，要把某公司在银行的一个账户“今天先解冻，手续以后"
            "补”，说是“上面有人打了招呼”。没有通知书，也没有任何文件。我说解冻要报批出法律"
            "文书，没有办。")
    result = assessor.assess(call)
    assert result.facts.actor_role != "党政机关（以组织名义）"
    assert result.facts.written is not True
    assert result.facts.via_procedure is not True
    assert result.verdict != "lawful"


def test_a_chance_meeting_whose_silence_is_established_is_unreported(assessor: Assessor) -> None:
    owned = ("刘法官周六去参加同学婚礼，同桌恰好是他承办案件的被告赵某，席间赵某一直跟他聊案子。"
             "刘法官没当回事，直到十天后有人反映到纪检组，他才去做说明。")
    result = assessor.assess(owned)
    assert result.facts.reported is False
    assert result.verdict == "violation"
    assert first_rule(assessor, owned) == "R3-7"
    alleged = ("有人反映：刘法官周六参加同学婚礼，同桌恰好是他承办案件的被告赵某，两人聊了案子，"
               "刘法官一直没有报告。")
    assert assessor.assess(alleged).verdict == "undetermined"


def test_a_former_unit_only_guessed_at_leaves_the_bar_open(assessor: Assessor) -> None:
    guessed = ("对方请的代理律师常某以前当过法官，我们律师说他“好像在区法院干过”。现在常某代理"
               "对方在区法院的执行异议，跟对方老板没有亲属关系。")
    result = assessor.assess(guessed)
    assert result.facts.former_officer is True
    assert result.facts.former_unit_case is None
    assert result.verdict == "undetermined"
    known = ("对方请的代理律师常某以前在区法院当过法官，前年辞职。现在常某代理对方在区法院的执行"
             "异议，跟对方老板没有亲属关系。")
    assert assessor.assess(known).verdict == "violation"


def test_asking_when_an_account_is_unfrozen_pleads_for_nothing(assessor: Assessor) -> None:
    when = "镇长来电问：合作社的账户啥时候能解冻？村里几十户等着过年。"
    assert "plead" not in conduct_read(assessor, when)
    assert assessor.assess(when).verdict != "violation"
    asked = "镇长来电说：合作社的账户请你们尽快解冻，村里几十户等着过年。"
    assert "plead" in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict == "violation"


def test_a_trip_paid_by_the_auction_firm_is_a_benefit_unclaimed_or_not(
        assessor: Assessor) -> None:
    paid = ("执行二庭法官去外省查控财产，受委托的拍卖公司业务经理说“顺路”同行，三晚酒店和两顿饭"
            "都是拍卖公司结的账，法官回来没报销，也没跟任何人说。")
    result = assessor.assess(paid)
    assert "accept_benefit" in (result.facts.conduct or [])
    assert "accept_benefit" not in (result.facts.declined or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, paid) == "R3-5-3"


def test_minutes_without_a_word_of_the_case_concern_no_case(assessor: Assessor) -> None:
    minutes = ("区委常委会听取了区法院关于劳动争议案件的汇报，研究的是欠薪类案件的司法政策，"
               "纪要里一个字也没提我们集团的具体案子。")
    result = assessor.assess(minutes)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"


def test_a_raid_tipped_off_to_the_suspects_brother_is_leaked(assessor: Assessor) -> None:
    tipped = ("审核意见：行动前一晚，不是本案承办人的民警曹某给嫌疑人孙某的弟弟发微信：“明天上午"
              "有行动，让你哥别在家。”两人是同村发小。第二天孙某不在家。")
    assert "leak" in conduct_read(assessor, tipped)
    assert assessor.assess(tipped).verdict == "violation"
    assert first_rule(assessor, tipped) == "R3-5-1"
    briefing = "大队长在晨会上布置：明天上午有行动，各组七点到位。"
    assert "leak" not in conduct_read(assessor, briefing)


def test_a_pickup_borrowed_from_the_plaintiff_is_a_loan(assessor: Assessor) -> None:
    truck = "村民举报后查实：法官钱某搬家时，借了正在他手上审理的土地流转案原告的皮卡车，用了三天。"
    assert "borrow" in conduct_read(assessor, truck)
    assert assessor.assess(truck).verdict == "violation"
    assert first_rule(assessor, truck) == "R3-5-4"


def test_mahjong_with_the_cases_lawyer_is_leisure_with_him(assessor: Assessor) -> None:
    mahjong = ("某律师在纪律委员会谈话时自己承认：他代理的案子开庭后，每周六都和承办法官在一家"
               "棋牌室打麻将，输赢几千块。案子至今还没判。")
    result = assessor.assess(mahjong)
    assert result.facts.purpose == "social"
    assert result.facts.at_workplace is False
    assert result.verdict == "violation"
    assert first_rule(assessor, mahjong) == "R3-5-6"


@pytest.mark.parametrize("plea", [
    "调解室外听见司法所钱所长跟何法官说：“那个离婚案男方是我亲外甥，孩子能不能判给男方，"
    "就拜托你了。”",
    "副区长的电话打到中心值班座机，说“这个人的材料你们先别收，企业那边区里在协调”。",
    "董事长给中院院长打电话，提出“这个案子换个审判长，现在这个对国企有成见”。",
    "法院退休的原刑庭老庭长给承办法官打电话，替被告人讲情，说“初犯，判个缓刑算了”。",
    "市局刑侦支队副支队长来电，说案里毁东西的人是他亲戚，“治安罚一下就行了，别按刑事立案”。",
    "市检察院控申处的老同学给承办法官发微信：“你们那个抢劫案的小孩是我远房外甥，量刑时看能不能"
    "往下靠靠，拜托。”",
    "退休的原县法院副院长到法庭，说宅基地案的原告是他老邻居，“你们判的时候心里要有杆秤”。",
])
def test_these_words_ask_something_of_the_case(assessor: Assessor, plea: str) -> None:
    assert "plead" in conduct_read(assessor, plea)
    assert assessor.assess(plea).verdict == "violation"


@pytest.mark.parametrize("no_plea", [
    "法官的邻居说：“周六搬家就拜托你了，来抬抬东西。”",
    "培训课上老师说：执法要公正，每个人心里要有杆秤。",
    "派出所对打架的双方批评教育一下就行了，没有立案。",
])
def test_a_chore_a_lecture_or_an_own_disposition_is_no_plea(assessor: Assessor,
                                                             no_plea: str) -> None:
    assert "plead" not in conduct_read(assessor, no_plea)
