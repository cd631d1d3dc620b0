"""The words the conduct cues of liuhen.assessment.extractor read beside the lexicon's lists:
outcomes asked about, asks that the law be followed, claimed identities, invitations, approvals
given after the fact, silent documents, courtesies, sanctions. Each pattern says in its comment
what it finds; kept apart so that the extractor's reading stays readable."""

from __future__ import annotations

import re

# How a case is to be decided, when the words say nobody spoke of it (对个案怎么判只字未提).
OUTCOME_QUESTIONS = ("怎么判", "判几年", "判多少", "如何判", "怎么处理", "定罪量刑", "裁判结果",
                      "判决结果", "怎么执行")
# Asking that the law be followed (要求“依法…”, 批示“…依法处理”) directs nothing: R1 第三条's
# 督促…依法履行职责. URGES_LAW follows an opinion word; ASKS_LAW_FOLLOWED is the whole ask.
BY_LAW = r"(依法|严格依法|依规|按照法律|依照法律|按法律)"
URGES_LAW = re.compile(r"[：:]?[“\"]?" + BY_LAW)
# 该怎么判就怎么判, 该怎么判由法院依法判: the outcome left to the organ that hears the case,
# an ask that the law take its course (R1 第三条: no 具体决定), never a question about it
# (法院怎么判就怎么执行: the judgment obeyed, whatever it is)
AS_THE_LAW_HAS_IT = re.compile(r"(该|法院|法官)(怎么|咋|如何)(判|办|审|执行|处理|罚)(就"
                               r"(怎么|咋|如何)(判|办|审|执行|处理|罚)|就?由(法院|法官|检察院))")
ASKS_LAW_FOLLOWED = re.compile(r"(说|要求|表态|强调|指出|批示|批注|签批|(?<![申提])请|招呼)"
                                r"[：:]?[“\"]?[^。；”]{0,10}" + BY_LAW
                                # 依法尽快立案审理, 法院依法执行: the steps the law gives
                                + r"(尽快|及时|加快|按期)?"
                                r"(办|处理|依规|办理|进行|执行|审理|审结|立案|侦查|"
                                # 依法加大执行力度, 依法保护…工资: the law's own ends
                                r"加大[^，。；”]{0,4}力度|保护|保障)|"
                                + AS_THE_LAW_HAS_IT.pattern + "|"
                                # 县委书记讲：'…法院要依法及时审': a speech asking the law
                                # be followed, in time (R1 第三条's 督促…依法履行职责)
                                r"讲[：:][“\"‘']?[^。；”’]{0,14}" + BY_LAW
                                + r"(及时|尽快|加快)?(审理|审结|审|办|保护|保障)|"
                                r"讲[：:][^。；”’]{0,20}依法公正|"
                                # 协调公安维持秩序: the court's order kept, 创造公正司法的环境
                                r"(维持|维护)好?(庭审|法庭|现场)?秩序")
# Ties of friendship, not of kin: no party's side by the word alone.
FRIENDS = frozenset({"朋友", "同学", "老同学", "老乡", "同乡", "熟人", "邻居", "战友", "老战友"})
# 孙子的同学, 表弟的朋友: the kin word names someone else's relation, not the party's
OTHERS_AFTER_KIN = re.compile(r"的?(同学|朋友|同事|邻居|老师|战友|委托)")
# 照顾老人, 照顾孩子: care of a person, not a plea to look after a party
CARE_OF = re.compile(r"(好)?([^，。；“”]{0,6}的)?(老人|孩子|病人|家人|老太太|老爷子|小孩|父母|宝宝|"
                     r"婴儿|产妇)")  # (照顾瘫在床上的父母)
# 怎么判是你们的事: the outcome named only to say whose call it is
YOUR_CALL = re.compile(r"，?(是|由)(你们|法院|检察院|司法机关|合议庭)[^，。；]{0,4}"
                       r"(的事|决定|说了算)")
# A request only to report on a case (请书面报告审理进度, 要求按季度报送侦查进展, 请提供…):
# R1 第三条's 了解案件情况, which asks nothing of the case's handling; and a request about
# the handling itself (请依法处理, 要求加快审理, 督促尽快审结, 请核查并答复), which does
# (R1 第五条第二款). 请核实后书面回复 asks for the facts in writing, a report.
REPORT_ASKED = re.compile(r"(要求|请|要)[^。；]{0,30}?(汇报|报送|报告|介绍|提供|反馈|书面回复|"
                          r"书面答复|填报|书面报)|让[^。；]{0,24}?(进展|进度)[^。；]{0,4}书面报")
HANDLING_ASKED = re.compile(
    r"(要求|请|督促|责成|督办)[^。；]{0,12}(依法|依规|尽快|加快|抓紧|及时|妥善)[^。；]{0,8}"
    r"(处理|办理|审结|审理|执结|执行|核查|核实|审查|答复|处置)|"
    r"(要求|请|督促|责成|督办)[^。；，]{0,10}(审结|执结|核查|暂缓|驳回|立案|起诉|撤案|结案)")
NOBODY_SIGNED = re.compile(r"[为是]?[“\"]?(一群|一些|部分|广大|几个|几位)?[^，。；”]{0,4}"
                            r"(群众|知情人|网友|市民|村民|职工|员工|老百姓)")
# A word or two in quotation marks: a label put on the conduct (“打招呼”, “调研”), not speech.
SCARE_QUOTE = re.compile(r"“([^”]{1,4})”")
# A question about the outcome (会判多少, 能不能判缓刑): the outcome word in it is asked, not
# pleaded.
OUTCOME_ASKED = re.compile(r"(会判|能不能判|能否判|会不会判|可不可以判|判多少|判几年|大概会)")
# An invitation to a meal, tea or one's home (约…吃饭, 请…喝茶, 约…到家里).
# (跟约着吃饭不是一回事: named only as what this was not)
INVITED = re.compile(r"(约|邀请?|请)[^，。；]{0,14}(吃饭|喝茶|喝个茶|聚会|聚餐|坐坐|家里|饭店|"
                      r"茶楼|茶室)(?![^，。；]{0,4}(不是一回事|是两码事))|(约|邀请?|请)[^。；]{0,20}“[^”]{0,10}(吃个?饭|吃个?便饭|小聚|"
                      r"聚一聚|聚聚|喝个?茶|坐一坐)|"
                      # “周末几个老同学聚聚，你也来”: asked in the inviter's own words
                      r"“[^”]{0,16}(聚聚|聚一聚|小聚|吃个?饭|喝个?茶)[^”]{0,6}(你也来|一起来|你来吧)|"
                      # 周六来喝个茶？: asked as a question to come
                      r"来(喝个?茶|坐坐|吃个?饭)[？?]")
