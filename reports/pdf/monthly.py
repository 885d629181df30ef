"""The monthly report: cover, summary table, one chart per indicator, appendix; A4 PDF bytes.

    content = report_content(scope, month, session=s, today=today)   # reads the database once
    pdf = monthly_report(content, generated_at=now, language="da", shared=False)

The same content renders in both languages and both sharing modes, and a
municipality's content splits into its units' reports without reading again.
"""

from __future__ import annotations

from datetime import datetime

from reportlab.platypus import Flowable

from reports.content.report_content import ReportContent
from reports.pdf.appendix import appendix_section
from reports.pdf.chart_pages import chart_section
from reports.pdf.cover import cover_section
from reports.pdf.fonts import ReportFonts, report_fonts
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import Part, build_in_parts
from reports.pdf.report_split import split_unit
from reports.pdf.report_styles import report_styles
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
    if language not in LANGUAGES:
        raise ValueError(f"Unknown language {language!r}; expected one of {', '.join(LANGUAGES)}.")
    styles = report_styles(fonts or report_fonts())
    split = split_unit(content)
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

    def closing() -> list[Flowable]:
        return [*chart_section(content, styles=styles, language=language, shared=shared,
                               units=rest),
                *appendix_section(content, styles=styles, language=language, shared=shared)]

    texts = page_texts(content, language=language, shared=shared)
    if not rest:
        return build_in_parts([Part(lambda: [*opening(), *closing()], cover=True)], texts, styles,
                              invariant=invariant, processes=1)
    # The second part starts on a page of its own: the page break that opens it goes.
    return build_in_parts([Part(opening, cover=True), Part(lambda: closing()[1:])], texts, styles,
                          invariant=invariant, processes=processes)


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
