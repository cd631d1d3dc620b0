"""The quarterly summary an organ sends to the same-level 党委政法委 and its superior judicial
organ (R1 第七条第一款, R3 第十三条): counts by article and item, stage, intervener kind and
level, as JSON and as a bar chart (PNG).

Charts use a CJK font when the machine has one; otherwise every label is written in English
or pinyin-free ASCII (article keys such as R1-8-1, stage and kind names in English), and
``Summary.ascii_labels`` says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from core.errors import InputError
from ingest.records import ActorKind, ArticleRef, Incident, RecordSet
from liuhen.reporting import quarter_end

STAGE_EN = {"线索核查": "clue check", "立案": "filing", "侦查": "investigation",
            "审查起诉": "prosecution review", "审判": "trial", "执行": "enforcement"}
KIND_EN = {"领导干部": "leading cadre", "司法机关内部人员": "judicial insider",
           "司法机关离退休人员": "retired insider", "身边工作人员": "cadre's staff",
           "亲属": "relative", "当事人": "party", "律师": "lawyer",
           "特殊关系人": "special relation",
           "中介组织": "intermediary", "其他": "other"}
LEVEL_EN = {"中央": "central", "省": "province", "市": "city", "县": "county", "无": "none"}
# Families that draw Chinese; the first one installed is used.
CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei",
                "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei", "PingFang SC",
                "Droid Sans Fallback", "AR PL UMing CN", "Noto Serif CJK SC")


def parse_quarter(text: str) -> tuple[int, int]:
    """``2026Q3`` or ``2026-Q3`` -> (2026, 3). Raises InputError."""
    cleaned = text.strip().upper().replace("-", "")
    if (len(cleaned) == 6 and cleaned[:4].isdigit() and cleaned[4] == "Q"
            and cleaned[5] in "1234" and int(cleaned[:4]) >= 1):  # there is no year 0
        return int(cleaned[:4]), int(cleaned[5])
    raise InputError(f"{text!r} is not a quarter such as 2026Q3", field="quarter")


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    start = date(year, 3 * quarter - 2, 1)
    return start, quarter_end(start)


def intervener_kind(incident: Incident, records: RecordSet) -> str:
    """One kind per incident for counting, in the order the regulations care about."""
    actor = records.actors.get(incident.intervener)
    if actor is None:
        return "其他"
    kinds = set(actor.kinds)
    if ActorKind.JUDICIAL_INSIDER in kinds:
        return "司法机关离退休人员" if actor.retired else "司法机关内部人员"
    for kind in (ActorKind.LEADING_CADRE, ActorKind.STAFF, ActorKind.LAWYER,
                 ActorKind.INTERMEDIARY, ActorKind.PARTY, ActorKind.SPECIAL_RELATION,
                 ActorKind.RELATIVE):
        if kind in kinds:
            return str(kind)
    return "其他"


def intervener_level(incident: Incident, records: RecordSet) -> str:
    actor = records.actors.get(incident.intervener)
    organ = records.organs.get(actor.organ or "") if actor else None
    return str(organ.level) if organ is not None and organ.level is not None else "无"


@dataclass(frozen=True)
class Summary:
    organ: str | None
    organ_name: str
    year: int
    quarter: int
    start: date
    end: date
    incidents: tuple[str, ...]
    by_article: dict[str, int]
    by_item: dict[str, int]
    by_stage: dict[str, int]
    by_intervener_kind: dict[str, int]
    by_intervener_level: dict[str, int]
    unclassified: int

    @property
    def label(self) -> str:
        return f"{self.year}Q{self.quarter}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "organ": self.organ, "organ_name": self.organ_name, "quarter": self.label,
            "start": self.start.isoformat(), "end": self.end.isoformat(),
            "basis": ["R1 第七条第一款", "R3 第十三条"], "count": len(self.incidents),
            "incidents": list(self.incidents), "by_article": self.by_article,
            "by_item": self.by_item, "by_stage": self.by_stage,
            "by_intervener_kind": self.by_intervener_kind,
            "by_intervener_level": self.by_intervener_level,
            "unclassified": self.unclassified,
        }


def quarterly_summary(
    records: RecordSet,
    organ: str | None,
    year: int,
    quarter: int,
    articles_of: Callable[[Incident], Sequence[ArticleRef]] | None = None,
) -> Summary:
    """Count the current versions of the incidents ``organ`` recorded in the quarter (all
    organs when ``organ`` is None). ``articles_of`` gives each incident's applicable
    articles (default: its expected articles). Raises InputError for an unknown organ or a
    quarter outside 1-4."""
    if quarter not in (1, 2, 3, 4):
        raise InputError(f"quarter {quarter} is not 1-4", field="quarter")
    if organ is not None and organ not in records.organs:
        raise InputError(f"unknown organ {organ!r}", field="organ")
    start, end = quarter_bounds(year, quarter)
    pick = articles_of or (lambda incident: incident.expected_articles)
    chosen = sorted(
        (i for i in records.current_incidents()
         if (organ is None or i.organ == organ) and start <= i.recorded_at.date() <= end),
        key=lambda i: (i.recorded_at, i.id),
    )
    by_article: Counter[str] = Counter()
    by_item: Counter[str] = Counter()
    unclassified = 0
    for incident in chosen:
        refs = list(pick(incident))
        if not refs:
            unclassified += 1
        by_article.update({r.article_key for r in refs})
        by_item.update({r.key for r in refs})
    return Summary(
        organ=organ,
        organ_name=records.organs[organ].name if organ else "全部机关",
        year=year, quarter=quarter, start=start, end=end,
        incidents=tuple(i.id for i in chosen),
        by_article=_sorted(by_article), by_item=_sorted(by_item),
        by_stage=_sorted(Counter(str(i.stage) for i in chosen)),
        by_intervener_kind=_sorted(Counter(intervener_kind(i, records) for i in chosen)),
        by_intervener_level=_sorted(Counter(intervener_level(i, records) for i in chosen)),
        unclassified=unclassified,
    )


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])))


@cache
def cjk_font() -> str | None:
    """The family name of the packaged CJK font (liuhen/fonts.py, the one the web pages
    serve), else of an installed CJK-capable font, or None."""
    from matplotlib import font_manager

    from liuhen.fonts import matplotlib_family

    packaged = matplotlib_family()
    if packaged is not None:
        return packaged

    installed = {font.name for font in font_manager.fontManager.ttflist}
    return next((family for family in CJK_FAMILIES if family in installed), None)


@dataclass(frozen=True)
class Chart:
    path: Path
    ascii_labels: bool
    font: str | None


def render_chart(summary: Summary, path: Path, *, font: str | None = None) -> Chart:
    """Draw the four counts as bar charts into a PNG at ``path``.

    ``font`` overrides the CJK font found on the machine; with none, labels are ASCII.
    """
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    family = font or cjk_font()
    ascii_labels = family is None
    panels: list[tuple[str, str, Mapping[str, int], Mapping[str, str]]] = [
        ("按条款项", "by article / item", summary.by_item or summary.by_article, {}),
        ("按办案环节", "by stage", summary.by_stage, STAGE_EN),
        ("按干预人类别", "by intervener kind", summary.by_intervener_kind, KIND_EN),
        ("按干预人层级", "by intervener level", summary.by_intervener_level, LEVEL_EN),
    ]
    rc: dict[str, Any] = {"font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"]}
    with plt.rc_context(rc):  # type: ignore[arg-type]
        figure, axes = plt.subplots(2, 2, figsize=(12, 8), constrained_layout=True)
        for ax, (title_zh, title_en, counts, english) in zip(
            axes.flat, panels, strict=True
        ):
            labels = [english.get(k, k) if ascii_labels else k for k in counts]
            ax.bar(range(len(labels)), list(counts.values()), color="#4c72b0")
            ax.set_xticks(range(len(labels)), labels, rotation=30, ha="right")
            ax.set_title(title_en if ascii_labels else title_zh)
            ax.yaxis.get_major_locator().set_params(integer=True)
        name = summary.organ if ascii_labels else summary.organ_name
        figure.suptitle(
            f"{name or 'all organs'} {summary.label}: {len(summary.incidents)} incidents"
            if ascii_labels else f"{name} {summary.label} 干预、过问及不当接触情况汇总"
            f"（{len(summary.incidents)} 件）"
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        figure.savefig(path, dpi=100)
        plt.close(figure)
    return Chart(path=path, ascii_labels=ascii_labels, font=family)
