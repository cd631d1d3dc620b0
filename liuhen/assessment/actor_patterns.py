"""The words by which the actor reader (liuhen.assessment.actor_facts) tells who acted: counsel,
a cadre's relative or staff, a relay, a colleague, a cadre acting for a party. Each pattern says
in its comment what it finds; they are kept apart so that the reader's logic stays readable."""

from __future__ import annotations

import re
from collections.abc import Callable

from liuhen.assessment.facts import Counterpart
from liuhen.assessment.identity import FIRM_NAMED_IN_ITS_CASE
from liuhen.assessment.lexicon import Match, Text
from liuhen.assessment.narration import ADDRESSED, in_quotes

# Acting as counsel in a case (作为儿子的辩护人, 担任被告的诉讼代理人).
# 以近亲属身份代理他儿子应诉: acting for a party in words, not by a title
ACTS_AS_COUNSEL = re.compile(r"(担任|作为|当了|做了|出任)[^，。；]{0,8}(律师|代理人|辩护人)|"
                             r"(?<![应相])当(诉讼)?(代理人|辩护人)|"
                             r"以[^，。；]{0,8}身份[^，。；]{0,12}(代理|辩护|打官司|出庭|应诉)|代理的是|"
                             r"(辩护人|代理人)(是|为)|(?<![不没未])代理[^，。；]{0,8}(应诉|起诉|诉讼)|"
                             # 以儿子的诉讼代理人身份, 身份是…的委托代理人, 作为…监护人，代理侄子
                             r"(代理人|辩护人)的?身份|身份是[^，。；]{0,16}(代理人|辩护人)|监护人[，,]?代理|"
                             # 代理其父亲的宅基地纠纷案: for his own kin, by the kin word
                             r"出庭代理|代理(其|他|她)?的?亲?(父亲|母亲|儿子|女儿|配偶|妻子|丈夫|弟弟|哥哥|姐姐|妹妹|"
                             r"父母|子女|近亲属)|"
                             # 作为姑姑的监护人…替姑姑起诉: a guardian in the ward's suit
                             r"作为[^，。；]{0,8}监护人[^。；]{0,30}(起诉|应诉|出庭|打官司|代理)")


# The cadre is told of the relative's pleading, and it goes on (照样, 照旧, 仍然): 纵容.
TOLD_AND_WENT_ON = re.compile(r"(向|跟|告诉)[^。；]{0,12}(反映|说明|告知|提醒|报告)[^。]{0,40}"
                               r"(照样|照旧|仍然|依旧|还是照|继续)")
# The cadre himself takes up the relative's errand (“我弟弟找你们那事，你们多费心”): he makes it
# his own, 授意、纵容 at the least (R1 第八条第（三）项).
ERRAND_ENDORSED = re.compile(r"(我|俺)(家)?(的)?(弟弟|妹妹|哥哥|姐姐|爱人|老婆|妻子|丈夫|"
                              r"儿子|女儿|侄子|外甥|亲戚|秘书|司机)[^。；”]{0,10}(那事|的事|那件事|那个事)"
                              r"[^。；”]{0,8}(多费心|费心|关照|照顾|帮帮忙|上上心|多关心)")
# The cadre speaks of what his staff passed on and owns it (“小马跟你们说的那个事，你们心里有数
# 就行”): 授意、纵容 at the least, as with ERRAND_ENDORSED
STAFF_ERRAND_OWNED = re.compile(r"(跟|找|给|对)你们?(说|讲|提|打招呼)(过)?的(那个|那件|那)?事"
                                r"[^。；”]{0,10}(心里有数|多费心|费心|关照|照顾|上上心|多关心|"
                                r"看着办)")
# The staff relays the cadre's own act (县长已经跟赵局长打好招呼了, 刘县长请…一起坐坐): the
# errand is the cadre's, 授意 at the least (R1 第八条第（三）项)
CADRE_ACTS_HIMSELF = re.compile(r"(长|书记|主任)(已经|早就|都|亲自)?(跟|给|和|同)[^，。；]{0,10}"
                                r"打(好|过|了)了?招呼|(长|书记|主任)请[^，。；]{0,12}(坐坐|"
                                r"吃饭|吃个饭|聚聚|见个面|见见)")
# The cadre sends the staff (政协李副主席让秘书给执行局送来一张便条): the errand is his own
SENT_BY_CADRE = re.compile(r"(((长|书记|主任|主席)[^，。；“”]{0,4}|"
                           r"(?<=[，。；：“])(他|她)(已经|早就|就|也|还)?)"
                           r"(?<![不没别])(让|叫|派|安排|指派)|"
                           # 转头吩咐秘书: the one who orders the secretary is his principal
                           r"吩咐|嘱咐|授意)"
                           r"(他的|她的|自己的)?$")  # (副主席让他的秘书给…打电话)
# Told of the relative's errand, the cadre lets it go on (有人提醒他管管，他说“她愿意打就打吧，我
# 不管”; 知道秘书在替…说情，只对秘书说了句“你看着办，别把我扯进去”): 纵容 (R1 第八条第（三）项)
LET_IT_GO = re.compile(r"(提醒|反映|告诉|劝|问)[^。“”]{0,20}说[：:]?“[^”]{0,16}(我(才|也)?不管|"
                       r"随(她|他)(去|吧|便)|由着?(她|他)去|愿意[^，。；”]{0,4}就[^，。；”]{0,4}吧)|"
                       r"(说情|打招呼|求情)[^。；“”]{0,10}(对|跟)[^，。；“”]{0,4}说了?句?[：:]?“"
                       r"[^”]{0,4}(看着办|别把我扯进去|别扯上我)")
