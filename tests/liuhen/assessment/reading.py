"""Helpers shared by the reading tests (test_reading_session*.py)."""

from __future__ import annotations

from liuhen.assessment.models import Assessment


def first_provision(result: Assessment) -> tuple[str, int, int | None]:
    """The first provision an assessment ranks, as (regulation alias, article, item)."""
    first = result.provisions[0]
    return first.alias, first.article, first.item


def rules_with_status(result: Assessment, status: str) -> set[str]:
    """The provisions of a status the assessment names, as R3-5-1 or R1-8-1."""
    return {f"{p.alias}-{p.article}" + (f"-{p.item}" if p.item else "")
            for p in result.provisions if p.status == status}
