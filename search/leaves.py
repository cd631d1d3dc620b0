"""Which paragraph or item of an article answers a query.

An article's leaves are its items and its paragraphs without items. Each item's passage repeats
the line that opens its list, so the index's BM25 scores the items of one list mostly by that
shared line; what sets one item apart is its own words. The leaves are therefore ranked by the
passage BM25, by BM25 over the leaves' own text with the statistics of those siblings alone
(``search.bm25.sibling_bm25``) and by the dense score, each scaled over the leaves.

A list that ends in a catch-all item (the drafting form 其他……行为 / 其他……情形:
R1 第八条第（五）项, R2 第九条第（五）项, R3 第五条第（六）项) reaches, by its own
terms, the conduct of the list's kind that no enumerated item names. No word of a query picks
that item out (its own words are the list's general ones), so it is chosen by absence: when the
best leaf is an item of such a list and no enumerated item of the list shares a distinctive word
with the query (own-text BM25 below ``config.catch_all_floor``), the answer is the catch-all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

import numpy as np

from search.bm25 import sibling_bm25
from search.fusion import min_max, ranks_of, reciprocal_rank_fusion
from search.scoring import Mode, QueryScores, SearchConfig
from search.units import Unit

# 其他 and 行为 / 情形 in one clause at the item's end: "（五）其他违法干预司法活动、妨碍司法
# 公正的行为。", "（六）司法人员与当事人……的其他不正当接触交往行为。". Not "（四）其他没有隶属
# 关系的司法人员违反规定干预办案的，向……通报情况。": an enumerated item starting with 其他 names
# its own case.
_CATCH_ALL = re.compile(r"其他[^，,；;。：:]*(?:行为|情形)[的之]?[；;。.\s]*$")


def leaves(units: Sequence[Unit], start: int, end: int) -> list[int]:
    """Indices of the leaves among ``units[start:end]`` (one article's units)."""
    return [i for i in range(start, end) if _is_leaf(units, i, end)]


def _is_leaf(units: Sequence[Unit], i: int, end: int) -> bool:
    unit = units[i]
    if unit.item is not None:
        return True
    if unit.paragraph is None:
        return False
    following = units[i + 1] if i + 1 < end else None
    return not (following is not None and following.paragraph == unit.paragraph
                and following.item is not None)


def is_catch_all(units: Sequence[Unit], i: int, end: int) -> bool:
    """Whether ``units[i]`` is the last item of its list and drafted as a catch-all."""
    unit = units[i]
    if unit.item is None:
        return False
    following = units[i + 1] if i + 1 < end else None
    last = not (following is not None and following.item is not None
                and following.paragraph == unit.paragraph)
    return last and _CATCH_ALL.search(unit.text.strip()) is not None


def best_leaf(
    local: Sequence[int],
    units: Sequence[Unit],
    end: int,
    scores: QueryScores,
    config: SearchConfig,
    mode: Mode,
    leaf_tokens: Callable[[int], list[str]],
) -> int | None:
    """The best of the leaves ``local`` (at least two, of one article ending at ``end``); None
    when nothing tells them apart."""
    at = np.asarray(local, dtype=np.int64)
    if config.leaf_choice == "rrf":
        rankings = []
        if mode != "dense":
            rankings.append(ranks_of(scores.bm25[at], len(at), floor=0.0))
        if mode != "bm25" and scores.dense is not None:
            rankings.append(ranks_of(scores.dense[at], len(at)))
        if not any(r.any() for r in rankings):
            return None
        return int(at[int(np.argmax(reciprocal_rank_fusion(rankings, k=config.rrf_k)))])
    combined = np.zeros(len(at), dtype=np.float32)
    own = np.zeros(len(at), dtype=np.float32)
    if mode != "dense":
        if config.leaf_text_weight > 0 or config.catch_all_floor > 0:
            own = sibling_bm25(scores.tokens, [leaf_tokens(int(i)) for i in at])
        combined += (1 - config.leaf_text_weight) * min_max(scores.bm25[at])
        combined += config.leaf_text_weight * min_max(own)
    if mode != "bm25" and scores.dense is not None:
        # dense alone has no BM25 to weigh against: its scores decide by themselves
        weight = config.leaf_dense_weight if mode == "hybrid" else 1.0
        combined += weight * min_max(scores.dense[at])
    if not combined.any():
        return None
    best = int(np.argmax(combined))
    if mode != "dense" and config.catch_all_floor > 0:
        return int(at[_catch_all_instead(local, units, end, best, own,
                                         config.catch_all_floor)])
    return int(at[best])


def _catch_all_instead(local: Sequence[int], units: Sequence[Unit], end: int, best: int,
                       own: np.ndarray, floor: float) -> int:
    """``best``, or the catch-all of its list when no enumerated item of that list has a
    distinctive word of the query (own-text BM25 below ``floor``)."""
    chosen = units[local[best]]
    if chosen.item is None:
        return best
    in_list = [j for j, i in enumerate(local)
               if units[i].item is not None and units[i].paragraph == chosen.paragraph]
    catch = [j for j in in_list if is_catch_all(units, local[j], end)]
    enumerated = [j for j in in_list if j not in catch]
    if not catch or not enumerated or float(own[enumerated].max()) >= floor:
        return best
    return catch[-1]
