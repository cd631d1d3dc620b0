"""The records read statements: incidents, actors and organs answered by the store a page,
an incident or a neighbourhood at a time (graph/record_reads.py runs them), and the one
write of derived properties (the engine's stored assessment, never the hashed payload).
Values travel as parameters only."""

from __future__ import annotations

from graph.queries.base import write_statement

# The engine's verdict, derived and re-derivable: SET on the node, outside the payload.
RECORD_ANNOTATE_INCIDENTS = write_statement(
    "record_annotate_incidents",
    """
    UNWIND $rows AS row
    MATCH (i:Incident {id: row.id})
    SET i.verdict = row.verdict, i.statuses = row.statuses, i.interference = row.interference,
        i.provisions = row.provisions, i.regimes = row.regimes, i.findings = row.findings,
        i.missing_facts = row.missing_facts, i.assessed_by = row.assessed_by
    """,
    "rows",
)
