"""事件、人员与机关: behind login. Readers see incidents (list, detail with assessment,
corrections, hash-chain status and the reporting route drawn), actors (incidents, relations,
paths to another actor) and organs (hierarchy, quarterly report and chart); recorders also
record incidents and corrections through forms validated as the API validates them.

Every page reads the store a page, an incident or a neighbourhood at a time through the
records service (lists page on with a keyset cursor, names are looked up by the ids a page
shows): no page reads the whole record set, so a page costs the same at a million
incidents as at a hundred."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from api.auth import Forbidden, Role
from api.models import IncidentInput
from core.errors import ConflictError, InputError, NotFoundError
from ingest.records import CHINA, Actor, ArticleRef, Channel, Incident, Origin, Stage
from liuhen.records.service import RecordsService
from liuhen.summary import parse_quarter, quarter_bounds
from web.account import form_of
from web.adapter import VERDICT_LABELS, assess_incident
from web.security import CSRF_FIELD
from web.site import need, page, recording_scope, services_of, session_of, url
from web.svg import hierarchy_svg, paths_svg, route_svg

router = APIRouter()

PAGE_SIZE = 50
#: Actors looked at when a name is typed (those whose name begins with it, by id).
MAX_NAMESAKES = 500
#: Actors offered in a form's list: those of the record's organ, a page of them.
FORM_ACTORS = 200
#: Incidents listed on an actor's page (the newest; the incident list filters on the actor).
ACTOR_INCIDENTS_SHOWN = 200
#: Ended quarters offered on an organ's page (any other can be typed).
QUARTERS_OFFERED = 8
REGIMES = ("R1", "R2", "R3")
PEOPLE_FIELDS = ("intervener", "instigator", "handler", "in_name_of", "recorded_by")
ROLE_NAMES = {"intervener": "干预（过问、接触）人", "instigator": "授意人", "handler": "办案人员",
              "in_name_of": "以其名义", "recorded_by": "记录人",
              # participants' roles (ingest.records.ParticipantRole)
              "approached": "被干预、过问或接触的司法人员", "requester": "请托人",
              "victim": "被害人", "complainant": "反映人、举报人", "recorder": "记录人"}


def _records(request: Request) -> RecordsService:
    return services_of(request).records


def _quarter_of(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def _actor_id(records: RecordsService, text: str) -> str:
    """An actor named by id or by name; InputError when a name is shared, NotFound when
    nobody is called that."""
    wanted = text.strip()
    found = records.find_actors(wanted, limit=MAX_NAMESAKES) if wanted else []
    if any(a.id == wanted for a in found):
        return wanted
    named = [a.id for a in found if a.name == wanted]
    if len(named) == 1:
        return named[0]
    if len(named) > 1:
        raise InputError(f"{len(named)} 名人员叫“{wanted}”：{'、'.join(sorted(named))}；"
                         "请用编号", field="actor")
    raise NotFoundError(f"没有名为或编号为“{wanted}”的人员")


# ------------------------------------------------------------------ incidents


@router.get("/incidents", response_class=HTMLResponse)
def incidents_page(
    request: Request,
    organ: Annotated[str, Query(max_length=100)] = "",
    quarter: Annotated[str, Query(max_length=10)] = "",
    regulation: Annotated[str, Query(max_length=10)] = "",
    verdict: Annotated[str, Query(max_length=20)] = "",
    actor: Annotated[str, Query(max_length=100)] = "",
    after: Annotated[str, Query(max_length=400)] = "",
) -> HTMLResponse:
    """A page of incidents, newest recorded first; 下一页 continues after the page's last
    (the service's keyset cursor), so every page costs the same."""
    role = need(request, Role.READER)
    records = _records(request)
    organ, actor = organ.strip(), actor.strip()
    since = until = None
    error = None
    actor_id = None
    try:
        if quarter:
            since, until = quarter_bounds(*parse_quarter(quarter))
        if actor:
            actor_id = _actor_id(records, actor)
        if organ and not records.named(organs=[organ]).organs:
            raise NotFoundError(f"没有编号为“{organ}”的机关")
    except (InputError, NotFoundError) as failed:
        error = failed.message
    if regulation and regulation not in REGIMES:
        error = f"没有“{regulation}”这一规定：可选 {'、'.join(REGIMES)}"
    if verdict and verdict not in VERDICT_LABELS:
        error = f"没有“{verdict}”这一结论：可选 {'、'.join(VERDICT_LABELS.values())}"
    found = None
    if not error:
        try:
            found = records.list_incidents(
                organ=organ or None, actor=actor_id, since=since, until=until,
                limit=PAGE_SIZE, after=after or None, verdict=verdict or None,  # type: ignore[arg-type]
                regulation=regulation or None)  # type: ignore[arg-type]
        except InputError as failed:  # a cursor this service did not hand out
            error = failed.message
    items = found.items if found else []
    names = records.named(actors=[i.intervener for i in items], organs=[i.organ for i in items])
    filters = {"organ": organ, "quarter": quarter, "regulation": regulation,
               "verdict": verdict, "actor": actor}
    return page(request, "incidents.html", nav="incidents", items=items, found=found,
                after=after, filters=filters, error=error, names=names, regimes=REGIMES,
                verdicts=VERDICT_LABELS, can_record=role >= Role.RECORDER)


@router.get("/incidents/new", response_class=HTMLResponse)
def new_incident_page(request: Request,
                      organ: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse:
    need(request, Role.RECORDER)
    values = {"organ": organ.strip()} if organ.strip() else {}
    return _form_page(request, values=values, errors={}, message=None)


@router.post("/incidents/new", response_class=HTMLResponse)
async def record_incident(request: Request) -> Response:
    need(request, Role.RECORDER)
    form = await form_of(request)
    return _submit(request, form, corrects=None)


@router.get("/incidents/{incident_id}/correct", response_class=HTMLResponse)
def correct_incident_page(request: Request, incident_id: str) -> HTMLResponse:
    need(request, Role.RECORDER)
    records = _records(request)
    incident = records.incidents_by_ids([incident_id]).get(incident_id)
    if incident is None:
        raise NotFoundError(f"no incident {incident_id!r}")
    values = _values_of(incident)
    values["id"] = records.next_version_id(incident_id)
    return _form_page(request, values=values, errors={}, message=None, corrects=incident_id)


@router.post("/incidents/{incident_id}/correct", response_class=HTMLResponse)
async def correct_incident(request: Request, incident_id: str) -> Response:
    need(request, Role.RECORDER)
    form = await form_of(request)
    if not _records(request).incidents_by_ids([incident_id]):
        raise NotFoundError(f"no incident {incident_id!r}")
    return _submit(request, form, corrects=incident_id)


def _values_of(incident: Incident) -> dict[str, str]:
    data = incident.model_dump()
    out = {k: ("" if v is None else str(v)) for k, v in data.items()
           if k not in ("expected_articles", "occurred_at", "recorded_at", "at_workplace",
                        "approved")}
    out["occurred_at"] = incident.occurred_at.strftime("%Y-%m-%dT%H:%M")
    out["recorded_at"] = incident.recorded_at.strftime("%Y-%m-%dT%H:%M")
    for name in ("at_workplace", "approved"):
        value = getattr(incident, name)
        out[name] = "" if value is None else ("true" if value else "false")
    out["expected_articles"] = ", ".join(a.key for a in incident.expected_articles)
    return out


#: Form fields as the API's request body has them (IncidentInput).
TEXT_FIELDS = ("id", "organ", "case", "stage", "intervener", "instigator", "handler",
               "in_name_of", "channel", "request", "occurred_at", "recorded_by",
               "recorded_at", "place", "origin", "reporter", "description")
OPTIONAL = {"instigator", "handler", "in_name_of", "place", "origin", "reporter",
            "description"}


def body_of(form: dict[str, str]) -> dict[str, Any]:
    """The JSON body the API would get for this form: empty optional fields left out,
    是/否 as booleans, article keys (R1-8-1) as objects. Values stay as typed, so the
    API's validation sees (and names) the same mistakes."""
    body: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        value = form.get(name, "")
        if name in OPTIONAL and not value.strip():
            continue
        body[name] = value
    for name in ("at_workplace", "approved"):
        value = form.get(name, "")
        if value:
            body[name] = {"true": True, "false": False}.get(value, value)
    keys = [k.strip() for k in form.get("expected_articles", "").replace("，", ",").split(",")
            if k.strip()]
    articles: list[Any] = []
    for key in keys:
        try:
            ref = ArticleRef.parse(key)
            articles.append({"regulation": ref.regulation, "article": ref.article,
                             **({"item": ref.item} if ref.item else {})})
        except ValueError:
            articles.append(key)  # the model names it: body.expected_articles.N
    if articles:
        body["expected_articles"] = articles
    return body


def validation_problems(error: ValidationError) -> list[dict[str, str]]:
    """As the API's validation handler words them: ``body.field: message``."""
    return [{"field": ".".join(["body", *(str(p) for p in e["loc"])]), "message": e["msg"]}
            for e in error.errors()]


def _submit(request: Request, form: dict[str, str], *, corrects: str | None) -> Response:
    values = dict(form)
    if not session_of(request).check_csrf(form.get(CSRF_FIELD)):
        return _form_page(request, values=values, errors={},
                          message="表单已过期或来源不明（CSRF 校验失败），请重新提交。",
                          corrects=corrects, status=403)
    body = body_of(form)
    try:
        checked = IncidentInput.model_validate(body)
        if corrects is not None and checked.corrects not in (None, corrects):
            raise InputError(f"corrects {checked.corrects!r} differs from the incident in "
                             f"the path ({corrects!r})", field="body.corrects")
        # As the API records it: with the key's non-secret id (api.auth.key_id: the first 8
        # hex digits of its SHA-256, which the session holds whole as the key's fingerprint).
        made_with = {"recorded_with": (session_of(request).key or "")[:8] or None}
        incident = (checked.incident(corrects=corrects, **made_with) if corrects
                    else checked.incident(**made_with))
        _within_scope(request, incident)
        recorded = services_of(request).records.record(incident)
    except ValidationError as failed:
        problems = validation_problems(failed)
        first = problems[0]
        return _form_page(request, values=values,
                          errors={p["field"].split(".")[1]: p["message"] for p in problems},
                          message=f"{first['field']}: {first['message']}",
                          corrects=corrects, status=422)
    except (InputError, ConflictError, Forbidden) as failed:
        field = str(failed.details.get("field") or "")
        listed = failed.details.get("errors")
        errors = {str(p["field"]).split(".")[1]: str(p["message"])
                  for p in (listed if isinstance(listed, list) else [])
                  if "." in str(p["field"])}
        if field.count(".") and not errors:
            errors[field.split(".")[1]] = failed.message
        return _form_page(request, values=values, errors=errors,
                          message=failed.message, corrects=corrects,
                          status=failed.status_code)
    target = url(f"/incidents/{recorded.incident.id}",
                 recorded="1" if recorded.created else "0")
    return RedirectResponse(target, status_code=303)


def _within_scope(request: Request, incident: Incident) -> None:
    """As the API's ScopedRecorder: a key bound to organs records and corrects incidents of
    those organs only (the organ recorded, and the organ of the incident corrected)."""
    scope = recording_scope(request)
    if scope is None:
        return
    touched = [(incident.organ, "body.organ")]
    if incident.corrects:
        corrected = services_of(request).records.incidents_by_ids([incident.corrects])
        touched += [(found.organ, "body.corrects") for found in corrected.values()]
    for organ, where in touched:
        if organ not in scope:
            raise Forbidden(f"this key records for {', '.join(sorted(scope))} only, not for "
                            f"{organ!r}", details={"field": where, "organ": organ})


def _form_page(request: Request, *, values: dict[str, str], errors: dict[str, str],
               message: str | None, corrects: str | None = None,
               status: int = 200) -> HTMLResponse:
    """The record (or correction) form. People, organ and case are typed as ids (a country's
    actors do not fit a list); the people of the record's organ are offered as suggestions,
    and the recorder checks every id on submit as the API does."""
    records = _records(request)
    organ = values.get("organ", "").strip()
    named = records.named(organs=[organ] if organ else [])
    suggested: list[Actor] = []
    if organ in named.organs:
        suggested = records.list_actors(organ=organ, limit=FORM_ACTORS).items
    return page(request, "incident_form.html", status=status, nav="incidents", values=values,
                errors=errors, message=message, corrects=corrects,
                organ_name=named.organs[organ].name if organ in named.organs else None,
                suggested=suggested, stages=[str(s) for s in Stage],
                channels=[str(c) for c in Channel], origins=[str(o) for o in Origin])


@router.get("/incidents/{incident_id}", response_class=HTMLResponse)
def incident_page(request: Request, incident_id: str, recorded: str = "") -> HTMLResponse:
    role = need(request, Role.READER)
    services = services_of(request)
    records = services.records
    detail = records.incident(incident_id)
    assessment = assess_incident(services, incident_id)
    route = records.reporting_route(incident_id)
    # The drawing shows who tells whom; duties with nobody named or no recipient are in the
    # table below it.
    drawn = route.model_copy(update={"hops": [h for h in route.hops
                                              if h.sender and h.recipient]})
    # The incident's own organ's chain (checking every organ's would read every record).
    integrity = records.verify_organ(detail.organ)
    problems = [p for p in integrity.problems if p.organ == detail.organ]
    roles = [(ROLE_NAMES[f], getattr(detail, f)) for f in PEOPLE_FIELDS if getattr(detail, f)]
    roles += [(ROLE_NAMES[str(p.role)], p.actor) for p in detail.participants]
    named = records.named(actors=[actor_id for _, actor_id in roles], organs=[detail.organ],
                          cases=[detail.case])
    people = [(name, actor_id, named.actors.get(actor_id)) for name, actor_id in roles]
    stored = records.incidents_by_ids(detail.versions)
    versions = [stored[v] for v in detail.versions if v in stored]
    return page(request, "incident.html", nav="incidents", incident=detail, records=named,
                people=people, assessment=assessment, verdicts=VERDICT_LABELS, route=route,
                drawing=route_svg(drawn) if drawn.hops else None, problems=problems,
                versions=versions, can_record=role >= Role.RECORDER,
                recorded=recorded)


# ------------------------------------------------------------------ actors


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request,
                q: Annotated[str, Query(max_length=100)] = "",
                after: Annotated[str, Query(max_length=100)] = "") -> Response:
    """Actors by id a page at a time (下一页 after the page's last id), or those whose id is
    ``q`` or whose name begins with it; one exact match opens it."""
    need(request, Role.READER)
    records = _records(request)
    wanted = q.strip()
    if wanted:
        found = records.find_actors(wanted, limit=PAGE_SIZE + 1)
        exact = [a for a in found if wanted in (a.id, a.name)]
        if len(exact) == 1:
            return RedirectResponse(url(f"/actors/{exact[0].id}"), status_code=303)
    else:
        found = records.actors_after(after, limit=PAGE_SIZE + 1)
    more = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    names = records.named(organs=[a.organ for a in found if a.organ])
    return page(request, "actors.html", nav="actors", q=wanted, actors=found, records=names,
                after=after, next_after=found[-1].id if more and not wanted else None,
                more=more)


@router.get("/actors/{actor_id}", response_class=HTMLResponse)
def actor_page(request: Request, actor_id: str) -> HTMLResponse:
    need(request, Role.READER)
    records = _records(request)
    detail = records.actor(actor_id)
    # Newest first, a page of them (a prolific intervener's circle may hold thousands).
    involved = records.actor_incidents(actor_id, limit=ACTOR_INCIDENTS_SHOWN, newest=True)
    named = records.named(actors=[x.actor for x in involved.incidents])
    return page(request, "actor.html", nav="actors", detail=detail, involved=involved,
                shown=involved.incidents, records=named, role_names=ROLE_NAMES)


@router.get("/paths", response_class=HTMLResponse)
def paths_page(request: Request,
               a: Annotated[str, Query(max_length=100)] = "",
               b: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse:
    """Paths between two actors, each named by id or by name."""
    need(request, Role.READER)
    records = _records(request)
    found = drawing = error = None
    if a.strip() and b.strip():
        try:
            source, target = _actor_id(records, a), _actor_id(records, b)
            found = records.actor_paths(source, target, limit=6)
            if found.paths:
                drawing = paths_svg(found, _record_link)
        except (InputError, NotFoundError) as failed:
            error = failed.message
    return page(request, "paths.html", nav="actors", a=a, b=b, found=found, drawing=drawing,
                error=error)


def _record_link(kind: str, record_id: str) -> str | None:
    return {"actor": url(f"/actors/{record_id}"), "organ": url(f"/organs/{record_id}"),
            "incident": url(f"/incidents/{record_id}")}.get(kind)


# ------------------------------------------------------------------ organs


@router.get("/organs", response_class=HTMLResponse)
def organs_page(request: Request,
                after: Annotated[str, Query(max_length=100)] = "") -> HTMLResponse:
    """Organs by id a page at a time, each with its current incidents counted."""
    need(request, Role.READER)
    records = _records(request)
    found = records.organs_after(after, limit=PAGE_SIZE + 1)
    more = len(found) > PAGE_SIZE
    found = found[:PAGE_SIZE]
    counts = records.organ_incident_counts([o.id for o in found])
    return page(request, "organs.html", nav="organs", organs=found, counts=counts,
                after=after, next_after=found[-1].id if more else None)


def ended_quarters(today: date, count: int) -> list[str]:
    """The ``count`` quarters that ended last before ``today``, newest first (每季度: a
    quarter is summarised after it ends)."""
    out = []
    day = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1) - timedelta(days=1)
    for _ in range(count):
        out.append(_quarter_of(day))
        day = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1) - timedelta(days=1)
    return out


@router.get("/organs/{organ_id}", response_class=HTMLResponse)
def organ_page(request: Request, organ_id: str,
               quarter: Annotated[str, Query(max_length=10)] = "") -> HTMLResponse:
    need(request, Role.READER)
    records = _records(request)
    detail = records.organ(organ_id)
    hierarchy = records.organ_hierarchy(organ_id)
    quarters = ended_quarters(datetime.now(CHINA).date(), QUARTERS_OFFERED)
    chosen = quarter.strip() or quarters[0]
    summary = error = None
    try:
        summary = records.quarterly(chosen, organ=organ_id)
    except InputError as failed:
        error = failed.message
    drawing = hierarchy_svg(hierarchy, lambda other: f"/ui/organs/{other}")
    return page(request, "organ.html", nav="organs", detail=detail, hierarchy=hierarchy,
                drawing=drawing, summary=summary, quarter=chosen, quarters=quarters, error=error)


@router.get("/organs/{organ_id}/chart/{quarter}.png")
def organ_chart(request: Request, organ_id: str, quarter: str) -> Response:
    need(request, Role.READER)
    png = services_of(request).records.quarterly_chart(quarter, organ=organ_id)
    return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=60"})
