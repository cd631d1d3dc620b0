"""The passage vectors mapped read-only from ``vectors.f32.npy`` (search/vector_file.py),
so that the workers of ``liuhen serve --workers N`` share one copy: the same numbers as the
float16 file widened in memory, and the same rankings on the dev questions, hit for hit."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path

import numpy as np
import pytest

from core.settings import REPO_ROOT
from search.embeddings import HashEmbedder
from search.index import SearchIndex, open_index
from search.vector_file import FULL_NAME, HALF_NAME, load_vectors

SEEDS = REPO_ROOT / "data/regulations"
DEV_QUESTIONS = REPO_ROOT.parent / "shared/eval/dev_queries.jsonl"


def _index_folder(data_dir: Path) -> Path:
    (manifest,) = [path for path in data_dir.rglob("manifest.json")
                   if (path.parent / HALF_NAME).is_file()]
    return manifest.parent


def test_mapped_vectors_rank_the_dev_questions_as_widened_ones(tmp_path: Path) -> None:
    if not DEV_QUESTIONS.is_file():
        pytest.skip(f"{DEV_QUESTIONS} is not beside the clone")
    data = tmp_path / "data"
    open_index(SEEDS, data, HashEmbedder())  # built and saved
    loaded = open_index(SEEDS, data, HashEmbedder())  # read back: mapped
    assert loaded.report.loaded and loaded.vectors is not None
    folder = _index_folder(data)
    assert (folder / FULL_NAME).is_file()
    assert not loaded.vectors.flags.writeable  # the read-only mapping, not a private copy
    widened = np.load(folder / HALF_NAME).astype(np.float32)
    assert np.array_equal(loaded.vectors, widened)
    reference = SearchIndex(loaded.units, loaded.tokenizer, loaded.bm25, widened,
                            loaded.embedder, loaded.profiles, loaded.config)
    questions = [json.loads(line)["query"]
                 for line in DEV_QUESTIONS.read_text("utf-8").splitlines()]
    assert len(questions) >= 40
    for question in questions:
        got = [hit.to_dict() for hit in loaded.search(question, top=10)]
        expected = [asdict(hit) for hit in reference.search(question, top=10)]
        assert got == expected, question


def test_a_mapped_file_of_another_shape_is_written_again(tmp_path: Path) -> None:
    vectors = np.arange(12, dtype=np.float16).reshape(4, 3) / 7
    np.save(tmp_path / HALF_NAME, vectors)
    np.save(tmp_path / FULL_NAME, np.zeros((2, 3), dtype=np.float32))  # a stale one
    loaded = load_vectors(tmp_path)
    assert loaded.shape == (4, 3) and loaded.dtype == np.float32
    assert np.array_equal(loaded, vectors.astype(np.float32))
    assert np.load(tmp_path / FULL_NAME).shape == (4, 3)
    assert not list(tmp_path.glob(".*.tmp"))  # no partial file left behind
