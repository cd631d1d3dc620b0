"""The assessment as it is returned (CLI ``--json``, ``POST /assess``, ``--batch``)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from liuhen.assessment.facts import Facts


class Quoted(BaseModel):
    """Where a claim comes from: the regulation's full title, article, paragraph, item and the
    words quoted verbatim from that unit."""

    regulation: str
    alias: str
    article: int
    paragraph: int | None = None
    item: int | None = None
    quote: str


class Provision(BaseModel):
    regulation: str
    alias: str
    article: int
    paragraph: int | None
    item: int | None
    label: str = Field(description="第八条第（一）项")
    score: float
    quote: str
    status: Literal["violation", "lawful", "undetermined", "context", "search"]
    source: Literal["rule", "search"]


class Duty(BaseModel):
    bearer: str | None
    action: str
    recipient: str | None
    deadline: Literal["三日内", "一个月内"] | None
    timing: str | None = Field(default=None, description="每季度, 及时, 全程: never deadlines")
    basis: Quoted


class Obligation(BaseModel):
    bearer: str
    action: str
    basis: Quoted


class Cited(BaseModel):
    title: str
    held: bool = Field(description="the project holds this text (data/regulations)")


class Liability(BaseModel):
    conduct: str
    consequence: str
    conditional: bool = Field(description="follows only if the missing fact goes against "
                              "the actor (undetermined verdicts)")
    condition: str | None = Field(default=None, description="the text's own condition on "
                                  "the consequence, verbatim (R1 第九条: 造成后果或者恶劣影响的); "
                                  "the conduct alone does not bring it")
    cites: list[Cited]
    basis: Quoted


class Protection(BaseModel):
    bearer: str
    action: str
    basis: Quoted


class Assessment(BaseModel):
    id: str | None = None
    query: str
    verdict: Literal["violation", "lawful", "undetermined"]
    missing_facts: list[str]
    actor_role: str | None
    regimes: list[str]
    provisions: list[Provision]
    duties: list[Duty]
    obligations: list[Obligation]
    liability: list[Liability]
    protections: list[Protection]
    facts: Facts
    reasons: list[str] = Field(description="words the user typed and facts given or inferred")
    quote_coverage: float = Field(description="share of claims carrying a verbatim quote")


Claim = Provision | Duty | Obligation | Liability | Protection


def quote_of(claim: Claim) -> str:
    """The verbatim words a claim rests on."""
    return claim.quote if isinstance(claim, Provision) else claim.basis.quote
