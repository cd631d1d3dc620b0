"""An actor's incidents a page at a time, read from the store (liuhen/records/people.py
``actor_incidents``): the statements of graph/queries/involvement.py merged into one page.

Two streams of candidates, in page order: the incidents the people took a role in, and
those about cases they are party to. Each is read ``scan`` candidates at a time, and only
the stream that lags is read again, as in a merge of sorted lists: a candidate is *settled*
once no stream still open can answer one before it. Settled candidates are then checked a
page's worth at a time: superseded ones (a later version corrects them) leave the page,
current ones get their ties. The statements per page are therefore four for an actor
with no correction among their first incidents, whatever their number of incidents."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from graph.queries.involvement import INVOLVEMENT_KEYS, INVOLVEMENT_TIES, THROUGH, Through
from graph.store import GraphStore

Key = tuple[int, str]  # (occurred_key, incident id): the page order, oldest first


@dataclass(frozen=True)
class InvolvedIncident:
    """An incident of an actor's page: its id, when it occurred (``occurred_key``, seconds)
    and every [person, edge type, role] that ties it to the people asked about."""

    incident: str
    key: int
    ties: list[list[str | None]]


@dataclass
class _Stream:
    through: Through
    last: Key  # the last candidate answered, or the cursor before the first answer
    done: bool = False


def involvement_page(store: GraphStore, people: Iterable[str], *, after: Key | None,
                     newest: bool, limit: int,
                     scan: int | None = None) -> tuple[list[InvolvedIncident], bool]:
    """The first ``limit`` current incidents the people are in after the cursor ``after``
    (occurred_key, id), oldest (``newest``: newest) first, and whether more follow.
    ``scan``: candidates a keys statement answers (by default twice a page, so that
    repeats and superseded versions seldom need a second read)."""
    wanted = sorted(set(people))
    if not wanted:
        return [], False
    # the first page: a time beyond every incident's (the id then never compared; not empty,
    # which the store answers with nothing, as it does any empty id)
    start = after or ((2**62, "-") if newest else (-(2**62), "-"))
    scan = scan or 2 * (limit + 1)

    def before(a: Key, b: Key) -> bool:
        return a > b if newest else a < b

    streams = [_Stream(through, start) for through in THROUGH]
    # candidates read and not yet checked: id -> (occurred_key, the streams that answered it)
    pending: dict[str, tuple[int, set[Through]]] = {}
    checked: set[str] = set()
    page: list[InvolvedIncident] = []
    frontier: Key | None = start
    while frontier is not None and len(page) <= limit:
        for stream in streams:
            if not stream.done and stream.last == frontier:
                _read_keys(store, stream, wanted, newest, scan, pending, checked)
        still_open = [stream.last for stream in streams if not stream.done]
        # the open stream that lags: every candidate at or before its last is settled
        frontier = (max if newest else min)(still_open) if still_open else None
        settled = sorted(((key, incident) for incident, (key, _) in pending.items()
                          if frontier is None or not before(frontier, (key, incident))),
                         reverse=newest)
        while settled and len(page) <= limit:
            batch, settled = settled[:limit + 1 - len(page)], settled[limit + 1 - len(page):]
            ties = _ties(store, {incident: pending[incident][1] for _, incident in batch},
                         wanted)
            for key, incident in batch:
                del pending[incident]
                checked.add(incident)
                if incident in ties:
                    page.append(InvolvedIncident(incident, key, ties[incident]))
    return page[:limit], len(page) > limit


def _read_keys(store: GraphStore, stream: _Stream, wanted: list[str], newest: bool,
               scan: int, pending: dict[str, tuple[int, set[Through]]],
               checked: set[str]) -> None:
    """The stream's next ``scan`` candidates into ``pending`` (repeats once), each marked as
    answered by this stream."""
    rows = store.read(INVOLVEMENT_KEYS[(stream.through, newest)],
                      {"ids": wanted, "after_key": stream.last[0],
                       "after_id": stream.last[1], "scan": scan})
    for row in rows:
        if row["incident"] not in checked:
            pending.setdefault(row["incident"], (int(row["occurred"]), set()))[1].add(
                stream.through)
    stream.done = len(rows) < scan
    if rows:
        stream.last = (int(rows[-1]["occurred"]), str(rows[-1]["incident"]))


def _ties(store: GraphStore, candidates: dict[str, set[Through]],
          wanted: list[str]) -> dict[str, list[list[str | None]]]:
    """The current ones of ``candidates`` with every tie to the people, by id. A settled
    candidate's ties through a stream are asked only if that stream answered it: every stream
    has read past it, so one that did not answer it holds no tie to it (and an actor party to
    no case is not asked about cases at all)."""
    found: dict[str, list[list[str | None]]] = {}
    for through in THROUGH:
        asked = [c for c, answered_by in candidates.items() if through in answered_by]
        if not asked:
            continue
        for row in store.read(INVOLVEMENT_TIES[through], {"candidates": asked, "ids": wanted}):
            found.setdefault(row["incident"], []).extend(row["ties"])
    return found
