"""The quarterly summaries the text requires, as it describes them.

- R1 第七条第一款: 司法机关应当每季度对领导干部干预司法活动、插手具体案件处理情况进行汇总分析，
  报送同级党委政法委和上级司法机关;
- R3 第十三条: 司法机关应当每季度对司法人员与当事人、律师、特殊关系人、中介组织的不正当接触、
  交往情况进行汇总分析，报告同级党委政法委和上级司法机关;
- R2 has no quarterly summary: under R2 第八条 its 司法机关纪检监察部门 应当及时汇总分析
  司法机关内部人员过问案件的情况 (said in the summary, not counted in it).

One section per regulation: the incidents the engine finds a violation of it (listed), those
still undetermined (listed apart, with the facts they wait for) and the lawful ones (apart).
Recipients are the organ's same-level 党委政法委 and its superior judicial organ, named from
the records or marked unknown. The text says 每季度 and sets no day: there is no due date, and
a quarter is summarised only after it has ended.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, Field

from core.errors import InputError
from ingest.records import Incident, OrganKind, RecordSet
from liuhen.assessment import Assessment
from liuhen.assessment.rules import Rulebook
from liuhen.records.annotations import parse_finding, regulation_status
from liuhen.records.annotations import provision_key as annotation_key
from liuhen.records.views import BasisView, EndpointView
from liuhen.reporting import UNKNOWN, basis_label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Status = Literal["violation", "undetermined", "lawful"]
SECTIONS: dict[Literal["R1", "R3"], tuple[int, int, str]] = {
    "R1": (7, 1, "领导干部干预司法活动、插手具体案件处理情况"),
    "R3": (13, 1, "司法人员与当事人、律师、特殊关系人、中介组织的不正当接触、交往情况"),
}
R2_NOTE_BASIS = ("R2", 8, 1)
CHART_NAMES = {"R1": "领导干部干预司法活动", "R3": "司法人员不正当接触交往"}
STATUS_NAMES = {"violation": "违规", "undetermined": "待查明", "lawful": "合规"}


def parse_quarter(text: str) -> tuple[int, int]:
    """``2026Q3`` or ``2026-Q3`` -> (2026, 3). Raises InputError."""
    cleaned = text.strip().upper().replace("-", "")
    if (len(cleaned) == 6 and cleaned[:4].isdigit() and cleaned[4] == "Q"
            and cleaned[5] in "1234" and int(cleaned[:4]) >= 1):  # there is no year 0
        return int(cleaned[:4]), int(cleaned[5])
    raise InputError(f"{text!r} is not a quarter such as 2026Q3", field="quarter")


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    month = 3 * quarter
    return start, date(year, month, calendar.monthrange(year, month)[1])


def quarter_name(year: int, quarter: int) -> str:
    return f"{year}年第{'一二三四'[quarter - 1]}季度"


class Entry(BaseModel):
    incident: str
    occurred_at: date
    recorded_at: date
    organ: str
    intervener: str = Field(description="the intervener's name as recorded")
    stage: str
    status: Status
    provisions: list[str] = Field(description="the provisions of this regulation the engine "
                                  "found, with their status: R1-8-1 …")
    labels: list[str] = Field(description="the same in Chinese: 第八条第（一）项")
    missing_facts: list[str]


class Section(BaseModel):
    regulation: Literal["R1", "R2", "R3"]
    title: str
    subject: str = Field(description="what is summarised, in the text's words")
    basis: BasisView
    recipients: list[EndpointView] = Field(description="同级党委政法委 and 上级司法机关; empty "
                                           "when R2 (no quarterly report) or all organs")
    violations: list[Entry]
    undetermined: list[Entry]
    lawful: list[Entry]
    by_item: dict[str, int] = Field(description="violations per provision, in Chinese")
    by_stage: dict[str, int] = Field(description="violations per stage")
    note: str = ""


class QuarterlySummary(BaseModel):
    organ: str | None = Field(description="None: every organ")
    organ_name: str
    quarter: str
    quarter_name: str
    start: date
    end: date
    timing: str = Field(default="每季度", description="the text sets no day: no due date")
    basis: list[str]
    count: int = Field(description="incidents recorded in the quarter (current versions)")
    incidents: list[str]
    sections: list[Section]
    r2: Section = Field(description="R2: summarised by the 纪检监察部门 (R2 第八条), not "
                        "reported quarterly")
    unassessed: list[str] = Field(default_factory=list, description="incidents of the "
                                  "quarter the engine has not yet assessed: counted, in no "
                                  "section (never as lawful)")


def ensure_ended(year: int, quarter: int, today: date) -> None:
    """A quarter's summary can only be made after it ends (InputError naming it)."""
    _, end = quarter_bounds(year, quarter)
    if end >= today:
        raise InputError(f"{year}Q{quarter} ends on {end.isoformat()}; a quarter is summarised "
                         f"after it has ended (每季度), not before (today is {today.isoformat()})",
                         field="quarter")


