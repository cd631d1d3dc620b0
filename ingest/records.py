"""Organs, actors, relations, cases and incidents: the records the three regulations make
judicial organs keep (R1 第五条, R2 第六条, R3 第十条), as validated documents.

Input is JSON Lines or CSV, one file per kind (``organs``, ``actors``, ``relations``, ``cases``,
``incidents``; the kind is the file name before any ``_suffix``). A batch is read whole and
checked whole before anything is written: every problem is reported with file, line and
field, and a batch with any problem is rejected entirely (:class:`RecordsInputError`).

Incidents are append-only. A correction is a new incident whose ``corrects`` names the one it
replaces; re-reading an identical record is a no-op, a changed record under an existing id is
an error.
"""

from __future__ import annotations

import csv
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from enum import StrEnum
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

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
        return cls(regulation=parts[0], article=int(parts[1]),  # type: ignore[arg-type]
                   item=int(parts[2]) if len(parts) == 3 else None)

    def __str__(self) -> str:
        return self.key


class Organ(Record):
    id: str = Field(min_length=1, pattern=NON_BLANK)
    name: str = Field(min_length=1, pattern=NON_BLANK)
    kind: OrganKind
    level: Level | None = Field(default=None, description="None for firms outside the hierarchy")
    region: str = ""
    superior: str | None = Field(default=None, description="the same kind of organ one level up")
    party_committee: str | None = Field(default=None, description="the 党委 of the same level")


class Actor(Record):
    id: str = Field(min_length=1, pattern=NON_BLANK)
    name: str = Field(min_length=1, pattern=NON_BLANK, description="a name or a pseudonym")
    pseudonym: bool = False
    position: str = ""
    organ: str | None = Field(default=None, description="where the actor works (or worked)")
    kinds: tuple[ActorKind, ...] = ()
    retired: bool = False
    managed_by: str | None = Field(
        default=None, description="organ with cadre-management authority over a 领导干部"
    )

    @field_validator("kinds")
    @classmethod
    def _unique_kinds(cls, kinds: tuple[ActorKind, ...]) -> tuple[ActorKind, ...]:
        return tuple(dict.fromkeys(kinds))


class Relation(Record):
    id: str = Field(min_length=1, pattern=NON_BLANK)
    kind: RelationKind
    subject: str = Field(min_length=1, pattern=NON_BLANK, description="an actor")
    object: str = Field(
        min_length=1, pattern=NON_BLANK, description="an actor, or a case for party_to"
    )
    detail: str = Field(default="", description="which relative, which staff role")
    case: str | None = Field(default=None, description="for lawyer_of: the case")


class Case(Record):
    id: str = Field(min_length=1, pattern=NON_BLANK)
    number: str = Field(min_length=1, pattern=NON_BLANK, description="案号")
    organ: str = Field(min_length=1, pattern=NON_BLANK, description="the organ handling it now")
    stage: Stage
    cause: str = ""
    parties: tuple[str, ...] = ()
    handlers: tuple[str, ...] = ()


class Participant(Record):
    actor: str = Field(min_length=1, pattern=NON_BLANK)
    role: ParticipantRole
    note: str = Field(default="", description="how they took part, in words")


