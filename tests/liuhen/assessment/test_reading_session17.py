"""Constructions read in session 17 (issue 11, sets U and V): a report phoned to the discipline
office or handed to it, a report whose own paper names it, a report day in doubt, the cadre who
calls an officer (whoever set the scene or recorded the call), a record's 记载/写道/通报 header,
an official's unquoted answer and a procedure put off (no procedure followed), raw materials (no
papers), a tip-off about an arrest, a relative with no tie to any case, a former unit named to
be denied, a leak asked for and refused, a night call from counsel, a visit to a law firm without
approval, a benefit given back once found out, an appraisal made low by arrangement, an inquiry's
own report. Every sentence is written for the test from the regulations' own terms, not taken
from any situation set; each change was kept only if no author's set lost a verdict by it
(docs/benchmarks.md, "Assessment engine, session 17")."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import first_provision


@pytest.mark.parametrize("story", [
    "民警：“3月6号周五晚上在公园碰到我办的案子的被害人家属，她问案子进展，我说按程序等通知。"
    "7号周六上午我就给局纪委打电话说了，周一又补了书面材料。”",
    "法官：“4月2号晚上在医院排队，碰到原告的哥哥，他问什么时候开庭，我没答。"
    "4月3号我把情况写好交院纪检组。”",
])
def test_a_chance_meeting_reported_within_three_days(assessor: Assessor, story: str) -> None:
    """R3 第七条: 「应当在三日内向本单位纪检监察部门报告有关情况」; a call to the discipline
    office or a paper handed to it is that report, and the report's papers pass nothing on."""
    result = assessor.assess(story)
    assert result.facts.reported is True
    assert result.facts.report_days is not None and result.facts.report_days <= 3
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R3", 7)


def test_the_report_named_by_its_own_paper_is_late(assessor: Assessor) -> None:
    """The paper that is the report (情况说明：…, 落款) is no papers passed; dated four days
    after the contact it is late under 「三日内」."""
    result = assessor.assess("检察官写的情况说明：6月5日（周五）晚在饭店门口碰上嫌疑人的父亲，"
                             "他问儿子能不能取保，我没有回答。情况说明落款日期6月9日，当天交院纪检组。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.facts.report_days == 4
    assert result.verdict == "violation"


def test_a_report_day_in_doubt_leaves_three_days_open(assessor: Assessor) -> None:
    """Reported on a day the officer cannot name (周一还是周二): whether it was 「三日内」 is
    the fact the answer turns on."""
    result = assessor.assess("法官：“上周五晚上在车站遇到被告的代理律师，聊了几句天气。"
                             "这周上班后我交了报告，是周一还是周二交的，我记不清了。”")
    assert result.facts.report_days is None
    assert result.verdict == "undetermined"
    assert unknown.REPORTED_IN_TIME in result.missing_facts


def test_the_cadre_who_calls_the_officer_is_the_actor(assessor: Assessor) -> None:
    """The officer named first set the scene; the 副市长 who called asked the court to hold
    back: R1 第八条 conduct of a 领导干部, whatever the officer did with the call."""
    result = assessor.assess("外地法院的执行法官来我区查封一家化工厂的设备。一位副市长随即打电话给"
                             "区法院执行局长，要求“先别配合，拖几天再说”。执行局长把电话内容记了下来。")
    assert result.actor_role == "领导干部"
    assert "R1" in result.regimes
    assert result.verdict == "violation"
    assert first_provision(result)[:2] == ("R1", 8)


def test_a_record_header_does_not_make_the_recorder_the_actor(assessor: Assessor) -> None:
    """Under a 记载： header the one who wrote the record is not the one who called; an unquoted
    answer (表示按规定办理) is no procedure the caller followed (R1 第三条)."""
    result = assessor.assess("看守所副所长在《领导干部干预司法活动记录表》上记载："
                             "某县政协副主席来电，"
                             "问在押的刘某的案子“能不能往前排一排，早点报上去”。本人当即表示按规定办理。")
    assert result.actor_role == "领导干部"
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_a_procedure_put_off_is_no_procedure(assessor: Assessor) -> None:
    """「手续后面再补」 asks to skip the procedure: not 依照工作程序 (R1 第三条)."""
    result = assessor.assess("县人大常委会一位副主任打来电话，对执行局长说“那家厂的账户你们先解封，"
                             "手续后面再补”。局长答复“解封要依法审查”，并登记在案。")
    assert result.facts.via_procedure is not True
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 1)


