"""A titled table of many short rows, set in side-by-side column groups and split across pages.

The appendix prints every point of every chart: tens of thousands of rows in a
municipality report. reportlab's general Table measures every cell of every
row; this flowable knows its rows are one line each, so it lays out by
arithmetic and writes each page's text in one text object.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from reportlab.lib.colors import Color
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable

from reports.pdf.cell_text import Cell, CellTexts, write_cells
from reports.pdf.fonts import ReportFonts
from reports.pdf.report_styles import INK, MUTED, RULE, SHADE

FONT_SIZE = 7.0
ROW_HEIGHT = 9.0
TITLE_SIZE = 8.5
GROUP_GAP = 14.0  # white space between column groups
MIN_ROWS = 4
ROWS_BEFORE_NEXT_GROUP = 12  # fewer rows than this at the foot of a page: start the table on the next page


@dataclass(frozen=True)
class Column:
    """A column: its header, its natural width in points and how its text aligns."""

    header: str
    width: float
    align: str = "right"  # "left", "right" or "center"


class Row(NamedTuple):
    """One row's cells as printed; the marked column is drawn in colour."""

    cells: tuple[str, ...]
    colour: str | None = None  # "#RRGGBB" for the last cell (the signal symbol), None: ink
    muted: bool = False  # a hidden or missing value: printed in grey