# An approval given after the contact (补填审批表, 事后补签, 补办了审批手续).
APPROVED_AFTER = re.compile(r"(补填|补签|补办|补批|补报)[^，。；]{0,8}(审批|批准|签批|同意)|"
                             r"事后[^，。；]{0,6}(审批|批准|签批)|"
                             r"(审批单|审批表)[^，。；]{0,14}(补签|补填|补办|补批)")
# 审批单好像是见面第二天才补签的: when the approval was given, told as a guess, is open
APPROVAL_GUESSED = re.compile(r"好像|似乎|据说|听说|可能|不清楚是不是")
# The words doubt that the one who invited arranged the meeting (不知道是不是他安排的).
ARRANGEMENT_DOUBTED = re.compile(r"(是不是|是否|有没有)[^，。；]{0,8}(安排|叫来|约来|请来)")
COUNTERPARTS = ("当事人", "律师", "特殊关系人", "中介组织")
# A record named just before a "not recorded" (登记表没有记载, 记录里没有记): the document's
# silence on a point.
SILENT_DOCUMENT = re.compile(r"(登记表|记录|纪要|笔录|日志|报告|案卷|卷宗|卷)(里|中|上)?"
                              r"(也|都|并|均)?$")
# 没有记成“干预”, 要不要登记成“过问”: the record's heading, not whether a record was made
# (a lawful letter kept as 组织来函 is recorded; 写成了“咨询” for a plea would be untruthful)
CLASSED_AS = re.compile(r'成?了?[“‘"]?(干预|过问|插手|打招呼)')
# What is handed over in courtesy (递给我一支烟, 递过一杯茶): no papers.
COURTESY = re.compile(r"(我|他|她|对方)?(一|两)?(支|根|杯|瓶)(烟|茶|水|饮料)")
# Papers a party hands in for the case (R3 第六条's ordinary work at the office).
PAPERS = re.compile(r"(证明|材料|复印件|申请书|申请|诉状|起诉状|答辩状|病历|诊断书|收据|"
                     r"回执|意见书|代理词|辩护词|代理意见|辩护意见|书面意见|证据|方案|情况说明)")
PUBLIC = re.compile(r"(公开开庭|公开宣判|公开审理|已公开|公开的|公告)")
CLAUSE_END = re.compile(r"[，。；！？,.;!?\n]")
# A transfer's or sanction's stated ground (按干部交流规定, 依照检察人员纪律处分规定, 本人申请) and
# procedure (经党组研究、公示后, 报组织部备案): R1 第六条 / R2 第七条's 法定事由 and 法定程序.
STATED_GROUND = re.compile(r"(按|依照|根据|依据)[^，。；]{0,14}(交流|轮岗|轮换|处分|任职)"
                           r"[^，。；]{0,6}(规定|办法|条例|制度|程序|方案|计划)|本人(书面)?申请|"
                           # 因收受财物被纪检监察机关依法查处: a discipline finding, a ground
                           r"(因|由于)[^，。；]{0,16}被[^，。；]{0,12}(依法|依纪)?(查处|处分|立案审查)|"
                           # 酒驾被判了拘役: a criminal sentence, a ground of its own
                           r"(被|已被)?(判了?|判处)(拘役|有期徒刑|徒刑|管制)|"
                           # 是他本人去年底递的交流申请: the officer asked for the move himself
                           r"本人[^，。；]{0,6}(递|提|交)的?[^，。；]{0,4}申请|(自己|本人)打(了)?报告(申请|要)|"
                           r"(他|她)?自己(写|递|交|提)了?[^，。；]{0,2}申请|"
                           # 全局统一开展轮岗, 任职满五年的都要交流: a rotation of all, by tenure
                           r"(统一|集中|全局|全院|全市|年度)[^，。；]{0,10}(交流|轮岗|轮换)|"
                           r"满[一二三四五六七八九十两0-9]+年的?[^，。；]{0,6}(交流|轮岗|轮换)|"
                           # 本人报名，经竞争上岗, 自己报名参加法官遴选: a post he competed for
                           r"(本人|自己|他|她)(也)?(主动)?报了?名|竞争上岗|(参加|通过)[^，。；]{0,6}遴选|"
                           # 为照顾孩子自己打的申请, 三年一轮岗的正常交流
                           r"自己打(的|了)[^，。；]{0,2}申请|[一二三四五两0-9]年一(轮岗|轮换|交流)|"
                           r"定期(交流|轮岗|轮换)|(自己|本人)打(了)?报告|"
                           # 去年12月院里公布的轮岗名单上: a rotation published before
                           r"(公布|公示|下发|印发)的?[^，。；]{0,4}(轮岗|交流|轮换)(名单|方案|计划)|"
                           # 院里年初就定了干警轮岗交流方案, 同批调动的有九个人: a planned rotation
                           r"(定了|制定了?|出台了?)[^，。；]{0,8}(轮岗|交流|轮换)[^，。；]{0,4}(方案|计划)|"
                           r"同批[^，。；]{0,4}(调动|调整|交流|调)[^，。；]{0,4}[一二三四五六七八九十两0-9]+(个人|人|名)")
# 小雷说是报复, 他认为这是打击报复: retaliation as the one moved calls it, a claim beside the
# organ's stated ground, not a finding (R2 第七条's 法定事由 stays the question); 这种情况算…
# 打击报复吗: the teller's question
CALLED_RETALIATION = re.compile(r"((说|认为|怀疑|觉得|称|喊|担心|以为|猜|传|嘀咕|议论)"
                                r"(这|那|此|她|他)?就?|(情况|做法|这样))(是|属于|算)[^，。；]{0,6}$")
