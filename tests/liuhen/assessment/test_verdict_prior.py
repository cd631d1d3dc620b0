"""The character n-gram priors compute their features as scikit-learn's TfidfVectorizer fitted them
(so that serving needs no scikit-learn), the shipped verdict prior is a distribution over the
three verdicts, and a broken file is named in its error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from core.errors import InputError
from liuhen.assessment.prior import NgramPrior
from liuhen.assessment.verdict_prior import VERDICTS, load_verdict_prior
from tests.conftest import SEED_FILE, need


def _sentences() -> list[str]:
    text = need(SEED_FILE).read_text("utf-8")
    return [s for s in text.replace("\n", "。").split("。") if len(s) > 8][:200]


@pytest.mark.parametrize("text", [
    "县委书记给承办法官打电话，说被告人是他朋友的儿子，希望判轻一点",
    "法官  周末在商场\n\n偶遇本案被告的代理律师，第二天就向纪检监察部门报告了",
    "ABC公司的律师Wang送来购物卡",  # upper case is folded, as the fit folded it
    "",
])
def test_the_features_are_scikit_learns(text: str) -> None:
    sentences = _sentences()
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True,
                                 min_df=2, max_features=3000, dtype=np.float64)
    vectorizer.fit(sentences)
    width = len(vectorizer.idf_)
    prior = NgramPrior(list(VERDICTS), dict(vectorizer.vocabulary_), vectorizer.idf_,
                       np.zeros((3, width)), np.zeros(3), 3)
    expected = vectorizer.transform([text]).toarray()[0]
    columns, values = prior.features(text)
    got = np.zeros(width)
    got[columns] = values
    assert np.allclose(got, expected, atol=1e-12)
    if text:
        assert np.count_nonzero(expected) > 0


def test_the_shipped_prior_is_a_distribution_over_the_verdicts() -> None:
    prior = load_verdict_prior()
    assert prior is not None and sorted(prior.classes) == sorted(VERDICTS)
    probabilities = prior.probabilities("法官收下了当事人送的购物卡")
    assert set(probabilities) == set(VERDICTS)
    assert abs(sum(probabilities.values()) - 1.0) < 1e-9
    assert all(0.0 <= p <= 1.0 for p in probabilities.values())


@pytest.mark.parametrize("content", [
    pytest.param('{"classes": ["lawful", "undetermined", "violation"], "ngrams": ["a"],'
                 ' "idf": [1.0], "coef": [[0.0]], "intercept": [0, 0, 0], "longest": 3}',
                 id="weights-do-not-match"),
    pytest.param('{"classes": ["lawful", "violation"], "ngrams": [], "idf": [],'
                 ' "coef": [[], []], "intercept": [0, 0], "longest": 3}', id="two-verdicts"),
    pytest.param('{"classes": []}', id="no-ngrams"),
    pytest.param("[1, 2]", id="not-an-object"),
    pytest.param("{", id="not-json"),
])
def test_a_broken_verdict_prior_is_named_in_its_error(tmp_path: Path, content: str) -> None:
    broken = tmp_path / "verdict_prior.json"
    broken.write_text(content, "utf-8")
    with pytest.raises(InputError) as raised:
        load_verdict_prior(broken)
    assert str(broken) in str(raised.value)
    assert "verdict prior" in str(raised.value)
