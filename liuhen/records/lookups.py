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
from graph.chains import stored_head, stream_chain
from graph.record_reads import (
    actor_page,
    actors_by_ids,
    actors_found,
    cases_by_ids,
    incidents_by_ids,
    organ_incident_counts,
    organ_page,
    organs_by_ids,
)
from graph.store import GraphStore
from ingest.integrity import ChainChecker, IntegrityReport, Problem, ProblemKind
from ingest.records import Actor, Case, Incident, Organ
from ingest.seals import ChainSealer
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
    return {i: s.incident for i, s in incidents_by_ids(store, bounded_ids(ids)).items()}


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


def verify_organ(store: GraphStore, organ: str,
                 sealer: ChainSealer | None = None) -> IntegrityReport:
    """One organ's chain checked as stored, page by page, with its head's seal and the anchor
    kept outside the store: graph.chain_audit.verify_store for a single organ (an incident's
    page shows its organ's chain; checking every organ's would read every record)."""
    anchor = sealer.latest().get(organ) if sealer is not None else None
    keyed = sealer is not None and sealer.has_key
    problems: list[Problem] = []
    if anchor is not None and sealer is not None and keyed and not sealer.seal_matches(
            organ, anchor.length, anchor.hash, anchor.seal):
        problems.append(Problem(kind=ProblemKind.SEAL_MISMATCH, organ=organ,
                                seq=anchor.length, record_id=None,
                                message=f"{organ}: the anchor log's entry is not sealed by "
                                "the key: the log was edited"))
        anchor = None
    checker = ChainChecker(organ, (anchor.length, anchor.hash) if anchor else None)
    for record in stream_chain(store, organ):
        checker.feed(record)
    head, seal = stored_head(store, organ)
    problems += checker.finish(head)
    if (head is not None and sealer is not None and (keyed or seal)
            and not sealer.seal_matches(organ, head.length, head.hash, seal)):
        problems.append(Problem(
            kind=ProblemKind.SEAL_MISMATCH, organ=organ, seq=head.length, record_id=None,
            message=f"{organ}: the head's seal is not the key's" + (
                "" if seal else " (the head is not sealed)") + ": the head was set outside "
            "liuhen"))
    return IntegrityReport(ok=not problems, organs=1 if checker.records else 0,
                           records=checker.records, problems=problems)
