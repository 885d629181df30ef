"""The summary's table drawn by arithmetic: rows of short texts in columns, split across pages under a repeated header.

A municipality's summary has some 450 rows over 18 pages. reportlab's Table
restyles and measures every remaining row each time it splits at a page's foot,
about a third of a second a report, in the process that also lays out the cover.
These rows are plain text: each is broken into lines and measured once, and each
page's text goes into the PDF as one block (reports.pdf.cell_text). A unit's
title row never stands alone at a page's foot.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.platypus import Flowable

from reports.pdf.cell_text import Cell, CellTexts, write_cells
from reports.pdf.fonts import ReportFonts
from reports.pdf.report_styles import INK, RULE, SHADE
from reports.pdf.styled_lines import Run, break_lines

FONT_SIZE = 8.0
TITLE_SIZE = 8.5
LEADING = 10.0
PAD_X = 3.0  # left and right of a cell's text
PAD_Y = 2.5  # above and below it
TITLE_PAD_TOP = 6.0  # a unit's title row stands apart from the rows above it


class GridCell(NamedTuple):
    """A cell's text ("\\n" starts a new line; long lines wrap between words) in a colour."""

    text: str
    colour: Color = INK


class GridRow(NamedTuple):
    """A row's cells, one per column; a title row has one cell, in bold, across every column."""

    cells: tuple[GridCell, ...]
    title: bool = False


class _Laid(NamedTuple):
    """A row broken into lines: each cell's lines, and the row's height."""

    row: GridRow
    lines: tuple[tuple[str, ...], ...]
    height: float


class SummaryGrid(Flowable):
    """A table of text rows under a header that is repeated on every page it runs onto."""

    def __init__(self, header: Sequence[str], rows: Sequence[GridRow], *, widths: Sequence[float],
                 right_aligned: Sequence[int], fonts: ReportFonts,
                 texts: CellTexts | None = None, laid: Sequence[_Laid] | None = None) -> None:
        super().__init__()
        self.fonts, self.texts = fonts, texts or CellTexts()
        self.widths, self.right_aligned = tuple(widths), frozenset(right_aligned)
        self.header = tuple(header)
        self.lefts = [sum(self.widths[:column]) for column in range(len(self.widths))]
        self.header_lines = tuple(self._wrap(text, column, fonts.bold, FONT_SIZE)
                                  for column, text in enumerate(self.header))
        self.header_height = max(map(len, self.header_lines)) * LEADING + 2 * PAD_Y
        self.laid = tuple(laid) if laid is not None else tuple(self._lay(row) for row in rows)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Return the size of the whole table."""
        self.height = self.header_height + sum(one.height for one in self.laid)
        return sum(self.widths), self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Return the rows that fit in available_height as one table and the rest as another."""
        room, taken = available_height - self.header_height, 0
        for one in self.laid:
            if one.height > room:
                break
            room -= one.height
            taken += 1
        while taken and self.laid[taken - 1].row.title:  # a title goes with its first row
            taken -= 1
        if taken == 0:
            return []
        if taken == len(self.laid):
            return [self]
        return [self._with(self.laid[:taken]), self._with(self.laid[taken:])]

    def draw(self) -> None:
        """Draw the header, the rows and their rules."""
        canvas, fonts = self.canv, self.fonts
        width = sum(self.widths)
        top = self.height
        canvas.setFillColor(SHADE)
        canvas.rect(0, top - self.header_height, width, self.header_height, stroke=0, fill=1)
        cells = self._texts(self.header_lines, top, fonts.bold, FONT_SIZE, [INK] * len(self.widths))
        top -= self.header_height
        rules: list[tuple[float, float, Color]] = [(top, 0.8, INK)]
        for row, lines, height in self.laid:
            if row.title:
                rules.append((top, 0.5, RULE))
                cells += self._texts(lines, top - TITLE_PAD_TOP + PAD_Y, fonts.bold, TITLE_SIZE,
                                     [row.cells[0].colour])
            else:
                cells += self._texts(lines, top, fonts.regular, FONT_SIZE,
                                     [cell.colour for cell in row.cells])
            top -= height
            if not row.title:
                rules.append((top, 0.25, RULE))
        for y, thickness, colour in rules:
            canvas.setStrokeColor(colour)
            canvas.setLineWidth(thickness)
            canvas.line(0, y, width, y)
        write_cells(canvas, cells, size=FONT_SIZE, texts=self.texts)

    def _texts(self, lines: Sequence[Sequence[str]], top: float, font: str, size: float,
               colours: Sequence[Color]) -> list[Cell]:
        """Return the cells' lines placed under top, each column's as it aligns."""
        placed = []
        for column, (cell_lines, colour) in enumerate(zip(lines, colours, strict=True)):
            right = column in self.right_aligned
            for number, line in enumerate(cell_lines):
                x = (self.lefts[column] + self.widths[column] - PAD_X
                     - self.texts.width(line, font, size) if right else self.lefts[column] + PAD_X)
                placed.append(Cell(x, top - PAD_Y - size - number * LEADING, line, font, colour, size))
        return placed

    def _lay(self, row: GridRow) -> _Laid:
        """Break a row's cells into lines and return them with the row's height."""
        if row.title:
            lines = (self._wrap(row.cells[0].text, None, self.fonts.bold, TITLE_SIZE),)
            return _Laid(row, lines, len(lines[0]) * LEADING + PAD_Y + TITLE_PAD_TOP)
        lines = tuple(self._wrap(cell.text, column, self.fonts.regular, FONT_SIZE)
                      for column, cell in enumerate(row.cells))
        return _Laid(row, lines, max(map(len, lines)) * LEADING + 2 * PAD_Y)

    def _wrap(self, text: str, column: int | None, font: str, size: float) -> tuple[str, ...]:
        """Return text broken into lines that fit its column (None: the whole width)."""
        width = (sum(self.widths) if column is None else self.widths[column]) - 2 * PAD_X
        if "\n" not in text and self.texts.width(text, font, size) <= width:
            return (text,)
        broken = break_lines([Run(text, font, size, "")], width, self.texts.width)
        return tuple("".join(run.text for _, run in line).strip() for line in broken.lines) or ("",)

    def _with(self, laid: Sequence[_Laid]) -> SummaryGrid:
        """Return a table of the same header and columns holding the given laid-out rows."""
        return SummaryGrid(self.header, (), widths=self.widths, right_aligned=self.right_aligned,
                           fonts=self.fonts, texts=self.texts, laid=laid)
