"""The shipped priors (articles, items, verdicts) are the ones `bench/assess_fit.py --write`
fits: on the read situation sets they name, and on every situation in them
(data/eval/README.md says which sets were read; the later ones were not, and must not be
fitted on)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.assess_fit import C_VERDICTS, FILES, READ_THROUGH, read_set_files
from core.settings import REPO_ROOT
from liuhen.records.annotations import ENGINE_FILES


def test_the_read_sets_run_in_order_to_the_last_read_one() -> None:
    names = read_set_files(READ_THROUGH)
    assert names[:4] == ["situations.jsonl", "situations_dev2.jsonl",
                         "situations_dev3.jsonl", "situations_holdout.jsonl"]
    assert names[-1] == f"situations_holdout{READ_THROUGH}.jsonl"
    assert f"situations_holdout{READ_THROUGH + 1}.jsonl" not in names
    assert all((REPO_ROOT / "data/eval" / name).exists() for name in names)


@pytest.mark.parametrize("path", FILES.values(), ids=[p.name for p in FILES.values()])
def test_each_shipped_prior_was_fitted_on_every_situation_of_the_read_sets(path: Path) -> None:
    meta = json.loads(path.read_text("utf-8"))["meta"]
    situations = sum(
        sum(1 for line in (REPO_ROOT / "data/eval" / name).read_text("utf-8").splitlines()
            if line.strip())
        for name in read_set_files(READ_THROUGH))
    assert meta["situations"] == situations
    assert meta["sets"].endswith(f"through holdout{READ_THROUGH}")
    assert meta["fit"] == "bench/assess_fit.py"


def test_the_verdict_prior_knows_the_three_verdicts() -> None:
    raw = json.loads(FILES["verdicts"].read_text("utf-8"))
    assert raw["classes"] == ["lawful", "undetermined", "violation"]
    assert raw["meta"]["C"] == C_VERDICTS


def test_a_refit_of_any_prior_makes_the_stored_assessments_stale() -> None:
    # the annotations' engine version hashes every file the legal answer rests on
    assert set(FILES.values()) <= set(ENGINE_FILES)
