"""Readings of the seed the engine got wrong (session 53, sets FO to FR read once FS to FV had
been commissioned), each with its control.

- R2 第十一条: a leader who says 就别登进过问记录本了 tells the recorder not to record, and
  小周就没登 leaves it unrecorded (the 记录 in the book's name records nothing).
- R1 第三条: a 协调会 where the secretary says 法院依法定, a 评查 that leaves 已生效的判决一律不动,
  a 座谈会 where 没人提我那个官司, a letter by procedure after which 别的一句没提: the organ's own
  work, nothing decided for the court.
- R3 第五条第（四）项: 开的是自家的车 borrows nothing; 借去骑了一个礼拜 borrows.
- R3 第五条第（四）项: a thing borrowed from a lender 跟他办的哪个案子都不沾边 is no loan from a
  party.
- R1 第六条 / R2 第七条: a move whose 原因没说 and 不知道走没走程序 leaves cause and procedure open;
  the post one was moved to (被调去档案室) is no place anyone met.
- R2 第七条: a paper 调去当了证据 moves no officer.
- R2 第六条: 具体记了什么、记全了没有，他不肯说 leaves open whether the record is whole.
- R3 第五条第（二）项: 我请李法官给我推荐个律师，她说不能推荐 recommends nobody.
- R2 第十三条: a retired judge who says 我不会去打招呼, or 把我骂了一顿 when asked to 带句话, does
  none of 第九条's acts.
- R1 第二条: a cadre 来镇上调研 who says 我不会给法院打招呼 learns nothing of a case.
- R2 第九条第（四）项 / R3 第五条第（一）项: 明天…扣车，车别停厂里; 偷看了判决草稿，悄悄告诉我;
  昨天合议了，多数意见是驳回; 问…哪天查封，转身就打电话告诉被执行人: what is coming, told to the
  one it is coming for.
- R1 第八条第（五）项: 把合议庭评议笔录送过去让他审一审; 改派给了别人: the court's own work taken
  over; 第（四）项 / 第（五）项: 纪要…法院据此判决 decides for the court.
- The refusal words: 退回补充侦查 is a step of the case, not a thing sent back.
- R1 第三条: a speech 在全县大会上讲 that names no case concerns none; a letter whose 函里没提任何
  处理意见 leaves nothing open (没提 followed by 任何 denies).
- R3 第五条第（三）项: 送到法官家门口的一车砖 sent back with a 退还说明 is a gift refused.
- R3 第六条: the clerk who 打电话通知 the hearing date works by the procedure.
- R1 第三条: 按季度统计, 按月度案件督查: the organ's routine; 我原以为…定调子 (twelve characters
  after 以为) is a fear, not a decision.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import rules_with_status


def test_told_not_to_put_it_in_the_record_book(assessor: Assessor) -> None:
    told = assessor.assess("副院长对书记员小周说：“李书记上午那个电话，就别登进过问记录本了，免得"
                           "麻烦。”小周就没登。")
    assert told.facts.recorded is not True
    assert "R2-11" in rules_with_status(told, "violation")
    kept = assessor.assess("副院长对书记员小周说：“李书记上午那个电话，要登进过问记录本。”小周当天"
                           "就登了。")
    assert kept.facts.recorded is True
    assert "R2-11" not in rules_with_status(kept, "violation")


def test_a_leading_organ_that_leaves_the_decision_to_the_court(assessor: Assessor) -> None:
    left = [assessor.assess(text) for text in (
        "政法委牵头开了个协调会，法院、镇政府都来了。书记在会上说：“房子拆不拆，法院依法定；我们"
        "只管安置。”",
        "县委政法委发文抽查去年的土地案卷，写明只看程序，已生效的判决一律不动。",
        "县委政法委开了个安全生产的座谈会，法院和几家企业都去了，没人提我那个官司。",
        "老刘说，政法委是按程序给法院去的函，只想知道那起案子审到哪一步了，别的一句没提。")]
    for result in left:
        assert "R1-3" in rules_with_status(result, "lawful"), result.reasons
        assert result.verdict == "lawful"
    decided = assessor.assess("政法委牵头开了个协调会，书记在会上说：“房子必须判给原告，法院照这个"
                              "判。”")
    assert decided.verdict == "violation"


def test_ones_own_car_and_a_borrowed_bike(assessor: Assessor) -> None:
    own = assessor.assess("派出所的王警官周末开的是自家的车，在加油站碰见了被告的哥哥。")
    assert "borrow" not in (own.facts.conduct or [])
    borrowed = assessor.assess("执行法官来查我的财产，临走把我的电动车借去骑了一个礼拜。")
    assert "borrow" in (borrowed.facts.conduct or [])
    assert borrowed.facts.at_workplace is None  # 电动车 is no 动车 (a train)


def test_a_lender_unconnected_with_any_case(assessor: Assessor) -> None:
    unconnected = assessor.assess("王法官向县文化馆借了一台音响，文化馆跟他办的哪个案子都不沾边。")
    assert unconnected.verdict == "lawful"
    party = assessor.assess("王法官向他正在审理的案子的原告借了一台音响。")
    assert "R3-5-4" in rules_with_status(party, "violation")


def test_a_move_whose_cause_and_procedure_are_not_told(assessor: Assessor) -> None:
    moved = assessor.assess("小李登记过庭长的过问，这个月被调去档案室，原因没说，不知道走没走"
                            "程序。")
    assert moved.facts.at_workplace is None
    assert "是否因法定事由、经法定程序" in (moved.facts.open_facts or [])
    assert moved.verdict == "undetermined"
    paper = assessor.assess("那份鉴定意见被检察院调去当了证据。")
    assert not paper.facts.retaliation


def test_whether_the_record_is_whole_left_open(assessor: Assessor) -> None:
    unsaid = assessor.assess("张法官说副庭长问过案子，他记了一笔，具体记了什么、记全了没有，他不肯"
                             "说。")
    assert "口头提出的是否由办案人员记录在案" in (unsaid.facts.open_facts or [])
    assert unsaid.verdict == "undetermined"


def test_a_judge_who_will_not_recommend_a_lawyer(assessor: Assessor) -> None:
    refused = assessor.assess("我请李法官给我推荐个律师，她说不能推荐，让我自己去律师协会网站"
                              "上查。")
    assert "recommend_lawyer" not in (refused.facts.conduct or [])
    assert refused.verdict != "violation"
    recommended = assessor.assess("我请李法官给我推荐个律师，她把她同学刘律师的电话给了我，说找他"
                                  "准没错。")
    assert recommended.verdict == "violation"


def test_a_retired_judge_who_will_not_put_in_a_word(assessor: Assessor) -> None:
    for text in ("退休的老庭长常来我店里修车。他说：“法院那边我不会去打招呼，你也别托人，好好准备"
                 "证据。”",
                 "老马以前是县法院的副庭长，早退休了。我求他给承办法官带句话，他把我骂了一顿，叫我"
                 "好好请律师。"):
        result = assessor.assess(text)
        assert "plead" in (result.facts.declined or []), result.reasons
        assert result.verdict == "lawful"
    did = assessor.assess("老马以前是县法院的副庭长，早退休了。我求他给承办法官带句话，第二天他就"
                          "去找承办法官说情，让判轻点。")
    assert did.verdict == "violation"


def test_a_cadre_on_a_visit_who_will_not_call_the_court(assessor: Assessor) -> None:
    visit = assessor.assess("副县长来镇上调研，我跟他诉了几句官司的苦。他说：“这事我不会给法院打"
                            "招呼，你请律师依法打。”")
    assert "learn_case" not in (visit.facts.conduct or [])
    assert visit.verdict == "lawful"
    inquiry = assessor.assess("县委书记到法院调研，专门听了张三那起案子的汇报。")
    assert "learn_case" in (inquiry.facts.conduct or [])


def test_what_is_coming_told_to_the_one_it_is_coming_for(assessor: Assessor) -> None:
    for text in ("立案庭的小周晚上给被执行人发短信：“明天执行局要去你们厂里扣车，车别停厂里。”",
                 "民庭书记员小张不管我的案子，在系统里偷看了判决草稿，悄悄告诉我：“你要赔六成。”",
                 "退休的老庭长天天去法院，问执行局的法官还有什么财产线索、哪天查封，转身就打电话"
                 "告诉被执行人。"):
        result = assessor.assess(text)
        assert "leak" in (result.facts.conduct or []), text
    told = assessor.assess("行政庭的法官在微信上跟原告说：“昨天合议了，多数意见是驳回，你先有个"
                           "准备。”")
    assert "leak" in (told.facts.conduct or [])
    notice = assessor.assess("书记员打电话通知我：明天执行局要去厂里查封设备，请我到场。")
    assert "leak" not in (notice.facts.conduct or [])


def test_the_courts_own_work_taken_over(assessor: Assessor) -> None:
    minutes = assessor.assess("人大常委会的副主任打电话给承办法官，要她宣判前把合议庭评议笔录送过去"
                              "让他审一审。")
    assert "R1-8-5" in rules_with_status(minutes, "violation")
    reassigned = assessor.assess("审管办主任应被告老板的请求，把案子从随机分到的王法官手上改派给了"
                                 "别人。")
    assert "other" in (reassigned.facts.conduct or [])
    decided = assessor.assess("县委政法委开了个协调会，纪要写着：“经研究，被告承担七成责任，法院"
                              "据此判决。”")
    assert "decide_case" in (decided.facts.conduct or [])
    assert decided.verdict == "violation"


def test_a_case_sent_back_is_no_thing_refused(assessor: Assessor) -> None:
    step = assessor.assess("检察院内勤小周微信告诉我：“钱检下周要退回补充侦查，你让老王家里早做"
                           "准备。”")
    assert not step.facts.refused
    assert "leak" in (step.facts.conduct or [])
    gift = assessor.assess("送到法官家的两箱酒，第二天就原样退回了。")
    assert gift.facts.refused is True


def test_a_speech_to_the_whole_county_names_no_case(assessor: Assessor) -> None:
    speech = assessor.assess("县委书记在全县大会上讲：“企业打官司，法院依法判，谁的责任谁担，政府"
                             "不护短。”")
    assert speech.facts.specific_case is False
    assert speech.verdict == "lawful"
    named = assessor.assess("县长在全县大会上讲，张三那个案子法院必须判重。")
    assert named.verdict == "violation"


def test_a_gift_left_at_the_door_and_sent_back(assessor: Assessor) -> None:
    returned = assessor.assess("送到法官家门口的一车砖，第二天原车拉了回来，还附了张退还说明。")
    assert "accept_benefit" in (returned.facts.declined or [])
    assert returned.verdict == "lawful"
    kept = assessor.assess("送到法官家门口的两箱酒，法官收下了。")
    assert "accept_benefit" in (kept.facts.conduct or [])
    assert kept.verdict != "lawful"


def test_a_hearing_date_given_by_the_clerk(assessor: Assessor) -> None:
    notice = assessor.assess("书记员打电话通知我：下周二上午九点在第二法庭开庭。")
    assert notice.facts.via_procedure is True
    assert notice.verdict == "lawful"
    told = assessor.assess("书记员打电话通知我下周开庭，顺便说合议庭倾向驳回。")
    assert "leak" in (told.facts.conduct or [])
    assert told.verdict == "violation"


def test_a_letter_that_raised_no_opinion_leaves_nothing_open(assessor: Assessor) -> None:
    letter = assessor.assess("县委政法委给法院发了一份情况了解函，只请法院书面说明案子进行到哪一"
                             "步，函里没提任何处理意见。")
    assert not letter.facts.open_facts
    assert letter.verdict == "lawful"
    unsaid = assessor.assess("县委政法委的一位干部打电话问法官案子怎么判，没提是谁让他问的。")
    assert unsaid.facts.open_facts  # 没提是谁: what the account leaves untold


def test_a_leading_organs_routine_statistics(assessor: Assessor) -> None:
    for text in ("市委政法委按季度统计执行难案件，通过县委政法委要了一张表，表上有我那起案子的案号"
                 "和进度。",
                 "县委政法委按月度案件督查的规矩叫派出所去汇报进度，书记听完只说了句依法办理。"):
        result = assessor.assess(text)
        assert result.facts.via_procedure is True, text
        assert result.verdict == "lawful"
    private = assessor.assess("政法委的一位副书记晚上用自己手机打给承办法官，问那起案子的进度。")
    assert private.verdict != "lawful"


def test_what_the_teller_had_feared_is_no_decision(assessor: Assessor) -> None:
    feared = assessor.assess("政法委的人到了现场，我原以为政法委一来就是要替哪一方定调子，结果他们"
                             "只管秩序。")
    assert "decide_case" not in (feared.facts.conduct or [])
    decided = assessor.assess("县委政法委书记听完汇报，当场给这个案子定调子：按正当防卫处理。")
    assert "decide_case" in (decided.facts.conduct or [])
    assert decided.verdict == "violation"
