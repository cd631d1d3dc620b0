"""Training the linear query adapter (bench/search_adapt.py): q' = normalise(W q + b), W
initialised to the identity, InfoNCE against the fixed article vectors.

Each step takes a batch of questions; a question's candidates are one of its gold articles
(the positive), ``hard`` negatives drawn from its mined pool (BM25 and zero-shot dense, golds
removed) and the other questions' positives (unless they are also its gold). The penalty
``decay * (|W - I|^2 + |b|^2)`` pulls the adapter back to the identity. One torch thread and a
fixed seed: the same settings write the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass

import numpy as np
from adapt_data import AdaptData, Floats


@dataclass(frozen=True)
class TrainSettings:
    epochs: int = 10
    lr: float = 1e-3
    temperature: float = 0.05
    hard: int = 16  # hard negatives per question per step (0: in-batch negatives only)
    pool: int = 50  # depth of each mined pool drawn from (BM25 and dense)
    decay: float = 0.01
    batch: int = 32

    @property
    def label(self) -> str:
        return (f"ep{self.epochs} lr{self.lr:g} t{self.temperature:g} h{self.hard} "
                f"p{self.pool} wd{self.decay:g}")

    def to_dict(self) -> dict[str, float | int]:
        return asdict(self)


def negative_pools(data: AdaptData, rows: Sequence[int], pool: int) -> list[np.ndarray]:
    half = data.hard.shape[1] // 2
    out = []
    for row in rows:
        mined = np.concatenate([data.hard[row, :pool], data.hard[row, half:half + pool]])
        kept = np.unique(mined[mined >= 0])
        # a corpus too small to mine from leaves in-batch negatives and random articles
        out.append(kept if len(kept) else np.arange(len(data.articles)))
    return out


def train(data: AdaptData, rows: Sequence[int], settings: TrainSettings,
          seed: int) -> tuple[Floats, Floats]:
    """W and b trained on the questions ``rows`` (those with a gold article in the corpus)."""
    import torch
    import torch.nn.functional as functional

    torch.set_num_threads(1)
    torch.manual_seed(seed)
    rng = np.random.default_rng(seed)
    usable = [r for r in rows if len(data.gold[r])]
    pools = negative_pools(data, usable, settings.pool)
    articles = torch.from_numpy(np.ascontiguousarray(data.articles, dtype=np.float32))
    queries = torch.from_numpy(np.ascontiguousarray(data.queries[usable], dtype=np.float32))
    dim = queries.shape[1]
    eye = torch.eye(dim)
    weight = torch.nn.Parameter(eye.clone())
    bias = torch.nn.Parameter(torch.zeros(dim))
    optimiser = torch.optim.Adam([weight, bias], lr=settings.lr)
    golds = [set(data.gold[r].tolist()) for r in usable]
    for _ in range(settings.epochs):
        order = rng.permutation(len(usable))
        for start in range(0, len(order), settings.batch):
            batch = order[start:start + settings.batch]
            positives = [int(rng.choice(data.gold[usable[i]])) for i in batch]
            q = functional.normalize(queries[batch] @ weight.T + bias, dim=1)
            logits = q @ articles[positives].T
            clash = torch.tensor([[j != k and positives[k] in golds[i] for k in range(len(batch))]
                                  for j, i in enumerate(batch)])
            logits = logits.masked_fill(clash, float("-inf"))
            if settings.hard > 0:
                drawn = np.stack([rng.choice(pools[i], settings.hard,
                                             replace=len(pools[i]) < settings.hard)
                                  for i in batch])
                negatives = articles[torch.from_numpy(drawn)]
                logits = torch.cat([logits, torch.einsum("bd,bhd->bh", q, negatives)], dim=1)
            loss = functional.cross_entropy(logits / settings.temperature,
                                            torch.arange(len(batch)))
            loss = loss + settings.decay * (((weight - eye) ** 2).sum() + (bias ** 2).sum())
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
    return (weight.detach().numpy().astype(np.float32).copy(),
            bias.detach().numpy().astype(np.float32).copy())
