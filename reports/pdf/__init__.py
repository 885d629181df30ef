"""The monthly PDF report (reportlab): cover, summary table, one chart per indicator, appendix.

    pdf = monthly_report(content, generated_at=now, language="da", shared=False)
"""

from reports.pdf.chart_drawing import chart_drawing, chart_picture
from reports.pdf.fonts import report_fonts
from reports.pdf.forked_report import monthly_report_of
from reports.pdf.monthly import monthly_report, report_file_name
from reports.pdf.picture_canvas import paint_picture
from reports.pdf.preview import first_page_png

__all__ = [
    "chart_drawing",
    "chart_picture",
    "first_page_png",
    "monthly_report",
    "monthly_report_of",
    "paint_picture",
    "report_file_name",
    "report_fonts",
]
