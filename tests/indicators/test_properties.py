"""Properties of the engine over generated series (hypothesis)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from indicators import CHARTS, RULE_SETS, IndicatorError, analyze

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
whole_numbers = st.lists(st.integers(-50, 50), min_size=0, max_size=40)


def _rule_results(model):
    return ([phase.runs_signal for phase in model.phases], [phase.rules_fired for phase in model.phases],
            model.points["signal"].tolist())


@SETTINGS
@given(values=whole_numbers, shift=st.integers(-1000, 1000), rules=st.sampled_from(["anhoej", "ihi"]))
def test_adding_a_constant_changes_no_run_chart_rule_result(values, shift, rules):
    before = analyze(values, rules=rules)
    after = analyze([value + shift for value in values], rules=rules)
    assert _rule_results(before) == _rule_results(after)


@SETTINGS
@given(values=whole_numbers, power=st.integers(-6, 6), rules=st.sampled_from(RULE_SETS),
       chart=st.sampled_from(["run", "i", "mr"]))
def test_scaling_by_a_positive_factor_changes_no_rule_result(values, power, rules, chart):
    factor = 2.0 ** power  # exact in binary floating point, so no comparison can flip by rounding
    before = analyze(values, chart=chart, rules=rules)
    after = analyze([value * factor for value in values], chart=chart, rules=rules)
    assert _rule_results(before) == _rule_results(after)


@SETTINGS
@given(start=st.integers(-100, 100), steps=st.lists(st.integers(1, 20), min_size=9, max_size=60),
       falling=st.booleans(), rules=st.sampled_from(["anhoej", "ihi"]))
def test_a_strictly_monotone_run_chart_of_ten_or_more_points_always_signals(start, steps, falling, rules):
    values = np.cumsum([start, *steps]) * (-1 if falling else 1)
    model = analyze(values.tolist(), rules=rules)
    assert model.phases[0].rules_fired
    assert model.verdict.kind in ("neutral", "too_few")  # the verdict waits for 12 useful points
    assert model.points["signal"].any() or "crossings" in model.phases[0].rules_fired


special = st.sampled_from([np.nan, np.inf, -np.inf, 0.0, 1.0, 1.0, 1.0])
messy = st.lists(st.one_of(st.floats(-1e6, 1e6, allow_nan=False), special), min_size=0, max_size=25)


@SETTINGS
@given(values=messy, chart=st.sampled_from(CHARTS), rules=st.sampled_from(RULE_SETS),
       freeze=st.one_of(st.none(), st.integers(1, 30)), exclude=st.lists(st.integers(1, 30), max_size=3))
# Found once: a U′ chart of a rate of 0 multiplied sigma 0 by a spread of 0/0.
@example(values=[np.nan, 1.0, 0.0, 0.0, 0.0, 0.0], chart="up", rules="anhoej", freeze=None, exclude=[])
@example(values=[np.nan, 1.0, 0.0, 0.0, 0.0, 0.0], chart="pp", rules="anhoej", freeze=None, exclude=[])
def test_nan_inf_empty_single_and_equal_values_never_crash(values, chart, rules, freeze, exclude):
    frame = pd.DataFrame({"y": np.abs(values) if chart in ("p", "pp", "u", "up", "c", "ip") else values})
    if chart in ("p", "pp", "u", "up", "ip"):
        frame["n"] = np.nan_to_num(frame["y"], posinf=0.0, neginf=0.0) + 5.0
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        try:
            model = analyze(frame, chart=chart, rules=rules, freeze=freeze, exclude=exclude, improvement="up")
        except IndicatorError:
            return  # refused with a message (e.g. a T chart of a zero time): not a crash
    assert len(model.points) == len(values)
    assert model.verdict.da and model.verdict.en


@SETTINGS
@given(constant=st.floats(-1e6, 1e6, allow_nan=False), count=st.integers(0, 30),
       chart=st.sampled_from(["run", "i", "c", "g", "t"]))
def test_all_equal_values_sit_on_their_centre_line_and_give_no_signal(constant, count, chart):
    # Charts whose centre is the mean or median of the values: R's mean of equal values is
    # exactly that value, and so is ours. (Ratio charts divide two sums, as R does, and
    # may not.)
    values = [abs(constant) + 1.0] * count
    model = analyze(pd.DataFrame({"y": values}), chart=chart)
    assert (model.points["y"] == model.points["cl"]).all()
    assert not model.points["runs_signal"].any()
    assert model.verdict.kind in ("no_signal", "too_few")
