"""One error tree. Each class carries the HTTP status the API answers with; the API renders
every one of them as the same JSON body, and the CLI prints the message and exits non-zero."""

from __future__ import annotations

from pathlib import Path


class LiuhenError(Exception):
    """Root of every error liuhen raises on purpose."""

    status_code = 500
    code = "internal_error"

    def __init__(self, message: str, *, details: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or {}


class InputError(LiuhenError):
    """Bad input: a file, a record or a parameter. Names what and where."""

    status_code = 422
    code = "invalid_input"

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        where = []
        if file is not None:
            where.append(str(file) + (f":{line}" if line is not None else ""))
        elif line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field!r}")
        prefix = ", ".join(where)
        super().__init__(
            f"{prefix}: {message}" if prefix else message,
            details={"file": None if file is None else str(file), "line": line, "field": field},
        )
        self.file = None if file is None else str(file)
        self.line = line
        self.field = field


class ParseError(InputError):
    """A regulation text that cannot be parsed faithfully."""

    code = "parse_error"


class NotFoundError(LiuhenError):
    """What was asked for does not exist; the message names it."""

    status_code = 404
    code = "not_found"


class BackendError(LiuhenError):
    """A store or model could not be reached or started; the message names which."""

    status_code = 503
    code = "backend_unavailable"


class NoAnswerError(BackendError):
    """The store took a statement and gave no answer: none within its timeout, or the
    connection dropped before one came (the store killed or restarted meanwhile). For a
    write the outcome is unknown, ``details["outcome"]``: it may or may not have landed, and
    it was not sent again; reading the record tells which."""


class DamagedRecordError(LiuhenError):
    """A stored record no longer reads as one (edited behind the service's back): only the
    routes that must show that record fail, with its id; lists leave it out and name it, and
    ``liuhen verify`` reports what changed. Not a 503: retrying does not mend it."""

    status_code = 500
    code = "damaged_record"


class ConflictError(LiuhenError):
    """The request contradicts what is stored (an incident id already recorded with other
    content); the message says what to do instead."""

    status_code = 409
    code = "conflict"


class WriteRefusedError(LiuhenError):
    """A statement sent through a read-only path tried to write, and the database refused it."""

    status_code = 403
    code = "write_refused"
