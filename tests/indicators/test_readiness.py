"""Spread readiness: each state, at the 95 % and six-month boundaries, with its evidence."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from indicators.readiness import (
    STABLE_MONTHS,
    MonthFigure,
    ProcessEvidence,
    Readiness,
    ResultEvidence,
    month_figures,
    month_table,
    stable_months,
)

TODAY = date(2026, 11, 22)
WINDOW = [month.date() for month in stable_months(TODAY)]  # May … October 2026


def _process(*shares: float | None, verdict: str = "no_signal", code: str = "bundt") -> ProcessEvidence:
    """Evidence from monthly shares (None: no figures), counted over 200 citizens a month."""
    months = [MonthFigure(month, None if share is None else share * 200, None if share is None else 200.0)
              for month, share in zip(WINDOW[-len(shares):], shares, strict=True)]
    return ProcessEvidence(code, tuple(months), verdict)


STABLE = _process(*[0.97] * STABLE_MONTHS)
IMPROVING = ResultEvidence("tryksaar_dage_mellem", "improvement", goal_met=False)
FLAT = ResultEvidence("tryksaar_pr_1000_sengedage", "no_signal", goal_met=False)


def test_the_window_is_the_six_complete_months_before_the_current_one():
    assert WINDOW == [date(2026, month, 1) for month in range(5, 11)]


def test_stable_processes_and_an_improving_result_make_a_prototype():
    readiness = Readiness("solbakken", "tryksaar", (STABLE,), (FLAT, IMPROVING))
    assert (readiness.state, readiness.prototype, readiness.ready_for_sampling) == (
        "prototype", True, True)


def test_a_result_that_meets_its_goal_makes_a_prototype_without_a_signal():
    met = ResultEvidence("tryksaar_dage_mellem", "no_signal", goal_met=True)
    assert Readiness("solbakken", "tryksaar", (STABLE,), (met,)).prototype


def test_stable_processes_without_an_improving_result_are_ready_for_sampling_only():
    readiness = Readiness("solbakken", "tryksaar", (STABLE,), (FLAT,))
    assert (readiness.state, readiness.prototype, readiness.ready_for_sampling) == (
        "ready_for_sampling", False, True)


def test_exactly_95_percent_in_a_month_counts_as_stable():
    exactly = _process(0.97, 0.97, 0.95, 0.97, 0.97, 0.97)
    assert exactly.stable and exactly.months_below == ()
    assert MonthFigure(WINDOW[0], 19.0, 20.0).high_enough


def test_one_month_under_95_percent_is_named_but_the_pooled_six_months_decide():
    dipped = _process(0.97, 0.97, 0.90, 0.97, 0.97, 0.97)  # pooled 96 %
    assert dipped.stable
    assert dipped.months_below == (WINDOW[2],)


def test_a_pooled_share_of_exactly_95_percent_is_stable_and_just_under_is_not():
    exactly = _process(0.97, 0.93, 0.95, 0.95, 0.96, 0.94)  # 1140 of 1200
    under = _process(0.97, 0.93, 0.95, 0.95, 0.96, 0.935)  # 1139 of 1200
    assert exactly.pooled == (1140.0, 1200.0) and exactly.stable
    assert under.pooled_share < 0.95 and not under.stable
    assert Readiness("nord", "tryksaar", (STABLE, under), (IMPROVING,)).state == "not_ready"


def _sampled(*counts: int, verdict: str = "no_signal") -> ProcessEvidence:
    """Evidence of a sampling unit: counts of 10 records checked a month."""
    months = [MonthFigure(month, float(count), 10.0) for month, count in zip(WINDOW, counts, strict=True)]
    return ProcessEvidence("bundt", tuple(months), verdict)


def test_a_sampling_unit_is_at_risk_only_when_its_pooled_count_is_improbably_low_at_95_percent():
    # 60 records: P(X <= 53 | 95 %) = 0.030 (at risk), P(X <= 54 | 95 %) = 0.079 (not shown to be below).
    since = date(2026, 4, 1)
    shown_below = Readiness("nord", "tryksaar", (_sampled(9, 9, 8, 9, 9, 9),), (), sampling_since=since)
    not_shown = Readiness("nord", "tryksaar", (_sampled(9, 9, 9, 9, 9, 9),), (), sampling_since=since)
    assert shown_below.sampling_at_risk
    assert not not_shown.sampling_at_risk and not not_shown.processes_stable


def test_a_steady_sampled_unit_with_one_month_of_eight_in_ten_is_not_sent_back():
    steady = Readiness("nord", "tryksaar", (_sampled(10, 10, 8, 10, 10, 10),), (),
                       sampling_since=date(2026, 4, 1))
    assert not steady.sampling_at_risk


def test_a_sampling_unit_with_a_month_without_figures_or_a_deterioration_is_at_risk():
    since = date(2026, 4, 1)
    missing = _process(None, 0.99, 0.99, 0.99, 0.99, 0.99)
    assert Readiness("nord", "tryksaar", (missing,), (), sampling_since=since).sampling_at_risk
    falling = _sampled(10, 10, 10, 10, 10, 10, verdict="deterioration")
    assert Readiness("nord", "tryksaar", (falling,), (), sampling_since=since).sampling_at_risk


def test_exactly_six_months_of_figures_is_enough_and_five_are_not():
    assert _process(*[0.97] * 6).stable
    five = _process(None, 0.97, 0.97, 0.97, 0.97, 0.97)
    assert not five.stable and five.months_missing == (WINDOW[0],)


def test_a_deterioration_signal_blocks_even_high_months():
    slipping = _process(*[0.99] * 6, verdict="deterioration")
    assert not slipping.stable
    assert Readiness("nord", "tryksaar", (slipping,), (IMPROVING,)).state == "not_ready"


def test_an_improvement_signal_on_a_process_does_not_block():
    assert _process(*[0.99] * 6, verdict="improvement").stable


def test_a_package_without_process_indicators_cannot_be_assessed():
    readiness = Readiness("akut", "lungebetaendelse", (), (IMPROVING,))
    assert (readiness.state, readiness.prototype, readiness.ready_for_sampling) == (
        "not_assessable", False, False)


def test_a_sampling_unit_is_listed_as_sampling_and_flagged_when_its_processes_slip():
    steady = Readiness("nord", "tryksaar", (STABLE,), (IMPROVING,), sampling_since=date(2026, 6, 1))
    assert (steady.state, steady.ready_for_sampling, steady.prototype, steady.sampling_at_risk) == (
        "sampling", False, True, False)
    slipped = Readiness("nord", "tryksaar", (_process(0.97, 0.9, 0.9, 0.9, 0.9, 0.9),), (),
                        sampling_since=date(2026, 6, 1))
    assert slipped.sampling_at_risk


def test_month_table_sums_each_unit_per_month_and_leaves_out_incomplete_entries():
    group = np.array([0, 0, 0, 1, 1, 0, 0])
    day = np.array(["2026-05-03", "2026-05-20", "2026-06-01", "2026-05-02", "2026-10-31",
                    "2026-11-01", "2026-04-30"], dtype="datetime64[D]")
    numerator = np.array([9.0, 10.0, np.nan, 5.0, 7.0, 1.0, 3.0])
    denominator = np.array([10.0, 10.0, 10.0, 5.0, 8.0, 50.0, 4.0])
    months, numerators, denominators = month_table(group, day, numerator, denominator, groups=2,
                                                   today=TODAY)
    assert list(months.date) == WINDOW
    np.testing.assert_array_equal(numerators[0], [19.0] + [np.nan] * 5)  # June's entry lacks a count
    np.testing.assert_array_equal(denominators[1], [5.0, np.nan, np.nan, np.nan, np.nan, 8.0])
    figures = month_figures(months, numerators[1], denominators[1])
    assert figures[0] == MonthFigure(date(2026, 5, 1), 5.0, 5.0)
    assert figures[1].share is None and figures[5].share == pytest.approx(7 / 8)


def test_the_current_month_never_counts_even_on_its_last_day():
    months = stable_months(date(2026, 11, 30))
    assert months[-1] == pd.Timestamp("2026-10-01")