class Incident(Record):
    """One recorded intervention, inquiry or contact: who, which case, at which stage, how,
    what was asked, when, who recorded it, where."""

    id: str = Field(min_length=1, pattern=NON_BLANK)
    corrects: str | None = Field(default=None, description="the incident this one corrects")
    organ: str = Field(
        min_length=1, pattern=NON_BLANK, description="the judicial organ that recorded it"
    )
    case: str = Field(min_length=1, pattern=NON_BLANK)
    stage: Stage
    intervener: str = Field(
        min_length=1, pattern=NON_BLANK,
        description="who intervened, asked or made contact (for R3: the party, lawyer, "
        "special relation or intermediary)",
    )
    instigator: str | None = Field(
        default=None, description="who had the intervener act (R1 第八条（三）)"
    )
    handler: str | None = Field(default=None, description="the judicial officer approached")
    in_name_of: str | None = Field(
        default=None, description="organ in whose name a document was sent (R1 第五条 ¶2)"
    )
    channel: Channel
    request: str = Field(min_length=1, pattern=NON_BLANK, description="what was asked or done")
    occurred_at: datetime
    recorded_by: str = Field(min_length=1, pattern=NON_BLANK)
    recorded_at: datetime
    place: str = ""
    at_workplace: bool | None = None
    approved: bool | None = Field(default=None, description="R3 第六条 approval in advance")
    origin: Origin = Origin.HANDLER_RECORD
    reporter: str = Field(default="", description="the named reporter (R3 第十条)")
    description: str = ""
    expected_articles: tuple[ArticleRef, ...] = Field(
        default=(), description="articles a reviewer judged applicable; used to measure"
    )
    participants: tuple[Participant, ...] = Field(
        default=(), description="others who took part, each with a role (requester, victim, "
        "complainant …); the fields above are mapped to roles by roles()")

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


# ---------------------------------------------------------------- reading


def kind_of_file(path: Path) -> str:
    """``organs.jsonl``, ``incidents_2024.csv`` -> the record kind. Raises InputError."""
    stem = path.name.split(".")[0]
    for kind in KINDS:
        if stem == kind or stem.startswith((kind + "_", kind + "-")):
            return kind
    raise InputError(
        f"cannot tell the record kind from the name; start it with one of {', '.join(KINDS)}",
        file=path,
    )


