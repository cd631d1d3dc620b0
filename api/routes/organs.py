"""Organs: list, one organ, where it stands in the hierarchy, and its quarterly summary
(R1 第七条第一款, R3 第十三条) as JSON and as a PNG chart. Never public."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from api.auth import Reader
from api.deps import RecordsDep
from api.docs import READ
from api.errors import error_responses
from ingest.records import Level, OrganKind
from liuhen.records.views import MAX_PAGE, Hierarchy, OrganDetail, OrganPage
from liuhen.summary import QuarterlySummary

router = APIRouter(tags=["organs"])

OrganId = Annotated[str, Path(min_length=1, max_length=100, description="organ id",
                              examples=["bl-al-fy"])]
Quarter = Annotated[str, Path(pattern=r"^(19|20|21)[0-9]{2}-?[Qq][1-4]$", description="2026Q3",
                              examples=["2026Q3"])]
_PNG: dict[str, Any] = {
    "content": {"image/png": {"schema": {"type": "string", "format": "binary"}}},
    "description": "柱状图（按条款项、办案环节、干预人类别、层级）",
}
Region = Annotated[bool, Query(description="the whole region: every organ under the organ's "
                                            "党委 and the 党委s below it")]


@router.get("/organs", response_model=OrganPage, summary="机关列表",
            responses=error_responses(*READ))
def list_organs(
    role: Reader, records: RecordsDep,
    kind: OrganKind | None = None,
    level: Level | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
) -> OrganPage:
    """Organs by id, filtered by kind and level."""
    return records.list_organs(kind=kind, level=level, limit=limit, offset=offset)


@router.get("/organs/{organ_id}", response_model=OrganDetail, summary="一个机关",
            responses=error_responses(404, *READ))
def get_organ(role: Reader, records: RecordsDep, organ_id: OrganId) -> OrganDetail:
    """An organ with its superior, party committee, and how many staff, cases, incidents."""
    return records.organ(organ_id)


@router.get("/organs/{organ_id}/hierarchy", response_model=Hierarchy,
            summary="机关的上下级和同级机关", responses=error_responses(404, *READ))
def organ_hierarchy(role: Reader, records: RecordsDep, organ_id: OrganId) -> Hierarchy:
    """The organ's superiors up to 中央, its subordinates, its same-level party committee
    and the organs beside it (政法委, 纪委监委, 组织部门 …)."""
    return records.organ_hierarchy(organ_id)


@router.get("/organs/{organ_id}/summary/{quarter}", response_model=QuarterlySummary,
            summary="季度汇总", responses=error_responses(400, 404, *READ))
def organ_summary(role: Reader, records: RecordsDep, organ_id: OrganId,
                  quarter: Quarter, region: Region = False) -> QuarterlySummary:
    """What the organ sends each quarter (R1 第七条第一款, R3 第十三条) to the same-level
    党委政法委 and its superior judicial organ, per regulation: violations listed, the
    undetermined and lawful apart, R2 noted (its 纪检监察部门 summarises, R2 第八条). The text
    sets no day (每季度): a quarter that has not ended is refused (400). With ``region``: every
    organ under the organ's 党委 (a province, a city, a county) and the 党委s below it, each of
    which reports its own (no recipients)."""
    return records.quarterly(quarter, organ=organ_id, region=region)


@router.get("/organs/{organ_id}/summary/{quarter}/chart", response_class=Response,
            summary="季度汇总图（PNG）",
            responses=error_responses(404, *READ) | {200: _PNG})
def organ_summary_chart(role: Reader, records: RecordsDep, organ_id: OrganId,
                        quarter: Quarter, region: Region = False) -> Response:
    """The quarterly summary drawn in Chinese (PNG), titled with the organ's name."""
    return Response(records.quarterly_chart(quarter, organ=organ_id, region=region),
                    media_type="image/png")


@router.get("/summary/{quarter}", response_model=QuarterlySummary, summary="全部机关的季度汇总",
            responses=error_responses(*READ))
def all_organs_summary(role: Reader, records: RecordsDep,
                       quarter: Quarter) -> QuarterlySummary:
    """The quarterly summary over every organ's incidents."""
    return records.quarterly(quarter)


@router.get("/summary/{quarter}/chart", response_class=Response,
            summary="全部机关的季度汇总图（PNG）",
            responses=error_responses(*READ) | {200: _PNG})
def all_organs_summary_chart(role: Reader, records: RecordsDep, quarter: Quarter) -> Response:
    """The quarterly summary over every organ, drawn in Chinese (PNG)."""
    return Response(records.quarterly_chart(quarter), media_type="image/png")
