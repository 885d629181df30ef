"""The drawing that screen and paper share: chart geometry, axes, labels, colours, verdict sentence.

One `ChartGeometry` per chart model feeds both the Altair chart on screen (app) and
the chart in the PDF (reports.pdf), so the two never disagree.
"""

from reports.drawing import palette
from reports.drawing.axis_ticks import number_ticks, tick_decimals
from reports.drawing.chart_axes import ValueStyle, x_title_for
from reports.drawing.chart_geometry import (
    ChartGeometry,
    LegendItem,
    Panel,
    chart_geometry,
    panel_columns,
    place_labels,
)
from reports.drawing.chart_labels import (
    ANNOTATION_FONT_SCALE,
    LINE_SPACING,
    PlotRoom,
    annotation_row_height,
    change_list,
)
from reports.drawing.palette import IMPROVEMENT, Mark
from reports.drawing.verdict_sentence import verdict_sentence

__all__ = [
    "ANNOTATION_FONT_SCALE",
    "IMPROVEMENT",
    "LINE_SPACING",
    "ChartGeometry",
    "LegendItem",
    "Mark",
    "Panel",
    "PlotRoom",
    "ValueStyle",
    "annotation_row_height",
    "change_list",
    "chart_geometry",
    "palette",
    "number_ticks",
    "panel_columns",
    "place_labels",
    "tick_decimals",
    "verdict_sentence",
    "x_title_for",
]
