"""Recognise text that looks like a Danish CPR number, which must never be stored.

The text is normalised first, so that every way a number gets typed or pasted
is seen: full-width digits and non-breaking spaces (NFKC), zero-width
characters and soft hyphens dropped, every kind of dash read as "-". Then a CPR
number is ddmmyy and four digits, the first six a real date, written

    together or with one separator:  0101901234, 010190-1234, 010190  1234
    with the date's separator twice:  01.01.90-1234, 01/01/90 1234, 01-01-90-1234
    in pairs, one separator:          01 01 90 12 34

and never part of a longer run of digits. A date with a four-digit year
(22-11-2026), a score (23 af 25) or a phone number in pairs (20 30 40 50) is
none of these.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Invisible characters that a copy from Word, a web page or Outlook leaves inside numbers.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\ufeff"))
# Hyphens, dashes and minus signs of every kind (Word and Excel turn "-" into an en dash).
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\ufe58\ufe63"
                            "\uff0d\u02d7\u2e3a\u2e3b"), "-")
_SEPARATOR = r"[ \t.\-/]{1,3}"  # at most three: two spaces, or " - "
_CPR_PATTERNS = (
    # ddmmyy (no separator, or the same one twice), then optionally a separator, then xxxx
    re.compile(rf"(?<![0-9])([0-9]{{2}})((?:{_SEPARATOR})?)([0-9]{{2}})\2([0-9]{{2}})"
               rf"(?:{_SEPARATOR})?([0-9]{{4}})(?![0-9])"),
    # dd mm yy xx xx: five pairs with one and the same separator
    re.compile(rf"(?<![0-9])([0-9]{{2}})({_SEPARATOR})([0-9]{{2}})\2([0-9]{{2}})\2"
               r"([0-9]{2})\2[0-9]{2}(?![0-9])"),
)


def normalised(text: str) -> str:
    """Return text as plain ASCII-like digits, spaces and "-", however it was typed or pasted."""
    text = unicodedata.normalize("NFKC", text).translate(_INVISIBLE).translate(_DASHES)
    return re.sub(r"\s", " ", text)


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
    """Tell whether text holds a CPR number in any spelling (see the module's docstring)."""
    plain = normalised(text)
    return any(
        _is_calendar_day(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        for pattern in _CPR_PATTERNS
        for match in pattern.finditer(plain)
    )
