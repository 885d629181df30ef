"""Lay out a chart model as a vector picture for the PDF reports.

What is drawn comes from reports.drawing.chart_geometry and how it looks from
reports.drawing.palette, the same two sources the screen chart uses. This module only
decides where on the page things go; the result is a reports.pdf.picture.Picture,
which the report paints straight onto its pages and chart_drawing turns into a
reportlab Drawing.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from reportlab.graphics.shapes import Drawing
from reportlab.pdfbase.pdfmetrics import stringWidth

from indicators import ChartModel
from reports.drawing import palette
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
    PlotRoom,
    annotation_row_height,
)
from reports.drawing.palette import Mark
from reports.drawing.point_columns import point_column
from reports.pdf.picture import (
    Box,
    Layer,
    Outline,
    PathBuilder,
    Pen,
    Picture,
    Text,
    circle_stamp,
    line,
    polygon_stamp,
)
from reports.pdf.picture_drawing import picture_drawing

# A4 portrait with 2 cm margins leaves 481 points of text width.
DEFAULT_WIDTH = 481.0
DEFAULT_HEIGHT = 220.0
POINT_RADIUS = 2.7  # half the symbol box, in points, where points have room
SMALLEST_POINT_RADIUS = 1.8  # where they crowd (see ChartGeometry.point_radius)
BAND_PER_RADIUS = 3.3  # the longest run's band is this many point radii wide
GRID = Pen("#E3E3E3", 0.5)  # decorative: the tick labels carry the values
AXIS = Pen(palette.LIMIT.colour, 0.6)
WHITE = palette.BACKGROUND
TITLE_COLOUR = "#1A1A1A"
TEXT_COLOUR = "#262626"
PANEL_GAP = 10.0
LEGEND_SAMPLE = 16.0


@dataclass(frozen=True)
class Frame:
    """A plot area on the drawing, in points from the bottom left corner."""

    x: float
    y: float
    width: float
    height: float


@dataclass(frozen=True)
class Fonts:
    """Font name and sizes used across one drawing."""

    name: str
    bold: str
    size: float
    measure: Callable[[str, str, float], float] = stringWidth  # see PlotRoom.measure

    def width(self, text: str, size: float | None = None) -> float:
        """Return the printed width of text in points."""
        return self.measure(text, self.name, size or self.size)


def chart_drawing(model: ChartModel, **options: object) -> Drawing:
    """Return the chart as a reportlab Drawing; options as chart_picture takes them."""
    return picture_drawing(chart_picture(model, **options))  # type: ignore[arg-type]


def chart_picture(
    model: ChartModel, *, width: float = DEFAULT_WIDTH, height: float = DEFAULT_HEIGHT,
    language: str = "da", title: str | None = None, warning_limits: bool = False,
    percent: bool | None = None, x_title: str | None = None, y_title: str | None = None,
    columns: int | None = None, legend: bool = True, longest_run: str = "signal",
    font_name: str = "Helvetica",
    bold_font_name: str = "Helvetica-Bold", font_size: float = 7.5,
    measure: Callable[[str, str, float], float] = stringWidth,
) -> Picture:
    """Return the chart as a Picture of width × height points.

    measure(text, font, size) gives a text's printed width: a report passes its record of
    widths shared by its charts (reports.pdf.cell_text.CellTexts.width).
    """
    fonts = Fonts(font_name, bold_font_name, font_size, measure)
    count = facet_count(point_column(model.points, "facet"))
    across = panel_columns(count, columns)
    # A first guess at one plot's size: the axis labels' margins take about nine letters.
    guess = PlotRoom(max((width - font_size * 9 * across) / across, 40.0), height * 0.6, font_size,
                     font_name, measure)
    geometry = chart_geometry(model, language=language, warning_limits=warning_limits,
                              percent=percent, x_title=x_title, y_title=y_title, columns=columns,
                              longest_run=longest_run, room=guess)
    return geometry_picture(geometry, width=width, height=height, title=title, columns=columns,
                         legend=legend, fonts=fonts)


def facet_count(facets: np.ndarray) -> int:
    """Return how many panels a facet column makes: Series.nunique(dropna=False), every NaN one value.

    A set of the column's values, not pandas: its hash table costs some 100 µs a chart.
    """
    distinct = set(facets.tolist())
    not_a_number = sum(1 for value in distinct if value != value)  # NaN objects are unequal
    return len(distinct) - max(not_a_number - 1, 0)


def geometry_picture(geometry: ChartGeometry, *, width: float, height: float, title: str | None,
                     columns: int | None, legend: bool, fonts: Fonts) -> Picture:
    """Return a Picture of the geometry: title, panels on shared axes, then the legend."""
    items: list[Outline | Box | Text | Layer] = []
    top = height
    if title:
        top -= fonts.size * 1.6
        items.append(Text(0, top + fonts.size * 0.35, title, fonts.bold, fonts.size * 1.3,
                          TITLE_COLOUR, name="title"))
    legend_group, legend_height = (legend_rows(geometry.legend, width, fonts) if legend else (None, 0.0))
    # The plot's size decides the labels' rows, and the rows the plot's height: place the labels
    # for the plot they leave, until that no longer changes (the second round, in practice).
    for _ in range(3):
        frames = panel_frames(geometry, width, top, legend_height, columns, fonts)
        room = PlotRoom(frames[0].width, frames[0].height, fonts.size, fonts.name, fonts.measure)
        if room == geometry.room:
            break
        geometry = place_labels(geometry, room)
    for index, (panel, frame) in enumerate(zip(geometry.panels, frames, strict=True)):
        column = index % len({f.x for f in frames})
        below = [f for f in frames if f.x == frame.x and f.y < frame.y]
        items.append(panel_layer(geometry, panel, frame, fonts, y_labels=column == 0,
                                 x_labels=not below, name=f"panel_{index}"))
    if geometry.annotation_notes:
        items.append(notes_layer(geometry.annotation_notes, frames[0].x, legend_height, fonts))
    if legend_group is not None:
        items.append(legend_group)
    return Picture(width, height, tuple(items))


def notes_height(notes: tuple[str, ...], fonts: Fonts) -> float:
    """Return the height of the lines naming numbered changes."""
    return len(notes) * annotation_row_height(fonts.size) + (fonts.size * 0.4 if notes else 0)


def notes_layer(notes: tuple[str, ...], left: float, bottom: float, fonts: Fonts) -> Layer:
    """Return the lines naming numbered changes ("1 Ny teamleder ..."), just above the legend."""
    pitch = annotation_row_height(fonts.size)
    return Layer(tuple(
        Text(left, bottom + (len(notes) - index - 1) * pitch + pitch * 0.3, note, fonts.name,
             fonts.size * ANNOTATION_FONT_SCALE, palette.ANNOTATION.colour)
        for index, note in enumerate(notes)), name="annotation_notes")


def panel_frames(geometry: ChartGeometry, width: float, top: float, legend_height: float,
                 columns: int | None, fonts: Fonts) -> list[Frame]:
    """Return one plot frame per panel, in rows of columns, sharing the left and bottom labels."""
    count = len(geometry.panels)
    columns = panel_columns(count, columns)
    rows = math.ceil(count / columns)
    size = fonts.size
    left = size * 1.8 + max((fonts.width(label) for _, label in geometry.y_axis.ticks), default=0) + 4
    right = max((fonts.width(e.text) for p in geometry.panels for e in p.end_labels), default=0) + 6
    annotation_rows = max((a.row + 1 for a in geometry.annotations), default=0)
    header = (annotation_rows * annotation_row_height(size) + (size * 1.5 if count > 1 else 0)
              + (label_base(geometry) if annotation_rows else 2))
    bottom = (legend_height + notes_height(geometry.annotation_notes, fonts) + size * 1.4
              + (size * 1.4 if geometry.x_axis.title else 0) + 2)
    plot_width = (width - left - columns * right - (columns - 1) * PANEL_GAP) / columns
    plot_height = (top - bottom - rows * header - (rows - 1) * PANEL_GAP) / rows
    if plot_width < 40 or plot_height < 30:
        raise ValueError(
            f"A chart of {width:.0f} × {top:.0f} points is too small for {count} panels: "
            f"each plot would be {plot_width:.0f} × {plot_height:.0f} points; make it larger "
            "or use fewer columns."
        )
    return [Frame(left + (i % columns) * (plot_width + right + PANEL_GAP),
                  top - (i // columns + 1) * (header + plot_height) - (i // columns) * PANEL_GAP,
                  plot_width, plot_height)
            for i in range(count)]


def panel_layer(geometry: ChartGeometry, panel: Panel, frame: Frame, fonts: Fonts, *,
                y_labels: bool, x_labels: bool, name: str) -> Layer:
    """Return one panel: grid, lines, annotations, points, end labels and axis labels."""
    # Scalars and numpy arrays alike: x from data units to points on the page.
    (x_low, x_high), (y_low, y_high) = geometry.x_axis.domain, geometry.y_axis.domain
    x_scale, y_scale = frame.width / (x_high - x_low), frame.height / (y_high - y_low)

    def sx(x: float | np.ndarray) -> float | np.ndarray:
        return frame.x + (x - x_low) * x_scale

    def sy(y: float | np.ndarray) -> float | np.ndarray:
        return frame.y + (y - y_low) * y_scale

    radius = point_radius(geometry)
    plot_area = Box(frame.x, frame.y, frame.width, frame.height, WHITE, name="plot_area")
    # One path per stroke style: a chart is drawn 400 times in a municipality report.
    grid = PathBuilder()
    for value, _ in geometry.y_axis.ticks:
        grid.move_to(frame.x, sy(value))
        grid.line_to(frame.x + frame.width, sy(value))
    axis = PathBuilder()
    axis.move_to(frame.x, frame.y)
    axis.line_to(frame.x + frame.width, frame.y)
    if x_labels:
        for value, _ in geometry.x_axis.ticks:
            axis.move_to(sx(value), frame.y)
            axis.line_to(sx(value), frame.y - 2.5)

    lines = []
    order = {"longest_run": 0, "target": 1, "lcl_95": 2, "ucl_95": 2, "lcl": 3, "ucl": 3, "cl": 4,
             "connector": 5}
    for chart_line in sorted(panel.lines, key=lambda item: order[item.role]):
        path = PathBuilder()
        path.polyline(sx(np.asarray(chart_line.xs, dtype=float)),
                      sy(np.asarray(chart_line.ys, dtype=float)))
        band = chart_line.role == "longest_run"
        pen = pen_for(chart_line.mark, round_ends=band)
        if band:  # as wide as the points it lies behind
            pen = dataclasses.replace(pen, width=min(pen.width, radius * BAND_PER_RADIUS))
        lines.append(path.outline(pen))

    annotations: list[Outline | Text] = []
    for marker in geometry.annotations:
        x = sx(marker.x)
        annotations.append(line(x, frame.y, x, frame.y + frame.height, pen_for(palette.ANNOTATION)))
        label_y = frame.y + frame.height + label_base(geometry) + marker.row * annotation_row_height(fonts.size)
        right = marker.align == "right"
        if not marker.label:  # named in the label of the change before it
            continue
        annotations.append(Text(x - 1.5 if right else x + 1.5, label_y, marker.label, fonts.name,
                                fonts.size * ANNOTATION_FONT_SCALE, palette.ANNOTATION.colour,
                                anchor="end" if right else "start"))

    # One path per kind of point: a shape per point would cost a PDF state change per point.
    kinds: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for point in panel.points:
        kinds.setdefault((point.kind, point.open), []).append((point.x, point.y))
    points = []
    for (kind, is_open), places in kinds.items():
        xs, ys = np.asarray(places, dtype=float).T
        points.append(symbols_outline(palette.POINT_MARKS[kind], sx(xs), sy(ys), radius,
                                      open_=is_open, name=kind + ("_open" if is_open else "")))

    labels: list[Text] = [
        Text(frame.x + frame.width + 3, sy(end.y) - fonts.size * 0.35, end.text, fonts.name,
             fonts.size, end.mark.colour) for end in panel.end_labels]
    if y_labels:
        labels += [Text(frame.x - 3, sy(value) - fonts.size * 0.35, label, fonts.name, fonts.size,
                        TEXT_COLOUR, anchor="end") for value, label in geometry.y_axis.ticks]
        labels.append(Text(fonts.size * 0.9, frame.y + frame.height / 2, geometry.y_axis.title,
                           fonts.name, fonts.size, TEXT_COLOUR, anchor="middle", turned=True,
                           name="y_title"))
    if x_labels:
        labels += [Text(sx(value), frame.y - fonts.size * 1.25, label, fonts.name, fonts.size,
                        TEXT_COLOUR, anchor="middle") for value, label in geometry.x_axis.ticks]
        if geometry.x_axis.title:
            labels.append(Text(frame.x + frame.width / 2, frame.y - fonts.size * 2.6,
                               geometry.x_axis.title, fonts.name, fonts.size, TEXT_COLOUR,
                               anchor="middle"))
    if panel.title:
        rows = max((a.row + 1 for a in geometry.annotations), default=0)
        header_y = (frame.y + frame.height + rows * annotation_row_height(fonts.size)
                    + (label_base(geometry) if rows else 2) + 1)
        labels.append(Text(frame.x, header_y, panel.title, fonts.bold, fonts.size * 1.05,
                           TITLE_COLOUR, name="panel_title"))
    return Layer((plot_area, grid.outline(GRID, name="grid"), axis.outline(AXIS, name="axis"),
                  Layer(tuple(lines), name="lines"), Layer(tuple(annotations), name="annotations"),
                  Layer(tuple(points), name="points"), Layer(tuple(labels), name="labels")), name=name)


def point_radius(geometry: ChartGeometry) -> float:
    """Return the radius of a plain point on this chart: smaller where points crowd."""
    return geometry.point_radius(POINT_RADIUS, smallest=SMALLEST_POINT_RADIUS)


def label_base(geometry: ChartGeometry) -> float:
    """Return how far above the plot the first row of change labels stands, clear of top points."""
    return point_radius(geometry) * palette.IMPROVEMENT.scale + 1


def pen_for(mark: Mark, *, round_ends: bool = False) -> Pen:
    """Return the pen for the mark's colour, width and dash."""
    return Pen(mark.colour, mark.stroke_width, mark.dash, cap=1 if round_ends else 0, join=1)


