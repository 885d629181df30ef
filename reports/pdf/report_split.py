"""Where a municipality's report splits in two parts of about equal layout work (reports.pdf.report_parts).

The first part holds the cover, the summary and the first units' charts; the
second the remaining units' charts and the appendix, whose work grows with the
points. Each unit's charts start on a page of their own, so the split changes
no page. It depends on the content alone, never on the cores.
"""

from __future__ import annotations

from reports.content.report_content import ReportContent

# What each piece of a municipality's layout costs, in rows of the appendix, measured on the
# benchmark's 50 units × 8 charts (bench/reports.py): a chart's page about 115 rows, and
# each chart's line in the summary (with the cover) about 30.
CHART_COST_IN_ROWS = 115
SUMMARY_COST_IN_ROWS = 30
MIN_CHARTS_TO_SPLIT = 40  # a smaller report is quicker laid out whole than in two parts


def split_unit(content: ReportContent) -> int:
    """Return how many units' charts the first part takes; all of them: no second part."""
    charts = [len(unit.charts) for unit in content.units]
    if sum(charts) < MIN_CHARTS_TO_SPLIT or len(charts) < 2:
        return len(charts)
    rows = sum(len(chart.model.points) for unit in content.units for chart in unit.charts)
    opening = sum(charts) * SUMMARY_COST_IN_ROWS
    half = (opening + sum(charts) * CHART_COST_IN_ROWS + rows) / 2
    split = 0
    while split < len(charts) - 1 and opening + charts[split] * CHART_COST_IN_ROWS <= half:
        opening += charts[split] * CHART_COST_IN_ROWS
        split += 1
    return max(split, 1)
