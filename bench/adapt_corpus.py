"""The LawRefBook passage vectors in the order the adapter's cross-validation needs them, and
the corpus it is cross-validated over when the whole corpus is not embedded yet.

    python bench/adapt_corpus.py --data-dir DIR [--merge OTHER_DATA_DIR ...]

embeds every LawRefBook article into DIR's embedding cache (the shipped model, keyed by text,
so `liuhen eval --corpus` and the index build reuse every vector), but in this order: the gold
articles of all stard_train questions first, then the articles of the CI subset's regulations
(their vectors are cached wherever the STARD subset test ran), then the others in a seeded
random order; at the end it builds and saves the whole index. ``--merge`` first copies the
vectors other data dirs already hold. ``prefix_index`` builds, from whatever the cache holds,
an index over the longest cached prefix of that order: what the cross-validation ran on when
the whole corpus was not embedded yet.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from core.names import normalize_title
from core.settings import REPO_ROOT
from ingest.models import Regulation
from search.actors import regulation_profiles
from search.bm25 import BM25Index
from search.corpus import load_corpus
from search.embeddings import Embedder, EmbeddingCache, embed_cached, load_embedder, text_key
from search.evaluate import gold_keys, load_queries
from search.index import SearchConfig, SearchIndex, embedding_cache_root, open_index
from search.model_convert import E5_SMALL
from search.scoring import resolve_granularity
from search.tokenizer import ChineseTokenizer, vocabulary_terms
from search.units import Unit, corpus_units

SHARED = REPO_ROOT.parent / "shared"
LAWREFBOOK = SHARED / "corpus" / "lawrefbook"
STARD = SHARED / "eval" / "stard_train.jsonl"
SUBSET_FILE = REPO_ROOT / "tests" / "search" / "data" / "stard_ci_subset.json"


def unit_key(unit: Unit) -> tuple[str, int, int]:
    return (normalize_title(unit.regulation), unit.article, unit.article_suffix)


def subset_titles() -> set[str]:
    """The regulations of the CI subset (tests/search/data/stard_ci_subset.json): their vectors
    are already cached wherever that test ran."""
    subset = json.loads(SUBSET_FILE.read_text("utf-8"))
    titles = set()
    for relative in (*subset["answer_files"], *subset["distractor_files"]):
        first = (LAWREFBOOK / relative).read_text("utf-8").lstrip().splitlines()[0]
        titles.add(normalize_title(first.lstrip("# ").strip()))
    return titles


def priority(units: Sequence[Unit], seed: int) -> list[int]:
    """Rows of ``units``: every stard_train gold article first, then the articles of the CI
    subset's regulations (corpus order), then the rest in a random order drawn with ``seed``."""
    wanted = set().union(*(gold_keys(q) for q in load_queries(STARD)))
    gold = [i for i, u in enumerate(units) if unit_key(u) in wanted]
    subset = subset_titles()
    chosen = set(gold)
    ci = [i for i, u in enumerate(units)
          if i not in chosen and normalize_title(u.regulation) in subset]
    chosen |= set(ci)
    rest = np.asarray([i for i in range(len(units)) if i not in chosen], dtype=np.int64)
    return gold + ci + np.random.default_rng(seed).permutation(rest).tolist()


def lawrefbook_units(config: SearchConfig) -> tuple[list[Regulation], list[Unit]]:
    regulations, _ = load_corpus(LAWREFBOOK)
    return regulations, corpus_units(regulations, resolve_granularity(config, regulations))


def prefix_index(data_dir: Path, embedder: Embedder, seed: int,
                 limit: int | None = None) -> tuple[SearchIndex, set[str]]:
    """The longest prefix of the priority order whose vectors the cache holds (at most
    ``limit`` articles), indexed as LawRefBook is (BM25 over these articles only); and the
    titles of every LawRefBook regulation."""
    config = SearchConfig()
    saved = data_dir / "search" / "adapt-prefix" / f"seed{seed}-limit{limit}"
    if (saved / "titles.json").is_file():  # parsing LawRefBook takes minutes
        index = SearchIndex.load(saved, embedder, config)
        print(f"prefix index: {len(index.units)} articles, loaded from {saved}", flush=True)
        return index, set(json.loads((saved / "titles.json").read_text("utf-8")))
    regulations, units = lawrefbook_units(config)
    order = priority(units, seed)
    cache = EmbeddingCache(embedding_cache_root(data_dir), embedder.name)
    rows = cache.lookup([text_key(units[i].passage) for i in order])
    held = next((n for n, row in enumerate(rows) if row is None), len(rows))
    kept = sorted(order[:held if limit is None else min(held, limit)])
    chosen = [units[i] for i in kept]
    vectors = cache.vectors([r for r in cache.lookup([text_key(u.passage) for u in chosen])
                             if r is not None])
    tokenizer = ChineseTokenizer(vocabulary_terms(regulations), bigrams=config.bigrams)
    bm25 = BM25Index.build([tokenizer(u.passage) for u in chosen], k1=config.bm25_k1,
                           b=config.bm25_b)
    index = SearchIndex(chosen, tokenizer, bm25, vectors, embedder,
                        regulation_profiles(regulations), config)
    print(f"prefix index: {len(chosen)} of {len(units)} articles", flush=True)
    titles = {r.title for r in regulations}
    if limit is not None and len(chosen) == limit:  # a fixed prefix: the same next time
        index.save(saved, f"prefix of {limit}")
        (saved / "titles.json").write_text(json.dumps(sorted(titles), ensure_ascii=False), "utf-8")
    return index, titles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--merge", type=Path, nargs="*", default=[])
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--after-pid", type=int, default=None,
                        help="wait for this process (another writer of the cache) to end")
    args = parser.parse_args()
    started = time.perf_counter()
    embedder = load_embedder(E5_SMALL)
    config = SearchConfig()
    _, units = lawrefbook_units(config)
    order = priority(units, args.seed)
    print(f"{len(units)} units parsed in {time.perf_counter() - started:.0f} s", flush=True)
    while args.after_pid is not None and Path(f"/proc/{args.after_pid}").exists():
        time.sleep(2)
    cache = EmbeddingCache(embedding_cache_root(args.data_dir), embedder.name)
    for other_dir in args.merge:
        other = EmbeddingCache(embedding_cache_root(other_dir), embedder.name)
        keys = list(other._keys)
        if keys:
            cache.add(keys, other.vectors([other._keys[k] for k in keys]))
    cache.save()
    print(f"cache holds {len(cache)} vectors", flush=True)

    def progress(done: int, total: int) -> None:
        print(f"{time.strftime('%H:%M:%S')} embedded {done} of {total}", flush=True)

    embed_cached(embedder, [units[i].passage for i in order], cache, progress=progress,
                 chunk_size=512)
    index = open_index(LAWREFBOOK, args.data_dir, embedder)
    print(f"whole index saved: {index.report.articles} articles, "
          f"{time.perf_counter() - started:.0f} s", flush=True)


if __name__ == "__main__":
    main()
