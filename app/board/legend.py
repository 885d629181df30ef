"""One legend for the whole board, drawn from the palette the charts use.

Each chart's own legend row needs more width than half a wall screen gives at
board font sizes; one shared row says the same once and leaves the charts room.
"""

from __future__ import annotations

from html import escape

from app.language import translate
from reports import Mark, palette

LEGEND_POINTS: tuple[Mark, ...] = (palette.IMPROVEMENT, palette.DETERIORATION, palette.NEUTRAL,
                                   palette.CENSORED)
LEGEND_LINES: tuple[Mark, ...] = (palette.MEDIAN, palette.MEAN, palette.LIMIT, palette.TARGET,
                                  palette.ANNOTATION)
SAMPLE_WIDTH = 44  # px of line shown per line sample, long enough for the target's dash-dot
DASH_SCALE = 2.0  # palette dashes are in points on paper; the legend draws them this much larger


def point_sample(mark: Mark) -> str:
    """Return the point symbol of mark as a small inline SVG."""
    fill = mark.colour if mark.filled else "#FFFFFF"
    symbol = mark.symbol or palette.CIRCLE
    shape = ('<circle cx="0" cy="0" r="0.8"' if symbol.is_circle
             else f'<path d="{symbol.svg_path()}"')
    return (f'<svg width="22" height="22" viewBox="-1.3 -1.3 2.6 2.6" aria-hidden="true">'
            f'{shape} fill="{fill}" stroke="{mark.colour}" stroke-width="0.25"/></svg>')


def line_sample(mark: Mark) -> str:
    """Return a short stretch of mark's line (dashed as on the chart) as an inline SVG."""
    dashes = " ".join(f"{d * DASH_SCALE:g}" for d in mark.dash)
    dash = f' stroke-dasharray="{dashes}"' if dashes else ""
    return (f'<svg width="{SAMPLE_WIDTH}" height="14" aria-hidden="true">'
            f'<line x1="0" y1="7" x2="{SAMPLE_WIDTH}" y2="7" stroke="{mark.colour}"'
            f' stroke-width="{max(2.0, mark.stroke_width * 2):g}"{dash}/></svg>')


def band_sample(mark: Mark) -> str:
    """Return the highlighter band behind a longest run as an inline SVG."""
    return (f'<svg width="{SAMPLE_WIDTH}" height="14" aria-hidden="true">'
            f'<rect x="0" y="1" width="{SAMPLE_WIDTH}" height="12" rx="6" fill="{mark.colour}"/>'
            f'</svg>')


def board_legend_html(language: str) -> str:
    """Return the board's legend: each symbol and line with its word."""
    items = [(point_sample(mark), mark.word(language)) for mark in LEGEND_POINTS]
    items.append((band_sample(palette.LONGEST_RUN), palette.LONGEST_RUN.word(language)))
    items += [(line_sample(mark), mark.word(language)) for mark in LEGEND_LINES]
    entries = "".join(f'<li>{sample}<span>{escape(word)}</span></li>' for sample, word in items)
    label = escape(translate("board.legend", language))
    return f'<ul class="tavle-legend" aria-label="{label}">{entries}</ul>'
