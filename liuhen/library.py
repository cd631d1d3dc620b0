"""Regulations in memory, found by the names people use: full title, short title, alias (R1),
or a unique part of the title. The graph store answers the same questions at scale; this
serves the parser's own commands and the tests that need no store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ingest.articles import parse_article_number
from ingest.corpus import read_corpus
from ingest.models import Article, Regulation, normalize_title
from liuhen.errors import InputError, NotFoundError


class RegulationLibrary:
    def __init__(self, regulations: Sequence[Regulation]) -> None:
        self.regulations = list(regulations)

    @classmethod
    def from_directory(cls, path: Path) -> RegulationLibrary:
        """Parse every regulation file under path; the first parse error is raised."""
        if not path.is_dir():
            raise InputError("not a directory", file=path)
        report = read_corpus(path)
        if report.errors:
            raise report.errors[0]
        return cls(report.regulations)

    def find(self, name: str) -> Regulation:
        """The regulation a name means.

        Raises NotFoundError when nothing matches, InputError when several do.
        """
        wanted = normalize_title(name)
        if not wanted:
            raise InputError("empty regulation name", field="regulation")
        exact = [
            r for r in self.regulations
            if wanted in {r.normalized_title, r.id, normalize_title(r.short_title),
                          *(normalize_title(a) for a in r.aliases)}
        ]
        candidates = exact or [r for r in self.regulations if wanted in r.normalized_title]
        if not candidates:
            raise NotFoundError(f"no regulation called {name!r}")
        if len(candidates) > 1:
            titles = "; ".join(sorted(r.id for r in candidates)[:5])
            raise InputError(f"{name!r} names several regulations: {titles}",
                             field="regulation")
        return candidates[0]

    def article(self, name: str, number: str) -> tuple[Regulation, Article]:
        regulation = self.find(name)
        wanted = parse_article_number(number)
        try:
            return regulation, regulation.article(wanted)
        except KeyError:
            raise NotFoundError(
                f"《{regulation.title}》 has no {wanted.label} "
                f"(it has {regulation.articles[0].label} to {regulation.articles[-1].label})"
            ) from None
