"""Readings of the seed the engine got wrong (session 51, sets FC to FF read once FK to FN had
been commissioned and FG to FJ measured), each with its control.

- R3 第六条: 报批太麻烦 and “这也要报批？” are the officer skipping the approval a contact away
  from the workplace needs; 听取意见室 is a workplace.
- R3 第七条: “有什么好报告的” says the chance contact went unreported.
- R1 第六条 / R2 第七条: a recorder told 手上的案子全交出去, 去值夜班, 奖金也别想了 suffers a
  personnel action; a move 自己打的申请 or 三年一轮岗, 党组研究, 自己也报了名 has a lawful
  ground and procedure.
- R3 第五条第（三）项: 安装费没收 is a job done free, a benefit, not a gift refused; “卡收到了”
  takes the card whatever else was refused.
- The teller is a party: 我的案子还在她手上, 他手上就是我告…的案子.
- Refusals: 我不掺和 (a cadre asked to put in a word), 一概推掉 (a retired judge asked to),
  不肯替我转材料 (a bailiff asked to pass papers).
- No case: 没提案子 (not beside a party or lawyer met), 官司我一个字不问, 不是任何案子的
  当事人, 跟哪个案子都不沾边, 手上没有我们家的任何案子.
- R3 第五条第（二）项: 这案子是…法官介绍给他的 refers a case to a lawyer.
- R3 第五条第（六）项: a 夜钓 group with the other side's lawyer is leisure with him.
- R3 第八条: a former judge's case 就在她原来那个庭审 is her former unit's.

Round 2, FG-FJ read once FK-FN had been measured: 有没有在三天内报给纪检，不清楚 leaves the report
open; a retiree asked 帮着问问 who says 不能去打听 probes nothing; 机器先别扣 pleads against
enforcement (考核先别扣分 does not); a cadre asked to 说两句 who says 我不插手 declines; 定期交流
by a 党组 decision is a lawful ground; 下周四开庭 and the panel's names are told to every party, no
leak; 复印 alone is no leak.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import conduct_read, first_rule, rules_with_status


def test_an_approval_skipped_in_the_officers_own_words(assessor: Assessor) -> None:
    for skipped in ("周检察官和被告人的辩护律师约在江边茶社谈认罪认罚，周检察官说报批太麻烦，"
                    "就不报了。",
                    "何法官和原告的代理律师在酒店包间对了一晚上证据，律师提了一句审批，何法官"
                    "笑道：“这也要报批？”"):
        result = assessor.assess(skipped)
        assert result.facts.approved is False, skipped
        assert "R3-6" in rules_with_status(result, "violation"), skipped
    approved = assessor.assess("周检察官和被告人的辩护律师在江边茶社谈认罪认罚，事先报批，"
                               "院里批准了。")
    assert approved.facts.approved is True
    assert approved.verdict == "lawful"
    at_work = assessor.assess("辩护律师在检察院的听取意见室里跟承办检察官谈了一个上午。")
    assert at_work.facts.at_workplace is True
    assert at_work.verdict == "lawful"


def test_a_chance_contact_scorned_as_nothing_to_report(assessor: Assessor) -> None:
    scorned = assessor.assess("民警小韩在公园被嫌疑人的妻子拦住，听她讲了一刻钟案子。后来他说："
                              "“路上碰见的，有什么好报告的。”")
    assert scorned.facts.reported is False
    assert scorned.verdict == "violation"
    assert first_rule(assessor, "民警小韩在公园被嫌疑人的妻子拦住，听她讲了一刻钟案子。后来他说："
                                "“路上碰见的，有什么好报告的。”") == "R3-7"
    told = assessor.assess("民警小韩在公园被嫌疑人的妻子拦住，听她讲了一刻钟案子，第二天就向局纪委"
                           "交了书面报告。")
    assert told.facts.reported is True
    assert told.verdict == "lawful"


def test_a_recorder_sent_away_and_a_move_with_ground_and_procedure(assessor: Assessor) -> None:
    for punished in ("副庭长得知小吴把他过问的事登了记，当天就让小吴把手上的案子全交出去。",
                     "大队长冲着小邹嚷：“我问两句你就写进本子报上去，明天你去值夜班，年终奖"
                     "也别想了。”"):
        result = assessor.assess(punished)
        assert result.facts.retaliation is True, punished
        assert "R2-7" in rules_with_status(result, "violation"), punished
    for lawful in ("郑法官前年把一位副市长的电话记进了卷宗；今年调到城北法庭，是她为照顾父母自己打"
                   "的申请，党组按程序研究同意。",
                   "郑法官前年如实记录过领导的过问，今年调到城北法庭，是三年一轮岗，党组研究过，"
                   "名单公示了，她自己也报了名。"):
        result = assessor.assess(lawful)
        assert result.facts.lawful_ground is True, lawful
        assert "R1-6" not in rules_with_status(result, "violation"), lawful
    bare = assessor.assess("郑法官前年把一位副市长的电话记进了卷宗；今年被调到城北法庭，没开会，"
                           "也没有文件。")
    assert "R1-6" in rules_with_status(bare, "violation")


def test_a_free_job_and_a_card_taken(assessor: Assessor) -> None:
    free = assessor.assess("柯法官家换窗户，我叫工人去给他装了，工钱和安装费没收。他手上就是我告"
                           "建材商的案子。")
    assert "accept_benefit" in (free.facts.conduct or [])
    assert free.facts.counterpart == "当事人"
    assert free.verdict == "violation"
    refused = assessor.assess("柯法官家装修，我给他送了两箱瓷砖，他没收，原样退了回来。他手上"
                              "就是我告建材商的案子。")
    assert "accept_benefit" in (refused.facts.declined or [])
    assert refused.verdict == "lawful"
    taken = assessor.assess("被告人的舅舅在侯警官的乔迁宴上塞了个红包。侯警官回了条短信：“红包收到"
                            "了，放心。”舅舅又托我把礼单改掉，我没答应。")
    assert "accept_benefit" in (taken.facts.conduct or [])
    assert taken.verdict == "violation"


def test_the_teller_is_the_party_whose_case_the_officer_holds(assessor: Assessor) -> None:
    for borrowed in ("包法官周末搬家，借了我厂里的货车用了两天。我的那个合同案还在她手上。",
                     "包法官周末搬家，借了我厂里的货车用了两天。她手上正是我告供货商的案子。"):
        result = assessor.assess(borrowed)
        assert result.facts.counterpart == "当事人", borrowed
        assert result.verdict == "violation", borrowed
        assert first_rule(assessor, borrowed) == "R3-5-4", borrowed
    stranger = assessor.assess("包法官周末搬家，借了我厂里的货车用了两天。")
    assert stranger.verdict == "undetermined"


def test_requests_refused_by_those_asked(assessor: Assessor) -> None:
    cadre = assessor.assess("在酒席上我求副区长帮我给法院说句话，他把杯子一放：“官司让法院依法判，"
                            "我不掺和。”")
    assert "plead" in (cadre.facts.declined or [])
    assert cadre.verdict == "lawful"
    retired = assessor.assess("老街坊托退休的施庭长给院里打招呼，他一概推掉了。")
    assert "plead" in (retired.facts.declined or [])
    assert retired.verdict == "lawful"
    did_it = assessor.assess("老街坊托退休的施庭长给院里打招呼，他第二天就给承办法官打了电话。")
    assert "plead" in (did_it.facts.conduct or [])
    assert did_it.verdict == "violation"
    bailiff = assessor.assess("我托在法院当法警的外甥把补充证据递给承办法官，他不肯替我转，叫我去"
                              "立案窗口交。")
    assert "pass_materials" in (bailiff.facts.declined or [])
    assert bailiff.verdict == "lawful"


def test_no_case_named_or_no_party_involved(assessor: Assessor) -> None:
    for no_case in ("副市长来参加葛法官父亲的追悼会，只握了握手，没提案子。书记员问要不要登记？",
                    "退休的老检察长天天在公园下棋，棋友里有好几个打官司的，他说：“你们的官司我"
                    "一个字不问。”",
                    "派出所跟村民老彭签了租车合同，按月付租金。老彭不是任何案子的当事人。",
                    "集市上，民庭的甘法官从摊上买了两只鸡，按标价付了钱。摊主跟哪个案子都不沾边。",
                    "民庭的甘法官来店里买了一台电扇，扫码付钱。他手上没有我们家的任何案子。"):
        result = assessor.assess(no_case)
        assert result.facts.specific_case is False, no_case
        assert result.verdict == "lawful", no_case
    named = assessor.assess("副市长来参加葛法官父亲的追悼会，临走时提了一句他亲戚那个借款案。")
    assert named.verdict != "lawful"
    # beside the lawyer of a case the judge hears, 没提案子 does not take the contact out of it
    weekly = assessor.assess("审那起贪污案的法官和被告人的辩护律师是多年球友，每周六下午照样一起"
                             "打球，谁都没提案子。")
    assert weekly.facts.specific_case is not False
    assert weekly.verdict == "violation"


def test_a_case_referred_a_lawyer_and_leisure_with_the_other_sides_lawyer(
        assessor: Assessor) -> None:
    referred = "龚律师喝多了说，这案子是汪法官介绍给他的，连当事人的电话都是汪法官给的。"
    assert "recommend_lawyer" in conduct_read(assessor, referred)
    assert first_rule(assessor, referred) == "R3-5-2"
    friend = "龚律师说这案子是他大学同学介绍给他的。"
    assert "recommend_lawyer" not in conduct_read(assessor, friend)
    angling = assessor.assess("审我们那个工程款案的祝法官，跟对方的代理律师建了个夜钓群，每周六晚上"
                              "一起去河湾。")
    assert angling.facts.purpose == "social"
    assert angling.verdict == "violation"
    assert first_rule(assessor, "审我们那个工程款案的祝法官，跟对方的代理律师建了个夜钓群，每周六"
                                "晚上一起去河湾。") == "R3-5-6"


def test_a_former_judge_in_her_old_division(assessor: Assessor) -> None:
    old_division = assessor.assess("区法院民二庭原来的法官谭某辞职做了律师，现在代理一起买卖合同"
                                   "案，就在她原来那个庭审。她跟委托人不沾亲。")
    assert old_division.facts.former_unit_case is True
    assert old_division.verdict == "violation"
    elsewhere = assessor.assess("区法院民二庭原来的法官谭某辞职做了律师，现在代理一起买卖合同案，"
                                "由邻市的法院审理。")
    assert elsewhere.facts.former_unit_case is not True
    assert elsewhere.verdict != "violation"


# Round 2 (FG-FJ read once FK-FN had been measured)


def test_a_report_asked_about_a_refusal_of_a_probe_and_a_hold_on_enforcement(
        assessor: Assessor) -> None:
    asked = assessor.assess("万检察官在楼道里被嫌疑人的父亲拦住说了几分钟。他有没有在三天内报给"
                            "纪检，不清楚。")
    assert asked.verdict == "undetermined"
    assert "是否在三日内报告" in asked.missing_facts
    refused = assessor.assess("吴婶去找退休的老简法官，求他去法院帮着问问儿子的案子。老简说：“我"
                              "退了休也不能去打听，你请律师依法阅卷。”")
    assert not {"probe", "plead"} & set(refused.facts.conduct or [])
    assert refused.verdict == "lawful"
    went = assessor.assess("吴婶去找退休的老简法官，求他去法院帮着问问儿子的案子。老简第二天就去"
                           "找承办法官打听了。")
    assert went.verdict == "violation"
    hold = "乡党委书记给执行局的法官打电话：“那家砖厂是纳税大户，机器先别扣。”"
    assert "plead" in conduct_read(assessor, hold)
    assert assessor.assess(hold).verdict == "violation"
    deduction = "庭长对书记员说：“这次考核先别扣分，等复核完再说。”"
    assert "plead" not in conduct_read(assessor, deduction)


def test_a_cadre_asked_to_say_a_few_words_and_a_rotation_by_rule(assessor: Assessor) -> None:
    declined = assessor.assess("我托人找邓副区长，想请他跟法院说两句。他回话：“法院的事我不插手，"
                               "让他们按程序走。”")
    assert "plead" in (declined.facts.declined or [])
    assert declined.verdict == "lawful"
    did = assessor.assess("我托人找邓副区长，想请他跟法院说两句。第二天他就给院长打了电话。")
    assert did.verdict == "violation"
    rotated = assessor.assess("登记过副院长过问的那位法官被调离审判岗了。院里的通知说：审判岗位"
                              "定期交流，她任满六年，和另外两位法官一起按党组决定交流。")
    assert rotated.facts.lawful_ground is True
    assert "R2-7" not in rules_with_status(rotated, "violation")


def test_a_hearing_date_and_the_panel_told_to_a_party(assessor: Assessor) -> None:
    schedule = "蒋法官在电话里告诉我那起租赁案下周四开庭，还报了合议庭三个人的名字。"
    assert "leak" not in conduct_read(assessor, schedule)
    assert assessor.assess(schedule).verdict != "violation"
    leaning = "蒋法官在电话里告诉我那起租赁案下周四开庭，合议庭倾向判我们赢。"
    assert "leak" in conduct_read(assessor, leaning)


def test_a_copy_made_is_no_leak(assessor: Assessor) -> None:
    copied = "汤法官把领导来电的记录复印了一份附进卷宗。"
    assert "leak" not in conduct_read(assessor, copied)
    sent = "汤法官把证人证言复印后交给了被告的律师。"
    assert "leak" in conduct_read(assessor, sent)
    handed = "副院长要走了一份鉴定意见，不久这份复印件出现在被告人的辩护律师手里。"
    assert "leak" in conduct_read(assessor, handed)
    filed = "汤法官把借条复印件交给了书记员归档。"
    assert "leak" not in conduct_read(assessor, filed)
