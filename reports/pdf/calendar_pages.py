"""The month's patient-safety calendar of each event indicator, as the board keeps it.

A box per day, Monday first: green with ✓ for a day confirmed without the event,
red with ✗ for a day with one, white for a day nobody confirmed, so a reader sees
both the harm and how well the count was kept. Two calendars side by side. A
shared report leaves them out: a red day would show a count of 1–4.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from reports.content.report_content import MonthCalendar, UnitCharts
from reports.drawing import palette
from reports.pdf.cell_text import Cell, CellTexts, write_cells
from reports.pdf.colour_codes import fill_code, stroke_code
from reports.pdf.report_styles import INK, MUTED, RULE, SHADE, TEXT_WIDTH, ReportStyles
from reports.pdf.steady_paragraph import SteadyParagraph
from reports.wording.formats import format_month
from reports.wording.texts import counted, report_text

WEEKDAYS = 7
DAY_WIDTH, DAY_HEIGHT = 31.0, 22.0  # seven boxes fit half the text width
HEADER_HEIGHT = 14.0
DAY_SIZE, HEADER_SIZE = 8.0, 7.5
_FILLS = {"safe": HexColor(palette.SAFE_DAY), "event": HexColor(palette.EVENT_DAY)}
_MARKS = {"safe": "✓", "event": "✗"}
_PLAIN_MARKS = {"safe": "ok", "event": "X"}  # for a font without ✓ and ✗


def calendar_section(unit: UnitCharts, *, styles: ReportStyles, language: str,
                     shared: bool, several: bool = False) -> list[Flowable]:
    """Return the unit's calendars of the month under one heading (nothing when shared).

    several: the report has several units, so the line under the heading starts with
    the unit's name, and a page read on its own still says whose calendars they are.
    """
    if shared or not unit.calendars:
        return []
    month = format_month(unit.calendars[0].days[0].day, language=language)
    texts = CellTexts()
    blocks = [calendar_block(calendar, styles=styles, language=language, texts=texts)
              for calendar in unit.calendars]
    pairs = [blocks[start:start + 2] + [""] * (2 - len(blocks[start:start + 2]))
             for start in range(0, len(blocks), 2)]
    grid = Table(pairs, colWidths=[TEXT_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    return [KeepTogether([
        SteadyParagraph(escape(report_text("calendar.title", language, month=month)), styles.subheading),
        SteadyParagraph((f"<b>{escape(unit.unit.name)}</b> · " if several else "")
                  + report_text("calendar.intro", language), styles.small),
        Spacer(1, 6), grid])]


def calendar_block(calendar: MonthCalendar, *, styles: ReportStyles, language: str,
                   texts: CellTexts | None = None) -> list:
    """Return one indicator's title, its month as a grid of days, and the month in numbers."""
    definition = calendar.chart.indicator.definition
    event = definition.numerator_en if language == "en" else definition.numerator_da
    name = definition.name_en if language == "en" else definition.name_da
    title = (event[:1].upper() + event[1:]) if event else name
    states = [box.state for box in calendar.days]
    summary = report_text("calendar.summary", language,
                          **{key: counted(states.count(state), "days", language)
                             for key, state in (("safe", "safe"), ("event", "event"),
                                                ("blank", "unconfirmed"))})
    grid = DayGrid(calendar, report_text("calendar.weekdays", language).split(), styles=styles,
                   texts=texts or CellTexts())
    return [SteadyParagraph(escape(title), styles.chart_title), Spacer(1, 3), grid, Spacer(1, 3),
            SteadyParagraph(escape(summary), styles.small)]


def box_code(x: float, y: float, fill: Color | None, stroke: Color) -> str:
    """Return a day's box as the canvas draws it: setFillColor (when filled), setStrokeColor, rect."""
    code = [] if fill is None else [fill_code(fill)]
    code.append(stroke_code(stroke))
    code.append(f"n {fp_str(x, y, DAY_WIDTH, DAY_HEIGHT)} re {'S' if fill is None else 'B*'}")
    return "\n".join(code)


class DayGrid(Flowable):
    """A month as seven columns of day boxes under the weekdays' names, Monday first.

    A hundred calendars in a municipality's report: drawn box by box, not as a general Table.
    """

    def __init__(self, calendar: MonthCalendar, weekdays: list[str], *, styles: ReportStyles,
                 texts: CellTexts) -> None:
        super().__init__()
        self.days, self.weekdays, self.texts = calendar.days, weekdays, texts
        self.fonts = styles.fonts
        self.marks = _MARKS if styles.fonts.symbols else _PLAIN_MARKS
        self.lead = calendar.days[0].day.weekday()  # empty boxes before the 1st
        self.weeks = -(-(self.lead + len(calendar.days)) // WEEKDAYS)
        self.width = DAY_WIDTH * WEEKDAYS
        self.height = HEADER_HEIGHT + DAY_HEIGHT * self.weeks

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        """Return the grid's size: it does not stretch."""
        return self.width, self.height

    def draw(self) -> None:
        """Draw the weekdays' row, then each day's box and its number and mark."""
        canvas, fonts, texts = self.canv, self.fonts, self.texts
        canvas.saveState()
        canvas.setFillColor(SHADE)
        canvas.rect(0, self.height - HEADER_HEIGHT, self.width, HEADER_HEIGHT, stroke=0, fill=1)
        cells = [self._centred(text, column, self.height - HEADER_HEIGHT, HEADER_HEIGHT,
                               fonts.bold, HEADER_SIZE, INK)
                 for column, text in enumerate(self.weekdays)]
        canvas.setLineWidth(0.5)
        boxes = []
        for index, box in enumerate(self.days, start=self.lead):
            column, week = index % WEEKDAYS, index // WEEKDAYS
            x, y = column * DAY_WIDTH, self.height - HEADER_HEIGHT - (week + 1) * DAY_HEIGHT
            fill = _FILLS.get(box.state)
            # A hundred calendars draw the same few boxes in the same places: each box's
            # code is made once a report.
            key = ("day", box.state, x, y)
            code = texts.drawn.get(key)
            if code is None:
                code = texts.drawn[key] = box_code(x, y, fill, RULE if box.state == "future" else INK)
            boxes.append(code)
            text = f"{box.day.day} {self.marks.get(box.state, '')}".strip()
            if fill is not None:
                cells.append(self._centred(text, column, y, DAY_HEIGHT, fonts.bold, DAY_SIZE, white))
            else:
                cells.append(self._centred(text, column, y, DAY_HEIGHT, fonts.regular, DAY_SIZE,
                                           MUTED if box.state == "future" else INK))
        canvas.addLiteral("\n".join(boxes))
        canvas.restoreState()
        write_cells(canvas, cells, size=DAY_SIZE, texts=texts)

    def _centred(self, text: str, column: int, bottom: float, height: float, font: str,
                 size: float, colour) -> Cell:
        """Return text centred in the box of column whose bottom edge is at bottom."""
        width = self.texts.width(text, font, size)
        return Cell(column * DAY_WIDTH + (DAY_WIDTH - width) / 2, bottom + (height - size * 0.7) / 2,
                    text, font, colour, size=size)
