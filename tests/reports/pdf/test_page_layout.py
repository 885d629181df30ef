"""Every page carries the running header (but the cover), the footer and its own page label."""

import re

from reportlab.platypus import PageBreak, Paragraph

from reports.pdf.fonts import report_fonts
from reports.pdf.page_layout import PageTexts, build_pdf
from reports.pdf.report_styles import report_styles
from tests.reports.pdf_text import pdf_pages

TEXTS = PageTexts(header="Månedsrapport · Prøve", footer="Prøve Kommune · oktober 2026",
                  page="Side {page} af {pages}", title="Prøverapport", language="da-DK")


def test_the_header_and_footer_drawn_once_are_on_every_page_with_its_own_label():
    styles = report_styles(report_fonts())
    story = []
    for page in range(4):
        story += [PageBreak()] if page else []
        story.append(Paragraph(f"Indhold {page + 1}", styles.body))
    pages = pdf_pages(build_pdf(story, TEXTS, styles, invariant=True))
    assert len(pages) == 4
    assert "Månedsrapport · Prøve" not in pages[0]  # the cover has no running header
    for number, page in enumerate(pages, start=1):
        assert f"Indhold {number}" in page
        assert "Prøve Kommune · oktober 2026" in page
        assert re.findall(r"Side \d+ af \d+", page) == [f"Side {number} af 4"]
        assert ("Månedsrapport · Prøve" in page) == (number > 1)
