"""Tavle's domain core: indicator catalogue, series building, SPC engine, verdicts.

Pure pandas/numpy; imports nothing else of Tavle's. The public surface:

- `analyze(data, *, chart=..., rules=..., ...)` → `ChartModel`, the one model the
  screen and the PDF draw; `analyze_batch(values, denominators, *, chart=...)` for many
  series at once (the managers' overview).
- Series builders: `days_between_events`, `days_since_last_event`, `event_counts`,
  `entry_series`, with the period helpers `period_starts`, `period_range`, `iso_week`.
- Chart advice: `suggested_chart`, `chart_choices`, `mostly_zero`, `recommendation_text`.
- `indicator_chart(series, indicator, *, today, ...)`: a stored series charted the way
  Tavle charts it (measure, baseline dates, goal line), for board, reports and overview.
- `model_to_dict` (the JSON of the command line) and the errors, all `IndicatorError`s.
"""

from indicators.batch import BATCH_CHARTS, BatchResult, analyze_batch
from indicators.chart_model import POINT_COLUMNS, Annotation, ChartModel, PhaseSummary, Verdict
from indicators.engine import analyze
from indicators.errors import (
    IndicatorError,
    InvalidDataError,
    InvalidOptionError,
    MissingColumnError,
    NonNumericValueError,
    TooFewPointsError,
)
from indicators.indicator_chart import indicator_chart
from indicators.model_json import model_to_dict
from indicators.options import AGGREGATIONS, CHARTS, RULE_SETS
from indicators.periods import PERIODS, iso_week, period_range, period_starts
from indicators.recommendation import (
    chart_choices,
    mostly_zero,
    recommendation_text,
    suggested_chart,
)
from indicators.series_entries import entry_series
from indicators.series_events import days_between_events, days_since_last_event, event_counts

__all__ = [
    "AGGREGATIONS",
    "BATCH_CHARTS",
    "CHARTS",
    "PERIODS",
    "POINT_COLUMNS",
    "RULE_SETS",
    "Annotation",
    "BatchResult",
    "ChartModel",
    "IndicatorError",
    "InvalidDataError",
    "InvalidOptionError",
    "MissingColumnError",
    "NonNumericValueError",
    "PhaseSummary",
    "TooFewPointsError",
    "Verdict",
    "analyze",
    "analyze_batch",
    "chart_choices",
    "days_between_events",
    "days_since_last_event",
    "entry_series",
    "event_counts",
    "indicator_chart",
    "iso_week",
    "model_to_dict",
    "mostly_zero",
    "period_range",
    "period_starts",
    "recommendation_text",
    "suggested_chart",
]
