"""Sizes of the screen chart for a desk screen and for the wall board read from 3 metres."""

from __future__ import annotations

from dataclasses import dataclass

from reports.palette import Mark

PIXELS_PER_POINT = 4 / 3  # CSS: 96 px to the inch, 72 points to the inch
WHITE = "#FFFFFF"


@dataclass(frozen=True)
class ScreenSizes:
    """Sizes for one display: a desk screen or the wall board read from 3 metres."""

    width: int  # the narrowest container the labels are laid out for; Streamlit stretches wider
    height: int
    font: float
    title: float
    point_radius: float  # half the symbol box, in pixels
    line_scale: float  # palette stroke widths are in points; this turns them into pixels


STANDARD = ScreenSizes(width=720, height=300, font=13, title=16, point_radius=4.5,
                       line_scale=PIXELS_PER_POINT)
# The board is a 1920 × 1080 screen seen from 3 metres: letters about twice as tall, and
# two charts abreast beside the menu, so a chart gets about 720 pixels of the width.
LARGE = ScreenSizes(width=720, height=520, font=24, title=32, point_radius=9,
                    line_scale=2.4 * PIXELS_PER_POINT)


def dash(mark: Mark, sizes: ScreenSizes) -> list[float]:
    """Return the mark's dash pattern in pixels ([] for a solid line)."""
    return [d * sizes.line_scale for d in mark.dash]
