"""The engine's behaviour around the formulas: phases, baselines, exclusions, direction, facets."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest

from indicators import InvalidDataError, InvalidOptionError, analyze, days_between_events

STEADY = [10, 12, 11, 9, 10, 11, 12, 10, 9, 11, 10, 12, 11, 10, 9, 11]


def test_a_list_of_values_is_charted_against_positions_from_one():
    model = analyze([3, 1, 2])
    assert model.points["x"].tolist() == [1, 2, 3]
    assert model.points["cl"].tolist() == [2, 2, 2]


def test_a_series_is_charted_against_its_index():
    days = pd.to_datetime(["2026-01-05", "2026-01-12", "2026-01-19"])
    model = analyze(pd.Series([1.0, 2.0, 3.0], index=days))
    assert model.points["x"].tolist() == list(days)


def test_freeze_takes_the_centre_line_from_the_first_points_but_judges_them_all():
    values = [2, 1] * 6 + [5, 6] * 6
    model = analyze(values, freeze=12)
    assert set(model.points["cl"]) == {1.5}
    assert model.points["baseline"].tolist() == [True] * 12 + [False] * 12
    assert model.phases[0].n_useful == 24
    assert model.phases[0].longest_run == 12
    assert model.verdict.rule == "long_run"


def test_part_gives_each_phase_its_own_centre_line_and_cancels_freeze():
    values = [1, 2] * 6 + [5, 6] * 6
    model = analyze(values, part=[12], freeze=4)
    assert model.points["part"].tolist() == [1] * 12 + [2] * 12
    assert set(model.points["cl"][:12]) == {1.5} and set(model.points["cl"][12:]) == {5.5}
    assert model.points["baseline"].all()
    assert [phase.part for phase in model.phases] == [1, 2]


def test_an_excluded_point_is_shown_but_left_out_of_every_calculation():
    values = STEADY[:8] + [100] + STEADY[8:]
    model = analyze(values, chart="i", exclude=[9])
    reference = analyze(STEADY, chart="i")
    assert model.points["cl"].iloc[0] == pytest.approx(reference.points["cl"].iloc[0])
    assert model.points["include"].tolist() == [True] * 8 + [False] + [True] * 8
    assert model.points["sigma_signal"].iloc[8]  # still judged against the limits
    assert model.phases[0].n_obs == 16


def test_positions_must_be_whole_numbers_from_one():
    with pytest.raises(InvalidOptionError, match="exclude"):
        analyze(STEADY, exclude=[0])


@pytest.mark.parametrize(("improvement", "kind"), [("up", "improvement"), ("down", "deterioration"), (None, "neutral")])
def test_a_run_above_the_median_is_classified_by_the_indicator_direction(improvement, kind):
    values = [2, 1] * 4 + [5, 6] * 8
    model = analyze(values, freeze=8, improvement=improvement)
    flagged = model.points[model.points["signal"]]
    assert len(flagged) == 16
    assert set(flagged["signal_kind"]) == {kind}
    assert model.verdict.kind == kind
    assert model.points.loc[~model.points["signal"], "signal_kind"].isna().all()


def test_verdict_names_the_rule_the_figure_and_the_limit_in_danish_and_english():
    values = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 1, 2, 1, 1, 2, 1, 1, 2, 1]
    model = analyze(values, freeze=16, improvement="down")
    assert model.verdict.rule == "long_run"
    assert (model.verdict.figure, model.verdict.limit) == (9, 8)
    assert model.verdict.da == "9 punkter i træk under medianen (signal ved mere end 8) — tegn på forbedring"
    assert model.verdict.en == "9 points in a row below the median (a signal beyond 8) — a sign of improvement"


def test_below_twelve_useful_points_the_verdict_says_there_are_too_few_but_figures_are_shown():
    model = analyze([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    assert model.verdict.kind == "too_few"
    assert "For få punkter" in model.verdict.da
    assert model.phases[0].longest_run == 5


def test_no_signal_verdict_gives_the_runs_figures():
    model = analyze(STEADY)
    assert model.verdict.kind == "no_signal"
    assert model.verdict.en.startswith("No sign of non-random variation (longest run")


def test_points_outside_the_limits_are_signals_with_a_direction():
    model = analyze(STEADY + [40], chart="i", improvement="down")
    last = model.points.iloc[-1]
    assert last["sigma_signal"] and last["signal"] and last["signal_kind"] == "deterioration"
    assert model.verdict.rule == "sigma"
    assert model.verdict.da.startswith("1 punkt over den øvre kontrolgrænse")


def test_the_open_interval_since_the_last_event_is_a_signal_once_it_exceeds_the_upper_limit():
    start = pd.Timestamp("2025-01-01")
    gaps = [3, 5, 2, 4, 6, 3, 5, 4, 2, 3, 5, 4, 3, 6, 2, 4, 5, 3, 4, 5]
    events = list(start + pd.to_timedelta(np.cumsum(gaps), unit="D"))
    last = events[-1].date()
    quiet = analyze(days_between_events(events, today=last + pd.Timedelta(days=5)), chart="g", improvement="up")
    assert quiet.points["censored"].iloc[-1] and not quiet.points["include"].iloc[-1]
    assert not quiet.points["signal"].iloc[-1]
    limit = quiet.points["ucl"].iloc[-1]
    late = analyze(days_between_events(events, today=date.fromordinal(last.toordinal() + int(limit) + 1)),
                   chart="g", improvement="up")
    assert late.points["signal"].iloc[-1]
    assert late.points["signal_kind"].iloc[-1] == "improvement"
    assert late.verdict.rule == "censored"
    assert late.points["cl"].iloc[0] == quiet.points["cl"].iloc[0]  # never part of the calculation


def test_each_facet_is_analysed_on_its_own():
    frame = pd.DataFrame({
        "x": list(range(1, 17)) * 2,
        "y": STEADY + [value + 100 for value in STEADY],
        "facet": ["Nord"] * 16 + ["Syd"] * 16,
    })
    model = analyze(frame, chart="i")
    assert [phase.facet for phase in model.phases] == ["Nord", "Syd"]
    nord, syd = (model.points[model.points["facet"] == name] for name in ("Nord", "Syd"))
    assert syd["cl"].iloc[0] == pytest.approx(nord["cl"].iloc[0] + 100)
    assert syd["position"].tolist() == list(range(1, 17))


def test_several_rows_per_x_are_summed_into_a_proportion_when_there_is_a_denominator():
    frame = pd.DataFrame({"x": [1, 1, 2, 2], "y": [3, 4, 5, 5], "n": [5, 5, 10, 10]})
    model = analyze(frame, chart="p")
    assert model.points["y"].tolist() == [0.7, 0.5]
    assert model.points["n"].tolist() == [10, 20]


@pytest.mark.parametrize(("agg", "expected"), [("mean", [2.0, 5.0]), ("median", [2.0, 5.0]), ("sum", [6.0, 10.0])])
def test_several_measurements_per_x_are_aggregated_as_asked(agg, expected):
    frame = pd.DataFrame({"x": [1, 1, 1, 2, 2], "y": [1, 2, 3, 4, 6]})
    assert analyze(frame, agg=agg).points["y"].tolist() == expected


def test_a_proportion_chart_refuses_a_numerator_larger_than_its_denominator():
    with pytest.raises(InvalidDataError, match="større end nævneren"):
        analyze(pd.DataFrame({"y": [3, 6], "n": [5, 5]}), chart="p")


def test_a_count_that_is_mostly_zero_is_recommended_as_days_between():
    model = analyze([0, 0, 1, 0, 0, 2, 0, 0, 0, 1, 0, 0], chart="c", measure="count")
    assert model.recommendation == "g"


def test_a_short_proportion_series_is_recommended_as_a_run_chart_and_a_long_one_as_a_p_chart():
    frame = pd.DataFrame({"y": [20, 22, 21, 19] * 6, "n": [25] * 24})
    assert analyze(frame.head(10), chart="p", measure="proportion").recommendation == "run"
    assert analyze(frame, chart="run", measure="proportion").recommendation == "p"
    assert analyze(frame, chart="p", measure="proportion").recommendation is None


def test_y_neg_false_raises_negative_lower_limits_to_zero_when_no_value_is_negative():
    values = [1, 8, 2, 9, 1, 7, 2, 9, 1, 8, 2, 9]
    assert analyze(values, chart="i").points["lcl"].iloc[0] < 0
    assert analyze(values, chart="i", y_neg=False).points["lcl"].iloc[0] == 0
