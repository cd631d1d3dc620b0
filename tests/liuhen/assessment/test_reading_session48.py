"""Readings of the seed the engine got wrong (session 48, sets EI to EL read once EM to EP had
been written and measured), each with its control.

- Parties: 我是报案的受害方 makes the teller a party (a 被害人 is one in the case), and so do
  我们那执行案也在他手里 and 办我们店…案的刑警; borrowing their van is 「借用交通工具」, and renting
  a defendant's father's flat (租的是…的一套房子) 「租借房屋」.
- R3 第五条第（一）项: a question the officer will not answer (问书记员合议结果，她说“现在不能讲”)
  leaks nothing, unless something is told after the refusal; 把询问笔录拍照发给了…心里有个数 and
  先去外地躲几天 leak, the same statement sent to the procuratorate by rule does not; 合议庭是
  王法官… and 交证据清单 are what every party is told.
- R1 第三条 / 第八条第（五）项: asking the law's own ends (依法加大执行力度, 依法保护…合法权益,
  快立快审) with no word of the outcome asks nothing of a case's handling.
- Pleas: 别让他们输得太难看 and 多往他们那边想想 ask a side's outcome (R2 第九条第（一）项).
- R3 第五条第（三）项: 按进价给的, 差的两万我来补 and 超市卡 are benefits; 按标价付的钱 is a
  purchase.
- R2 第九条第（三）项: papers put on 审我们案子的法官桌上, taken 顺手带一下 or 不用走收件登记
  pass outside the window (托他带的 alone leaves the channel open); a filing 窗口登记后转给 the
  judge is the procedure.
- R3 第八条: 原来在县公安局…干过的老严，现在当律师 is a former officer, whose defence of his own
  brother is the exception.
- R1 第八条第（三）项: a cadre who 让秘书…送来一张便条 sent the errand (授意).
- R1 第十条: 交代，“…一律不要登记” tells the handlers not to record; 一律登记，不能漏 insists on it.
- R3 第五条第（二）项: 最好请城东的刘律师, said 在法庭里 to a party, recommends one (在法庭里跟我说
  is a place, not a bystander's talk); 律师你自己选，我不能推荐 asked 该请哪个律师 recommends none.
- R1 第十二条: a former 县委副书记 转到县人大当'调研员' holds a rank, and whether it leads is open.

Then (sets EM to EP read, once EQ to ET had been written and measured): a plea a record once held
(记过一位领导打招呼的事) is the story's background, while 登记了…打招呼要求轻判 still tells it;
照顾瘫在床上的父母 is care and 自己打报告要回 a stated ground; a cadre who 一句也不过问 refuses;
是发函还是打电话说的，不清楚 leaves both open; 笔录…心里有个数 leaks; 做东请…法官, 记在…的账上 and
年卡 are benefits; 抓紧给执行到位 and 往对方责任上多靠一靠 plead; a draft judgment 发出去之前先送我
那儿看 interferes, a judgment served does not.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_the_victim_and_the_one_whose_case_he_holds_are_parties(assessor: Assessor) -> None:
    for borrowed in ("派出所在办有人偷我店里电瓶车的案子，我是报案的受害方。办案民警借了我店的"
                     "三轮车拉东西，用了两天。",
                     "办案民警借了我店里的面包车去搬家，反正我们那执行案也在他手里。"):
        result = assessor.assess(borrowed)
        assert result.facts.counterpart == "当事人", borrowed
        assert "borrow" in (result.facts.conduct or [])
        assert result.verdict == "violation"
        assert first_rule(assessor, borrowed) == "R3-5-4"
    unknown = "办案民警借了我店里的面包车去搬家。"
    result = assessor.assess(unknown)
    assert result.facts.counterpart is None
    assert result.verdict == "undetermined"


def test_a_question_the_officer_will_not_answer_leaks_nothing(assessor: Assessor) -> None:
    for refused in ("我在法院窗口问书记员合议结果，她说“等判决书，现在不能讲”。",
                    "我在法院窗口问书记员合议结果，她拒绝透露。"):
        result = assessor.assess(refused)
        assert "leak" in (result.facts.declined or []), refused
        assert {"leak", "other"}.isdisjoint(result.facts.conduct or [])
        assert result.verdict == "lawful"
    told = "我问承办法官合议结果，他说三比零，让我别说出去。"
    assert assessor.assess(told).verdict == "violation"
    told_after = ("我在法院窗口问书记员合议结果，她说“现在不能讲”，过了一会儿又悄悄告诉我合议庭"
                  "三比零驳回。")
    result = assessor.assess(told_after)
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict != "lawful"


def test_a_statement_photographed_and_sent_to_a_party_leaks(assessor: Assessor) -> None:
    sent = "派出所办我侄子打架的案子，民警把对方的询问笔录拍照发给了我侄子，说“你心里有个数”。"
    result = assessor.assess(sent)
    assert "leak" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, sent) == "R3-5-1"
    by_rule = "民警按规定把询问笔录发给了检察院的承办人。"
    assert "leak" not in conduct_read(assessor, by_rule)


def test_the_panel_and_the_filing_list_are_told_to_every_party(assessor: Assessor) -> None:
    for notice in ("书记员打电话通知我：开庭改到下周三，合议庭是王法官、李法官和陪审员张某，"
                   "要我提前三天交证据清单。",
                   "法官在电话里告诉我开庭时间、合议庭组成，还让我准备哪些证据。"):
        assert "leak" not in conduct_read(assessor, notice), notice
    leaning = "书记员告诉我开庭时间，还说证据对我们不利，合议庭倾向驳回。"
    assert "leak" in conduct_read(assessor, leaning)


def test_asking_the_law_its_own_ends_is_no_interference(assessor: Assessor) -> None:
    for urged in ("县委常委会听取法院执行工作汇报，点到两个欠款老赖的案子，只说“依法加大执行力度”，"
                  "没说怎么执行。",
                  "县委书记在全县政法工作会上讲：“法院要依法保护企业合法权益，涉企案件要快立快审。”"):
        result = assessor.assess(urged)
        assert result.facts.urged_lawful_handling is True, urged
        assert result.verdict == "lawful"
        assert first_rule(assessor, urged) == "R1-3"
    one_side = "县委书记在政法工作会上讲：“老王那个案子，法院要依法保护他的权益，判他赢。”"
    assert assessor.assess(one_side).verdict == "violation"


def test_asking_for_a_side_not_to_lose_pleads(assessor: Assessor) -> None:
    for plea in ("分管副院长把承办法官叫到办公室说：“原告是县里的重点企业，别让他们输得太难看。”",
                 "退休的老院长到法庭找承办法官，说：“被告是我亲戚，这官司你多往他们那边想想。”"):
        result = assessor.assess(plea)
        assert "plead" in (result.facts.conduct or []), plea
        assert result.verdict == "violation"
        assert first_rule(assessor, plea) == "R2-9-1"


def test_a_price_at_cost_and_a_gap_paid_by_kin_are_benefits(assessor: Assessor) -> None:
    for benefit in ("执行法官来店里买冰柜，我按进价给的。反正我们那执行案也在他手里。",
                    "办案民警看中一台八万的车，嫌疑人的哥哥当场说“差的两万我来补”，民警付了六万提车。",
                    "承办法官手上正办着我们申请执行的案子，过年我送了他两张超市卡，他收下了。"):
        result = assessor.assess(benefit)
        assert "accept_benefit" in (result.facts.conduct or []), benefit
        assert result.verdict == "violation"
    paid = "派出所民警来店里买菜，按标价付的钱。"
    assert assessor.assess(paid).verdict != "violation"


def test_papers_put_on_the_judges_desk_pass_outside_the_window(assessor: Assessor) -> None:
    for passed in ("我把补充的收据交给在法院当法警的表弟，让他直接放到审我们案子的法官桌上，"
                   "他照办了。",
                   "法警下班后把对方业务员给的一个档案袋交给审我们案子的法官，说是人家托他顺手带一下，"
                   "没走立案窗口。"):
        result = assessor.assess(passed)
        assert "pass_materials" in (result.facts.conduct or []), passed
        assert result.verdict == "violation"
        assert first_rule(assessor, passed) == "R2-9-3"
    filed = "我把补充证据交到立案窗口，窗口登记后转给了审我们案子的法官。"
    assert assessor.assess(filed).verdict == "lawful"


def test_a_former_officer_now_a_lawyer_for_his_brother_is_the_exception(
        assessor: Assessor) -> None:
    brother = ("原来在县公安局刑侦大队干过的老严，现在当律师。他亲弟弟被县公安局立案侦查，"
               "他以辩护人身份去看守所会见。")
    result = assessor.assess(brother)
    assert result.facts.former_officer is True
    assert result.verdict == "lawful"
    assert first_rule(assessor, brother) == "R3-8"
    restaurant = "原来在县公安局干过的老严，现在开饭店，他弟弟被县公安局立案侦查。"
    assert assessor.assess(restaurant).facts.former_officer is not True


def test_a_note_the_cadre_sends_by_his_secretary_is_his_errand(assessor: Assessor) -> None:
    sent = ("政协李副主席让秘书给执行局送来一张便条：“老王（被执行人）家里困难，请在依法的前提下"
            "给予关照。”")
    result = assessor.assess(sent)
    assert result.facts.via_staff is True
    assert result.facts.instigated is True
    assert result.verdict == "violation"
    alone = "县长的秘书给执行局打电话，说老王家里困难，请给予关照。"
    result = assessor.assess(alone)
    assert result.facts.instigated is not True
    assert result.verdict == "undetermined"


def test_told_to_register_none_of_the_calls_is_told_not_to_record(assessor: Assessor) -> None:
    none = "副院长在庭务会上交代：“县领导来电问案子的，一律不要登记，口头跟我说就行。”"
    result = assessor.assess(none)
    assert result.facts.told_not_to_record is True
    assert result.verdict == "violation"
    assert first_rule(assessor, none) == "R1-10"
    every = "副院长在庭务会上交代：“县领导来电问案子的，一律登记，不能漏。”"
    result = assessor.assess(every)
    assert result.facts.told_not_to_record is not True
    assert result.verdict != "violation"


def test_a_lawyer_named_to_a_party_in_the_courtroom_is_recommended(assessor: Assessor) -> None:
    named = "我的案子刚立案，承办法官在法庭里跟我说：“你这种案子最好请城东的刘律师，他熟悉我们庭。”"
    result = assessor.assess(named)
    assert "recommend_lawyer" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, named) == "R3-5-2"
    declined = ("原告在法庭问法官该请哪个律师，法官说：“律师你自己选，我不能推荐；经济困难可以申请"
                "法律援助。”原告后来自己找了个外县的律师。")
    result = assessor.assess(declined)
    assert "recommend_lawyer" not in (result.facts.conduct or [])
    assert result.verdict == "lawful"


def test_renting_the_defendants_fathers_flat_is_borrowing(assessor: Assessor) -> None:
    rented = "办收银员案的检察官，租的是那姑娘父亲的一套房子，按市场价签的合同。"
    result = assessor.assess(rented)
    assert result.facts.counterpart == "特殊关系人"
    assert "borrow" in (result.facts.conduct or [])
    assert result.verdict == "violation"


def test_paid_at_the_list_price_takes_no_benefit(assessor: Assessor) -> None:
    for paid in ("派出所民警来店里买菜，按标价付的钱。",
                 "承办烫伤案的法官今天来店里取他爱人的大衣，按原价付的钱，还特意要了小票。"):
        result = assessor.assess(paid)
        assert "accept_benefit" in (result.facts.declined or []), paid
        assert result.verdict != "violation"
    treated = "承办法官在我店里吃饭，饭钱是原告付的钱。"
    assert assessor.assess(treated).verdict == "violation"


def test_a_cadre_moved_to_a_rank_without_a_post_leaves_his_status_open(
        assessor: Assessor) -> None:
    moved = ("老刘以前是县委副书记，到龄后转到县人大当'调研员'。他专门跑到执行局，替他老战友求情，"
             "让缓拍老战友那两台工程车。")
    result = assessor.assess(moved)
    assert result.verdict == "undetermined"
    assert "是否为领导干部" in result.missing_facts
    serving = "县委副书记老刘专门跑到执行局，替他老战友求情，让缓拍老战友那两台工程车。"
    assert assessor.assess(serving).verdict == "violation"


def test_go_and_hide_somewhere_for_a_few_days_tips_off(assessor: Assessor) -> None:
    hide = ("检察院的小曹打听到经侦准备周三拘小郭，当晚就打电话给小郭媳妇：“让他先去外地躲几天，"
            "手机也别开。”")
    assert "leak" in conduct_read(assessor, hide)
    trip = "小郭出差，先去外地待几天。"
    assert "leak" not in conduct_read(assessor, trip)


def test_papers_carried_past_the_filing_counter_are_passed(assessor: Assessor) -> None:
    carried = ("立案庭的书记员下班后拎着一个纸袋到民一庭，说是原告托她带的，“里面是补充证据，"
               "你先看看，不用走收件登记了”。")
    assert "pass_materials" in conduct_read(assessor, carried)
    # 托他带的 alone leaves the channel open (handed to the handler, or filed for him?)
    errand = "退休检察官老冯替保姆家属把一份谅解书交给了承办检察官，说是家属托他带的。"
    assert assessor.assess(errand).verdict != "violation"


# Round 2: sets EM to EP read, once EQ to ET had been written and measured.


def test_a_plea_a_record_once_held_is_the_storys_background(assessor: Assessor) -> None:
    """记过一位领导打招呼的事: what a record kept long ago held, told to explain a transfer;
    登记了副县长打招呼要求轻判的电话 still tells the plea."""
    once = ("吴法官以前记过一位领导打招呼的事，今年调走了，有人说是被报复。其实是她自己打报告要回"
            "老家附近的法庭，好照顾生病的父母，院党组开会研究批的。")
    result = assessor.assess(once)
    assert "plead" not in (result.facts.conduct or [])
    assert result.facts.lawful_ground is True
    assert result.verdict != "violation"
    told = "吴法官登记了副县长打招呼要求轻判的电话。"
    assert assessor.assess(told).verdict == "violation"


def test_a_cadre_who_will_not_ask_about_it_refuses(assessor: Assessor) -> None:
    refused = ("副县长的外甥酒驾被查，外甥的妈妈托我去找副县长帮着说句话。副县长回我：让孩子自己请"
               "律师，该怎么处理就怎么处理，他一句也不过问。")
    result = assessor.assess(refused)
    assert "plead" in (result.facts.declined or [])
    assert result.verdict == "lawful"
    done = ("副县长的外甥酒驾被查，外甥的妈妈托我去找副县长帮着说句话。副县长第二天就给交警队长"
            "打了电话。")
    assert assessor.assess(done).verdict == "violation"


def test_two_ways_it_may_have_gone_neither_known_leave_it_open(assessor: Assessor) -> None:
    either = "听说中院有位庭长对那案子提了“指导意见”，是发函还是打电话说的，不清楚。"
    assert assessor.assess(either).verdict == "undetermined"
    written = "中院庭长对那案子发函提了书面指导意见，入了卷。"
    assert assessor.assess(written).verdict == "lawful"


def test_more_words_for_leaks_benefits_and_pleas(assessor: Assessor) -> None:
    leak = "办我侄子案子的民警给我嫂子打电话：“证人笔录说是我侄子先动的手，你们心里有个数。”"
    assert "leak" in conduct_read(assessor, leak)
    for treated in ("原告的代理律师在我店里做东请承办法官吃饭，点了一桌菜。",
                    "我让店员给办我们店盗窃案的警官送了张景区年卡，他收下了。",
                    "民警每次来吃饭都说：“记在那个被打小伙子的账上。”"):
        assert "accept_benefit" in conduct_read(assessor, treated), treated
    for plea in ("县法院退休的老法官是申请执行人的舅舅，跑到执行局找执行法官，说“那笔工程款你们"
                 "抓紧给执行到位”。",
                 "公安局副局长把承办民警叫到办公室，说嫌疑人是他朋友家的孩子，认定的时候往对方"
                 "责任上多靠一靠。"):
        result = assessor.assess(plea)
        assert "plead" in (result.facts.conduct or []), plea
        assert result.verdict == "violation"


def test_a_draft_judgment_shown_to_a_cadre_first_interferes(assessor: Assessor) -> None:
    draft = "住建局局长对承办法官说：“那案子的判决书，发出去之前先送我那儿看一眼。”"
    result = assessor.assess(draft)
    assert "other" in (result.facts.conduct or [])
    assert result.verdict == "violation"
    assert first_rule(assessor, draft) == "R1-8-5"
    served = "法院依法把判决书送达给双方当事人。"
    assert "other" not in conduct_read(assessor, served)
