"""Draw a chart model as a reportlab vector drawing for the PDF reports.

What is drawn comes from reports.chart_geometry and how it looks from
reports.palette, the same two sources the screen chart uses. This module only
decides where on the page things go.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.graphics.shapes import (
    Circle,
    Drawing,
    Group,
    Line,
    Path,
    Polygon,
    Rect,
    String,
)
from reportlab.lib.colors import Color, HexColor, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from indicators.chart_model import ChartModel
from reports import palette
from reports.chart_geometry import (
    ChartGeometry,
    LegendItem,
    Panel,
    chart_geometry,
    panel_columns,
    place_labels,
)
from reports.chart_labels import (
    ANNOTATION_FONT_SCALE,
    PlotRoom,
    annotation_row_height,
)
from reports.palette import Mark

# A4 portrait with 2 cm margins leaves 481 points of text width.
DEFAULT_WIDTH = 481.0
DEFAULT_HEIGHT = 220.0
POINT_RADIUS = 2.7  # half the symbol box, in points, where points have room
SMALLEST_POINT_RADIUS = 1.8  # where they crowd (see ChartGeometry.point_radius)
BAND_PER_RADIUS = 3.3  # the longest run's band is this many point radii wide
GRID = HexColor("#E3E3E3")  # decorative: the tick labels carry the values
AXIS = HexColor(palette.LIMIT.colour)
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

    def width(self, text: str, size: float | None = None) -> float:
        """Return the printed width of text in points."""
        return stringWidth(text, self.name, size or self.size)


def chart_drawing(
    model: ChartModel, *, width: float = DEFAULT_WIDTH, height: float = DEFAULT_HEIGHT,
    language: str = "da", title: str | None = None, warning_limits: bool = False,
    percent: bool | None = None, x_title: str | None = None, y_title: str | None = None,
    columns: int | None = None, legend: bool = True, longest_run: str = "signal",
    font_name: str = "Helvetica",
    bold_font_name: str = "Helvetica-Bold", font_size: float = 7.5,
) -> Drawing:
    """Return the chart as a reportlab Drawing of width × height points."""
    fonts = Fonts(font_name, bold_font_name, font_size)
    count = model.points["facet"].nunique(dropna=False)
    across = panel_columns(count, columns)
    # A first guess at one plot's size: the axis labels' margins take about nine letters.
    guess = PlotRoom(max((width - font_size * 9 * across) / across, 40.0), height * 0.6, font_size,
                     font_name)
    geometry = chart_geometry(model, language=language, warning_limits=warning_limits,
                              percent=percent, x_title=x_title, y_title=y_title, columns=columns,
                              longest_run=longest_run, room=guess)
    return draw_geometry(geometry, width=width, height=height, title=title, columns=columns,
                         legend=legend, fonts=fonts)


def draw_geometry(geometry: ChartGeometry, *, width: float, height: float, title: str | None,
                  columns: int | None, legend: bool, fonts: Fonts) -> Drawing:
    """Return a Drawing of the geometry: title, panels on shared axes, then the legend."""
    drawing = Drawing(width, height)
    top = height
    if title:
        top -= fonts.size * 1.6
        drawing.add(String(0, top + fonts.size * 0.35, title, fontName=fonts.bold,
                           fontSize=fonts.size * 1.3, fillColor=HexColor("#1A1A1A")), name="title")
    legend_group, legend_height = (legend_rows(geometry.legend, width, fonts) if legend else (None, 0.0))
    # The plot's size decides the labels' rows, and the rows the plot's height: place the labels
    # for the plot they leave, until that no longer changes (the second round, in practice).
    for _ in range(3):
        frames = panel_frames(geometry, width, top, legend_height, columns, fonts)
        room = PlotRoom(frames[0].width, frames[0].height, fonts.size, fonts.name)
        if room == geometry.room:
            break
        geometry = place_labels(geometry, room)
    for index, (panel, frame) in enumerate(zip(geometry.panels, frames, strict=True)):
        column = index % len({f.x for f in frames})
        below = [f for f in frames if f.x == frame.x and f.y < frame.y]
        drawing.add(panel_group(geometry, panel, frame, fonts, y_labels=column == 0,
                                x_labels=not below), name=f"panel_{index}")
    if geometry.annotation_notes:
        drawing.add(notes_group(geometry.annotation_notes, frames[0].x, legend_height, fonts),
                    name="annotation_notes")
    if legend_group is not None:
        drawing.add(legend_group, name="legend")
    return drawing


def notes_height(notes: tuple[str, ...], fonts: Fonts) -> float:
    """Return the height of the lines naming numbered changes."""
    return len(notes) * annotation_row_height(fonts.size) + (fonts.size * 0.4 if notes else 0)


def notes_group(notes: tuple[str, ...], left: float, bottom: float, fonts: Fonts) -> Group:
    """Return the lines naming numbered changes ("1 Ny teamleder ..."), just above the legend."""
    group = Group()
    pitch = annotation_row_height(fonts.size)
    for index, line in enumerate(notes):
        y = bottom + (len(notes) - index - 1) * pitch + pitch * 0.3
        group.add(String(left, y, line, fontName=fonts.name, fontSize=fonts.size * ANNOTATION_FONT_SCALE,
                         fillColor=HexColor(palette.ANNOTATION.colour)))
    return group


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


def panel_group(geometry: ChartGeometry, panel: Panel, frame: Frame, fonts: Fonts, *,
                y_labels: bool, x_labels: bool) -> Group:
    """Return one panel: grid, lines, annotations, points, end labels and axis labels."""
    def sx(x: float) -> float:
        low, high = geometry.x_axis.domain
        return frame.x + (x - low) / (high - low) * frame.width

    def sy(y: float) -> float:
        low, high = geometry.y_axis.domain
        return frame.y + (y - low) / (high - low) * frame.height

    radius = point_radius(geometry)
    group = Group()
    group.add(Rect(frame.x, frame.y, frame.width, frame.height, fillColor=white, strokeColor=None),
              name="plot_area")
    # One path per stroke style: a chart is drawn 400 times in a municipality report.
    grid = Path(strokeColor=GRID, strokeWidth=0.5, fillColor=None)
    for value, _ in geometry.y_axis.ticks:
        grid.moveTo(frame.x, sy(value))
        grid.lineTo(frame.x + frame.width, sy(value))
    group.add(grid, name="grid")
    axis = Path(strokeColor=AXIS, strokeWidth=0.6, fillColor=None)
    axis.moveTo(frame.x, frame.y)
    axis.lineTo(frame.x + frame.width, frame.y)
    if x_labels:
        for value, _ in geometry.x_axis.ticks:
            axis.moveTo(sx(value), frame.y)
            axis.lineTo(sx(value), frame.y - 2.5)
    group.add(axis, name="axis")

    lines = Group()
    order = {"longest_run": 0, "target": 1, "lcl_95": 2, "ucl_95": 2, "lcl": 3, "ucl": 3, "cl": 4,
             "connector": 5}
    for line in sorted(panel.lines, key=lambda item: order[item.role]):
        # A Path grows point by point unchecked; a PolyLine re-validates its whole list.
        path = Path(fillColor=None)
        path.moveTo(sx(line.xs[0]), sy(line.ys[0]))
        for x, y in zip(line.xs[1:], line.ys[1:], strict=True):
            path.lineTo(sx(x), sy(y))
        band = line.role == "longest_run"
        shape = stroke(path, line.mark, round_ends=band)
        if band:  # as wide as the points it lies behind
            shape.strokeWidth = min(line.mark.stroke_width, radius * BAND_PER_RADIUS)
        lines.add(shape)
    group.add(lines, name="lines")

    annotations = Group()
    for marker in geometry.annotations:
        x = sx(marker.x)
        annotations.add(stroke(Line(x, frame.y, x, frame.y + frame.height), palette.ANNOTATION))
        label_y = frame.y + frame.height + label_base(geometry) + marker.row * annotation_row_height(fonts.size)
        right = marker.align == "right"
        if not marker.label:  # named in the label of the change before it
            continue
        annotations.add(String(x - 1.5 if right else x + 1.5, label_y, marker.label,
                               textAnchor="end" if right else "start", fontName=fonts.name,
                               fontSize=fonts.size * ANNOTATION_FONT_SCALE,
                               fillColor=HexColor(palette.ANNOTATION.colour)))
    group.add(annotations, name="annotations")

    # One path per kind of point: a shape per point would cost a PDF state change per point.
    points = Group()
    kinds: dict[tuple[str, bool], list[tuple[float, float]]] = {}
    for point in panel.points:
        kinds.setdefault((point.kind, point.open), []).append((sx(point.x), sy(point.y)))
    for (kind, is_open), centres in kinds.items():
        points.add(symbols_path(palette.POINT_MARKS[kind], centres, radius, open_=is_open),
                   name=kind + ("_open" if is_open else ""))
    group.add(points, name="points")

    labels = Group()
    for end in panel.end_labels:
        labels.add(String(frame.x + frame.width + 3, sy(end.y) - fonts.size * 0.35, end.text,
                          fontName=fonts.name, fontSize=fonts.size, fillColor=HexColor(end.mark.colour)))
    text_colour = HexColor("#262626")
    if y_labels:
        for value, label in geometry.y_axis.ticks:
            labels.add(String(frame.x - 3, sy(value) - fonts.size * 0.35, label, textAnchor="end",
                              fontName=fonts.name, fontSize=fonts.size, fillColor=text_colour))
        y_title = String(0, 0, geometry.y_axis.title, textAnchor="middle", fontName=fonts.name,
                         fontSize=fonts.size, fillColor=text_colour)
        turned = Group(y_title)
        turned.rotate(90)
        turned.translate(frame.y + frame.height / 2, -fonts.size * 0.9)
        labels.add(turned, name="y_title")
    if x_labels:
        for value, label in geometry.x_axis.ticks:
            labels.add(String(sx(value), frame.y - fonts.size * 1.25, label, textAnchor="middle",
                              fontName=fonts.name, fontSize=fonts.size, fillColor=text_colour))
        if geometry.x_axis.title:
            labels.add(String(frame.x + frame.width / 2, frame.y - fonts.size * 2.6,
                              geometry.x_axis.title, textAnchor="middle", fontName=fonts.name,
                              fontSize=fonts.size, fillColor=text_colour))
    if panel.title:
        rows = max((a.row + 1 for a in geometry.annotations), default=0)
        header_y = (frame.y + frame.height + rows * annotation_row_height(fonts.size)
                    + (label_base(geometry) if rows else 2) + 1)
        labels.add(String(frame.x, header_y, panel.title, fontName=fonts.bold, fontSize=fonts.size * 1.05,
                          fillColor=HexColor("#1A1A1A")), name="panel_title")
    group.add(labels, name="labels")
    return group


def point_radius(geometry: ChartGeometry) -> float:
    """Return the radius of a plain point on this chart: smaller where points crowd."""
    return geometry.point_radius(POINT_RADIUS, smallest=SMALLEST_POINT_RADIUS)


def label_base(geometry: ChartGeometry) -> float:
    """Return how far above the plot the first row of change labels stands, clear of top points."""
    return point_radius(geometry) * palette.IMPROVEMENT.scale + 1


def stroke(shape: Path | Line, mark: Mark, *, round_ends: bool = False) -> Path | Line:
    """Return the shape stroked in the mark's colour, width and dash."""
    shape.strokeColor = HexColor(mark.colour)
    shape.strokeWidth = mark.stroke_width
    shape.strokeDashArray = list(mark.dash) if mark.dash else None
    shape.strokeLineJoin = 1
    shape.strokeLineCap = 1 if round_ends else 0
    return shape