# The cadre's own ignorance, in words that may as well be anyone's (instigation.staff_facts)
UNKNOWING = re.compile(r"(并|毫)?不(知道|知情)")
OFFICE_NAMED = re.compile(r"(局|办|科|室|部门|联席|干部|工作人员|专班)")
# 还说要去纪委反映, 扬言要去投诉, 准备向纪检组反映, 让我去投诉他: a complaint threatened or
# planned, not made (not 我要举报, 我想反映: the complaint itself, in the complainant's words)
COMPLAINT_INTENDED = re.compile(r"(扬言|准备|打算|考虑|说要|还要|让我|叫我|要去|要不要|该不该|"
                                r"需不需要|用不用|是否要)"
                                r"[^，。；]{0,10}$")
# The teller is a party: his lawsuit (我那个货款官司, 办我那笔执行案的法官). 官司 is a party's
# word for a case; a judge says 我承办的, 我手上的, never 我那个官司.
NARRATOR_IS_PARTY = re.compile(r"我(那个|那起|那笔|这个|的)[^，。；“”]{0,10}官司|"
                               r"我(那个|那起|那笔)[^，。；“”]{0,10}(案子|执行案)|"
                               r"(办|审|管)我(那个|那笔|那起|的|这个)[^，。；“”]{0,8}(案子|官司|执行案)|"
                               # 审我案子的法官, 审我那个欠款案的, 啤酒公司告我的案子, 诉我们那个
                               # 案子: the teller's case (告诉我的案子 is news told, no suit)
                               r"(办|审|管)我(?![们院庭局科所队处室])(那个|那笔|那起|的|这个)?"
                               r"[^，。；“”]{0,6}(案子|官司|案(?=的|期间|时))|"
                               r"(?<![告投])(告|诉)我(们)?[^，。；“”]{0,8}(的|那个|这个)(案子|官司)|"
                               # 正审侯俊告我的工资案, 你那个律师, 我们公司是这个案子的原告
                               r"(审|办|管)[^，。；“”]{0,6}(?<![告投])(告|诉)我(们)?的[^，。；“”]{0,6}案|你(那个|的)律师|"
                               r"问(起|到)?了?我(们)?(告|诉)[^，。；“”]{0,10}的(那个)?(案子|官司)|"
                               # 我的行政案还在她手上, 他手上就是我告卢某的案子: the teller's suit
                               # 我们店的账户还在他手里冻着: the teller's thing under his measure
                               r"我(们)?(店|厂|家|公司)?的[^，。；“”]{0,6}(案子?|异议|复议|上诉|申诉|账户|"
                               r"车|仓库|门面|设备)(还|就|正|都)?(正)?在"
                               r"(他|她|[^，。；“”]{0,4}(法官|检察官|执行员|警官|民警))手(上|里)|"
                               # 我们告派出所的行政案正在她手上审
                               r"我(们)?(告|诉)[^，。；“”]{0,10}的[^，。；“”]{0,4}(案|官司)[^，。；“”]{0,3}(还|就|正|都)?(正)?在"
                               r"(他|她|这位法官|这位检察官)手(上|里)|"
                               r"(他|她)手(上|里|头)(就是|正是|正好是|是)[^，。；“”]{0,2}我(们)?(告|诉)|"
                               r"(我们|我|我方|我们公司)[^，。；]{0,2}是(这个|这起|本)?(案子)?的?(报案的)?"
                               r"(原告|被告|申请人|被执行人|申请执行人|报案人|被害人|被害单位)|"
                               # or is told so (判你赢, 你那个官司, 明天别在家): the party addressed
                               r"(明早|明天|明晚|今晚|后天)[^，。；“”]{0,4}(别|不要)(在家|回家|露面)|"
                               # “明天要冻你们账户”, “你们的案子也在我手上”: the party addressed
                               r"要(冻|冻结|查封|封|扣押|扣划|划)(你们|你方|你家)|"
                               r"你们的?[^，。；“”]{0,6}(案子?|官司)(也|还|就|都)?(正)?在我手(上|里)|"
                               # 打听我厂锅炉哪天拍: the teller's thing up for the case's auction
                               r"(我厂|我店|我们厂|我们店|我家|我们公司)的?[^，。；“”]{0,4}"
                               r"(哪天拍|被拍卖|要拍卖|起拍价)|"
                               # 我是案外人，正在对货车查封提异议: an objector is a party to
                               # the objection
                               r"(我|我们)[^。；]{0,16}(正在|正|已经)?对[^，。；]{0,10}(查封|冻结|扣押)"
                               r"[^，。；]{0,3}提(出)?了?的?(执行)?异议|"
                               # 我们正申请执行…的欠款: the teller's side applies for enforcement
                               r"(我们|我方)[^，。；“”]{0,4}(正在?|还在)(申请执行|申请强制执行|申请保全)|"
                               r"判你们?(赔|赢|输|退|担|付|还|胜诉|败诉)|给你(们)?判[^，。；”]{0,3}[0-9一二两三四五六七八九十百千万]|你(那个|的|这个)[^，。；“”]{0,8}官司|"
                               # 三比零维持你们的处罚: the decision under review is theirs
                               r"(维持|撤销|驳回)(你们|你方|贵局|贵司)的|"
                               # “合议庭倾向判你们赔八万”, “你们赢，放心过年”: the party addressed
                               r"你们(赢|输|胜诉|败诉)了?[，,。！!”]|"
                               # “你们的抗辩没被采纳”, 教我们怎么改答辩意见: the side whose pleading
                               # it is, addressed or telling
                               r"(你们|你方)的(抗辩|诉请|诉讼请求|上诉|答辩|异议)|"
                               r"(我们|我方)[^，。；“”]{0,4}(答辩意见|答辩状|起诉状|上诉状)|"
                               # 你们典当行赢, 主张你们担七成: the side the outcome is told to
                               r"你们[^，。；“”]{1,4}(赢|胜诉)|(主张|倾向)你们(担|赔|承担|赢|输)|"
                               # 承办我们案子的法官, 我们典当行的案子: the teller's side's case (not
                               # 我们院, 我们庭: an officer's own organ)
                               r"(承办|审理|审|办|执行|主审)(我们|我方)的?(案子|官司|案件)|"
                               r"(我们|我方)(?![院庭局科所队处室]|法院|检察院|公安|派出所|单位|部门)"
                               r"[^，。；“”]{0,4}的(案子|官司|执行案)|"
                               # “下周一冻结你们基本户”: the one enforced against, addressed
                               r"(冻结|查封|扣划|划扣|扣押)(你们|你方|你家|你店|你的|你公司)|(去|到|上)你家(带人|抓人|拿人)|"
                               # 明天去抓你儿子, 明早去你们店查封: the one the measure is against
                               r"(搜|抓)你(?!们的?律师)|(去|到|上)你们?(家|店|厂|公司|仓库)[^，。；“”]{0,2}(搜|查封|封|抓)|"
                               # 下周二要来封我门面: the teller is the one the measure is against
                               r"(来|要|去)(查封|冻结|封|冻|扣)我(?![们院庭局])的?|"
                               # 查封我仓库的执行员, 谷老三申请执行我仓库的案子, 书店是被害单位:
                               # the teller's things under the measure, or a firm named a party
                               r"(查封|冻结|扣押|扣划|划扣)了?(我|本站|本店|我店|本厂|我厂)"
                               r"(?![们院庭局科所队处室])[^，。；“”]{0,6}的|申请执行(我|本站|本店|我店)|"
                               r"[^，。；“”（(他她]{1,3}是(本案|该案|这个案子|这案子)?的?(被害单位|被执行人|申请执行人)|"
                               # “明天上午我们去冻你们账户，你们心里有个数”: told to prepare, the
                               # one the case is about (not 你判的时候心里有个数, said to a judge)
                               r"(?<!时候)(?<!的时候)(你们|你)心里有个(数|底)|"
                               # 执行员韩东来茶厂调查时, 来场里核对查封的车: an officer at the
                               # teller's premises for the case's measure (not 到现场勘验)
                               r"(执行员|执行法官|法官|法警)[^，。；“”]{0,6}(来|到)(我们|我)?"
                               r"[^，。；“”]{0,2}(?<!现)(厂|店|场|园|仓库)里?[^，。；“”]{0,2}"
                               r"(查封|冻结|扣押|调查|清点|核对|勘查|勘验|查看|察看)|"
                               r"(到|来)(我|我们)的?(作坊|厂|店|公司|仓库|门店)[，,]?(查封|扣押|清点)|"
                               # 替我们园说了几句好话: the teller's side pleaded for
                               r"(替|为|帮)(我们|我们园|我们公司|我司|我们店|我们社|我们酒店)"
                               r"[^，。；]{0,4}(说|求|打招呼|追回|要回|讨回|执行回)|"
                               # 我们的被执行案正是他在办, 老许的执行案就是这位法官在办: a party's
                               # case, named as the one the officer handles
                               r"的[^，。；“”]{0,8}(案子?|官司)[^，。；“”]{0,2}(正是|就是|也是|正)"
                               r"(这位|那位|这个)?(法官|检察官|民警|他|她)[^，。；“”]{0,2}(办|审|承办|经办)")
