"""The monthly report: cover, summary table, one chart per indicator, appendix; A4 PDF bytes.

    content = report_content(scope, month, session=s, today=today)   # reads the database once
    pdf = monthly_report(content, generated_at=now, language="da", shared=False)

The same content renders in both languages and both sharing modes, and a
municipality's content splits into its units' reports without reading again.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from reportlab.platypus import Flowable

from reports.content.report_content import ReportContent, UnitCharts
from reports.pdf.appendix import appendix_section
from reports.pdf.chart_pages import chart_section
from reports.pdf.cover import cover_section
from reports.pdf.fonts import ReportFonts, report_fonts
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import Part, build_in_parts
from reports.pdf.report_split import split_at
from reports.pdf.report_styles import ReportStyles, report_styles
from reports.pdf.summary_table import as_of_text, summary_rows, summary_section
from reports.wording.formats import LANGUAGES, format_date, format_month
from reports.wording.texts import report_text


def monthly_report(content: ReportContent, *, generated_at: datetime, language: str = "da",
                   shared: bool = False, invariant: bool = False,
                   fonts: ReportFonts | None = None, processes: int | None = None) -> bytes:
    """Return the monthly report as PDF bytes; shared hides counts of 1–4.

    generated_at is printed on the cover; invariant makes the bytes depend on
    the content alone (no creation time or random id in the file), for tests.
    processes: how many processes lay the report's parts out (None: as the cores
    allow, see reports.pdf.report_parts); the document is the same however many.
    """
    check_language(language)
    styles = report_styles(fonts or report_fonts())
    parts = monthly_parts(content, styles=styles, language=language, shared=shared,
                          generated_at=generated_at, split=split_at(len(content.units)))
    return build_in_parts(parts, page_texts(content, language=language, shared=shared), styles,
                          invariant=invariant, processes=processes if len(parts) > 1 else 1)


def check_language(language: str) -> None:
    """Refuse a language the reports are not written in."""
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; expected one of {', '.join(LANGUAGES)}.")


def monthly_parts(content: ReportContent, *, styles: ReportStyles, language: str, shared: bool,
                  generated_at: datetime, split: int) -> list[Part]:
    """Return the report's parts: the whole, or its two halves of units (see reports.pdf.report_split).

    Halved, the parts are: cover, summary and the first half's charts; the second
    half's charts; the appendix's first half; its second half. Each starts on a page
    of its own (its opening page break goes), and the first half's process lays out
    the first and third, the other process the second and fourth (report_parts deals
    them out in turn). A part's story is made only when it is laid out, so a part
    reads only its own half's charts.
    """
    first, rest = content.units[:split], content.units[split:]

    def opening() -> list[Flowable]:
        return [
            *cover_section(content, styles=styles, language=language, shared=shared,
                           generated_at=generated_at),
            *summary_section(summary_rows(content, language=language, shared=shared),
                             styles=styles, language=language,
                             as_of_text=as_of_text(content, language)),
            *chart_section(content, styles=styles, language=language, shared=shared, units=first),
        ]

    def appendix(units: Sequence[UnitCharts], *, heading: bool) -> list[Flowable]:
        return appendix_section(content, styles=styles, language=language, shared=shared,
                                units=units, heading=heading)

    if not rest:
        return [Part(lambda: [*opening(), *appendix(first, heading=True)], cover=True)]
    return [
        Part(opening, cover=True),
        Part(lambda: chart_section(content, styles=styles, language=language, shared=shared,
                                   units=rest)[1:]),
        Part(lambda: appendix(first, heading=True)[1:]),
        Part(lambda: appendix(rest, heading=False)),
    ]


def page_texts(content: ReportContent, *, language: str, shared: bool) -> PageTexts:
    """Return the running header, the footer with the period, and the document title."""
    month = content.month
    title = report_text("report.title", language)
    period = report_text("footer.period", language,
                         first=format_date(month.first, language=language),
                         last=format_date(month.last, language=language))
    shared_mark = f" · {report_text('footer.shared', language)}" if shared else ""
    return PageTexts(
        header=f"{title} · {content.scope.name} · {format_month(month.first, language=language)}",
        footer=f"{content.scope.organisation} · {period}{shared_mark}",
        page=report_text("footer.page", language, page="{page}", pages="{pages}"),  # per page
        title=f"{title} {format_month(month.first, language=language)}: {content.scope.name}",
        language="da-DK" if language == "da" else "en-GB",
    )


def report_file_name(content: ReportContent) -> str:
    """Return the report's file name: the month and the scope's code, e.g. 2026-11-solbakken.pdf."""
    return f"{content.month.code}-{content.scope.code}.pdf"
