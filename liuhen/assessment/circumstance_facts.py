"""Where, when and whether it was reported: the facts R3 第六条/第七条/第八条 turn on, and the
masking of bystanders' quoted words. A mixin of ``Extractor``: reads the lexicon by ``self.w``."""

from __future__ import annotations

import re
from collections.abc import Callable

from ingest.numerals import NUMERAL_CHARS
from liuhen.assessment.actor_patterns import IDENTITY_DENIED, NO_TIE
from liuhen.assessment.cue_filters import OWN_SELECTION, drop_false_cues
from liuhen.assessment.cue_patterns import (
    CALLED_RETALIATION,
    COMPLAINT_CLEARED,
    NO_LAWFUL_CAUSE,
    NO_REPORT_ESTABLISHED,
    NOT_THE_PLACE,
    OFFICE_PHONE_CALL,
    OTHERS_AFTER_KIN,
    ground_and_procedure_stated,
)
from liuhen.assessment.former_unit import (
    AT_THE_FORMER_UNIT,
    NEVER_SERVED_THERE,
    NO_CASE_TAKEN,
    NOT_A_NAME,
    SERVICE_HEDGED,
    former_and_case_organs,
)
from liuhen.assessment.lexicon import Match, Text
from liuhen.assessment.narration import QUOTE, in_quotes
from liuhen.assessment.planning import read_planned
from liuhen.assessment.report_days import report_delay
from liuhen.assessment.routine_report import conduct_told, routine_report

# The unit told (跟单位讲) or an officer's new post (被调去档案室): no place anyone met.
_NO_PLACE_MET_BEFORE = re.compile(r"(跟|向|和|对|给|调去|调到|调往|调入|调至|"
                                  r"没走|未走|不走|没经|未经|绕开|绕过)$")  # 没走诉讼服务中心
# 偶遇而已，报什么 / 报什么报 / 不用报: the officer's own refusal to report
_REPORT_SCORNED = re.compile(r"(报什么|报啥)(?=[。，！？”’'])|报什么报|(不用|不必|无须)上?报")
# Told nobody at work (没跟单位讲, 未向纪检报告).
_NOT_TOLD = re.compile(r"(没|未|不)有?(跟|向|和|对)?[院所局]?(单位|纪检|领导|组织)(讲|说|提|报)?|"
                       # 也没跟谁说，直到纪检组来问: nobody told until asked
                       r"(没|未)有?(跟|向|和|对)(任何人|谁|别人|旁人)(说|讲|提)|"
                       # 又没谈出什么，报什么报: the officer's own refusal to report
                       + _REPORT_SCORNED.pattern + r"|(没必要|用不着|犯不着)(报|报告|上报)|"
                       r"不(报|上报|报告)了|"
                       # 回去后一直没跟院里说: the officer's own unit never told
                       r"(没|未)有?(跟|向|和|对)(院里|庭里|所里|局里|科里|队里)[^，。；]{0,6}(说|讲|提|报)")
# 医院证明, 医院出具的诊断: the place word names who issued a paper, not where anyone met.
# A place the officer sends the other to (回：“明天到诉讼服务中心递申请”; 让他到立案庭反映):
# where the matter should go, not where the contact happened.
_SENT_TO_BEFORE = re.compile(r"(到|去|来)(法院的?)?$")
_SENT_TO_AFTER = re.compile(r"[^，。；”]{0,3}(递|交|提交|办理|反映|申请|立案|咨询|登记|谈|说|面谈)")
_SENT_BY = re.compile(r"(让|叫|请|要)(他|她|对方|他们|[^，。；]{1,3}(自己|自行))[^，。；]{0,6}$")
# 隔着门说有事请到法院: the officer's brush-off names where to go, not where they met
_BRUSHED_OFF = re.compile(r"有事[请就再]?(到|去|来)?$")
_ISSUED_BY = re.compile(r"的?(证明|诊断|出具|开具|病历|报告)")
# 没有审判、执行职责: the person's post carried none of R3 第十四条's duties
_NO_JUDICIAL_DUTY = re.compile(r"(没有|没|不|未|无|不承担|不负责)[^，。；]{0,3}(审判|执行|检察|"
                               r"侦查|监管|办案)[^，。；]{0,8}(职责|职能|职务)")
