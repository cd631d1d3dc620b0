"""The naming rules (core/names.py) that the graph lookup and RegulationLibrary share."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from core.errors import InputError, NotFoundError
from core.names import name_keys, pick_regulation
from tests.conftest import R1


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
