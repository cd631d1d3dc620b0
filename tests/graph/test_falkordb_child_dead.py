"""EmbeddedFalkorDB.child_dead: what /health reads on the event loop (liuhen/health.py)."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.falkordb_server import EmbeddedFalkorDB


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[tuple[EmbeddedFalkorDB, EmbeddedFalkorDB]]:
    owner = EmbeddedFalkorDB(tmp_path / "fdb", supervise=False)
    attached = EmbeddedFalkorDB(tmp_path / "fdb")
    try:
        owner.start()
        attached.start()
        yield owner, attached
    finally:
        attached.stop()
        owner.stop()


def test_child_dead_says_at_once_that_the_owned_server_died(
    servers: tuple[EmbeddedFalkorDB, EmbeddedFalkorDB],
) -> None:
    """No ping needed: a waitpid on the owned child; an attached instance cannot tell and
    says False."""
    owner, attached = servers
    assert not owner.child_dead() and not attached.child_dead()
    pid = owner.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while not owner.child_dead():
        assert time.monotonic() < deadline, "the killed child was not seen dead"
        time.sleep(0.01)
    assert not attached.child_dead()
    assert owner.revive() and not owner.child_dead()
