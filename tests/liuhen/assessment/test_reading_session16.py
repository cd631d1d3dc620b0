"""Constructions read in session 16 (issue 11, sets S and T): files handled without a leak, a
red packet pushed at an officer (no papers passed), a party told to get a lawyer (none named), a
former officer whose old unit and the case's organ are both named, reports filed at the
discipline office and dated by day alone, a cadre who refuses and never calls, a plea to lean
toward one side, a meal eaten though the card went back, a benefit from someone the words do
not tie to the case, the rank that leaves 领导干部 open, a gift a spouse took, a transcript's
affirmed question. Every sentence is written for the test from the regulations' own terms,
not taken from any situation set; each change was kept only if no author's set lost a verdict
by it (docs/benchmarks.md, "Assessment engine, session 16")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.former_unit import former_and_case_organs
from liuhen.assessment.narration import affirmed_questions_masked
from liuhen.assessment.report_days import dated_days
from tests.liuhen.assessment.reading import first_provision


@pytest.mark.parametrize("story", [
    "再审合议庭通过审判管理系统申请调卷，档案室登记后调出了原审卷宗，"
    "法官没有向原承办人打听情况。",
    "周日检察官回办公室整理卷宗，没有见任何人。",
])
def test_files_handled_at_work_are_no_leak(assessor: Assessor, story: str) -> None:
    """R3 第五条第（一）项 is 「泄露司法机关办案工作秘密」: files fetched or sorted leak nothing."""
    result = assessor.assess(story)
    assert result.verdict != "violation"
    assert "leak" not in (result.facts.conduct or [])


def test_files_shown_to_a_lawyer_are_a_leak(assessor: Assessor) -> None:
    """The same noun with the file shown to the defence is the leak the item names."""
    result = assessor.assess("书记员把卷宗拿给被告人的辩护律师拍了照。")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_red_packet_pushed_back_at_a_wedding_is_no_papers_passed(assessor: Assessor) -> None:
    """塞给 with a 红包 is a benefit offered (R3 第五条第（三）项), not 转递涉案材料; refused."""
    result = assessor.assess("法官参加表哥的婚礼，正在他手上打官司的被告在席间塞给他一个红包，"
                             "法官当场推回，第二天向院纪检组报告。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_telling_a_party_to_get_a_lawyer_recommends_none(assessor: Assessor) -> None:
    """R3 第五条第（二）项 is 「为当事人推荐、介绍诉讼代理人、辩护人」: no lawyer is named."""
    result = assessor.assess("民警在超市碰到嫌疑人的妻子，她问案子怎么办，"
                             "民警说“这个不能讲，你找律师”。民警当天向局纪委报告了。")
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_lawyers_number_handed_to_a_party_recommends_him(assessor: Assessor) -> None:
    result = assessor.assess("执行法官给了申请执行人一个律师的手机号，说“就找他”。")
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert first_provision(result) == ("R3", 5, 2)


def test_the_former_unit_and_the_cases_organ_named_apart() -> None:
    """R3 第八条 forbids 「原任职单位办理案件」: both organs named, and they differ or agree."""
    assert former_and_case_organs("原县法院法官辞职当律师，代理的二审案在市中院审。") == (
        "县法院", "中院")
    assert former_and_case_organs("原中院法官陈某辞职后执业，该案一直由中院执行。") == (
        "中院", "中院")
    assert former_and_case_organs("原单位的同事请他吃饭。") is None


def test_a_former_judge_representing_before_another_court_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("原区法院法官离职做律师，代理一件市中院正在审理的合同纠纷。")
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 8, None)


def test_a_day_told_without_its_month_counts_from_the_full_date() -> None:
    """第七条's 「三日内」: 5月12号 …… 13号 is one day; a bare day before the date is no date."""
    assert dated_days("5月12号碰到他，13号上午报了。") == 1
    assert dated_days("5月12号碰到他，第二天报了。") is None
    assert dated_days("7号楼的住户5月12号来过。") is None


def test_a_chance_meeting_entered_at_the_discipline_office_in_time_is_lawful(
        assessor: Assessor) -> None:
    result = assessor.assess("6月3日，法官在菜市场碰到一起离婚案原告的母亲，只打了个招呼。"
                             "6月4日，法官在院纪检组登记了这次碰面。")
    assert result.facts.reported is True
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R3", 7, None)


def test_a_late_written_account_is_a_late_report(assessor: Assessor) -> None:
    """「在三日内向本单位纪检监察部门报告」: the account written a week on is late."""
    result = assessor.assess("3月2日，法官在集市上被一起借款案的被告拦住，在路边谈了案子。"
                             "3月9日纪检组检查时他才补写了情况说明。")
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 7, None)


@pytest.mark.parametrize("story", [
    "村民找到乡党委书记，求他跟法庭“打个招呼”。书记说：“法庭的事我不能插手。”"
    "此后书记也没有给法庭打过电话。",
    "老王提着两瓶酒找到县政协副主席家里，想让他给派出所打个电话。副主席说：“我不能给你打这个电话。”",
])
def test_a_cadre_who_refuses_and_never_calls_is_lawful(assessor: Assessor, story: str) -> None:
    """R1 第八条第（一）项: 「为案件当事人请托说情的」; the negated call is the refusal kept."""
    result = assessor.assess(story)
    assert result.verdict == "lawful"
    assert first_provision(result) == ("R1", 8, 1)