def _basis(book: Rulebook, alias: str, article: int, paragraph: int) -> BasisView:
    """The quote of the engine's duty rule for this article and paragraph."""
    rule = next(r for r in book.rules.duties if r.basis.regulation == alias
                and r.basis.article == article and (r.basis.paragraph or 1) == paragraph)
    paragraphs = len(book.article(rule.basis).paragraphs)
    return BasisView(regulation=alias, article=article, paragraph=paragraph, item=None,
                     label=basis_label(alias, article, paragraph, None, paragraphs),
                     quote=rule.quote)


def recipients(records: RecordSet, organ_id: str | None) -> list[EndpointView]:
    """The organ's same-level 党委政法委 and its superior judicial organ (or unknown)."""
    organ = records.organs.get(organ_id or "")
    if organ is None:
        return []
    committee = next((o for o in records.organs.values() if organ.party_committee
                      and o.party_committee == organ.party_committee
                      and o.kind == OrganKind.POLITICAL_LEGAL_COMMITTEE), None)
    superior = records.organs.get(organ.superior or "")
    out = []
    for words, found in (("同级党委政法委", committee), ("上级司法机关", superior)):
        if found is None:
            out.append(EndpointView(label=words + UNKNOWN, text=words, organ=None, unit=None,
                                    person=None, resolved=False))
        else:
            out.append(EndpointView(label=found.name, text=words, organ=found.id, unit=None,
                                    person=None, resolved=True))
    return out


class Judged(BaseModel):
    """One incident of the quarter as the summary reads it: its record's fields and, per
    regulation, the engine's status with the provisions that decide it (stored on the
    incident, liuhen/records/annotations.py, or assessed now)."""

    incident: str
    occurred_at: date
    recorded_at: date
    organ: str
    intervener: str
    stage: str
    assessed: bool
    statuses: dict[str, Status] = Field(default_factory=dict)
    provisions: dict[str, list[str]] = Field(default_factory=dict)
    labels: dict[str, list[str]] = Field(default_factory=dict)
    missing_facts: list[str] = Field(default_factory=list)


def judged_from_assessment(incident: Incident, found: Assessment, intervener: str) -> Judged:
    """An incident with the engine's assessment of it."""
    out = _judged(incident.id, incident.occurred_at.date(), incident.recorded_at.date(),
                  incident.organ, intervener, str(incident.stage), assessed=True,
                  missing_facts=found.missing_facts)
    for alias in ("R1", "R2", "R3"):
        status, deciding = regulation_status(found, alias)
        if status is not None:
            out.statuses[alias] = status
            out.provisions[alias] = [annotation_key(p) for p in deciding]
            out.labels[alias] = [p.label for p in deciding]
    return out


def judged_from_findings(incident: str, occurred_at: date, recorded_at: date, organ: str,
                         intervener: str, stage: str, *, assessed: bool,
                         findings: list[str], missing_facts: list[str]) -> Judged:
    """An incident with the engine's stored findings (``key|status|label``)."""
    out = _judged(incident, occurred_at, recorded_at, organ, intervener, stage,
                  assessed=assessed, missing_facts=missing_facts)
    for text in findings:
        key, status, label = parse_finding(text)
        alias = key.split("-", 1)[0]
        out.statuses[alias] = status  # type: ignore[assignment]
        out.provisions.setdefault(alias, []).append(key)
        out.labels.setdefault(alias, []).append(label)
    return out


def _judged(incident: str, occurred_at: date, recorded_at: date, organ: str, intervener: str,
            stage: str, *, assessed: bool, missing_facts: list[str]) -> Judged:
    return Judged(incident=incident, occurred_at=occurred_at, recorded_at=recorded_at,
                  organ=organ, intervener=intervener, stage=stage, assessed=assessed,
                  missing_facts=list(missing_facts))


def quarterly_summary(
    records: RecordSet,
    organ: str | None,
    year: int,
    quarter: int,
    *,
    assess: Callable[[Incident], Assessment],
    book: Rulebook,
    today: date,
) -> QuarterlySummary:
    """The summary of the incidents ``organ`` recorded in the quarter (every organ when
    None), each assessed by the engine, over a record set in memory. Raises InputError for
    an unknown organ or a quarter that has not ended."""
    if organ is not None and organ not in records.organs:
        raise InputError(f"unknown organ {organ!r}", field="organ")
    ensure_ended(year, quarter, today)
    start, end = quarter_bounds(year, quarter)
    chosen = sorted(
        (i for i in records.current_incidents()
         if (organ is None or i.organ == organ) and start <= i.recorded_at.date() <= end),
        key=lambda i: (i.recorded_at, i.id))
    judged = []
    for incident in chosen:
        person = records.actors.get(incident.intervener)
        judged.append(judged_from_assessment(incident, assess(incident),
                                             person.name if person else incident.intervener))
    return summary_of(judged, organ, records.organs[organ].name if organ else "全部机关",
                      year, quarter, book=book, sent_to=recipients(records, organ))


