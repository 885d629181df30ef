"""Danish-first formatting through Babel, and Vega locales that print the same text."""

import math
import re
from datetime import date

import pandas as pd
import pytest
from babel.numbers import parse_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.wording.formats import (
    AXIS_DATE_PATTERNS,
    MISSING,
    d3_axis_date_format,
    d3_number_locale,
    d3_time_locale,
    format_axis_date,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_period,
    format_week,
    percent_suffix,
)

NO_BREAK_SPACE = "\u00a0"


def test_danish_numbers_have_decimal_comma_and_thousands_point():
    assert format_number(12345.678, decimals=1) == "12.345,7"
    assert format_number(12345.678) == "12.345,68"
    assert format_number(3.0) == "3"


def test_english_numbers_have_decimal_point_and_thousands_comma():
    assert format_number(12345.678, language="en", decimals=1) == "12,345.7"


def test_numbers_without_fixed_decimals_drop_trailing_zeros_up_to_a_limit():
    assert format_number(58.94) == "58,94"
    assert format_number(58.94, max_decimals=1) == "58,9"
    assert format_number(12.0, max_decimals=1) == "12"
    assert format_number(1234.5, max_decimals=0) == "1.235"


def test_halves_round_up_as_people_expect_not_to_even():
    assert format_number(2.5, decimals=0) == "3"
    assert format_number(0.125, decimals=2) == "0,13"


def test_danish_percent_has_a_no_break_space_before_the_sign():
    assert format_percent(0.876, decimals=1) == f"87,6{NO_BREAK_SPACE}%"
    assert format_percent(0.5) == f"50{NO_BREAK_SPACE}%"
    assert format_percent(0.876, language="en", decimals=1) == "87.6%"


@pytest.mark.parametrize("missing", [None, math.nan, pd.NaT, pd.NA])
def test_a_missing_value_prints_as_a_dash(missing):
    assert format_number(missing) == MISSING
    assert format_percent(missing) == MISSING
    assert format_date(missing) == MISSING


def test_danish_dates_in_short_medium_and_long_style():
    day = date(2026, 11, 22)
    assert format_date(day) == "22-11-2026"
    assert format_date(day, style="medium") == "22. nov. 2026"
    assert format_date(day, style="long") == "22. november 2026"
    assert format_date(pd.Timestamp("2026-11-22 13:45")) == "22-11-2026"


def test_english_dates_are_day_first():
    assert format_date(date(2026, 11, 22), language="en", style="medium") == "22 Nov 2026"


def test_unknown_date_style_names_the_styles_there_are():
    with pytest.raises(ValueError, match="short, medium, long"):
        format_date(date(2026, 1, 1), style="fancy")


def test_weeks_are_iso_weeks():
    assert format_week(date(2026, 11, 22)) == "uge 47"
    assert format_week(date(2026, 11, 22), language="en") == "week 47"
    # 1 January 2027 is a Friday: it belongs to ISO week 53 of 2026.
    assert format_week(date(2027, 1, 1), with_year=True) == "uge 53, 2026"


def test_months_are_spelt_in_the_language():
    assert format_month(date(2026, 5, 1)) == "maj 2026"
    assert format_month(date(2026, 5, 1), language="en") == "May 2026"


def test_a_period_prints_in_the_unit_the_data_is_kept_in():
    day = pd.Timestamp("2026-11-23")
    assert format_period(day, unit="week") == "uge 48, 2026"
    assert format_period(day, unit="month") == "november 2026"
    assert format_period(day, unit="day") == "23-11-2026"
    assert format_period(day, unit="year") == "2026"
    assert format_period(12.5, unit="", language="da") == "12,5"


def test_the_irregular_dates_of_an_event_chart_print_as_days_not_timestamps():
    event_day = pd.Series(pd.to_datetime(["2026-11-22"])).to_numpy()[0]  # as a chart's x column holds it
    assert format_period(event_day, unit="event") == "22-11-2026"
    assert format_period(event_day, unit="event", language="en") == "22 Nov 2026"
    assert format_period(date(2026, 11, 22), unit="") == "22-11-2026"


def test_an_english_day_prints_with_its_month_named():
    assert format_period(pd.Timestamp("2026-11-23"), unit="day", language="en") == "23 Nov 2026"


def test_a_period_that_is_neither_date_nor_number_prints_as_it_is():
    assert format_period("Hjemmeplejen Nord", unit="") == "Hjemmeplejen Nord"
    assert format_period(3, unit="") == "3"


def test_an_unknown_language_is_refused_with_the_languages_there_are():
    with pytest.raises(ValueError, match="'fr'.*da, en"):
        format_number(1.0, language="fr")


def test_vega_number_locale_writes_numbers_as_babel_does():
    locale = d3_number_locale("da")
    assert (locale["decimal"], locale["thousands"]) == (",", ".")
    assert locale["percent"] == percent_suffix("da") == f"{NO_BREAK_SPACE}%"
    assert d3_number_locale("en")["decimal"] == "."


def test_vega_time_locale_spells_months_and_days_in_danish():
    locale = d3_time_locale("da")
    assert locale["months"][10] == "november"
    assert locale["shortMonths"][4] == "maj"
    assert locale["days"][0] == "søndag"  # d3 starts the week on Sunday
    assert locale["shortDays"][1] == "man."
    assert d3_time_locale("en")["shortMonths"][10] == "Nov"


def d3_time_format(pattern: str, day: date, locale: dict) -> str:
    """Print a date with the few d3-time-format directives the axis patterns use."""
    directives = {
        "%b": locale["shortMonths"][day.month - 1], "%y": f"{day.year % 100:02d}",
        "%Y": str(day.year), "%-d": str(day.day), "%V": f"{day.isocalendar().week:02d}",
        "%-V": str(day.isocalendar().week),
    }
    return re.sub(r"%-?[a-zA-Z]", lambda m: directives[m.group(0)], pattern)


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("unit", sorted(AXIS_DATE_PATTERNS))
@pytest.mark.parametrize("day", [date(2026, 1, 5), date(2026, 5, 1), date(2026, 11, 22), date(2027, 1, 1)])
def test_screen_axis_format_prints_what_paper_prints(language, unit, day):
    screen = d3_time_format(d3_axis_date_format(unit, language), day, d3_time_locale(language))
    assert screen == format_axis_date(day, unit=unit, language=language)


@settings(max_examples=60, deadline=None)
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), st.sampled_from(["da", "en"]))
def test_a_formatted_number_reads_back_as_the_rounded_number(value, language):
    text = format_number(value, language=language, decimals=2)
    locale = "da_DK" if language == "da" else "en_GB"
    assert float(parse_decimal(text, locale=locale)) == pytest.approx(value, abs=0.005 + abs(value) * 1e-12)
