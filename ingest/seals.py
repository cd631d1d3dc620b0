"""Tamper evidence from outside the store: chain heads sealed with a key the store never
holds, and an anchor log of the latest sealed head of every organ kept beside the key.

Whoever can write to the graph store can rewrite a chain and its head together so that the
hashes agree again; without the key they cannot make the head's seal agree
(``HMAC-SHA256(key, organ|length|head_hash)``), and the anchor log remembers how far each
chain had grown when a write was acknowledged, so a truncated chain, a rolled-back head or a
deleted organ shows even with a valid old seal. Someone holding both the key and the store
can still forge; keep ``<data_dir>/keys`` away from the store's operators.

The key is 32 random bytes in a 0600 file inside a 0700 folder, created on first use. The
anchor log holds one line per acknowledged write (``organ length head_hash seal``), is
fsynced before the write is reported done, and is compacted to the latest line per organ
when it grows past a bound, so its size follows the number of organs, not of records.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import hmac
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from core.errors import BackendError

KEY_BYTES = 32
#: The anchor log is compacted to one line per organ once it has grown this many bytes
#: since its last compaction (about 5,000 anchors).
ANCHOR_SLACK_BYTES = 1 << 20
#: An anchor line longer than this is not one of ours (ids are bounded well below).
MAX_ANCHOR_LINE = 8_192


def _private_dir(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(path, 0o700)


def _create_key(path: Path) -> None:
    _private_dir(path.parent)
    # Written whole to a temporary file, then linked into place: a key is published
    # complete or not at all, and of two processes racing only one key wins.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, secrets.token_bytes(KEY_BYTES))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(temporary, path)
    except FileExistsError:
        pass  # another process won the race: its key is the key
    finally:
        os.unlink(temporary)


def read_or_create_key(path: Path, *, create: bool = True) -> bytes | None:
    """The sealing key at ``path``; created (0600, in a 0700 folder) when missing and
    ``create``, else None. Raises BackendError for a key file of the wrong size."""
    try:
        key = path.read_bytes()
    except FileNotFoundError:
        if not create:
            return None
        try:
            _create_key(path)
            key = path.read_bytes()  # the key that won, ours or another process's
        except OSError as error:
            raise BackendError(f"cannot create the chain seal key {path}: {error}") from error
    except OSError as error:
        raise BackendError(f"cannot read the chain seal key {path}: {error}") from error
    if len(key) != KEY_BYTES:
        raise BackendError(f"the chain seal key {path} holds {len(key)} bytes, not "
                           f"{KEY_BYTES}: restore it from its backup")
    return key


@dataclass(frozen=True)
class Anchor:
    """The sealed head of one organ's chain at an acknowledged write."""

    organ: str
    length: int
    hash: str
    seal: str

    def line(self) -> str:
        return f"{self.organ} {self.length} {self.hash} {self.seal}\n"

    @classmethod
    def parse(cls, line: str) -> Anchor | None:
        parts = line.split()
        if len(line) > MAX_ANCHOR_LINE or len(parts) != 4 or not parts[1].isdigit():
            return None
        return cls(parts[0], int(parts[1]), parts[2], parts[3])


class ChainSealer:
    """Seals chain heads with the key of ``key_file`` and keeps the anchor log beside it.

    Safe for threads and for several processes over one data directory (the log is appended
    and compacted under an exclusive ``flock``).
    """

    def __init__(self, key_file: Path, anchor_file: Path | None = None) -> None:
        self.key_file = key_file
        self.anchor_file = anchor_file or key_file.with_name("anchors.log")
        self._key: bytes | None = None
        self._size_at_compaction: int | None = None

    def key(self, *, create: bool = True) -> bytes | None:
        if self._key is None:
            self._key = read_or_create_key(self.key_file, create=create)
        return self._key

    def seal(self, organ: str, length: int, head_hash: str) -> str:
        """``HMAC-SHA256(key, organ|length|head_hash)`` as hex; creates the key if needed."""
        key = self.key()
        assert key is not None
        return _seal(key, organ, length, head_hash)

    def seal_matches(self, organ: str, length: int, head_hash: str, seal: str | None) -> bool:
        """Whether ``seal`` is the key's seal of this head (False without a key)."""
        key = self.key(create=False)
        if key is None or not seal:
            return False
        return hmac.compare_digest(_seal(key, organ, length, head_hash), seal)

    def seal_text(self, purpose: str, text: str) -> str:
        """``HMAC-SHA256(key, ":purpose|text")`` as hex, for a sealed value that is not a
        chain head (an organ id never starts with ':', so it can never equal a head's)."""
        key = self.key()
        assert key is not None
        return hmac.new(key, f":{purpose}|{text}".encode(), hashlib.sha256).hexdigest()

    def text_seal_matches(self, purpose: str, text: str, seal: str | None) -> bool:
        """Whether ``seal`` is the key's seal of ``text`` (False without a key)."""
        if not seal or self.key(create=False) is None:
            return False
        return hmac.compare_digest(self.seal_text(purpose, text), seal)

    @property
    def has_key(self) -> bool:
        return self.key(create=False) is not None

    # ------------------------------------------------------------ the anchor log

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        _private_dir(self.anchor_file.parent)
        lock = os.open(self.anchor_file.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX)
            yield
        finally:
            os.close(lock)  # closing releases the flock

    def anchor(self, organ: str, length: int, head_hash: str, seal: str) -> None:
        """Append the sealed head of an acknowledged write, fsynced; compact when long."""
        self.anchor_heads([Anchor(organ, length, head_hash, seal)])

    def anchor_heads(self, heads: Sequence[Anchor]) -> None:
        """Append the sealed heads of one acknowledged write (a group commit may move several
        organs' heads) in one write and one fsync; compact when long."""
        if not heads:
            return
        text = "".join(head.line() for head in heads)
        try:
            with self._locked():
                fd = os.open(self.anchor_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
                try:
                    os.write(fd, text.encode())
                    os.fsync(fd)
                finally:
                    os.close(fd)
                self._maybe_compact()
        except OSError as error:
            raise BackendError(f"cannot write the anchor log {self.anchor_file}: "
                               f"{error}") from error

    def latest(self) -> dict[str, Anchor]:
        """The longest anchored head of every organ (the log may hold older ones too)."""
        out: dict[str, Anchor] = {}
        try:
            with self.anchor_file.open(encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    found = Anchor.parse(line)
                    if found is not None and (found.organ not in out
                                              or found.length > out[found.organ].length):
                        out[found.organ] = found
        except FileNotFoundError:
            return {}
        return out

    def _maybe_compact(self) -> None:
        """Rewrite the log as its latest line per organ (under the lock, atomically)."""
        size = self.anchor_file.stat().st_size
        if self._size_at_compaction is None or size < self._size_at_compaction:
            self._size_at_compaction = size  # first look, or another process compacted
        if size - self._size_at_compaction < ANCHOR_SLACK_BYTES:
            return
        latest = self.latest()
        temporary = self.anchor_file.with_suffix(".tmp")
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, "".join(a.line() for _, a in sorted(latest.items())).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temporary, self.anchor_file)
        self._size_at_compaction = self.anchor_file.stat().st_size


def _seal(key: bytes, organ: str, length: int, head_hash: str) -> str:
    return hmac.new(key, f"{organ}|{length}|{head_hash}".encode(), hashlib.sha256).hexdigest()
