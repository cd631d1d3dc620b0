"""The graph commands' functions on a real embedded store in a temporary data dir."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr

from core.errors import BackendError, InputError, NotFoundError
from core.settings import Settings
from graph.schema import Label
from liuhen.graph_commands import ingest_paths, parse_paths, show_article, show_counts
from tests.conftest import R1, R3, REGULATIONS_DIR

BROKEN = """---
title: 坏的规定
---
第一条 第一条的内容。
第三条 跳过了第二条。
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", regulations_dir=REGULATIONS_DIR)


def test_ingest_loads_the_seeds_by_default_and_twice_changes_nothing(
    settings: Settings,
) -> None:
    calls: list[tuple[str, int, int]] = []
    first = ingest_paths(settings, progress_callback=lambda *a: calls.append(a))
    assert first.paths == [REGULATIONS_DIR]
    assert first.errors == [] and len(first.written) == first.parsed == 4
    assert first.counts is not None and first.counts.nodes[Label.ARTICLE] == first.articles
    assert calls[0] == ("parse", 1, 1)
    assert calls[-1][1] == calls[-1][2]  # the last batch completes the total
    second = ingest_paths(settings)
    assert second.written == [] and sorted(second.unchanged) == sorted(first.written)
    assert second.counts == first.counts
    forced = ingest_paths(settings, force=True)
    assert forced.counts == first.counts


def test_show_reads_the_article_from_the_graph(settings: Settings) -> None:
    with pytest.raises(NotFoundError, match="is empty: run `liuhen ingest` first"):
        show_article(settings, "R1", "8")
    ingest_paths(settings, [REGULATIONS_DIR / "r1_leading_cadres_intervention.txt"])
    view = show_article(settings, "R1", "第八条")
    assert view.regulation_title == R1 and view.label == "第八条"
    with pytest.raises(NotFoundError, match="no regulation called 'R3'"):
        show_article(settings, "R3", "1")
    assert show_counts(settings).nodes[Label.REGULATION] >= 1


def test_a_file_that_fails_to_parse_writes_nothing(settings: Settings, tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "broken.txt").write_text(BROKEN, encoding="utf-8")
    (folder / "r3.txt").write_text(
        (REGULATIONS_DIR / "r3_contacts_with_parties_lawyers.txt").read_text("utf-8"),
        encoding="utf-8",
    )
    report = ingest_paths(settings, [folder])
    assert [e.file for e in report.errors] == [str(folder / "broken.txt")]
    assert "out of sequence" in report.errors[0].message
    assert report.written == [R3]
    with pytest.raises(NotFoundError, match="坏的规定"):
        show_article(settings, "坏的规定", "1")


def test_bad_paths_are_named(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or directory") as missing:
        ingest_paths(settings, [tmp_path / "nowhere"])
    assert missing.value.file == str(tmp_path / "nowhere")
    pdf = tmp_path / "law.pdf"
    pdf.write_bytes(b"%PDF")
    with pytest.raises(InputError, match=r"unsupported format '\.pdf'"):
        parse_paths([pdf])


def test_unreachable_neo4j_is_named(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, graph_uri="bolt://127.0.0.1:1",
                        neo4j_password=SecretStr("pw"))
    with pytest.raises(BackendError, match=r"cannot reach Neo4j at bolt://127\.0\.0\.1:1"):
        show_article(settings, "R1", "8")


def test_unknown_graph_uri_is_bad_input(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, graph_uri="mongodb://x")
    with pytest.raises(InputError, match="LIUHEN_GRAPH_URI"):
        show_counts(settings)