def symbols_path(mark: Mark, centres: list[tuple[float, float]], radius: float, *,
                 open_: bool = False) -> Path:
    """Return one path holding the mark's symbol at every centre: filled, or open in white."""
    colour: Color = HexColor(mark.colour)
    path = Path(fillColor=white if open_ or not mark.filled else colour, strokeColor=colour,
                strokeWidth=0.9, strokeLineJoin=1)
    shape = mark.symbol or palette.CIRCLE
    radius *= mark.scale
    for x, y in centres:
        if shape.is_circle:
            add_circle(path, x, y, radius)
            continue
        (first_x, first_y), *rest = shape.vertices
        path.moveTo(x + first_x * radius, y + first_y * radius)
        for vx, vy in rest:
            path.lineTo(x + vx * radius, y + vy * radius)
        path.closePath()
    return path


def add_circle(path: Path, x: float, y: float, radius: float) -> None:
    """Add a circle to path as four cubic Béziers, the way PDF readers expect circles."""
    # 0.5523 = 4/3 (sqrt(2) - 1): the control distance that makes a quarter circle.
    k = 0.5523 * radius
    path.moveTo(x + radius, y)
    path.curveTo(x + radius, y + k, x + k, y + radius, x, y + radius)
    path.curveTo(x - k, y + radius, x - radius, y + k, x - radius, y)
    path.curveTo(x - radius, y - k, x - k, y - radius, x, y - radius)
    path.curveTo(x + k, y - radius, x + radius, y - k, x + radius, y)
    path.closePath()


