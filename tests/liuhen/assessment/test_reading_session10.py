"""Constructions read in session 10 (issue 11): a "not yet" modifier that negates nothing
outside itself, papers of the case sent to a party's family, a case file as the place a record
is kept, a report on the later of two named dates, papers handed to the discipline department
as the report, what someone in the story heard before acting, a lawyer recommended in other
words, a hearing postponed or a panel changed on demand, a speech that names no case, and a
deputy head's reminder at a meeting. Every sentence is written for the test from the
regulations' own terms, not taken from any situation set; each change was kept only if no
author's set lost by it (docs/benchmarks.md, "Assessment engine, session 10")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.extractor import Extractor
from liuhen.assessment.lexicon import load_lexicon
from liuhen.assessment.report_days import report_delay
from tests.liuhen.assessment.reading import first_provision


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor(load_lexicon())



def test_a_not_yet_modifier_negates_nothing_outside_it(extractor: Extractor) -> None:
    """尚未宣判的判决书草稿: the draft is not yet pronounced; sending it is still done."""
    facts = extractor.extract("庭长把尚未宣判的判决书草稿拍照发给了原告的儿子。").facts
    assert "leak" in (facts.conduct or [])
    refused = extractor.extract("庭长没有把判决书草稿发给原告的儿子。").facts
    assert "leak" not in (refused.conduct or [])


def test_papers_of_the_case_sent_to_a_party_s_family_are_a_leak(assessor: Assessor) -> None:
    """R3 第五条第（一）项: 泄露司法机关办案工作秘密 — the trial report sent to the
    defendant's wife."""
    result = assessor.assess("书记员下班后把这起案件的审理报告用微信发给了被告人的妻子。")
    assert result.verdict == "violation"
    assert "泄露司法机关办案工作秘密" in " ".join(p.quote for p in result.provisions[:3])
    filed = assessor.assess("书记员把这起案件的审理报告按规定报送审判委员会讨论。")
    assert filed.verdict != "violation"


def test_words_written_into_the_case_file_are_a_record_not_a_leak(assessor: Assessor) -> None:
    """R2 第四条: a supervisor's oral guidance 由办案人员记录在案 — 记进了案卷 is that record."""
    result = assessor.assess("分管执行的副院长在局务会上口头提醒承办法官，拍卖前要给被执行人"
                             "留出必要的居住条件。承办法官当天把这句话记进了案卷。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R2", 4)


def test_a_report_on_the_later_of_two_dates() -> None:
    """当天 after the later of two dates is that date's day (R3 第七条's 三日内 counts from the
    contact's, the first)."""
    assert report_delay("法官3月2日在健身房碰到原告的律师，聊了案情。直到3月9日律师又来电话，"
                        "他当天向院纪检监察部门报告。") == 7
    assert report_delay("法官3月2日在健身房碰到原告的律师，当天就向院纪检监察部门报告。") == 0
    assert report_delay("法官3月2日在健身房碰到原告的律师，3月9日向纪检监察部门报告，"
                        "次日补交了书面说明。") == 8


def test_a_chance_contact_reported_a_week_later_is_late(assessor: Assessor) -> None:
    result = assessor.assess("法官3月2日在健身房偶遇原告的代理律师，两人聊了半小时案情。直到"
                             "3月9日律师又打来电话，法官才觉得不妥，当天向院纪检监察部门报告。")
    assert result.verdict == "violation"
    assert result.facts.report_days == 7


def test_papers_handed_to_the_discipline_department_are_the_report(
        assessor: Assessor) -> None:
    """写成材料交给纪检监察部门: the report of R3 第七条, not 转递涉案材料."""
    result = assessor.assess("检察官周日在超市偶遇自己承办案件被告人的母亲，对方认出他后寒暄了"
                             "两句，没有提案子。他当晚写成材料，第二天交给了院纪检监察部门。")
    assert result.facts.reported is True
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_what_the_actor_heard_before_acting_is_not_hearsay(extractor: Extractor) -> None:
    """副院长听说……就把法官调离: the account of what he did is the teller's, not hearsay."""
    acted = extractor.extract("副院长听说承办法官如实记录了他过问案件的情况，没有任何理由就把"
                              "这名法官调离了审判岗位。").facts
    assert acted.hearsay is not True
    heard = extractor.extract("听说副院长没有任何理由就把承办法官调离了审判岗位。").facts
    assert heard.hearsay is True