def symbols_outline(mark: Mark, xs: np.ndarray, ys: np.ndarray, radius: float, *,
                    open_: bool = False, name: str | None = None) -> Outline:
    """Return one path holding the mark's symbol at every (x, y): filled, or open in white."""
    shape = mark.symbol or palette.CIRCLE
    radius *= mark.scale
    path = PathBuilder()
    path.stamp(circle_stamp(radius) if shape.is_circle else polygon_stamp(shape.vertices, radius),
               xs, ys)
    return path.outline(Pen(mark.colour, 0.9, join=1),
                        WHITE if open_ or not mark.filled else mark.colour, name=name)


def legend_sample(item: LegendItem) -> float:
    """Return the length of a legend sample: long enough for one whole dash pattern."""
    return max(LEGEND_SAMPLE, sum(item.mark.dash) * 1.25)


def legend_rows(items: tuple[LegendItem, ...], width: float, fonts: Fonts) -> tuple[Layer, float]:
    """Return the legend as a layer at the bottom of the picture, and its height."""
    row_height = fonts.size * 1.5
    placed: list[tuple[LegendItem, float, int]] = []
    x, row = 0.0, 0
    for item in items:
        item_width = legend_sample(item) + 4 + fonts.width(item.text) + 12
        if x > 0 and x + item_width > width:
            x, row = 0.0, row + 1
        placed.append((item, x, row))
        x += item_width
    rows = (row + 1) if items else 0
    shapes: list[Outline | Text] = []
    for item, left, row_index in placed:
        y = (rows - row_index - 1) * row_height + row_height / 2
        length = legend_sample(item)
        if item.shape == "point":
            shapes.append(symbols_outline(item.mark, np.array([left + length / 2]), np.array([y]),
                                          POINT_RADIUS, open_=not item.mark.filled))
        else:
            band = item.shape == "band"
            inset = fonts.size * 0.5 if band else 1  # room for the band's round ends
            pen = pen_for(item.mark, round_ends=band)
            if band:
                pen = dataclasses.replace(pen, width=fonts.size * 0.9)
            shapes.append(line(left + inset, y, left + length - inset, y, pen))
        shapes.append(Text(left + length + 4, y - fonts.size * 0.35, item.text, fonts.name,
                           fonts.size, TEXT_COLOUR))
    return Layer(tuple(shapes), name="legend"), rows * row_height