def mark_symbol(mark: Mark, x: float, y: float, radius: float, *, open_: bool = False) -> Circle | Polygon:
    """Return a mark's symbol centred on (x, y)."""
    colour: Color = HexColor(mark.colour)
    fill = white if open_ or not mark.filled else colour
    shape = mark.symbol or palette.CIRCLE
    radius *= mark.scale
    if shape.is_circle:
        return Circle(x, y, radius, fillColor=fill, strokeColor=colour, strokeWidth=0.9)
    vertices = [c for vx, vy in shape.vertices for c in (x + vx * radius, y + vy * radius)]
    return Polygon(vertices, fillColor=fill, strokeColor=colour, strokeWidth=0.9, strokeLineJoin=1)


def legend_sample(item: LegendItem) -> float:
    """Return the length of a legend sample: long enough for one whole dash pattern."""
    return max(LEGEND_SAMPLE, sum(item.mark.dash) * 1.25)


def legend_rows(items: tuple[LegendItem, ...], width: float, fonts: Fonts) -> tuple[Group, float]:
    """Return the legend as a group at the bottom of the drawing, and its height."""
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
    group = Group()
    for item, left, row_index in placed:
        y = (rows - row_index - 1) * row_height + row_height / 2
        length = legend_sample(item)
        if item.shape == "point":
            group.add(mark_symbol(item.mark, left + length / 2, y, POINT_RADIUS, open_=not item.mark.filled))
        else:
            inset = fonts.size * 0.5 if item.shape == "band" else 1  # room for the band's round ends
            sample = stroke(Line(left + inset, y, left + length - inset, y), item.mark,
                            round_ends=item.shape == "band")
            if item.shape == "band":
                sample.strokeWidth = fonts.size * 0.9
            group.add(sample)
        group.add(String(left + length + 4, y - fonts.size * 0.35, item.text,
                         fontName=fonts.name, fontSize=fonts.size, fillColor=HexColor("#262626")))
    return group, rows * row_height