# 原来所在的区法院没有任何关系 / 无关: what follows the former unit's name denies the tie
_UNRELATED_AFTER = re.compile(r"[^，。；]{0,8}?((没有任何|没有?|毫无)关系|无关|不相干|不沾边|"
                              r"一点关系(都|也)没有|(没有?|未|不曾|从未)(介入|参与|经手|办理|办过|接触|代理))")
# 有人反映：…一直没有报告: the silence is the complaint's allegation, which 第十条 verifies
_ALLEGED_BEFORE = re.compile(r"(反映|举报|投诉|来信)(称|说)?[：:]")
# Not reported yet (还没来得及报告), told within the days the contact happened (昨晚, 前天).
_NOT_YET_REPORTED = re.compile(r"(还没有?|还未|尚未|没来得及|还没来得及)[^，。；]{0,4}(报告|报备)")
_DAYS_AGO = re.compile(r"昨天|昨晚|昨日|今天|今早|今晚|今日|前天|前晚|刚才|刚刚")
# 是周一还是周二交的，我记不太清了: the report's day in doubt, so its delay is unknown.
_DAY_IN_DOUBT = re.compile(r"(周|星期|礼拜)[一二三四五六日天]还是"
                           r"(周|星期|礼拜)?[一二三四五六日天]|"
                           rf"[0-9{NUMERAL_CHARS}]+[日号]还是[0-9{NUMERAL_CHARS}]+[日号]|"
                           r"(哪天|哪一天|几号|什么时候)[^。；]{0,8}(记不清|记不太清|说不清|想不起)")
# 被调查单位, 委托单位: a unit the case is about or acts for, not the officer's workplace
_OTHERS_UNIT = re.compile(r"(调查|涉案|委托|用人|施工|中标|合作|挂靠|案发)单位")
# A sentence that doubts something (有没有, 是否, 不清楚, 没写): read for the report's doubt.
_DOUBTED_SENTENCE = re.compile(r"[^。；！？]*(?:有没有|是否|不清楚|不知道|没写|未写|无记载|"
                               r"没有记载|未记载|未载明)[^。；！？]*")
_REPORT_TITLE = re.compile(r"^[^。；：:]{0,16}(报告|说明)([（(][^）)]{0,24}[）)])?[：:]")
_THEN_UNKNOWN = re.compile(r"(事先|当时|起初|一开始|事前)(都|并|也|根本|完全)?(不知道|不清楚)|"
                           r"(我|他|她)说[^，。；]{0,6}(不知道|不清楚)|"
                           # 院里还是不知道: the court did not learn of it, as no report was made
                           r"(院里|单位|纪检组|组织)(还是|一直|都|也|并)?不知道")
_NOT_A_REPORT = re.compile(r"(调查|核查|审计|巡察|巡视|检查|评估|鉴定|初核)$|(不用|不必|无须)$")
# 当事人是其胞弟任法定代表人的恒通商贸公司: the party is a firm, kin only of its representative.
# 中院没有受理过这个案子: the former unit never had the case (R3 第八条's 原任职单位办理案件)
_UNIT_NEVER_HAD_IT = re.compile(r"(没有|没|未|从未|从没)(受理|审理|办理|经手|办|审)过?"
                                r"[^，。；]{0,2}(这个|这起|这一|此|该|那个|那起)?案|"
                                # 该案与本局无关，从没在本局立案: the writer's organ, his former
                                r"(该案|此案|这个案子?|这起案子?)与(本|我)(院|局|分局|检察院)无关|"
                                r"(从未|从没|没有?)在(本|我)(院|局|分局|检察院)立(过)?案|"
                                r"(从未|从没|没有?)经过?(本|我)(院|局|分局|检察院)(办理|审理|侦查|受理)|"
                                # 这个案子不在法院 (an arbitration): no court of his has it
                                r"(案子|案件)(并)?(不在|没在|没有在)[^，。；]{0,4}(法院|中院|检察院)|"
                                # 从未在省高院工作过 (the case's court)
                                r"(从未|从没|没有?)在[^，。；]{0,8}(法院|中院|高院|检察院)"
                                r"(工作过|任职|干过)")
# 补报还算不算数: a report asked about, not made
_REPORT_ASKED = re.compile(r"[^，。；]{0,2}(还算不算|算不算|还来得及|来不来得及|还有没有用|"
                           r"还有用吗|吗|了没有|了没(?=[？?，。]))")  # 报告了没有: asked
