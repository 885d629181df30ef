"""A report's page streams are compressed at the fastest level, and read back whole."""

import io
import zlib

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from reports.pdf.flate_level import FLATE_LEVEL
from reports.pdf.fonts import report_fonts
from reports.pdf.page_layout import PageTexts, build_pdf
from reports.pdf.report_styles import report_styles

TEXTS = PageTexts(header="Månedsrapport", footer="Prøve Kommune", page="Side {page} af {pages}",
                  title="Prøve", language="da-DK")


def test_page_streams_are_flate_compressed_at_the_fast_level():
    styles = report_styles(report_fonts())
    story = [Paragraph(f"Linje {number}: tryksår, fald og triage – æøå", styles.body) for number in range(200)]
    pdf = PdfReader(io.BytesIO(build_pdf(story, TEXTS, styles, invariant=True)), strict=True)
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        stream = page["/Contents"].get_object()
        assert stream["/Filter"] in ("/FlateDecode", ["/FlateDecode"])
        text = stream.get_data()
        assert b" Tj" in text  # the page's own text operators, decoded
        assert stream._data == zlib.compress(text, FLATE_LEVEL)  # pypdf keeps the stored bytes in _data
