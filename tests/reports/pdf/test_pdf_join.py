"""Joining reportlab's PDFs: the pages in order, the first's title and language, nothing else touched."""

import io

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.platypus import PageBreak, Paragraph

from reports.pdf.fonts import report_fonts
from reports.pdf.page_layout import PageTexts, build_pdf
from reports.pdf.pdf_join import JoinError, join_pdfs
from reports.pdf.report_styles import report_styles
from tests.reports.pdf_text import pdf_pages

# Texts that look like PDF syntax: a reference, a stream's start, parentheses, a dictionary.
HOSTILE = "Enhed 7 0 R (stream\nendobj) << /Pages 1 0 R >> \\ æøå"


def _pdf(title: str, pages: int, language: str = "da-DK") -> bytes:
    styles = report_styles(report_fonts())
    story = []
    for page in range(pages):
        story += [Paragraph(f"{title} side {page + 1}", styles.body), PageBreak()]
    texts = PageTexts(header=title, footer="Prøve Kommune", page="Side {page} af {pages}",
                      title=title, language=language)
    return build_pdf(story[:-1], texts, styles, invariant=True)


def test_pages_come_in_order_with_the_first_pieces_title_and_language():
    pieces = [_pdf("Første", 3), _pdf("Anden", 2, "en-GB"), _pdf("Tredje", 4)]
    joined = join_pdfs(pieces)
    reader = PdfReader(io.BytesIO(joined), strict=True)
    assert len(reader.pages) == 9
    assert reader.metadata.title == "Første"
    assert reader.trailer["/Root"]["/Lang"] == "da-DK"
    pages = pdf_pages(joined)
    expected = [f"{title} side {number}" for title, count in (("Første", 3), ("Anden", 2), ("Tredje", 4))
                for number in range(1, count + 1)]
    assert [next(line for line in page.splitlines() if " side " in line) for page in pages] == expected
    # Every page hangs under the one root, whose count is the whole.
    assert reader.trailer["/Root"]["/Pages"]["/Count"] == 9


def test_each_page_is_drawn_exactly_as_in_its_piece():
    pieces = [_pdf("Første", 2), _pdf("Anden", 2)]
    joined = PdfReader(io.BytesIO(join_pdfs(pieces)), strict=True)
    originals = [page for piece in pieces for page in PdfReader(io.BytesIO(piece)).pages]
    for page, original in zip(joined.pages, originals, strict=True):
        assert page.get_contents().get_data() == original.get_contents().get_data()
        assert sorted(page["/Resources"]["/Font"]) == sorted(original["/Resources"]["/Font"])


def test_strings_that_look_like_pdf_syntax_are_left_as_written():
    pieces = [_pdf(HOSTILE, 2), _pdf(HOSTILE + " 2", 2)]
    joined = join_pdfs(pieces)
    reader = PdfReader(io.BytesIO(joined), strict=True)
    assert reader.metadata.title == HOSTILE
    assert len(reader.pages) == 4
    text = "\n".join(pdf_pages(joined))
    assert text.count("Enhed 7 0 R (stream") == 4 + 2  # each paragraph, and the header of each piece's second page


def test_the_id_follows_from_the_content():
    pieces = [_pdf("Første", 2), _pdf("Anden", 1)]
    assert join_pdfs(pieces) == join_pdfs(pieces)
    other = join_pdfs([_pdf("Første", 2), _pdf("Andet", 1)])
    ids = [PdfReader(io.BytesIO(pdf)).trailer["/ID"][0] for pdf in (join_pdfs(pieces), other)]
    assert ids[0] != ids[1]


def test_a_pdf_not_written_the_plain_way_is_refused():
    writer = PdfWriter(clone_from=io.BytesIO(_pdf("Første", 1)))
    writer.compress_identical_objects()
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(JoinError):
        join_pdfs([_pdf("Første", 1), b"not a pdf at all"])
    with pytest.raises(JoinError):
        join_pdfs([])
    # pypdf writes a plain table too, but numbers objects its own way: still joined correctly.
    assert len(PdfReader(io.BytesIO(join_pdfs([out.getvalue(), _pdf("Anden", 1)]))).pages) == 2


def test_a_reference_inside_a_string_is_not_renumbered():
    # reportlab puts no string into an object the join renumbers today (the later pieces'
    # document information goes); an annotation or outline would, so the rule is checked here.
    from reports.pdf.pdf_join import _renumbered

    text = b"5 0 obj\n<< /T (Enhed 7 0 R \\) 8 0 R) /P 7 0 R /Kids [ 9 0 R ] >>\nstream\n 3 0 R\nendstream\nendobj\n"
    assert _renumbered(text, 5, 10) == (
        b"15 0 obj\n<< /T (Enhed 7 0 R \\) 8 0 R) /P 17 0 R /Kids [ 19 0 R ] >>\nstream\n 3 0 R\nendstream\nendobj\n")
