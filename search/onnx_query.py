"""The query path of the embedding model in ONNX Runtime: the same vectors, about twice as fast.

One query is about 20 tokens. For matrices that small, torch spends as long dispatching its
operators as computing them; ONNX Runtime runs the same graph on one thread in ~13 ms where torch
(bfloat16) takes ~23 ms (docs/benchmarks.md). Passages stay on torch: batches of 32 keep its
kernels busy.

The transformer is exported once per model into the model cache. The word-embedding lookup stays
outside the graph (a numpy view of torch's own table): that table is 96M of e5-small's 118M
parameters, and leaving it out saves a second copy of 370 MB in memory and on disk.

A session is used only after it reproduces the torch model on probe sentences (cosine at least
``MIN_COSINE``); anything else (another pooling, a failed export, no onnxruntime) keeps queries
on torch and says why in ``OnnxUnavailable``.
"""

from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from core.settings import QueryWeights
from search.long_query import pad_ids, torch_encode_ids

if TYPE_CHECKING:
    import onnxruntime
    from sentence_transformers import SentenceTransformer

#: Bump when the exported graph changes.
EXPORT_VERSION = 1
MIN_COSINE = 0.9999
#: int8 weights round every matrix: on 257 seed and situation queries their vectors lie at cosine
#: 0.984-0.996 (median 0.990) of the fp32 graph's (docs/benchmarks.md, session 18). Below this
#: the quantised graph is not the model any more.
MIN_COSINE_INT8 = 0.97
PROBES = (
    "法官在办案中收受律师赠送的购物卡",
    "领导干部打招呼要求对案件从轻处理，司法人员应当如实记录",
    "退休的院领导私下打听案情",
    "What happens if a judge meets a party outside working hours?",
)


LONG_PROBE = "".join(
    f"第{n}次，被告人在案件审理期间多次宴请承办法官，并通过中间人转交现金和购物卡。"
    for n in range(1, 25)
)  # ~800 tokens


class OnnxUnavailable(Exception):
    """The ONNX query path cannot be used for this model; the message says why."""


def _mean_pooling_only(model: SentenceTransformer) -> bool:
    """Whether ``model`` is Transformer -> mean Pooling (prompt included) -> optional Normalize,
    the pipeline the exported graph reproduces."""
    names = [type(module).__name__ for module in model]
    if names not in (["Transformer", "Pooling", "Normalize"], ["Transformer", "Pooling"]):
        return False
    second: Any = model[1]
    pooling = second.get_config_dict()
    return pooling.get("pooling_mode") == "mean" and pooling.get("include_prompt", True)


def _auto_model(model: SentenceTransformer) -> Any:
    """The Hugging Face model inside the first (Transformer) module; typed Any because
    ``SentenceTransformer.__getitem__`` is typed as returning a Tensor or any Module."""
    first: Any = model[0]
    return first.auto_model


def _export_graph(model: SentenceTransformer, target: Path) -> None:
    """Write the transformer and mean pooling (input: word embeddings and mask) to ``target``."""
    import torch

    transformer = _auto_model(model).eval()

    class Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(
            self, inputs_embeds: torch.Tensor, attention_mask: torch.Tensor
        ) -> torch.Tensor:
            hidden = self.transformer(
                inputs_embeds=inputs_embeds, attention_mask=attention_mask
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=-1)

    width = transformer.get_input_embeddings().embedding_dim
    example = (torch.zeros(1, 4, width), torch.ones(1, 4, dtype=torch.int64))
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        with warnings.catch_warnings(), torch.inference_mode():
            # The TorchScript exporter warns that it is deprecated and about traced branches
            # that do not depend on the input here (sequence length checks).
            warnings.simplefilter("ignore")
            torch.onnx.export(
                Pooled(), example, str(tmp),
                input_names=["inputs_embeds", "attention_mask"], output_names=["embedding"],
                dynamic_axes={"inputs_embeds": {0: "batch", 1: "tokens"},
                              "attention_mask": {0: "batch", 1: "tokens"},
                              "embedding": {0: "batch"}},
                opset_version=17, dynamo=False,
            )
        tmp.replace(target)  # concurrent exporters each write their own file; the last wins
    finally:
        tmp.unlink(missing_ok=True)


def _quantised(source: Path, target: Path) -> None:
    """Write ``source`` with its matrices' weights as int8 (activations quantised per call)."""
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        # DefaultTensorType: the exported graph leaves some MatMul outputs untyped
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8,
                         extra_options={"DefaultTensorType": 1})  # 1: onnx FLOAT
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


