"""The assessment engine as the records service builds it (BM25 over every regulation the
project holds, the real parser and jieba), once per session, for the records' legal tests."""

from __future__ import annotations

import pytest

from ingest.library import RegulationLibrary
from liuhen.classify import IncidentEngine
from liuhen.records.service import bm25_classifier


@pytest.fixture(scope="session")
def incident_engine(library: RegulationLibrary) -> IncidentEngine:
    return bm25_classifier({r.id: r for r in library.regulations})