class DataTable(Flowable):
    """A table of one-line rows under a title, filling column groups top to bottom."""

    def __init__(self, title: str, note: str, columns: Sequence[Column], rows: Sequence[Row | tuple],
                 fonts: ReportFonts, *, width: float, texts: CellTexts | None = None,
                 per_group: int | None = None, groups: int | None = None,
                 continued: str = "") -> None:
        super().__init__()
        self.texts = texts or CellTexts()
        self.title, self.note, self.columns, self.rows = title, note, tuple(columns), tuple(rows)
        self.fonts, self.width_available, self.continued = fonts, width, continued
        natural = sum(column.width for column in self.columns)
        room = max(1, math.floor((width + GROUP_GAP) / (natural + GROUP_GAP)))
        group_width = (width - GROUP_GAP * (room - 1)) / room
        # A short table stays in one group; a long one uses every group the width has room for.
        self.groups = groups or max(1, min(room, math.ceil(len(self.rows) / ROWS_BEFORE_NEXT_GROUP)))
        self.widths = [column.width * group_width / natural for column in self.columns]
        self.group_width = group_width
        self.per_group = per_group or max(1, math.ceil(len(self.rows) / self.groups))
        self._placed: dict[float, list[tuple[float, str, float]]] = {}  # see _places

    def header_height(self) -> float:
        """Return the height of the title, the note and the column headers."""
        return TITLE_SIZE * 1.5 + (FONT_SIZE * 1.4 if self.note else 0) + ROW_HEIGHT + 3

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Return the size of the whole table."""
        self.height = self.header_height() + self.per_group * ROW_HEIGHT + 8
        return self.width_available, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        """Return the rows that fit in available_height as one table, and the rest as another."""
        fits = math.floor((available_height - self.header_height() - 8) / ROW_HEIGHT)
        if fits >= self.per_group:
            return [self]
        if fits < MIN_ROWS:
            return []
        taken = fits * self.groups
        head = DataTable(self.title, self.note, self.columns, self.rows[:taken], self.fonts,
                         width=self.width_available, texts=self.texts, per_group=fits,
                         groups=self.groups, continued=self.continued)
        tail = DataTable(self.title, self.note, self.columns, self.rows[taken:], self.fonts,
                         width=self.width_available, texts=self.texts,
                         continued=self.continued or " …")
        return [head, tail]

    def draw(self) -> None:
        """Draw the title, then each group's headers and rows."""
        canvas, fonts = self.canv, self.fonts
        top = self.height
        canvas.setFillColor(INK)
        canvas.setFont(fonts.bold, TITLE_SIZE)
        y = top - TITLE_SIZE
        canvas.drawString(0, y, self.title + self.continued)
        if self.note:
            y -= FONT_SIZE * 1.4
            canvas.setFont(fonts.regular, FONT_SIZE)
            canvas.setFillColor(MUTED)
            canvas.drawString(0, y, self.note)
        header_y = y - ROW_HEIGHT - 2
        first_row_y = header_y - ROW_HEIGHT - 2
        starts = [g * (self.group_width + GROUP_GAP) for g in range(self.groups)]
        self._shade(starts, first_row_y)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for start in starts:
            canvas.line(start, header_y - 2.5, start + self.group_width, header_y - 2.5)
        cells: list[Cell | tuple] = []
        for start in starts:
            cells += self._cells(start, header_y, [c.header for c in self.columns], fonts.bold, INK)
        last = len(self.columns) - 1
        regular, per_group, texts = fonts.regular, self.per_group, self.texts
        for group, start in enumerate(starts):
            # Rows repeat their texts (weeks, counts, shares): each text's place in a column is
            # worked out once per group, and each row's cells made without further calls.
            lefts: list[dict[str, float]] = [{} for _ in self.columns]
            places = self._places(start)
            for line, (row_cells, colour, muted) in enumerate(
                    self.rows[group * per_group:(group + 1) * per_group]):
                y = first_row_y - line * ROW_HEIGHT
                ink = MUTED if muted else INK
                for column, text in enumerate(row_cells[:-1]):
                    if text:
                        at = lefts[column].get(text)
                        if at is None:
                            at = lefts[column][text] = self._left_end(places[column], text, regular)
                        # Cell's fields as a plain tuple: an appendix makes some 100,000 cells,
                        # and a NamedTuple's constructor is a Python call each.
                        cells.append((at, y, text, regular, ink, None, False))
                symbol = row_cells[-1]
                if symbol:  # the signal's symbol, in its colour, in the last column
                    at = lefts[last].get(symbol)
                    if at is None:
                        at = lefts[last][symbol] = self._left_end(places[last], symbol, regular)
                    cells.append((at, y, symbol, regular, texts.colour(colour) if colour else INK,
                                  None, False))
        write_cells(canvas, cells, size=FONT_SIZE, texts=self.texts)

    def _shade(self, starts: list[float], first_row_y: float) -> None:
        """Shade every other row so the eye keeps to its line."""
        canvas = self.canv
        canvas.setFillColor(SHADE)
        lines = tuple(min(self.per_group, len(self.rows) - group * self.per_group)
                      for group in range(len(starts)))
        # A full page of rows is shaded like the last one: its rectangles are written once
        # per report, as canvas.rect writes them, and repeated.
        key = ("shade", tuple(starts), first_row_y, self.group_width, lines)
        code = self.texts.drawn.get(key)
        if code is None:
            code = self.texts.drawn[key] = "\n".join(
                f"n {fp_str(start, first_row_y - line * ROW_HEIGHT - 2.3, self.group_width, ROW_HEIGHT)} re f*"
                for start, count in zip(starts, lines, strict=True) for line in range(1, count, 2))
        if code:
            canvas.addLiteral(code)

    def _cells(self, left: float, y: float, texts: Sequence[str], font: str,
               colour: Color, *, first: int = 0) -> list[Cell]:
        """Return a row's texts placed in their columns (from column first), each aligned as it says."""
        placed = []
        for text, place in zip(texts, self._places(left)[first:], strict=False):
            if text:
                placed.append(Cell(self._left_end(place, text, font), y, text, font, colour))
        return placed

    def _left_end(self, place: tuple[float, str, float], text: str, font: str) -> float:
        """Return where text starts in a column at place (left end, alignment, width)."""
        x, align, width = place
        if align == "left":
            return x + 2
        if align == "right":
            return x + width - 2 - self.texts.width(text, font, FONT_SIZE)
        return x + (width - self.texts.width(text, font, FONT_SIZE)) / 2

    def _places(self, left: float) -> list[tuple[float, str, float]]:
        """Return each column's left end, alignment and width in the group starting at left."""
        places = self._placed.get(left)
        if places is None:
            places, x = [], left
            for column, width in zip(self.columns, self.widths, strict=True):
                places.append((x, column.align, width))
                x += width
            self._placed[left] = places
        return places
