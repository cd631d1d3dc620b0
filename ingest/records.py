"""Organs, actors, relations, cases and incidents: the records the three regulations make
judicial organs keep (R1 第五条, R2 第六条, R3 第十条), as validated documents.

Input is JSON Lines or CSV, one file per kind (``organs``, ``actors``, ``relations``, ``cases``,
``incidents``; the kind is the file name before any ``_suffix``). A batch is read whole and
checked whole before anything is written: every problem is reported with file, line and
field, and a batch with any problem is rejected entirely (:class:`RecordsInputError`).

Incidents are append-only. A correction is a new incident whose ``corrects`` names the one it
replaces; re-reading an identical record is a no-op, a changed record under an existing id is
an error.

The documents live in ingest/record_models.py, reading in ingest/record_files.py and the
batch checks in ingest/record_checks.py; this module is the one name they are imported by.
"""

from ingest.record_checks import BatchPlan, load_records, relation_pairs, validate_batch
from ingest.record_files import dump_jsonl, kind_of_file, read_records, record_files
from ingest.record_models import (
    CHINA,
    CIRCLE_RELATIONS,
    INVERSE_RELATIVE,
    JUDICIAL_KINDS,
    KINDS,
    LIST_FIELDS,
    NON_BLANK,
    PARTY_ORGANS,
    SYMMETRIC_RELATIONS,
    Actor,
    ActorKind,
    ArticleRef,
    Case,
    Channel,
    Incident,
    Level,
    Located,
    Organ,
    OrganKind,
    Origin,
    Participant,
    ParticipantRole,
    Record,
    RecordBatch,
    RecordSet,
    RecordsInputError,
    RecordT,
    Regime,
    Relation,
    RelationKind,
    Stage,
)

__all__ = [
    "CHINA",
    "CIRCLE_RELATIONS",
    "INVERSE_RELATIVE",
    "JUDICIAL_KINDS",
    "KINDS",
    "LIST_FIELDS",
    "NON_BLANK",
    "PARTY_ORGANS",
    "SYMMETRIC_RELATIONS",
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
    "Record",
    "RecordBatch",
    "RecordSet",
    "RecordT",
    "RecordsInputError",
    "Regime",
    "Relation",
    "RelationKind",
    "Stage",
    "dump_jsonl",
    "kind_of_file",
    "load_records",
    "read_records",
    "record_files",
    "relation_pairs",
    "validate_batch",
]
