"""``liuhen verify``'s check of every incident node against its hashed payload: its mirrored
properties, no property the payload does not hold, its edges, and (with a keyed sealer) its
stored assessment's seal.

FalkorDB answers a page of incidents as a shape text each (graph/queries/shape_text.py): an incident
whose text is the one its payload makes is as recorded. One whose text differs is compared
field by field from that same text read back (graph/shape_codec.read_incident_shape), and only
those whose text does not read back, or that hold properties no payload names (their names
are needed for the finding), are read again with the nested statement: in session 8 a store
where every node differed spent 20 of 32 s parsing that statement's nested lists. Other
backends read every incident field by field.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

from pydantic import ValidationError

from graph import shape_codec
from graph.queries import registry as registry_queries
from graph.queries.base import Backend
from graph.queries.shape_text import REGISTRY_INCIDENT_SHAPE_ROWS, shape_params
from graph.store import GraphStore, Row
from ingest.integrity import Problem, ProblemKind
from ingest.records import Incident
from ingest.registry import (
    ASSESSMENT_FIELDS,
    ASSESSMENT_SEAL,
    INCIDENT_CHAIN,
    INCIDENT_DERIVED,
    INCIDENT_MIRRORED,
    Edge,
    assessment_text,
    differences,
    incident_shape,
)
from ingest.seals import ChainSealer

_INCIDENT_ALLOWED = frozenset(INCIDENT_MIRRORED) | INCIDENT_CHAIN | INCIDENT_DERIVED
_ASSESSMENT_VALUES = len(ASSESSMENT_FIELDS) + 1  # the fields, then the seal
_MIRRORED = INCIDENT_MIRRORED[1:]  # the id is the row's key

#: What the incidents of a page are expected to be: by id, (organ, seq, incident).
_Expected = dict[str, tuple[str, int, Incident]]


def incident_problems(store: GraphStore, rows: Sequence[Row],
                      sealer: ChainSealer | None = None) -> list[Problem]:
    """What the stored incident nodes of chain rows (each with its ``organ``, ``seq``, ``id``
    and ``payload``; several organs may share a page) change of their hashed payloads: a
    property, an unknown property, an edge; with a keyed ``sealer``, a stored assessment
    whose seal is not the key's."""
    keyed = sealer is not None and sealer.has_key
    expected: _Expected = {}
    for row in rows:
        try:
            expected[str(row["id"])] = (str(row["organ"]), row["seq"], Incident.model_validate(
                json.loads(row["payload"])))
        except (TypeError, ValueError, ValidationError):
            continue  # an altered payload: the chain check names it
    if not expected:
        return []
    unconfirmed, read_back = _unconfirmed_incidents(store, expected, sealer if keyed else None)
    if not unconfirmed:
        return []
    stored = [read_back[key] for key in unconfirmed if key in read_back]
    again = [key for key in unconfirmed if key not in read_back]
    if again:
        stored += store.read(registry_queries.REGISTRY_STORED_INCIDENTS, {"ids": again})
    problems = []
    for row in stored:
        organ, seq, incident = expected[row["id"]]
        properties = dict(zip(_MIRRORED, row["mirrored"], strict=True))
        properties["id"] = row["id"]
        unknown = sorted(k for k in row["keys"] if k not in _INCIDENT_ALLOWED)
        edges: list[Edge] = [("out", t, str(other), role) for t, other, role in row["outgoing"]]
        edges += [("in", t, str(other), role) for t, other, role in row["incoming"]
                  if t != "CORRECTS"]
        found = differences(incident_shape(incident), properties, edges)
        found += [f"a property {k!r} the payload does not hold" for k in unknown]
        assessment = dict(zip(ASSESSMENT_FIELDS, row["assessment"], strict=True))
        if keyed and sealer is not None and any(v is not None for v in assessment.values()) \
                and not sealer.text_seal_matches(
                    ASSESSMENT_SEAL, assessment_text(row["id"], assessment), row["seal"]):
            found.append(f"its stored assessment (verdict {assessment['verdict']!r}) is not "
                         "the one liuhen sealed" + ("" if row["seal"] else
                                                     " (not sealed: `liuhen reassess`)"))
        if found:
            problems.append(Problem(
                kind=ProblemKind.CHANGED, organ=organ, seq=seq, record_id=row["id"],
                message=f"{organ}: incident {row['id']!r} (#{seq}) differs from its hashed "
                        "payload: " + "; ".join(dict.fromkeys(found))))
    # in the order of the page, as the nested statement alone would find them
    order = {key: n for n, key in enumerate(unconfirmed)}
    return sorted(problems, key=lambda problem: order.get(problem.record_id or "", 0))


