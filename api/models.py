"""Requests held to the types their schema states. FastAPI validates in pydantic's lax mode,
which would take 0 for false, "1" for 1 and a number of seconds for a date; the schema says
otherwise, so the API's input types say it too, and mean it: a JSON integer (7 or 7.0, not
"7" or true), a JSON boolean, a date or date and time written in ISO 8601."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, Any

from pydantic import BeforeValidator, ConfigDict, Field, StrictBool, WithJsonSchema
from pydantic.json_schema import SkipJsonSchema

from core.inputs import json_integer
from ingest.record_models import MAX_EXPECTED_ARTICLES
from ingest.records import ArticleRef, Incident

#: A calendar date of 1900-2199 (no 02-30; 02-29 in leap years only), as a pattern a schema
#: can carry: what it accepts, a date parser accepts too.
_DATE = (r"(?:(?:19|20|21)[0-9]{2}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])"
         r"|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))"
         r"|(?:(?:19|20|21)(?:0[48]|[2468][048]|[13579][26])|2000)-02-29)")


# JSON integers in a range: 7 and 7.0 (the same number to JSON), not "7" or true. The range
# comes before the validator, or the schema would not state it.
ArticleNumberInt = Annotated[int, Field(ge=1, le=9999), BeforeValidator(json_integer)]
ItemNumberInt = Annotated[int, Field(ge=1, le=99), BeforeValidator(json_integer)]


ISO_DATE_PATTERN = rf"^{_DATE}$"
_ISO_DATE = re.compile(ISO_DATE_PATTERN)


def _iso_date(value: Any) -> Any:
    if isinstance(value, str) and _ISO_DATE.match(value):
        return value
    raise ValueError("a date such as 2026-07-09")


IsoDate = Annotated[
    date, BeforeValidator(_iso_date),
    WithJsonSchema({"type": "string", "format": "date", "pattern": ISO_DATE_PATTERN}),
]

#: ISO 8601 date and time, seconds optional; without an offset it is China time (UTC+8).
ISO_TIME_PATTERN = (rf"^{_DATE}[T ](?:[01][0-9]|2[0-3]):[0-5][0-9]"
                    r"(?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?:Z|[+-](?:[01][0-9]|2[0-3]):?[0-5][0-9])?$")
_ISO_TIME = re.compile(ISO_TIME_PATTERN)


def _iso_time(value: Any) -> Any:
    if isinstance(value, str) and _ISO_TIME.match(value):
        return value
    raise ValueError("a date and time such as 2026-07-09T20:40:00 (China time) or "
                     "2026-07-09T12:40:00Z")


IsoTime = Annotated[
    datetime,
    BeforeValidator(_iso_time),
    WithJsonSchema({"type": "string", "pattern": ISO_TIME_PATTERN,
                    "description": "ISO 8601; without an offset, China time (UTC+8)",
                    "examples": ["2026-07-09T20:40:00", "2026-07-09T20:40:00+08:00"]}),
]


# Request bodies are taken as sent: stored records strip the spaces around strings, but an
# id sent as " i001" is refused (its pattern names the field), not stored as "i001".
_AS_SENT = ConfigDict(str_strip_whitespace=False)


class ArticleRefInput(ArticleRef):
    """An article (and item) of R1-R3: {"regulation": "R1", "article": 8, "item": 1}."""

    model_config = _AS_SENT

    article: ArticleNumberInt
    item: ItemNumberInt | None = None


class IncidentInput(Incident):
    """One recorded intervention, inquiry or contact, as a request body."""

    model_config = _AS_SENT

    occurred_at: IsoTime
    recorded_at: IsoTime
    at_workplace: StrictBool | None = None
    approved: StrictBool | None = Field(default=None,
                                        description="R3 第六条 approval in advance")
    expected_articles: tuple[ArticleRefInput, ...] = Field(
        default=(), max_length=MAX_EXPECTED_ARTICLES,
        description="articles a reviewer judged applicable; used to measure"
    )
    # Set by the API from the key that sent the request (api/auth.py), never by the client.
    recorded_with: SkipJsonSchema[None] = None

    def incident(self, **changes: Any) -> Incident:
        """The plain Incident (what is stored and compared), with ``changes``."""
        return Incident.model_validate(self.model_dump() | changes)
