"""The verdict as printed under a chart: the engine's sentence, and when an older pattern lies.

The verdict names the pattern that reaches the latest point; when none does, it
names the strongest pattern of the phase, which may lie months back. A reader
takes a verdict for "now", so the sentence then says which periods it covers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from reports.content.stored_charts import StoredChart, period_unit
from reports.drawing.point_columns import point_column
from reports.wording.formats import format_period
from reports.wording.texts import report_text

SIGNAL_KINDS = ("improvement", "deterioration", "neutral")


def verdict_sentence(chart: StoredChart, language: str) -> str:
    """Return the verdict's sentence, followed by the pattern's periods when it ended earlier."""
    verdict = chart.model.verdict
    sentence = verdict.text(language)
    period = pattern_period(chart, language)
    if period is None:
        return sentence
    return f"{sentence}. {report_text('chart.pattern_period', language, first=period[0], last=period[1])}"


def pattern_period(chart: StoredChart, language: str) -> tuple[str, str] | None:
    """Return the first and last period of the verdict's pattern when it ends before the latest point."""
    verdict = chart.model.verdict
    points = chart.model.points
    if verdict.kind not in SIGNAL_KINDS or verdict.first is None or verdict.last is None:
        return None
    # Facets are names, or missing (None or NaN) on a chart of one panel.
    if len({facet if isinstance(facet, str) else None for facet in point_column(points, "facet").tolist()}) != 1:
        return None
    positions = point_column(points, "position")
    counted = (np.asarray(point_column(points, "include"), dtype=bool) & pd.notna(point_column(points, "y")))
    if not counted.any() or verdict.last >= positions[counted].max():
        return None
    unit = period_unit(chart)
    x = points.columns.get_loc("x")  # two cells read with iat: no Series of the whole column
    first, last = (int(np.flatnonzero(positions == position)[0])
                   for position in (verdict.first, verdict.last))
    return (format_period(points.iat[first, x], unit=unit, language=language),
            format_period(points.iat[last, x], unit=unit, language=language))
