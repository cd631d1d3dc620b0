"""Helpers shared by the reading tests (test_reading_session*.py)."""

from __future__ import annotations

from liuhen.assessment import Assessor
from liuhen.assessment.models import Assessment


def first_provision(result: Assessment) -> tuple[str, int, int | None]:
    """The first provision an assessment ranks, as (regulation alias, article, item)."""
    first = result.provisions[0]
    return first.alias, first.article, first.item


def first_rule(assessor: Assessor, situation: str) -> str:
    """The first provision the assessor ranks for a situation, as R3-5-1 or R1-3."""
    first = assessor.assess(situation).provisions[0]
    return f"{first.alias}-{first.article}" + (f"-{first.item}" if first.item else "")


def conduct_read(assessor: Assessor, situation: str) -> set[str]:
    """The conduct the assessor reads in a situation (plead, leak, ...)."""
    return set(assessor.assess(situation).facts.conduct or [])


def rules_with_status(result: Assessment, status: str) -> set[str]:
    """The provisions of a status the assessment names, as R3-5-1 or R1-8-1."""
    return {f"{p.alias}-{p.article}" + (f"-{p.item}" if p.item else "")
            for p in result.provisions if p.status == status}
