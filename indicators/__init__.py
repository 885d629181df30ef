"""Tavle's domain core: indicator catalogue, series building, SPC engine, verdicts.

Pure pandas/numpy; imports nothing else of Tavle's. The public surface:

- `analyze(data, *, chart=..., rules=..., ...)` → `ChartModel`, the one model the
  screen and the PDF draw; `analyze_batch(values, denominators, *, chart=...)` for many
  series at once (the managers' overview).
- Series builders: `days_between_events`, `days_since_last_event`, `event_counts`,
  `entry_series`, with the period helpers `period_starts`, `period_range`, `iso_week`.
- Chart advice: `suggested_chart`, `chart_choices`, `mostly_zero`, `recommendation_text`.
- `indicator_chart(series, indicator, *, today, ...)`: a stored series charted the way
  Tavle charts it (measure, baseline dates, goal line), for board, reports and overview;
  `chart_goal_status(model, goal, *, today, ...)` → `GoalStatus`, how it stands against
  its goal (judged only here; the overview and the reports print it), and
  `chart_goal_statuses(models, goal)` for many charts of one share or reduction goal at once.
- `model_to_dict` (the JSON of the command line) and the errors: `IndicatorError`s under
  `TavleError`, the root of every error Tavle raises (drawn in `indicators/errors.py`).
"""

from indicators.batch import BATCH_CHARTS, BatchResult, analyze_batch
from indicators.catalogue import (
    CATALOGUE,
    CHART_TYPES,
    GOAL_KINDS,
    IMPROVEMENTS,
    INDICATOR_KINDS,
    MEASURES,
    PACKAGES,
    PROCESS_SHARE_GOAL,
    Goal,
    IndicatorDefinition,
    definition,
)
from indicators.chart_model import (
    POINT_COLUMNS,
    Annotation,
    ChartModel,
    PhaseSummary,
    SignalKind,
    Verdict,
    VerdictKind,
)
from indicators.constants import (
    IHI_RUNS_MIN_USEFUL,
    IHI_SHIFT_LENGTH,
    IHI_TREND_LENGTH,
    NHS_RUN_LENGTH,
    NHS_TREND_LENGTH,
    SIGMA_LIMIT,
)
from indicators.engine import analyze
from indicators.errors import (
    IndicatorError,
    InvalidDataError,
    InvalidOptionError,
    MissingColumnError,
    NonNumericValueError,
    TavleError,
    TooFewPointsError,
)
from indicators.exposure import (
    DEFAULT_EXPOSURE,
    EXPOSURES,
    Exposure,
    names_in_every_exposure,
    with_exposure,
)
from indicators.frame_columns import column_values
from indicators.funnel import FunnelResult, funnel
from indicators.goals import (
    GOAL_STATES,
    GoalStatus,
    at_least,
    chart_goal_status,
    chart_goal_statuses,
    meets,
)
from indicators.indicator_chart import CHART_PERIOD, indicator_chart
from indicators.model_json import model_to_dict
from indicators.options import AGGREGATIONS, CHARTS, RULE_SETS
from indicators.overview_matrix import OverviewCell, OverviewMatrix, overview_matrix
from indicators.periods import PERIODS, iso_week, period_range, period_starts
from indicators.readiness import (
    STABLE_MONTHS,
    ProcessEvidence,
    Readiness,
    ResultEvidence,
    month_figures,
    month_table,
    stable_months,
)
from indicators.recommendation import (
    CHARTS_FOR_MEASURE,
    chart_choices,
    mostly_zero,
    recommendation_text,
    suggested_chart,
)
from indicators.series_entries import entry_series
from indicators.series_events import (
    days_between_events,
    days_since_last_event,
    days_without_events,
    event_counts,
)

__all__ = [
    "AGGREGATIONS",
    "BATCH_CHARTS",
    "CATALOGUE",
    "CHARTS",
    "CHARTS_FOR_MEASURE",
    "CHART_PERIOD",
    "CHART_TYPES",
    "DEFAULT_EXPOSURE",
    "EXPOSURES",
    "GOAL_KINDS",
    "GOAL_STATES",
    "IHI_RUNS_MIN_USEFUL",
    "IHI_SHIFT_LENGTH",
    "IHI_TREND_LENGTH",
    "IMPROVEMENTS",
    "INDICATOR_KINDS",
    "MEASURES",
    "NHS_RUN_LENGTH",
    "NHS_TREND_LENGTH",
    "PACKAGES",
    "PERIODS",
    "POINT_COLUMNS",
    "PROCESS_SHARE_GOAL",
    "RULE_SETS",
    "SIGMA_LIMIT",
    "STABLE_MONTHS",
    "Annotation",
    "BatchResult",
    "ChartModel",
    "Exposure",
    "FunnelResult",
    "Goal",
    "GoalStatus",
    "IndicatorDefinition",
    "IndicatorError",
    "InvalidDataError",
    "InvalidOptionError",
    "MissingColumnError",
    "NonNumericValueError",
    "OverviewCell",
    "OverviewMatrix",
    "PhaseSummary",
    "ProcessEvidence",
    "Readiness",
    "ResultEvidence",
    "SignalKind",
    "TavleError",
    "TooFewPointsError",
    "Verdict",
    "VerdictKind",
    "analyze",
    "analyze_batch",
    "at_least",
    "chart_choices",
    "chart_goal_status",
    "chart_goal_statuses",
    "column_values",
    "days_between_events",
    "days_since_last_event",
    "days_without_events",
    "definition",
    "entry_series",
    "event_counts",
    "funnel",
    "indicator_chart",
    "iso_week",
    "meets",
    "model_to_dict",
    "month_figures",
    "month_table",
    "mostly_zero",
    "names_in_every_exposure",
    "overview_matrix",
    "period_range",
    "period_starts",
    "recommendation_text",
    "stable_months",
    "suggested_chart",
    "with_exposure",
]
