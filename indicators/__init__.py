"""Tavle's domain core: indicator catalogue, series building, SPC engine, verdicts.

Pure pandas/numpy; imports nothing else of Tavle's.
"""

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

__all__ = [
    "POINT_COLUMNS",
    "Annotation",
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
]
