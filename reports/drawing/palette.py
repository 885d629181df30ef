"""The one colour, symbol and word palette that the screen chart and the PDF chart share.

Every element of a chart (points by signal kind, centre line, limits, target,
annotations, the longest run) gets one `Mark`: a colour, a symbol or a line
style, and a word in Danish and English. Colour never carries meaning alone:
each signal kind also has its own symbol and word (WCAG 2.1 success
criterion 1.4.1, "Use of Color").
"""

from __future__ import annotations

from dataclasses import dataclass

# WCAG 2.1 success criterion 1.4.3 (AA): text needs 4.5:1 against its background;
# 1.4.11 (AA): graphical objects needed to understand the content need 3:1.
# https://www.w3.org/TR/WCAG21/#contrast-minimum, https://www.w3.org/TR/WCAG21/#non-text-contrast
TEXT_CONTRAST_AA = 4.5
GRAPHICS_CONTRAST_AA = 3.0
BACKGROUND = "#FFFFFF"
# The patient-safety calendar's own colours (the safety cross): green for a day confirmed
# without the event, red for a day with it; white text on both passes 4.5:1.
SAFE_DAY = "#1B7A3A"
EVENT_DAY = "#B3261E"


@dataclass(frozen=True)
class Symbol:
    """A point symbol as a polygon in the box [-1, 1] × [-1, 1] (y up), or a circle."""

    name: str
    vertices: tuple[tuple[float, float], ...] = ()  # empty for the circle

    @property
    def is_circle(self) -> bool:
        """Return True when the symbol is a circle rather than a polygon."""
        return not self.vertices

    def svg_path(self) -> str:
        """Return the symbol as an SVG path in Vega's [-1, 1] box (y down)."""
        if self.is_circle:
            return "circle"
        first, *rest = self.vertices
        moves = [f"M{first[0]:g},{-first[1]:g}"] + [f"L{x:g},{-y:g}" for x, y in rest]
        return " ".join(moves) + " Z"


CIRCLE = Symbol("circle")
# Triangles fill the width of the box and stand on their base, so they weigh about
# as much on the page as the circle and the diamond do.
TRIANGLE_UP = Symbol("triangle_up", ((0.0, 1.0), (1.0, -0.8), (-1.0, -0.8)))
TRIANGLE_DOWN = Symbol("triangle_down", ((0.0, -1.0), (-1.0, 0.8), (1.0, 0.8)))
DIAMOND = Symbol("diamond", ((0.0, 1.15), (1.0, 0.0), (0.0, -1.15), (-1.0, 0.0)))
SQUARE = Symbol("square", ((-0.8, -0.8), (0.8, -0.8), (0.8, 0.8), (-0.8, 0.8)))


@dataclass(frozen=True)
class Mark:
    """How one kind of chart element looks and what it is called."""

    colour: str  # "#RRGGBB", drawn on white
    da: str
    en: str
    symbol: Symbol | None = None  # points only
    glyph: str = ""  # the symbol as a character for tables and sentences
    filled: bool = True  # False: drawn open (outline in colour, white inside)
    dash: tuple[float, ...] = ()  # stroke dash pattern in points; () is a solid line
    stroke_width: float = 1.0  # in points on paper; the screen scales it
    scale: float = 1.0  # symbol size relative to a plain point: signals stand out a little
    minimum_contrast: float = TEXT_CONTRAST_AA

    def word(self, language: str) -> str:
        """Return the element's name in language ("da" or "en")."""
        return self.en if language == "en" else self.da


# Points. Blue for improvement and orange for deterioration stay apart for the
# common colour-vision deficiencies; purple marks a special cause without a direction.
POINT = Mark("#4D4D4D", "Punkt", "Point", symbol=CIRCLE, glyph="●")
IMPROVEMENT = Mark("#005AB5", "Forbedring", "Improvement", symbol=TRIANGLE_UP, glyph="▲", scale=1.3)
DETERIORATION = Mark("#AD5A00", "Forværring", "Deterioration", symbol=TRIANGLE_DOWN, glyph="▼",
                     scale=1.3)
NEUTRAL = Mark("#6B3FA0", "Særlig årsag", "Special cause", symbol=DIAMOND, glyph="◆", scale=1.3)
NO_SIGNAL = Mark("#4D4D4D", "Intet signal", "No signal", symbol=CIRCLE, glyph="●")
CENSORED = Mark(
    "#4D4D4D", "Dage siden sidste hændelse (åben)", "Days since the last event (open)",
    symbol=CIRCLE, glyph="○", filled=False,
)
EXCLUDED = Mark("#767676", "Udeladt af beregningen", "Left out of the calculation",
                symbol=SQUARE, glyph="□", filled=False)
