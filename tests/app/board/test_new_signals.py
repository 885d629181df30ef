"""The board's "NY": a signal is new when its period starts after the last board meeting's day."""

from datetime import timedelta

import pandas as pd
import pytest

from app.board.layout import title_html
from app.board.new_signals import new_signal_count
from db import StoredIndicator
from indicators import CATALOGUE, analyze
from reports import StoredChart

# Twenty weeks that zigzag across the centre line and one far above the limits: the only signal.
MONDAYS = pd.date_range("2026-06-01", periods=20, freq="7D")
SIGNAL_WEEK = 15
SIGNAL_DAY = MONDAYS[SIGNAL_WEEK].date()


@pytest.fixture(scope="module")
def one_signal():
    values = [8.0 + 6 * (step % 2) for step in range(20)]
    values[SIGNAL_WEEK] = 60.0
    model = analyze(pd.DataFrame({"x": MONDAYS, "y": values}), chart="i")
    assert list(model.points.index[model.points["signal"].astype(bool)]) == [SIGNAL_WEEK]
    return model


@pytest.mark.parametrize(("meeting", "new"), [
    (SIGNAL_DAY - timedelta(days=1), 1),  # the week began after the meeting: new
    (SIGNAL_DAY, 0),  # the week began on the meeting's day: already on the board then
    (SIGNAL_DAY + timedelta(days=1), 0),  # the week was running at the meeting
])
def test_a_signal_counts_as_new_only_when_its_period_starts_after_the_meeting_day(
        one_signal, meeting, new):
    assert new_signal_count(one_signal, meeting) == new


def test_without_a_meeting_no_signal_is_new(one_signal):
    assert new_signal_count(one_signal, None) == 0


@pytest.mark.parametrize(("meeting", "marked"), [
    (SIGNAL_DAY - timedelta(days=1), True),
    (SIGNAL_DAY, False),
    (SIGNAL_DAY + timedelta(days=1), False),
])
def test_the_chart_title_wears_the_ny_badge_on_the_same_side_of_the_meeting_day(
        one_signal, meeting, marked):
    definition = CATALOGUE[0]  # the title only takes its name
    chart = StoredChart(unit_id=1, indicator=StoredIndicator(1, definition, builtin=True),
                        series=pd.DataFrame(), model=one_signal, days_since_last_event=None)
    title = title_html(chart, meeting, "da")
    assert ('class="tavle-new"' in title) is marked
    if marked:
        assert f"Nyt signal siden tavlemødet {meeting:%d-%m-%Y}" in title

