"""The records write path's statements as FalkorDB plans them with the parameters they are
really given: every node an append looks up is found through its label's index, never by a
scan of the label (FalkorDB 4.16 plans ``{id: $x}`` with a null ``$x`` as a scan of every
node of the label, a cost that grows with the store; most incidents have no instigator,
handler or correction)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.chains import append_incident, append_incidents, current_heads, read_references
from graph.falkordb_store import FalkorDBStore
from graph.queries import Query
from graph.store import Row
from ingest.integrity import chain_incidents
from ingest.records import Incident
from ingest.seals import ChainSealer
from tests.graph.chain_fixtures import CountingStore, new_incident


class PlanningStore(CountingStore):
    """Forwards to a real embedded store, keeping the plan FalkorDB makes of each statement
    with the parameters it is given, before running it."""

    def __init__(self, inner: FalkorDBStore) -> None:
        super().__init__(inner)
        self.embedded = inner
        self.plans: dict[str, list[list[str]]] = {}

    def _keep(self, query: Query, params: Mapping[str, Any] | None) -> None:
        self.plans.setdefault(query.name, []).append(self.embedded.plan(query, params))

    def read(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        self._keep(query, params)
        return super().read(query, params)

    def write(self, query: Query, params: Mapping[str, Any] | None = None) -> list[Row]:
        self._keep(query, params)
        return super().write(query, params)


def label_scans(planning: PlanningStore, name: str) -> list[str]:
    plans = planning.plans[name]
    assert plans, f"{name} was not run"
    return [line for plan in plans for line in plan if "Label Scan" in line]


def append_alone(store: PlanningStore, sealer: ChainSealer, incident: Incident) -> None:
    references = read_references(store, incident)
    [record], _ = chain_incidents([incident], {references.head.organ: references.head}
                                  if references.head else None)
    assert append_incident(store, incident, record, sealer=sealer)


def test_an_incident_without_instigator_handler_or_correction_is_appended_by_index(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    planning = PlanningStore(store)
    incident = new_incident("plan-1", handler=None)
    assert incident.instigator is None and incident.corrects is None
    append_alone(planning, sealer, incident)
    assert label_scans(planning, "record_references") == []
    assert label_scans(planning, "record_append_incident") == []


def test_a_correction_with_instigator_and_handler_is_appended_by_index(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    planning = PlanningStore(store)
    append_alone(planning, sealer, new_incident("plan-2"))
    correction = new_incident("plan-2-v2", instigator="p-qiangd", corrects="plan-2")
    append_alone(planning, sealer, correction)
    assert label_scans(planning, "record_append_incident") == []
    assert read_references(store, correction).stored is not None  # it was stored


def test_a_group_of_incidents_without_instigator_or_handler_is_appended_by_index(
    store: FalkorDBStore, sealer: ChainSealer,
) -> None:
    planning = PlanningStore(store)
    incidents = [new_incident("plan-g1", handler=None), new_incident("plan-g2")]
    records, _ = chain_incidents(incidents, current_heads(store, ["bl-al-fy"]))
    assert append_incidents(planning, list(zip(incidents, records, strict=True)), sealer=sealer)
    assert label_scans(planning, "record_group_append") == []
