"""Shares near 0 % or 100 %: when they count as skewed, their exact limits, their run rule, their verdict."""

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from indicators.catalogue import CATALOGUE
from indicators.control_lines import ControlLines
from indicators.engine import analyze
from indicators.indicator_chart import indicator_chart
from indicators.runs import longest_run_limit
from indicators.skewed_shares import exact_binomial_lines, side_run_limit, skewed

BUNDLE = next(indicator for indicator in CATALOGUE if indicator.code == "tryksaar_bundt")
MONDAY = date(2026, 1, 5)


def weekly(numerators, denominators) -> pd.DataFrame:
    numerators = np.asarray(numerators, dtype=float)
    return pd.DataFrame({"date": [MONDAY + timedelta(weeks=k) for k in range(len(numerators))],
                         "numerator": numerators,
                         "denominator": np.resize(np.asarray(denominators, dtype=float), len(numerators)),
                         "value": np.nan})


def chart(series: pd.DataFrame, **keywords):
    return indicator_chart(series, BUNDLE, today=series["date"].iloc[-1] + timedelta(days=7), **keywords)


@pytest.mark.parametrize(("share", "size", "expected"), [
    (0.95, 100, False),  # 5 failures expected: the normal approximation holds
    (0.95, 99, True),  # 4.95
    (0.05, 100, False),  # 5 successes expected
    (0.05, 99, True),
    (0.5, 10, False),
])
def test_a_share_is_skewed_when_its_typical_subgroup_expects_fewer_than_five_of_either(share, size, expected):
    assert skewed(share, np.array([size, size, size], dtype=float)) is expected


def test_a_share_without_denominators_is_not_skewed():
    assert skewed(0.97, np.array([np.nan, 0.0])) is False


def test_exact_limits_flag_only_counts_rarer_than_three_sigma_under_the_centre_share():
    # Binomial(10, 0.97): P(X <= 6) = 0.00024, P(X <= 7) = 0.0033; the tail of 3 sigma is 0.00135.
    size = np.array([10.0])
    lines = ControlLines(y=np.array([0.7]), n=size, cl=np.array([0.97]), lcl=np.array([0.81]),
                         ucl=np.array([1.0]), lcl_95=np.array([0.86]), ucl_95=np.array([1.0]))
    exact = exact_binomial_lines(lines)
    assert exact.lcl[0] == pytest.approx(0.7)  # 7 of 10 is on the limit, not below it: no signal
    assert exact.ucl[0] == pytest.approx(1.0)


def test_subgroups_whose_size_is_not_a_whole_count_keep_their_normal_limits():
    lines = ControlLines(y=np.array([0.9]), n=np.array([10.5]), cl=np.array([0.97]), lcl=np.array([0.8]),
                         ucl=np.array([1.0]), lcl_95=np.array([0.87]), ucl_95=np.array([1.0]))
    assert exact_binomial_lines(lines).lcl[0] == 0.8


@pytest.mark.parametrize("useful", [1, 2, 5, 11, 12, 23, 56, 100, 500])
def test_the_side_run_limit_at_even_chances_is_anhoejs_longest_run_limit(useful):
    assert side_run_limit(0.5, useful) == longest_run_limit(useful)


def test_a_side_points_rarely_fall_on_allows_only_short_runs_and_a_likely_side_long_ones():
    assert side_run_limit(0.25, 56) < longest_run_limit(56) < side_run_limit(0.75, 56)


def test_analyze_keeps_qicharts2s_normal_limits_unless_asked():
    y, n = np.array([10.0] * 19 + [7.0]), np.full(20, 10.0)
    frame = pd.DataFrame({"y": y, "n": n})
    plain = analyze(frame, chart="p")
    exact = analyze(frame, chart="p", exact_binomial=True)
    assert not plain.phases[0].lopsided and exact.phases[0].lopsided
    assert plain.points["lcl"].iloc[0] != pytest.approx(exact.points["lcl"].iloc[0])


def test_a_steady_share_near_100_with_samples_of_ten_says_why_it_is_judged_differently():
    numerators = [10, 10, 9, 10, 10, 10, 10, 9, 10, 10] * 2  # 98 %, ten checked a week
    model = chart(weekly(numerators, 10))
    assert model.verdict.kind == "no_signal"
    assert model.verdict.da.startswith("Ingen tegn på ikke-tilfældig variation. Andelen (98 %) ligger så tæt "
                                       "på 100 % med så få pr. periode, at fordelingen er skæv")
    assert "sandsynlighedsgrænser" in model.verdict.da
    assert "(98 %) lies so near 100 %" in model.verdict.en
    assert not model.points["runs_signal"].any()


def test_a_real_drop_near_100_is_still_called_a_deterioration():
    numerators = [39, 40, 39, 38, 40, 39, 39, 40, 38, 39, 40, 39] * 2 + [33, 34, 32, 35, 33, 34, 33, 32]
    model = chart(weekly(numerators, 40))
    assert model.phases[-1].lopsided
    assert model.verdict.kind == "deterioration"


def test_a_run_chart_whose_median_is_100_says_so_instead_of_too_few_points():
    numerators = [10, 10, 9, 10, 10, 10, 8, 10, 10, 10] * 2
    model = chart(weekly(numerators, 10), chart="run")
    assert model.verdict.kind == "no_signal"
    assert model.verdict.da.startswith("Mindst halvdelen af punkterne er 100 %")


def test_a_run_chart_whose_median_is_below_100_keeps_the_anhoej_rules():
    numerators = [9, 10, 9, 8, 9, 10, 8, 9, 9, 10] * 2
    model = chart(weekly(numerators, 10), chart="run")
    assert not model.phases[-1].lopsided


def test_a_lopsided_chart_with_fewer_than_twelve_points_counts_its_points_not_useful_points():
    model = chart(weekly([10, 10, 9, 10, 10, 10, 10, 9, 10, 10, 10], 10))
    assert model.verdict.kind == "too_few"
    assert "11 punkter, mindst 12" in model.verdict.da


def test_the_switch_to_samples_starts_a_phase_of_its_own():
    numerators = [39, 40, 39, 38, 40, 39, 39, 40, 38, 39, 40, 39, 39, 40, 39] + [10, 10, 9, 10, 10, 10, 10, 10]
    sizes = [40] * 15 + [10] * 8
    series = weekly(numerators, sizes)
    switch = MONDAY + timedelta(weeks=15)
    model = chart(series, sampling_starts=(switch,))
    assert model.points["part"].tolist() == [1] * 15 + [2] * 9  # with the current, empty week
    assert chart(series).points["part"].unique().tolist() == [1]  # none given: judged across the switch
