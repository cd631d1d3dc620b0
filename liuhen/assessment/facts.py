"""The facts of a situation: given by the caller (structured), or read from the words.

Every extracted fact keeps the words the user typed that support it (``Extracted.evidence``):
the assessment's ``reasons`` are made only of those, never of thesaurus expansions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ingest.numerals import NUMERAL_CHARS, parse_chinese_number
from liuhen.assessment.lexicon import Lexicon, Match, Text

ActorRole = Literal[
    "领导干部", "领导干部身边工作人员或亲属", "党政机关（以组织名义）", "司法机关内部人员",
    "本机关领导干部", "上级司法机关人员", "其他司法机关人员", "离退休司法人员", "司法人员",
    "离任司法人员", "当事人", "律师", "特殊关系人", "中介组织", "办案人员", "主管领导",
]
Conduct = Literal[
    "plead", "private_meeting", "via_staff", "directive", "other", "pass_materials", "probe",
    "leak", "recommend_lawyer", "accept_benefit", "borrow", "collusion", "guidance",
    "learn_case", "decide_case", "contact",
]
Relation = Literal["colleague", "own_leader", "superior", "unrelated"]
Counterpart = Literal["当事人", "律师", "特殊关系人", "中介组织"]
Channel = Literal["书面", "口头", "发函", "会议"]
Regime = Literal["R1", "R2", "R3"]


class Facts(BaseModel):
    """What the verdict turns on. Every field is optional; None means not known. Given facts
    override the ones read from the words."""

    model_config = ConfigDict(extra="forbid")

    regimes: list[Regime] | None = Field(default=None, max_length=3,
                                         description="R1 leader, R2 insider, R3 contact")
    actor_role: ActorRole | None = None
    conduct: list[Conduct] | None = Field(default=None, max_length=16)
    insider_relation: Relation | None = Field(
        default=None, description="R2: the intervener to the handling organ (R2 第八条)")
    counterpart: Counterpart | None = None
    leading_organ: bool | None = Field(
        default=None, description="an organ with leadership duties over judicial work "
        "(R1 第三条), such as 党委政法委")
    org_letter: bool | None = Field(default=None, description="in an organisation's name")
    via_staff: bool | None = Field(default=None, description="a cadre's staff or relative")
    instigated: bool | None = Field(default=None, description="the cadre 授意、纵容")
    channel: Channel | None = None
    written: bool | None = None
    via_procedure: bool | None = Field(default=None, description="依照法律程序或者工作程序")
    personal_tie: bool | None = Field(default=None, description="acting for a party")
    at_workplace: bool | None = None
    work_time: bool | None = None
    approved: bool | None = None
    planned: bool | None = Field(default=None, description="False: 因不明情况 (R3 第七条)")
    reported: bool | None = None
    report_days: int | None = Field(default=None, ge=0, le=3650)
    recorded: bool | None = None
    told_not_to_record: bool | None = None
    retaliation: bool | None = None
    retired: bool | None = None
    former_officer: bool | None = None
    former_unit_case: bool | None = None
    guardian_or_relative: bool | None = None
    complaint: bool | None = None
    named_report: bool | None = None
    outside_jurisdiction: bool | None = None
    managed_by: Literal["上级党委", "其他党组织"] | None = None
    refused: bool | None = None
    purpose: Literal["social", "work"] | None = Field(
        default=None, description="what a contact away from work was for")

    def merged(self, given: Facts | None) -> Facts:
        if given is None:
            return self
        update = {k: v for k, v in given.model_dump(exclude_unset=True).items()
                  if v is not None}
        return self.model_copy(update=update)


@dataclass
class Extracted:
    facts: Facts
    evidence: dict[str, list[str]] = field(default_factory=dict)  # fact -> words typed


_DAYS = re.compile(rf"([0-9{NUMERAL_CHARS}]+)\s*(天|日|周|个星期|星期|个月|月)(后|以后|之后|才)")
_WEEKDAYS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7}
_WEEKDAY = re.compile(r"(?:周|星期)([一二三四五六日天])")
_SAME_DAY = ("当天", "当晚", "当日", "随即", "立即", "马上", "第一时间", "事后当天")
_NEXT_DAY = ("第二天", "次日", "翌日", "隔天", "第二日")


class Extractor:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.w = lexicon.words

    def extract(self, query: str) -> Extracted:
        text = self.lexicon.analyse(query)
        out = Extracted(Facts())
        f: dict[str, object] = {}

        def note(name: str, matches: list[Match]) -> None:
            words = [m.word for m in matches]
            if words:
                out.evidence.setdefault(name, [])
                out.evidence[name] += [w for w in words if w not in out.evidence[name]]

        def cue(name: str, *path: str) -> bool | None:
            """True if the words are there, False if only negated, None if absent."""
            matches = text.find(self.w(*path))
            if not matches:
                return None
            positive = [m for m in matches if not m.negated]
            note(name, positive or matches)
            return bool(positive)

        self._actor(text, f, note)
        conduct: list[str] = []
        for name in ("plead", "private_meeting", "pass_materials", "probe", "leak",
                     "recommend_lawyer", "accept_benefit", "borrow", "collusion",
                     "learn_case", "decide_case", "guidance"):
            if cue(name, "conduct", name):
                conduct.append(name)
        if self._directive(text, note):
            conduct.append("directive")
        f["conduct"] = conduct
        for name, path in (("written", "written"), ("via_procedure", "procedure"),
                           ("approved", "approved"), ("recorded", "recorded"),
                           ("retaliation", "retaliation"), ("refused", "refused"),
                           ("complaint", "complaint"), ("named_report", "named_report")):
            value = cue(name, "conduct", path)
            if value is not None:
                f[name] = value
        if cue("not_recorded", "conduct", "not_recorded"):
            f["recorded"] = False
        if text.present(self.w("conduct", "no_procedure")):
            note("via_procedure", text.present(self.w("conduct", "no_procedure")))
            f["via_procedure"] = False
        oral = text.present(self.w("conduct", "oral"))
        if f.get("written") is True:
            f["channel"] = "书面"
        elif oral:
            note("channel", oral)
            f["channel"] = "口头"
            f.setdefault("written", False) if f.get("written") is None else None
        tie = text.find(self.w("conduct", "tie"), negatable=False)
        if tie or "plead" in conduct:
            f["personal_tie"] = True
            note("personal_tie", tie)
        social = text.present(self.w("conduct", "social"))
        work = text.present(self.w("conduct", "work_purpose"))
        if social and not work:
            f["purpose"] = "social"
            note("purpose", social)
        elif work:
            f["purpose"] = "work"
        self._place_time(text, f, note)
        self._report(text, f, note)
        self._former(text, f, note)
        out.facts = Facts.model_validate(f)
        return out

    # ------------------------------------------------------------------ who acted

    def _actor(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        record = note  # type: ignore[assignment]
        judicial = text.find(w("judicial_roles"), negatable=False)
        organs = text.find(w("judicial_organs"), negatable=False)
        leaders = [m for m in text.find(w("leader_roles"), negatable=False)
                   if not self._judicial_context(text, m)]
        leading = text.find(w("leading_organ_words"), negatable=False)
        staff = text.find(w("staff_words"), negatable=False)
        relatives = text.find(w("relative_words"), negatable=False)
        org_name = text.find(w("org_name_words"), negatable=False)
        counterpart = self._counterpart(text)
        judicial_people = [m for m in judicial if not self._outside_context(text, m)]
        first = {
            "leader": leaders[0].start if leaders else None,
            "judicial": judicial_people[0].start if judicial_people else None,
            "leading": leading[0].start if leading else None,
            "counterpart": counterpart[1].start if counterpart else None,
        }
        present = {k: v for k, v in first.items() if v is not None}
        agent = min(present, key=lambda k: present[k]) if present else None
        if leading and (agent == "leading" or (agent == "leader" and first["leading"] is not None
                                               and first["leading"] <= (first["leader"] or 0)
                                               + 4)):
            f["leading_organ"] = True
            f["regimes"] = ["R1"]
            record("leading_organ", leading[:1])  # type: ignore[operator]
            f["actor_role"] = ("党政机关（以组织名义）" if org_name or self._meeting(text)
                               else "领导干部")
            return
        if agent == "leader":
            lead = leaders[0]
            f["regimes"] = ["R1"]
            record("actor", [lead])  # type: ignore[operator]
            tie = [m for m in [*staff, *relatives] if 0 <= m.start - lead.end <= 3]
            if tie:
                f["via_staff"] = True
                f["actor_role"] = "领导干部身边工作人员或亲属"
                record("via_staff", tie)  # type: ignore[operator]
                not_told = text.find(w("not_instigated_words"), negatable=False)
                told = [m for m in text.find(w("instigate_words"), negatable=False)
                        if m.start > tie[0].end]
                knows = [m for m in text.find(("知道", "知情"))
                         if m.start > tie[0].end and not m.negated]
                if not_told or "不知道" in text.text or "是否知情" in text.text:
                    f["instigated"] = None if not not_told else False
                if (told or knows) and not not_told and "是否" not in text.text:
                    f["instigated"] = True
                    record("instigated", told or knows)  # type: ignore[operator]
                return
            org = [m for m in org_name if m.start > lead.start]
            if org and any(x in text.text for x in ("名义", "公章", "盖章", "发函", "致函")):
                f["org_letter"] = True
                f["actor_role"] = "党政机关（以组织名义）"
                record("org_letter", org)  # type: ignore[operator]
            else:
                f["actor_role"] = "领导干部"
            return
        if agent is None and org_name and not judicial_people:
            f["regimes"] = ["R1"]
            f["org_letter"] = True
            f["actor_role"] = "党政机关（以组织名义）"
            return
        if org_name and agent in ("judicial", "counterpart") and not leaders:
            # 某某局以单位名义给法院发函: the organ is named before any person.
            outside = [m for m in text.find(w("leader_organ_words"), negatable=False)
                       if m.start < (present[agent] if agent else 0)]
            if (outside and not organs[:1]) or (outside and organs and outside[0].start
                                              < organs[0].start):
                f["regimes"] = ["R1"]
                f["org_letter"] = True
                f["actor_role"] = "党政机关（以组织名义）"
                record("org_letter", org_name)  # type: ignore[operator]
                return
        if agent == "judicial":
            self._insider(text, f, record, judicial_people, counterpart)
            return
        if agent == "counterpart" and counterpart is not None:
            f["regimes"] = ["R3"]
            f["counterpart"] = counterpart[0]
            f["actor_role"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]

    def _insider(self, text: Text, f: dict[str, object], record: object,
                 judicial: list[Match], counterpart: tuple[str, Match] | None) -> None:
        w = self.w
        actor = judicial[0]
        record("actor", [actor])  # type: ignore[operator]
        retired = text.find(w("retired_words"), negatable=False)
        former = text.find(w("former_words"), negatable=False)
        if former and any(x in text.text for x in ("律师", "代理", "辩护")):
            f.update(regimes=["R3"], former_officer=True, actor_role="离任司法人员")
            record("former_officer", former)  # type: ignore[operator]
            return
        others = [m for m in judicial if (m.start > actor.end + 1 and m.word != actor.word)
                  or m.start > actor.end + 6]
        addressed_me = re.search(r"(问|找|给|对|约|叫|让|跟|和)我", text.text)
        colleague = text.find(w("colleague_words"), negatable=False)
        insider_target = bool(others) or bool(addressed_me)
        if retired:
            f["retired"] = True
            record("retired", retired)  # type: ignore[operator]
        if counterpart is not None:
            f["counterpart"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]
        if insider_target or retired:
            regimes = ["R2"]
            relation = self._relation(text, actor, others, colleague)
            f["insider_relation"] = relation
            f["actor_role"] = {"own_leader": "本机关领导干部", "superior": "上级司法机关人员",
                               "unrelated": "其他司法机关人员"}.get(relation or "",
                                                             "司法机关内部人员")
            if retired:
                f["actor_role"] = "离退休司法人员"
            if counterpart is not None and text.present(
                    w("conduct", "unplanned")) and not text.present(
                    w("conduct", "accept_benefit")):
                regimes.append("R3")
            f["regimes"] = regimes
            return
        f["regimes"] = ["R3"]
        f["actor_role"] = "司法人员"

    def _relation(self, text: Text, actor: Match, others: list[Match],
                  colleague: list[Match]) -> Relation | None:
        w = self.w
        start, _ = text.sentence_of(actor.start)
        before_actor = text.text[start:actor.end]
        whole = text.text
        if any(x in before_actor for x in w("superior_words")) or re.search(
                r"(下辖|下级|辖区)", whole):
            return "superior"
        if any(x in whole for x in w("unrelated_words")):
            return "unrelated"
        actor_organ = self._organ_kind(before_actor)
        target_text = whole[actor.end:]
        target_organ = self._organ_kind(target_text)
        if actor_organ and target_organ and actor_organ != target_organ:
            return "unrelated"
        if actor.word in w("judicial_leader_roles") or any(
                x in before_actor for x in ("院长", "检察长", "分管", "主管")):
            return "own_leader"
        if colleague or others or actor_organ == target_organ:
            return "colleague"
        return None

    @staticmethod
    def _organ_kind(text: str) -> str | None:
        kinds = {"法院": "court", "中院": "court", "法庭": "court", "检察": "procuratorate",
                 "公安": "police", "派出所": "police", "刑侦": "police", "国家安全": "security",
                 "国安": "security", "司法局": "justice", "监狱": "justice"}
        found = [(text.find(k), v) for k, v in kinds.items() if k in text]
        return min(found)[1] if found else None

    def _judicial_context(self, text: Text, match: Match) -> bool:
        """A role word such as 院长 or 局长 inside a judicial organ (法院院长, 公安局局长)."""
        if match.word in ("书记",) and text.text[match.end:match.end + 1] == "员":
            return True
        start = text.clause_start(match.start)
        before = text.text[max(start, match.start - 14):match.start]
        judicial = [before.rfind(o) for o in self.w("judicial_organs") if o in before]
        outside = [before.rfind(o) for o in self.w("leader_organ_words") if o in before
                   and o not in ("局", "办公室", "委员会")]
        if match.word in ("院长", "副院长", "政委", "所长") and not outside:
            return "医院" not in before and "学院" not in before
        return bool(judicial) and (not outside or max(judicial) > max(outside))

    def _outside_context(self, text: Text, match: Match) -> bool:
        before = text.text[max(0, match.start - 3):match.start]
        return "律" in before

    def _counterpart(self, text: Text) -> tuple[Counterpart, Match] | None:
        found: list[tuple[int, Counterpart, Match]] = []
        for kind in ("当事人", "律师", "特殊关系人", "中介组织"):
            for m in text.find(self.w("counterpart", kind), negatable=False):
                found.append((m.start, kind, m))  # type: ignore[arg-type]
        if not found:
            return None
        found.sort(key=lambda t: t[0])
        return found[0][1], found[0][2]

    def _meeting(self, text: Text) -> bool:
        return bool(text.find(self.w("conduct", "meeting_form"), negatable=False))

    def _directive(self, text: Text, note: object) -> bool:
        form = text.find(self.w("conduct", "meeting_form"), negatable=False) + text.find(
            self.w("conduct", "document_form"), negatable=False)
        opinion = text.present(self.w("conduct", "opinion_words"))
        strong = text.present(self.w("conduct", "directive"))
        if form and (opinion or strong):
            note("directive", [*form[:1], *(strong or opinion)[:2]])  # type: ignore[operator]
            return True
        return False

    # ------------------------------------------------------------------ where, when, reported

    def _place_time(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        away = text.find(w("conduct", "non_workplace"), negatable=False)
        at = text.find(w("conduct", "workplace"), negatable=False)
        if away:
            f["at_workplace"] = False
            note("at_workplace", away)  # type: ignore[operator]
        elif at:
            f["at_workplace"] = True
            note("at_workplace", at)  # type: ignore[operator]
        off = text.find(w("conduct", "non_work_time"), negatable=False)
        if off:
            f["work_time"] = False
            note("work_time", off)  # type: ignore[operator]
        elif any(x in text.text for x in ("上班时间", "工作时间", "工作日")):
            f["work_time"] = True
        unplanned = text.present(w("conduct", "unplanned"))
        if unplanned:
            f["planned"] = False
            note("planned", unplanned)  # type: ignore[operator]
        elif any(x in text.text for x in ("约", "邀请", "专程", "特意", "上门", "登门")):
            f["planned"] = True

    def _report(self, text: Text, f: dict[str, object], note: object) -> None:
        w = self.w
        discipline = text.find(w("conduct", "report_discipline"), negatable=False)
        reports = text.find(w("conduct", "reported"))
        if not discipline and not any(x in text.text for x in ("单位说", "报告", "报备")):
            return
        if f.get("complaint"):
            return
        positive = [m for m in reports if not m.negated]
        if positive:
            f["reported"] = True
            note("reported", positive)  # type: ignore[operator]
        elif reports or re.search(r"(没|未|不)(跟|向|和|对)?(单位|纪检|领导|组织)", text.text):
            f["reported"] = False
            note("reported", reports)  # type: ignore[operator]
        if any(x in text.text for x in ("有没有", "是否", "不清楚", "不知道", "没写")) and (
                "报告" in text.text or "报备" in text.text) and not re.search(
                r"(作了|写了|做了|补了|交了|进行了)[^，。]{0,6}报告", text.text):
            f["reported"] = None
        if f.get("reported") is True:
            days = report_delay(text.text)
            if days is not None:
                f["report_days"] = days

    def _former(self, text: Text, f: dict[str, object], note: object) -> None:
        if not f.get("former_officer"):
            return
        w = self.w
        f["former_unit_case"] = True
        guardian = text.present(w("conduct", "guardian_or_relative"))
        vague = [m for m in text.find(("亲戚", "亲属", "远房", "表亲"), negatable=False)]
        if guardian:
            f["guardian_or_relative"] = True
            note("guardian_or_relative", guardian)  # type: ignore[operator]
        elif vague:
            f["guardian_or_relative"] = None
        else:
            f["guardian_or_relative"] = False


def report_delay(text: str) -> int | None:
    """Days between the contact and the report, as the words tell it (None if they do not)."""
    if any(x in text for x in _SAME_DAY):
        return 0
    if any(x in text for x in _NEXT_DAY):
        return 1
    match = _DAYS.search(text)
    if match:
        number = parse_chinese_number(match.group(1))
        unit = match.group(2)
        return number * (7 if "周" in unit or "星期" in unit else 30 if "月" in unit else 1)
    days = [_WEEKDAYS[m.group(1)] for m in _WEEKDAY.finditer(text)]
    if len(days) >= 2:
        return (days[-1] - days[0]) % 7
    return None
