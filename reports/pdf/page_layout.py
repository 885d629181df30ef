"""The report's pages: A4 portrait, a running header, and a footer with the period and page numbers.

"Side 3 af 12" needs the page count before the last page is laid out, and a
report laid out in parts (reports.pdf.report_parts) needs every part's count
before any part knows its first page. So each footer refers to a PDF form of
its own page's label, and the forms are written once the numbers are known,
after the last page: one pass over the document, not two.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, NextPageTemplate, PageTemplate

from reports.pdf.flate_level import use_fast_flate
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

FOOTER_SIZE = 7.5

# reportlab writes compressed streams as ASCII85 text by default, which makes them a
# quarter longer for the sake of 7-bit mail transports no PDF reader needs; binary is
# the PDF norm. A municipality's report is some 20 % smaller. (rl_config's documented switch;
# Tavle is the only user of reportlab in its processes.)
rl_config.useA85 = 0
use_fast_flate()  # see reports.pdf.flate_level


@dataclass(frozen=True)
class PageTexts:
    """What the header and footer print on every page."""

    header: str  # e.g. "Månedsrapport · Plejecenter Solbakken"
    footer: str  # e.g. "Demo Kommune · november 2026 (1.–30. november 2026)"
    page: str  # "Side {page} af {pages}", filled in once the numbers are known
    title: str  # the PDF's document title
    language: str


def build_pdf(story: Sequence[Flowable], texts: PageTexts, styles: ReportStyles, *,
              invariant: bool = False) -> bytes:
    """Lay the story out on A4 pages with header and footer; return the PDF's bytes."""
    laid_out = lay_out(story, texts, styles, invariant=invariant)
    return laid_out.finish(first_page=1, pages=laid_out.pages)


class LaidOut:
    """A document laid out on its pages but not yet written: its page labels wait for their numbers."""

    def __init__(self, canvas: Canvas, buffer: io.BytesIO, texts: PageTexts, font_name: str) -> None:
        self._canvas, self._buffer, self._texts, self._font = canvas, buffer, texts, font_name
        self.pages = canvas.getPageNumber() - 1  # the canvas stands on the page after the last

    def finish(self, *, first_page: int, pages: int) -> bytes:
        """Write the page labels, numbered from first_page of pages in all, and return the PDF's bytes."""
        canvas = self._canvas
        for page in range(1, self.pages + 1):
            canvas.beginForm(page_label_form(page))
            canvas.setFont(self._font, FOOTER_SIZE)
            canvas.setFillColor(MUTED)
            canvas.drawString(0, 0, self._texts.page.format(page=first_page + page - 1, pages=pages))
            canvas.endForm()
        Canvas.save(canvas)
        return self._buffer.getvalue()


def page_label_form(page: int) -> str:
    """Return the name of the form that holds the label of the document's page-th page."""
    return f"page_label_{page}"


def lay_out(story: Sequence[Flowable], texts: PageTexts, styles: ReportStyles, *,
            invariant: bool = False, cover: bool = True) -> LaidOut:
    """Lay the story out on A4 pages with header and footer, the first a cover without header (cover).

    The result's finish() numbers the pages and writes the PDF.
    """
    buffer = io.BytesIO()
    fonts = styles.fonts

    # Every page's header and footer are the same PDF code but for the form of its page label
    # (see LaidOut): each kind of page draws them once, and later pages repeat that code.
    drawn: dict[bool, tuple[list[str], list[str]]] = {}

    def decorate(canvas: Canvas, document: BaseDocTemplate, *, header: bool) -> None:
        code = canvas._code  # the page's PDF code, where reportlab's drawing calls append theirs
        label = page_label_form(canvas.getPageNumber())  # written by LaidOut.finish
        if header in drawn:
            before, after = drawn[header]
            code.extend(before)
            canvas.doForm(label)  # the form in use on this page, as reportlab records it
            code.extend(after)
            return
        start = len(code)
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
        canvas.translate(MARGIN, bottom)
        middle = len(code)
        canvas.doForm(label)
        end = len(code)
        canvas.restoreState()
        canvas.saveState()
        canvas.setFont(fonts.regular, FOOTER_SIZE)
        canvas.setFillColor(MUTED)
        canvas.drawRightString(PAGE_WIDTH - MARGIN, bottom, texts.footer)
        canvas.restoreState()
        drawn[header] = (code[start:middle], code[end:])

    frame = Frame(MARGIN, BOTTOM_MARGIN, TEXT_WIDTH, TEXT_HEIGHT, id="text",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [
        PageTemplate("cover", [frame], onPage=lambda c, d: decorate(c, d, header=False)),
        PageTemplate("body", [frame], onPage=lambda c, d: decorate(c, d, header=True)),
    ]
    document = BaseDocTemplate(
        buffer, pagesize=(PAGE_WIDTH, PAGE_HEIGHT), leftMargin=MARGIN, rightMargin=MARGIN,
        topMargin=TOP_MARGIN, bottomMargin=BOTTOM_MARGIN, title=texts.title, author="Tavle",
        creator="Tavle", invariant=1 if invariant else 0, lang=texts.language,
        pageTemplates=templates if cover else templates[::-1],
    )
    document.build([NextPageTemplate("body"), *story], canvasmaker=_WaitingCanvas)
    return LaidOut(document.canv, buffer, texts, fonts.regular)


class _WaitingCanvas(Canvas):
    """A canvas whose save() at the end of the layout waits: LaidOut.finish writes the PDF."""

    def save(self) -> None:
        pass  # BaseDocTemplate.build calls this after the last page; see LaidOut
