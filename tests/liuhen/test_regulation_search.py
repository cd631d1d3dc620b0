"""Search indexes what the graph store holds: a regulation ingested from any folder is
listed and searched alike, and the index is rebuilt only when the store changes."""

from __future__ import annotations

from pathlib import Path

from core.settings import Settings
from liuhen.graph_commands import ingest_paths
from liuhen.regulations.service import RegulationsService
from tests.conftest import REGULATIONS_DIR

TITLE = "测试法院旁听席管理办法"
TEXT = f"""---
title: {TITLE}
---

《{TITLE}》

第一条 为规范法庭旁听秩序，制定本办法。

第二条 旁听人员不得携带鹦鹉进入法庭。
"""
QUERY = "旁听人员带着鹦鹉进了法庭"


def test_a_regulation_ingested_from_another_folder_is_searched(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", regulations_dir=REGULATIONS_DIR,
                        model="none")
    ingest_paths(settings, [REGULATIONS_DIR])
    with RegulationsService.opened(settings) as regulations:
        seeds_only = regulations.search_index(settings, dense=False)
        again = regulations.search_index(settings, dense=False)
    assert TITLE not in {u.regulation for u in seeds_only.units}
    assert again.report.loaded  # nothing new in the store: the kept index is loaded

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "parrots.txt").write_text(TEXT, "utf-8")
    ingest_paths(settings, [elsewhere])
    with RegulationsService.opened(settings) as regulations:
        listed = {r.title for r in regulations.list_regulations()}
        index = regulations.search_index(settings, dense=False)
    assert TITLE in listed
    assert not index.report.loaded  # the store changed: rebuilt from its documents
    best = index.search(QUERY, top=1)[0]
    assert (best.regulation, best.article_label) == (TITLE, "第二条")
    seed_ids = {u.regulation_id for u in seeds_only.units}
    assert {u.regulation_id for u in index.units} == seed_ids | {best.regulation_id}