# (有没有经过党组研究: the question, not the step)
STATED_PROCEDURE = re.compile(r"(?<!有没有经过)(?<!是否经过)(?<!有没有经)(?<!是否经)"
                              r"(?<!有没有)(?<!是否)(党组|党委|院务会)[^，。；]{0,14}(研究|会议|决定|同意)|公示|备案|"
                              r"(?<!有没有)(?<!是否)(开会|集体)研究(后|决定)|"
                              r"(?<!有没有)(?<!是否)(按程序|法定程序|按[^，。；]{1,8}的程序)|(正式)?任免(文件|通知)|"
                              # 党组会有纪要, 院党组去年就定了轮岗制度, 政治部找他谈了话,
                              # 走完了程序, 按遴选办法发了文: a transfer's steps, told as done
                              r"(党组|党委|院务会)会?[^，。；]{0,6}纪要|(党组|党委)[^，。；]{0,10}(定了|定的|制定)|"
                              r"(政治部|组织部|人事处|政工科)[^，。；]{0,6}谈了?(过)?话|"
                              r"(?<![没未])(走完|履行完?)了?[^，。；]{0,4}(程序|手续)|"
                              r"按[^，。；]{0,8}(办法|规定|制度)[^，。；]{0,2}发了?(正式)?(文|文件)|"
                              r"人大常委会[^，。；]{0,4}(依法)?表决")
def ground_and_procedure_stated(story: str) -> bool:
    """The words give a transfer or sanction both a legal ground (按干部交流规定, 本人申请) and a
    procedure (经党组研究, 公示): R1 第六条 / R2 第七条's 法定事由 and 法定程序."""
    return bool(STATED_GROUND.search(story) and STATED_PROCEDURE.search(story))


# The words deny the transfer or sanction any lawful cause or procedure (没有任何法定事由, 未经
# 党组研究): R1 第六条 / R2 第七条's 非因法定事由，非经法定程序, stated, not left open.
NO_LAWFUL_CAUSE = re.compile(r"(没有|没|无|并无|非因|毫无)(讲|说|给|讲明|说明|给出)?(任何)?"
                              r"(法定|正当)?(事由|理由)|"
                              r"未经[^，。；]{0,8}(研究|程序|讨论|决定)|无缘无故|无故|"
                              r"(?<!有)(没|没有)经过?[^，。；]{0,6}(研究|讨论)|"
                              # 没开党组会，也没走任何程序: the procedure a transfer needs, absent
                              # (not 有没有经过党组会, 走没走程序: the questions)
                              r"(?<![有走])(没|没有|未)(走|经过?|履行)[^，。；]{0,8}(程序|手续)|"
                              r"(?<![有开])(没|没有|未)(开|召开|经过?|上)(院)?党组会|"
                              # 也没上党组研究, 没有任何文件: no procedure and no paper behind it
                              r"(?<![有上])(没|没有|未)上(院|局)?党组(研究|讨论)|"
                              r"(?<!有)(没有|没)任何(文件|书面决定|调令|手续)|"
                              r"党组会?(没|没有|未)(开会|开|召开|研究|讨论)|"
                              # 既没有考核结果，也没有任何处分: no cause a transfer rests on
                              r"(没有|无)(任何)?(考核结果|考核依据)[^。；]{0,12}(没有|无)(任何)?处分|"
                              # 考核表上没有写任何事实依据, 会上未提出任何考核依据, 没有任何处分
                              # 决定: the sanction's ground, said to be none (not 调动文件没写理由:
                              # a paper silent on it, which leaves the ground open)
                              r"(没有|没|未|并未)(写|提出|列出|给出|附)任何[^，。；]{0,4}(依据|理由)|"
                              r"(没有|无)(任何)?处分决定|"
                              # 调令上连个理由都没有, 也没给任何说法: none given, said with
                              # emphasis (not 还没有说法: a decision not yet made)
                              r"连个?(理由|说法|解释)都?(没有|没给)|(没|没有)给?任何(说法|解释)")
# A request for an outcome opens within the words before it (请法院“确认…，驳回…”).
REQUESTED_OUTCOME = re.compile(r"(请|要求|希望|恳请|务必|务请|敦请)[^。；]{0,16}$")
# The handler asked up (请示) and the superior answered in writing (书面答复, 批复).
REPLY_TO_REQUEST = re.compile(r"请示[^。]{0,60}(书面答复|作出书面答复|批复|复函|答复函)")
# A work report heard (听取区检察院年度工作汇报), and the acts that would make it more than
# learning how the work goes (not findings.EXPLICIT_CONDUCT: a directive or a question about
# the case, which a procedure does not excuse, counts here too).
WORK_REPORT = re.compile(r"听取[^，。；]{0,14}工作汇报")
# 让法院把卷宗送到政法委，过两天开会研究: one case's file called for, no study of policy
CASE_FILE_CALLED = re.compile(r"(卷宗|案卷)[^，。；]{0,8}(送|报|交|调|拿)(到|给|来|去|过去)?"
                              r"[^，。；]{0,4}(政法委|党委|县委|市委|区委|人大|政府)")
BEYOND_LEARNING = frozenset({"plead", "private_meeting", "directive", "decide_case", "other",
                           "pass_materials", "probe"})