def test_raw_materials_are_no_papers(assessor: Assessor) -> None:
    """原材料 names goods, not 涉案材料 (R2 第九条第（三）项)."""
    result = assessor.assess("县发改局局长打来电话："
                             "“起诉那家原材料供应商的案子，立案能不能先压一压？”"
                             "立案庭庭长答复依法登记立案，并作了记录。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_warning_before_an_arrest_is_a_tip_off(full_assessor: Assessor) -> None:
    """R2 第九条第（四）项: 「打探案情、通风报信」; an insider tells the suspect to stay away.
    (With the search index, as served: the words alone leave R2 and R3 to the ranking.)"""
    result = full_assessor.assess("县公安局交警大队民警王某得知刑警队第二天要抓他的表弟，"
                                  "当晚打电话提醒对方“明天别在家待着”。王某不参与该案办理。")
    assert "probe" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 4)


def test_a_relative_with_no_tie_to_any_case(assessor: Assessor) -> None:
    """R3 governs contact with 当事人、律师、特殊关系人、中介组织: a relative the words say has
    nothing to do with any case or prisoner is private life."""
    result = assessor.assess("监狱民警周末在家，表哥来吃饭，两人聊家常，表哥跟监狱、跟任何服刑人员"
                             "都没有关系。")
    assert result.facts.counterpart is None
    assert result.verdict == "lawful"


def test_a_question_about_a_tie_denies_nothing(assessor: Assessor) -> None:
    """有没有关系 asks; it does not deny the tie."""
    result = assessor.assess("法院同事在食堂问承办法官案子判了没有，也不知道他和被告人有没有关系。")
    assert result.facts.specific_case is not False


def test_a_former_unit_named_to_be_denied(assessor: Assessor) -> None:
    """R3 第八条 forbids only 「原任职单位办理案件」: the case is in another court."""
    result = assessor.assess("原县检察院检察官李某辞职后当律师，现在市中院代理一起合同纠纷二审，"
                             "一审也不是李某原单位审的。")
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"


def test_a_night_call_asking_for_the_deliberation_refused_and_reported(
        assessor: Assessor) -> None:
    """Counsel calls at night and asks for the panel's view; the judge refuses and reports the
    next morning: no leak (R3 第五条第（一）项) and 第七条's report within three days."""
    result = assessor.assess("晚上十一点，被告代理律师给承办法官打电话："
                             "“合议庭意见出来了吧？透个底。”"
                             "法官答：“评议情况不能对外讲。”第二天一早，法官把通话情况书面报告了院纪检组。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_a_visit_to_a_law_firm_without_approval(assessor: Assessor) -> None:
    """R3 第六条: outside the workplace only 「应依照相关规定办理审批手续并获批准」."""
    result = assessor.assess("纪检组谈话笔录：承办法官承认，"
                             "上周到原告代理律师所在的律所“沟通案情”，"
                             "没有填写审批表。")
    assert result.facts.at_workplace is False
    assert result.verdict == "violation"


def test_a_benefit_given_back_once_found_out_was_taken(assessor: Assessor) -> None:
    """R3 第五条第（三）项: 「接受…请客送礼或者其他利益」; returned only after it came out."""
    result = assessor.assess("监狱纪委调查报告：中秋前，"
                             "监区长通过微信收取了服刑人员家属转账3000元，"
                             "半年后被查出才退回。")
    assert "accept_benefit" in (result.facts.conduct or [])
    assert result.facts.reported is not True  # 调查报告 is the inquiry's paper
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 3)


@pytest.mark.parametrize("story", [
    "执行法官和一家评估公司的经理商量好，把被执行人的厂房评低两成，再由经理的朋友在拍卖中买下。",
    "执行法官与拍卖公司经理商量好，被执行人的仓库按低于市场价的评估价起拍，流拍后由经理的亲戚接手。",
])
def test_an_appraisal_made_low_by_arrangement(assessor: Assessor, story: str) -> None:
    """R3 第五条第（五）项: 「与相关中介组织和人员恶意串通、弄虚作假」."""
    result = assessor.assess(story)
    assert "collusion" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 5)


def test_an_appraiser_handing_in_a_report_by_arrangement(assessor: Assessor) -> None:
    """按约定 (as agreed) is the appointment, no collusion: a report handed in at the office."""
    result = assessor.assess("评估公司的工作人员按约定到执行局办公室，向执行法官提交评估报告，"
                             "并说明估价依据。")
    assert "collusion" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_an_insider_who_calls_the_teller_named_before_him(assessor: Assessor) -> None:
    """The one who tells it is named first (监区长向监狱纪委说明：…打电话给他): the caller turned
    to him, an insider asking about a case others handle (R2 第九条第（一）项)."""
    result = assessor.assess("监区长向监狱纪委说明：上个月，县公安局一位副局长打电话给他，"
                             "说监区里的服刑人员张某“是自己人，多关照”。监区长当时没有记录。")
    assert "R2" in result.regimes
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)