# 在检察院时没经手过这个案子: his own work there; 第八条 bars all 原任职单位办理案件
_WHILE_THERE = re.compile(r"在[^，。；]{0,6}时(也|都)?$")
# 从本院辞职的原审判员, 这个法院刑庭的审判员: he left the writer's own organ (本院), or the one
# the case is before (这个法院), so the case is his former unit's unless another court is named
_LEFT_THIS_ORGAN = re.compile(r"(从|是|原)(本院|我院|本检察院|这个法院|这个检察院|这个院|本局|"
                              r"这家法院|这家区法院|这家县法院|"
                              r"本分局|我局|我分局|我庭|本庭)"
                              r"[^，。；]{0,10}(辞职|离职|退休|离任|调走|调到|调离|审判员|法官|检察官)|"
                              r"(本院|我院)(原|退休|离任)|"
                              # 中院…开庭…律师范某，两年前还是该院…的审判员: the court of the case
                              r"(还是|原是|曾是|曾任)(该院|该检察院)[^，。；]{0,10}(审判员|法官|检察官|庭长)|"
                              r"在(本院|我院)[^，。；]{0,8}(出庭|代理|辩护|应诉|担任|起诉|二审|一审)|"
                              # 来我们庭开庭, 代理侄子在我院的一起继承纠纷: the writer's court
                              r"(来|到|在)(我们|本)(庭|院)[^，。；]{0,6}(开庭|出庭|代理|辩护|应诉)|坐在(我们|本)(庭|院)|"
                              r"在(本院|我院)的?(一起|这起|那起)|"
                              # 从我们立案庭辞职, 担任我院一起…的代理人: the writer's court
                              r"从(我们|本)[^，。；]{0,6}(辞职|离职|退休|调走)|"
                              r"(担任|代理)(本院|我院|我们院)的?(一起|这起|那起)|"
                              # 原分局侦查员 (no other place named): the writer's own 分局
                              r"(?:^|(?<=[，。；、：的是“]))原(分局|院|局)的?(侦查员|民警|法官|检察官|干警)")
_PARTY_IS_A_FIRM = re.compile(r"(当事人|委托人|原告|被告)(是|为|系)[^。；]{0,24}法定代表人"
                              r"[^。；]{0,12}(公司|企业|集团|商行|厂)")
# The other side calls or messages the officer (律师给承办法官打电话, 当事人家属来电): a contact
# the officer did not arrange (R3 第七条's 因不明情况或者其他原因).
_CALLED_BY_OTHER = re.compile(r"(律师|当事人|原告|被告|家属|老板|代理人)[^，。；“]{0,12}(给|向)"
                              r"[^，。；“]{0,8}(法官|检察官|承办人|民警|警官|我|他|她)[^，。；“]{0,4}"
                              r"(打电话|打来电话|发微信|发短信|发消息|发来)|"
                              r"(律师|当事人|原告|被告|家属|老板|代理人|家长|女儿|儿子|父亲|母亲|"
                              r"妻子|丈夫)[^，。；“]{0,8}"
                              r"(来电|打来电话|打电话(问|找|咨询|给)(?=[^，。；“]{0,4}"
                              r"(法官|检察官|承办人|民警|警官|庭长|审判长|执行员|书记员)))|"
                              # 辩护律师打电话问案子起诉了没有: whom he asks about the case is
                              # the officer who answers
                              r"(律师|代理人)(来电|打来电话|打电话)(问|询问|咨询)[^，。；“]{0,4}"
                              r"(案子|案件|开庭|起诉|立案|进度|进展)")
# 法官在电话里告诉当事人…: the officer's own call in his work
_OFFICER_ON_THE_PHONE = re.compile(r"(法官|检察官|承办人|民警|警官|书记员|执行员|法官助理)"
                                   r"[^，。；“]{0,6}"
                                   r"(在电话里|电话里|打电话|通过电话|电话)(通知|告知|"
                                   # what the law lets him tell (可以申请, 有权): no news
                                   r"告诉[^，。；“]{0,8}(可以|有权|需要|应当|等通知))")
# 为一起借款案被告打来电话: someone calling for the party, not the party calling
_FOR_THE_PARTY = re.compile(r"(为|替|帮)[^，。；]{0,12}$")

