"""The assessment engine's builders for the records service (BM25 only, or with the dense
model's scores) and its accuracy on record files."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path

from core.settings import Settings
from ingest.library import RegulationLibrary
from ingest.models import Regulation
from ingest.records import load_records
from liuhen.classify import Accuracy, IncidentEngine, measure
from search.embeddings import load_embedder
from search.index import SearchIndex, open_index

#: Builds the engine from every regulation the project holds (by id).
ClassifierFactory = Callable[[Mapping[str, Regulation]], IncidentEngine]


def bm25_classifier(regulations: Mapping[str, Regulation]) -> IncidentEngine:
    """The assessment engine over a BM25 index of the regulations (no model to load)."""
    return IncidentEngine(SearchIndex.build(list(regulations.values()), None), regulations)


def dense_classifier(settings: Settings) -> ClassifierFactory:
    """A classifier factory that adds the dense model's scores: the model and the search
    index of ``settings.regulations_dir`` load when the classifier is first needed."""

    def build(regulations: Mapping[str, Regulation]) -> IncidentEngine:
        embedder = load_embedder(settings.model, settings.model_cache_dir)
        index = open_index(settings.regulations_dir, settings.data_dir, embedder)
        return IncidentEngine(index, regulations)

    return build


def classification_accuracy(
    settings: Settings, *, records_dir: Path | None = None, dense: bool = False,
    now: datetime | None = None,
) -> Accuracy:
    """Top-1/top-3 article and item accuracy on record files (the example records by
    default; no store needed), with the misses."""
    library = RegulationLibrary.from_directory(settings.regulations_dir)
    records = load_records([records_dir or settings.example_dir], now=now).as_set()
    build = dense_classifier(settings) if dense else bm25_classifier
    return measure(build({r.id: r for r in library.regulations}),
                   records.current_incidents(), records)
