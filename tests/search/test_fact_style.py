"""The fact style (search/fact_style.py): what it drops from a long query, what it subtracts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from core.errors import BackendError
from search.embeddings import HashEmbedder
from search.fact_style import STYLE_FILE, FactStyle, embedder_key, shipped_fact_style


def test_fit_shares_tokens_held_by_enough_facts() -> None:
    tokens = [["被告人", "盗窃", "证实"], ["被告人", "诈骗", "证实", "证实"], ["被告人", "放火"]]
    vectors = np.eye(3, dtype=np.float32)
    style = FactStyle.fit(tokens, "m", vectors, min_share=0.6)
    assert style.shared_tokens == {"被告人", "证实"}
    assert style.content_tokens(["被告人", "盗窃", "盗窃", "证实"]) == ["盗窃", "盗窃"]
    assert np.allclose(style.mean_vectors["m"], [1 / 3, 1 / 3, 1 / 3])


def test_the_mean_is_subtracted_only_for_its_own_model() -> None:
    style = FactStyle(frozenset(), {"m": np.array([1.0, 0.0], dtype=np.float32)})
    vector = np.array([0.6, 0.8], dtype=np.float32)
    assert np.allclose(style.centred(vector, "m"), [-0.4, 0.8])
    assert np.allclose(style.centred(vector, "m", 0.5), [0.1, 0.8])
    assert style.centred(vector, "other model") is vector


def test_round_trip(tmp_path: Path) -> None:
    import json

    style = FactStyle(frozenset({"证实", "#证实"}), {"m": np.array([0.25, -0.5], np.float32)})
    path = tmp_path / "style.json"
    path.write_text(json.dumps(style.to_dict(), ensure_ascii=False), "utf-8")
    again = FactStyle.load(path)
    assert again.shared_tokens == style.shared_tokens
    assert np.array_equal(again.mean_vectors["m"], style.mean_vectors["m"])
    path.write_text("{", "utf-8")
    with pytest.raises(BackendError):
        FactStyle.load(path)


def test_the_shipped_style_is_the_model_s_and_drops_procedure_not_crimes() -> None:
    assert STYLE_FILE.is_file()
    style = shipped_fact_style()
    assert {"上述事实", "证实", "被告人", "公安机关"} <= style.shared_tokens
    assert not {"盗窃", "诈骗", "杀人", "毒品", "受贿"} & style.shared_tokens
    assert all(len(v) == 384 for v in style.mean_vectors.values())
    assert embedder_key(HashEmbedder()) not in style.mean_vectors