# The bodies that look into a case of interference: what they do is the inquiry.
OVERSEERS = re.compile(r"纪检|纪委|监委|监察委|督察|巡察|调查组|核查组|专案组|审计")
# A disciplinary interview (在纪律委员会谈话时承认), held by the overseers or a bar's 纪律委员会:
# the inquiry's own talk, no purpose of the contact it asks about
INTERVIEWERS = re.compile(OVERSEERS.pattern + r"|纪律委员会|律师协会|律协")
# 我找他核实, 我问他了解: the teller checking the account afterwards, no purpose of the contact
TELLER_CHECKING = re.compile(r"我(找|向|跟|问)(他|她|其|本人)[^，。；]{0,2}$")
# 按照重大事项请示报告程序, 按照诉访分离原则: a rule followed, not an opinion to follow.
BY_A_RULE = re.compile(r"[^，。；“”]{0,10}(程序|规定|原则|制度|办法|流程|法律)")
# A disclaimer that says no opinion was given (没有发表任何意见, 不对定罪量刑表态), not one
# that says who decides (由法院依法决定: that may be anyone's words, the court's own too).
# 定罪量刑是法院的事: whose business the decision is, said to leave it to the court
COURTS_BUSINESS = (r"是(人民)?(法院|检察院|司法机关|合议庭|办案机关)"
                   r"([和与、](法院|检察院|公安))?的事")
# 定罪量刑由法院依法决定: the decision left to the court
LEFT_TO_THE_COURT = re.compile(rf"[^，。；“”]{{0,4}}{COURTS_BUSINESS}|"
                               r"[^，。；“”]{0,4}由(人民)?(法院|检察院|司法机关|合议庭|审判组织)"
                               r"[^，。；“”]{0,4}(决定|判断|认定|裁判|作出)")
NO_OPINION = re.compile(rf"(没|未|并未|从未|均未|都没|不|无人|谁|一个字|一句|只字|半句|"
                        rf"该(怎么|咋|如何)|(案子|案件)[^，。；]{{0,4}}(还是|仍然|仍|都|由)法院|"
                        rf"{COURTS_BUSINESS}|"
                        # 法院依法定, 已生效的判决一律不动: the decision left to the court
                        rf"(人民)?(法院|检察院)依法|(已经|已)?生效|"
                        # 证据你们把关: the finding left to the organ that hears the report
                        rf"(证据|事实|定性|怎么判|判多少)[^，。；“”]{{0,4}}(由)?你们)")
RECORDER_STEP = re.compile(r"[^，。；]{0,2}(做了|作了|如实)(登记|记录)|(登记|记录)(了|下来)|"
                           r"拆检|扣留|收存")
# 本人当即表示按规定办理: the answer of the one approached, told without quotes.
REPLIED_BEFORE = re.compile(r"(表示|答复|回复|回答|答道)[^，。；“”]{0,6}$")
# Where a complaint brought it out, the silence established by the inquiry or owned by the
# officer (纪检组查明他从来没有报告过, 一直没有向局纪检监察室报告, 他这才说明, 问其为何十天来
# 没有向纪检组报告): R3 第七条's report was not made, whatever else the complaint alleged
NO_REPORT_ESTABLISHED = re.compile(
    r"(从来|一直|始终|至今|到现在都?|到那天为止一直)(没有|没|未)[^，。；“”]{0,10}报(告|过|备)|"
    r"(这才|才)(去)?(做|作|补交了?|补写了?|写了?)[^，。；“”]{0,4}(说明|报告)|"
    r"为何[^。；“”]{0,12}(没有|没|未)[^。；“”]{0,10}报告")
# 账户啥时候能解冻？: a question of when, closed by its question mark; it asks the time of a
# step, not for an outcome (who asks it may still be pleading: the words do not say)
WHEN_ASKED = re.compile(r"(啥时候|什么时候|何时|多久)(能|可以|才能|会)[^，。；？?]{0,6}$")
QUESTION_CLOSES = re.compile(r"[^，。；？?]{0,4}[？?]")
# 我说解冻要报批出法律文书: the one asked answers what the law would require; the form and
# the approval he names are not how the request came, nor given
REQUIREMENT_ANSWERED = re.compile(r"^(我|他|她)?(说|答复|回复|回答|表示|告诉他|告诉她|"
                                  r"跟他说|跟她说)[^，。；“”]{0,12}"
                                  r"(要|需要|得|须|必须|应当|应该|依法)")
# 先解冻，手续后面再补: the procedure put off, the opposite of following it; 民警说按规定不能
# 给: the rule named to refuse what was asked, not a procedure the asker followed
PUT_OFF_AFTER = re.compile(r"[^，。；”]{0,2}(后面再补|以后再补|事后再补|回头再补|后补|再补)|"
                           r"(不能|不可以|不得|不允许|不让)(给|提供|透露|说|发|看)")
# 被开除党籍、开除公职, 给予党纪处分: the wrongdoer's sanction, no retaliation against a recorder
SANCTION = re.compile(r"..开除(党籍|公职)|(党纪|政务)处分")
# 刁难律师, 威胁当事人: hardship put on someone outside the organ, not retaliation against the
# one who recorded an intervention (R1 第六条, R2 第七条 protect 如实记录的司法人员)
ON_OUTSIDER = re.compile(r"(律师|当事人|代理人|辩护人|家属|群众|企业|记者)")
# 一开始没有提到案子，临走时才说…: what comes after a turn like this may bring the case up.
LATER_TURN = re.compile(r"后来|临走|临别|最后|随后|末了|快结束|散场|饭后|才(说|提|讲|问)|"
                        r"但是?|可是|不过|却")
# 没有接话, 没接电话: a word or a call not taken up, not an offer turned down.
NOT_TAKEN_UP = ("话", "电话", "茬", "腔", "听",
                # 退回补充侦查: a procuratorate's step in the case, no refusal of anything offered
                "补充侦查", "补侦",
                # 推辞不过, 推辞不掉: he could not refuse, and took it
                "不过", "不掉")
PLEAD_PATTERN = re.compile(r"能[^，。“”]{0,4}就[^，。“”]{0,4}|能不[^，。“”]{1,3}就不")
# 案卷, 卷宗 name files, not a leak: 整理卷宗, 调出了执行卷宗 are the files' ordinary handling.
# They are a leak (R3 第五条第（一）项) only where the sentence shows or gives them to someone:
# 给律师看, 让他拍了, 复印一份交给, 发给家属. (复印 alone is no leak word: a copy is made daily.)
FILE_NOUNS = frozenset({"案卷", "卷宗"})
FILES_SHOWN = re.compile(r"(给|让|叫|帮|替)[^，。；]{0,10}(看|翻|拍|抄|复印|查阅|拷)|"
                         r"(拍|发|传|拷|复制|借|交|递|拿|送|带|透露|泄露|给)(了|给|到|走|出|回)?"
                         r"[^，。；]{0,8}(律师|当事人|家属|辩护人|代理人|被告|原告|嫌疑人|"
                         r"对方|他|她|我|朋友|老板|亲戚|司机)|(送|转|交|拿|递|发|带)给")
