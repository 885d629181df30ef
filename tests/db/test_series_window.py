"""A bounded read keeps what a board shows: the window, a frozen baseline, the last event before."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import pytest

from db.baselines import add_baseline
from db.catalogue import find_indicator, set_unit_indicators
from db.engine import read_session, write_session
from db.entries import add_entry
from db.events import add_event
from db.overview_series import read_overview_series
from db.series import read_series, read_unit_series
from tests.db.conftest import TODAY

SINCE = date(2025, 1, 1)


@pytest.fixture
def history(engine, place):
    """Daily triage shares from 2020 and pressure ulcers in 2019, 2021, 2024 and 2025."""
    unit = place["unit"]
    with write_session(engine) as session:
        set_unit_indicators(unit, [place["triage_dagligt"], place["tryksaar_dage_mellem"]],
                            session=session, actor="system:test")
        for step in range(0, 2000, 10):
            add_entry(unit, place["triage_dagligt"], date(2020, 1, 1) + timedelta(days=step),
                      numerator=3, denominator=4, session=session, actor="system:t", today=TODAY)
        for day in (date(2019, 3, 1), date(2021, 6, 1), date(2024, 2, 2), date(2025, 3, 3)):
            add_event(unit, place["tryksaar_dage_mellem"], day, note=None, session=session,
                      actor="system:t", today=TODAY)
    return place


def _days(frame) -> list[date]:
    return frame["date"].tolist()


def test_a_bounded_board_reads_from_the_day_on_and_the_last_event_before(engine, history):
    with read_session(engine) as session:
        board = read_unit_series(history["unit"], session=session, actor="system", since=SINCE)
        whole = read_unit_series(history["unit"], session=session, actor="system")
    shares, events = board[history["triage_dagligt"]], board[history["tryksaar_dage_mellem"]]
    assert min(_days(shares)) >= SINCE
    assert _days(shares) == [day for day in _days(whole[history["triage_dagligt"]]) if day >= SINCE]
    assert _days(events) == [date(2024, 2, 2), date(2025, 3, 3)]  # the interval shown starts 2024
    assert len(_days(whole[history["tryksaar_dage_mellem"]])) == 4


def test_a_frozen_baseline_is_read_however_old_it_is(engine, history):
    unit, triage = history["unit"], history["triage_dagligt"]
    with write_session(engine) as session:
        add_baseline(unit, triage, "freeze", date(2020, 6, 30), "baseline", session=session,
                     actor="system:t", today=TODAY)
        add_baseline(unit, history["tryksaar_dage_mellem"], "freeze", date(2021, 12, 31), "b",
                     session=session, actor="system:t", today=TODAY)
    with read_session(engine) as session:
        series = read_series(unit, triage, session=session, actor="system", since=SINCE)
        events = read_series(unit, history["tryksaar_dage_mellem"], session=session,
                             actor="system", since=SINCE)
    days = _days(series)
    baseline = [day for day in days if day < SINCE]
    assert baseline[0] == date(2020, 1, 1) and max(baseline) <= date(2020, 6, 30)
    assert len(baseline) == 19 and not any(date(2020, 7, 1) <= day < SINCE for day in days)
    assert _days(events) == [date(2019, 3, 1), date(2021, 6, 1), date(2024, 2, 2),
                             date(2025, 3, 3)]


def test_the_overview_reads_the_same_window(engine, history):
    with read_session(engine) as session:
        bounded = read_overview_series(session=session, actor="system", since=SINCE)
        whole = read_overview_series(session=session, actor="system")
    mine = bounded.entries[bounded.entries["unit_id"] == history["unit"]]
    assert mine["date"].min() >= pd.Timestamp(SINCE) and len(mine) < len(whole.entries)
    assert sorted(day.date() for day in bounded.events["date"]) == [
        date(2024, 2, 2), date(2025, 3, 3)]
    assert len(whole.events) == 4


def test_the_overview_reads_a_frozen_baseline_and_the_last_event_once_each(engine, history):
    unit = history["unit"]
    with write_session(engine) as session:
        add_baseline(unit, history["tryksaar_dage_mellem"], "freeze", date(2021, 12, 31), "b",
                     session=session, actor="system:t", today=TODAY)
        add_event(unit, history["tryksaar_dage_mellem"], date(2024, 2, 2), note="same day",
                  session=session, actor="system:t", today=TODAY)
    with read_session(engine) as session:
        bounded = read_overview_series(session=session, actor="system", since=SINCE)
    assert sorted(day.date() for day in bounded.events["date"]) == [
        date(2019, 3, 1), date(2021, 6, 1), date(2024, 2, 2), date(2024, 2, 2), date(2025, 3, 3)]


def _dated_up_to(frame: pd.DataFrame, until: date) -> pd.DataFrame:
    """The frame's rows dated up to until, as charts as of that day used to cut a whole read."""
    return frame[[day <= until for day in frame["date"]]].reset_index(drop=True)


@pytest.mark.parametrize("until", [date(2019, 1, 1), date(2021, 6, 1), date(2024, 2, 1),
                                   date(2025, 3, 3), date(2030, 1, 1)])
def test_a_board_read_until_a_day_is_the_whole_read_cut_at_that_day(engine, history, until):
    with read_session(engine) as session:
        whole = read_unit_series(history["unit"], session=session, actor="system")
        bounded = read_unit_series(history["unit"], session=session, actor="system", until=until)
    assert list(bounded) == list(whole)
    for indicator_id, frame in whole.items():
        pd.testing.assert_frame_equal(bounded[indicator_id], _dated_up_to(frame, until))


@pytest.mark.parametrize("until", [date(2026, 8, 2), date(2026, 9, 2), date(2026, 9, 15),
                                   date(2026, 10, 1), date(2026, 11, 22)])
def test_a_counted_series_read_until_a_day_keeps_the_periods_begun_by_then_with_all_their_events(
        engine, place, until):
    with read_session(engine) as session:
        ulcers, rate = (find_indicator(code, session=session).id
                        for code in ("tryksaar_dage_mellem", "tryksaar_pr_1000_sengedage"))
    with write_session(engine) as session:
        for day in (date(2026, 8, 3), date(2026, 9, 1), date(2026, 9, 20), date(2026, 11, 2)):
            add_event(place["unit"], ulcers, day, note=None, session=session, actor="system:t",
                      today=TODAY)
        for month in (8, 10):
            add_entry(place["unit"], rate, date(2026, month, 1), denominator=1100 + month,
                      session=session, actor="system:t", today=TODAY)
    with read_session(engine) as session:
        whole = read_series(place["unit"], rate, session=session, actor="system")
        bounded = read_series(place["unit"], rate, session=session, actor="system", until=until)
    pd.testing.assert_frame_equal(bounded, _dated_up_to(whole, until))
    if until == date(2026, 9, 15):  # September has begun: both its events count, the 20th's too
        assert bounded["numerator"].tolist() == [1.0, 2.0]
