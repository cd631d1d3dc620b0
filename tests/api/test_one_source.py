"""One source of truth for the regulations: what ``/regulations`` lists is what ``/search``
searches, whichever folder a regulation was ingested from."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.server import first_start
from core.errors import BackendError
from graph.queries import Query
from liuhen.graph_commands import ingest_paths
from liuhen.regulations.service import RegulationsService
from search.embeddings import HashEmbedder
from tests.api.conftest import QUIET, api_settings
from tests.conftest import R3
from tests.liuhen.test_regulation_search import QUERY, TEXT, TITLE


def test_a_regulation_ingested_from_another_folder_is_listed_and_searched(
    loaded_data: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(loaded_data, data)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "parrots.txt").write_text(TEXT, "utf-8")
    settings = api_settings(data)
    ingest_paths(settings, [elsewhere])
    with TestClient(create_app(settings, embedder=HashEmbedder())) as client:
        listed = client.get("/regulations").json()
        found = client.get("/search", params={"q": QUERY, "mode": "bm25", "top": 1}).json()
    assert TITLE in {r["title"] for r in listed}
    assert (found["hits"][0]["regulation"], found["hits"][0]["article_label"]) == (TITLE,
                                                                                    "第二条")


def test_a_store_written_without_documents_is_loaded_again_on_start(
    loaded_data: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(loaded_data, data)
    settings = api_settings(data)
    with RegulationsService.opened(settings) as regulations:  # as an older liuhen wrote it
        regulations.store.write(
            Query("forget_documents", "MATCH (r:Regulation) REMOVE r.document", readonly=False),
            {})
        assert regulations.without_documents()
        with pytest.raises(BackendError, match="liuhen ingest --force"):
            regulations.search_index(settings, dense=False)
    assert first_start(settings, console=QUIET)
    with RegulationsService.opened(settings) as regulations:
        assert regulations.without_documents() == []
        best = regulations.search_index(settings, dense=False).search("法官接受律师请客送礼")[0]
    assert (best.regulation, best.article_label) == (R3, "第五条")
