"""Draw a chart model for the screen as Vega-Lite (Altair), the same chart the PDF prints.

What is drawn comes from reports.drawing.chart_geometry and how it looks from
reports.drawing.palette, the two sources the reportlab drawing uses too. Months and
numbers print in Danish through Vega's locale, built from the same CLDR data
Babel uses on paper.

The spec is built as plain Vega-Lite data: Altair's `.encode()` costs about
17 ms a call, which a board of eight charts cannot afford. `chart_spec` gives
the dict for `st.vega_lite_chart`; `altair_chart` wraps the same dict in Altair.
"""

from __future__ import annotations

import altair as alt
import numpy as np

from app.charts.legend import TEXT, legend_height, legend_layers, note_layers
from app.charts.sizes import LARGE, STANDARD, WHITE, ScreenSizes, dash, label_base, point_radius
from app.language import translate
from indicators import ChartModel
from reports import (
    ANNOTATION_FONT_SCALE,
    LINE_SPACING,
    ChartGeometry,
    Panel,
    PlotRoom,
    annotation_row_height,
    chart_geometry,
    d3_axis_date_format,
    d3_number_locale,
    d3_time_locale,
    format_number,
    format_period,
    is_missing,
    palette,
    panel_columns,
    place_labels,
)

VEGA_LITE_SCHEMA = alt.SCHEMA_URL
SECONDS_PER_DAY = 86_400
# Helvetica first: chart_labels measures text with its metrics, which Arial and Liberation
# Sans share, so labels placed to keep clear do so on Mac, Windows and Linux alike.
FONT = "Helvetica, Arial, 'Liberation Sans', sans-serif"
GRID = "#E3E3E3"
LINE_ORDER = {"longest_run": 0, "target": 1, "lcl_95": 2, "ucl_95": 2, "lcl": 3, "ucl": 3, "cl": 4,
              "connector": 5}
TOOLTIP_FIELDS = ("period", "value", "count", "note", "signal")


def altair_chart(model: ChartModel, **options: object) -> alt.TopLevelMixin:
    """Return the chart as an Altair chart; takes the keyword options of chart_spec."""
    return as_altair(chart_spec(model, **options))  # type: ignore[arg-type]


def chart_spec(
    model: ChartModel, *, language: str = "da", large: bool = False, title: str | None = None,
    warning_limits: bool = False, percent: bool | None = None, x_title: str | None = None,
    y_title: str | None = None, columns: int | None = None, width: int | None = None,
    height: int | None = None, legend: bool = True, longest_run: str = "signal",
    numbered_changes: bool = False,
) -> dict:
    """Return the chart as a Vega-Lite spec: one panel, or small multiples on shared axes.

    numbered_changes: every change labelled by its number, its text left to the page to
    list in full (reports.change_list), as a wall screen without hover needs.
    """
    sizes = LARGE if large else STANDARD
    count = model.points["facet"].nunique(dropna=False)
    columns = panel_columns(count, columns)
    # A first guess at one plot's width: one panel loses about nine letters to its axes' labels.
    across = (width or sizes.width) - sizes.font * 9 if count == 1 else width or sizes.width / columns
    guess = PlotRoom(max(across, 40.0), height or sizes.height, sizes.font)
    geometry = chart_geometry(model, language=language, warning_limits=warning_limits,
                              percent=percent, x_title=x_title, y_title=y_title, columns=columns,
                              longest_run=longest_run, room=guess,
                              numbered_changes=numbered_changes)
    end_width = max((guess.text_width(e.text) for p in geometry.panels for e in p.end_labels), default=0)
    gap = int(end_width + 16)
    panel_width = width or (sizes.width if count == 1 else int((sizes.width - gap * (columns - 1)) / columns))
    panel_height = height or (sizes.height if count == 1 else int(sizes.height * 0.8))
    # One panel's width is the whole chart's (autosize fit-x): its axes' labels come off it.
    plot_width = max(panel_width - (y_margin(geometry, sizes) + end_width + 10 if count == 1 else 0), 40.0)
    geometry = place_labels(geometry, PlotRoom(plot_width, panel_height, sizes.font))
    below_axis = sizes.font * (2 * LINE_SPACING + 1.0)  # tick labels and the x title
    notes_height = len(geometry.annotation_notes) * annotation_row_height(sizes.font)
    panels = []
    for index, panel in enumerate(geometry.panels):
        spec = panel_spec(model, geometry, panel, sizes, y_labels=index % columns == 0,
                          x_labels=index + columns >= count)
        if count == 1:  # inside the one panel, so it follows the container's width
            # Placed from the plot's height and width as Vega sees them: when Streamlit fits the
            # chart to its container the plot's width changes, and the legend's entries follow.
            spec["layer"] += note_layers(geometry.annotation_notes, "width", "height", below_axis, sizes)
            if legend:
                spec["layer"] += legend_layers(geometry.legend, plot_width, "width", "height",
                                               below_axis + notes_height, sizes)
        spec.update(width=panel_width, height=panel_height)
        if panel.title:
            spec["title"] = {"text": panel.title, "anchor": "start", "fontSize": sizes.font * 1.1,
                             "offset": annotation_offset(geometry, sizes)}
        panels.append(spec)
    top = panels[0] if count == 1 else {"concat": panels, "columns": columns, "spacing": gap}
    shown = geometry.legend if legend else ()
    if count > 1 and (shown or geometry.annotation_notes):  # a row of its own: no panel grows wider
        total = columns * panel_width + (columns - 1) * gap
        layers = (note_layers(geometry.annotation_notes, str(total), "0", 0, sizes)
                  + legend_layers(shown, total, str(total), "0", notes_height, sizes))
        top = {"vconcat": [top, {"width": total,
                                 "height": notes_height + legend_height(shown, total, sizes),
                                 "layer": layers}],
               "spacing": sizes.font}
    if title:
        top["title"] = {"text": title, "anchor": "start", "fontSize": sizes.title,
                        "offset": annotation_offset(geometry, sizes) + (6 if count == 1 else 2)}
    # One panel stretches to its container's width but keeps its height (Streamlit would
    # otherwise fit the height too and squeeze the plot under its labels); panels keep size.
    autosize = {"type": "fit-x" if count == 1 else "pad", "contains": "padding"}
    return {"$schema": VEGA_LITE_SCHEMA, **top, "autosize": autosize, "config": config(geometry, sizes)}