def summary_of(judged: list[Judged], organ: str | None, organ_name: str, year: int,
               quarter: int, *, book: Rulebook, sent_to: list[EndpointView]) -> QuarterlySummary:
    """The summary of the quarter's incidents as judged (oldest first), sent to
    ``sent_to`` (empty: every organ sends its own). Incidents not yet assessed are counted
    and listed apart, in no section: never as lawful."""
    start, end = quarter_bounds(year, quarter)
    sections = []
    for alias, (article, paragraph, subject) in SECTIONS.items():
        assert alias in ("R1", "R3")
        sections.append(_section(judged, alias, subject,
                                 _basis(book, alias, article, paragraph), sent_to))
    r2 = _section(judged, "R2", "司法机关内部人员过问案件的情况",
                  _basis(book, *R2_NOTE_BASIS), [])
    r2.note = ("R2 不要求每季度报送：依 R2 第八条，由司法机关纪检监察部门及时汇总分析，"
               "并按该条四种情形处置线索。")
    return QuarterlySummary(
        organ=organ, organ_name=organ_name,
        quarter=f"{year}Q{quarter}", quarter_name=quarter_name(year, quarter),
        start=start, end=end, basis=["R1 第七条第一款", "R3 第十三条"],
        count=len(judged), incidents=[j.incident for j in judged], sections=sections, r2=r2,
        unassessed=[j.incident for j in judged if not j.assessed])


def _section(judged: list[Judged], alias: Literal["R1", "R2", "R3"], subject: str,
             basis: BasisView, sent_to: list[EndpointView]) -> Section:
    lists: dict[Status, list[Entry]] = {"violation": [], "undetermined": [], "lawful": []}
    for one in judged:
        status = one.statuses.get(alias)
        if status is None or not one.assessed:
            continue
        lists[status].append(Entry(
            incident=one.incident, occurred_at=one.occurred_at, recorded_at=one.recorded_at,
            organ=one.organ, intervener=one.intervener, stage=one.stage, status=status,
            provisions=one.provisions.get(alias, []), labels=one.labels.get(alias, []),
            missing_facts=one.missing_facts if status == "undetermined" else []))
    violations = lists["violation"]
    by_item = Counter(label for e in violations for label in e.labels)
    by_stage = Counter(e.stage for e in violations)
    return Section(
        regulation=alias, title=f"{alias} {subject}", subject=subject, basis=basis,
        recipients=sent_to, violations=violations, undetermined=lists["undetermined"],
        lawful=lists["lawful"], by_item=_sorted(by_item), by_stage=_sorted(by_stage),
        note="" if sent_to or alias == "R2" else "全部机关：各司法机关分别报送本机关的汇总")


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


def chart_figure(summary: QuarterlySummary) -> Figure:
    """The summary drawn in Chinese with the packaged Noto Sans SC (liuhen/fonts.py): per
    regulation, the incidents by verdict and the violations by provision. Raises InputError
    when the font package is missing (the chart would show empty boxes)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from liuhen.fonts import matplotlib_family

    family = matplotlib_family()
    if family is None:
        raise InputError("the CJK font package (pylopdf-fonts-zh-cn) is not installed; "
                         "reinstall liuhen to draw the chart")
    sent = "、".join(e.label for e in summary.sections[0].recipients) or "各机关分别报送"
    with matplotlib.rc_context({"font.family": [family]}):
        figure = Figure(figsize=(13, 8.5), layout="constrained")
        FigureCanvasAgg(figure)
        axes = figure.subplots(2, 2)
        for row, section in zip(axes, summary.sections, strict=True):
            counts = {STATUS_NAMES[s]: len(getattr(section, n)) for s, n in (
                ("violation", "violations"), ("undetermined", "undetermined"),
                ("lawful", "lawful"))}
            left, right = row
            left.bar(list(counts), list(counts.values()),
                     color=["#b03a2e", "#b7950b", "#1e8449"])
            name = CHART_NAMES[section.regulation]
            left.set_title(f"{name}：按结论（件）", fontsize=11)
            left.yaxis.get_major_locator().set_params(integer=True)
            left.set_ylim(0, max(1, *counts.values()) * 1.1)
            items = section.by_item or {"（无违规）": 0}
            right.barh(list(items)[::-1], list(items.values())[::-1], color="#4c72b0")
            right.set_title(f"{name}：违规情形按条款项（件）", fontsize=11)
            right.xaxis.get_major_locator().set_params(integer=True)
            if not section.by_item:
                right.set_xlim(0, 1)
        figure.suptitle(f"{summary.organ_name} {summary.quarter_name}汇总分析"
                        "（依两规定第七条、第十三条：每季度汇总分析）"
                        f"\n报送：{sent}", fontsize=13)
        # Text is laid out when drawn: draw now, while the font is the chosen one.
        figure.canvas.draw()
    return figure


def render_chart(summary: QuarterlySummary, path: Path) -> Path:
    """The chart of :func:`chart_figure` as a PNG at ``path``."""
    figure = chart_figure(summary)
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    return path
