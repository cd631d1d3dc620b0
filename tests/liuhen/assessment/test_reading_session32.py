"""Readings of the seed the engine got wrong (session 32), each with its control.

- R3 第六条 "办理审批手续并获批准": 不用走审批 said by the officer, or 没有报过外出审批 found
  afterwards, is no approval; an approval named without either is one.
- R3 第八条: a retired judge who appears 以儿子的诉讼代理人身份, whose 身份是他女儿…的委托代理人,
  or who 作为…监护人，代理… is within the exception (作为当事人的监护人或者近亲属代理诉讼); a former
  judge who sits 在我们庭 for a company he has no kinship with is in his former unit's case.
- R2 第二条: a retired president who talked of fishing and 没提一句案子 asked about no case.
- R3 第十条: a complaint checked and found baseless (查无实据, 没有发现…收受) is cleared, and
  what the inquiry itself did (了解情况, 核查意见) is no conduct of the officer; 抄送…一份 is no
  gift.
- A complaint followed by 经了解 is an account verified: the facts after it are read as facts.
- R3 第七条: 也没跟谁说，直到纪检组来问 is no report.
- R3 第五条第（一）项: the deliberation's views quoted to a party's wife (审判长想判两年，我们俩主张
  缓刑), 车先开走 told to the one whose car is to be seized, 赶紧想办法, 作证的是你们… leak.
- R3 第五条第（二）项: a relative's number handed over with 你找他准没错 recommends a lawyer.
- R3 第五条第（五）项: 按这个数出报告, 压到市价六成, the acceptable price 告诉评估公司, 往…以下做,
  拍卖信息只透给一家, 指使拍卖公司 are collusion with an intermediary.
- R3 第五条第（四）项: 象征性收五百的房租, 借去回老家, 借两天用完就还 borrow; a car offered
  (派车送, 用我们的车捎) and refused (谢绝了, 没同意) is declined.
- R3 第六条: 二楼走廊, 会见区 of the court are its workplace.
- R3 第五条第（六）项: 教他“开庭时就说…” coaches a party.
- R3 第六条: 现场 naming a piece of work (商定现场勘验时间) is no place away; R3 第七条: a
  caller who knocks at the officer's door (敲…家的门) or stops him at his stairwell came unasked.
- R3 第十条: what the inquiry found, told in its own words (书面回复：该次见面系…经批准), settles
  the account unless it says the allegation was true; 以为是…吃请 is what someone took it for;
  a meal paid 按标准 is the officer's own.
- R3 第五条: the teller's firm tied to the officer's case (他手上有我所一件鉴定, 我司执行异议案承办
  法官, 审理本所代理案件的法官) is the intermediary, the party or the lawyer in contact with him.
- GUIDE section 4 (hearsay is undetermined until verified): 听说 opening a clause, 听来的, an
  unsigned letter (没有署名的来信), a forum post (帖子称); a superior who 听说后 acts is no hearsay.
- R2 第四条 against 第九条第（一）项: an account that cannot tell guidance from a plea (业务指导还是
  替一方说情, 是替被告说情还是真想帮着调解…听不出来) leaves the plea open.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_rule


@pytest.mark.parametrize("situation", [
    "执行法官何某晚上约评估公司的经理到茶楼谈报告，说“不用走审批，喝杯茶就谈完了”。",
    "执行法官何某周六约申请执行人到茶楼谈和解。院监察室查了，何某没有报过外出审批。",
])
def test_an_approval_waved_aside_or_never_sought(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.approved is False
    assert result.facts.via_procedure is not True


def test_an_approval_given_is_one(assessor: Assessor) -> None:
    situation = "执行法官何某周六约申请执行人到茶楼谈和解，事先报执行局长审批同意。"
    assert assessor.assess(situation).facts.approved is True


@pytest.mark.parametrize("situation", [
    "退休的老法官郑某今天以儿子的诉讼代理人身份来我们庭出庭，他儿子是被告，户口簿已核对。",
    "退休的原刑庭法官高某今天来开庭，身份是他女儿那起离婚案的委托代理人，手续都交了。",
    "原民庭的孔法官退休后，作为她瘫痪弟弟的监护人，代理弟弟在我院的一起赡养纠纷。",
])
def test_a_former_judge_for_his_own_kin(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.former_officer is True
    assert result.facts.guardian_or_relative is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R3-8"


def test_a_former_judge_for_a_company_in_our_court(assessor: Assessor) -> None:
    situation = ("原民二庭庭长许某前年辞职当了律师，今天以原告公司委托代理人的身份"
                 "坐在我们庭的原告席上，他跟这家公司没有任何亲属关系。")
    result = assessor.assess(situation)
    assert result.facts.former_unit_case is True
    assert result.verdict == "violation"


def test_a_retired_president_who_never_named_a_case(assessor: Assessor) -> None:
    situation = "退休的老院长下午又来民庭坐了两个钟头，聊的都是下棋和外孙，没提一句案子。"
    result = assessor.assess(situation)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"


def test_a_retired_president_who_named_one(assessor: Assessor) -> None:
    situation = "退休的老院长下午来民庭坐了两个钟头，说那起借款案的被告是他老部下，让我们判轻点。"
    assert assessor.assess(situation).verdict == "violation"


@pytest.mark.parametrize("situation", [
    "当事人实名举报审判长收了对方的钱。纪检组调了银行流水，找书记员了解情况，核查结论是查无实据，"
    "已当面告知举报人。",
    "申请执行人举报执行法官收了被执行人的红包。纪检组核查后书面答复：没有发现法官收受财物。",
])
def test_a_complaint_checked_and_cleared(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.complaint_cleared is True
    assert result.verdict == "lawful"
    assert unknown.REPORT_TRUE not in result.missing_facts


def test_a_complaint_still_being_checked(assessor: Assessor) -> None:
    situation = "申请执行人举报执行法官收了被执行人的红包，纪检组已受理，正在核查。"
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_a_copy_sent_along_is_no_gift(assessor: Assessor) -> None:
    situation = "纪检组的书面答复抄送了法警队一份，让我们存档。"
    assert "accept_benefit" not in (assessor.assess(situation).facts.conduct or [])


def test_two_boxes_sent_are_a_gift(assessor: Assessor) -> None:
    situation = "被告的弟弟中秋节给承办法官家里送了两箱酒，法官收下了。"
    assert "accept_benefit" in (assessor.assess(situation).facts.conduct or [])


def test_a_complaint_then_what_was_found(assessor: Assessor) -> None:
    situation = ("被害人来信反映“检察官跟辩护律师在球场有说有笑”。经了解，检察官周六在球场"
                 "偶遇这位律师，聊了几句，周一上午就向院纪检组作了书面报告。")
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert unknown.REPORT_TRUE not in result.missing_facts


def test_a_complaint_with_nothing_found_yet(assessor: Assessor) -> None:
    situation = "被害人来信反映“检察官跟辩护律师在球场有说有笑”，说检察官收了律师的球拍。"
    assert assessor.assess(situation).verdict == "undetermined"


def test_nobody_told_until_asked(assessor: Assessor) -> None:
    situation = ("3月2日（周四）晚上我在菜市场碰到一个被执行人的老板，"
                 "他拉着我说了二十分钟执行款的事。"
                 "我也没跟谁说，直到3月10日纪检组来问，我才讲清楚。")
    result = assessor.assess(situation)
    assert result.facts.reported is False
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-7"


def test_told_the_next_morning(assessor: Assessor) -> None:
    situation = ("3月2日（周四）晚上我在菜市场碰到一个被执行人的老板，"
                 "他拉着我说了二十分钟执行款的事。"
                 "第二天上午我就向纪检组报告了。")
    assert assessor.assess(situation).verdict == "lawful"


@pytest.mark.parametrize("situation", [
    "陪审员邓某评议当晚在被告人妻子的店里买东西，顺口说：“审判长想判两年，我们俩主张缓刑。”",
    "执行局书记员散会后打电话告诉被执行人的老婆：“下周一上午去你家，车先开走。”",
    "派出所民警查到案子进度，跟嫌疑人家属说“下个月要移送起诉了，赶紧想办法”。",
    "侦查员在看守所门口对嫌疑人父亲说：“作证的是你们对门老王一家，别去找人家。”",
])
def test_telling_a_party_what_is_secret(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_telling_a_party_the_hearing_date(assessor: Assessor) -> None:
    situation = "书记员打电话告诉原告：“下周二上午九点开庭，带好身份证。”"
    assert "leak" not in (assessor.assess(situation).facts.conduct or [])


def test_a_relatives_number_with_you_cannot_go_wrong(assessor: Assessor) -> None:
    situation = "陪审员把他堂弟（执业律师）的电话给了原告，说“他专打这类官司，你找他准没错”。"
    result = assessor.assess(situation)
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-5-2"


def test_legal_aid_pointed_to_is_no_recommendation(assessor: Assessor) -> None:
    situation = "被告说请不起律师，法官告诉他可以向县法律援助中心申请，律师由中心指派。"
    assert "recommend_lawyer" not in (assessor.assess(situation).facts.conduct or [])


@pytest.mark.parametrize("situation", [
    "执行法官在电话里对评估公司的人说：“那套商铺就按被告给的那个数出，别让人挑毛病。”",
    "评估公司业务员对执行法官说：“价就按上回讲的，压到市价六成。”法官说：“你们先出报告。”",
    "执行员把申请执行人能接受的价位告诉评估公司的经理，让他照这个出报告。",
    "民警和鉴定所的人事先商量，把被盗配件的价值往两万以下做。",
    "执行法官把拍卖信息只透给一家公司，当天只有这一家报名。",
    "执行法官指使拍卖公司把公告挂在一个没人看的小网站上。",
])
def test_steering_the_valuer_or_the_auction(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "collusion" in (result.facts.conduct or [])
    assert result.verdict == "violation"


@pytest.mark.parametrize("situation", [
    "代理律师说，破产庭法官住的那套房子是他的，一个月象征性收三百，市价两千五。",
    "刑庭法官国庆开的那辆越野车是被告人姐姐的，说是借去回老家，放完假就还。",
    "法官在婚宴上对被告说：“你那辆车借两天，用完就还。”",
])
def test_a_car_or_a_flat_from_a_party(assessor: Assessor, situation: str) -> None:
    assert "borrow" in (assessor.assess(situation).facts.conduct or [])


@pytest.mark.parametrize("situation", [
    "申请执行人说要派车送我们去查封现场，执行法官当场谢绝了，坐的是院里的警车。",
])
def test_a_car_offered_and_declined(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert "borrow" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_a_refusal_said_as_did_not_agree(assessor: Assessor) -> None:
    situation = "律师约法官周末钓鱼，法官没同意。"
    assert assessor.assess(situation).facts.refused is True


@pytest.mark.parametrize("place", ["二楼走廊", "会见区"])
def test_the_courts_corridor_is_its_workplace(assessor: Assessor, place: str) -> None:
    situation = f"辩护律师在法院{place}问承办法官下周的庭能不能改到下午，法官让他写书面申请。"
    result = assessor.assess(situation)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_coaching_in_quotes(assessor: Assessor) -> None:
    situation = "法官私下加了原告微信，教她“开庭时就说钱都是你一个人还的”。"
    result = assessor.assess(situation)
    assert "coach" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_site_work_named_is_no_place_away(assessor: Assessor) -> None:
    situation = ("摇号选定的评估公司派评估师到执行局办公室领取委托书，与承办法官商定现场勘验时间，"
                 "双方在交接单上签字。")
    result = assessor.assess(situation)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_a_meeting_at_the_site_is_away(assessor: Assessor) -> None:
    situation = "执行法官周日一个人去被执行人的工地现场，和老板在工棚里谈了一下午。"
    assert assessor.assess(situation).facts.at_workplace is False


@pytest.mark.parametrize("situation", [
    "晚上十点，被告人的母亲提着一袋水果敲审判员老孟家的门，老孟隔着门让她白天到法院说，没开门，"
    "第二天上午向院纪检组报告了。",
    "法官晚上回家，被那起执行案被执行人的弟弟在自家楼道口拦住，要塞一个红包，法官没收，"
    "第二天一早向院纪检组作了报告。",
])
def test_an_uninvited_visit_at_home_reported_next_day(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.planned is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) in ("R3-7", "R3-5-3")


@pytest.mark.parametrize("situation", [
    "我实名向法院纪检组反映承办法官和对方律师在茶楼包间见面。纪检组受理后书面回复：该次见面系现场"
    "勘验后的调解，事先办理了外出审批并经批准，书记员全程在场。",
    "有人举报前检察官钟某“回老单位当辩护人”。核查结果：钟某是他未成年侄子经法院指定的监护人，"
    "以监护人身份辩护，未收费。",
])
def test_a_complaint_and_what_the_inquiry_found(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "lawful"
    assert unknown.REPORT_TRUE not in result.missing_facts


def test_a_complaint_the_inquiry_found_true(assessor: Assessor) -> None:
    situation = ("当事人实名举报执行法官在茶楼收了对方两万元。纪检组书面回复：经核，反映属实，"
                 "法官本人也承认了。")
    assert assessor.assess(situation).verdict == "violation"


def test_what_someone_took_it_for_is_no_benefit(assessor: Assessor) -> None:
    situation = "原告只看到法官和对方律师在饭店门口握手，就以为是为本案吃请，没有再问。"
    assert "accept_benefit" not in (assessor.assess(situation).facts.conduct or [])


def test_a_meal_paid_by_the_standard_is_his_own(assessor: Assessor) -> None:
    situation = "法官经审批到村里调解，中午在村委会食堂吃了工作餐，按标准付了钱。"
    assert "accept_benefit" not in (assessor.assess(situation).facts.conduct or [])


@pytest.mark.parametrize(("situation", "kind"), [
    ("车辆登记：五一期间所里的勘验车借给执行局汤某家用四天。他手上有我所一件造价鉴定案。",
     "中介组织"),
    ("用车登记：借用人为中院执行局卫某（我司执行异议案承办法官），用途：回老家。", "当事人"),
    ("所内审计：一名合伙人春节前给正在审理本所代理案件的法官送了两张购物卡，法官收下了。", "律师"),
])
def test_the_tellers_firm_in_the_officers_case(assessor: Assessor, situation: str,
                                               kind: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.counterpart == kind
    assert result.verdict == "violation"


def test_a_firm_with_no_case_before_him(assessor: Assessor) -> None:
    situation = "所里的勘验车借给执行局汤某家用四天，他说回老家用。"
    assert assessor.assess(situation).facts.counterpart is None


@pytest.mark.parametrize("situation", [
    "书记员跟我说，听说县里有位领导给院长打过招呼，要我们把那起合同案往原告那边靠一靠。",
    "茶水间听来的：市里有位领导给庭长打过电话，让那个污染案判轻点，我没法核实。",
    "法院纪检组收到一封没有署名的来信，说执行法官去年向申请执行人借了八万元，到现在没还。",
    "某论坛帖子称，中院一名法官给县法院承办法官打了招呼，要照顾发包方，帖子没附证据。",
])
def test_hearsay_and_unsigned_allegations_wait(assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "undetermined"


def test_hearing_of_it_later_is_no_hearsay(assessor: Assessor) -> None:
    situation = ("县政协副主席来电为一名嫌疑人说情，侦查员接的。大队长听说后跟侦查员讲："
                 "“这个别往登记本上写。”登记本上就没有这一条。")
    assert assessor.assess(situation).verdict == "violation"


@pytest.mark.parametrize("situation", [
    "分管副院长在电梯里对承办法官说“这家企业不容易，你多考虑”。大家争了半天，拿不准这算业务指导"
    "还是替一方说情。",
    "公安局副局长在电话里问承办法官那个借款案“有没有调解的余地”，他跟被告是朋友，是替被告说情，"
    "还是真想帮着调解，电话里听不出来。",
])
def test_guidance_or_plea_left_open(assessor: Assessor, situation: str) -> None:
    assert assessor.assess(situation).verdict == "undetermined"


def test_the_open_plea_is_named(assessor: Assessor) -> None:
    situation = ("公安局副局长在电话里问承办法官那个借款案“有没有调解的余地”，他跟被告是朋友，"
                 "是替被告说情，还是真想帮着调解，电话里听不出来。")
    assert unknown.PLEA in assessor.assess(situation).missing_facts


def test_a_plea_said_plainly(assessor: Assessor) -> None:
    situation = "公安局副局长在电话里对承办法官说：“被告是我朋友，那个借款案你们判的时候照顾一下。”"
    assert assessor.assess(situation).verdict == "violation"