def record_files(paths: Iterable[Path]) -> list[Path]:
    """The record files among paths; a directory stands for its .jsonl and .csv files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.iterdir())
                if p.suffix in {".jsonl", ".csv"} and _names_a_kind(p)
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or directory", file=path)
    return found


def _names_a_kind(path: Path) -> bool:
    try:
        kind_of_file(path)
    except InputError:
        return False
    return True


def read_records(paths: Iterable[Path]) -> RecordBatch:
    """Read every record file (or directory of them) into one batch.

    Raises RecordsInputError listing every syntax or field problem with file and line.
    Cross-references are checked by :func:`validate_batch`.
    """
    batch = RecordBatch()
    errors: list[InputError] = []
    for path in record_files(paths):
        try:
            kind = kind_of_file(path)
        except InputError as error:
            errors.append(error)
            continue
        rows = _jsonl_rows(path) if path.suffix == ".jsonl" else _csv_rows(path)
        model = KINDS[kind]
        try:
            for line, row in rows:
                if isinstance(row, InputError):
                    errors.append(row)
                    continue
                try:
                    record = model.model_validate(row)
                except ValidationError as error:
                    errors.extend(_field_errors(error, path, line))
                    continue
                batch.of_kind(kind).append(Located(record, str(path), line))
        except InputError as error:
            errors.append(error)
    if errors:
        raise RecordsInputError(errors)
    return batch


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    for line, text in enumerate(_read_text(path).splitlines(), start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as error:
            yield line, InputError(f"not JSON: {error.msg} at column {error.colno}",
                                   file=path, line=line)
            continue
        if not isinstance(row, dict):
            yield line, InputError("each line must be a JSON object", file=path, line=line)
            continue
        yield line, row


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    reader = csv.DictReader(_read_text(path).splitlines(keepends=True))
    if reader.fieldnames is None:
        return
    for row in reader:
        line = reader.line_num
        if None in row:
            yield line, InputError("more cells than header columns", file=path, line=line)
            continue
        out: dict[str, Any] = {}
        for key, value in row.items():
            if value is None or not value.strip():
                continue  # an empty cell is an absent field
            value = value.strip()
            if key in LIST_FIELDS:
                out[key] = _csv_list(value, key, path, line)
            else:
                out[key] = value
        yield line, out


def _csv_list(value: str, key: str, path: Path, line: int) -> list[Any]:
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as error:
            raise InputError(f"not a JSON list: {error.msg}", file=path, line=line,
                             field=key) from error
        if not isinstance(parsed, list):
            raise InputError("not a JSON list", file=path, line=line, field=key)
        return parsed
    parts = [p.strip() for p in value.replace("；", ";").split(";") if p.strip()]
    if key == "participants":  # p-tianxm:complainant;p-lijj:victim
        out: list[Any] = []
        for part in parts:
            actor, _, role = part.partition(":")
            if not role:
                raise InputError(f"{part!r} is not actor:role (roles: "
                                 f"{', '.join(ParticipantRole)})", file=path, line=line,
                                 field=key)
            out.append({"actor": actor.strip(), "role": role.strip()})
        return out
    if key == "expected_articles":
        try:
            return [ArticleRef.parse(p).model_dump() for p in parts]
        except ValueError as error:
            raise InputError(str(error), file=path, line=line, field=key) from error
    return parts


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 (byte {error.start})", file=path) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", file=path) from error


def _field_errors(error: ValidationError, path: Path, line: int) -> list[InputError]:
    out = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"]) or None
        message = problem["msg"]
        if problem["type"] == "missing":
            message = "required field is missing"
        elif problem["type"] == "extra_forbidden":
            message = "unknown field"
        elif "input" in problem and problem["type"] != "missing":
            message = f"{message} (got {problem['input']!r})"
        out.append(InputError(message, file=path, line=line, field=location))
    return out


# ---------------------------------------------------------------- validation


@dataclass
class BatchPlan:
    """What a validated batch adds to the existing records: only new or changed records;
    identical ones are left out so that loading twice changes nothing."""

    organs: list[Organ] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    unchanged: int = 0

    def of_kind(self, kind: str) -> list[Any]:
        return getattr(self, kind)  # type: ignore[no-any-return]

    @property
    def counts(self) -> dict[str, int]:
        return {kind: len(self.of_kind(kind)) for kind in KINDS} | {"unchanged": self.unchanged}

    def as_set(self) -> RecordSet:
        out = RecordSet()
        for kind in KINDS:
            out.of_kind(kind).update({r.id: r for r in self.of_kind(kind)})
        return out


def validate_batch(
    batch: RecordBatch,
    existing: RecordSet | None = None,
    *,
    now: datetime | None = None,
    article_items: Mapping[str, int | None] | None = None,
) -> BatchPlan:
    """Check a batch against itself and the records already stored.

    ``article_items`` maps article keys (``R1-8``) to their item count (None: no items); when
    given, expected articles must exist. Raises RecordsInputError naming every problem:
    unknown references, duplicate ids, future dates, contradictory relations, changed
    incidents. Returns what to write.
    """
    existing = existing or RecordSet()
    now = now or datetime.now(CHINA).replace(tzinfo=None)
    errors: list[InputError] = []
    plan = BatchPlan()
    for kind in KINDS:
        seen: dict[str, Located[Any]] = {}
        for located in batch.of_kind(kind):
            record = located.record
            if record.id in seen:
                first = seen[record.id]
                errors.append(located.error(
                    f"duplicate id {record.id!r} (first at {first.file}:{first.line})", "id"))
                continue
            seen[record.id] = located
            stored = existing.of_kind(kind).get(record.id)
            if stored == record:
                plan.unchanged += 1
                continue
            if stored is not None and kind == "incidents":
                errors.append(located.error(
                    f"incident {record.id!r} is already recorded with other content; records "
                    "are append-only: add a new incident with corrects="
                    f"{record.id!r}", "id"))
                continue
            plan.of_kind(kind).append(record)
    if errors:
        raise RecordsInputError(errors)
    merged = existing.merged(plan.as_set())
    where = {(kind, loc.record.id): loc for kind in KINDS for loc in batch.of_kind(kind)}
    checker = _Checker(merged, where, now, article_items)
    for organ in plan.organs:
        checker.organ(organ)
    for actor in plan.actors:
        checker.actor(actor)
    checker.relations(plan.relations, merged)
    for case in plan.cases:
        checker.case(case)
    for incident in plan.incidents:
        checker.incident(incident)
    checker.corrections(plan.incidents)
    if checker.errors:
        raise RecordsInputError(checker.errors)
    return plan


class _Checker:
    def __init__(
        self,
        records: RecordSet,
        where: Mapping[tuple[str, str], Located[Any]],
        now: datetime,
        article_items: Mapping[str, int | None] | None,
    ) -> None:
        self.records = records
        self.where = where
        self.now = now
        self.article_items = article_items
        self.errors: list[InputError] = []

    def fail(self, kind: str, record_id: str, message: str, field: str | None) -> None:
        located = self.where.get((kind, record_id))
        if located is None:
            self.errors.append(InputError(f"{kind} {record_id!r}: {message}", field=field))
        else:
            self.errors.append(located.error(message, field))

    def ref(self, kind: str, record_id: str, target_kind: str, target: str | None,
            field: str) -> Any:
        if target is None:
            return None
        found = self.records.of_kind(target_kind).get(target)
        if found is None:
            self.fail(kind, record_id, f"unknown {target_kind[:-1]} {target!r}", field)
        return found

    def organ(self, organ: Organ) -> None:
        superior = self.ref("organs", organ.id, "organs", organ.superior, "superior")
        if superior is not None:
            if superior.kind != organ.kind:
                self.fail("organs", organ.id, f"superior {superior.id!r} is a {superior.kind}, "
                          f"not a {organ.kind}", "superior")
            elif (organ.level is None or superior.level is None
                  or superior.level.rank != organ.level.rank - 1):
                self.fail("organs", organ.id, f"superior {superior.id!r} is at level "
                          f"{superior.level}, not one level above {organ.level}", "superior")
        committee = self.ref("organs", organ.id, "organs", organ.party_committee,
                             "party_committee")
        if committee is not None:
            if committee.kind != OrganKind.PARTY_COMMITTEE:
                self.fail("organs", organ.id, f"party_committee {committee.id!r} is a "
                          f"{committee.kind}, not a 党委", "party_committee")
            elif committee.level != organ.level:
                self.fail("organs", organ.id, f"party_committee {committee.id!r} is at level "
                          f"{committee.level}, not {organ.level}", "party_committee")
            elif organ.kind == OrganKind.PARTY_COMMITTEE and committee.id != organ.id:
                self.fail("organs", organ.id, "a 党委 is its own party committee",
                          "party_committee")
        elif organ.kind in PARTY_ORGANS:
            self.fail("organs", organ.id, f"a {organ.kind} needs its same-level party committee",
                      "party_committee")

    def actor(self, actor: Actor) -> None:
        organ = self.ref("actors", actor.id, "organs", actor.organ, "organ")
        self.ref("actors", actor.id, "organs", actor.managed_by, "managed_by")
        kinds = set(actor.kinds)
        judicial = organ is not None and organ.kind in JUDICIAL_KINDS
        needs_judicial = kinds & {ActorKind.JUDICIAL_INSIDER, ActorKind.JUDICIAL_OFFICER,
                                  ActorKind.CASE_HANDLER}
        if needs_judicial and not judicial:
            named = "、".join(sorted(needs_judicial))
            self.fail("actors", actor.id, f"a {named} must work (or have worked) in a court, "
                      "procuratorate, public security, state security or justice "
                      "administration organ", "organ" if actor.organ else "kinds")
        if actor.retired and kinds & {ActorKind.JUDICIAL_OFFICER, ActorKind.CASE_HANDLER}:
            self.fail("actors", actor.id, "a retiree does not handle cases", "kinds")
        if ActorKind.LEADING_CADRE in kinds and organ is None:
            self.fail("actors", actor.id, "a 领导干部 (R1 第十二条) holds office in an organ",
                      "organ")

    def relations(self, relations: list[Relation], records: RecordSet) -> None:
        for relation in relations:
            subject = self.ref("relations", relation.id, "actors", relation.subject, "subject")
            target_kind = "cases" if relation.kind == RelationKind.PARTY_TO else "actors"
            self.ref("relations", relation.id, target_kind, relation.object, "object")
            self.ref("relations", relation.id, "cases", relation.case, "case")
            if relation.subject == relation.object:
                self.fail("relations", relation.id, "an actor cannot be related to itself",
                          "object")
            if (relation.kind == RelationKind.LAWYER_OF and subject is not None
                    and ActorKind.LAWYER not in subject.kinds):
                self.fail("relations", relation.id,
                          f"{subject.id!r} is a lawyer of someone but not of kind 律师", "subject")
        # Contradictions are judged over every stored relation, not only the new ones. A
        # relative's detail says what the subject is to the object (A 父母 B: A is B's
        # parent); its inverse is checked too, so A 父母 B beside B 配偶 A is caught.
        details: dict[tuple[RelationKind, str, str], dict[str, Relation]] = defaultdict(dict)
        for relation in records.relations.values():
            if relation.kind not in {RelationKind.RELATIVE, RelationKind.STAFF_OF}:
                continue
            details[(relation.kind, relation.subject, relation.object)][relation.detail] = relation
            inverse = INVERSE_RELATIVE.get(relation.detail)
            if relation.kind == RelationKind.RELATIVE and inverse:
                details[(relation.kind, relation.object, relation.subject)][inverse] = relation
        new_ids = {r.id for r in relations}
        reported: set[str] = set()
        for (kind, subject_id, object_id), by_detail in details.items():
            if len(by_detail) < 2:
                continue
            culprit = next((r for r in by_detail.values() if r.id in new_ids), None)
            if culprit is None or culprit.id in reported:
                continue
            reported.add(culprit.id)
            self.fail("relations", culprit.id, f"contradictory relations: {subject_id!r} is "
                      f"{object_id!r}'s {' and '.join(sorted(by_detail))} ({kind})", "detail")
        for relation in relations:
            if relation.kind == RelationKind.SUPERIOR_OF and (
                self._reaches(relation.object, relation.subject, RelationKind.SUPERIOR_OF)
            ):
                self.fail("relations", relation.id, f"contradictory relations: "
                          f"{relation.object!r} is already (directly or not) superior of "
                          f"{relation.subject!r}", "object")
            if relation.kind == RelationKind.STAFF_OF and (
                self._reaches(relation.object, relation.subject, RelationKind.STAFF_OF)
            ):
                self.fail("relations", relation.id, f"contradictory relations: "
                          f"{relation.object!r} is already staff of {relation.subject!r}",
                          "object")
            if relation.kind in {RelationKind.SUPERIOR_OF, RelationKind.STAFF_OF}:
                opposite = (RelationKind.STAFF_OF if relation.kind == RelationKind.SUPERIOR_OF
                            else RelationKind.SUPERIOR_OF)
                if any(r.kind == opposite and r.subject == relation.object
                       and r.object == relation.subject for r in records.relations.values()):
                    self.fail("relations", relation.id, "contradictory relations: "
                              f"{relation.kind} and {opposite} between the same two actors "
                              "in opposite directions", "kind")

    def _reaches(self, start: str, goal: str, kind: RelationKind) -> bool:
        edges: dict[str, list[str]] = defaultdict(list)
        for relation in self.records.relations.values():
            if relation.kind == kind:
                edges[relation.subject].append(relation.object)
        seen, todo = {start}, [start]
        while todo:
            node = todo.pop()
            if node == goal:
                return True
            for nxt in edges[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return False

    def case(self, case: Case) -> None:
        organ = self.ref("cases", case.id, "organs", case.organ, "organ")
        if organ is not None and organ.kind not in JUDICIAL_KINDS:
            self.fail("cases", case.id, f"{organ.id!r} is a {organ.kind}, not a judicial organ",
                      "organ")
        for actor_id in case.parties:
            self.ref("cases", case.id, "actors", actor_id, "parties")
        for actor_id in case.handlers:
            handler = self.ref("cases", case.id, "actors", actor_id, "handlers")
            if handler is not None and handler.organ != case.organ:
                self.fail("cases", case.id, f"handler {actor_id!r} works at "
                          f"{handler.organ!r}, not at {case.organ!r}", "handlers")
        overlap = set(case.parties) & set(case.handlers)
        if overlap:
            self.fail("cases", case.id, f"{sorted(overlap)} both party and handler", "handlers")

    def incident(self, incident: Incident) -> None:
        kind = "incidents"
        organ = self.ref(kind, incident.id, "organs", incident.organ, "organ")
        if organ is not None and organ.kind not in JUDICIAL_KINDS:
            self.fail(kind, incident.id, f"{organ.id!r} is a {organ.kind}; incidents are "
                      "recorded by judicial organs", "organ")
        self.ref(kind, incident.id, "cases", incident.case, "case")
        for name in ("intervener", "instigator", "handler", "recorded_by"):
            self.ref(kind, incident.id, "actors", getattr(incident, name), name)
        self.ref(kind, incident.id, "organs", incident.in_name_of, "in_name_of")
        for number, participant in enumerate(incident.participants):
            self.ref(kind, incident.id, "actors", participant.actor,
                     f"participants.{number}.actor")
        if incident.intervener == incident.handler:
            self.fail(kind, incident.id, "the intervener cannot be the officer approached",
                      "handler")
        if incident.occurred_at > self.now:
            self.fail(kind, incident.id, f"{incident.occurred_at:%Y-%m-%d %H:%M} is in the "
                      "future", "occurred_at")
        if incident.recorded_at > self.now:
            self.fail(kind, incident.id, f"{incident.recorded_at:%Y-%m-%d %H:%M} is in the "
                      "future", "recorded_at")
        if incident.recorded_at < incident.occurred_at:
            self.fail(kind, incident.id, "recorded before it happened", "recorded_at")
        if incident.origin == Origin.NAMED_REPORT and not incident.reporter:
            self.fail(kind, incident.id, "a named report (实名举报) names its reporter",
                      "reporter")
        if self.article_items is not None:
            for ref in incident.expected_articles:
                if ref.article_key not in self.article_items:
                    self.fail(kind, incident.id, f"{ref.regulation} has no article "
                              f"{ref.article}", "expected_articles")
                elif ref.item is not None and ref.item > (self.article_items[ref.article_key]
                                                          or 0):
                    self.fail(kind, incident.id, f"{ref.regulation} 第{ref.article}条 has no "
                              f"item {ref.item}", "expected_articles")

    def corrections(self, incidents: list[Incident]) -> None:
        count = Counter(i.corrects for i in self.records.incidents.values() if i.corrects)
        for incident in incidents:
            if incident.corrects is None:
                continue
            target = self.ref("incidents", incident.id, "incidents", incident.corrects,
                              "corrects")
            if target is None:
                continue
            if incident.corrects == incident.id:
                self.fail("incidents", incident.id, "an incident cannot correct itself",
                          "corrects")
            if target.organ != incident.organ:
                self.fail("incidents", incident.id, f"corrects {target.id!r} of organ "
                          f"{target.organ!r}; a correction stays with its organ", "corrects")
            if count[incident.corrects] > 1:
                self.fail("incidents", incident.id, f"{incident.corrects!r} is corrected more "
                          "than once; correct the latest version instead", "corrects")


def load_records(
    paths: Iterable[Path],
    existing: RecordSet | None = None,
    *,
    now: datetime | None = None,
    article_items: Mapping[str, int | None] | None = None,
) -> BatchPlan:
    """Read and validate record files in one step (see read_records, validate_batch)."""
    return validate_batch(read_records(paths), existing, now=now, article_items=article_items)


def dump_jsonl(records: Iterable[Record], path: Path) -> None:
    """Write records as JSON Lines, fields in model order, absent optionals left out."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            payload = record.model_dump(mode="json", exclude_defaults=True)
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")


def relation_pairs(records: RecordSet, kind: RelationKind) -> list[tuple[str, str]]:
    return [(r.subject, r.object) for r in records.relations.values() if r.kind == kind]


__all__ = [
    "JUDICIAL_KINDS",
    "Actor",
    "ActorKind",
    "ArticleRef",
    "BatchPlan",
    "Case",
    "Channel",
    "Incident",
    "Level",
    "Located",
    "Organ",
    "OrganKind",
    "Origin",
    "Participant",
    "ParticipantRole",
    "RecordBatch",
    "RecordSet",
    "RecordsInputError",
    "Relation",
    "RelationKind",
    "Stage",
    "load_records",
    "read_records",
    "validate_batch",
]
