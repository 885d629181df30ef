"""Sizes of the screen chart for a desk screen and for the wall board read from 3 metres."""

from __future__ import annotations

from dataclasses import dataclass

from reports import IMPROVEMENT, ChartGeometry, Mark

PIXELS_PER_POINT = 4 / 3  # CSS: 96 px to the inch, 72 points to the inch
WHITE = "#FFFFFF"
SIGNAL_SCALE = IMPROVEMENT.scale  # signal symbols are the biggest points


@dataclass(frozen=True)
class ScreenSizes:
    """Sizes for one display: a desk screen or the wall board read from 3 metres."""

    width: int  # the narrowest container the labels are laid out for; Streamlit stretches wider
    height: int
    font: float
    title: float
    point_radius: float  # half the symbol box, in pixels, where points have room
    smallest_point_radius: float  # where they crowd (see ChartGeometry.point_radius)
    line_scale: float  # palette stroke widths are in points; this turns them into pixels


STANDARD = ScreenSizes(width=720, height=300, font=13, title=16, point_radius=4.5,
                       smallest_point_radius=3, line_scale=PIXELS_PER_POINT)
# The board is a 1920 × 1080 screen seen from 3 metres: letters about twice as tall, and
# two charts abreast beside the menu, so a chart gets about 720 pixels of the width.
LARGE = ScreenSizes(width=720, height=520, font=24, title=32, point_radius=9,
                    smallest_point_radius=5, line_scale=2.4 * PIXELS_PER_POINT)


def point_radius(geometry: ChartGeometry, sizes: ScreenSizes) -> float:
    """Return the radius of a plain point in this chart: smaller where points crowd."""
    return geometry.point_radius(sizes.point_radius, smallest=sizes.smallest_point_radius)


def label_base(geometry: ChartGeometry, sizes: ScreenSizes) -> float:
    """Return how far above the plot the first row of change labels stands, clear of top points."""
    return point_radius(geometry, sizes) * SIGNAL_SCALE + 3


def dash(mark: Mark, sizes: ScreenSizes) -> list[float]:
    """Return the mark's dash pattern in pixels ([] for a solid line)."""
    return [d * sizes.line_scale for d in mark.dash]
