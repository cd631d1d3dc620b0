from __future__ import annotations

from pathlib import Path

import pytest

from core.errors import InputError
from search.evaluate import EvalQuery, ModeResult, first_match, gold_keys, load_queries


def test_titles_match_after_normalisation() -> None:
    query = EvalQuery.model_validate({
        "id": "q", "query": "x",
        "gold": [{"regulation": "最高人民法院关于适用《中华人民共和国民法典》有关担保制度的解释",
                  "article": 44},
                 {"regulation": "中华人民共和国民法典(2020-05-28)", "article": 454}],
    })
    keys = gold_keys(query)
    assert ("最高人民法院关于适用民法典有关担保制度的解释", 44, 0) in keys
    assert ("民法典", 454, 0) in keys
    assert first_match([("民法典", 1, 0), ("民法典", 454, 0)], keys) == 2
    assert first_match([("民法典", 454, 1)], keys) is None  # 第X条之一 is another article


def test_metrics() -> None:
    result = ModeResult(ranks=[1, 3, None, 50], item_hits=[True, False])
    summary = result.summary()
    assert summary["recall@1"] == 0.25 and summary["recall@3"] == 0.5
    assert summary["recall@100"] == 0.75
    assert summary["mrr"] == pytest.approx((1 + 1 / 3 + 1 / 50) / 4, abs=1e-4)
    assert summary["item_accuracy"] == 0.5


def test_bad_record_names_file_line_and_field(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "query": "x", "gold": [{"regulation": "R", "article": 1}]}\n'
                    '{"id": "b", "query": "x", "gold": [{"regulation": "R"}]}\n', "utf-8")
    with pytest.raises(InputError) as error:
        load_queries(path)
    assert error.value.line == 2 and error.value.field == "gold.0.article"
    with pytest.raises(InputError, match="no queries"):
        (tmp_path / "empty.jsonl").write_text("\n")
        load_queries(tmp_path / "empty.jsonl")
