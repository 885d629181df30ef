"""How Tavle writes numbers, dates, periods, values and its report words, in Danish and English.

The bottom layer of `reports`: the board, Diagrammer, the overview and the PDF all
print through it, so "87,5 %", "uge 47" and "22-11-2026" read the same everywhere.
"""

from reports.wording.event_words import event_after_last
from reports.wording.formats import (
    MISSING,
    d3_axis_date_format,
    d3_number_locale,
    d3_time_locale,
    format_axis_date,
    format_date,
    format_month,
    format_number,
    format_percent,
    format_period,
    format_week,
    is_missing,
)
from reports.wording.goal_text import goal_state, goal_target_text
from reports.wording.measure_plan import measure_plan
from reports.wording.value_text import is_percent, value_text

__all__ = [
    "MISSING",
    "d3_axis_date_format",
    "d3_number_locale",
    "d3_time_locale",
    "event_after_last",
    "format_axis_date",
    "format_date",
    "format_month",
    "format_number",
    "format_percent",
    "format_period",
    "format_week",
    "goal_state",
    "goal_target_text",
    "is_missing",
    "is_percent",
    "measure_plan",
    "value_text",
]
