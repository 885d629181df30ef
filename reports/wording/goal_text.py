"""A goal status as the report prints it: its state and its target ("≥ 95,0 %", "≤ 4,21").

The status itself is judged in `indicators` (`chart_goal_status`); this only words it.
"""

from __future__ import annotations

from indicators import GoalStatus, IndicatorDefinition
from reports.wording.value_text import value_text


def goal_state(status: GoalStatus | None) -> str:
    """Return the printed state: one of indicators.GOAL_STATES, no_goal without a goal."""
    return "no_goal" if status is None else status.state


def goal_target_text(status: GoalStatus | None, definition: IndicatorDefinition, *,
                     language: str = "da", with_unit: bool = True) -> str:
    """Return the target with its side ("≥ 95,0 %", "≤ 1,50 pr. 1000 sengedage"); "" without one."""
    if status is None or status.target is None:
        return ""
    # A target computed from a baseline of counts (0,4 errors a month) is not a whole number.
    decimals = 1 if definition.measure == "count" and status.target != round(status.target) else None
    printed = value_text(status.target, definition, language=language, decimals=decimals,
                         with_unit=with_unit)
    return f"{'≥' if status.upwards else '≤'} {printed}"
