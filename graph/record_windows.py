"""Newest-first pages of incidents without an actor, case or organ anchor, read one window of
recording time at a time, backwards, until the page is full (statements in
graph/queries/records_window.py): a page costs what its windows hold, not what the store
holds. And the migration that gives incidents stored before it their integer time keys.

The walk: the first window is open upwards (an incident recorded after the newest one this
process knows of is never missed) and starts one day below that newest time, or below the
quarter's end when ``until`` is given (an incident is recorded after it happened, so nothing
that happened in the quarter was recorded long before its end... but it may be recorded
long after, which the open first window holds); each next window is four times wider; past
MAX_WINDOWS windows, or below ``since`` (nothing is recorded before it happened), one last
window reaches down to the beginning of time. The keyset cursor (recorded_at, id) is exact
inside a window, the integer key (whole seconds) only chooses the windows.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from graph.chains import time_key
from graph.queries import Backend
from graph.queries.records_window import (
    RECORD_INCIDENT_WINDOW_COUNTS,
    RECORD_INCIDENT_WINDOWS,
    RECORD_NEWEST_KEY,
    RECORD_SET_TIME_KEYS,
    RECORD_UNKEYED_INCIDENTS,
)
from graph.schema import RelType
from graph.store import GraphStore, Row

FIRST_WINDOW_S = 86_400
WINDOW_GROWTH = 4
MAX_WINDOWS = 8
#: Below every time key (and the key given to a time that does not parse).
FLOOR = -(2**62)
CEILING = 2**62
#: Incidents keyed per statement by the migration.
KEY_PAGE = 5_000
_TOP_TTL_S = 60.0
_tops: dict[int, tuple[float, int]] = {}
_tops_lock = threading.Lock()

_OTHER_FILTERS = ("stage", "channel", "regulation")


def _key_of(text: Any) -> int:
    try:
        return time_key(datetime.fromisoformat(str(text)))
    except (TypeError, ValueError, OverflowError):
        return FLOOR  # listed last, never lost


def ensure_time_keys(store: GraphStore) -> int:
    """Give every incident stored without them its integer time keys; how many were keyed.
    Idempotent: a store already keyed costs one scan that finds nothing. Ends whatever is
    stored: a page the write could not key whole (an id the write's lookup misses) is not
    read again and again; those incidents stay unkeyed, as verify reports them."""
    keyed = 0
    while True:
        rows = store.read(RECORD_UNKEYED_INCIDENTS, {"limit": KEY_PAGE})
        if not rows:
            return keyed
        written = store.write(RECORD_SET_TIME_KEYS, {"rows": [
            {"id": row["id"], "recorded_key": _key_of(row["recorded_at"]),
             "occurred_key": _key_of(row["occurred_at"])} for row in rows]})
        done = int(written[0]["keyed"]) if written else 0
        keyed += done
        if done < len({row["id"] for row in rows}):
            return keyed


def newest_key(store: GraphStore) -> int:
    """The newest recording time stored, as this process last read it (at most a minute
    old): only where the walk starts, never what it may miss. After the first read, only
    the index past the known newest is asked."""
    now = time.monotonic()
    with _tops_lock:
        cached = _tops.get(id(store))
    if cached is not None and now - cached[0] < _TOP_TTL_S:
        return cached[1]
    known = cached[1] if cached is not None else FLOOR
    rows = store.read(RECORD_NEWEST_KEY, {"since": known})
    top = rows[0]["top"] if rows and isinstance(rows[0]["top"], int) else known
    with _tops_lock:
        _tops[id(store)] = (now, top)
    return top


def saw_recorded(store: GraphStore, recorded: datetime) -> None:
    """A write of this process: the next walk starts at least there."""
    key = time_key(recorded)
    with _tops_lock:
        cached = _tops.get(id(store))
        if cached is not None and key > cached[1]:
            _tops[id(store)] = (cached[0], key)


def window_rows(store: GraphStore, filters: Mapping[str, Any], *,
                after: tuple[str, str] | None, wanted: int) -> list[Row]:
    """Up to ``wanted`` rows newest first by (recorded_at, id) after the cursor ``after``.
    ``filters``: verdict, since, until (ISO text, until exclusive), stage, channel,
    regulation, all_versions."""
    shape, params = _filter_params(filters)
    params["after_at"], params["after_id"] = after if after else (None, None)
    statement = RECORD_INCIDENT_WINDOWS[shape]
    floor = params.get("since_key", FLOOR)
    if after is not None and _key_of(after[0]) != FLOOR:
        hi = _key_of(after[0]) + 1
        start = hi
    else:  # no cursor (or one whose time does not parse: the text decides, from the top)
        hi = CEILING
        start = newest_key(store)
        if "until_key" in params:
            start = min(start, params["until_key"])
    width = FIRST_WINDOW_S
    lo = max(start - width, FLOOR)
    found: list[Row] = []
    for window in range(MAX_WINDOWS + 1):
        if window == MAX_WINDOWS or lo <= floor:
            lo = FLOOR  # the last window: down to the beginning
        found += store.read(statement, params | {"lo": lo, "hi": hi,
                                                 "limit": wanted - len(found)})
        if len(found) >= wanted or lo == FLOOR:
            return found
        width *= WINDOW_GROWTH
        hi, lo = lo, max(lo - width, FLOOR)
    return found


def window_total(store: GraphStore, filters: Mapping[str, Any], *, cap: int) -> int:
    """How many incidents match ``filters`` (as :func:`window_rows`), counted up to ``cap``."""
    shape, params = _filter_params(filters)
    params["cap"] = cap
    backend = Backend.FALKORDB if store.backend is Backend.FALKORDB else Backend.NEO4J
    if backend is Backend.FALKORDB:
        params["corrects"] = str(RelType.CORRECTS)
    rows = store.read(RECORD_INCIDENT_WINDOW_COUNTS[(shape, backend)], params)
    return int(rows[0]["total"]) if rows else 0


def _filter_params(filters: Mapping[str, Any]) -> tuple[tuple[bool, bool, bool], dict[str, Any]]:
    """Which statement shape ``filters`` need (verdict, since, until given) and its parameters
    (the times as integer keys)."""
    since, until, verdict = filters.get("since"), filters.get("until"), filters.get("verdict")
    params: dict[str, Any] = {name: filters.get(name) for name in _OTHER_FILTERS}
    params["all_versions"] = bool(filters.get("all_versions"))
    if verdict is not None:
        params["verdict"] = verdict
    if since is not None:
        params["since_key"] = _key_of(since)
    if until is not None:
        params["until_key"] = _key_of(until)
    return (verdict is not None, since is not None, until is not None), params
