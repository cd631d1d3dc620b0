"""Who acts: the roles a query names (in the regulations' words or in lay words such as 副省长,
同事, 法官) against the roles each regulation governs (its role mentions), as a ranking of
regulations that fusion can use."""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

import numpy as np
import numpy.typing as npt

from ingest.extract import load_vocabulary
from ingest.models import Regulation
from search.tokenizer import DATA_DIR, normalize_text


@dataclass(frozen=True)
class ActorProfile:
    """Share of a regulation's role mentions that name each role."""

    roles: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, float]:
        return dict(self.roles)

    @classmethod
    def from_dict(cls, raw: dict[str, float]) -> ActorProfile:
        return cls({str(k): float(v) for k, v in raw.items()})


@cache
def actor_surfaces() -> dict[str, str]:
    """Surface form -> canonical role: the role vocabulary plus ``search/data/actors.json``."""
    vocabulary = load_vocabulary()
    surfaces = {
        surface: role
        for surface, role in vocabulary.canonical_by_surface.items()
        if vocabulary.kind_by_role.get(role) == "role"
    }
    raw = json.loads((DATA_DIR / "actors.json").read_text("utf-8"))
    for role, words in raw.items():
        if not role.startswith("_"):
            surfaces.update({word: role for word in words})
    return surfaces


@cache
def _pattern() -> re.Pattern[str]:
    words = sorted(actor_surfaces(), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def query_actors(text: str) -> list[str]:
    """Canonical roles named in ``text``, in order of first mention."""
    surfaces = actor_surfaces()
    found = (surfaces[m.group(0)] for m in _pattern().finditer(normalize_text(text)))
    return list(dict.fromkeys(found))


def regulation_profiles(regulations: Iterable[Regulation]) -> dict[str, ActorProfile]:
    """Each regulation's role profile, from the role mentions the parser found."""
    kinds = load_vocabulary().kind_by_role
    profiles = {}
    for regulation in regulations:
        counts = Counter(
            mention.role
            for article in regulation.articles
            for mention in article.roles
            if kinds.get(mention.role) == "role"
        )
        total = sum(counts.values())
        if total:
            profiles[regulation.id] = ActorProfile({r: c / total for r, c in counts.items()})
    return profiles


def actor_ranks(
    text: str, profiles: dict[str, ActorProfile], regulation_ids: Sequence[str]
) -> tuple[list[str], npt.NDArray[np.int64] | None]:
    """Roles named in ``text`` and the 1-based rank of each regulation by how much of its text
    governs them (share of mentions times the role's rarity across regulations, the first role
    named weighted most); 0 for regulations that govern none. ``None`` when no role is named."""
    actors = query_actors(text)
    if not actors or not profiles:
        return actors, None
    n = len(regulation_ids)
    rarity = {
        role: math.log(1 + n / sum(1 for p in profiles.values() if role in p.roles))
        for role in actors
        if any(role in p.roles for p in profiles.values())
    }
    # The first role named is usually the one who acts (the subject); later ones count less.
    weight = {role: rarity[role] / (position + 1)
              for position, role in enumerate(actors) if role in rarity}
    scores = np.zeros(n, dtype=np.float32)
    for i, regulation_id in enumerate(regulation_ids):
        profile = profiles.get(regulation_id)
        if profile is not None:
            scores[i] = sum(profile.roles.get(r, 0.0) * w for r, w in weight.items())
    ranks = np.zeros(n, dtype=np.int64)
    positive = np.flatnonzero(scores > 0)
    if len(positive) == 0:
        return actors, None
    order = positive[np.lexsort((positive, -scores[positive]))]
    ranks[order] = np.arange(1, len(order) + 1)
    return actors, ranks
