"""Readings of the seed the engine got wrong (session 43, sets CM to CP read), each with its
control.

- R1 第六条 / R2 第七条: a recorder moved, and the teller asking 是正常轮岗，还是被报复？ with
  nothing said of the move's ground, leaves open whether it had a legal cause and procedure;
  words that deny both (没有考核结论，也没上党组会, 调令没经过院党组研究) settle it, and so do
  words that state both (按干部交流轮岗规定，经院党组研究), which also make the old plea
  (记过县领导打招呼的孙法官) what the record held, not conduct; a move the officer applied for
  (报名参加市中院遴选) is no retaliation; a recorder who 担心以后被穿小鞋 fears, nothing done.
- R3 第五条第（三）项: a red envelope sent, 法官领没领，我们看不到, leaves open whether it was
  taken; gifts 原样拎了回去 were turned down; 让送一份过去 of a 裁定书 sends a paper, no gift.
- R3 第五条第（一）项: a hearing moved and a panel changed are what the parties are told anyway;
  asking 什么时候开庭 probes nothing.
- R1 第八条第（五）项, R2 第九条第（五）项, R3 第五条第（六）项: a lawyer asked to draft the
  judgment's 本院认为, the draft judgment sent to a cadre before it is pronounced, 判之前想想你
  孩子上学的路, 先别收那批起诉状, 换个人来审, a case 手动派给 a chosen judge.
- R3 第七条: asked whether he reported, then 一个月了他也没报: not reported.
- R3 第五条第（四）项: a judge who 承办我行执行案 borrowing the bank's van.
- R2 第九条第（一）项: a retiree asked to plead who answers “这种话我不能去说” refused.
- R1 第八条第（一）项: 老钱到底在区委干什么，我也说不清 leaves open whether he is a 领导干部.
- R1 第三条: 是法院和检察院的事, 会议不作结论 and 是法院的事，政法委不过问 leave the decision to
  the organs.
- R2 第五条: a call 法院委托他们做的调查评估 is the procedure.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status

MOVED = "去年把副县长来电如实登记的何法官，这个月被调到了信访办。"
CAUSE_OPEN = "是否因法定事由、经法定程序"


def test_a_move_asked_about_leaves_its_cause_open(assessor: Assessor) -> None:
    asked = assessor.assess(MOVED + "这是正常轮岗，还是被报复？")
    assert asked.verdict == "undetermined"
    assert CAUSE_OPEN in asked.missing_facts
    assert first_rule(assessor, MOVED + "这是正常轮岗，还是被报复？") == "R1-6"
    denied = ("去年把副县长来电如实登记的何法官，"
              "这个月被调到了信访办，没有考核结论，也没上党组会。"
              "这是不是打击报复？")
    assert assessor.assess(denied).verdict == "violation"
    stated = ("去年把副县长来电如实登记的何法官，"
              "这个月按干部交流轮岗规定，经院党组研究后调到了民庭。"
              "这是不是打击报复？")
    assert assessor.assess(stated).verdict == "lawful"


def test_a_reason_given_beside_a_procedure_denied(assessor: Assessor) -> None:
    said = MOVED + "院里说是工作需要。"
    assert CAUSE_OPEN in assessor.assess(said).missing_facts
    denied = said + "调令没经过院党组研究。"
    assert assessor.assess(denied).verdict == "violation"
    assert CAUSE_OPEN not in assessor.assess(denied).missing_facts


def test_a_plea_named_by_whom_it_was_recorded_is_background(assessor: Assessor) -> None:
    rotated = ("去年如实登记过县领导打招呼的孙法官，今年被调到人民法庭，"
               "是院党组按干部交流轮岗规定集体研究决定的，同批调了六个人。")
    assert assessor.assess(rotated).verdict == "lawful"
    assert "plead" not in conduct_read(assessor, rotated)
    selected = "去年记过庭长过问的小周调走了，是他报名参加市中院遴选，考试都过了，按程序调的。"
    assert assessor.assess(selected).verdict == "lawful"
    # (session 52: the move is read with its ground and procedure, 第七条 lawful, not unread)
    assert assessor.assess(selected).facts.lawful_ground is True
    assert "R2-7" in rules_with_status(assessor.assess(selected), "lawful")


def test_a_feared_reprisal_is_none_done(assessor: Assessor) -> None:
    feared = "书记员小吴如实登记了副县长的来电，他现在担心以后被穿小鞋。"
    assert assessor.assess(feared).facts.retaliation is not True
    assert assessor.assess(feared).verdict != "violation"
    done = "书记员小吴如实登记了副县长的来电，第二个月就被庭长穿小鞋，年终考核定为不称职。"
    assert assessor.assess(done).facts.retaliation is True


def test_whether_a_red_envelope_was_taken_is_open(assessor: Assessor) -> None:
    sent = "春节前原告的律师给承办法官发了个两千元的微信红包，"
    unknown = assessor.assess(sent + "法官领没领，我们看不到。")
    assert unknown.verdict == "undetermined"
    assert "是否接受请客送礼或者其他利益" in unknown.missing_facts
    assert assessor.assess(sent + "法官领了。").verdict == "violation"


def test_gifts_carried_back_and_a_paper_sent(assessor: Assessor) -> None:
    returned = "被告的家属提着两箱水果到法官办公室，法官没收，让他们原样拎了回去。"
    assert assessor.assess(returned).verdict == "lawful"
    assert "accept_benefit" not in conduct_read(assessor, returned)
    paper = "副县长的秘书打电话到法院，说领导想看看那个案子的裁定书，让送一份过去。"
    assert "accept_benefit" not in conduct_read(assessor, paper)
    gift = "原告的父亲给承办法官家里送了两盒茶叶和一箱酒。"
    assert "accept_benefit" in conduct_read(assessor, gift)
    assert assessor.assess(gift).verdict == "violation"


def test_what_the_parties_are_told_anyway(assessor: Assessor) -> None:
    moved = "书记员打电话告诉被告的律师：开庭改到下周三，合议庭换了一个人。"
    assert "leak" not in conduct_read(assessor, moved)
    assert assessor.assess(moved).verdict != "violation"
    leaked = "书记员打电话告诉被告的律师：合议庭评议时两位法官倾向判赔三十万。"
    assert "leak" in conduct_read(assessor, leaked)
    assert assessor.assess(leaked).verdict == "violation"
    when = "县人大一位副主任打电话问承办法官：“那个土地纠纷案什么时候开庭？”"
    assert "probe" not in conduct_read(assessor, when)
    how = "县人大一位副主任打电话问承办法官：“那个土地纠纷案打算怎么判？”"
    assert "probe" in conduct_read(assessor, how)


def test_other_ways_of_bending_a_case(assessor: Assessor) -> None:
    for bent in ("县委一位常委要求法院在宣判前把判决书稿子送一份过去给他看看。",
                 "同院法警队的老郑在走廊对承办法官说：“判之前想想你孩子上学的路。”",
                 "县委宣传部一位副部长让立案庭先别收那批业主的起诉状，等县里协调完再说。",
                 "市委一位副书记在会上对法院院长说，那个案子的审判长太死板，换个人来审。",
                 "立案庭的小刘在系统里手动把那件借款案派给了跟原告老板相熟的法官。"):
        assert "other" in conduct_read(assessor, bent), bent
        assert assessor.assess(bent).verdict == "violation", bent
    drafted = "主审法官让原告的代理律师把判决书“本院认为”部分先起草好，发到他的私人邮箱。"
    assert "other" in conduct_read(assessor, drafted)
    assert first_rule(assessor, drafted) == "R3-5-6"
    own = "主审法官让法官助理把判决书“本院认为”部分先起草好，周一交给他。"
    assert "other" not in conduct_read(assessor, own)


def test_asked_whether_he_reported_then_told_he_did_not(assessor: Assessor) -> None:
    met = "上个月在同学婚宴上，法官和原告的代理律师碰巧同桌，聊了几句案子。"
    silent = met + "我问法官有没有跟院里报备，他说没必要。到现在一个月了他也没报。"
    assert assessor.assess(silent).facts.reported is False
    assert assessor.assess(silent).verdict == "violation"
    asked = met + "我问法官有没有跟院里报备，他没回答。"
    assert assessor.assess(asked).facts.reported is not False


def test_the_bank_that_is_a_party_lends_its_van(assessor: Assessor) -> None:
    lent = "承办我行执行案的法官上个月搬家，借了支行那辆面包车，用了三天。"
    assert "borrow" in conduct_read(assessor, lent)
    assert assessor.assess(lent).facts.counterpart == "当事人"
    assert assessor.assess(lent).verdict == "violation"
    assert first_rule(assessor, lent) == "R3-5-4"


def test_a_retiree_who_will_not_plead(assessor: Assessor) -> None:
    asked = "法院退休的老法官老周被原告家属托去跟民一庭的老同事说情，"
    refused = asked + "老周说：“这种话我不能去说。”"
    assert "plead" in (assessor.assess(refused).facts.declined or [])
    assert "plead" not in conduct_read(assessor, refused)
    went = asked + "老周第二天就去说了。"
    assert "plead" in conduct_read(assessor, went)


def test_what_he_does_in_the_committee_is_unknown(assessor: Assessor) -> None:
    unknown = "区委的老钱给承办法官打电话，替原告说情。老钱到底在区委干什么，我也说不清。"
    assert assessor.assess(unknown).verdict == "undetermined"
    assert "是否为领导干部" in assessor.assess(unknown).missing_facts
    known = "区委的钱副书记给承办法官打电话，替原告说情。"
    assert assessor.assess(known).verdict == "violation"


def test_a_leading_organ_leaving_the_decision_to_the_organs(assessor: Assessor) -> None:
    for left in ("政法委副书记听取法院关于那起伤害案的汇报，只问了开庭安排，最后说："
                 "“证据怎么认、罪名怎么定，是法院和检察院的事。”",
                 "政法委召集公检法开会把那起集资案过了一遍，纪要写明证据审查和案件定性由办案机关"
                 "依法认定，会议不作结论。",
                 "政法委召集公检法开会讨论那起集资案，会上说“判多少是法院的事，政法委不过问”。"):
        assert assessor.assess(left).verdict == "lawful", left
        assert first_rule(assessor, left) == "R1-3", left
    decided = "政法委书记召集公检法开会讨论那起集资案，要求法院对被告人判处十年以上有期徒刑。"
    assert assessor.assess(decided).verdict == "violation"


def test_a_call_made_on_the_courts_commission(assessor: Assessor) -> None:
    commissioned = ("司法局社区矫正科的工作人员打电话给刑庭法官核对被告人的居住地址，"
                    "说是法院委托他们做的调查评估。")
    assert assessor.assess(commissioned).verdict == "lawful"
    assert first_rule(assessor, commissioned) == "R2-5"


def test_told_not_to_record(assessor: Assessor) -> None:
    told = ("庭长对承办法官说：“副区长昨天那个电话，你就别往登记表上写了，写上去大家难做。”"
            "承办法官照办了。")
    assert assessor.assess(told).facts.recorded is not True
    assert assessor.assess(told).verdict == "violation"
    asked = "庭长对承办法官说：“副区长昨天那个电话，要不要往登记表上写，你自己定。”"
    assert assessor.assess(asked).verdict != "violation"


def test_more_ways_of_bending_a_case(assessor: Assessor) -> None:
    for bent in ("副县长在调度会上要求法院对那家化工厂的执行案“暂停一切措施”。",
                 "分管执行的副院长对执行法官说：“那几套查封的房子先别挂网拍卖，等等再说。”"):
        assert "other" in conduct_read(assessor, bent), bent
    paid = ("刑侦大队两名侦查员去外地“考察”五天，"
            "全程食宿机票都是给他们办的案子做鉴定的鉴定所出的。")
    assert "accept_benefit" in conduct_read(assessor, paid)
    unpaid = "刑侦大队两名侦查员去外地考察五天，全程食宿机票都是他们自己出的。"
    assert "accept_benefit" not in conduct_read(assessor, unpaid)
    named = "执行法官对申请人说：“你们现在这个律师不懂执行，换老陈吧，他很在行。”"
    assert "recommend_lawyer" in conduct_read(assessor, named)
    assert assessor.assess(named).verdict == "violation"


def test_a_complaint_threatened_is_not_made(assessor: Assessor) -> None:
    acting = ("前年辞职的刑庭法官老陶，以监护人身份在原来的法院代理侄女的案子，"
              "法院判决指定他为监护人。")
    threatened = assessor.assess(acting + "对方律师当庭说他违规，还说要去纪委反映。")
    assert threatened.facts.complaint is not True
    assert threatened.verdict == "lawful"
    made = assessor.assess(acting + "对方律师已经向纪委实名反映，说他违规代理。")
    assert made.facts.complaint is True
    in_his_words = assessor.assess("我想实名反映：民一庭张法官收了原告的红包。")
    assert in_his_words.facts.complaint is True


def test_what_something_looks_like_is_not_what_was_done(assessor: Assessor) -> None:
    likeness = "审判长和承办法官关起门商量了一下午那个案子，旁听的律师说看着像“内部打招呼”。"
    assert "plead" not in conduct_read(assessor, likeness)
    assert assessor.assess(likeness).verdict != "violation"
    done = "庭长给承办法官打招呼，让他对原告多照顾。"
    assert "plead" in conduct_read(assessor, done)