# 某超市货款案, 工厂欠款纠纷: the place word names a party to a case, not where anyone met
_NAMES_A_PARTY = re.compile(r"[^，。；“”]{0,4}(货款|欠款|纠纷|合同|借款|评估报告|的案子|的案件)|"
                             # 被告某酒店老板: the party's business, not where they met
                             # 家里人, 景区法务: the people of a place, not where anyone met
                             r"(老板|老总|经理|公司|集团|有限|员工|职工|法务|保安|(?<=里)人)")
# 原告是我老家的, 村里的人: where someone comes from, a tie, not where a contact took place
_ORIGINS = ("老家", "村里")
_ORIGIN_OF = re.compile(r"的(人|亲戚|老乡|乡亲|乡邻|邻居)?([，。；、”]|$)|(请|找|聘|雇|委托)的")
# 厂里织的毛毯: where a thing was made, not where anyone met
_MADE_THERE = re.compile(r"[^，。；]{0,2}(织|产|做|生产|出产|自产|酿|烧|编)的")
# 商定现场勘验时间, 现场原始监控: 现场 naming a piece of work, not where anyone met
_SITE_WORK = re.compile(r"(勘验|查勘|勘查|查验|检查|监控|指导|清点|笔录|调查|评估|核查)")


# 打电话到厂里: the place rung; 厂里议论纷纷: the place talked in; 厂里赔多少: the firm as the
# one who pays; none a place where two met
_RUNG_AT = re.compile(r"(打电话|电话打|打|拨)(到|去)(我们|我|他们|她家|他家)?$")
_NO_MEETING_AFTER = re.compile(r"[^，。；]{0,2}(议论|传开|都在传|都说|有人说|有人埋怨|紧张|担心|"
                               r"着急)|(赔|承担|掏钱|出钱)")