def y_margin(geometry: ChartGeometry, sizes: ScreenSizes) -> float:
    """Return about how wide the y axis's labels and title are, in pixels."""
    room = geometry.room
    labels = max((room.text_width(label) for _, label in geometry.y_axis.ticks), default=0.0)
    return labels + (sizes.font * LINE_SPACING if geometry.y_axis.title else 0) + 14


def config(geometry: ChartGeometry, sizes: ScreenSizes) -> dict:
    """Return the Vega-Lite config: the language's locale and the house fonts and sizes."""
    return {
        "locale": {"number": d3_number_locale(geometry.language), "time": d3_time_locale(geometry.language)},
        "font": FONT,
        "axis": {"labelFontSize": sizes.font, "titleFontSize": sizes.font, "labelColor": TEXT,
                 "titleColor": TEXT, "gridColor": GRID, "domainColor": palette.LIMIT.colour,
                 "tickColor": palette.LIMIT.colour, "titleFontWeight": "normal"},
        "view": {"stroke": None},
        "title": {"color": TEXT},
        "padding": 5,
    }


def annotation_offset(geometry: ChartGeometry, sizes: ScreenSizes) -> float:
    """Return the room above a plot that the annotation labels take."""
    rows = max((a.row + 1 for a in geometry.annotations), default=0)
    return rows * annotation_row_height(sizes.font) + (label_base(geometry, sizes) if rows else 4)


def panel_spec(model: ChartModel, geometry: ChartGeometry, panel: Panel, sizes: ScreenSizes, *,
               y_labels: bool, x_labels: bool) -> dict:
    """Return one panel: shared x and y with the paper's ticks, and its layers back to front."""
    layers = [line_layer(geometry, panel, role, sizes)
              for role in sorted({line.role for line in panel.lines}, key=LINE_ORDER.__getitem__)]
    if geometry.annotations:
        layers += annotation_layers(geometry, sizes)
    if panel.points:
        layers.append(points_layer(model, geometry, panel, sizes))
    if panel.end_labels:
        layers.append(end_label_layer(geometry, panel, sizes))
    return {"encoding": {"x": x_channel(geometry, labels=x_labels),
                         "y": y_channel(geometry, labels=y_labels)},
            "layer": layers}


def x_channel(geometry: ChartGeometry, *, labels: bool) -> dict:
    """Return the x channel: fixed domain; ticks and labels as on paper, or none."""
    x_axis = geometry.x_axis
    temporal = geometry.x_kind == "date"
    channel = {"field": "x", "type": "temporal" if temporal else "quantitative",
               "scale": {"domain": [vega_x(geometry, v) for v in x_axis.domain], "nice": False}}
    axis: dict = {"title": x_axis.title, "grid": False, "labelFlush": False,
                  "values": [vega_x(geometry, v) for v, _ in x_axis.ticks]}
    if temporal:
        axis["format"] = d3_axis_date_format(x_axis.unit, geometry.language)
    else:  # numbers and categories: print the paper's labels, looked up by value
        lookup = {number_key(v): label for v, label in x_axis.ticks}
        axis["labelExpr"] = f"{lookup!r}[toString(datum.value)]"
    if not labels:
        axis.update(labels=False, title=None)
    channel["axis"] = axis
    return channel