class OnnxQueryEncoder:
    """Embeds short batches of queries with ONNX Runtime on one thread."""

    def __init__(
        self,
        session: onnxruntime.InferenceSession,
        model: SentenceTransformer,
        max_seq_length: int,
        prompt: str,
    ) -> None:
        self._session = session
        self._tokenizer = model.tokenizer
        # A view of torch's table, not a copy: both engines share one word-embedding matrix.
        embeddings = _auto_model(model).get_input_embeddings().weight
        self._word_embeddings: npt.NDArray[np.float32] = embeddings.detach().numpy()
        self._max_seq_length = max_seq_length
        self._prompt = prompt

    @classmethod
    def open(
        cls, model: SentenceTransformer, identity: str, cache_dir: Path, max_seq_length: int,
        weights: QueryWeights = "fp32",
    ) -> OnnxQueryEncoder:
        """Load (exporting once) the ONNX graph of ``model`` and check it against torch.

        ``identity`` names the model's weights (a content-keyed folder or a hub id); the file is
        keyed by it and by the torch and exporter versions. ``weights="int8"``: the graph's
        matrices dynamically quantised once (``_quantised``), about 1.6 times faster on a short
        query, checked against torch at ``MIN_COSINE_INT8``. Raises ``OnnxUnavailable``.
        """
        try:
            import onnxruntime
            import torch
        except ImportError as error:
            raise OnnxUnavailable(f"onnxruntime is not installed ({error})") from error
        if not _mean_pooling_only(model):
            raise OnnxUnavailable("the model's pipeline is not transformer + mean pooling")
        prompt = (getattr(model, "prompts", None) or {}).get("query", "")
        key = hashlib.sha256(json.dumps(
            [identity, torch.__version__, EXPORT_VERSION], ensure_ascii=False
        ).encode()).hexdigest()[:16]
        path = cache_dir / "onnx" / f"query-{key}.onnx"
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1  # see the module docstring
        options.inter_op_num_threads = 1
        session = None
        if path.is_file():
            try:
                session = onnxruntime.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
            except Exception:  # a damaged file (e.g. a full disk): export it again below
                session = None
        if session is None:
            try:
                _export_graph(model, path)
                session = onnxruntime.InferenceSession(
                    str(path), options, providers=["CPUExecutionProvider"]
                )
            except Exception as error:  # onnx/onnxruntime raise their own exception types
                raise OnnxUnavailable(f"cannot export or load {path}: {error}") from error
        if weights == "int8":
            quantised = path.with_name(f"{path.stem}-int8.onnx")
            try:
                if not quantised.is_file():
                    _quantised(path, quantised)
                session = onnxruntime.InferenceSession(
                    str(quantised), options, providers=["CPUExecutionProvider"]
                )
            except Exception as error:  # onnxruntime's quantiser raises its own types
                raise OnnxUnavailable(f"cannot quantise or load {quantised}: {error}") from error
        encoder = cls(session, model, max_seq_length, prompt)
        encoder.check_against(model, MIN_COSINE_INT8 if weights == "int8" else MIN_COSINE)
        return encoder

    def check_against(self, model: SentenceTransformer, least: float = MIN_COSINE) -> None:
        """Raise ``OnnxUnavailable`` unless this graph gives the torch model's query vectors."""
        import torch

        with torch.inference_mode():
            expected = model.encode([self._prompt + p for p in PROBES],
                                    normalize_embeddings=True, convert_to_numpy=True)
        got = self.encode(PROBES)
        cosine = float((np.asarray(expected) * got).sum(axis=1).min())
        # A probe longer than the passages' 256 tokens, cut at this encoder's query length:
        # position embeddings beyond 256 must match too (search/long_query.py).
        long_ids = self._tokenizer(self._prompt + LONG_PROBE, truncation=True,
                                   max_length=self._max_seq_length)["input_ids"]
        reference = torch_encode_ids(model, [long_ids], bf16=False)
        cosine = min(cosine, float((reference * self.encode_ids([long_ids])).sum()))
        if cosine < least:
            raise OnnxUnavailable(f"ONNX vectors differ from torch (cosine {cosine:.6f})")

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        """L2-normalised query vectors, float32 ``[len(texts), dim]``."""
        batch = self._tokenizer(
            [self._prompt + t for t in texts], padding=True, truncation=True,
            max_length=self._max_seq_length, return_tensors="np",
        )
        inputs: dict[str, Any] = {
            "inputs_embeds": self._word_embeddings[batch["input_ids"]],
            "attention_mask": batch["attention_mask"].astype(np.int64),
        }
        (vectors,) = self._session.run(["embedding"], inputs)
        return np.asarray(vectors, dtype=np.float32)

    def encode_ids(self, batch: Sequence[Sequence[int]]) -> npt.NDArray[np.float32]:
        """L2-normalised vectors of token ids that already carry the prompt and special tokens
        (``search/long_query.py`` cuts them), float32 ``[len(batch), dim]``."""
        input_ids, mask = pad_ids(batch, self._tokenizer.pad_token_id or 0)
        inputs: dict[str, Any] = {"inputs_embeds": self._word_embeddings[input_ids],
                                  "attention_mask": mask}
        (vectors,) = self._session.run(["embedding"], inputs)
        return np.asarray(vectors, dtype=np.float32)

    @property
    def tokenizer(self) -> Any:
        return self._tokenizer
