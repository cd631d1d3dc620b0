"""What the records service answers with: pydantic views that the API renders as they are
and the CLI prints as tables (or as the same JSON, with ``--json``)."""


from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    StrictBool,
    field_serializer,
)

from core.inputs import WORDY_PATTERN, TopInt
from ingest.records import (
    CHINA,
    Actor,
    ActorKind,
    Channel,
    Incident,
    Organ,
)

MAX_PAGE = 500


def china_time(value: datetime) -> str:
    """A stored (naive, China time) date and time as RFC 3339 with its offset: +08:00."""
    return (value if value.tzinfo else value.replace(tzinfo=CHINA)).isoformat()


#: A date and time that leaves the service with its offset (incidents are stored naive, in
#: China time: one clock for deadlines and quarters).
ChinaTime = Annotated[datetime, PlainSerializer(china_time, return_type=str, when_used="json")]


#: How a rejected request body is named in InputError: the API's validation errors say "body".
BODY = "body"


class ChainPosition(BaseModel):
    """Where an incident sits in its organ's hash chain (全程留痕，有据可查)."""

    seq: int = Field(description="1-based position in the organ's chain")
    prev_hash: str = Field(description="hash of the record before it (genesis for the first)")
    hash: str = Field(description="sha256(prev_hash + canonical JSON of the incident)")


class IncidentItem(Incident):
    """An incident as recorded, and the id of the version that corrects it, if any."""

    superseded_by: str | None = Field(
        default=None, description="the incident that corrects this one (a newer version)"
    )
    verdict: Literal["violation", "lawful", "undetermined"] | None = Field(
        default=None, description="the engine's stored verdict; null: not yet assessed")
    assessed: bool = Field(default=False, description="false: not yet assessed (never "
                           "counted as lawful)")
    assessment: Literal["pending", "stored"] = Field(
        default="pending", description="pending: recorded, the engine's assessment not yet "
        "stored (a worker of the API does it after the write is acknowledged; no verdict is "
        "shown or counted meanwhile); stored: verdict and findings are the engine's")

    @field_serializer("occurred_at", "recorded_at", when_used="json")
    def _with_offset(self, value: datetime) -> str:
        return china_time(value)


class IncidentDetail(IncidentItem):
    versions: list[str] = Field(description="the correction chain, oldest first")
    chain: ChainPosition | None = Field(description="its place in the organ's hash chain")


class IncidentPage(BaseModel):
    total: int = Field(description="incidents matching the filters (counted up to 10,000)")
    total_capped: bool = Field(default=False, description="more match than total says")
    limit: int
    offset: int
    items: list[IncidentItem]
    next: str | None = Field(default=None, description="the cursor of the next page (pass "
                             "it as after); null on the last page")
    unreadable: list[str] = Field(default_factory=list, description=(
        "incidents of this page whose stored record no longer reads back (edited by hand), "
        "left out of items: liuhen verify reports how they differ"))


class Reassessed(BaseModel):
    assessed: int = Field(description="incidents assessed now")
    engine: str = Field(description="the engine version stored as assessed_by")


class IngestResult(BaseModel):
    dry_run: bool
    counts: dict[str, int] = Field(description="records per kind validated or written")


class Recorded(BaseModel):
    created: bool = Field(description="false when the same incident was already recorded")
    incident: IncidentDetail


class ApplicableArticle(BaseModel):
    """A provision the assessment engine found, with the words it rests on."""

    key: str = Field(description="R1-8-1: regulation alias, article, item")
    regulation: Literal["R1", "R2", "R3"]
    article: int
    paragraph: int | None = None
    item: int | None
    score: float
    status: Literal["violation", "lawful", "undetermined", "context", "search"] = Field(
        description="what the engine found of it: met as a violation, lawful conduct, "
        "waiting for a fact, context (other items of the article), or a search match")
    reason: str = Field(description="the engine's finding and the facts that decided it")
    label: str
    text: str = Field(description="the provision's words, verbatim")


class ApplicableToIncident(BaseModel):
    incident: str
    verdict: Literal["violation", "lawful", "undetermined"]
    missing_facts: list[str] = Field(description="what an undetermined verdict waits for")
    regimes: list[str] = Field(description="the regulations engaged (several may apply)")
    articles: list[ApplicableArticle]
    expected: list[str] = Field(description="the articles a reviewer judged applicable")


