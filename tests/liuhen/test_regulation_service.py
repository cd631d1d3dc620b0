"""The graph lookup follows the naming rules of RegulationLibrary (core/names.py). The service
over a real store is tested by the graph contract (tests/graph/contract.py), once per
backend."""

from __future__ import annotations

from core.names import pick_regulation
from ingest.library import RegulationLibrary
from liuhen.regulations.views import RegulationSummary
from tests.conftest import R2


def test_library_and_graph_rows_follow_the_same_rules(library: RegulationLibrary) -> None:
    rows = [
        RegulationSummary(id=r.id, title=r.title, title_key=r.normalized_title,
                          short_title=r.short_title, aliases=list(r.aliases),
                          version_date=r.version_date)
        for r in library.regulations
    ]
    for name in ("R1", "R2", R2, "接触交往", "公务员处分"):
        assert pick_regulation(name, rows).id == library.find(name).id
