"""Chinese numerals as they appear in article and item numbers (第一百三十三条之一, （十二）)."""

from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_DIGIT_CHARS = "零一二三四五六七八九"

NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS)


def parse_chinese_number(text: str) -> int:
    """Return the value of a Chinese numeral below ten thousand ("一百三十三" -> 133).

    Raises ValueError for an empty string or a character that is not a numeral.
    """
    if not text:
        raise ValueError("empty numeral")
    if text.isdigit():
        return int(text)
    total = 0
    pending = 0
    for char in text:
        if char in _DIGITS:
            pending = _DIGITS[char]
        elif char in _UNITS:
            # A bare unit at the start means one of it: 十二 is 12, not 2.
            total += (pending or 1) * _UNITS[char]
            pending = 0
        else:
            raise ValueError(f"not a Chinese numeral: {text!r}")
    return total + pending


def to_chinese_number(value: int) -> str:
    """Write 1..9999 the way Chinese statutes number articles (133 -> 一百三十三, 10 -> 十)."""
    if not 0 < value < 10000:
        raise ValueError(f"article numbers run from 1 to 9999, not {value}")
    parts: list[str] = []
    zero_pending = False
    for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = value // unit_value % 10
        if digit == 0:
            if parts:
                zero_pending = True
            continue
        if zero_pending:
            parts.append("零")
            zero_pending = False
        # 十 alone leads numbers 10-19; in 110 the tens digit is written 一十.
        if not (unit == "十" and digit == 1 and not parts):
            parts.append(_DIGIT_CHARS[digit])
        parts.append(unit)
    return "".join(parts)
