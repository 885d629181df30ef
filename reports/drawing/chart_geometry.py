"""What a chart model looks like in data units, decided once for the screen and the paper.

`chart_geometry(model)` turns a ChartModel into points with their kind, step
lines per phase, axis ticks with their labels, end labels, annotation markers
and a legend. The reportlab drawing (reports.pdf.chart_drawing) and the Altair
chart (app.charts.spec) only place these on their canvas, so the two never
disagree about what is shown.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from indicators import ChartModel
from reports.drawing import palette
from reports.drawing.chart_axes import (
    DAY,
    EPOCH,
    TARGET_OFF_SCALE,
    Axis,
    ValueStyle,
    annotation_position,
    infer_period_unit,
    median_spacing,
    pick,
    target_off_scale,
    value_style,
    x_axis_for,
    x_column,
    x_positions,
    x_ticks_for_columns,
    y_axis_for,
)
from reports.drawing.chart_labels import (
    DEFAULT_ROOM,
    AnnotationMarker,
    PlotRoom,
    place_annotations,
    spread_labels,
)
from reports.drawing.palette import Mark
from reports.drawing.point_columns import point_column

LONGEST_RUN_CHOICES = ("signal", "always", "never")
LIMIT_COLUMNS = ("cl", "ucl", "lcl")
TYPICAL_X_LABEL = "sep. 26"  # as wide as most dated tick labels
POINT_PITCH_SHARE = 0.5  # a point's radius may take half the distance to its neighbour
X_LABEL_PITCH = 1.5  # a tick label and the air to its neighbour, in label widths
WARNING_COLUMNS = ("ucl_95", "lcl_95")


class Point(NamedTuple):
    """One plotted point: where, which row of model.points, and which palette mark."""

    row: int
    x: float
    y: float
    kind: str  # a key of palette.POINT_MARKS
    open: bool = False  # drawn as an outline: censored or excluded

    @property
    def mark(self) -> Mark:
        """Return the palette mark the point is drawn with."""
        return palette.POINT_MARKS[self.kind]


@dataclass(frozen=True)
class Line:
    """A polyline in data units: the data line, a step line of one phase, a run band."""

    role: str  # connector, longest_run, target, or a points column: cl, ucl, lcl, ucl_95, lcl_95
    mark: Mark
    part: int | None
    xs: tuple[float, ...]
    ys: tuple[float, ...]


@dataclass(frozen=True)
class EndLabel:
    """The value of a line printed to the right of its last phase."""

    role: str
    value: float
    y: float  # where the text sits, moved apart from its neighbours (see place_labels)
    text: str
    mark: Mark


@dataclass(frozen=True)
class Panel:
    """One facet of the chart (the whole chart when it has no facets)."""

    facet: object
    title: str
    points: tuple[Point, ...]
    lines: tuple[Line, ...]
    end_labels: tuple[EndLabel, ...]


@dataclass(frozen=True)
class LegendItem:
    """One legend entry: a point symbol, a line sample or the run band, and its word."""

    key: str
    mark: Mark
    text: str
    shape: str  # point, line or band


@dataclass(frozen=True)
class ChartGeometry:
    """Everything a renderer places, in data units and printed text."""

    language: str
    x_kind: str  # date, number or category
    period_unit: str | None
    x_axis: Axis
    y_axis: Axis
    values: ValueStyle
    panels: tuple[Panel, ...]
    annotations: tuple[AnnotationMarker, ...]
    legend: tuple[LegendItem, ...]
    room: PlotRoom  # the plot size the labels were placed for
    spacing: float  # the median distance between neighbouring points, in x data units
    annotation_notes: tuple[str, ...] = ()  # lines under the plot naming numbered changes
    # The goal in words when it lies too far beyond the data to share its axis; first of the
    # notes under the plot.
    target_note: str = ""
    # Every change numbered, its label a number, its full text listed by the page (a TV
    # has no hover to show a cut label's rest); the plot then draws no notes of changes.
    numbered_changes: bool = False

    def x_value(self, position: float) -> object:
        """Return an x position as the screen wants it: a Timestamp for dates."""
        return EPOCH + position * DAY if self.x_kind == "date" else position

    def point_radius(self, largest: float, *, smallest: float) -> float:
        """Return the radius points are drawn with in room: largest, less where neighbours crowd.

        Two years of weeks on the wall would otherwise pile symbols three deep, and a
        triangle among them no longer reads as a signal.
        """
        pitch = self.spacing / (self.x_axis.domain[1] - self.x_axis.domain[0]) * self.room.width
        return min(largest, max(smallest, pitch * POINT_PITCH_SHARE))


def chart_geometry(
    model: ChartModel, *, language: str = "da", warning_limits: bool = False,
    percent: bool | None = None, x_title: str | None = None, y_title: str | None = None,
    longest_run: str = "signal", max_x_ticks: int | None = None, columns: int | None = None,
    y_tick_count: int = 5, room: PlotRoom = DEFAULT_ROOM, numbered_changes: bool = False,
) -> ChartGeometry:
    """Return what to draw for a chart model, in data units with every text printed.

    longest_run says when the band behind the longest run is drawn: "signal" (only
    when the run is longer than its limit), "always" (for teaching) or "never".
    room is the size of one plot and its letters; labels are placed to keep clear there.
    numbered_changes: label every change with its number and leave the list to the caller
    (see change_list), as a wall screen does.
    """
    if longest_run not in LONGEST_RUN_CHOICES:
        raise ValueError(f"longest_run must be one of {', '.join(LONGEST_RUN_CHOICES)}, "
                         f"got {longest_run!r}.")
    frame = model.points
    x_kind, positions, categories = x_positions(x_column(frame))
    y = np.asarray(point_column(frame, "y"), dtype=float)
    spacing = median_spacing(positions)
    period_unit = infer_period_unit(spacing) if x_kind == "date" else None
    drawn = LIMIT_COLUMNS + (WARNING_COLUMNS if warning_limits else ())
    line_values = {c: np.asarray(point_column(frame, c), dtype=float) for c in drawn + ("target",)}
    off_scale = target_off_scale(model, y, line_values)
    if off_scale:  # the data first: no goal line at the edge, the goal said under the plot
        del line_values["target"]
    values = value_style(model, y, line_values, percent=percent, language=language)

    annotation_positions = [annotation_position(a.x, x_kind, categories) for a in model.annotations]
    chosen = max_x_ticks is not None
    if max_x_ticks is None:
        fitting = int(room.width // (room.text_width(TYPICAL_X_LABEL) * X_LABEL_PITCH))
        columns_wide = panel_columns(len(set(point_column(frame, "facet").tolist())), columns)
        max_x_ticks = max(1, min(x_ticks_for_columns(columns_wide), fitting))
    x_axis = x_axis_for(positions, spacing, annotation_positions, x_kind, categories, period_unit,
                        model.chart, language, max_x_ticks, x_title)
    while not chosen and max_x_ticks > 1 and not x_labels_keep_clear(x_axis, room):
        max_x_ticks -= 1  # fewer, further apart: dates come at round steps, not evenly spread
        x_axis = x_axis_for(positions, spacing, annotation_positions, x_kind, categories, period_unit,
                            model.chart, language, max_x_ticks, x_title)
    y_axis = y_axis_for(model, y, line_values, values, language, y_tick_count, y_title,
                        show_target=off_scale is None)
    target_note = "" if off_scale is None else pick(TARGET_OFF_SCALE[off_scale], language).format(
        value=values.line(float(model.target), language))

    facets = point_column(frame, "facet").tolist()
    long_run_facets: dict[object, set[int]] = {}
    for summary in model.phases:  # phases whose longest run is longer than its limit
        if None not in (summary.longest_run, summary.longest_run_max) and \
                summary.longest_run > summary.longest_run_max:
            long_run_facets.setdefault(summary.facet, set()).add(summary.part)
    panels = []
    for facet in dict.fromkeys(facets):
        rows = np.array([i for i, f in enumerate(facets) if f == facet or (f is None and facet is None)])
        band_parts = {"always": None, "never": set()}.get(longest_run, long_run_facets.get(facet, set()))
        panels.append(panel_for(model, facet, rows, positions, y, line_values, spacing, values,
                                language, band_parts=band_parts))
    annotations = tuple(AnnotationMarker(x, a.text, a.text, 0)
                        for x, a in zip(annotation_positions, model.annotations, strict=True)
                        if math.isfinite(x))
    legend = legend_items(model, panels, annotations, language)
    return place_labels(ChartGeometry(language, x_kind, period_unit, x_axis, y_axis, values,
                                      tuple(panels), annotations, legend, room, spacing,
                                      target_note=target_note, numbered_changes=numbered_changes),
                        room)


def place_labels(geometry: ChartGeometry, room: PlotRoom) -> ChartGeometry:
    """Return the geometry with its labels placed to keep clear in a plot of room's size.

    A renderer that learns its plot's true size only after laying out the labels' margins
    (the PDF) places them again with it; nothing else of the geometry changes.
    """
    annotations, notes = place_annotations([(a.x, a.text) for a in geometry.annotations],
                                           domain=geometry.x_axis.domain, room=room,
                                           numbered=geometry.numbered_changes)
    if geometry.numbered_changes:
        notes = ()  # listed by the page, in full
    if geometry.target_note:
        notes = (geometry.target_note, *notes)
    low, high = geometry.y_axis.domain
    gap = room.line_height / room.height * (high - low)  # one line of text, in data units
    panels = []
    for panel in geometry.panels:
        places = spread_labels([e.value for e in panel.end_labels], gap=gap, low=low, high=high)
        ends = tuple(dataclasses.replace(e, y=y) for e, y in zip(panel.end_labels, places, strict=True))
        panels.append(dataclasses.replace(panel, end_labels=ends))
    return dataclasses.replace(geometry, panels=tuple(panels), annotations=annotations,
                               annotation_notes=notes, room=room)


def x_labels_keep_clear(axis: Axis, room: PlotRoom) -> bool:
    """Return True when neighbouring x tick labels are at least a letter apart in room."""
    per_unit = room.width / (axis.domain[1] - axis.domain[0])  # points or pixels per data unit
    return all((b - a) * per_unit >= (room.text_width(la) + room.text_width(lb)) / 2 + room.font_size
               for (a, la), (b, lb) in zip(axis.ticks, axis.ticks[1:], strict=False))


def point_kind(signal: bool, signal_kind: object, include: bool, censored: bool) -> tuple[str, bool]:
    """Return the palette key of a point and whether it is drawn open."""
    # The engine leaves the open interval out of every calculation (include is False), but
    # it is the days since the last event, not a point someone chose to exclude.
    if not include and not censored:
        return "excluded", True
    if signal:
        return (signal_kind if signal_kind in palette.SIGNAL_MARKS else "neutral"), censored
    return ("censored", True) if censored else ("normal", False)


def panel_for(model, facet, rows, positions, y, line_values, spacing, values, language, *,
              band_parts: set[int] | None) -> Panel:
    """Return the points, lines and end labels of one facet; band_parts None: every part."""
    frame = model.points
    # Plain lists: a report draws 400 charts, and numpy scalars cost more one at a time.
    signal, kinds, include, censored = (point_column(frame, column)[rows].tolist() for column in (
        "signal", "signal_kind", "include", "censored"))
    in_run = point_column(frame, "in_longest_run")[rows]
    parts = point_column(frame, "part")[rows]
    xs, ys = positions[rows], y[rows]
    points = []
    drawn = (np.isfinite(ys) & np.isfinite(xs)).tolist()
    looks: dict[tuple[object, ...], tuple[str, bool]] = {}  # each kind of point worked out once
    for row, x, value, is_drawn, *flags in zip(rows.tolist(), xs.tolist(), ys.tolist(), drawn,
                                               signal, kinds, include, censored, strict=True):
        if is_drawn:
            key = tuple(flags)
            look = looks.get(key)
            if look is None:
                point_signal, kind, point_include, point_censored = flags
                look = looks[key] = point_kind(bool(point_signal), kind, bool(point_include),
                                               bool(point_censored))
            points.append(Point(row, x, value, *look))

    lines = [Line("longest_run", palette.LONGEST_RUN, int(parts[s[0]]), *coordinates(xs[s], ys[s]))
             for s in runs_of(in_run.astype(bool) & np.isfinite(ys), parts)
             if len(s) > 1 and (band_parts is None or int(parts[s[0]]) in band_parts)]
    lines += [Line("connector", palette.CONNECTOR, None, *coordinates(xs[s], ys[s]))
              for s in runs_of(np.isfinite(ys), np.zeros(len(rows)))]
    for column, series in line_values.items():
        mark = palette.line_mark(column, model.centre_label)
        groups = np.zeros(len(rows)) if column == "target" else parts
        values_here = series[rows]
        for s in runs_of(np.isfinite(values_here), groups):
            part = None if column == "target" else int(parts[s[0]])
            lines.append(Line(column, mark, part, *step_line(xs[s], values_here[s], spacing)))
    end_labels = end_labels_for(lines, values, language)
    title = "" if facet is None else str(facet)
    return Panel(facet, title, tuple(points), tuple(lines), end_labels)


def runs_of(keep: np.ndarray, groups: np.ndarray) -> list[np.ndarray]:
    """Return the index arrays of consecutive kept rows that share a group."""
    kept = np.flatnonzero(keep)
    count = len(kept)
    if not count:
        return []
    first, last = kept[0], kept[-1]
    if last - first == count - 1 and groups[first] == groups[last]:
        # One unbroken run, as most lines of most charts are: half the numpy calls.
        spanned = groups[first:last + 1]
        if (spanned == spanned[0]).all():
            return [kept]
    breaks = (np.diff(kept) != 1) | (groups[kept[1:]] != groups[kept[:-1]])
    # What np.split returns, without its overhead: a report splits some 6,000 times.
    edges = [0, *(np.flatnonzero(breaks) + 1).tolist(), len(kept)]
    return [kept[start:end] for start, end in zip(edges, edges[1:], strict=False)]


def coordinates(xs: np.ndarray, ys: np.ndarray) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Return positions as two tuples of floats."""
    return tuple(np.asarray(xs, dtype=float).tolist()), tuple(np.asarray(ys, dtype=float).tolist())


