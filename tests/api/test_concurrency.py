"""Eight clients posting 250 incidents each, at the same time, over real HTTP to uvicorn on
127.0.0.1: exactly 2,000 stored, no duplicates, every organ's hash chain intact."""

from __future__ import annotations

import json
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.server import serving
from graph.connect import store_session
from graph.records import ingest_files
from ingest.records import JUDICIAL_KINDS
from ingest.seals import ChainSealer
from liuhen.graph_commands import ingest_paths
from search.embeddings import HashEmbedder
from tests.api.conftest import RECORDER, api_settings
from tests.conftest import EXAMPLE as EXAMPLE_DIR

pytestmark = pytest.mark.slow

CLIENTS = 8
EACH = 250
#: The example's people and cases without its incidents, so the count is ours alone.
RECORD_FILES = ["organs.jsonl", "actors.jsonl", "relations.jsonl", "cases.jsonl"]


def judicial_organs(count: int) -> list[str]:
    rows = [json.loads(line) for line in (EXAMPLE_DIR / "organs.jsonl").read_text().splitlines()]
    return [r["id"] for r in rows if r["kind"] in JUDICIAL_KINDS][:count]


def incident(client: int, number: int, organ: str) -> dict[str, Any]:
    return {
        "id": f"load-{client}-{number:03d}", "organ": organ, "case": "c01", "stage": "审判",
        "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
        "request": f"第{client}号客户端的第{number}次请托", "occurred_at": "2025-03-01T10:00:00",
        "recorded_by": "p-zhoumy", "recorded_at": "2025-03-01T11:00:00",
    }


def post_all(base_url: str, client: int, organs: list[str]) -> Counter[int]:
    statuses: Counter[int] = Counter()
    with httpx.Client(base_url=base_url, headers=RECORDER, timeout=60) as http:
        for number in range(EACH):
            organ = organs[(client + number) % len(organs)]
            response = http.post("/incidents", json=incident(client, number, organ))
            statuses[response.status_code] += 1
    return statuses


def test_eight_clients_two_thousand_incidents(tmp_path: Path) -> None:
    settings = api_settings(tmp_path)
    ingest_paths(settings, [settings.regulations_dir])
    with store_session(settings) as store:
        # sealed with the app's key, as the service loads records: verify holds the registry
        # of organs, actors and relations to it
        ingest_files(store, [EXAMPLE_DIR / name for name in RECORD_FILES],
                     sealer=ChainSealer(settings.seal_key_path, settings.anchor_path))
    organs = judicial_organs(5)
    app = create_app(settings, embedder=HashEmbedder(), load_search_at_start=False)
    with serving(app) as base_url:
        started = time.perf_counter()
        with ThreadPoolExecutor(CLIENTS) as pool:
            results = list(pool.map(lambda c: post_all(base_url, c, organs), range(CLIENTS)))
        seconds = time.perf_counter() - started
        statuses = sum(results, Counter())
        assert statuses == Counter({201: CLIENTS * EACH}), statuses
        with httpx.Client(base_url=base_url, headers=RECORDER, timeout=60) as http:
            ids: list[str] = []
            for offset in range(0, CLIENTS * EACH, 500):
                page = http.get("/incidents", params={"limit": 500, "offset": offset,
                                                      "include_superseded": True}).json()
                assert page["total"] == CLIENTS * EACH
                ids += [item["id"] for item in page["items"]]
            integrity = http.get("/integrity").json()
    assert len(ids) == len(set(ids)) == CLIENTS * EACH
    assert set(ids) == {f"load-{c}-{n:03d}" for c in range(CLIENTS) for n in range(EACH)}
    # registered: 89 organs, 105 actors, 20 cases, 23 relations
    assert integrity == {"ok": True, "organs": len(organs), "records": CLIENTS * EACH,
                         "registered": 237, "problems": []}
    print(f"{CLIENTS * EACH} incidents from {CLIENTS} clients in {seconds:.1f} s "
          f"({CLIENTS * EACH / seconds:.0f}/s)")