# The teller's firm named as in the officer's case (他手上有我所一件鉴定, 审理本所代理案件的法官,
# 我司执行异议案承办法官, 社里诉某超市货款案): the firm is the counterpart, by what it does there
TELLERS_FIRM = (r"(我所|本所|我们所|我司|本公司|我们公司|社里|我们社|我们厂|本厂|"
                r"我行|本行|我们银行|我们医院|我们代理|我所代理|所里代理|我们分公司|我们支公司|"
                r"我校|本校|我们学校|我们店|本店|我们驾校|我们园|本园|我们社|我们酒店|"
                r"我社|我们馆|本馆|我馆|馆里|我们学院|我们平台|我们超市|我们网吧)")
# 他手上正办我们公司三个案子, 我局在行政庭还有六件案子没判: the teller's firm or bureau a
# party before the officer (a bureau that only 移送 or 报捕 a case investigated it, no party)
TELLERS_ORGAN = r"(我局|本局|我们局)"
FIRM_IN_THE_CASE = re.compile(
    r"(手上|手里)(有|还有)[^，。；]{0,6}" + TELLERS_FIRM
    + r"[^，。；]{0,8}(案|鉴定|评估|复核|审计)|"
    r"(手上|手里)(正|还|也)?(在|正在)?(办|审|管|执行)着?(我们|我方)[^，。；]{0,16}(案|官司)|"
    r"(手上|手里)(正|还|也)?(在|正在)?(办|审|管|执行|有|还有)着?[^，。；]{0,4}("
    + TELLERS_FIRM[1:-1] + "|" + TELLERS_ORGAN[1:-1]
    + r")(?![^，。；]{0,8}(移送|报捕|提请|侦办|侦查))[^，。；]{0,8}(案|官司)|"
    + TELLERS_ORGAN + r"在[^，。；]{0,8}(还|仍|尚)?有[^，。；]{0,6}(案子|案件)"
    r"(没|未|还没|尚未|正在)(判|审|结|审理)|"
    r"(鉴定|评估|审计|拍卖)[^，。；]{0,6}委托给?了?" + TELLERS_FIRM + "|"
    r"(审理|承办|执行)" + TELLERS_FIRM + r"[^，。；]{0,4}(代理)?的?(案|鉴定|评估)|"
    # 石法官在审我们公司和供货商的买卖合同案: the teller's firm a party before him
    r"(?<![评初再])审(我们公司|本公司|我司|我们厂|本厂)[^，。；]{0,12}(案|官司)|"
    # 审我们货损案的法官, 审理我校溺水案的承办法官: the teller's side a party before him
    r"(?<![评初再])(审|审理|办理|承办|负责|执行|办)(我们|我校|本校|我司)[^，。；]{0,8}(案|官司|纠纷)的?"
    r"[^，。；]{0,6}(法官|审判长|检察官|民警|警官|刑警)|"
    + TELLERS_FIRM + r"[^，。；]{0,8}(案|官司)的?(承办|主审)(法官|检察官)|"
    + TELLERS_FIRM + r"(诉|起诉|被诉)|"
    # 社里丢猪的案子破了: the firm's own loss, its case (not 我校学生…的案子: a student's)
    + TELLERS_FIRM + r"(丢|被盗|被偷|失窃|被骗|被抢|被砸)[^，。；“”]{0,4}的(案子|官司)|"
    # 客户诉我们店的退车案, 执行我们账户的那位法官, 公司的案子都在这位法官手上
    r"(?<![告投申上控])(诉|起诉|告)" + TELLERS_FIRM + r"[^，。；]{0,6}(案|官司)|"
    r"(在办|正办|在审|正审)(我们|" + TELLERS_FIRM[1:-1] + r")[^，。；]{0,12}(案|官司)|"
    r"(执行|冻结|查封|扣划)(" + TELLERS_FIRM[1:-1] + r"|我们)的?[^，。；]{0,6}的(那位|这位)?"
    r"(法官|执行员)|"
    r"(我们|我司|公司|我们公司|我们店)[^，。；]{0,10}(案子|案件|执行案|官司)[^，。；]{0,4}(都|全|也|还)?在"
    r"(这位|那位|这个|该)?(法官|检察官|他|她)(手上|手里)|"
    # 我社这会儿正被他执行着: the teller's side the one he enforces against
    + TELLERS_FIRM + r"[^，。；]{0,6}正被(他|她|这位法官)(执行|审)|"
    # 我局申请执行某冷链公司罚款: the bureau that applied for enforcement is its applicant
    + "(" + TELLERS_FIRM[1:-1] + "|" + TELLERS_ORGAN[1:-1] + r")申请(强制)?执行")
