"""The summary's table: every row once, its header on every page, a unit's title never alone at a page's foot."""

import re

from reports.pdf.fonts import report_fonts
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import Part, build_in_parts
from reports.pdf.report_styles import TEXT_WIDTH, report_styles
from reports.pdf.summary_grid import GridCell, GridRow, SummaryGrid
from reports.pdf.summary_table import COLUMN_WIDTHS, SummaryRow, summary_section
from tests.reports.pdf_text import pdf_pages

TEXTS = PageTexts(header="Månedsrapport", footer="Prøve Kommune", page="Side {page} af {pages}",
                  title="Prøve", language="da-DK")
HEADER = ("Indikator", "Seneste periode", "Seneste", "Vurdering", "Mål", "Dage siden hændelse")


def _rows(units: int, per_unit: int) -> list[SummaryRow]:
    return [SummaryRow(f"Enhed {unit:02d}", "Område 1", f"Indikator {unit:02d}-{number:02d} om noget",
                       "uge 44, 2026", f"{number},0 %", "no_signal", "met" if number % 2 else "no_goal",
                       "≥ 95,0 %" if number % 2 else "", str(number) if number % 3 == 0 else "")
            for unit in range(units) for number in range(per_unit)]


def _pdf(rows: list[SummaryRow]) -> list[str]:
    styles = report_styles(report_fonts())
    pdf = build_in_parts([Part(lambda: summary_section(rows, styles=styles, language="da",
                                                       as_of_text="31. oktober 2026"))],
                         TEXTS, styles, processes=1)
    return pdf_pages(pdf)


def test_every_row_prints_once_and_each_page_starts_with_the_header():
    pages = _pdf(_rows(units=12, per_unit=9))
    assert len(pages) >= 3  # long enough to run over several pages
    text = "\n".join(pages)
    for unit in range(12):
        assert text.count(f"Enhed {unit:02d} · Område 1") == 1
        for number in range(9):
            assert text.count(f"Indikator {unit:02d}-{number:02d} om noget") == 1
    for page in pages:
        assert "Indikator" in page.split("Enhed")[0] and "Vurdering" in page.split("Enhed")[0]


def test_a_units_title_is_never_the_last_line_of_a_page():
    for per_unit in (3, 5, 8):  # different places where pages break
        for page in _pdf(_rows(units=30, per_unit=per_unit))[:-1]:
            lines = [line for line in page.splitlines() if line.strip() and "Side" not in line
                     and "Prøve Kommune" not in line]
            assert not re.match(r"\s*Enhed \d\d · Område 1\s*$", lines[-1]), lines[-3:]


def test_a_long_name_wraps_inside_its_column_and_the_row_grows_to_hold_it():
    fonts = report_fonts()
    long_name = "Andel borgere med en meget lang beskrivelse af hvad der er målt og hvorfor det er vigtigt"
    grid = SummaryGrid(HEADER, [GridRow(tuple(GridCell(text) for text in (
        long_name, "uge 44, 2026", "75,0 %", "Intet signal", "Nået\n≥ 95,0 %", "")))],
        widths=COLUMN_WIDTHS, right_aligned=(2, 5), fonts=fonts)
    short = SummaryGrid(HEADER, [GridRow(tuple(GridCell(text) for text in (
        "Kort navn", "uge 44, 2026", "75,0 %", "Intet signal", "Nået", "")))],
        widths=COLUMN_WIDTHS, right_aligned=(2, 5), fonts=fonts)
    width, height = grid.wrap(TEXT_WIDTH, 800)
    assert width == sum(COLUMN_WIDTHS)
    lines = grid.laid[0].lines[0]
    assert len(lines) >= 3 and " ".join(lines) == long_name
    assert height - short.wrap(TEXT_WIDTH, 800)[1] == (len(lines) - 1) * 10


def test_nothing_fits_where_not_even_one_row_and_the_header_fit():
    grid = SummaryGrid(HEADER, [GridRow((GridCell("Enhed"),), title=True),
                                GridRow(tuple(GridCell(text) for text in ("a", "b", "c", "d", "e", "f")))],
                       widths=COLUMN_WIDTHS, right_aligned=(2, 5), fonts=report_fonts())
    grid.wrap(TEXT_WIDTH, 800)
    header_and_title = grid.header_height + grid.laid[0].height
    assert grid.split(TEXT_WIDTH, header_and_title + 1) == []  # the title alone would be left at the foot
    assert grid.split(TEXT_WIDTH, 800) == [grid]
