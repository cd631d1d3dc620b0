"""A recorder key bound to organs (``"recorder:organ1,organ2"``) on the pages, as on the API:
it logs in, records and corrects incidents of its organs, and is refused (403, naming the
field) for any other organ, also when correcting another organ's incident. Reading has no
organ scope on either face (a reader sees every incident), so there is nothing more a page
could show that the key may not see."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from rich.console import Console

from api.app import create_app
from api.server import first_start
from core.settings import Settings
from search.embeddings import HashEmbedder
from tests.web.conftest import KEYS
from tests.web.test_security import NEW, csrf, login

SCOPED = "scoped-recorder-key"
OWN, OTHER = "bl-al-fy", "bl-fy"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("web-scoped")
    settings = Settings(data_dir=data_dir, api_keys=KEYS | {SCOPED: f"recorder:{OWN}"})
    first_start(settings, console=Console(stderr=True, quiet=True))
    with TestClient(create_app(settings, embedder=HashEmbedder())) as running:
        yield running


def _post(client: TestClient, path: str, body: dict[str, str]) -> int:
    return client.post(path, data=body | {"csrf_token": csrf(client, path)},
                       follow_redirects=False).status_code


def test_a_scoped_key_records_for_its_organ_only(client: TestClient) -> None:
    login(client, SCOPED)
    assert _post(client, "/ui/incidents/new", NEW | {"id": "scoped-own"}) == 303
    refused = client.post("/ui/incidents/new", data=NEW | {
        "id": "scoped-other", "organ": OTHER,
        "csrf_token": csrf(client, "/ui/incidents/new")})
    assert refused.status_code == 403
    assert f"not for &#39;{OTHER}&#39;" in refused.text or f"not for '{OTHER}'" in refused.text
    login(client, "reader-key")
    assert client.get("/ui/incidents/scoped-other").status_code == 404  # nothing written
    assert client.get("/ui/incidents/scoped-own").status_code == 200


def test_a_scoped_key_cannot_correct_another_organs_incident(client: TestClient) -> None:
    login(client, "recorder-key")  # a key for every organ records one of the other organ
    assert _post(client, "/ui/incidents/new", NEW | {"id": "other-1", "organ": OTHER}) == 303
    login(client, SCOPED)
    path = "/ui/incidents/other-1/correct"
    # the correction moved into the key's own organ is still a correction of OTHER's record
    body = NEW | {"id": "other-1-v2", "organ": OWN, "corrects": "other-1"}
    assert _post(client, path, body) == 403
    login(client, "recorder-key")
    assert _post(client, path, body | {"organ": OTHER}) == 303  # an unbound key may