def step_line(xs: np.ndarray, ys: np.ndarray, spacing: float) -> tuple[tuple[float, ...], tuple[float, ...]]:
    """Return a line that steps halfway between points, from the first point to the last."""
    if len(xs) == 1:  # a phase of one point still shows its line, a little either side
        return (float(xs[0] - spacing * 0.4), float(xs[0] + spacing * 0.4)), (float(ys[0]),) * 2
    x_list = np.asarray(xs, dtype=float).tolist()
    y_list = np.asarray(ys, dtype=float).tolist()
    out_x, out_y = [x_list[0]], [y_list[0]]
    for i in range(1, len(x_list)):
        if y_list[i] != y_list[i - 1]:
            middle = (x_list[i - 1] + x_list[i]) / 2
            out_x += [middle, middle]
            out_y += [y_list[i - 1], y_list[i]]
    out_x.append(x_list[-1])
    out_y.append(y_list[-1])
    return tuple(out_x), tuple(out_y)


def end_labels_for(lines: list[Line], values: ValueStyle, language: str) -> tuple[EndLabel, ...]:
    """Return the value of each line at the end of the last phase, at its line until placed."""
    last_part = max((line.part for line in lines if line.part is not None), default=None)
    latest: dict[str, Line] = {}
    for line in lines:
        if line.role in LIMIT_COLUMNS + WARNING_COLUMNS and line.part == last_part or line.role == "target":
            latest[line.role] = line  # lines come in x order: the last one wins
    ends = sorted((line.ys[-1], role, line.mark) for role, line in latest.items())
    return tuple(EndLabel(role, value, value, values.line(value, language), mark)
                 for value, role, mark in ends)