# 塞给我一个红包, 递给他两条烟: a benefit offered, not papers passed (R2 第九条第（三）项).
BENEFIT_HANDED = re.compile(r"[^，。；]{0,8}(红包|现金|钱|购物卡|卡|礼|烟|酒|茶叶|土特产|鸡蛋|"
                            r"特产|信封)")
# 让他周一来递材料, 请他到立案窗口交材料: a party told how to file, by procedure.
FILE_BY_PROCEDURE = re.compile(r"(让|叫|请|告诉)[^，。；]{0,12}(来|到|去)[^，。；]{0,8}"
                               r"(递|交|提交)[^，。；]{0,4}材料")
# 老周写的情况说明：…, 情况说明落款日期: the paper named as a document (the report itself),
# not papers passed to a handler.
PAPER_NAMED = re.compile(r"[：:]|落款|上写|里写|载明")
# 承办人请他按协查程序办: the procedure the officer sent him to, not the way he came.
TOLD_TO_FOLLOW = re.compile(r"(请|让|叫|要求|要|劝|告诉|告知)(他|她|对方|其|他们|她们)"
                            r"[^，。；]{0,4}$|告知[^，。；]{0,2}$|"
                            # 跟他们说“先去办手续”: the step still to be taken, not one taken
                            r"(先去|先回去|回去|先)(办|补办|开)[^，。；]{0,2}$")
# 法官答：“评议情况不能对外讲”: the one asked to tell refuses in his reply.
# 当事人问：“给推荐个律师吧？”法官说法院不能推荐: asked for in his words, refused
REFUSED_TO_RECOMMEND = re.compile(r"(不能|不会|不便|不可以|不得|不宜|拒绝|没有|没|不予|不)"
                                  r"(给|帮|为|替)?"
                                  r"[^，。；]{0,3}(推荐|介绍)")
# A legal-aid referral told with no lawyer named (没提任何一个律师的名字, 律师由他们指派)
NO_LAWYER_NAMED = re.compile(r"(没|没有|未)(提|说|点)[^，。；]{0,4}(任何|哪)[^，。；]{0,6}"
                             r"(律师|律所)|(不|没有?)推荐具体|律师由[^，。；]{0,6}指派")
# 社区推荐我当他的公民代理人: the teller is the one recommended as agent, no officer
# recommending a lawyer to a party (R3 第五条 (二)); 按联系方式给承办法官打电话: a call made
TELLER_RECOMMENDED = re.compile(r"(推荐|介绍)我(来|去)?(当|做|担任|作为?)")
CALLED_WITH_IT = re.compile(r"[^，。；]{0,8}(打|回|去|致|拨)(了个?|个|通)?电话")
# 收了报告, 收下了情况说明: what was taken in is a paper, no benefit (R3 第五条 (三))
PAPER_RECEIVED = re.compile(r"(下|到)?了?(他的|这份|那份|书面)?"
                            r"(报告|情况说明|材料|申请|举报|信|登记表)(?!费)")
INTENTION_AFTER = re.compile(r"的?(意向|意愿|想法|打算|申请)")
# 作为范本转给了其他分公司: a paper passed around the teller's own side, to no officer
OWN_SIDE_AFTER = re.compile(r"了?[^，。；]{0,3}(其他|各|下属)?(分公司|子公司|分行|支行|门店|"
                            r"同事|员工|下属单位|各部门|全体)")
# “直接拿给法官看看”。我没答应: the request in quotes, turned down in the next words
REFUSED_REQUEST = re.compile(r"[。，,；！？?]?[^。；“”]{0,6}(没答应|没有答应|拒绝|回绝|婉拒|没同意|"
                             r"没有同意|没接这个话|不答应)")
# 想打听合议结果 … 法官只说“宣判前不能透露”: the secret asked for, and the asking refused
ASKED_TO_TELL = re.compile(r"(打听|探听|想知道|问问?|询问|探问)[^，。；“”]{0,6}$")
REFUSED_IN_WORDS = re.compile(r"(说|回|答|表示)[：:，,]?“[^”]{0,12}"
                              r"(不能|不便|不可以|无可奉告|不方便)[^”]{0,4}(透露|告诉|讲|说)")
REFUSED_TO_TELL = re.compile(r"(回|答|回复|回答|答复)[：:，,]?“[^”]{0,20}"
                             r"(不能|不便|不可以|无可奉告|不方便|不会)"
                             r"[^”]{0,6}(讲|说|透露|告诉|谈|透)|"
                             # 对方又问“能不能先透个底”，审判长说不能: asked, and the answer no
                             r"[^”]{0,10}”[，,]?[^，。；“”]{0,8}(说|回答|答)[：:“]?(不能|不行|不可以|不方便)")
# 退回补充侦查, 发回重审: a case sent back a step, nothing turned down
CASE_SENT_BACK = re.compile(r"(补充侦查|补侦|重审|重新审理)")
# 被查出才退回, 案发后才退还: a benefit returned once the taking came out; 材料就这么原样退回:
# a complaint's papers sent back by the overseers, nothing the officer turned down
NO_REFUSAL_BEFORE = re.compile(r"(才|被查出|被查|被发现|查出后|案发后|败露后)[^，。；]{0,8}$|"
                               # 借条也还给了他: the IOU handed back once the loan was repaid
                               r"(材料|举报信|反映信|信件|借条|欠条)[^，。；]{0,8}$|"
                               # 我不好拒绝, 不好意思推辞: a refusal he could not make
                               r"(不好|不好意思|没好意思|不便|没法|没办法|无法|不敢|难以|不忍心?)"
                               r"(当面|直接)?$")
