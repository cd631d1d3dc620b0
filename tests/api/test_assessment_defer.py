"""The assessment process holds back while writes are being acknowledged
(api/assessment_process.defer_while_recording): the anchor log a real sealed write appends
to is the signal, and the wait is bounded so that a steady stream of writes still gets
assessed."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from api.assessment_process import BUSY_S, defer_while_recording
from core.settings import Settings
from liuhen.records.service import RecordsService
from tests.graph.chain_fixtures import new_incident

ORGAN = "bl-al-fy"


def test_a_write_just_acknowledged_holds_the_assessment_back(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    with RecordsService.opened(settings) as service:
        service.ingest([settings.example_dir])
        service.record(new_incident("defer-1", organ=ORGAN))  # sealed: its head anchored
    anchor_log = settings.anchor_path
    assert anchor_log.exists()
    os.utime(anchor_log)  # as if the write were acknowledged now
    started = time.monotonic()
    defer_while_recording(anchor_log, 10.0)
    waited = time.monotonic() - started
    assert BUSY_S - 0.1 <= waited < 5.0  # until the writes were quiet for BUSY_S, not 10 s
    # quiet writers: no wait at all
    started = time.monotonic()
    defer_while_recording(anchor_log, 10.0)
    assert time.monotonic() - started < 0.1


def test_no_anchor_log_means_nothing_written_and_no_wait(tmp_path: Path) -> None:
    started = time.monotonic()
    defer_while_recording(tmp_path / "anchors.log", 10.0)
    assert time.monotonic() - started < 0.1


def test_a_steady_stream_of_writes_holds_it_back_no_longer_than_the_bound(
    tmp_path: Path,
) -> None:
    anchor_log = tmp_path / "anchors.log"
    anchor_log.write_text("")
    stop = threading.Event()

    def writes() -> None:  # an acknowledged group every 50 ms, as busy writers append
        while not stop.is_set():
            os.utime(anchor_log)
            time.sleep(0.05)

    writer = threading.Thread(target=writes)
    writer.start()
    try:
        started = time.monotonic()
        defer_while_recording(anchor_log, 1.5)
        waited = time.monotonic() - started
    finally:
        stop.set()
        writer.join()
    assert 1.4 <= waited < 3.0
