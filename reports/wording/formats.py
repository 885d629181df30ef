"""Danish-first number, date, week and period formatting, with English as the option.

Everything goes through Babel so decimal comma, thousands point and month
names come from CLDR, not from hand-written tables. The Vega locale objects
for the screen are built from the same CLDR data, so screen and paper spell
months and numbers alike.
"""

from __future__ import annotations

import decimal
import math
from datetime import date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd
from babel import Locale
from babel.dates import format_date as babel_format_date
from babel.numbers import format_decimal

LANGUAGES = ("da", "en")
# British English writes dates day-first like Danish does, so an English report reads
# 22 Nov 2026 rather than the American Nov 22, 2026.
BABEL_LOCALES: dict[str, str] = {"da": "da_DK", "en": "en_GB"}
MISSING = "–"  # shown for a value that is not there (NaN, None)

# Date styles for format_date: Babel patterns per language.
DATE_PATTERNS: dict[str, dict[str, str]] = {
    "short": {"da": "dd-MM-yyyy", "en": "dd-MM-yyyy"},
    "medium": {"da": "d. MMM y", "en": "d MMM y"},
    "long": {"da": "d. MMMM y", "en": "d MMMM y"},
}
# The style a single day prints in as a chart's period (see format_period).
DAY_PERIOD_STYLES: dict[str, str] = {"da": "short", "en": "medium"}
WEEK_WORDS: dict[str, str] = {"da": "uge", "en": "week"}
# Axis labels for dates, per tick unit: the Babel pattern for paper and the d3
# time format for the screen, which must print the same text.
AXIS_DATE_PATTERNS: dict[str, dict[str, tuple[str, str]]] = {
    "day": {"da": ("d. MMM", "%-d. %b"), "en": ("d MMM", "%-d %b")},
    "week": {"da": ("'uge' w", "uge %-V"), "en": ("'week' w", "week %-V")},
    "month": {"da": ("MMM yy", "%b %y"), "en": ("MMM yy", "%b %y")},
    "year": {"da": ("yyyy", "%Y"), "en": ("yyyy", "%Y")},
}


# Parsed once: Locale.parse on every number would cost more than the formatting itself.
PARSED_LOCALES: dict[str, Locale] = {code: Locale.parse(name) for code, name in BABEL_LOCALES.items()}


def babel_locale(language: str) -> Locale:
    """Return the Babel locale for a language code ("da" or "en")."""
    if language not in PARSED_LOCALES:
        raise ValueError(
            f"Unknown language {language!r}; expected one of {', '.join(LANGUAGES)}."
        )
    return PARSED_LOCALES[language]


def is_missing(value: object) -> bool:
    """Return True for None, NaN and NaT."""
    if value is None:
        return True
    if isinstance(value, float):  # the common case, without pandas' general check
        return value != value
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value: float | None, *, language: str = "da", decimals: int | None = None,
                  max_decimals: int = 2) -> str:
    """Return a number with the language's separators: 12.345,7 in Danish.

    Without decimals, up to max_decimals are printed and trailing zeros dropped.
    """
    if is_missing(value):
        return MISSING
    if decimals is None:
        pattern = "#,##0" + ("." + "#" * max_decimals if max_decimals > 0 else "")
    else:
        pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    # -0.0 equals 0.0 to the cache below, yet Babel prints it "-0": the sign is part of the key.
    return _decimal_text(value, pattern, language, math.copysign(1.0, value) < 0)


# A report prints the same few values (axis ticks, counts, weeks) tens of thousands of times.
@lru_cache(maxsize=8192)
def _decimal_text(value: float, pattern: str, language: str, negative: bool) -> str:
    # Babel rounds with the decimal context, half-to-even by default; reports and the
    # screen's d3-format both round halves up, as people expect (2,5 -> 3).
    with decimal.localcontext() as context:
        context.rounding = decimal.ROUND_HALF_UP
        return format_decimal(value, format=pattern, locale=babel_locale(language))


@lru_cache(maxsize=8192)
def _date_text(day: date, pattern: str, language: str) -> str:
    return babel_format_date(day, pattern, locale=babel_locale(language))


@lru_cache(maxsize=8)
def percent_suffix(language: str = "da") -> str:
    """Return what follows a percentage: a no-break space and % in Danish, % in English."""
    return babel_locale(language).percent_formats[None].suffix[0]


def format_percent(share: float | None, *, language: str = "da", decimals: int = 0) -> str:
    """Return a share (0.876) as a percentage: 88 % or, with one decimal, 87,6 %."""
    if is_missing(share):
        return MISSING
    return format_number(share * 100, language=language, decimals=decimals) + percent_suffix(language)


