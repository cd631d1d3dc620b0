"""Records read a page, an incident or a neighbourhood at a time (the statements of
graph/queries/records_read.py), and the engine's stored assessments written onto incidents.
Nothing here reads the whole record set."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from graph import queries
from graph.store import GraphStore

ANNOTATE_BATCH = 1000


def annotate_incidents(store: GraphStore, rows: Sequence[Mapping[str, object]]) -> None:
    """Store each row's derived properties (liuhen.records.annotations.assessment_row) on the
    incident it names, in batches; an id with no incident is skipped."""
    rows = list(rows)
    for start in range(0, len(rows), ANNOTATE_BATCH):
        store.write(queries.RECORD_ANNOTATE_INCIDENTS,
                    {"rows": [dict(r) for r in rows[start:start + ANNOTATE_BATCH]]})
