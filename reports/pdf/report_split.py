"""Where a municipality's report splits into two halves of its units (reports.pdf.report_parts).

The first half's charts follow the cover and the summary; the second half's
charts start on a page of their own. The appendix splits the same way: its
second half's tables start on a page of their own. Each half is then read,
charted and laid out in a process of its own (reports.pdf.forked_report). The
split depends on the number of units alone, known before anything is read, so
the document is the same however many processes make it.
"""

from __future__ import annotations

# A smaller report is quicker made whole than in two halves (about 40 charts).
MIN_UNITS_TO_SPLIT = 6
# The first half's process also lays out the cover and the summary of every chart, and joins
# the parts: a few per cent of its half on the benchmark's 50 units (bench/reports.py), so it
# takes that much fewer of the units. At 24 of 50 the two processes' processor times were
# within 6 % of each other (six reports); at 23 and at 25 one of them was 7–11 % behind.
FIRST_HALF_SHARE = 0.48


def split_at(units: int) -> int:
    """Return how many units the first half takes; all of them: the report is not split."""
    if units < MIN_UNITS_TO_SPLIT:
        return units
    return min(max(round(units * FIRST_HALF_SHARE), 1), units - 1)