class CircumstanceReader:
    w: Callable[..., tuple[str, ...]]

    def _place_time(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        away = [m for m in text.find(w("conduct", "non_workplace"), negatable=False)
                if not _ISSUED_BY.match(text.text, m.end)  # 到律师所在的律所
                and not (m.word in _ORIGINS and _ORIGIN_OF.match(text.text, m.end))
                and not _MADE_THERE.match(text.text, m.end)
                and not _NAMES_A_PARTY.match(text.text, m.end)
                and not (m.word == "现场" and _SITE_WORK.match(text.text, m.end))
                and not _RUNG_AT.search(text.text[max(0, m.start - 6):m.start])
                and not _NO_MEETING_AFTER.match(text.text, m.end)] + [
            m for m in text.find_pattern("non_workplace") if not m.negated and not m.uncertain]
        office_call = OFFICE_PHONE_CALL.search(text.text)
        if office_call:
            # 承办法官用法院座机打到我部办公室: the officer speaks from his workplace; the
            # office rung and the account the fee goes to are no place the two met
            start, end = text.sentence_of(office_call.start())
            away = [m for m in away if not start <= m.start < end]
        at = [m for m in text.find(w("conduct", "workplace"), negatable=False)
              if not _NO_PLACE_MET_BEFORE.search(text.text[max(0, m.start - 2):m.start])
              and not _OTHERS_UNIT.search(text.text[max(0, m.start - 2):m.start + 2])
              and not self._sent_to(text.text, m.start, m.end)
              and not NOT_THE_PLACE.match(text.text, m.end)
              # 所在派出所的纪检部门: the unit one belongs to; 不在派出所: the place denied
              and not (m.word[0] == "在" and text.text[m.start - 1:m.start] in ("所", "不", "没"))
              # 收到法院寄来的通报: the word 到法院 inside 收到, no one came to the court
              and not (m.word[0] == "到" and m.start > 0 and text.text[m.start - 1] in "收寄")
              and not text.text[max(0, m.start - 2):m.start].endswith(("回到", "回"))]
        # 回到办公室后就报告了: where he went afterwards, not where the contact was
        theirs = [m for m in at if self._counterpart_place(text, m.start)]
        if theirs and not away:
            away = theirs  # 鉴定中心的办公室: the counterpart's premises, not the officer's
        at = [m for m in at if m not in theirs]
        if away:
            f["at_workplace"] = False
            note("at_workplace", away)  # type: ignore[operator]
        elif at:
            f["at_workplace"] = True
            note("at_workplace", at)  # type: ignore[operator]
        called_by_other = _CALLED_BY_OTHER.search(text.text)
        called = called_by_other or _OFFICER_ON_THE_PHONE.search(text.text)
        if called and not away and not _FOR_THE_PARTY.search(
                text.text[text.clause_start(called.start()):called.start()]):
            f["phone_call"] = True  # 律师打电话问法官: a call, no meeting arranged
            note("phone_call",  # type: ignore[operator]
                 [Match(called.group(0), called.start(), called.end(), False)])
        off = text.find(w("conduct", "non_work_time"), negatable=False)
        if off:
            f["work_time"] = False
            note("work_time", off)  # type: ignore[operator]
        elif any(x in text.text for x in ("上班时间", "工作时间", "工作日")):
            f["work_time"] = True
        read_planned(text, f, note, w, away, called_by_other=called_by_other is not None)

    @staticmethod
    def _sent_to(text: str, start: int, end: int) -> bool:
        """Where the officer sends the other (到立案庭反映), not where they met."""
        head = start + 1 if text[start] in "到来去" else start  # the word 到法院 holds its 到
        if _BRUSHED_OFF.search(text[max(0, start - 4):head]):
            return True
        before = text[max(0, head - 5):head]
        if not _SENT_TO_BEFORE.search(before) or not _SENT_TO_AFTER.match(text, end):
            return False
        return in_quotes(text, start) or bool(_SENT_BY.search(text[max(0, start - 12):start]))

    def _counterpart_place(self, text: Text, position: int) -> bool:
        """The place is a counterpart's, named before it with 的 (律所的办公室)."""
        start = text.clause_start(position)
        before = text.text[max(start, position - 10):position]
        if re.search(r"(人家|对方|他们|他家|她家)的?$", before):
            return True  # 在人家会议室: the place belongs to the one visited
        if re.search(r"(公司|企业|工厂|集团|律所|事务所|商行|门店|厂长|老板|总经理|董事长)的?$",
                     before):  # (厂长办公室: the manager's, the firm's)
            return True  # 原告公司办公室: a firm's office is no judicial workplace (R3 第六条)
        if re.search(r"(到|去|来到|赶到|前往)[^，。；]{0,10}(公司|企业|工厂|集团|律所|事务所|"
                     r"鉴定所|鉴定中心|拍卖行)[，,]?(在|到)?[^，。；]{0,4}$",
                     text.text[max(0, position - 24):position]):
            return True  # 到一家律师事务所，在会议室里: the room of the firm he went to
        if not before.endswith("的"):
            return False
        words = [x for kind in ("当事人", "律师", "特殊关系人", "中介组织")
                 for x in self.w("counterpart", kind)]
        owners = [before.rfind(x) + len(x) for x in words if x in before]
        if not owners:
            return False
        # 律师打电话到书记员的办公座机: an officer named after the counterpart owns the place
        after_owner = before[max(owners):]
        # 律师在法院的平台: an officer or a judicial organ named after the counterpart owns it
        return not any(role in after_owner for role in (*self.w("judicial_roles"),
                                                        *self.w("judicial_organs")))

    def _tie_denied_or_unheard(self, text: Text, f: dict[str, object], note: object) -> None:
        """跟任何服刑人员都没有关系: no tie to a party, lawyer or intermediary, so no case (R3
        第六、七条 govern contact 在案件办理过程中); 后面没听清: what was said is not known."""
        unheard = [m for m in text.find_pattern("content_unheard") if not m.uncertain]
        if unheard:
            f["content_unheard"] = True
            note("content_unheard", unheard)  # type: ignore[operator]
        if f.get("counterpart") is not None or "specific_case" in f:
            return
        denied = [m for kind in ("当事人", "律师", "特殊关系人", "中介组织")
                  for m in text.find(self.w("counterpart", kind), negatable=False)
                  if NO_TIE.match(text.text, m.end)]
        if denied:
            f["specific_case"] = False
            note("specific_case", denied)  # type: ignore[operator]

    def _report(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        routine = routine_report(text.text)  # the organ's R1 第七条 reporting
        conduct: list[str] = f.get("conduct") or []  # type: ignore[assignment]
        if routine and not any(conduct_told(text, name, w) for name in conduct):
            f["routine_report"] = True  # records (打招呼的登记), no conduct told beside them
            note("routine_report", [Match(routine.group(0), routine.start(),  # type: ignore[operator]
                                          routine.end(), False)])
        if f.get("complaint") and COMPLAINT_CLEARED.search(text.text):
            f["complaint_cleared"] = True  # 经核查不属实: verified, and found untrue
            return  # (未发现串通问题: whether or not a report is named besides)
        discipline = text.find(w("conduct", "report_discipline"), negatable=False)
        # 交给了院纪检监察部门: the report; 监狱纪委调查报告: the inquiry's paper; 不用报: none
        patterned = text.find_pattern("reported")
        reports = sorted([m for m in text.find(w("conduct", "reported"))
                          if not _NOT_A_REPORT.search(text.text[max(0, m.start - 2):m.start])
                          and not _REPORT_ASKED.match(text.text, m.end)]
                         + patterned, key=lambda m: m.start)
        told_nobody = _NOT_TOLD.search(text.text)
        if not discipline and not told_nobody and not any(
                x in text.text for x in ("单位说", "报告", "报备")) \
                and not patterned:
            return  # (那天的事我没报, 交了书面说明: the lexicon's patterns, read on)
        if f.get("complaint"):
            if (silent := NO_REPORT_ESTABLISHED.search(text.text)) and not _ALLEGED_BEFORE.search(
                    text.text[text.sentence_of(silent.start())[0]:silent.start()]):
                f["reported"] = False
                note("reported", [Match(silent.group(0), silent.start(),  # type: ignore[operator]
                                        silent.end(), True)])
            return
        # 跟院里报备没有？, 这事要补报吗？: a report asked about is neither made nor denied
        positive = [m for m in reports if not m.negated and not m.uncertain]
        if positive:
            f["reported"] = True
            note("reported", positive)  # type: ignore[operator]
        elif [m for m in reports if m.negated or not m.uncertain] or told_nobody:
            f["reported"] = False
            note("reported", reports)  # type: ignore[operator]
            if _NOT_YET_REPORTED.search(text.text) and _DAYS_AGO.search(text.text):
                # 昨晚的事，还没来得及报告: 第七条's 三日内 has not run out, nothing is late yet
                f["reported"] = None
        unquoted = QUOTE.sub("", text.text)  # 他说“不清楚”: his answer then, not the file's doubt
        # 情况报告（报纪检组）：…… a title naming the report is no doubt about it
        unquoted = _REPORT_TITLE.sub("", unquoted)
        # the doubt is the report's own (有没有报告，不清楚), in its sentence: not 事先不知道
        # (R3 第七条's 因不明情况) nor a question asked in another sentence
        # (我问他有没有报备……一个月了他也没报: the question asked, then answered in the file)
        denied = [m for m in reports if m.negated and not m.uncertain
                  and not in_quotes(text.text, m.start) and not _DOUBTED_SENTENCE.search(
                      text.text[slice(*text.sentence_of(m.start))])]
        if any(re.search(r"报告|报备", sentence) and not _THEN_UNKNOWN.search(sentence)
               for sentence in _DOUBTED_SENTENCE.findall(unquoted)) and not re.search(
                r"(作了|写了|做了|补了|交了|进行了)[^，。]{0,6}报告", text.text) and not denied \
                and not _REPORT_SCORNED.search(text.text):  # 偶遇而已，报什么: his answer
            f["reported"] = None
        if f.get("reported") is True and not _DAY_IN_DOUBT.search(text.text):
            days = report_delay(text.text)
            if days is not None:
                f["report_days"] = days

    def _personnel_action(self, text: Text, query: str, f: dict[str, object],
                          weak: list[str]) -> None:
        """A transfer or sanction named (调到, 处分): R1 第六条 / R2 第七条 turn on its legal
        cause and procedure, which the words may state (按干部交流规定，经党组研究)."""
        said = drop_false_cues("retaliation", [  # (被调到执行局: the pattern's move, too)
            *text.present(self.w("conduct", "retaliation")),
            *[m for m in text.find_pattern("retaliation") if not m.negated and not m.uncertain]],
            text)
        actions = set(self.w("conduct", "personnel_actions"))
        # “打击报复！” quoted by a move explained (按轮岗方案、经党组研究), or one he applied for
        explained, applied = ground_and_procedure_stated(query), bool(OWN_SELECTION.search(query))
        if said and all(m.word in actions or m.word.endswith(("挪去", "挪到"))  # (被挪去,
                        or m.word.startswith(("免去", "撤销", "撤掉", "拿掉"))  # 免去…职务)
                        or (explained and (in_quotes(text.text, m.start) or applied))
                        or CALLED_RETALIATION.search(text.text[text.clause_start(m.start):m.start])
                        for m in said) and not NO_LAWFUL_CAUSE.search(query):
            weak.append("retaliation")
            f["weak_conduct"] = weak
            if explained:
                f["lawful_ground"] = True

    def _former(self, text: Text, f: dict[str, object], note: object) -> None:
        if not f.get("former_officer"):
            return
        w = self.w
        no_duty = _NO_JUDICIAL_DUTY.search(text.text)
        if no_duty:
            # 在信息技术科做网络维护，没有审判、执行职责: no 司法人员 of R3 第十四条 (依法履行
            # 审判、执行、检察、侦查、监管职责的人员): 第八条's bar on former officers misses him
            f["judicial_duty"] = False
            if "律师" in text.text:
                f["actor_role"] = "律师"  # a lawyer now, never a 司法人员 of R3
            note("judicial_duty", [Match(no_duty.group(), no_duty.start(), no_duty.end(),
                                         False)])  # type: ignore[operator]
            return
        if re.search(r"有人说[^。]{0,60}也有人说", text.text):
            f["former_unit_case"] = None  # two accounts of which unit handled it: open
            return
        other = text.find_pattern("other_unit")
        # 也不是马某原单位: the former unit named to deny it is the case's
        former_unit = [m for m in text.find(w("conduct", "former_unit"), negatable=False)
                       if not IDENTITY_DENIED.search(text.text[text.clause_start(m.start):m.start])]
        if former_unit and all(_UNRELATED_AFTER.match(text.text, m.end) for m in former_unit):
            # 和他原来所在的区法院没有任何关系: the former unit named only to be set apart
            f["former_unit_case"] = False
            note("former_unit_case", former_unit)  # type: ignore[operator]
            return
        never = next((m for m in _UNIT_NEVER_HAD_IT.finditer(text.text) if not _WHILE_THERE.search(
            text.text[text.clause_start(m.start()):m.start()])), None) \
            or NEVER_SERVED_THERE.search(text.text) or NO_CASE_TAKEN.search(text.text)
        if never:
            f["former_unit_case"] = False
            note("former_unit_case", [Match(never.group(), never.start(), never.end(),
                                            True)])  # type: ignore[operator]
            return
        if other and not former_unit:
            f["former_unit_case"] = False
            note("former_unit_case", other)  # type: ignore[operator]
            return
        told = former_and_case_organs(text.text)
        if told is not None and told[0] != told[1]:
            # 原县法院法官 …… 二审在市中院审: the former unit and the case's organ both named,
            # and they differ (R3 第八条 forbids only 原任职单位办理案件)
            f["former_unit_case"] = False
            return
        at_former = AT_THE_FORMER_UNIT.search(text.text)
        same = former_unit or ([Match(at_former.group(), at_former.start(), at_former.end(),
                                      False)] if at_former else []) \
            or (told is not None) or self._same_organ_named(text.text)
        left_here = _LEFT_THIS_ORGAN.search(text.text)
        if left_here and same is None:
            same = [Match(left_here.group(), left_here.start(), left_here.end(), False)]
        if same is False:
            f["former_unit_case"] = False  # 甲区法院 ... 乙区法院: another unit's case
            return
        if same and SERVICE_HEDGED.search(text.text):
            same = []  # 他“好像在区法院干过”: where he served is a guess, the fact is open
        if not same:
            # R3 第八条 forbids only the former unit's cases: unless the words tie the case to
            # that unit, the verdict waits for the fact (never a violation by default).
            f["former_unit_case"] = None
        else:
            f["former_unit_case"] = True
            if isinstance(same, list):
                note("former_unit_case", same)  # type: ignore[operator]
        # 侄子父母: the kin word names someone else's relation, not the party's
        guardian = [m for m in text.present(w("conduct", "guardian_or_relative"))
                    if not OTHERS_AFTER_KIN.match(text.text, m.end)
                    and not re.search(r"(子|女|孩|侄|甥|(同学|朋友|同事|邻居|战友)的)$",
                                      text.text[:m.start])]
        distant = [m for m in text.present(w("conduct", "distant_relative"))
                   if not OTHERS_AFTER_KIN.match(text.text, m.end)]
        # 为非亲属嫌疑人辩护: 非 sets the kin word aside, it names no relation
        vague = [m for m in text.find(("亲戚", "亲属", "远房", "表亲", "家里人", "自家人", "家人",
                                       "跟着他生活", "由他抚养", "抚养"))
                 if not m.negated and not text.text[:m.start].endswith("非")] or re.search(
            r"(没有|没|未)(说明|说清|写明|讲明)[^，。；]{0,10}(亲属|亲戚|关系)|"
            r"(什么|何种|啥)关系[^。；]{0,12}(没写|没有写|未写|不清楚|没说|不详|未载明)", text.text)
        if re.search(r"只是(朋友|同学|老乡|同事|邻居|战友)", text.text):
            f["guardian_or_relative"] = False  # 跟嫌疑人一家只是朋友: the kin word is the client's
        elif guardian and _PARTY_IS_A_FIRM.search(text.text):
            # the party is a company, kin only of its 法定代表人: a firm has no 近亲属
            f["guardian_or_relative"] = False
        elif distant and "监护" not in text.text:
            # 舅舅, 表弟 (not as 监护人): whether they are 近亲属 is for the procedure laws
            f["guardian_or_relative"] = None
            note("guardian_or_relative", distant)  # type: ignore[operator]
        elif guardian:
            f["guardian_or_relative"] = True
            note("guardian_or_relative", guardian)  # type: ignore[operator]
        elif vague:
            f["guardian_or_relative"] = None
        else:
            f["guardian_or_relative"] = False

    @staticmethod
    def _same_organ_named(text: str) -> bool | None:
        """Whether the first judicial organ named (the former unit, told first) is the one
        named last (the case's): True / False when both are named, None when one is not."""
        names: list[str] = []
        set_apart = []  # 市检察院没有介入任何环节: an organ named to say it had no part
        for match in _ORGAN_NAME.finditer(text):
            place = match.group("place")
            prefix = match.group("prefix")
            for stop in NOT_A_NAME:
                prefix = prefix.rsplit(stop, 1)[-1]
            # 某区法院 … 该区法院 / 区法院: an unnamed court and a word pointing back to it
            prefix = re.sub(r"^(某|该|这家?|此|本|那家?|同一|一个|一家|一起|一件)|"
                            r"^(离开|调离|辞去|来自|供职|就职|代理|进了)$", "", prefix)
            name = prefix + place + match.group("organ")
            if names and _UNRELATED_AFTER.match(text, match.end()):
                set_apart.append(name)
            else:
                names.append(name)
        if names and names[0] in set_apart:
            return False  # the former unit, named first, is said to have had no part
        if len(names) < 2:
            return None
        return names[0] == names[-1]


# A court, procuratorate or police organ with its place (县法院, 甲区法院, 市检察院); the two
# characters before the place word are its name unless they are a preposition or particle.
_ORGAN_NAME = re.compile(r"(?P<prefix>[\u4e00-\u9fff]{0,2})(?P<place>[省市县区州旗])(?:人民)?"
                         r"(?P<organ>中级法院|中院|法院|检察院|公安局)")


# A case discussed and decided by the 审判委员会 or 检察委员会 at its meeting (审委会讨论决定,
# 检委会第三次会议纪要): the organ's own procedure for deciding a case, whose members' opinions
# are its work, not an intervention; never a call or a talk before it (审委会讨论前一晚打电话).
_COMMITTEE_SITS = re.compile(r"(审判委员会|审委会|检察委员会|检委会)"
                             r"(第[0-9一二三四五六七八九十百]+次)?(全体)?(会议)?(纪要|讨论(?![前之])|"
                             r"研究(?![前之])|决定|审议|上(?![报级])|[^，。；]{0,4}多数意见)")
_NOT_BEFORE = re.compile(r"没|未|不|绕开|绕过|跳过")
_PRIVATE_CHANNEL = re.compile(r"电话|私下|家里|单独|微信|短信|吃饭|饭局|请托|说情|打招呼|告诉|透露|"
                              r"透给|泄露|转告|说给|偷偷|截图|"
                              r"(发|传|拍|转)给了?[^，。；]{0,8}(律师|当事人|辩护人|代理人|家属|被告|原告)")


def committee_deliberation(text: str) -> bool:
    """The words tell of the committee's own sitting on the case (not 没有提交检委会讨论) and of
    no private channel."""
    sat = [m for m in _COMMITTEE_SITS.finditer(text)
           if not _NOT_BEFORE.search(text[max(0, m.start() - 8):m.start()])]
    return bool(sat) and not _PRIVATE_CHANNEL.search(text)
