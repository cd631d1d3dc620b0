"""Regulations in memory, found by the names people use: full title, short title, alias (R1),
or a unique part of the title. The graph store answers the same questions at scale; this
serves the parser's own commands and the tests that need no store."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Protocol, TypeVar

from ingest.articles import parse_article_number
from ingest.corpus import read_corpus
from ingest.models import Article, Regulation, normalize_title
from liuhen.errors import InputError, NotFoundError


class NamedRegulation(Protocol):
    """What name matching needs to know of a regulation (a Regulation, or a graph row)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def short_title(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def version_date(self) -> str: ...


N = TypeVar("N", bound=NamedRegulation)


def name_keys(regulation: NamedRegulation) -> set[str]:
    """The normalised names that match a regulation exactly: title, id, short title, aliases."""
    keys = {normalize_title(regulation.title), regulation.id,
            normalize_title(regulation.short_title),
            *(normalize_title(alias) for alias in regulation.aliases)}
    keys.discard("")
    return keys


def pick_regulation(name: str, candidates: Sequence[N]) -> N:
    """The one regulation among ``candidates`` that a name means.

    Exact matches (full title, id, short title, alias such as R1; all normalised) win over
    a part of the title. When the matches are versions of one title, the newest wins.
    Raises InputError for an empty name or one naming several regulations, NotFoundError
    when nothing matches.
    """
    wanted = normalize_title(name)
    if not wanted:
        raise InputError("empty regulation name", field="regulation")
    exact = [r for r in candidates if wanted in name_keys(r)]
    matches = exact or [r for r in candidates if wanted in normalize_title(r.title)]
    if not matches:
        raise NotFoundError(f"no regulation called {name!r}")
    versions = {r.id for r in matches}
    if len({normalize_title(r.title) for r in matches}) == 1 and len(versions) == len(matches):
        return max(matches, key=lambda r: r.version_date)
    titles = "; ".join(sorted(r.id for r in matches)[:5])
    raise InputError(f"{name!r} names several regulations: {titles}", field="regulation")


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
        """The regulation a name means (see :func:`pick_regulation`).

        Raises NotFoundError when nothing matches, InputError when several do.
        """
        return pick_regulation(name, self.regulations)

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
