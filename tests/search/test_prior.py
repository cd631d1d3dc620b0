"""The answer prior: fitted from gold answers, falls back to the category, silent without one."""

from __future__ import annotations

from pathlib import Path

from search.prior import PRIOR_FILE, AnswerPrior, fit_prior

SIZES = [
    ("中华人民共和国民法典", "民法典", 1260),
    ("中华人民共和国刑法", "刑法", 500),
    ("某部门规章", "部门规章", 40),
    ("另一部门规章", "部门规章", 400),
    ("测试规定甲", "", 10),  # no category: outside LawRefBook's layout
]


def test_answered_regulations_rank_above_unanswered() -> None:
    prior = fit_prior(SIZES, ["民法典"] * 8 + ["《中华人民共和国刑法》"] * 2 + ["测试规定甲"] * 5)
    assert prior.of("中华人民共和国民法典", "民法典") == 1.0  # titles are normalised
    assert prior.of("民法典", "民法典") == 1.0
    assert prior.of("中华人民共和国刑法", "刑法") > prior.of("某部门规章", "部门规章")
    # Unanswered: a larger regulation was expected to answer more, so it gets less.
    assert prior.of("某部门规章", "部门规章") > prior.of("另一部门规章", "部门规章") == 0.0
    # Answers for a regulation without a category are not counted anywhere.
    assert prior.of("测试规定甲", "") == 0.0
    assert set(prior.categories) == {"民法典", "刑法", "部门规章"}


def test_unseen_regulation_takes_its_category() -> None:
    prior = fit_prior(SIZES, ["民法典"] * 3 + ["某部门规章"])
    assert prior.of("新的部门规章", "部门规章") == prior.categories["部门规章"]
    assert prior.of("新的部门规章", "") == 0.0
    assert prior.of("新的部门规章", "未知类别") == 0.0


def test_round_trip_and_missing_file(tmp_path: Path) -> None:
    prior = fit_prior(SIZES, ["民法典", "中华人民共和国刑法"])
    path = tmp_path / "prior.json"
    path.write_text(prior.to_json("test"), "utf-8")
    assert AnswerPrior.load(path) == prior
    assert AnswerPrior.load(tmp_path / "absent.json") == AnswerPrior()
    assert fit_prior(SIZES, []) == AnswerPrior()


def test_shipped_prior_favours_the_civil_code() -> None:
    assert PRIOR_FILE.is_file()
    prior = AnswerPrior.load()
    assert prior.of("中华人民共和国民法典", "民法典") == 1.0
    assert all(0.0 <= v <= 1.0 for v in (*prior.regulations.values(), *prior.categories.values()))
