"""Cells set as one block of text operators: what a table or a chart's labels put on the page."""

import io

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reports.pdf.cell_text import Cell, CellTexts, write_cells
from reports.pdf.data_table import Column, DataTable, Row
from reports.pdf.fonts import report_fonts

INK = HexColor("#262626")


def page_code(draw) -> str:
    """Return the PDF code draw(canvas) puts on a fresh canvas's page."""
    canvas = Canvas(io.BytesIO(), pagesize=(400, 400))
    draw(canvas)
    return "\n".join(canvas._code)


def written(cells, *, font_size: float = 7.0) -> str:
    texts = CellTexts()
    return page_code(lambda canvas: write_cells(canvas, cells, size=font_size, texts=texts))


def test_plain_tuples_of_a_cells_fields_are_written_as_the_cells_are():
    font = report_fonts().regular
    cells = [Cell(10.0, 20.0, "uge 47", font, INK), Cell(60.5, 20.0, "87,5 %", font, INK),
             Cell(10.0, 11.0, "▲", font, HexColor("#005AB5"), size=9.0)]
    assert written([tuple(cell) for cell in cells]) == written(cells)


def test_a_baseline_at_minus_zero_after_one_at_zero_keeps_its_sign():
    # -0.0 equals 0.0 but prints "-0.00": the row's baseline is not taken from the cell before.
    font = report_fonts().regular
    code = written([Cell(1.0, 0.0, "a", font, INK), Cell(2.0, -0.0, "b", font, INK)])
    assert "1 0 0 1 1.00 0.00 Tm" in code
    assert "1 0 0 1 2.00 -0.00 Tm" in code


def test_cells_on_one_baseline_share_it_and_a_new_row_moves_down():
    font = report_fonts().regular
    code = written([Cell(1.0, 30.0, "a", font, INK), Cell(5.0, 30.0, "b", font, INK),
                    Cell(1.0, 21.0, "c", font, INK)])
    assert [line for line in code.split("\n") if line.endswith("Tm")] == [
        "1 0 0 1 1.00 30.00 Tm", "1 0 0 1 5.00 30.00 Tm", "1 0 0 1 1.00 21.00 Tm"]


def table(rows: int, texts: CellTexts) -> DataTable:
    fonts = report_fonts()
    columns = [Column("Periode", 58.0, "left"), Column("Antal", 42.0), Column("", 12.0, "center")]
    return DataTable("Fald", "", columns, [Row((f"uge {i}", str(i), "")) for i in range(rows)],
                     fonts, width=481.0, texts=texts)


def drawn(flowable: DataTable) -> str:
    def draw(canvas: Canvas) -> None:
        flowable.wrapOn(canvas, 481.0, 700.0)
        flowable.drawOn(canvas, 0, 0)
    return page_code(draw)


def test_every_other_row_is_shaded_as_canvas_rect_shades_it():
    shaded_table = table(30, CellTexts())  # three groups of ten rows
    shaded = drawn(shaded_table)
    first_row_y = shaded_table.height - 8.5 - 9.0 - 2 - 9.0 - 2  # under the title and headers
    expected = []
    for group in range(shaded_table.groups):
        start = group * (shaded_table.group_width + 14.0)
        for line in (1, 3, 5, 7, 9):
            expected.append(page_code(lambda canvas, start=start, line=line: canvas.rect(
                start, first_row_y - line * 9.0 - 2.3, shaded_table.group_width, 9.0,
                stroke=0, fill=1)).split("\n")[-1].strip())
    assert (shaded_table.groups, shaded_table.per_group) == (3, 10)
    assert [line for line in shaded.split("\n") if line.endswith(" re f*")] == expected


def test_a_tables_shading_is_written_alike_each_time_it_repeats():
    texts = CellTexts()
    first, again = drawn(table(40, texts)), drawn(table(40, texts))
    assert first == again == drawn(table(40, CellTexts()))
    assert len(texts.drawn) == 1


def test_colours_that_take_turns_are_each_set_at_every_switch():
    font = report_fonts().regular
    blue = HexColor("#005AB5")
    code = written([Cell(1.0, 30.0, "a", font, INK), Cell(5.0, 30.0, "▲", font, blue),
                    Cell(1.0, 21.0, "b", font, INK), Cell(5.0, 21.0, "c", font, INK)])
    ink, signal = (f"{c.red:.3f} {c.green:.3f} {c.blue:.3f} rg" for c in (INK, blue))
    assert [line for line in code.split("\n") if line.endswith(" rg")] == [ink, signal, ink]
