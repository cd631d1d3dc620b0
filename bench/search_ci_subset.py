"""Choose the fixed STARD subset that CI measures retrieval quality on (issue 14).

A seeded sample of stard_train questions, the LawRefBook files holding their answers (every file
of the version search keeps, so the subset indexes the same articles as the whole corpus would),
and seeded distractor files up to a number of extra articles. Writes
``tests/search/data/stard_ci_subset.json``; ``tests/search/test_stard_subset.py`` copies those
files into its data directory, embeds them and checks recall floors.

The answer prior (``search/data/answer_prior.json``) was fitted on all of stard_train, so it has
seen the sampled questions. The subset file therefore also carries a prior fitted on the other
questions only (same corpus sizes, same ``fit_prior``): the test ranks with it, so no question
behind a floor was used to fit anything.

    .venv/bin/python bench/search_ci_subset.py [--questions 150] [--distractor-articles 1000]
            [--answer-articles 2500] [--civil-code-share 0.51] [--seed 14]

How the questions are drawn: stard_train in a seeded random order; a question is taken when the
laws holding its answers keep the answer laws within ``--answer-articles`` articles (whole laws:
the 150 first questions of a plain sample need 53 laws, 5,500 articles, too many to embed in CI
on 2 cores), and, for questions answered in 民法典, while they stay under ``--civil-code-share``
of the sample (its share of stard_train's answers). The sample therefore leans towards
questions answered by laws already taken: it watches for regressions, it does not estimate the
whole-corpus figures (a corpus of ~3,000 articles is also far easier than 59,000).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
from collections import Counter
from pathlib import Path

from ingest.corpus import NOT_REGULATIONS, load_errata, regulation_files
from ingest.models import normalize_title
from ingest.parser import NO_ERRATA, parse_file
from search.corpus import load_corpus
from search.evaluate import EvalQuery, gold_keys, load_queries
from search.prior import fit_prior

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
LAWREFBOOK = SHARED / "corpus" / "lawrefbook"
STARD = SHARED / "eval" / "stard_train.jsonl"
CIVIL_CODE = "民法典"  # normalised title
OUT = ROOT / "tests" / "search" / "data" / "stard_ci_subset.json"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=150)
    parser.add_argument("--answer-articles", type=int, default=2500)
    parser.add_argument("--civil-code-share", type=float, default=0.51)
    parser.add_argument("--distractor-articles", type=int, default=500)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args()

    queries = load_queries(STARD)
    regulations, _ = load_corpus(LAWREFBOOK)
    size: Counter[str] = Counter()
    for regulation in regulations:
        size[regulation.normalized_title] += len(regulation.articles)
    rng = random.Random(args.seed)
    order = queries[:]
    rng.shuffle(order)
    sample: list[EvalQuery] = []
    answer_titles: set[str] = set()
    civil_code, civil_cap = 0, round(args.civil_code_share * args.questions)
    for query in order:
        titles = {key[0] for key in gold_keys(query)}
        civil = CIVIL_CODE in titles
        if civil and civil_code >= civil_cap:
            continue
        if sum(size[t] for t in answer_titles | titles) > args.answer_articles:
            continue
        sample.append(query)
        answer_titles |= titles
        civil_code += civil
        if len(sample) == args.questions:
            break
    sample_ids = {q.id for q in sample}
    # Which file each kept regulation came from: parse every file again as read_corpus does and
    # keep those whose (id, first article) search keeps.
    by_title: dict[str, list[str]] = {}
    kept_ids = {(r.id, r.articles[0].number.label) for r in regulations}
    files: list[tuple[str, str, int]] = []  # (relative path, normalised title, articles)
    errata = load_errata()
    for path in regulation_files(LAWREFBOOK):
        relative = path.relative_to(LAWREFBOOK)
        if path.name in NOT_REGULATIONS or "案例" in relative.parts or len(relative.parts) < 2:
            continue
        try:
            regulation = parse_file(path, category=relative.parts[0],
                                    errata=errata.get(path.name, NO_ERRATA))
        except Exception:  # skipped or unparsable files are skipped by load_corpus too
            continue
        if (regulation.id, regulation.articles[0].number.label) not in kept_ids:
            continue  # an older version, or a copy
        title = normalize_title(regulation.title)
        by_title.setdefault(title, []).append(str(relative))
        files.append((str(relative), title, len(regulation.articles)))

    missing = answer_titles - by_title.keys()
    if missing:
        raise SystemExit(f"answer regulations not found in the corpus: {sorted(missing)}")
    answer_files = sorted(f for t in answer_titles for f in by_title[t])
    others = sorted({t for _, t, _ in files} - answer_titles)
    rng.shuffle(others)
    distractors: list[str] = []
    extra = 0
    for title in others:
        if extra >= args.distractor_articles:
            break
        chosen = [f for f in files if f[1] == title]
        articles = sum(n for *_, n in chosen)
        if articles > 300:  # keep the subset small: no big laws as distractors
            continue
        distractors += [f for f, _, _ in chosen]
        extra += articles
    articles_of = {f: n for f, _, n in files}
    chosen_files = sorted(answer_files + distractors)

    sizes = [(r.title, r.category, len(r.articles)) for r in regulations]
    held_out = fit_prior(sizes, [key[0] for q in queries if q.id not in sample_ids
                                 for key in gold_keys(q)])
    payload = {
        "_comment": "written by bench/search_ci_subset.py; read by tests/search/"
                    "test_stard_subset.py",
        "seed": args.seed,
        "settings": {"questions": args.questions, "answer_articles": args.answer_articles,
                     "civil_code_share": args.civil_code_share,
                     "distractor_articles": args.distractor_articles},
        "questions": [q.id for q in queries if q.id in sample_ids],
        "answer_files": answer_files,
        "distractor_files": sorted(distractors),
        "articles": sum(articles_of[f] for f in chosen_files),
        "sha256": {f: hashlib.sha256((LAWREFBOOK / f).read_bytes()).hexdigest()[:16]
                   for f in chosen_files},
        "prior_without_questions": json.loads(held_out.to_json("fitted without the questions")),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", "utf-8")
    print(f"{len(sample)} questions ({civil_code} answered in 民法典), {len(answer_files)} answer "
          f"files, {len(distractors)} distractor files, {payload['articles']} articles -> {OUT}")


if __name__ == "__main__":
    main()