FIRM_KIND = ((re.compile(r"鉴定|评估|造价|审计|拍卖|管理人"), "中介组织"),
             (re.compile(r"代理"), "律师"))
# 法院向政法委发函: the organ written to, not the one that acts
WRITTEN_TO = re.compile(r"(向|给|对|跟|和)[^，。；“”]{0,3}$")
# 政法委牵头协调, 出面协调, 召集…开会: the leading organ convening the organs (R1 第三条)
LEADING_ORGAN_ACTS = re.compile(r"(按(工作)?程序)?[^，。；]{0,2}(出面|牵头|召集|主持)"
                                r"(协调|召开|开了?|各方)?|"
                                # 政法委协调公安维持秩序, 政法委随后给镇里打了招呼, 政法委发通知:
                                # the organ the clause's verb belongs to acts, not the court named
                                r"[^，。；“”]{0,8}(协调|发(了)?(通知|函|文)|"
                                r"给[^，。；“”]{1,4}打了?招呼)")
# 当事人给我看了…的微信截图: the party showed the teller what someone else sent; the one shown
# is the source of the account, not the one who acted in it
SHOWS_THE_TELLER = re.compile(r"(的?(家属|亲属|家人|妻子|丈夫|父亲|母亲|儿子|女儿))?"
                              r"(给|向)(我|我们)(看了?|发来|转来|转发了?|出示了?)")
# 我们厂和宏拓公司是共同被告。: the parties stated as the scene, not someone who acts (not
# 自称是被告的代理人: whose agent he is; 我是被执行人: the teller, who may be the one acting)
_PARTY_STATED = re.compile(r"(?<![不没称我])(?<!我们)(是|系)(共同|本案|该案|这个案子的?)?$")


