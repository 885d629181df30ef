"""A chart's texts break their lines once, however often the page asks their size."""

from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph

from reports.steady_paragraph import SteadyParagraph

TEXT = ("Forbedring: 9 punkter i træk under medianen fra uge 12 til uge 20; "
        "processen har ændret sig, og ændringen holder.")


def counting_breaks(monkeypatch) -> list[float]:
    widths: list[float] = []
    original = Paragraph.breakLines

    def counted(self, widths_wanted, *args, **kwargs):
        widths.append(widths_wanted[0])
        return original(self, widths_wanted, *args, **kwargs)

    monkeypatch.setattr(Paragraph, "breakLines", counted)
    return widths


def test_a_second_wrap_at_the_same_width_answers_without_breaking_the_lines_again(monkeypatch):
    breaks = counting_breaks(monkeypatch)
    paragraph = SteadyParagraph(TEXT, getSampleStyleSheet()["Normal"])
    first = paragraph.wrap(120, 800)
    assert paragraph.wrap(120, 30) == first  # as tall as before, whatever the room
    assert len(breaks) == 1


def test_a_new_width_breaks_the_lines_anew_as_a_plain_paragraph_would(monkeypatch):
    style = getSampleStyleSheet()["Normal"]
    paragraph = SteadyParagraph(TEXT, style)
    narrow = paragraph.wrap(120, 800)
    breaks = counting_breaks(monkeypatch)
    wide = paragraph.wrap(400, 800)
    assert breaks == [400]
    assert wide == Paragraph(TEXT, style).wrap(400, 800)
    assert wide[1] < narrow[1]