def test_a_plea_to_lean_toward_one_side_is_a_plea(assessor: Assessor) -> None:
    result = assessor.assess("县委副书记给承办法官打电话，说那起土地纠纷的原告是他亲戚，"
                             "“你往原告那边偏一偏”。")
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_the_head_of_the_court_speaking_to_the_judge_is_an_insiders_plea(
        assessor: Assessor) -> None:
    """跟承办法官讲: the head turns to the judge (R2 第九条第（一）项 and R1 第八条第（一）项)."""
    result = assessor.assess("区法院院长在电话里跟承办法官讲：“被告是我的老同学，"
                             "你看能不能帮他一把。”")
    assert result.facts.regimes and "R2" in result.facts.regimes
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)


def test_a_meal_eaten_though_the_card_went_back_is_a_benefit_taken(assessor: Assessor) -> None:
    result = assessor.assess("评估公司经理请法官到酒店吃饭，饭后塞给他一张购物卡。法官吃了这顿饭，"
                             "购物卡第二天退了回去。")
    assert "accept_benefit" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)


def test_a_benefit_from_someone_with_no_tie_to_the_case_waits_for_it(
        assessor: Assessor) -> None:
    """第五条 names 「当事人、律师、特殊关系人、中介组织」: who paid is not one of them here."""
    result = assessor.assess("法官应邀参加一位商人的饭局，饭钱由商人付。")
    assert result.verdict == "undetermined"
    assert unknown.COUNTERPART in result.missing_facts


@pytest.mark.parametrize("story", [
    "镇党政办主任给法庭打电话，说被告是镇上的困难户，能少赔就少赔。他是股级，不是班子成员。",
    "国有公司副总经理给执行局打电话，要求先别冻结一家供应商的账户。这位副总是公司内部聘任的。",
])
def test_a_rank_that_leaves_the_leader_open(assessor: Assessor, story: str) -> None:
    """R1 第十二条: 「具有国家工作人员身份的领导干部」; the words leave the status open."""
    result = assessor.assess(story)
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts


def test_a_gift_a_spouse_took_waits_for_whether_the_officer_knew(assessor: Assessor) -> None:
    result = assessor.assess("罪犯家属把一个红包送到审判长家里，审判长爱人收下了。审判长是否知情、"
                             "红包有没有退，目前说法不一。")
    assert result.verdict == "undetermined"
    assert unknown.ACCEPTED in result.missing_facts


def test_an_affirmed_question_in_a_transcript_is_a_statement() -> None:
    """问：…是否…？答：推荐过 — the doubt word is the asker's; a denied one stays."""
    masked = affirmed_questions_masked("问：你是否向被告推荐过律师？答：推荐过。")
    assert "是否" not in masked and len(masked) == len("问：你是否向被告推荐过律师？答：推荐过。")
    assert affirmed_questions_masked("问：有没有收钱？答：没有。") == "问：有没有收钱？答：没有。"


def test_a_header_with_a_note_in_brackets_names_the_recorder(assessor: Assessor) -> None:
    """执行局小李的情况说明（节选）: the header's unit recorded; the caller is the actor."""
    result = assessor.assess("执行局小李的情况说明（节选）：“3日上午，住建局局长打来电话，"
                             "说那家公司是局里的合作单位，扣账户能不能缓一缓，"
                             "我说执行措施依法采取，不能缓。”")
    assert result.actor_role == "领导干部"
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


@pytest.mark.parametrize(("story", "fact"), [
    ("副庭长在食堂碰到承办法官，说那起离婚案以调解为主。问：你记了没有？答：当时没想着记，"
     "后来补没补，我记不清了。", unknown.ORAL_RECORDED),
    ("法官在村委会办公室单独找被告补问了证据，卷里没看到这次补问的审批材料。", unknown.APPROVAL),
    ("法官到乡下现场执行，中午被执行人在饭馆摆了一桌，法官吃了，说饭钱自己付的；是否报批、"
     "饭钱谁付，卷里都没有凭据。", unknown.ACCEPTED),
])
def test_what_the_account_leaves_open_holds_the_verdict(
        assessor: Assessor, story: str, fact: str) -> None:
    result = assessor.assess(story)
    assert result.verdict == "undetermined"
    assert fact in result.missing_facts


def test_back_at_work_after_a_holiday_counts_the_calendar_days(assessor: Assessor) -> None:
    """第七条 says 「三日内」 and counts no holiday out: 1月30日 to 2月6日 is seven days."""
    result = assessor.assess("1月30日，法官回老家过年，在集市上碰到自己承办的一起借款案的原告，"
                             "聊了几句。春节放假，法官2月6日上班第一天向纪检组报告了。")
    assert result.facts.report_days == 7
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 7, None)


def test_a_meal_at_a_partys_home_the_officer_went_to_is_a_benefit(assessor: Assessor) -> None:
    """R3 第五条第（三）项: 「接受当事人…请客送礼」; invited, he went and carried food home."""
    result = assessor.assess("过年时，一起盗窃案的被害人请了办案民警去家里吃年夜饭，民警去了，"
                             "还拎回来一条腊肉。")
    assert "accept_benefit" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)
