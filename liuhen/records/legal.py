"""A recorded incident as the assessment engine reads it: its words (description and request)
and the facts its records hold, mapped into the engine's ``Facts``.

Only what the records say is given: who the intervener is (their kinds, organ, retirement,
the organ that manages them), how they stand to the handling organ (R2 第八条's four cases),
the counterpart of a contact (R3), the channel, the place, an approval, how the incident came
to be recorded (a handler's record, a self-report, a named or anonymous report). What the
records leave open is read from the words by the engine, or stays unknown and becomes one of
the verdict's missing facts. The legal answer itself is the engine's alone.
"""

from __future__ import annotations

from typing import Any

from ingest.records import (
    CIRCLE_RELATIONS,
    JUDICIAL_KINDS,
    Actor,
    ActorKind,
    Channel,
    Incident,
    Organ,
    OrganKind,
    Origin,
    RecordSet,
)
from liuhen.assessment import Assessment, Assessor, Facts

COUNTERPARTS: tuple[tuple[ActorKind, str], ...] = (
    (ActorKind.LAWYER, "律师"), (ActorKind.INTERMEDIARY, "中介组织"),
    (ActorKind.PARTY, "当事人"), (ActorKind.SPECIAL_RELATION, "特殊关系人"),
)
#: A situation form's "who acted" -> the regulation and the GUIDE's actor role (R3: the
#: officer in contact is the one the regulation governs).
SITUATION_ROLES: dict[ActorKind, tuple[str, str]] = {
    ActorKind.LEADING_CADRE: ("R1", "领导干部"),
    ActorKind.STAFF: ("R1", "领导干部身边工作人员或亲属"),
    ActorKind.RELATIVE: ("R1", "领导干部身边工作人员或亲属"),
    ActorKind.JUDICIAL_INSIDER: ("R2", "司法机关内部人员"),
    ActorKind.PARTY: ("R3", "司法人员"),
    ActorKind.LAWYER: ("R3", "司法人员"),
    ActorKind.SPECIAL_RELATION: ("R3", "司法人员"),
    ActorKind.INTERMEDIARY: ("R3", "司法人员"),
}
COUNTERPART_ROLES = {kind: name for kind, name in COUNTERPARTS}
_CHANNELS = {Channel.LETTER: "书面", Channel.ORGANISATION_DOCUMENT: "发函",
             Channel.PHONE: "口头", Channel.IN_PERSON: "口头"}
_RELATION_ROLES = {"colleague": "司法机关内部人员", "own_leader": "本机关领导干部",
                   "superior": "上级司法机关人员", "unrelated": "其他司法机关人员"}


def incident_text(incident: Incident) -> str:
    """The words the engine reads: the account, and the request when the account lacks it."""
    text = incident.description.strip()
    if incident.request not in text:
        text = f"{text}\n{incident.request}" if text else incident.request
    return text


def ancestors(records: RecordSet, organ: Organ) -> list[Organ]:
    """The organ's superior, its superior, and so on."""
    out: list[Organ] = []
    current = records.organs.get(organ.superior or "")
    while current is not None and current not in out:
        out.append(current)
        current = records.organs.get(current.superior or "")
    return out


def insider_relation(records: RecordSet, intervener: Actor, handling: Organ | None) -> str | None:
    """R2 第八条: colleague (一), own_leader (二), superior (三) or unrelated (四); None when
    the records cannot tell."""
    organ = records.organs.get(intervener.organ or "")
    if organ is None or handling is None:
        return None
    if organ.id == handling.id:
        leader = ActorKind.LEADING_CADRE in intervener.kinds and not intervener.retired
        return "own_leader" if leader else "colleague"
    if organ in ancestors(records, handling):
        return "superior"
    return "unrelated"


def cadre_behind(incident: Incident, records: RecordSet) -> Actor | None:
    """The leading cadre whose staff or relative acted: the recorded instigator, else the
    cadre the intervener is staff or relative of."""
    instigator = records.actors.get(incident.instigator or "")
    if instigator is not None and ActorKind.LEADING_CADRE in instigator.kinds:
        return instigator
    for relation in records.relations.values():
        if relation.subject == incident.intervener and relation.kind in CIRCLE_RELATIONS:
            boss = records.actors.get(relation.object)
            if boss is not None and ActorKind.LEADING_CADRE in boss.kinds:
                return boss
    return None


