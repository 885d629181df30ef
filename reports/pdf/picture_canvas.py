"""Paint a Picture straight onto a reportlab canvas, and place one in a report as a flowable.

reportlab's Drawing renderer keeps a full graphics state per shape and makes a
call per path segment; a report paints 400 charts of some 40 shapes and 2,000
segments each. The painter sets pen and fill only when they change, writes a
whole path as one block of PDF path operators, and sets a run of texts the way
the appendix sets its cells (reports.pdf.cell_text). tests/reports/test_picture_canvas.py
holds the painter to the Drawing renderer's picture, pixel for pixel.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from reports.pdf.cell_text import SIZE, Cell, CellTexts, write_cells
from reports.pdf.colour_codes import fill_code, stroke_code
from reports.pdf.picture import (
    CLOSE,
    CURVE_TO,
    LINE_TO,
    MOVE_TO,
    Box,
    Layer,
    Outline,
    Pen,
    Picture,
    Text,
)
from reports.pdf.picture_drawing import colour

# Each path operator in PDF, with its coordinates to two decimals (1/7200 inch is plenty).
OPERATOR_CODE = {MOVE_TO: "%.2f %.2f m", LINE_TO: "%.2f %.2f l",
                 CURVE_TO: "%.2f %.2f %.2f %.2f %.2f %.2f c", CLOSE: "h"}
# How a path is finished, by (stroked, filled); filled paths use the even-odd rule, as
# reportlab's shapes do.
PAINT_CODE = {(True, False): "S", (False, True): "f*", (True, True): "B*", (False, False): "n"}


class PictureFlowable(Flowable):
    """A Picture as a flowable: it takes its own width and height on the page."""

    def __init__(self, picture: Picture, *, texts: CellTexts | None = None) -> None:
        super().__init__()
        self.picture = picture
        self.texts = texts
        self.width, self.height = picture.width, picture.height

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Return the picture's size: it does not stretch."""
        return self.width, self.height

    def draw(self) -> None:
        """Paint the picture with its bottom left corner at the flowable's."""
        paint_picture(self.picture, self.canv, texts=self.texts)


def paint_picture(picture: Picture, canvas: Canvas, *, texts: CellTexts | None = None) -> None:
    """Paint the picture on canvas with its bottom left corner at the origin.

    texts, shared by the pictures of one document, keeps what has been measured and encoded.
    """
    canvas.saveState()
    painter = Painter(canvas, texts or CellTexts())
    painter.paint(picture.items)
    painter.flush_texts()
    canvas.restoreState()


def path_code(operators: tuple[int, ...], points: tuple[float, ...]) -> str:
    """Return a path's construction operators in PDF."""
    # map over the dict's own look-up: a chart's points make paths of a thousand operators.
    return " ".join(map(OPERATOR_CODE.__getitem__, operators)) % points


def pen_code(last: tuple | None, wanted: tuple) -> str:
    """Return the code that changes the stroke from last to wanted (colour, width, dash, cap, join).

    Each part is what the canvas's setter writes (setStrokeColor, setLineWidth, setDash,
    setLineCap, setLineJoin), only for the parts that change.
    """
    hex_colour, width, dash, cap, join = wanted
    last = last or (None,) * 5
    code = []
    if last[0] != hex_colour:
        code.append(stroke_code(colour(hex_colour)))
    if last[1] != width:
        code.append(f"{fp_str(width)} w")
    if last[2] != dash:
        code.append(f"[{fp_str(list(dash) if dash else [])}] 0 d")
    if last[3] != cap:
        code.append(f"{cap:d} J")
    if last[4] != join:
        code.append(f"{join:d} j")
    return "\n".join(code)


class Painter:
    """Paints shapes on one canvas, remembering the pen and fill it last set."""

    def __init__(self, canvas: Canvas, texts: CellTexts) -> None:
        self.canvas = canvas
        self.texts = texts
        self.stroke: tuple | None = None
        self.fill: str | None = None
        self.waiting: list[Cell | tuple] = []  # texts are set together, after the shapes under them

    def paint(self, items: tuple[Outline | Box | Text | Layer, ...]) -> None:
        """Paint items in order, layers depth first."""
        for item in items:
            if isinstance(item, Text):
                self.text(item)
                continue
            self.flush_texts()
            if isinstance(item, Layer):
                self.layer(item)
            elif isinstance(item, Outline):
                self.outline(item)
            else:
                self.box(item)

    def layer(self, item: Layer) -> None:
        """Paint a layer's shapes, moved by its offset."""
        if item.offset == (0.0, 0.0):
            self.paint(item.items)
            return
        self.canvas.saveState()
        self.canvas.translate(*item.offset)
        self.paint(item.items)
        self.flush_texts()
        self.canvas.restoreState()
        self.stroke, self.fill = None, None  # restoring brought back what was set before

    def use_fill(self, hex_colour: str) -> None:
        """Make hex_colour the fill colour."""
        if self.fill != hex_colour:
            key = ("fill", hex_colour)  # what setFillColor writes, made once a report
            code = self.texts.drawn.get(key)
            if code is None:
                code = self.texts.drawn[key] = fill_code(colour(hex_colour))
            self.canvas.addLiteral(code)
            self.fill = hex_colour

    def use_pen(self, pen: Pen) -> None:
        """Make pen the stroke: colour, width, dash, cap and join, each set only when it changed."""
        wanted = (pen.colour, pen.width, pen.dash, pen.cap, pen.join)
        if self.stroke == wanted:
            return
        # The same few changes of pen recur in every chart: their code is made once a report.
        key = ("pen", self.stroke, wanted)
        code = self.texts.drawn.get(key)
        if code is None:
            code = self.texts.drawn[key] = pen_code(self.stroke, wanted)
        self.canvas.addLiteral(code)
        self.stroke = wanted

    def outline(self, item: Outline) -> None:
        """Stroke and fill one path."""
        if item.pen is not None:
            self.use_pen(item.pen)
        # As reportlab's renderer does: a path that does not end closed is never filled.
        fill = item.fill is not None and item.operators[-1] == CLOSE
        if fill:
            self.use_fill(item.fill)
        code = path_code(item.operators, item.points)
        self.canvas.addLiteral(f"{code} {PAINT_CODE[item.pen is not None, fill]}")

    def text(self, item: Text) -> None:
        """Queue one line of text, its left end worked out from its anchor."""
        x = item.x
        if item.anchor != "start":
            width = self.texts.width(item.text, item.font, item.size)
            x -= width if item.anchor == "end" else width / 2
        if item.turned:  # the text runs upwards from (x, y): its length goes along y
            x, y = item.x, item.y + (x - item.x)
        else:
            y = item.y
        # Cell's fields as a plain tuple: a report's charts set some 16,000 texts.
        self.waiting.append((x, y, item.text, item.font, self.texts.colour(item.colour), item.size,
                             item.turned))

    def flush_texts(self) -> None:
        """Set the queued texts; the canvas's colours are as before afterwards."""
        if self.waiting:
            write_cells(self.canvas, self.waiting, size=self.waiting[0][SIZE], texts=self.texts)
            self.waiting = []

    def box(self, item: Box) -> None:
        """Fill one rectangle."""
        self.use_fill(item.fill)
        self.canvas.rect(item.x, item.y, item.width, item.height, stroke=0, fill=1)