@pytest.mark.parametrize("text", [
    "执行法官对申请执行人说：“你这个代理人不行，换成我认识的李律师吧。”",
    "民警给嫌疑人家属递上一张某律师事务所律师的名片，让他们去找。",
])
def test_a_lawyer_recommended_in_other_words(extractor: Extractor, text: str) -> None:
    """R3 第五条第（二）项: 为当事人推荐、介绍诉讼代理人、辩护人."""
    assert "recommend_lawyer" in (extractor.extract(text).facts.conduct or [])


def test_a_lawyer_handing_over_his_own_card_recommends_nobody(extractor: Extractor) -> None:
    facts = extractor.extract("律师在立案窗口递上一张自己的名片，询问立案进度。").facts
    assert "recommend_lawyer" not in (facts.conduct or [])


@pytest.mark.parametrize("text", [
    "市政协一位副主席打电话，要求法院把一起合同纠纷的宣判推迟到下个月。",
    "区人大常委会一位副主任找到法院，要求把一起土地纠纷的合议庭成员换成他推荐的法官。",
])
def test_a_hearing_postponed_or_a_panel_changed_on_demand(assessor: Assessor,
                                                         text: str) -> None:
    """R1 第八条第（五）项: 其他违法干预司法活动、妨碍司法公正的行为."""
    result = assessor.assess(text)
    assert result.verdict == "violation"
    assert ("R1", 8, 5) in [first_provision(result)] + [
        (p.alias, p.article, p.item) for p in result.provisions[:3]]


def test_a_speech_that_names_no_case_is_lawful(assessor: Assessor) -> None:
    """R1 第三条: 组织研究司法政策 — 没有点任何具体案件."""
    result = assessor.assess("市委书记在全市政法工作会议上强调，法院要依法保护民营企业产权，"
                             "讲话没有点任何具体案件。")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R1", 3)


def test_surprise_at_who_sits_beside_is_a_chance_contact(extractor: Extractor) -> None:
    facts = extractor.extract("法官在亲戚的婚宴上入席，坐旁边的竟是原告的代理律师。").facts
    assert facts.planned is False


def test_a_record_that_is_silent_is_not_a_record_not_made(assessor: Assessor) -> None:
    """记录里没有说: the record, as a paper, is silent on a fact; nobody failed to record."""
    result = assessor.assess("县委副书记的儿子给承办法官打电话，替朋友的案子说情。副书记本人"
                             "是否知情，记录里没有说。")
    assert result.facts.recorded is not False
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts


def test_a_colleague_asking_how_a_case_will_go_for_nobody_named(assessor: Assessor) -> None:
    """R2 第九条第（四）项 is probing 为案件当事人…: whether it was for a party decides it."""
    asked = assessor.assess("同事在食堂问承办法官那起盗窃案准备怎么判，这位同事和当事人"
                            "有没有关系不清楚。")
    assert asked.verdict == "undetermined"
    assert unknown.FOR_A_PARTY in asked.missing_facts
    for_party = assessor.assess("同事受被告人哥哥之托，在食堂问承办法官那起盗窃案准备怎么判。")
    assert for_party.verdict == "violation"


def test_a_denied_tie_is_no_tie(extractor: Extractor) -> None:
    facts = extractor.extract("同事在食堂问承办法官那起盗窃案准备怎么判，他和当事人没有任何"
                              "亲属关系。").facts
    assert facts.personal_tie is not True


def test_a_letter_to_the_discipline_department_is_a_complaint(assessor: Assessor) -> None:
    """R3 第九、十条: what a letter says of a judge is to be verified, not found."""
    result = assessor.assess("申请执行人写信给区法院纪检组，信里说承办法官收了被执行人的"
                             "购物卡。")
    assert result.facts.complaint is True
    assert result.verdict == "undetermined"


def test_a_plea_to_grant_one_side_s_claims(extractor: Extractor) -> None:
    facts = extractor.extract("一位副市长打电话给承办法官，说原告是重点企业，希望合议庭尽量"
                              "支持原告的诉讼请求。").facts
    assert "plead" in (facts.conduct or [])


