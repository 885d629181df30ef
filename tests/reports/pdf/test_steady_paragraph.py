"""A paragraph breaks its lines once per width: the layout asks its size more than once."""

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from reports.pdf.steady_paragraph import SteadyParagraph

STYLE = ParagraphStyle("body", fontName="Helvetica", fontSize=9, leading=12)
TEXT = "Om målingen: " + " ".join(["andelen af borgere, der er triageret i dag"] * 8)


class Counting(SteadyParagraph):
    breaks = 0

    def breakLines(self, widths):  # noqa: N802 (reportlab's name)
        Counting.breaks += 1
        return super().breakLines(widths)


def test_a_second_wrap_at_the_same_width_breaks_no_lines_and_says_the_same():
    Counting.breaks = 0
    paragraph = Counting(TEXT, STYLE)
    first = paragraph.wrap(300, 800)
    assert paragraph.wrap(300, 40) == first == Paragraph(TEXT, STYLE).wrap(300, 800)
    assert Counting.breaks == 1


def test_another_width_breaks_the_lines_again():
    Counting.breaks = 0
    paragraph = Counting(TEXT, STYLE)
    narrow = paragraph.wrap(150, 800)
    wide = paragraph.wrap(400, 800)
    assert Counting.breaks == 2
    assert narrow[1] > wide[1]
    assert paragraph.wrap(150, 800) == narrow == Paragraph(TEXT, STYLE).wrap(150, 800)


def test_a_paragraph_that_split_gave_up_on_is_broken_again():
    Counting.breaks = 0
    paragraph = Counting(TEXT, STYLE)
    paragraph.wrap(150, 800)
    assert paragraph.split(150, 5) == []  # no room for a line: it moves on whole, blPara gone
    assert paragraph.wrap(150, 800)[1] > 0
    assert Counting.breaks == 2


def test_no_room_across_is_said_again_at_that_width_even_after_a_wrap_that_had_room():
    paragraph = SteadyParagraph(TEXT, STYLE)
    paragraph.wrap(300, 800)
    assert paragraph.wrap(0, 800) == paragraph.wrap(0, 800) == Paragraph(TEXT, STYLE).wrap(0, 800)
    assert paragraph.wrap(300, 800) == Paragraph(TEXT, STYLE).wrap(300, 800)