# 书面反映, 书面报告了院纪检组: a report made in writing, not guidance in writing (R2 第四条).
REPORT_IN_WRITING = re.compile(r"[^，。；]{0,2}(反映|举报|报告|说明)")
# 微信聊天记录已调取, 通话录音被调取: records the inquiry took as evidence, not a procedure the
# one who acted followed
EVIDENCE_TAKEN = re.compile(r"(记录|录音|录像|监控|截图|流水|凭证)(已经?|被|均|都)?$")
# 他没有回避, 未申请回避, 拒不回避: the officer did not step aside (R3 第四条's 自行回避 not done);
# whether the law required it is another fact.
NOT_RECUSED = re.compile(r"(没有|没|未|并未|也未|也没有|拒不|不肯|不愿)(主动|自行|依法)?"
                         r"(申请|提出|要求)?回避")
# 拟判缓刑的被告人, 已判实刑的罪犯: an outcome naming whom the words speak of, not one asked for or
# told (the state of the case, as 缓刑犯 is).
OUTCOME_NAMES_PERSON = re.compile(r"(拟判|已判)[^，。；的]{0,6}的(被告人|罪犯|犯罪嫌疑人|嫌疑人|"
                                  r"服刑人员|社区矫正对象)|(缓刑|减刑|假释)候选(人|被告人|罪犯)?")
# Attending a public trial or hearing (旁听公开庭审, 受邀担任听证员, 法院开放日): open to the
# public, no request of the court by itself.
# ... or in court as the head of the organ that is a party (行政机关负责人出庭应诉,
# 坐在被告席上): the party's own part in the trial, asking nothing of the judge outside it
AUDIENCE = re.compile(r"旁听|听证员|开放日|出庭应诉|坐在被告席|"
                      r"(作为|以)[^，。；]{0,8}(被告|原告)[^，。；]{0,6}(负责人|法定代表人)")
# Someone tells the handler not to record (院长指示…不要把电话记录在案, 书记的电话就别记了 said to
# him): 主管领导授意不记录 (R1 第十条, R2 第十一条), an act of its own whatever was asked.
TOLD_NOT_TO_RECORD = re.compile(
    r"(授意|指示|叫|让|要求|吩咐|交代|示意|暗示|提醒|要他|叫他)[^。；]{0,12}"
    r"(不要|别|不许|不准|不用|不必|不得)[^。；]{0,12}(记|登记|入卷|存档|写了|写进|录入)|"
    # 交代：“县领导来电问案子的，一律不要登记”: the calls named first, then the entry forbidden
    r"(授意|指示|吩咐|交代|要求)[：:，,]?“[^。；”]{0,20}一律(不要|别|不许|不准|不用|不得)(记|登记)|"
    # 对江法官说：“郑主任那个电话就别记了”: the entry forbidden to the officer, in quotes
    r"(对|跟|给|叫|让)[^。；“”]{0,8}(法官|检察官|承办人|书记员|民警|警官)[^。；“”]{0,3}说?[：:，,]?“"
    r"[^”]{0,24}(就|先)?(别|不要|不用|不必)(记|登记|写进|入卷|录入)|"
    # 交代他：“那个电话，过问表上就别写了”: the register named, the entry forbidden
    r"(授意|指示|吩咐|交代|要求)[^。；]{0,30}(表上|本上|本子上|系统里)就?(别|不要|不用)(写|记|登|录)|"
    # 交代：“…的电话不用进登记表”: the entry itself forbidden
    r"(授意|指示|吩咐|交代|要求)[^。；]{0,30}(别|不要|不用|不必)(进|上|入|写进|记进)"
    r"(登记表|登记本|登记簿|台账|系统)")
# Words that name a case or someone in one: without any, a direction given at a meeting
# (要求依法打击电信诈骗犯罪, 要求各部门配合法院执行工作) is about work, not 案件处理
# (R1 第八条第（四）项).
NAMES_A_CASE = re.compile(r"案|官司|被告|原告|当事人|嫌疑人|被执行人|申请人|罪犯|服刑|判决|裁定|"
                          r"起诉|立案|诉讼|宣判|量刑|判处|拘留|逮捕|取保|查封|冻结|扣押|拍卖|"
                          r"纠纷|抚养|离婚|赔偿|借贷|继承|事故|侵权|合同|企业|公司|老板|厂|项目|某")
# 任何人不得打招呼, 不能插手: a ban on interfering, not a direction on the case
NO_MEDDLING = re.compile(r"[^，。；]{0,4}(打招呼|干预|插手|过问|说情|施压)|"
                         r"漏(记|登|报)?")  # 一律登记，不能漏: the record insisted on
# 交到局纪委登记了, 上交给了县纪委: what was left for him handed to the overseers, whichever organ's
# (the word list names the court's and procuratorate's own); not kept (R3 第五条第（三）项)
HANDED_TO_OVERSEERS = re.compile(r"(上交|交到|交给|送交|交至|送到)了?[^，。；]{0,6}"
                                 r"(纪检|纪委|监察室|监察部门|督察)")
# 没收水果，请她回去: 没 + 收, the gift not kept; not 没收 as a confiscation (依法没收, 没收违法
# 所得) nor 没收钱, 安装费没收 (no charge made: a free loan or job is still a benefit)
NOT_KEPT = re.compile(r"(?<![予以被已将并费])没收(下|过)?"
                      r"(?!钱|费|租|分文|一分|押金|违法|非法|赃|财产|了)"
                      # 没收法官的钱: the officer not charged, a benefit given, no refusal
                      r"(?![^，。；]{1,4}的(钱|饭钱|餐费|费用|房租|租金|车费))")
# 只说了节哀，没提案子: no case named by a cadre at a wake; but beside a party or lawyer met
# (谁都没提案子 at a weekly card game) the contact is with one who has a case (R3 第五、七条)
CASE_UNMENTIONED = re.compile(r"(没|没有|未|并未|从未)提(过)?(任何|什么)?(案件|案子|官司)")
# 收下了, 吃了这顿饭, “卡收到了，谢谢”: the gift or meal taken, whatever was refused besides
# (推辞了两回还是来了: the invitation refused at first, then taken)
TAKEN_WORDS = ("收下", "收了", "收受", "笑纳", "拿了", "接受了", "卡收到了", "钱收到了",
               "红包收到了", "吃了这顿饭", "吃了那顿饭", "这顿饭吃了", "饭吃了", "还是来了",
               "还是去了", "还是赴约")
