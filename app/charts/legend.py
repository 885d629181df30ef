"""The screen chart's legend and the list naming numbered changes, both under the plot.

The legend fills rows as the paper's legend does, for the narrowest plot the chart
is laid out for, so it never makes the chart wider than its container (which
would shrink the plot) and its height is known before Vega lays the chart out.
Widths are Vega expressions: "width" is the plot's width once Streamlit has
fitted the chart to its container.
"""

from __future__ import annotations

from app.charts.sizes import WHITE, ScreenSizes, dash
from reports import (
    ANNOTATION_FONT_SCALE,
    LegendItem,
    PlotRoom,
    annotation_row_height,
    palette,
)

TEXT = "#262626"
LEGEND_ROW = 1.6  # height of a legend row, in font sizes


def note_layers(notes: tuple[str, ...], width: str, height: str, offset: float,
                sizes: ScreenSizes) -> list[dict]:
    """Return the lines naming numbered changes, offset pixels below height (Vega expressions)."""
    pitch = annotation_row_height(sizes.font)
    return [{"description": "annotation_notes", "data": {"values": [{"text": line}]}, "mark": {
        "type": "text", "align": "left", "baseline": "middle", "color": palette.ANNOTATION.colour,
        "fontSize": sizes.font * ANNOTATION_FONT_SCALE, "limit": {"expr": width}},
        "encoding": {"x": {"value": 0},
                     "y": {"value": {"expr": f"{height} + {offset + pitch * (index + 0.5):g}"}},
                     "text": {"field": "text", "type": "nominal"}}}
        for index, line in enumerate(notes)]


def legend_sample(item: LegendItem, sizes: ScreenSizes) -> float:
    """Return the length of a legend sample: long enough to show a whole dash pattern."""
    return max(sizes.font * 1.6, sum(item.mark.dash) * sizes.line_scale * 1.25)


def entry_width(item: LegendItem, sizes: ScreenSizes) -> float:
    """Return the width of one legend entry: sample, word and the air after it."""
    return legend_sample(item, sizes) + 5 + PlotRoom(1.0, 1.0, sizes.font).text_width(item.text) \
        + sizes.font * 1.5


def legend_places(items: tuple[LegendItem, ...], width: float,
                  sizes: ScreenSizes) -> list[tuple[float, int]]:
    """Return each entry's left edge and row: entries one after another, a new row when full."""
    places, x, row = [], 0.0, 0
    for item in items:
        if x > 0 and x + entry_width(item, sizes) > width:
            x, row = 0.0, row + 1
        places.append((x, row))
        x += entry_width(item, sizes)
    return places


def legend_height(items: tuple[LegendItem, ...], width: float, sizes: ScreenSizes) -> float:
    """Return the height of the legend's rows at the width it is laid out for."""
    rows = max((row + 1 for _, row in legend_places(items, width, sizes)), default=0)
    return rows * sizes.font * LEGEND_ROW


def legend_layers(items: tuple[LegendItem, ...], planned: float, width: str, height: str,
                  offset: float, sizes: ScreenSizes) -> list[dict]:
    """Return the legend as marks in rows, offset pixels below height, in the paper's order.

    The rows are filled for the planned width (the narrowest plot the chart is laid out
    for), so the legend's height is known before Vega fits the chart to its container.
    width and height are Vega expressions (the plot's "width", or a number): in a plot
    narrower than planned the entries draw closer and long words end in …, so the legend
    never widens the chart and shrinks the plot.
    """
    squeeze = f"min(1, {width} / {planned:g})"
    row = sizes.font * LEGEND_ROW
    layers = []
    for item, (left, row_index) in zip(items, legend_places(items, planned, sizes), strict=True):
        sample = legend_sample(item, sizes)
        x = f"{left:g} * {squeeze}"
        y = {"expr": f"{height} + {offset + row / 2 + row_index * row:g}"}
        room_for_text = entry_width(item, sizes) - sample - 5
        one = {"values": [{"text": item.text, "key": item.key}]}
        mark = item.mark
        if item.shape == "point":
            layers.append({"description": f"legend_{item.key}", "data": one, "mark": {
                "type": "point", "shape": (mark.symbol or palette.CIRCLE).svg_path(),
                "size": (2 * sizes.point_radius * mark.scale) ** 2, "filled": True, "opacity": 1,
                "fill": mark.colour if mark.filled else WHITE, "stroke": mark.colour,
                "strokeWidth": max(1.0, sizes.line_scale * 0.9)},
                "encoding": {"x": {"value": {"expr": f"{x} + {sample / 2:g}"}}, "y": {"value": y}}})
        else:
            band = item.shape == "band"
            inset = sizes.font * 0.45 if band else 1
            layers.append({"description": f"legend_{item.key}", "data": one, "mark": {
                "type": "rule", "color": mark.colour, "strokeDash": dash(mark, sizes),
                "strokeWidth": sizes.font * 0.9 if band else mark.stroke_width * sizes.line_scale,
                "strokeCap": "round" if band else "butt"},
                "encoding": {"x": {"value": {"expr": f"{x} + {inset:g}"}},
                             "x2": {"value": {"expr": f"{x} + {sample - inset:g}"}},
                             "y": {"value": y}}})
        # limit: a word cut with … rather than one that widens the chart past its container
        layers.append({"description": "legend_text", "data": one, "mark": {
            "type": "text", "align": "left", "baseline": "middle", "fontSize": sizes.font, "color": TEXT,
            "limit": {"expr": f"{room_for_text:g} * {squeeze}"}},
            "encoding": {"x": {"value": {"expr": f"{x} + {sample + 5:g}"}}, "y": {"value": y},
                         "text": {"field": "text", "type": "nominal"}}})
    return layers
