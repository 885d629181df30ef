"""The month's patient-safety calendar of each event indicator, as the board keeps it.

A box per day, Monday first: green with ✓ for a day confirmed without the event,
red with ✗ for a day with one, white for a day nobody confirmed, so a reader sees
both the harm and how well the count was kept. Two calendars side by side. A
shared report leaves them out: a red day would show a count of 1–4.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor, white
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from reports.content.report_content import MonthCalendar, UnitCharts
from reports.drawing import palette
from reports.pdf.report_styles import INK, MUTED, RULE, SHADE, TEXT_WIDTH, ReportStyles
from reports.wording.formats import format_month
from reports.wording.texts import counted, report_text

WEEKDAYS = 7
DAY_WIDTH, DAY_HEIGHT = 31.0, 22.0  # seven boxes fit half the text width
_FILLS = {"safe": HexColor(palette.SAFE_DAY), "event": HexColor(palette.EVENT_DAY)}
_MARKS = {"safe": "✓", "event": "✗"}
_PLAIN_MARKS = {"safe": "ok", "event": "X"}  # for a font without ✓ and ✗


def calendar_section(unit: UnitCharts, *, styles: ReportStyles, language: str,
                     shared: bool) -> list[Flowable]:
    """Return the unit's calendars of the month under one heading (nothing when shared)."""
    if shared or not unit.calendars:
        return []
    month = format_month(unit.calendars[0].days[0].day, language=language)
    blocks = [calendar_block(calendar, styles=styles, language=language)
              for calendar in unit.calendars]
    pairs = [blocks[start:start + 2] + [""] * (2 - len(blocks[start:start + 2]))
             for start in range(0, len(blocks), 2)]
    grid = Table(pairs, colWidths=[TEXT_WIDTH / 2] * 2)
    grid.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 10)]))
    return [KeepTogether([
        Paragraph(escape(report_text("calendar.title", language, month=month)), styles.subheading),
        Paragraph(report_text("calendar.intro", language), styles.small),
        Spacer(1, 6), grid])]


def calendar_block(calendar: MonthCalendar, *, styles: ReportStyles, language: str) -> list:
    """Return one indicator's title, its month as a table of days, and the month in numbers."""
    definition = calendar.chart.indicator.definition
    event = definition.numerator_en if language == "en" else definition.numerator_da
    name = definition.name_en if language == "en" else definition.name_da
    title = (event[:1].upper() + event[1:]) if event else name
    marks = _MARKS if styles.fonts.symbols else _PLAIN_MARKS
    header = report_text("calendar.weekdays", language).split()
    cells: list[str] = [""] * calendar.days[0].day.weekday()
    commands: list[tuple] = [
        ("FONT", (0, 0), (-1, -1), styles.fonts.regular, 8),
        ("FONT", (0, 0), (-1, 0), styles.fonts.bold, 7.5),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    ]
    for box in calendar.days:
        at = len(cells)
        column, row = at % WEEKDAYS, at // WEEKDAYS + 1
        mark = marks.get(box.state, "")
        cells.append(f"{box.day.day} {mark}".strip())
        if box.state in _FILLS:
            commands += [("BACKGROUND", (column, row), (column, row), _FILLS[box.state]),
                         ("TEXTCOLOR", (column, row), (column, row), white),
                         ("FONT", (column, row), (column, row), styles.fonts.bold, 8)]
        elif box.state == "future":
            commands.append(("TEXTCOLOR", (column, row), (column, row), MUTED))
        commands.append(("BOX", (column, row), (column, row), 0.5,
                         RULE if box.state == "future" else INK))
    cells += [""] * (-len(cells) % WEEKDAYS)
    rows = [header] + [cells[start:start + WEEKDAYS] for start in range(0, len(cells), WEEKDAYS)]
    table = Table(rows, colWidths=[DAY_WIDTH] * WEEKDAYS, rowHeights=[14] + [DAY_HEIGHT] * (len(rows) - 1),
                  hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    states = [box.state for box in calendar.days]
    summary = report_text("calendar.summary", language,
                          **{key: counted(states.count(state), "days", language)
                             for key, state in (("safe", "safe"), ("event", "event"),
                                                ("blank", "unconfirmed"))})
    return [Paragraph(escape(title), styles.chart_title), Spacer(1, 3), table, Spacer(1, 3),
            Paragraph(escape(summary), styles.small)]