def y_channel(geometry: ChartGeometry, *, labels: bool) -> dict:
    """Return the y channel: fixed domain, the paper's ticks printed with the same decimals."""
    values = geometry.values
    label = (f"format(datum.value * {values.factor:g}, ',.{values.tick_decimals}f')"
             + (f" + '{values.suffix}'" if values.suffix else ""))
    axis = {"values": [v for v, _ in geometry.y_axis.ticks], "labelExpr": label,
            "title": geometry.y_axis.title, "grid": True}
    if not labels:
        axis.update(labels=False, title=None)
    return {"field": "y", "type": "quantitative",
            "scale": {"domain": list(geometry.y_axis.domain), "nice": False, "zero": False},
            "axis": axis}


def line_layer(geometry: ChartGeometry, panel: Panel, role: str, sizes: ScreenSizes) -> dict:
    """Return every polyline of one role (e.g. the centre line of each phase) as one layer."""
    lines = [line for line in panel.lines if line.role == role]
    # Steps have two vertices at one x: the order field keeps Vega from re-sorting them.
    rows = [{"x": x, "y": y, "line": i, "part": line.part, "order": j}
            for i, line in enumerate(lines)
            for j, (x, y) in enumerate(zip(vega_xs(geometry, line.xs), line.ys, strict=True))]
    mark = lines[0].mark
    band = role == "longest_run"
    width = point_radius(geometry, sizes) * 3.2 if band else mark.stroke_width * sizes.line_scale
    return {"description": role, "data": {"values": rows},
            "mark": {"type": "line", "color": mark.colour, "strokeWidth": width,
                     "strokeDash": dash(mark, sizes), "strokeCap": "round" if band else "butt",
                     "strokeJoin": "round", "clip": True},
            "encoding": {"detail": {"field": "line", "type": "nominal"},
                         "order": {"field": "order", "type": "quantitative"}}}


def points_layer(model: ChartModel, geometry: ChartGeometry, panel: Panel, sizes: ScreenSizes) -> dict:
    """Return the points, shaped and coloured by kind, with a tooltip that says everything."""
    language = geometry.language
    titles = {key: translate(f"chart.tooltip.{key}", language) for key in TOOLTIP_FIELDS}
    # Columns read once, not a row at a time: a board shows two years of daily points.
    picked = [point.row for point in panel.points]
    periods, numerators, denominators, notes = (model.points[c].to_numpy()[picked]
                                                for c in ("x", "numerator", "n", "notes"))
    xs = vega_xs(geometry, [point.x for point in panel.points])
    radius = point_radius(geometry, sizes)
    values: dict[float, str] = {}  # counts repeat; Babel needs to print each one once
    counts: dict[tuple[float, float], str] = {}
    rows = []
    for i, point in enumerate(panel.points):
        mark = point.mark
        # NaN is not equal to itself, so a key holding one would never be found again.
        count_key = tuple(None if is_missing(v) else v for v in (numerators[i], denominators[i]))
        if point.y not in values:
            values[point.y] = geometry.values.value(point.y, language)
        if count_key not in counts:
            counts[count_key] = count_text(*count_key, language)
        rows.append({
            "x": xs[i], "y": point.y, "kind": point.kind,
            "colour": mark.colour, "fill": WHITE if point.open else mark.colour,
            "size": (2 * radius * mark.scale) ** 2,  # Vega sizes a symbol by its box's area
            "shape": (mark.symbol or palette.CIRCLE).svg_path(),
            "period": format_period(periods[i], unit=geometry.period_unit or "", language=language),
            "value": values[point.y], "count": counts[count_key],
            "note": "" if is_missing(notes[i]) else str(notes[i]),
            "signal": signal_text(point.kind, point.open, language),
        })
    return {"description": "points", "data": {"values": rows},
            "mark": {"type": "point", "filled": True, "opacity": 1,
                     "strokeWidth": max(1.0, sizes.line_scale * 0.9)},
            "encoding": {
                "shape": {"field": "shape", "type": "nominal", "scale": None},
                "stroke": {"field": "colour", "type": "nominal", "scale": None},
                "fill": {"field": "fill", "type": "nominal", "scale": None},
                "size": {"field": "size", "type": "quantitative", "scale": None},
                "tooltip": [{"field": key, "type": "nominal", "title": titles[key]} for key in TOOLTIP_FIELDS],
            }}


