"""Reading record files: JSON Lines or CSV, one file per kind (``organs``, ``actors``,
``relations``, ``cases``, ``incidents``; the kind is the file name before any ``_suffix``),
every syntax or field problem reported with file, line and field."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from core.errors import InputError
from ingest.record_models import (
    KINDS,
    LIST_FIELDS,
    ArticleRef,
    Located,
    ParticipantRole,
    Record,
    RecordBatch,
    RecordsInputError,
)


def kind_of_file(path: Path) -> str:
    """``organs.jsonl``, ``incidents_2024.csv`` -> the record kind. Raises InputError."""
    stem = path.name.split(".")[0]
    for kind in KINDS:
        if stem == kind or stem.startswith((kind + "_", kind + "-")):
            return kind
    raise InputError(
        f"cannot tell the record kind from the name; start it with one of {', '.join(KINDS)}",
        file=path,
    )


def record_files(paths: Iterable[Path]) -> list[Path]:
    """The record files among paths; a directory stands for its .jsonl and .csv files."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                p for p in sorted(path.iterdir())
                if p.suffix in {".jsonl", ".csv"} and _names_a_kind(p)
            )
        elif path.exists():
            found.append(path)
        else:
            raise InputError("no such file or directory", file=path)
    return found


def _names_a_kind(path: Path) -> bool:
    try:
        kind_of_file(path)
    except InputError:
        return False
    return True


def read_records(paths: Iterable[Path]) -> RecordBatch:
    """Read every record file (or directory of them) into one batch.

    Raises RecordsInputError listing every syntax or field problem with file and line.
    Cross-references are checked by :func:`validate_batch`.
    """
    batch = RecordBatch()
    errors: list[InputError] = []
    for path in record_files(paths):
        try:
            kind = kind_of_file(path)
        except InputError as error:
            errors.append(error)
            continue
        rows = _jsonl_rows(path) if path.suffix == ".jsonl" else _csv_rows(path)
        model = KINDS[kind]
        try:
            for line, row in rows:
                if isinstance(row, InputError):
                    errors.append(row)
                    continue
                try:
                    record = model.model_validate(row)
                except ValidationError as error:
                    errors.extend(_field_errors(error, path, line))
                    continue
                batch.of_kind(kind).append(Located(record, str(path), line))
        except InputError as error:
            errors.append(error)
    if errors:
        raise RecordsInputError(errors)
    return batch


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    for line, text in enumerate(_read_text(path).splitlines(), start=1):
        if not text.strip():
            continue
        try:
            row = json.loads(text)
        except json.JSONDecodeError as error:
            yield line, InputError(f"not JSON: {error.msg} at column {error.colno}",
                                   file=path, line=line)
            continue
        if not isinstance(row, dict):
            yield line, InputError("each line must be a JSON object", file=path, line=line)
            continue
        yield line, row


def _csv_rows(path: Path) -> Iterator[tuple[int, dict[str, Any] | InputError]]:
    reader = csv.DictReader(_read_text(path).splitlines(keepends=True))
    if reader.fieldnames is None:
        return
    for row in reader:
        line = reader.line_num
        if None in row:
            yield line, InputError("more cells than header columns", file=path, line=line)
            continue
        out: dict[str, Any] = {}
        for key, value in row.items():
            if value is None or not value.strip():
                continue  # an empty cell is an absent field
            value = value.strip()
            if key in LIST_FIELDS:
                out[key] = _csv_list(value, key, path, line)
            else:
                out[key] = value
        yield line, out


def _csv_list(value: str, key: str, path: Path, line: int) -> list[Any]:
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError as error:
            raise InputError(f"not a JSON list: {error.msg}", file=path, line=line,
                             field=key) from error
        if not isinstance(parsed, list):
            raise InputError("not a JSON list", file=path, line=line, field=key)
        return parsed
    parts = [p.strip() for p in value.replace("；", ";").split(";") if p.strip()]
    if key == "participants":  # p-tianxm:complainant;p-lijj:victim
        out: list[Any] = []
        for part in parts:
            actor, _, role = part.partition(":")
            if not role:
                raise InputError(f"{part!r} is not actor:role (roles: "
                                 f"{', '.join(ParticipantRole)})", file=path, line=line,
                                 field=key)
            out.append({"actor": actor.strip(), "role": role.strip()})
        return out
    if key == "expected_articles":
        try:
            return [ArticleRef.parse(p).model_dump() for p in parts]
        except ValueError as error:
            raise InputError(str(error), file=path, line=line, field=key) from error
    return parts


def _read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 (byte {error.start})", file=path) from error
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}", file=path) from error


def _field_errors(error: ValidationError, path: Path, line: int) -> list[InputError]:
    out = []
    for problem in error.errors():
        location = ".".join(str(part) for part in problem["loc"]) or None
        message = problem["msg"]
        if problem["type"] == "missing":
            message = "required field is missing"
        elif problem["type"] == "extra_forbidden":
            message = "unknown field"
        elif "input" in problem and problem["type"] != "missing":
            message = f"{message} (got {problem['input']!r})"
        out.append(InputError(message, file=path, line=line, field=location))
    return out



def dump_jsonl(records: Iterable[Record], path: Path) -> None:
    """Write records as JSON Lines, fields in model order, absent optionals left out."""
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            payload = record.model_dump(mode="json", exclude_defaults=True)
            out.write(json.dumps(payload, ensure_ascii=False) + "\n")
