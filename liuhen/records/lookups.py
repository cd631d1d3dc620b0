"""The small reads the web pages need besides the records views: names of the records a page
shows (by id), actors found by name, keyset pages of actors and organs, incident counts of a
page of organs, the id a correction takes, and one organ's hash chain checked. Each is
bounded by its ids, its ``limit`` or one organ's chain; none reads the whole record set.

Errors: InputError names the bad argument (with its field); BackendError comes from the
store.
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel, Field

from core.errors import InputError
from graph.record_reads import (
    actor_page,
    actors_by_ids,
    actors_found,
    cases_by_ids,
    incident_payloads,
    incidents_by_ids,
    organ_incident_counts,
    organ_page,
    organs_by_ids,
)
from graph.store import GraphStore
from ingest.records import Actor, Case, Incident, Organ
from liuhen.records.views import MAX_PAGE

#: The most ids one lookup takes (a page shows at most MAX_PAGE records, each naming a few).
MAX_IDS = 5 * MAX_PAGE
#: Versions a correction id is looked for among (base-v2 … base-v{MAX_VERSIONS + 1}).
MAX_VERSIONS = 100


class Named(BaseModel):
    """The records a page names, by id (those the store lacks are absent)."""

    actors: dict[str, Actor] = Field(default_factory=dict)
    organs: dict[str, Organ] = Field(default_factory=dict)
    cases: dict[str, Case] = Field(default_factory=dict)


def bounded_ids(ids: Iterable[str], field: str = "ids") -> list[str]:
    wanted = sorted({i for i in ids if i})
    if len(wanted) > MAX_IDS:
        raise InputError(f"at most {MAX_IDS} ids at a time", field=field)
    return wanted


def named(store: GraphStore, *, actors: Iterable[str] = (), organs: Iterable[str] = (),
          cases: Iterable[str] = ()) -> Named:
    """The actors, organs and cases of these ids, by id; ids the store lacks are left out."""
    return Named(actors=actors_by_ids(store, bounded_ids(actors, "actors")),
                 organs=organs_by_ids(store, bounded_ids(organs, "organs")),
                 cases=cases_by_ids(store, bounded_ids(cases, "cases")))


def incidents_of(store: GraphStore, ids: Iterable[str]) -> dict[str, Incident]:
    """The incidents of these ids as recorded (any version), by id."""
    return incident_payloads(store, bounded_ids(ids))


def organ_counts(store: GraphStore, organ_ids: Iterable[str]) -> dict[str, int]:
    """Current incidents recorded by each organ of a page of ids (0: none)."""
    return organ_incident_counts(store, bounded_ids(organ_ids, "organs"))


def _limit(limit: int) -> None:
    if not 1 <= limit <= MAX_PAGE:
        raise InputError(f"limit must be 1..{MAX_PAGE}", field="limit")


def find_actors(store: GraphStore, text: str, *, limit: int = 50) -> list[Actor]:
    """The actor whose id is ``text``, then those whose name begins with it, by id."""
    _limit(limit)
    wanted = text.strip()
    if not wanted or len(wanted) > 100:
        raise InputError("name 1 to 100 characters of a name or an id", field="q")
    return actors_found(store, wanted, limit=limit)


def actors_after(store: GraphStore, after: str, *, limit: int = 50) -> list[Actor]:
    """A page of actors by id, after the id ``after`` (a keyset page: any depth, same cost)."""
    _limit(limit)
    return actor_page(store, kind=None, organ=None, after=after, skip=0, limit=limit)


def organs_after(store: GraphStore, after: str, *, limit: int = 50) -> list[Organ]:
    """A page of organs by id, after the id ``after``."""
    _limit(limit)
    return organ_page(store, kind=None, level=None, after=after, skip=0, limit=limit)


def next_version_id(store: GraphStore, incident_id: str) -> str:
    """The id a correction of ``incident_id`` takes: ``<base>-v<n>`` with the smallest n >= 2
    no incident holds yet (base: the id without its -vN)."""
    base = incident_id.split("-v")[0]
    candidates = [f"{base}-v{n}" for n in range(2, MAX_VERSIONS + 2)]
    taken = incidents_by_ids(store, candidates)
    free = next((c for c in candidates if c not in taken), None)
    if free is None:
        raise InputError(f"{incident_id} has {MAX_VERSIONS} versions already: name the "
                         "correction's id yourself", field="id")
    return free


