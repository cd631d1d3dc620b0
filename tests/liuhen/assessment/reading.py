"""Helpers shared by the reading tests (test_reading_session*.py)."""

from __future__ import annotations

from liuhen.assessment.models import Assessment


def first_provision(result: Assessment) -> tuple[str, int, int | None]:
    """The first provision an assessment ranks, as (regulation alias, article, item)."""
    first = result.provisions[0]
    return first.alias, first.article, first.item