def _managed_by(records: RecordSet, cadre: Actor, handling: Organ | None) -> str | None:
    """R1 第七条第二款: 上级党委 or 其他党组织 when the records name a manager that is not the
    handling organ's same-level party committee."""
    manager = records.organs.get(cadre.managed_by or "")
    if manager is None or handling is None or manager.id == handling.party_committee:
        return None
    committee = records.organs.get(handling.party_committee or "")
    if (manager.kind == OrganKind.PARTY_COMMITTEE and committee is not None
            and manager in ancestors(records, committee)):
        return "上级党委"
    return "其他党组织"


def incident_facts(incident: Incident, records: RecordSet) -> dict[str, Any]:
    """The facts the records hold about an incident, as fields of the engine's ``Facts``."""
    given: dict[str, Any] = {}
    handling = records.organs.get(incident.organ)
    actor = records.actors.get(incident.intervener)
    kinds = set(actor.kinds) if actor else set()
    organ = records.organs.get(actor.organ or "") if actor else None
    channel = _CHANNELS.get(incident.channel)
    if channel:
        given["channel"] = channel
    if incident.channel == Channel.ORGANISATION_DOCUMENT or incident.in_name_of:
        given["org_letter"] = True
    if incident.at_workplace is not None:
        given["at_workplace"] = incident.at_workplace
    if incident.approved is not None:
        given["approved"] = incident.approved
    counterpart = next((name for kind, name in COUNTERPARTS if kind in kinds), None)
    insider = actor is not None and (ActorKind.JUDICIAL_INSIDER in kinds or (
        organ is not None and organ.kind in JUDICIAL_KINDS and counterpart is None))
    if actor is not None and insider:
        relation = insider_relation(records, actor, handling)
        given["regimes"] = ["R2"]
        if relation is not None:
            given["insider_relation"] = relation
            given["actor_role"] = _RELATION_ROLES[relation]
        if actor.retired:
            given |= {"retired": True, "actor_role": "离退休司法人员"}
        if relation in ("own_leader", "superior") and incident.channel in (
                Channel.LETTER, Channel.ORGANISATION_DOCUMENT):
            given["written"] = True
        elif relation in ("own_leader", "superior") and channel == "口头":
            given["written"] = False
    elif actor is not None and ActorKind.LEADING_CADRE in kinds:
        given["regimes"] = ["R1"]
        if organ is not None and organ.kind == OrganKind.POLITICAL_LEGAL_COMMITTEE:
            # R1 第三条: an organ with leadership duties over judicial work; a document in
            # its name goes through its work procedure.
            given |= {"leading_organ": True, "actor_role": "领导干部"}
            if incident.channel == Channel.ORGANISATION_DOCUMENT:
                given["via_procedure"] = True
        else:
            given["actor_role"] = ("党政机关（以组织名义）" if given.get("org_letter")
                                   else "领导干部")
        managed = _managed_by(records, actor, handling)
        if managed:
            given["managed_by"] = managed
    elif actor is not None and kinds & {ActorKind.STAFF, ActorKind.RELATIVE} and (
            counterpart is None or incident.instigator):
        cadre = cadre_behind(incident, records)
        if cadre is not None:
            given |= {"regimes": ["R1"], "actor_role": "领导干部身边工作人员或亲属",
                      "via_staff": True}
            if incident.instigator:
                given["instigated"] = True
            managed = _managed_by(records, cadre, handling)
            if managed:
                given["managed_by"] = managed
    elif counterpart is not None:
        given |= {"regimes": ["R3"], "counterpart": counterpart, "actor_role": "司法人员"}
    if incident.origin == Origin.HANDLER_RECORD:
        given["recorded"] = True
    elif incident.origin == Origin.SELF_REPORT:
        days = (incident.recorded_at.date() - incident.occurred_at.date()).days
        given |= {"planned": False, "reported": True, "report_days": max(days, 0)}
    else:
        given |= {"complaint": True,
                  "named_report": incident.origin == Origin.NAMED_REPORT}
    return given


def assess_incident(engine: Assessor, incident: Incident, records: RecordSet) -> Assessment:
    """The engine's assessment of an incident: its words with the facts its records hold.

    An insider who takes the officer to meet a party, lawyer, special relation or
    intermediary (the words say so) engages R3 as well (GUIDE section 2: several may apply).
    """
    given = incident_facts(incident, records)
    text = incident_text(incident)
    if given.get("regimes") == ["R2"]:
        read = engine.extractor.extract(text).facts
        if read.counterpart is not None and "private_meeting" in (read.conduct or []):
            given["regimes"] = ["R2", "R3"]
    return engine.assess(text, Facts(**given), situation_id=incident.id)