# 红包她都没收: the other side did not keep what the officer gave, no refusal of his
NOT_KEPT_BY_OTHER = re.compile(r"(她|对方|人家|家属|当事人|被害人|原告|被告|律师)"
                               r"(都|也|均|一直|始终)?$")

# A complaint verified and found untrue (经查未发现, 不属实, 查明…不在场).
# 经查，承办法官为向某，尚未谈话: the inquiry has found who, not yet whether; what was complained
# of is not established by it
NOT_YET_HEARD = re.compile(r"(尚未|还未|还没有?|暂未|未|没有)(谈话|约谈|核实|查实|核查|调查|"
                           r"找[^，。；]{0,6}谈)")
# 报什么批, 哪有时间去审批: the officer scorns or skips the approval R3 第六条 asks beforehand
APPROVAL_SCORNED = re.compile(r"报什么批|批什么批|审什么批|哪有时间[^，。；“”]{0,2}(报批|审批)|"
                              r"没法走审批|(还要|还得|也要)批[？?]|顾不上(报批|审批)|还(审批|报批)什么|(还|小事|这种事)批什么|请示什么|"
                              # 院里也确实没人知道这次见面: none at the unit knew, none approved
                              r"(院里|单位|所里|庭里|局里)[^，。；]{0,4}(没人|没有人)知道[^，。；]{0,4}(见面|这事|这回)|"
                              r"没时间走?(审批|报批)|(办|走)(审批|报批)(太|很|挺)?(慢|麻烦|繁琐|费事)|什么手续都没(办|走)|"
                              # 没跟所里打招呼: the officer's unit not asked beforehand
                              r"(没|没有|未)(跟|向)(所里|院里|庭里|局里|队里|科里|单位|领导)"
                              r"[^，。；“”]{0,2}打(过)?招呼|"
                              # 院里不用报, 不用走院里的手续, 没跟庭里报: the unit not asked
                              r"(不用|不必|用不着|没必要)(跟|向)?(院里|庭里|局里|所里|单位)?"
                              r"(报|报批|报备)|不用走[^，。；“”]{0,4}手续|(不|不用)走程序|"
                              r"(没|没有|未)(跟|向)(所里|院里|庭里|局里|队里|科里|单位|领导)(报|报备|报批)|"
                              # 没填外出单, 事先没跟庭里请示: the outing's form or leave not sought
                              r"(没|没有|未)填[^，。；“”]{0,3}(外出单|外出审批|审批表|审批单|请示单)|"
                              r"(没|没有|未)(跟|向|找)[^，。；“”]{1,6}(请示|报批)|"
                              # 法官说喝个茶不用批, 都是熟人不用办什么手续: none was sought
                              r"(不用|不必|不需要|用不着)(报批|审批|批|(办|走)(什么|啥)?手续)|"
                              r"(?<![有是])(没|没有|未)(办|走|报)(任何|过)?[^，。；“”]{0,8}(审批|报批)|没打报告|"
                              r"(不用|不必|用不着)(跟|向)(院里|庭里|所里|局里|队里|单位|领导)(报|请示)|"
                              # 报批太麻烦，不报了; “这也要报批？”: the officer's own words skip it
                              r"(报批|审批)(也|实在)?(太|很|挺)?(麻烦|繁琐|费事)|“这(也|都)要(报批|审批)|"
                              r"没来得及(报批|审批|批|报(?![告备给到纪]))")
# 查封审批下来了, 还没签发的冻结审批单: the approval of a measure in the case (R3 第六条's 审批手续
# is for a contact with a party or lawyer, R2 第四条's 工作程序 for an inquiry), not of the act
MEASURE_APPROVED = re.compile(r"(查封|扣划|冻结|扣押|拘留|逮捕|批捕|搜查|结案|延期|延长|"
                              # (外出执行审批, 上门立案审批 approve the outing, the contact)
                              r"取保|拍卖|处罚|减刑|假释|报捕|移送)的?$|"
                              # 看到了内勤桌上的审批表: the form seen, no approval given
                              r"(看到|看见|发现|翻到|拍下|偷看)了?[^，。；]{0,8}$")
# 举报人：原告甘某, 借条复印件: a form's field and a copy named as a paper, nothing told (a file
# copied for someone names the file: 案卷, 卷宗 and the leak patterns)
LEAK_LABEL = re.compile(r"[：:（(]")
# 外出抓捕可以开他的车: the officers' operation as the errand, nothing of it told
OWN_OPERATION = re.compile(r"(外出|出去|出发去?)$")
COMPLAINT_CLEARED = re.compile(r"(未|没有|没)(发现|查出|查实)[^。；]{0,16}"
                               r"(收受|接受|问题|违纪|违规|违法|行为|接触|来往|往来)|不属实|查无实据|"
                               # 举报不实, 所反映问题失实; 举报人…是看错了人, 改口说是“误会”
                               r"(举报|反映|投诉)[^。；，]{0,6}(不实|失实)|不能成立|没有此事|纯属误会|"
                               r"看错了?人|认错了?人|改口说是?“?误会|没有?这回事|"
                               # 答复…：王法官没收礼，公司也没送过: the answer denies the act
                               r"(回复|答复|结论)[^。；]{0,10}(没收|没有收|未收|没有接触|没接触)|"
                               # 核查……结论是“无问题”: the inquiry's conclusion
                               r"结论(是|为)?[：:]?“?(无问题|没有问题|无违纪|没有违纪)|"
                               # 查明当晚是该律师与他人聚餐，检察官不在场: he was not there
                               # (查明那几天他在省城培训: elsewhere)
                               r"查明[^。；]{0,30}(不在场|并未参加|没有参加|未参加|没有去|并未到场|"
                               r"在(外地|省城|市里|外省)[^，。；]{0,6}(培训|开会|出差|学习)|不在本(县|地|市))|"
                               # 没有查到吃请的事实; 纪检组…答复：…不违反规定: its finding
                               r"(没有|没)查到[^。；]{0,12}(事实|问题|违规|证据)|"
                               r"(纪检|监察|核查|查明|答复|回复|回话)[^。]{0,60}(不违反规定|不算违规|"
                               r"没有违规|没有发现违规|不存在违规|没有发现问题)")
