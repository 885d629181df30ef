"""The summary table prints each name as it was typed, markup-like characters included."""

from reports.pdf.fonts import report_fonts
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import Part, build_in_parts
from reports.pdf.report_styles import report_styles
from reports.pdf.summary_table import SummaryRow, summary_section
from tests.reports.pdf_text import pdf_pages

TEXTS = PageTexts(header="Månedsrapport", footer="Prøve Kommune", page="Side {page} af {pages}",
                  title="Prøve", language="da-DK")


def test_a_long_name_with_markup_like_characters_prints_literally():
    styles = report_styles(report_fonts())
    # Long enough to wrap, so it is set as a paragraph, which reads <b> as bold.
    name = "Andel <b>borgere & pårørende</b> med plan > 3 dage <script>x</script> og opfølgning"
    row = SummaryRow("Solbakken", "", name, "uge 44, 2026", "75,0 %", "no_signal", "no_goal", "", "")
    pdf = build_in_parts([Part(lambda: summary_section([row], styles=styles, language="da",
                                                       as_of_text="31. oktober 2026"))],
                         TEXTS, styles, processes=1)
    text = " ".join(" ".join(pdf_pages(pdf)).split())
    assert "Andel <b>borgere & pårørende</b> med plan > 3 dage <script>x</script> og" in text
