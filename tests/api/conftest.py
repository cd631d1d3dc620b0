"""Apps for the API tests: a real embedded FalkorDB in a temporary data directory, loaded
once with data/regulations and the (fictional) example records, exactly as ``liuhen serve``
does on first start. Search runs the real BM25 path; the dense model is the deterministic
stand-in (HashEmbedder), since these tests are about plumbing.

``client`` is one app shared by the tests that only read, so what they see never depends
on which tests ran before; a test that writes takes ``writer``: an app of its own over a
copy of the loaded data directory."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from rich.console import Console

from api.app import create_app
from api.server import first_start
from api.state import Services
from core.settings import Settings
from graph.store import GraphStore
from liuhen.regulations.service import RegulationsService
from search.embeddings import HashEmbedder

KEYS = {"reader-key": "reader", "recorder-key": "recorder", "admin-key": "admin"}
READER = {"X-API-Key": "reader-key"}
RECORDER = {"X-API-Key": "recorder-key"}
ADMIN = {"X-API-Key": "admin-key"}
QUIET = Console(stderr=True, quiet=True)

NEW_INCIDENT: dict[str, Any] = {
    "organ": "bl-al-fy", "case": "c01", "stage": "审判", "intervener": "p-qiangd",
    "handler": "p-zhoumy", "channel": "电话", "request": "希望对被告人从轻处理",
    "occurred_at": "2026-08-03T19:30:00", "recorded_by": "p-zhoumy",
    "recorded_at": "2026-08-04T09:00:00",
}


def api_settings(data_dir: Path, **overrides: Any) -> Settings:
    return Settings(data_dir=data_dir, api_keys=KEYS, **overrides)


def loaded_app(data_dir: Path, **overrides: Any) -> FastAPI:
    """An app over a data directory prepared as on first start."""
    settings = api_settings(data_dir, **overrides)
    first_start(settings, console=QUIET)
    return create_app(settings, embedder=HashEmbedder())


@pytest.fixture(scope="session")
def loaded_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory prepared as on first start (its store closed again): copy it."""
    data_dir = tmp_path_factory.mktemp("api-loaded")
    first_start(api_settings(data_dir), console=QUIET)
    return data_dir


def app_over_copy(loaded_data: Path, target: Path) -> FastAPI:
    shutil.copytree(loaded_data, target)
    return create_app(api_settings(target), embedder=HashEmbedder())


@pytest.fixture(scope="session")
def app(loaded_data: Path, tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    """The app the reading tests share: nothing writes to it."""
    return app_over_copy(loaded_data, tmp_path_factory.mktemp("api") / "data")


@pytest.fixture
def writer(loaded_data: Path, tmp_path: Path) -> Iterator[TestClient]:
    """A client of an app of its own, for a test that writes."""
    with TestClient(app_over_copy(loaded_data, tmp_path / "data")) as running:
        yield running


@pytest.fixture
def writer_store(writer: TestClient) -> GraphStore:
    found: GraphStore = writer.app.state.services.store  # type: ignore[attr-defined]
    return found


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as running:
        yield running


@pytest.fixture(scope="session")
def services(client: TestClient) -> Services:
    found: Services = client.app.state.services  # type: ignore[attr-defined]
    return found


@pytest.fixture(scope="session")
def store(services: Services) -> GraphStore:
    return services.store


def counts(store: GraphStore) -> dict[str, int]:
    graph = RegulationsService(store).graph_counts()
    return graph.nodes | {f"-{kind}-": n for kind, n in graph.relationships.items()}


def assert_error(response: Any, status: int, code: str) -> dict[str, Any]:
    """The one error shape, with this status and code; returns the error body."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], dict)
    error: dict[str, Any] = body["error"]
    return error
