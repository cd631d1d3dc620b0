"""Readings of the seed the engine got wrong (session 36), each with its control.

- R1 第八条第（一）项: a party's relative who goes to a cadre to 求情 asks him to plead; the cadre
  who says 不能插手 and contacts no one did nothing of 第八条, the one who calls the court the
  next day pleads.

Every sentence is written for the test, not taken from any situation set."""

from __future__ import annotations

from liuhen.assessment import Assessor
from tests.liuhen.assessment.reading import first_rule

ASKED = "被告人的舅舅去找县长求情，"


def test_a_cadre_asked_to_plead_who_will_not_interfere(assessor: Assessor) -> None:
    refused = ASKED + "县长说这事他不能插手，让家属请律师依法辩护。县长此后没有联系过法院任何人。"
    result = assessor.assess(refused)
    assert result.actor_role == "领导干部"
    assert result.verdict == "lawful"
    assert first_rule(assessor, refused) == "R1-8-1"


def test_a_cadre_asked_to_plead_who_calls_the_court(assessor: Assessor) -> None:
    done = ASKED + "县长第二天就给法院院长打了电话。"
    result = assessor.assess(done)
    assert result.actor_role == "领导干部"
    assert result.verdict == "violation"
    assert first_rule(assessor, done) == "R1-8-1"
