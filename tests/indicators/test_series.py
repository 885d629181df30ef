"""Series building: events to days-between and counts, entries to periods, Danish weeks and months."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from indicators import (
    InvalidDataError,
    InvalidOptionError,
    MissingColumnError,
    days_between_events,
    days_since_last_event,
    days_without_events,
    entry_series,
    event_counts,
    iso_week,
    period_range,
    period_starts,
)

EVENTS = pd.DataFrame({
    "date": [date(2026, 1, 3), date(2026, 1, 13), date(2026, 2, 2), date(2026, 2, 2)],
    "note": [None, "trykaflastning", None, None],
})


def test_weeks_start_on_monday_and_months_on_the_first():
    days = pd.to_datetime(["2026-11-22", "2026-11-23", "2026-01-01"])
    assert period_starts(days, "week").strftime("%Y-%m-%d").tolist() == ["2026-11-16", "2026-11-23", "2025-12-29"]
    assert period_starts(days, "month").strftime("%Y-%m-%d").tolist() == ["2026-11-01", "2026-11-01", "2026-01-01"]


def test_iso_week_follows_the_danish_week_numbers():
    assert iso_week(date(2026, 11, 22)) == (2026, 47)
    assert iso_week(date(2027, 1, 1)) == (2026, 53)


def test_unknown_period_is_refused():
    with pytest.raises(InvalidOptionError, match="period"):
        period_starts(pd.to_datetime(["2026-01-01"]), "quarter")


def test_days_between_events_end_with_the_open_interval_up_to_today():
    series = days_between_events(EVENTS, today=date(2026, 2, 20))
    assert series["y"].tolist() == [10, 20, 0, 18]
    assert series["censored"].tolist() == [False, False, False, True]
    assert series["x"].iloc[-1] == pd.Timestamp("2026-02-20")
    assert series["notes"].tolist() == ["trykaflastning", None, None, None]


def test_no_open_interval_on_the_day_of_the_last_event():
    assert not days_between_events(EVENTS, today=date(2026, 2, 2))["censored"].any()


def test_today_before_the_latest_event_is_refused():
    with pytest.raises(InvalidDataError):
        days_between_events(EVENTS, today=date(2026, 1, 1))


def test_days_since_the_last_event_counts_from_the_latest_date():
    assert days_since_last_event(EVENTS, today=date(2026, 2, 20)) == 18
    assert days_since_last_event([], today=date(2026, 2, 20)) is None


def test_event_counts_give_every_period_including_those_without_events():
    counts = event_counts(EVENTS, period="month", end=date(2026, 3, 31))
    assert counts["x"].dt.strftime("%Y-%m").tolist() == ["2026-01", "2026-02", "2026-03"]
    assert counts["y"].tolist() == [2, 2, 0]


def _entries(**columns):
    return pd.DataFrame({"date": [date(2026, 1, 5), date(2026, 1, 7), date(2026, 1, 14), date(2026, 1, 28)],
                         **columns})


def test_proportions_sum_numerators_and_denominators_per_iso_week_and_leave_empty_weeks_missing():
    entries = _entries(numerator=[20, 23, 18, 22], denominator=[25, 25, 20, 24], value=np.nan)
    series = entry_series(entries, measure="proportion", period="week")
    assert series["x"].dt.strftime("%Y-%m-%d").tolist() == ["2026-01-05", "2026-01-12", "2026-01-19", "2026-01-26"]
    assert series["y"].tolist()[:2] == [43, 18] and np.isnan(series["y"].iloc[2])
    assert series["n"].tolist()[:2] == [50, 20]


def test_rates_become_per_thousand_bed_days_through_multiply():
    from indicators import analyze

    entries = _entries(numerator=[2, 1, 0, 3], denominator=[800, 700, 750, 900], value=np.nan)
    series = entry_series(entries, measure="rate", period="month")
    model = analyze(series, chart="u", multiply=1000)
    assert model.points["y"].iloc[0] == pytest.approx(6 / 3150 * 1000)


def test_measurements_are_averaged_per_period():
    series = entry_series(_entries(numerator=np.nan, denominator=np.nan, value=[10, 20, 30, 40]),
                          measure="measurement", period="month")
    assert series["y"].tolist() == [25.0]


def test_counts_sum_the_numerators():
    series = entry_series(_entries(numerator=[1, 0, 2, np.nan], denominator=np.nan, value=np.nan),
                          measure="count", period="month")
    assert series["y"].tolist() == [3.0]


def test_entries_without_the_needed_column_are_refused():
    with pytest.raises(MissingColumnError, match="denominator"):
        entry_series(pd.DataFrame({"date": [date(2026, 1, 1)], "numerator": [1]}), measure="proportion")


def test_a_proportion_entry_with_more_numerator_than_denominator_is_refused():
    with pytest.raises(InvalidDataError):
        entry_series(_entries(numerator=[26, 1, 1, 1], denominator=[25, 5, 5, 5]), measure="proportion")


@given(st.lists(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 12, 31)), min_size=1,
                max_size=40), st.sampled_from(["day", "week", "month"]))
def test_fast_period_start_days_agree_with_calendar_period_starts(days, period):
    from indicators.periods import period_start_days

    fast = period_start_days(pd.Series(days, dtype=object), period)
    assert list(pd.DatetimeIndex(fast.astype("datetime64[ns]"))) == list(period_starts(days, period))


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2060, 1, 1)),
       st.integers(min_value=0, max_value=800), st.sampled_from(["day", "week", "month"]))
def test_period_range_steps_one_period_at_a_time_from_first_to_last(first, length, period):
    last = first + timedelta(days=length)
    periods = period_range(first, last, period)
    assert periods[0] == period_starts([first], period)[0]
    assert periods[-1] == period_starts([last], period)[0]
    assert periods.is_monotonic_increasing and periods.is_unique
    assert len(set(period_starts(pd.date_range(first, last), period))) == len(periods)


def test_days_without_events_count_from_the_start_and_not_from_an_unknown_or_future_one():
    starts = np.array(["2026-10-23", "NaT", "2026-11-23", "2026-11-22"], dtype="datetime64[D]")
    days = days_without_events(starts, today=date(2026, 11, 22))
    assert days[0] == 30 and np.isnan(days[1]) and np.isnan(days[2]) and days[3] == 0


@pytest.mark.parametrize("missing", [None, float("nan"), pd.NaT])
def test_an_event_frame_with_a_missing_date_is_refused(missing):
    events = pd.DataFrame({"date": [date(2026, 1, 2), missing], "note": [None, None]},
                          dtype=object)
    with pytest.raises(InvalidDataError, match="mangler sin dato"):
        days_between_events(events, today=date(2026, 2, 20))
    with pytest.raises(InvalidDataError, match="mangler sin dato"):
        days_since_last_event(events, today=date(2026, 2, 20))
