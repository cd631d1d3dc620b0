"""Readings of the seed the engine got wrong (session 44, sets CQ to CT read), each with its
control.

- R3 第八条: a former officer defending in his old unit's case for a client who is no kin
  (委托人 holds 托人, which is no tie); 在检察院时没经手过这个案子 does not take the case out of
  his old unit (第八条 bars 原任职单位办理案件, his own or not); 一起县检察院 names that unit.
- R1 第八条第（一）项: who showed the teller a message (家属给我看了…截图) is the source, not the
  actor; a cadre 退居二线 now holding a rank (调研员) leaves open whether he is a 领导干部, as
  does 王某是干什么的，也说不清; two accounts of whether a former officer retired or resigned
  leave open who he is (not a dispute over what to do with a record).
- R1 第三条: a 县委常委会 hearing a report and leaving the finding to the court.
- R3 第七条: a chance meeting 半个月了…用不着报 was not reported.
- R3 第六条: 没跟所里打招呼 is no approval; 在法院谈太正式 is a manner of talk, no procedure.
- R2 第九条第（五）项: a threat (你要是不采信，以后别怪我们不配合) is interference of its own.
- R2 第十一条: 登记本上就写‘来电咨询’，说了什么别写 is an instruction not to record truly; a
  plan (以后…就干脆不登记了) is no record left out yet.
- R2 第五条: 没带任何手续 leaves the procedure open; 寄来了协查手续 is it.
- R3 第五条第（一）项: 下周就批捕了，你们心里有个数 tips off a party.
- R2 第七条: a rumour's quoted 打击报复 beside a move explained (按轮岗方案、经党组会研究) is
  lawful; with no meeting and no reason it is not. 调走了记录本的复印件 moves papers, no one.
- R3 第五条第（三）项: 房租每月只交两百, a 讲课费 from an appraiser in the judge's case.
- Plea words: 给个缓刑吧, 留条路.

Then (sets CU to CX read, once CY to DB had been written and measured): asking how to file a
paper (该怎么交) passes none; a representative with no 律师证 leaves R3 第五条第（二）项 open; a
badge flashed at the bench, a judge chosen (换个稳当点的法官办), a draft asked for (判决书稿子先发给
我看), a case steered to a friendly judge interfere; 手续还在办 leaves the procedure open; the
teller's own case (审理我校…案, 办理我司…案) makes the teller a party; 多关注 pleads; one line in
the register (系统里只写了一句) is no full record, one line in a letter is nothing of the kind;
钱别放那儿了 before a 扣划 and the panel's 倾向 leak; a 政法委 that 牵头协调 is the actor.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import conduct_read, first_rule


def test_a_former_officer_in_his_old_units_case_for_no_kin(assessor: Assessor) -> None:
    took = "原在区法院刑庭的赵律师去年辞职，这个月接了一个区法院受理的盗窃案辩护，"
    assert assessor.assess(took + "委托人跟他不沾亲。").verdict == "violation"
    assert first_rule(assessor, took + "委托人跟他不沾亲。") == "R3-8"
    assert assessor.assess(took + "被告人是他亲弟弟。").verdict == "lawful"


def test_not_handling_it_himself_keeps_the_case_his_old_units(assessor: Assessor) -> None:
    defended = ("原在县检察院的周律师前年离职，这次为一起县检察院正在审查起诉的案子辩护，"
                "委托人与他没有亲属关系。")
    assert assessor.assess(defended).verdict == "violation"
    assert assessor.assess(defended + "周律师在检察院时没经手过这个案子。").verdict == "violation"


def test_who_showed_the_message_is_not_who_sent_it(assessor: Assessor) -> None:
    shown = ("被告家属给我看了市政协副主席发给执行局长的短信截图："
             "“老同学的案子，执行时麻烦关照一下。”")
    assert assessor.assess(shown).verdict == "violation"
    assert first_rule(assessor, shown) == "R1-8-1"
    assert assessor.assess("被告家属给我看了一张判决书的照片。").verdict != "violation"


def test_a_cadre_gone_to_the_second_line_leaves_his_standing_open(assessor: Assessor) -> None:
    retired = ("退居二线的老刘（原县水利局局长，现为四级调研员）找到承办法官，"
               "说“判的时候手下留情”。")
    result = assessor.assess(retired)
    assert result.verdict == "undetermined"
    assert unknown.IS_LEADER in result.missing_facts
    serving = "县水利局局长老刘找到承办法官，说“判的时候手下留情”。"
    assert assessor.assess(serving).verdict == "violation"


def test_what_someone_does_left_unknown_leaves_his_standing_open(assessor: Assessor) -> None:
    unknown_post = ("拆迁户的儿子说：街道办的王某给执行法官打了电话，让强制腾退“缓一缓”。"
                    "王某是干什么的，他儿子也说不清。")
    assert unknown.IS_LEADER in (assessor.assess(unknown_post).facts.open_facts or [])
    named = "街道办副主任王某给执行法官打电话，让强制腾退“缓一缓”。"
    assert assessor.assess(named).verdict == "violation"


def test_two_accounts_of_how_he_left_leave_open_who_he_is(assessor: Assessor) -> None:
    plea = "他找承办法官说情：“都是老同事，这个案子就从轻吧。”"
    told_two_ways = ("以前在区法院工作的老孙去年离开了，有人说他办了提前退休，"
                     "也有人说他是辞职下海。" + plea)
    result = assessor.assess(told_two_ways)
    assert result.verdict == "undetermined"
    assert unknown.WHO in result.missing_facts
    # two views of what to do with the record leave no fact of the plea open
    handled_two_ways = ("退休的老孙找承办法官说情：“都是老同事，这个案子就从轻吧。”"
                        "承办法官登记后，纪检组有人说要内部处理，也有人说应当上报。")
    assert assessor.assess(handled_two_ways).verdict == "violation"


def test_a_standing_committee_that_leaves_the_finding_to_the_court(assessor: Assessor) -> None:
    heard = "县委常委会听取县法院关于几起欠薪案件的汇报，书记"
    left = assessor.assess(heard + "最后说：“依法审理，怎么认定、怎么判，由法院依法决定。”")
    assert left.verdict == "lawful"
    assert left.provisions[0].article == 3
    decided = assessor.assess(heard + "当场要求：“这几个案子一律判原告胜诉。”")
    assert decided.verdict == "violation"


def test_a_chance_meeting_no_one_reported(assessor: Assessor) -> None:
    met = "承办法官周日在表哥的饭局上碰巧遇到了本案被告，寒暄了几句"
    unreported = assessor.assess(met + "。已经过去半个月了，他说“用不着报”。")
    assert unreported.verdict == "violation"
    assert first_rule(assessor, met + "。已经过去半个月了，他说“用不着报”。") == "R3-7"
    assert assessor.assess(met + "，周一上午就向院纪检组报告了。").verdict == "lawful"


def test_the_unit_not_asked_beforehand_is_no_approval(assessor: Assessor) -> None:
    unasked = assessor.assess("派出所民警没跟所里打招呼，约嫌疑人的哥哥在茶馆见面谈赔偿。")
    assert unasked.verdict == "violation"
    assert unasked.facts.approved is False
    approved = assessor.assess("派出所民警经所长批准，约嫌疑人的哥哥在茶馆见面谈赔偿。")
    assert approved.verdict == "lawful"


def test_too_formal_a_court_is_no_procedure(assessor: Assessor) -> None:
    too_formal = "审判长和原告律师约在城郊茶馆谈调解方案。审判长说在法院谈太正式，就没报批。"
    result = assessor.assess(too_formal)
    assert result.verdict == "violation"
    assert result.facts.via_procedure is not True
    approved = "审判长和原告律师约在城郊茶馆谈调解方案，事先报庭长批准了。"
    assert assessor.assess(approved).verdict == "lawful"


def test_a_threat_is_interference_of_its_own(assessor: Assessor) -> None:
    threat = "县检察院的一名检察官给承办法官打电话：“那份鉴定你要是不采信，以后别怪我们不配合。”"
    assert assessor.assess(threat).verdict == "violation"
    assert "other" in conduct_read(assessor, threat)
    asked = "县检察院的一名检察官给承办法官打电话，问那份鉴定什么时候质证。"
    assert "other" not in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict != "violation"


def test_told_to_write_a_cover_in_the_register(assessor: Assessor) -> None:
    cover = "庭长叮嘱书记员：“副市长秘书那个电话，登记本上就写‘来电咨询’，说了什么别写。”"
    assert assessor.assess(cover).verdict == "violation"
    assert first_rule(assessor, cover) == "R2-11"
    truly = "庭长叮嘱书记员：“副市长秘书那个电话，原话都记进登记本。”"
    assert assessor.assess(truly).verdict == "lawful"


def test_a_plan_not_to_record_leaves_nothing_out_yet(assessor: Assessor) -> None:
    planned = assessor.assess("庭里一位年轻法官说，以后同事来问案子，他就干脆不登记了。")
    assert planned.verdict != "violation"
    done = assessor.assess("庭里一位年轻法官上周被同事问了案子，他没有登记。")
    assert done.verdict == "violation"


def test_papers_not_brought_leave_the_procedure_open(assessor: Assessor) -> None:
    asked = "邻市公安局一名警察给我院执行法官打电话，要看被执行人的财产线索，"
    bare = assessor.assess(asked + "说是办案需要，没带任何手续。")
    assert bare.verdict == "undetermined"
    assert bare.facts.via_procedure is not True
    papers = assessor.assess(asked + "已经寄来了协查手续。")
    assert papers.verdict == "lawful"
    assert papers.facts.via_procedure is True


def test_a_tip_off_before_an_arrest(assessor: Assessor) -> None:
    tipped = "办案民警给嫌疑人的父亲打电话：“下周就批捕了，你们心里有个数。”"
    assert "leak" in conduct_read(assessor, tipped)
    assert assessor.assess(tipped).verdict == "violation"
    notice = "办案民警给嫌疑人的父亲打电话，通知他下周来所里领回扣押的手机。"
    assert "leak" not in conduct_read(assessor, notice)


def test_a_rumour_of_reprisal_beside_a_move_explained(assessor: Assessor) -> None:
    rumour = ("有人在单位群里转了一段话：“刘法官刚把院长过问案子的事记进系统，"
              "就被调到了派出法庭，打击报复！”")
    explained = assessor.assess(rumour + "其实这次是按全院干部交流轮岗方案，经院党组会研究、"
                                         "发了任免文件，十几个人一起调整。")
    assert explained.verdict == "lawful"
    unexplained = assessor.assess(rumour + "院里没开党组会，也没给任何理由。")
    assert unexplained.verdict == "violation"


def test_papers_taken_away_are_no_transfer(assessor: Assessor) -> None:
    papers = assessor.assess("检察官来村委会调走了记录本的复印件。")
    assert papers.facts.retaliation is not True
    for moved in ("记录过院长打招呼的检察官被调走了，院里没给任何理由。",
                  "登记了副庭长过问的书记员两个月后被调去档案室，院里没给任何理由。"):
        assert assessor.assess(moved).facts.retaliation is True


def test_a_cheap_rent_and_a_lecture_fee_are_benefits(assessor: Assessor) -> None:
    rent = "承办检察官住在被害人名下的房子里，房租每月只交两百。"
    assert assessor.assess(rent).verdict == "violation"
    assert first_rule(assessor, rent) == "R3-5-3"
    fee = "一家鉴定机构请承办法官去讲课，给了三千元讲课费，这家机构正在做他手上案子的鉴定。"
    assert "accept_benefit" in conduct_read(assessor, fee)
    market = "承办检察官自己在小区租了一套房子，每月按市价交房租两千元。"
    assert assessor.assess(market).verdict != "violation"


def test_plea_words_of_mercy(assessor: Assessor) -> None:
    for plea in ("副院长把承办法官叫进办公室：“这个老板我认识，给个缓刑吧。”",
                 "同事给办案民警打电话：“取样那块别太较真，给他留条路。”"):
        assert "plead" in conduct_read(assessor, plea)
        assert assessor.assess(plea).verdict == "violation"


# Sets CU to CX, read once CY to DB had been written and measured.

def test_asking_how_to_file_a_paper_passes_none(assessor: Assessor) -> None:
    asked = ("派出所内勤问办案交警：“家属写的情况说明该怎么交？”"
             "交警让家属到大队窗口提交，并登记了这次询问。")
    assert "pass_materials" not in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict == "lawful"
    handed = "派出所内勤把家属写的情况说明直接塞给了办案交警。"
    assert assessor.assess(handed).verdict == "violation"


def test_a_representative_with_no_licence_leaves_the_advice_open(assessor: Assessor) -> None:
    advised = "庭前会议后，法官对原告说：“你们现在这个代理人恐怕不符合代理条件，建议考虑换人。”"
    unlicensed = assessor.assess(advised + "那位代理人没有律师证。")
    assert unlicensed.verdict == "undetermined"
    assert unknown.QUALIFIED_LAWYER in unlicensed.missing_facts
    licensed = "庭前会议后，法官对原告说：“建议你们换个律师。”原告的代理律师执业十年，一直好好的。"
    assert assessor.assess(licensed).verdict == "violation"


def test_a_badge_flashed_at_the_bench(assessor: Assessor) -> None:
    flashed = "开庭前，当事人的孙子走到审判台前，把警官证往法官面前一亮：“我是分局的，这是我奶奶。”"
    assert "other" in conduct_read(assessor, flashed)
    assert assessor.assess(flashed).verdict == "violation"
    sat = "开庭时，当事人的孙子坐在旁听席，全程没说话。"
    assert "other" not in conduct_read(assessor, sat)


def test_an_approval_still_being_sought_leaves_the_procedure_open(assessor: Assessor) -> None:
    pending = "街道副书记请庭长周六到街道调解室跟两家人一起坐坐，庭长说院里的手续还在办。"
    assert unknown.PROCEDURE in (assessor.assess(pending).facts.open_facts or [])


def test_the_tellers_own_case_makes_the_teller_a_party(assessor: Assessor) -> None:
    card = "审理我校溺水案的承办法官收下了学校办公室主任送的购物卡。"
    assert assessor.assess(card).verdict == "violation"
    assert first_rule(assessor, card) == "R3-5-3"
    van = "派出所办理我司仓库被盗案的民警，周六借走公司的面包车搬家，没付钱。"
    assert assessor.assess(van).verdict == "violation"
    assert first_rule(assessor, van) == "R3-5-4"
    unknown_giver = assessor.assess("一位法官收下了网点经理送的一张购物卡。")
    assert unknown.COUNTERPART in unknown_giver.missing_facts


def test_choosing_the_judge_and_reading_the_draft_interfere(assessor: Assessor) -> None:
    for interfering in ("县委常委给法院院长打电话：“那个案子换个稳当点的法官办吧。”",
                        "住建局局长说：“我让法院把判决书稿子先发给我看一眼。”",
                        "立案庭的小马说，他把那起案子分给了跟学校熟的老法官。"):
        assert "other" in conduct_read(assessor, interfering)
        assert assessor.assess(interfering).verdict == "violation"


def test_asking_an_officer_to_pay_attention_pleads(assessor: Assessor) -> None:
    attention = "教育局局长给检察官发微信：“我们学校老师那个案子在您那儿，麻烦您多关注。”"
    assert "plead" in conduct_read(assessor, attention)
    assert assessor.assess(attention).verdict == "violation"


def test_one_line_in_the_register_is_not_a_full_record(assessor: Assessor) -> None:
    one_line = "执行法官在系统里只写了一句“某局领导来电询问案件情况”。"
    assert assessor.assess(one_line).facts.recorded is False
    letter = assessor.assess("县委办公室发函转来信访材料，函里只写了一句“请依法处理”。")
    assert letter.facts.recorded is not False
    assert letter.verdict == "lawful"


def test_a_warning_before_enforcement_and_the_panels_leaning_leak(assessor: Assessor) -> None:
    for leaked in ("执行法官用私人微信提醒被执行人：“下周要扣划你们那个一般户，钱别放那儿了。”",
                   "承办法官私下给原告律师打电话：“合议庭倾向让你们担三成，提前做好准备。”"):
        assert "leak" in conduct_read(assessor, leaked)
        assert assessor.assess(leaked).verdict == "violation"


def test_a_leading_organ_that_convenes_the_organs(assessor: Assessor) -> None:
    convened = ("法院要对违建强制拆除，区委政法委牵头协调：街道派人、派出所维持秩序，"
                "拆不拆全按法院裁定来。")
    result = assessor.assess(convened)
    assert result.facts.leading_organ is True
    assert result.verdict == "lawful"
