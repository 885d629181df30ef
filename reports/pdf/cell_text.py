"""Many short texts placed on a page at once: the appendix's table cells and the charts' labels.

reportlab's text object encodes every string anew and moves the cursor with a
few calls per cell. An appendix has tens of thousands of cells and few
distinct texts (week names, counts, shares repeat), so each distinct text is
encoded once per document and measured once, and a page's cells go into the
PDF stream as one block of text operators. This follows the recipe reportlab
documents for its embedded TrueType fonts (reportlab.pdfbase.ttfonts: split the
text into subsets, name each subset's font, escape the bytes). Other fonts
take reportlab's own text object.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.rl_accel import escapePDF
from reportlab.pdfbase.pdfmetrics import getFont, stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas


class Cell(NamedTuple):
    """A text at a place on the page (its left end, on its baseline), in a font and colour."""

    x: float
    y: float
    text: str
    font: str
    colour: Color
    size: float | None = None  # None: the size write_cells is given
    turned: bool = False  # runs upwards, a quarter turn anticlockwise about (x, y)


# Where a plain tuple of Cell's fields holds the font and the size.
FONT, SIZE = Cell._fields.index("font"), Cell._fields.index("size")


@dataclass
class CellTexts:
    """What one report has measured and encoded: shared by its tables, never across reports."""

    widths: dict[tuple[str, str, float], float] = field(default_factory=dict)
    encoded: dict[tuple[str, str], tuple[tuple[str, str], ...]] = field(default_factory=dict)
    document: object = None  # the PDF document the encodings belong to
    colours: dict[str, Color] = field(default_factory=dict)
    # Each place printed to two decimals once: rows and columns repeat their x and y, and
    # formatting a float costs several dictionary look-ups. Zero stays out: -0.0 equals 0.0
    # but prints "-0.00".
    places: dict[float, str] = field(default_factory=dict)
    # Blocks of PDF drawing code that a report's pages repeat (an appendix page's shading),
    # by what decides them.
    drawn: dict[tuple, str] = field(default_factory=dict)

    def colour(self, hex_colour: str) -> Color:
        """Return one Color object per "#RRGGBB", so cells of one colour share it."""
        if hex_colour not in self.colours:
            self.colours[hex_colour] = HexColor(hex_colour)
        return self.colours[hex_colour]

    def width(self, text: str, font: str, size: float) -> float:
        """Return the printed width of text, measured once."""
        key = (text, font, size)
        width = self.widths.get(key)  # one look-up: asked some 100,000 times a report
        if width is None:
            width = self.widths[key] = stringWidth(text, font, size)
        return width

    def pieces(self, text: str, font: TTFont, document: object) -> tuple[tuple[str, str], ...]:
        """Return text as (subset font name, "(escaped bytes) Tj") pieces for document, encoded once."""
        encoded = self.encodings(document)
        key = (text, font.fontName)
        if key not in encoded:
            encoded[key] = tuple((font.getSubsetInternalName(subset, document), f"({escapePDF(chunk)}) Tj")
                                 for subset, chunk in font.splitString(text, document))
        return encoded[key]

    def encodings(self, document: object) -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
        """Return the encodings made for document, forgetting those of an earlier document."""
        if document is not self.document:  # subsets are numbered per document
            self.encoded.clear()
            self.document = document
        return self.encoded


def write_cells(canvas: Canvas, cells: Sequence[Cell | tuple], *, size: float,
                texts: CellTexts) -> None:
    """Write every cell onto the canvas's current page; the canvas's colours stay as they were.

    A cell is a Cell or a plain tuple of its seven fields (what a hot loop makes).
    """
    if not cells:
        return
    if all(isinstance(getFont(name), TTFont) for name in {cell[FONT] for cell in cells}):
        canvas.addLiteral(_operators(canvas, cells, size=size, texts=texts))
        return
    canvas.saveState()
    text = canvas.beginText()
    for x, y, shown, font, colour, cell_size, turned in cells:
        text.setFont(font, cell_size or size)
        text.setFillColor(colour)
        if turned:
            text.setTextTransform(0, 1, -1, 0, x, y)
        else:
            text.setTextOrigin(x, y)
        text.textOut(shown)
    canvas.drawText(text)
    canvas.restoreState()


def _place_text(places: dict[float, str], place: float) -> str:
    """Return place printed to two decimals, kept in places unless it is zero (see CellTexts.places)."""
    text = f"{place:.2f}"
    if place:
        places[place] = text
    return text


def _operators(canvas: Canvas, cells: Sequence[Cell | tuple], *, size: float, texts: CellTexts) -> str:
    """Return the cells as one saved-state text block of PDF operators."""
    document = canvas._doc  # the document the font subsets are registered with
    out = ["q", "BT"]  # q ... Q: the colours set here do not leak into the canvas's state
    append = out.append  # tens of thousands of cells a report: the loop is kept lean
    font_now, size_now, colour_now = None, None, None
    y_now, y_text = None, ""  # a table's row is a run of cells on one baseline
    colour_codes: dict[int, str] = {}  # a signal's colour and ink take turns down a table
    encoded = texts.encodings(document)
    places = texts.places
    for x, y, text, font, colour, cell_size, turned in cells:
        if colour is not colour_now:  # tables reuse one Color object per colour
            code = colour_codes.get(id(colour))  # the cells keep their colours alive meanwhile
            if code is None:
                red, green, blue = colour.rgb()
                code = colour_codes[id(colour)] = f"{red:.3f} {green:.3f} {blue:.3f} rg"
            append(code)
            colour_now = colour
        x_text = places.get(x) or _place_text(places, x)
        if y != y_now or not y:  # not y: -0.0 equals 0.0 but prints "-0.00"
            y_now = y
            y_text = places.get(y) or _place_text(places, y)
        append(f"0 1 -1 0 {x_text} {y_text} Tm" if turned else f"1 0 0 1 {x_text} {y_text} Tm")
        cell_size = cell_size or size
        pieces = encoded.get((text, font)) or texts.pieces(text, getFont(font), document)
        for font_name, shown in pieces:
            if font_name != font_now or cell_size != size_now:
                append(f"{font_name} {cell_size:g} Tf")
                font_now, size_now = font_name, cell_size
            append(shown)
    out += ["ET", "Q"]
    return "\n".join(out)
