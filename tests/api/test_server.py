"""What ``liuhen serve`` does before it listens: the first-start load (only into an empty
graph, with progress), the search index, then uvicorn over real HTTP."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import httpx
from rich.console import Console

from api.app import create_app
from api.server import first_start, load_search, serving
from tests.api.conftest import READER, api_settings


def test_first_start_loads_once_then_serves(tmp_path: Path) -> None:
    settings = api_settings(tmp_path, model="none")  # BM25 only: no model to load here
    shown = StringIO()
    console = Console(file=shown, width=200)
    assert first_start(settings, console=console) is True
    assert "regulations: 4 written (98 articles)" in shown.getvalue()
    assert "incidents 71" in shown.getvalue()
    assert first_start(settings, console=console) is False  # not empty any more
    search = load_search(settings, console=console)
    assert "BM25 only" in shown.getvalue() and search.status == "ready"
    with serving(create_app(settings, search=search)) as base_url:
        health = httpx.get(f"{base_url}/health").json()
        assert health["status"] == "ok" and health["model"]["status"] == "disabled"
        assert health["index"]["dense"] is False
        found = httpx.get(f"{base_url}/search", params={"q": "请托说情", "top": 1}).json()
        assert found["hits"][0]["article_label"] == "第八条"
        assert httpx.get(f"{base_url}/incidents", headers=READER).json()["total"] == 70
