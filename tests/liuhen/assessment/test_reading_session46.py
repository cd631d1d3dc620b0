"""Readings of the seed the engine got wrong (session 46, sets DK to DN read once DO to DR had
been written and measured), each with its control.

- R1 第三条: 该怎么判就怎么判 leaves the outcome to the court (no 具体决定), an ask that the
  law take its course, never a question about the outcome (你们打算怎么判 still is one).
- R3 第八条: kin the regulation leaves unnamed (表哥, 舅舅) leave 「监护人或者近亲属」 open; a
  brother, or a nephew's 监护人, is within it.
- R2 第九条第（一）项: 别退补了, 证据差不多就行 ask for an outcome.
- R2 第九条: a retired judge in the public gallery who speaks to no one does none of its acts; one
  who then asks the judge to look after a party does.
- R2 第七条: a sanction with its ground and procedure stated, called 报复 by the one sanctioned,
  leaves the 法定事由 open; a move 没有任何理由 is retaliation; a post won by 本人报名参加遴选
  and 公示 has ground and procedure.
- R1 第八条第（三）项: a secretary relaying his cadre's own invitation (市长请…一起吃个饭) acts at
  the cadre's 授意.
- Parties: 冻结你们的账户 and 你们的上诉 address one; 教我们怎么改起诉状 tells of one (and is
  coaching, R3 第五条第（六）项); 我们酒店被盗的案子 is the teller's own case; 审我们学院…纠纷的
  审判长 is the officer of the teller's case.
- R2 第十一条 and R1 第十条: 不用进系统 forbids the record; 没往本子上记 is none made.
- R3 第五条第（三）项: a gift sent by post (寄了两盒月饼) is one; sent back (原样寄回) it is
  declined.
- 庭前法官 is the judge before the hearing, not a former one.
- R3 第五条第（五）项: 跟评估师商量好 is collusion with the appraiser; an appraiser chosen by lot
  is not.

Then (sets DO to DR read, once DS to DV had been written and measured): the side an outcome is
told to (你们药店赢, 主张你们赔六成) and 承办我们案子的 make a party, 我们院 does not; 案子还是法院
自己审 leaves the case to the court and 没点任何案子的名 names none (R1 第三条); 差不多就行了, 别往
死里查, 换个老成点的来办, 心里要有数, 别让企业太吃亏 plead, 照顾老人 does not; a lawyer's card
handed over with praise recommends him (R3 第五条第（二）项); 按规定不能给 refuses by the rule, it
is no procedure the asker followed.

Last (sets DS to DV read, once DW to DZ had been written and measured): 问他谁让来的 asks, it
tells of no 授意; an approval 好像…第二天才补签的 leaves when it was given open; a speech (讲：
“…法院要依法及时审”) or a form to fill in (填报…立案数) asks only the law or figures (R1 第三条),
as does 证据怎么采、事实怎么认是你们的事; 我认识…律师…帮你联系 offers a lawyer; 走了个对面 is
a chance meeting, and 被安排…坐一桌 one.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment import missing_facts as unknown
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status


def test_as_the_law_has_it_leaves_the_outcome_to_the_court(assessor: Assessor) -> None:
    urged = "县委书记在全县政法工作会上说：“那几起拖欠工资的案子，法院该怎么判就怎么判。”"
    result = assessor.assess(urged)
    assert "probe" not in (result.facts.conduct or [])
    assert result.facts.urged_lawful_handling is True
    assert result.verdict == "lawful"
    asked = "县委书记给法院院长打电话：“那起拖欠工资的案子，你们打算怎么判？”"
    assert "probe" in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict != "lawful"


def test_kin_the_regulation_leaves_unnamed_leave_the_exception_open(assessor: Assessor) -> None:
    left = "原县法院法官老郑辞职当了律师，这回在县法院代理他"
    cousin = assessor.assess(left + "表哥的离婚案。")
    assert cousin.facts.guardian_or_relative is None
    assert cousin.verdict == "undetermined"
    assert unknown.GUARDIAN in cousin.missing_facts
    assert assessor.assess(left + "亲哥哥的离婚案。").verdict == "lawful"
    guardian = assessor.assess(left + "外甥的继承案，他是法院指定的外甥的监护人。")
    assert guardian.verdict == "lawful"
    assert first_rule(assessor, left + "外甥的继承案，他是法院指定的外甥的监护人。") == "R3-8"


def test_asking_not_to_send_the_case_back_is_a_plea(assessor: Assessor) -> None:
    asked = "公安分局一位副局长给承办检察官打电话：“这个案子别退补了，证据差不多就行。”"
    assert "plead" in conduct_read(assessor, asked)
    assert assessor.assess(asked).verdict == "violation"
    assert "plead" not in conduct_read(assessor, "承办检察官把案子退回补充侦查，写了退补提纲。")


def test_a_seat_in_the_public_gallery_is_no_act_of_article_9(assessor: Assessor) -> None:
    sat = "退休的老院长来旁听了一起合同纠纷的庭审，坐在后排，散庭就走了，没找任何人。"
    result = assessor.assess(sat)
    assert result.verdict == "lawful"
    assert "R2-9-5" in rules_with_status(result, "lawful")
    asked = "退休的老院长旁听完庭审，到法官办公室说：“原告是我战友，你多照顾。”"
    assert assessor.assess(asked).verdict == "violation"
    assert first_rule(assessor, asked) == "R2-9-1"


def test_a_sanction_called_retaliation_beside_its_stated_ground(assessor: Assessor) -> None:
    claimed = ("承办法官小林登记过庭长过问案件的事，后来被以“结案率低”为由给了警告处分。"
               "法院说程序齐全，小林说是报复。")
    result = assessor.assess(claimed)
    assert result.verdict == "undetermined"
    assert unknown.LAWFUL_CAUSE in result.missing_facts
    assert "R2-7" in rules_with_status(result, "undetermined")
    bare = "书记员小林登记过庭长过问案件的事，第二天就被调离审判庭，没有任何理由。"
    assert assessor.assess(bare).verdict == "violation"
    assert "R2-7" in rules_with_status(assessor.assess(bare), "violation")


def test_a_post_won_by_selection_is_no_retaliation(assessor: Assessor) -> None:
    recorded = "法官小郑如实登记过副院长过问案件的情况，今年"
    said = "调去了中院。同事们说“记了领导就被调走，明摆着报复”。"
    chosen = assessor.assess(recorded + "他本人报名参加遴选，经考试、考察和公示，" + said)
    assert chosen.verdict == "lawful"
    assert "R2-7" not in rules_with_status(chosen, "violation")
    moved = assessor.assess(recorded + "被" + said)
    assert moved.verdict == "violation"


def test_a_secretary_relaying_his_cadres_own_invitation(assessor: Assessor) -> None:
    relayed = ("副市长的秘书给企业老板发微信：“周六晚上市长请法院执行局的刘局长一起吃个饭，"
               "您也来，当面说说执行的事。”")
    result = assessor.assess(relayed)
    assert result.facts.instigated is True
    assert result.verdict == "violation"
    assert first_rule(assessor, relayed) == "R1-8-3"


def test_the_party_addressed_or_telling(assessor: Assessor) -> None:
    for told in ("执行局一位干警晚上给我发微信：“下周三冻结你们的账户，钱早点挪走。”",
                 "法官私下给老刘发消息：“你们的上诉合议庭已经评议过了，维持原判。”"):
        result = assessor.assess(told)
        assert result.facts.counterpart == "当事人"
        assert "leak" in (result.facts.conduct or [])
        assert result.verdict == "violation"
    coached = "主审法官晚上打电话教我们怎么改起诉状：“把第三项请求删了，我好判。”"
    assert "coach" in conduct_read(assessor, coached)
    assert assessor.assess(coached).facts.counterpart == "当事人"
    assert first_rule(assessor, coached) == "R3-5-6"


def test_the_tellers_own_case_makes_a_party(assessor: Assessor) -> None:
    case = "我们酒店被盗的案子破了，老板给办案民警送了两箱酒，"
    assert assessor.assess(case + "民警收下了。").verdict == "violation"
    assert first_rule(assessor, case + "民警收下了。") == "R3-5-3"
    assert assessor.assess(case + "民警没收，原样退回了。").verdict == "lawful"
    borrowed = "审我们学院招生纠纷的审判长向学院借了一辆车回老家。"
    assert assessor.assess(borrowed).facts.counterpart == "当事人"
    assert first_rule(assessor, borrowed) == "R3-5-4"


def test_the_record_forbidden_or_not_made(assessor: Assessor) -> None:
    forbidden = assessor.assess("副庭长交代承办人：“院长问案子的电话不用进系统。”承办人照办了。")
    assert forbidden.facts.told_not_to_record is True
    assert "R2-11" in rules_with_status(forbidden, "violation")
    unmade = assessor.assess(
        "老同学在检察院，吃饭时说：“副县长打电话让关照你们公司，我没往本子上记。”")
    assert unmade.facts.recorded is False
    assert unmade.verdict == "violation"


def test_a_gift_by_post_and_one_sent_back(assessor: Assessor) -> None:
    sent = "律师给执行法官寄了两盒月饼，"
    kept = sent + "法官收下了。律师代理的案子正在他手上。"
    assert "accept_benefit" in conduct_read(assessor, kept)
    assert assessor.assess(kept).verdict == "violation"
    back = assessor.assess(sent + "法官原样寄回，还交了院纪检组登记。")
    assert "accept_benefit" in (back.facts.declined or [])
    assert back.verdict == "lawful"


def test_the_judge_before_the_hearing_is_no_former_judge(assessor: Assessor) -> None:
    result = assessor.assess("庭前法官把诉讼风险提示书交给原告，告诉他可以申请法律援助。")
    assert result.facts.former_officer is not True
    assert result.facts.actor_role == "司法人员"
    former = assessor.assess("前法官老马辞职后当了律师，代理原单位正在审的一件借贷案。")
    assert former.facts.former_officer is True


def test_an_appraisal_agreed_with_the_appraiser(assessor: Assessor) -> None:
    agreed = "执行法官跟评估师商量好，把厂房写成危房，评估价只有市价两成。"
    assert "collusion" in conduct_read(assessor, agreed)
    assert first_rule(assessor, agreed) == "R3-5-5"
    assert assessor.assess(agreed).verdict == "violation"
    by_lot = "执行法官按摇号结果委托了评估公司，评估价按市场行情出具。"
    assert assessor.assess(by_lot).verdict != "violation"


# Then (sets DO to DR read, once DS to DV had been written and measured).


def test_the_side_the_outcome_is_told_to_is_a_party(assessor: Assessor) -> None:
    for told in ("开完庭第二天，承办法官给老周打电话：“合议庭已经评过了，你们药店赢，先别往外说。”",
                 "深夜，主审法官给我打电话：“合议庭两位主张你们赔六成，我主张四成。”"):
        result = assessor.assess(told)
        assert result.facts.counterpart == "当事人"
        assert result.verdict == "violation"
        assert first_rule(assessor, told) == "R3-5-1"
    ours = "承办我们案子的检察官收了我们送的两箱橙子。"
    assert assessor.assess(ours).facts.counterpart == "当事人"
    assert first_rule(assessor, ours) == "R3-5-3"
    assert assessor.assess("承办法官说我们院的案子太多，审不过来。").facts.counterpart is None


def test_the_case_left_to_the_court_and_no_case_named(assessor: Assessor) -> None:
    relief = ("县委政法委牵头开协调会，把法院、民政、保险公司叫到一起，商量垫付医疗费和救助金，"
              "案子还是法院自己审。")
    assert assessor.assess(relief).verdict == "lawful"
    assert first_rule(assessor, relief) == "R1-3"
    how_much = "县委政法委牵头开协调会，把法院、民政叫到一起，讨论那起案子该判多少。"
    assert assessor.assess(how_much).verdict != "lawful"
    unnamed = "县委书记在全县大会上说：“法院要依法保护好农民工的工资。”没点任何案子的名。"
    assert assessor.assess(unnamed).facts.specific_case is False
    assert assessor.assess(unnamed).verdict == "lawful"


def test_more_plea_words_of_session_46(assessor: Assessor) -> None:
    for plea in ("分局副局长到刑侦大队找办案民警：“这个案子差不多就行了，别往死里查。”",
                 "县委书记对院长说：“那个案子的法官太年轻，换个老成点的来办。”",
                 "副局长给民庭法官打电话：“那个案子你们心里要有数，别让企业太吃亏。”"):
        assert "plead" in conduct_read(assessor, plea)
        assert assessor.assess(plea).verdict == "violation"
    cared = "两名侦查员到公司了解保姆平时怎么照顾老人，拍了排班表。"
    assert "plead" not in conduct_read(assessor, cared)
    assert assessor.assess(cared).verdict != "violation"


def test_a_lawyers_card_handed_over_recommends_him(assessor: Assessor) -> None:
    card = "法官在大厅把一张律师名片递给原告，说这个律师打工伤官司有经验。"
    assert "recommend_lawyer" in conduct_read(assessor, card)
    assert first_rule(assessor, card) == "R3-5-2"
    assert assessor.assess(card).verdict == "violation"


def test_the_rule_named_to_refuse_is_no_procedure_followed(assessor: Assessor) -> None:
    refused = "局长给交警大队办案民警打电话要车速鉴定，民警说按规定不能给。"
    result = assessor.assess(refused)
    assert result.facts.via_procedure is not True
    assert result.verdict != "lawful"
    by_rule = assessor.assess("局长按规定发函，请交警大队书面说明车速鉴定的进度。")
    assert by_rule.facts.via_procedure is True


# Last (sets DS to DV read, once DW to DZ had been written and measured).


def test_who_sent_him_asked_is_no_instigation(assessor: Assessor) -> None:
    asked = "县委办的司机跑到法院执行局替企业求情，问他谁让来的，他说是自己看不下去。"
    result = assessor.assess(asked)
    assert result.facts.instigated is not True
    assert result.verdict == "undetermined"
    assert unknown.INSTIGATED in result.missing_facts
    sent = "县委办的司机跑到法院执行局替企业求情，说是书记让他来的。"
    assert assessor.assess(sent).facts.instigated is True
    assert assessor.assess(sent).verdict == "violation"


def test_an_approval_signed_later_told_as_a_guess(assessor: Assessor) -> None:
    guessed = assessor.assess("法官约当事人在茶楼见面，审批单好像是第二天才补签的。")
    assert guessed.facts.approved is None
    assert guessed.verdict == "undetermined"
    after = assessor.assess("法官约当事人在茶楼见面，审批单是第二天才补签的。")
    assert after.facts.approved is False


def test_a_speech_or_a_form_asking_only_the_law_or_figures(assessor: Assessor) -> None:
    speech = "县委书记在全委会上讲：“拖欠工资的案子多，法院要依法及时审。”"
    assert assessor.assess(speech).facts.urged_lawful_handling is True
    assert assessor.assess(speech).verdict == "lawful"
    form = "县委政法委按季度要公安局填报盗窃案的立案数、破案数和在办案件进展。"
    assert assessor.assess(form).facts.reports_only is True
    assert assessor.assess(form).verdict == "lawful"
    assert first_rule(assessor, form) == "R1-3"
    asked = "县委书记给法院院长打电话：“那起拖欠工资的案子，判的时候多考虑企业的困难。”"
    assert assessor.assess(asked).verdict == "violation"
    left = "政法委书记听完汇报说：“证据怎么采、事实怎么认是你们的事。”"
    assert assessor.assess(left).verdict == "lawful"


def test_a_lawyer_offered_and_a_face_to_face_by_chance(assessor: Assessor) -> None:
    offered = ("民警在讯问间隙跟嫌疑人媳妇说：“我认识县城的黄律师，专打这类案子，"
               "要不要我帮你联系？”")
    assert "recommend_lawyer" in conduct_read(assessor, offered)
    assert first_rule(assessor, offered) == "R3-5-2"
    met = "执行法官在菜市场跟被执行人走了个对面，被拉着说了几句，"
    reported = assessor.assess(met + "当天下午就写了情况说明交到院纪检组。")
    assert reported.facts.planned is False
    assert reported.verdict == "lawful"
    assert assessor.assess(met + "一直没有向院里报告。").verdict == "violation"
