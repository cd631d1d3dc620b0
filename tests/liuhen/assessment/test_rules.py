"""Every rule's quote is verbatim in the unit (article, paragraph, item) its basis names, as
the project's parser reads data/regulations; a bad basis or quote is refused by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from core.errors import InputError
from ingest.models import Regulation
from liuhen.assessment.rules import RULES_FILE, Rulebook, all_rules, load_rulebook, unit_text
from tests.conftest import SEED_FILE, need

RULES = json.loads(RULES_FILE.read_text("utf-8"))
ALL = [r for group in ("provisions", "duties", "obligations", "liability", "protections")
       for r in RULES[group]]


@pytest.mark.parametrize("rule", ALL, ids=[f"{r['id']}" for r in ALL])
def test_quote_is_verbatim_in_its_unit(rule: dict[str, object],
                                       seeds: dict[str, Regulation]) -> None:
    from liuhen.assessment.rules import Basis

    basis = Basis.model_validate(rule["basis"])
    text = unit_text(seeds, basis)
    assert rule["quote"] in text, f"{rule['id']}: {rule['quote']!r} not in {text!r}"


def test_every_quote_is_in_the_seed_file(book: Rulebook) -> None:
    seed = need(SEED_FILE).read_text("utf-8")
    for rule in all_rules(book.rules):
        assert rule.quote in seed, rule.id


def test_conduct_items_are_all_covered(book: Rulebook) -> None:
    """R1 第八条 (一)-(五), R2 第九条 (一)-(五), R3 第五条 (一)-(六) each have a rule."""
    keys = {r.basis.key for r in book.rules.provisions if r.kind == "conduct"}
    wanted = ({f"R1-8-{i}" for i in range(1, 6)} | {f"R2-9-{i}" for i in range(1, 6)}
              | {f"R3-5-{i}" for i in range(1, 7)})
    assert keys == wanted


def test_deadlines_are_only_the_texts_own(book: Rulebook) -> None:
    deadlines = {r.id: r.deadline for r in book.rules.duties if r.deadline}
    assert deadlines == {"R3-7": "三日内", "R3-10-named": "一个月内"}
    for rule in book.rules.duties:
        if rule.deadline:
            assert rule.deadline in rule.quote


def _write(tmp_path: Path, mutate: str, value: object) -> Path:
    raw = json.loads(RULES_FILE.read_text("utf-8"))
    rule = raw["provisions"][0]
    if mutate == "quote":
        rule["quote"] = value
    else:
        rule["basis"][mutate] = value
    path = tmp_path / "rules.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), "utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "value", "message"),
    [
        pytest.param("quote", "任何领导干部都可以要求", "not in the text", id="altered-quote"),
        pytest.param("article", 99, "has no article 99", id="unknown-article"),
        pytest.param("paragraph", 5, "has no paragraph 5", id="unknown-paragraph"),
        pytest.param("item", 3, "has no item 3", id="unknown-item"),
        pytest.param("regulation", "R9", "malformed rules", id="unknown-regulation"),
    ],
)
def test_a_bad_rule_is_refused_by_name(tmp_path: Path, seeds: dict[str, Regulation],
                                       mutate: str, value: object, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        load_rulebook(seeds, path=_write(tmp_path, mutate, value))
    assert "rules.json" in caught.value.message


@pytest.mark.parametrize("rule", RULES["liability"], ids=[r["id"] for r in RULES["liability"]])
def test_a_liability_condition_is_verbatim_in_its_unit(rule: dict[str, object],
                                                       seeds: dict[str, Regulation]) -> None:
    from liuhen.assessment.rules import Basis

    text = unit_text(seeds, Basis.model_validate(rule["basis"]))
    if "造成后果" in text or "构成违纪的" in text:
        # the consequence waits for a condition the text states: it must be carried
        assert rule.get("condition"), rule["id"]
    if rule.get("condition"):
        assert rule["condition"] in text, rule["id"]


def test_liability_marks_which_cited_texts_are_held(book: Rulebook) -> None:
    assert "行政机关公务员处分条例" in book.held_titles
    assert "中国共产党纪律处分条例" not in book.held_titles


def test_r1_article_9_liability_carries_its_condition(book: Rulebook) -> None:
    """R1 第九条 disciplines 第八条's conduct only "造成后果或者恶劣影响的": the answer says so."""
    from liuhen.assessment import Assessor

    result = Assessor(book).assess("副县长打电话给承办法官为被告人说情，要求判缓刑")
    by_article = {(li.basis.alias, li.basis.article): li for li in result.liability}
    assert result.verdict == "violation"
    assert by_article[("R1", 9)].condition == "造成后果或者恶劣影响的"
