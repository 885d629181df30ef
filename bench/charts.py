"""Benchmark of drawing one chart model on paper (reportlab) and on screen (Vega-Lite spec).

Prints medians of several runs, for a 104-week P chart from the engine:
  chart_picture_ms_median       the chart laid out as a picture (geometry included)
  chart_picture_pdf_ms_median   the picture painted on a PDF page, as a report does
  chart_drawing_ms_median       the same picture as a reportlab Drawing
  chart_drawing_pdf_ms_median   the Drawing placed on a PDF page by reportlab's renderer
  chart_spec_ms_median          the Vega-Lite spec for st.vega_lite_chart
  chart_spec_daily_ms_median    the spec for two years of daily data (the board)
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from app.charts.spec import chart_spec  # noqa: E402
from bench.timing import median_seconds  # noqa: E402
from indicators import analyze  # noqa: E402
from reports import (  # noqa: E402
    chart_drawing,
    chart_picture,
    paint_picture,  # noqa: E402
)

REPEATS = 50


def median_ms(action, repeats: int = REPEATS) -> float:
    """Median wall time of action in milliseconds over repeats runs, after one warm-up run."""
    return median_seconds(action, repeats) * 1000


def weekly_p_chart():
    """A two-year weekly P chart with a change after a year, as the engine returns it."""
    rng = np.random.default_rng(47)
    n = rng.integers(40, 70, 104)
    share = np.where(np.arange(104) < 52, 0.75, 0.88)
    frame = pd.DataFrame({"x": pd.date_range("2025-01-06", periods=104, freq="7D"),
                          "y": rng.binomial(n, share), "n": n})
    return analyze(frame, chart="p", part=[53], target=0.95, improvement="up")


def daily_run_chart():
    """Two years of daily counts as a run chart."""
    rng = np.random.default_rng(11)
    frame = pd.DataFrame({"x": pd.date_range("2025-01-01", periods=730, freq="D"),
                          "y": rng.poisson(3, 730)})
    return analyze(frame, chart="run", improvement="down")


def picture_on_pdf(model) -> None:
    """Lay the chart out and paint it on a PDF page, as a report does."""
    canvas = Canvas(io.BytesIO())
    canvas.translate(57, 400)
    paint_picture(chart_picture(model), canvas)
    canvas.showPage()


def drawing_on_pdf(model) -> None:
    """Draw the chart as a Drawing and place it on a PDF page with reportlab's renderer."""
    canvas = Canvas(io.BytesIO())
    renderPDF.draw(chart_drawing(model), canvas, 57, 400)
    canvas.showPage()


def main() -> None:
    weekly, daily = weekly_p_chart(), daily_run_chart()
    print(f"chart_picture_ms_median: {median_ms(lambda: chart_picture(weekly)):.2f}")
    print(f"chart_picture_pdf_ms_median: {median_ms(lambda: picture_on_pdf(weekly)):.2f}")
    print(f"chart_drawing_ms_median: {median_ms(lambda: chart_drawing(weekly)):.2f}")
    print(f"chart_drawing_pdf_ms_median: {median_ms(lambda: drawing_on_pdf(weekly)):.2f}")
    print(f"chart_spec_ms_median: {median_ms(lambda: chart_spec(weekly)):.2f}")
    print(f"chart_spec_daily_ms_median: {median_ms(lambda: chart_spec(daily, large=True), 15):.2f}")


if __name__ == "__main__":
    main()
