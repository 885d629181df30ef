""""Sådan læser du diagrammet" explains each chart with that chart's own figures."""

import pandas as pd
import pytest

from app.analysis.chart_help import chart_help
from app.analysis.phase_table import phase_table
from indicators import analyze
from reports import format_number

# Twenty weeks: ten low, then ten high. The second half is one long run above the median.
STEP = [10, 12, 11, 13, 10, 12, 11, 12, 10, 11, 20, 22, 21, 23, 20, 22, 21, 22, 20, 21]
# Alternating around the median: many crossings, no long run.
ZIGZAG = [10, 20, 11, 19, 12, 18, 10, 20, 11, 19, 12, 18, 10, 20, 11, 19]


def weekly(values: list[float]) -> pd.DataFrame:
    """Return values as a weekly series starting on a Monday."""
    return pd.DataFrame({"x": pd.date_range("2026-01-05", periods=len(values), freq="7D"),
                         "y": values})


def test_help_names_the_longest_run_and_the_limit_for_this_many_useful_points():
    model = analyze(weekly(STEP), chart="run")
    phase = model.phases[-1]
    help_text = chart_help(model, language="da")
    assert (f"Den længste serie er {phase.longest_run} punkter; grænsen for "
            f"{phase.n_useful} brugbare punkter er {phase.longest_run_max}") in help_text
    assert "Serien er usædvanligt lang" in help_text  # the engine found the long run


def test_help_says_a_run_within_the_limit_is_no_signal():
    model = analyze(weekly(ZIGZAG), chart="run")
    assert "long_run" not in model.phases[-1].rules_fired
    help_text = chart_help(model, language="da")
    assert "Serien er ikke usædvanligt lang" in help_text
    assert f"krydser midtlinjen {model.phases[-1].n_crossings} gange" in help_text


def test_help_of_a_run_chart_names_the_median_and_why_one_high_point_is_no_signal():
    model = analyze(weekly(ZIGZAG), chart="run")
    help_text = chart_help(model, language="da")
    median = format_number(model.phases[-1].centre_line, language="da")
    assert f"**Midtlinjen er medianen**, her {median}" in help_text
    assert "Det højeste punkt her er 20 (uge" in help_text
    assert "ingen grænser for enkeltpunkter" in help_text
    assert "Kontrolgrænserne" not in help_text


def test_help_of_a_control_chart_explains_the_limits_and_the_point_outside_them():
    values = [10.0, 11, 10, 12, 11, 10, 11, 12, 10, 11, 10, 12, 11, 10, 11, 12, 10, 11, 30, 11]
    model = analyze(weekly(values), chart="i")
    phase = model.phases[-1]
    assert phase.sigma_signal_count == 1
    help_text = chart_help(model, language="da")
    assert "**Midtlinjen er middelværdien**" in help_text
    assert "Ét punkt ligger uden for grænserne" in help_text
    assert "det højeste punkt her, 30 (uge 20, 2026), ligger uden for kontrolgrænserne" in help_text


def test_help_of_a_days_between_chart_names_the_day_of_the_longest_gap():
    # Events come at no regular period, so the highest point is named by its day.
    days = pd.to_datetime(["2026-01-05", "2026-01-15", "2026-02-04", "2026-02-07", "2026-03-24"])
    events = pd.DataFrame({"x": days, "y": [10.0, 10, 20, 3, 45]})
    help_text = chart_help(analyze(events, chart="run"), language="da")
    assert "Det højeste punkt her er 45 (24-03-2026)" in help_text


def test_help_is_in_english_when_asked():
    model = analyze(weekly(STEP), chart="run")
    phase = model.phases[-1]
    help_text = chart_help(model, language="en")
    assert f"The longest run is {phase.longest_run} points" in help_text
    assert "Den længste" not in help_text
    assert model.verdict.en in help_text


@pytest.mark.parametrize(("rules", "words"), [
    ("anhoej", "**Regelsæt: Anhøj**"),
    ("ihi", "Et skift er 6 eller flere punkter i træk"),
    ("nhs", "Et signal er 7 punkter i træk"),
])
def test_help_explains_the_chosen_rule_set(rules, words):
    model = analyze(weekly(STEP), chart="run", rules=rules)
    assert words in chart_help(model, language="da")


def test_help_names_the_phases_when_a_new_phase_was_saved():
    model = analyze(weekly(STEP), chart="run", part=[10])
    help_text = chart_help(model, language="da")
    assert "delt i 2 faser" in help_text
    assert "(punkt 11 til 20)" in help_text


def test_phase_table_has_a_row_per_phase_with_runs_and_crossings_against_their_limits():
    model = analyze(weekly(STEP), chart="run", part=[10])
    table = phase_table(model, language="da")
    assert len(table) == 2
    first = model.phases[0]
    assert table.loc[0, "Længste serie (grænse)"] == f"{first.longest_run} ({first.longest_run_max})"
    assert table.loc[0, "Kryds (mindst)"] == f"{first.n_crossings} ({first.n_crossings_min})"
    assert "Uden for grænserne" not in table.columns  # a run chart has no limits
    assert table.loc[1, "Vurdering"].endswith(model.phases[1].verdict.da)
