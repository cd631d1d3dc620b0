"""Readings of the seed the engine got wrong (session 30), each with its control.

- R3 第八条 "作为当事人的监护人或者近亲属代理诉讼": acting 以近亲属身份 is acting as counsel; a
  client who is the party's father (接受…父亲的委托) makes no kin of the lawyer, and 只是朋友 says
  he is none; a former unit that never had the case (没有审理过这个案子) is not 原任职单位办理案件;
  one who left 本院 and acts 在本院 does act in his former unit's case.
- R3 第七条 "在三日内…报告": a report dated by its weekday first (报告（周三写）：周一晚上…),
  昨晚…今日报告 and 前天…昨天报告 count the days between; a title (情况报告（报纪检组）：) casts no
  doubt on the report; 一直没跟纪检组讲 is no report, 他会跟纪检那边说 is none yet; someone who
  knocks or calls up from downstairs (下去一看是), who grabs the judge (被…一把拉住) or a seat
  beside (座位挨着) make the contact unplanned, the writer learning of it (我是…才知道) does not;
  an approval asked beforehand makes a contact planned (R3 第六条), so it is lawful.
- R3 第六条: a lawyers' room of the court (律师工作室) is the workplace; borrowing from someone
  who is no party (不是案件的任何一方) is no contact the rule governs.
- R3 第五条: telling a party to file papers formally (材料可以正式提交) passes none (第（三）项
  of R2 第九条 neither); 合议定了 told to a party's lawyer leaks the deliberation (第（一）项); a
  request to leak answered 不能 is refused; 机票和住宿由鉴定机构承担 is a benefit (第（三）项),
  诉讼费由被告承担 is a judgment's costs; a price agreed to be pushed down with the valuer is
  collusion (第（五）项); 开走了…的越野车 borrows a vehicle (第（四）项).
- R1 第八条 / R2 第九条: 往高了算, 往下调一调, 别卡人家 are pleas; 要求马上换人, 把…从合议庭换
  下去, 点名让…接手, 从随机分案里拿出来, 手动改派 are other interference; asking that the result of
  the deliberation be told him first probes; papers pushed into the judge's drawer are passed;
  要抓你了，你自己想办法 tips off; an insider's words passed on to the suspect's family leak.
- R2 第十一条: 一次也没往登记表上写, a register 整月空白 are no record; one empty column is not.
- What the account leaves open: 跟案子有没有关系…一概不知 (the counterpart), whether the lawyer
  advised against 符合代理条件 (a new open fact: 原律师是否符合代理条件), 在哪儿见…没说 (whether it
  was by procedure), 有没有向院里报告，不知道 after a chance chat (the report).

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown


def _conduct(assessor: Assessor, situation: str) -> list[str]:
    return assessor.assess(situation).facts.conduct or []


def test_a_retired_judge_acting_for_his_daughter_is_lawful(assessor: Assessor) -> None:
    result = assessor.assess("退休法官老陈以近亲属身份代理他女儿应诉，案子就在他退休前的法院审理。")
    assert result.facts.former_officer is True
    assert result.facts.guardian_or_relative is True
    assert result.verdict == "lawful"


def test_a_retired_judge_who_acts_for_nobody_is_no_former_counsel(assessor: Assessor) -> None:
    result = assessor.assess("集团聘请中院退休法官做法律顾问，他只出具书面意见，不代理任何诉讼，也"
                             "不联系原单位的人。")
    assert result.facts.former_officer is not True
    assert result.verdict != "violation"


def test_a_former_unit_that_never_had_the_case(assessor: Assessor) -> None:
    result = assessor.assess("原市中院法官辞职做了律师，在某区法院代理一起合同纠纷，市中院没有审理"
                             "过这个案子。")
    assert result.facts.former_unit_case is False
    assert result.verdict == "lawful"


def test_one_who_left_this_court_acting_in_it(assessor: Assessor) -> None:
    result = assessor.assess("从本院辞职的原审判员，现在代理一家公司在本院的合同纠纷，跟公司没有亲"
                             "属关系。")
    assert result.facts.former_unit_case is True
    assert result.verdict == "violation"


def test_a_client_who_is_kin_makes_no_kin_of_the_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("原检察官辞职当了律师，接受一名嫌疑人母亲的委托，在本院审查起诉阶段为"
                             "他辩护，他跟这家人只是朋友。")
    assert result.facts.guardian_or_relative is False
    assert result.verdict == "violation"


def test_a_report_dated_by_its_weekday_first(assessor: Assessor) -> None:
    result = assessor.assess("法官的情况报告（周三写，交纪检组）：周一晚上在超市碰到原告的律师，他"
                             "想说案子，我没让他说，两分钟就走开了。")
    assert result.facts.report_days == 2
    assert result.verdict == "lawful"


@pytest.mark.parametrize("situation", [
    "昨晚在小区门口碰到被告的父亲，他想说案子的事，我没让他说。特此于今日上午报告。",
    "前天晚上在医院碰到被告人的妻子，她哭诉了一阵，我没接话，昨天已经向纪检组书面报告了。",
])
def test_days_counted_back_from_today(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.report_days == 1
    assert result.verdict == "lawful"


def test_a_report_title_casts_no_doubt(assessor: Assessor) -> None:
    result = assessor.assess("情况报告（报纪检组）：昨晚楼下有人喊我，下去一看是被告人的父亲，不知"
                             "道他怎么找到我家的。我没让他上楼，说了两句他就走了。特此于今日上午报"
                             "告。")
    assert result.facts.reported is True
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_never_told_the_discipline_office_is_no_report(assessor: Assessor) -> None:
    result = assessor.assess("法官参加亲戚的葬礼时碰到他手上案子被告人的父亲，两人聊了一个小时案子"
                             "的事，这事他一直没跟纪检组讲。")
    assert result.facts.reported is False
    assert result.verdict == "violation"


def test_a_report_someone_will_make_is_none_yet(assessor: Assessor) -> None:
    result = assessor.assess("昨晚在超市碰到被告的妻子，她拉着我说了几分钟，我没答应什么。今天我跟"
                             "庭长讲了，庭长说他会跟纪检那边说。")
    assert result.verdict != "lawful" or result.facts.reported is not True


@pytest.mark.parametrize("situation", [
    "出差回来的高铁上，法官跟原告的代理律师座位挨着，两人聊了聊天气，法官次日向纪检组报告了。",
    "周日在菜市场，法官被被告一把拉住想说案子，法官说上班时间到法院谈，第二天就向纪检组报告了。",
])
def test_chance_contacts_reported_next_day(assessor: Assessor, situation: str) -> None:
    result = assessor.assess(situation)
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_the_writer_learning_of_it_is_no_chance(assessor: Assessor) -> None:
    result = assessor.assess("法官周日约原告和被告的律师到茶楼调解，没有报批。我是周一看到他发的调"
                             "解方案才知道的。")
    assert result.facts.planned is not False
    assert result.verdict == "violation"


def test_an_approved_visit_is_planned_and_lawful(assessor: Assessor) -> None:
    result = assessor.assess("法官事先填了外出审批表，庭长签了字，他带书记员到原告家里开调解会，也"
                             "通知了被告的律师到场。")
    assert result.facts.approved is True
    assert result.verdict == "lawful"


def test_the_lawyers_room_of_the_court_is_the_workplace(assessor: Assessor) -> None:
    result = assessor.assess("律师在法院律师工作室见了承办法官，交了代理词，书记员在场并登记。")
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"


def test_borrowing_from_no_party_is_outside_the_rules(assessor: Assessor) -> None:
    result = assessor.assess("巡回审判要在村里开庭，法官向村委会借了一套音响，当天就还了。村委会不"
                             "是案件的任何一方。")
    assert result.verdict == "lawful"


def test_told_to_file_papers_formally_passes_none(assessor: Assessor) -> None:
    result = assessor.assess("法官在小区门口被被告人的母亲拦住，她说想聊聊案子，法官说有什么材料可"
                             "以正式提交给诉讼服务中心，第二天向纪检组报告了。")
    assert "pass_materials" not in (result.facts.conduct or [])
    assert result.facts.planned is False
    assert result.verdict == "lawful"


def test_the_deliberation_told_to_a_lawyer_leaks(assessor: Assessor) -> None:
    result = assessor.assess("审判长在走廊碰到原告的律师，说：“合议定了，你们的请求基本支持。”判决"
                             "还没签发。")
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_leak_asked_for_and_refused(assessor: Assessor) -> None:
    result = assessor.assess("被告打电话问什么时候宣判，法官告诉了他开庭公告上的日子。对方又问“能不"
                             "能先透个底”，法官说不能。")
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_travel_paid_by_an_appraiser_is_a_benefit(assessor: Assessor) -> None:
    result = assessor.assess("检察官审查起诉期间参加了鉴定机构组织的考察，往返机票和住宿都由鉴定机"
                             "构承担。")
    assert "accept_benefit" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_costs_borne_by_a_party_are_no_benefit(assessor: Assessor) -> None:
    assert "accept_benefit" not in _conduct(
        assessor, "法院判决被告返还借款，案件受理费由被告承担。")


@pytest.mark.parametrize(("situation", "conduct"), [
    ("执行法官事先跟评估机构的人商定，把评估价压到市场价一半。", "collusion"),
    ("法官开走了被告公司老板的一辆越野车，用了一个星期。", "borrow"),
])
def test_contact_items_in_plain_words(assessor: Assessor, situation: str, conduct: str) -> None:
    result = assessor.assess(situation)
    assert conduct in (result.facts.conduct or [])
    assert result.verdict == "violation"


@pytest.mark.parametrize("plea", [
    "区住建局副局长打电话给承办法官，说原告是他亲戚，赔偿金额尽量往高了算。",
    "县委办主任打来电话，希望法院把被告的赔偿比例往下调一调。",
    "镇长给审判长打电话说，伤残等级的事别卡人家。",
])
def test_plain_words_of_a_plea(assessor: Assessor, plea: str) -> None:
    result = assessor.assess(plea)
    assert "plead" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_court_lowering_a_penalty_itself_is_no_plea(assessor: Assessor) -> None:
    result = assessor.assess("法官依法把违约金往下调了三成，判决已送达。")
    assert "plead" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


@pytest.mark.parametrize("pressure", [
    "副市长对分管院长说主审法官不懂事，要求马上换人。",
    "市国土局局长给院长打电话，点名要把我从合议庭换下去。",
    "立案庭一名干警受朋友之托，把朋友公司的案子从随机分案里拿出来，分给了另一位法官。",
])
def test_other_interference_in_plain_words(assessor: Assessor, pressure: str) -> None:
    assert "other" in _conduct(assessor, pressure)


def test_a_case_handed_on_by_the_rules_is_no_interference(assessor: Assessor) -> None:
    result = assessor.assess("因承办法官休产假，庭长按分案规则让另一位法官接手，已在系统登记。")
    assert "other" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_asking_to_be_told_the_deliberation_first_probes(assessor: Assessor) -> None:
    assert "probe" in _conduct(
        assessor, "县政协副主席打电话，让承办法官把评议结果先告诉他，好让家属有个准备。")


def test_papers_pushed_into_the_judges_drawer_are_passed(assessor: Assessor) -> None:
    result = assessor.assess("执行局一名书记员把原告写的一份材料塞进了承办法官的抽屉，说是亲戚托的"
                             "。")
    assert "pass_materials" in (result.facts.conduct or [])


@pytest.mark.parametrize("tip_off", [
    "派出所一名民警给嫌疑人打电话说：“下周局里要抓你了，你自己想办法。”",
    "公安局副局长问了检察官批捕的意见，当天就把“可能不批”的话转告了嫌疑人父亲。",
])
def test_a_tip_off_leaks(assessor: Assessor, tip_off: str) -> None:
    assert "leak" in _conduct(assessor, tip_off)


@pytest.mark.parametrize("empty", [
    "副庭长问了承办法官三次案子进展，承办法官一次也没往过问登记表上写。",
    "审判长的过问登记本，三月整月空白，可那个月执行局的人打电话问过两次案子。",
])
def test_no_record_in_plain_words(assessor: Assessor, empty: str) -> None:
    result = assessor.assess(empty)
    assert result.facts.recorded is False


def test_one_empty_column_is_no_missing_record(assessor: Assessor) -> None:
    result = assessor.assess("来访登记：民警出示工作证到刑庭找法官谈了半小时，登记簿“函件编号”一栏"
                             "空白。")
    assert result.facts.recorded is not False


@pytest.mark.parametrize(("situation", "missing"), [
    ("饭桌上审判长跟一个老同学说了合议结果。那位老同学做什么的、跟案子有没有关系，我一概不知。",
     unknown.COUNTERPART),
    ("法官对被告说：“你现在的律师不行，换一个吧。”那位律师是不是符合代理条件，还没核实。",
     unknown.QUALIFIED_LAWYER),
    ("县交通局局长给执行局长打电话，让他跟被执行人的老板见一面。在哪儿见、以什么方式见，执行局长没"
     "说。", unknown.PROCEDURE),
    ("周日钓鱼时，法官和原告的律师在同一个塘边，一起买了瓶水，聊了几句。他之后有没有向院里报告，我"
     "不知道。", unknown.REPORTED_IN_TIME),
])
def test_what_the_account_leaves_open(assessor: Assessor, situation: str, missing: str) -> None:
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert missing in result.missing_facts


def test_advice_to_change_a_lawyer_with_nothing_open_is_a_violation(assessor: Assessor) -> None:
    result = assessor.assess("法官对被告说：“你现在的律师不行，换一个吧。”")
    assert result.verdict == "violation"


def test_a_written_opinion_left_is_no_gift(assessor: Assessor) -> None:
    result = assessor.assess("分管副院长在办案系统里对这起案件留了一条书面意见：请合议庭注意审查鉴"
                             "定程序是否合法。")
    assert "accept_benefit" not in (result.facts.conduct or [])


def test_a_gift_left_is_a_gift(assessor: Assessor) -> None:
    assert "accept_benefit" in _conduct(assessor, "律师走的时候在法官桌上留了一条烟，法官收下了。")


def test_papers_taken_in_do_not_undo_a_gift_returned(assessor: Assessor) -> None:
    result = assessor.assess("被告人的律师来所里送交表现证明，材料登记收下。临走时他放下两盒茶叶，"
                             "我当场退回，登记表上注明。")
    assert "accept_benefit" in (result.facts.declined or [])
    assert result.verdict == "lawful"


def test_the_decision_left_to_the_court_is_none_made(assessor: Assessor) -> None:
    result = assessor.assess("县委常委会听取法院关于一起集资案的汇报，县委书记要求依法审理、做好追"
                             "赃，明确“定罪量刑由法院依法决定”。")
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict != "violation"


def test_a_decision_dictated_is_one(assessor: Assessor) -> None:
    assert "decide_case" in _conduct(assessor,
                                     "县委书记在协调会上说，这个案子要判三年，定罪量刑就这么定。")


def test_papers_asked_to_be_carried_and_not_carried(assessor: Assessor) -> None:
    result = assessor.assess("社区矫正对象托我把一份悔过书带给审理他案子的法官。我没有私下带，告诉"
                             "他可以自己交到法院。")
    assert "pass_materials" in (result.facts.declined or [])
    assert result.verdict != "violation"
    carried = assessor.assess("社区矫正对象托我把一份悔过书带给审理他案子的法官，我第二天就带给了法"
                              "官。")
    assert "pass_materials" in (carried.facts.conduct or [])


def test_an_approval_asked_about_and_waved_aside(assessor: Assessor) -> None:
    result = assessor.assess("承办法官带我去茶楼跟被告代理律师谈调解方案，出门前我问要不要填外出审"
                             "批单，法官说不用。")
    assert result.facts.approved is False
    assert result.verdict == "violation"


def test_an_introduction_to_a_party_arranged_is_a_private_meeting(assessor: Assessor) -> None:
    result = assessor.assess("派出所所长约审判长周末去钓鱼，说顺便认识个朋友，那朋友就是审判长在审"
                             "的案子被告人的父亲。审判长推掉了。")
    assert "private_meeting" in (result.facts.conduct or [])
    assert result.verdict == "violation"


@pytest.mark.parametrize("plea", [
    "退休的老庭长带着被告人的父亲到法官家里，说孩子是初犯，让法官量刑上再看看。",
    "市经信局发函，请贵院在破产财产分配时优先清偿本市配套企业的债权。",
])
def test_more_plain_words_of_a_plea(assessor: Assessor, plea: str) -> None:
    assert "plead" in _conduct(assessor, plea)


@pytest.mark.parametrize("told", [
    "宣判前一周，承办法官给原告的律师发微信：“合议庭已经评了，你们的请求大部分支持。”",
    "合议结束后，审判员当即给被告的律师打电话：“合议的时候两种意见，审判长倾向判实刑。”",
])
def test_the_deliberation_told_before_the_judgment_leaks(assessor: Assessor, told: str) -> None:
    result = assessor.assess(told)
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_reserve_price_set_low_with_the_auction_firm_is_collusion(assessor: Assessor) -> None:
    result = assessor.assess("执行法官选定拍卖公司后，向该公司负责人提出把保留价按评估价五成定，他"
                             "的朋友随后拍得了房产。")
    assert "collusion" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_telling_a_detainee_to_change_his_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("管教民警对在押人员说：“你家请的那个律师太年轻，让你家里换一个。”")
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_retired_judge_named_as_his_brothers_defender(assessor: Assessor) -> None:
    result = assessor.assess("这起盗窃案的辩护人是被告人的亲哥哥，前年从本院退休的老法官，法庭核实"
                             "了亲属关系证明。")
    assert result.facts.former_officer is True
    assert result.verdict == "lawful"


def test_the_chairman_of_a_firm_in_the_case_is_a_party(assessor: Assessor) -> None:
    result = assessor.assess("执行法官查看设备后，被企业董事长请到酒店包间，席间上了两瓶茅台。该企"
                             "业正是这起执行案的被执行人。")
    assert result.actor_role == "当事人"
    assert "accept_benefit" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_the_manager_of_an_auction_firm_is_an_intermediary(assessor: Assessor) -> None:
    result = assessor.assess("法官买房还差十万，找某拍卖有限公司的总经理借的，没打借条。该公司承接"
                             "过他承办案件的拍卖。")
    assert result.facts.counterpart == "中介组织"
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_a_firm_whose_employee_is_the_defendant_is_no_party(assessor: Assessor) -> None:
    result = assessor.assess("某建材公司的副总经理来电，说被告人是他们公司的司机，希望判个缓刑。")
    assert result.actor_role != "当事人"