def party_stated(text: str, party: Match) -> bool:
    return bool(_PARTY_STATED.search(text[max(0, party.start - 7):party.start])) \
        and text[party.end:party.end + 1] in ("，", "。", "；", ",")
# The officer's own record (R1 第五条, R2 第六条): who recorded is not who intervened.
# (来源：孙法官填报的记录表: the judge who filled in the register's form records)
RECORDED = ("如实记录", "记录了", "记录在案", "写进了记录", "如实登记", "登记了", "填报的")


# A colleague named by the unit shared and a nickname (同庭的老王, 同科室的小李).
NAMED_COLLEAGUE = re.compile(r"(同庭|同院|同科室|同一部门|同一个庭|同一庭|隔壁庭|隔壁科室|同单位|"
                              r"同一单位)的(老|小)[\u4e00-\u9fff]")


# A verb by which someone turns to another: 给…打电话, 向…透露, 通知, 告诉.
TURNS_TO = r"(给|向|对|跟|和|告诉|通知|联系|找|约|叫|让|提醒|打电话给|发微信给|发短信给)$"


# The words deny that someone holds a role (不是…当事人, 并非律师).
IDENTITY_DENIED = re.compile(r"(不是|并非|并不是|也不是|都不是|(?<!有)没有|并无|毫无|不从事)"
                             r"[^，。；]{0,16}$|(谈不上|算不上)回?$")  # 谈不上回原单位
# ... or any tie to them (跟任何服刑人员都没有关系, 与本案当事人无关; not 有没有关系, a question).
NO_TIE = re.compile(r"[^，。；]{0,3}?(都|也)?(?<!有)(没有|没|毫无|并无|无)(任何)?"
                    r"(关系|关联|瓜葛|往来)|"
                    r"[^，。；]{0,3}?无关|"
                    # 一位民营企业老板、区政协委员: the caller described, his seat after it
                    r"、[^，。；、]{0,4}(政协委员|人大代表|工商联)")


# A judicial leader who passes an errand on: 副院长随后约承办法官, 检察长随后对承办检察官说.
RELAYS = re.compile(r"[^。；]{0,4}(随后|然后|接着|之后|便|就|又)[^。；]{0,10}"
                     r"(对|给|找|约|叫|让|把|转达|转告|打招呼)")


# The cadre's relative named as the one whose case it is (表哥涉嫌盗伐林木案): the party.
KIN_IS_PARTY = re.compile(r"[^，。；]{0,3}(涉嫌|被诉|被起诉|被告|被抓|被拘|的案子|一案|的官司)")
# A cadre acting for a party (以公司法定代表人的身份, 作为被告的诉讼代表人).
AS_PARTY = re.compile(r"以[^，。；]{0,8}(法定代表人|诉讼代表人|当事人|被告人?|原告|申请人|被执行人)"
                      r"的?身份|"
                       r"作为[^，。；]{0,8}(被告|原告|当事人|申请人|被执行人)[^，。；]{0,4}的?"
                       r"(法定代表人|诉讼代表人|代表)")


# A cadre who calls an officer (副县长随即打电话给执行局长, 副主任来电): the caller acts, whoever
# was named before him as setting the scene or recording the call.
CALLS_IN = re.compile(r"[^，。；“”]{0,6}?(来电|打来电话|打来的电话|打电话给|致电|"
                      r"打电话到|打电话找)|[^，。；“”]{0,8}?(对|跟|向)[^，。；“”]{0,6}"
                      r"(院长|庭长|法官|检察长|检察官|局长|所长)[^，。；“”]{0,4}(讲|说|提|表示)|"
                      # 副书记给县法院民二庭庭长打电话: the officer named inside the call
                      r"[^，。；“”]{0,6}?给[^，。；“”]{0,10}?(院长|庭长|法官|检察长|检察官|局长|"
                      r"所长|承办人)[^，。；“”]{0,4}?打了?个?电话|"
                      # 法官说副区长给他打了电话: the officer who tells it was the one called
                      r"[^，。；“”]{0,6}?给(他|她)打了?个?电话")
# ... and turns to the one who tells it, named before him (所长打电话给他, 副局长私下找到她).
CALLED_HIM = re.compile(r"[^，。；“”]{0,6}?(打电话给|给|找到?|问|约|叫)(他|她)")
# The officer who turned the actor down (科长当面回绝, 庭长当即拒绝并登记).
ANSWERED = re.compile(r"(当面|当场|当即|随即|立即)?(回绝|拒绝|婉拒|谢绝)")


def answered_by(text: Text, actor: Match, judicial: list[Match]) -> Match | None:
    """The officer named after the actor who turned him down (科长当面回绝): the one approached,
    though no verb of turning to him was said; not 被法官拒绝, where the actor himself refused."""
    return next((m for m in judicial if m.start > actor.end and ANSWERED.match(text.text, m.end)
                 and not in_quotes(text.text, m.start) and text.text[m.start - 1:m.start] != "被"),
                None)


# 法务部长, 财务部长: the head of a firm's department, not a leading cadre of R1 第十二条 (who
# leads a party, 人大, government, 政协, judicial or military organ, or a firm itself)
FIRM_DEPARTMENT = re.compile(r"(法务|财务|人力|销售|市场|采购|技术|工程)$")
# 城投公司贺副总: a firm's deputy named with his firm; 祁副总, 我们公司的祁副总: the teller's own
_FIRM_NAMED_BEFORE = re.compile(r"(?<!我们)(?<![我本])(公司|集团|城投|农投|企业|国企)"
                                r"[^，。；“”]{0,4}$")


