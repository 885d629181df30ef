"""The report's pages: A4 portrait, a running header, and a footer with the period and page numbers.

"Side 3 af 12" needs the page count before the last page is laid out. The
count is drawn into a PDF form that every footer refers to and that is
written once, after the last page: one pass over the document, not two.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from reports.pdf.report_styles import (
    BOTTOM_MARGIN,
    MARGIN,
    MUTED,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RULE,
    TEXT_HEIGHT,
    TEXT_WIDTH,
    TOP_MARGIN,
    ReportStyles,
)

PAGE_COUNT_FORM = "page_count"
FOOTER_SIZE = 7.5


@dataclass(frozen=True)
class PageTexts:
    """What the header and footer print on every page."""

    header: str  # e.g. "Månedsrapport · Plejecenter Solbakken"
    footer: str  # e.g. "Demo Kommune · november 2026 (1.–30. november 2026)"
    page: str  # "Side {page} af " (the count follows from the form)
    title: str  # the PDF's document title
    language: str


def build_pdf(story: Sequence[Flowable], texts: PageTexts, styles: ReportStyles, *,
              invariant: bool = False) -> bytes:
    """Lay the story out on A4 pages with header and footer; return the PDF's bytes."""
    buffer = io.BytesIO()
    fonts = styles.fonts

    def decorate(canvas: Canvas, document: BaseDocTemplate, *, header: bool) -> None:
        canvas.saveState()
        canvas.setFillColor(MUTED)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.setFont(fonts.regular, FOOTER_SIZE)
        if header:
            top = PAGE_HEIGHT - TOP_MARGIN + 14
            canvas.drawString(MARGIN, top, texts.header)
            canvas.line(MARGIN, top - 4, PAGE_WIDTH - MARGIN, top - 4)
        bottom = BOTTOM_MARGIN - 22
        canvas.line(MARGIN, bottom + 10, PAGE_WIDTH - MARGIN, bottom + 10)
        page = texts.page.format(page=canvas.getPageNumber())
        canvas.drawString(MARGIN, bottom, page)
        canvas.translate(MARGIN + canvas.stringWidth(page, fonts.regular, FOOTER_SIZE), bottom)
        canvas.doForm(PAGE_COUNT_FORM)  # written once the count is known, see build_pdf
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(fonts.regular, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, bottom, texts.footer)
        canvas.restoreState()

    frame = Frame(MARGIN, BOTTOM_MARGIN, TEXT_WIDTH, TEXT_HEIGHT, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    document = BaseDocTemplate(
        buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=texts.title, author="Tavle",
        creator="Tavle", invariant=1 if invariant else 0, lang=texts.language,
        pageTemplates=[
            PageTemplate("cover", [frame], onPage=lambda c, d: decorate(c, d, header=False)),
            PageTemplate("body", [frame], onPage=lambda c, d: decorate(c, d, header=True)),
        ],
    )
    document.build([NextPageTemplate("body"), *story],
                   canvasmaker=_count_writing_canvas(fonts.regular))
    return buffer.getvalue()


def _count_writing_canvas(font_name: str) -> type[Canvas]:
    """Return a Canvas class that writes the page-count form just before it saves."""

    class CountWritingCanvas(Canvas):
        def save(self) -> None:
            pages = self.getPageNumber() - 1  # save() follows the last showPage
            self.beginForm(PAGE_COUNT_FORM)
            self.setFont(font_name, FOOTER_SIZE)
            self.setFillColor(MUTED)
            self.drawString(0, 0, str(pages))
            self.endForm()
            super().save()

    return CountWritingCanvas
