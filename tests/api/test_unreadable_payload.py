"""One unreadable stored payload (issue 12, finding 9): an incident's record edited by hand so
that it no longer reads back fails only the routes that must show that incident, with its id,
never every incident, actor and organ route; lists leave it out and name it."""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from api.state import Services
from graph.queries import Query
from tests.api.conftest import READER, assert_error

BREAK = Query("test_break_payload", "MATCH (i:Incident {id: $id}) SET i.payload = $payload",
              ("id", "payload"), readonly=False)
DAMAGED = "i001"  # p-qiangd intervened in it, at bl-al-fy


def all_pages(client: TestClient, **params: Any) -> tuple[list[str], list[str]]:
    """Every page of /incidents: the ids listed and the ids named unreadable."""
    listed: list[str] = []
    unreadable: list[str] = []
    while True:
        response = client.get("/incidents", headers=READER, params=params)
        assert response.status_code == 200, response.text
        page = response.json()
        listed += [item["id"] for item in page["items"]]
        unreadable += page["unreadable"]
        if page["next"] is None:
            return listed, unreadable
        params["after"] = page["next"]


def test_one_unreadable_payload_fails_only_its_own_routes(writer: TestClient) -> None:
    before, none = all_pages(writer, limit=7)
    assert none == [] and DAMAGED in before
    services: Services = writer.app.state.services  # type: ignore[attr-defined]
    services.store.write(BREAK, {"id": DAMAGED, "payload": "not json {"})

    # Lists page on past it and name it, whatever the page size puts around it.
    for limit in (1, 7, 100):
        listed, unreadable = all_pages(writer, limit=limit)
        assert unreadable == [DAMAGED]
        assert listed == [i for i in before if i != DAMAGED]
    organ, unreadable = all_pages(writer, organ="bl-al-fy")
    assert unreadable == [DAMAGED] and organ
    mine = writer.get("/actors/p-qiangd/incidents", headers=READER)
    assert mine.status_code == 200, mine.text
    assert mine.json()["unreadable"] == [DAMAGED]
    assert mine.json()["incidents"] and DAMAGED not in {i["incident"]
                                                        for i in mine.json()["incidents"]}

    # Its own routes say which record, in the error shape, and not "unavailable" (a 503
    # invites a retry that cannot mend it).
    for path in (f"/incidents/{DAMAGED}", f"/incidents/{DAMAGED}/articles",
                 f"/incidents/{DAMAGED}/route"):
        error = assert_error(writer.get(path, headers=READER), 500, "damaged_record")
        assert DAMAGED in error["message"] and error["details"]["record_id"] == DAMAGED

    # Everything else answers as before.
    for path in ("/incidents/i002", "/incidents/i002/articles", "/incidents/i002/route",
                 f"/incidents/{DAMAGED}/related", "/incidents/i002/related", "/actors",
                 "/actors/p-qiangd", "/actors/repeat-interveners",
                 "/actors/p-qiangd/paths/p-zhoumy", "/organs", "/organs/bl-al-fy",
                 "/organs/bl-al-fy/hierarchy", "/summary/2026Q3", "/health"):
        response = writer.get(path, headers=READER)
        assert response.status_code == 200, (path, response.text[:300])
    integrity = writer.get("/integrity", headers=READER).json()
    assert ("altered", DAMAGED) in {(p["kind"], p["record_id"]) for p in integrity["problems"]}
