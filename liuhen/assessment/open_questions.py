"""What the words themselves say is not known (还没查清, 目前都不清楚, 说法不一, 记不清了),
and what follows: a finding that rests on that fact waits for it.

A discipline officer's file often ends with the question it leaves open: 是不是他承办的，还没查清;
有没有经过党组研究，目前都不清楚. The rules are careful to make a violation only of what the
situation establishes (data/eval/GUIDE.md section 4); a fact the account itself calls open is not
established, whatever other words suggest it. Reading only the narrator's open questions, never
guessing them, keeps this from turning a settled case into an open one: a sentence counts only
if it says the fact is unknown, and only the facts below that it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.cue_patterns import NO_LAWFUL_CAUSE, ground_and_procedure_stated
from liuhen.assessment.facts import Facts
from liuhen.assessment.narration import in_quotes
from liuhen.assessment.verdict import Finding, Findings, drop_violation_triggers

# The account says a fact is not established. Strong markers say so on their own (还没查清,
# 说法不一); weak ones (没说, 不清楚, 没有写) also deny conduct (他没说要从轻), so they count
# only in a sentence that asks a question (为什么要问，他没说; 最后怎么定的，纪要里没有写).
_STRONG = re.compile(
    r"(还没|尚未|没有|未|没)(查清|查明|核实|查实|弄清|搞清)|有待(核实|查明|核查|调查|查证|确认)|"
    r"待(核实|查明|查证)|说法不一|手续[^，。；]{0,6}(还在|正在)办|批不下来|"
    # 没有律师证, 不是律师: whether the one to be replaced could represent at all
    r"(没有|没|无)(律师证|律师执业证|执业证|律师资格)|"
    # 有人说他办了提前退休，也有人说他是辞职下海: two accounts of how he left
    r"有人说[^。；]{0,24}(退休|辞职|离职)[^。；]{0,4}[，,]也有人说|各执一词|看不清|看不出|应该(是|有)?[^，。；”]{0,4}(报|批|登记|记|交|请示)过|争论不下|争执不下|意见不一|看法不一|莫衷一是|记不清|(?<!反倒)(?<!反而)说不清|说不准|说不上来|查不出|没(有)?明说|(没人|没有人|谁也|谁都)能?说得清|拿不准|查不到|无从(得知|知道|查证|核实|判断|确认)|"
    r"说不好(?!听)|(弄|搞|闹|分)不清|听不出|不便透露|表述不明|语焉不详|含糊其辞|"
    # 函随后补: the paper that would show the procedure promised, not seen
    r"(随后|回头|事后|过后|改天)(再)?补|应该[^，。；]{0,4}(填|批|报|签)了吧|(登记表|登记本|记录)[^，。；]{0,4}(没见到|没看到|未见)|(没写|没有写|未写明?|没说明|未说明|没有说明)[^，。；]{0,2}(理由|原因)|内容[^，。；]{0,4}(没看到|没有看到|没见到|不清楚|不知道)|(流转单|收件登记|签收单|回执)[^，。；]{0,4}(没看到|没见到|没有看到|未见)|"
    r"找不到|(没有?|未)(找到|查到)|(未见|没见到|没见|没有见到|没看到|没有看到)[^，。；]{0,10}(记录|凭证|"
    r"单据|回执|手续|函|材料|原件|原文|全文|纪要)|(没有|没|无)[^，。；]{0,4}(凭据|凭证)|(没有|未|没)(出示|提供)[^，。；]{0,4}(任何)?[^，。；]{0,6}(手续|函|公函|"
    r"委托书)|不记得|记不得|想不起|(还没|尚未|没有?|未)(调到|调取到|拿到|调出)|(还没|尚未|没)去(核实|查)|"
    r"(还在|正在|仍在)(调取|核实|调查|核查|调查核实|查|研究|核对|确认)|(还没|尚未|没有?)(决定|想好|确定|明确)|"
    r"(还没|尚未)表态|"
    r"(没有|未|没)(透露|公开|披露)[^，。；]{0,6}(具体)?内容|(尚未|还没有?|暂未)(调取|核对|核查|调查)|"
    r"(目前|现在|尚|还|都|我们|我|并)没有(任何)?证据|只有[^，。；]{0,6}(本人|自己|一方|他|她)的?(说法|陈述|一面之词)|"
    r"(具体)?内容[^，。；]{0,4}(没有|未|不曾)(记载|写明|载明|记录)|"
    r"(原因|缘由|为什么|为何)[^，。；]{0,2}(不明|不清楚|不详|未知|没人知道|谁也不知道)|"
    r"(拿不出|提供不了|无法提供|提供不出|没能提供)[^，。；]{0,6}(凭据|凭证|证据|单据|收据|记录)|(目前|现在|尚|还|都|均|并)(不清楚|不明|"
    r"不得而知|无法(确认|确定|核实|证实))|(我|我们|谁也|都)没法(确认|确定|核实|证实)|"
    # 值班记录里没有法院的审批材料: the papers that would show it are not there
    r"(里|上|中)(没有|没|未见)[^，。；]{0,8}(审批|批准)(材料|手续|单|表|文件)|"
    # 本人否认 with nothing that shows otherwise; 说是正常轮岗: the organ's stated reason, which
    # the account does not confirm (R1 第六条 / R2 第七条 turn on 法定事由、法定程序)
    # (没有否认, 未予否认: an admission)
    r"说法[^，。；]{0,4}(两样|对不上)|不知道该信谁|"
    r"(?<!没有)(?<!未予)(?<![没未不])否认"
    r"(?![^。]{0,30}(但|可是|然而|不过)[^。]{0,20}(显示|证实|查实|承认))|"
    r"(说|称|写的?是|理由是)[^，。；]{0,3}[“\"]?(正常|年度)?(干部)?(轮岗|交流|工作需要)|"
    # 局里说依据是结案率排名, 庭里说他差错率最高: the organ's own ground for a grade, which
    # the account leaves standing beside the recorder's charge
    r"(庭里|院里|科里|局里|处里|单位|领导)(说|称|解释说?)[^。；]{0,16}"
    r"(差错|投票|业绩|结案率|排名|测评)")
_WEAK = re.compile(r"不清楚|说不清|说不准|(?<!知)不知道|看不到|看不见|一概不知|全然不知|毫不知情|"
                   r"没有?留意|"
                   r"没(跟我|跟他|和我)?细(讲|说)|"
                   r"不肯说|没有?问|不愿说|不肯透露|没有?说|没有?讲|没有?告诉|没人(跟|和|对)?我?(讲|说)|"
                   # 里面写的啥我们没看: the letter's content not seen
                   r"(?:(?<=写的啥)|(?<=写的什么))[^。；]{0,4}没看|"
                   r"没看到|没看见|没提|没有提|没有?写|未写明|未载明|没有载明|没有?交代|未交代|未说明|没有说明|不得而知|无法(确认|确定|核实|证实)")
_QUESTION = re.compile(r"为什么|为何|是否|是不是|有没有|有无|算不算|还是|怎么|什么|哪|谁|知不知道|"
                       r"([\u4e00-\u9fff])没\1|到底|"
                       r"与否|能否|可否|是真是假|真假|"
                       # 法官登记没有，我们不知道: the 没有 after the verb asks
                       r"(登记|记录|报告|报备|审批)了?没有?(?=[，,？?])")
# what the speaker did not know then (当时不清楚他是当事人): R3 第七条's 因不明情况, not open now
_THEN = re.compile(r"(当时|事先|事前|起初|一开始)[^，。；]{0,4}$")
# 别的一句没提, 别的什么也没说, 没提任何意见: nothing (else) said, a denial (not 没提是谁: what
# is not told, nor 什么都没告诉我: the teller not told)
_NOTHING_ELSE = re.compile(r"(一句话?|一个字|半句|(别的|其他的?)(什么)?)(都|也)?$")
_SENTENCE = re.compile(r"[^。；！？\n]+")
# 是正常交流，还是被报复？ 这是不是报复？: the teller asks whether a transfer or sanction was
# retaliation; what R1 第六条 / R2 第七条 turn on (法定事由、法定程序) is then the open question,
# unless the words deny the cause or state both cause and procedure
_RETALIATION_ASKED = re.compile(r"(是不是|算不算|是否|属不属于|还是)[^。；？！]{0,6}"
                                r"((打击)?报复|穿小鞋)|"
                                r"(打击)?报复[^。；，]{0,2}吗")
_SAID_NOTHING_OF_OUTCOME = re.compile(r"[^，。；？]{0,8}(怎么(判|处理|定|认定|裁|办|处置|执行|赔)|"
                                      r"谁对谁错|对错|输赢|谁输谁赢|谁胜谁负|赔多少|判多少|"
                                      # 没写哪一方该赢, 也没提对哪一方有利
                                      r"哪一?方(该|会|能)?(赢|输|胜诉|败诉)|对哪一?方有利|偏向哪一?方|"
                                      # 没提起诉与否: the outcome not spoken of
                                      r"(不起诉|起诉|批捕|判刑|定罪|缓刑|撤案)与否)")
_APPROVAL_DENIED = re.compile(r"(没有|没|未)(报批|经过?审批|办理?审批|经批准|经过批准)")
# 看不出谁替哪一方说过话: no sign of a plea, a denial in the words of not seeing
_NO_SIGN_OF_PLEA = re.compile(r"(谁|有人|哪个人)替(哪一?方|谁|一方|[^，。；]{1,4})"
                              r"(说过?话|说情|打过?招呼)")
# Two accounts of what happened (双方说法不一, 各执一词): when the sentence names none of the
# facts below, what is disputed is the account itself, which stands unverified.
_DISPUTED = re.compile(r"说法不一|各执一词|莫衷一是|"
                       r"说法[^，。；]{0,4}(不同|不一致|相反|两样|对不上)|不知道该信谁")

# The facts an open sentence may name, in the words that name them. Checked in this order; a
# sentence may leave several open (是写在审批单上还是当面说的、有没有记入案卷).
_SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (unknown.WHO, re.compile(r"是谁|哪位领导|何人|什么人|哪个单位|什么单位|是否已?退休|"
                             r"(从|是)[^，。；]{0,10}退的|"
                             r"(原来|以前)[^，。；]{0,6}(做|干)什么|"
                             # 是家属自己打印的还是镇党委出具的: whose paper it is
                             r"还是[^，。；]{0,10}出具|"
                             # 有人说他提前退休了，也有人说是辞职: whether he is a retiree at all
                             r"退休[^。；]{0,24}(辞职|离职)|(辞职|离职)[^。；]{0,24}退休")),
    # 他是法官助理还是后勤的: whether the one who acted holds a judicial post (R3 第十四条)
    (unknown.JUDICIAL_DUTY, re.compile(r"(他|她|这人|那人|此人|对方)是[^，。；]{1,8}"
                                       r"还是[^，。；]{1,8}的")),
    (unknown.IS_LEADER, re.compile(r"领导干部|国家工作人员|领导职务|现任职务|什么职务|公职|"
                                   r"干部身份|职级|国有还是|还是国有|是不是国企|是否国有|企业性质|单位性质|"
                                   r"还是[^，。；]{0,10}干部|"
                                   # 有没有编制, 老周到底在区委干什么: his post, and so his standing
                                   r"编制|(到底|究竟)[^，。；]{0,6}(干|做)什么|是(干|做)什么的")),
    (unknown.REPORT_TRUE, re.compile(r"属实|是真是假|真假|真实性|确有其事|是否真的|有没有这回事|"
                                     r"举报|否认|匿名|来信反映|信中反映|"
                                     # 法官那边怎么说不知道: the other side's account not heard
                                     r"(那边|对方|本人)怎么说")),
    (unknown.APPROVAL, re.compile(r"审批|批准|报批|同意|点了?头|(跟|向|和)[^，。；“”]{0,6}"
                                  r"(庭长|院长|检察长|科长|处长|部门负责人|领导)(说|讲|报告|请示)过")),
    (unknown.WRITTEN, re.compile(r"书面|写在|当面说|口头|批示|审批单|什么形式|怎么提的")),
    (unknown.ORAL_RECORDED, re.compile(r"记入|记进|记到|记录在案|入卷|案卷|记在|笔记|"
                                       # 记了什么、记全了没有: what the record holds
                                       r"记全|记了(什么|啥|些什么)|"
                                       r"(有没有|是否|有无|要不要)[^，。；]{0,3}"
                                       r"(登记|记录)|登没登记|记没记|登记没有|补没补|补记|补登|登记表")),
    (unknown.LAWFUL_CAUSE, re.compile(r"党组|研究决定|法定事由|法定程序|轮岗|交流|工作需要|调动|"
                                      r"调离|免职|考核|测评|评分|差错|结案率|排名|投票|"
                                      # 原因没说，不知道走没走程序: a move's cause and procedure
                                      r"走没走[^，。；]{0,4}程序|(原因|理由)[^，。；]{0,2}(没说|没讲)")),
    (unknown.PROCEDURE, re.compile(r"工作程序|法律程序|按程序|正式程序|工作协调|"
                                   r"(在哪儿?|在什么地方|以什么方式|以何种方式)[^，。；]{0,2}见|"
                                   r"协查手续|收转|流转单|(带|拿出|出示)[^，。；]{0,4}(函|手续)|"
                                   r"手续[^，。；]{0,6}(还在办|正在办)|批不下来|"
                                   r"委托[^，。；]{0,8}函|公函|协查函|(函|手续)[^，。；]{0,4}补|"
                                   # 手续带没带不知道: whether the papers were brought
                                   r"(手续|公函|介绍信)[^，。；]{0,2}(带没带|有没有|开没开|出示没)")),
    (unknown.DECISION, re.compile(r"怎么定|定的|定了|结论|拍板|拍了板|定性|意见的?(具体)?内容|共识|"
                                  r"(提了|提出了?)(什么|哪些)要求|函的具体内容|"
                                  r"超出[^，。；]{0,4}职权|超越职权|哪些证据|倾向性意见|"
                                  r"具体要求|(什么|哪些)意见|形成了?意见|采信|写的(啥|什么)|"
                                  # 函里有没有写该怎么判: whether the letter decides
                                  r"(有没有|是否)[^，。；]{0,4}(写|提|说)[^，。；]{0,4}怎么判")),
    (unknown.SPECIFIC_CASE, re.compile(r"(涉及|针对|有关|关于|提到|谈到)[^，。；]{0,6}"
                                       r"(案子|案件|个案)|(和|与|跟)[^，。；]{0,8}(案子|案件)"
                                       r"有(没有)?关")),
    (unknown.FOR_A_PARTY, re.compile(r"为什么[^，。；]{0,3}问|为何[^，。；]{0,3}问|转告|"
                                     r"(跟|和|与)[^，。；]{0,10}有没有[^，。；]{0,2}(关系|关联|牵连)|"
                                     r"问的(目的|动机|原因)|受谁之?托|替谁|为谁|替[^，。；]{0,6}问的|为什么[^，。；]{0,3}打听|"
                                     r"为何[^，。；]{0,3}打听|(跟|和|与)[^，。；]{0,8}什么关系")),
    (unknown.ACCEPTED, re.compile(r"领取|收下|收没收|收不收|领没领|拿没拿|接没接|有没有收|是否收|"
                                  r"退回|退还|退件|寄回|送回|"
                                  # 月饼后来去了哪里: where the gift went, whether it was taken
                                  r"去了哪里|去向|下落|谁拿走|被谁拿|"
                                  r"接受了?|谁付|谁出的?钱|谁买的?单|谁结的?账?|谁请客|"
                                  # a gift taken by a spouse: whether the officer knew of it or
                                  # a sale was a sale (第五条 forbids the officer's 接受)
                                  r"知情|有没有退|退没退|是否退|正常买卖|正常交易|收回|报销单据")),
    (unknown.REPORTED_IN_TIME, re.compile(r"(有没有|是否|有无)[^，。；]{0,10}(报告|报备|报给|报到)|"
                                          r"报没报|报告了?没有|(有没有|是否|有无)[^，。；]{0,4}"
                                          r"(跟|向|和|对)[^，。；]{0,6}(纪检|纪委|监察|院里|单位)"
                                          r"[^，。；]{0,4}(说|讲|提)")),
    (unknown.COUNTERPART, re.compile(r"利害关系|有没有[^，。；]{0,4}(案件)?当事人|"
                                     r"(是不是|是否为?)[^，。；]{0,4}当事人|承办的|所办的|"
                                     r"(是不是|是否为?)(嫌疑人|被告人?|罪犯|当事人)的?(亲属|家属)|"
                                     r"手上的案|手里的案|"
                                     r"经办的|与(该|此|本|这)?案|有没有案|有无案件|"
                                     r"(是否|还)在(审理|办理|审查)|(有没有|是否|有无)[^，。；]{0,8}涉案|"
                                     r"(是否|是不是)[^，。；]{0,6}(资产评估|评估|拍卖|中介)|"
                                     r"(跟|和|与)[^，。；]{0,24}(罪犯|嫌疑人|被告|当事人|在押人员)"
                                     r"[^，。；]{0,8}有(没有)?关|(知不知道|是否知道|知道不知道)"
                                     r"[^，。；]{0,12}(关系|当事人|嫌疑人)|"
                                     r"(跟|和|与)[^，。；]{0,6}(案子|案件|本案)有没有[^，。；]{0,2}"
                                     r"(关系|关联|牵连)|(是不是|是否为?)[^，。；]{0,8}(代理人|律师|辩护人)|"
                                     r"(手上|手里)有没有[^，。；]{0,2}案")),
    # R3 第五条第（二）项 forbids advice to change 「符合代理条件的律师」: whether the lawyer was
    (unknown.QUALIFIED_LAWYER, re.compile(r"代理条件|执业证|执业资格|年度考核|律师证|律师资格")),
    # R1 第八条第（三）项 is the cadre's 授意、纵容: whether the errand was his
    (unknown.INSTIGATED, re.compile(r"让(他|她)(打|去|来|发|写|找)的|谁让|授意|指使|"
                                    r"自己要(打|去|来)|自己的意思|"
                                    # 书记知不知道这事: whether the cadre knew of the errand
                                    # (not 他问小孙书记知不知道: asked in the story, answered)
                                    r"^[^问]*?(长|书记|主任|主席)(本人)?(知不知道|知道不知道|"
                                    r"是否知道|是否知情)")),
    # R3 第八条's exception and its scope: whose kin, which unit's case
    (unknown.GUARDIAN, re.compile(r"近亲属|监护人|远房")),
    (unknown.FORMER_UNIT, re.compile(r"承办单位|原单位|原任职单位|哪个单位办")),
    # guidance or a plea (业务指导还是替一方说情; 是替葛某说情，还是真想帮着调解): R2 第四条 against
    # 第九条第（一）项, R1 第八条第（一）项
    (unknown.PLEA, re.compile(r"还是[^，。；]{0,12}(说情|打招呼)|(说情|打招呼)[^。；]{0,12}还是|"
                              r"算不算[^，。；]{0,4}(说情|打招呼)|是不是[^，。；]{0,6}(说情|打招呼)|"
                              r"有人找过|受人之托|个人的意思")),
)

# Which findings each open fact holds back: rule ids (or their prefix) and the statuses that
# rest on it. A plea stays a plea whatever the procedure; an approval open leaves the contact
# outside work undecided, not the leak in it.
_HOLDS: dict[str, tuple[tuple[str, ...], frozenset[str]]] = {
    unknown.IS_LEADER: (("R1-",), frozenset({"violation"})),
    unknown.WHO: (("R1-", "R2-9"), frozenset({"violation"})),
    # R3 第五条 binds the 司法人员 of 第十四条 only: a court's guard or cleaner is none
    unknown.JUDICIAL_DUTY: (("R3-5",), frozenset({"violation"})),
    unknown.REPORT_TRUE: (("R",), frozenset({"violation"})),
    unknown.APPROVAL: (("R3-6", "R3-5-6"), frozenset({"violation", "lawful"})),
    unknown.WRITTEN: (("R2-4", "R2-11", "R1-10"), frozenset({"violation", "lawful"})),
    unknown.ORAL_RECORDED: (("R2-4", "R2-6", "R2-11", "R1-10"),
                            frozenset({"violation", "lawful"})),
    unknown.LAWFUL_CAUSE: (("R2-7", "R1-6"), frozenset({"violation", "lawful"})),
    # R2 第九条第（三）项 is passing papers 「违反规定」: by procedure it is not
    # a meeting by procedure is no 私下会见 (R1 第八条第（二）项, R2 第九条第（二）项), nor an
    # 干预 whose record 第十条 would ask for; a secretary's call by procedure is no errand of
    # 第八条第（三）项 (授意…请托说情); an organ's paper filed as a litigant's by the court's
    # procedure is no 发文件 of 第八条第（四）项
    unknown.PROCEDURE: (("R1-3", "R2-5", "R2-6", "R1-8-5", "R2-9-5", "R2-9-3", "R3-6",
                         "R1-8-2", "R2-9-2", "R1-10", "R1-8-3", "R1-8-4"),
                        frozenset({"violation", "lawful"})),
    unknown.DECISION: (("R1-3", "R2-5", "R1-8-4", "R1-8-5", "R1-10", "R2-9-5"),
                       frozenset({"violation", "lawful"})),
    unknown.SPECIFIC_CASE: (("R",), frozenset({"lawful"})),
    unknown.FOR_A_PARTY: (("R2-9-4", "R2-6", "R1-3", "R1-8-5"),
                          frozenset({"violation", "lawful"})),
    unknown.ACCEPTED: (("R3-5-3",), frozenset({"violation", "lawful"})),
    unknown.COUNTERPART: (("R3-5", "R3-6", "R3-7"), frozenset({"violation"})),
    # a chance contact whose report the account leaves open: the chat in it is no 不正当接触
    # on its own (R3 第七条 asks only that it be reported)
    unknown.REPORTED_IN_TIME: (("R3-7", "R3-5-6"), frozenset({"violation", "lawful"})),
    unknown.QUALIFIED_LAWYER: (("R3-5-2",), frozenset({"violation"})),
    unknown.INSTIGATED: (("R1-8-3",), frozenset({"violation"})),
    unknown.GUARDIAN: (("R3-8",), frozenset({"violation", "lawful"})),
    unknown.FORMER_UNIT: (("R3-8",), frozenset({"violation", "lawful"})),
    unknown.PLEA: (("R2-9-1", "R1-8-1"), frozenset({"violation"})),
}


@dataclass(frozen=True)
class OpenQuestion:
    fact: str  # a name of liuhen.assessment.missing_facts.OPENABLE
    words: str  # the sentence that leaves it open, as typed


def open_questions(text: str) -> list[OpenQuestion]:
    """The facts the words say are not known, each with its sentence."""
    out: list[OpenQuestion] = []
    # 说是“工作需要”，没开党组会，也没走任何程序: the stated reason stands beside the words that
    # deny the procedure (in its sentence or another), which settle what R1 第六条 / R2 第七条
    # turn on
    cause_denied = bool(NO_LAWFUL_CAUSE.search(text))
    for sentence in _SENTENCE.finditer(text):
        words = sentence.group(0)
        marker = _STRONG.search(words)
        if marker is not None and _NO_SIGN_OF_PLEA.match(words, marker.end()):
            continue
        if marker is None:
            # 有没有提到: the question itself, not a denial, so its 没有 is passed over (有没有写
            # 该怎么判，我没看到: the 没看到 after it is the marker)
            weak = next((m for m in _WEAK.finditer(words)
                         if words[m.start() - 1:m.start()] != "有"), None)
            if weak is None or not _QUESTION.search(words) or \
                    _THEN.search(words[:weak.start()]) or in_quotes(words, weak.start()) or \
                    _NOTHING_ELSE.search(words[:weak.start()]) or \
                    words.startswith(("任何", "别的", "其他", "其它"), weak.end()) or \
                    _SAID_NOTHING_OF_OUTCOME.match(words, weak.end()):
                # 孙某说“不清楚，你找科里”: what someone answered then, not the account's question;
                # 没有说这件具体怎么判, 没提别的要求: nothing (else) said, a denial
                continue
        named = [fact for fact, pattern in _SUBJECTS if pattern.search(words)]
        if cause_denied:
            named = [fact for fact in named if fact != unknown.LAWFUL_CAUSE]
        if not named and _DISPUTED.search(words):
            named = [unknown.REPORT_TRUE]
        out += [OpenQuestion(fact, words.strip("，, ")) for fact in named
                if all(q.fact != fact for q in out)]
    # 没有报批 … 卷里没有任何审批手续: the approval denied in a sentence of its own settles
    # what the papers' absence would leave open
    denials = [s.group(0).strip("，, ") for s in _SENTENCE.finditer(text)
               if _APPROVAL_DENIED.search(s.group(0))]
    out = [q for q in out if q.fact != unknown.APPROVAL
           or not any(denial != q.words for denial in denials)]
    asked = _RETALIATION_ASKED.search(text)
    if asked and all(q.fact != unknown.LAWFUL_CAUSE for q in out) and not cause_denied \
            and not ground_and_procedure_stated(text):
        sentence = next((s for s in _SENTENCE.finditer(text) if s.end() >= asked.end()), asked)
        out.append(OpenQuestion(unknown.LAWFUL_CAUSE, sentence.group(0).strip("，, ")))
    return out


def facts_holding(rule: str, status: str) -> list[str]:
    """The facts a ``status`` finding of ``rule`` rests on: those whose being open holds it back
    (below), without the ones that hold back every provision (举报反映的情况是否属实)."""
    return [name for name, (prefixes, statuses) in _HOLDS.items()
            if status in statuses and prefixes != ("R",) and rule.startswith(prefixes)]


def leave_open(facts: Facts, findings: Findings) -> Findings:
    """``findings`` with every finding that rests on a fact left open made undetermined, the
    open fact named as missing."""
    open_facts = [name for name in facts.open_facts or [] if name in _HOLDS]
    if not open_facts:
        return findings
    held = False
    items: list[Finding] = []
    for finding in findings.items:
        waiting: list[str] = [name for name in open_facts
                   if finding.status in _HOLDS[name][1]
                   and finding.rule.startswith(_HOLDS[name][0])]
        if waiting:
            held = held or finding.status == "violation"
            finding = Finding(finding.rule, "undetermined", waiting, finding.because,
                              finding.weak)
        elif finding.status == "undetermined" and finding.missing == [unknown.CONDUCT]:
            # open already, on the bare question of conduct: the account names the fact it
            # turns on (他为什么反复问), which says more than that question does
            named: list[str] = [name for name in open_facts
                                if finding.rule.startswith(_HOLDS[name][0])]
            if named:
                finding = Finding(finding.rule, "undetermined", named, finding.because,
                                  finding.weak)
        items.append(finding)
    triggers = set(findings.triggers)
    if held and not any(f.status == "violation" for f in items):
        drop_violation_triggers(triggers)
    return Findings(items, triggers)
