"""How many days passed between a contact and its report, as the words tell them (R3 第七条's
三日): calendar dates, weekdays, 当天 / 次日, the N-th day and counts of days."""

from __future__ import annotations

import re
from datetime import date

from ingest.numerals import NUMERAL_CHARS, parse_chinese_number

_DAYS = re.compile(rf"([0-9{NUMERAL_CHARS}]+)\s*(天|日|周|个星期|星期|个月|月)(后|以后|之后|才)")
# 过了半个月才交说明: half a month, fifteen days
_HALF_MONTH = re.compile(r"半个月(后|以后|之后|才)")
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_RELATIVE = {"前天": -2, "前晚": -2, "前日": -2, "昨天": -1, "昨晚": -1, "昨日": -1, "昨夜": -1,
             "今天": 0, "今日": 0, "今早": 0}
_RELATIVE_DAY = re.compile("(" + "|".join(_RELATIVE) + ")")
_REPORTED_ON = re.compile("(" + "|".join(_RELATIVE) + r")[^，。；]{0,10}(报告|报备|说明|写|交)")
# 报告，昨天在超市偶遇 / 报称：前天…: the report's own words date the contact before it
_REPORT_THEN_DAY = re.compile(r"(报告|报称|报备)[，,：:]\s*(昨天|昨晚|昨日|前天|前晚|前日)")
# a weekday that dates the writing itself (周二写, 周三交纪检组)
_REPORT_DAY_FIRST = re.compile(r"[^，。；）)]{0,3}(写|报|交|递)")
# 周末: a Saturday or a Sunday (not 上周末, a week further back)
_WEEKEND = re.compile(r"(?<![上下])周末")
_WEEKDAY = re.compile(r"(上|下|这|本)?(?:周|星期|礼拜)([一二三四五六日天])")
# 第五天才报: the N-th day, counted from the contact's (see report_delay).
_NTH_DAY = re.compile(rf"第([0-9{NUMERAL_CHARS}]+)(天|日)")
_NTH_DAY_THEN_REPORT = re.compile(rf"第([0-9{NUMERAL_CHARS}]+)(天|日)[^。；]{{0,30}}才"
                                  r"[^。；]{0,12}(报告|报备)")
# A calendar date with its month (11月25日, 三月五号): two of them are the contact's and the
# report's, the report coming after.
_DATE = re.compile(rf"(?<![0-9{NUMERAL_CHARS}])([0-9{NUMERAL_CHARS}]{{1,2}})月"
                   rf"([0-9{NUMERAL_CHARS}]{{1,3}})[日号](?!内|以内|之内)")
# A day of the same month told without it after a full date (5月12号 …… 13号上午报了).
_BARE_DAY = re.compile(rf"(?<![0-9{NUMERAL_CHARS}月])([0-9{NUMERAL_CHARS}]{{1,3}})[日号]"
                       r"(?!内|以内|之内|楼|院|房|线|窗口|法庭|文件|令)")
_SAME_DAY = ("当天", "当晚", "当日", "随即", "立即", "马上", "第一时间", "事后当天")
_NEXT_DAY = ("第二天", "次日", "翌日", "隔天", "第二日")
# 随后把聊天截图交给了院纪检组: the report made straight after, the contact's day
_RIGHT_AFTER = re.compile(r"随后[，,]?[^。；]{0,24}(纪检|纪委|监察|督察)")
# 早上在地铁上碰到……下午我就填了报告单: a later hour named with no other day is that day.
_LATER_HOUR_SAME_DAY = re.compile(r"(早上|上午|早晨|清早|中午)[^”]{0,80}?(下午|傍晚|晚上)"
                                  r"[^。；]{0,16}(报告|报备)")

# 回办公室后就向纪检组作了说明: reported on getting back to the office, the contact's day.
_BACK_AT_WORK = re.compile(r"回(到)?(办公室|单位|院里|局里|法院|检察院)(后|以后|就|便)[^。；]{0,20}"
                           r"(报告|说明|报备)")


def _nth_day_delay(number: int) -> int | None:
    """第N天 is N-1 days after the contact when its own day is the first, N when the count starts
    the day after (the day a period starts from is not counted in it). Only 第四天 falls on both
    sides of 三日 (3 or 4 days): the words do not settle it."""
    return None if number == 4 else max(number - 1, 0)


