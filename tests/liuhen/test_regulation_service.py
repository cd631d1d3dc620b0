"""The naming rules the graph lookup shares with RegulationLibrary, and the service's own
argument checks. The service over a real store is tested by the graph contract
(tests/graph/contract.py), once per backend."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from core.errors import InputError, NotFoundError
from core.names import name_keys, pick_regulation
from ingest.library import RegulationLibrary
from liuhen.regulation_service import RegulationSummary
from tests.conftest import R1, R2


@dataclass
class Named:
    id: str
    title: str
    short_title: str = ""
    aliases: list[str] = field(default_factory=list)
    version_date: str = ""


CRIMINAL_1997 = Named("刑法@1997-03-14", "中华人民共和国刑法", version_date="1997-03-14")
CRIMINAL_2020 = Named("刑法@2020-12-26", "中华人民共和国刑法", version_date="2020-12-26")
CRIMINAL_PROCEDURE = Named("刑事诉讼法@2018-10-26", "中华人民共和国刑事诉讼法",
                           version_date="2018-10-26")
SEED = Named(R1, R1, aliases=["R1"])


def test_name_keys_are_normalised() -> None:
    assert name_keys(CRIMINAL_2020) == {"刑法", "刑法@2020-12-26"}
    assert name_keys(SEED) == {R1, "R1"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("《中华人民共和国刑法》", CRIMINAL_2020, id="title-newest-version"),
        pytest.param("刑法@1997-03-14", CRIMINAL_1997, id="id-picks-a-version"),
        pytest.param("刑法(1997-03-14)", CRIMINAL_2020, id="file-name-date-is-dropped"),
        pytest.param("刑事诉讼", CRIMINAL_PROCEDURE, id="part-of-a-title"),
        pytest.param("R1", SEED, id="alias"),
        pytest.param(" r1 ".upper(), SEED, id="alias-with-space"),
    ],
)
def test_pick_regulation(name: str, expected: Named) -> None:
    candidates = [CRIMINAL_1997, CRIMINAL_2020, CRIMINAL_PROCEDURE, SEED]
    assert pick_regulation(name, candidates) is expected


def test_pick_regulation_errors() -> None:
    candidates = [CRIMINAL_2020, CRIMINAL_PROCEDURE]
    with pytest.raises(InputError, match="names several regulations"):
        pick_regulation("刑", candidates)
    with pytest.raises(NotFoundError, match="no regulation called '民法'"):
        pick_regulation("民法", candidates)
    with pytest.raises(InputError, match="empty regulation name"):
        pick_regulation(" 《》 ", candidates)


def test_library_and_graph_rows_follow_the_same_rules(library: RegulationLibrary) -> None:
    rows = [
        RegulationSummary(id=r.id, title=r.title, title_key=r.normalized_title,
                          short_title=r.short_title, aliases=list(r.aliases),
                          version_date=r.version_date)
        for r in library.regulations
    ]
    for name in ("R1", "R2", R2, "接触交往", "公务员处分"):
        assert pick_regulation(name, rows).id == library.find(name).id
