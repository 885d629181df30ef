"""A verdict about a pattern that ended months ago says when it was, so no one reads it as now."""

import pandas as pd

from db import StoredIndicator
from indicators import CATALOGUE, analyze
from reports.content.stored_charts import StoredChart
from reports.drawing.verdict_sentence import pattern_period, verdict_sentence

MONTHS = pd.date_range("2025-01-01", periods=24, freq="MS")
# Nine high months first (a long run above the mean), then months either side of it.
EARLY_RUN = [9, 9.5, 9, 10, 9, 9.5, 9, 10, 9] + [3, 8.5] * 7 + [3]
# The same months the other way round: the run reaches the latest month.
LATE_RUN = EARLY_RUN[9:] + EARLY_RUN[:9]


def stored(values: list[float]) -> StoredChart:
    definition = next(d for d in CATALOGUE if d.code == "fald_pr_1000_sengedage")
    model = analyze(pd.DataFrame({"x": MONTHS, "y": values}), chart="i", improvement="down")
    return StoredChart(1, StoredIndicator(1, definition, builtin=True), pd.DataFrame(), model, None)


def test_an_old_run_is_named_with_the_months_it_covers():
    chart = stored(EARLY_RUN)
    assert chart.model.verdict.kind == "deterioration"
    assert pattern_period(chart, "da") == ("januar 2025", "september 2025")
    sentence = verdict_sentence(chart, "da")
    assert sentence.startswith(chart.model.verdict.text("da"))
    assert sentence.endswith("Mønstret ses fra januar 2025 til september 2025, ikke i de seneste punkter.")
    assert "The pattern runs from January 2025 to September 2025" in verdict_sentence(chart, "en")


def test_a_run_that_reaches_the_latest_month_is_the_verdict_as_it_stands():
    chart = stored(LATE_RUN)
    assert chart.model.verdict.last == len(MONTHS)
    assert pattern_period(chart, "da") is None
    assert verdict_sentence(chart, "da") == chart.model.verdict.text("da")


def test_no_signal_has_no_period():
    chart = stored([3, 8.5] * 12)
    assert chart.model.verdict.kind == "no_signal"
    assert verdict_sentence(chart, "da") == chart.model.verdict.text("da")