def firm_title_of_own(text: str, role: Match) -> bool:
    """A firm's department head (法务主任) or a 副总 no firm is named for: the firm's own
    people, no office of 第十二条 that acts from outside."""
    before = text[max(0, role.start - 8):role.start]
    return bool(FIRM_DEPARTMENT.search(before[-2:])) or (
        role.word == "副总" and not _FIRM_NAMED_BEFORE.search(before))
# （副科级，不是局领导）: a role denied, not the actor's; 也没上党组研究, 未经党委: the body that
# should have decided, named as absent
NOT_A_ROLE = re.compile(r"(不是|并非|不算|不属于)[^，。；？]{0,2}$|(没|没有|未)(上|经过?)$")
# 区政协委员、律师韦某: a deputy's seat named before his trade; he acts as the lawyer (R3)
SEAT_THEN_TRADE = re.compile(r"[、，]?(执业)?(律师|代理人|辩护人|被告|原告|当事人)")


# The organ a role word alone names (派出所所长打电话约法官: the judge is a court's)
ROLE_ORGANS = {"法官": "court", "审判长": "court", "审判员": "court", "执行法官": "court",
               "执行员": "court", "法官助理": "court", "检察官": "procuratorate",
               "民警": "police", "警官": "police", "侦查员": "police"}


def organ_kind(text: str, role: str | None = None) -> str | None:
    """The kind of the first judicial organ the words name (court, procuratorate, police...),
    else the one ``role`` belongs to by its name alone."""
    kinds = {"法院": "court", "中院": "court", "法庭": "court", "检察": "procuratorate",
             "公安": "police", "派出所": "police", "刑侦": "police", "国家安全": "security",
             "国安": "security", "司法局": "justice", "监狱": "justice"}
    found = [(text.find(k), v) for k, v in kinds.items() if k in text]
    return min(found)[1] if found else ROLE_ORGANS.get(role or "")

# 副县长 | 侯某某的 | 爱人, 县长 | 隋立新的 | 女婿, 副县长 | （市管干部）的 | 妻子: the cadre's
# name or a note, then 的
CADRE_NAMED_THEN = re.compile(r"([\u4e00-\u9fff]某{1,2}|[\u4e00-\u9fff]{2,3}|（[^）]{1,10}）)的")

def officers_kin(text: str, start: int, words: Callable[..., tuple[str, ...]]) -> bool:
    """The relative named at ``start`` is an officer's own (法官的爱人, 主审法官女儿, 自己的老婆:
    the reflexive points to the one who acts), not a party's: no 特殊关系人 of R3 第十四条
    (当事人的父母、配偶、子女…) by that word alone."""
    roles = words("judicial_roles")
    return text[:start].endswith(("自己的", *(role + "的" for role in roles), *roles))


# 在家跟丈夫说了, 告诉了自己的爱人: the one told is the teller's or officer's own spouse; a
# 当事人的配偶 is a 特殊关系人 (R3 第十四条), one's own is not (GUIDE section 4: a leak told to
# one's own wife is undetermined)
SPOUSES = ("丈夫", "妻子", "爱人", "老公", "老婆", "配偶")
TOLD_TO_OWN = re.compile(r"(跟|和|对|给了?|同|告诉了?|告诉给)(自己的|她|他|其)?$")  # (讲给了妻子听)


def own_spouse_told(text: Text, match: Match, words: Callable[..., tuple[str, ...]]) -> bool:
    """The spouse is the one told (跟丈夫说了) and no party of the story is named as his or
    hers: whose spouse it is, the words tie to no party."""
    if match.word not in SPOUSES:
        return False
    told = [m.start() for m in re.finditer(re.escape(match.word), text.text)
            if TOLD_TO_OWN.search(text.text[:m.start()])]
    if not told:
        return False  # (她丈夫 named again later is the same spouse)
    start, end = text.sentence_of(told[0])
    return not any(party + "的" in text.text[start:end] or party + "家" in text.text[start:end]
                   for party in words("counterpart", "当事人"))


# 县长听我诉完苦，转头吩咐 | 秘书: the staff he orders in his own sentence are his
SENDS_HIS_STAFF = re.compile(r"[^。；！？“”]{0,20}(吩咐|嘱咐|指派|让|叫|派)(他的|她的|自己的)?")


def title_goes_on(gap: str, leader_roles: tuple[str, ...]) -> bool:
    """县委 | 副书记的 | 儿子: the rest of the cadre's title, then 的, before the relative; or his
    name or a note (副县长 | 侯某某的 | 爱人, 副县长 | （市管干部）的 | 妻子); or his order."""
    if CADRE_NAMED_THEN.fullmatch(gap) or SENDS_HIS_STAFF.fullmatch(gap):
        return True
    # (县委常委 | 、宣传部长符永的 | 司机: a second title, after 、)
    return bool(re.fullmatch(r"(、?[\u4e00-\u9fff]){1,8}的", gap)) and any(  # 副书记邝立群的
        role in gap for role in leader_roles)