def test_leisure_told_with_a_split_verb(assessor: Assessor) -> None:
    """钓过两次鱼: 钓鱼 with its object apart is still leisure with a lawyer
    (R3 第五条第（六）项)."""
    result = assessor.assess("承办法官和原告的代理律师周末一起去水库钓过两次鱼。")
    assert result.facts.purpose == "social"
    assert result.verdict == "violation"


def test_no_case_in_the_officer_s_organ_is_outside_r3_six(assessor: Assessor) -> None:
    """R3 第六条: 司法人员在案件办理过程中 — a meal with a lawyer relative who has no case there."""
    result = assessor.assess("法官周末和当律师的表哥一家吃饭，表哥在本院没有任何代理的案件。")
    assert result.verdict == "lawful"
    assert "在案件办理过程中" in result.provisions[0].quote


def test_a_request_made_to_the_officer_and_not_done(assessor: Assessor) -> None:
    """托他打听: the probing is asked of him; 没有去找任何人 says he did not do it."""
    refused = assessor.assess("邻居托退休检察官老王打听儿子案子的进展，老王没有去找任何人，"
                              "只告诉邻居通过检察院的案件信息公开网查询。")
    assert "probe" in (refused.facts.declined or [])
    assert refused.verdict != "violation"
    done = assessor.assess("邻居托退休检察官老王打听儿子案子的进展，老王就去找承办检察官"
                           "打听了。")
    assert done.verdict == "violation"


def test_a_relative_named_after_the_cadre_s_whole_title(extractor: Extractor) -> None:
    """县委副书记的儿子: R1 第八条第（三）项's relative, not the cadre himself."""
    facts = extractor.extract("县委副书记的儿子给承办法官打电话，替朋友的案子说情。").facts
    assert facts.via_staff is True
    assert facts.actor_role == "领导干部身边工作人员或亲属"


def test_an_errand_passed_on_by_the_organ_s_leader(assessor: Assessor) -> None:
    """The secretary's call is R1 第八条第（三）项 (undetermined: 授意 unknown); the deputy head
    who then presses the handler acts under R2 第九条 himself."""
    result = assessor.assess("副市长的秘书给区法院一位副院长打电话，说“领导很关心那起拆迁案”。"
                             "副院长随后对承办法官说：“这个案子判轻一点。”")
    assert {"R1", "R2"} <= set(result.regimes)
    assert result.verdict == "violation"
    assert any(p.alias == "R2" and p.article == 9 for p in result.provisions[:3])


def test_an_invitation_not_accepted_and_reported(assessor: Assessor) -> None:
    """没有接受: the meal did not take place; R3 第五条第（三）项 is not met."""
    result = assessor.assess("代理律师晚上给承办法官发微信约他周末吃饭，法官没有接受，当晚把"
                             "聊天记录交给了院纪检组。")
    assert result.verdict == "lawful"


def test_a_party_who_turns_up_at_the_officer_s_home(assessor: Assessor) -> None:
    """找到他家门口: the officer did not arrange it (R3 第七条 因不明情况或者其他原因); reported
    the next day, in time."""
    result = assessor.assess("被告人的妻子晚上找到检察官家门口想谈案子，检察官没让她进门，"
                             "第二天一早向院纪检监察部门报告。")
    assert result.facts.planned is False
    assert result.verdict == "lawful"
    assert (result.provisions[0].alias, result.provisions[0].article) == ("R3", 7)


def test_papers_received_through_the_organ_s_procedure(assessor: Assessor) -> None:
    """登记、出具收据后转交: the organ's own procedure at the workplace (R3 第六条)."""
    result = assessor.assess("律师到立案庭递交补充证据，工作人员按规定登记、出具收据后转交"
                             "承办庭。")
    assert result.verdict == "lawful"
    first = result.provisions[0]  # R2 第九条第（三）项 is passing papers 违反规定: not met
    assert (first.alias, first.article, first.item) == ("R2", 9, 3)
    assert "违反规定" in first.quote


def test_words_in_quotes_are_no_complaint(assessor: Assessor) -> None:
    """“有些情况想当面反映” is what the cadre relays, not a complaint to verify (R3 第九条)."""
    result = assessor.assess("区人大常委会一位副主任打电话给承办检察官，说嫌疑人的妻子“有些"
                             "情况想当面反映”，让他周末到茶楼和她私下聊聊。")
    assert result.facts.complaint is not True
    assert result.verdict == "violation"


