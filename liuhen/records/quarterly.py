"""The quarterly summaries (R1 第七条第一款, R3 第十三条; R2 noted) built from the store: the
quarter's current incidents of one organ, of a region (every organ under a 党委 and the 党委s
below it) or of all, each with the engine's findings stored on it
(liuhen/records/annotations.py). The legal text, quotes and sections are liuhen/summary.py's.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from core.errors import InputError
from graph.record_reads import organs_under, organs_upwards, quarter_rows, region_organs
from graph.store import GraphStore
from ingest.records import CHINA, OrganKind, RecordSet
from liuhen.assessment.rules import Rulebook
from liuhen.records.people import need_organ
from liuhen.summary import (
    QuarterlySummary,
    ensure_ended,
    judged_from_findings,
    parse_quarter,
    quarter_bounds,
    recipients,
    summary_of,
)

#: The incidents one summary reads at most (a province's quarter is a few thousand).
QUARTER_LIMIT = 200_000
REGION_ORGANS = 100_000


def quarterly(store: GraphStore, quarter: str, book: Rulebook, *, organ: str | None = None,
              region: bool = False, today: date | None = None) -> QuarterlySummary:
    """The quarter's summary of ``organ`` (every organ when None); ``region``: of every organ
    under the organ's 党委 (the organ itself when it is one) and the 党委s below it.
    NotFoundError for an unknown organ, InputError for a quarter that has not ended or a
    region asked of an organ without a 党委."""
    year, number = parse_quarter(quarter)
    found = need_organ(store, organ) if organ is not None else None
    ensure_ended(year, number, today or datetime.now(CHINA).date())
    start, end = quarter_bounds(year, number)
    organs: list[str] | None = None
    sent_to = []
    name = "全部机关"
    if found is not None and region:
        committee_id = found.id if found.kind == OrganKind.PARTY_COMMITTEE else \
            found.party_committee
        if committee_id is None:
            raise InputError(f"organ {found.id!r} names no 党委: no region to summarise",
                             field="region")
        committee = need_organ(store, committee_id)
        organs = region_organs(store, committee_id, limit=REGION_ORGANS)
        name = f"{committee.region or committee.name}（{committee.name}所辖全部机关）"
    elif found is not None:
        organs = [found.id]
        name = found.name
        around = RecordSet()
        around.organs.update(organs_upwards(store, [found.id]))
        around.organs.update(organs_under(
            store, [found.party_committee] if found.party_committee else []))
        sent_to = recipients(around, found.id)
    rows = quarter_rows(store, organs, start.isoformat(),
                        (end + timedelta(days=1)).isoformat(), limit=QUARTER_LIMIT)
    judged = [judged_from_findings(
        r["id"], datetime.fromisoformat(r["occurred_at"]).date(),
        datetime.fromisoformat(r["recorded_at"]).date(), r["organ"],
        r.get("intervener_name") or r["intervener"], r["stage"],
        assessed=r.get("assessed_by") is not None, findings=list(r.get("findings") or []),
        missing_facts=list(r.get("missing_facts") or [])) for r in rows]
    return summary_of(judged, organ, name, year, number, book=book,
                      sent_to=sent_to)