def _unconfirmed_incidents(store: GraphStore, expected: _Expected, sealer: ChainSealer | None
                           ) -> tuple[list[str], dict[str, Row]]:
    """The incidents whose stored shape text (FalkorDB: one string each, the page's read in
    one statement) is not the one their payload makes, or whose assessment does not read back
    or is not sealed by the key (``sealer``: a keyed one, else None), sorted: only those are
    compared field by field. With them, the rows of those whose text reads back whole and
    holds no property outside the allowed ones, as REGISTRY_STORED_INCIDENTS would give
    them (the others are read with it). On other backends, every incident, none read back."""
    if store.backend is not Backend.FALKORDB:
        return sorted(expected), {}
    with ThreadPoolExecutor(max_workers=1) as reader:  # the store works while Python does
        found = reader.submit(_shape_texts, store, sorted(expected))
        wanted: dict[str, str | None] = {}
        for key, (_, _, incident) in sorted(expected.items()):
            try:
                wanted[key] = shape_codec.incident_expected_text(incident)
            except shape_codec.Unencodable:
                wanted[key] = None
        texts = found.result()
    unconfirmed: list[str] = []
    read_back: dict[str, Row] = {}
    for key, want in wanted.items():
        stored = texts.get(key)
        values = (shape_codec.read_values(stored[1], _ASSESSMENT_VALUES) if stored else None)
        if want is None or not stored or stored[0] != want or values is None \
                or not isinstance(values[-1], str | None):
            unconfirmed.append(key)
            row = _read_back(key, stored[0], values) if stored and values else None
            if row is not None:
                read_back[key] = row
            continue
        assessment = dict(zip(ASSESSMENT_FIELDS, values, strict=False))
        if sealer is not None and any(v is not None for v in assessment.values()) \
                and not sealer.text_seal_matches(ASSESSMENT_SEAL, assessment_text(key, assessment),
                                                 values[-1]):
            unconfirmed.append(key)
            row = _read_back(key, stored[0], values)
            if row is not None:
                read_back[key] = row
    return unconfirmed, read_back


def _read_back(key: str, shape: str, assessment: list[object]) -> Row | None:
    """An incident's row as REGISTRY_STORED_INCIDENTS gives it, from its shape and assessment
    texts; None when the shape does not read back, or names properties outside the allowed
    ones (the finding names them: the nested statement reads them), or the seal is no text."""
    read = shape_codec.read_incident_shape(shape, len(_MIRRORED))
    if read is None or read[1] != 0 or not isinstance(assessment[-1], str | None):
        return None
    mirrored, _, edges = read
    return {"id": key, "keys": [], "mirrored": mirrored,
            "assessment": assessment[:-1], "seal": assessment[-1],
            "outgoing": [[t, other, role] for way, t, other, role in edges if way == "out"],
            "incoming": [[t, other, role] for way, t, other, role in edges if way == "in"]}


def _shape_texts(store: GraphStore, ids: list[str]) -> dict[str, list[str]]:
    """The shape and assessment texts of the incidents ``ids``, by id (a row each: see
    REGISTRY_INCIDENT_SHAPE_ROWS). An id two nodes share, or a row that is not texts, maps
    to an empty list: those are read field by field."""
    statement = REGISTRY_INCIDENT_SHAPE_ROWS
    texts: dict[str, list[str]] = {}
    for row in store.read(statement, {"ids": ids, "allowed": sorted(_INCIDENT_ALLOWED),
                                      **shape_params(statement)}):
        key, shape, assessment = row["id"], row["shape"], row["assessment"]
        if not isinstance(key, str):
            continue
        readable = isinstance(shape, str) and isinstance(assessment, str)
        texts[key] = [] if key in texts or not readable else [shape, assessment]
    return texts
