"""Boards, overview and reports read a window of history; the whole of it on request."""

from datetime import date

import numpy as np
import pandas as pd
import pytest

from db import list_units, read_session
from reports.content import ReportError, history_start, read_overview, unit_board
from tests.conftest import DEMO_TODAY


def test_the_window_starts_on_the_monday_before_the_first_of_the_month_years_back():
    assert history_start(date(2026, 11, 22)) == date(2024, 10, 28)  # 1-11-2024 is a Friday
    assert history_start(date(2026, 9, 15), years=1) == date(2025, 9, 1)  # a Monday itself
    assert history_start(date(2026, 11, 22), years=None) is None


@pytest.mark.parametrize("years", [0, -1, 1.5, True])
def test_a_history_of_less_than_a_year_is_refused_in_both_languages(years):
    with pytest.raises(ReportError) as refused:
        history_start(date(2026, 11, 22), years=years)
    assert "mindst 1 år" in refused.value.text("da") and "at least 1 year" in refused.value.text("en")


def _first_points(board) -> list[pd.Timestamp]:
    return [pd.Timestamp(chart.model.points["x"].min()) for chart in board
            if chart.indicator.definition.measure != "events" and len(chart.model.points)]


def test_a_board_charts_the_window_and_everything_on_request(demo_engine):
    with read_session(demo_engine) as session:
        units = list_units(session=session)
        unit_id = int(units[units["name"] == "Plejecenter Solbakken"]["id"].iloc[0])
        bounded = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY,
                             history_years=1)
        whole = unit_board(unit_id, session=session, actor="system", today=DEMO_TODAY,
                           history_years=None)
    start = pd.Timestamp(history_start(DEMO_TODAY, years=1))
    assert _first_points(bounded) and min(_first_points(bounded)) >= start
    assert min(_first_points(whole)) < start  # the demo holds two years


def test_the_overview_judges_the_window(demo_engine):
    with read_session(demo_engine) as session:
        bounded = read_overview(session=session, actor="system", today=DEMO_TODAY, history_years=1)
        whole = read_overview(session=session, actor="system", today=DEMO_TODAY, history_years=None)
    start = np.datetime64(history_start(DEMO_TODAY, years=1))
    assert bounded.entries["date"].min() >= start > whole.entries["date"].min()
