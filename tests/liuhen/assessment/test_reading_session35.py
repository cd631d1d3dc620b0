"""Readings of the seed the engine got wrong (session 35), each with its control.

- R1 第三条: 一个具体案子也没点 says no case was named; a closing 具体案子你们依法办 asks only that
  the law be followed, while a case raised at the end (临走才说那个案子缓一缓) still counts.
- R1 第六条 / R2 第七条: a transfer 说是“工作需要” with 没开党组会、也没走任何程序 has neither legal
  cause nor procedure; 有没有经过党组会 and 走没走程序 only ask.
- R3 第七条: 从来没报过 and 报什么报 say no report was made; 犯嘀咕 is worry, not hearsay.
- R3 第五条第（一）项: 透了个底 leaks; 明天去冻结他的账户，你跟他说一声 tips off a party.
- R3 第五条第（二）项: 换某某律所的王律师吧 recommends a lawyer.
- R2 第五条: another organ's 协查函 with its seal asks by procedure.
- R3 第八条: 在原单位没有代理过任何案件 sets the former unit apart.
- R2 第四条: 一字不差地记进了登记表 is a record (不差 negates nothing); a high court's written
  guidance to an intermediate court is a superior's, and 没有说这件具体怎么判 denies an opinion.
- R3 第六条: 未接来电 negates nothing after it; a 咖啡 shop is no workplace.
- R1 第八条第（四）项: a party committee's letter 请法院暂停执行 asks for a handling.
- R2 第九条第（三）项: 把一个信封交给承办法官 passes papers.
- R1 第十二条: a 工商联 (副)主席 or a 国有控股 firm's manager may or may not hold 国家工作人员身份
  (open); 一位…老板、区政协委员 describes the caller, no party; the firm's 供应商 is the party.
- R3 第八条: a retired 庭长 who 当代理人 for his son at 原来那个区法院 has the kin exception.
- R3 第七条: 有没有跟纪检组说，我不知道 asks; R3 第五条第（三）项: 去了哪里，没人说得清 and 还没表态
  收不收 leave the gift's acceptance open.
- R1 第六条 / R2 第七条: the organ's ground for a grade (庭里说他差错率最高) leaves retaliation
  open; a rotation 按干部交流规定，经党组研究、公示 is lawful, the plea once recorded its
  background; the recorder's own 认为…打击报复 is his belief, and a 【情况说明】 title passes no
  papers.
- R3 第五条第（四）项: 也不从事评估、拍卖之类的中介业务 denies across the 、.
- R2 第四条: an outcome word a leader says and the handler 原样记进评议笔录 is recorded guidance.
- R3 第六条: a meeting 在法院调解室 is no private meeting.
- A caller's header (当事人邹某来电：) names who tells, not who acts.
- R1 第十二条: 自称“怕得罪人…” gives a reason, it claims no title. GUIDE section 4: 没有否认 admits;
  two accounts (说法完全两样) and an anonymous post leave the facts open.
- R3 第五条第（四）项: 在审我们厂…的货款案 makes the teller's firm the party.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_no_case_named_in_any_word_order(assessor: Assessor) -> None:
    situation = ("县委书记到县法院调研执行工作，讲了一个多小时，要求各部门配合法院查人找物，"
                 "一个具体案子也没点。")
    result = assessor.assess(situation)
    assert result.facts.specific_case is False
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R1-3"


def test_a_closing_word_for_the_law_names_no_case(assessor: Assessor) -> None:
    urged = ("市委副书记到区法院调研，听取执行工作汇报，当场要求财政部门配合法院查控，没点任何"
             "一个具体案子，临走说了句“具体案子你们依法办”。")
    raised = ("市委副书记到区法院调研，听取执行工作汇报，当场要求财政部门配合法院查控，没点任何"
              "一个具体案子，临走才说：“那个砖厂的案子你们缓一缓。”")
    assert assessor.assess(urged).verdict == "lawful"
    assert assessor.assess(raised).facts.specific_case is not False
    assert assessor.assess(raised).verdict != "lawful"


def test_a_transfer_with_no_procedure_is_retaliation(assessor: Assessor) -> None:
    denied = ("刑庭的孔法官去年把分管副院长过问案件的情况如实登记了。今年庭长把他调到档案室，"
              "说是“工作需要”，院里没开党组会，也没走任何程序。")
    asked = ("刑庭的孔法官去年把分管副院长过问案件的情况如实登记了。今年庭长把他调到档案室，"
             "说是“工作需要”，有没有经过党组会研究，走没走程序，我不清楚。")
    result = assessor.assess(denied)
    assert result.verdict == "violation"
    assert first_rule(assessor, denied) in ("R2-7", "R1-6")  # (a 副院长 inquired)
    assert assessor.assess(asked).verdict == "undetermined"


def test_never_reported_and_why_report(assessor: Assessor) -> None:
    never = ("4月6日周六，房法官在同学聚会上跟一个律师坐一桌，那律师正代理他手上的案子，两人聊了"
             "一阵。4月15日我问纪检组，那边说房法官从来没报过这件事。")
    scorned = ("4月6日周六，房法官在同学聚会上跟一个律师坐一桌，那律师正代理他手上的案子，两人"
               "聊了一阵。我问他有没有跟纪检组说，他说：“又没谈什么，报什么报。”")
    for situation in (never, scorned):
        result = assessor.assess(situation)
        assert result.facts.reported is False
        assert result.verdict == "violation"


def test_worry_is_no_hearsay(assessor: Assessor) -> None:
    situation = ("我表哥跟着我去了鲁法官的乔迁宴，席间端着酒去聊他的案子。我听了心里直犯嘀咕，"
                 "怕给法官添麻烦。")
    assert not assessor.assess(situation).facts.hearsay


def test_tipping_off_is_a_leak(assessor: Assessor) -> None:
    told = "原告律师给当事人发微信：“卞法官私下跟我透了个底，合议庭三个人都支持我们，先别往外说。”"
    tipped = "执行法官给被执行人的律师打电话：“明天上午我们去冻结他那两个账户，你跟他说一声。”"
    for situation in (told, tipped):
        assert "leak" in conduct_read(assessor, situation)
        assert first_rule(assessor, situation) == "R3-5-1"
    plain = "执行法官给被执行人的律师打电话：“明天上午我们去冻结他那两个账户，请通知他到场。”"
    assert "leak" not in conduct_read(assessor, plain)


def test_naming_the_lawyer_to_change_to(assessor: Assessor) -> None:
    situation = "调解时，承办法官对被告说：“你这个律师不熟悉建工案子，换某某律所的刘律师吧。”"
    assert "recommend_lawyer" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_sealed_letter_from_another_organ_is_procedure(assessor: Assessor) -> None:
    situation = "区检察院寄来协查函，盖院章，请我院告知一件民事案件的保全情况，用于审查起诉。"
    result = assessor.assess(situation)
    assert result.facts.via_procedure is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R2-5"


def test_no_case_at_the_former_unit(assessor: Assessor) -> None:
    apart = ("从区法院辞职的律师在邻区法院代理案件，有人说他违反了离任规定。他2016年辞职，在原单位"
             "没有代理过任何案件。")
    there = "从区法院辞职的律师今年在原单位代理了一起买卖合同纠纷，委托人跟他没有亲属关系。"
    assert assessor.assess(apart).facts.former_unit_case is False
    assert assessor.assess(apart).verdict == "lawful"
    assert assessor.assess(there).verdict == "violation"


def test_word_for_word_is_a_record(assessor: Assessor) -> None:
    situation = ("分管民事的副院长在电梯里对承办法官说：“那个物业案注意审限。”承办法官回去就把"
                 "这句话一字不差地记进了过问登记表。")
    result = assessor.assess(situation)
    assert result.facts.recorded is True
    assert result.verdict == "lawful"


def test_a_high_courts_written_guidance_is_a_superiors(assessor: Assessor) -> None:
    situation = ("省高院民一庭给某中院发了书面指导意见，统一一批同类物业纠纷的裁判尺度，提到了中院"
                 "正在审的一件。意见按程序经分管院领导签发，没有说这件具体怎么判。")
    result = assessor.assess(situation)
    assert result.facts.insider_relation == "superior"
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R2-4"


def test_a_missed_call_negates_nothing(assessor: Assessor) -> None:
    situation = ("那律师后来又打电话约院长喝茶，院长没接，周一把这个未接来电也写进了交给纪检组的"
                 "报告。")
    assert assessor.assess(situation).facts.recorded is not False


def test_a_coffee_shop_is_outside_work(assessor: Assessor) -> None:
    situation = "邹法官自己说：“我周四跟被告律师在上岛咖啡谈了谈调解方案，没报批。”"
    result = assessor.assess(situation)
    assert result.facts.at_workplace is False
    assert result.verdict == "violation"
    assert first_rule(assessor, situation) == "R3-6"


def test_a_committees_letter_asking_to_stop_enforcement(assessor: Assessor) -> None:
    asked = ("某镇党委以党委名义给县法院发函：被执行人是镇里的纳税大户，“请法院暂停执行，解除对其"
             "账户的冻结”。执行法官把函件扫描入卷。")
    lawful = ("某镇党委以党委名义给县法院发函，请法院依法处理被执行人的案件，没有提任何具体要求。"
              "执行法官把函件扫描入卷。")
    assert assessor.assess(asked).verdict == "violation"
    assert first_rule(assessor, asked) == "R1-8-4"
    assert assessor.assess(lawful).verdict != "violation"


def test_an_envelope_handed_to_the_judge_is_papers(assessor: Assessor) -> None:
    situation = ("市检察院的检察官来中院开会，把一个信封交给民事庭的承办法官，说是被告托他带的"
                 "“补充说明”，没走诉讼服务中心。")
    assert "pass_materials" in conduct_read(assessor, situation)
    assert assessor.assess(situation).verdict == "violation"


def test_a_title_of_mixed_standing_leaves_the_cadre_open(assessor: Assessor) -> None:
    # R1 第十二条: 社会团体 and 公司、企业 count only 具有国家工作人员身份的领导干部
    for title in ("区工商联副主席", "市属国有控股公司的副总经理"):
        situation = f"{title}给执行法官打电话，替朋友的公司说情，请他“缓一缓再冻账户”。"
        result = assessor.assess(situation)
        assert result.verdict == "undetermined", title
        assert "是否为领导干部" in result.missing_facts
    cadre = "副县长给执行法官打电话，替朋友的公司说情，请他“缓一缓再冻账户”。"
    assert assessor.assess(cadre).verdict == "violation"


def test_a_boss_described_is_no_party(assessor: Assessor) -> None:
    situation = ("一位开饭店的老板、区政协委员给承办法官打电话，为朋友的案子“反映情况”，"
                 "要求从轻处理。")
    result = assessor.assess(situation)
    assert result.facts.counterpart is None
    assert result.verdict == "undetermined"


def test_a_supplier_of_the_firm_is_the_party(assessor: Assessor) -> None:
    situation = ("一家国有控股公司的副总经理到执行局，说被执行人是公司多年的供应商，"
                 "请法官“暂缓一下”。执行法官记了笔录。")
    result = assessor.assess(situation)
    assert result.facts.actor_role == "领导干部"
    assert result.verdict == "undetermined"


def test_a_retired_judge_acting_for_his_son(assessor: Assessor) -> None:
    son = "退休的吕庭长现在在原来那个区法院给他儿子的借款官司当代理人。"
    friend = "退休的吕庭长现在在原来那个区法院给他朋友的借款官司当代理人。"
    assert assessor.assess(son).verdict == "lawful"
    assert assessor.assess(son).facts.former_officer is True
    assert assessor.assess(friend).verdict == "violation"


def test_whether_he_told_the_overseers_is_asked(assessor: Assessor) -> None:
    situation = ("上周日，卢法官在小区门口碰见他手上案子的被告，被告硬塞给他一箱苹果，"
                 "他当场退了回去。卢法官有没有跟纪检组说，我不知道，今天已经是周四了。")
    result = assessor.assess(situation)
    assert result.verdict == "undetermined"
    assert "是否在三日内报告" in result.missing_facts


def test_where_the_gift_went_is_open(assessor: Assessor) -> None:
    unknown_fate = ("端午前，一家律所把两箱粽子放在法院门卫室，纸条上写着“民二庭各位法官”。"
                    "后来粽子去了哪里，没人说得清。")
    undecided = ("被告律师快递了两盒茶叶到法院，收件人是承办法官。快递在传达室放了两天，"
                 "法官还没表态收不收。")
    for situation in (unknown_fate, undecided):
        result = assessor.assess(situation)
        assert result.verdict == "undetermined"
        assert "是否接受请客送礼或者其他利益" in result.missing_facts


def test_the_organs_ground_for_a_grade_leaves_retaliation_open(assessor: Assessor) -> None:
    grounded = ("书记员葛某年初如实登记了一位副庭长过问案件的情况，年底考核被评为“基本称职”。"
                "葛某认为是报复，庭里说他全年差错率最高，考核是全庭投票的。")
    bare = ("书记员葛某年初如实登记了一位副庭长过问案件的情况，年底考核被评为“基本称职”，"
            "全庭只有他一个。")
    assert assessor.assess(grounded).verdict == "undetermined"
    assert assessor.assess(bare).verdict == "violation"


def test_the_caller_who_tells_is_not_the_actor(assessor: Assessor) -> None:
    situation = ("当事人邹某来电：对方到市委政法委信访后，政法委执法监督处按程序向法院了解"
                 "案件办到哪一步，法院书面答复了进度。")
    result = assessor.assess(situation)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, situation) == "R1-3"


def test_a_rotation_with_ground_and_procedure_is_lawful(assessor: Assessor) -> None:
    # R1 第六条: 非因法定事由，非经法定程序 — here both are stated; the plea is what was recorded
    grounded = ("我前年如实记录过副市长为一个案子打招呼的事。今年院里按干部交流规定，经党组研究、"
                "公示后，把我从民庭轮岗到立案庭。这算不算打击报复？")
    bare = ("我前年如实记录过副市长为一个案子打招呼的事。今年庭长没讲任何理由，把我从民庭调到"
            "档案室。这算不算打击报复？")
    result = assessor.assess(grounded)
    assert result.facts.lawful_ground is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, grounded) in ("R1-6", "R2-7")
    assert assessor.assess(bare).verdict == "violation"


def test_the_recorders_belief_is_no_finding(assessor: Assessor) -> None:
    situation = ("【情况说明】检察官鲍某三年前如实记录了某局长为当事人说情一事。"
                 "今年鲍某因醉酒驾驶被判处拘役，院里依照检察人员纪律处分规定和法定程序给予其"
                 "开除处分。鲍某认为这是当年记录引来的打击报复。")
    result = assessor.assess(situation)
    assert "pass_materials" not in (result.facts.conduct or [])
    assert "decide_case" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_denial_runs_over_an_enumeration(assessor: Assessor) -> None:
    situation = ("法官买车差三万元，向中学同学借了钱并写了借条。纪检组核实过，这位同学不是他经手"
                 "任何案件的当事人或律师，也不从事评估、拍卖之类的中介业务。")
    result = assessor.assess(situation)
    assert result.facts.counterpart is None
    assert result.verdict == "lawful"


def test_a_leaders_word_said_and_recorded_is_guidance(assessor: Assessor) -> None:
    # R2 第四条: 口头提出的，由办案人员记录在案
    recorded = ("分管刑事的副院长列席了一起诈骗案的评议，中间口头说了一句“注意缓刑适用的社区调查"
                "评估意见”。承办法官当场把这句话原样记进评议笔录。")
    result = assessor.assess(recorded)
    assert result.verdict == "lawful"
    assert first_rule(assessor, recorded) == "R2-4"


def test_a_meeting_in_the_courts_room_is_not_private(assessor: Assessor) -> None:
    situation = "开庭前，承办法官在法院调解室约见原告和他的律师，问愿不愿意调解，书记员全程记录。"
    result = assessor.assess(situation)
    assert "private_meeting" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_a_reason_in_quotes_is_no_claimed_title(assessor: Assessor) -> None:
    situation = ("今年5月，区委常委为一起借款纠纷的被告给承办法官打电话，要求“别判那么多利息”。法官"
                 "事后没有记录，自称“怕得罪人，想着反正也没按他说的办”。")
    result = assessor.assess(situation)
    assert result.facts.identity_verified is not False
    assert result.verdict == "violation"


def test_a_denial_not_made_leaves_nothing_open(assessor: Assessor) -> None:
    admitted = ("执行法官在笔录中说：去年区长来电话，让对那家被执行企业“先缓一缓”。"
                "执行局长让他别记，他就没记。局长对此没有否认。")
    result = assessor.assess(admitted)
    assert "举报反映的情况是否属实" not in result.missing_facts
    assert result.verdict == "violation"
    denied = "有人反映执行法官龚某给被告律师透露了合议庭意见，龚某否认。"
    assert assessor.assess(denied).verdict == "undetermined"


def test_the_tellers_firm_before_the_judge(assessor: Assessor) -> None:
    situation = ("严法官在审我们厂和经销商的货款案。上个月他搬家，问我厂里能不能借辆货车，我让司机"
                 "开了过去，他用了两天才还。")
    result = assessor.assess(situation)
    assert result.facts.counterpart == "当事人"
    assert result.verdict == "violation"


def test_two_accounts_and_an_anonymous_post_stay_open(assessor: Assessor) -> None:
    accounts = ("镇长听取法庭工作汇报时谈到一起执行案。庭长事后说镇长只是提醒“注意稳定”；镇上的干部"
                "却说镇长要求“先别拍卖”。两边说法完全两样，我不知道该信谁。")
    post = ("舆情监测发现一条匿名帖：“某区法院执行法官收了被执行人的好处，案子拖着不办。”发帖人"
            "没有实名，我们截图转给了纪检组。")
    for situation in (accounts, post):
        result = assessor.assess(situation)
        assert result.verdict == "undetermined"
        assert "举报反映的情况是否属实" in result.missing_facts
