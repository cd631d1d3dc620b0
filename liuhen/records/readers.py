"""Questions about incidents, answered by the graph store a page or an incident at a time
(graph/record_reads.py): lists on the engine's stored assessments, one incident with its
versions and chain position, and the legal answers (applicable provisions, reporting route)
the engine gives over the incident's neighbourhood. Each returns a view of
liuhen/records/views.py. ``related`` still reads a record set (another change replaces it).

Errors: NotFoundError names what is missing, InputError the bad argument (with its field);
BackendError comes from the store.
"""


from __future__ import annotations

import base64
import json
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from core.errors import InputError, NotFoundError
from graph.record_reads import (
    DamagedIncident,
    IncidentQuery,
    StoredIncident,
    incident_count,
    incident_page,
    incident_versions,
    incidents_by_ids,
)
from graph.store import GraphStore
from ingest.models import ArticleNumber
from ingest.records import Channel, Incident, RecordSet, Stage
from liuhen.assessment import Assessment, Facts
from liuhen.assessment.rules import Basis as RuleBasis
from liuhen.assessment.rules import resolve_article
from liuhen.classify import IncidentEngine, provision_key
from liuhen.records.legal import (
    COUNTERPART_ROLES,
    SITUATION_ROLES,
    incident_facts,
    incident_text,
)
from liuhen.records.views import (
    MAX_PAGE,
    ApplicableArticle,
    ApplicableToIncident,
    ChainPosition,
    IncidentDetail,
    IncidentItem,
    IncidentPage,
    RouteView,
    Situation,
)
from liuhen.reporting import hops
from liuhen.summary import QuarterlySummary, render_chart

Verdict = Literal["violation", "lawful", "undetermined"]
Regime = Literal["R1", "R2", "R3"]


def _superseded(records: RecordSet) -> dict[str, str]:
    return {i.corrects: i.id for i in records.incidents.values() if i.corrects}


def _item(incident: Incident, superseded: Mapping[str, str]) -> IncidentItem:
    return IncidentItem(**incident.model_dump(), superseded_by=superseded.get(incident.id))


def _need_incident(records: RecordSet, incident_id: str) -> Incident:
    if incident_id not in records.incidents:
        raise NotFoundError(f"no incident {incident_id!r}")
    return records.incidents[incident_id]


MAX_OFFSET = 10_000  # past this, page on with the ``next`` cursor
TOTAL_CAP = 10_000  # the total is counted up to this (``total_capped`` says there are more)


