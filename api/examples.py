"""Write api/examples.json: one real success response per route, captured from the app over
the seed regulations and the (fictional) example records, lists cut to two entries.

    .venv/bin/python -m api.examples            # with the model settings.model names
    .venv/bin/python -m api.examples --no-model # BM25 only (quicker; scores differ)

tests/api/test_openapi.py checks every route has an example and that each one validates
against the route's response model.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path
from typing import Any

from rich.console import Console

from api.docs import EXAMPLES_FILE
from core.settings import Settings
from liuhen.console import EXAMPLES as CONSOLE_EXAMPLES

NEW_INCIDENT: dict[str, Any] = {
    "id": "i901", "organ": "bl-al-fy", "case": "c01", "stage": "审判",
    "intervener": "p-qiangd", "handler": "p-zhoumy", "channel": "电话",
    "request": "希望对被告人李建军从轻处理", "occurred_at": "2026-08-03T19:30:00",
    "recorded_by": "p-zhoumy", "recorded_at": "2026-08-04T09:00:00",
    "place": "承办法官家中（来电）", "at_workplace": False,
    "description": "副县长钱国栋来电，再次询问案件进展并希望从轻处理。",
    "expected_articles": [{"regulation": "R1", "article": 8, "item": 1}],
}

# Route name -> (method, path, JSON body). Order matters: the correction needs i901.
REQUESTS: dict[str, tuple[str, str, Any]] = {
    "list_regulations": ("GET", "/regulations?limit=2", None),
    "get_regulation": ("GET", "/regulations/R1", None),
    "get_toc": ("GET", "/regulations/行政机关公务员处分条例/toc", None),
    "get_cited_by": ("GET", "/regulations/中国共产党纪律处分条例/cited-by", None),
    "get_regulation_definitions": ("GET", "/regulations/R3/definitions", None),
    "get_article": ("GET", "/regulations/R1/articles/8", None),
    "get_article_citations": ("GET", "/regulations/R1/articles/8/citations", None),
    "get_neighbourhood": ("GET", "/regulations/R1/articles/8/neighbourhood?hops=1&max_nodes=4",
                          None),
    "list_definitions": ("GET", "/definitions?term=司法人员", None),
    "get_duties": ("GET", "/roles/司法人员/duties", None),
    "search": ("GET", "/search?q=法官私下会见当事人的律师并接受宴请&top=2", None),
    "assess": ("POST", "/assess", {
        "query": "县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点"}),
    "applicable": ("POST", "/applicable", {
        "text": "副县长给承办法官打电话，希望对被告人从轻处理，最好判缓刑",
        "intervener_kind": "领导干部", "channel": "电话", "top": 2}),
    "list_incidents": ("GET", "/incidents?organ=bl-al-fy&limit=2", None),
    "record_incident": ("POST", "/incidents", NEW_INCIDENT),
    "correct_incident": ("POST", "/incidents/i901/corrections",
                         NEW_INCIDENT | {"id": "i901-v2", "occurred_at": "2026-08-03T20:10:00"}),
    "get_incident": ("GET", "/incidents/i047-v2", None),
    "incident_articles": ("GET", "/incidents/i012/articles?top=2", None),
    "incident_route": ("GET", "/incidents/i012/route", None),
    "related_incidents": ("GET", "/incidents/i001/related?top=2", None),
    "list_actors": ("GET", "/actors?kind=领导干部&limit=2", None),
    "repeat_interveners": ("GET", "/actors/repeat-interveners?minimum=3", None),
    "get_actor": ("GET", "/actors/p-qiangd", None),
    "actor_incidents": ("GET", "/actors/p-qiangd/incidents?limit=2", None),
    "actor_paths": ("GET", "/actors/p-qiangd/paths/p-zhoumy?limit=1", None),
    "list_organs": ("GET", "/organs?kind=法院&limit=2", None),
    "get_organ": ("GET", "/organs/bl-al-fy", None),
    "organ_hierarchy": ("GET", "/organs/bl-al-fy/hierarchy", None),
    "organ_summary": ("GET", "/organs/bl-al-fy/summary/2026Q3", None),
    "all_organs_summary": ("GET", "/summary/2026Q3", None),
    "integrity": ("GET", "/integrity", None),
    "admin_cypher": ("POST", "/admin/cypher", CONSOLE_EXAMPLES["articles-citing"]["value"]),
    "health": ("GET", "/health", None),
}


def trimmed(value: Any, keep: int = 2) -> Any:
    """Lists cut to ``keep`` entries, all the way down."""
    if isinstance(value, list):
        return [trimmed(v, keep) for v in value[:keep]]
    if isinstance(value, dict):
        return {k: trimmed(v, keep) for k, v in value.items()}
    return value


def relocated(value: Any, folder: str, shown: str = "/srv/留痕") -> Any:
    """The temporary data directory written as a stable, typical one."""
    if isinstance(value, str):
        return value.replace(folder, shown)
    if isinstance(value, list):
        return [relocated(v, folder, shown) for v in value]
    if isinstance(value, dict):
        return {k: relocated(v, folder, shown) for k, v in value.items()}
    return value


def capture(settings: Settings) -> dict[str, Any]:
    """Run every request of REQUESTS against a fresh app and return the responses."""
    from fastapi.testclient import TestClient

    from api.app import create_app
    from api.server import first_start

    first_start(settings, console=Console(stderr=True, quiet=True))
    key = {"X-API-Key": "example-admin"}
    out: dict[str, Any] = {}
    with TestClient(create_app(settings)) as client:
        client.get("/search", params={"q": "预热"})  # wait for the index before /health
        for name, (method, url, body) in REQUESTS.items():
            response = client.request(method, url, json=body, headers=key)
            if response.status_code >= 400:
                raise SystemExit(f"{name}: {method} {url} -> {response.status_code} "
                                 f"{response.text}")
            out[name] = relocated(trimmed(response.json()), str(settings.data_dir))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-model", action="store_true", help="BM25 only")
    parser.add_argument("--out", type=Path, default=EXAMPLES_FILE)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="liuhen-examples-") as folder:
        settings = Settings(data_dir=Path(folder), api_keys={"example-admin": "admin"})
        if args.no_model:
            settings = settings.model_copy(update={"model": "none"})
        examples = capture(settings)
    args.out.write_text(json.dumps(examples, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"wrote {len(examples)} examples to {args.out}")


if __name__ == "__main__":
    main()