def test_a_complaint_found_true_is_read_as_the_conduct(assessor: Assessor) -> None:
    """经查…: what was complained of is established; unverified, it waits (R3 第十条)."""
    found = assessor.assess("关于群众举报的核查报告：经查，承办法官在审理期间收受了被告人"
                            "哥哥送的两箱茅台。")
    assert found.verdict == "violation"
    open_ = assessor.assess("群众举报承办法官收受了被告人哥哥送的两箱茅台，纪检组尚未核查。")
    assert open_.verdict == "undetermined"
    assert unknown.REPORT_TRUE in open_.missing_facts
    false = assessor.assess("群众举报承办法官收受了被告人哥哥送的两箱茅台。经查，举报不属实。")
    assert false.verdict != "violation"


def test_a_coordination_meeting_by_itself_directs_nothing(extractor: Extractor) -> None:
    """R1 第三条 permits 统筹协调: the meeting's name is no direction given in it."""
    facts = extractor.extract("市委政法委召开协调会，听取法院和检察院对一起征地案件的情况"
                              "介绍。").facts
    assert "directive" not in (facts.conduct or [])


def test_a_forwarded_letter_is_no_interference_by_itself(assessor: Assessor) -> None:
    result = assessor.assess("市人大信访办把一封群众来信转给区法院，附函只写“请依法处理”，"
                             "对案件没有提出任何意见。")
    assert result.verdict != "violation"


def test_retaliation_found_in_a_report_is_read_under_r2(assessor: Assessor) -> None:
    """R2 第七条: 非因法定事由，非经法定程序 — whatever else the report's words suggest."""
    result = assessor.assess("核查报告：经查，立案庭副庭长因承办法官如实登记了他的过问，没有"
                             "任何理由就把该法官调离审判岗位。")
    assert result.verdict == "violation"
    assert any((p.alias, p.article) in (("R2", 7), ("R1", 6)) for p in result.provisions[:3])


@pytest.mark.parametrize(("text", "conduct"), [
    ("公诉人对被告人的母亲说：“你们请的律师不太熟悉业务，换个懂行的吧。”", "recommend_lawyer"),
    ("代理律师请承办法官在一家茶餐厅吃了顿饭，饭钱由律师结账。", "accept_benefit"),
    ("会计师事务所请破产案件的承办法官当挂名顾问，每月付他两千元。", "accept_benefit"),
    ("律师把一套房子以远低于市价的租金租给了承办该案的法官。", "borrow"),
    ("执行法官让评估机构把被执行房产的评估价往低里做。", "collusion"),
])
def test_r3_five_conduct_in_everyday_words(extractor: Extractor, text: str,
                                           conduct: str) -> None:
    """R3 第五条: 暗示更换律师 (二), 请客 (三), 其他利益 (三), 租借房屋 (四), 弄虚作假 (五)."""
    assert conduct in (extractor.extract(text).facts.conduct or [])


@pytest.mark.parametrize("text", [
    "国有公司的董事长给执行法官打电话：“我们公司那几个执行案，麻烦您多费心，能不能排在别的"
    "申请人前面？”",
    "一位副区长打电话给派出所所长，要求对他的生意对手“尽快立案，先把人控制起来”。",
    "市委一位副秘书长对承办检察官说：“那起诈骗案，先拘了再说。”",
])
def test_pleas_in_everyday_words(extractor: Extractor, text: str) -> None:
    """R1 第八条第（一）项: 为案件当事人请托说情 — for one's own side, against the other."""
    assert "plead" in (extractor.extract(text).facts.conduct or [])


def test_a_meeting_asked_for_and_a_promotion_held_out(assessor: Assessor) -> None:
    """R1 第八条第（二）项 (要求…私下会见) and 第（五）项 (其他违法干预)."""
    meeting = assessor.assess("区委一位副书记打电话给承办检察官，要他周六去酒店见一下犯罪"
                              "嫌疑人的爱人。检察官拒绝了。")
    assert meeting.verdict == "violation"
    assert ("R1", 8, 2) in [(p.alias, p.article, p.item) for p in meeting.provisions[:3]]
    promotion = assessor.assess("县委组织部一位副部长对承办法官说：“那起拆迁案办得让县里满意，"
                                "你提拔的事就好说。”")
    assert promotion.verdict == "violation"
