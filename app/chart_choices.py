"""Which chart types the analysis page offers for an indicator, by what it measures.

The indicator's own chart comes first; the others are those that suit the same
kind of data (Provost & Murray 2011, The Health Care Data Guide, ch. 6-7):
shares get P (and Laney's P' for very large denominators), rates U (and U'),
counts C, measurements I, and days between events the G and T charts. Every
measure may fall back to a run chart, and an I chart suits nearly any series
of one figure per period (Wheeler 1993). Types that need subgroups (Xbar, S)
or are companions (MR) are not offered: Tavle charts one figure per period.
"""

from __future__ import annotations

CHARTS_FOR_MEASURE: dict[str, tuple[str, ...]] = {
    "events": ("run", "g", "t"),
    "proportion": ("run", "p", "pp", "i"),
    "rate": ("run", "u", "up", "i"),
    "count": ("run", "c", "i"),
    "measurement": ("run", "i"),
}


def chart_choices(measure: str, default: str) -> tuple[str, ...]:
    """Return the chart types valid for measure, the indicator's default first."""
    valid = CHARTS_FOR_MEASURE.get(measure, ("run",))
    return (default, *(chart for chart in valid if chart != default))
