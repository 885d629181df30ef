"""Verdicts name the rule, the figure and the limit, in Danish and English, direction-aware."""

from __future__ import annotations

import pandas as pd
import pytest

from indicators import InvalidOptionError, analyze, recommendation_text
from indicators.verdict_texts import DANISH, ENGLISH, number


def test_every_sentence_exists_in_both_languages():
    assert set(DANISH) == set(ENGLISH)


def test_numbers_are_written_the_danish_way():
    assert number(1234.5, "da") == "1.234,5"
    assert number(1234.5, "en") == "1,234.5"
    assert number(8, "da") == "8"


def test_too_few_crossings_are_named_with_their_minimum():
    values = ([1] * 6 + [5] * 6) * 2  # 24 points, 3 crossings, longest run 6
    model = analyze(values)
    assert model.verdict.rule == "crossings"
    assert model.verdict.da == ("Kun 3 kryds af medianen (færre end 8 kryds er usædvanligt) — "
                                "tegn på ikke-tilfældig variation")
    assert model.verdict.en == ("Only 3 crossings of the median (fewer than 8 crossings are unusual) — "
                                "a sign of non-random variation")


def test_ihi_shift_is_named_with_its_threshold():
    values = [1, 3] * 3 + [3] * 7 + [1, 3] * 3
    model = analyze(values, rules="ihi", cl=2, improvement="up")
    assert model.verdict.da == "8 punkter i træk over medianen (skift ved 6 eller flere) — tegn på forbedring"


def test_making_data_count_trend_is_named_going_down():
    values = [5, 7] * 5 + [9, 8, 7, 6, 5, 4, 3]
    model = analyze(values, chart="i", rules="nhs", improvement="down")
    assert model.verdict.rule == "trend"
    assert model.verdict.en == "7 points in a row going down (a signal at 7 or more) — a sign of improvement"


def test_a_point_below_the_lower_limit_is_a_deterioration_when_higher_is_better():
    values = [50, 52, 49, 51, 50, 53, 48, 50, 52, 51, 49, 50, 20]
    model = analyze(values, chart="i", improvement="up")
    assert model.verdict.kind == "deterioration"
    assert model.verdict.da.startswith("1 punkt under den nedre kontrolgrænse (")


def test_faceted_verdict_counts_the_panels_with_signals():
    steady = [10, 12, 11, 9, 10, 11, 12, 10, 9, 11, 10, 12, 11, 10]
    frame = pd.DataFrame({"y": steady + steady[:-1] + [60], "x": list(range(14)) * 2,
                          "facet": ["A"] * 14 + ["B"] * 14})
    model = analyze(frame, chart="i")
    assert model.verdict.en == "1 of 2 panels show signs of non-random variation"


@pytest.mark.parametrize(("recommendation", "measure", "text"), [
    ("g", "count", "Mere end halvdelen af perioderne har nul hændelser"),
    ("run", "proportion", "Brug et seriediagram, indtil der er mindst 20 punkter."),
    ("p", "proportion", "Med 24 punkter kan et P-kort vise kontrolgrænser."),
])
def test_recommendations_are_explained(recommendation, measure, text):
    assert recommendation_text(recommendation, measure, 24, "da").startswith(text)


def test_freeze_is_one_position():
    with pytest.raises(InvalidOptionError, match="freeze"):
        analyze([1, 2, 3], freeze=[2, 3])


def test_verdict_names_the_pattern_that_reaches_the_latest_point():
    early = [80, 79, 81, 80, 78, 82, 80, 79, 81, 80, 79, 80]
    recent = [88, 87] * 10
    model = analyze(pd.DataFrame({"y": early + recent}), chart="i", improvement="up")
    points = model.points
    assert (points["sigma_signal"].iloc[:12] & (points["y"].iloc[:12] < points["lcl"].iloc[:12])).any()
    assert not points["sigma_signal"].iloc[-1]  # only the run reaches the latest point
    assert (model.verdict.kind, model.verdict.rule) == ("improvement", "long_run")


def test_a_long_run_below_then_a_shorter_long_run_above_reads_as_the_recent_improvement():
    low = [70, 71, 69, 72, 70, 71, 69, 70, 72, 71, 70, 69, 71, 70]  # 14 below the centre line
    high = [90, 91, 89, 92, 90, 91, 89, 90, 92, 91]  # the 10 latest, above it
    model = analyze(pd.DataFrame({"y": low + high}), chart="run", cl=80, improvement="up")
    assert model.phases[-1].longest_run == 14
    assert (model.verdict.kind, model.verdict.rule, model.verdict.figure) == ("improvement", "long_run", 10)
    kinds = model.points["signal_kind"]
    assert set(kinds.iloc[:14]) == {"deterioration"}
    assert set(kinds.iloc[-10:]) == {"improvement"}


def test_a_verdict_is_given_at_twelve_useful_points_and_eleven_are_too_few():
    # Alternating around a given centre of 6.5: every point is useful, and nothing signals.
    values = [1, 12, 2, 11, 3, 10, 4, 9, 5, 8, 6, 7]
    twelve = analyze(values, cl=6.5)
    assert (twelve.verdict.kind, twelve.phases[-1].n_useful) == ("no_signal", 12)
    eleven = analyze(values[:11], cl=6.5)
    assert eleven.verdict.kind == "too_few"
    assert eleven.verdict.da == ("For få punkter til at vurdere: 11 brugbare punkter, "
                                 "mindst 12 er nødvendige")
