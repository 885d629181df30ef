"""A picture as plain shapes: outlines, boxes and texts in named layers, in points from the bottom left.

The PDF chart is laid out once as a Picture. reports.pdf.picture_canvas paints it
straight onto the report's page; reports.pdf.picture_drawing turns the same
picture into a reportlab Drawing for anything that wants one (a PNG, a single
chart's PDF, a test that looks at the shapes). A report draws hundreds of
charts, and plain frozen records cost a fraction of reportlab's checked shapes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# A path's operators, numbered as reportlab's Path numbers them.
MOVE_TO, LINE_TO, CURVE_TO, CLOSE = 0, 1, 2, 3

# 0.5523 = 4/3 (sqrt(2) - 1): the control distance that makes a quarter circle.
QUARTER_CIRCLE_CONTROL = 0.5523


@dataclass(frozen=True, slots=True)
class Pen:
    """How a line is stroked: colour ("#RRGGBB"), width in points, dash pattern, cap and join."""

    colour: str
    width: float
    dash: tuple[float, ...] = ()  # () is solid
    cap: int = 0  # 0 butt, 1 round
    join: int = 0  # 0 mitre, 1 round


@dataclass(frozen=True, slots=True)
class Outline:
    """A path of straight lines and Béziers, stroked with a pen, filled, or both."""

    operators: tuple[int, ...]
    points: tuple[float, ...]  # x, y pairs: 1 per move or line, 3 per curve, none per close
    pen: Pen | None
    fill: str | None = None
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Box:
    """A filled rectangle without a border."""

    x: float
    y: float
    width: float
    height: float
    fill: str
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Text:
    """One line of text anchored at (x, y) on its baseline; turned runs it upwards."""

    x: float
    y: float
    text: str
    font: str
    size: float
    colour: str
    anchor: str = "start"  # "start", "middle" or "end"
    turned: bool = False  # rotated a quarter turn anticlockwise about (x, y)
    name: str | None = None


@dataclass(frozen=True, slots=True)
class Layer:
    """Shapes drawn in order, under a name the Drawing keeps (panel_0, points, legend …).

    offset moves the layer's shapes by (x, y) points: a chart placed in a larger picture.
    """

    items: tuple[Outline | Box | Text | Layer, ...]
    name: str | None = None
    offset: tuple[float, float] = (0.0, 0.0)


@dataclass(frozen=True, slots=True)
class Picture:
    """A whole chart: its size in points and its shapes and layers, bottom first."""

    width: float
    height: float
    items: tuple[Outline | Box | Text | Layer, ...]


@dataclass
class PathBuilder:
    """Collects a path move by move; outline() freezes it."""

    operators: list[int] = field(default_factory=list)
    points: list[float] = field(default_factory=list)

    def move_to(self, x: float, y: float) -> None:
        """Start a new piece at (x, y)."""
        self.operators.append(MOVE_TO)
        self.points += (x, y)

    def line_to(self, x: float, y: float) -> None:
        """Draw a straight line to (x, y)."""
        self.operators.append(LINE_TO)
        self.points += (x, y)

    def curve_to(self, x1: float, y1: float, x2: float, y2: float, x3: float, y3: float) -> None:
        """Draw a cubic Bézier to (x3, y3) with controls (x1, y1) and (x2, y2)."""
        self.operators.append(CURVE_TO)
        self.points += (x1, y1, x2, y2, x3, y3)

    def close(self) -> None:
        """Close the current piece."""
        self.operators.append(CLOSE)

    def polyline(self, xs: np.ndarray, ys: np.ndarray) -> None:
        """Add one piece through every (x, y) in turn."""
        self.operators += [MOVE_TO] + [LINE_TO] * (len(xs) - 1)
        self.points += np.column_stack((xs, ys)).ravel().tolist()

    def stamp(self, shape: Stamp, xs: np.ndarray, ys: np.ndarray) -> None:
        """Add the shape once centred on every (x, y)."""
        self.operators += list(shape.operators) * len(xs)
        pairs = shape.offsets[np.newaxis, :, :] + np.column_stack((xs, ys))[:, np.newaxis, :]
        self.points += pairs.ravel().tolist()

    def outline(self, pen: Pen | None, fill: str | None = None, *, name: str | None = None) -> Outline:
        """Return the path so far as an Outline."""
        return Outline(tuple(self.operators), tuple(self.points), pen, fill, name)


# The unit circle as four quarter Béziers: start, then (control, control, end) per quarter.
_K = QUARTER_CIRCLE_CONTROL
UNIT_CIRCLE = np.array([(1, 0), (1, _K), (_K, 1), (0, 1), (-_K, 1), (-1, _K), (-1, 0), (-1, -_K),
                        (-_K, -1), (0, -1), (_K, -1), (1, -_K), (1, 0)], dtype=float)
CIRCLE_OPERATORS = (MOVE_TO, CURVE_TO, CURVE_TO, CURVE_TO, CURVE_TO, CLOSE)


@dataclass(frozen=True)
class Stamp:
    """A closed shape around the origin, to be repeated at many places (a chart's points)."""

    operators: tuple[int, ...]
    offsets: np.ndarray  # one (x, y) row per point the operators take


def polygon_stamp(vertices: tuple[tuple[float, float], ...], radius: float) -> Stamp:
    """Return the polygon through vertices (in units of radius) as a stamp."""
    operators = (MOVE_TO,) + (LINE_TO,) * (len(vertices) - 1) + (CLOSE,)
    return Stamp(operators, np.asarray(vertices, dtype=float).reshape(-1, 2) * radius)


def circle_stamp(radius: float) -> Stamp:
    """Return a circle as four cubic Béziers, the way PDF readers expect circles, as a stamp."""
    return Stamp(CIRCLE_OPERATORS, UNIT_CIRCLE * radius)


def line(x1: float, y1: float, x2: float, y2: float, pen: Pen) -> Outline:
    """Return a single straight line."""
    return Outline((MOVE_TO, LINE_TO), (x1, y1, x2, y2), pen)
