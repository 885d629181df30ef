"""The cover: what the report covers, when it was made, and the month at a glance."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.platypus import Flowable, HRFlowable, PageBreak, Spacer, Table, TableStyle

from reports.content.report_content import ReportContent
from reports.drawing import palette
from reports.pdf.chart_pages import in_month
from reports.pdf.report_styles import ACCENT, RULE, SHADE, TEXT_WIDTH, ReportStyles
from reports.pdf.steady_paragraph import SteadyParagraph
from reports.wording.formats import format_date, format_month, local_time
from reports.wording.goal_text import goal_state
from reports.wording.texts import counted, report_text

LISTED_UNITS = 12  # more units than this: the cover counts them instead of naming them
LISTED_SIGNALS = 6  # charts named per signal kind on the cover; the summary table has the rest
SUMMARY_KINDS = ("improvement", "deterioration", "neutral", "no_signal", "too_few")


def cover_section(content: ReportContent, *, styles: ReportStyles, language: str, shared: bool,
                  generated_at: datetime) -> list[Flowable]:
    """Return the cover page's flowables, ending with a page break."""
    month = format_month(content.month.first, language=language)
    story: list[Flowable] = [
        SteadyParagraph(report_text("cover.kicker", language), styles.small),
        Spacer(1, 6),
        SteadyParagraph(report_text("report.title", language), styles.cover_title),
        SteadyParagraph(escape(f"{content.scope.name} · {month}"), styles.cover_subtitle),
        HRFlowable(width="100%", thickness=2, color=ACCENT, spaceAfter=14),
        facts_table(content, styles=styles, language=language, shared=shared,
                    generated_at=generated_at),
        Spacer(1, 18),
        SteadyParagraph(report_text("cover.summary", language, month=month), styles.subheading),
        summary_table(content, styles=styles, language=language),
        Spacer(1, 6),
        SteadyParagraph(goal_line(content, language=language), styles.body),
    ]
    story += signal_lists(content, styles=styles, language=language)
    story += [Spacer(1, 10), SteadyParagraph(report_text("cover.how_to_read.title", language), styles.subheading),
              SteadyParagraph(report_text(f"cover.how_to_read.{content.rules}", language), styles.body)]
    if not styles.fonts.symbols:
        story.append(SteadyParagraph(escape(styles.fonts.warning(language)), styles.small))
    story.append(PageBreak())
    return story


def scope_text(content: ReportContent, language: str) -> str:
    """Return what the report covers: the unit and its area, or the units of an area or all."""
    scope = content.scope
    units = scope.units
    if scope.kind == "unit":
        area = units[0].area if units else ""
        return report_text("cover.scope.unit", language, name=scope.name) + (f" · {area}" if area else "")
    names = [unit.name for unit in units]
    key = "cover.scope.area" if scope.kind == "area" else "cover.scope.municipality"
    head = report_text(key, language, name=scope.name, units=counted(len(units), "units", language))
    if len(names) <= LISTED_UNITS:
        return f"{head}: {', '.join(names)}" if names else head
    areas = len({unit.area for unit in units})
    return report_text("cover.scope.counted", language, head=head,
                       areas=counted(areas, "areas", language))


def facts_table(content: ReportContent, *, styles: ReportStyles, language: str, shared: bool,
                generated_at: datetime) -> Table:
    """Return the cover's label–value table: organisation, scope, period, rules, made, sharing."""
    month = content.month
    period = report_text("cover.period_value", language, first=month.first.day, last=month.last.day,
                         month=format_month(month.first, language=language))
    if content.as_of < month.last:
        period += " " + report_text("cover.as_of", language,
                                    date=format_date(content.as_of, language=language, style="long"))
    local = local_time(generated_at)
    made = report_text("cover.generated_value", language,
                       date=format_date(local.date(), language=language), time=f"{local:%H:%M}")
    sharing = report_text("cover.shared" if shared else "cover.internal", language)
    facts = [
        ("cover.organisation", escape(content.scope.organisation)),
        ("cover.scope", escape(scope_text(content, language))),
        ("cover.period", escape(period)),
        ("cover.rules", report_text(f"rules.{content.rules}", language)),
        ("cover.generated", made),
        ("cover.sharing", f"<b>{escape(sharing)}</b>" if shared else escape(sharing)),
    ]
    rows = [[SteadyParagraph(report_text(label, language), styles.table_header), SteadyParagraph(value, styles.body)]
            for label, value in facts]
    table = Table(rows, colWidths=(110, TEXT_WIDTH - 110))
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -2), 0.25, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
    ] + ([("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), HexColor("#FFF4E5"))] if shared else [])))
    return table


def summary_table(content: ReportContent, *, styles: ReportStyles, language: str) -> Table:
    """Return one cell per verdict kind: its symbol, how many charts have it, and its word."""
    counts = Counter(chart.model.verdict.kind for chart in content.charts)
    fonts = styles.fonts
    cells = []
    for kind in SUMMARY_KINDS:
        mark = palette.VERDICT_MARKS[kind]
        symbol = f'<font color="{mark.colour}">{mark.glyph}</font> ' if fonts.symbols else ""
        cells.append(SteadyParagraph(
            f'<font size="18">{symbol}<b>{counts.get(kind, 0)}</b></font><br/>'
            f'<font color="{mark.colour}">{escape(mark.word(language))}</font>', styles.body))
    table = Table([cells], colWidths=[TEXT_WIDTH / len(SUMMARY_KINDS)] * len(SUMMARY_KINDS))
    table.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("LINEAFTER", (0, 0), (-2, -1), 2, HexColor("#FFFFFF")),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
    ]))
    return table


def goal_line(content: ReportContent, *, language: str) -> str:
    """Return how many of the indicators with a goal meet it, and how many changes were noted."""
    met = with_goal = 0
    for chart in content.charts:
        state = goal_state(chart.goal)
        with_goal += state != "no_goal"
        met += state == "met"
    changes = sum(1 for chart in content.charts for annotation in chart.model.annotations
                  if in_month(annotation.x, content))
    return report_text("cover.goals", language, met=met, total=with_goal, changes=changes,
                       month=format_month(content.month.first, language=language))


def signal_lists(content: ReportContent, *, styles: ReportStyles, language: str) -> list[Flowable]:
    """Return the charts with a deterioration, then with an improvement, named (a few of each)."""
    story: list[Flowable] = []
    several = len(content.units) > 1
    for kind in ("deterioration", "improvement"):
        named = [(unit.unit.name, chart) for unit in content.units for chart in unit.charts
                 if chart.model.verdict.kind == kind]
        if not named:
            continue
        mark = palette.VERDICT_MARKS[kind]
        symbol = f'<font color="{mark.colour}">{mark.glyph}</font> ' if styles.fonts.symbols else ""
        lines = [f"<b>{symbol}{escape(report_text(f'cover.list.{kind}', language))}</b>"]
        for unit_name, chart in named[:LISTED_SIGNALS]:
            definition = chart.indicator.definition
            name = definition.name_en if language == "en" else definition.name_da
            lines.append(escape(f"{unit_name}: {name}" if several else name))
        if len(named) > LISTED_SIGNALS:
            lines.append(report_text("cover.list.more", language, count=len(named) - LISTED_SIGNALS))
        story += [Spacer(1, 6), SteadyParagraph("<br/>".join(lines), styles.body)]
    return story
