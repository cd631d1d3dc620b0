"""Readings of the seed the engine got wrong (session 62, sets GY to HB read once HC to HF had
been commissioned), each with its control.

- R3 第七条: a chance meeting 一直没向纪检组报告 is unreported; that 院里还是不知道 follows from
  it and puts no doubt on it.
- R3 第六条: a judge who 约 a lawyer to a teahouse with no approval beforehand breaks 第六条 even
  though he paid for the tea; 事后才知道 is when the teller learnt of it, not a chance meeting.
- R3 第五条第（三）项: a gift of 一套茶具 is a gift; given back on the spot, nothing was taken.
- R3 第七条: a lawyer's invitation refused and 随后 handed to the discipline unit was reported at
  once.
- R1 第八条第（一）项: a cadre asked to 打个招呼 who says 案子的事他不过问 did nothing.
- R1 第八条第（五）项: tearing off the court's 封条 obstructs justice.
- R2 第九条第（三）项: papers a colleague says to 直接夹进卷里, 不用再走立案 are passed outside the
  procedure.
- R3 第五条第（三）项: an officer who tells the agency's man to take his fruit back
  (让他把水果带回去) or answers an invitation “不行” took nothing; 只收了方案 takes papers, not a
  gift.
- R2 第十一条: 店员没记清 is a memory, not a missing record.
- R3 第五条第（一）项: the committee's internal opinions, screenshot and sent to a lawyer, leak;
  the committee's sitting is no cover for it.
- R2 第九条第（四）项: “明天冻你账户” is told to the one it is against, a party.
- R3 第五条第（二）项: a 律师事务所名录 on the court's wall is no visit to a law firm.
- R1 第八条: 该怎么判由法院依法判 leaves the outcome to the court.
- R3 第八条: a former 中院 judge acting in a 县法院 case is not in his former unit's case.
- R1 第八条第（四）项: an office's own lack of tie to a case (跟这个案子没有任何关系) does not make
  its letter about no case; 法院要维持处罚 at a meeting is a demand on the outcome.
- R1 第八条第（一）项: 家属挺不容易 with the family's papers is a plea; 拖到明年再说 asks for delay.
- R2 第九条第（五）项: 考评…看着呢 and 不然以后…就难了 press the judge.
- Hearsay: 不知道他从哪听来的 is the speaker's source, not the teller's; a judge who wrote the
  words down word for word (原原本本记进) confirms them.
- R2 第九条第（二）项: 吃个便饭，X也在…聊聊…的事 invites the handler to meet someone about the case.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status


def test_an_unreported_chance_meeting_the_court_never_heard_of(assessor: Assessor) -> None:
    result = assessor.assess("常法官在老乡的寿宴上碰巧和被告邵某坐了一桌，聊了一晚上。常法官一直没"
                             "向院纪检组报告，过了一个多月，院里还是不知道。")
    assert result.verdict == "violation", result.reasons
    assert "R3-7" in rules_with_status(result, "violation"), result.reasons


def test_a_chance_meeting_reported_that_day_stays_lawful(assessor: Assessor) -> None:
    result = assessor.assess("常法官在老乡的寿宴上碰巧和被告邵某坐了一桌，当天晚上就向院纪检组"
                             "报告了。")
    assert result.verdict == "lawful", result.reasons


def test_a_teahouse_meeting_arranged_without_approval(assessor: Assessor) -> None:
    result = assessor.assess("承办法官下班后约原告的代理律师到一家茶楼谈调解方案，茶钱是法官自己"
                             "付的，事前没有办理任何审批手续。我是被告，事后才知道。")
    assert result.verdict == "violation", result.reasons
    assert "R3-6" in rules_with_status(result, "violation"), result.reasons


def test_a_teahouse_meeting_approved_beforehand(assessor: Assessor) -> None:
    result = assessor.assess("承办法官经院里审批同意，约原告的代理律师到一家茶楼谈调解方案，"
                             "茶钱是法官自己付的。")
    assert "R3-6" not in rules_with_status(result, "violation"), result.reasons


def test_a_tea_set_given_back_on_the_spot(assessor: Assessor) -> None:
    result = assessor.assess("被告给主审的戚法官送了一套紫砂茶具，戚法官当场退回，登记在案。")
    assert result.verdict == "lawful", result.reasons


def test_a_tea_set_kept(assessor: Assessor) -> None:
    result = assessor.assess("被告给主审的戚法官送了一套紫砂茶具，戚法官收下了。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_an_invitation_refused_and_reported_straight_after(assessor: Assessor) -> None:
    result = assessor.assess("原告的律师晚上给霍法官发微信：“周末一起吃个饭？”霍法官回复“案子在办，"
                             "不合适”，随后把聊天截图交给了院纪检组。")
    assert result.verdict == "lawful", result.reasons


def test_a_cadre_who_says_he_keeps_out_of_cases(assessor: Assessor) -> None:
    result = assessor.assess("被告托人请县政协的龚副主席给法院打个招呼，龚副主席回话说案子的事他"
                             "不过问，让被告找律师。")
    assert result.verdict == "lawful", result.reasons


def test_a_cadre_who_does_put_in_the_word(assessor: Assessor) -> None:
    result = assessor.assess("被告托人请县政协的龚副主席给法院打个招呼，龚副主席当天就给承办法官"
                             "打了电话，请他关照一下。")
    assert result.verdict == "violation", result.reasons


def test_tearing_off_the_court_seal(assessor: Assessor) -> None:
    result = assessor.assess("副县长带着几个干部到粮库，把法院贴的封条撕掉了，让人把粮食先运出去"
                             "卖。")
    assert result.verdict == "violation", result.reasons
    assert "R1-8-5" in rules_with_status(result, "violation"), result.reasons


def test_papers_slipped_into_the_file_outside_the_procedure(assessor: Assessor) -> None:
    result = assessor.assess("刑庭的一位法官把被告家属写的几份证明交给民庭的同事，说“你直接夹进卷里"
                             "就行，不用再走立案那边的手续”。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-3" in rules_with_status(result, "violation"), result.reasons


def test_fruit_sent_back_and_only_the_plan_kept(assessor: Assessor) -> None:
    result = assessor.assess("评估公司的业务员到法院送评估方案，顺手带了一箱橙子，执行员让他把橙子"
                             "拿回去，只收了方案，登记入卷。")
    assert "R3-5-3" not in rules_with_status(result, "violation"), result.reasons
    assert result.verdict == "lawful", result.reasons


def test_a_dinner_invitation_answered_no(assessor: Assessor) -> None:
    result = assessor.assess("拍卖结束后，拍卖公司的经理请执行法官留下吃饭，法官说“不行”，"
                             "开车回了法院。")
    assert result.verdict == "lawful", result.reasons


def test_a_clerk_who_did_not_remember_is_no_missing_record(assessor: Assessor) -> None:
    result = assessor.assess("尹法官在我们店里拿了两瓶酒，有没有付钱，收银员没记清。")
    assert "R2-11" not in rules_with_status(result, "violation"), result.reasons
    assert result.verdict == "undetermined", result.reasons


def test_committee_opinions_sent_to_a_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("书记员把审委会讨论那起盗窃案时的内部意见截图，发给了被告人的辩护"
                             "律师。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-1" in rules_with_status(result, "violation"), result.reasons


def test_a_freeze_told_to_the_one_it_is_against(assessor: Assessor) -> None:
    result = assessor.assess("法院档案室的一名工作人员给老乔打电话：“执行局后天要冻你的账户，钱赶紧"
                             "挪走。”")
    assert result.verdict == "violation", result.reasons
    # a court insider's tip-off (R2 第九条第（四）项) or an officer's leak (R3 第五条第（一）项)
    assert {"R2-9-4", "R3-5-1"} & rules_with_status(result, "violation"), result.reasons


def test_a_freeze_told_with_no_one_named_as_its_target(assessor: Assessor) -> None:
    result = assessor.assess("立案庭的内勤给饲料店老板打电话说执行局后天要冻结一批账户。")
    assert "R2-9-4" not in rules_with_status(result, "violation"), result.reasons


def test_a_law_firm_list_on_the_wall_is_no_visit(assessor: Assessor) -> None:
    result = assessor.assess("我在法院立案大厅问值班的鲁法官能不能推荐个律师，他说法官不能推荐，"
                             "让我自己去看墙上的律师事务所名录。")
    assert result.facts.at_workplace is True, result.reasons
    assert not any(reason.startswith("R3-7") for reason in result.reasons), result.reasons


def test_a_cadre_who_leaves_the_judgment_to_the_court(assessor: Assessor) -> None:
    result = assessor.assess("县里的招商座谈会上，常务副县长说：企业的官司政府不插手，该怎么判由法"
                             "院依法判。")
    assert result.verdict == "lawful", result.reasons


def test_a_former_intermediate_court_judge_in_a_county_court_case(assessor: Assessor) -> None:
    result = assessor.assess("原临川中院法官牛某辞职当了律师，现在代理一家货运公司在县法院打运费"
                             "官司。")
    assert result.verdict == "lawful", result.reasons


def test_a_former_judge_back_in_his_own_court(assessor: Assessor) -> None:
    result = assessor.assess("原县法院法官牛某辞职当了律师，现在代理一家货运公司，案子就在他原来的"
                             "县法院审理。")
    assert result.verdict == "violation", result.reasons


def test_an_office_with_no_tie_still_writes_about_a_case(assessor: Assessor) -> None:
    result = assessor.assess("县商务局给县法院执行局发了一封函，措辞客气：“恳请贵院体谅商户困难，对"
                             "华丰超市的货物暂缓拍卖两个月，以保春节供应。”商务局跟这个案子没有任何"
                             "关系。")
    assert result.verdict == "violation", result.reasons
    assert "R1-8-4" in rules_with_status(result, "violation"), result.reasons


def test_a_meeting_told_the_court_must_uphold_the_fine(assessor: Assessor) -> None:
    result = assessor.assess("副县长召集法院和环保局开协调会，会上说：“这个罚款关系到全县的环保考核"
                             "，法院要维持处罚。”")
    assert result.verdict == "violation", result.reasons


def test_the_family_has_it_hard_with_their_papers(assessor: Assessor) -> None:
    result = assessor.assess("县文旅局局长把嫌疑人母亲写的一封信塞给承办检察官，说“你看看，他家里"
                             "也不容易”。")
    assert result.verdict == "violation", result.reasons


def test_leave_the_case_till_next_year(assessor: Assessor) -> None:
    result = assessor.assess("副市长在电话里对法院院长说：“开发区那个征收案子，拖到明年再说。”")
    assert result.verdict == "violation", result.reasons


def test_an_appraisal_that_is_being_watched(assessor: Assessor) -> None:
    result = assessor.assess("同院另一个庭的一位法官走到承办法官桌前说：“那个工伤案子判高了可不好，"
                             "年终考评我们可都看着呢。”法官把这番话记进了过问登记表。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-5" in rules_with_status(result, "violation"), result.reasons


def test_otherwise_things_get_hard(assessor: Assessor) -> None:
    result = assessor.assess("县公安局一位副局长给民庭法官带话：“那个案子你们可得想清楚，不然以后法"
                             "院找我们协助执行就难了。”")
    assert result.verdict == "violation", result.reasons
    assert {"R1-8-5", "R2-9-5"} & rules_with_status(result, "violation"), result.reasons


def test_where_the_speaker_heard_it_is_no_hearsay(assessor: Assessor) -> None:
    result = assessor.assess("政治部一位干部在电梯里对承办法官说：“听说你那个案子要判原告赢？年终"
                             "考评我们可都看着呢。”不知道他从哪听来的。法官回去就把这番话记进了"
                             "过问登记表。")
    assert unknown.REPORT_TRUE not in result.missing_facts, result.reasons
    assert result.verdict == "violation", result.reasons


def test_a_dinner_with_someone_from_the_case(assessor: Assessor) -> None:
    result = assessor.assess("市检察院一位处长给执行法官打电话：“明晚吃个便饭，葛老板也在，顺便聊"
                             "聊冻结他厂里账户的事。”法官推了，记在过问登记本上。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-2" in rules_with_status(result, "violation"), result.reasons
