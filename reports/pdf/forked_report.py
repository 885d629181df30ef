"""A municipality's monthly report made by two processes, from the database to the PDF, a half of its units each.

report_content and then monthly_report would read and chart every unit in
processes of their own, send the charts back (pickled, a tenth of the report's
time), and fork again to lay the pages out. Here the report's halves follow its
units (reports.pdf.report_split): a forked process reads, charts and lays out
the second half's chart pages and appendix tables, and sends this process only
what the cover and the summary print of its charts (stored_charts.latest_only).
This process does the same for the first half, with the cover and the summary.
The document is the one monthly_report makes of the whole content.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from multiprocessing.connection import Connection

from sqlmodel import Session

from db import check_permission, find_unit, read_session_elsewhere, readable_elsewhere
from reports.content.forked_work import frozen_heap, usable_processes
from reports.content.history_window import DEFAULT_HISTORY_YEARS
from reports.content.report_content import ReportContent, UnitCharts, report_content
from reports.content.report_month import ReportMonth
from reports.content.report_scope import ReportScope, ScopeUnit
from reports.content.stored_charts import latest_only
from reports.pdf.fonts import ReportFonts, report_fonts
from reports.pdf.monthly import check_language, monthly_parts, monthly_report, page_texts
from reports.pdf.page_layout import PageTexts
from reports.pdf.report_parts import (
    CHILD_GRACE_SECONDS,
    Part,
    answering,
    joined,
    lay_out_part,
    page_numbers,
    reap,
    received,
    trade_numbers,
)
from reports.pdf.report_split import split_at
from reports.pdf.report_styles import ReportStyles, report_styles

# Objects allocated between young collections while a half is made (Python's default: 700).
# Laying out pages makes many short-lived objects and few cycles; at the default the
# collector ran some 400 times a report, 3 % of its time.
LAYOUT_GC_THRESHOLD = 20_000


@dataclass(frozen=True)
class _Order:
    """What the report asks of the database and the page, the same in both processes."""

    scope: ReportScope
    month: ReportMonth
    actor: str
    today: date
    rules: str
    history_years: int | None
    generated_at: datetime
    language: str
    shared: bool
    invariant: bool
    split: int

    def content(self, units: Sequence[ScopeUnit], session: Session) -> ReportContent:
        """Read and chart these of the scope's units, here."""
        return report_content(replace(self.scope, units=tuple(units)), self.month,
                              session=session, actor=self.actor, today=self.today,
                              rules=self.rules, history_years=self.history_years, processes=1)

    def parts(self, content: ReportContent, styles: ReportStyles) -> list[Part]:
        """Return the report's four parts (monthly_parts) made from content of the whole scope."""
        return monthly_parts(content, styles=styles, language=self.language, shared=self.shared,
                             generated_at=self.generated_at, split=self.split)

    def as_whole(self, content: ReportContent) -> ReportContent:
        """Return content of some of the scope's units as the whole scope's, the others without charts.

        A process lays out none of the unread units' pages; they stand in the content so
        that its tables still name their unit, as in a report of several.
        """
        charted = {unit.unit.id: unit for unit in content.units}
        units = tuple(charted.get(unit.id) or UnitCharts(unit, ()) for unit in self.scope.units)
        return replace(content, scope=self.scope, units=units)

    def texts(self, content: ReportContent) -> PageTexts:
        """Return the running header and footer (page_texts)."""
        return page_texts(content, language=self.language, shared=self.shared)


def monthly_report_of(scope: ReportScope, month: ReportMonth, *, session: Session, actor: str,
                        today: date, generated_at: datetime, language: str = "da",
                        shared: bool = False, rules: str = "anhoej",
                        history_years: int | None = DEFAULT_HISTORY_YEARS,
                        invariant: bool = False, fonts: ReportFonts | None = None,
                        processes: int | None = None) -> bytes:
    """Return scope's monthly report as PDF bytes: monthly_report(report_content(...)), in two processes where it pays.

    processes: None as the cores allow (reports.content.forked_work), 1 all here.
    """
    check_language(language)
    split = split_at(len(scope.units))
    wanted = usable_processes() if processes is None else max(int(processes), 1)
    if split == len(scope.units) or wanted < 2 or not readable_elsewhere(session):
        content = report_content(scope, month, session=session, actor=actor, today=today,
                                 rules=rules, history_years=history_years, processes=processes)
        return monthly_report(content, generated_at=generated_at, language=language,
                              shared=shared, invariant=invariant, fonts=fonts, processes=processes)
    # Every refusal comes from here, before anything forks, as report_content would raise it.
    check_permission(session, actor=actor, action="report",
                     unit_id=find_unit(scope.code, session=session))
    for unit in scope.units:
        check_permission(session, actor=actor, action="unit.read", unit_id=unit.id)
    order = _Order(scope, month, actor, today, rules, history_years, generated_at, language,
                   shared, invariant, split)
    return _in_two_processes(order, session, report_styles(fonts or report_fonts()))


def _in_two_processes(order: _Order, session: Session, styles: ReportStyles) -> bytes:
    """Make the first half here and the second in a forked process; return the joined PDF."""
    context = multiprocessing.get_context("fork")
    ours, theirs = context.Pipe()
    # What lives now outlives the report, in both processes (see frozen_heap).
    with frozen_heap(collect_every=LAYOUT_GC_THRESHOLD):
        child = context.Process(target=_second_half, args=(theirs, order, session, styles),
                                daemon=True)
        done = False
        try:
            child.start()
            theirs.close()
            first = order.content(order.scope.units[:order.split], session)
            own = order.as_whole(first)
            gc.freeze()  # the content too outlives the layout: the collector need not walk it
            # This half's appendix needs nothing of the other's: laid out while that is still charting.
            appendix = lay_out_part(order.parts(own, styles)[2], order.texts(own), styles,
                                    order.invariant)
            second: tuple[UnitCharts, ...] = received(ours)
            content = replace(own, units=first.units + second)
            gc.freeze()
            laid = [lay_out_part(order.parts(content, styles)[0], order.texts(content), styles,
                                 order.invariant), appendix]
            their_pages = received(ours)
            numbers = page_numbers([laid[0].pages, their_pages[0], laid[1].pages, their_pages[1]])
            ours.send(numbers[1::2])
            mine = [one.finish(first_page=start, pages=total)
                    for one, (start, total) in zip(laid, numbers[0::2], strict=True)]
            their_bytes = received(ours)
            done = True
            return joined([mine[0], their_bytes[0], mine[1], their_bytes[1]])
        finally:
            ours.close()
            reap(child, grace=CHILD_GRACE_SECONDS if done else 0)


def _second_half(link: Connection, order: _Order, session: Session, styles: ReportStyles) -> None:
    """In the forked process: read, chart and lay out the second half; trade what the first needs."""
    with answering(link):
        with read_session_elsewhere(session) as own:  # never the inherited pool's connections
            second = order.content(order.scope.units[order.split:], own)
        latest = tuple(UnitCharts(unit.unit, tuple(latest_only(chart) for chart in unit.charts))
                       for unit in second.units)
        # Larger than the pipe holds: sent from a thread, so that laying out starts at once,
        # not when the first half has laid out its appendix and reads it.
        sending = threading.Thread(target=link.send, args=(("ok", latest),), daemon=True)
        sending.start()
        content = order.as_whole(second)
        gc.freeze()
        laid = [lay_out_part(part, order.texts(content), styles, order.invariant)
                for part in order.parts(content, styles)[1::2]]
        sending.join()  # one message at a time on the link
        trade_numbers(link, laid)
