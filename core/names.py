"""Names and keys every layer shares: the normalised title a regulation is matched by, and
the rule that picks the one regulation a name means among candidates (parsed documents or
graph rows alike)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from typing import Protocol, TypeVar

from core.errors import InputError, NotFoundError

_VERSION_SUFFIX = re.compile(r"\(\d{4}-\d{2}-\d{2}\)$")
_PRC = "中华人民共和国"


def normalize_title(title: str) -> str:
    """Reduce a regulation title to the key used for matching citations and eval answers.

    NFKC folds full-width brackets to half-width; 《》, whitespace and every 中华人民共和国
    are dropped, and a trailing version date such as (2018-03-20) is removed.
    """
    folded = unicodedata.normalize("NFKC", title)
    folded = folded.replace("《", "").replace("》", "").replace(_PRC, "")
    folded = re.sub(r"\s+", "", folded)
    return _VERSION_SUFFIX.sub("", folded)


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