def party_is_his(text: str, start: int, relatives: tuple[str, ...]) -> bool:
    """After ``start`` (an officer named), the words tie the party to him (被告马某某是其表弟,
    老板是他高中同学): an officer who pleads for his own kin or friend intervenes (R2 第九条)."""
    ties = "|".join((*relatives, "同学", "战友", "老乡", "朋友", "发小", "同乡", "邻居"))
    # “钱某某是我战友的孩子”: in his own words the officer is 我
    return bool(re.search(rf"(是|系)(其|他|她|我)的?[^，。；“”]{{0,4}}({ties})", text[start:]))


# 发现同桌是他正在审理的案件被害人的父亲: the officer handles the case himself, so the party he
# meets is read under R3 (第六、七条), not as an insider asking about another's case (R2)
HANDLER_TITLE = re.compile(r"(承办|主审|经办)[^，。；]*$")
OWN_CASE = re.compile(r"(他|她|自己)(正在|目前|手上|手里)?(审理|承办|办理|主审|经办|在办|办)的")


def handles_case(text: str, actor: Match, judicial: list[Match]) -> bool:
    """The case is the actor's own (他正在审理的), with no other officer named, nor the writer
    addressed, between him and those words (同事约检察官小何…他正在办理的, 副庭长请我喝茶…他正在
    办理的: 他 is the one invited, not the one who invites)."""
    # (法官回答 after 承办法官: the same officer named again)
    others = [m for m in judicial if m.start != actor.start and not in_quotes(text, m.start)
              and not actor.word.endswith(m.word)]
    if not others and HANDLER_TITLE.search(text[max(0, actor.start - 3):actor.end]):
        return True  # 承办法官私下打我手机: the handler by his title, the only officer named
    own = OWN_CASE.search(text, actor.end)
    return own is not None and not any(actor.end <= m.start < own.start() for m in judicial) \
        and not ADDRESSED.search(text, actor.end, own.start())
# 庭前法官给他一份告知书: the judge before the hearing, not a 前法官 (a former one)
BEFORE_A_SITTING = re.compile(r"[庭会]前")


def former_officer_named(text: Text, former_words: tuple[str, ...]) -> list[Match]:
    """Where the words name a former judge or prosecutor (辞职后, 前法官, 原检察官 ...)."""
    return [m for m in text.find(former_words, negatable=False)
            if not BEFORE_A_SITTING.match(text.text, max(0, m.start - 1))
            ] + text.find_pattern("former")

# A letter that came in (来函, 发来…函, 公函): one organ writing to another
LETTER_IN = re.compile(r"来函|(发|寄|送|转)来[^，。；]{0,8}函|公函")
# 卷里夹着一份镇政府的公函: the paper in the organ's name, wherever the court is named first
ORGANS_OWN_LETTER = re.compile(r"(的|发来的|寄来的|送来的)(公函|来函|函件|红头文件)")
# An insider's role by his relation to the organ handling the case (R2 第八条's four cases)
INSIDER_ROLES = {"own_leader": "本机关领导干部", "superior": "上级司法机关人员",
                 "unrelated": "其他司法机关人员"}
# An organ named before 纪检 or 纪委 (a report's recipient) or before 对面, 门口 (a place: 约他到
# 法院对面的咖啡馆) is not the one the actor turns to
NOT_APPROACHED = re.compile(r"[^，。；]{0,4}(纪检|纪委|监察)|(对面|门口|附近|旁边|楼下)")


_CLAUSE_BREAK = re.compile(r"[，。；]")


# 原告赵某的大学同学老钱: someone the party knows, not the party (a friend is read as the
# party's side, as before; 做律师的同学 is a classmate who is a lawyer)
PARTYS_ACQUAINTANCE = re.compile(r"[^，。；]{0,3}的(大学|高中|初中)?(同学|同事|邻居|战友|老乡)")
# 办老孙案的民警, 赵某案侦查阶段: the one a case is named for is its party; 老孙媳妇, 赵某他哥
# are that party's kin, 特殊关系人 (R3 第十四条: 当事人的…近亲属)
CASE_OF_NAMED = re.compile(r"((?:老|小)[\u4e00-\u9fff]|[\u4e00-\u9fff]某{1,2})"
                           r"(?:案|的案子|那个案子|那起案子)|"
                           r"([\u4e00-\u9fff]{2,3})的案子|"  # 蒋二贵的案子: a full name
                           r"([\u4e00-\u9fff]{2,3})案(?![件卷由情子])")  # 打听苏和案…苏和的媳妇
KIN_AFTER_NAME = (r"(的|他|她)?(媳妇|妻子|老婆|爱人|丈夫|父亲|母亲|爸|妈|哥|姐|弟|妹|儿子|女儿|"
                  r"家属|家人)")


def named_partys_kin(text: str, after: int = 0) -> re.Match[str] | None:
    """The kin of one a case is named for (办老孙案的民警…老孙媳妇), after ``after``."""
    # (你家小葛的案子: the full-name reading takes 家小葛, so its shorter tails are tried too)
    found = [m.group(1) or m.group(2) or m.group(3) for m in CASE_OF_NAMED.finditer(text)]
    for name in dict.fromkeys(n[i:] for n in found for i in range(len(n) - 1)):
        kin = re.compile(re.escape(name) + KIN_AFTER_NAME).search(text, after)
        if kin:
            return kin
    return None

