"""Recognise text that looks like a Danish CPR number, which must never be stored."""

from __future__ import annotations

import re
from datetime import date

# ddmmyy-xxxx, ddmmyy xxxx or ddmmyyxxxx, not part of a longer run of digits.
_CPR_PATTERN = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})[- ]?(\d{4})(?!\d)")


def _is_calendar_day(day: int, month: int, two_digit_year: int) -> bool:
    """Tell whether day-month exists in 19yy or 20yy (the century digit is not checked)."""
    for century in (1900, 2000):
        try:
            date(century + two_digit_year, month, day)
        except ValueError:
            continue
        return True
    return False


def looks_like_cpr(text: str) -> bool:
    """Tell whether text holds ddmmyy-xxxx or ten digits that begin with a valid date."""
    return any(
        _is_calendar_day(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        for match in _CPR_PATTERN.finditer(text)
    )
