"""The record documents: organs, actors, relations, cases and incidents (with their
participants and roles), the batch and set they come in, and the errors that name a bad record
(file, line, field). Read by ingest/record_files.py, checked by ingest/record_checks.py;
``ingest.records`` is the one name the rest of the project imports them by.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from typing import Annotated, Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, field_validator

from core.errors import InputError

CHINA = timezone(timedelta(hours=8))


# Strings are stripped before validation, so a non-empty field must hold a non-space
# character; saying so in the schema keeps generated clients from sending "  ". Not as \S:
# what \s means differs between the schema's regex dialect (ECMA: not U+0085), pydantic's
# (Rust: not U+FEFF) and Python's str.strip (U+001C-U+001F too), so the class lists every
# character any of them calls a space.
NON_BLANK = ("[^\t-\r \x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
             "\u3000\ufeff]")


class OrganKind(StrEnum):
    COURT = "法院"
    PROCURATORATE = "检察院"
    PUBLIC_SECURITY = "公安机关"
    STATE_SECURITY = "国家安全机关"
    JUSTICE_ADMINISTRATION = "司法行政机关"
    PARTY_COMMITTEE = "党委"
    POLITICAL_LEGAL_COMMITTEE = "党委政法委"
    DISCIPLINE_COMMISSION = "纪委监委"
    ORGANISATION_DEPARTMENT = "党委组织部门"
    PEOPLES_CONGRESS = "人大"
    GOVERNMENT = "政府"
    CPPCC = "政协"
    MILITARY = "军事机关"
    ENTERPRISE = "企业"
    PUBLIC_INSTITUTION = "事业单位"
    ASSOCIATION = "社会团体"
    # Not in the list: a lawyer's firm is neither an enterprise nor an association.
    LAW_FIRM = "律师事务所"


# R2 第十三条: the five kinds of organ whose staff are 司法机关内部人员.
JUDICIAL_KINDS = frozenset({
    OrganKind.COURT, OrganKind.PROCURATORATE, OrganKind.PUBLIC_SECURITY,
    OrganKind.STATE_SECURITY, OrganKind.JUSTICE_ADMINISTRATION,
})
# Organs that sit beside a party committee at its level (their party_committee is required).
PARTY_ORGANS = frozenset({
    OrganKind.POLITICAL_LEGAL_COMMITTEE, OrganKind.DISCIPLINE_COMMISSION,
    OrganKind.ORGANISATION_DEPARTMENT,
})


class Level(StrEnum):
    CENTRAL = "中央"
    PROVINCE = "省"
    CITY = "市"
    COUNTY = "县"

    @property
    def rank(self) -> int:
        """0 for 中央 down to 3 for 县."""
        return list(Level).index(self)


class ActorKind(StrEnum):
    LEADING_CADRE = "领导干部"  # R1 第十二条
    JUDICIAL_INSIDER = "司法机关内部人员"  # R2 第十三条, retirees included
    JUDICIAL_OFFICER = "司法人员"  # R3 第十四条
    CASE_HANDLER = "办案人员"
    PARTY = "当事人"
    LAWYER = "律师"
    SPECIAL_RELATION = "特殊关系人"  # R3 第十四条
    INTERMEDIARY = "中介组织"  # R3 第十四条: a person acting for one
    STAFF = "身边工作人员"
    RELATIVE = "亲属"


class RelationKind(StrEnum):
    RELATIVE = "relative"  # detail: 配偶, 父母, 子女, 兄弟姐妹, 其他亲属 ...
    STAFF_OF = "staff_of"  # detail: 秘书, 司机, 工作人员
    SUPERIOR_OF = "superior_of"
    COLLEAGUE = "colleague"
    LAWYER_OF = "lawyer_of"  # object: the client (an actor); case optional
    PARTY_TO = "party_to"  # object: a case


SYMMETRIC_RELATIONS = frozenset({RelationKind.RELATIVE, RelationKind.COLLEAGUE})
#: Who is in an actor's circle: relatives and staff. The only relations the engine reads (a
#: leading cadre behind a relative or a staff member who acted: liuhen/records/legal.py).
CIRCLE_RELATIONS = frozenset({RelationKind.RELATIVE, RelationKind.STAFF_OF})
# What the object is to the subject, given what the subject is to the object.
INVERSE_RELATIVE = {"配偶": "配偶", "兄弟姐妹": "兄弟姐妹", "父母": "子女", "子女": "父母"}


class Stage(StrEnum):
    CLUE_CHECK = "线索核查"
    FILING = "立案"
    INVESTIGATION = "侦查"
    PROSECUTION_REVIEW = "审查起诉"
    TRIAL = "审判"
    ENFORCEMENT = "执行"


class Channel(StrEnum):
    PHONE = "电话"
    IN_PERSON = "当面"
    LETTER = "书信"
    ORGANISATION_DOCUMENT = "组织发文"  # R1 第五条 ¶2: 以组织名义发文发函
    MESSAGE = "即时通讯"
    OTHER = "其他"


class Origin(StrEnum):
    HANDLER_RECORD = "办案人员记录"  # R1 第五条, R2 第六条
    SELF_REPORT = "本人报告"  # R3 第七条
    NAMED_REPORT = "实名举报"  # R3 第十条
    ANONYMOUS_REPORT = "匿名举报"


Regime = Literal["R1", "R2", "R3"]


class ParticipantRole(StrEnum):
    """What a person was in an incident. The incident's own fields map onto these
    (intervener and instigator: intervener; handler: approached; recorded_by: recorder);
    ``participants`` adds the others."""

    INTERVENER = "intervener"  # 干预、过问或接触的人
    APPROACHED = "approached"  # 被干预、过问或接触的司法人员
    REQUESTER = "requester"  # 请托人: who asked the intervener to act
    VICTIM = "victim"  # 被害人
    COMPLAINANT = "complainant"  # 反映人、举报人 (R3 第九条)
    RECORDER = "recorder"  # 记录人 (R1 第五条, R2 第六条)


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True)


class ArticleRef(Record):
    """An article (and item) of a seed regulation: R1 第八条（一） is R1-8-1."""

    regulation: Regime
    article: int = Field(ge=1)
    item: int | None = Field(default=None, ge=1)

    @property
    def key(self) -> str:
        return f"{self.regulation}-{self.article}" + (f"-{self.item}" if self.item else "")

    @property
    def article_key(self) -> str:
        return f"{self.regulation}-{self.article}"

    @classmethod
    def parse(cls, text: str) -> ArticleRef:
        """``R1-8-1`` or ``R3-7``."""
        parts = text.strip().split("-")
        if len(parts) not in (2, 3) or not all(p.isdigit() for p in parts[1:]):
            raise ValueError(f"{text!r} is not an article key such as R1-8-1 or R3-7")
        if parts[0] not in ("R1", "R2", "R3"):
            raise ValueError(f"{text!r}: unknown regulation {parts[0]!r}; expected R1, R2 "
                             "or R3")
        return cls(regulation=parts[0], article=int(parts[1]),  # type: ignore[arg-type]
                   item=int(parts[2]) if len(parts) == 3 else None)

    def __str__(self) -> str:
        return self.key


# Ids are keys of unique constraints in the graph store and parts of URL paths. FalkorDB 4.16
# crashes (SIGSEGV) on a unique-constrained string over 4,096 bytes, and '/', '?', spaces or
# zero-width characters make a record unreachable by its path. So an id is letters, digits,
# CJK, '_', '.' or '-', starting with a letter, digit or CJK character, at most 64 characters.
ID_PATTERN = r"^[0-9A-Za-z\u3400-\u9fff][0-9A-Za-z\u3400-\u9fff_.\-]*$"
MAX_ID = 64
RecordId = Annotated[str, Field(min_length=1, max_length=MAX_ID, pattern=ID_PATTERN)]
# Free text is bounded too: records are append-only, so an oversized one costs every later read.
ShortText = Annotated[str, Field(max_length=200)]
LongText = Annotated[str, Field(max_length=5000)]
MAX_LIST = 50
MAX_EXPECTED_ARTICLES = 20


class Organ(Record):
    id: RecordId
    name: str = Field(min_length=1, max_length=200, pattern=NON_BLANK)
    kind: OrganKind
    level: Level | None = Field(default=None, description="None for firms outside the hierarchy")
    region: ShortText = ""
    superior: RecordId | None = Field(default=None,
                                      description="the same kind of organ one level up")
    party_committee: RecordId | None = Field(default=None,
                                             description="the 党委 of the same level")


class Actor(Record):
    id: RecordId
    name: str = Field(min_length=1, max_length=200, pattern=NON_BLANK,
                      description="a name or a pseudonym")
    pseudonym: bool = False
    position: ShortText = ""
    organ: RecordId | None = Field(default=None,
                                   description="where the actor works (or worked)")
    kinds: tuple[ActorKind, ...] = Field(default=(), max_length=len(ActorKind))
    retired: bool = False
    managed_by: RecordId | None = Field(
        default=None, description="organ with cadre-management authority over a 领导干部"
    )

    @field_validator("kinds")
    @classmethod
    def _unique_kinds(cls, kinds: tuple[ActorKind, ...]) -> tuple[ActorKind, ...]:
        return tuple(dict.fromkeys(kinds))


class Relation(Record):
    id: RecordId
    kind: RelationKind
    subject: RecordId = Field(description="an actor")
    object: RecordId = Field(description="an actor, or a case for party_to")
    detail: ShortText = Field(default="", description="which relative, which staff role")
    case: RecordId | None = Field(default=None, description="for lawyer_of: the case")


class Case(Record):
    id: RecordId
    number: str = Field(min_length=1, max_length=100, pattern=NON_BLANK, description="案号")
    organ: RecordId = Field(description="the organ handling it now")
    stage: Stage
    cause: ShortText = ""
    parties: tuple[RecordId, ...] = Field(default=(), max_length=MAX_LIST)
    handlers: tuple[RecordId, ...] = Field(default=(), max_length=MAX_LIST)


class Participant(Record):
    actor: RecordId
    role: ParticipantRole
    note: ShortText = Field(default="", description="how they took part, in words")


class Incident(Record):
    """One recorded intervention, inquiry or contact: who, which case, at which stage, how,
    what was asked, when, who recorded it, where."""

    id: RecordId
    corrects: RecordId | None = Field(default=None, description="the incident this one corrects")
    organ: RecordId = Field(description="the judicial organ that recorded it")
    case: RecordId
    stage: Stage
    intervener: RecordId = Field(
        description="who intervened, asked or made contact (for R3: the party, lawyer, "
        "special relation or intermediary)",
    )
    instigator: RecordId | None = Field(
        default=None, description="who had the intervener act (R1 第八条（三）)"
    )
    handler: RecordId | None = Field(default=None, description="the judicial officer approached")
    in_name_of: RecordId | None = Field(
        default=None, description="organ in whose name a document was sent (R1 第五条 ¶2)"
    )
    channel: Channel
    request: str = Field(min_length=1, max_length=2000, pattern=NON_BLANK,
                         description="what was asked or done")
    occurred_at: datetime
    recorded_by: RecordId
    recorded_at: datetime
    place: ShortText = ""
    at_workplace: bool | None = None
    approved: bool | None = Field(default=None, description="R3 第六条 approval in advance")
    origin: Origin = Origin.HANDLER_RECORD
    reporter: ShortText = Field(default="", description="the named reporter (R3 第十条)")
    description: LongText = ""
    expected_articles: tuple[ArticleRef, ...] = Field(
        default=(), max_length=MAX_EXPECTED_ARTICLES,
        description="articles a reviewer judged applicable; used to measure"
    )
    participants: tuple[Participant, ...] = Field(
        default=(), max_length=MAX_LIST,
        description="others who took part, each with a role (requester, victim, "
        "complainant …); the fields above are mapped to roles by roles()")
    recorded_with: str | None = Field(
        default=None, pattern=r"^[0-9a-f]{8}$", exclude_if=lambda value: value is None,
        description="the API key that recorded it: the first 8 hex digits of the key's "
        "SHA-256, set by the API, never sent. Part of the hashed payload when set; left out "
        "when None, so records made before it hash as they always did")

    def roles(self) -> list[tuple[str, ParticipantRole]]:
        """Every (actor, role) of the incident: its fields mapped to roles, then the
        participants. A person may hold several roles."""
        out = [(self.intervener, ParticipantRole.INTERVENER)]
        if self.instigator:
            out.append((self.instigator, ParticipantRole.INTERVENER))
        if self.handler:
            out.append((self.handler, ParticipantRole.APPROACHED))
        out.append((self.recorded_by, ParticipantRole.RECORDER))
        out += [(p.actor, p.role) for p in self.participants]
        return list(dict.fromkeys(out))

    @field_validator("occurred_at", "recorded_at")
    @classmethod
    def _china_time(cls, value: datetime) -> datetime:
        # Stored naive in China time: one clock for deadlines and quarters.
        if value.tzinfo is not None:
            try:
                return value.astimezone(CHINA).replace(tzinfo=None)
            except OverflowError as error:  # 0001-01-01T00:00+14:00 has no China time
                raise ValueError("date out of range") from error
        return value


RecordT = TypeVar("RecordT", Organ, Actor, Relation, Case, Incident)
KINDS: dict[str, type[Record]] = {
    "organs": Organ, "actors": Actor, "relations": Relation, "cases": Case,
    "incidents": Incident,
}
LIST_FIELDS = {"kinds", "parties", "handlers", "expected_articles", "participants"}


@dataclass(frozen=True)
class Located(Generic[RecordT]):
    """A record and where it was read."""

    record: RecordT
    file: str
    line: int

    def error(self, message: str, field: str | None = None) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field)


class RecordsInputError(InputError):
    """Every problem of a rejected batch; file, line and field are those of the first."""

    def __init__(self, errors: Sequence[InputError]) -> None:
        first = errors[0]
        more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
        super().__init__(first.message + more)
        self.message = first.message + more
        self.file, self.line, self.field = first.file, first.line, first.field
        self.errors = list(errors)
        self.details = {**first.details,
                        "errors": [{"message": e.message, **e.details} for e in errors]}


@dataclass
class RecordBatch:
    """Records read from files, each with its location, in file order."""

    organs: list[Located[Organ]] = field(default_factory=list)
    actors: list[Located[Actor]] = field(default_factory=list)
    relations: list[Located[Relation]] = field(default_factory=list)
    cases: list[Located[Case]] = field(default_factory=list)
    incidents: list[Located[Incident]] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Located[Any]]:
        return getattr(self, kind)  # type: ignore[no-any-return]

    def extend(self, other: RecordBatch) -> None:
        for kind in KINDS:
            self.of_kind(kind).extend(other.of_kind(kind))


@dataclass
class RecordSet:
    """Records by id; incidents keep their order of appending."""

    organs: dict[str, Organ] = field(default_factory=dict)
    actors: dict[str, Actor] = field(default_factory=dict)
    relations: dict[str, Relation] = field(default_factory=dict)
    cases: dict[str, Case] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)

    @classmethod
    def of(cls, batch: RecordBatch) -> RecordSet:
        out = cls()
        for kind in KINDS:
            target = out.of_kind(kind)
            for located in batch.of_kind(kind):
                target[located.record.id] = located.record
        return out

    def of_kind(self, kind: str) -> dict[str, Any]:
        return getattr(self, kind)  # type: ignore[no-any-return]

    def merged(self, other: RecordSet) -> RecordSet:
        out = RecordSet()
        for kind in KINDS:
            out.of_kind(kind).update(self.of_kind(kind))
            out.of_kind(kind).update(other.of_kind(kind))
        return out

    def current_incidents(self) -> list[Incident]:
        """The latest version of every incident: one that no other incident corrects."""
        corrected = {i.corrects for i in self.incidents.values() if i.corrects}
        return [i for i in self.incidents.values() if i.id not in corrected]

    def versions(self, incident_id: str) -> list[Incident]:
        """The incident's correction chain, oldest first."""
        by_corrected = {i.corrects: i for i in self.incidents.values() if i.corrects}
        first = self.incidents[incident_id]
        while first.corrects and first.corrects in self.incidents:
            first = self.incidents[first.corrects]
        chain = [first]
        while chain[-1].id in by_corrected:
            chain.append(by_corrected[chain[-1].id])
        return chain