# 我让会计给执行员孙建平送了一箱红富士: the teller sending a gift to an officer is read as the
# side of a case before him, as no one else would tell it so; not where the words set the
# teller apart (不是…当事人) or name a private tie (表哥, 老同学, 钓友: whether the tie or a case
# is why is then open). (An officer who 跟我借了 a van is not read so: authors part on it.)
NARRATOR_GIVES = re.compile(
    r"(?:^|[。；！？])[^。；“”]{0,10}(?<![他她])(我|我们)(?![院庭局所])(让|叫|托|派)?[^，。；“”]{0,6}"
    r"给[^，。；“”]{0,10}(法官|执行员|检察官|警官|民警)[^，。；“”]{0,4}(送|塞|捎)|"
    # 我们送了韩法官一张停车月卡, 收下了我送的两袋新米, 我的日记：开庭前，给葛法官送了
    r"(?:^|[。；！？])[^。；“”]{0,10}(?<![他她])(我|我们)(?![院庭局所])送了?[^，。；“”]{0,6}?"
    r"(法官|执行员|检察官|警官|民警)|收下了?(我|我们)[^，。；“”]{0,3}送的|"
    r"^我的日记[：:][^。；“”]{0,14}给[^，。；“”]{0,10}(法官|执行员|检察官)[^，。；“”]{0,4}送|"
    # 我拎了两盒龙井去郁法官办公室: the teller carrying a gift to the officer
    r"(?:^|[。；！？])[^。；“”]{0,10}(?<![他她])(我|我们)(拎|提|带|拿|捎|揣)(了|着)[^，。；“”]{0,10}"
    r"(去|到|进)[^，。；“”]{0,6}(法官|执行员|检察官|警官|民警)")
_TELLER_APART = re.compile(r"(不是|并非|没有|没)[^。；]{0,12}(当事人|案子|官司|一方)|"
                           r"表[哥弟姐妹]|堂[兄弟姐妹]|同学|朋友|老乡|邻居|发小|战友|钓友|牌友|"
                           r"亲戚|爱人|妻子|丈夫")

# 连襟算不算“特殊关系人”？: the kind asked about, not named
_KIND_ASKED = re.compile(r"(算不算|是不是|是否|属不属于|是否属于)[“\"‘]?$")


def counterpart_named(text: Text, words: Callable[..., tuple[str, ...]],
                      after: int = 0) -> tuple[Counterpart, Match] | None:
    """The first party, lawyer, special relation or intermediary named after ``after``; the
    teller himself when he tells of his own lawsuit and names none of them."""
    found: list[tuple[int, Counterpart, Match]] = []
    for kind in ("当事人", "律师", "特殊关系人", "中介组织"):
        for m in text.find(words("counterpart", kind), negatable=False):
            # (也不从事评估、拍卖之类的中介业务: a denial runs over the enumeration's 、)
            if m.start < after or (m.word == kind and _KIND_ASKED.search(text.text[:m.start])) \
                    or IDENTITY_DENIED.search(_CLAUSE_BREAK.split(
                    text.text[:m.start])[-1]) or NO_TIE.match(text.text, m.end) or (
                    kind == "特殊关系人" and (officers_kin(text.text, m.start, words)
                                          or own_spouse_told(text, m, words))) or (
                    kind == "当事人" and PARTYS_ACQUAINTANCE.match(text.text, m.end)):
                continue  # 也不是…当事人, 没有关系: denied; 法官的爱人: not a party's kin
            found.append((m.start, kind, m))  # type: ignore[arg-type]
    if found:
        return min(found, key=lambda t: t[0])[1:]  # type: ignore[return-value]
    kin = named_partys_kin(text.text, after)
    if kin:
        return "特殊关系人", Match(kin.group(0), kin.start(), kin.end(), False)
    mine = NARRATOR_IS_PARTY.search(text.text, after)
    if mine:
        return "当事人", Match(mine.group(0), mine.start(), mine.end(), False)
    firm = FIRM_IN_THE_CASE.search(text.text, after) or FIRM_NAMED_IN_ITS_CASE.search(
        text.text, after)
    if firm is None:
        given = NARRATOR_GIVES.search(text.text, after)
        if given and not _TELLER_APART.search(text.text):
            return "当事人", Match(given.group(0), given.start(), given.end(), False)
        return None
    kind = next((k for pattern, k in FIRM_KIND if pattern.search(firm.group(0))), "当事人")
    return kind, Match(firm.group(0), firm.start(), firm.end(), False)  # type: ignore[return-value]


# 柏法官说有事到执行局谈: the organ the officer sends the other to, not one the actor turns to
SENT_TO_THE_OFFICE = re.compile(r"(有事|有什么事)[^，。；]{0,3}(到|去|来)$")


def named_again(text: str, actor: Match, other: Match) -> bool:
    """柏法官 … 约柏法官“改天坐坐”: the actor named a second time is no one he turns to."""
    surname = text[actor.start - 1:actor.start]  # (本院法官甲, 同院法官乙: two people)
    return other.word == actor.word and bool(surname) \
        and surname not in "的位名个这那该院庭局所科处室部同本我他她" \
        and text[other.start - 1:other.start] == surname \
        and not {text[actor.end:actor.end + 1], text[other.end:other.end + 1]} & set("甲乙丙丁")