def test_a_report_in_writing_is_no_guidance_in_writing(assessor: Assessor) -> None:
    """向院纪检组书面反映 is the form of the report; the caller's 别那么急 is a plea, not R2
    第四条's 「依照程序以书面形式提出」 guidance."""
    result = assessor.assess("县法院执行法官向院纪检组书面反映：市中院一位法官私下打电话给他，"
                             "说“那个拍卖别那么急，给人家留点时间筹钱”。执行法官作了记录。")
    assert result.facts.written is not True
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 1)


def test_the_officer_who_turns_the_insider_down_was_approached(assessor: Assessor) -> None:
    """No verb of turning to him is said, but the guard who refused was the one asked."""
    result = assessor.assess("驻所检察官多次到看守所，说在押的王某是他亲戚，“多照顾一点”。"
                             "管教民警当面回绝，并作了登记。")
    assert "R2" in result.regimes
    assert result.verdict == "violation"


def test_no_approval_form_in_the_file_leaves_approval_open(assessor: Assessor) -> None:
    """看不到审批单 says the file is silent, not that no approval was given: R3 第六条 turns on
    「办理审批手续并获批准」, which stays the fact to find."""
    result = assessor.assess("检察官跟着被害人公司的会计去了城郊仓库清点账册，卷宗里看不到任何外出"
                             "审批单，检察官说“跟科长说过”。")
    assert result.facts.at_workplace is False
    assert result.facts.approved is None
    assert result.verdict == "undetermined"
    assert unknown.APPROVAL in result.missing_facts


def test_a_lawyer_run_down_and_another_named(assessor: Assessor) -> None:
    """R3 第五条第（二）项: 「要求、建议或者暗示当事人更换符合代理条件的律师」."""
    result = assessor.assess("承办法官私下对被告说：“你那个律师不行，换成老周，他跟我们庭里熟。”"
                             "经院纪检组核查属实。")
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R3", 5, 2)


def test_a_complaint_whose_facts_were_found_is_the_conduct(assessor: Assessor) -> None:
    """A report (R3 第九条/第十条) whose facts the inquiry found (上述事实清楚) is no longer open:
    the conduct reported is judged."""
    result = assessor.assess("有人反映民一庭法官收下原告送的两张购物卡。"
                             "区纪委核查后认定：上述事实清楚。")
    assert result.facts.complaint is not True
    assert result.verdict == "violation"


@pytest.mark.parametrize("story", [
    "市检察院第一检察部依照程序向县检察院下发书面督办意见，要求对一起久拖未结的盗窃案“依法及时审查、"
    "按期作出决定”。",
    "县法院分管刑事的副院长在办案系统审批栏写下意见：“被告人的退赃情况请再核实一次，依法处理。”"
    "承办法官核实后入卷。",
])
def test_written_guidance_from_above_is_supervision(assessor: Assessor, story: str) -> None:
    """R2 第四条: 「司法机关领导干部和上级司法机关工作人员因履行领导、监督职责，需要对正在办理
    的案件提出监督、指导意见的，应当依照程序以书面形式提出」; a party named inside the
    guidance's words makes it no contact with that party (R3)."""
    result = assessor.assess(story)
    assert result.regimes == ["R2"]
    assert result.facts.insider_relation in ("own_leader", "superior")
    assert result.verdict == "lawful"
    assert first_provision(result)[:2] == ("R2", 4)



def test_a_government_office_letter_asking_for_a_prisoner_release(assessor: Assessor) -> None:
    """R1 第八条第（四）项: 「为了地方利益…以…发文件等形式，超越职权对案件处理提出倾向性意见
    或者具体要求」; a 县政府办公室 is no 「对司法工作负有领导职责的机关」 (第三条)."""
    result = assessor.assess("县政府办公室给监狱发函，称服刑人员李某“系我县招商引资企业负责人”，"
                             "建议监狱“优先研究对其提请假释”。函件已登记归档。")
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_provision(result) == ("R1", 8, 4)


def test_a_firm_has_no_close_relatives(assessor: Assessor) -> None:
    """R3 第八条's exception is 「作为当事人的监护人或者近亲属」: the party here is a company,
    whose 法定代表人 is the former judge's brother."""
    result = assessor.assess("原区法院法官王某辞职后当律师，在区法院代理一起租赁纠纷，"
                             "当事人是其弟弟任法定代表人的宏达物流公司。王某说自己是近亲属代理。")
    assert result.facts.guardian_or_relative is False
    assert result.verdict == "violation"
    assert first_provision(result)[:2] == ("R3", 8)


def test_papers_put_on_the_judges_desk_by_a_court_officer(assessor: Assessor) -> None:
    """R2 第九条第（三）项: 「违反规定为案件当事人…亲属转递涉案材料」; the judge told him to file
    them by procedure, which is no procedure the officer followed."""
    result = assessor.assess("承办法官在干预登记表中写道：本院一名法警把被告人家属写的求情信"
                             "放到我桌上，说“家属托我带的”。材料没有经立案庭提交。我已让其拿回，告知按程序递交。")
    assert result.regimes == ["R2"]
    assert result.verdict == "violation"
    assert first_provision(result) == ("R2", 9, 3)


