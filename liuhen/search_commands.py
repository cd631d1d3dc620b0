"""The ``search`` and ``eval`` commands without typer: each returns the text to print and raises
``LiuhenError`` subclasses (``InputError`` for bad input, ``BackendError`` for a model or data
directory that cannot be used), so the CLI only wires options and prints."""

from __future__ import annotations

import json
from pathlib import Path

from core.errors import InputError
from core.settings import Settings, get_settings
from ingest.numerals import to_chinese_number
from liuhen.regulations.service import RegulationsService
from search.evaluate import evaluate, format_report, load_queries, report_json
from search.index import Hit
from search.service import index_from_settings


def search_command(
    text: str,
    top: int = 10,
    as_json: bool = False,
    *,
    corpus: Path | None = None,
    settings: Settings | None = None,
) -> str:
    """``liuhen search TEXT [--top K] [--json]``: the articles, paragraphs and items that apply,
    among the regulations the graph store holds (or, with ``corpus``, those of a folder).

    Raises ``InputError`` for an empty query, ``top`` below 1, or an empty store.
    """
    if not text.strip():
        raise InputError("the query is empty: describe the situation in words", field="text")
    if top < 1:
        raise InputError("--top must be at least 1", field="top")
    settings = settings or get_settings()
    if corpus is not None:
        index = index_from_settings(settings, corpus)
    else:  # what the graph store holds, as the API searches it
        with RegulationsService.opened(settings) as regulations:
            index = regulations.search_index(settings)
    hits = index.search(text, top=top)
    if as_json:
        payload = {"query": text, "hits": [hit.to_dict() for hit in hits]}
        return json.dumps(payload, ensure_ascii=False, indent=2)
    if not hits:
        return "no article matches"
    return "\n\n".join(format_hit(hit) for hit in hits)


def eval_command(
    file: Path,
    corpus: Path | None = None,
    as_json: bool = False,
    *,
    settings: Settings | None = None,
) -> str:
    """``liuhen eval FILE.jsonl [--corpus PATH] [--json]``: recall@1/3/5/10/100, MRR and item
    accuracy for BM25 alone, dense alone and hybrid, from one run over the queries.

    Raises ``InputError`` naming the file and line of a bad eval record.
    """
    queries = load_queries(file)
    settings = settings or get_settings()
    root = corpus if corpus is not None else settings.regulations_dir
    index = index_from_settings(settings, root)
    report = evaluate(index, queries)
    adapter = index.query_adapter.name if index.query_adapter is not None else None
    if as_json:
        return report_json(report, file=str(file), corpus=str(root),
                           units=len(index.units), articles=len(index.article_starts),
                           query_adapter=adapter)
    title = (f"{file} on {root}: {len(index.article_starts)} articles, "
             f"{len(index.units)} units; query adapter: {adapter or 'off'}")
    return format_report(report, title)


def location_label(hit: Hit) -> str:
    """第八条第二款第（三）项 style label of a hit."""
    label = hit.article_label
    if hit.paragraph is not None:
        label += f"第{to_chinese_number(hit.paragraph)}款"
    if hit.item is not None:
        label += f"第（{to_chinese_number(hit.item)}）项"
    return label


def format_hit(hit: Hit) -> str:
    return (
        f"{hit.rank}. 《{hit.regulation}》{location_label(hit)}  score {hit.score:.3f}\n"
        f"   {hit.text}\n"
        f"   why: {hit.reason}"
    )
