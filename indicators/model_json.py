"""A ChartModel as plain JSON-ready data (the command line's `--json` output)."""

from __future__ import annotations

import math
from dataclasses import asdict
from typing import Any

import numpy as np
import pandas as pd

from indicators.chart_model import ChartModel

# The keys of every point, in qicharts2's return-data names with `_` for `.`.
JSON_POINT_KEYS: tuple[str, ...] = (
    "x", "facet", "y", "n", "cl", "lcl", "ucl", "lcl_95", "ucl_95", "part", "include", "notes",
    "n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings", "n_crossings_min",
    "runs_signal", "sigma_signal", "signal", "signal_kind", "target", "baseline", "censored", "signal_rules",
)


def plain(value: Any) -> Any:
    """A JSON-ready version of one value: None for missing, dates as YYYY-MM-DD, numbers as numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        number = float(value)
        if not math.isfinite(number):
            return None
        return number
    if isinstance(value, tuple):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def _x_value(value: Any) -> Any:
    """x as it appears in a file: whole numbers without a decimal part."""
    number = plain(value)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


_WHOLE_NUMBER_KEYS = ("part", "n_obs", "n_useful", "longest_run", "longest_run_max", "n_crossings",
                      "n_crossings_min")


def _qicharts2_order(points: pd.DataFrame) -> np.ndarray:
    """Row order of qicharts2's return data: by phase, then facet, then position.

    qic() splits by facet and part with the facet varying fastest, so a faceted chart
    with phases lists phase 1 of every facet before phase 2 (R's interaction order).
    """
    facets = points["facet"].tolist()
    rank = {facet: number for number, facet in enumerate(dict.fromkeys(facets))}
    return np.lexsort((points["position"].to_numpy(), [rank[facet] for facet in facets], points["part"].to_numpy()))


def model_to_dict(model: ChartModel) -> dict[str, Any]:
    """The chart model as nested dicts and lists of JSON-ready values, points in qicharts2's order."""
    points = model.points
    columns = {key: points[key].tolist() for key in JSON_POINT_KEYS}
    rows = []
    for index in _qicharts2_order(points):
        row = {key: plain(columns[key][index]) for key in JSON_POINT_KEYS}
        row["x"] = _x_value(columns["x"][index])
        row["facet"] = _x_value(columns["facet"][index])
        for key in _WHOLE_NUMBER_KEYS:
            row[key] = _x_value(row[key])
        rows.append(row)
    return {
        "chart": model.chart,
        "rules": model.rules,
        "centre_label": model.centre_label,
        "improvement": model.improvement,
        "target": model.target,
        "multiply": model.multiply,
        "recommendation": model.recommendation,
        "verdict": plain(asdict(model.verdict)),
        "phases": [plain(asdict(phase)) for phase in model.phases],
        "points": rows,
    }
