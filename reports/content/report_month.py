"""The month a report covers, and the day its figures are read as of."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from reports.content.errors import ReportError

MONTH_PATTERN = re.compile(r"(\d{4})-(\d{2})")


@dataclass(frozen=True)
class ReportMonth:
    """A calendar month: its first and last day."""

    first: date
    last: date

    @property
    def code(self) -> str:
        """Return the month as YYYY-MM, as the command line and file names write it."""
        return f"{self.first:%Y-%m}"

    def contains(self, day: date) -> bool:
        """Return True when day lies in the month."""
        return self.first <= day <= self.last

    def as_of(self, today: date) -> date:
        """Return the day the report reads its figures as of: the month's last day, or today.

        A report for the running month counts "days since" up to today, not
        to a last day that has not come yet.
        """
        if today < self.first:
            raise ReportError(
                f"Måneden {self.code} er ikke begyndt endnu (i dag er {today:%d-%m-%Y}).",
                f"The month {self.code} has not begun yet (today is {today:%Y-%m-%d}).",
            )
        return min(self.last, today)


def report_month(year: int, month: int) -> ReportMonth:
    """Return the report month of a year and month number."""
    if not 1 <= month <= 12:
        raise ReportError(f"Måneden skal være 1-12, ikke {month}.",
                          f"The month must be 1-12, not {month}.")
    days = calendar.monthrange(year, month)[1]
    return ReportMonth(date(year, month, 1), date(year, month, days))


def parse_month(text: str) -> ReportMonth:
    """Return the report month written as YYYY-MM (2026-11)."""
    found = MONTH_PATTERN.fullmatch(text.strip())
    if not found:
        raise ReportError(f"Måneden skal skrives ÅÅÅÅ-MM, fx 2026-11; fik {text!r}.",
                          f"The month must be written YYYY-MM, e.g. 2026-11; got {text!r}.")
    return report_month(int(found.group(1)), int(found.group(2)))


def month_of(day: date) -> ReportMonth:
    """Return the report month that holds day."""
    return report_month(day.year, day.month)


def previous_month(month: ReportMonth) -> ReportMonth:
    """Return the month before."""
    return month_of(date.fromordinal(month.first.toordinal() - 1))
