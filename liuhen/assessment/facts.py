"""The facts of a situation: given by the caller (structured), or read from the words.

Every extracted fact keeps the words the user typed that support it (``Extracted.evidence``):
the assessment's ``reasons`` are made only of those, never of thesaurus expansions.

Over 500 lines, for now: the readers of each fact (actor, counterpart, conduct, channel,
place, approval, report) share one masked, negation-aware view of the words and were written
together this session; their seam (one module per fact group) is the next split.
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
    decision: bool | None = Field(
        default=None, description="decided on evidence, facts or judgment (R1 第三条)")
    declined: list[Conduct] | None = Field(
        default=None, max_length=16, description="conduct the words say did not happen")
    hearsay: bool | None = Field(
        default=None, description="told as hearsay (听说, 据说), not established")
    specific_case: bool | None = Field(
        default=None, description="False: the words say no specific case was concerned")
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
_PLEAD_PATTERN = re.compile(r"能[^，。“”]{0,4}就[^，。“”]{0,4}|能不[^，。“”]{1,3}就不")
_SAME_DAY = ("当天", "当晚", "当日", "随即", "立即", "马上", "第一时间", "事后当天")
_NEXT_DAY = ("第二天", "次日", "翌日", "隔天", "第二日")


class Extractor:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.w = lexicon.words

    def extract(self, query: str) -> Extracted:
        text = self.lexicon.analyse(bystander_quotes_masked(query))
        out = Extracted(Facts())
        f: dict[str, object] = {}

        def note(name: str, matches: list[Match]) -> None:
            words = [m.word for m in matches]
            if words:
                out.evidence.setdefault(name, [])
                out.evidence[name] += [w for w in words if w not in out.evidence[name]]

        def cue(name: str, *path: str) -> bool | None:
            """True if the words (or the lexicon's patterns for ``name``) are there, False if
            only negated, None if absent."""
            found = text.find(self.w(*path))
            if path[0] == "conduct":
                found = found + text.find_pattern(name)
            matches = [m for m in found if not m.uncertain]
            if not matches:
                return None
            positive = [m for m in matches if not m.negated]
            note(name, positive or matches)
            return bool(positive)

        self._actor(text, f, note)
        conduct: list[str] = []
        declined: list[str] = []
        for name in ("plead", "private_meeting", "pass_materials", "probe", "leak",
                     "recommend_lawyer", "accept_benefit", "borrow", "collusion",
                     "learn_case", "decide_case", "guidance"):
            value = cue(name, "conduct", name)
            if value:
                conduct.append(name)
            elif value is False:
                declined.append(name)
        pattern = _PLEAD_PATTERN.search(query)
        if pattern and "plead" not in conduct:
            conduct.append("plead")
            note("plead", [Match(pattern.group(0), pattern.start(), pattern.end(), False)])
        if "decide_case" in conduct:
            f["decision"] = True
        elif "decide_case" in declined or text.negated_hits(self.w("conduct", "opinion_words")):
            f["decision"] = False
        heard = text.find_pattern("hearsay")
        if heard and not text.find_pattern("confirmed"):
            f["hearsay"] = True
            note("hearsay", heard)
        general = [m for m in text.find_pattern("no_specific_case") if not m.uncertain]
        if general:
            f["specific_case"] = False
            note("specific_case", general)
        policy = text.present(self.w("conduct", "policy_study")) + [
            m for m in text.find_pattern("policy_study") if not m.negated and not m.uncertain]
        if policy:
            note("policy_study", policy)
        f["declined"] = declined
        if self._directive(text, note):
            conduct.append("directive")
        refused = text.present(self.w("conduct", "refused"))
        took = text.present(("收下", "收了", "收受", "笑纳", "拿了", "接受了"))
        if "accept_benefit" in conduct and refused and not took:
            conduct.remove("accept_benefit")
            declined.append("accept_benefit")
        f["conduct"] = conduct
        if policy and f.get("leading_organ") and "decide_case" not in conduct:
            f.setdefault("via_procedure", True)
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
        former = text.find(w("former_words"), negatable=False)
        if former and any(x in text.text for x in ("律师", "代理", "辩护")):
            f.update(regimes=["R3"], former_officer=True, actor_role="离任司法人员")
            record("former_officer", former)  # type: ignore[operator]
            return
        judicial = [m for m in text.find(w("judicial_roles"), negatable=False)
                    if not self._outside_context(text, m)]
        organs = text.find(w("judicial_organs"), negatable=False)
        approvers = text.find_pattern("approver")
        leaders = [m for m in text.find(w("leader_roles"), negatable=False)
                   if not self._judicial_context(text, m)
                   and not any(a.start <= m.start < a.end for a in approvers)]
        leading = text.find(w("leading_organ_words"), negatable=False)
        staff = text.find(w("staff_words"), negatable=False)
        relatives = text.find(w("relative_words"), negatable=False)
        org_name = text.find(w("org_name_words"), negatable=False)
        outside_organs = [m for m in text.find(w("leader_organ_words"), negatable=False)
                          if not self._judicial_context(text, m)]
        counterpart = self._counterpart(text)
        first = {
            "leader": leaders[0].start if leaders else None,
            "judicial": judicial[0].start if judicial else None,
            "organ": organs[0].start if organs else None,
            "leading": leading[0].start if leading else None,
            "counterpart": counterpart[1].start if counterpart else None,
        }
        narrators = text.find_pattern("narrator")
        told = [m for m in judicial if any(n.start <= m.start < n.end for n in narrators)]
        if told and leaders and first["judicial"] == told[0].start:
            # "我是承办法官 ... 县委副书记打电话": the narrator is the one approached
            rest = [m for m in judicial if m not in told]
            first["judicial"] = rest[0].start if rest and rest[0].start < leaders[0].start \
                else None
            if first["organ"] is not None and first["organ"] < leaders[0].start:
                first["organ"] = None
        present = {k: v for k, v in first.items() if v is not None}
        agent = min(present, key=lambda k: present[k]) if present else None
        recorder = text.present(("如实记录", "记录了", "记录在案", "写进了记录"))
        if recorder and leaders and agent == "judicial" and recorder[0].start < leaders[0].start:
            agent = "leader"  # the officer who recorded is not the one who intervened
        if agent == "organ" and first["judicial"] is not None and (
                first["judicial"] - (first["organ"] or 0) <= 12):
            agent = "judicial"  # 县法院的法官: the person, not the organ, acts
        complaint = [m for m in text.present(w("conduct", "complaint"))
                     if self._complaint_about_officer(text, m)]
        if complaint and (judicial or organs):
            f["regimes"] = ["R3"]
            f["complaint"] = True
            kind = counterpart[0] if counterpart and counterpart[1].start < complaint[0].start \
                else None
            f["actor_role"] = kind
            receiving = self._organ_kind(text.text[:complaint[0].start])
            reported = self._organ_kind(text.text[complaint[0].end:])
            if receiving and reported and receiving != reported:
                f["outside_jurisdiction"] = True
            record("complaint", complaint)  # type: ignore[operator]
            return
        if leading and agent in ("leading", "leader") and (
                agent == "leading" or (first["leading"] or 0) <= (first["leader"] or 0) + 4):
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
                self._staff(text, f, record, tie)
                return
            org = [m for m in org_name if m.start > lead.start]
            if org and any(x in text.text for x in ("名义", "公章", "盖章", "发函", "致函")):
                f["org_letter"] = True
                f["actor_role"] = "党政机关（以组织名义）"
                record("org_letter", org)  # type: ignore[operator]
            else:
                f["actor_role"] = "领导干部"
            return
        if outside_organs and org_name and (agent is None or outside_organs[0].start
                                            < (present.get(agent) or 0)):
            f["regimes"] = ["R1"]
            f["org_letter"] = True
            f["actor_role"] = "党政机关（以组织名义）"
            record("org_letter", org_name)  # type: ignore[operator]
            return
        if agent in ("judicial", "organ"):
            actor = judicial[0] if agent == "judicial" else organs[0]
            self._insider(text, f, record, actor, judicial, organs, counterpart)
            return
        if agent == "counterpart" and counterpart is not None:
            f["counterpart"] = counterpart[0]
            f["actor_role"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]
            approached = self._approached(text, counterpart[1], judicial, organs)
            if approached is not None and self._is_insider_request(text):
                f["regimes"] = ["R2"]
                return
            f["regimes"] = ["R3"]

    def _complaint_about_officer(self, text: Text, match: Match) -> bool:
        """A complaint (R3 第九条) names an officer after it in its sentence or goes to a
        discipline department; 被人举报 (a party reported to the police) or 向领导反映 is not."""
        if text.find(self.w("conduct", "report_discipline"), negatable=False):
            return True
        _, end = text.sentence_of(match.start)
        after = text.text[match.end:end]
        return any(role in after for role in self.w("judicial_roles")
                   if role not in ("同事", "合议庭"))

    def _staff(self, text: Text, f: dict[str, object], record: object,
               tie: list[Match]) -> None:
        w = self.w
        f["via_staff"] = True
        f["actor_role"] = "领导干部身边工作人员或亲属"
        record("via_staff", tie)  # type: ignore[operator]
        not_told = text.find(w("not_instigated_words"), negatable=False)
        told = [m for m in text.find(w("instigate_words"), negatable=False)
                if m.start > tie[0].end]
        knows = [m for m in text.find(("知道", "知情", "亲自"))
                 if m.start > tie[0].end and not m.negated and not m.uncertain]
        if not_told:
            f["instigated"] = False
        elif (told or knows) and "是否" not in text.text:
            f["instigated"] = True
            record("instigated", told or knows)  # type: ignore[operator]

    def _is_insider_request(self, text: Text) -> bool:
        return False

    def _approached(self, text: Text, actor: Match, judicial: list[Match],
                    organs: list[Match]) -> Match | None:
        """The judicial person or organ the actor turns to (找、给、对、向、约、请 ... them)."""
        for m in sorted([*judicial, *organs], key=lambda x: x.start):
            if m.start <= actor.end:
                continue
            sentence_start, _ = text.sentence_of(m.start)
            before = text.text[max(actor.end, sentence_start, m.start - 14):m.start]
            if re.search(r"(找到?|给|对|向|约|请|邀请?|问|叫|让|告诉|打电话|联系|发|跑到|来到|"
                         r"赶到|回到|到|上门|登门|拦住|拉住|叫去|叫到|致电|打给|转告|转达|捎话)",
                         before):
                return m
            if m.word in ("同事", "合议庭"):
                return m
        return None

    def _insider(self, text: Text, f: dict[str, object], record: object, actor: Match,
                 judicial: list[Match], organs: list[Match],
                 counterpart: tuple[str, Match] | None) -> None:
        w = self.w
        retired = text.find(w("retired_words"), negatable=False)
        target = self._approached(text, actor, judicial, organs)
        recorder = text.present(("如实记录", "记录了"))
        later = [m for m in judicial if m.start > actor.end]
        if recorder and recorder[0].start < (later[0].start if later else 0) and \
                recorder[0].start > actor.start:
            actor, target = later[0], actor  # the recorder first, the intervener after
        record("actor", [actor])  # type: ignore[operator]
        addressed_me = re.search(r"(问|找|给|对|约|叫|让|请|向|跟|和)我", text.text)
        pleads = bool(text.present(w("conduct", "plead")) or [
            m for m in text.find_pattern("plead") if not m.negated and not m.uncertain])
        colleague = text.find(w("colleague_words"), negatable=False)
        if retired:
            f["retired"] = True
            record("retired", retired)  # type: ignore[operator]
        if counterpart is not None:
            f["counterpart"] = counterpart[0]
            record("counterpart", [counterpart[1]])  # type: ignore[operator]
        leader_alone = (target is None and counterpart is None
                        and actor.word in w("judicial_leader_roles")
                        and bool(text.find(w("conduct", "guidance"))
                                 or text.find(w("conduct", "written"))
                                 or text.find(w("conduct", "oral"))))
        on_behalf = counterpart is not None and actor.start < counterpart[1].start and bool(
            re.search(r"(替|为|帮)[^，。；]{0,3}$", text.text[:counterpart[1].start]))
        if target is not None or addressed_me or retired or leader_alone or (
                pleads and on_behalf):
            # an insider pleading for a party pleads to those handling the case (R2 第九条)
            regimes = ["R2"]
            relation = self._relation(text, actor, target, colleague)
            f["insider_relation"] = relation
            f["actor_role"] = {"own_leader": "本机关领导干部", "superior": "上级司法机关人员",
                               "unrelated": "其他司法机关人员"}.get(relation or "",
                                                             "司法机关内部人员")
            if retired:
                f["actor_role"] = "离退休司法人员"
            if counterpart is not None and text.present(w("conduct", "unplanned")) and (
                    text.find(w("conduct", "non_workplace"), negatable=False)
                    or text.find(w("conduct", "non_work_time"), negatable=False)):
                regimes.append("R3")
            f["regimes"] = regimes
            return
        f["regimes"] = ["R3"]
        f["actor_role"] = "司法人员"

    def _relation(self, text: Text, actor: Match, target: Match | None,
                  colleague: list[Match]) -> Relation | None:
        w = self.w
        start, _ = text.sentence_of(actor.start)
        before_actor = text.text[start:actor.end]
        after = text.text[actor.end:target.end] if target is not None else text.text[actor.end:]
        whole = text.text
        actor_organ = self._organ_kind(before_actor)
        target_organ = self._organ_kind(after)
        if actor_organ and target_organ and actor_organ != target_organ:
            return "unrelated"  # a court and a police force: no line of supervision
        lower = re.search(r"(下辖|下级|下属|辖区|县|区|基层)", after)
        if any(x in before_actor for x in w("superior_words")) and (lower or re.search(
                r"(下辖|下级|下属)", whole)):
            return "superior"
        if any(x in whole for x in w("unrelated_words")):
            return "unrelated"
        if actor.word in w("judicial_leader_roles") or any(
                x in before_actor for x in ("院长", "检察长", "分管", "主管", "局长")):
            return "own_leader"
        if colleague or target is not None or actor_organ == target_organ:
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
            if "at_workplace" not in f and "work_time" not in f:
                f["at_workplace"] = False
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
        other = text.find_pattern("other_unit")
        if other and not text.find(w("conduct", "former_unit"), negatable=False):
            f["former_unit_case"] = False
            note("former_unit_case", other)  # type: ignore[operator]
            return
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


# Someone else's words about the conduct (有人说“…管案子”, 抱怨“…打听”): a characterisation,
# not the conduct itself. Their quoted words are masked before the facts are read.
_BYSTANDER_QUOTE = re.compile(
    r"(有人[^，。“”]{0,6}(说|称|议论|认为|质疑|反映说?)|抱怨|议论|质疑|嘀咕|吐槽|说这是|称这是|"
    r"(同事|庭里|院里|局里|外面|群众)[^，。“”]{0,4}(说|议论|认为))(这是|这叫|是)?[：:，,]?\s*"
    r"“(?P<quote>[^”]{1,60})”")


def bystander_quotes_masked(text: str) -> str:
    def mask(match: re.Match[str]) -> str:
        start, end = match.span("quote")
        whole = match.group(0)
        inner = start - match.start()
        return whole[:inner] + "＿" * (end - start) + whole[inner + (end - start):]

    return _BYSTANDER_QUOTE.sub(mask, text)


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
