"""Headers, cookies, CSRF and roles of the pages, without a browser (TestClient)."""

from __future__ import annotations

import re
import time
from dataclasses import replace

from fastapi.testclient import TestClient

from web.security import COOKIE, CSP, SESSION_SECONDS, Session

NEW = {"id": "s-new-1", "organ": "bl-al-fy", "case": "c01", "stage": "审判",
       "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
       "request": "希望对被告人从轻处理", "occurred_at": "2026-08-03T19:30",
       "recorded_by": "p-zhoumy", "recorded_at": "2026-08-04T09:00"}


def csrf(client: TestClient, path: str = "/ui/login") -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).text)
    assert found, path
    return found.group(1)


def login(client: TestClient, key: str) -> None:
    client.cookies.clear()
    response = client.post("/ui/login", data={"csrf_token": csrf(client), "api_key": key,
                                              "next": "/ui/"}, follow_redirects=False)
    assert response.status_code == 303, response.text


def test_pages_carry_the_policy_and_the_api_keeps_its_paths(client: TestClient) -> None:
    for path in ("/ui/", "/ui/regulations/R1/articles/8", "/ui/static/style.css",
                 "/ui/login", "/ui/no-such-page"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CSP, path
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
    assert "'unsafe-inline'" not in CSP and "http" not in CSP
    assert client.get("/ui/no-such-page").status_code == 404
    api = client.get("/regulations/R1/articles/8")
    assert api.headers["content-type"] == "application/json"
    assert "content-security-policy" not in api.headers  # /docs needs its own scripts
    assert client.get("/", follow_redirects=False).headers["location"] == "/ui/"
    assert client.get("/nothing-here").json()["error"]["code"] == "not_found"


def test_the_session_cookie_is_httponly_strict_signed_and_expiring(
    client: TestClient,
) -> None:
    client.cookies.clear()
    assert "set-cookie" not in client.get("/ui/").headers  # no form: no session needed
    header = client.get("/ui/login").headers["set-cookie"]
    assert header.startswith(f"{COOKIE}=")
    parts = {p.strip().split("=")[0].lower() for p in header.split(";")}
    assert {"httponly", "max-age", "path"} <= parts
    assert "samesite=strict" in header.lower()
    assert f"max-age={SESSION_SECONDS}" in header.lower()
    login(client, "recorder-key")
    value = client.cookies[COOKIE]
    session = Session.decode(value)
    assert session is not None and session.role == "recorder"
    assert "recorder-key" not in value  # a fingerprint, never the key
    assert client.get("/ui/incidents/new").status_code == 200
    payload, signature = value.rsplit(".", 1)
    client.cookies.clear()
    client.cookies.set(COOKIE, payload + "." + "0" * len(signature))
    assert "/ui/login" in client.get("/ui/incidents/new", follow_redirects=False) \
        .headers["location"]
    old = replace(session, issued=time.time() - SESSION_SECONDS - 1)
    client.cookies.clear()
    client.cookies.set(COOKIE, old.encode())
    assert client.get("/ui/incidents", follow_redirects=False).status_code == 303


def test_writing_forms_need_the_csrf_token(client: TestClient) -> None:
    client.cookies.clear()
    refused = client.post("/ui/login", data={"api_key": "recorder-key"},
                          follow_redirects=False)
    assert refused.status_code == 403
    login(client, "recorder-key")
    token = csrf(client, "/ui/incidents/new")
    assert f'value="{token}"' in client.get("/ui/incidents/i001/correct").text
    no_token = client.post("/ui/incidents/new", data=NEW)
    assert no_token.status_code == 403
    wrong = client.post("/ui/incidents/new", data=NEW | {"csrf_token": "0" * 64})
    assert wrong.status_code == 403
    assert client.get("/ui/incidents/s-new-1").status_code == 404  # nothing recorded
    done = client.post("/ui/incidents/new", data=NEW | {"csrf_token": token},
                       follow_redirects=False)
    assert done.status_code == 303
    assert done.headers["location"] == "/ui/incidents/s-new-1?recorded=1"
    assert client.post("/ui/logout", data={}).status_code == 403
    # a token from before login is worthless after it (the session is new)
    before = csrf(client, "/ui/login")
    login(client, "recorder-key")
    assert client.post("/ui/incidents/new", data=NEW | {"csrf_token": before}) \
        .status_code == 403


def test_a_reader_gets_403_pages_for_recorder_forms(client: TestClient) -> None:
    login(client, "reader-key")
    token = csrf(client, "/ui/")
    for method, path in (("GET", "/ui/incidents/new"), ("GET", "/ui/incidents/i001/correct"),
                         ("POST", "/ui/incidents/new"),
                         ("POST", "/ui/incidents/i001/correct")):
        response = client.request(method, path, data=NEW | {"csrf_token": token}
                                  if method == "POST" else None)
        assert response.status_code == 403, path
        assert "无权访问" in response.text and "incident-form" not in response.text
    client.cookies.clear()
    assert client.get("/ui/actors", follow_redirects=False).status_code == 303


def test_user_text_is_escaped(client: TestClient) -> None:
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    response = client.post("/incidents", json=NEW | {"id": "s-xss-1", "request": payload,
                                                     "place": payload},
                           headers={"X-API-Key": "recorder-key"})
    assert response.status_code == 201, response.text
    login(client, "reader-key")
    for path in ("/ui/incidents/s-xss-1", "/ui/incidents?organ=bl-al-fy",
                 "/ui/actors/p-qiangd"):
        html = client.get(path).text
        assert payload not in html, path
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, path
    assert "&lt;script&gt;" in client.get("/ui/search", params={"q": payload}).text


def test_login_goes_only_to_pages_of_the_site(client: TestClient) -> None:
    client.cookies.clear()
    for target in ("//evil.example/x", "https://evil.example/", "/ui\\..\\x", "/docs"):
        response = client.post("/ui/login", data={"csrf_token": csrf(client),
                                                  "api_key": "reader-key", "next": target},
                               follow_redirects=False)
        assert response.headers["location"] == "/ui/", target


def test_a_removed_key_ends_its_sessions(client: TestClient) -> None:
    login(client, "admin-key")
    assert client.get("/ui/incidents").status_code == 200
    settings = client.app.state.settings  # type: ignore[attr-defined]
    keys = dict(settings.api_keys)
    try:
        settings.api_keys = {k: v for k, v in keys.items() if k != "admin-key"}
        assert client.get("/ui/incidents", follow_redirects=False).status_code == 303
    finally:
        settings.api_keys = keys