def count_text(numerator: object, denominator: object, language: str) -> str:
    """Return "23 af 25" for a share, the count alone without a denominator, or ""."""
    if is_missing(numerator):
        return ""
    if is_missing(denominator):
        return format_number(float(numerator), language=language)
    return translate("chart.tooltip.of", language,
                     numerator=format_number(float(numerator), language=language),
                     denominator=format_number(float(denominator), language=language))


def signal_text(kind: str, is_open: bool, language: str) -> str:
    """Return the point's signal in words with its symbol, e.g. "▲ Forbedring"."""
    words = []
    if kind in palette.SIGNAL_MARKS:
        mark = palette.SIGNAL_MARKS[kind]
        words.append(f"{mark.glyph} {mark.word(language)}")
    if kind == "excluded":
        words.append(palette.EXCLUDED.word(language))
    elif kind == "censored" or is_open:
        words.append(palette.CENSORED.word(language))
    return "; ".join(words)


def annotation_layers(geometry: ChartGeometry, sizes: ScreenSizes) -> list[dict]:
    """Return the annotation lines across the plot and their short labels above it."""
    mark = palette.ANNOTATION
    low, high = geometry.y_axis.domain
    # y is in the rows as well: Vega-Lite drops rows whose inherited y field is missing.
    rows = [{"x": vega_x(geometry, a.x), "y": low, "label": a.label, "text": a.text, "row": a.row,
             "align": a.align} for a in geometry.annotations]
    layers = [{"description": "annotations", "data": {"values": rows},
               "mark": {"type": "rule", "color": mark.colour, "strokeDash": dash(mark, sizes),
                        "strokeWidth": mark.stroke_width * sizes.line_scale},
               "encoding": {"y": {"datum": low, "type": "quantitative"}, "y2": {"datum": high},
                            "tooltip": {"field": "text", "type": "nominal",
                                        "title": mark.word(geometry.language)}}}]
    for align in ("left", "right"):
        for row in sorted({r["row"] for r in rows}):
            subset = [r for r in rows if r["row"] == row and r["align"] == align and r["label"]]
            if subset:
                layers.append({
                    "description": "annotation_labels", "data": {"values": subset},
                    "mark": {"type": "text", "align": align, "baseline": "bottom",
                             "dx": 3 if align == "left" else -3,
                             "dy": -(label_base(geometry, sizes) + row * annotation_row_height(sizes.font)),
                             "fontSize": sizes.font * ANNOTATION_FONT_SCALE, "color": mark.colour},
                    "encoding": {"y": {"value": 0}, "text": {"field": "label", "type": "nominal"}}})
    return layers


def end_label_layer(geometry: ChartGeometry, panel: Panel, sizes: ScreenSizes) -> dict:
    """Return each line's value printed right of the plot, where the paper prints it."""
    right = vega_x(geometry, geometry.x_axis.domain[1])
    rows = [{"x": right, "y": e.y, "text": e.text, "colour": e.mark.colour, "role": e.role}
            for e in panel.end_labels]
    return {"description": "end_labels", "data": {"values": rows},
            "mark": {"type": "text", "align": "left", "baseline": "middle", "dx": 5,
                     "fontSize": sizes.font},
            "encoding": {"text": {"field": "text", "type": "nominal"},
                         "color": {"field": "colour", "type": "nominal", "scale": None}}}


def vega_x(geometry: ChartGeometry, position: float) -> object:
    """Return an x position as Vega-Lite data: a local date-time string for dates."""
    return vega_xs(geometry, [position])[0]


def vega_xs(geometry: ChartGeometry, positions) -> list:
    """Return x positions as Vega-Lite data; dates as "2026-01-05T00:00:00", all at once."""
    if geometry.x_kind != "date":
        return [float(p) for p in positions]
    # With a time and no zone, JavaScript reads the date as local time, as d3 prints it.
    seconds = np.round(np.asarray(positions, dtype=float) * SECONDS_PER_DAY).astype("int64")
    return np.datetime_as_string(seconds.astype("datetime64[s]"), unit="s").tolist()


def number_key(value: float) -> str:
    """Return a number as JavaScript's toString prints it: 3 not 3.0."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def as_altair(spec: dict) -> alt.TopLevelMixin:
    """Return a Vega-Lite spec as Altair chart objects without re-parsing it (fast)."""
    spec = {key: value for key, value in spec.items() if key != "$schema"}
    if "encoding" in spec:
        spec["encoding"] = alt.FacetedEncoding(**spec["encoding"])
    if "layer" in spec:
        return alt.LayerChart(layer=[as_altair(child) for child in spec.pop("layer")], **spec)
    if "concat" in spec:
        return alt.ConcatChart(concat=[as_altair(child) for child in spec.pop("concat")], **spec)
    if "vconcat" in spec:
        return alt.VConcatChart(vconcat=[as_altair(child) for child in spec.pop("vconcat")], **spec)
    return alt.Chart(**spec)
