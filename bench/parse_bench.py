"""Parse the whole LawRefBook corpus: regulations, articles, seconds.

Baseline in the same run: reading and decoding every file without parsing, so the parser's
own cost is the difference. Usage: python bench/parse_bench.py [CORPUS] [--append FILE]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import time
from pathlib import Path

from ingest.corpus import read_corpus, regulation_files

DEFAULT_CORPUS = Path(__file__).resolve().parent.parent.parent / "shared/corpus/lawrefbook"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--append", type=Path)
    args = parser.parse_args()

    started = time.perf_counter()
    characters = sum(len(p.read_bytes().decode("utf-8")) for p in regulation_files(args.corpus))
    read_seconds = time.perf_counter() - started

    started = time.perf_counter()
    report = read_corpus(args.corpus)
    parse_seconds = time.perf_counter() - started

    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    date = subprocess.run(["date"], capture_output=True, text=True).stdout.strip()
    lines = [
        "",
        "## Parsing the LawRefBook corpus (issue 2)",
        "",
        f"- date: {date}; nproc: {os.cpu_count()}; load average at start: {load}",
        "",
        "| measure | value |",
        "|---|---|",
        f"| baseline: read and decode every file ({characters:,} characters) | "
        f"{read_seconds:.2f} s |",
        f"| parse + extract (citations, references, definitions, roles, duties) | "
        f"{parse_seconds:.2f} s |",
        f"| regulations / articles | {len(report.regulations):,} / {report.article_count:,} |",
        f"| files skipped (index, cases, no article structure) / errors | "
        f"{len(report.skipped)} / {len(report.errors)} |",
        f"| articles per second | {report.article_count / parse_seconds:,.0f} |",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.append:
        with args.append.open("a", encoding="utf-8") as out:
            out.write(text)


if __name__ == "__main__":
    main()
