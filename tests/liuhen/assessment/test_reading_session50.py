"""Readings of the seed the engine got wrong (session 50, sets EY to FB read once FC to FF had
been written and measured), each with its control.

- R1 第六条 / R2 第七条: a recorder whose cases are taken away (收走了她手上的全部案子, 把他手上
  的…案子全撤了) or who is put 待岗 suffered a personnel action; 没有任何文件 and 也没上党组研究
  say it had no procedure, and the 党组 named as absent is no actor. 把那个案子撤了吧 stays a plea.
- R3 第七条: 隔天就报了院纪检组 is the report, in time; 被…拉着说了几句 is a chance contact;
  我上去打招呼 greets, it pleads nothing.
- R3 第五条第（二）项: 自己选，我不推荐 declines to name a lawyer; 你请的那个律师不懂建筑，换…吧
  names one. A message 发给代理律师的 is the teller writing to a lawyer, no lawyer's contact given,
  and 以单位名义 is no workplace.
- Pleas: 往下压一压, 少认定一点, 执行别太狠; 出了事算谁的 pleads nothing. A leak: 量刑建议我们内部
  定了两年. Hearsay: 听人讲. A question 问…大概判几年 asks the outcome, it decides nothing.
- Who acted: 他是书记员还是保安的，我没问 leaves open whether he holds a judicial post (是否依法
  履行审判、执行、检察、侦查、监管职责), which R3 第五条 turns on.
- R1 第三条: an organ's notice that 任何人不准给办案人员打招呼 bans the plea it names.
- R1 第八条: 你再封下去，今年提拔的事就别想了, 先别收，等开完会再说 (not 材料不齐，先别收，补齐了
  再来), 出了事你们法院负责 press the officer; 请法院…维持处罚决定 and 必须判实刑 ask an outcome.
  心里有个准备，至少要等三个月 tells a wait, not a sentence.
- R3 第九条 / 第十条: a named complaint (实名举报) answered 没收礼 or 没有这回事 is settled.
- R3 第五条第（三）项: 信达评估的经理 is an intermediary; a sale 按价目表收款 to a judge who
  不审我们店任何案子 concerns no case.
- No case: 他只讲了法律规定，案子的事一句没问 and 只给我讲了…一般怎么认定 explain the law.
- Open: 是正常调动还是穿小鞋？ asks the transfer's ground; a letter 里面写的啥我们没看 and
  什么意见，没人跟我讲 leave its content, and so whether it decides anything, unknown.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status


def test_a_recorders_cases_taken_away_without_procedure(assessor: Assessor) -> None:
    taken = assessor.assess("刘法官登记了副院长过问的电话，副院长第二天就收走了她手上的全部案子，"
                            "让她待岗，没有任何文件。")
    assert taken.facts.recorded is True
    assert taken.facts.retaliation is True
    assert "R2-7" in rules_with_status(taken, "violation")
    withdrawn = assessor.assess("庭长登记了院长过问的事，院长把他手上的二十几个案子全撤了，"
                                "也没上党组研究。")
    assert withdrawn.facts.retaliation is True
    assert withdrawn.facts.actor_role == "本机关领导干部"  # the 院长, not the absent 党组
    assert "R2-7" in rules_with_status(withdrawn, "violation")
    plea = "把那个案子撤了吧，别闹了。"
    assert "plead" in conduct_read(assessor, plea)
    assert assessor.assess(plea).facts.retaliation is None


def test_a_chance_contact_reported_the_next_day(assessor: Assessor) -> None:
    for reported in ("王法官在菜市场碰到原告律师，打了个招呼，隔天就报了院纪检组。",
                     "李警官在菜市场被嫌疑人的哥哥拉着说了几句，第二天就向局纪委交了书面报告。"):
        result = assessor.assess(reported)
        assert result.facts.reported is True, reported
        assert result.facts.report_days == 1, reported
        assert result.verdict == "lawful", reported
        assert first_rule(assessor, reported) == "R3-7", reported
    unreported = assessor.assess("李警官在菜市场被嫌疑人的哥哥拉着说了几句。")
    assert unreported.facts.planned is False
    assert unreported.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in unreported.missing_facts


def test_a_lawyer_declined_named_or_only_written_to(assessor: Assessor) -> None:
    declined = assessor.assess("我问李法官能不能推荐个律师，他说：“自己选，我不推荐。”")
    assert "recommend_lawyer" in (declined.facts.declined or [])
    assert declined.verdict == "lawful"
    named = "开庭前李法官在楼梯口拦住原告：“你请的那个律师不懂建筑，换城南的周强吧，他跟我们庭熟。”"
    assert "recommend_lawyer" in conduct_read(assessor, named)
    assert assessor.assess(named).verdict == "violation"
    written_to = assessor.assess("发给代理律师的微信：区政府以单位名义给法院寄了份材料，里面写的"
                                 "什么我们不知道。")
    assert "recommend_lawyer" not in (written_to.facts.conduct or [])
    assert written_to.facts.at_workplace is None
    assert written_to.verdict != "violation"


def test_pleas_a_leak_hearsay_and_a_question_of_the_sentence(assessor: Assessor) -> None:
    for plea in ("副院长把承办人叫到办公室：“那个工伤案，被告是我朋友，赔偿你往下压一压。”",
                 "副检察长找承办人说，嫌疑人是他老战友，审查起诉时少认定一点数额。",
                 ("执行局王法官说，民一庭李庭长让他对被执行人张某“执行别太狠”，同事间一句话，他"
                  "就没记。")):
        assert "plead" in conduct_read(assessor, plea), plea
        assert assessor.assess(plea).verdict == "violation", plea
    worry = "同庭的副庭长来打听她手上一个案子的合议情况，她没记。她问：出了事算谁的？"
    assert "plead" not in conduct_read(assessor, worry)
    leak = "检察官在小区门口对嫌疑人老婆说：“量刑建议我们内部定了两年，你们心里有个底。”"
    assert "leak" in conduct_read(assessor, leak)
    assert first_rule(assessor, leak) == "R3-5-1"
    heard = assessor.assess("邻居老赵听人讲，法院有位副庭长替被告向承办法官求过情。")
    assert heard.facts.hearsay is True
    assert heard.verdict == "undetermined"
    asked = assessor.assess("县委政法委一位干事打电话问承办法官，那个盗窃案大概判几年。")
    assert "decide_case" not in (asked.facts.conduct or [])
    assert asked.verdict != "violation"
    decided = "县委书记在会上定调：这个案子判三年。"
    assert "decide_case" in conduct_read(assessor, decided)
    assert assessor.assess(decided).verdict == "violation"


def test_whether_the_one_who_acted_is_a_judicial_officer(assessor: Assessor) -> None:
    open_post = assessor.assess("法院一个年轻人塞给我一张律师名片，说这个律师好使。他是书记员还是"
                                "保安的，我没问。")
    assert unknown.JUDICIAL_DUTY in (open_post.facts.open_facts or [])
    assert open_post.verdict == "undetermined"
    assert unknown.JUDICIAL_DUTY in open_post.missing_facts
    clerk = assessor.assess("法院的书记员小王塞给我一张律师名片，说这个律师好使。我是这个案子的"
                            "被告。")
    assert clerk.verdict == "violation"


def test_an_organs_ban_on_pleas(assessor: Assessor) -> None:
    ban = assessor.assess("县政法委发了通知：那几起合同纠纷，任何人不准给办案人员打招呼。")
    assert "plead" not in (ban.facts.conduct or [])
    assert ban.verdict == "lawful"
    assert first_rule(assessor, "县政法委发了通知：那几起合同纠纷，任何人不准给办案人员打招呼。") \
        == "R1-3"
    plea = assessor.assess("县政法委副书记给承办法官打电话：那几起合同纠纷，你给被告打个招呼，"
                           "让他们撤诉。")
    assert plea.verdict != "lawful"


def test_pressure_on_an_officer_and_an_outcome_asked_of_the_court(assessor: Assessor) -> None:
    for pressed in ("县委组织部一位副部长找到王法官，说“那家厂你再封下去，今年提拔的事就别想了”。",
                    "街道党工委书记当着我的面给区法院立案庭打电话：“那些业主告物业的，先别收，"
                    "等开完会再说。”",
                    "县政府协调会纪要：副县长讲，张某诉县市场监管局一案，请法院从大局出发，"
                    "维持处罚决定，年底前审结。"):
        result = assessor.assess(pressed)
        assert result.verdict == "violation", pressed
        assert first_rule(assessor, pressed).startswith("R1-8"), pressed
    counter = assessor.assess("立案庭的小李说：“材料不齐，先别收，补齐了再来。”")
    assert "other" not in (counter.facts.conduct or [])
    assert counter.verdict != "violation"
    left_to_the_court = assessor.assess("县政府协调会纪要：副县长讲，请法院依法审理张某诉县市场"
                                        "监管局一案，维持还是撤销由法院决定。")
    assert "plead" not in (left_to_the_court.facts.conduct or [])
    assert left_to_the_court.verdict != "violation"


def test_a_named_complaint_answered_and_cleared(assessor: Assessor) -> None:
    for cleared in ("我实名举报王法官收过被告的礼。法院纪检组受理后不到一个月就核查完，书面回复"
                    "我：王法官没收礼，被告也没送过。",
                    "我向县公安局纪委实名举报李警官收了嫌疑人家的钱。纪委受理后第二十天书面答复"
                    "我：查了他的银行流水和通话记录，没有这回事。"):
        result = assessor.assess(cleared)
        assert result.facts.complaint is True, cleared
        assert result.facts.complaint_cleared is True, cleared
        assert result.verdict == "lawful", cleared
        assert first_rule(assessor, cleared) == "R3-10", cleared
    pending = assessor.assess("我实名举报王法官收过被告的礼。法院纪检组受理后说会核查，到现在还"
                              "没回复。")
    assert pending.facts.complaint_cleared is None
    assert pending.verdict == "undetermined"
    assert unknown.REPORT_TRUE in pending.missing_facts


def test_a_threat_of_blame_and_a_sentence_ordered(assessor: Assessor) -> None:
    blamed = "街道办主任带着人站在执行现场门口：“今天这个执行不能搞，出了事你们法院负责。”"
    assert "other" in conduct_read(assessor, blamed)
    assert assessor.assess(blamed).verdict == "violation"
    ordered = "县委常委把刑庭的李法官留下：“这个案子必须判实刑，判完我们要拿来当典型。”"
    assert "decide_case" in conduct_read(assessor, ordered)
    assert first_rule(assessor, ordered) == "R1-8-5"
    asked = assessor.assess("我问法官：这个案子大概要等多久？他说：“心里有个准备，至少要等三个"
                            "月。”")
    assert "leak" not in (asked.facts.conduct or [])
    assert asked.verdict != "violation"


def test_only_the_law_explained_no_case_spoken_of(assessor: Assessor) -> None:
    for general in ("我问王检察官出庭作证要注意什么，他只讲了法律规定，案子的事一句没问也没说。",
                    "退休的老法官常来店里买菜，他只给我讲了交通事故一般怎么认定责任，说“别托人，"
                    "按证据打”。"):
        result = assessor.assess(general)
        assert result.facts.specific_case is False, general
        assert result.verdict == "lawful", general
    asked = assessor.assess("王检察官在电话里问我，案子的事你跟被告家里说了几句没有？")
    assert asked.facts.specific_case is not False


def test_what_the_teller_asks_or_did_not_see_stays_open(assessor: Assessor) -> None:
    moved = assessor.assess("小王把副所长的过问记了下来，没多久就被调去了看守所。是正常调动还是"
                            "穿小鞋？")
    assert unknown.LAWFUL_CAUSE in moved.missing_facts
    assert moved.verdict == "undetermined"
    unseen = assessor.assess("区法院收到一封县交通局的公函，信封还是我们顺路带过去的，里面写的啥"
                             "我们没看。")
    assert unknown.DECISION in (unseen.facts.open_facts or [])
    assert unseen.verdict == "undetermined"
    read = assessor.assess("区法院收到一封县交通局的公函，我们看了，里面只写了请依法审理。")
    assert read.verdict == "lawful"
    untold = assessor.assess("听说县委政法委开会研究了我们那个合同案，会后说“形成了意见”。什么"
                             "意见，没人跟我讲。")
    assert unknown.DECISION in untold.missing_facts
    assert untold.verdict == "undetermined"


def test_a_greeting_at_a_chance_meeting_reported_next_day(assessor: Assessor) -> None:
    met = ("周日在菜市场碰到审我案子的李法官，我上去打招呼，顺嘴提了两句案子。他马上说“案子的事"
           "到法院谈”，转身就走。第二天他告诉我，已经向院纪检组报告了这次碰面。")
    assert "plead" not in conduct_read(assessor, met)
    assert assessor.assess(met).verdict == "lawful"
    assert first_rule(assessor, met) == "R3-7"
    plea = "副县长给审我案子的李法官打招呼，让他关照一下。"
    assert "plead" in conduct_read(assessor, plea)
    assert assessor.assess(plea).verdict == "violation"


def test_an_appraisers_gift_and_a_purchase_from_no_party(assessor: Assessor) -> None:
    gift = ("信达评估的经理让我们的车顺路给王法官家捎了两箱茅台，说是一点心意。那批查封设备就是"
            "他们评估的。")
    result = assessor.assess(gift)
    assert result.facts.counterpart == "中介组织"
    assert result.verdict == "violation"
    assert first_rule(assessor, gift) == "R3-5-3"
    bought = assessor.assess("【送货单 No.112】客户：王法官（县法院民庭）。水泥二十袋，按价目表收款"
                             "1200元，已微信转账，发票已开。备注：王法官不审我们店任何案子。")
    assert bought.facts.specific_case is False
    assert bought.facts.counterpart is None
    assert bought.verdict == "lawful"
