"""Long queries: windows cut from real token ids, the real model's vectors on both engines."""

from __future__ import annotations

import numpy as np
import pytest

from search.embeddings import DEFAULT_QUERY_SHAPE, SentenceTransformerEmbedder
from search.long_query import QueryShape, query_windows
from search.onnx_query import LONG_PROBE

SHORT = "法官收了律师送的购物卡"
# A fact whose end (beyond 256 tokens) names what happened: the taking of money.
TAIL = "当晚被告人持刀闯入被害人家中，逼迫被害人交出现金五千元和手机一部后逃离。"
BACKGROUND = "被告人与被害人系同村村民，两家因宅基地边界问题多年不和，村委会多次调解未果。"
LONG = "经审理查明：" + BACKGROUND * 8 + TAIL


@pytest.fixture(scope="module")
def tokenizer(e5: SentenceTransformerEmbedder) -> object:
    return e5._model.tokenizer


@pytest.mark.parametrize("shape", [QueryShape(256), QueryShape(512), QueryShape(256, 128),
                                   QueryShape(128, 64)], ids=lambda s: s.label)
def test_a_short_query_is_one_window_of_the_usual_tokens(tokenizer: object, shape: QueryShape
                                                         ) -> None:
    assert query_windows(tokenizer, "query: ", SHORT, shape) == [
        tokenizer("query: " + SHORT)["input_ids"]]  # type: ignore[operator]


def test_cut_keeps_the_end_token(tokenizer: object) -> None:
    full = tokenizer("query: " + LONG_PROBE)["input_ids"]  # type: ignore[operator]
    assert len(full) > 512
    (cut,) = query_windows(tokenizer, "query: ", LONG_PROBE, QueryShape(512))
    assert cut == full[:511] + full[-1:]


def test_windows_overlap_and_cover_the_whole_query(tokenizer: object) -> None:
    prompt = tokenizer("query: ", add_special_tokens=False)["input_ids"]  # type: ignore[operator]
    full = tokenizer("query: " + LONG_PROBE)["input_ids"]  # type: ignore[operator]
    body = full[1 + len(prompt) : -1]
    windows = query_windows(tokenizer, "query: ", LONG_PROBE, QueryShape(256, 128))
    assert len(windows) >= 5
    room = 256 - 2 - len(prompt)
    for number, window in enumerate(windows):
        assert len(window) <= 256
        assert window[: 1 + len(prompt)] == full[: 1 + len(prompt)] and window[-1] == full[-1]
        assert window[1 + len(prompt) : -1] == body[number * 128 : number * 128 + room]
    assert windows[-1][-2] == body[-1]


@pytest.mark.parametrize(("tokens", "stride"), [(8, None), (256, 0), (256, 300)])
def test_bad_shapes_are_refused(tokens: int, stride: int | None) -> None:
    with pytest.raises(ValueError):
        QueryShape(tokens, stride)


def test_the_end_of_a_long_query_reaches_the_model(e5: SentenceTransformerEmbedder) -> None:
    assert DEFAULT_QUERY_SHAPE.tokens == 512 and e5.query_shape == DEFAULT_QUERY_SHAPE
    cut = e5.with_query_shape(QueryShape(256))
    whole, head, tail = e5.embed_queries([LONG])[0], cut.embed_queries([LONG])[0], \
        e5.embed_queries([TAIL])[0]
    assert float(whole @ head) < 0.999
    assert float(whole @ tail) > float(head @ tail) + 0.01
    # Short questions keep their vectors.
    assert float(e5.embed_queries([SHORT])[0] @ cut.embed_queries([SHORT])[0]) > 0.99999


@pytest.mark.parametrize("shape", [DEFAULT_QUERY_SHAPE, QueryShape(256, 128)],
                         ids=lambda s: s.label)
def test_long_queries_same_vectors_on_onnx_and_torch(
    e5: SentenceTransformerEmbedder, shape: QueryShape
) -> None:
    assert e5.query_engine == "onnxruntime"
    embedder = e5.with_query_shape(shape)
    texts = [LONG, LONG_PROBE, SHORT]
    onnx = np.vstack([embedder.embed_queries([t]) for t in texts])
    torch_vectors = embedder.embed_queries(texts + ["padding"] * 3)[:3]  # > 4: the torch path
    assert (onnx * torch_vectors).sum(axis=1).min() >= 0.9999
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
