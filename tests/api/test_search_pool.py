"""/search computed by processes of the app's own (api/search_pool.py), over real HTTP with
the real embedded store: the same hits as computed in the API process, the same error
shape, /health answered while every search process is busy, and no process left behind.

The model is off (BM25 only) in the parent and the children alike: these tests are about
processes, not ranking."""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from api.app import create_app
from api.search_pool import SearchPool
from api.server import serving
from api.state import Services
from core.processes import pid_alive
from liuhen.article_search import search_articles
from tests.api.conftest import api_settings, assert_error

PROCESSES = 2
#: A child loads jieba and the index before it searches: generous on a busy machine.
TIMEOUT = 300.0
QUERIES = ["法官接受律师请客送礼", "在审查起诉、审判环节为当事人请托说情", "私下会见当事人"]


@pytest.fixture(scope="module")
def pooled(loaded_data: Path, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[tuple[FastAPI, str]]:
    data_dir = tmp_path_factory.mktemp("search-pool") / "data"
    shutil.copytree(loaded_data, data_dir)
    app = create_app(api_settings(data_dir, model="none"), search_processes=PROCESSES)
    with serving(app) as base_url:
        yield app, base_url


def _services(app: FastAPI) -> Services:
    services: Services = app.state.services
    return services


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("regulation", [None, ["R1", "R3"]], ids=["all", "R1+R3"])
def test_the_pool_answers_the_hits_the_api_process_computes(
    pooled: tuple[FastAPI, str], query: str, regulation: list[str] | None
) -> None:
    app, base_url = pooled
    services = _services(app)
    assert services.search_pool is not None and services.search_pool.child_pids()
    params: dict[str, object] = {"q": query, "top": 10, "mode": "bm25"}
    ids: list[str] = []
    if regulation:
        params["regulation"] = regulation
        ids = [services.regulations.find_regulation(name).id for name in regulation]
    answered = httpx.get(f"{base_url}/search", params=params, timeout=TIMEOUT)
    assert answered.status_code == 200
    here = search_articles(services.search.get(), query, top=10, mode="bm25",
                           regulation_ids=ids)
    assert here, "the query finds something, so the comparison means something"
    assert answered.json()["hits"] == [hit.model_dump(mode="json") for hit in here]


def test_an_error_in_a_child_keeps_the_json_error_shape(pooled: tuple[FastAPI, str]) -> None:
    _, base_url = pooled
    # No model: a dense search is refused in the child as in the API process.
    with httpx.Client(base_url=base_url, timeout=TIMEOUT) as http:
        assert_error(http.get("/search", params={"q": "说情", "mode": "dense"}),
                     503, "backend_unavailable")


def test_health_answers_while_every_search_process_is_busy(
    pooled: tuple[FastAPI, str]
) -> None:
    _, base_url = pooled
    in_flight = threading.Semaphore(0)
    statuses: list[int] = []
    lock = threading.Lock()

    def search(n: int) -> None:
        in_flight.release()
        status = httpx.get(f"{base_url}/search", params={"q": f"领导干部过问案件 {n}"},
                           timeout=TIMEOUT).status_code
        with lock:
            statuses.append(status)

    clients = [threading.Thread(target=search, args=(n,)) for n in range(8 * PROCESSES)]
    for client in clients:
        client.start()
    for _ in clients:
        in_flight.acquire()
    health = httpx.get(f"{base_url}/health", timeout=TIMEOUT)
    with lock:
        searches_done_before = len(statuses)
    for client in clients:
        client.join()
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert searches_done_before < len(clients), "/health was asked while searches ran"
    assert statuses == [200] * len(clients)


def test_the_search_processes_stop_with_the_app(loaded_data: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    app = create_app(api_settings(data_dir, model="none"), search_processes=1)
    with serving(app) as base_url:
        pool = _services(app).search_pool
        assert pool is not None
        children = pool.child_pids()
        assert children and all(pid_alive(pid) for pid in children)
        assert httpx.get(f"{base_url}/search", params={"q": "说情"},
                         timeout=TIMEOUT).status_code == 200
    assert not any(pid_alive(pid) for pid in children)


def test_the_children_outlive_the_thread_that_started_them(loaded_data: Path,
                                                           tmp_path: Path) -> None:
    """PR_SET_PDEATHSIG fires when the spawning *thread* ends: a pool started from a thread
    that then ends (as Starlette's retire when idle) must keep its children."""
    data_dir = tmp_path / "data"
    shutil.copytree(loaded_data, data_dir)
    settings = api_settings(data_dir, model="none")
    app = create_app(settings, search_processes=1)  # builds the index the children load
    with serving(app):
        pool = SearchPool(settings, 1)
        try:
            starter = threading.Thread(target=pool.start)
            starter.start()
            starter.join()
            time.sleep(1.0)  # the signal, had it been sent, arrives at the thread's end
            children = pool.child_pids()
            assert children and all(pid_alive(pid) for pid in children)
            assert pool.search("说情", mode="bm25")
        finally:
            pool.close()
