"""The report paints charts straight onto its pages: the same picture reportlab's Drawing renderer makes."""

import io
import shutil
import subprocess

import numpy as np
import pytest
from PIL import Image
from reportlab.graphics import renderPDF
from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import SimpleDocTemplate

from reports.pdf.chart_drawing import chart_drawing, chart_picture
from reports.pdf.fonts import report_fonts
from reports.pdf.picture import Box, Layer, Picture, Text
from reports.pdf.picture_canvas import PictureFlowable, paint_picture, path_code, pen_code
from reports.pdf.picture_drawing import picture_drawing
from tests import chart_examples as examples

WIDTH, HEIGHT = 481, 320
# Pixels that differ this much (of 255) are a different drawing, not anti-aliasing.
VISIBLY_DIFFERENT = 64


def pixels(pdf: bytes) -> np.ndarray:
    """Return the PDF's first page at 100 dpi as an array of RGB values."""
    assert shutil.which("pdftoppm"), "pdftoppm (Debian poppler-utils) renders the pages"
    png = subprocess.run(["pdftoppm", "-png", "-r", "100", "-f", "1", "-l", "1", "-"], input=pdf,
                         capture_output=True, check=True).stdout
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB")).astype(int)


def painted(picture: Picture) -> bytes:
    """Return a one-page PDF of the picture, painted by the report's painter."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(picture.width, picture.height))
    paint_picture(picture, canvas)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


FONT_SETS = {"helvetica": ("Helvetica", "Helvetica-Bold")}


@pytest.fixture(scope="module", params=["helvetica", "dejavu"])
def font_pair(request):
    if request.param == "dejavu":
        fonts = report_fonts()
        return fonts.regular, fonts.bold
    return FONT_SETS[request.param]


@pytest.mark.parametrize("name", sorted(examples.all_examples()))
def test_the_painter_draws_what_reportlabs_drawing_renderer_draws(name, font_pair):
    model = examples.all_examples()[name]
    options = dict(width=WIDTH, height=HEIGHT, font_name=font_pair[0], bold_font_name=font_pair[1],
                   title="Røde uden handleplan ▲")
    expected = pixels(renderPDF.drawToString(chart_drawing(model, **options)))
    actual = pixels(painted(chart_picture(model, **options)))
    assert actual.shape == expected.shape
    assert (expected < 128).any(axis=2).mean() > 0.005  # there is a chart to compare
    different = (np.abs(actual - expected).max(axis=2) > VISIBLY_DIFFERENT).mean()
    assert different < 0.001


def test_a_path_is_written_as_one_block_of_pdf_operators():
    assert path_code((0, 1, 2, 3), (1, 2, 3.456, 4, 5, 6, 7, 8, 9, 10)) == (
        "1.00 2.00 m 3.46 4.00 l 5.00 6.00 7.00 8.00 9.00 10.00 c h")


def test_texts_keep_their_order_over_shapes_and_leave_the_pages_colours_alone():
    picture = Picture(200, 100, (
        Box(0, 0, 200, 100, "#FFFFFF"),
        Layer((Text(100, 50, "Forbedring", "Helvetica", 12, "#005AB5", anchor="middle"),)),
        Box(0, 0, 50, 100, "#AD5A00"),  # painted after the text: covers its left end
    ))
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(200, 100))
    canvas.setFillColorRGB(0, 0.5, 0)
    paint_picture(picture, canvas)
    canvas.rect(150, 0, 50, 20, stroke=0, fill=1)  # in the colour set before the picture
    canvas.showPage()
    canvas.save()
    image = pixels(buffer.getvalue())
    assert tuple(image[10, 10]) == (0xAD, 0x5A, 0x00)
    assert tuple(image[-5, -5]) == (0, 128, 0)
    blue = (np.abs(image - np.array([0x00, 0x5A, 0xB5])).max(axis=2) < 40)
    assert blue[:, 80:200].any() and not blue[:, :69].any()


def test_a_picture_flows_in_a_document_at_its_own_size():
    picture = chart_picture(examples.run_chart_triage(), width=300, height=150)
    flowable = PictureFlowable(picture)
    assert flowable.wrap(481, 700) == (300, 150)
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer).build([flowable])
    assert (pixels(buffer.getvalue()) < 128).any()


def test_a_layer_moved_by_its_offset_lands_where_the_drawing_puts_it():
    chart = chart_picture(examples.p_chart_two_phases(), width=300, height=160)
    picture = Picture(400, 260, (
        Text(10, 240, "Andel med dokumenteret risikovurdering", "Helvetica-Bold", 10, "#1A1A1A"),
        Layer(chart.items, name="chart", offset=(60.0, 50.0)),
        Text(10, 20, "▼ Forværring: 1 punkt over den øvre kontrolgrænse", "Helvetica", 9, "#AD5A00"),
    ))
    expected = pixels(renderPDF.drawToString(picture_drawing(picture)))
    actual = pixels(painted(picture))
    assert (np.abs(actual - expected).max(axis=2) > VISIBLY_DIFFERENT).mean() < 0.001
    ink = (actual < 128).any(axis=2)
    columns = np.nonzero(ink)[1]
    assert columns.min() < 60 / 72 * 100  # the texts start at the left
    assert ink[int((260 - 50 - 80) / 72 * 100), int((60 + 150) / 72 * 100):].any()  # the chart moved


@pytest.mark.parametrize(("last", "wanted"), [
    (None, ("#AD5A00", 0.9, (), 0, 1)),
    (("#AD5A00", 0.9, (), 0, 1), ("#AD5A00", 1.5, (4.0, 2.0), 1, 1)),
    (("#AD5A00", 1.5, (4.0, 2.0), 1, 1), ("#005AB5", 1.5, (), 0, 0)),
])
def test_a_change_of_pen_is_written_as_the_canvas_setters_write_it(last, wanted):
    def by_setters(canvas: Canvas) -> None:
        colour_, width, dash, cap, join = wanted
        was = last or (None,) * 5
        if was[0] != colour_:
            canvas.setStrokeColor(HexColor(colour_))
        if was[1] != width:
            canvas.setLineWidth(width)
        if was[2] != dash:
            canvas.setDash(list(dash) if dash else [])
        if was[3] != cap:
            canvas.setLineCap(cap)
        if was[4] != join:
            canvas.setLineJoin(join)
    canvas = Canvas(io.BytesIO())
    before = len(canvas._code)
    by_setters(canvas)
    assert pen_code(last, wanted) == "\n".join(canvas._code[before:])