# 用法院座机打到…, 从庭里的办公电话打来: the officer's end of a call is his office
OFFICE_PHONE_CALL = re.compile(r"(用|从|通过|拿)[^，。；]{0,6}(座机|办公电话|工作电话)"
                               r"[^，。；]{0,2}(打|拨|致电|来电)")
# 孙经理一直想找执行法官当面谈: a wish carried for long, not a meeting held
LONG_WISHED = re.compile(r"(一直|早就|本来|原本|本)想[^，。；]{0,8}$")
# 以后同事来问案子，他就干脆不登记: what someone means to do from now on, nothing done yet
PLANNED_FROM_NOW = re.compile(r"(今后|以后|往后|从今往后|下次)[^。；]{0,30}(就|干脆|一律)")
# 没带任何手续, 没看到他们拿出什么函件: the papers of a procedure not brought or not seen
PAPERS_NOT_BROUGHT = re.compile(r"(没|没有|未|不)(带|拿出?|出示|提供|看到|见到|走|办)"
                                r"[^，。；]{0,6}$")
# 情况说明该怎么交: how to file a paper, asked; nothing passed
HOW_TO_FILE = re.compile(r"[^，。；]{0,2}(该|应该|要)?怎么(交|递|提交|递交)")
# 调走了记录本的复印件: papers taken away, not a person moved
THING_TAKEN_AFTER = re.compile(r"了?[^，。；]{0,8}(复印件|材料|记录本|卷宗|案卷|账本)|"
                               # 病历被派出所调去当了证据: a paper taken as evidence
                               r"[^，。；]{0,2}(当|作|做|作为)了?[^，。；]{0,2}证据")
# (借款交付凭证, 借款本金: the loan in the case's evidence, not one to the officer; 借款人: the
# borrower, a party to the case)
CASE_KIND = re.compile(r"款?((?<=借款)人|纠纷|合同|案|情况|关系|事实|诉讼|官司|交付|凭证|借据|本金|"
                       r"利息|金额|数额|协议|做过?担保|提供(了|过)?担保|担保)")
# 送了一面锦旗，法官收下了 / 收下了锦旗: an honour alone given or taken (no 和两条烟 beside it)
HONOUR_ONLY_GIVEN = re.compile(r"(送|拿|带|挂)[^，。；和及、还另]{0,4}(锦旗|感谢信|表扬信|牌匾)"
                               r"[^和及、还另烟酒钱卡礼]{0,8}收(下|了)|收下?了?(那面|这面|一面)?"
                               r"(锦旗|感谢信|表扬信|牌匾)")
# 肯定收了好处, 八成是收了钱: a bystander's guess at a benefit, no benefit told
GUESSED = re.compile(r"(肯定|一定|准是|八成|估计|多半)(是)?$")
# 对拟适用缓刑的被告人做调查评估: the sentence the court has in view, named by procedure
PROPOSED = re.compile(r"(拟|可能)(建议)?(适用|判处|宣告)$")
# 客户以为人大能替他改判, 怀疑副院长“打招呼”: what someone fears or believes, not a plea made
FEARED = re.compile(r"(以为|误以为|担心|怀疑|生怕|害怕|我怕|就怕|只怕)[^，。；“”]{0,10}“?$")
# 塞给我一个红包: a gift handed over, not papers
GIFT_AFTER = re.compile(r"[^，。；]{0,6}(红包|信封|购物卡|现金|礼品|礼物|烟酒|茶叶)")
# 被告洗浴中心的老板, 洗浴中心老板: the business that is a party, no pastime paid for
BUSINESS_NAMED = re.compile(r"中心的?(老板|经理|负责人|员工|店长|法定代表人)|"
                            # KTV超收费那个案子, KTV的服务员: the business named, no pastime
                            r"的?(老板|经理|服务员|员工|店长)|[^，。；]{0,8}(案|纠纷|官司)")
# 茶叶店, 足浴店老板, 礼品公司: a shop named, no benefit
SHOP_NAMED = re.compile(r"(KTV|洗浴|足浴|茶叶|礼品|名酒|名烟|字画|玉器)(店|铺|行|公司|市场|批发)")
# 新装修的律师接待室: the room's fit-out; 装修公司老板, 装修款执行案: a firm or a debt named
NEW_FIT_OUT = re.compile(r"(新|刚|重新)装修|装修(公司|款|队|工程|合同|店|材料)")
# 胜诉后, 败诉了, 取保候审在家: the case's outcome or a measure told, not one asked for
DECIDED_OUTCOME = re.compile(r"(胜诉|败诉)(后|以后|之后|了)|取保候审(在家|期间|中|了)")
# 其他单位不要打招呼: a ban on meddling, not a plea
BANNED_MEDDLING = ("打招呼", "说情", "干预", "插手", "过问")
BAN_BEFORE = re.compile(r"(不要|别|不准|不许|严禁|禁止|不得)"
                        r"((去|替|给|为|帮|向|跟)[^，。；]{0,8})?$")
# 到法院门口, 检察院附近的茶馆: beside the organ, not inside it; 以单位名义: the name a paper goes
# under; 院里批没批, 院里没批过, 院里也没人知道: the approver or the ones told, not the place
NOT_THE_PLACE = re.compile(r"的?(门口|大门|附近|对面|旁边|外面|外边|楼下|周边|门外|斜对面|名义)|"
                          r"(批|审批|报批|批准|同意)(没批|了没|没有|没|过没|了吗)|"
                          r"(也|都|还)?(确实)?(没|没有|未)(批|审批|报批|批准|同意|人知道)")
