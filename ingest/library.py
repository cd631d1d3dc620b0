"""Regulations in memory, found by the names people use: full title, short title, alias (R1),
or a unique part of the title (the rule is :func:`core.names.pick_regulation`). The graph
store answers the same questions at scale; this serves the parser's own commands, the seed
regulations (R1-R3) the record services check against, and the tests that need no store."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from core.errors import InputError, NotFoundError
from core.names import pick_regulation
from ingest.articles import parse_article_number
from ingest.corpus import read_corpus
from ingest.models import Article, Regulation


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


SEED_ALIASES = ("R1", "R2", "R3")


def seed_regulations(directory: Path) -> dict[str, Regulation]:
    """The three 2015 regulations (R1, R2, R3) parsed from ``directory``, by alias.

    Raises InputError when the folder is missing or does not hold them, NotFoundError when
    one of the three is not there, ParseError for a file that cannot be parsed.
    """
    library = RegulationLibrary.from_directory(directory)
    return {alias: library.find(alias) for alias in SEED_ALIASES}


def article_items(regulations: Mapping[str, Regulation]) -> dict[str, int | None]:
    """``R1-8`` -> 5 for every article of the regulations given by alias."""
    return {
        f"{alias}-{article.number.number}": sum(len(p.items) for p in article.paragraphs) or None
        for alias, regulation in regulations.items()
        for article in regulation.articles
        if not article.number.suffix
    }
