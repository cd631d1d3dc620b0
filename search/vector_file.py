"""The passage vectors of a saved index, memory-mapped read-only.

An index keeps its vectors as float16 (``vectors.npy``: half the disk). Scoring needs
float32, and converting on every load gave each process its own private copy (LawRefBook:
59,210 x 384 floats, 91 MB): N workers of ``liuhen serve --workers N`` held N copies. So
the first process to load an index writes the float32 matrix beside it once
(``vectors.f32.npy``), and every process maps that file read-only: one copy, in the page
cache, shared. The values are the float16 ones widened, exactly what the conversion gave.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import numpy.typing as npt

HALF_NAME = "vectors.npy"
FULL_NAME = "vectors.f32.npy"


def load_vectors(folder: Path) -> npt.NDArray[np.float32]:
    """The float32 vectors of the index in ``folder``, mapped read-only from
    ``vectors.f32.npy`` (written from ``vectors.npy`` when missing or of another shape);
    in memory when the folder cannot be written. Raises OSError or ValueError when
    ``vectors.npy`` is unreadable."""
    half = folder / HALF_NAME
    full = folder / FULL_NAME
    shape = np.load(half, mmap_mode="r").shape
    mapped = _mapped(full, shape)
    if mapped is not None:
        return mapped
    vectors = np.load(half).astype(np.float32)
    partial = folder / f".{FULL_NAME}.{os.getpid()}.tmp"
    try:
        with partial.open("wb") as out:
            np.save(out, vectors)
        os.replace(partial, full)  # concurrent writers each write their own; one wins
    except OSError:
        partial.unlink(missing_ok=True)
        return vectors
    mapped = _mapped(full, shape)
    return mapped if mapped is not None else vectors


def _mapped(path: Path, shape: tuple[int, ...]) -> npt.NDArray[np.float32] | None:
    try:
        mapped = np.load(path, mmap_mode="r")
    except (OSError, ValueError):
        return None
    if mapped.shape != shape or mapped.dtype != np.float32:
        return None
    return np.asarray(mapped)  # a plain ndarray over the mapping: results are not memmaps
