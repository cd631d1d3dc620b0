"""The graph's vocabulary: the only labels and relationship types liuhen ever writes or
formats into a query, and how node ids are built.

Every node has a unique ``id`` property (its stable key): loading the same text twice
yields the same ids, so MERGE on ``id`` makes loading idempotent.
"""

from __future__ import annotations

from enum import StrEnum

from core.errors import InputError


class Label(StrEnum):
    """Node labels. The incident side (Organ, Actor, Case, Incident) is declared now and
    filled by a later issue."""

    REGULATION = "Regulation"
    HEADING = "Heading"
    ARTICLE = "Article"
    PARAGRAPH = "Paragraph"
    ITEM = "Item"
    TERM = "Term"
    ROLE = "Role"
    DUTY = "Duty"
    ORGAN = "Organ"
    ACTOR = "Actor"
    CASE = "Case"
    INCIDENT = "Incident"
    # Tamper evidence over organs, actors and relations (graph/registry.py): each version a
    # hashed record of one chain, whose sealed head is the one RegistryHead.
    REGISTRY_RECORD = "RegistryRecord"
    REGISTRY_HEAD = "RegistryHead"


class RelType(StrEnum):
    """Relationship types, all directed as written in the comments."""

    HAS_HEADING = "HAS_HEADING"  # Regulation -> Heading
    HAS_ARTICLE = "HAS_ARTICLE"  # Regulation -> Article
    HAS_PARAGRAPH = "HAS_PARAGRAPH"  # Article -> Paragraph
    HAS_ITEM = "HAS_ITEM"  # Paragraph -> Item
    NEXT = "NEXT"  # Article -> the next Article of the same regulation
    UNDER = "UNDER"  # Article -> innermost Heading; Heading -> parent Heading
    CITES = "CITES"  # Article -> Regulation (has_text=false when only cited)
    REFERS_TO = "REFERS_TO"  # Article -> Article of the same regulation
    DEFINES = "DEFINES"  # Article -> Term
    MENTIONS = "MENTIONS"  # Article / Paragraph / Item -> Role
    IMPOSES = "IMPOSES"  # Article -> Duty
    BORNE_BY = "BORNE_BY"  # Duty -> Role
    # The incident side, written by graph/records.py (see graph/queries/records.py).
    SUPERIOR_ORGAN = "SUPERIOR_ORGAN"  # Organ -> the same kind of organ one level up
    PARTY_COMMITTEE = "PARTY_COMMITTEE"  # Organ -> its same-level 党委
    WORKS_AT = "WORKS_AT"  # Actor -> Organ
    MANAGED_BY = "MANAGED_BY"  # Actor -> Organ with cadre-management authority
    RELATED = "RELATED"  # Actor -> Actor
    PARTY_TO = "PARTY_TO"  # Actor -> Case
    HANDLES = "HANDLES"  # Actor -> Case
    HANDLED_BY = "HANDLED_BY"  # Case -> Organ
    RECORDED_IN = "RECORDED_IN"  # Incident -> Organ that recorded it
    ABOUT_CASE = "ABOUT_CASE"  # Incident -> Case
    INTERVENED = "INTERVENED"  # Actor -> Incident
    INSTIGATED = "INSTIGATED"  # Actor -> Incident
    APPROACHED = "APPROACHED"  # Incident -> Actor approached
    RECORDED = "RECORDED"  # Actor -> Incident
    CORRECTS = "CORRECTS"  # Incident -> the Incident it corrects
    TOOK_PART = "TOOK_PART"  # Actor -> Incident, a participant (role on the relationship)


LABELS: frozenset[str] = frozenset(Label)
#: What the records reads filter on, indexed on both backends (graph/queries/backends.py):
#: incidents by organ, case and the engine's stored verdict; organs by their party committee
#: and superior (同级, subordinates); actors and cases by organ. Not the ISO times: FalkorDB
#: 4.16's range index on a string property drops an upper bound (``recorded_at < $end`` came
#: back with every later incident too); the same times as integers (``recorded_key``,
#: ``occurred_key``, seconds) are indexed instead, and the chain position ``seq``.
RECORD_INDEXED: tuple[tuple[Label, str], ...] = (
    (Label.INCIDENT, "organ"), (Label.INCIDENT, "case"), (Label.INCIDENT, "verdict"),
    (Label.INCIDENT, "recorded_key"), (Label.INCIDENT, "occurred_key"), (Label.INCIDENT, "seq"),
    (Label.INCIDENT, "assessment_pending"),
    (Label.INCIDENT, "interference"), (Label.INCIDENT, "assessed_by"),
    (Label.ORGAN, "party_committee"), (Label.ORGAN, "superior"), (Label.ORGAN, "kind"),
    (Label.ACTOR, "organ"), (Label.ACTOR, "name"), (Label.CASE, "organ"),
    (Label.REGISTRY_RECORD, "entity"), (Label.REGISTRY_RECORD, "seq"),
)
#: Relationships found by their own id: a relation's previous version (or an edge written
#: before the registry) is looked up as ``(:Actor {id: s})-[old:RELATED]->(...) WHERE old.id
#: = $id``. Without the index FalkorDB walks every edge of the subject: a lawyer of thousands
#: of cases made each new relation of theirs cost a walk of their edges, and loading cases
#: slower with every batch (1,000,000 incidents: each 50,000 cases 55 s slower than the last).
EDGE_INDEXED: tuple[tuple[RelType, str], ...] = ((RelType.RELATED, "id"), (RelType.PARTY_TO, "id"))
REL_TYPES: frozenset[str] = frozenset(RelType)
KEY = "id"  # the unique key property of every label


def checked_label(label: str) -> Label:
    """The allow-listed label named ``label``; InputError for anything else."""
    if label not in LABELS:
        raise InputError(
            f"unknown node label {label!r} (one of {', '.join(sorted(LABELS))})", field="label"
        )
    return Label(label)


def checked_rel_type(rel_type: str) -> RelType:
    """The allow-listed relationship type named ``rel_type``; InputError for anything else."""
    if rel_type not in REL_TYPES:
        raise InputError(
            f"unknown relationship type {rel_type!r} (one of {', '.join(sorted(REL_TYPES))})",
            field="type",
        )
    return RelType(rel_type)


# --- stable ids ----------------------------------------------------------------------------


def heading_id(regulation_id: str, position: int) -> str:
    return f"{regulation_id}#h{position}"


def article_id(regulation_id: str, article_key: str) -> str:
    """``<regulation id>#<article key>``: 领导干部…规定#8, 刑法@2020-12-26#133-1."""
    return f"{regulation_id}#{article_key}"


def paragraph_id(article: str, number: int) -> str:
    return f"{article}.p{number}"


def item_id(paragraph: str, position: int) -> str:
    return f"{paragraph}.i{position}"


def duty_id(article: str, position: int) -> str:
    return f"{article}.d{position}"