def test_words_not_heard_leave_the_interference_and_the_record_open(assessor: Assessor) -> None:
    """The cadre who spoke to the officer is the actor; what he asked was not heard, so whether
    there was 干预 to record (R1 第十条: 「不记录或者不如实记录」) is open, not a violation."""
    result = assessor.assess("派出所所长的司机对人说：开完会后，副区长对所长讲了句“那个打架的案子，"
                             "你们……”，后面声音太小没听清。所长事后没有作任何记录。")
    assert result.actor_role == "领导干部"
    assert result.facts.content_unheard is True
    assert result.verdict == "undetermined"
    assert all(p.status != "violation" for p in result.provisions)


def test_an_officer_telling_it_at_a_meeting_is_not_the_actor(assessor: Assessor) -> None:
    """刑庭法官在庭务会上说：“…”: the judge tells what a cadre's wife asked; whether the cadre
    「授意、纵容」 it (R1 第八条第（三）项) is the open fact."""
    result = assessor.assess("刑庭法官在庭务会上说：“副县长的妻子到法院找我，"
                             "说她侄子的案子让我多费心。我问是不是副县长的意思，她说他不知道。”法官已记录在案。")
    assert result.regimes == ["R1"]
    assert result.verdict == "undetermined"
    assert first_provision(result) == ("R1", 8, 3)


def test_a_register_not_yet_checked_says_nothing_of_recording(assessor: Assessor) -> None:
    """纪检组还没查登记: the register was not looked at, which is no failure to record; the open
    question is R3 第七条's report within three days."""
    result = assessor.assess("法官向庭长口头说了：昨天坐地铁碰到一起离婚案的被告，"
                             "对方想聊案子，他没理。庭长有没有转告院纪检组，谁也说不准，纪检组还没查登记。")
    assert result.facts.recorded is not False
    assert result.verdict == "undetermined"
    assert first_provision(result)[:2] == ("R3", 7)


def test_an_item_whose_element_is_missing_does_not_lead(full_assessor: Assessor) -> None:
    """R1 第八条第（三）项 needs 「身边工作人员或者亲属」: with no staff or relative in the story a
    search hit on it trades places with the article's next hit; scores stay in order."""
    result = full_assessor.assess("已经退休多年的原县委副书记给县法院院长打电话，说一位老板的借贷案"
                                  "“请你们多费点心”。他退休后是否还担任什么职务，院长说不清楚。")
    assert not result.facts.via_staff
    labels = [(p.alias, p.article, p.item) for p in result.provisions]
    assert labels[0] != ("R1", 8, 3)
    assert ("R1", 8, 3) in labels
    scores = [p.score for p in result.provisions if p.source == "search"]
    assert scores == sorted(scores, reverse=True)


def test_a_cadre_asking_how_far_a_case_has_got_and_to_follow_the_law(assessor: Assessor) -> None:
    """Asking 审到哪一步 and 「依法」 handling with nothing asked of the outcome is none of R1
    第八条's conduct; the same question about a relative's case stays open."""
    lawful = assessor.assess("副市长给区法院院长打电话，问一起拖欠工程款的案子审到哪一步了，"
                             "说“你们依法办”，没有提任何判决方面的要求。")
    assert lawful.verdict == "lawful"
    for_kin = assessor.assess("副市长给区法院院长打电话，问他表弟那起工程款的案子审到哪一步了，"
                              "说“你们依法办”。")
    assert for_kin.verdict == "undetermined"


def test_a_leading_organs_meeting_that_decides_nothing_is_lawful(assessor: Assessor) -> None:
    """R1 第三条: 「统筹协调依法处理工作」 is the leading organ's part, 「不得对案件的证据采信、事实
    认定、司法裁判等作出具体决定」 its limit; a meeting whose minutes leave both to the organs is
    lawful, a leader's private call asking about a case stays open on the procedure."""
    meeting = assessor.assess("区委政法委召开联席会议，研究一起传销案的涉案资产处置分工。"
                              "会议纪要写明：“案件定性、证据认定和量刑由办案机关依法独立决定，本次会议不作讨论。”")
    assert meeting.verdict == "lawful"
    assert first_provision(meeting)[:2] == ("R1", 3)
    call = assessor.assess("区委政法委书记下班后给区法院院长打了个电话，问一起网络热点案件什么时候"
                           "开庭，没有提任何处理意见。")
    assert call.verdict == "undetermined"
    assert unknown.PROCEDURE in call.missing_facts
