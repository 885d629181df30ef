"""A calendar's day boxes are written as the canvas would draw them, each made once a report."""

import io

import pytest
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from reports.pdf.calendar_pages import DAY_HEIGHT, DAY_WIDTH, box_code
from reports.pdf.report_styles import INK, RULE

GREEN = HexColor("#1B7A3E")


@pytest.mark.parametrize(("fill", "stroke"), [(GREEN, INK), (None, INK), (None, RULE)])
def test_a_days_box_is_the_code_of_the_canvas_calls_that_draw_it(fill, stroke):
    canvas = Canvas(io.BytesIO())
    before = len(canvas._code)
    if fill is not None:
        canvas.setFillColor(fill)
    canvas.setStrokeColor(stroke)
    canvas.rect(62.0, 41.5, DAY_WIDTH, DAY_HEIGHT, stroke=1, fill=int(fill is not None))
    assert box_code(62.0, 41.5, fill, stroke) == "\n".join(canvas._code[before:])