def encode_cursor(recorded_at: str, incident_id: str) -> str:
    """The opaque ``next`` of a page: where the next page starts."""
    raw = json.dumps([recorded_at, incident_id], ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(text: str) -> tuple[str, str]:
    """The (recorded_at, id) of a ``next`` cursor; InputError naming ``after`` otherwise."""
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        at, incident_id = json.loads(raw)
        if isinstance(at, str) and isinstance(incident_id, str):
            return at, incident_id
    except (ValueError, TypeError, UnicodeDecodeError):
        pass
    raise InputError("after is not a cursor this service returned as next", field="after")


def _stored_item(found: StoredIncident) -> IncidentItem:
    return IncidentItem(**found.incident.model_dump(), superseded_by=found.superseded_by,
                        verdict=found.verdict if found.assessed_by else None,  # type: ignore[arg-type]
                        assessed=found.assessed_by is not None,
                        assessment="stored" if found.assessed_by is not None else "pending")


def list_incidents(
    store: GraphStore,
    *,
    organ: str | None = None,
    case: str | None = None,
    actor: str | None = None,
    stage: Stage | None = None,
    channel: Channel | None = None,
    since: date | None = None,
    until: date | None = None,
    include_superseded: bool = False,
    limit: int = 50,
    offset: int = 0,
    after: str | None = None,
    verdict: Verdict | None = None,
    regulation: Regime | None = None,
) -> IncidentPage:
    """Incidents, newest first (by when they were recorded, then id), filtered, a page at a
    time: ``next`` is the cursor of the page after this one (``after``); ``offset`` skips at
    most MAX_OFFSET.

    ``actor`` matches any role: intervener, instigator, officer approached, recorder,
    participant. Only the latest version of each incident is listed unless
    ``include_superseded``. ``verdict`` (violation, lawful, undetermined) and
    ``regulation`` (an incident may engage several) filter on the engine's stored
    assessment: an incident not yet assessed matches neither.
    """
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be 1..{MAX_PAGE}", field="limit")
    if not 0 <= offset <= MAX_OFFSET:
        raise InputError(f"offset must be 0..{MAX_OFFSET}; page on with the next cursor",
                         field="offset")
    cursor = decode_cursor(after) if after else None
    query = IncidentQuery(
        organ=organ, case=case, actor=actor, stage=str(stage) if stage else None,
        channel=str(channel) if channel else None,
        since=since.isoformat() if since else None,
        until=(until + timedelta(days=1)).isoformat() if until else None,
        verdict=verdict, regulation=regulation, all_versions=include_superseded)
    found = incident_page(store, query, after=cursor, skip=offset, limit=limit + 1)
    more = len(found) > limit
    found = found[:limit]
    total = incident_count(store, query, cap=TOTAL_CAP + 1)
    readable = [f for f in found if isinstance(f, StoredIncident)]
    # The cursor is the page's last row, damaged or not, so the next page starts after it.
    last = found[-1] if found else None
    at = (last.incident.recorded_at.isoformat() if isinstance(last, StoredIncident)
          else last.recorded_at if last else "")
    return IncidentPage(
        total=min(total, TOTAL_CAP), total_capped=total > TOTAL_CAP, limit=limit,
        offset=offset, items=[_stored_item(f) for f in readable],
        next=encode_cursor(at, _row_id(last)) if more and last else None,
        unreadable=[f.id for f in found if isinstance(f, DamagedIncident)],
    )


def _row_id(row: StoredIncident | DamagedIncident) -> str:
    return row.incident.id if isinstance(row, StoredIncident) else row.id


def incident_detail(store: GraphStore, incident_id: str) -> IncidentDetail:
    """One incident with its versions and its place in the hash chain."""
    found = incidents_by_ids(store, [incident_id]).get(incident_id)
    if found is None:
        raise NotFoundError(f"no incident {incident_id!r}")
    position = (ChainPosition(seq=found.seq, prev_hash=found.prev_hash or "",
                              hash=found.hash or "") if found.seq is not None else None)
    return IncidentDetail(**_stored_item(found).model_dump(),
                          versions=incident_versions(store, incident_id) or [incident_id],
                          chain=position)


def _detail(
    records: RecordSet, incident: Incident, position: ChainPosition | None
) -> IncidentDetail:
    return IncidentDetail(
        **_item(incident, _superseded(records)).model_dump(),
        versions=[v.id for v in records.versions(incident.id)],
        chain=position,
    )


def _reason(assessment: Assessment, key: str, status: str) -> str:
    """The engine's finding for a provision: its status, the facts that decided it and the
    words typed (or facts given) behind them; never expansion terms."""
    lines = {line.split(": ", 1)[0]: line.split(": ", 1)[1] for line in assessment.reasons
             if ": " in line}
    finding = lines.get(key, "")
    facts = finding.split("(facts: ", 1)[1].rstrip(")").split(", ") if "(facts: " in \
        finding else []
    parts = [status]
    for fact in facts:
        words = lines.get(fact)
        given = next((line for line in assessment.reasons
                      if line.startswith(f"{fact} = ")), None)
        parts.append(f"{fact}: {words}" if words else given or fact)
    return "; ".join(parts)


def applicable(assessment: Assessment, top: int) -> list[ApplicableArticle]:
    """The engine's provisions, each with its verbatim words and why it ranks."""
    out = []
    for provision in assessment.provisions[:top]:
        key = provision_key(provision)
        out.append(ApplicableArticle(
            key=key, regulation=provision.alias,  # type: ignore[arg-type]
            article=provision.article, paragraph=provision.paragraph, item=provision.item,
            score=provision.score, reason=_reason(assessment, key, provision.status),
            status=provision.status, label=f"{provision.alias} {provision.label}",
            text=provision.quote))
    return out


def applicable_to_incident(
    records: RecordSet, incident_id: str, engine: IncidentEngine, *, top: int = 5
) -> ApplicableToIncident:
    """The provisions the engine finds for a recorded incident, ranked, with its verdict."""
    incident = _need_incident(records, incident_id)
    found = engine.assess(incident, records)
    return ApplicableToIncident(
        incident=incident_id, verdict=found.verdict, missing_facts=found.missing_facts,
        regimes=found.regimes, articles=applicable(found, top),
        expected=[a.key for a in incident.expected_articles],
    )


def situation_facts(situation: Situation) -> Facts:
    """What a situation's form fields say, as the engine's facts (the words say the rest)."""
    given: dict[str, object] = {}
    kind = situation.intervener_kind
    if kind is not None and kind in SITUATION_ROLES:
        regime, role = SITUATION_ROLES[kind]
        given |= {"regimes": [regime], "actor_role": role}
        if kind in COUNTERPART_ROLES:
            given["counterpart"] = COUNTERPART_ROLES[kind]
        if role == "领导干部身边工作人员或亲属":
            given["via_staff"] = True
    if situation.retired:
        given |= {"retired": True, "regimes": ["R2"], "actor_role": "离退休司法人员"}
    channel = {Channel.LETTER: "书面", Channel.ORGANISATION_DOCUMENT: "发函",
               Channel.PHONE: "口头", Channel.IN_PERSON: "口头"}.get(situation.channel)
    if channel:
        given["channel"] = channel
    if situation.at_workplace is not None:
        given["at_workplace"] = situation.at_workplace
    if situation.approved is not None:
        given["approved"] = situation.approved
    return Facts(**given)  # type: ignore[arg-type]


def applicable_to_situation(
    situation: Situation, engine: IncidentEngine
) -> list[ApplicableArticle]:
    """The provisions the engine finds for a situation told in words (and, when given, who
    acted and how), ranked, each with its status (violation, lawful, undetermined …)."""
    found = engine.engine.assess(situation.text, situation_facts(situation))
    return applicable(found, situation.top)


def parse_article_key(text: str, engine: IncidentEngine) -> tuple[str, int, int | None]:
    """``R1-8-1`` -> (R1, 8, 1), checked against the seed text: InputError naming an unknown
    regulation, article or item."""
    parts = text.strip().split("-")
    if len(parts) not in (2, 3) or not all(p.isascii() and p.isdigit() and len(p) <= 4
                                            and int(p) >= 1 for p in parts[1:]):
        raise InputError(f"{text!r} is not an article key such as R1-8-1 or R3-7",
                         field="article")
    alias, article = parts[0].upper(), int(parts[1])
    item = int(parts[2]) if len(parts) == 3 else None
    if alias not in ("R1", "R2", "R3") or alias != parts[0]:
        raise InputError(f"{text!r}: unknown regulation {parts[0]!r}; expected R1, R2 or R3",
                         field="article")
    book = engine.engine.book
    try:
        parsed = resolve_article(book.regulations, RuleBasis.model_validate(
            {"regulation": alias, "article": article}))
    except (InputError, ValueError) as error:
        raise InputError(f"{text!r}: {alias} has no article {article} "
                         f"({ArticleNumber(number=article).label})",
                         field="article") from error
    items = [i.number for p in parsed.paragraphs for i in p.items]
    if item is not None and item not in items:
        raise InputError(f"{text!r}: {alias} {parsed.number.label} has no item {item}"
                         + (f" (items 1-{max(items)})" if items else " (it has no items)"),
                         field="article")
    return alias, article, item


def paragraph_count(engine: IncidentEngine) -> Callable[[str, int], int]:
    """How many paragraphs an article of R1-R3 has (1 when unknown)."""
    regulations = engine.engine.book.regulations

    def count(alias: str, article: int) -> int:
        try:
            return len(resolve_article(regulations, RuleBasis.model_validate(
                {"regulation": alias, "article": article})).paragraphs)
        except InputError:
            return 1

    return count


def given_article_facts(keys: Sequence[str], engine: IncidentEngine) -> dict[str, Any]:
    """Articles a reviewer names for an incident: their regulations, and the conduct of a
    conduct item (the engine's own rules say which conduct an item describes)."""
    regimes: list[str] = []
    conduct: list[str] = []
    for key in keys:
        alias, article, item = parse_article_key(key, engine)
        regimes.append(alias)
        for rule in engine.engine.book.rules.provisions:
            basis = rule.basis
            if (rule.kind == "conduct" and rule.conduct and basis.regulation == alias
                    and basis.article == article and basis.item == item):
                conduct.append(rule.conduct)
    out: dict[str, Any] = {"regimes": list(dict.fromkeys(regimes))}
    if conduct:
        out["conduct"] = list(dict.fromkeys(conduct))
    return out


def reporting_route(
    records: RecordSet,
    incident_id: str,
    *,
    engine: IncidentEngine,
    articles: Sequence[str] = (),
) -> RouteView:
    """Who must do what, for whom, by when, on what basis: the engine's duties for the
    incident, each bearer and recipient found among the records' organs (or marked unknown).

    ``articles`` (keys such as R1-8-1), when given, are a reviewer's judgement: their
    regulations and conduct items override what the engine reads from the words; an unknown
    regulation, article or item is an InputError naming it."""
    incident = _need_incident(records, incident_id)
    if articles:
        given = incident_facts(incident, records) | given_article_facts(articles, engine)
        found = engine.engine.assess(incident_text(incident), Facts(**given),
                                     situation_id=incident.id)
        source: Literal["given", "assessed"] = "given"
    else:
        found, source = engine.assess(incident, records), "assessed"
    return RouteView(
        incident=incident.id, verdict=found.verdict, missing_facts=found.missing_facts,
        facts=found.facts.model_dump(exclude_none=True),
        hops=hops(found, incident, records, paragraph_count(engine)),
        articles=[provision_key(p) for p in found.provisions if p.source == "rule"
                  and p.status != "context"],
        articles_from=source,
    )


_CHART_LOCK = threading.Lock()  # matplotlib's pyplot state is not thread-safe


def quarterly_chart(summary: QuarterlySummary) -> bytes:
    """The quarterly summary drawn as a PNG, in Chinese."""
    with tempfile.TemporaryDirectory(prefix="liuhen-chart-") as folder, _CHART_LOCK:
        path = Path(folder) / "chart.png"
        render_chart(summary, path)
        return path.read_bytes()
