"""Whether a process is alive: shared by the store's supervisor (graph) and the search
index's clean-up of dead writers' folders (search)."""

from __future__ import annotations

import os
from pathlib import Path


def pid_alive(pid: int) -> bool:
    """Return True if ``pid`` is a running (not zombie) process."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True  # no procfs (macOS): trust kill(0)
    # Format: "pid (comm) state ...", comm may contain spaces or parentheses.
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")
