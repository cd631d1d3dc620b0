"""Samples /health from a process of its own (used by bench/health_bench.py).

    python bench/health_sampler.py BASE_URL START SECONDS EVERY OUT_JSON [PATH]

From ``START`` (a time.monotonic() value: CLOCK_MONOTONIC, the same in every process of the
machine) for ``SECONDS``, asks ``BASE_URL/health`` (or ``PATH``; ``tcp`` only opens and
closes a connection, which the kernel accepts without the server's process: the
scheduling delay of this sampler itself) every ``EVERY`` seconds on a fixed
schedule, each sample on a thread of its own (a slow answer delays no later sample), and
writes ``[[ended, status, ms from due, ms from send], ...]`` to ``OUT_JSON``.

Why a process: the bench's own process runs 60 search clients and 4 console clients on
threads; a /health sample taken there waits for that process's interpreter lock too, so its
latency is partly the client's. This process does nothing else, and imports only the
standard library (it starts in a few tens of milliseconds, before the window).
"""

from __future__ import annotations

import http.client
import json
import sys
import threading
import time
from urllib.parse import urlsplit

TIMEOUT_S = 30.0


def main() -> None:
    base, start, seconds, every, out = (sys.argv[1], float(sys.argv[2]), float(sys.argv[3]),
                                        float(sys.argv[4]), sys.argv[5])
    path = sys.argv[6] if len(sys.argv) > 6 else "/health"
    url = urlsplit(base)
    rows: list[tuple[float, int, float, float]] = []
    lock = threading.Lock()

    def sample(due: float) -> None:
        sent = time.monotonic()
        try:  # a new connection each sample, as a monitoring probe does
            connection = http.client.HTTPConnection(url.hostname or "127.0.0.1", url.port,
                                                    timeout=TIMEOUT_S)
            if path == "tcp":  # connected once the kernel completed the handshake
                connection.connect()
                status = 200
            else:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                status = response.status
            connection.close()
        except (OSError, http.client.HTTPException):
            status = 0
        ended = time.monotonic()
        with lock:
            rows.append((ended, status, (ended - due) * 1000, (ended - sent) * 1000))

    samplers = []
    due = start
    time.sleep(max(0.0, due - time.monotonic()))
    while due < start + seconds:
        sampler = threading.Thread(target=sample, args=(due,))
        sampler.start()
        samplers.append(sampler)
        due += every
        time.sleep(max(0.0, due - time.monotonic()))
    for sampler in samplers:
        sampler.join()
    with open(out, "w", encoding="utf-8") as file:
        json.dump(rows, file)


if __name__ == "__main__":
    main()
