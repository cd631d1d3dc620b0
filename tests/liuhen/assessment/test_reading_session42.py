"""Readings of the seed the engine got wrong (session 42, sets CI to CL read), each with its
control.

- R3 第十条: a complaint the 纪检组 核查后认定 is found, and read as the conduct itself.
- R3 第五条第（一）项: a tip-off to a party before a coercive step, “钱该挪就挪” or “让他把手机里
  的东西清一清”, and witness statements 拍照发给 the other side's lawyer, leak; “先把车挪走” is
  no tip-off.
- R1 第八条第（四）/（五）项: 判决书印发之前先把稿子送他看一眼, a demand 不采取刑事拘留 or 往次要上
  认定, and a notice that a step 先报县政府同意 decide the case; asking when the judgment comes
  out does not.
- R2 第九条第（五）项: 伤情鉴定别急着送检 delays the case for someone; a lawyer telling his
  client 先别急着起诉 interferes with no one.
- R3 第五条第（二）/（三）/（四）/（六）项: “找我一个同学吧，他专做…” recommends a lawyer;
  教他让儿子“就说…” coaches; a rent 比市价低一半 from the case's lawyer is a benefit, and so is
  a meal 没收法官的钱 (while a meal paid for is not); 没收钱也没收礼 turns down money and gifts,
  not the car the judge borrowed.
- R1 第八条第（一）项: 掂量着办 asks for leniency; a cadre who answers “这个招呼我不能打” or “说情
  我不能说” refused the plea.
- R1 第三条: a 政法委's 案件质量评查 is its procedure; a file 调走 for it is no officer moved.
- R3 第八条: a former officer in 邻县交警大队's case acts in another unit's case; one whose case
  就是我们中队在办的 acts in his former unit's.
- R3 第七条: 第二天就给院纪检组写了说明 reports the chance meeting within three days.
- R2 第九条第（二）项: a retired judge taking tea with old colleagues meets no party.
- The teller's own 帮他问问。 about the rules is no inquiry into a case; 不是局领导 denies the
  role it names.
- R2 第九条第（三）项 and R3 第五条第（三）项: a written defence opinion 收下后登记了 is papers
  received, no benefit.
- R1 第三条: a 政法委's record in which 嫌疑人是某局长的外甥 tells who the suspect is, the
  书记 acting; 政法委不替你们定 leaves the finding to the organs; 法院的人担心是区委要给案子定
  调子 is a worry, no decision; 涉企案件 and 每一个案子 name a kind of case, not one.
- R2 第五条: a case 退回补充侦查 and chased by the prosecutor is the procedure, no refusal.
- R3 第八条: 有人说…；也有人说… — two accounts of which court has the case leave it open.
- R3 第十条: 举报人是看错了人 clears the complaint; words in ASCII quotes ('有事到所里按规定
  反映') are someone's words, no complaint; a move 本人报名参加了遴选 is no retaliation.
- R3 第六条: 死者的女儿打来电话问… is a call taken at work, nothing to approve.
- R2 第九条第（一）项: 量刑别太重 pleads; R3 第五条第（五）项: 让评估员'把车损往下压一压' rigs the
  appraisal; R3 第七条: “报了反倒说不清” is why he kept silent, nothing left unknown; R3 第五条
  第（四）项: a brother 跟法官手上的任何案子都不沾边 lends as no party; R3 第五条第（二）项: what a
  party 到处说'法官给我介绍了律师' is his claim.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_a_complaint_the_inquiry_found_is_the_conduct(assessor: Assessor) -> None:
    found = ("当事人实名举报，说执行法官事先交代评估公司把厂房评低一点。"
             "市中院纪检组核查后认定：法官确实打过这个电话。")
    assert assessor.assess(found).verdict == "violation"
    assert assessor.assess(found).facts.complaint is not True
    pending = "当事人实名举报，说执行法官事先交代评估公司把厂房评低一点。纪检组还在核查。"
    assert assessor.assess(pending).verdict == "undetermined"
    assert "举报反映的情况是否属实" in assessor.assess(pending).missing_facts


def test_tip_offs_and_statements_sent_to_a_party_leak(assessor: Assessor) -> None:
    for tipped in ("法院要冻结账户的前一天，执行员给被执行人打电话："
                   "“明天对方要申请冻结，钱该挪就挪。”",
                   "经侦民警给嫌疑人的弟弟打电话：“你哥可能要被传唤，让他把手机里的东西清一清。”",
                   "派出所民警把两份证人询问笔录拍照发给了对方的代理律师。"):
        assert "leak" in conduct_read(assessor, tipped), tipped
        assert assessor.assess(tipped).verdict == "violation", tipped
        assert first_rule(assessor, tipped) == "R3-5-1", tipped
    parking = "法院门口执勤的民警对司机说：“你先把车挪走，这里不能停。”"
    assert "leak" not in conduct_read(assessor, parking)
    assert assessor.assess(parking).verdict != "violation"


def test_demands_on_the_outcome_decide_the_case(assessor: Assessor) -> None:
    for decided in ("区委宣传部长打电话给法院办公室，要求判决书印发之前先把稿子送他看一眼。",
                    "管委会主任在协调会上要求交警大队对肇事司机不采取刑事拘留，"
                    "事故责任尽量往次要上认定。",
                    "县政府办印发通知：涉及重点工程车辆的事故，原则上不扣车，"
                    "确需扣车的先报县政府同意。"):
        assert "decide_case" in conduct_read(assessor, decided), decided
        assert assessor.assess(decided).verdict == "violation", decided
        assert first_rule(assessor, decided).startswith("R1-8-"), decided
    asked = "区委宣传部长打电话给法院办公室，问那起案子判决书什么时候印发。"
    assert "decide_case" not in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict != "violation"


def test_holding_back_a_step_of_the_case_interferes(assessor: Assessor) -> None:
    held = "县局治安大队的民警找到办案民警，说伤情鉴定别急着送检，等双方把赔偿谈妥了再送。"
    assert "other" in conduct_read(assessor, held)
    assert assessor.assess(held).verdict == "violation"
    assert first_rule(assessor, held) == "R2-9-5"
    advised = "律师劝当事人先别急着起诉，等证据齐了再说。"
    assert assessor.assess(advised).verdict != "violation"


def test_recommending_coaching_and_benefits(assessor: Assessor) -> None:
    recommended = ("当事人来立案，法官跟她说：“这种官司找我一个同学吧，"
                   "他专做建设工程的，我把电话给你。”")
    assert "recommend_lawyer" in conduct_read(assessor, recommended)
    assert first_rule(assessor, recommended) == "R3-5-2"
    coached = "民警在第二次询问前给肇事司机的父亲打电话，教他让儿子“就说对方突然变道”。"
    assert "coach" in conduct_read(assessor, coached)
    assert first_rule(assessor, coached) == "R3-5-6"
    cheap = "执行法官去年租的房子，房东就是被执行人的代理律师，月租八百，比同小区市价低一半。"
    assert "accept_benefit" in conduct_read(assessor, cheap)
    assert assessor.assess(cheap).verdict == "violation"
    appraised = "当事人反映评估价比市价低了四成，法院已组织双方对评估报告听证。"
    assert "accept_benefit" not in conduct_read(assessor, appraised)


def test_a_meal_not_charged_is_taken_and_a_meal_paid_for_is_not(assessor: Assessor) -> None:
    free = ("执行法官到申请执行人公司核对财产线索，"
            "中午公司在自己食堂安排他吃了工作餐，没收法官的钱。")
    assert "accept_benefit" in conduct_read(assessor, free)
    assert assessor.assess(free).verdict == "violation"
    paid = "执行法官到申请执行人公司核对财产线索，中午在公司食堂吃了工作餐，按价付了餐费。"
    assert "accept_benefit" not in conduct_read(assessor, paid)
    assert assessor.assess(paid).verdict != "violation"
    refused = "律师到法官家送了两瓶酒，法官没收，让他拿回去。"
    assert assessor.assess(refused).verdict == "lawful"


def test_refusing_money_and_gifts_does_not_undo_a_car_borrowed(assessor: Assessor) -> None:
    borrowed = "法官借用了被害人父亲车行的一辆车作婚车，用了三天。他说“只是借车，没收钱也没收礼”。"
    assert "borrow" in conduct_read(assessor, borrowed)
    assert assessor.assess(borrowed).verdict == "violation"
    assert first_rule(assessor, borrowed) == "R3-5-4"


def test_a_cadre_asking_for_leniency_or_refusing_to_ask(assessor: Assessor) -> None:
    weigh = ("分局局长给派出所所长打电话：“你去法院找刑庭庭长，"
             "就说是我让你去的，孩子的事让他掂量着办。”")
    assert "plead" in conduct_read(assessor, weigh)
    refused = ("当事人的母亲求副县长给法院打个招呼。副县长说："
               "“这个招呼我不能打，也不该打，请个好律师吧。”")
    result = assessor.assess(refused)
    assert "plead" in (result.facts.declined or [])
    assert result.verdict == "lawful"
    made = "当事人的母亲求副县长给法院打个招呼。副县长当天就给庭长打了招呼。"
    assert assessor.assess(made).verdict == "violation"
    turned_down = "副书记说：“说情我不能说，也不该说。你的信我批给政法委，按程序转给法院。”"
    assert "plead" not in conduct_read(assessor, turned_down)
    assert assessor.assess(turned_down).verdict == "lawful"


def test_a_case_quality_review_is_the_leading_organs_procedure(assessor: Assessor) -> None:
    review = "县委政法委组织年度案件质量评查，抽调了法院十本已结案件的卷宗，逐本打分。"
    assert assessor.assess(review).verdict == "lawful"
    assert first_rule(assessor, review) == "R1-3"
    moved = "政法委按评查方案把那本卷调走了，评查完原样退回。"
    assert not assessor.assess(moved).facts.retaliation
    transferred = "他如实记录了领导的说情电话，半年后就被调走了，没有人说明理由。"
    assert assessor.assess(transferred).facts.retaliation


def test_which_unit_handled_the_former_officers_case(assessor: Assessor) -> None:
    other = "前年离职当了律师的老鲁，代理了邻县交警大队办的一起肇事案。"
    assert assessor.assess(other).facts.former_unit_case is False
    assert assessor.assess(other).verdict == "lawful"
    same = "前年离职当了律师的老鲁，代理了一起肇事案，这案子就是我们中队在办的。"
    assert assessor.assess(same).facts.former_unit_case is True
    assert assessor.assess(same).verdict == "violation"


def test_a_written_account_to_the_discipline_office_next_day_reports(
        assessor: Assessor) -> None:
    reported = ("检察官参加表妹婚礼，同桌竟是他案子的辩护律师，"
                "没谈案子，第二天就给院纪检组写了说明。")
    result = assessor.assess(reported)
    assert result.facts.reported is True and result.facts.report_days == 1
    assert result.verdict == "lawful"
    silent = ("检察官参加表妹婚礼，同桌竟是他案子的辩护律师，"
              "没谈案子，到现在一个多月了也没跟谁说过。")
    assert assessor.assess(silent).verdict == "violation"


def test_tea_with_old_colleagues_is_no_meeting_with_a_party(assessor: Assessor) -> None:
    colleagues = "老刘从法院庭长任上退休后，三天两头回庭里找老同事喝茶聊天。"
    assert assessor.assess(colleagues).verdict != "violation"
    with_party = "老刘从法院庭长任上退休后，请承办法官到茶楼喝茶，把案子的原告也叫来了。"
    assert assessor.assess(with_party).verdict == "violation"


def test_the_tellers_own_asking_and_a_denied_role(assessor: Assessor) -> None:
    rules = ("法院的同学问我，同事打电话请他把开庭挪到下午，他已经在过问登记里记了，"
             "就为调个法庭也要记吗？法院的规矩我不熟，帮他问问。")
    assert "probe" not in conduct_read(assessor, rules)
    assert assessor.assess(rules).verdict == "lawful"
    case = "法院的同学托我帮他问问承办法官，那个案子什么时候判。"
    assert "probe" in conduct_read(assessor, case)
    denied = "税务局的老郑（副科级，不是局领导）给派出所所长打电话，替一个老板说情。"
    assert assessor.assess(denied).facts.actor_role != "领导干部"
    cadre = "副县长给派出所所长打电话，替一个老板说情。"
    assert assessor.assess(cadre).facts.actor_role == "领导干部"


def test_papers_taken_then_logged_are_no_benefit(assessor: Assessor) -> None:
    logged = "律所把一份书面辩护意见送到检察院案管窗口，承办检察官收下后登记了。"
    assert "accept_benefit" not in conduct_read(assessor, logged)
    assert assessor.assess(logged).verdict == "lawful"
    gift = "律师把两条烟塞给承办检察官，检察官收下后也没登记。"
    assert "accept_benefit" in conduct_read(assessor, gift)


def test_a_leading_organ_that_leaves_the_finding_to_the_organs(assessor: Assessor) -> None:
    described = ("政法委案件汇报会记录：我汇报了一起盗窃案的侦查进展，嫌疑人是某局长的外甥。"
                 "政法委书记听完说：“你们依法办，我们不表态。”")
    result = assessor.assess(described)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"
    left = ("县委政法委召开协调会，公安、检察、法院都到了。"
            "书记讲：证据怎么认，由公安依法认定，政法委不替你们定。")
    assert assessor.assess(left).verdict == "lawful"
    assert first_rule(assessor, left) == "R1-3"
    named = ("县委政法委召开协调会，公安、检察、法院都到了。"
             "书记讲：这个案子要定成诈骗，由公安抓紧办。")
    assert assessor.assess(named).verdict != "lawful"


def test_a_worry_about_a_decision_is_no_decision(assessor: Assessor) -> None:
    feared = ("区委书记听了法院的汇报，只说依法办、注意稳控，具体怎么判是法院的事。"
              "法院的人担心是区委要给案子定调子。")
    assert "decide_case" not in conduct_read(assessor, feared)
    assert assessor.assess(feared).verdict == "lawful"
    decided = "区委书记听了法院的汇报，要求法院给这个案子定个调子，判轻一点。"
    assert "decide_case" in conduct_read(assessor, decided)
    assert assessor.assess(decided).verdict == "violation"


def test_a_kind_of_case_is_no_case(assessor: Assessor) -> None:
    for general in ("县委书记在大会上讲：涉企案件要依法平等保护，该快审的快审。",
                    "县委书记在电视上讲：每一个案子怎么判，得由法院依法说了算，谁也不能打招呼。"):
        assert assessor.assess(general).facts.specific_case is False, general
        assert assessor.assess(general).verdict == "lawful", general
        assert first_rule(assessor, general) == "R1-3", general
    one = "县委书记在大会上讲：那起涉企案件要快审，别让企业停产。"
    assert assessor.assess(one).facts.specific_case is not False
    assert assessor.assess(one).verdict != "lawful"


def test_a_case_returned_for_further_investigation_is_the_procedure(
        assessor: Assessor) -> None:
    chased = "公诉科检察官打电话问派出所，退回补充侦查的那起案子证人笔录补好没有。"
    result = assessor.assess(chased)
    assert result.facts.via_procedure is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, chased) == "R2-5"


def test_two_accounts_of_which_court_has_the_case_leave_it_open(assessor: Assessor) -> None:
    disputed = ("县法院辞职的王法官当了律师，代理了一起借款案。"
                "有人说案子在隔壁区法院审；也有人说是从我们院移送过去的。")
    result = assessor.assess(disputed)
    assert result.facts.former_unit_case is None
    assert result.verdict == "undetermined"
    one = "县法院辞职的王法官当了律师，代理了一起借款案，案子在隔壁区法院审。"
    assert assessor.assess(one).verdict == "lawful"


def test_a_complaint_the_inquiry_cleared(assessor: Assessor) -> None:
    cleared = ("律师实名举报检察官在茶楼跟对方当事人见面。纪检组核查：两人是在检察院接待室见的面，"
               "有登记和视频，举报人是看错了人。")
    result = assessor.assess(cleared)
    assert result.facts.complaint_cleared is True
    assert result.verdict == "lawful"
    pending = "律师实名举报检察官在茶楼跟对方当事人见面。纪检组正在核查。"
    assert assessor.assess(pending).verdict == "undetermined"


def test_words_in_ascii_quotes_are_someones_words(assessor: Assessor) -> None:
    quoted = ("管教民警下班在超市被在押人员的妻子认出，她要塞一条烟，他没收，"
              "只说了句'有事到所里按规定反映'，当天就向所纪检监察室写了书面报告。")
    result = assessor.assess(quoted)
    assert result.facts.complaint is not True
    assert result.verdict == "lawful"


def test_a_move_the_officer_applied_for_is_no_retaliation(assessor: Assessor) -> None:
    applied = "法官从庭长任上被免去职务，调到市中院。他本人报名参加了遴选，考了第一。"
    assert not assessor.assess(applied).facts.retaliation
    assert assessor.assess(applied).verdict != "violation"
    imposed = "法官如实登记了副县长的说情电话，一个月后被免去庭长职务，调到后勤。"
    assert assessor.assess(imposed).facts.retaliation


def test_a_call_from_a_partys_kin_taken_at_work(assessor: Assessor) -> None:
    called = ("认定书已依法送达。死者的女儿打来电话问主要责任是什么意思，"
              "民警在电话里给她解释了，没评价赔多少。")
    result = assessor.assess(called)
    assert result.facts.phone_call is True
    assert result.verdict == "lawful"
    met = "认定书已依法送达。民警约死者的女儿晚上到茶楼见面，给她解释主要责任是什么意思。"
    assert assessor.assess(met).verdict != "lawful"


def test_pleas_and_rigging_told_in_other_words(assessor: Assessor) -> None:
    lighter = ("同院民二庭的一位法官给刑庭承办法官打电话：“被告人家属托到我这儿了，量刑别太重。”"
               "承办法官拒绝了，也登记了。")
    assert "plead" in conduct_read(assessor, lighter)
    assert first_rule(assessor, lighter) == "R2-9-1"
    pressed = ("主办民警私下给评估公司的评估员打电话，让他'把车损往下压一压，压到三十万以内'，"
               "评估员照办了。")
    assert "collusion" in conduct_read(assessor, pressed)
    assert first_rule(assessor, pressed) == "R3-5-5"


def test_hard_to_explain_is_not_unknown(assessor: Assessor) -> None:
    silent = ("检察官在婚宴上跟他案子的辩护律师同桌，聊了几句。到现在五周了也没跟院里纪检组讲过，"
              "他说“报了反倒说不清”。")
    result = assessor.assess(silent)
    assert result.verdict == "violation"
    assert first_rule(assessor, silent) == "R3-7"


def test_a_lender_tied_to_no_case(assessor: Assessor) -> None:
    untied = "法官向他亲哥借了五万块钱付首付，写了借条。他亲哥跟法官手上的任何案子都不沾边。"
    assert assessor.assess(untied).facts.specific_case is False
    assert assessor.assess(untied).verdict == "lawful"
    unsaid = "法官向他亲哥借了五万块钱付首付，写了借条。"
    assert assessor.assess(unsaid).verdict == "undetermined"


def test_what_a_party_goes_about_saying_is_his_claim(assessor: Assessor) -> None:
    claimed = ("立案窗口的法官对农民工说：'你可以去法律援助中心申请。'法官没提任何一个律师的名字。"
               "农民工后来到处说'法官给我介绍了律师'。")
    assert "recommend_lawyer" not in conduct_read(assessor, claimed)
    assert assessor.assess(claimed).verdict != "violation"
    named = "立案窗口的法官对农民工说：'找城东的王律师，他专做讨薪。'"
    assert assessor.assess(named).verdict == "violation"


def test_a_superior_procuratorate_named_short_is_a_judicial_organ(assessor: Assessor) -> None:
    superior = ("市院公诉处处长来电，就我院办理的一起盗窃案提出：补强两名证人的证言。"
                "以上意见系口头提出，我已逐条记录。")
    result = assessor.assess(superior)
    assert result.facts.regimes == ["R2"]
    assert result.verdict == "lawful"
    assert first_rule(assessor, superior) == "R2-4"
    outside = "市政府办公室处长来电，就我院办理的一起盗窃案提出：补强两名证人的证言。我已逐条记录。"
    assert assessor.assess(outside).facts.regimes == ["R1"]
    assert assessor.assess(outside).verdict != "lawful"


def test_a_leading_organ_that_inspects_or_keeps_off_the_outcome(assessor: Assessor) -> None:
    for lawful in ("县委政法委按年度执法检查安排，调阅县法院已结案卷十册，指出部分案件送达不规范，"
                   "要求限期整改。",
                   "县委政法委开会听公安局汇报那起伤害案，书记说：“案子怎么定由检察院、法院依法定，"
                   "这个会不碰。”",
                   "县委政法委召开破产重整协调会，只讲维稳预案和职工安置，没人谈裁定内容。"):
        assert assessor.assess(lawful).verdict == "lawful", lawful
        assert first_rule(assessor, lawful) == "R1-3", lawful
    decided = "县委政法委开会听公安局汇报那起伤害案，书记说这个案子就按轻伤定。"
    assert assessor.assess(decided).verdict != "lawful"
    undecided = "县委常委会听取了那起涉黑案件的汇报，会议未对案件事实和证据作任何决定。"
    assert assessor.assess(undecided).facts.decision is False


def test_a_query_through_the_courts_coordination_system(assessor: Assessor) -> None:
    system = ("乙区法院的执行法官通过执行指挥中心的协作系统提交查询，问我院是否已冻结某公司的账户。"
              "执行局在系统里回复了。")
    assert assessor.assess(system).verdict == "lawful"
    assert first_rule(assessor, system) == "R2-5"
    private = "乙区法院的执行法官打电话给我院执行法官，私下问某公司的账户冻结了没有。"
    assert assessor.assess(private).verdict != "lawful"
