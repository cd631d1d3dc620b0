"""Input types held to what their JSON schema states. pydantic's lax mode would take 0 for
false, "1" for 1; the schema says otherwise, so these types say it too: a JSON integer (7 or
7.0, not "7" or true), text holding at least one letter, digit or CJK character."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BeforeValidator, Field

#: Holds a letter, digit or CJK character. Patterns say this rather than \S: "whitespace"
#: differs between the schema's regex dialect and the validator's (U+0085, U+1680 …).
WORDY_PATTERN = "[0-9A-Za-z\u3400-\u9fff\uf900-\ufaff]"


def json_integer(value: Any) -> Any:
    """``value`` if it is a JSON integer (an int, or a float with no fraction, as int);
    ValueError for anything else, booleans and numeric strings included."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError("a JSON integer")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError("a JSON integer")
        return int(value)
    return value


# The range comes before the validator, or the schema would not state it.
TopInt = Annotated[int, Field(ge=1, le=30), BeforeValidator(json_integer)]