# Lines.
CONNECTOR = Mark("#8C8C8C", "Data", "Data", stroke_width=1.2,
                 minimum_contrast=GRAPHICS_CONTRAST_AA)
MEDIAN = Mark("#262626", "Median", "Median", stroke_width=1.6)
MEAN = Mark("#262626", "Gennemsnit", "Mean", stroke_width=1.6)
# One mark serves the upper and the lower line: the legend names them once. No "3 sigma"
# in the name: a share near 0 or 100 % gets probability limits (indicators.skewed_shares).
LIMIT = Mark("#595959", "Kontrolgrænse", "Control limit",
             dash=(5, 3), stroke_width=1.2)
WARNING_LIMIT = Mark("#767676", "Advarselsgrænse (2 sigma)", "Warning limit (2 sigma)",
                     dash=(1.5, 2.5), stroke_width=1.0)
TARGET = Mark("#1B7A3A", "Mål", "Target", dash=(8, 3, 2, 3), stroke_width=1.6)
ANNOTATION = Mark("#37474F", "Ændring (PDSA)", "Change (PDSA)", dash=(2, 2), stroke_width=1.0)
# A highlighter band behind the points of the longest run. It is a background, not
# a carrier of meaning: the legend word says what it is, so it is exempt from 3:1.
LONGEST_RUN = Mark("#FFD966", "Længste serie", "Longest run", stroke_width=9.0,
                   minimum_contrast=1.0)

SIGNAL_MARKS: dict[str, Mark] = {
    "improvement": IMPROVEMENT,
    "deterioration": DETERIORATION,
    "neutral": NEUTRAL,
}
# The verdict kinds of indicators.chart_model.Verdict, for overview tables.
VERDICT_MARKS: dict[str, Mark] = {
    **SIGNAL_MARKS,
    "no_signal": NO_SIGNAL,
    "too_few": Mark("#595959", "For få data", "Too few data", glyph="–"),
}
# Every kind of point a chart draws, in legend order.
POINT_MARKS: dict[str, Mark] = {
    "normal": POINT,
    **SIGNAL_MARKS,
    "censored": CENSORED,
    "excluded": EXCLUDED,
}
LINE_MARKS: dict[str, Mark] = {
    "cl": MEDIAN,  # replaced by MEAN on control charts, see centre_line_mark()
    "ucl": LIMIT,
    "lcl": LIMIT,
    "ucl_95": WARNING_LIMIT,
    "lcl_95": WARNING_LIMIT,
    "target": TARGET,
}
ALL_MARKS: dict[str, Mark] = {
    **POINT_MARKS,
    "no_signal": NO_SIGNAL,
    "connector": CONNECTOR,
    "median": MEDIAN,
    "mean": MEAN,
    "limit": LIMIT,
    "warning_limit": WARNING_LIMIT,
    "target": TARGET,
    "annotation": ANNOTATION,
    "longest_run": LONGEST_RUN,
}


def centre_line_mark(centre_label: str) -> Mark:
    """Return the mark of the centre line: median on run charts, mean on control charts."""
    return MEDIAN if centre_label == "median" else MEAN


def line_mark(column: str, centre_label: str) -> Mark:
    """Return the mark of the line drawn from a ChartModel.points column."""
    return centre_line_mark(centre_label) if column == "cl" else LINE_MARKS[column]


def rgb(colour: str) -> tuple[float, float, float]:
    """Return "#RRGGBB" as red, green and blue between 0 and 1."""
    digits = colour.lstrip("#")
    if len(digits) != 6:
        raise ValueError(f"A colour must be written #RRGGBB, got {colour!r}.")
    return tuple(int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def relative_luminance(colour: str) -> float:
    """Return the WCAG 2.1 relative luminance of a colour."""
    # https://www.w3.org/TR/WCAG21/#dfn-relative-luminance (sRGB linearisation).
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb(colour)]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(foreground: str, background: str = BACKGROUND) -> float:
    """Return the WCAG 2.1 contrast ratio between two colours, from 1 to 21."""
    # https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio
    lighter, darker = sorted(
        (relative_luminance(foreground), relative_luminance(background)), reverse=True
    )
    return (lighter + 0.05) / (darker + 0.05)
