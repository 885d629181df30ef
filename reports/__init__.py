"""Everything between stored data and what people read: chart models, the shared drawing, the PDF.

Four layers, each a sub-package with its own public surface (`__all__`); a layer
imports only the layers above it in this list:

    reports.wording   numbers, dates, periods and values in Danish and English; the report's words
    reports.content   stored data -> chart models: a unit's board, one chart, the managers'
                      overview, a report's scope, month and content (read once); the
                      small-numbers rule of shared reports
    reports.drawing   chart models -> geometry, axes, labels, colours and the verdict sentence,
                      shared by the Altair chart on screen and the chart on paper
    reports.pdf       the monthly A4 PDF (reportlab): cover, summary table, charts, appendix

    scope = find_scope("Område Nord", kind="area", session=s)    # reports.content
    content = report_content(scope, parse_month("2026-11"), session=s, today=today)
    pdf = monthly_report(content, generated_at=now, language="da", shared=False)  # reports.pdf

`python -m reports monthly ...` is the command line.
"""

__all__ = ["content", "drawing", "pdf", "wording"]
