"""One source of truth for the regulations: what ``/regulations`` lists is what ``/search``
searches, whichever folder a regulation was ingested from."""

from __future__ import annotations

import shutil
from pathlib import Path

from fastapi.testclient import TestClient

from api.app import create_app
from liuhen.graph_commands import ingest_paths
from search.embeddings import HashEmbedder
from tests.api.conftest import api_settings
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
