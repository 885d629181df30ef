"""Whether a unit meets an indicator's goal at the end of the report month.

The reports read the goal the way the chart draws it: the target line of the
chart model. Days-between goals ("at least 300 days between new pressure
ulcers") are met while the days since the last event have reached the goal;
the other goals are met when the latest period lies on the good side of the
target (at or above it when up is better, at or below it when down is better),
by the same rule as the overview (indicators.goals.meets).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from indicators import ChartModel, IndicatorDefinition, meets
from reports.wording.value_text import value_text

GOAL_STATES = ("met", "not_met", "no_goal", "no_data")


@dataclass(frozen=True)
class GoalStatus:
    """A goal's state and the target it was measured against, printed."""

    state: str  # one of GOAL_STATES
    target: str  # "≥ 95,0 %", "≤ 4,21 pr. 1000 sengedage", "" without a goal


def goal_status(model: ChartModel, definition: IndicatorDefinition, *,
                days_since_last_event: int | None, latest: float | None,
                language: str = "da", with_unit: bool = True) -> GoalStatus:
    """Return the goal's state for the latest value (or the days since the last event)."""
    if definition.goal is None or model.target is None or not np.isfinite(model.target):
        return GoalStatus("no_goal", "")
    better_up = (model.improvement or definition.improvement) == "up"
    # A target computed from a baseline of counts (0,4 errors a month) is not a whole number.
    decimals = 1 if definition.measure == "count" and model.target != round(model.target) else None
    printed = value_text(model.target, definition, language=language, decimals=decimals,
                         with_unit=with_unit)
    target = f"{'≥' if better_up else '≤'} {printed}"
    measured = days_since_last_event if definition.goal.kind == "min_days_between" else latest
    if measured is None or not np.isfinite(measured):
        return GoalStatus("no_data", target)
    # The overview page's rule, tolerance included: screen and paper agree on "exactly 95 %".
    met = bool(meets(np.array([float(measured)]), np.array([model.target]), upwards=better_up)[0])
    return GoalStatus("met" if met else "not_met", target)
