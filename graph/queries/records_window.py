"""Newest-first pages of every incident (no actor, case or organ anchor) read a window of
recording time at a time (graph/record_windows.py walks the windows backwards until a page
is full), and their totals.

FalkorDB uses no index for ORDER BY and its range index on a string drops an upper bound, so
a page that sorts every matching incident grows with the store. Each incident therefore
stores its times also as integers (``recorded_key``, ``occurred_key``: seconds since
1970-01-01 of the naive China time, graph/chains.py), range-indexed (graph/schema.py); a
window statement matches ``$lo <= recorded_key < $hi`` through that index and sorts only the
window. The filters an index can answer (verdict, the occurred range) are written as plain
conditions, not ``($x IS NULL OR …)``, so FalkorDB intersects them with the window in its
index: one statement per combination of them (8), built from fixed texts here.
"""

from __future__ import annotations

from itertools import product

from graph.queries.base import Backend, Query, read_statement, write_statement
from graph.queries.records_read import INCIDENT_FIELDS

#: (verdict, since, until) given: the index-answered filters of one statement.
WindowShape = tuple[bool, bool, bool]
SHAPES: tuple[WindowShape, ...] = tuple(
    (verdict, since, until) for verdict, since, until in product((False, True), repeat=3))

_INDEXED: tuple[str, str, str] = (
    "i.verdict = $verdict", "i.occurred_key >= $since_key", "i.occurred_key < $until_key")
_PARAMETERS: tuple[str, str, str] = ("verdict", "since_key", "until_key")
_OTHERS = ("($stage IS NULL OR i.stage = $stage) AND ($channel IS NULL OR i.channel = $channel)"
           " AND ($regulation IS NULL OR $regulation IN i.regimes)")
_AFTER = ("($after_at IS NULL OR i.recorded_at < $after_at "
          "OR (i.recorded_at = $after_at AND i.id < $after_id))")
# Current: no correction of it stored. Asked after the window's match (an OPTIONAL MATCH, as
# the anchored pages ask it), so only the window's incidents are visited.
_NEWER = "OPTIONAL MATCH (newer:Incident)-[:CORRECTS]->(i)"


def _name(shape: WindowShape) -> str:
    return "".join(flag for flag, given in zip("vsu", shape, strict=True) if given) or "none"


def _indexed(shape: WindowShape) -> tuple[list[str], list[str]]:
    conditions = [text for text, given in zip(_INDEXED, shape, strict=True) if given]
    parameters = [name for name, given in zip(_PARAMETERS, shape, strict=True) if given]
    return conditions, parameters


def window_page(shape: WindowShape) -> Query:
    """The incidents recorded in ``[$lo, $hi)`` matching the filters, after the cursor,
    newest first by (recorded_at, id), at most ``$limit``."""
    conditions, parameters = _indexed(shape)
    where = " AND ".join(["i.recorded_key >= $lo", "i.recorded_key < $hi", *conditions,
                          _OTHERS, _AFTER])
    text = (f"MATCH (i:Incident) WHERE {where} {_NEWER} "
            "WITH DISTINCT i, newer IS NULL AS current WHERE $all_versions OR current "
            f"RETURN {INCIDENT_FIELDS} ORDER BY recorded_at DESC, id DESC LIMIT $limit")
    return read_statement(f"record_incidents_window_{_name(shape)}", text, "lo", "hi",
                          *parameters, "stage", "channel", "regulation", "after_at",
                          "after_id", "all_versions", "limit")


def window_count(shape: WindowShape, backend: Backend) -> Query:
    """How many incidents match (every recording time), counted up to ``$cap``. On FalkorDB
    "current" is ``indegree(i, $corrects) = 0`` with ``$corrects`` the type CORRECTS (it
    joins incidents only): a tenth of the time of an OPTIONAL MATCH and DISTINCT over 10,000
    incidents."""
    conditions, parameters = _indexed(shape)
    where = " AND ".join([*conditions, _OTHERS]) if conditions else _OTHERS
    if backend is Backend.FALKORDB:
        text = (f"MATCH (i:Incident) WHERE {where} "
                "AND ($all_versions OR indegree(i, $corrects) = 0) "
                "WITH i LIMIT $cap RETURN count(i) AS total")
        return Query(f"record_incidents_window_count_{_name(shape)}_falkordb", text,
                     (*parameters, "stage", "channel", "regulation", "all_versions", "cap",
                      "corrects"),
                     readonly=True, backends=frozenset({Backend.FALKORDB}))
    text = (f"MATCH (i:Incident) WHERE {where} {_NEWER} "
            "WITH DISTINCT i, newer IS NULL AS current WHERE $all_versions OR current "
            "WITH i LIMIT $cap RETURN count(i) AS total")
    return Query(f"record_incidents_window_count_{_name(shape)}_neo4j", text,
                 (*parameters, "stage", "channel", "regulation", "all_versions", "cap"),
                 readonly=True, backends=frozenset({Backend.NEO4J}))


RECORD_INCIDENT_WINDOWS = {shape: window_page(shape) for shape in SHAPES}
RECORD_INCIDENT_WINDOW_COUNTS = {(shape, backend): window_count(shape, backend)
                                 for shape in SHAPES for backend in Backend}

# Incidents stored before the integer time keys (a page of them; the migration writes keys
# until none is left, graph/record_windows.py). A node without an id is no incident liuhen
# wrote (nor one it can key, list or read): verify names it, the migration leaves it.
RECORD_UNKEYED_INCIDENTS = read_statement(
    "record_unkeyed_incidents",
    """
    MATCH (i:Incident)
    WHERE i.id IS NOT NULL AND (i.recorded_key IS NULL OR i.occurred_key IS NULL)
    RETURN i.id AS id, i.recorded_at AS recorded_at, i.occurred_at AS occurred_at
    LIMIT $limit
    """,
    "limit",
)
RECORD_SET_TIME_KEYS = write_statement(
    "record_set_time_keys",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    SET i.recorded_key = row.recorded_key, i.occurred_key = row.occurred_key
    RETURN count(DISTINCT row.id) AS keyed
    """,
    "rows",
)
# The newest recording time stored from $since on (where a walk starts; cached by the
# process, which then asks only past what it knew: an index range, not a scan).
RECORD_NEWEST_KEY = read_statement(
    "record_newest_key",
    """
    MATCH (i:Incident)
    WHERE i.recorded_key >= $since
    RETURN max(i.recorded_key) AS top
    """,
    "since",
)
