"""A screenshot of each page; into docs/screenshots with LIUHEN_SCREENSHOTS=1 (then look at
them: Chinese must render, no boxes), else into a temporary folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.settings import REPO_ROOT
from tests.web.conftest import Browsing

PAGES = [
    ("search", None, "/ui/search?q=副县长给承办法官打电话，希望对被告人从轻处理"),
    ("regulations", None, "/ui/regulations"),
    ("toc", None, "/ui/regulations/R1"),
    ("article", None, "/ui/regulations/R1/articles/9"),
    ("login", None, "/ui/login"),
    ("incidents", "reader-key", "/ui/incidents?organ=bl-al-fy"),
    ("incident", "reader-key", "/ui/incidents/i001"),
    ("incident-form", "recorder-key", "/ui/incidents/new?organ=bl-al-fy"),
    ("actors", "reader-key", "/ui/actors"),
    ("actor", "reader-key", "/ui/actors/p-qiangd"),
    ("paths", "reader-key", "/ui/paths?a=钱国栋&b=周明远"),
    ("organs", "reader-key", "/ui/organs"),
    ("organ", "reader-key", "/ui/organs/bl-al-fy?quarter=2026Q3"),
    ("forbidden", "reader-key", "/ui/incidents/new"),
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if os.environ.get("LIUHEN_SCREENSHOTS") == "1":
        out = REPO_ROOT / "docs/screenshots"
        out.mkdir(parents=True, exist_ok=True)
        return out
    return tmp_path_factory.mktemp("screenshots")


@pytest.mark.parametrize(("name", "key", "path"),
                         [pytest.param(*p, id=p[0]) for p in PAGES])
def test_screenshot(web: Browsing, folder: Path, name: str, key: str | None,
                    path: str) -> None:
    if key:
        web.login(key)
    web.go(path)
    web.page.evaluate("document.fonts.ready.then(() => true)")
    web.page.wait_for_load_state("networkidle")
    target = folder / f"{name}.png"
    web.page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 10_000
