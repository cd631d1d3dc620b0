"""Recorder keys bound to organs (issue 12): a key ``"recorder:organ1,organ2"`` records and
corrects incidents of those organs only (403 naming the field otherwise), old settings
(``"recorder"``) cover every organ, and each key has a non-secret id for ``recorded_with``.

The incident routes wire :data:`api.auth.ScopedRecorder`; here it runs on probe routes of a
real app (real store, real records), so the dependency is tested as the routes will use it."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import pytest
from fastapi import Body
from fastapi.testclient import TestClient

from api.app import create_app
from api.auth import ScopedRecorder, parse_grant
from api.models import IncidentInput
from core.settings import Settings
from ingest.integrity import incident_payload
from ingest.records import Incident
from search.embeddings import HashEmbedder
from tests.api.conftest import KEYS, NEW_INCIDENT, READER, assert_error

SCOPED = "scoped-key"
WIDE = "recorder-key"


def probe(grant: ScopedRecorder, body: Annotated[dict[str, Any], Body()]) -> dict[str, object]:
    return {"key_id": grant.key_id, "organs": sorted(grant.organs or [])}


@pytest.fixture(scope="module")
def scoped(loaded_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    target = tmp_path_factory.mktemp("key-scope") / "data"
    shutil.copytree(loaded_data, target)
    settings = Settings(data_dir=target, api_keys=KEYS | {SCOPED: "recorder:bl-al-fy, other"})
    app = create_app(settings, embedder=HashEmbedder())
    app.add_api_route("/probe/incidents", probe, methods=["POST"])
    app.add_api_route("/probe/incidents/{incident_id}/corrections", probe, methods=["POST"])
    with TestClient(app) as client:
        yield client


def test_grants_parse_old_and_new_settings() -> None:
    assert parse_grant("recorder")[1] is None
    role, organs = parse_grant("Recorder: o1 ,o2,")
    assert role.name == "RECORDER" and organs == frozenset({"o1", "o2"})
    with pytest.raises(KeyError):
        parse_grant("owner:o1")


def test_a_scoped_key_records_only_for_its_organs(scoped: TestClient) -> None:
    ok = scoped.post("/probe/incidents", headers={"X-API-Key": SCOPED}, json=NEW_INCIDENT)
    assert ok.status_code == 200, ok.text
    assert ok.json() == {"key_id": hashlib.sha256(SCOPED.encode()).hexdigest()[:8],
                         "organs": ["bl-al-fy", "other"]}
    refused = scoped.post("/probe/incidents", headers={"X-API-Key": SCOPED},
                          json=NEW_INCIDENT | {"organ": "bl-gy"})
    error = assert_error(refused, 403, "forbidden")
    assert error["details"]["field"] == "body.organ" and error["details"]["organ"] == "bl-gy"
    wide = scoped.post("/probe/incidents", headers={"X-API-Key": WIDE},
                       json=NEW_INCIDENT | {"organ": "bl-gy"})
    assert wide.status_code == 200 and wide.json()["organs"] == []


def test_a_correction_is_checked_against_the_stored_organ(scoped: TestClient) -> None:
    stored = scoped.get("/incidents", headers=READER, params={"limit": 100}).json()["items"]
    elsewhere = next(i for i in stored if i["organ"] not in ("bl-al-fy", "other"))
    # The body claims an organ the key covers; the incident corrected belongs to another.
    refused = scoped.post(f"/probe/incidents/{elsewhere['id']}/corrections",
                          headers={"X-API-Key": SCOPED}, json=NEW_INCIDENT)
    error = assert_error(refused, 403, "forbidden")
    assert error["details"]["field"] == "path.incident_id"
    own = next(i for i in stored if i["organ"] == "bl-al-fy")
    allowed = scoped.post(f"/probe/incidents/{own['id']}/corrections",
                          headers={"X-API-Key": SCOPED}, json=NEW_INCIDENT)
    assert allowed.status_code == 200, allowed.text


def test_readers_and_unknown_keys_cannot_record(scoped: TestClient) -> None:
    assert_error(scoped.post("/probe/incidents", headers=READER, json=NEW_INCIDENT),
                 403, "forbidden")
    assert_error(scoped.post("/probe/incidents", headers={"X-API-Key": "nope"},
                             json=NEW_INCIDENT), 401, "unauthorized")


def test_recorded_with_is_hashed_when_set_and_absent_otherwise() -> None:
    base = Incident.model_validate(NEW_INCIDENT | {"id": "i-key"})
    assert "recorded_with" not in incident_payload(base)  # old records hash as before
    keyed = base.model_copy(update={"recorded_with": "0123abcd"})
    assert incident_payload(keyed)["recorded_with"] == "0123abcd"
    with pytest.raises(ValueError, match="recorded_with"):
        IncidentInput.model_validate(NEW_INCIDENT | {"id": "i-key", "recorded_with": "0123abcd"})
    sent = IncidentInput.model_validate(NEW_INCIDENT | {"id": "i-key"})
    assert sent.incident(recorded_with="0123abcd").recorded_with == "0123abcd"


def test_the_incident_routes_record_the_key_and_keep_to_its_organs(scoped: TestClient) -> None:
    key_id = hashlib.sha256(SCOPED.encode()).hexdigest()[:8]
    recorded = scoped.post("/incidents", headers={"X-API-Key": SCOPED},
                           json=NEW_INCIDENT | {"id": "scoped-route-1"})
    assert recorded.status_code == 201, recorded.text
    assert recorded.json()["incident"]["recorded_with"] == key_id
    elsewhere = scoped.post("/incidents", headers={"X-API-Key": SCOPED},
                            json=NEW_INCIDENT | {"id": "scoped-route-2", "organ": "bl-fy"})
    assert_error(elsewhere, 403, "forbidden")
    assert elsewhere.json()["error"]["details"]["field"] == "body.organ"
    assert scoped.get("/incidents/scoped-route-2", headers=READER).status_code == 404


def test_a_correction_records_the_key_and_keeps_the_old_version(scoped: TestClient) -> None:
    """Finding 7: a correction that drops a person from the current record is a new record
    naming the key that made it; the version it replaces stays readable as it was."""
    key = {"X-API-Key": SCOPED}
    key_id = hashlib.sha256(SCOPED.encode()).hexdigest()[:8]
    assert scoped.post("/incidents", headers=key,
                       json=NEW_INCIDENT | {"id": "scoped-cor-1"}).status_code == 201
    corrected = scoped.post("/incidents/scoped-cor-1/corrections", headers=key,
                            json=NEW_INCIDENT | {"id": "scoped-cor-2", "intervener": "p-zhoumy",
                                                 "handler": "p-qiangd"})
    assert corrected.status_code == 201, corrected.text
    assert corrected.json()["incident"]["recorded_with"] == key_id
    assert corrected.json()["incident"]["versions"] == ["scoped-cor-1", "scoped-cor-2"]
    old = scoped.get("/incidents/scoped-cor-1", headers=READER).json()
    assert old["intervener"] == NEW_INCIDENT["intervener"]
    assert old["superseded_by"] == "scoped-cor-2" and old["recorded_with"] == key_id
    integrity = scoped.get("/integrity", headers=READER).json()
    assert integrity["ok"] is True, integrity["problems"][:3]
