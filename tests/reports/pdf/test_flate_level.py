"""A report's page streams are compressed at the fastest level, and read back whole."""

import io
import zlib

import pikepdf
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
    pdf = pikepdf.open(io.BytesIO(build_pdf(story, TEXTS, styles, invariant=True)))
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        stream = page.obj.Contents
        assert list(stream.Filter) == [pikepdf.Name.FlateDecode]
        text = stream.read_bytes()
        assert b"Linje" in text or b"Tj" in text  # the page's own text operators, decoded
        assert stream.read_raw_bytes() == zlib.compress(text, FLATE_LEVEL)
