"""Readings of the seed the engine got wrong (session 47, sets DW to DZ read once EA to ED had
been written and measured), each with its control.

- Parties: 审我那个欠款案的法官, 审我案子的, 告我的案子 make the teller a party (告诉我的案子 is
  news told), and 主审法官女儿 is the judge's own kin, no party's; “明早要去你家带人” and
  冻结你店的账户 address the one the case is against.
- R3 第五条第（四）项: renting a party's flat (租了…的一套房子) is 「租借房屋」.
- R2 第六条: 记了没有？她笑笑没回答 asks whether it was recorded, it tells of no record.
- R3 第六条: 走审批太麻烦 is an approval skipped, not one sought; a 律师接待室 is the court's
  workplace, and 村里请的律师 names whose lawyer, not where they met; 不在派出所 denies the place.
- R3 第五条第（二）项: 找你的律师去 sends a party to his own lawyer, it recommends none.
- R2 第九条第（四）项: 别说是我说的 and 出去躲躲 tip off.
- R1 第三条: 政法委协调公安, 政法委给镇里打了招呼：“法院依法执行…” and 依法尽快立案审理 are the
  leading organ's acts asking only that the law be followed; so are 维持秩序 at a hearing, a
  speech asking 依法公正 and 让法院把进展书面报一下, and 法院告诉我们：政法委…按程序发函 tells of
  the 政法委's act, not the court's.
- R3 第五条第（三）项: KTV超收费那个案子 names a case, no pastime; 免单, a 免费寄件卡 and a service
  arranged 没收钱 are benefits; 按挂牌价付的全款 is a purchase paid for.
- R2 第七条: a move on a rotation list 公布 before the record, 经党组会研究, that colleagues 猜 was
  retaliation, has its ground and procedure.
- R1 第八条第（四）项: a town's 公函 found in the case file, 恳请法院判令…, is the town's paper
  asking an outcome, whoever is named first; whether an organ's paper came as a litigant's
  filing by procedure, left open by the account, leaves the finding open.
- R1 第八条第（五）项, R2 第九条第（五）项: 到了法庭你就说没看清 presses a witness,
  起诉书里别写…那一段 asks a finding left out; 照实说 does neither. 你让他咬死不认 coaches a
  suspect's kin (R3 第五条第（一）项's leak). 感谢您为我们追回欠款 makes the teller the applicant,
  a party.

Then (sets EA to ED read, once EE to EH had been written and measured): a bystander's name for
it (我老婆说这是私下透露, 他到处说法官给他介绍律师) is no account of it; 法官那边怎么说不知道 leaves
the report unverified, and 是副县长让他发的，还是…谁也说不清 the 授意 open; 院里批没批 asks after
the approver, it names no place; a complaint's 材料原样退回 is no refusal of the loan; 院里不用报,
不用走…手续, 没跟庭里报 skip the approval; 明天可能来带人，让他心里有个数 tips off; 优先办一下
pleads; 免了三个月摊位费, 茶水免单 are benefits; 别摇号了 interferes; 放到承办法官桌上
passes papers; 换城南所的王律师 recommends one; 好几个人都撞见过 tells of onlookers, not a chance
meeting; 办老孙案的民警 … 老孙媳妇 is the party's kin.

Last (sets EE to EH read, once EI to EL had been written and measured): 装修公司老板 and
装修款执行案 name a firm and a debt, no fitting-out; 取保候审在家 is a measure in force, no plea
for one; 印材料 prints papers, it passes none; 原告…的大学同学 is someone the party knows, not the
party; 说这就是报复 beside a published plan, 研究 and 公示 leaves the ground standing; 让她打的,
还是她自己热心 leaves the 授意 open; the other side's evidence copied 说你回去准备一下答辩 is
served, no 泄露; 自己掏钱 pays; 问我借皮卡, 住着…名下的一套
borrow; 吃了一桌, 记“不收钱”, 我说是朋友不收钱 are benefits; 省得你跑立案庭 skips the procedure;
你一个人来，别带人做笔录 asks a private meeting; 合议庭昨天讨论了，倾向于… leaks.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_the_teller_whose_case_the_officer_hears_is_a_party(assessor: Assessor) -> None:
    rented = "审我那个货款案的法官租了我家楼下的一套房子，每月房租照付。"
    result = assessor.assess(rented)
    assert result.facts.counterpart == "当事人"
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, rented) == "R3-5-4"
    sued = "供货商告我的案子还没判，主审法官借了我家的面包车用了两天。"
    assert assessor.assess(sued).facts.counterpart == "当事人"
    # 主审法官女儿: the judge's own daughter, no party's kin; the car a brand names is a car
    wedding = "供货商告我的案子还没判。主审法官女儿结婚，借了我店里的埃尔法商务车用两天。"
    result = assessor.assess(wedding)
    assert result.facts.counterpart == "当事人"
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    # 告诉我的案子: news of a case told to the teller, who is no party to it
    told = "邻居告诉我的案子进展，说主审法官借了朋友家的面包车用了两天。"
    assert assessor.assess(told).facts.counterpart != "当事人"


def test_a_tip_off_names_its_addressee_and_is_a_leak(assessor: Assessor) -> None:
    tipped = ("派出所内勤小林不办这个案子，前一晚给嫌疑人的父亲打电话："
              "“明早他们要去你家带人，让他出去躲躲。”")
    result = assessor.assess(tipped)
    assert "leak" in (result.facts.conduct or [])
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"
    hushed = "治安大队的老吴晚上发微信给我：“明天要去你们厂里调账本，你心里有个数，别说是我说的。”"
    assert "leak" in conduct_read(assessor, hushed)
    told = "派出所民警给嫌疑人的父亲打电话，通知他儿子已被刑事拘留，羁押在县看守所。"
    assert "leak" not in conduct_read(assessor, told)


def test_whether_it_was_recorded_asked_is_no_record(assessor: Assessor) -> None:
    asked = "律师说副检察长问过那起盗窃案的进度。我问承办检察官记了没有，她笑笑没回答。"
    assert assessor.assess(asked).facts.recorded is None
    said = "律师说副检察长问过那起盗窃案的进度，承办检察官记了，写明了时间。"
    assert assessor.assess(said).facts.recorded is True


def test_an_approval_called_too_much_trouble_was_not_sought(assessor: Assessor) -> None:
    skipped = "辩护律师说，公诉人约他在检察院对面的咖啡馆谈量刑，说走审批太麻烦，反正是工作的事。"
    result = assessor.assess(skipped)
    assert result.facts.approved is False
    assert result.facts.via_procedure is not True
    assert result.verdict == "violation"
    assert first_rule(assessor, skipped) == "R3-6"
    sought = "辩护律师说，公诉人约他在检察院对面的咖啡馆谈量刑，事先走了审批，院里批准了。"
    assert assessor.assess(sought).facts.approved is True
    assert assessor.assess(sought).verdict == "lawful"


def test_the_place_named_is_where_they_met_only_if_not_denied(assessor: Assessor) -> None:
    reception = "镇里请的律师进了法院的律师接待室，跟承办法官谈了二十分钟，交了一份鉴定申请。"
    result = assessor.assess(reception)
    assert result.facts.at_workplace is True
    assert result.verdict == "lawful"
    denied = "民警小吕租了城投公司的一套公寓。城投的官司在法院，不在派出所。"
    assert assessor.assess(denied).facts.at_workplace is not True
    there = "民警小吕在派出所接待了城投公司的律师，做了笔录。"
    assert assessor.assess(there).facts.at_workplace is True


def test_sent_to_his_own_lawyer_is_no_recommendation(assessor: Assessor) -> None:
    own = "我求在法院当法警的表弟帮我问问案子，他说：“不该问的我不问，找你的律师去。”"
    result = assessor.assess(own)
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict != "violation"
    named = "承办法官对原告说：“你去找城东律所的王律师，他办这种案子有经验。”"
    assert "recommend_lawyer" in conduct_read(assessor, named)


def test_the_leading_organ_that_acts_and_asks_only_the_law(assessor: Assessor) -> None:
    backing = ("法院去扣车时被村干部拦下。县委政法委随后给镇里打了招呼："
               "“法院依法执行，谁也不许阻挠。”")
    result = assessor.assess(backing)
    assert result.facts.leading_organ is True
    assert result.facts.urged_lawful_handling is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, backing) == "R1-3"
    meeting = ("讨薪的快递员堵了县政府大门。政法委牵头开会，只说“依法尽快立案审理，"
               "公安维护好秩序”，没说谁该赔多少。")
    assert "plead" not in conduct_read(assessor, meeting)
    assert assessor.assess(meeting).verdict == "lawful"
    leaning = "县委政法委随后给法院打了招呼：“这个案子从轻处理。”"
    assert assessor.assess(leaning).verdict != "lawful"


def test_a_business_named_for_its_case_is_no_benefit(assessor: Assessor) -> None:
    case = "立案庭的同事问我：“KTV超收费那个案子啥时候开庭？我想去旁听。”我让他看开庭公告。"
    assert "accept_benefit" not in conduct_read(assessor, case)
    pastime = "承办法官周五晚上跟原告律师去KTV唱了三个小时，律师买的单。"
    assert "accept_benefit" in conduct_read(assessor, pastime)


def test_services_free_of_charge_are_benefits_a_full_price_is_not(assessor: Assessor) -> None:
    for free in ("审我案子的法官来店里吃饭，结算方式写的是“免单”。",
                 "被告老板给审他案子的法官办了一张“终身免费洗车卡”，法官用了好几次。",
                 "审我们案子的法官让店长给他父母安排体检，店长安排了，没收钱。"):
        assert "accept_benefit" in conduct_read(assessor, free), free
    paid = "审我们案子的法官从我们砂场买了八方砂，按当天挂牌价付的全款。"
    result = assessor.assess(paid)
    assert result.verdict != "violation"


def test_a_move_on_a_rotation_list_published_before_has_its_ground(assessor: Assessor) -> None:
    listed = ("周法官在去年底院里公布的轮岗名单上，经党组会研究，下月去人民法庭。今年她如实登记过"
              "庭长过问案子的事，同事都猜她是被报复。")
    result = assessor.assess(listed)
    assert result.facts.lawful_ground is True
    assert result.verdict == "lawful"
    bare = "周法官今年如实登记过庭长过问案子的事，下月被调去人民法庭，她说是被报复，院里没说理由。"
    assert assessor.assess(bare).verdict != "lawful"


def test_an_organs_letter_found_in_the_file_is_its_own(assessor: Assessor) -> None:
    found = ("我们被告到县法院，阅卷时发现卷里夹着一份镇政府的公函，盖着大印：“恳请法院判令砂场"
             "承担全部修复费用，以维护我镇稳定。”")
    result = assessor.assess(found)
    assert result.facts.actor_role == "党政机关（以组织名义）"
    assert result.facts.org_letter is True
    assert "directive" in (result.facts.conduct or [])
    assert result.verdict != "lawful"
    assert first_rule(assessor, found) == "R1-8-4"
    asked = "镇政府给法院发了一份公函，恳请法院依法公正审理，没提怎么判。"
    assert assessor.assess(asked).verdict == "lawful"


def test_an_organs_paper_whose_channel_is_left_open_leaves_the_finding_open(
        assessor: Assessor) -> None:
    base = "我们告水利局，水利局给行政庭送了一份盖局章的情况说明，说罚款事实清楚，请法院支持。"
    opened = base + "这份东西是作为答辩材料按程序交的，还是另外发给法院的函，律师也没查清楚。"
    result = assessor.assess(opened)
    assert result.verdict == "undetermined"
    assert unknown.PROCEDURE in result.missing_facts


def test_telling_a_witness_what_not_to_have_seen_interferes(assessor: Assessor) -> None:
    pressed = "镇长把证人叫到办公室：“到了法庭你就说没看清谁先动的手，镇里要稳定。”"
    result = assessor.assess(pressed)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, pressed) == "R1-8-5"
    truthful = "镇长把证人叫到办公室：“到了法庭你就照实说，看见什么说什么。”"
    assert "other" not in conduct_read(assessor, truthful)


def test_asking_a_handler_to_leave_a_finding_out_interferes(assessor: Assessor) -> None:
    omitted = "公安局的侦查员找到承办检察官说：“起诉书里别写我们没去现场勘验那一段，补个说明就行。”"
    assert "other" in conduct_read(assessor, omitted)
    assert assessor.assess(omitted).verdict == "violation"


def test_a_suspects_kin_coached_to_deny_is_a_leak(assessor: Assessor) -> None:
    coached = "办案民警私下对嫌疑人的母亲说：“监控只拍到半张脸，你让他咬死不认就行。”"
    assert "leak" in conduct_read(assessor, coached)


def test_the_one_whose_debt_the_judge_recovers_is_a_party(assessor: Assessor) -> None:
    thanked = "执行案还没结，我给执行法官送了两盒月饼，卡片上写着“感谢您为我们追回欠款”，他收下了。"
    result = assessor.assess(thanked)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"


def test_order_kept_and_a_speech_for_fair_trials_ask_only_the_law(assessor: Assessor) -> None:
    order = "开庭那天有人围了法院，政法委协调公安维持秩序，保证庭审按时开。"
    result = assessor.assess(order)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"
    speech = "县委书记在全县大会上讲：政法机关对物业纠纷要依法公正、快立快审。"
    assert assessor.assess(speech).facts.urged_lawful_handling is True
    assert assessor.assess(speech).verdict == "lawful"
    kept = "政法委书记协调开会时讲：“这起物业纠纷，法院要维持原判。”"
    assert assessor.assess(kept).verdict != "lawful"


def test_a_progress_report_asked_by_the_leading_organ_is_lawful(assessor: Assessor) -> None:
    report = "县委政法委发通知，让法院把那起租赁案的进展书面报一下。"
    result = assessor.assess(report)
    assert result.facts.reports_only is True
    assert result.verdict == "lawful"
    told = "法院告诉我们：区委政法委执法监督科按程序发函了解那起案子为什么超审限，没提怎么判。"
    result = assessor.assess(told)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"


# Then (sets EA to ED read, once EE to EH had been written and measured).


def test_a_bystanders_name_for_it_is_no_account_of_it(assessor: Assessor) -> None:
    called = "书记员用法院座机通知我开庭日期和举证期限。我老婆说这是私下透露，会不会出事？"
    result = assessor.assess(called)
    assert "leak" not in (result.facts.conduct or [])
    assert result.verdict != "violation"
    rumour = "法官在立案窗口说请不起律师可以去法律援助中心申请。他到处说法官给他介绍律师。"
    assert assessor.assess(rumour).verdict != "violation"
    told = "书记员私下透露了合议庭的评议结果给原告。"
    assert "leak" in conduct_read(assessor, told)


def test_the_other_sides_account_unheard_leaves_the_report_open(assessor: Assessor) -> None:
    one_sided = ("担保人跟我说，执行法官私下劝他：“你那律师不行，换一个吧。”"
                 "当时只有他俩，法官那边怎么说不知道。")
    result = assessor.assess(one_sided)
    assert result.verdict == "undetermined"
    assert unknown.REPORT_TRUE in result.missing_facts


def test_whose_errand_left_open_leaves_the_instigation_open(assessor: Assessor) -> None:
    errand = ("副县长的侄子给赵法官发微信：“我叔叔也挺关心这个案子，您多费心。”"
              "到底是副县长让他发的，还是侄子自己拿叔叔的名头吓人，谁也说不清。")
    result = assessor.assess(errand)
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts


def test_the_approver_asked_about_is_no_place(assessor: Assessor) -> None:
    asked = "承办法官去了我们的泵站看那块有争议的水表，院里批没批，我们不知道。"
    assert assessor.assess(asked).facts.at_workplace is not True
    there = "承办法官在院里接待了我们的律师。"
    assert assessor.assess(there).facts.at_workplace is True


def test_a_complaint_sent_back_is_no_refusal_of_the_conduct(assessor: Assessor) -> None:
    returned = ("听别人说，一位民警向嫌疑人的家属借过五万块。我们写成材料交给了法院纪检组，"
                "纪检组说民警不归他们管，材料原样退回来了。")
    result = assessor.assess(returned)
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict != "lawful"


def test_the_unit_not_asked_is_an_approval_skipped(assessor: Assessor) -> None:
    for skipped in ("承办法官约被告在县城一家茶楼“调解一下”，说“不用，茶楼说话方便，院里不用报”。",
                    "承办法官晚上约原告律师去茶楼谈调解，他说没跟庭里报。"):
        assert assessor.assess(skipped).facts.approved is False, skipped
    asked = "承办法官晚上约原告律师去茶楼谈调解，事先跟庭里报批了，庭长批准了。"
    assert assessor.assess(asked).facts.approved is True


def test_more_tip_offs_pleas_and_benefits(assessor: Assessor) -> None:
    tipped = "办案民警悄悄对嫌疑人的妻子说：“报告出来了，明天可能来带人，让他心里有个数。”"
    assert "leak" in conduct_read(assessor, tipped)
    hurried = "水利局局长给执行庭法官发微信：“那几户欠费大户的执行，辛苦优先办一下，拜托了。”"
    assert "plead" in conduct_read(assessor, hurried)
    for free in ("执行案还没结，我给执行法官的母亲免了三个月摊位费。",
                 "承办法官每周五在被告的茶楼打麻将，茶水免单。"):
        assert "accept_benefit" in conduct_read(assessor, free), free
    lot = "执行局的法官找承办法官说，那份鉴定别摇号了，交给他熟悉的那家公司做。"
    assert "other" in conduct_read(assessor, lot)
    desk = "法院食堂的老周把当事人补交的截图直接放到承办法官桌上了，没走窗口。"
    assert "pass_materials" in conduct_read(assessor, desk)
    swap = "执行法官对被执行人说：“你们那个律师不熟悉执行，换城南所的王律师吧。”"
    assert "recommend_lawyer" in conduct_read(assessor, swap)


def test_onlookers_who_came_upon_it_make_no_chance_meeting(assessor: Assessor) -> None:
    seen = "主审法官每周三晚上都去被告老板开的茶楼跟老板打麻将，我们公司好几个人都撞见过。"
    result = assessor.assess(seen)
    assert result.facts.planned is not False
    assert result.verdict == "violation"
    chance = "主审法官周末在超市碰见了被告老板，聊了几句。"
    assert assessor.assess(chance).facts.planned is False


def test_the_kin_of_the_one_a_case_is_named_for(assessor: Assessor) -> None:
    kin = "办老孙案的民警给老孙媳妇送去了案卷复印件。"
    result = assessor.assess(kin)
    assert result.facts.counterpart == "特殊关系人"
    other = "办老孙案的民警给自己媳妇送去了一箱苹果。"
    assert assessor.assess(other).facts.counterpart != "特殊关系人"


# Last (sets EE to EH read, once EI to EL had been written and measured).


def test_a_firm_or_debt_named_for_fitting_out_is_no_benefit(assessor: Assessor) -> None:
    firm = "何法官把我和装修公司老板约到执行局谈话室，三方签了和解协议，书记员全程记录。"
    result = assessor.assess(firm)
    assert "accept_benefit" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"
    done = "原告老板派工人给承办法官家免费装修了厨房。"
    assert "accept_benefit" in conduct_read(assessor, done)


def test_a_measure_in_force_is_no_plea_for_it(assessor: Assessor) -> None:
    status = "侄子现在取保候审在家，派出所的民警打电话问大队办案人案子报没报检察院。"
    assert "plead" not in conduct_read(assessor, status)
    asked = "派出所的民警打电话给大队办案人：“给他办个取保吧。”"
    assert "plead" in conduct_read(assessor, asked)


def test_printing_papers_is_no_passing_of_them(assessor: Assessor) -> None:
    printed = "办案民警来店里印材料，正碰上嫌疑人的哥哥在等货，两人在门口说了十来分钟话。"
    assert "pass_materials" not in conduct_read(assessor, printed)
    passed = "嫌疑人的哥哥托民警把一袋材料转交给承办检察官。"
    assert "pass_materials" in conduct_read(assessor, passed)


def test_someone_the_party_knows_is_not_the_party(assessor: Assessor) -> None:
    classmate = "孙法官车贷周转不开，找原告赵某的大学同学老钱借了五万。"
    result = assessor.assess(classmate)
    assert result.facts.counterpart != "当事人"
    assert result.verdict == "undetermined"
    party = "孙法官车贷周转不开，找原告赵某借了五万。"
    assert assessor.assess(party).facts.counterpart == "当事人"
    assert assessor.assess(party).verdict == "violation"


def test_a_rotation_called_retaliation_beside_its_plan(assessor: Assessor) -> None:
    rotated = ("刑警小宁去年如实记下了副大队长过问案子的事。今年局党委按年初就公布的交流方案，"
               "开会研究、张榜公示后把满六年的八个人都轮岗了，小宁也在其中。他爱人说这就是报复。")
    result = assessor.assess(rotated)
    assert result.facts.lawful_ground is True
    assert "R2-7" not in {f"{p.alias}-{p.article}" for p in result.provisions
                          if p.status == "violation"}


def test_whose_call_left_open_and_a_paper_served(assessor: Assessor) -> None:
    call = "副县长的爱人当着我的面给王法官打电话说情。我不知道是副县长让她打的，还是她自己热心。"
    result = assessor.assess(call)
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts
    served = "书记员把原告那边提交的证据复印了一份给我，说“你回去准备一下答辩”。"
    assert assessor.assess(served).verdict != "violation"
    paid = "王法官每回来住都是自己掏钱，房费照付。"
    assert assessor.assess(paid).verdict != "violation"


def test_more_loans_benefits_and_papers_from_ee_to_eh(assessor: Assessor) -> None:
    pickup = "供货商告我的案子判了，现在在执行。执行法官搬家，问我借皮卡用两天。"
    assert "borrow" in conduct_read(assessor, pickup)
    assert assessor.assess(pickup).verdict == "violation"
    flat = "执行法官这两年一直住着拍卖公司名下的一套两居室，没签租约，也没交过房租。"
    assert "borrow" in conduct_read(assessor, flat)
    for treated in ("鉴定所的人中午请承办法官去农家乐吃了一桌。",
                    "赊账本：派出所刘警官，复合肥两袋，记“不收钱”。",
                    "承办法官带家人在我这儿住了三晚，我说是朋友不收钱，他也就没坚持。"):
        assert "accept_benefit" in conduct_read(assessor, treated), treated
    relayed = ("法警说：“你把情况说明给我，我下午直接放到主审法官桌上，省得你跑立案庭。”"
               "我就给他了。")
    result = assessor.assess(relayed)
    assert "pass_materials" in (result.facts.conduct or [])
    assert result.facts.via_procedure is False
    filed = "法警说：“情况说明你拿到立案庭登记，按程序转给主审法官。”"
    assert assessor.assess(filed).facts.via_procedure is not False


def test_alone_and_without_a_record_is_a_private_meeting(assessor: Assessor) -> None:
    alone = ("镇党委书记给派出所队长打电话：“嫌疑人他爸想当面跟你聊聊，今晚七点镇口茶楼，"
             "你一个人来，别带人做笔录。”")
    result = assessor.assess(alone)
    assert "private_meeting" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    leaning = "孙法官加了我微信，晚上发来：“合议庭昨天讨论了，倾向于不解除合同。”"
    assert "leak" in conduct_read(assessor, leaning)


def test_the_organ_written_to_and_a_report_called_needless_are_read_as_such(
        assessor: Assessor) -> None:
    """Review mend: 法院向政法委发函 is the court's act, the 政法委 is written to. And
    这种小事不用报 after a chance meeting leaves R3 第七条's report the question."""
    written_to = "法院向县委政法委发函，报告了这起案件的审理进度。"
    assert assessor.assess(written_to).facts.leading_organ is not True
    acts = "县委政法委向法院发函，要求书面报告这起案件的审理进度。"
    assert assessor.assess(acts).facts.leading_organ is True
    needless = "法官周末在超市偶遇原告，聊了几句，他说这种小事不用报。"
    result = assessor.assess(needless)
    assert result.facts.planned is False
    assert first_rule(assessor, needless) == "R3-7"
    assert "R3-6" not in {f"{p.alias}-{p.article}" for p in result.provisions
                          if p.status == "violation"}
