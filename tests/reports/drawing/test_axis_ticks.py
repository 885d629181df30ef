"""Round axis ticks for numbers and dates."""

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reports.drawing.axis_ticks import date_ticks, nice_step, number_ticks, tick_decimals


@pytest.mark.parametrize(("raw", "step"), [(0.7, 1), (1.3, 2), (2.1, 2.5), (3, 5), (7, 10), (0.023, 0.025)])
def test_steps_are_one_two_two_and_a_half_or_five_times_a_power_of_ten(raw, step):
    assert nice_step(raw) == pytest.approx(step)


def test_counts_never_get_a_step_of_two_and_a_half():
    assert nice_step(2.1, whole=True) == 5
    assert nice_step(0.3, whole=True) == 1
    assert nice_step(21, whole=True) == 25


@settings(max_examples=80, deadline=None)
@given(st.floats(-1e6, 1e6), st.floats(1e-3, 1e6), st.integers(2, 10))
def test_ticks_cover_the_range_with_even_round_steps(low, width, count):
    ticks = number_ticks(low, low + width, count)
    # Float noise a billionth of a step past the end does not earn an extra tick.
    slack = 1e-6 * width + 1e-9 * abs(low)
    assert ticks[0] <= low + slack and ticks[-1] >= low + width - slack
    steps = {round(b - a, 9) for a, b in zip(ticks, ticks[1:], strict=False)}
    assert len(steps) == 1
    assert len(ticks) <= 2 * count + 1


def test_ticks_carry_no_floating_point_noise():
    assert number_ticks(0.1, 0.7, 7) == [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]


def test_one_value_gives_one_tick():
    assert number_ticks(4.0, 4.0) == [4.0]


def test_infinite_ends_are_refused():
    with pytest.raises(ValueError, match="finite"):
        number_ticks(0.0, float("inf"))


@pytest.mark.parametrize(("step", "decimals"), [(10, 0), (1, 0), (0.5, 1), (0.25, 2), (0.1, 1), (2.5, 1)])
def test_tick_decimals_tell_neighbouring_ticks_apart(step, decimals):
    assert tick_decimals(step) == decimals


def test_two_years_of_months_tick_on_the_first_of_every_quarter():
    unit, ticks = date_ticks(date(2025, 1, 1), date(2026, 12, 1), max_ticks=8)
    assert unit == "month"
    assert ticks == [date(y, m, 1) for y in (2025, 2026) for m in (1, 4, 7, 10)]


def test_a_few_weeks_tick_on_mondays():
    unit, ticks = date_ticks(date(2026, 1, 7), date(2026, 2, 20), max_ticks=8)
    assert unit == "week"
    assert all(d.weekday() == 0 for d in ticks)
    assert ticks[0] == date(2026, 1, 12)


def test_a_few_days_tick_every_day():
    assert date_ticks(date(2026, 3, 1), date(2026, 3, 5)) == ("day", [date(2026, 3, d) for d in range(1, 6)])


def test_decades_tick_on_whole_years():
    unit, ticks = date_ticks(date(2001, 6, 1), date(2030, 6, 1), max_ticks=8)
    assert unit == "year" and len(ticks) <= 8
    assert all((d.month, d.day) == (1, 1) for d in ticks)
