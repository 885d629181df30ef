"""The paragraph styles and page measures every part of a report shares."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm

from reports.pdf.fonts import ReportFonts

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN = 2 * cm  # A4 with 2 cm margins: 481 points of text width, the chart's default width
TOP_MARGIN = 2.2 * cm  # room for the running header above the text
BOTTOM_MARGIN = 2.2 * cm  # and for the footer below it
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN
TEXT_HEIGHT = PAGE_HEIGHT - TOP_MARGIN - BOTTOM_MARGIN

INK = HexColor("#1A1A1A")
MUTED = HexColor("#595959")  # 7:1 on white: secondary text stays readable on paper
RULE = HexColor("#BDBDBD")
SHADE = HexColor("#F2F2F2")  # table header and unit rows
ACCENT = HexColor("#005AB5")  # the palette's improvement blue, for the cover's title rule


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles of one report, in its fonts."""

    fonts: ReportFonts
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    chart_title: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    table: ParagraphStyle
    table_header: ParagraphStyle


def report_styles(fonts: ReportFonts) -> ReportStyles:
    """Return the report's styles drawn in fonts."""
    def style(name: str, size: float, *, bold: bool = False, leading: float | None = None,
              colour=INK, before: float = 0, after: float = 0) -> ParagraphStyle:
        return ParagraphStyle(name, fontName=fonts.bold if bold else fonts.regular, fontSize=size,
                              leading=leading or size * 1.3, textColor=colour,
                              spaceBefore=before, spaceAfter=after)

    return ReportStyles(
        fonts=fonts,
        cover_title=style("cover_title", 26, bold=True, leading=32, after=6),
        cover_subtitle=style("cover_subtitle", 15, leading=20, colour=MUTED, after=18),
        heading=style("heading", 16, bold=True, leading=20, after=8),
        subheading=style("subheading", 12, bold=True, leading=15, before=4, after=4),
        chart_title=style("chart_title", 10.5, bold=True, leading=13),
        body=style("body", 9.5, leading=13, after=4),
        small=style("small", 8, leading=10.5, colour=MUTED),
        table=style("table", 8, leading=10),
        table_header=style("table_header", 8, bold=True, leading=10),
    )
