"""Which unit a former officer left and which organ handles the case now: the facts R3 第八条
turns on ("司法人员从司法机关离任后，不得担任原任职单位办理案件的诉讼代理人或者辩护人")."""

from __future__ import annotations

import re

# Characters before a place word that are no part of an organ's name (在县法院, 原来的区法院;
# 代理县法院…的案子, 辩护: the verb's last character; 跟县法院打执行异议: a preposition)
NOT_A_NAME = tuple("在的从是到任原来托担于向为了和与及跟同被把对给回由理护")
# 从没在区法院工作过, 从未在那儿任职: the court of the case is none he served in (R3 第八条
# bars only 原任职单位办理案件)
NEVER_SERVED_THERE = re.compile(r"(从未|从没|从来没有?|没有?|不曾)在[^，。；]{1,8}"
                                r"(工作|任职|干|上班)过")
# 只管内部合规，不代理任何案子: a former officer who takes no case acts in none of his former
# unit's (R3 第八条 bars 担任…诉讼代理人或者辩护人)
NO_CASE_TAKEN = re.compile(r"不(代理|接|办)(任何)?(一个|一件)?(案子|案件|官司)|"
                           r"(不|从不)(出庭|担任[^，。；]{0,6}(代理人|辩护人))|"
                           # 县法院的案子一件不碰: the former unit's cases, none taken
                           r"(案子|案件|官司)(一件|一个)?(也|都)?不(碰|接|代理|沾)")
# 好像在区法院干过, 据说在那个法院工作过: where the former officer served, only guessed at
SERVICE_HEDGED = re.compile(r"(好像|似乎|据说|听说|可能|不确定是不是|说不准)[^，。；”]{0,3}(在|是)"
                            r"[^，。；”]{0,10}(干过|工作过|待过|任过职|任职过|当过法官|当过检察官)")
# 纠纷在我原来的县法院审理, 在我原来所在的区法院立了案: the case is the former unit's own
AT_THE_FORMER_UNIT = re.compile(r"在我?原来(所在|工作|任职)?的[^，。；]{0,4}(法院|检察院|中院)"
                                r"[^，。；]{0,4}(审理|审|办理|立案|立了案|执行|受理)|"
                                # 原事故中队民警 … 这案子就是我们中队在办的: told by his old unit
                                r"(就是|正是)(我们|本)[^，。；]{0,4}(中队|大队|庭|院|科|所|局)"
                                r"[^，。；]{0,2}(在办|办的|立的案|承办)|"
                                # 审查起诉的正是他原来那个检察院: the case's organ is his old one
                                r"正是(他|她|我)?原来(那个|那家|的|所在的)[^，。；]{0,4}(法院|检察院|中院|公安局)|"
                                # 原来在青石法庭干了十年 … 案子就在青石法庭: the same 派出法庭
                                r"原来?在(?P<tribunal>[\u4e00-\u9fff]{2})法庭.{0,120}?"
                                r"((案子|案件|官司)[^，。；]{0,4}(就在|在|由)(?P=tribunal)法庭|"
                                r"(?P=tribunal)法庭(正在)?(审理|审|办理|受理))|"
                                # 原来民一庭的法官 … 还就在民一庭审: the same division of his court
                                r"原来?在?[^，。；]{0,4}?(?P<division>(民|刑|行政|立案|执行|审监)"
                                r"[一二三四五六]?庭)的?.{0,120}?(就在|还在|在|由)(?P=division)"
                                r"(审|开庭|审理|办理|办)|"
                                # 就在他原来那个刑庭开庭, 审判席上坐的还是他原来的同事: his old unit
                                r"在(他|她)原来(那个|的|所在的)[^，。；]{0,4}(庭|法院|检察院)"
                                r"[^，。；]{0,2}(开庭|审理|受审|审(?=[，。；]))|"
                                r"审判席上?[^，。；]{0,4}(是|还是)(他|她)原来的同事|"
                                # 代理对方告我们，还在同一个法院: the court he left hears it
                                r"(还|也|就|仍)在同一(个|家)?(法院|检察院|中院)|"
                                # 代理…申请执行的案子，还在原执行局办: the office he left handles it
                                r"(还|也|就|仍)在(他|她)?原(来的?|来那个)?(执行局|法院|检察院|中院|"
                                r"[民刑][一二三四五六]?庭|行政庭|执行庭)(办|审|执行|审理)|"
                                # 回到他原来的县法院跟我们打官司: the court he left, where he acts
                                r"回到(他|她|我)?原来(所在|工作|任职)?的[^，。；]{0,4}(法院|检察院|中院)")

_ORGAN = r"(?:中级人民法院|中级法院|中院|人民法院|法院|人民检察院|检察院|公安局)"
# 原县法院法官, 原任职单位为中院: the unit a former officer left.
FORMER_ORGAN = re.compile(rf"原(?:来(?:所在|工作|任职)?的|任职单位|工作单位|单位)?(?:是|为)?"
                          rf"(?P<organ>[\u4e00-\u9fff]{{0,2}}{_ORGAN})")
# 由区法院审理, 在市中院审, 区法院正在审理: the organ handling the case now; 上诉到市中院,
# 二审在中院: the appeal's court handles it now, whoever judged the first instance
CASE_ORGAN = re.compile(rf"(?:(?:由|在)(?P<a>[\u4e00-\u9fff]{{0,2}}{_ORGAN})(?:正在)?|"
                        rf"(?P<b>[\u4e00-\u9fff]{{0,2}}{_ORGAN})正在)(?:审理|审|办理|受理|执行)|"
                        rf"(?:上诉到|上诉至|二审在|二审由|移送到|移送至)"
                        rf"(?P<c>[\u4e00-\u9fff]{{0,2}}{_ORGAN})|"
                        # 在市中院一起买卖合同纠纷二审中: the case named between
                        rf"在(?P<d>[\u4e00-\u9fff]{{0,2}}{_ORGAN})[^，。；]{{0,14}}(?:一审|二审|审理|诉讼)中|"
                        # 代理我们厂在县法院打罚款官司: the court where he acts in it
                        rf"在(?P<e>[\u4e00-\u9fff]{{0,2}}{_ORGAN})打[^，。；]{{0,10}}官司")


def _organ_named(words: str) -> str | None:
    """The organ a name points to, in one form (市中院, 中级人民法院 -> 中院; 县人民法院 -> 县法院);
    None when the words do not say which (本院, 该院, a 法庭 of some court)."""
    if "中院" in words or "中级" in words:
        return "中院"
    kind = "检察院" if "检察院" in words else "公安局" if "公安局" in words else "法院"
    place = re.search(r"([\u4e00-\u9fff]?)([省市县区])(?:人民)?" + kind, words)
    if place is None:
        return None
    name = place.group(1)  # 甲区法院 and 乙区法院 are two courts; 该区法院 points back
    no_name = name in NOT_A_NAME or name in "某该这此本那一起个件家宗"  # (一起县检察院: a measure)
    return ("" if no_name else name) + place.group(2) + kind


def former_and_case_organs(text: str) -> tuple[str, str] | None:
    """The former unit and the case's organ when the words name both (else None)."""
    former = FORMER_ORGAN.search(text)
    if former is None:
        return None
    for match in CASE_ORGAN.finditer(text, former.end()):
        case = _organ_named(match.group("a") or match.group("b") or match.group("c")
                            or match.group("d") or match.group("e"))
        unit = _organ_named(former.group("organ"))
        if case and unit:
            return unit, case
    return None