def legend_items(model, panels, annotations, language) -> tuple[LegendItem, ...]:
    """Return the legend entries for what the chart actually shows, in a fixed order."""
    kinds = {p.kind for panel in panels for p in panel.points}
    opened = any(p.open and p.kind != "excluded" for panel in panels for p in panel.points)
    roles = {line.role for panel in panels for line in panel.lines}
    items = [LegendItem(k, palette.POINT_MARKS[k], palette.POINT_MARKS[k].word(language), "point")
             for k in ("improvement", "deterioration", "neutral") if k in kinds]
    if opened:
        items.append(LegendItem("censored", palette.CENSORED, palette.CENSORED.word(language), "point"))
    if "excluded" in kinds:
        items.append(LegendItem("excluded", palette.EXCLUDED, palette.EXCLUDED.word(language), "point"))
    if "longest_run" in roles:
        items.append(LegendItem("longest_run", palette.LONGEST_RUN,
                                palette.LONGEST_RUN.word(language), "band"))
    centre = palette.centre_line_mark(model.centre_label)
    for key, mark, role in (("cl", centre, "cl"), ("limit", palette.LIMIT, "ucl"),
                            ("warning_limit", palette.WARNING_LIMIT, "ucl_95"),
                            ("target", palette.TARGET, "target")):
        if role in roles or (role == "ucl" and "lcl" in roles):
            items.append(LegendItem(key, mark, mark.word(language), "line"))
    if annotations:
        items.append(LegendItem("annotation", palette.ANNOTATION, palette.ANNOTATION.word(language), "line"))
    return tuple(items)


def panel_columns(panel_count: int, columns: int | None) -> int:
    """Return how many panels stand side by side: as asked, else up to three."""
    return max(1, min(columns or min(panel_count, 3), panel_count))