def as_date(value: date | datetime | pd.Timestamp | str) -> date:
    """Return a calendar date from a date, datetime, Timestamp or ISO string."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def format_date(value: date | pd.Timestamp | None, *, language: str = "da",
                style: str = "short") -> str:
    """Return a date as 22-11-2026 (short), 22. nov. 2026 (medium) or 22. november 2026 (long)."""
    if is_missing(value):
        return MISSING
    if style not in DATE_PATTERNS:
        raise ValueError(f"Unknown date style {style!r}; expected one of {', '.join(DATE_PATTERNS)}.")
    pattern = DATE_PATTERNS[style][language if language in LANGUAGES else "da"]
    return _date_text(as_date(value), pattern, language)


def format_week(value: date | pd.Timestamp, *, language: str = "da", with_year: bool = False) -> str:
    """Return the ISO week of a date as "uge 47" (or "uge 47, 2026")."""
    babel_locale(language)  # refuses an unknown language
    iso = as_date(value).isocalendar()
    text = f"{WEEK_WORDS[language]} {iso.week}"
    return f"{text}, {iso.year}" if with_year else text


def format_month(value: date | pd.Timestamp, *, language: str = "da") -> str:
    """Return the month of a date as "november 2026" ("November 2026" in English)."""
    return _date_text(as_date(value), "LLLL y", language)


@lru_cache(maxsize=16384)  # an appendix prints the same weeks for every unit
def format_period(value: object, *, unit: str, language: str = "da") -> str:
    """Return a chart's x as its period: "uge 47, 2026", "november 2026", "22-11-2026".

    A date in any other unit (a day, the irregular dates of a days-between chart) prints
    as its day: 22-11-2026 in Danish, 22 Nov 2026 in English, where day-first digits
    alone would read as a month to some.
    """
    if is_missing(value):
        return MISSING
    if unit == "week":
        return format_week(value, language=language, with_year=True)
    if unit == "month":
        return format_month(value, language=language)
    if unit == "year":
        return str(as_date(value).year)
    if unit == "day" or isinstance(value, date | np.datetime64):
        return format_date(value, language=language, style=DAY_PERIOD_STYLES.get(language, "short"))
    if isinstance(value, float | int | np.number) and math.isfinite(value):
        return format_number(float(value), language=language)
    return str(value)


def format_axis_date(value: date | pd.Timestamp, *, unit: str, language: str = "da") -> str:
    """Return a date as an axis label for ticks one unit apart: "nov. 26", "uge 47"."""
    day = as_date(value)
    if unit == "week":  # ISO week, the same rule as d3's %V
        return f"{WEEK_WORDS[language]} {day.isocalendar().week}"
    pattern = AXIS_DATE_PATTERNS[unit][language][0]
    return _date_text(day, pattern, language)


def d3_axis_date_format(unit: str, language: str = "da") -> str:
    """Return the d3 time format that prints what format_axis_date prints."""
    return AXIS_DATE_PATTERNS[unit][language][1]


def d3_number_locale(language: str = "da") -> dict[str, object]:
    """Return a d3-format locale object (for Vega's config.locale.number) from CLDR."""
    symbols = babel_locale(language).number_symbols["latn"]
    return {
        "decimal": symbols["decimal"],
        "thousands": symbols["group"],
        "grouping": [3],
        "currency": ["", " kr."] if language == "da" else ["£", ""],
        "percent": percent_suffix(language),  # "88 %" in Danish, as Babel writes it
        "minus": "-",
        "nan": MISSING,
    }


def d3_time_locale(language: str = "da") -> dict[str, object]:
    """Return a d3-time-format locale object (for Vega's config.locale.time) from CLDR."""
    locale = babel_locale(language)
    months = locale.months["stand-alone"]
    days = locale.days["stand-alone"]
    # CLDR numbers weekdays from Monday (0); d3 lists them from Sunday.
    from_sunday = [6, 0, 1, 2, 3, 4, 5]
    return {
        "dateTime": "%A den %d. %B %Y %X" if language == "da" else "%A, %e %B %Y %X",
        "date": "%d-%m-%Y",
        "time": "%H:%M:%S",
        "periods": ["AM", "PM"],
        "days": [days["wide"][i] for i in from_sunday],
        "shortDays": [days["abbreviated"][i] for i in from_sunday],
        "months": [months["wide"][i] for i in range(1, 13)],
        "shortMonths": [locale.months["format"]["abbreviated"][i] for i in range(1, 13)],
    }


# Reports are read in Denmark: a time printed on them is the clock on a Danish wall.
LOCAL_TIME = ZoneInfo("Europe/Copenhagen")


def local_time(moment: datetime) -> datetime:
    """Return a moment as Danish clocks read it; a naive moment is taken as already local."""
    return moment if moment.tzinfo is None else moment.astimezone(LOCAL_TIME)