class Situation(BaseModel):
    """A situation described in words, with what is known of who acted and how. The API
    takes it as a request body as it is, so its types are strict (a JSON boolean, a JSON
    integer)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=2000, pattern=WORDY_PATTERN,
                      description="what happened, in Chinese")
    intervener_kind: ActorKind | None = Field(
        default=None, description="who intervened, asked or made contact"
    )
    retired: StrictBool = Field(default=False, description="the intervener has retired")
    channel: Channel = Field(default=Channel.OTHER, description="how")
    at_workplace: StrictBool | None = Field(default=None, description="met at the workplace")
    approved: StrictBool | None = Field(
        default=None, description="a contact away from work was approved in advance"
    )
    top: TopInt = 5


class EndpointView(BaseModel):
    label: str = Field(description="the organ, unit or person, or the text's words marked "
                       "（记录中未载明） when the records do not hold them")
    text: str | None = Field(default=None, description="the text's own words: 同级党委政法委")
    organ: str | None
    unit: str | None
    person: str | None
    resolved: bool = Field(description="false when the records lack this organ or person")


class BasisView(BaseModel):
    regulation: str = Field(description="R1, R2 or R3")
    article: int
    paragraph: int | None
    item: int | None
    label: str = Field(description="R1 第七条第二款")
    quote: str = Field(default="", description="the words the duty rests on, verbatim")


class HopView(BaseModel):
    """One duty of the assessment laid onto the organs of the records."""

    model_config = ConfigDict(populate_by_name=True)

    step: int
    rule: str = Field(description="the basis: R3-7, R1-7-2, R2-8-3")
    sender: EndpointView | None = Field(
        alias="from", description="who bears the duty; null when the text names nobody")
    recipient: EndpointView | None = Field(
        alias="to", description="to whom; null when the text names no recipient")
    action: str
    deadline: str | None = Field(description="the text's own deadline (三日内, 一个月内) "
                                 "or null")
    due: date | None = Field(description="the day the deadline falls on")
    due_from: str | None = Field(default=None, description="what the deadline runs from")
    timing: str | None = Field(default=None, description="每季度, 及时, 全程: never a date")
    copies: list[EndpointView] = Field(default_factory=list, description="同时抄送 "
                                       "(R1 第七条第二款), when the quoted words say so")
    basis: BasisView
    quote: str = Field(description="the words of the basis, verbatim")


class RouteView(BaseModel):
    incident: str
    verdict: Literal["violation", "lawful", "undetermined"]
    missing_facts: list[str] = Field(description="what the verdict waits for")
    facts: dict[str, Any] = Field(description="the facts the engine judged: the records' "
                                  "and those read from the words")
    hops: list[HopView]
    articles: list[str] = Field(description="the provisions the engine found (R1-8-1 …)")
    articles_from: Literal["given", "assessed"]


class RelatedIncident(BaseModel):
    incident: str
    score: float
    reasons: list[str]
    request: str
    occurred_at: ChinaTime


class RelatedIncidents(BaseModel):
    incident: str
    related: list[RelatedIncident]


class RelationView(BaseModel):
    id: str
    kind: str
    detail: str
    direction: Literal["out", "in"] = Field(
        description="out: the actor is the subject (A 秘书 of B); in: the object"
    )
    other: str = Field(description="the actor (or, for party_to, the case) at the other end")
    other_name: str
    case: str | None


class ActorDetail(BaseModel):
    actor: Actor
    organ_name: str | None
    relations: list[RelationView]


class ActorPage(BaseModel):
    total: int = Field(description="actors matching the filters (counted up to 10,000)")
    limit: int
    offset: int
    items: list[Actor]


class Involvement(BaseModel):
    incident: str
    actor: str = Field(description="who is in the incident: the actor, or their relative/staff")
    role: str = Field(description="intervener, instigator, handler, recorded_by or party")
    via: str = Field(description="'' for the actor; else how the person is tied to them")
    occurred_at: ChinaTime
    case: str
    organ: str
    request: str


class ActorIncidents(BaseModel):
    actor: str
    incidents: list[Involvement] = Field(description=(
        "a page of incidents by when they occurred, each once per person and role"))
    limit: int = Field(description="incidents per page")
    next: str | None = Field(default=None, description="the cursor of the next page (pass it "
                             "as after); null on the last page")
    unreadable: list[str] = Field(default_factory=list, description=(
        "incidents of theirs whose stored record no longer reads back (edited by hand), left "
        "out of incidents: liuhen verify reports how they differ"))


class TraceNode(BaseModel):
    kind: Literal["actor", "organ", "case", "incident"]
    id: str
    label: str


class TraceStep(BaseModel):
    source: str
    target: str
    via: str = Field(description="the relation walked: relative:配偶, works_at, intervener…")


class TracePathView(BaseModel):
    length: int
    nodes: list[TraceNode]
    steps: list[TraceStep]
    text: str


class ActorPaths(BaseModel):
    source: str
    target: str
    paths: list[TracePathView]


class RepeatIntervener(BaseModel):
    actor: str
    name: str
    count: int
    incidents: list[str]
    organs: list[str]


class OrganPage(BaseModel):
    total: int = Field(description="organs matching the filters (counted up to 10,000)")
    limit: int
    offset: int
    items: list[Organ]


class OrganDetail(BaseModel):
    organ: Organ
    superior_name: str | None
    party_committee_name: str | None
    staff: int = Field(description="actors who work (or worked) there")
    cases: int = Field(description="cases it handles")
    incidents: int = Field(description="current incidents it recorded")


class Hierarchy(BaseModel):
    organ: Organ
    superiors: list[Organ] = Field(description="the superior, its superior, … up to 中央")
    subordinates: list[Organ] = Field(description="organs whose superior this one is")
    party_committee: Organ | None = Field(description="the same-level 党委")
    same_level: list[Organ] = Field(
        description="other organs under the same party committee (政法委, 纪委监委, …)"
    )
