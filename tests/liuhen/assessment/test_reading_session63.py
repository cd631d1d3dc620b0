"""Readings of the seed the engine got wrong (session 63, sets HC to HF read once HG to HJ had
been commissioned), each with its control where the reading could over-reach.

- R3 第五条第（四）项: a van lent by the teller's shop, which says it is the case's 被害单位 (or
  whose 异议 is before the officer), is lent by a party; an IOU handed back after repayment is
  no refusal of the loan.
- R3 第五条第（五）项: 价值写低点, 买家已经找好了, 没走摇号直接指定, 跟评估师商量按…出报告 are
  collusion with the appraiser.
- R1 第六条: a cadre who has the recording judge's spouse fined or struck from an exam list
  retaliates.
- R1 第八条: the head of a defendant bureau who argues in court (出庭应诉，当庭要求驳回) argues
  his side, not a plea; a visit to the judge after the hearing stays a plea.
- R3 第五条第（一）项 / R2 第九条第（四）项: 评议完了，判我们赢 told to a lawyer; “明天去店里带人，
  你心里有个数” told to a suspect's father; 让她别认; 别跟别人说是我讲的; asking when a case will
  be charged and telling a suspect's wife.
- R1 第八条第（三）项: a cadre's wife who says “老X说了，让我跟你打个招呼” puts the word in
  herself; the judge's refusal does not undo it. A driver of 县委常委、宣传部长 so-and-so is the
  cadre's staff.
- R2 第九条第（一）项: 看我面子 and 给X快点判 from a retired judge, 往重里办 from a police
  colleague, are pleas.
- R2 第九条第（二）项: inviting the handler to a teahouse where the party's boss 也来.
- Who acted: 职务没说 and 是不是…退下来的，没人知道 leave the actor's standing open.
- R3 第五条第（一）项: a judge who tells his own wife (讲给了妻子听) tells no party, as far as the
  words go.
- R3 第六条: an officer who 来到 a farm to talk about the case is outside his workplace; 厂里织的
  names where a scarf was made, not where it was handed over.
- R2 第四条: 没提起诉与否 and 看不出谁替哪一方说过话 deny, they leave nothing open; an approval
  denied in one sentence is not reopened by papers not found in another.
- Parties: the teller who 拎了 a gift 去 a judge's office; a firm whose case the judge hears
  (X公司 … 审理X…案); the wife of the one a case is named for (苏和案 … 苏和的媳妇).
- R3 第八条: a former officer's case 还在原执行局办 is his former unit's.
- R2 第九条: papers (情况说明) taken in are no benefit; 改了分案记录 to take a case over is
  interference.
- R1 第八条第（五）项: a cadre who tells the appraiser 往低里估 interferes.
- R1 第三条: a 政法委 that opens a 绿色通道 and says nothing of how to judge coordinates.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import rules_with_status


def test_a_van_lent_by_the_victim_unit_to_its_investigator(assessor: Assessor) -> None:
    result = assessor.assess("刑警冉某负责侦办偷盗我们茶叶店库存的案子，我们是报案的被害单位。"
                             "他搬家时借了我们店的面包车用了三天，没付钱。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-4" in rules_with_status(result, "violation"), result.reasons


def test_a_truck_lent_while_our_objection_is_before_him(assessor: Assessor) -> None:
    result = assessor.assess("我们对扣押冷藏车提的异议还在执行员贺某手上审着，他周末借了我们"
                             "的小货车拉家具。")
    assert result.verdict == "violation", result.reasons


def test_an_iou_handed_back_is_no_refusal_of_the_loan(assessor: Assessor) -> None:
    result = assessor.assess("侦办我们仓库失窃案的民警向我借了两万元，我们厂是这个案子的报案人。"
                             "半年后他还清了，借条也还给了他。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-4" in rules_with_status(result, "violation"), result.reasons


def test_telling_the_appraiser_to_write_the_value_low(assessor: Assessor) -> None:
    result = assessor.assess("执行员在电话里对评估师说：“那台锅炉的价值写低点，买家我已经"
                             "找好了。”")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-5" in rules_with_status(result, "violation"), result.reasons


def test_an_appraiser_named_without_the_lottery_and_a_price_agreed(assessor: Assessor) -> None:
    result = assessor.assess("执行法官没走摇号，直接指定了一家评估公司，还跟评估师商量“按每吨"
                             "八百元出报告”。")
    assert result.verdict == "violation", result.reasons


def test_the_recording_judges_wife_struck_from_an_exam_list(assessor: Assessor) -> None:
    result = assessor.assess("法官把副区长打来说情的电话记进了登记表。副区长知道后授意区教育局"
                             "取消了她丈夫的教师招聘资格。")
    assert result.verdict == "violation", result.reasons
    assert "R1-6" in rules_with_status(result, "violation"), result.reasons


def test_fines_on_the_judges_wifes_shop_after_the_judgment(assessor: Assessor) -> None:
    result = assessor.assess("行政庭判决撤销了县城管局的罚款。局长随后让执法队给主审法官爱人"
                             "开的小饭馆连开了两张罚单。")
    assert result.verdict == "violation", result.reasons


def test_a_bureau_head_who_argues_his_case_in_court(assessor: Assessor) -> None:
    result = assessor.assess("我们起诉县税务局，开庭时局长作为被告单位的负责人出庭应诉，当庭"
                             "要求法院驳回我们的起诉，庭后没有找过法官。")
    assert result.verdict == "lawful", result.reasons


def test_a_bureau_head_who_calls_on_the_judge_after_the_hearing(assessor: Assessor) -> None:
    result = assessor.assess("局长作为被告单位的负责人出庭应诉，庭后私下找审判长打招呼，"
                             "让法院驳回我们的起诉。")
    assert result.verdict != "lawful", result.reasons


def test_the_deliberation_told_to_a_partys_lawyer(assessor: Assessor) -> None:
    result = assessor.assess("审判长给我们的律师打电话说，合议庭评议完了，判我们赢。")
    assert result.verdict == "violation", result.reasons


def test_an_arrest_told_to_the_suspects_father(assessor: Assessor) -> None:
    result = assessor.assess("民警头天晚上告诉嫌疑人的父亲：“明早我们去你家带人，你心里有个"
                             "数。”")
    assert result.verdict == "violation", result.reasons


def test_a_tip_that_must_not_be_traced_back(assessor: Assessor) -> None:
    result = assessor.assess("中院执行局的法官给被执行人打电话：“你们的设备定在下月评估，"
                             "别跟别人说是我讲的。”")
    assert result.verdict == "violation", result.reasons


def test_a_charging_date_passed_to_the_suspects_wife(assessor: Assessor) -> None:
    result = assessor.assess("派出所民警向检察院打听郝强案哪天起诉，当晚就告诉了郝强的媳妇。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-4" in rules_with_status(result, "violation"), result.reasons


def test_a_cadres_wife_who_puts_the_word_in_herself(assessor: Assessor) -> None:
    result = assessor.assess("法官在登记表上写：副市长的妻子来电说“老钱说了，让我跟你打个招呼，"
                             "判轻点”。法官当场拒绝了。")
    assert result.verdict == "violation", result.reasons
    assert "R1-8-3" in rules_with_status(result, "violation"), result.reasons


def test_a_cadres_driver_named_after_two_titles(assessor: Assessor) -> None:
    result = assessor.assess("县委常委、组织部长郭某的司机找到执行员，说“查封缓一缓”，没说是"
                             "不是部长的意思。")
    assert result.verdict == "undetermined", result.reasons
    assert unknown.INSTIGATED in result.missing_facts, result.reasons


def test_a_retired_judge_who_asks_for_face_and_speed(assessor: Assessor) -> None:
    result = assessor.assess("县法院退休的老庭长给承办法官打电话：“看我面子，给那家厂快点判。”")
    assert result.verdict == "violation", result.reasons


def test_a_police_colleague_who_asks_for_a_heavy_hand(assessor: Assessor) -> None:
    result = assessor.assess("我表弟是交警队的民警，他去找经侦大队办我们案子的警官，说：“你抓紧"
                             "点，往重里办。”")
    assert result.verdict == "violation", result.reasons


def test_a_teahouse_invitation_where_the_boss_will_come(assessor: Assessor) -> None:
    result = assessor.assess("检察院的一位检察官约承办法官周末去茶楼，说被告的钱总也来，大家聊"
                             "聊。法官回绝了。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-2" in rules_with_status(result, "violation"), result.reasons


def test_a_caller_whose_post_was_never_said(assessor: Assessor) -> None:
    result = assessor.assess("一个自称市里干部的人给法官打电话，让关照一下被告，职务没说。")
    assert result.verdict == "undetermined", result.reasons


def test_whether_the_old_man_retired_from_the_court(assessor: Assessor) -> None:
    result = assessor.assess("一位老先生到民庭替被告说情，说自己在法院干过，是不是法院退下来的，"
                             "没人知道。")
    assert result.verdict == "undetermined", result.reasons


def test_the_leaning_told_to_the_judges_own_wife(assessor: Assessor) -> None:
    result = assessor.assess("法官下班回家，把合议庭的倾向性意见讲给了妻子听。")
    assert result.verdict == "undetermined", result.reasons


def test_an_evening_visit_to_the_farm_office(full_assessor: Assessor) -> None:
    # (which regulation the officer answers to here is the article prior's call: the service's)
    result = full_assessor.assess("执行员晚上八点来到我们养鸭场，在我办公室跟我谈了一个小时"
                                  "查封鸭棚的事。我们是被执行人。")
    assert result.verdict == "undetermined", result.reasons
    assert unknown.APPROVAL in result.missing_facts, result.reasons


def test_a_scarf_made_at_the_mill_handed_back_at_the_court(assessor: Assessor) -> None:
    result = assessor.assess("我在法院接待室塞给承办法官一条厂里织的毛毯，他当场退回，还登记"
                             "了。")
    assert result.verdict == "lawful", result.reasons


def test_a_written_instruction_that_names_no_outcome(assessor: Assessor) -> None:
    result = assessor.assess("检察长在审批表上写明：“证据请补充核实，依法提出意见。”批示入卷，"
                             "没提起诉与否，也没找过承办检察官。")
    assert result.verdict == "lawful", result.reasons


def test_no_sign_of_a_plea_in_a_written_instruction(assessor: Assessor) -> None:
    result = assessor.assess("院长在审批单上批示：“请依法审查，按期审结。”我们查了卷，批示就"
                             "这一句，笔录里也看不出谁替哪一方说过话。")
    assert result.verdict == "lawful", result.reasons


def test_no_approval_sought_and_none_in_the_file(assessor: Assessor) -> None:
    result = assessor.assess("法官一个周六自己开车到我们厂看现场，没有报批，也没带书记员。后来"
                             "听说卷里没有任何审批手续。")
    assert result.verdict == "violation", result.reasons
    assert "R3-6" in rules_with_status(result, "violation"), result.reasons


def test_the_teller_who_carried_tea_to_the_judges_office(assessor: Assessor) -> None:
    result = assessor.assess("开庭以后，我拎了两罐白茶去主审法官的办公室，他收下了。")
    assert result.verdict == "violation", result.reasons
    assert "R3-5-3" in rules_with_status(result, "violation"), result.reasons


def test_a_former_officer_acting_where_he_worked(assessor: Assessor) -> None:
    result = assessor.assess("前年从区法院执行局辞职的老顾做了律师，代理一家银行申请执行我们厂"
                             "的案子，还在原执行局办。")
    assert result.verdict == "violation", result.reasons
    assert "R3-8" in rules_with_status(result, "violation"), result.reasons


def test_a_clerk_who_slips_a_firms_papers_into_the_judges_drawer(full_assessor: Assessor) -> None:
    # (which regulation the officer answers to here is the article prior's call: the service's)
    result = full_assessor.assess("书记员收下宏达公司送来的情况说明，没走收件程序，直接塞进"
                                  "了审理宏达欠款案的法官的抽屉，说是帮朋友带的。")
    assert result.verdict == "violation", result.reasons
    assert "R2-9-3" in rules_with_status(result, "violation"), result.reasons
    assert "R3-5-3" not in rules_with_status(result, "violation"), result.reasons


def test_a_case_moved_onto_a_friends_desk(assessor: Assessor) -> None:
    result = assessor.assess("庭里的一位法官跟原告说要把案子从同事手里调过来自己办，随后改了分案"
                             "记录。")
    assert result.verdict == "violation", result.reasons


def test_a_cadre_who_tells_the_appraiser_to_value_low(assessor: Assessor) -> None:
    result = assessor.assess("县人大一位副主任打电话给法院委托的评估公司，要求把查封的厂房往低里"
                             "估。")
    assert result.verdict == "violation", result.reasons
    assert "R1-8-5" in rules_with_status(result, "violation"), result.reasons


def test_a_green_channel_that_says_nothing_of_the_outcome(assessor: Assessor) -> None:
    result = assessor.assess("县委政法委协调法院和人社局，为受伤工人的工伤诉讼开了绿色通道，没对"
                             "案子怎么判说一个字。")
    assert result.verdict == "lawful", result.reasons


def test_a_leaders_call_on_evidence_that_said_nothing_of_what_to_do(assessor: Assessor) -> None:
    # control: 没说要怎么办 after a question on evidence leaves the call open (a leader's private
    # call is not the organ's coordination)
    result = assessor.assess("政法委一位副书记打电话问承办检察官：“那份鉴定意见你们准备不准备"
                             "采信？”问完就挂了，没说要怎么办。")
    assert result.verdict == "undetermined", result.reasons


def test_a_gift_carried_to_the_court_and_handed_back(assessor: Assessor) -> None:
    # control: the teller who carries a gift is a party, and at the court it was refused
    result = assessor.assess("我拎了一盒月饼去法院找承办法官，他当场退了回来，还让书记员登记了。")
    assert result.verdict == "lawful", result.reasons


def test_a_heavy_hand_only_feared(assessor: Assessor) -> None:
    # control: 以为…要把案子往重里办 is a relative's fear, no plea
    result = assessor.assess("检察官按提前介入的程序发函后，到派出所调看了笔录。嫌疑人的母亲以为"
                             "检察院是要把案子往重里办，连夜来问我。")
    assert result.verdict != "violation", result.reasons
