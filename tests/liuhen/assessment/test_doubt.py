"""The verdict prior withholds a verdict it doubts and never makes one. The findings are the real
rules' on the real extractor's facts; the prior's probabilities are set by hand, so each test
says which side of a threshold it is on (both texts are long enough to be doubted)."""

from __future__ import annotations

import pytest

from liuhen.assessment import Assessor, consequences, doubt
from liuhen.assessment import missing_facts as unknown
from liuhen.assessment.doubt import withhold
from liuhen.assessment.facts import Facts
from liuhen.assessment.open_questions import facts_holding
from liuhen.assessment.rules import Rulebook
from liuhen.assessment.verdict import Findings, judge
from tests.conftest import SEED_FILE, need

LEAK = ("执行法官把下周二强制腾房的时间提前发短信告诉了被执行人的弟弟，被执行人当晚就把屋里值钱的"
        "东西搬走了，腾房那天屋里只剩几件旧家具。")
REFUSED_PLEA = ("被告人的舅舅去找县长求情，县长说这事他不能插手，让家属请律师依法辩护。"
                "此后县长没有联系过法院任何人。")

UNKNOWN_CALLER = ("有人打电话问案子的事，问完就挂了。没说自己是谁，也没说是替谁问的，"
                  "来电号码查不到登记信息，办案人员把通话内容记了下来。")


def _read(assessor: Assessor, text: str) -> tuple[Facts, Findings]:
    assert len(text) >= doubt.MIN_CHARS
    facts = assessor.extractor.extract(text).facts
    return facts, judge(facts)


def _withhold(facts: Facts, findings: Findings,
              verdicts: dict[str, float]) -> tuple[Findings, str | None]:
    return withhold(facts, findings, verdicts, doubt.MIN_CHARS)


def test_a_doubted_violation_waits_on_the_facts_its_provision_turns_on(
        assessor: Assessor, book: Rulebook) -> None:
    facts, findings = _read(assessor, LEAK)
    assert findings.verdict == "violation"
    withheld, reason = _withhold(facts, findings,
                                 {"violation": 0.1, "lawful": 0.6, "undetermined": 0.3})
    assert withheld.verdict == "undetermined"
    leak = next(f for f in withheld.items if f.rule == "R3-5-1")
    assert leak.status == "undetermined"
    # the one who acted is named (a judicial officer): only the counterpart is waited on
    assert facts_holding("R3-5-1", "violation") == [unknown.JUDICIAL_DUTY, unknown.COUNTERPART]
    assert leak.missing == [unknown.COUNTERPART]
    assert unknown.COUNTERPART in withheld.missing
    # no violation's duty or liability is stated as settled
    assert "R3.violation" not in withheld.triggers
    assert all(item.conditional for item in consequences.liability(book, withheld))
    assert reason == f"withheld: violation (probability 0.10 < {doubt.VIOLATION_DOUBT:g})"


def test_the_withheld_finding_keeps_its_quote(assessor: Assessor, book: Rulebook) -> None:
    facts, findings = _read(assessor, LEAK)
    withheld, _ = _withhold(facts, findings, {"violation": 0.0})
    quote = book.provision("R3-5-1").quote
    assert quote.startswith("泄露司法机关办案工作秘密")
    assert quote in need(SEED_FILE).read_text("utf-8")
    assert [f.rule for f in withheld.items] == [f.rule for f in findings.items]


def test_a_violation_the_prior_finds_likely_stands(assessor: Assessor) -> None:
    facts, findings = _read(assessor, LEAK)
    kept, reason = _withhold(facts, findings, {"violation": doubt.VIOLATION_DOUBT + 0.01})
    assert kept.verdict == "violation" and reason is None


def test_a_doubted_lawful_verdict_waits(assessor: Assessor) -> None:
    facts, findings = _read(assessor, REFUSED_PLEA)
    assert findings.verdict == "lawful"
    withheld, reason = _withhold(facts, findings, {"lawful": 0.01, "violation": 0.9})
    assert withheld.verdict == "undetermined"  # never the violation the prior prefers
    assert withheld.missing and reason is not None and reason.startswith("withheld: lawful")
    kept, _ = _withhold(facts, findings, {"lawful": doubt.LAWFUL_DOUBT + 0.01})
    assert kept.verdict == "lawful"


def test_the_prior_never_makes_a_verdict_the_rules_did_not(assessor: Assessor) -> None:
    facts, findings = _read(assessor, UNKNOWN_CALLER)
    assert findings.verdict == "undetermined"
    for verdicts in ({"violation": 0.99}, {"lawful": 0.99}, {"violation": 0.0, "lawful": 0.0}):
        assert _withhold(facts, findings, verdicts)[0] is findings


def test_too_few_words_are_not_doubted(assessor: Assessor) -> None:
    short = "法官收下了当事人送的购物卡。"
    facts = assessor.extractor.extract(short).facts
    findings = judge(facts)
    assert findings.verdict == "violation"
    assert withhold(facts, findings, {"violation": 0.0}, len(short))[0] is findings
    assert withhold(facts, findings, {"violation": 0.0}, doubt.MIN_CHARS)[0].verdict == \
        "undetermined"


def test_the_engine_withholds_only_what_it_read_from_words(
        full_assessor: Assessor, monkeypatch: pytest.MonkeyPatch) -> None:
    assert full_assessor.verdict_prior is not None  # the shipped data/legal/verdict_prior.json
    monkeypatch.setattr(doubt, "VIOLATION_DOUBT", 1.01)  # every violation doubted
    read = full_assessor.assess(LEAK)
    assert read.verdict == "undetermined"
    assert "withheld: violation (probability" in read.reasons[-1]
    assert unknown.COUNTERPART in read.missing_facts
    given = full_assessor.assess(LEAK, facts=Facts(conduct=["leak"]))
    assert given.verdict == "violation"  # a caller's facts are established, not a reading


def test_the_rules_alone_use_no_learned_model(full_assessor: Assessor) -> None:
    alone = Assessor(full_assessor.book, full_assessor.index, learned=False)
    assert (alone.prior, alone.item_prior, alone.verdict_prior) == (None, None, None)
    assert full_assessor.prior is not None and full_assessor.verdict_prior is not None
    assert alone.assess(LEAK).verdict == "violation"