def report_delay(text: str) -> int | None:
    """Days between the contact and the report, as the words tell it (None if they do not)."""
    later = _later_date_then(text)
    if later is not None:
        # 5月8日偶遇……直到5月15日……当天报告: 当天 is the later date's day, not the contact's
        return later
    dates = dated_days(text)
    if dates is not None and re.search(
            r"\d+[日号](才|方才|又|再)[^。；]{0,16}(报告|报备|说明)", text):
        # 当天给部门主任打了电话，7月11日才给纪检组交书面报告: the report is the later date's
        return dates
    late = _NTH_DAY_THEN_REPORT.search(text)
    if late:
        # 直到第十天…才去报告 (当天的情况 elsewhere is the contact's day told, not the report's)
        return _nth_day_delay(parse_chinese_number(late.group(1)))
    if any(x in text for x in _SAME_DAY) or _RIGHT_AFTER.search(text):
        return 0
    if any(x in text for x in _NEXT_DAY):
        return 1
    if _LATER_HOUR_SAME_DAY.search(text) and not _WEEKDAY.search(text, _LATER_HOUR_SAME_DAY.search(
            text).start(2)):  # type: ignore[union-attr]
        return 0
    if _BACK_AT_WORK.search(text):
        # 10月8日上班第一天就报告了: back at work on the later date named (the seed counts no
        # holiday out of 三日); with no dates, the first day back is the contact's own
        return dates if dates is not None else 0
    nth = _NTH_DAY.search(text)
    if nth and re.search(r"(上班|返岗|回到单位|回单位|节后|收假)$", text[:nth.start()]):
        # 上班第一天: the first day back at work, counted from the holiday, not the contact
        return dates
    if nth:
        return _nth_day_delay(parse_chinese_number(nth.group(1)))
    if _HALF_MONTH.search(text):
        return 15
    match = _DAYS.search(text)
    if match:
        number = parse_chinese_number(match.group(1))
        unit = match.group(2)
        return number * (7 if "周" in unit or "星期" in unit else 30 if "月" in unit else 1)
    if dates is not None:
        return dates
    contact, report = _RELATIVE_DAY.search(text), _REPORTED_ON.search(text)
    if contact and report and contact.start() < report.start():
        # 昨晚碰到……特此于今日报告, 前天晚上……昨天已经报告了: days counted back from today
        days = _RELATIVE[report.group(1)] - _RELATIVE[contact.group(1)]
        if days > 0:
            return days
    told = _REPORT_THEN_DAY.search(text)
    if told and not (contact and contact.start() < told.start()):
        # 执行员某报告，昨天在超市偶遇: a report told first, its contact counted back from it
        return -_RELATIVE[told.group(2)]
    named = list(_WEEKDAY.finditer(text))
    weekend = _WEEKEND.search(text)
    if weekend and len(named) == 1 and named[0].start() > weekend.end() \
            and named[0].group(1) is None and _WEEKDAYS[named[0].group(2)] < 6:
        # 周末偶遇……周一一上班就报告: Saturday or Sunday, the words do not say which; the
        # count is settled only where both days give the same answer to 三日
        after_saturday = _WEEKDAYS[named[0].group(2)] + 1
        return after_saturday if (after_saturday <= 3) == (after_saturday - 1 <= 3) else None
    if len(named) == 2 and named[0].group(1) in (None, "这", "本") and named[1].group(1) == "上":
        # 周一（婚宴是上周六）: the report's day told first, the contact's after it, last week
        return _WEEKDAYS[named[0].group(2)] + 7 - _WEEKDAYS[named[1].group(2)]
    if len(named) >= 2:
        first, last = _WEEKDAYS[named[0].group(2)], _WEEKDAYS[named[-1].group(2)]
        if _REPORT_DAY_FIRST.match(text, named[0].end()) and named[-1].group(1) is None:
            return (first - last) % 7  # 报告（周二写）：周日晚上碰到: the report's day told first
        if named[-1].group(1) == "下":
            return last + 7 - first  # 上周一 … 下周二: the week after the contact's
        return (last - first) % 7
    return None


def _later_date_then(text: str) -> int | None:
    """Days to the report when two calendar dates are named and a same-day or next-day word
    (当天, 次日) follows the later one: it counts from that date, not from the contact."""
    dates = dated_days(text)
    if not dates:
        return None
    last_date = max(m.end() for m in _DATE.finditer(text))
    tail = text[last_date:]
    if any(x in tail for x in _NEXT_DAY):
        return dates + 1
    if any(x in tail for x in _SAME_DAY):
        return dates
    return None


def dated_days(text: str) -> int | None:
    """Days between the two calendar dates the words name (None unless exactly two)."""
    days = set()
    for month, day in _DATE.findall(text):
        try:
            days.add(date(2001, parse_chinese_number(month), parse_chinese_number(day)))
        except ValueError:
            return None  # 2月30日: not a date
    full = list(_DATE.finditer(text))
    if len(days) == 1 and len(full) == 1:
        later = [int(parse_chinese_number(m.group(1))) for m in
                 _BARE_DAY.finditer(text, full[0].end())]
        first = next(iter(days))
        if len(set(later)) == 1 and first.day < later[0] <= 31:
            try:
                days.add(first.replace(day=later[0]))
            except ValueError:
                return None
    if len(days) > 2:
        return _contact_to_report(text)
    if len(days) != 2:
        return None
    first, last = sorted(days)
    return (last - first).days


# The sentence that tells the report (拖到5月13日才向院纪检组报告).
_REPORT_SENTENCE = re.compile(r"[^。；]*(报告|报备)[^。；]*")


def _contact_to_report(text: str) -> int | None:
    """Of three dates or more: from the earliest (the contact, told first) to the one in the
    sentence that tells the report, when exactly one date stands there (the other dates are
    the story's other days: 期间5月9日…补交了材料)."""
    dated = []
    for m in _DATE.finditer(text):
        try:
            dated.append((m.start(), date(2001, parse_chinese_number(m.group(1)),
                                          parse_chinese_number(m.group(2)))))
        except ValueError:
            return None
    for sentence in _REPORT_SENTENCE.finditer(text):
        inside = {day for at, day in dated if sentence.start() <= at < sentence.end()}
        if len(inside) != 1:
            continue
        reported = next(iter(inside))
        contact = min(day for _, day in dated)
        if dated[0][1] == contact and contact < reported:
            return (reported - contact).days
    return None
